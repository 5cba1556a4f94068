"""Grade a class of submitted notebooks into a gradebook, machine-readable results and feedback.

``coursekit grade EXERCISE SUBMISSIONS --out OUT [--workers N | --scheduler tcp://HOST:PORT] [--timeout S]
[--memory MB] [--no-sandbox]``

With ``--scheduler``, :mod:`~coursekit.instructor.grading.cluster` sends each submission to a Dask cluster's workers, which
grade it exactly as here; the files written are the same, byte for byte.

The design, in two halves that never share a process:

1. **Student code runs in an OS sandbox** (:mod:`~coursekit.instructor.grading.sandbox`: bubblewrap around
   each worker's warm interpreter, fresh mount, PID and IPC namespaces and folders per submission,
   an unprivileged user, no network; the exercises, hidden tests, other submissions and the output
   folder do not exist there). :mod:`~coursekit.instructor.grading.runner` forks an isolated child per
   submission that executes the cells in IPython and, at the point where ``otter run`` checks each
   question, exports the values that question's tests read as plain data
   (:mod:`~coursekit.instructor.grading.plain`: numbers, strings, containers, numpy and pandas values by value,
   a chart as its plain facts). :mod:`~coursekit.instructor.grading.run` watches it from outside: time, memory
   of all its processes, output size.
2. **Answers are judged outside it** (:mod:`~coursekit.instructor.grading.judge`): a separate process that never
   runs student code rebuilds the values with a loader that constructs only plain data and runs the
   autograder's tests on them with otter's own test classes, so scores equal ``otter run``'s on
   ordinary submissions; each is clamped to its question's points.

Nothing the sandbox writes is trusted except those values, and they can only be data: an ``int``
subclass with a lying ``__eq__`` is not exported (its tests fail, and the reason says why), forged
records carry no scores because the judge computes every score itself, and the hidden tests are not
in the sandbox to be read. Without bubblewrap, grading stops unless ``--no-sandbox`` is given; the
judge still works the same way then, but the notebook runs as the grader's user and can read or
change what that user can.

Nothing of the old in-kernel audit hook is kept: the OS sandbox now does what it attempted
(keeping a notebook from reading the tests, writing outside, starting processes that matter, using
the network), and since no result is read from the student's process any more, detecting tampering
there would protect nothing. Functions are not plain data either: no test here calls a student's
function, and one that did would fail in the judge; ``tests/test_grading_exercises.py`` grades every
master's solutions through the sandbox, so such a test would be caught at once (the runner's
snapshot is where its results would be computed, as the chart facts are).

What the sandbox does not do: it shares the kernel with the grader (a kernel exploit escapes it); a
notebook can compute the right answers itself (that is answering); it can use its CPU time and
memory allowance fully (two notebooks on a two-core machine slow each other down).

Submissions are the ``*.ipynb`` files of SUBMISSIONS (names starting with "." are skipped). The
student is the file name up to the first ``__`` (``alice.ipynb``, ``alice__v2.ipynb``). When a student
has several files, the one whose name sorts last counts (numbers compare as numbers, so
``alice__10`` beats ``alice__9`` and ``alice__v2`` beats ``alice``); the others are still graded but
marked ``counted: false``, "superseded by ...".

Outputs (rewritten atomically; the same inputs give byte-identical files, timings apart, as long as
the notebooks' own error messages are deterministic: memory addresses and work paths are masked),
written by :mod:`~coursekit.instructor.grading.gradebook`:

* ``gradebook.csv``: student, file, one column per auto-graded question, total, max, status
  (graded | timeout | kernel-died | error | invalid | wrong-exercise), counted, reason;
* ``results.json``: the same per submission plus the sha256 of the file and each question's score
  and possible points; ``timings.json``: seconds and peak memory per submission;
* ``feedback/<student>.md``: per question the score, messages of failed public tests and only a
  count of hidden ones (feedback files of students absent from this run are removed, so the folder
  always matches the gradebook).
"""
import importlib

# Imported on first use, so the sandboxed runner (which needs only ``plain``) starts fast.
_HOMES = {
    "cli": ["main"],
    "grader": ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "REASON_CAP", "grade_folder", "grade_one"],
    "exercise": ["Layout", "Question", "layout_of", "names_used", "plan", "questions_of"],
    "gradebook": ["STATUSES", "Result", "feedback_md", "gradebook_csv", "results_json", "write_atomic"],
    "submissions": ["GradingError", "Ungradable", "counted_files", "read_notebook", "student_of"],
}
_WHERE = {name: module for module, names in _HOMES.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"coursekit.instructor.grading.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'coursekit.instructor.grading' has no attribute {name!r}")
