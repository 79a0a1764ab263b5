"""Which claims stand: small maps whose verdicts can be worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.evaluate import Evaluation, evaluate_map
from argmap.evaluate.build import build_framework
from argmap.pipeline import load_map
from argmap.semantics.labels import Semantics
from argmap.verdict import GAVE_UP_TEXT, QuoteStatus, Verdict

HEADER = "argmap: 1\nsources:\n  s: {title: A source}\n"


def verdicts(
    tmp_path: Path,
    body: str,
    status: dict[str, QuoteStatus] | None = None,
    semantics: Semantics = Semantics.GROUNDED,
) -> dict[str, str]:
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    evaluation = evaluate_map(result.map, status, semantics=semantics)
    return {cid: v.verdict.value for cid, v in evaluation.verdicts.items()}


def test_unattacked_claim_without_evidence_is_unsupported(tmp_path: Path) -> None:
    assert verdicts(tmp_path, "claims:\n  a: {text: A.}\n") == {"a": "unsupported"}


def test_verified_evidence_makes_supported_and_not_found_counts_for_nothing(
    tmp_path: Path,
) -> None:
    body = (
        "claims:\n  a:\n    text: A.\n    evidence:\n      - {quote: q, source: s}\n"
        "  b:\n    text: B.\n    evidence:\n      - {quote: r, source: s}\n"
    )
    status = {"a.ev1": QuoteStatus.VERIFIED, "b.ev1": QuoteStatus.NOT_FOUND}
    assert verdicts(tmp_path, body, status) == {"a": "supported", "b": "unsupported"}


def test_rebuttal_by_standing_claim_refutes(tmp_path: Path) -> None:
    body = "claims:\n  t: {text: T.}\n  c: {text: C., attacks: t}\n"
    assert verdicts(tmp_path, body) == {"t": "refuted", "c": "unsupported"}


def test_mutual_rebuttal_is_contested(tmp_path: Path) -> None:
    body = "claims:\n  a: {text: A., attacks: b}\n  b: {text: B., attacks: a}\n"
    assert verdicts(tmp_path, body) == {"a": "contested", "b": "contested"}


def test_reinstatement_defender_restores_the_claim(tmp_path: Path) -> None:
    body = "claims:\n  t: {text: T.}\n  c: {text: C., attacks: t}\n  d: {text: D., attacks: c}\n"
    assert verdicts(tmp_path, body) == {"t": "unsupported", "c": "refuted", "d": "unsupported"}


def test_linked_premises_all_needed(tmp_path: Path) -> None:
    body = (
        "claims:\n  t: {text: T.}\n  p: {text: P., kind: premise}\n  q: {text: Q., kind: premise}\n"
        "  x: {text: X., attacks: q}\n"
        "arguments:\n  both: {conclusion: t, premises: [p, q]}\n"
    )
    result = verdicts(tmp_path, body)
    assert result["q"] == "refuted"  # undermined
    assert result["t"] == "refuted"  # its only argument lost a premise


def test_convergent_support_each_enough_alone(tmp_path: Path) -> None:
    body = (
        "claims:\n  t: {text: T.}\n  p: {text: P., supports: t}\n  q: {text: Q., supports: t}\n"
        "  x: {text: X., attacks: q}\n"
    )
    assert verdicts(tmp_path, body)["t"] == "unsupported"  # stands through p alone


def test_convergent_support_stands_when_the_first_argument_falls(tmp_path: Path) -> None:
    body = (
        "claims:\n  t: {text: T.}\n  p: {text: P., supports: t}\n  q: {text: Q., supports: t}\n"
        "  x: {text: X., attacks: p}\n"
    )
    assert verdicts(tmp_path, body) == {
        "t": "unsupported",  # stands through q alone
        "p": "refuted",
        "q": "unsupported",
        "x": "unsupported",
    }


def test_verified_evidence_holds_a_claim_whose_only_argument_falls(tmp_path: Path) -> None:
    body = (
        "claims:\n  t:\n    text: T.\n    evidence:\n      - {quote: q, source: s}\n"
        "  p: {text: P., supports: t}\n  x: {text: X., attacks: p}\n"
    )
    assert verdicts(tmp_path, body, {"t.ev1": QuoteStatus.VERIFIED}) == {
        "t": "supported",
        "p": "refuted",
        "x": "unsupported",
    }


def test_undercut_defeats_the_inference_not_the_premise(tmp_path: Path) -> None:
    body = (
        "claims:\n  t: {text: T.}\n"
        "  p:\n    text: P.\n    supports: t\n    evidence:\n      - {quote: q, source: s}\n"
        "  u: {text: U., undercuts: p->t}\n"
    )
    result = verdicts(tmp_path, body, {"p.ev1": QuoteStatus.VERIFIED})
    assert result == {"t": "refuted", "p": "supported", "u": "unsupported"}


def test_weaker_attacker_fails_and_says_so(tmp_path: Path) -> None:
    body = "claims:\n  t: {text: T., priority: 1}\n  c: {text: C., attacks: t}\n"
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body)
    result = load_map(f)
    assert result.map is not None
    ev = evaluate_map(result.map)
    assert ev.verdicts["t"].verdict is Verdict.UNSUPPORTED
    texts = [r.text for r in ev.verdicts["t"].reasons]
    assert texts == [
        "rebut by c fails: the attacker is weaker",
        "it stands only because nothing defeats it: no verified evidence backs it",
    ]


def test_support_through_argument_backed_by_verified_evidence(tmp_path: Path) -> None:
    body = (
        "claims:\n  t: {text: T.}\n"
        "  p:\n    text: P.\n    kind: premise\n    evidence:\n      - {quote: q, source: s}\n"
        "  a: {text: A., kind: assumption}\n"
        "arguments:\n  arg: {conclusion: t, premises: [p, a]}\n"
    )
    assert verdicts(tmp_path, body, {"p.ev1": QuoteStatus.VERIFIED})["t"] == "supported"


def test_evidence_against_a_claim_refutes_it(tmp_path: Path) -> None:
    body = "claims:\n  t: {text: T.}\nevidence:\n  against: {quote: q, source: s, attacks: t}\n"
    assert verdicts(tmp_path, body, {"against": QuoteStatus.VERIFIED}) == {"t": "refuted"}


def test_preferred_semantics_credulous_choice_stays_contested_skeptically(
    tmp_path: Path,
) -> None:
    body = "claims:\n  a: {text: A., attacks: b}\n  b: {text: B., attacks: a}\n"
    assert verdicts(tmp_path, body, semantics=Semantics.PREFERRED) == {
        "a": "contested",
        "b": "contested",
    }


def test_scores_rank_backing_and_stay_in_range(tmp_path: Path) -> None:
    body = (
        "claims:\n  a:\n    text: A.\n    evidence:\n      - {quote: q, source: s, strength: 0.8}\n"
        "  b: {text: B.}\n  c: {text: C., attacks: b}\n"
    )
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body)
    result = load_map(f)
    assert result.map is not None
    ev = evaluate_map(result.map, {"a.ev1": QuoteStatus.VERIFIED})
    scores = {c: v.score for c, v in ev.verdicts.items()}
    assert scores["a"] == pytest.approx(0.5 + 0.5 * (0.5 * 0.8))  # a quote's base: 0.5 x 0.8
    assert scores["b"] == pytest.approx(0.25)
    assert scores["c"] == pytest.approx(0.5)


def test_long_support_chain_has_no_recursion_limit(tmp_path: Path) -> None:
    n = 20_000
    lines = ["claims:"]
    lines += [f"  c{i}: {{text: C{i}., supports: c{i + 1}}}" for i in range(n)]
    lines.append(f"  c{n}: {{text: End.}}")
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + "\n".join(lines) + "\n")
    result = load_map(f)
    assert result.map is not None
    ev = evaluate_map(result.map)
    assert ev.verdicts[f"c{n}"].verdict is Verdict.UNSUPPORTED


def test_a_quote_not_found_is_said_to_count_for_nothing(tmp_path: Path) -> None:
    """Its reason must not say it backs the claim or counts against it: it does neither."""
    body = (
        "claims:\n  t:\n    text: T.\n    evidence:\n      - {quote: q, source: s}\n"
        "      - {quote: r, source: s, locator: para 2}\n"
        "evidence:\n  against: {quote: x, source: s, attacks: t}\n"
        "  also-against: {quote: y, source: s, attacks: t}\n"
    )
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None
    status = {
        "t.ev1": QuoteStatus.NOT_FOUND,
        "t.ev2": QuoteStatus.VERIFIED,
        "against": QuoteStatus.NOT_FOUND,
        "also-against": QuoteStatus.PARAPHRASE,
    }
    ev = evaluate_map(result.map, status)
    assert ev.verdicts["t"].verdict is Verdict.REFUTED  # by the paraphrase, which counts
    assert [r.text for r in ev.verdicts["t"].reasons] == [
        "quote t.ev1 (s) is not-found; counts for nothing",
        "quote t.ev2 (s, para 2) is verified; backs it",
        "quote against (s) is not-found; counts for nothing",
        "quote also-against (s) is paraphrase; counts against it",
    ]


def test_a_quote_of_strength_0_counts_for_nothing(tmp_path: Path) -> None:
    """``strength`` is how strongly a quote bears on its claim (docs/format.md), and its score
    already counted a quote of strength 0 for nothing; its verdict took it for a whole quote:
    one against a claim refuted it, one for it made it supported."""
    body = (
        "claims:\n  t: {text: T.}\n  u:\n    text: U.\n    evidence:\n"
        "      - {quote: q, source: s, strength: 0}\n"
        "evidence:\n  against: {quote: x, source: s, attacks: t, strength: 0.0}\n"
    )
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None
    status = {"u.ev1": QuoteStatus.VERIFIED, "against": QuoteStatus.VERIFIED}
    ev = evaluate_map(result.map, status)
    assert {cid: v.verdict.value for cid, v in ev.verdicts.items()} == {
        "t": "unsupported",
        "u": "unsupported",
    }
    assert [r.text for r in ev.verdicts["t"].reasons] == [
        "quote against (s) is verified; counts for nothing: its strength is 0",
        "it stands only because nothing defeats it: no verified evidence backs it",
    ]
    assert [r.text for r in ev.verdicts["u"].reasons] == [
        "quote u.ev1 (s) is verified; counts for nothing: its strength is 0",
        "it stands only because nothing defeats it: no verified evidence backs it",
    ]
    assert (ev.verdicts["t"].score, ev.verdicts["u"].score) == (0.5, 0.5)
    assert not any(name.startswith("ev:") for name in ev.framework.names)


def test_evaluation_runs_with_the_collector_paused(tmp_path: Path) -> None:
    """A program evaluating a large map with Python's default collector thresholds (the CLI
    raises them) spent half the time rescanning the framework's objects, which never form a
    cycle: no collection runs while a map is evaluated, and the collector is on afterwards."""
    import gc

    lines = ["claims:\n", "  c0: {text: T., kind: thesis}\n"]
    lines += [f"  c{i}: {{text: C{i}., supports: c{i - 1}}}\n" for i in range(1, 3000)]
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + "".join(lines), encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults
    gc.callbacks.append(count)
    try:
        evaluation = evaluate_map(result.map)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*thresholds)
    assert len(evaluation.verdicts) == 3000
    assert collections == []
    assert gc.isenabled()


def _evaluated(
    tmp_path: Path, body: str, status: dict[str, QuoteStatus] | None = None
) -> Evaluation:
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    return evaluate_map(result.map, status)


def test_reasons_name_each_argument_attack_and_undercut_with_its_fate(tmp_path: Path) -> None:
    """t stands through ``stand``; ``fall`` is undercut by a standing claim, ``odd`` by an
    undecided one (y and z rebut each other); its rebutter o is itself defeated by k."""
    body = (
        "claims:\n  t: {text: T.}\n  p: {text: P.}\n  q: {text: Q.}\n  r: {text: R.}\n"
        "  x: {text: X., undercuts: fall}\n"
        "  y: {text: Y., attacks: z, undercuts: odd}\n  z: {text: Z., attacks: y}\n"
        "  o: {text: O., attacks: t}\n  k: {text: K., attacks: o}\n"
        "arguments:\n  stand: {conclusion: t, premises: [p, r]}\n"
        "  fall: {conclusion: t, premises: [q]}\n  odd: {conclusion: t, premises: [r]}\n"
    )
    ev = _evaluated(tmp_path, body)
    t = ev.verdicts["t"]
    assert (t.verdict, t.label) == (Verdict.UNSUPPORTED, "IN")
    assert [(r.kind, r.element, r.text) for r in t.reasons] == [
        ("argument", "stand", "argument stand from p, r stands"),
        ("argument", "fall", "argument fall from q falls"),
        ("argument", "odd", "argument odd from r is undecided"),
        ("attack", "o-/->t", "rebut by o is defeated"),
        ("attack", "x-/->fall", "undercut of fall by x succeeds"),
        ("attack", "y-/->odd", "undercut of odd by y is undecided"),
        (
            "no-support",
            "t",
            "it stands only because nothing defeats it: no verified evidence backs it",
        ),
    ]
    assert [r.text for r in ev.verdicts["o"].reasons] == ["rebut by k succeeds"]
    assert [r.text for r in ev.verdicts["y"].reasons] == ["rebut by z is undecided"]
    assert (ev.verdicts["y"].verdict, ev.verdicts["y"].label) == (Verdict.CONTESTED, "UNDEC")


def test_verified_evidence_supports_along_a_chain_of_arguments(tmp_path: Path) -> None:
    """p's verified quote backs q through ``first``, and q backs t through ``second``: the
    support travels the whole chain. Scores are rounded to four places: the quote's base
    score is 0.5 * 0.12345 = 0.061725, p's 0.5 + 0.5 * 0.061725 = 0.5308625, q's
    0.5 + 0.5 * 0.5308625, t's 0.5 + 0.5 * q's."""
    body = (
        "claims:\n  t: {text: T.}\n  q: {text: Q.}\n"
        "  p:\n    text: P.\n    evidence:\n      - {quote: q, source: s, strength: 0.12345}\n"
        "arguments:\n  first: {conclusion: q, premises: [p]}\n"
        "  second: {conclusion: t, premises: [q]}\n"
    )
    ev = _evaluated(tmp_path, body, {"p.ev1": QuoteStatus.VERIFIED})
    assert {c: (v.verdict.value, v.score) for c, v in ev.verdicts.items()} == {
        "t": ("supported", 0.8827),
        "q": ("supported", 0.7654),
        "p": ("supported", 0.5309),
    }


def test_a_quote_whose_search_gave_up_is_named_by_its_mark_not_its_status(
    tmp_path: Path,
) -> None:
    """Its status says not-found, but the search never finished: the reason says what the map
    says of it, without the cross the map draws before it."""
    body = "claims:\n  t:\n    text: T.\n    evidence:\n      - {quote: q, source: s}\n"
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    ev = evaluate_map(
        result.map,
        {"t.ev1": QuoteStatus.NOT_FOUND},
        quote_marks={"t.ev1": GAVE_UP_TEXT},
    )
    assert [(r.kind, r.element, r.text) for r in ev.verdicts["t"].reasons] == [
        (
            "evidence",
            "t.ev1",
            "quote t.ev1 (s) is not verified: too many omissions and insertions to search for;"
            " counts for nothing",
        ),
        (
            "no-support",
            "t",
            "it stands only because nothing defeats it: no verified evidence backs it",
        ),
    ]


def test_framework_nodes_are_named_by_their_kind(tmp_path: Path) -> None:
    """The names an ICCMA export shows: claims, then arguments, counted evidence, each
    argument's premises as ``need`` nodes, and ``nobasis`` for each claim with backing."""
    body = (
        "claims:\n  t:\n    text: T.\n    evidence:\n      - {quote: q, source: s}\n"
        "  p: {text: P.}\n  x: {text: X., attacks: t}\n"
        "arguments:\n  a: {conclusion: t, premises: [p]}\n"
    )
    f = tmp_path / "map.yaml"
    f.write_text(HEADER + body, encoding="utf-8")
    result = load_map(f)
    assert result.map is not None, result.diagnostics
    fw = build_framework(result.map, {"t.ev1": QuoteStatus.VERIFIED})
    assert fw.names == [
        "claim:t",
        "claim:p",
        "claim:x",
        "arg:a",
        "ev:t.ev1",
        "need:a:p",
        "nobasis:t",
    ]


