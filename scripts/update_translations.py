"""Refresh the UI translations: extract strings with pyside6-lupdate, compile with lrelease.

    .venv/bin/python scripts/update_translations.py          # update .ts files, then build .qm
    .venv/bin/python scripts/update_translations.py --check  # fail if a .ts is out of date or
                                                             # an English string is unfinished

Swedish is the source language. resources/i18n/spurdesk_en.ts holds the English translation
(edit it with pyside6-linguist); spurdesk_sv.ts holds only the Swedish plural forms ("%n
åtgärd(er)" → "1 åtgärd" / "2 åtgärder"), which Qt takes from a translation even for the source
language. lupdate keeps every existing translation when it merges new strings in.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "spurdesk" / "ui"
I18N = ROOT / "resources" / "i18n"
TRANSLATIONS = {"en": I18N / "spurdesk_en.ts", "sv": I18N / "spurdesk_sv.ts"}


def tool(name: str) -> str:
    """The PySide6 tool beside the running interpreter (.venv/bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into the environment")
    return found


def source_files() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def lupdate(language: str, target: Path) -> None:
    arguments = [
        tool("pyside6-lupdate"),
        "-silent",
        "-locations",  # no line numbers: the .ts changes only when the strings do
        "none",
        "-no-obsolete",
        "-source-language",
        "sv_SE",
        "-target-language",
        "en_GB" if language == "en" else "sv_SE",
    ]
    if language == "sv":
        arguments.append("-pluralonly")
    subprocess.run([*arguments, *source_files(), "-ts", str(target)], cwd=ROOT, check=True)


def lrelease(source: Path) -> Path:
    target = source.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], cwd=ROOT, check=True
    )
    return target


def unfinished(ts_file: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") == "unfinished":
            missing.append(source)
    return missing


def check() -> int:
    """Exit status 1 if lupdate would change a .ts file or English strings are unfinished."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for language, ts_file in TRANSLATIONS.items():
            copy = Path(folder) / ts_file.name
            shutil.copyfile(ts_file, copy)
            lupdate(language, copy)
            if copy.read_bytes() != ts_file.read_bytes():
                problems.append(f"{ts_file.name} is out of date: run {Path(__file__).name}")
    for text in unfinished(TRANSLATIONS["en"]):
        problems.append(f"untranslated: {text!r}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    I18N.mkdir(parents=True, exist_ok=True)
    for language, ts_file in TRANSLATIONS.items():
        lupdate(language, ts_file)
        print(f"{lrelease(ts_file).relative_to(ROOT)}")
    left = unfinished(TRANSLATIONS["en"])
    if left:
        print(f"{len(left)} English strings still to translate in {TRANSLATIONS['en'].name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
