"""From a map to the bytes of a file, and whether a file on disk is still current.

This joins the pure builder to an engine and finishes the result (stamps, constant dates);
it writes nothing: the command writes, atomically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from argmap.argument_map import ArgumentMap
from argmap.render.backends import DEFAULT_TIMEOUT, Engine, OutputFormat, layout
from argmap.render.document import read_name
from argmap.render.dot import build_digraph
from argmap.render.options import RenderOptions
from argmap.render.raster import normalize_pdf, read_png_stamp, stamp_png
from argmap.render.signatures import is_whole
from argmap.render.svg import finish_svg, read_stamp
from argmap.verdict import ClaimVerdict, QuoteStatus


def dot_source(
    argument_map: ArgumentMap,
    *,
    verdicts: Mapping[str, ClaimVerdict] | None = None,
    quote_status: Mapping[str, QuoteStatus] | None = None,
    options: RenderOptions = RenderOptions(),  # noqa: B008 - frozen, so a safe default
    quote_marks: Mapping[str, str] | None = None,
    weaker: Mapping[str, tuple[int, int]] | None = None,
) -> str:
    """The DOT text of a map (what ``--format dot`` writes); ``weaker`` as for
    :func:`argmap.render.dot.build_digraph`."""
    graph = build_digraph(
        argument_map,
        verdicts=verdicts,
        quote_status=quote_status,
        options=options,
        quote_marks=quote_marks,
        weaker=weaker,
    )
    source: str = graph.source
    return source


# The revision of what argmap itself does to a drawing of a DOT text (finish_svg; the
# handout's letters in drawing order for WeasyPrint). Bumped when the same DOT comes out
# drawn otherwise, so that a file drawn before is stale for --check and --stale-only:
# 2, right-to-left lines marked in the SVG and reordered for the PDF; 3, Arabic letters
# joined in the PDF, a line of digits in the direction of the line before it; 4, Graphviz's
# <title>s (DOT names that screen readers read out) removed from the SVG; 5, a standalone
# SVG named by its root <title> and <desc> (document.py).
DRAWING_REVISION = 5


def digest(source: str) -> str:
    """The stamp of the SVG and PNG drawn from DOT text (and of the maps in a page): the
    SHA-256 of a line naming :data:`DRAWING_REVISION`, then the text."""
    # hashed in two parts, the same as hashing them joined, without a copy of the text
    hashed = hashlib.sha256(f"argmap drawing {DRAWING_REVISION}\n".encode())
    hashed.update(source.encode("utf-8"))
    return hashed.hexdigest()


def render_source(
    source: str,
    output_format: OutputFormat,
    engine: Engine = Engine.AUTO,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bytes:
    """DOT text laid out and finished: stamped SVG or PNG, PDF with constant dates."""
    data = layout(source, output_format, engine, timeout=timeout)
    if output_format is OutputFormat.SVG:
        return finish_svg(data, digest(source), read_name(source))
    if output_format is OutputFormat.PNG:
        return stamp_png(data, digest(source))
    if output_format is OutputFormat.PDF:
        return normalize_pdf(data)
    return data


def render_map(
    argument_map: ArgumentMap,
    output_format: OutputFormat = OutputFormat.SVG,
    *,
    engine: Engine = Engine.AUTO,
    verdicts: Mapping[str, ClaimVerdict] | None = None,
    quote_status: Mapping[str, QuoteStatus] | None = None,
    options: RenderOptions = RenderOptions(),  # noqa: B008 - frozen, so a safe default
    quote_marks: Mapping[str, str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bytes:
    """The map as the bytes of an SVG, PNG, PDF or DOT file; a layout is stopped after
    ``timeout`` seconds (:class:`LayoutFailed`)."""
    source = dot_source(
        argument_map,
        verdicts=verdicts,
        quote_status=quote_status,
        options=options,
        quote_marks=quote_marks,
    )
    return render_source(source, output_format, engine, timeout=timeout)


def is_current(
    existing: bytes,
    source: str,
    output_format: OutputFormat,
    engine: Engine = Engine.AUTO,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bool:
    """Whether a file drawn earlier still shows ``source``.

    SVG and PNG are compared by their stamp (the digest of the DOT they were drawn from), so
    the check needs no Graphviz and does not depend on its version; DOT is compared byte for
    byte; PDF, which carries no stamp, is drawn again and compared byte for byte. An SVG or
    PNG that is not whole (a stamp and no drawing, written by a broken ``dot``, or cut short)
    is not current. The
    PDF's drawing is stopped after ``timeout`` seconds, as any other layout.
    """
    if output_format is OutputFormat.DOT:
        return existing == source.encode("utf-8")
    if output_format is OutputFormat.SVG:
        return read_stamp(existing) == digest(source) and is_whole(existing, output_format)
    if output_format is OutputFormat.PNG:
        return read_png_stamp(existing) == digest(source) and is_whole(existing, output_format)
    return existing == render_source(source, output_format, engine, timeout=timeout)
