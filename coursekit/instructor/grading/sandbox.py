"""The OS sandbox student code runs in: bubblewrap around each worker slot, namespaces around each submission.

Per worker slot, bubblewrap (``bwrap``, Debian's ``bubblewrap``) starts the slot's zygote
(:mod:`coursekit.instructor.grading.runner`) in a mount namespace whose root is an empty read-only tmpfs
holding only Python and its packages, the course package and its data (read-only, at their usual
paths, so imports and ``coursekit.runtime.data.load`` work), a read-only stage (fonts, passwd), a minimal
``/dev``, and empty mount points. The exercises (masters, autograders, hidden tests), other
submissions and the output folder are not there at all. No network (a namespace with only a downed
loopback), its own PID and IPC namespaces, ``--die-with-parent``.

Per submission, the zygote's forked child calls :func:`isolate`: new mount, PID, IPC and UTS
namespaces; fresh size-limited tmpfs folders for ``/submission`` (the notebook's folder), ``/tmp``
and ``/dev/shm``, the only writable places; a ``/proc`` that shows only its own processes; then it
drops to an unprivileged user with no capabilities (when the grader is root, a uid per worker slot
that nothing else uses; otherwise, in bubblewrap's user namespace, the instructor's own uid with
every capability dropped). Its processes die together (it is PID 1 of its namespace) and with the
zygote.

Limits: wall-clock time and the resident memory of all of a submission's processes are enforced
from outside by :mod:`coursekit.instructor.grading.run`; address space, file size, core dumps and (as root)
the number of processes by rlimits the child sets before it runs any student code.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
import site
import subprocess
import sys
from pathlib import Path

SUBMISSION = "/submission"  # the notebook's folder inside the sandbox
STAGE = "/grade"  # what the grader hands every submission of a slot, read-only
DISK_BYTES = 256 * 2**20  # each of /submission and /tmp; tmpfs, so it also counts as memory
SHM_BYTES = 64 * 2**20
SLOT_UID = 1_990_000  # + worker slot: unprivileged uids no one else uses
JUDGE_SLOTS = 1000  # judges use SLOT_UID + JUDGE_SLOTS + slot, apart from the notebooks they judge

_CLONE_NEWNS, _CLONE_NEWUTS, _CLONE_NEWIPC, _CLONE_NEWPID = 0x00020000, 0x04000000, 0x08000000, 0x20000000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC, _MS_REMOUNT, _MS_BIND = 1, 2, 4, 8, 32, 4096
_MS_REC, _MS_PRIVATE = 1 << 14, 1 << 18
_PR_SET_PDEATHSIG = 1


class SandboxUnavailable(Exception):
    """bubblewrap is missing or cannot create namespaces here; the message says what to do."""


def is_root() -> bool:
    return os.geteuid() == 0


def bwrap_path() -> str:
    """bwrap on PATH, or :class:`SandboxUnavailable` saying how to get it."""
    path = shutil.which("bwrap")
    if not path:
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed, so student code cannot be isolated. Install it "
            "(Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap; macOS has none), "
            "or pass --no-sandbox to grade without isolation on a machine where only you run code")
    return path


def read_only_paths() -> list[str]:
    """What a notebook needs to import and load data: Python, its packages, the course, the data."""
    import coursekit
    from coursekit.runtime import data

    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *site.getsitepackages(),
             str(Path(coursekit.__file__).parent), str(data.DATA_DIR)}
    real = sorted({os.path.realpath(p) for p in paths if p and os.path.isdir(p)})
    # Drop paths inside another one (binding both is harmless but redundant).
    return [p for p in real if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in real)]


_ETC = ["ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "nsswitch.conf", "fonts",
        "mime.types", "ssl/openssl.cnf"]


def command(argv: list[str], *, env: dict[str, str], stage: Path | None, slot: int, zygote: bool) -> list[str]:
    """The bwrap command line that runs ``argv`` (a Python program, by absolute path) in the sandbox.

    A zygote keeps the capabilities :func:`isolate` needs to set up each submission; anything else
    (the judge) runs as the slot's unprivileged user from the start.
    """
    cmd = [bwrap_path(), "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net",
           "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox", "--clearenv"]
    if not is_root():
        cmd += ["--unshare-user", "--uid", "0", "--gid", "0"]
    for key, value in sorted(env.items()):
        cmd += ["--setenv", key, value]
    cmd += ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64"):
        path = f"/{top}"
        if os.path.islink(path):
            cmd += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            cmd += ["--ro-bind", path, path]
    for name in _ETC:
        cmd += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    # The writable tmpfs folders first: a read-only path inside one (a course cloned under /tmp)
    # must be bound on top of it, not hidden by it.
    cmd += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(SHM_BYTES), "--tmpfs", "/dev/shm",
            "--perms", "1777", "--size", str(DISK_BYTES), "--tmpfs", "/tmp", "--perms", "0755", "--dir", SUBMISSION]
    made = set()
    for path in read_only_paths():
        for parent in reversed(Path(path).parents[:-1]):  # traversable by the sandbox's user
            if str(parent) not in made:
                made.add(str(parent))
                cmd += ["--perms", "0755", "--dir", str(parent)]
        cmd += ["--ro-bind", path, path]
    if stage is not None:
        cmd += ["--ro-bind", str(stage), STAGE]
        for name in ("passwd", "group"):
            if (stage / name).is_file():
                cmd += ["--ro-bind", str(stage / name), f"/etc/{name}"]
    cmd += ["--remount-ro", "/", "--chdir", "/tmp"]
    if zygote:
        cmd += ["--cap-add", "ALL"] if not is_root() else \
            ["--cap-add", "CAP_SYS_ADMIN", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        return cmd + ["--", *argv]
    if is_root():
        uid = str(SLOT_UID + slot)
        cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"]
    else:
        cmd.append("--")
    return cmd + argv


def slot_uid(slot: int) -> int | None:
    """The unprivileged uid a slot's submissions run as (None: stay the instructor, as non-root)."""
    return SLOT_UID + slot if is_root() else None


