"""Before the window: are the system libraries Qt needs to show it on X11 there?

Qt 6's X11 platform plugin (xcb) links against a set of xcb libraries. A fresh desktop (seen on
Debian with Xvfb) may lack one — since Qt 6.5 most often libxcb-cursor0 — and Qt then stops with
"Could not load the Qt platform plugin "xcb" … no Qt platform plugin could be initialized",
which names neither the library nor the package. This check loads each library the way the
plugin would (dlopen by its soname) and, for each one missing, says which package to install.

It runs only where Qt will use X11 (Linux, QT_QPA_PLATFORM unset or "xcb…", not a Wayland
session): offscreen, Wayland, Windows and macOS skip it, so it costs nothing there. Qt-free, so
`run.sh` runs it (`python -m spurdesk.display_check`) and `spurdesk` runs it before Qt starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

#: The xcb plugin's own libraries, by soname: (Debian/Ubuntu package, Fedora package).
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}


def uses_x11(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt will show the window through its xcb (X11) plugin."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.startswith("xcb")
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def _loads(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The sonames of XCB_LIBRARIES that cannot be loaded."""
    return [soname for soname in XCB_LIBRARIES if not loads(soname)]


def advice(missing: list[str]) -> str:
    """The message for the missing libraries: what is missing and the command that installs it."""
    debian = sorted({XCB_LIBRARIES[soname][0] for soname in missing})
    fedora = sorted({XCB_LIBRARIES[soname][1] for soname in missing})
    return "\n".join(
        [
            "spurdesk cannot open its window: Qt needs the system "
            + ("library " if len(missing) == 1 else "libraries ")
            + ", ".join(missing)
            + " to show windows on X11, and this computer does not have "
            + ("it." if len(missing) == 1 else "them."),
            "Install " + ("it" if len(missing) == 1 else "them") + ", then start spurdesk again:",
            f"    sudo apt install {' '.join(debian)}      (Debian, Ubuntu)",
            f"    sudo dnf install {' '.join(fedora)}      (Fedora)",
            "Without a window, spurdesk still works from the command line: spurdesk --help",
        ]
    )


def report_missing(
    err: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] = _loads,
) -> bool:
    """Print the advice to `err` (stderr) and return True when the window cannot be shown."""
    if not uses_x11(environ):
        return False
    missing = missing_libraries(loads)
    if not missing:
        return False
    stream = err if err is not None else sys.stderr
    if stream is not None:  # None in a windowed frozen build: the launcher's log takes it
        print(advice(missing), file=stream)
    return True


if __name__ == "__main__":  # run.sh: exit 1 (having said why) when the window cannot be shown
    raise SystemExit(1 if report_missing() else 0)
