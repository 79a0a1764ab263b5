"""Claims, verdicts and evidence cards as views: one :class:`ClaimViews` per document.

A worksheet (``show_verdicts=False``) gets no verdict, no score, no quote check and no fate
of an argument or objection: those fields are None, so no template can show them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.argument_map import ArgumentMap, AttackKind, Evidence, MapIndex
from argmap.render.ids import svg_id
from argmap.render.text import clean
from argmap.report_html.views import (
    ArgumentView,
    ClaimRef,
    ClaimView,
    EvidenceCard,
    ObjectionView,
    VerdictView,
)
from argmap.semantics.labels import Label
from argmap.verdict import ClaimVerdict, QuoteStatus, Verdict
from argmap.verify.evidence import EvidenceCheck

VERDICT_ICON: Mapping[Verdict, str] = {
    Verdict.SUPPORTED: "✔",
    Verdict.REFUTED: "✘",
    Verdict.CONTESTED: "⇄",
    Verdict.UNSUPPORTED: "○",
}
STATUS_TEXT: Mapping[QuoteStatus, str] = {
    QuoteStatus.VERIFIED: "✔ verified in the source",
    QuoteStatus.VERIFIED_WITH_EDITS: "✔ verified, with marked edits",
    QuoteStatus.PARAPHRASE: "≈ paraphrase",
    QuoteStatus.NOT_FOUND: "✘ not found in the source",
    QuoteStatus.UNCHECKED: "? not checked (no local copy of the source)",
}
ARGUMENT_FATE: Mapping[Label, str] = {
    Label.IN: "stands",
    Label.OUT: "falls",
    Label.UNDEC: "is undecided",
}
ATTACKER_FATE: Mapping[Label, str] = {
    Label.IN: "succeeds",
    Label.OUT: "is defeated",
    Label.UNDEC: "is undecided",
}


@dataclass(frozen=True, slots=True)
class Checked:
    """What ``argmap check`` found, as the report needs it."""

    map: ArgumentMap
    verdicts: Mapping[str, ClaimVerdict]
    checks: Mapping[str, EvidenceCheck]
    labels: Mapping[str, Label]  # framework node ("claim:ID", "arg:ID") -> label
    # the attacks that fail for a weaker attacker, with both strengths, as the whole map
    # decides them: a part of the map (a page, a handout of its first levels) may leave
    # out the arguments a claim's strength rests on
    weaker: Mapping[str, tuple[int, int]]


def anchor_id(kind: str, element_id: str) -> str:
    """An element's anchor on the page (without the '#'): ``claim-ID``, as the map links."""
    return svg_id(kind, element_id)


def text_or_none(text: str | None) -> str | None:
    cleaned = clean(text) if text else ""
    return cleaned or None


