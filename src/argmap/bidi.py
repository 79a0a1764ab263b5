"""The direction of a text, found as the browser's ``dir="auto"`` finds it.

WeasyPrint, which makes the handout PDFs, ignores ``dir="auto"`` and ``<bdi>``: it lays
out every text in the direction of its element, left to right unless the element says
``dir="rtl"``. So the pages write each text's direction out, and so does the map's SVG
(Graphviz gives its text none). It is worked out here by the Unicode bidirectional
algorithm's rules P2 and P3: the first strongly directional character decides (a Hebrew
or Arabic letter: right to left; a Latin, Greek, Cyrillic... letter: left to right),
skipping what an isolate (LRI, RLI or FSI up to its PDI) holds; a
text with no such character (digits, punctuation) reads left to right.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Direction = Literal["ltr", "rtl"]

_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def direction(text: str) -> Direction:
    """``rtl`` when the first strong character of ``text`` outside isolates is right to
    left (bidirectional class R or AL), else ``ltr``."""
    return first_strong(text) or "ltr"


def first_strong(text: str) -> Direction | None:
    """The direction of the first strong character of ``text`` outside isolates; None for a
    text without one (digits, punctuation), which takes its paragraph's."""
    isolates = 0
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _ISOLATE_INITIATORS:
            isolates += 1
        elif kind == "PDI":
            isolates = max(isolates - 1, 0)  # a PDI with no initiator open is ignored
        elif isolates == 0 and kind == "L":
            return "ltr"
        elif isolates == 0 and kind in _RIGHT_TO_LEFT:
            return "rtl"
    return None


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a character that reads right to left, or an Arabic digit
    (bidirectional class R, AL or AN): one that a text laid out letter by letter shows in
    the wrong place."""
    return any(unicodedata.bidirectional(c) in _REORDERED for c in text)


_REORDERED = frozenset({"R", "AL", "AN"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "BN"})
_SEPARATORS = frozenset({"ES", "CS"})
_IMPLICIT = frozenset({"L", "R", "AL", "EN", "AN", "ES", "ET", "CS", "NSM", *_NEUTRAL})
# Bidi_Paired_Bracket: each opening bracket, then its closing one.
_BRACKETS = (
    "()[]{}⁅⁆⁽⁾₍₎⌈⌉⌊⌋〈〉❨❩❪❫❬❭❮❯❰❱❲❳❴❵⟅⟆⟦⟧⟨⟩⟪⟫⟬⟭⟮⟯"
    "〈〉《》「」『』【】〔〕〖〗〘〙〚〛（）［］｛｝｟｠｢｣"
)
_CLOSER = dict(zip(_BRACKETS[::2], _BRACKETS[1::2], strict=True))
_CLOSERS = frozenset(_BRACKETS[1::2])
_BRACKET_DEPTH = 63  # BD16 stops pairing brackets nested deeper than this
# Bidi_Mirrored characters and their mirror images (Unicode's BidiMirroring.txt has more):
# at a right-to-left level a "(" closes, so it shows as ")".
_PAIRS = _BRACKETS + "<>«»‹›≤≥≪≫"
_MIRRORED = {
    **dict(zip(_PAIRS[::2], _PAIRS[1::2], strict=True)),
    **dict(zip(_PAIRS[1::2], _PAIRS[::2], strict=True)),
}


def visual(text: str, base: Direction) -> str:
    """One line of ``text`` in the order of its glyphs from left to right, for a renderer
    that draws characters one after the other (WeasyPrint's SVG text), in a paragraph of
    direction ``base``: right-to-left runs reversed, numbers kept left to right inside them,
    brackets mirrored where they read right to left (:func:`visual_order`)."""
    levels = _levels(text, base)
    return "".join(
        _MIRRORED.get(text[i], text[i]) if levels[i] % 2 else text[i] for i in _reordered(levels)
    )


def visual_order(text: str, base: Direction) -> list[int]:
    """The index in ``text`` of each glyph of its line, from left to right, in a paragraph
    of direction ``base``.

    The Unicode bidirectional algorithm for a line without explicit embeddings, overrides
    or isolates (the map shows those as escapes): the weak types resolved (W1-W7), the
    brackets (N0) and the other neutrals (N1-N2), the levels (I1-I2, L1), the runs
    reversed (L2). It orders each line as Chromium does.
    """
    return _reordered(_levels(text, base))


def _reordered(levels: list[int]) -> list[int]:
    """L2: from the highest level down to 1, each run at that level or above reversed."""
    order = list(range(len(levels)))
    for level in range(max(levels, default=0), 0, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end
    return order


def _weak_types(text: str, outside: str) -> list[str]:
    """The bidirectional class of each character with the weak types resolved (W1-W7)."""
    kinds: list[str] = []
    for character in text:
        kind = unicodedata.bidirectional(character) or "L"  # unassigned: left to right
        if kind == "NSM":  # W1: a combining mark takes the class of what it marks
            kind = kinds[-1] if kinds else outside
        elif kind not in _IMPLICIT:
            kind = "ON"  # explicit controls: never in the map's text (shown as escapes)
        kinds.append(kind)
    strong = outside
    for i, kind in enumerate(kinds):
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            kinds[i] = "AN"  # W2: European digits after Arabic letters are Arabic numbers
    kinds = ["R" if kind == "AL" else kind for kind in kinds]  # W3
    for i in range(1, len(kinds) - 1):  # W4: one separator between two numbers
        before, kind, after = kinds[i - 1], kinds[i], kinds[i + 1]
        if kind in _SEPARATORS and before == after == "EN":
            kinds[i] = "EN"
        elif kind == "CS" and before == after == "AN":
            kinds[i] = "AN"
    for i, kind in enumerate(kinds):  # W5: terminators (%, $) next to a number join it
        if kind == "ET":
            end = i
            while end < len(kinds) and kinds[end] == "ET":
                end += 1
            if (i > 0 and kinds[i - 1] == "EN") or (end < len(kinds) and kinds[end] == "EN"):
                kinds[i:end] = ["EN"] * (end - i)
    kinds = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in kinds]  # W6
    strong = outside
    for i, kind in enumerate(kinds):  # W7: European digits after a Latin letter are Latin
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[i] = "L"
    return kinds


def _resolve_brackets(text: str, kinds: list[str], outside: str) -> None:
    """N0: a pair of brackets (BD16) holding text of the paragraph's direction takes it;
    one holding only text of the other direction takes that one when the text before it
    reads that way too, else the paragraph's."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, character in enumerate(text):
        if kinds[i] != "ON":
            continue
        if character in _CLOSER:
            if len(stack) == _BRACKET_DEPTH:
                break  # BD16: too deep, no more pairs
            stack.append((_CLOSER[character], i))
        elif character in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == character:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for opening, closing in sorted(pairs):
        inside = {_as_strong(k) for k in kinds[opening + 1 : closing] if k not in _NEUTRAL}
        if outside in inside:
            kinds[opening] = kinds[closing] = outside
        elif inside:
            before = next(
                (_as_strong(k) for k in reversed(kinds[:opening]) if k not in _NEUTRAL), outside
            )
            kinds[opening] = kinds[closing] = before


def _resolve_neutrals(kinds: list[str], outside: str) -> None:
    """N1-N2: a run of neutrals between two texts of one direction takes it (numbers read
    as right to left here); any other, the paragraph's direction."""
    i = 0
    while i < len(kinds):
        if kinds[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] in _NEUTRAL:
            end += 1
        before = _as_strong(kinds[i - 1]) if i > 0 else outside
        after = _as_strong(kinds[end]) if end < len(kinds) else outside
        kinds[i:end] = [before if before == after else outside] * (end - i)
        i = end


def _as_strong(kind: str) -> str:
    return "R" if kind in ("R", "EN", "AN") else "L"


def _levels(text: str, base: Direction) -> list[int]:
    """The embedding level of each character (I1-I2), trailing spaces at the paragraph's
    level (L1)."""
    paragraph = 1 if base == "rtl" else 0
    outside = "R" if paragraph else "L"  # sos and eos: the paragraph's own direction
    kinds = _weak_types(text, outside)
    _resolve_brackets(text, kinds, outside)
    _resolve_neutrals(kinds, outside)
    if paragraph == 0:
        levels = [{"R": 1, "AN": 2, "EN": 2}.get(kind, 0) for kind in kinds]
    else:
        levels = [2 if kind in ("L", "EN", "AN") else 1 for kind in kinds]
    end = len(text)
    while end > 0 and unicodedata.bidirectional(text[end - 1]) in ("WS", "BN", "S"):
        end -= 1
        levels[end] = paragraph
    return levels
