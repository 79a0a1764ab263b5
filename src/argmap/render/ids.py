"""Stable names: DOT node names, SVG ids and the report's anchors, all from element ids.

* DOT node names are ``claim/ID``, ``evidence/ID``, ``argument/ID``: readable in the DOT,
  never clashing across kinds, and free of ``:`` (which DOT reads as a port);
* SVG ids are ``claim-ID``, ``evidence-ID``, ``argument-ID`` for nodes and ``support-ID``,
  ``link-ID.N``, ``attack-ID``, ``cites-ID`` for edges; the HTML report's anchors are
  ``#claim-ID`` and ``#evidence-ID``. Slugs are kept as they are; the ``>`` and ``/`` of
  the ids that argmap makes for short forms (``a->b``, ``a-/->b``) are not allowed in an XML
  id and become ``-`` (``a--b``, ``a----b``), and the rare clash this could make is broken by
  :class:`IdAllocator`, deterministically, in declaration order. A group's id comes from its
  tag, which is free text: its letters, digits and marks are kept in any script
  (``group-tag-économie``, ``group-tag-経済``), as an XML name may hold them, and every other
  character (a space, punctuation, an invisible one) becomes ``-``.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_NOT_ID = re.compile(r"[^A-Za-z0-9_.-]")
# What a character beyond Latin-1's symbols may be in an id: a letter, a mark or a decimal
# digit, each of which XML (1.0, fifth edition) allows in a name after its first character.
_NAME_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd"})


def node_name(kind: str, element_id: str) -> str:
    """The DOT node name of an element: ``claim/spp-fails``."""
    return f"{kind}/{element_id}"


def svg_id(kind: str, element_id: str) -> str:
    """The SVG id (and HTML anchor) of an element: ``claim-spp-fails``."""
    if element_id.isascii():
        return f"{kind}-{_NOT_ID.sub('-', element_id)}"
    return f"{kind}-{''.join(_in_name(c) for c in element_id)}"


def _in_name(char: str) -> str:
    """``char`` as it stands in an id: itself, or ``-``."""
    if char.isascii():
        return _NOT_ID.sub("-", char)
    keep = ord(char) >= 0xC0 and unicodedata.category(char) in _NAME_CATEGORIES
    return char if keep else "-"


def anchor(kind: str, element_id: str) -> str:
    """The link to an element in the HTML report: ``#claim-spp-fails``."""
    return "#" + svg_id(kind, element_id)


class IdAllocator:
    """Hands out unique SVG ids: the second ``x`` becomes ``x-2``, and so on."""

    def __init__(self, prefix: str = "") -> None:
        self._prefix = prefix
        self._used: set[str] = set()

    def take(self, wanted: str) -> str:
        candidate = self._prefix + wanted
        count = 1
        while candidate in self._used:
            count += 1
            candidate = f"{self._prefix}{wanted}-{count}"
        self._used.add(candidate)
        return candidate


def report_link(stem: str) -> str:
    """The link from a drawing to the report of its map beside it, ``STEM.html``, as a URL
    (``my map`` is ``my%20map.html``): what ``link_base`` takes."""
    return quote(f"{stem}.html", safe="")
