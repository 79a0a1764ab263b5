"""Cycles of every relation kind, long chains and near-empty maps: each evaluated under every
semantics gives the verdicts Dung's definitions give, with no recursion, and the same bytes
whatever Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from argmap.evaluate import evaluate_map
from argmap.pipeline import load_map
from argmap.semantics.labels import Semantics

ALL = tuple(Semantics)


def ring(n: int, relation: str, kind: str = "claim") -> str:
    """Claims ``c0 .. c{n-1}``, each with ``relation`` to the next, the last to the first."""
    lines = ["argmap: 1", "claims:"]
    lines += [
        f"  c{i}: {{text: C{i}., kind: {kind}, {relation}: c{(i + 1) % n}}}" for i in range(n)
    ]
    return "\n".join(lines) + "\n"


def undercut_ring(n: int) -> str:
    """``p{i}`` supports ``t{i}``, and ``t{i}`` undercuts that argument of the next ``t``: a
    cycle of 3n attacks once the convergent support is encoded."""
    lines = ["argmap: 1", "claims:"]
    for i in range(n):
        lines.append(f"  p{i}: {{text: P{i}., supports: t{i}}}")
        lines.append(f"  t{i}: {{text: T{i}., undercuts: p{(i + 1) % n}->t{(i + 1) % n}}}")
    return "\n".join(lines) + "\n"


def support_rebut_ring(n: int) -> str:
    """A ring that alternates a support and a rebuttal (n even)."""
    lines = ["argmap: 1", "claims:"]
    for i in range(n):
        relation = "supports" if i % 2 == 0 else "rebuts"
        lines.append(f"  c{i}: {{text: C{i}., {relation}: c{(i + 1) % n}}}")
    return "\n".join(lines) + "\n"


def chain(n: int, relation: str) -> str:
    lines = ["argmap: 1", "claims:"]
    lines += [f"  c{i}: {{text: C{i}., {relation}: c{i + 1}}}" for i in range(n - 1)]
    lines.append(f"  c{n - 1}: {{text: End.}}")
    return "\n".join(lines) + "\n"


def outcome(tmp_path: Path, text: str, semantics: Semantics) -> tuple[dict[str, int], bool]:
    """The count of each verdict, and whether there was an extension."""
    f = tmp_path / "map.yaml"
    f.write_text(text, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    ev = evaluate_map(result.map, semantics=semantics, time_limit=60.0)
    return dict(Counter(v.verdict.value for v in ev.verdicts.values())), ev.has_extension


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # An even ring: two stable (and preferred) extensions, which disagree on every claim.
        ("rebuttals, even", ring(1_000, "rebuts"), {s: ({"contested": 1_000}, True) for s in ALL}),
        (
            "underminings, even",
            ring(1_000, "undermines", kind="premise"),
            {s: ({"contested": 1_000}, True) for s in ALL},
        ),
        # An odd ring: the empty set is the only preferred extension, and no stable one.
        (
            "rebuttals, odd",
            ring(1_001, "rebuts"),
            {
                Semantics.GROUNDED: ({"contested": 1_001}, True),
                Semantics.PREFERRED: ({"contested": 1_001}, True),
                Semantics.STABLE: ({"contested": 1_001}, False),
            },
        ),
        (
            "undercuts",
            undercut_ring(1_000),
            {s: ({"unsupported": 1_000, "contested": 1_000}, True) for s in ALL},
        ),
        (
            "undercuts, odd",
            undercut_ring(1_001),
            {
                Semantics.GROUNDED: ({"unsupported": 1_001, "contested": 1_001}, True),
                Semantics.PREFERRED: ({"unsupported": 1_001, "contested": 1_001}, True),
                Semantics.STABLE: ({"contested": 2_002}, False),
            },
        ),
        (
            "supports and rebuttals",
            support_rebut_ring(1_000),
            {s: ({"contested": 1_000}, True) for s in ALL},
        ),
    ],
)
def test_a_ring_of_each_relation_gets_dungs_verdicts(
    tmp_path: Path, name: str, text: str, expected: dict[Semantics, tuple[dict[str, int], bool]]
) -> None:
    assert {s: outcome(tmp_path, text, s) for s in ALL} == expected, name


def test_a_claim_that_undercuts_its_own_support_through_another_claim(tmp_path: Path) -> None:
    """``t`` supports ``u``, which undercuts ``t``'s only argument: in ASPIC+ the argument for
    ``u`` contains the one it undercuts, so it attacks itself, and no stable extension exists."""
    text = (
        "argmap: 1\nclaims:\n  p: {text: P., supports: t}\n  t: {text: T., supports: u}\n"
        "  u: {text: U., undercuts: p->t}\n"
    )
    assert {s: outcome(tmp_path, text, s) for s in ALL} == {
        Semantics.GROUNDED: ({"unsupported": 1, "contested": 2}, True),
        Semantics.PREFERRED: ({"unsupported": 1, "contested": 2}, True),
        Semantics.STABLE: ({"contested": 3}, False),
    }


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        ("supports", {"unsupported": 10_000}),
        ("rebuts", {"unsupported": 5_000, "refuted": 5_000}),
        ("undermines", {"unsupported": 5_000, "refuted": 5_000}),
    ],
)
def test_a_chain_of_10_000_claims_is_decided_under_every_semantics(
    tmp_path: Path, relation: str, expected: dict[str, int]
) -> None:
    text = chain(10_000, relation)
    assert {s: outcome(tmp_path, text, s) for s in ALL} == {s: (expected, True) for s in ALL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("argmap: 1\n", ({}, True)),
        ("argmap: 1\nclaims: {}\n", ({}, True)),
        ("argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n", ({"unsupported": 1}, True)),
    ],
)
def test_an_empty_map_and_a_lone_thesis(
    tmp_path: Path, text: str, expected: tuple[dict[str, int], bool]
) -> None:
    assert {s: outcome(tmp_path, text, s) for s in ALL} == {s: expected for s in ALL}


def test_the_verdicts_and_scores_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Sets and dicts of strings iterate in an order set by PYTHONHASHSEED: nothing the
    evaluation prints may follow it. The map mixes every relation, cycles and a floating
    defeat (preferred semantics decides it), so the solver and the quadratic energy both run."""
    text = (
        "argmap: 1\nclaims:\n"
        "  a: {text: A., rebuts: [b, c]}\n  b: {text: B., rebuts: [a, c]}\n"
        "  c: {text: C., rebuts: d, supports: e}\n  d: {text: D., supports: e}\n"
        "  e: {text: E., undercuts: d->e}\n"
        "  f: {text: F., kind: premise, undermines: g}\n"
        "  g: {text: G., kind: premise, undermines: f}\n"
        "  h: {text: H., supports: i}\n  i: {text: I., undercuts: h->i}\n"
    )
    f = tmp_path / "map.yaml"
    f.write_text(text, encoding="utf-8")
    outputs = set()
    for seed in ("0", "1", "4242"):
        for semantics in ("grounded", "preferred", "stable"):
            command = [sys.executable, "-m", "argmap", "check", "-f", "json"]
            done = subprocess.run(
                [*command, "--semantics", semantics, str(f)],
                capture_output=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
                check=False,
            )
            assert done.returncode == 0, done.stderr
            outputs.add((semantics, done.stdout))
    assert len(outputs) == 3  # one output per semantics, the same under every seed


