"""What the tests that drive real clients share: Debian's Chromium, the rule for when it is
missing (CI fails, a laptop without it skips), and a free local port for a server under test."""
import os
import socket

import pytest

from coursekit.book.pdf import CHROMIUM

__all__ = ["CHROMIUM", "require_chromium", "free_port"]


def require_chromium(what: str) -> None:
    """Fail in CI, skip elsewhere, when ``/usr/bin/chromium`` (Debian's ``chromium``) is missing."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run {what}: {CHROMIUM} is missing (scripts/run-tests installs it)")
    pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}); scripts/run-tests installs it as root")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
