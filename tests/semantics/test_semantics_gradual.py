"""Gradual scores: DF-QuAD on acyclic graphs, quadratic energy on cyclic ones."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import (
    CyclicGraphError,
    GradualMethod,
    dfquad_scores,
    gradual_scores,
    quadratic_energy_scores,
    topological_order,
)

Edges = list[tuple[int, int]]


def naive_dfquad(n: int, base: list[float], attacks: Edges, supports: Edges) -> list[float]:
    """DF-QuAD by plain fixpoint iteration from the base scores (exact after n rounds)."""
    attacks, supports = list(dict.fromkeys(attacks)), list(dict.fromkeys(supports))
    scores = list(base)
    for _ in range(n + 1):
        following = []
        for v in range(n):
            va = 1 - math.prod(1 - scores[a] for a, t in attacks if t == v)
            vs = 1 - math.prod(1 - scores[s] for s, t in supports if t == v)
            w = base[v]
            following.append(w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va))
        scores = following
    return scores


@st.composite
def acyclic_graphs(draw: st.DrawFn) -> tuple[int, list[float], Edges, Edges]:
    """Edges only go from earlier to later positions of a random permutation."""
    n = draw(st.integers(1, 12))
    order = draw(st.permutations(range(n)))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    forward = (
        st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
        .filter(lambda e: e[0] < e[1])
        .map(lambda e: (order[e[0]], order[e[1]]))
    )
    attacks = draw(st.lists(forward, max_size=2 * n)) if n > 1 else []
    supports = draw(st.lists(forward, max_size=2 * n)) if n > 1 else []
    return n, base, attacks, supports


def test_single_attacker_and_single_supporter() -> None:
    assert dfquad_scores(2, [0.5, 0.8], [(1, 0)], []) == pytest.approx([0.1, 0.8])
    assert dfquad_scores(2, [0.5, 0.8], [], [(1, 0)]) == pytest.approx([0.9, 0.8])
    # Equal attack and support cancel out.
    assert dfquad_scores(3, [0.4, 0.7, 0.7], [(1, 0)], [(2, 0)]) == pytest.approx([0.4, 0.7, 0.7])


def test_aggregation_is_probabilistic_sum() -> None:
    # Two attackers of strength 0.5 aggregate to 0.75.
    assert dfquad_scores(3, [1.0, 0.5, 0.5], [(1, 0), (2, 0)], [])[0] == pytest.approx(0.25)


def test_scores_propagate_along_a_chain() -> None:
    # c attacks b, b attacks a: b is weakened, so a suffers less.
    scores = dfquad_scores(3, [1.0, 1.0, 0.5], [(1, 0), (2, 1)], [])
    assert scores == pytest.approx([0.5, 0.5, 0.5])


def test_long_chain_needs_no_recursion() -> None:
    n = 100_000
    scores = dfquad_scores(n, [1.0] * n, [(i + 1, i) for i in range(n - 1)], [])
    assert scores[-1] == 1.0 and scores[-2] == 0.0 and scores[0] == (1.0 if n % 2 else 0.0)


def test_cycles_are_rejected_by_one_pass_dfquad() -> None:
    with pytest.raises(CyclicGraphError):
        dfquad_scores(2, [0.5, 0.5], [(0, 1)], [(1, 0)])
    assert topological_order(2, [(0, 1), (1, 0)]) is None
    assert topological_order(3, [(2, 0), (0, 1)]) == [2, 0, 1]


def test_bad_inputs() -> None:
    with pytest.raises(ValueError, match="expected 2 base scores"):
        dfquad_scores(2, [0.5], [], [])
    with pytest.raises(ValueError, match=r"in \[0, 1\]"):
        dfquad_scores(1, [1.5], [], [])
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        dfquad_scores(2, [0.5, 0.5], [(0, 2)], [])
    with pytest.raises(ValueError, match="max_iterations"):
        quadratic_energy_scores(1, [0.5], [], [], max_iterations=0)


def test_dispatch_by_shape() -> None:
    acyclic = gradual_scores(2, [0.5, 0.8], [(1, 0)], [])
    assert acyclic.method is GradualMethod.DF_QUAD and acyclic.converged
    cyclic = gradual_scores(2, [1.0, 1.0], [(0, 1), (1, 0)], [])
    assert cyclic.method is GradualMethod.QUADRATIC_ENERGY and cyclic.converged
    # Symmetric mutual attack: equal scores, strictly between 0 and 1.
    a, b = cyclic.scores
    assert a == pytest.approx(b) and 0 < a < 1


def test_iteration_cap_reports_no_convergence() -> None:
    """A cycle too large for Newton's finish (33 nodes) stopped after one sweep says so."""
    ring = [(i, (i + 1) % 33) for i in range(33)]
    base = [1.0 if i % 2 else 0.5 for i in range(33)]
    result = quadratic_energy_scores(33, base, ring, [], max_iterations=1)
    assert not result.converged and result.iterations == 1
    # a two-node cycle stopped after one sweep is finished by Newton's method
    finished = quadratic_energy_scores(2, [1.0, 0.5], [(0, 1), (1, 0)], [], max_iterations=1)
    assert finished.converged and finished.iterations == 1
    settled = quadratic_energy_scores(2, [1.0, 0.5], [(0, 1), (1, 0)], [])
    assert settled.converged and 1 < settled.iterations < 1000
    assert quadratic_energy_scores(1, [0.3], [], []).scores == (0.3,)


