"""Where the shipped data lives: resources/ beside the package, or inside a frozen bundle."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding criteria/, templates/, fonts/, i18n/ and demo/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
