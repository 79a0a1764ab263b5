"""What a handout holds of a map too large to print: whole levels from the thesis down.

A handout lists every claim it covers, with room to write, and every quote as a card. For a
map of thousands of claims that is a book (a 5,000-claim map made 989 pages, and WeasyPrint
took 2 GB and 96 s to lay them out), so above :data:`HANDOUT_MAX_CLAIMS` claims a handout
covers the theses and as many whole levels below them as fit in that many claims, and says
so on its cover. The verdicts are those of the whole map; only what is listed is cut.
"""

from __future__ import annotations

from dataclasses import replace

from argmap.argument_map import ArgumentMap, MapIndex
from argmap.report_html.claims import Checked
from argmap.report_html.outline import children, roots

HANDOUT_MAX_CLAIMS = 200


def excerpt(checked: Checked, limit: int = HANDOUT_MAX_CLAIMS) -> tuple[Checked, str | None]:
    """``checked`` itself when the map has at most ``limit`` claims; else the part of it
    within the deepest level from the theses that keeps to ``limit`` claims, and the note
    that says so."""
    m = checked.map
    if len(m.claims) <= limit:
        return checked, None
    top = list(dict.fromkeys(roots(m)))
    if top:
        keep, depth = _levels(m, top, limit)
        within = f"{depth} step{'s' if depth != 1 else ''} of the thesis"
        head = f"the {len(keep):,} within {within}" if depth else f"its {len(keep):,} theses"
    else:  # every claim supports or attacks another (a ring of objections): no top to start at
        keep = set(list(m.claims)[:limit])
        head = f"the first {len(keep):,} in the file"
    part = _part(m, keep)
    shown = Checked(
        part,
        {cid: v for cid, v in checked.verdicts.items() if cid in keep},
        {eid: c for eid, c in checked.checks.items() if eid in part.evidence},
        checked.labels,
    )
    note = (
        f"This map has {len(m.claims):,} claims, too many to print: this handout holds "
        f"{head}. 'argmap report' shows them all."
    )
    return shown, note


def _levels(m: ArgumentMap, top: list[str], limit: int) -> tuple[set[str], int]:
    """The claims of levels 0..d below ``top``, for the largest d that keeps to ``limit``."""
    index = MapIndex.of(m)
    level = top[:limit]
    keep = set(level)
    depth = 0
    while level:
        below = [c for claim in level for c, _, _ in children(m, index, claim) if c not in keep]
        below = list(dict.fromkeys(below))
        if not below or len(keep) + len(below) > limit:
            break
        keep.update(below)
        level = below
        depth += 1
    return keep, depth


def _part(m: ArgumentMap, keep: set[str]) -> ArgumentMap:
    """The map cut down to the claims in ``keep``: the arguments, attacks, quotes and
    questions among them."""
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
    return replace(
        m,
        claims={cid: c for cid, c in m.claims.items() if cid in keep},
        arguments=arguments,
        attacks=attacks,
        evidence={eid: e for eid, e in m.evidence.items() if e.target in keep},
        questions=tuple(q for q in m.questions if all(c in keep for c in q.about)),
    )
