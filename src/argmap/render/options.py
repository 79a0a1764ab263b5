"""What a render shows: the view (focus, depth, evidence, verdicts), grouping and direction.

Options are plain frozen data so that the same options always build the same DOT.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class GroupBy(StrEnum):
    """Clusters drawn around claims: by who holds them, by their first tag, or none."""

    NONE = "none"
    ACTOR = "actor"
    TAG = "tag"


class RankDir(StrEnum):
    """Where the map grows from its thesis: TB puts the thesis at the top, reasons below."""

    TB = "TB"
    LR = "LR"
    BT = "BT"
    RL = "RL"


# A 5,000-claim map draws about 7,300 nodes, which dot lays out in ~18 s (benchmarks/); its
# time grows faster than the map, and a chain of 100,000 nodes makes it fail after 25 s.
DEFAULT_MAX_NODES = 20_000
# The steps drawn around a --focus claim when no --depth is given.
FOCUS_DEPTH = 2


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """The view of the map and the typography of its nodes.

    * ``focus``/``depth``: only the claims within ``depth`` steps of ``focus`` (by default
      :data:`FOCUS_DEPTH`), or without ``focus``, of a thesis (by default the whole map; see
      views.py);
    * ``show_evidence``: evidence nodes (quotes) under the claims they bear on;
    * ``show_verdicts``: verdict borders and badges, and quote-check marks; off for worksheets;
    * ``wrap``: characters per line of claim text; ``evidence_wrap`` the same for quotes;
    * ``long_text``: a claim longer than this shows its ``label`` when it has one;
    * ``max_lines``: longer texts are cut with an ellipsis (the tooltip has the full text);
    * ``quote_chars``: evidence quotes are shortened to about this many characters;
    * ``id_prefix``: put before every SVG id (``map-`` when the SVG sits inside a page that
      uses ``claim-ID`` for its own anchors), ``link_base``: put before every ``#claim-ID``
      link (e.g. ``montebello.html`` for a standalone SVG next to its report);
    * ``links``: each claim and quote links to ``link_base#claim-ID``; off, a box keeps its
      tooltip and links nowhere (a standalone SVG, whose ``#claim-ID`` is in no file);
    * ``standalone``: the drawing is a document of its own, not part of a page: an SVG gets
      a root ``<title>`` and ``<desc>`` (document.py), which a page must not repeat;
    * ``max_nodes``: a view with more nodes than this is refused (views.TooLarge) rather than
      handed to Graphviz, which needs minutes for it.
    """

    focus: str | None = None
    depth: int | None = None
    show_evidence: bool = True
    show_verdicts: bool = True
    group_by: GroupBy = GroupBy.NONE
    rankdir: RankDir = RankDir.TB
    legend: bool = True
    title: bool = True
    wrap: int = 30
    evidence_wrap: int = 34
    long_text: int = 90
    max_lines: int = 6
    quote_chars: int = 100
    id_prefix: str = ""
    link_base: str = ""
    links: bool = True
    standalone: bool = False
    max_nodes: int = DEFAULT_MAX_NODES

    def __post_init__(self) -> None:
        if self.depth is not None and self.depth < 0:
            raise ValueError("depth must be 0 or more")
        if self.wrap < 8 or self.evidence_wrap < 8:
            raise ValueError("wrap widths must be at least 8 characters")
        if self.max_nodes < 1:
            raise ValueError("max_nodes must be at least 1")
        if self.max_lines < 1:
            raise ValueError("max_lines must be at least 1")
        if not _is_safe_token(self.id_prefix):
            raise ValueError("id_prefix may hold only letters, digits, '-', '_' and '.'")
        if not _is_safe_link_base(self.link_base):
            raise ValueError("link_base must be a relative path or an http(s) URL")


def _is_safe_token(text: str) -> bool:
    return all(c.isascii() and (c.isalnum() or c in "-_.") for c in text)


def _is_safe_link_base(text: str) -> bool:
    """A relative path or http(s) URL without quotes, spaces or backslashes; never a
    ``javascript:`` or ``data:`` URL."""
    if any(c in text for c in "\"'<>\\ \t\r\n#&"):
        return False
    scheme, colon, _ = text.partition(":")
    if not colon:
        return True
    return scheme.lower() in {"http", "https"}
