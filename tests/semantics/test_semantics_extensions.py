"""Preferred and stable semantics: hand examples, brute-force agreement, time limits."""

from __future__ import annotations

import random
import threading

import pytest
from hypothesis import given, settings
from pysat.examples.genhard import PHP
from semantics_oracle import (
    admissible,
    brute_preferred,
    brute_stable,
    conflict_free,
    framework,
    frameworks,
    grounded_by_fixpoint,
    skeptical_labels,
)

from argmap.semantics import (
    ArgumentationFramework,
    Label,
    Semantics,
    SemanticsTimeout,
    enumerate_extensions,
    grounded_extension,
    is_credulously_accepted,
    is_skeptically_accepted,
    preferred_extensions,
    preferred_labelling,
    skeptical_labelling,
    stable_extensions,
    stable_labelling,
)
from argmap.semantics._sat import SatSession
from argmap.semantics.grounded import grounded_codes

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC
PR, ST, GR = Semantics.PREFERRED, Semantics.STABLE, Semantics.GROUNDED


def sets(*members: str) -> list[frozenset[int]]:
    """``sets("a", "bc")`` -> [{0}, {1, 2}] with a=0, b=1, ..."""
    return [frozenset(ord(c) - ord("a") for c in m) for m in members]


# -- hand examples --------------------------------------------------------------------------


def test_mutual_attack() -> None:
    af = framework("ab", "ab ba")
    assert preferred_extensions(af) == sets("a", "b")
    assert stable_extensions(af) == sets("a", "b")
    assert skeptical_labelling(af, PR).labels == (UNDEC, UNDEC)
    assert is_credulously_accepted(af, 0, PR) and not is_skeptically_accepted(af, 0, PR)


def test_reinstatement_chain() -> None:
    af = framework("abc", "ab bc")
    assert preferred_extensions(af) == stable_extensions(af) == sets("ac")
    assert skeptical_labelling(af, ST).labels == (IN, OUT, IN)


def test_odd_cycle_has_empty_preferred_and_no_stable_extension() -> None:
    af = framework("abc", "ab bc ca")
    assert preferred_extensions(af) == [frozenset()]
    assert stable_extensions(af) == []
    labelling = skeptical_labelling(af, ST)
    assert not labelling.has_extension
    assert labelling.labels == (UNDEC, UNDEC, UNDEC)
    assert skeptical_labelling(af, PR).labels == (UNDEC, UNDEC, UNDEC)
    # No stable extension: nothing is credulously accepted, everything vacuously skeptically.
    assert not is_credulously_accepted(af, 0, ST)
    assert is_skeptically_accepted(af, 0, ST)


def test_self_attacker() -> None:
    af = framework("ab", "aa ab")
    assert preferred_extensions(af) == [frozenset()]
    assert stable_extensions(af) == []
    # {c} defeats b but leaves the self-attacker a neither in nor attacked: not stable.
    af = framework("abc", "aa ab cb")
    assert preferred_extensions(af) == sets("c")
    assert stable_extensions(af) == []
    af = framework("ab", "aa ba")
    assert preferred_extensions(af) == stable_extensions(af) == sets("b")


def test_stable_is_stricter_than_preferred() -> None:
    # a <-> b, b -> c, c -> c: {a} is preferred but does not attack c, so it is not stable.
    af = framework("abc", "ab ba bc cc")
    assert preferred_extensions(af) == sets("a", "b")
    assert stable_extensions(af) == sets("b")
    assert skeptical_labelling(af, ST).labels == (OUT, IN, OUT)
    assert skeptical_labelling(af, PR).labels == (UNDEC, UNDEC, UNDEC)


