"""Standard output and error that take any text, and standard output whose failures are known
as its own.

A full disk behind ``> out.json`` (or ``> /dev/full``) makes a write to standard output raise
an :class:`OSError` like any other, from wherever the command printed; without knowing where
it came from, the command line could only call it an internal error. Standard output is
rebuilt here over a raw stream that raises :class:`StandardOutputFailed` instead, so the
command line can say what happened in one line.

A reader that went away (``| head``), of standard output or of standard error, is
:class:`ReaderGone`: the run ends as SIGPIPE ends ``cat`` or ``grep``, silently, whichever
command was running and whichever output the reader was on (Python ignores SIGPIPE, so that
a write into such a pipe fails instead, and click made that failure exit status 1, the
status of a finding).
"""

from __future__ import annotations

import codecs
import errno
import io
import os
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class StandardOutputFailed(OSError):
    """Standard output refused what was printed: a full disk, a file too large, an I/O
    error."""


class StandardErrorFailed(OSError):
    """Standard error refused what was said (``2> /dev/full``): nothing more can be said."""


class ReaderGone(BaseException):
    """The reader of an output went away: a broken pipe (``argmap export m.yaml --to json |
    head -c 10``). A ``BaseException``, as :class:`argmap.terminate.Terminated` is, since it
    ends the run as the SIGPIPE that Python ignores would have: no ``except Exception`` or
    ``except OSError`` on the way takes it for the failure of one map or one file, and the
    console entry point dies of SIGPIPE once the run has unwound (its temporary files
    removed, its worker processes stopped)."""


class _Raw(io.RawIOBase):
    """File descriptor ``fd``, written with ``os.write``: a broken pipe is
    :class:`ReaderGone`; its other failures are ``failed``."""

    def __init__(self, fd: int, failed: type[OSError]) -> None:
        super().__init__()
        self._fd = fd
        self._failed = failed

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise self._failed(exc.errno, exc.strerror) from None


class _Closed(io.RawIOBase):
    """No file descriptor: standard output closed before argmap started (``>&-``). Every
    write is :class:`StandardOutputFailed`, "it is closed"."""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, data: ReadableBuffer, /) -> int:
        raise StandardOutputFailed(errno.EBADF, "it is closed")


def closed_standard_output() -> TextIO:
    """What ``sys.stdout`` is when standard output was closed before argmap started (Python
    makes it None, and ``click.echo`` then drops what a command prints, which exited 0): a
    text stream that writes through at once, so that the first text a command prints fails
    (:class:`StandardOutputFailed`) where it is printed, not in the flush at exit. A command
    that prints nothing there (render writing its files) is not troubled."""
    return io.TextIOWrapper(
        cast(BinaryIO, _Closed()),  # unbuffered: each write reaches it
        encoding="utf-8",
        newline="\n",
        write_through=True,
    )


def is_closed(stream: object) -> bool:
    """Whether ``stream`` is :func:`closed_standard_output` (or None, as Python leaves it)."""
    return stream is None or (
        isinstance(stream, io.TextIOWrapper) and isinstance(stream.buffer, _Closed)
    )


def in_utf8(stream: TextIO) -> TextIO:
    """``stream`` (``sys.stdout``, ``sys.stderr``) reconfigured so that no text fails to be
    written: UTF-8 into a file or a pipe, whatever the locale says (Python on Windows writes
    redirected output in the ANSI code page, where '→' has no byte; and JSON, SARIF and YAML
    are UTF-8 to their readers); a terminal keeps its encoding, with what it cannot show as
    escapes (``\u2192``)."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream
    if codecs.lookup(stream.encoding).name == "utf-8":
        return stream
    try:
        terminal = stream.isatty()
    except (OSError, ValueError):
        terminal = False
    if terminal:
        stream.reconfigure(errors="backslashreplace")
    else:
        stream.reconfigure(encoding="utf-8")
    return stream


def guarded(stream: TextIO, failed: type[OSError] = StandardOutputFailed) -> TextIO:
    """``stream`` (``sys.stdout``, ``sys.stderr``) as a text stream of the same encoding and
    buffering whose broken pipe is :class:`ReaderGone` and whose other failures are
    ``failed`` (:class:`StandardOutputFailed`, :class:`StandardErrorFailed`); ``stream``
    itself when it is not a file descriptor written through Python's own layers (a console
    on Windows, a test's capture)."""
    if os.name != "posix" or not isinstance(stream, io.TextIOWrapper):
        return stream
    buffer = stream.buffer  # the FileIO itself under -u (PYTHONUNBUFFERED)
    raw = buffer if isinstance(buffer, io.FileIO) else getattr(buffer, "raw", None)
    if not isinstance(raw, io.FileIO):
        return stream
    stream.flush()
    return io.TextIOWrapper(
        io.BufferedWriter(_Raw(raw.fileno(), failed)),
        encoding=stream.encoding,
        errors=stream.errors,
        newline="\n",
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )
