#!/usr/bin/env bash
# Builds the one-folder bundle with PyInstaller into dist/spurdesk/ (work files in build/; both
# git-ignored) and smoke-tests the frozen app: --version must match spurdesk.__version__ and
# `self-check` must pass. Run before every release; see packaging/README.md.
#
#   packaging/build.sh            build and self-check
#   packaging/build.sh --clean    also empty PyInstaller's cache first (a from-scratch build)
#   packaging/build.sh --measure  also time the start to a first painted window (offscreen)
#
# Needs `pip install -e '.[packaging]'` in .venv. Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

clean=()
measure=0
for arg in "$@"; do
    case "$arg" in
        --clean) clean=(--clean) ;;
        --measure) measure=1 ;;
        *) echo "build.sh: unknown option $arg (expected --clean or --measure)" >&2; exit 2 ;;
    esac
done

case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) python=.venv/Scripts/python.exe; exe=dist/spurdesk/spurdesk-cli.exe ;;
    Darwin) python=.venv/bin/python; exe=dist/spurdesk.app/Contents/MacOS/spurdesk ;;
    *) python=.venv/bin/python; exe=dist/spurdesk/spurdesk ;;
esac
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: PyInstaller is missing; install it with: $python -m pip install -e '.[packaging]'" >&2
    exit 1
fi

echo "== PyInstaller build"
started=$(date +%s)
"$python" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
    --distpath dist --workpath build packaging/spurdesk.spec
build_seconds=$(( $(date +%s) - started ))

echo "== Frozen app: version"
expected="spurdesk $("$python" -c 'import spurdesk; print(spurdesk.__version__)')"
actual="$("$exe" --version)"
if [[ "$actual" != "$expected" ]]; then
    echo "build.sh: the frozen app says '$actual', pyproject.toml '$expected'" >&2
    exit 1
fi
echo "$actual"

echo "== Frozen app: self-check"
# An empty user criteria folder: the build machine's own criteria files must not count.
criteria_dir="$(mktemp -d)"
trap 'rm -rf "$criteria_dir"' EXIT
SPURDESK_CRITERIA_DIR="$criteria_dir" "$exe" self-check

if (( measure )); then
    echo "== Frozen app: start to first painted window"
    library="$criteria_dir/measure.sqlite"
    "$exe" demo --out "$library" >/dev/null
    "$python" packaging/measure_startup.py -- "$exe" --library "$library"
fi

echo "== Done"
echo "build time: ${build_seconds} s"
echo "bundle size: $(du -sh dist/spurdesk | cut -f1) (dist/spurdesk)"