def test_scores_docs_numbers_linked_premises_under_each_model(tmp_path: Path) -> None:
    """docs/evaluation.md: under DF-QuAD an argument scores the product of its premises; one
    cycle anywhere puts the whole map under the quadratic energy model, which has no product.
    p has two verified quotes (one gives it 0.75 under DF-QuAD, 0.6 under the other model)."""
    body = (
        "claims:\n  t: {text: T.}\n  p:\n    text: P.\n"
        "    evidence:\n      - {quote: q, source: s}\n      - {quote: r, source: s}\n"
        "  q: {text: Q.}\n"
        "arguments:\n  both: {conclusion: t, premises: [p, q]}\n"
    )
    cycle = "  a: {text: A., rebuts: b}\n  b: {text: B., rebuts: a}\n"
    found = {}
    for name, text in (
        ("acyclic", body),
        ("cycle", body.replace("arguments:", cycle + "arguments:")),
    ):
        f = tmp_path / f"{name}.yaml"
        f.write_text(HEADER + text, encoding="utf-8")
        result = load_map(f)
        assert result.map is not None
        verified = {"p.ev1": QuoteStatus.VERIFIED, "p.ev2": QuoteStatus.VERIFIED}
        ev = evaluate_map(result.map, verified)
        s = ev.scores
        found[name] = (
            ev.gradual_method.value,
            round(s["claim:p"], 4),
            round(s["claim:q"], 4),
            round(s["arg:both"], 4),
        )
    assert found == {
        "acyclic": ("df-quad", 0.875, 0.5, 0.4375),  # the product of 0.875 and 0.5
        "cycle": ("quadratic-energy", 0.75, 0.5, 0.3254),  # 0.75 x 0.5 would be 0.375
    }


