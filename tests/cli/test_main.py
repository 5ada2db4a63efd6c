"""The command line's own behaviour: version, help and argument errors."""

import subprocess
import sys

import pytest

from spurdesk import __version__
from spurdesk.cli import main


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"spurdesk {__version__}"


def test_the_installed_package_carries_the_same_version() -> None:
    """pyproject.toml takes its version from spurdesk.__version__; the metadata must agree."""
    from importlib.metadata import version

    assert version("spurdesk") == __version__


def test_unknown_command_exits_non_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "spurdesk", "frobnicate"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_library_before_or_after_the_subcommand_is_the_same() -> None:
    from spurdesk.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["--library", "a.sqlite", "list"]).library == "a.sqlite"
    assert parser.parse_args(["list", "--library", "b.sqlite"]).library == "b.sqlite"
    assert parser.parse_args(["list"]).library is None
