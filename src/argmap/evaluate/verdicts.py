"""Labels back into words: a verdict per claim, with the reasons a reader can check.

* ``refuted``: the claim is OUT; ``contested``: it is UNDEC;
* ``supported``: it is IN and rests on verified evidence, or on an argument that stands and
  whose premises are supported (assumptions may fill in, but not alone);
* ``unsupported``: it is IN only because nothing defeats it.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.argument_map import ArgumentMap, MapIndex, Stance
from argmap.evaluate.build import MapFramework
from argmap.model import ClaimKind
from argmap.semantics.labels import Label
from argmap.verdict import ClaimVerdict, QuoteStatus, Reason, Verdict

VERIFIED = (QuoteStatus.VERIFIED, QuoteStatus.VERIFIED_WITH_EDITS)
_VERDICT_OF_LABEL = {Label.OUT: Verdict.REFUTED, Label.UNDEC: Verdict.CONTESTED}


def claim_verdicts(
    m: ArgumentMap,
    fw: MapFramework,
    labels: Mapping[str, Label],
    scores: Mapping[str, float],
    status: Mapping[str, QuoteStatus],
) -> dict[str, ClaimVerdict]:
    backed = _backed_claims(m, labels, status)
    index = MapIndex.of(m)
    verdicts: dict[str, ClaimVerdict] = {}
    for cid in m.claims:
        label = labels[f"claim:{cid}"]
        if label is Label.IN:
            verdict = Verdict.SUPPORTED if cid in backed else Verdict.UNSUPPORTED
        else:
            verdict = _VERDICT_OF_LABEL[label]
        verdicts[cid] = ClaimVerdict(
            claim=cid,
            verdict=verdict,
            score=round(scores[f"claim:{cid}"], 4),
            label=label.value.upper(),
            reasons=tuple(_reasons(index, fw, cid, verdict, labels, status)),
        )
    return verdicts


def _backed_claims(
    m: ArgumentMap, labels: Mapping[str, Label], status: Mapping[str, QuoteStatus]
) -> set[str]:
    """Claims resting on verified evidence, directly or through standing arguments.

    A monotone fixpoint computed with a work list, so support chains of any length (and any
    leftover cycles) are fine.
    """
    backed = {
        e.target
        for e in m.evidence.values()
        if e.stance is Stance.SUPPORTS and status.get(e.id) in VERIFIED
    }
    standing = [a for a in m.arguments.values() if labels[f"arg:{a.id}"] is Label.IN]
    waiting: dict[str, list[int]] = {}
    for i, arg in enumerate(standing):
        for premise in arg.premises:
            waiting.setdefault(premise, []).append(i)
    queue = list(backed)
    done_args: set[int] = set()
    while queue:
        claim = queue.pop()
        for i in waiting.get(claim, []):
            arg = standing[i]
            if i in done_args or arg.conclusion in backed:
                continue
            if all(_fills(p, m, backed) for p in arg.premises):
                done_args.add(i)
                backed.add(arg.conclusion)
                queue.append(arg.conclusion)
    return {c for c in backed if labels[f"claim:{c}"] is Label.IN}


def _fills(premise: str, m: ArgumentMap, backed: set[str]) -> bool:
    return premise in backed or m.claims[premise].kind is ClaimKind.ASSUMPTION


def _reasons(
    index: MapIndex,
    fw: MapFramework,
    cid: str,
    verdict: Verdict,
    labels: Mapping[str, Label],
    status: Mapping[str, QuoteStatus],
) -> list[Reason]:
    reasons: list[Reason] = []
    ignored = fw.ignored_attacks
    for e in index.evidence_for.get(cid, []):
        quote_state = status.get(e.id, QuoteStatus.UNCHECKED)
        where = f"{e.source}, {e.locator}" if e.locator else e.source
        verb = "backs it" if e.stance is Stance.SUPPORTS else "counts against it"
        reasons.append(Reason("evidence", e.id, f"quote {e.id} ({where}) is {quote_state}; {verb}"))
    for arg in index.arguments_for.get(cid, []):
        label = labels[f"arg:{arg.id}"]
        premises = ", ".join(arg.premises)
        if label is Label.IN:
            text = f"argument {arg.id} from {premises} stands"
        elif label is Label.OUT:
            text = f"argument {arg.id} from {premises} falls"
        else:
            text = f"argument {arg.id} from {premises} is undecided"
        reasons.append(Reason("argument", arg.id, text))
    for attack in index.attacks_on.get(cid, []):
        state = labels[f"claim:{attack.attacker}"]
        if attack.id in ignored:
            fate = "fails: the attacker is weaker"
        else:
            fate = {Label.IN: "succeeds", Label.OUT: "is defeated", Label.UNDEC: "is undecided"}[
                state
            ]
        reasons.append(
            Reason("attack", attack.id, f"{attack.kind.value} by {attack.attacker} {fate}")
        )
    for arg in index.arguments_for.get(cid, []):
        for attack in index.attacks_on.get(arg.id, []):
            state = labels[f"claim:{attack.attacker}"]
            fate = {Label.IN: "succeeds", Label.OUT: "is defeated", Label.UNDEC: "is undecided"}[
                state
            ]
            reasons.append(
                Reason("attack", attack.id, f"undercut of {arg.id} by {attack.attacker} {fate}")
            )
    if verdict is Verdict.UNSUPPORTED:
        reasons.append(
            Reason(
                "no-support",
                cid,
                "it stands only because nothing defeats it: no verified evidence backs it",
            )
        )
    return reasons
