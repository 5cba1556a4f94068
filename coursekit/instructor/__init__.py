"""What an instructor runs: :mod:`.assign` (student versions and autograders from the exercise
masters), :mod:`.grading` (a class graded in a sandbox, exported to an LMS or Gradescope) and
:mod:`.release` (the student release, which leaves this whole package out).
"""
