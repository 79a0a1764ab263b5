"""The framework: construction, validation, adjacency in both directions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from semantics_oracle import attackers, frameworks

from argmap.semantics import ArgumentationFramework


def test_names_and_indices() -> None:
    af = ArgumentationFramework.from_named_attacks(["a", "b", "c"], [("a", "b"), ("b", "c")])
    assert af.names == ("a", "b", "c")
    assert af.num_arguments == len(af) == 3
    assert af.num_attacks == 2
    assert af.index("c") == 2
    assert list(af.attacks()) == [(0, 1), (1, 2)]
    assert list(af.attacks_from(0)) == [1]
    assert list(af.attackers_of(2)) == [1]
    assert list(af.attackers_of(0)) == []
    assert repr(af) == "ArgumentationFramework(<3 arguments, 2 attacks>)"


def test_duplicate_attacks_count_once_and_keep_first_order() -> None:
    af = ArgumentationFramework(["a", "b", "c"], [(0, 2), (0, 1), (0, 2), (2, 2)])
    assert list(af.attacks()) == [(0, 2), (0, 1), (2, 2)]
    assert af.num_attacks == 3


def test_empty_framework() -> None:
    af = ArgumentationFramework([], [])
    assert af.num_arguments == 0
    assert list(af.attacks()) == []


@pytest.mark.parametrize("pair", [(0, 3), (3, 0), (-1, 0), (0, -1)])
def test_attack_outside_the_framework_is_rejected(pair: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match=r"outside 0\.\.2"):
        ArgumentationFramework(["a", "b", "c"], [(0, 1), pair])


def test_duplicate_names_are_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate argument name 'a'"):
        ArgumentationFramework(["a", "b", "a"], [])


def test_unknown_name_in_attack_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown argument 'z'"):
        ArgumentationFramework.from_named_attacks(["a"], [("a", "z")])


def test_adjacency_views_are_read_only() -> None:
    af = ArgumentationFramework(["a", "b"], [(0, 1)])
    with pytest.raises(TypeError):
        af.attack_targets[0] = 0


@settings(max_examples=60)
@given(frameworks())
def test_both_adjacencies_describe_the_same_relation(af: ArgumentationFramework) -> None:
    pairs = set(af.attacks())
    assert af.num_attacks == len(pairs) == len(list(af.attacks()))
    for b, atts in enumerate(attackers(af)):
        assert sorted(af.attackers_of(b)) == list(af.attackers_of(b)) == sorted(atts)
    for a in range(af.num_arguments):
        assert set(af.attacks_from(a)) == {t for s, t in pairs if s == a}
