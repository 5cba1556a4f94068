"""``coursekit`` command: one entry point, one sub-command per job."""
from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "execute": ("coursekit.notebooks", "run notebooks top to bottom and commit clean, deterministic outputs"),
    "assign": ("coursekit.assign", "generate student versions and autograders from exercise masters"),
    "grade": ("coursekit.grading", "grade a folder of submissions into a gradebook and feedback files"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        lines = [f"  {name:8} {help_}" for name, (_, help_) in COMMANDS.items()]
        print("usage: coursekit COMMAND [options]\n\ncommands:\n" + "\n".join(lines))
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