def test_floating_defeat_is_out_in_every_labelling() -> None:
    # a <-> b both attack c, c attacks d: c is attacked by every preferred extension (by a
    # in one, by b in the other) though by no skeptically accepted argument, and d is
    # reinstated in both ("floating acceptance").
    af = framework("abcd", "ab ba ac bc cd")
    assert preferred_extensions(af) == stable_extensions(af) == sets("ad", "bd")
    assert preferred_labelling(af).labels == (UNDEC, UNDEC, OUT, IN)
    assert stable_labelling(af).labels == (UNDEC, UNDEC, OUT, IN)
    assert stable_labelling(af).semantics is ST
    assert is_skeptically_accepted(af, 3, PR) and is_skeptically_accepted(af, 3, ST)
    assert not is_credulously_accepted(af, 2, PR)
    assert grounded_extension(af) == frozenset()


def test_dung_1995_nixon_diamond() -> None:
    # Dung's opening example: quaker -> not pacifist, republican -> pacifist, in conflict.
    af = ArgumentationFramework.from_named_attacks(
        ["pacifist", "not_pacifist"],
        [("pacifist", "not_pacifist"), ("not_pacifist", "pacifist")],
    )
    assert preferred_extensions(af) == stable_extensions(af) == [frozenset({0}), frozenset({1})]
    assert grounded_extension(af) == frozenset()


def test_dung_1995_stable_but_with_an_unattacked_defender() -> None:
    # Dung-style: c defends a against b; d is attacked by a and by itself.
    af = framework("abcd", "ba cb ad dd")
    assert preferred_extensions(af) == stable_extensions(af) == sets("ac")


def test_empty_framework() -> None:
    af = ArgumentationFramework([], [])
    assert preferred_extensions(af) == stable_extensions(af) == [frozenset()]
    assert skeptical_labelling(af, ST).labels == ()


def test_limit() -> None:
    # 6 independent mutual attacks: 64 preferred = stable extensions.
    names = "abcdefghijkl"
    af = framework(
        names,
        " ".join(f"{names[i]}{names[i + 1]} {names[i + 1]}{names[i]}" for i in range(0, 12, 2)),
    )
    assert len(preferred_extensions(af)) == 64
    assert len(stable_extensions(af, limit=5)) == 5
    assert len(preferred_extensions(af, limit=1)) == 1
    assert preferred_extensions(af, limit=0) == []
    assert enumerate_extensions(af, GR) == [frozenset()]
    assert len(enumerate_extensions(af, ST, limit=3)) == 3
    assert len(enumerate_extensions(af, PR)) == 64
    with pytest.raises(ValueError, match="limit"):
        preferred_extensions(af, limit=-1)


def test_chain_of_100000_is_decided_without_the_solver() -> None:
    n = 100_000
    af = ArgumentationFramework([str(i) for i in range(n)], [(i, i + 1) for i in range(n - 1)])
    expected = frozenset(range(0, n, 2))
    assert preferred_extensions(af) == stable_extensions(af) == [expected]
    assert skeptical_labelling(af, PR).labels[:3] == (IN, OUT, IN)


