"""``coursekit`` command: one entry point, one sub-command per job."""
from __future__ import annotations

import importlib
import importlib.util
import sys

COMMANDS = {
    "execute": ("coursekit.book.notebooks", "run notebooks top to bottom and commit clean, deterministic outputs"),
    "assign": ("coursekit.instructor.assign", "generate student versions and autograders from exercise masters"),
    "grade": ("coursekit.instructor.grading", "grade a folder of submissions into a gradebook and feedback files"),
    "export": ("coursekit.instructor.grading.lms", "turn a gradebook and a roster into Canvas and Moodle grade imports"),
    "gradescope": ("coursekit.instructor.grading.gradescope", "build the Gradescope autograder zip of an exercise"),
    "release": ("coursekit.instructor.release", "generate the student release: the course without answers"),
}


def available() -> dict[str, tuple[str, str]]:
    """The commands whose module is installed: the student release ships only the runtime's."""
    found = {}
    for name, (module, help_) in COMMANDS.items():
        try:
            if importlib.util.find_spec(module) is not None:
                found[name] = (module, help_)
        except ModuleNotFoundError:  # its parent package is not there
            pass
    return found


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = available()
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in commands:
        lines = [f"  {name:10} {help_}" for name, (_, help_) in commands.items()]
        print("usage: coursekit COMMAND [options]\n\ncommands:\n" + "\n".join(lines))
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(commands[argv[0]][0])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