def verdicts_of(tmp_path: Path, text: str, semantics: Semantics) -> dict[str, str]:
    f = tmp_path / "map.yaml"
    f.write_text(text, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    ev = evaluate_map(result.map, semantics=semantics)
    return {cid: v.verdict.value for cid, v in ev.verdicts.items()}


def test_floating_defeat_and_floating_acceptance(tmp_path: Path) -> None:
    """``a`` and ``b`` rebut each other and both rebut ``c``, which rebuts ``d``: grounded
    semantics decides none of them; in each preferred (and stable) extension one of ``a``, ``b``
    defeats ``c``, so ``c`` is skeptically refuted and ``d`` reinstated (floating defeat).
    ``a`` and ``b`` both support ``t``: it stands in every extension (floating acceptance)."""
    text = (
        "argmap: 1\nclaims:\n"
        "  a: {text: A., rebuts: [b, c], supports: t}\n"
        "  b: {text: B., rebuts: [a, c], supports: t}\n"
        "  c: {text: C., rebuts: d}\n  d: {text: D.}\n  t: {text: T.}\n"
    )
    undecided = {"a": "contested", "b": "contested"}
    assert {s: verdicts_of(tmp_path, text, s) for s in ALL} == {
        Semantics.GROUNDED: {**undecided, "c": "contested", "d": "contested", "t": "contested"},
        Semantics.PREFERRED: {**undecided, "c": "refuted", "d": "unsupported", "t": "unsupported"},
        Semantics.STABLE: {**undecided, "c": "refuted", "d": "unsupported", "t": "unsupported"},
    }
