# Sourced by the scripts: make .venv from requirements.txt if it is missing or stale.
# COURSEKIT_VENV=DIR instead uses an environment that already has requirements.txt installed,
# as it is (nothing is installed or changed in it), with this checkout's coursekit first on the
# path; the tests build a student release this way, offline, with the course's own .venv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COURSEKIT_VENV:-$ROOT/.venv}"
STAMP="$VENV/.requirements.sha256"
want="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ -n "${COURSEKIT_VENV:-}" ]; then
  [ -x "$VENV/bin/python" ] || { echo "COURSEKIT_VENV=$VENV: no bin/python there" >&2; exit 2; }
  export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
elif [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  PY="${PYTHON:-python3.11}"
  command -v "$PY" >/dev/null 2>&1 || PY=python3
  "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
  echo "setting up $VENV from requirements.txt ..." >&2
  "$PY" -m venv "$VENV"
  pip_log="$VENV/pip.log"
  if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -r "$ROOT/requirements.txt" >"$pip_log" 2>&1; then
    grep -v "^WARNING: Location" "$pip_log" >&2; echo "pip install failed (full log: $pip_log)" >&2; exit 1
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" >>"$pip_log" 2>&1 \
    || { tail -20 "$pip_log" >&2; exit 1; }
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
  echo "$want" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
export PYTHONHASHSEED=0
cd "$ROOT"