def test_bad_queries() -> None:
    af = framework("ab", "ab")
    with pytest.raises(IndexError):
        is_credulously_accepted(af, 2, PR)
    with pytest.raises(ValueError, match="unknown semantics"):
        is_credulously_accepted(af, 0, "ideal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="time_limit"):
        preferred_extensions(af, time_limit=0)
    assert is_skeptically_accepted(af, 0, "grounded")  # type: ignore[arg-type]


# -- properties against brute force ---------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(frameworks(max_arguments=10))
def test_extensions_match_brute_force(af: ArgumentationFramework) -> None:
    preferred = preferred_extensions(af)
    stable = stable_extensions(af)
    assert preferred == brute_preferred(af)
    assert stable == brute_stable(af)
    grounded = grounded_by_fixpoint(af)
    for extension in preferred:
        assert conflict_free(af, extension) and admissible(af, extension)
        assert grounded <= extension
    assert set(stable) <= set(preferred)


@settings(max_examples=60, deadline=None)
@given(frameworks(max_arguments=10))
def test_labellings_and_acceptance_match_brute_force(af: ArgumentationFramework) -> None:
    for semantics, brute in ((PR, brute_preferred(af)), (ST, brute_stable(af))):
        labelling = skeptical_labelling(af, semantics, time_limit=None)
        assert labelling.has_extension == bool(brute)
        if brute:
            assert labelling.labels == skeptical_labels(af, brute)
        for argument in range(af.num_arguments):
            credulous = any(argument in e for e in brute)
            skeptical = all(argument in e for e in brute)
            assert is_credulously_accepted(af, argument, semantics) == credulous
            assert is_skeptically_accepted(af, argument, semantics) == skeptical


@settings(max_examples=40, deadline=None)
@given(frameworks(max_arguments=12))
def test_every_stable_extension_is_preferred_up_to_12(af: ArgumentationFramework) -> None:
    preferred = preferred_extensions(af)
    grounded = grounded_extension(af)
    assert preferred, "a framework always has a preferred extension"
    assert all(grounded <= e for e in preferred)
    assert set(stable_extensions(af)) <= set(preferred)
    assert len(set(preferred)) == len(preferred)


# -- time limits ----------------------------------------------------------------------------


def dense_random_framework(n: int, density: float, seed: int) -> ArgumentationFramework:
    rng = random.Random(seed)
    attacks = [(a, b) for a in range(n) for b in range(n) if a != b and rng.random() < density]
    return ArgumentationFramework([f"a{i}" for i in range(n)], attacks)


@pytest.mark.timeout(2)
def test_time_limit_raises_quickly_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    af = dense_random_framework(300, 0.05, seed=1)
    # The session's watchdog must be stopped and joined when the limit is hit. Counting all of
    # the process's threads before and after (as this test did) also counts those of earlier
    # tests, which start and end on their own (a process pool's queue feeder, started by the
    # pool's manager thread; a cancelled timer not yet ended): 5 where 4 were expected, under
    # load. So the watchdogs the session starts are recorded, and exactly those are checked.
    watchdogs: list[threading.Timer] = []

    class RecordedTimer(threading.Timer):
        def start(self) -> None:
            if isinstance(getattr(self.function, "__self__", None), SatSession):
                watchdogs.append(self)
            super().start()

    monkeypatch.setattr(threading, "Timer", RecordedTimer)
    with pytest.raises(SemanticsTimeout) as caught:
        preferred_extensions(af, time_limit=0.05)
    error = caught.value
    assert error.semantics is PR and error.time_limit == 0.05
    assert str(error) == (
        f"preferred semantics did not finish within 0.05 s on a framework of 300 arguments "
        f"and {af.num_attacks:,} attacks; try --semantics grounded"
    )
    assert isinstance(error, TimeoutError)
    assert len(watchdogs) == 1
    assert [w.name for w in watchdogs if w.is_alive()] == []


@pytest.mark.timeout(2)
def test_many_extensions_hit_the_limit_between_solver_calls() -> None:
    # 20 independent mutual attacks: about a million preferred extensions.
    pairs = [(2 * i, 2 * i + 1) for i in range(20)] + [(2 * i + 1, 2 * i) for i in range(20)]
    af = ArgumentationFramework([f"a{i}" for i in range(40)], pairs)
    with pytest.raises(SemanticsTimeout, match=r"within 0\.2 s on a framework of 40 arguments"):
        stable_extensions(af, time_limit=0.2)


@pytest.mark.timeout(2)
def test_interrupt_stops_a_single_hard_solver_call() -> None:
    # The encoding of a tiny framework plus a pigeonhole formula the solver cannot finish.
    af = ArgumentationFramework(["a"], [])
    with SatSession(af, ST, grounded_codes(af), 0.2) as session:
        offset = 10
        for clause in PHP(11).clauses:
            session.add_clause([lit + offset if lit > 0 else lit - offset for lit in clause])
        with pytest.raises(SemanticsTimeout, match="stable semantics"):
            session.solve()


def test_timeout_message_singular_and_thousands() -> None:
    error = SemanticsTimeout(ST, 10.0, 1, 3000)
    assert str(error) == (
        "stable semantics did not finish within 10 s on a framework of 1 argument and "
        "3,000 attacks; try --semantics grounded"
    )
