"""Handout pages as PDF, through WeasyPrint (the optional extra ``argmap[pdf]``).

The PDF is the same bytes on every run: WeasyPrint writes no file identifier, and its
creation and modification dates come from the page's ``dcterms.created`` and
``dcterms.modified`` (the map's own date) or are left out. The page's stamp
(``argmap-sha256``) is kept in the PDF's metadata so that ``--check`` can read it back.

WeasyPrint's layout can take minutes (a claim of a megabyte of text) and holds the interpreter,
so :func:`html_to_pdf_within` runs it in a forked child (:mod:`argmap.forked`), stopped at the
time limit as a Graphviz layout is; where it cannot fork, in this process, with no limit.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from argmap import forked
from argmap.render.backends import LayoutFailed, RenderError, too_slow
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


def html_to_pdf_within(html: bytes, time_limit: float | None) -> bytes:
    """:func:`html_to_pdf`, stopped after ``time_limit`` seconds (None: no limit) with
    :class:`LayoutFailed`, in the words of a Graphviz layout stopped at its limit. It runs in
    a forked child, which sends the PDF back; where :func:`argmap.forked.fork` cannot fork
    (not Linux, or threads running), in this process, with no limit. Raises
    :class:`PdfUnavailable` without WeasyPrint, :class:`RenderError` if WeasyPrint fails or
    its process is killed (out of memory)."""
    _weasyprint()  # imported here, once: each child starts with it loaded
    child = forked.fork(partial(_outcome, html))
    if child is None:
        return html_to_pdf(html)
    try:
        outcome = child.result(time_limit)
    except forked.ChildTimeout as exc:
        raise LayoutFailed(too_slow("WeasyPrint", time_limit)) from exc
    if outcome is None:
        raise RenderError("WeasyPrint stopped: its process ended abruptly (out of memory?)")
    if isinstance(outcome, str):
        raise RenderError(f"WeasyPrint failed: {outcome}")
    return outcome


def _outcome(html: bytes) -> bytes | str:
    """The PDF of ``html``, or what WeasyPrint raised, as a value a child can send back."""
    try:
        return html_to_pdf(html)  # looked up when called: a test may stand in for it
    except Exception as exc:
        said = str(exc).strip()
        return f"{type(exc).__name__}: {said.splitlines()[0]}" if said else type(exc).__name__


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
