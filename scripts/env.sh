# Sourced by the scripts: make .venv from the course's lock files if it is missing or stale.
# The lock installed is requirements/test.txt where it exists (the instructor's repository: every
# role), else requirements/book.txt (a student release, which ships only that and requirements.txt);
# each reads the one before it with -r, down to requirements.txt.
# COURSEKIT_VENV=DIR instead uses an environment that already has the locks installed,
# as it is (nothing is installed or changed in it), with this checkout's coursekit first on the
# path; the tests build a student release this way, offline, with the course's own .venv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COURSEKIT_VENV:-$ROOT/.venv}"
STAMP="$VENV/.requirements.sha256"
LOCK="$ROOT/requirements/test.txt"
[ -f "$LOCK" ] || LOCK="$ROOT/requirements/book.txt"
if [ -n "${COURSEKIT_VENV:-}" ]; then
  [ -x "$VENV/bin/python" ] || { echo "COURSEKIT_VENV=$VENV: no bin/python there" >&2; exit 2; }
  export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
else
  PY="${PYTHON:-python3.11}"
  command -v "$PY" >/dev/null 2>&1 || PY=python3
  # The stamp: every lock file, and of pyproject.toml what pip reads to install coursekit
  # ([build-system], [project], [tool.setuptools]), so editing the ruff or pytest settings keeps .venv.
  # Computed by .venv's own Python: none there (or a broken one) means build it.
  coursekit_stamp() {
    "$VENV/bin/python" - "$ROOT" <<'EOF'
import hashlib, json, sys, tomllib
from pathlib import Path

root = Path(sys.argv[1])
digest = hashlib.sha256()
for lock in [root / "requirements.txt", *sorted((root / "requirements").glob("*.txt"))]:
    digest.update(f"{lock.relative_to(root)}\n".encode() + lock.read_bytes() + b"\0")
pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
install = {"build-system": pyproject.get("build-system"), "project": pyproject.get("project"),
           "tool.setuptools": pyproject.get("tool", {}).get("setuptools")}
digest.update(json.dumps(install, sort_keys=True).encode())
print(digest.hexdigest())
EOF
  }
  want="$(coursekit_stamp 2>/dev/null)" || want=""
  if [ -z "$want" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
    "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' \
      || exit 1
    echo "setting up $VENV from ${LOCK#"$ROOT"/} ..." >&2
    "$PY" -m venv "$VENV"
    pip_log="$VENV/pip.log"
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -r "$LOCK" >"$pip_log" 2>&1; then
      grep -v "^WARNING: Location" "$pip_log" >&2; echo "pip install failed (full log: $pip_log)" >&2; exit 1
    fi
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" >>"$pip_log" 2>&1 \
      || { tail -20 "$pip_log" >&2; exit 1; }
    "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
    coursekit_stamp > "$STAMP" || exit 1
  fi
fi
export PATH="$VENV/bin:$PATH"
export PYTHONHASHSEED=0
cd "$ROOT"
