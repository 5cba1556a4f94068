"""The published repository, as ``_config.yml`` names it (``repository.url`` and ``.branch``).

Here rather than in :mod:`coursekit.book.launch` (which derives the launch buttons and Colab
cells from it) because the runtime needs it too: :mod:`.remote` downloads data from it.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from coursekit import ROOT

__all__ = ["CONFIG_FILE", "Repository", "repository"]

CONFIG_FILE = ROOT / "_config.yml"


class Repository(tuple):
    """``(url, branch)`` of the published repository, with the addresses derived from them."""

    def __new__(cls, url: str, branch: str = "main"):
        return super().__new__(cls, (url.rstrip("/").removesuffix(".git"), branch or "main"))

    url = property(lambda self: self[0])
    branch = property(lambda self: self[1])

    @property
    def org_repo(self) -> tuple[str, str]:
        parts = urlparse(self.url).path.strip("/").split("/")
        if len(parts) < 2:
            raise ValueError(f"{self.url}: not a repository address (expected https://HOST/OWNER/NAME)")
        return parts[0], parts[1]

    @property
    def name(self) -> str:
        return self.org_repo[1]

    def raw_url(self, path: str = "") -> str:
        """The address of a file of the repository as served raw (GitHub or GitLab)."""
        host = urlparse(self.url).netloc.lower()
        org, repo = self.org_repo
        if host == "github.com":
            base = f"https://raw.githubusercontent.com/{org}/{repo}/{self.branch}"
        elif host == "gitlab.com":
            base = f"{self.url}/-/raw/{self.branch}"
        else:
            raise ValueError(f"{self.url}: raw file addresses are known for github.com and gitlab.com only")
        return f"{base}/{path.lstrip('/')}" if path else base


def repository(config: Path = CONFIG_FILE) -> Repository:
    """The ``repository`` section of the book's ``_config.yml``."""
    import yaml

    try:
        section = (yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {}).get("repository") or {}
    except FileNotFoundError:
        raise FileNotFoundError(f"{config}: no book configuration (the repository address is set there)") from None
    if not section.get("url"):
        raise ValueError(f"{config}: repository.url is not set")
    return Repository(str(section["url"]), str(section.get("branch") or "main"))
