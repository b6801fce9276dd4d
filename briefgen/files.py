"""Reading inputs so that no file reaches past its place: only regular files are read, their
size is checked before reading and a read stops at the limit, and a file named inside a
folder must resolve inside it (symlinks resolved first).

A FIFO, a device or a folder is refused at once, before anything is read from it: the file
is opened without blocking and looked at with ``fstat`` on the open descriptor, so what is
checked is what is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

from briefgen.errors import BriefgenError

MAX_SEED_BYTES = 4 * 1024 * 1024
"""Largest seed article read: an article's text is tens of kilobytes."""
MAX_TEMPLATE_BYTES = 1024 * 1024
"""Largest template file read: the default templates are a few kilobytes each."""
MAX_REFERENCE_BYTES = 20 * 1024 * 1024
"""Largest reference document (.docx) taken: the default one is about 30 kilobytes."""

_CHUNK = 1024 * 1024
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class InputError(BriefgenError):
    """An input that is not read: not a regular file, too large, or unreadable. ``message``
    and ``hint`` are kept apart so that a caller can place them in a located problem."""

    def __init__(self, message: str, hint: str = "", size: int | None = None) -> None:
        self.message = message
        self.hint = hint
        self.size = size
        """The file's size when it was refused for being too large (None: it grew past the
        limit while being read)."""
        super().__init__(f"{message} ({hint})" if hint else message)

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        return (type(self), (self.message, self.hint, self.size))


def describe_kind(mode: int) -> str:
    """What a file that is not a regular file is, in a user's words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path) -> int:
    """A descriptor open for reading on ``path``, which must be a regular file; never blocks
    (a FIFO without a writer opens at once, and is then refused)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(f"not a regular file but {describe_kind(mode)}",
                         "give the path of a file")
    return fd


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused if it is larger than ``limit``: the
    size is checked before reading, and at most ``limit + 1`` bytes are ever read (a file
    that grows meanwhile is caught too)."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise InputError(f"file is {size:,} bytes, more than the {limit:,} allowed",
                             size=size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    if left <= 0:
        raise InputError(f"file is more than the {limit:,} bytes allowed")
    return b"".join(chunks)


def hash_regular(path: Path) -> str:
    """SHA-256 of the regular file ``path``, read in chunks (memory stays flat); an
    ``InputError`` for anything else, an ``OSError`` if it cannot be read."""
    digest = hashlib.sha256()
    fd = open_regular(path)
    try:
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest()


def check_regular(path: Path, limit: int) -> None:
    """Refuse ``path`` unless it is a regular file (symlinks followed) of at most ``limit``
    bytes; nothing is read."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(f"file is {size:,} bytes, more than the {limit:,} allowed", size=size)


def resolve_inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` with every symlink resolved, or None if that lies outside ``folder``
    (also resolved): an absolute ``name``, a ``..`` that climbs out, a symlink that points
    out. Nothing is said of whether the file outside exists."""
    root = os.path.realpath(folder)
    try:
        target = os.path.realpath(os.path.join(root, name))
    except ValueError:  # a NUL in the name
        return None
    if os.path.commonpath([root, target]) != root or target == root:
        return None
    return Path(target)


ZIP_EARLIEST = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip member can carry: every .docx member's time unless
``SOURCE_DATE_EPOCH`` says otherwise."""


def read_source_date() -> tuple[int, int, int, int, int, int]:
    """The time every packaged file carries: ``SOURCE_DATE_EPOCH`` (seconds since 1970, as
    reproducible builds set it), raised to 1980-01-01 where it is earlier, as a zip cannot
    hold an earlier time; unset or empty, 1980-01-01. A value that is not a whole number of
    seconds, or past 2107 (the last year a zip can hold), is an ``OutputError`` naming the
    variable: nothing is built with a time other than the one asked for."""
    from briefgen.errors import OutputError

    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return ZIP_EARLIEST
    if not text.isdigit():
        raise OutputError(f"SOURCE_DATE_EPOCH={text!r} is not a whole number of seconds since "
                          "1970 (unset it, or give one, e.g. SOURCE_DATE_EPOCH=1732147200)")
    seconds = int(text)
    if seconds >= 4354819200:  # 2108-01-01T00:00:00Z
        raise OutputError(f"SOURCE_DATE_EPOCH={text} is after 2107, the last year a zip file "
                          "can hold (give seconds since 1970 before 4354819200)")
    moment = dt.datetime.fromtimestamp(max(seconds, 315532800), tz=dt.UTC)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second // 2 * 2)


def find_cache_root() -> Path:
    """Where briefgen keeps what it can make again (compiled templates, drawn charts):
    ``$BRIEFGEN_CACHE``, else ``$XDG_CACHE_HOME/briefgen``, else ``~/.cache/briefgen``."""
    root = os.environ.get("BRIEFGEN_CACHE")
    if root:
        return Path(root)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"
