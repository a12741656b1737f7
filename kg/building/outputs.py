"""The output folder of ``kg build``: builds published as one set by one atomic switch, and a lock.

Layout of ``DIR`` (``-o DIR``)::

    kg.ttl, kg.trig, explorer.html, store   links into .newsgraph/current/ (made once)
    .newsgraph/lock                         held by the build that is writing
    .newsgraph/current                      link to the published build: builds/<n>
    .newsgraph/builds/<n>/                  one build's kg.ttl, kg.trig, explorer.html, store/, manifest.json
    .newsgraph/articles.sqlite              the article archive (kg.building.incremental)

A build writes a new ``builds/<n>`` beside the published one and, when everything in it is
written and synced, replaces the ``current`` link by a rename — the one atomic step. A
reader therefore sees the old set or the new set, never a mix, and a build that dies at any
point (kill -9 included) leaves the last published set as it was; the next build removes
what it left. The build published before the current one is kept until the next switch,
so that a reader that opened it just before a switch can finish.

Readers must resolve ``DIR/store`` once (:func:`os.path.realpath`) and open that folder,
so that all the files they open belong to one build.

Two builds on one folder: the lock (``fcntl.flock``, released by the kernel when its
process dies however it dies) makes the second one stop at once with a one-line message.

Nothing is written through a link: files are made new (a temporary name, then a rename),
links are replaced by a rename, never followed for writing, the lock is opened with
``O_NOFOLLOW``, a ``.newsgraph`` that is a link is refused (E109), and clearing leftovers
never descends into a link (``shutil.rmtree`` refuses one).

Examples
--------
>>> import tempfile
>>> folder = OutputFolder(Path(tempfile.mkdtemp()))
>>> with folder.lock():
...     build = folder.new_build()
...     _ = (build / "kg.ttl").write_text("<urn:a> <urn:b> <urn:c> .")
...     folder.publish(build)
>>> (folder.path / "kg.ttl").read_text(), folder.current_build().name
('<urn:a> <urn:b> <urn:c> .', '000001')
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from kg.errors import KGError

__all__ = ["STATE_FOLDER", "PUBLISHED", "PAUSE_VARIABLE", "OutputFolder", "pause_point", "write_file_atomically"]

STATE_FOLDER = ".newsgraph"
PUBLISHED = ("kg.ttl", "kg.trig", "explorer.html", "store")  # what DIR shows of the current build
PAUSE_VARIABLE = "KG_TEST_PAUSE_AT"


def pause_point(stage: str) -> None:
    """A named point of a build where tests of crash safety stop it: when the environment
    variable ``KG_TEST_PAUSE_AT`` names ``stage``, say so on stderr and sleep (60 s, or
    ``KG_TEST_PAUSE_SECONDS``) so the test can kill the process there."""
    if os.environ.get(PAUSE_VARIABLE) == stage:
        print(f"kg: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("KG_TEST_PAUSE_SECONDS", "60")))


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_tree(root: Path) -> None:
    """Flush a folder's files and folders to disk, so that a switch never points at data
    that a power cut could still lose."""
    for folder, _, files in os.walk(root):
        for name in files:
            _fsync(Path(folder) / name)
        _fsync(Path(folder))


class OutputFolder:
    """The output folder of builds: where the current build is, and how a new one is published."""

    def __init__(self, out_dir: str | Path):
        self.path = Path(out_dir)
        self.state = self.path / STATE_FOLDER
        self.builds = self.state / "builds"
        self.current_link = self.state / "current"
        self.archive_path = self.state / "articles.sqlite"

    # --- reading ---------------------------------------------------------------------------

    def current_build(self) -> Path | None:
        """The folder of the published build; None before the first build."""
        try:
            target = os.readlink(self.current_link)
        except OSError:
            return None
        folder = self.state / target
        return folder if folder.is_dir() else None

    def holds_unrecorded_graph(self) -> bool:
        """Whether the folder holds the outputs of a build that kept no record of its
        articles (newsgraph before incremental builds): real files, not links."""
        if self.current_build() is not None:
            return False
        return any((self.path / name).exists() and not (self.path / name).is_symlink()
                   for name in ("kg.trig", "store"))

    def published_paths(self) -> dict[str, Path]:
        """The outputs ``DIR`` shows, by kind (trig, ttl, store, explorer)."""
        kinds = {"kg.trig": "trig", "kg.ttl": "ttl", "store": "store", "explorer.html": "explorer"}
        current = self.current_build()
        return {kind: self.path / name for name, kind in kinds.items()
                if current is not None and (current / name).exists()}

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder's build lock; a second build meanwhile gets a one-line error (E105)."""
        for own in (self.state, self.archive_path):  # everything below would be written through it
            if own.is_symlink():
                raise KGError("E109", f"cannot use {self.path} as output folder: {own} is a link; "
                                      "remove it (newsgraph writes its state into files of its own)")
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            # never through a link: the pid is written into this file
            descriptor = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            handle = os.fdopen(descriptor, "r+", encoding="utf-8")
        except OSError as error:
            raise KGError("E109", f"cannot use {self.path} as output folder: {error.strerror or error}") from None
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                handle.seek(0)
                holder = handle.read().strip()
                raise KGError("E105", f"another build is writing to {self.path}"
                                      f"{f' (process {holder})' if holder.isdigit() else ''}; "
                                      "try again when it has finished") from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            handle.close()  # closing releases the lock

    def _numbers(self) -> list[int]:
        if not self.builds.is_dir():
            return []
        return sorted(int(p.name) for p in self.builds.iterdir() if p.name.isdigit())

    def remove_leftovers(self) -> None:
        """Remove what builds left that no reader needs: every build but the current one
        and the one before it (a dead build's unfinished one too), and half-made links."""
        current = self.current_build()
        keep: set[str] = set()
        if current is not None:
            keep.add(current.name)
            earlier = [n for n in self._numbers() if n < int(current.name)]
            if earlier:
                keep.add(f"{earlier[-1]:06d}")
        for number in self._numbers():
            if f"{number:06d}" not in keep:
                shutil.rmtree(self.builds / f"{number:06d}", ignore_errors=True)
        for folder in (self.state, self.path):
            for leftover in folder.glob(".*.link-tmp") if folder.is_dir() else ():
                leftover.unlink(missing_ok=True)
        shutil.rmtree(self.state / "replaced", ignore_errors=True)

    def new_build(self) -> Path:
        """A new, empty build folder (not yet published)."""
        self.remove_leftovers()
        numbers = self._numbers()
        folder = self.builds / f"{(numbers[-1] if numbers else 0) + 1:06d}"
        folder.mkdir(parents=True)
        return folder

    def _replace_with_link(self, link: Path, target: str) -> None:
        """Make ``link`` a symbolic link to ``target`` in one rename (never writing through
        what was there)."""
        temporary = link.with_name(f".{link.name}.link-tmp")
        temporary.unlink(missing_ok=True)
        os.symlink(target, temporary)
        if link.is_dir() and not link.is_symlink():  # a store of a build before incremental builds
            aside = self.state / "replaced" / link.name
            shutil.rmtree(aside.parent, ignore_errors=True)
            aside.parent.mkdir(parents=True)
            link.rename(aside)
        os.replace(temporary, link)

    def link_published(self, name: str) -> None:
        """Make ``DIR/name`` the link to the current build's ``name`` if it is not already
        (a file added to the published build after it was published, e.g. by ``kg explore``)."""
        link = self.path / name
        target = f"{STATE_FOLDER}/current/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            self._replace_with_link(link, target)
            _fsync(self.path)

    def publish(self, build: Path) -> None:
        """Make ``build`` the current build: one atomic switch, then the links of ``DIR``."""
        _sync_tree(build)
        self._replace_with_link(self.current_link, os.path.relpath(build, self.state))
        _fsync(self.state)
        pause_point("switched")
        for name in PUBLISHED:
            link = self.path / name
            target = f"{STATE_FOLDER}/current/{name}"
            if not (build / name).exists():
                if link.is_symlink() and os.readlink(link) == target:
                    link.unlink()  # e.g. no explorer in this build: no dangling link
                continue
            if not (link.is_symlink() and os.readlink(link) == target):
                self._replace_with_link(link, target)
        _fsync(self.path)
        pause_point("linked")
        self.remove_leftovers()


def write_file_atomically(path: Path, write: Callable[[BinaryIO], None], code: str = "E801") -> Path:
    """Write a file by ``write(handle)`` into a new temporary file beside it, then rename it into
    place: a reader sees the old file or the new one, and a link at ``path`` is replaced, never
    written through. A failure leaves no temporary file and raises ``KGError(code)``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise KGError(code, f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise KGError(code, f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
