"""``python -m coursekit.grading``: the same as ``coursekit grade``."""
import sys

from coursekit.grading.cli import main

sys.exit(main())
