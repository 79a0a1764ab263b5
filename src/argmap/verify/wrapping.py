"""What a quote may carry that is no part of the quoted words: quotation marks around it, and a
mark of punctuation after it.

People paste a quote with the marks they would print around it (``“the plan works well”``),
or with one of them only, the other left behind in the page (``“the plan works well``), or
end it with the full stop of their own sentence (``the plan works well.``). Neither is in the
source after those words, and the quote would be reported as a paraphrase with no word wrong.
A quote that is not verified as written is tried again without them (see
:func:`argmap.verify.match.verify_quote`): without its marks it is verified, with a warning;
without its last mark it stays an error whose hint says to drop that mark, since a full stop
says the sentence ends there and ``,`` ``;`` ``!`` say more than the words do.
"""

from __future__ import annotations

# Opening mark -> the closing marks that may pair with it (German and Polish open low and
# close high, „…“ or „…”; Swedish and Danish may open with the closing mark, ”…” or »…«).
PAIRS: dict[str, str] = {
    "\u201c": "\u201d",  # “…”
    "\u201d": "\u201d",  # ”…”
    "\u201e": "\u201c\u201d",  # „…“ „…”
    "\u2018": "\u2019",  # ‘…’
    "\u201a": "\u2018\u2019",  # ‚…‘ ‚…’
    "\u00ab": "\u00bb",  # «…»
    "\u00bb": "\u00ab",  # »…«
    "\u2039": "\u203a",  # ‹…›
    "\u300c": "\u300d",  # 「…」
    '"': '"',
    "'": "'",
}
# The marks a quote may start or end with alone, one of a pair whose other was not copied; not
# an apostrophe, which may end a word of the source (``dogs’``) or start one (``’tis``).
OPENING_ALONE = frozenset(PAIRS).difference("'\u2019")
CLOSING_ALONE = frozenset("".join(PAIRS.values())).difference("'\u2019")
# What may end one's own sentence after a quote, and not the source's after those words.
TRAILING = ",.!;:"


def unwrap(quote: str) -> tuple[str, tuple[str, str]] | None:
    """``quote`` without the quotation marks around it, and those marks, opening and closing:
    a pair (``“…”``), or a mark at one end only (``“…``, ``…”``: ``""`` stands for the
    missing one), or two that make no pair (``“…“``). None when it has none, or only an
    apostrophe at one end."""
    stripped = quote.strip()
    if len(stripped) < 2:
        return None
    opening, closing = stripped[0], stripped[-1]
    if len(stripped) >= 3 and closing in PAIRS.get(opening, ""):
        inner = stripped[1:-1].strip()
        return (inner, (opening, closing)) if inner else None
    opening = opening if opening in OPENING_ALONE else ""
    closing = closing if closing in CLOSING_ALONE and len(stripped) > len(opening) else ""
    if not (opening or closing):
        return None
    inner = stripped[len(opening) : len(stripped) - len(closing)].strip()
    return (inner, (opening, closing)) if inner else None


def drop_trailing(quote: str) -> tuple[str, str] | None:
    """``quote`` without the one mark of :data:`TRAILING` it ends with, and that mark; None
    when it ends with none, or with several (``...`` is an omission)."""
    stripped = quote.rstrip()
    if len(stripped) < 2 or stripped[-1] not in TRAILING or stripped[-2] in TRAILING:
        return None
    inner = stripped[:-1].rstrip()
    return (inner, stripped[-1]) if inner else None
