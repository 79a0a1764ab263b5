"""Views: the neighbourhood of a claim, and maps without evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.render.views import UnknownFocus, select

from .conftest import load
from .synthetic import chain_map, synthetic_map


def test_the_whole_map_by_default(montebello: ArgumentMap) -> None:
    view = select(montebello)
    assert view.claims == frozenset(montebello.claims)
    assert view.arguments == frozenset(montebello.arguments)
    assert view.attacks == frozenset(montebello.attacks)
    assert view.evidence == frozenset(montebello.evidence)
    assert view.focus is None


def test_no_evidence(montebello: ArgumentMap) -> None:
    view = select(montebello, evidence=False)
    assert view.evidence == frozenset()
    assert view.claims == frozenset(montebello.claims)


def test_depth_zero_is_the_claim_and_its_evidence(grammar: ArgumentMap) -> None:
    assert select(grammar, focus="uniforms", depth=0).claims == {"uniforms"}
    view = select(grammar, focus="expression", depth=0)
    assert view.claims == {"expression"}
    assert view.evidence == {"survey"}
    assert view.arguments == view.attacks == set()


def test_depth_one_takes_whole_arguments_and_direct_attackers(grammar: ArgumentMap) -> None:
    """The undercutters of its arguments too: an undercutter is one step from the claims
    of the argument it undercuts, both ways (it used to take two steps from the claims)."""
    view = select(grammar, focus="uniforms", depth=1)
    assert view.claims == {
        "uniforms",
        "attendance",
        "cost",
        "equal",
        "expression",
        "confound",
        "other-years",
    }
    assert view.arguments == {"attendance->uniforms", "fairness"}
    assert view.attacks == {
        "expression-/->uniforms",
        "confound-/->attendance->uniforms",
        "other-years-/->fairness",
    }
    assert view.evidence == {"attendance.ev1", "survey"}


def test_steps_to_and_from_an_undercutter_are_the_same(tmp_path: Path) -> None:
    source = tmp_path / "undercut.yaml"
    source.write_text(
        "argmap: 1\n"
        "claims:\n"
        "  concl: {text: The conclusion., kind: thesis}\n"
        "  prem: {text: The premise., kind: assumption, supports: concl}\n"
        "  uc: {text: The undercutter., kind: assumption, undercuts: prem->concl}\n"
        "  far: {text: Far away., kind: assumption, supports: uc}\n",
        encoding="utf-8",
    )
    undercut = load(source)
    assert select(undercut, focus="concl", depth=1).claims == {"concl", "prem", "uc"}
    assert select(undercut, focus="prem", depth=1).claims == {"concl", "prem", "uc"}
    assert select(undercut, focus="uc", depth=1).claims == {"concl", "prem", "uc", "far"}
    assert select(undercut, focus="far", depth=1).claims == {"uc", "far"}
    assert select(undercut, focus="far", depth=2).claims == {"concl", "prem", "uc", "far"}


def test_depth_two_reaches_underminers_and_undercutters(grammar: ArgumentMap) -> None:
    view = select(grammar, focus="uniforms", depth=2)
    assert view.claims == frozenset(grammar.claims)
    assert view.attacks == frozenset(grammar.attacks)


def test_a_premise_reaches_its_co_premise_and_conclusion_in_one_step(
    grammar: ArgumentMap,
) -> None:
    view = select(grammar, focus="cost", depth=1)
    assert view.claims == {"cost", "equal", "uniforms", "cheap-brands", "other-years"}
    assert view.arguments == {"fairness"}
    assert view.attacks == {"cheap-brands-/->cost", "other-years-/->fairness"}


def test_an_undercutter_reaches_the_whole_argument(grammar: ArgumentMap) -> None:
    view = select(grammar, focus="other-years", depth=1)
    assert view.claims == {"other-years", "cost", "equal", "uniforms"}
    assert view.arguments == {"fairness"}
    assert view.attacks == {"other-years-/->fairness"}


def test_no_evidence_in_a_focus_view(grammar: ArgumentMap) -> None:
    assert select(grammar, focus="uniforms", depth=2, evidence=False).evidence == set()


def test_focus_evidence_follows_its_claims(montebello: ArgumentMap) -> None:
    view = select(montebello, focus="spp-threat", depth=1)
    assert "less-threatening" in view.evidence
    assert all(montebello.evidence[e].target in view.claims for e in view.evidence)


def test_an_unknown_focus_suggests_the_closest_claim(montebello: ArgumentMap) -> None:
    with pytest.raises(UnknownFocus, match="did you mean 'spp-fails'"):
        select(montebello, focus="spp-fail")
    with pytest.raises(UnknownFocus):
        select(montebello, focus="us-key-argument")  # an argument, not a claim


def test_a_focus_of_another_case_or_an_argument_says_the_claim_meant(
    montebello: ArgumentMap,
) -> None:
    with pytest.raises(UnknownFocus) as raised:
        select(montebello, focus="SPP-FAILS")
    assert str(raised.value) == "no claim 'SPP-FAILS' in this map; did you mean 'spp-fails'?"
    assert raised.value.suggestion == "spp-fails"
    with pytest.raises(UnknownFocus) as raised:
        select(montebello, focus="us-key-argument")
    assert str(raised.value) == (
        "'us-key-argument' is an argument of this map, not a claim; "
        "did you mean its conclusion 'spp-fails'?"
    )


def test_a_deep_chain_needs_no_recursion() -> None:
    chain = chain_map(20_000)
    assert select(chain, focus="c0", depth=30_000).claims == frozenset(chain.claims)
    assert select(chain, focus="c10000", depth=2).claims == {
        "c9998",
        "c9999",
        "c10000",
        "c10001",
        "c10002",
    }


def test_the_synthetic_map_is_connected() -> None:
    big = synthetic_map(5000)
    assert select(big, focus="c0", depth=5000).claims == frozenset(big.claims)
