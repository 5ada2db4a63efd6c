#!/usr/bin/env bash
# Installs spurdesk with its test tools into .venv (created when missing) and runs every check:
# ruff, the import-layering contract and the whole pytest suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-venv.sh "[test]"
.venv/bin/ruff check .
.venv/bin/lint-imports
exec .venv/bin/pytest "$@"
