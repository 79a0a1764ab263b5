"""How argmap words a count in its messages: ``1 claim``, ``2 claims``, ``20,000 claims``.

One helper for every message (render's view limits, import's summary, the semantics' time
limit, ``--check``'s stale outputs), so that a count reads the same everywhere. It imports
nothing, so that any module can use it without slowing a command's start.
"""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``number`` with a thousands separator, and ``noun`` with an ``s`` unless it is 1.
    ``noun`` is one whose plural takes an ``s`` (claim, quote, support, file)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def no_claim(cid: str, suggestion: str | None) -> str:
    """What a command says of a claim id it was given that is not a claim of the map
    (``--focus``, ``--why``): the claim meant, when one is close. The id is shown as given,
    its control characters as escapes: a line break in it would forge a line of output."""
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return f"no claim '{shown_id(cid)}' in this map{hint}"


def shown_id(cid: str) -> str:
    """An id given on the command line, as a message shows it: on one line (``\\n``)."""
    from argmap.visible import visible

    return visible(cid)
