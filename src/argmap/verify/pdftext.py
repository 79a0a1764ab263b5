"""The text of a PDF, page by page, so that ``page 3`` locators can be checked.

pypdf is run over untrusted bytes: anything it raises is turned into a :class:`PdfProblem` with
a message a person can act on, never a traceback. A PDF encrypted with an empty user password
(common for "no copying" flags) is opened; one that needs a password is refused.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_PAGES = 5000


@dataclass(frozen=True, slots=True)
class PdfProblem:
    """Why a PDF's text could not be had: ``reason`` is ``encrypted`` or ``broken``."""

    reason: str
    message: str


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf reports recoverable damage as logging warnings, which Python's last-resort handler
    prints to stderr; argmap never prints, and the caller gets a clear result anyway."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def pdf_pages(data: bytes) -> list[str] | PdfProblem:
    """The extracted text of each page, in order."""
    with _quiet_pypdf():
        return _pdf_pages(data)


def _pdf_pages(data: bytes) -> list[str] | PdfProblem:
    if not data.lstrip(b"\r\n\t \x00").startswith(b"%PDF-"):
        return PdfProblem("broken", "not a PDF file (it does not start with '%PDF-')")
    # Imported here: pypdf takes ~50 ms to import, and most maps quote no PDF.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # cryptography missing, unknown algorithm…
                return PdfProblem("encrypted", f"the PDF is encrypted and cannot be opened ({exc})")
            if not opened:
                return PdfProblem(
                    "encrypted", "the PDF is encrypted with a password; save a copy without one"
                )
        count = len(reader.pages)
        if count > MAX_PAGES:
            return PdfProblem("broken", f"the PDF has {count} pages, more than {MAX_PAGES}")
        return [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        return PdfProblem("broken", f"the PDF cannot be read: {exc}")
    except Exception as exc:  # hostile input can make any part of pypdf fail
        return PdfProblem("broken", f"the PDF cannot be read ({type(exc).__name__}: {exc})")
