"""Reading a source file into a :class:`SourceText`, or a :class:`SourceError` saying why not.

Reading is the only I/O of the verify stage and lives in :func:`read_source` alone; everything
after the bytes are in memory (:func:`parse_source`) is pure, so it is tested without files.
Source files are untrusted: they may be huge, binary, badly encoded, empty, encrypted or broken.
None of that raises; each gets a :class:`SourceError` whose message says what to do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from argmap.paths import NO_SUCH_FILE, NotARegularFile, read_regular_file
from argmap.utf16 import looks_like_utf16
from argmap.verify.charsets import browser_codec
from argmap.verify.text import SourceKind, SourceText, build_source_text, line_starts

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

Errors = Literal["strict", "replace"]


class SourceProblem(StrEnum):
    """Why a source could not be read; stable names for diagnostics to map to codes."""

    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    INVALID_ENCODING = "invalid-encoding"
    BINARY = "binary"
    EMPTY = "empty"
    ENCRYPTED = "encrypted"
    BROKEN = "broken"


@dataclass(frozen=True, slots=True)
class SourceError:
    """A source that yields no text, and why, in a sentence a person can act on."""

    name: str
    problem: SourceProblem
    message: str


_KINDS: dict[str, SourceKind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

# windows-1252 as browsers decode it: the five bytes Python's cp1252 leaves undefined are the
# C1 controls of the same number, as in Latin-1.
_WINDOWS_1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def source_kind(path: Path | str) -> SourceKind:
    """The reader for a file, by its suffix; anything unknown is read as plain text."""
    return _KINDS.get(Path(path).suffix.lower(), "text")


def read_source(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: Errors = "strict",
) -> SourceText | SourceError:
    """Read ``path`` and parse it (see :func:`parse_source`).

    At most ``max_bytes + 1`` bytes are read even if the file grows, so a hostile path cannot
    exhaust memory; a FIFO, a device or a socket is refused before a byte is read, so it
    cannot block the run either.
    """
    data = read_source_bytes(path, max_bytes=max_bytes)
    if isinstance(data, SourceError):
        return data
    return parse_source(data, str(path), source_kind(path), max_bytes=max_bytes, errors=errors)


def read_source_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | SourceError:
    """The bytes of ``path``, at most ``max_bytes + 1`` of them, or why they cannot be read."""
    name = str(path)
    try:
        return read_regular_file(path, max_bytes + 1)
    except FileNotFoundError:
        return SourceError(name, SourceProblem.NOT_FOUND, f"{name}: {NO_SUCH_FILE}")
    except IsADirectoryError:
        return SourceError(name, SourceProblem.UNREADABLE, f"{name}: is a folder, not a file")
    except NotARegularFile as exc:
        return SourceError(name, SourceProblem.UNREADABLE, f"{name}: {exc.strerror}")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return SourceError(name, SourceProblem.UNREADABLE, f"{name}: cannot be read ({reason})")


def parse_source(
    data: bytes,
    name: str,
    kind: SourceKind,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: Errors = "strict",
) -> SourceText | SourceError:
    """The text and structure of a source file's bytes.

    ``errors="replace"`` turns invalid UTF-8 into U+FFFD and marks the result ``lossy``
    instead of refusing the file.
    """
    if len(data) > max_bytes:
        return SourceError(
            name,
            SourceProblem.TOO_LARGE,
            f"{name}: larger than the limit of {_size(max_bytes)}",
        )
    if not data.strip():
        return SourceError(name, SourceProblem.EMPTY, f"{name}: the file is empty")
    # The PDF and HTML readers (and the HTML parser) are imported for a source of their kind
    # only: a map that quotes text files does not pay for them at start-up.
    if kind == "pdf":
        from argmap.verify.pdftext import PdfProblem, pdf_pages

        pages = pdf_pages(data)
        if isinstance(pages, PdfProblem):
            problem = (
                SourceProblem.ENCRYPTED if pages.reason == "encrypted" else SourceProblem.BROKEN
            )
            return SourceError(name, problem, f"{name}: {pages.message}")
        return _finish(
            name,
            kind,
            pages.texts,
            lossy=False,
            what="text (is it a scanned PDF?)",
            page_labels=pages.labels,
        )
    decoded = decode(data, name, html=kind == "html", errors=errors)
    if isinstance(decoded, SourceError):
        return decoded
    text, lossy = decoded
    if kind == "html":
        from argmap.verify.htmltext import MAX_DEPTH as HTML_MAX_DEPTH
        from argmap.verify.htmltext import nesting_depth, visible_text

        if nesting_depth(text) > HTML_MAX_DEPTH:
            return SourceError(
                name,
                SourceProblem.BROKEN,
                f"{name}: the page nests its elements more than {HTML_MAX_DEPTH:,} deep; "
                "save its text as a .txt file",
            )
        return _finish(name, kind, [visible_text(text)], lossy=lossy, what="visible text")
    return _finish(name, kind, [text], lossy=lossy, what="text")


def decode(
    data: bytes, name: str, *, html: bool = False, errors: Errors = "strict"
) -> tuple[str, bool] | SourceError:
    """Text from bytes: a byte-order mark wins, then UTF-8, then (HTML only) the charset the
    page declares in a ``<meta>``, read as browsers read it (``iso-8859-1`` is
    windows-1252, ``gb2312`` is GBK: see :mod:`.charsets`). Returns the text and whether
    bytes were replaced.

    A NUL character means the file is binary, not text: refusing it early gives a clearer
    message than a thousand failed quotes.
    """
    encoding = "utf-8"
    skipped = 0  # the byte-order mark's length, for offsets in the file
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            data, encoding, skipped = data[len(bom) :], bom_encoding, len(bom)
            break
    else:
        if html and not _is_utf8(data):
            encoding = _declared_charset(data) or "utf-8"
        elif html and b"\x1b" in data and _declared_charset(data) == "iso2022_jp":
            # 7-bit, so valid UTF-8 too; but its escapes are no UTF-8 text's
            encoding = "iso2022_jp"
    nul = -1 if encoding.startswith("utf-16") or encoding.startswith("utf-32") else data.find(0)
    if nul != -1:
        if looks_like_utf16(data):
            return SourceError(
                name,
                SourceProblem.INVALID_ENCODING,
                f"{name}: UTF-16 text without a byte-order mark; save the file as UTF-8",
            )
        return _binary(name, nul)
    lossy = False
    try:
        if encoding == "cp1252":  # never fails: every byte has a character
            text = data.decode("latin-1").translate(_WINDOWS_1252)
        else:
            text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if errors == "strict":
            before = _before(data[: exc.start], encoding)
            starts = line_starts(before)
            column = len(before) - starts[-1] + 1
            bad = data[exc.start : exc.start + 1].hex()
            return SourceError(
                name,
                SourceProblem.INVALID_ENCODING,
                f"{name}: not valid {_label(encoding)} text (byte 0x{bad} at line "
                f"{len(starts)}, column {column}, offset {skipped + exc.start}); "
                "save the file as UTF-8",
            )
        text, lossy = data.decode(encoding, errors="replace"), True
    nul = text.find("\x00")
    if nul != -1:  # decoded from more than one byte (UTF-16, UTF-32): placed at its bytes
        return _binary(name, skipped + len(text[:nul].encode(encoding)))
    return text, lossy


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8: a page saved from the web often keeps a ``<meta>``
    charset its server's header overrode, and text of another encoding is almost never
    valid UTF-8 by chance."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _before(data: bytes, encoding: str) -> str:
    """The text before a byte that is not valid in ``encoding``, to count its lines and
    columns; byte for byte when a codec cannot read it (idna: a label, not a text)."""
    try:
        return data.decode(encoding)
    except UnicodeError:
        return data.decode("latin-1")


def _binary(name: str, offset: int) -> SourceError:
    return SourceError(
        name, SourceProblem.BINARY, f"{name}: a binary file, not text (NUL byte at offset {offset})"
    )


def _declared_charset(data: bytes) -> str | None:
    """The codec for the encoding a page declares within its first 1024 bytes, as browsers
    read the declaration (:func:`.charsets.browser_codec`)."""
    match = _META_CHARSET.search(data[:1024])
    if match is None:
        return None
    return browser_codec(match.group(1).decode("ascii"))


def _finish(
    name: str,
    kind: SourceKind,
    pages: list[str],
    *,
    lossy: bool,
    what: str,
    page_labels: tuple[str, ...] | None = None,
) -> SourceText | SourceError:
    if not any(page.strip() for page in pages):
        return SourceError(name, SourceProblem.EMPTY, f"{name}: the file holds no {what}")
    return build_source_text(name, kind, pages, lossy=lossy, page_labels=page_labels)


def _label(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else encoding


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):g} MB"
    if count >= 1024:
        return f"{count / 1024:g} KB"
    return f"{count} bytes"
