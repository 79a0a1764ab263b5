"""The name of a standalone drawing: an SVG opened by itself (``argmap render``, ``argmap
watch``) names itself as a document does, with a root ``<title>`` (the map's title, which a
browser also shows on its tab) and ``<desc>`` (what the map holds), which its root points
at with ``aria-labelledby`` and ``aria-describedby``.

Its role is ``graphics-document`` (with ``document`` for older readers), as ARIA's graphics
module names a diagram whose parts are read: not ``img``, whose parts a screen reader would
no longer read, so that neither the claims nor their links could be reached.

A map drawn inside a page (the report, a handout) gets none of it: the page names the map
with its own heading and label (report_html/figures.py), and a second name would be read
twice.

The name is decided by the builder, which knows the map, and written into the DOT as a
comment on its first line (:func:`name_comment`), which Graphviz ignores; the finishing of
the SVG reads it back (:func:`read_name`). So the DOT alone says what the SVG will be, as
its stamp (the DOT's digest) promises, and a changed title makes the drawing stale.
"""

from __future__ import annotations

import html
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Final

from argmap.render.text import clean
from argmap.verdict import Verdict
from argmap.wording import counted

COMMENT_KEY: Final = "argmap-document"
_COMMENT_START: Final = f"// {COMMENT_KEY}: "
ROLE: Final = "graphics-document document"


@dataclass(frozen=True, slots=True)
class DocumentName:
    """The title and description of a standalone SVG, and the ids of their elements."""

    title: str
    description: str
    title_id: str
    description_id: str


def describe(
    *,
    claims: int,
    arguments: int,
    attacks: int,
    quotes: int,
    verdicts: Collection[Verdict],
) -> str:
    """What a map holds, in a sentence: "Argument map: 12 claims, 8 arguments, 3 attacks and
    10 quotes. Verdicts: 2 supported, 1 refuted, 9 unsupported." (verdicts, one per claim
    that has one, are left out when none is shown)."""
    parts = [
        counted(claims, "claim"),
        counted(arguments, "argument"),
        counted(attacks, "attack"),
        counted(quotes, "quote"),
    ]
    sentence = f"Argument map: {', '.join(parts[:-1])} and {parts[-1]}."
    shown = [
        f"{sum(1 for v in verdicts if v is verdict):,} {verdict.value}"
        for verdict in Verdict
        if verdict in verdicts
    ]
    if shown:
        sentence += f" Verdicts: {', '.join(shown)}."
    return sentence


def name_comment(name: DocumentName) -> str:
    """The DOT comment line (without its line end) that carries ``name``: one line of ASCII
    JSON, whatever the title holds."""
    fields = {
        "title": clean(name.title),
        "description": clean(name.description),
        "title_id": name.title_id,
        "description_id": name.description_id,
    }
    return COMMENT_KEY + ": " + json.dumps(fields, ensure_ascii=True, separators=(", ", ": "))


def read_name(source: str) -> DocumentName | None:
    """The name a DOT text carries on its first line (:func:`name_comment`), or None."""
    if not source.startswith(_COMMENT_START):
        return None
    line = source[len(_COMMENT_START) : source.find("\n")]
    fields = json.loads(line)
    if not isinstance(fields, Mapping) or not all(isinstance(v, str) for v in fields.values()):
        raise ValueError(f"the DOT's {COMMENT_KEY} line is not argmap's")
    return DocumentName(
        fields["title"], fields["description"], fields["title_id"], fields["description_id"]
    )


def named(svg: bytes, name: DocumentName) -> bytes:
    """``svg`` with ``name`` as its root's ``<title>`` and ``<desc>``, which the root's
    ``aria-labelledby`` and ``aria-describedby`` point at, and the root's role."""
    start = svg.find(b"<svg")
    end = svg.find(b">", start) + 1
    if start < 0 or end <= 0:
        return svg  # not a drawing; is_whole refuses it where it matters
    root = (
        b'<svg role="'
        + ROLE.encode()
        + b'" aria-labelledby="'
        + _text(name.title_id)
        + b'" aria-describedby="'
        + _text(name.description_id)
        + b'"'
        + svg[start + len(b"<svg") : end]
    )
    elements = (
        b"\n<title id="
        + b'"'
        + _text(name.title_id)
        + b'">'
        + _text(name.title)
        + b"</title>\n<desc id="
        + b'"'
        + _text(name.description_id)
        + b'">'
        + _text(name.description)
        + b"</desc>"
    )
    # joined with a view of the rest, not a copy: one new copy of the whole SVG, not two
    return b"".join((svg[:start], root, elements, memoryview(svg)[end:]))


def _text(text: str) -> bytes:
    """Text or an attribute's value escaped as Graphviz escapes its own, quotes too: the
    safety check (svg.py) reads ``href="javascript:..."`` or ``onload='...'`` with raw quotes
    as markup, wherever it is."""
    return html.escape(text, quote=True).encode("utf-8")