def test_a_quote_s_base_score_is_half_its_strength_so_more_quotes_score_higher(
    tmp_path: Path,
) -> None:
    """A verified quote of strength 1 had base score 1, so under DF-QuAD one such quote put
    its claim at 1.00, and so did two or three: 35 of Montebello's 42 claims scored 1.00. A
    quote's base score is now 0.5 x strength x verification weight: one, two and three
    verified quotes give 0.75, 0.875 and 0.9375 (``1 - 0.5**n`` backs the claim's 0.5), and a
    quote of strength 0.5 gives 0.625. With a cycle anywhere (the quadratic energy model, on
    the same base scores) they give 0.5 + 0.5 * h(E), E the summed base scores."""
    quotes = {
        "one": ["q1"],
        "two": ["q1", "q2"],
        "three": ["q1", "q2", "q3"],
        "half": ["q1, strength: 0.5"],
    }
    body = "claims:\n" + "".join(
        f"  {cid}:\n    text: {cid}.\n    evidence:\n"
        + "".join(f"      - {{quote: {q}, source: s}}\n" for q in qs)
        for cid, qs in quotes.items()
    )
    status = {
        f"{cid}.ev{i}": QuoteStatus.VERIFIED
        for cid, qs in quotes.items()
        for i in range(1, len(qs) + 1)
    }
    cycle = "  a: {text: A., rebuts: b}\n  b: {text: B., rebuts: a}\n"
    found = {}
    for name, text in (("acyclic", body), ("cycle", body + cycle)):
        ev = _evaluated(tmp_path, text, status)
        found[name] = (
            ev.gradual_method.value,
            {cid: ev.verdicts[cid].score for cid in quotes},
        )
    assert found == {
        "acyclic": ("df-quad", {"one": 0.75, "two": 0.875, "three": 0.9375, "half": 0.625}),
        "cycle": (
            "quadratic-energy",
            # h(E) = E^2 / (1 + E^2) of E = 0.5, 1, 1.5 and 0.25
            {"one": 0.6, "two": 0.75, "three": 0.8462, "half": 0.5294},
        ),
    }