class ClaimViews:
    """Builds the views of one document; evidence cards are numbered as they are asked for."""

    def __init__(
        self, checked: Checked, *, show_verdicts: bool, on_map: frozenset[str] = frozenset()
    ) -> None:
        self.checked = checked
        self.map = checked.map
        self.index = MapIndex.of(checked.map)
        self.show_verdicts = show_verdicts
        self.on_map = on_map
        self.cards: dict[str, EvidenceCard] = {}
        self._premise_of: dict[str, list[str]] = {}
        for argument in self.map.arguments.values():
            for premise in argument.premises:
                self._premise_of.setdefault(premise, []).append(argument.conclusion)
        self._attacks_by: dict[str, list[str]] = {}
        for attack in self.map.attacks.values():
            target = self._attacked_claim(attack.target, attack.kind)
            self._attacks_by.setdefault(attack.attacker, []).append(target)
        self._attack_reasons = {
            r.element: r.text
            for v in checked.verdicts.values()
            for r in v.reasons
            if r.kind == "attack"
        }
        # A claim is referred to from every claim around it (a thesis of 5,000 reasons by
        # each of them), so its verdict and its reference are made once and shared.
        self._verdicts: dict[str, VerdictView | None] = {}
        self._refs: dict[str, ClaimRef] = {}

    def verdict(self, claim_id: str) -> VerdictView | None:
        if claim_id in self._verdicts:
            return self._verdicts[claim_id]
        view = self._verdicts[claim_id] = self._verdict(claim_id)
        return view

    def _verdict(self, claim_id: str) -> VerdictView | None:
        found = self.checked.verdicts.get(claim_id)
        if not self.show_verdicts or found is None:
            return None
        v = found.verdict
        return VerdictView(
            verdict=v.value,
            badge=f"{VERDICT_ICON[v]} {v.value}",
            score=f"{found.score:.2f}",
            label=found.label,
            reasons=tuple(clean(r.text) for r in found.reasons),
        )

    def ref(self, claim_id: str) -> ClaimRef:
        known = self._refs.get(claim_id)
        if known is not None:
            return known
        claim = self.map.claims[claim_id]
        ref = self._refs[claim_id] = ClaimRef(
            claim_id, anchor_id("claim", claim_id), clean(claim.title), self.verdict(claim_id)
        )
        return ref

    def card_numbers(self, claim_id: str) -> tuple[int, ...]:
        return tuple(self.card(e).number for e in self.index.evidence_for.get(claim_id, []))

    def card(self, evidence: Evidence) -> EvidenceCard:
        """The card of ``evidence``, numbered the first time it is asked for."""
        known = self.cards.get(evidence.id)
        if known is not None:
            return known
        source = self.map.sources.get(evidence.source)
        check = self.checked.checks.get(evidence.id) if self.show_verdicts else None
        status = check.status if check is not None else None
        passage = where = None
        if check is not None and check.check is not None and not check.check.verified:
            passage = text_or_none(check.check.passage)
            where = check.location_text if passage else None
        status_text = None
        if status is not None:
            status_text = STATUS_TEXT[status]
            unverified = check.unverified_text if check is not None else None
            if unverified is not None:
                status_text = unverified
            elif status is QuoteStatus.PARAPHRASE and check is not None:
                status_text += f", {check.similarity:.0f}% similar"
        card = EvidenceCard(
            number=len(self.cards) + 1,
            id=evidence.id,
            anchor=anchor_id("evidence", evidence.id),
            quote=clean(evidence.quote),
            stance=evidence.stance.value,
            target=self.ref(evidence.target),
            source_id=evidence.source,
            source_title=clean(source.title) if source else evidence.source,
            source_anchor=anchor_id("source", evidence.source),
            locator=text_or_none(evidence.locator),
            strength=None if evidence.strength == 1.0 else f"{evidence.strength:g}",
            note=text_or_none(evidence.note),
            status=status.value if status is not None else None,
            status_text=status_text,
            passage=passage,
            passage_where=where,
        )
        self.cards[evidence.id] = card
        return card

    def claim(self, claim_id: str) -> ClaimView:
        m = self.map
        claim = m.claims[claim_id]
        holder = m.actors.get(claim.holder) if claim.holder else None
        arguments = tuple(
            ArgumentView(
                a.id,
                text_or_none(a.label),
                tuple(self.ref(p) for p in a.premises),
                self._fate(ARGUMENT_FATE, f"arg:{a.id}"),
            )
            for a in self.index.arguments_for.get(claim_id, [])
        )
        attacks = list(self.index.attacks_on.get(claim_id, []))
        for argument in self.index.arguments_for.get(claim_id, []):
            attacks.extend(self.index.attacks_on.get(argument.id, []))
        objections = tuple(
            ObjectionView(
                a.id,
                a.kind.value,
                self.ref(a.attacker),
                self._argument_name(a.target) if a.kind is AttackKind.UNDERCUT else None,
                self._attack_fate(a.id, a.attacker),
                text_or_none(a.note),
            )
            for a in attacks
        )
        supports = tuple(self.ref(c) for c in dict.fromkeys(self._premise_of.get(claim_id, [])))
        attacked = tuple(self.ref(c) for c in dict.fromkeys(self._attacks_by.get(claim_id, [])))
        return ClaimView(
            id=claim_id,
            anchor=anchor_id("claim", claim_id),
            map_anchor=f"map-{anchor_id('claim', claim_id)}" if claim_id in self.on_map else None,
            text=clean(claim.text),
            label=text_or_none(claim.label),
            kind=claim.kind.value,
            holder=clean(holder.name) if holder else text_or_none(claim.holder),
            holder_anchor=anchor_id("actor", holder.id) if holder else None,
            tags=tuple(clean(t) for t in claim.tags),
            note=text_or_none(claim.note),
            verdict=self.verdict(claim_id),
            arguments=arguments,
            objections=objections,
            evidence=tuple(self.card(e) for e in self.index.evidence_for.get(claim_id, [])),
            supports=supports,
            attacks=attacked,
        )

    def _fate(self, words: Mapping[Label, str], node: str) -> str | None:
        label = self.checked.labels.get(node)
        if not self.show_verdicts or label is None:
            return None
        return words[label]

    def _attack_fate(self, attack_id: str, attacker: str) -> str | None:
        """How an attack fares, in the words of the verdict's reasons (which know whether a
        weaker attacker's rebuttal was set aside)."""
        if not self.show_verdicts:
            return None
        _, by, fate = self._attack_reasons.get(attack_id, "").partition(f" by {attacker} ")
        if by and fate:
            return clean(fate)
        return self._fate(ATTACKER_FATE, f"claim:{attacker}")

    def _argument_name(self, argument_id: str) -> str:
        argument = self.map.arguments.get(argument_id)
        if argument is None:
            return argument_id
        if argument.label:
            return clean(argument.label)
        premises = ", ".join(clean(self.map.claims[p].title) for p in argument.premises)
        return f"from {premises}"

    def _attacked_claim(self, target: str, kind: AttackKind) -> str:
        if kind is AttackKind.UNDERCUT:
            return self.map.arguments[target].conclusion
        return target
