"""``python -m coursekit.instructor.grading``: the same as ``coursekit grade``."""
import sys

from coursekit.instructor.grading.cli import main

sys.exit(main())
