"""How argmap words a count in its messages: ``1 claim``, ``2 claims``, ``20,000 claims``.

One helper for every message (render's view limits, import's summary, the semantics' time
limit, ``--check``'s stale outputs), so that a count reads the same everywhere. It imports
nothing, so that any module can use it without slowing a command's start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.argument_map import Meant


def counted(number: int, noun: str) -> str:
    """``number`` with a thousands separator, and ``noun`` with an ``s`` unless it is 1.
    ``noun`` is one whose plural takes an ``s`` (claim, quote, support, file)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def no_claim(cid: str, meant: Meant | None, where: str = "this map") -> str:
    """What a command says of a claim id it was given that is not a claim of the map
    ``where`` (``--focus``, ``--why``): what it is instead (an argument, an attack ...) and
    the claims meant, when there are. The id is shown as given, its control characters as
    escapes: a line break in it would forge a line of output."""
    given = shown_id(cid)
    if meant is not None and meant.kind is not None:
        said = f"'{given}' is {meant.kind} of {where}, not a claim"
    else:
        said = f"no claim '{given}' in {where}"
    if meant is not None and meant.claims:
        offered = " or ".join(f"{role} '{claim}'".lstrip() for role, claim in meant.claims)
        said += f"; did you mean {offered}?"
    return said


def shown_id(cid: str) -> str:
    """An id given on the command line, as a message shows it: on one line (``\\n``)."""
    from argmap.visible import visible

    return visible(cid)
