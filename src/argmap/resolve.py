"""Stage 3, resolve: parsed files -> one :class:`ArgumentMap`.

Identifiers are unique across the map (whatever their kind), every reference must point at an
element of the right kind, and the short forms (``supports:``, ``attacks:``, inline evidence)
become arguments, attacks and evidence of their own. Support cycles are left to the lint rule
AM010, which names the circle. Unlike Argdown, nothing is invented for an undefined reference
and nothing is merged silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap import codes
from argmap.argument_map import (
    Actor,
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    Drawing,
    Evidence,
    Origin,
    Question,
    Source,
    Stance,
)
from argmap.diagnostics import Diagnostic, Position
from argmap.load import Document, PathKey
from argmap.model import ArgumentFile, ClaimKind
from argmap.model import Drawing as WrittenDrawing
from argmap.paths import contained_path


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One file of a map, loaded and validated, with where it lives on disk."""

    document: Document
    model: ArgumentFile
    file: Path


@dataclass(slots=True)
class _Context:
    files: dict[str, ParsedFile]
    diagnostics: list[Diagnostic]

    def pos(self, path: str, loc: PathKey, *, key: bool = False) -> Position:
        positions = self.files[path].document.positions
        return positions.key(loc) if key else positions.value(loc)

    def origin(self, path: str, loc: PathKey) -> Origin:
        p = self.pos(path, loc, key=True)
        return Origin(path, p.line, p.col)


_KIND_OF_TABLE = {
    Source: "source",
    Actor: "actor",
    Claim: "claim",
    Argument: "argument",
    Attack: "attack",
    Evidence: "evidence",
}
Element = Source | Actor | Claim | Argument | Attack | Evidence


