"""Random small maps, evaluated, against what docs/evaluation.md says and an independent solver.

* The framework ``argmap export --to iccma`` writes, read back and labelled by brute force
  (Dung's definitions over conflict-free sets, sharing no code with ``argmap.semantics``), gives
  every node the label ``argmap check`` gives it, under grounded, preferred and stable semantics.
* The documented rules hold at the level of the map: linked premises are all needed,
  convergent support needs one backer standing, a quote not found (or of strength 0) counts for
  nothing, an attack from a weaker claim fails, an undercut always succeeds, and the verdicts
  follow the labels.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.argument_map import (
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    Evidence,
    Origin,
    Stance,
)
from argmap.evaluate import evaluate_map
from argmap.evaluate.build import build_framework, scoring_graph
from argmap.evaluate.run import to_framework
from argmap.model import ClaimKind
from argmap.semantics.iccma import read_i23, write_i23
from argmap.semantics.labels import Label, Semantics
from argmap.verdict import QuoteStatus, Verdict

HERE = Origin("map.yaml", 1, 1)
VERIFIED = (QuoteStatus.VERIFIED, QuoteStatus.VERIFIED_WITH_EDITS)

# -- random maps ----------------------------------------------------------------------------


@st.composite
def maps(draw: st.DrawFn) -> tuple[ArgumentMap, dict[str, QuoteStatus]]:
    """Up to 4 claims, 3 arguments of 1-2 premises, 4 attacks and 3 quotes, with priorities
    and every quote status: some 8 to 25 framework nodes."""
    n = draw(st.integers(1, 4))
    ids = [f"c{i}" for i in range(n)]
    kinds = st.sampled_from([ClaimKind.CLAIM, ClaimKind.PREMISE, ClaimKind.ASSUMPTION])
    claims = {
        cid: Claim(cid, cid, HERE, kind=draw(kinds), priority=draw(st.integers(0, 2)))
        for cid in ids
    }
    arguments: dict[str, Argument] = {}
    for i in range(draw(st.integers(0, 3))):
        conclusion = draw(st.sampled_from(ids))
        premises = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2)))
        implicit = len(premises) == 1 and draw(st.booleans())
        priority = 0 if implicit else draw(st.integers(0, 2))
        aid = f"a{i}"
        arguments[aid] = Argument(
            aid, conclusion, premises, HERE, priority=priority, implicit=implicit
        )
    attacks: dict[str, Attack] = {}
    targets = [*ids, *arguments]
    for i in range(draw(st.integers(0, 4))):
        attacker, target = draw(st.sampled_from(ids)), draw(st.sampled_from(targets))
        if attacker == target:
            continue  # refused when the map is read (AM308)
        if target in arguments:
            kind = AttackKind.UNDERCUT
        elif claims[target].kind in (ClaimKind.PREMISE, ClaimKind.ASSUMPTION):
            kind = AttackKind.UNDERMINE
        else:
            kind = AttackKind.REBUT
        attacks[f"x{i}"] = Attack(f"x{i}", attacker, target, kind, HERE)
    evidence: dict[str, Evidence] = {}
    status: dict[str, QuoteStatus] = {}
    for i in range(draw(st.integers(0, 3))):
        stance = draw(st.sampled_from(list(Stance)))
        eid = f"e{i}"
        target = draw(st.sampled_from(ids))
        strength = draw(st.sampled_from([1.0, 0.5, 0.0]))
        evidence[eid] = Evidence(eid, "q", "s", target, stance, HERE, strength=strength)
        status[eid] = draw(st.sampled_from(list(QuoteStatus)))
    m = ArgumentMap(
        "map.yaml", "t", claims=claims, arguments=arguments, attacks=attacks, evidence=evidence
    )
    return m, status


def quote_counts(e: Evidence, status: dict[str, QuoteStatus]) -> bool:
    """docs/evaluation.md: a quote not found counts for nothing, nor one of strength 0."""
    return status[e.id] is not QuoteStatus.NOT_FOUND and e.strength > 0


# -- an independent solver ------------------------------------------------------------------


def conflict_free_sets(n: int, attacks: set[tuple[int, int]]) -> Iterator[frozenset[int]]:
    """Every conflict-free set, by backtracking over the arguments in order."""
    enemies: list[set[int]] = [set() for _ in range(n)]
    for a, b in attacks:
        enemies[a].add(b)
        enemies[b].add(a)

    def grow(i: int, chosen: frozenset[int]) -> Iterator[frozenset[int]]:
        if i == n:
            yield chosen
            return
        yield from grow(i + 1, chosen)
        if (i, i) not in attacks and enemies[i].isdisjoint(chosen):
            yield from grow(i + 1, chosen | {i})

    return grow(0, frozenset())


def brute_labels(n: int, attacks: set[tuple[int, int]], semantics: Semantics) -> list[Label]:
    """Skeptical labels, straight from the definitions: IN in every extension, OUT attacked by
    every extension, UNDEC otherwise; every node UNDEC when there is no extension."""
    attackers: list[set[int]] = [set() for _ in range(n)]
    for a, b in attacks:
        attackers[b].add(a)

    def hit(s: frozenset[int]) -> frozenset[int]:
        return frozenset(b for a, b in attacks if a in s)

    def defended(s: frozenset[int]) -> frozenset[int]:
        beaten = hit(s)
        return frozenset(a for a in range(n) if attackers[a] <= beaten)

    if semantics is Semantics.GROUNDED:
        current: frozenset[int] = frozenset()
        while (following := defended(current)) != current:
            current = following
        extensions = [current]
    else:
        free = list(conflict_free_sets(n, attacks))
        if semantics is Semantics.STABLE:
            everything = frozenset(range(n))
            extensions = [s for s in free if hit(s) == everything - s]
        else:
            admissible = [s for s in free if s <= defended(s)]
            extensions = [s for s in admissible if not any(s < t for t in admissible)]
    if not extensions:
        return [Label.UNDEC] * n
    labels = []
    for a in range(n):
        if all(a in e for e in extensions):
            labels.append(Label.IN)
        elif all(a in hit(e) for e in extensions):
            labels.append(Label.OUT)
        else:
            labels.append(Label.UNDEC)
    return labels


# -- the properties -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(maps())
def test_the_exported_framework_gives_the_same_labels_to_an_independent_solver(
    drawn: tuple[ArgumentMap, dict[str, QuoteStatus]],
) -> None:
    m, status = drawn
    exported = read_i23(write_i23(to_framework(build_framework(m, status))))
    attacks = set(exported.attacks())
    for semantics in Semantics:
        evaluation = evaluate_map(m, status, semantics=semantics, time_limit=None)
        expected = brute_labels(exported.num_arguments, attacks, semantics)
        assert dict(zip(exported.names, expected, strict=True)) == evaluation.labels, semantics
        assert evaluation.has_extension == (
            semantics is not Semantics.STABLE
            or _has_stable_extension(exported.num_arguments, attacks)
        )


def _has_stable_extension(n: int, attacks: set[tuple[int, int]]) -> bool:
    everything = frozenset(range(n))
    return any(
        frozenset(b for a, b in attacks if a in s) == everything - s
        for s in conflict_free_sets(n, attacks)
    )


@settings(max_examples=150, deadline=None)
@given(maps())
def test_grounded_verdicts_follow_the_documented_rules(
    drawn: tuple[ArgumentMap, dict[str, QuoteStatus]],
) -> None:
    m, status = drawn
    evaluation = evaluate_map(m, status)
    labels = evaluation.labels

    def claim(cid: str) -> Label:
        return labels[f"claim:{cid}"]

    strength = {cid: c.priority for cid, c in m.claims.items()}
    for arg in m.arguments.values():
        if not arg.implicit:
            strength[arg.conclusion] = max(strength[arg.conclusion], arg.priority)
    # An attack from a weaker claim fails: it is no attack of the framework at all.
    fw = build_framework(m, status)
    edges = {(fw.names[a], fw.names[b]) for a, b in fw.attacks}
    for attack in m.attacks.values():
        if attack.kind is not AttackKind.UNDERCUT:
            edge = (f"claim:{attack.attacker}", f"claim:{attack.target}")
            assert (edge in edges) == (strength[attack.attacker] >= strength[attack.target])
    undercut = {a.target: a for a in m.attacks.values() if a.kind is AttackKind.UNDERCUT}
    for arg in m.arguments.values():
        label = labels[f"arg:{arg.id}"]
        # Linked premises: the argument stands only while all stand, falls when one falls.
        if label is Label.IN:
            assert all(claim(p) is Label.IN for p in arg.premises)
        if any(claim(p) is Label.OUT for p in arg.premises):
            assert label is Label.OUT
        # An undercut from a standing claim always succeeds.
        attack = undercut.get(arg.id)
        if attack is not None and claim(attack.attacker) is Label.IN:
            assert label is Label.OUT
    for cid in m.claims:
        backers = [labels[f"arg:{a.id}"] for a in m.arguments.values() if a.conclusion == cid]
        backers += [
            Label.IN  # a quote that counts is never attacked
            for e in m.evidence.values()
            if e.target == cid and e.stance is Stance.SUPPORTS and quote_counts(e, status)
        ]
        # Convergent support: one standing backer is needed, and none of them falling is enough.
        if backers and all(b is Label.OUT for b in backers):
            assert claim(cid) is Label.OUT
        if claim(cid) is Label.IN and backers:
            assert Label.IN in backers
        # A standing attacker that is not weaker defeats the claim; evidence always does.
        for attack in m.attacks.values():
            if attack.target != cid or claim(attack.attacker) is not Label.IN:
                continue
            if strength[attack.attacker] >= strength[cid]:
                assert claim(cid) is Label.OUT
        for e in m.evidence.values():
            if e.target == cid and e.stance is Stance.ATTACKS and quote_counts(e, status):
                assert claim(cid) is Label.OUT
        # The verdict follows the label.
        verdict = evaluation.verdicts[cid]
        assert verdict.label == claim(cid).value.upper()
        expected = {Label.OUT: Verdict.REFUTED, Label.UNDEC: Verdict.CONTESTED}.get(claim(cid))
        if expected is not None:
            assert verdict.verdict is expected
        else:
            assert verdict.verdict in (Verdict.SUPPORTED, Verdict.UNSUPPORTED)
            direct = any(
                e.target == cid
                and e.stance is Stance.SUPPORTS
                and status[e.id] in VERIFIED
                and e.strength > 0
                for e in m.evidence.values()
            )
            if direct:
                assert verdict.verdict is Verdict.SUPPORTED
            if verdict.verdict is Verdict.UNSUPPORTED:
                assert verdict.reasons[-1].kind == "no-support"
            # Assumptions may fill in for a premise, not carry a claim alone.
            if verdict.verdict is Verdict.SUPPORTED and not direct:
                assert any(
                    labels[f"arg:{a.id}"] is Label.IN
                    and any(evaluation.verdicts[p].verdict is Verdict.SUPPORTED for p in a.premises)
                    for a in m.arguments.values()
                    if a.conclusion == cid
                )


@settings(max_examples=300, deadline=None)
@given(maps())
def test_the_scoring_graph_is_the_framework_without_its_nobasis_nodes(
    drawn: tuple[ArgumentMap, dict[str, QuoteStatus]],
) -> None:
    # scoring_graph cuts out the block of nobasis attacks that build_framework appends; by
    # definition, it is every attack of the framework with no nobasis node at either end.
    m, status = drawn
    fw = build_framework(m, status)
    nobasis = [i for i, name in enumerate(fw.names) if name.startswith("nobasis:")]
    base, attacks, framework_only = scoring_graph(fw)
    assert framework_only == nobasis
    assert attacks == [(a, b) for a, b in fw.attacks if a not in nobasis and b not in nobasis]
    assert base == fw.base
