"""Writing outputs atomically: a temporary file in the target's folder, then a rename.

An interrupted run, a full disk or a second argmap writing the same file never leaves a
half-written output behind; readers see the old file or the new one, whole. A pipe, a
device or a descriptor named as the output is written into, never replaced; one found where a
file of an output folder would go is refused (:class:`NotAFileToReplace`): the user named the
folder, not it, and writing into a FIFO nobody reads waits for ever.

The temporary file is ``.argmap-XXXXXXXX.tmp`` (20 bytes), whatever the target's name: a name
built from the target's would be longer than it, and fail for a target near the file
system's limit on a name (255 bytes on most). A new output gets the permissions the umask
allows (0644 under the usual 022); a replaced one keeps its own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path


class NotAFileToReplace(OSError):
    """A FIFO, a socket or a device where an output that the user did not name would go (a
    map's file in an output folder): neither written into nor replaced."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EEXIST, f"not a regular file ({kind})", str(path))
        self.kind = kind


def write_atomic(path: Path, data: bytes, *, named: bool = True) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always either old or new, never partial.

    Where the user ``named`` ``path`` (``-o FILE``), anything there that is neither a regular
    file nor a folder (a character device such as ``/dev/null``, a pipe such as
    ``>(gzip > x.gz)``, a socket), and a name of an open file descriptor (``/dev/stdout``,
    ``/dev/fd/3``), is a place to write into, as given: never replaced by a temporary file
    (:func:`stream_kind`). Where ``path`` was made from a folder's name (``-o out/``), such a
    thing is :class:`NotAFileToReplace`, never opened: a FIFO would block until read."""
    if not named:
        kind = _special_kind(path)
        if kind is not None:
            raise NotAFileToReplace(path, kind)
    elif stream_kind(path) is not None:
        with open(path, "wb") as stream:
            stream.write(data)
        return
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = _mode_of(path)
    temporary = None
    try:  # a signal may come between any two steps, the temporary file's making included
        fd, temporary = _create_temporary(folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise


def _mode_of(path: Path) -> int | None:
    """The permissions of the regular file at ``path``, which its replacement keeps (as an
    editor's save does); None when there is none, or a link is there (replaced, not followed)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _create_temporary(folder: Path) -> tuple[int, str]:
    """A new ``.argmap-XXXXXXXX.tmp`` in ``folder``, open for writing. Created with mode 0666
    less the umask, as any program creates a file (``tempfile.mkstemp`` makes it 0600, private
    to its owner, and that would stay the output's mode)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        name = str(folder / f".argmap-{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
        except OSError:
            raise  # not created: a name that is there is another's
        except BaseException:  # Ctrl-C or SIGTERM (argmap.terminate), perhaps once created
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


_ATTEMPTS = 100


def stream_kind(path: Path) -> str | None:
    """What ``path`` is when it is a place to write into rather than a file to replace: "a
    pipe", "a character device", "a block device", "a socket", or "a file descriptor" for a
    name of one (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/3``) that leads to a regular
    file (``> out.svg``); None for a regular file, a folder, or nothing there."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    if stat.S_ISREG(mode) and _DESCRIPTOR.fullmatch(os.path.abspath(path)):
        return "a file descriptor"
    return None


_KINDS = (
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _special_kind(path: Path) -> str | None:
    """What is at ``path`` (a link followed) when it is neither a regular file nor a folder:
    "a FIFO", "a socket", "a character device", "a block device"; None otherwise."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    return next((kind for test, kind in _KINDS if test(mode)), None)


_DESCRIPTOR = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")


def cannot_write(path: Path, error: OSError) -> str:
    """Why ``path`` could not be written, for a person: the folder or file in the way, or the
    system's reason (a full disk, no permission)."""
    if isinstance(error, NotAFileToReplace):
        return f"{path}: is not a regular file ({error.kind}); remove it or name another output"
    if isinstance(error, IsADirectoryError) or _is_folder(path):
        return f"cannot write {path}: it is a folder"
    blocker = next((p for p in path.parents if _is_file_not_folder(p)), None)
    if blocker is not None:
        return f"cannot write {path}: {blocker} is a file, not a folder"
    loop = next((p for p in reversed(path.parents) if _loops(p)), None)
    if loop is not None:  # the folder could not be made: something is there
        return f"cannot write {path}: {loop} is a loop of symbolic links"
    if isinstance(error, PermissionError):
        return f"cannot write {path}: permission denied"
    return f"cannot write {path}: {error.strerror or error}"


def _is_folder(path: Path) -> bool:
    """``path.is_dir()``, false where the system cannot even look (a name too long)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _is_file_not_folder(path: Path) -> bool:
    """Whether something other than a folder is at ``path``, false where the system cannot
    look."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _loops(path: Path) -> bool:
    """Whether following the symbolic links of ``path`` never ends."""
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False
