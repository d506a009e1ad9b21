"""A built library index kept on disk, so a fresh process (the CLI) answers without rebuilding.

The index of a folder of articles is saved with pickle to the user's cache folder
(``$MBCNAV_CACHE_DIR``, else ``$XDG_CACHE_HOME/mbcnav``, else ``~/.cache/mbcnav``) under a
name made from a hash of everything it is built from: the articles, the synonyms, stop
words and drug names, and the source of the modules that build it. Any change gives a
new name, so a stale index is never read. The folder is created private (0700) and files
are written atomically; the cache only holds what the bundled files already say, nothing
about any person. Set ``MBCNAV_LIBRARY_CACHE=off`` to always build in memory.
``python -m mbcnav.library build-index`` builds it ahead of time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
FORMAT = "library-index-v1"
INPUT_FILES = (
    HERE / "index.py",
    HERE / "scoring.py",
    HERE / "vocabulary.py",
    HERE / "articles.py",
    HERE / "data" / "synonyms.yaml",
    HERE / "data" / "stopwords.txt",
    HERE.parent / "patient" / "data" / "drugs.yaml",
)


def cache_dir() -> Path:
    if os.environ.get("MBCNAV_CACHE_DIR"):
        return Path(os.environ["MBCNAV_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mbcnav"


def enabled() -> bool:
    return os.environ.get("MBCNAV_LIBRARY_CACHE", "on").lower() not in {"off", "0", "no"}


def key(directory: str) -> str:
    """A hash of the folder's articles and of every file the index is built from."""
    digest = hashlib.sha256(FORMAT.encode())
    paths = sorted(Path(directory).glob("*.md")) + [p for p in INPUT_FILES if p.exists()]
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def path_for(directory: str) -> Path:
    return cache_dir() / f"library-index-{key(directory)}.pickle"


def load_or_build(directory: str, build: Callable[[], object]):
    """The saved index for a folder when there is one, else a new one (saved when possible)."""
    if not enabled():
        return build()
    path = path_for(directory)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file, named by the hash of its inputs
    except FileNotFoundError:
        pass
    except Exception as err:  # a damaged file: rebuild and overwrite it
        log.warning("The saved library index %s could not be read (%s); rebuilding it.", path, err)
    index = build()
    save(index, path)
    return index


def save(index, path: Path) -> bool:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except OSError as err:  # a read-only home: answer anyway, from memory
        log.info("The library index could not be saved to %s (%s).", path, err)
        return False
