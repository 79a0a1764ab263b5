"""Handout pages as PDF, through WeasyPrint (the optional extra ``argmap[pdf]``).

The PDF is the same bytes on every run: WeasyPrint writes no file identifier, and its
creation and modification dates come from the page's ``dcterms.created`` and
``dcterms.modified`` (the map's own date) or are left out. The page's stamp
(``argmap-sha256``) is kept in the PDF's metadata so that ``--check`` can read it back.
"""

from __future__ import annotations

import logging
from typing import Any

from argmap.render.signatures import is_whole
from argmap.render.svg import in_drawing_order

INSTALL_HINT = "PDF handouts need WeasyPrint: pip install 'argmap[pdf]'"
SYSTEM_HINT = (
    "WeasyPrint is installed but cannot load its system libraries (Pango); on Debian or "
    "Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
)
STAMP_KEY = "/argmapsha256"  # WeasyPrint keeps only the letters and digits of a meta name


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the libraries it needs) is not installed; the message says what to do."""


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailable(INSTALL_HINT) from exc
    except OSError as exc:  # the Python package is there, Pango is not
        raise PdfUnavailable(f"{SYSTEM_HINT} ({exc})") from exc
    return weasyprint


def unavailable() -> str | None:
    """Why PDFs cannot be made here (what to install), or None when they can."""
    try:
        _weasyprint()
    except PdfUnavailable as exc:
        return str(exc)
    return None


def html_to_pdf(html: bytes) -> bytes:
    """The PDF of a handout page. Raises :class:`PdfUnavailable` without WeasyPrint.

    The page loads nothing: every resource is inline, and any URL it might still name is
    refused rather than fetched. WeasyPrint draws the letters of the map's SVG text one
    after the other, left to right: a line holding right-to-left letters goes to it in the
    order of its glyphs (:func:`argmap.render.svg.in_drawing_order`)."""
    weasyprint = _weasyprint()
    quiet = logging.getLogger("weasyprint")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(
            string=in_drawing_order(html).decode("utf-8"), base_url=None, url_fetcher=_refuse
        ).render()
        data: bytes = document.write_pdf(custom_metadata=True, pdf_identifier=False)
    finally:
        quiet.setLevel(level)
    return data


def _refuse(url: str, *args: object, **kwargs: object) -> dict[str, Any]:
    raise ValueError(f"argmap handouts load nothing from outside: {url[:60]}")


def read_pdf_stamp(pdf: bytes) -> str | None:
    """The stamp a handout PDF carries, or None (not argmap's, or not a whole PDF: one cut
    short in its last line, ``%%EOF``, which pypdf reads all the same). What pypdf repairs
    to read a damaged file, it would say on stderr: that is kept quiet, as the file is only
    current or stale."""
    import io

    # Imported here: pypdf is for reading a stamp back (--check, --stale-only); loaded
    # beside WeasyPrint, it would add 14 MB to the peak memory of every PDF made.
    from pypdf import PdfReader

    if not is_whole(pdf, "pdf"):
        return None
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        metadata = PdfReader(io.BytesIO(pdf)).metadata
        value = None if metadata is None else metadata.get(STAMP_KEY)
    except Exception:  # anything unreadable is simply not current
        return None
    finally:
        quiet.setLevel(level)
    return str(value) if value else None
