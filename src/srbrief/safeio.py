"""Read input files safely: only regular files, never more than a limit.

Every file srbrief reads on a user's behalf (a briefing, an article text, a template) goes through
:func:`read_limited`: a FIFO, a device (``/dev/zero``), a socket or a folder is refused without blocking,
and reading stops at the limit + 1 byte, so a huge or sparse file costs no more than the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class InputFileError(Exception):
    """An input file cannot be read (not a regular file, too large, or an OS error); one plain line."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def describe_os_error(exc: OSError) -> str:
    """Return a plain-words reason for *exc* (no errno numbers)."""
    plain = {
        errno.ENOSPC: "disk full", errno.EDQUOT: "disk quota exceeded (disk full for this user)",
        errno.EFBIG: "file too large for the disk or the file size limit (disk full?)",
        errno.EROFS: "read-only file system", errno.EACCES: "permission denied", errno.EPERM: "not permitted",
        errno.ENOENT: "no such file or folder", errno.ENAMETOOLONG: "file name too long",
        errno.ENOTDIR: "a part of the path is not a folder", errno.EISDIR: "is a folder",
        errno.EIO: "input/output error (disk failing or removed?)",
        errno.ELOOP: "too many levels of symbolic links (a link loop?)",
        errno.EWOULDBLOCK: "another program holds it locked",
    }
    return plain.get(exc.errno or 0, exc.strerror or str(exc))


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: Path, what: str = "file", flags: int = os.O_RDONLY) -> int:
    """Return a file descriptor for the regular file *path*, opened without blocking (a FIFO is refused, not
    waited on); raise :class:`InputFileError` for anything else."""
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputFileError(path, f"cannot read the {what}: {describe_os_error(exc)}") from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise InputFileError(path, f"cannot read the {what}: {describe_os_error(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputFileError(path, f"the {what} is {_kind(info.st_mode)}, not a regular file")
    return fd


def read_fd_limited(fd: int, path: Path, limit: int, what: str = "file") -> bytes:
    """Return the bytes of the open regular file *fd* from its start; never more than *limit* + 1 bytes."""
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise InputFileError(path, f"{what} too large ({_size(size)}; the limit is {_size(limit)})")
        os.lseek(fd, 0, os.SEEK_SET)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputFileError(path, f"cannot read the {what}: {describe_os_error(exc)}") from None
    if total > limit:  # the file grew while we read it
        raise InputFileError(path, f"{what} too large (more than {_size(limit)})")
    return b"".join(chunks)


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """Return the bytes of the regular file *path*; raise :class:`InputFileError` if it is anything else
    or larger than *limit* bytes. Never blocks on a FIFO and never reads more than *limit* + 1 bytes."""
    fd = open_regular(path, what)
    try:
        return read_fd_limited(fd, path, limit, what)
    finally:
        os.close(fd)


def _size(n: int) -> str:
    mb = 1024 * 1024
    if n % mb == 0 and n:
        return f"{n // mb} MB"
    return f"{n / mb:.1f} MB" if n >= mb else f"{n} bytes"