def qe_residual(
    n: int, base: list[float], attacks: Edges, supports: Edges, s: list[float]
) -> float:
    """How far ``s`` is from a fixed point of the quadratic energy model."""

    def h(x: float) -> float:
        return max(0.0, x) ** 2 / (1 + max(0.0, x) ** 2)

    worst = 0.0
    for v in range(n):
        energy = sum(s[a] for a, t in set(supports) if t == v) - sum(
            s[a] for a, t in set(attacks) if t == v
        )
        target = base[v] - base[v] * h(-energy) + (1 - base[v]) * h(energy)
        worst = max(worst, abs(target - s[v]))
    return worst


@st.composite
def any_graphs(draw: st.DrawFn) -> tuple[int, list[float], Edges, Edges]:
    n = draw(st.integers(1, 10))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    edge = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    return n, base, draw(st.lists(edge, max_size=3 * n)), draw(st.lists(edge, max_size=3 * n))


@settings(max_examples=100)
@given(acyclic_graphs())
def test_one_pass_matches_naive_fixpoint(graph: tuple[int, list[float], Edges, Edges]) -> None:
    n, base, attacks, supports = graph
    scores = dfquad_scores(n, base, attacks, supports)
    assert scores == pytest.approx(naive_dfquad(n, base, attacks, supports), abs=1e-12)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for v in range(n):
        if not any(t == v for _, t in attacks + supports):
            assert scores[v] == base[v]


@settings(max_examples=100)
@given(acyclic_graphs(), st.floats(0, 1), st.data())
def test_adding_an_attacker_never_raises_the_score(
    graph: tuple[int, list[float], Edges, Edges], strength: float, data: st.DataObject
) -> None:
    n, base, attacks, supports = graph
    target = data.draw(st.integers(0, n - 1))
    before = dfquad_scores(n, base, attacks, supports)[target]
    after = dfquad_scores(n + 1, [*base, strength], [*attacks, (n, target)], supports)[target]
    assert after <= before + 1e-15


