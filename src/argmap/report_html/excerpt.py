"""What a handout holds of a map too large to print: whole levels from the thesis down.

A handout lists every claim it covers, with room to write, and every quote as a card. For a
map of thousands of claims that is a book (a 5,000-claim map made 989 pages, and WeasyPrint
took 2 GB and 96 s to lay them out), so above :data:`HANDOUT_MAX_CLAIMS` claims a handout
covers the theses and as many whole levels below them as fit in that many claims, and says
so on its cover. When not even the first level below the theses fits (a thesis with 5,000
reasons), it covers the theses and the first claims of that level, in the order the handout
lists them. The verdicts are those of the whole map; only what is listed is cut, and with it
the reasons that name what is cut (the thesis's 5,000 reasons made an 88-page PDF of one
claim): one line says how many are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argmap.argument_map import ArgumentMap, MapIndex, roots
from argmap.report_html.claims import Checked
from argmap.report_html.outline import children
from argmap.verdict import ClaimVerdict, Reason

HANDOUT_MAX_CLAIMS = 200


@dataclass(frozen=True, slots=True)
class Levels:
    """The claims of the whole levels 0..``depth`` below the theses, and, when not even
    level 1 fits whole, the first ``partial`` of its ``level_size`` claims."""

    keep: tuple[str, ...]
    depth: int
    partial: int = 0
    level_size: int = 0


def excerpt(checked: Checked, limit: int = HANDOUT_MAX_CLAIMS) -> tuple[Checked, str | None]:
    """``checked`` itself when the map has at most ``limit`` claims; else the part of it
    within the deepest level from the theses that keeps to ``limit`` claims (or the theses
    and the first claims below them), and the note that says so."""
    m = checked.map
    if len(m.claims) <= limit:
        return checked, None
    top = list(dict.fromkeys(roots(m)))
    if top:
        levels = _levels(m, top, limit)
        keep = set(levels.keep)
        head = _head(levels, len(top))
    else:  # every claim supports or attacks another (a ring of objections): no top to start at
        keep = set(list(m.claims)[:limit])
        head = f"the first {len(keep):,} in the file"
    part = part_of(m, keep)
    shown = Checked(
        part,
        {cid: _within(v, part) for cid, v in checked.verdicts.items() if cid in keep},
        {eid: c for eid, c in checked.checks.items() if eid in part.evidence},
        checked.labels,
        {aid: w for aid, w in checked.weaker.items() if aid in part.attacks},
    )
    note = (
        f"This map has {len(m.claims):,} claims, too many to print: this handout holds "
        f"{head}. 'argmap report' shows them all."
    )
    return shown, note


def _head(levels: Levels, theses: int) -> str:
    """What the handout holds, as the cover says it."""
    depth, kept = levels.depth, len(levels.keep)
    if depth:
        return f"the {kept:,} within {depth} step{'s' if depth != 1 else ''} of the thesis"
    held = kept - levels.partial
    if held < theses:
        return f"the first {held:,} of its {theses:,} theses"
    head = "its thesis" if held == 1 else f"its {held:,} theses"
    if levels.partial:
        head += (
            f" and the first {levels.partial:,} of the {levels.level_size:,} claims one step "
            f"below {'it' if held == 1 else 'them'}"
        )
    return head


def _levels(m: ArgumentMap, top: list[str], limit: int) -> Levels:
    """The claims of levels 0..d below ``top``, for the largest d that keeps to ``limit``;
    when d is 0, as many of level 1 as fit besides."""
    index = MapIndex.of(m)
    level = top[:limit]
    keep = list(level)
    kept = set(keep)
    depth = 0
    while level:
        below = [c for claim in level for c, _, _ in children(m, index, claim) if c not in kept]
        below = list(dict.fromkeys(below))
        if not below:
            break
        if len(keep) + len(below) > limit:
            room = limit - len(keep)
            if depth == 0 and room > 0:
                return Levels((*keep, *below[:room]), 0, room, len(below))
            break
        keep.extend(below)
        kept.update(below)
        level = below
        depth += 1
    return Levels(tuple(keep), depth)


def _within(verdict: ClaimVerdict, part: ArgumentMap) -> ClaimVerdict:
    """``verdict`` with only the reasons about what ``part`` holds, and a line (a reason of
    kind "left-out", before any "no-support") that counts the others: arguments from, and
    attacks by, claims left out."""
    reasons = [r for r in verdict.reasons if _about(r, part)]
    left = len(verdict.reasons) - len(reasons)
    if not left:
        return verdict
    at = next((i for i, r in enumerate(reasons) if r.kind == "no-support"), len(reasons))
    more = f"{left:,} more reason{'s' if left != 1 else ''}, about claims this handout leaves out"
    reasons.insert(at, Reason("left-out", verdict.claim, more))
    return replace(verdict, reasons=tuple(reasons))


def _about(reason: Reason, part: ArgumentMap) -> bool:
    if reason.kind == "argument":
        return reason.element in part.arguments
    if reason.kind == "attack":
        return reason.element in part.attacks
    return True  # its own quotes, which the part keeps, and "no-support"


def part_of(m: ArgumentMap, keep: set[str]) -> ArgumentMap:
    """The map cut down to the claims in ``keep``: the arguments, attacks, quotes and
    questions among them, and the sources of those quotes (or of none at all)."""
    arguments = {
        aid: a
        for aid, a in m.arguments.items()
        if a.conclusion in keep and all(p in keep for p in a.premises)
    }
    attacks = {
        aid: a
        for aid, a in m.attacks.items()
        if a.attacker in keep and (a.target in keep or a.target in arguments)
    }
    evidence = {eid: e for eid, e in m.evidence.items() if e.target in keep}
    cited = {e.source for e in evidence.values()}
    uncited = set(m.sources) - {e.source for e in m.evidence.values()}
    return replace(
        m,
        claims={cid: c for cid, c in m.claims.items() if cid in keep},
        arguments=arguments,
        attacks=attacks,
        evidence=evidence,
        sources={sid: s for sid, s in m.sources.items() if sid in cited or sid in uncited},
        questions=tuple(q for q in m.questions if all(c in keep for c in q.about)),
    )
