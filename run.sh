#!/usr/bin/env bash
# Installs spurdesk into .venv (created when missing) and starts the desktop app.
# Extra arguments go to spurdesk, e.g. ./run.sh --demo or ./run.sh --library ~/spur.sqlite
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-venv.sh ""
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" && "$(uname)" == "Linux" ]]; then
    echo "spurdesk is installed, but this machine has no display to show a window on."
    echo "Run it offscreen:   QT_QPA_PLATFORM=offscreen ./run.sh"
    echo "or on a virtual screen:   xvfb-run ./run.sh"
    echo "or use the command line:   .venv/bin/spurdesk --help"
    exit 0
fi
if [[ "$(uname)" == "Linux" ]]; then
    # Qt's X11 plugin needs system libraries a fresh desktop may lack (most often libxcb-cursor0);
    # this names the missing ones and the package to install, instead of Qt's plugin error.
    .venv/bin/python -m spurdesk.display_check || exit 1
fi
exec .venv/bin/spurdesk "$@"