def test_a_tangent_fixed_point_converges_too() -> None:
    """Found by the property below: node 1 supports itself and node 2, node 2 supports it;
    at the fixed point their energy is 0, where h is flat, and the Euler steps crawl (after
    1,000 sweeps the residual was 0.007; some 6,400 were needed). Newton's method finishes
    such a small cycle."""
    graph = (3, [0.5, 0.0, 0.0], [], [(0, 2), (1, 1), (1, 2), (2, 1)])
    result = gradual_scores(*graph)
    assert result.method is GradualMethod.QUADRATIC_ENERGY
    assert result.converged
    assert qe_residual(*graph, list(result.scores)) < 1e-12
    assert result.scores == pytest.approx((0.5, 0.5, 0.5), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(any_graphs())
def test_gradual_scores_stay_in_range_and_converge(
    graph: tuple[int, list[float], Edges, Edges],
) -> None:
    n, base, attacks, supports = graph
    result = gradual_scores(n, base, attacks, supports)
    assert len(result.scores) == n
    assert all(0.0 <= s <= 1.0 for s in result.scores)
    if result.method is GradualMethod.QUADRATIC_ENERGY:
        assert result.converged
        assert qe_residual(n, base, attacks, supports, list(result.scores)) < 1e-8


def reference_quadratic_energy(
    n: int, base: list[float], attacks: Edges, supports: Edges
) -> tuple[list[float], int]:
    """The documented iteration, written plainly over the whole graph: damped Jacobi (Euler
    step 0.5, halved after 10 rising residuals, not below 1/64) until no score would move by
    1e-9, at most 1,000 sweeps; the formula of the module docstring."""

    def h(x: float) -> float:
        if x <= 0.0:
            return 0.0
        return x * x / (1.0 + x * x)

    attackers = [[a for a, t in dict.fromkeys(attacks) if t == v] for v in range(n)]
    supporters = [[s for s, t in dict.fromkeys(supports) if t == v] for v in range(n)]
    scores = list(base)
    step, previous, rising = 0.5, math.inf, 0
    for sweep in range(1000):
        targets = []
        for v in range(n):
            energy = sum(scores[s] for s in supporters[v]) - sum(scores[a] for a in attackers[v])
            targets.append(base[v] - base[v] * h(-energy) + (1.0 - base[v]) * h(energy))
        residual = max(abs(t - s) for t, s in zip(targets, scores, strict=True))
        if residual < 1e-9:
            return scores, sweep
        rising = rising + 1 if residual > previous else 0
        if rising >= 10 and step > 1.0 / 64.0:
            step, rising = step / 2.0, 0
        previous = residual
        scores = [s + step * (t - s) for s, t in zip(scores, targets, strict=True)]
    return scores, 1000


@st.composite
def strongly_connected_graphs(draw: st.DrawFn) -> tuple[int, list[float], Edges, Edges]:
    """A ring of attacks through every node (one component), plus random attacks and
    supports: the case where every node is iterated together."""
    n = draw(st.integers(2, 10))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    edge = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    ring = [(v, (v + 1) % n) for v in range(n)]
    attacks = ring + draw(st.lists(edge, max_size=3 * n))
    return n, base, attacks, draw(st.lists(edge, max_size=3 * n))


@settings(max_examples=150, deadline=None)
@given(strongly_connected_graphs())
def test_one_cycle_gets_the_documented_iteration_to_the_bit(
    graph: tuple[int, list[float], Edges, Edges],
) -> None:
    n, base, attacks, supports = graph
    expected, sweeps = reference_quadratic_energy(n, base, attacks, supports)
    result = quadratic_energy_scores(n, base, attacks, supports)
    assert list(result.scores) == expected
    assert result.iterations == sweeps


@st.composite
def cycle_and_downstream(draw: st.DrawFn) -> tuple[int, int, list[float], Edges, Edges]:
    """A ring of attacks through nodes 0..k-1 (one cycle), and nodes k..n-1 on no cycle, each
    attacked and supported by none, one or several nodes before it (duplicates too)."""
    k = draw(st.integers(2, 5))
    n = k + draw(st.integers(1, 12))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    ring = [(v, (v + 1) % k) for v in range(k)]
    earlier = st.integers(k, n - 1).flatmap(lambda t: st.tuples(st.integers(0, t - 1), st.just(t)))
    attacks = ring + draw(st.lists(earlier, max_size=3 * n))
    return n, k, base, attacks, draw(st.lists(earlier, max_size=3 * n))


@settings(max_examples=150, deadline=None)
@given(cycle_and_downstream())
def test_a_node_on_no_cycle_gets_the_documented_formula_to_the_bit(
    graph: tuple[int, int, list[float], Edges, Edges],
) -> None:
    """Nodes after the cycle are computed once, in order, by ``w - w*h(-E) + (1 - w)*h(E)``
    with ``E`` the sum of the supporters' scores less the sum of the attackers'."""
    n, k, base, attacks, supports = graph
    ring = [(a, t) for a, t in attacks if t < k]
    expected, _ = reference_quadratic_energy(k, base[:k], ring, [])

    def h(x: float) -> float:
        return 0.0 if x <= 0.0 else x * x / (1.0 + x * x)

    for v in range(k, n):
        energy = sum(expected[s] for s, t in dict.fromkeys(supports) if t == v) - sum(
            expected[a] for a, t in dict.fromkeys(attacks) if t == v
        )
        expected.append(base[v] - base[v] * h(-energy) + (1.0 - base[v]) * h(energy))
    assert list(quadratic_energy_scores(n, base, attacks, supports).scores) == expected