def resolve(files: Sequence[ParsedFile], root: Path) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Merge the files (the first is the root) and check every reference."""
    ctx = _Context({f.document.path: f for f in files}, [])
    # Every element by id (one namespace for all kinds), and the same elements by kind, filled
    # together: a map of 100,000 claims is not walked again to sort them.
    elements: dict[str, Element] = {}
    by_kind: dict[type, dict[str, Element]] = {kind: {} for kind in _KIND_OF_TABLE}
    loc_of: dict[str, PathKey] = {}  # where each element stands in its file (origin.path)

    def duplicate(element: Element, path: str, loc: PathKey) -> None:
        existing = elements[element.id]
        first = existing.origin
        kind = _KIND_OF_TABLE[type(existing)]
        ctx.diagnostics.append(
            codes.DUPLICATE_ID.at(
                path,
                ctx.pos(path, loc, key=True),
                f"the identifier '{element.id}' is already used by {_a(kind)}",
                hint=f"first defined at {first.path}:{first.line}:{first.col}; "
                "identifiers are unique across the whole map",
            ),
        )

    questions: list[Question] = []
    for parsed in files:
        path = parsed.document.path
        for element, loc in _elements_of(parsed, ctx, root):
            element_id = element.id
            if element_id in elements:
                duplicate(element, path, loc)
            else:
                elements[element_id] = element
                by_kind[type(element)][element_id] = element
                loc_of[element_id] = loc
        questions.extend(_questions_of(parsed, ctx))

    _check_references(elements, by_kind[Attack], loc_of, questions, ctx)
    if ctx.diagnostics:
        return None, ctx.diagnostics
    head = files[0]
    model = head.model
    argument_map = ArgumentMap(
        path=head.document.path,
        title=model.title or head.file.stem,
        question=model.question,
        description=model.description,
        authors=tuple(model.authors),
        date=model.date,
        files=tuple(f.document.path for f in files),
        sources=by_kind[Source],  # type: ignore[arg-type]
        actors=by_kind[Actor],  # type: ignore[arg-type]
        claims=by_kind[Claim],  # type: ignore[arg-type]
        arguments=by_kind[Argument],  # type: ignore[arg-type]
        attacks=by_kind[Attack],  # type: ignore[arg-type]
        evidence=by_kind[Evidence],  # type: ignore[arg-type]
        questions=tuple(questions),
        drawing=_drawing(model.drawing),
    )
    return argument_map, []


def _drawing(written: WrittenDrawing | None) -> Drawing:
    """The settings the file writes; None for those it leaves out."""
    if written is None:
        return Drawing()
    given = written.model_fields_set

    def setting(name: str) -> Any:
        return getattr(written, name) if name in given else None

    return Drawing(setting("rankdir"), setting("group_by"), setting("evidence"), setting("legend"))


# --- reading the elements of one file ---------------------------------------------------------
_SHORT_ATTACKS = (
    ("attacks", None),
    ("rebuts", AttackKind.REBUT),
    ("undermines", AttackKind.UNDERMINE),
    ("undercuts", AttackKind.UNDERCUT),
)


def _elements_of(
    parsed: ParsedFile, ctx: _Context, root: Path
) -> Iterator[tuple[Element, PathKey]]:
    path = parsed.document.path
    positions = parsed.document.positions
    model = parsed.model
    for sid, s in model.sources.items():
        loc = ("sources", sid)
        resolved: Path | None = None
        if s.file is not None:
            outcome = contained_path(parsed.file, s.file, root)
            if isinstance(outcome, str):
                ctx.diagnostics.append(
                    codes.INVALID_PATH.at(
                        path, ctx.pos(path, (*loc, "file")), f"source '{sid}': {outcome}"
                    )
                )
            else:
                resolved = outcome
        yield (
            Source(
                sid,
                s.title,
                ctx.origin(path, loc),
                tuple(s.authors),
                s.date,
                s.publisher,
                s.url,
                s.file,
                resolved,
                s.note,
                None if s.file is None else _at(ctx, path, (*loc, "file")),
            ),
            loc,
        )
    for aid, a in model.actors.items():
        loc = ("actors", aid)
        yield Actor(aid, a.name, ctx.origin(path, loc), a.role, a.url, a.note), loc
    for cid, c in model.claims.items():
        loc = ("claims", cid)
        line, col = positions.key_line_col(loc)
        yield (
            Claim(
                cid,
                c.text,
                Origin(path, line, col),
                c.kind,
                c.label,
                c.holder,
                tuple(c.tags),
                c.note,
                c.priority,
            ),
            loc,
        )
        for i, target in enumerate(c.supports):
            tloc = ("claims", cid, "supports", i)
            line, col = positions.value_line_col(tloc)
            # positional (label, holder and note None): called once per support of a map
            argument = Argument(
                f"{cid}->{target}", target, (cid,), Origin(path, line, col), None, None, None,
                c.priority, True,
            )  # fmt: skip
            yield argument, tloc
        if c.attacks or c.rebuts or c.undermines or c.undercuts:  # most claims attack nothing
            for field_name, kind in _SHORT_ATTACKS:
                for i, target in enumerate(getattr(c, field_name)):
                    tloc = (*loc, field_name, i)
                    # ``attacks:`` is classified once every element is known (see below).
                    yield (
                        Attack(
                            f"{cid}-/->{target}",
                            cid,
                            target,
                            kind or AttackKind.REBUT,
                            _at(ctx, path, tloc),
                            implicit=kind is None,
                            short_form=True,
                        ),
                        tloc,
                    )
        for i, e in enumerate(c.evidence):
            eloc = (*loc, "evidence", i)
            yield (
                Evidence(
                    f"{cid}.ev{i + 1}",
                    e.quote,
                    e.source,
                    cid,
                    Stance.SUPPORTS,
                    _at(ctx, path, eloc),
                    e.locator,
                    e.strength,
                    e.note,
                    _at(ctx, path, (*eloc, "quote")),
                    None if e.locator is None else _at(ctx, path, (*eloc, "locator")),
                ),
                eloc,
            )
    for aid, arg in model.arguments.items():
        loc = ("arguments", aid)
        yield (
            Argument(
                aid,
                arg.conclusion,
                tuple(arg.premises),
                ctx.origin(path, loc),
                arg.label,
                arg.holder,
                arg.note,
                arg.priority,
            ),
            loc,
        )
    for aid, att in model.attacks.items():
        loc = ("attacks", aid)
        if att.rebuts is not None:
            kind, target = AttackKind.REBUT, att.rebuts
        elif att.undermines is not None:
            kind, target = AttackKind.UNDERMINE, att.undermines
        else:
            kind, target = AttackKind.UNDERCUT, str(att.undercuts)
        yield Attack(aid, att.source, target, kind, ctx.origin(path, loc), att.note), loc
    for eid, ev in model.evidence.items():
        loc = ("evidence", eid)
        stance = Stance.SUPPORTS if ev.supports is not None else Stance.ATTACKS
        yield (
            Evidence(
                eid,
                ev.quote,
                ev.source,
                ev.target,
                stance,
                ctx.origin(path, loc),
                ev.locator,
                ev.strength,
                ev.note,
                _at(ctx, path, (*loc, "quote")),
                None if ev.locator is None else _at(ctx, path, (*loc, "locator")),
            ),
            loc,
        )


def _at(ctx: _Context, path: str, loc: PathKey) -> Origin:
    p = ctx.pos(path, loc)
    return Origin(path, p.line, p.col)


def _questions_of(parsed: ParsedFile, ctx: _Context) -> Iterator[Question]:
    path = parsed.document.path
    for i, q in enumerate(parsed.model.questions):
        about = tuple(_at(ctx, path, ("questions", i, "about", j)) for j in range(len(q.about)))
        yield Question(q.text, _at(ctx, path, ("questions", i)), tuple(q.about), about)


# --- references -------------------------------------------------------------------------------
# Names compared for "did you mean" hints, over all the dangling references of a map (about a
# microsecond each): a map with 100,000 references to nothing gets its hints on the first few
# and is reported in seconds, not hours.
SUGGESTION_BUDGET = 2_000_000


def _check_references(
    elements: dict[str, Element],
    attacks: dict[str, Element],
    loc_of: dict[str, PathKey],
    questions: list[Question],
    ctx: _Context,
) -> None:
    """Check every reference; an ``attacks:`` is classified, in ``elements`` and ``attacks``."""
    candidates_of: dict[tuple[type, ...], list[str]] = {}
    budget = SUGGESTION_BUDGET

    def suggest(ref: str, kinds: tuple[type, ...]) -> str | None:
        nonlocal budget
        if kinds not in candidates_of:
            candidates_of[kinds] = [i for i, e in elements.items() if isinstance(e, kinds)]
        candidates = candidates_of[kinds]
        if len(candidates) > budget:
            return None
        budget -= len(candidates)
        close = difflib.get_close_matches(ref, candidates, n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else None

    def expect(ref: str | None, kinds: tuple[type, ...], path: str, loc: PathKey) -> None:
        if ref is None:
            return
        found = elements.get(ref)
        if found is not None and isinstance(found, kinds):
            return
        wanted = " or ".join(_KIND_OF_TABLE[k] for k in kinds)
        pos = ctx.pos(path, loc)
        if found is None:
            hint = suggest(ref, kinds)
            ctx.diagnostics.append(
                codes.DANGLING_REFERENCE.at(
                    path, pos, f"'{ref}' refers to no {wanted} in this map", hint
                )
            )
        elif not isinstance(found, kinds):
            ctx.diagnostics.append(
                codes.WRONG_REFERENCE_KIND.at(
                    path,
                    pos,
                    f"'{ref}' is {_a(_KIND_OF_TABLE[type(found)])}, not {_a(wanted)}",
                )
            )

    # Classifying an ``attacks:`` replaces the element under its id: the dicts keep their size
    # and their keys, so iterating them meanwhile is fine.
    for element_id, element in elements.items():
        # the two commonest elements first, checked without a call when all is well
        if isinstance(element, Claim):
            if element.holder is not None:
                path, loc = element.origin.path, loc_of[element_id]
                expect(element.holder, (Actor,), path, (*loc, "holder"))
            continue
        if isinstance(element, Argument) and element.implicit:
            if not isinstance(elements.get(element.conclusion), Claim):
                path, loc = element.origin.path, loc_of[element_id]
                expect(element.conclusion, (Claim,), path, loc)
            continue
        path, loc = element.origin.path, loc_of[element_id]
        if isinstance(element, Argument):  # written out under ``arguments:``
            expect(element.conclusion, (Claim,), path, (*loc, "conclusion"))
            for i, premise in enumerate(element.premises):
                expect(premise, (Claim,), path, (*loc, "premises", i))
            expect(element.holder, (Actor,), path, (*loc, "holder"))
        elif isinstance(element, Attack):
            aloc = loc if element.short_form else (*loc, _attack_key(element.kind))
            if not element.short_form:
                expect(element.attacker, (Claim,), path, (*loc, "from"))
            if element.implicit:
                expect(element.target, (Claim, Argument), path, aloc)
                elements[element_id] = attacks[element_id] = _classify(element, elements)
            elif element.kind == AttackKind.UNDERCUT:
                expect(element.target, (Argument,), path, aloc)
            else:
                expect(element.target, (Claim,), path, aloc)
            if element.attacker == element.target:
                ctx.diagnostics.append(
                    codes.SELF_REFERENCE.at(
                        path, ctx.pos(path, aloc), f"'{element.attacker}' attacks itself"
                    )
                )
        elif isinstance(element, Evidence):
            expect(element.source, (Source,), path, (*loc, "source"))
            if loc[0] == "evidence":
                expect(element.target, (Claim,), path, (*loc, element.stance.value))
    for q in questions:
        for j, ref in enumerate(q.about):
            found = elements.get(ref)
            if isinstance(found, Claim):
                continue
            at = q.about_at(j)
            pos = Position(at.line, at.col)
            if found is None:  # as every other reference: a "did you mean" for a misspelling
                message = f"question refers to '{ref}', which is no claim in this map"
                diagnostic = codes.DANGLING_REFERENCE.at(
                    at.path, pos, message, suggest(ref, (Claim,))
                )
            else:
                kind = _a(_KIND_OF_TABLE[type(found)])
                message = f"question refers to '{ref}', which is {kind}, not a claim"
                diagnostic = codes.WRONG_REFERENCE_KIND.at(at.path, pos, message)
            ctx.diagnostics.append(diagnostic)


def _a(noun: str) -> str:
    """The noun with its article: 'an actor', 'a claim', 'an evidence item'."""
    noun = "evidence item" if noun == "evidence" else noun
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _attack_key(kind: AttackKind) -> str:
    return {AttackKind.REBUT: "rebuts", AttackKind.UNDERMINE: "undermines"}.get(kind, "undercuts")


def _classify(attack: Attack, elements: dict[str, Element]) -> Attack:
    """``attacks: X``: undercut an argument, undermine a premise, rebut any other claim."""
    target = elements.get(attack.target)
    if isinstance(target, Argument):
        kind = AttackKind.UNDERCUT
    elif isinstance(target, Claim) and target.kind in (ClaimKind.PREMISE, ClaimKind.ASSUMPTION):
        kind = AttackKind.UNDERMINE
    else:
        kind = AttackKind.REBUT
    return Attack(
        attack.id,
        attack.attacker,
        attack.target,
        kind,
        attack.origin,
        attack.note,
        implicit=True,
        short_form=True,
    )