def identity_files(stage: Path, slot: int) -> None:
    """/etc/passwd and /etc/group for the sandbox: one user, ``student``, whose home is in /tmp."""
    uid = slot_uid(slot)
    ids = (uid, uid) if uid is not None else (0, 0)  # bubblewrap maps the instructor to 0 inside
    (stage / "passwd").write_text(f"student:x:{ids[0]}:{ids[1]}:student:/tmp/home:/bin/sh\n", encoding="utf-8")
    (stage / "group").write_text(f"student:x:{ids[1]}:\n", encoding="utf-8")


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def isolate(uid: int | None, disk: int) -> None:
    """Called in a fresh child of the zygote; returns in a grandchild that is PID 1 of new namespaces,
    with fresh writable folders and no privileges. The child itself waits and exits with it."""
    libc = _libc()
    _check(libc.unshare(_CLONE_NEWNS | _CLONE_NEWPID | _CLONE_NEWIPC | _CLONE_NEWUTS), "unshare")
    _check(libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None), "make mounts private")
    read_only = read_only_paths()
    for path, size in ((SUBMISSION, disk), ("/tmp", disk), ("/dev/shm", SHM_BYTES)):
        # Read-only paths inside the folder (the course cloned under /tmp) are held open, then bound
        # again on top of the fresh tmpfs, read-only.
        inside = [p for p in read_only if p.startswith(path.rstrip("/") + "/")]
        held = [(p, os.open(p, os.O_PATH | os.O_DIRECTORY)) for p in inside]
        _check(libc.mount(b"tmpfs", path.encode(), b"tmpfs", _MS_NOSUID | _MS_NODEV,
                          f"size={size},mode=1777".encode()), f"mount {path}")
        for kept, fd in held:
            os.makedirs(kept, mode=0o755, exist_ok=True)
            _check(libc.mount(f"/proc/self/fd/{fd}".encode(), kept.encode(), None, _MS_BIND | _MS_REC, None),
                   f"bind {kept}")
            _check(libc.mount(None, kept.encode(), None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | _MS_NOSUID | _MS_NODEV,
                              None), f"make {kept} read-only")
            os.close(fd)
    pid = os.fork()
    if pid:
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    _check(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "die with the parent")
    _check(libc.mount(b"proc", b"/proc", b"proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None), "mount /proc")
    libc.sethostname(b"sandbox", 7)
    os.chdir(SUBMISSION)
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # from root to another uid: every capability goes
    else:
        _drop_capabilities(libc)


def _drop_capabilities(libc) -> None:
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3, all zero
    _check(libc.capset(ctypes.byref(header), data), "drop capabilities")


def probe() -> None:
    """Start one trivial sandbox, or raise :class:`SandboxUnavailable` with bwrap's own words."""
    cmd = command([sys.executable, "-c", "open('/tmp/probe', 'w').write('ok')"],
                  env={"PATH": "/usr/bin:/bin"}, stage=None, slot=0, zygote=False)
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SandboxUnavailable(f"bubblewrap could not start: {exc}") from None
    if proc.returncode != 0:
        said = " ".join(proc.stderr.decode("utf-8", "replace").split())[:300] or f"exit status {proc.returncode}"
        raise SandboxUnavailable(
            f"bubblewrap is installed but cannot create a sandbox here ({said}); on a locked-down host "
            "enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) or run the "
            "grader as root, or pass --no-sandbox to grade without isolation")
