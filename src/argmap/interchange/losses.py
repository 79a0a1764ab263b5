"""What an export cannot hold: one warning (``AM413``) for each kind of thing a format has
no place for, at the first element of the map that loses it, with how many lose it.

Argdown holds the whole map (what it has no syntax for goes into its data) except the line
breaks and runs of spaces inside a claim's text (Argdown joins a text's lines) and its NUL
characters (a file that holds one is no text: each is written as U+FFFD). AIF holds the
graph (claim and quote texts, inferences with their scheme name, conflicts, who asserts a
claim) and nothing else. Neither holds a premise or an attack given twice (written once: see
``argmap.repeats``). The JSON export holds everything; ClaimReview and the
argumentation framework formats are views of the map, not exchange formats, and are not
checked here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argmap.argument_map import ArgumentMap, Drawing, Origin
from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.interchange.aif.schemes import names_no_scheme
from argmap.interchange.text import one_line
from argmap.model import ClaimKind
from argmap.repeats import repeated_attacks


@dataclass(frozen=True, slots=True)
class _Lost:
    """One element that loses something: where it is, and its name in the message."""

    origin: Origin
    name: str


def _warning(fmt: str, what: str, lost: list[_Lost], after: str = "") -> Diagnostic:
    """``AIF has no place for tags; not exported: claim 'a' and 2 more``, at claim a."""
    first = lost[0]
    more = f" and {len(lost) - 1} more" if len(lost) > 1 else ""
    message = f"{fmt} has no place for {what}; not exported: {first.name}{more}"
    return codes.NOT_EXPORTED.at(
        first.origin.path,
        Position(first.origin.line, first.origin.col),
        message + (f" ({after})" if after else ""),
    )


def _each(pairs: Iterable[tuple[bool, Origin, str]]) -> list[_Lost]:
    return [_Lost(origin, name) for lost, origin, name in pairs if lost]


def _repeats(m: ArgumentMap) -> list[tuple[str, list[_Lost], str]]:
    """What a map gives twice and an exchange format writes once (argmap.repeats)."""
    return [
        (
            "a premise given twice",
            _each(
                (len(set(a.premises)) < len(a.premises), a.origin, f"argument '{i}'")
                for i, a in m.arguments.items()
            ),
            "an inference has each premise once",
        ),
        (
            "an attack given twice (by the same claim on the same target)",
            _each((True, a.origin, f"attack '{a.id}'") for a in repeated_attacks(m)),
            "the import reads one attack",
        ),
    ]


def argdown_losses(m: ArgumentMap) -> list[Diagnostic]:
    joined = _each(
        (one_line(c.text) != c.text, c.origin, f"claim '{cid}'") for cid, c in m.claims.items()
    )
    what = "line breaks and runs of spaces in a claim's text (Argdown joins a text's lines)"
    nul = _each(("\0" in c.text, c.origin, f"claim '{cid}'") for cid, c in m.claims.items())
    nul_what = "NUL characters in a claim's text (an Argdown file is text: each is U+FFFD)"
    found = [(what, joined, ""), (nul_what, nul, ""), *_repeats(m)]
    return [_warning("Argdown", what, lost, after) for what, lost, after in found if lost]


def aif_losses(m: ArgumentMap) -> list[Diagnostic]:
    """Everything of ``m`` beyond AIF's graph, kind by kind (see the module's docstring)."""
    claims = m.claims.items()
    found: list[tuple[str, list[_Lost], str]] = [
        (
            "claim identifiers",
            _each((True, c.origin, f"claim '{cid}'") for cid, c in claims),
            "the import names each claim after its first words",
        ),
        (
            "claim kinds",
            _each((c.kind is not ClaimKind.CLAIM, c.origin, f"claim '{i}'") for i, c in claims),
            "",
        ),
        ("claim labels", _each((bool(c.label), c.origin, f"claim '{i}'") for i, c in claims), ""),
        ("tags", _each((bool(c.tags), c.origin, f"claim '{i}'") for i, c in claims), ""),
        (
            "notes",
            _each(
                [
                    *((bool(c.note), c.origin, f"claim '{i}'") for i, c in claims),
                    *((bool(a.note), a.origin, f"argument '{i}'") for i, a in m.arguments.items()),
                    *((bool(a.note), a.origin, f"attack '{i}'") for i, a in m.attacks.items()),
                    *((bool(e.note), e.origin, f"evidence '{i}'") for i, e in m.evidence.items()),
                ]
            ),
            "",
        ),
        (
            "priorities",
            _each(
                [
                    *((c.priority != 0, c.origin, f"claim '{i}'") for i, c in claims),
                    *(
                        (a.priority != 0, a.origin, f"argument '{i}'")
                        for i, a in m.arguments.items()
                    ),
                ]
            ),
            "",
        ),
        (
            "argument labels that name no scheme ('Default Inference', 'Default Conflict', "
            "'Default Rephrase', in any case)",
            _each(
                (bool(a.label) and names_no_scheme(a.label or ""), a.origin, f"argument '{i}'")
                for i, a in m.arguments.items()
            ),
            "AIF reads such a name as an inference without scheme",
        ),
        *_repeats(m),
        (
            "who holds an argument",
            _each((bool(a.holder), a.origin, f"argument '{i}'") for i, a in m.arguments.items()),
            "",
        ),
        (
            "the source, locator and strength of a quote",
            _each((True, e.origin, f"evidence '{i}'") for i, e in m.evidence.items()),
            "each quote becomes an I-node for or against its claim",
        ),
        (
            "sources",
            _each((True, s.origin, f"source '{i}'") for i, s in m.sources.items()),
            "",
        ),
        (
            "actors' roles, addresses and notes, and actors who hold no claim",
            _each(
                (bool(a.role or a.url or a.note) or i not in _holders(m), a.origin, f"actor '{i}'")
                for i, a in m.actors.items()
            ),
            "",
        ),
        (
            "questions",
            _each((True, q.origin, f"'{one_line(q.text)[:40]}'") for q in m.questions),
            "",
        ),
    ]
    out = [_warning("AIF", what, lost, after) for what, lost, after in found if lost]
    metadata = [
        name
        for name, value in (
            ("title", m.title),
            ("question", m.question),
            ("description", m.description),
            ("authors", m.authors),
            ("date", m.date),
            ("drawing settings", m.drawing != Drawing()),
        )
        if value
    ]
    message = f"AIF has no place for the map's {', '.join(metadata)}; not exported"
    out.append(codes.NOT_EXPORTED.at(m.path, Position(1, 1), message))
    return out


def _holders(m: ArgumentMap) -> set[str]:
    return {c.holder for c in m.claims.values() if c.holder}


# format -> its name, and what its export loses; formats not named lose nothing or are no
# exchange format
LOSSES: dict[str, tuple[str, Callable[[ArgumentMap], list[Diagnostic]]]] = {
    "argdown": ("Argdown", argdown_losses),
    "aif": ("AIF", aif_losses),
}
