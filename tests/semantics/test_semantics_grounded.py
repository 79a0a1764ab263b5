"""The grounded labelling: hand examples and the least-fixed-point definition."""

from __future__ import annotations

from hypothesis import given, settings
from semantics_oracle import attacked_by, framework, frameworks, grounded_by_fixpoint

from argmap.semantics import (
    ArgumentationFramework,
    Label,
    Semantics,
    grounded_extension,
    grounded_labelling,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels(names: str, attacks: str) -> tuple[Label, ...]:
    return grounded_labelling(framework(names, attacks)).labels


def test_mutual_attack_is_undecided() -> None:
    assert labels("ab", "ab ba") == (UNDEC, UNDEC)


def test_reinstatement_chain() -> None:
    assert labels("abc", "ab bc") == (IN, OUT, IN)


def test_odd_cycle_is_undecided() -> None:
    assert labels("abc", "ab bc ca") == (UNDEC, UNDEC, UNDEC)


def test_self_attacker_and_its_target() -> None:
    assert labels("ab", "aa ab") == (UNDEC, UNDEC)


def test_self_attacker_defeated_by_an_unattacked_argument() -> None:
    assert labels("ab", "ab bb") == (IN, OUT)


def test_unattacked_arguments_are_in() -> None:
    assert labels("abc", "") == (IN, IN, IN)


def test_mutual_attack_broken_by_a_third_argument() -> None:
    # c attacks b, which reinstates a: the mutual attack no longer matters.
    assert labels("abc", "ab ba cb") == (IN, OUT, IN)


def test_dung_floating_defeat_stays_undecided_under_grounded() -> None:
    # a <-> b, both attack c, c attacks d: grounded is skeptical and decides nothing.
    assert labels("abcd", "ab ba ac bc cd") == (UNDEC,) * 4


def test_labelling_metadata() -> None:
    result = grounded_labelling(framework("abc", "ab bc"))
    assert result.semantics is Semantics.GROUNDED
    assert result.has_extension
    assert result.accepted == frozenset({0, 2})
    assert result.arguments_labelled(Label.OUT) == frozenset({1})


def test_chain_of_100000_needs_no_recursion() -> None:
    n = 100_000
    af = ArgumentationFramework([str(i) for i in range(n)], [(i, i + 1) for i in range(n - 1)])
    result = grounded_labelling(af).labels
    assert result[0] is IN and result[1] is OUT
    assert all(label is (IN if i % 2 == 0 else OUT) for i, label in enumerate(result))


def test_long_cycle_attached_to_a_chain() -> None:
    n = 50_000
    chain = [(i, i + 1) for i in range(n - 1)]
    af = ArgumentationFramework([str(i) for i in range(n + 2)], [*chain, (n, n + 1), (n + 1, n)])
    result = grounded_labelling(af).labels
    assert result[-1] is UNDEC and result[-2] is UNDEC and result[n - 1] is OUT


@settings(max_examples=150)
@given(frameworks())
def test_grounded_is_the_least_fixed_point_of_f(af: ArgumentationFramework) -> None:
    expected = grounded_by_fixpoint(af)
    assert grounded_extension(af) == expected
    out = attacked_by(af, expected)
    for argument, label in enumerate(grounded_labelling(af).labels):
        if argument in expected:
            assert label is IN
        elif argument in out:
            assert label is OUT
        else:
            assert label is UNDEC
