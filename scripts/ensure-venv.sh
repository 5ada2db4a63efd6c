# Sourced by run.sh and test.sh: creates .venv with Python >= 3.11 and installs spurdesk
# (editable, so resources/ is found beside the package) with the extras given as $1.
extras="$1"
if [[ ! -x .venv/bin/python ]]; then
    python_cmd=""
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [[ -n "$candidate" ]] || continue
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            python_cmd="$candidate"
            break
        fi
    done
    if [[ -z "$python_cmd" ]]; then
        echo "spurdesk needs Python 3.11 or newer; none was found on PATH." >&2
        exit 1
    fi
    echo "Creating .venv with $python_cmd ..."
    "$python_cmd" -m venv .venv
fi
stamp=".venv/.install-stamp${extras}"
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" ]]; then
    echo "Installing spurdesk${extras} into .venv ..."
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extras}"
    touch "$stamp"
fi
