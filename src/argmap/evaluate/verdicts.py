"""Labels back into words: a verdict per claim, with the reasons a reader can check.

* ``refuted``: the claim is OUT; ``contested``: it is UNDEC;
* ``supported``: it is IN and rests on verified evidence, or on an argument that stands and
  whose premises are supported (assumptions may fill in, but not alone);
* ``unsupported``: it is IN only because nothing defeats it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from argmap.argument_map import Argument, ArgumentMap, Attack, Evidence, Stance
from argmap.evaluate.build import MapFramework, counts
from argmap.model import ClaimKind
from argmap.semantics.labels import Label
from argmap.verdict import ClaimVerdict, QuoteStatus, Reason, Verdict

VERIFIED = (QuoteStatus.VERIFIED, QuoteStatus.VERIFIED_WITH_EDITS)
_VERDICT_OF_LABEL = {Label.OUT: Verdict.REFUTED, Label.UNDEC: Verdict.CONTESTED}
LABEL_TEXT = {label: label.value.upper() for label in Label}  # IN, OUT, UNDEC
_FATE = {Label.IN: "succeeds", Label.OUT: "is defeated", Label.UNDEC: "is undecided"}
_NO_SUPPORT = "it stands only because nothing defeats it: no verified evidence backs it"


def claim_verdicts(
    m: ArgumentMap,
    fw: MapFramework,
    labels: Sequence[Label],
    scores: Sequence[float],
    status: Mapping[str, QuoteStatus],
    marks: Mapping[str, str] | None = None,
) -> dict[str, ClaimVerdict]:
    """Each claim's verdict with its reasons; ``marks`` (by evidence id) name a quote whose
    status would misname it ("not verified" where the search gave up).

    ``labels`` and ``scores`` are by node of ``fw``, whose first nodes are the claims and the
    next ones the arguments, in the map's order (:func:`build_framework`): a claim's or an
    argument's label is read by its position, not by a name made for each.
    """
    arguments = len(m.arguments)
    arg_labels = labels[len(m.claims) : len(m.claims) + arguments]
    claim_label = _ClaimLabels(m, labels)
    backed = _backed_claims(m, arg_labels, claim_label, status)
    arguments_for: dict[str, list[tuple[Argument, Label]]] = {}
    for arg, arg_label in zip(m.arguments.values(), arg_labels, strict=True):
        pair = (arg, arg_label)
        found = arguments_for.get(arg.conclusion)
        if found is None:
            arguments_for[arg.conclusion] = [pair]
        else:
            found.append(pair)
    attacks_on: dict[str, list[Attack]] = {}
    for attack in m.attacks.values():
        attacks_on.setdefault(attack.target, []).append(attack)
    evidence_for: dict[str, list[Evidence]] = {}
    for e in m.evidence.values():
        evidence_for.setdefault(e.target, []).append(e)
    verdicts: dict[str, ClaimVerdict] = {}
    for cid, label, score in zip(m.claims, labels, scores, strict=False):  # claims come first
        if label is Label.IN:
            verdict = Verdict.SUPPORTED if cid in backed else Verdict.UNSUPPORTED
        else:
            verdict = _VERDICT_OF_LABEL[label]
        reasons: list[Reason] = []
        evidence = evidence_for.get(cid)
        if evidence is not None:
            reasons.extend(_evidence_reasons(evidence, status, marks or {}))
        backing = arguments_for.get(cid)
        if backing is not None:
            for arg, arg_label in backing:
                reasons.append(_argument_reason(arg, arg_label))
        attacks = attacks_on.get(cid)
        if attacks is not None:
            reasons.extend(_attack_reasons(attacks, claim_label, fw.ignored_attacks))
        if backing is not None and attacks_on:
            for arg, _ in backing:
                undercuts = attacks_on.get(arg.id)
                if undercuts is not None:
                    reasons.extend(_undercut_reasons(arg, undercuts, claim_label))
        if verdict is Verdict.UNSUPPORTED:
            reasons.append(Reason("no-support", cid, _NO_SUPPORT))
        verdicts[cid] = ClaimVerdict(
            cid, verdict, round(score, 4), LABEL_TEXT[label], tuple(reasons)
        )
    return verdicts


class _ClaimLabels:
    """A claim's label by its id, the claims' index made only when first asked (a map with
    no attacks and no verified evidence never asks)."""

    def __init__(self, m: ArgumentMap, labels: Sequence[Label]) -> None:
        self._m = m
        self._labels = labels
        self._by_id: dict[str, Label] | None = None

    def __getitem__(self, cid: str) -> Label:
        if self._by_id is None:
            self._by_id = dict(zip(self._m.claims, self._labels, strict=False))
        return self._by_id[cid]


def _backed_claims(
    m: ArgumentMap,
    arg_labels: Sequence[Label],
    claim_label: _ClaimLabels,
    status: Mapping[str, QuoteStatus],
) -> set[str]:
    """Claims resting on verified evidence, directly or through standing arguments.

    A monotone fixpoint computed with a work list, so support chains of any length (and any
    leftover cycles) are fine.
    """
    backed = {
        e.target
        for e in m.evidence.values()
        if e.stance is Stance.SUPPORTS and status.get(e.id) in VERIFIED and e.strength > 0.0
    }
    if not backed:
        return backed  # nothing rests on evidence, so nothing rests on arguments either
    standing = [
        a for a, label in zip(m.arguments.values(), arg_labels, strict=True) if label is Label.IN
    ]
    waiting: dict[str, list[int]] = {}
    for i, arg in enumerate(standing):
        for premise in arg.premises:
            waiting.setdefault(premise, []).append(i)
    queue = list(backed)
    while queue:
        claim = queue.pop()
        for i in waiting.get(claim, []):
            arg = standing[i]
            if arg.conclusion in backed:  # also every argument already used
                continue
            if all(_fills(p, m, backed) for p in arg.premises):
                backed.add(arg.conclusion)
                queue.append(arg.conclusion)
    return {c for c in backed if claim_label[c] is Label.IN}


def _fills(premise: str, m: ArgumentMap, backed: set[str]) -> bool:
    return premise in backed or m.claims[premise].kind is ClaimKind.ASSUMPTION


# The reasons of a claim's verdict, in this order: its evidence, its arguments, the attacks on
# it, the undercuts of its arguments, and "no-support" when it stands unsupported.
def _evidence_reasons(
    evidence: Iterable[Evidence], status: Mapping[str, QuoteStatus], marks: Mapping[str, str]
) -> Iterator[Reason]:
    for e in evidence:
        quote_state = status.get(e.id, QuoteStatus.UNCHECKED)
        mark = marks.get(e.id)
        where = f"{e.source}, {e.locator}" if e.locator else e.source
        if not counts(quote_state, 1.0):  # it is no node of the framework
            verb = "counts for nothing"
        elif not counts(quote_state, e.strength):
            verb = "counts for nothing: its strength is 0"
        elif e.stance is Stance.SUPPORTS:
            verb = "backs it"
        else:
            verb = "counts against it"
        state = quote_state.value if mark is None else mark.removeprefix("✘ ")
        yield Reason("evidence", e.id, f"quote {e.id} ({where}) is {state}; {verb}")


def _argument_reason(arg: Argument, label: Label) -> Reason:
    premises = ", ".join(arg.premises)
    if label is Label.IN:
        text = f"argument {arg.id} from {premises} stands"
    elif label is Label.OUT:
        text = f"argument {arg.id} from {premises} falls"
    else:
        text = f"argument {arg.id} from {premises} is undecided"
    return Reason("argument", arg.id, text)


def _attack_reasons(
    attacks: Iterable[Attack], claim_label: _ClaimLabels, ignored: set[str]
) -> Iterator[Reason]:
    for attack in attacks:
        state = claim_label[attack.attacker]
        fate = "fails: the attacker is weaker" if attack.id in ignored else _FATE[state]
        yield Reason("attack", attack.id, f"{attack.kind.value} by {attack.attacker} {fate}")


def _undercut_reasons(
    arg: Argument, undercuts: Iterable[Attack], claim_label: _ClaimLabels
) -> Iterator[Reason]:
    for attack in undercuts:
        fate = _FATE[claim_label[attack.attacker]]
        yield Reason("attack", attack.id, f"undercut of {arg.id} by {attack.attacker} {fate}")
