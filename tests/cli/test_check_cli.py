"""``argmap check``: verdict lines, JSON, findings and exit codes; the Montebello map."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from argmap.cli import COMMANDS, main
from argmap.lint.rules import EXAMPLE_ARTICLE
from argmap.outcome import quote_summary
from output_keys import CHECKED_MAP_KEYS

REPO = Path(__file__).parents[2]
MONTEBELLO = str(REPO / "arguments" / "montebello.yaml")


def _one_map(output: str) -> dict[str, Any]:
    """The outcome of the one map checked: the document is always ``maps`` and the findings
    about the paths themselves, here none."""
    data = json.loads(output)
    assert list(data) == ["format", "version", "maps", "diagnostics"]
    assert data["diagnostics"] == []
    (outcome,) = data["maps"]
    assert isinstance(outcome, dict)
    return outcome


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text(EXAMPLE_ARTICLE, encoding="utf-8")
    return tmp_path


MISQUOTE = """\
argmap: 1
title: A misquote
sources:
  article: {title: The Montebello Moment, file: sources/article.txt}
claims:
  poisonous:
    text: Excluding Congress is politically poisonous.
    kind: thesis
    evidence:
      - quote: legally indefensible and politically poisonous
        source: article
        locator: para 2
"""


def _check(runner: CliRunner, project: Path, text: str, *options: str) -> Result:
    """``argmap check`` with ``options`` of the project's map.yaml, written as ``text``."""
    path = project / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return runner.invoke(main, ["check", *options, str(path)])


def test_montebello_every_quote_verified_every_claim_judged(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--format", "json", MONTEBELLO])
    assert result.exit_code == 0, result.output
    data = _one_map(result.output)
    assert len(data["claims"]) >= 20
    assert len(data["quotes"]) >= 15
    assert {e["status"] for e in data["quotes"]} == {"verified"}
    assert all(e["location"]["paragraph"] >= 4 for e in data["quotes"])
    verdicts = {c["id"]: c["verdict"] for c in data["claims"]}
    assert set(verdicts.values()) <= {"supported", "refuted", "contested", "unsupported"}
    assert verdicts["spp-fails"] == "supported"
    assert verdicts["congress-poisonous"] == "supported"  # the concession does not defeat it
    assert verdicts["harper-dismissal"] == "refuted"
    assert data["scores"] == {"method": "df-quad", "converged": True}  # no attack cycle
    assert data["diagnostics"] == []


def test_text_output_lists_claims_then_findings(runner: CliRunner, project: Path) -> None:
    result = _check(runner, project, MISQUOTE)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith("map.yaml: A misquote")
    assert lines[1].split() == [
        "unsupported",
        # a paraphrase counts half towards the score (base 0.5 x 0.5), nothing towards the
        # verdict: 0.5 + 0.5 x 0.25 = 0.625, printed to two places (half to even)
        "0.62",
        "poisonous",
        "Excluding",
        "Congress",
        "is",
        "politically",
        "poisonous.",
    ]
    assert lines[2] == "  1 unsupported; 0 of 1 quote verified"
    assert any(
        line.endswith(
            "map.yaml:10:16: error[AM001] quote is a paraphrase (90% similar), "
            "not verbatim from source 'article' (quote-not-verified)"
        )
        for line in lines
    ), result.output
    assert "  hint: closest passage (para 2, line 3, col 70): “legally defensible," in (
        result.output
    )


def test_an_edit_that_removes_a_negation_is_named(runner: CliRunner, project: Path) -> None:
    path = project / "map.yaml"
    path.write_text(
        MISQUOTE.replace(
            "legally indefensible and politically poisonous",
            "legally defensible, … politically poisonous",
        ),
        encoding="utf-8",
    )
    (project / "sources" / "article.txt").write_text(
        EXAMPLE_ARTICLE.replace("but politically", "but not politically"), encoding="utf-8"
    )
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert (
        "map.yaml:10:16: error[AM001] quote's omission or insertion removes or adds a negation "
        "('not', 'never'…): not verbatim from source 'article' (quote-not-verified)"
    ) in result.output, result.output


@pytest.mark.parametrize(
    ("quote", "finding"),
    [
        pytest.param(
            "They won",
            "map.yaml:10:16: error[AM001] quote is a paraphrase (89% similar), not verbatim "
            "from source 'article' (quote-not-verified)",
            id="cut-before-n't",
        ),
        pytest.param(
            "Officials said [yes]",
            "map.yaml:10:16: error[AM001] quote's omission or insertion removes or adds a "
            "negation ('not', 'never'…): not verbatim from source 'article' (quote-not-verified)",
            id="insertion-for-no",
        ),
    ],
)
def test_a_quote_that_drops_a_negation_at_its_edge_fails_the_check(
    runner: CliRunner, project: Path, quote: str, finding: str
) -> None:
    """Both were verified, exit 0: 'They won' from 'They won't pay', 'Officials said [yes]'
    from 'Officials said no'."""
    path = project / "map.yaml"
    path.write_text(
        MISQUOTE.replace("legally indefensible and politically poisonous", quote).replace(
            "        locator: para 2\n", ""
        ),
        encoding="utf-8",
    )
    (project / "sources" / "article.txt").write_text(
        "They won\u2019t pay. Officials said no.\n", encoding="utf-8"
    )
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert finding in result.output, result.output


def test_a_quote_with_too_many_omissions_is_not_called_absent(
    runner: CliRunner, project: Path
) -> None:
    # Blind alleys: 'x', fifty a's, then more than an omission may leave out before 'y'.
    alley = "x " + "a " * 50 + "filler " * 80 + "y "
    (project / "sources" / "alleys.txt").write_text(
        alley * 100 + "x " + "a " * 50 + "y\n", encoding="utf-8"
    )
    quote = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"
    result = _check(
        runner,
        project,
        MISQUOTE.replace(
            "article: {title: The Montebello Moment, file: sources/article.txt}",
            "alleys: {title: Alleys, file: sources/alleys.txt}",
        )
        .replace("quote: legally indefensible and politically poisonous", f"quote: {quote}")
        .replace("source: article", "source: alleys")
        .replace("        locator: para 2\n", ""),
    )
    assert result.exit_code == 1
    assert (
        "map.yaml:10:16: error[AM001] quote has too many omissions and insertions (51) to check "
        "against source 'alleys': the search gave up, so the quote may or may not stand there "
        "(quote-not-verified)"
    ) in result.output, result.output
    assert (
        "  hint: split it into shorter quotes, with fewer omissions and insertions; closest "
        "passage (para 1, line 1, col 66401): “x a a a"
    ) in result.output, result.output


@pytest.mark.parametrize(
    ("locator", "message"),
    [
        (
            "para 3",
            "locator 'para 3' disagrees with the source: the quote stands at para 2",
        ),
        (
            "para 0",
            "locator 'para 0' is not one argmap understands: write 'para 3', 'page 2' or 'line 40'",
        ),
        (
            "section 2",
            "locator 'section 2' is not one argmap understands: write 'para 3', 'page 2' or "
            "'line 40'",
        ),
    ],
)
def test_locator_findings(runner: CliRunner, project: Path, locator: str, message: str) -> None:
    # A locator argmap cannot read does not "disagree with the source": it says nothing.
    result = _check(
        runner,
        project,
        MISQUOTE.replace("legally indefensible and", "legally defensible,\n          but")
        .replace("quote: legally", "quote: >-\n          legally")
        .replace("locator: para 2", f"locator: {locator}"),
    )
    assert result.exit_code == 0, result.output
    assert f"map.yaml:14:18: warning[AM006] {message} (locator-mismatch)" in result.output, (
        result.output
    )


FIELDS = """\
argmap: 1
title: Fields
sources:
  article: {title: The Montebello Moment, file: sources/article.txt}
claims:
  poisonous:
    text: Excluding Congress is politically poisonous.
    kind: thesis
    evidence:
      - {quote: legally indefensible and politically poisonous, source: article, locator: p. 9}
evidence:
  e1:
    supports: poisonous
    source: article
    locator: para 9
    quote: "legally defensible, but politically poisonous"
  e2:
    attacks: poisonous
    source: article
    quote: >-
      legally defensible, but
      politically poisonous
    locator:   "¶ 7"
"""


def test_findings_on_a_quote_or_locator_point_at_its_value(
    runner: CliRunner, project: Path
) -> None:
    # They pointed at the evidence item (10:9, 12:3, 17:3), however far from the field.
    result = _check(runner, project, FIELDS)
    assert result.exit_code == 1
    found = [line.split(" ", 2)[:2] for line in result.output.splitlines() if "map.yaml:" in line]
    assert [(where.rsplit("/", 1)[-1], code) for where, code in found if "[" in code] == [
        ("map.yaml:10:17:", "error[AM001]"),
        ("map.yaml:15:14:", "warning[AM006]"),
        ("map.yaml:23:16:", "warning[AM006]"),
    ], result.output


def test_a_quote_after_a_negation_is_flagged_at_the_quote(runner: CliRunner, project: Path) -> None:
    path = project / "map.yaml"
    path.write_text(
        MISQUOTE.replace(
            "quote: legally indefensible and politically poisonous", "quote: politically poisonous"
        ),
        encoding="utf-8",
    )
    (project / "sources" / "article.txt").write_text(
        EXAMPLE_ARTICLE.replace("but politically", "but not politically"), encoding="utf-8"
    )
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "map.yaml:10:16: warning[AM014] source 'article' has 'not' right before the quoted "
        "words: the quote may say the opposite of its source (quote-drops-negation)"
    ) in result.output, result.output


@pytest.mark.parametrize("quote", ['"..."', '"[sic]"', '"[…] [the SPP]"'])
def test_a_quote_of_marks_only_is_not_called_absent(
    runner: CliRunner, project: Path, quote: str
) -> None:
    result = _check(
        runner, project, MISQUOTE.replace("legally indefensible and politically poisonous", quote)
    )
    assert result.exit_code == 1
    assert (
        "map.yaml:10:16: error[AM001] quote has no words of its own, only omissions ('...') "
        "and insertions ('[...]'): nothing to look for in source 'article' (quote-not-verified)"
    ) in result.output, result.output


def test_a_locator_not_understood_is_reported_whatever_the_quote(
    runner: CliRunner, project: Path
) -> None:
    # The rule says it reports a locator it cannot read; it did so only for verified quotes,
    # so a misquote's 'section 2' came to light only once the quote was mended.
    result = _check(runner, project, MISQUOTE.replace("locator: para 2", "locator: section 2"))
    assert result.exit_code == 1
    assert (
        "map.yaml:12:18: warning[AM006] locator 'section 2' is not one argmap understands: "
        "write 'para 3', 'page 2' or 'line 40' (locator-mismatch)"
    ) in result.output, result.output
    assert "error[AM001]" in result.output


def test_json_output_carries_claims_evidence_and_diagnostics(
    runner: CliRunner, project: Path
) -> None:
    result = _check(runner, project, MISQUOTE, "--format", "json")
    assert result.exit_code == 1
    data = _one_map(result.output)
    (claim,) = data["claims"]
    assert {k: claim[k] for k in ("id", "verdict", "score", "acceptance")} == {
        "id": "poisonous",
        "verdict": "unsupported",
        "score": 0.625,  # a paraphrase's base score is 0.5 x 0.5
        "acceptance": "IN",
    }
    (evidence,) = data["quotes"]
    assert evidence["id"] == "poisonous.ev1"
    assert evidence["status"] == "paraphrase"
    assert evidence["similarity"] == 90.1
    assert evidence["hint"].startswith("closest passage (para 2")
    assert [d["code"] for d in data["diagnostics"]] == ["AM001"]


def test_json_output_carries_a_broken_configuration(runner: CliRunner, project: Path) -> None:
    """The JSON left AM903 out: the run exited 1 and the output said of no problem at all."""
    (project / "argmap.toml").write_text("bogus = 1\n")
    for name in ("a.yaml", "b.yaml"):
        (project / name).write_text(
            "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
            "  a: {text: A., kind: assumption, supports: t}\n"
        )
    config_problem = {
        "code": "AM903",
        "name": "invalid-config",
        "severity": "error",
        "message": "unknown setting 'bogus'; known: duplicate-similarity, ignore, long-text, "
        "select, severity, similarity",
        "path": str(project / "argmap.toml"),
        "line": 1,
        "column": 1,
        "hint": None,
    }
    one = runner.invoke(main, ["check", "--format", "json", str(project / "a.yaml")])
    assert one.exit_code == 1
    assert _one_map(one.output)["diagnostics"] == [config_problem]

    both = runner.invoke(main, ["check", "-f", "json", str(project / "a.yaml"), str(project)])
    assert both.exit_code == 1
    data = json.loads(both.output)
    assert [m["diagnostics"] for m in data["maps"]] == [[config_problem], []]  # said once
    assert data["diagnostics"] == []


def test_semantics_option_and_timeout_message(runner: CliRunner, project: Path) -> None:
    path = project / "map.yaml"
    path.write_text(
        "argmap: 1\nclaims:\n  a: {text: A., kind: thesis, attacks: b}\n"
        "  b: {text: B., kind: counterclaim, attacks: a}\n",
        encoding="utf-8",
    )
    for semantics in ("grounded", "preferred", "stable"):
        result = runner.invoke(main, ["check", "-f", "json", "--semantics", semantics, str(path)])
        data = _one_map(result.output)
        assert data["semantics"] == semantics
        assert {c["verdict"] for c in data["claims"]} == {"contested"}


def test_quiet_and_verbose(runner: CliRunner) -> None:
    quiet = runner.invoke(main, ["-q", "check", MONTEBELLO])
    assert quiet.exit_code == 0
    assert quiet.output == ""
    verbose = runner.invoke(main, ["-v", "check", MONTEBELLO])
    assert "checked " in verbose.output and "45 quotes, grounded semantics" in verbose.output
    normal = runner.invoke(main, ["check", MONTEBELLO])
    assert "45 quotes, grounded semantics" not in normal.output
    assert "45 of 45 quotes verified" in normal.output


def test_verbose_counts_one_quote_as_one(runner: CliRunner, project: Path) -> None:
    """``-v`` says how many quotes a map had as every count is said: ``1 quote``."""
    result = _check(runner, project, MISQUOTE, "-v")
    said = [line for line in result.stderr.splitlines() if line.startswith("checked ")]
    assert len(said) == 1
    assert re.fullmatch(r"checked .*map\.yaml: 1 quote, grounded semantics, \d+\.\d\d s", said[0])


def test_quiet_and_verbose_after_the_command_name(runner: CliRunner) -> None:
    """``argmap check -q FILE`` works like ``argmap -q check FILE`` (as in ruff and pytest)."""
    assert runner.invoke(main, ["check", "-q", MONTEBELLO]).output == ""
    assert runner.invoke(main, ["check", MONTEBELLO, "--quiet"]).output == ""
    verbose = runner.invoke(main, ["check", "-v", MONTEBELLO])
    assert "45 quotes, grounded semantics" in verbose.output
    both = runner.invoke(main, ["check", "-q", "-v", MONTEBELLO])
    assert both.exit_code == 2
    assert "-q/--quiet and -v/--verbose cannot be used together" in both.output
    for name in COMMANDS:
        help_text = runner.invoke(main, [name, "--help"]).output
        assert "-q, --quiet" in help_text and "-v, --verbose" in help_text, name


def test_check_json_and_export_json_show_a_quote_check_alike(runner: CliRunner) -> None:
    """One contract for a quote check: check's JSON entry is export's ``check`` plus the id."""
    checked = _one_map(runner.invoke(main, ["check", "-f", "json", MONTEBELLO]).output)
    exported = json.loads(runner.invoke(main, ["export", "--to", "json", MONTEBELLO]).output)
    from_export = {e["id"]: e["check"] for e in exported["evidence"]}
    assert len(checked["quotes"]) == len(from_export) == 45
    for entry in checked["quotes"]:
        assert list(entry) == ["id", "status", "similarity", "location", "hint"]
        assert {k: v for k, v in entry.items() if k != "id"} == from_export[entry["id"]]


def test_claim_lines_show_control_characters_as_escapes(runner: CliRunner, tmp_path: Path) -> None:
    """A claim's text cannot recolour the terminal or ring its bell from check's claim list."""
    path = tmp_path / "map.yaml"
    path.write_text(
        'argmap: 1\ntitle: "Map \\e]0;owned\\a"\n'
        'claims:\n  a: {text: "Red \\e[31malert\\e[0m and a bell \\a.", kind: thesis}\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", str(path)])
    assert "\x1b" not in result.output and "\x07" not in result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: Map \\x1b]0;owned\\x07"
    assert lines[1].endswith("a  Red \\x1b[31malert\\x1b[0m and a bell \\x07.")


@pytest.mark.parametrize("value", ["nan", "inf", "1e300", "0.001"])
def test_a_time_limit_that_is_not_a_finite_number_of_seconds_is_a_usage_error(
    runner: CliRunner, value: str
) -> None:
    result = runner.invoke(
        main, ["check", "--semantics", "preferred", "--time-limit", value, MONTEBELLO]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--time-limit': must be a finite number of seconds, at "
        f"least 0.01 and at most 86400 (one day), not {value!r}"
    )


def _ring(n: int) -> str:
    """``n`` assumptions supporting each other in a ring, and two claims rebutting each other:
    an attack cycle, so the scores come from the quadratic energy model, by iteration."""
    lines = ["argmap: 1", "title: Ring", "claims:"]
    lines += [
        f"  c{i}: {{text: Claim {i} holds., kind: assumption, supports: c{(i + 1) % n}}}"
        for i in range(n)
    ]
    lines += [
        "  x: {text: X holds., kind: assumption, rebuts: y}",
        "  y: {text: Y holds., kind: assumption, rebuts: x}",
    ]
    return "\n".join(lines) + "\n"


def test_scores_that_did_not_settle_are_said_to_be_approximate(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ring.yaml"
    path.write_text(_ring(40), encoding="utf-8")
    settled = runner.invoke(main, ["check", str(path)])
    assert "approximate" not in settled.output
    data = _one_map(runner.invoke(main, ["check", "--format", "json", str(path)]).output)
    assert data["scores"] == {"method": "quadratic-energy", "converged": True}

    # One iteration, as if the ring needed more than 1,000: a cycle of 42 nodes is too large
    # to be finished by Newton's method.
    from argmap.evaluate import run
    from argmap.semantics import gradual

    monkeypatch.setattr(run, "gradual_scores", partial(gradual.gradual_scores, max_iterations=1))
    result = runner.invoke(main, ["check", str(path)])
    lines = result.output.splitlines()
    summary = lines.index("  42 contested; no quotes")
    assert lines[summary + 1] == (
        "  the scores are approximate: they did not settle within 1,000 iterations "
        "(a large cycle of supports and attacks; see docs/evaluation.md)"
    )
    data = _one_map(runner.invoke(main, ["check", "--format", "json", str(path)]).output)
    assert data["scores"] == {"method": "quadratic-energy", "converged": False}


ODD_CYCLE = """\
argmap: 1
title: Three in a ring
claims:
  a: {text: A., kind: thesis, attacks: b}
  b: {text: B., kind: counterclaim, attacks: c}
  c: {text: C., kind: counterclaim, attacks: a}
"""


def test_a_map_without_a_stable_extension_is_reported_as_such(
    runner: CliRunner, tmp_path: Path
) -> None:
    """docs/evaluation.md: "A framework without stable extensions is reported as such." An odd
    cycle of attacks has none: every claim is contested then, and the output says why."""
    path = tmp_path / "ring.yaml"
    path.write_text(ODD_CYCLE, encoding="utf-8")
    result = runner.invoke(main, ["check", "--semantics", "stable", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    summary = lines.index("  3 contested; no quotes")
    assert lines[summary + 1] == (
        "  no stable extension: nothing can be said under stable semantics, so every claim "
        "is contested (an odd cycle of attacks, say; try --semantics preferred)"
    )
    data = _one_map(
        runner.invoke(main, ["check", "-f", "json", "--semantics", "stable", str(path)]).output
    )
    assert data["semantics"] == "stable"
    assert data["has_extension"] is False
    assert {c["verdict"] for c in data["claims"]} == {"contested"}
    # Preferred semantics always has an extension (here the empty one), and says nothing more.
    for semantics in ("grounded", "preferred"):
        args = ["check", "--semantics", semantics, str(path)]
        assert "no stable extension" not in runner.invoke(main, args).output
        data = _one_map(runner.invoke(main, [*args, "-f", "json"]).output)
        assert data["has_extension"] is True
    # An even cycle has stable extensions.
    path.write_text(
        ODD_CYCLE.replace("  c: {text: C., kind: counterclaim, attacks: a}\n", "").replace(
            "attacks: c}", "attacks: a}"
        ),
        encoding="utf-8",
    )
    data = _one_map(
        runner.invoke(main, ["check", "-f", "json", "--semantics", "stable", str(path)]).output
    )
    assert data["has_extension"] is True
    assert (
        "no stable extension"
        not in runner.invoke(main, ["check", "--semantics", "stable", str(path)]).output
    )


def test_a_missing_source_file_says_where_it_was_looked_for(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer's first misstep: the source saved elsewhere. The finding says what the
    path is relative to and what to do, not only 'no such file'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "map.yaml").write_text(
        "argmap: 1\n"
        "sources:\n"
        "  s: {title: S, file: sources/article.txt}\n"
        "claims:\n"
        "  a: {text: A., kind: thesis, evidence: [{quote: q, source: s}]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["-q", "check", "maps/map.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        "maps/map.yaml:3:23: error[AM013] source 's': 'sources/article.txt': no such file "
        "(unreadable-source)\n"
        "  3 |   s: {title: S, file: sources/article.txt}\n"
        "    |                       ^\n"
        "  hint: 'file' is relative to the folder of maps/map.yaml: save the text there, "
        "or correct the path\n"
        "\n"
        "1 error in 1 of 1 file\n"
    )


UNREADABLE = """\
argmap: 1
sources:
  s:
    title: S
    file: sources/missing.txt
claims:
  a: {text: A., kind: thesis, evidence: [{quote: q, source: s}]}
"""


@pytest.mark.parametrize(
    ("form", "shown"),
    [
        ("text", "map.yaml:5:11: error[AM013]"),
        ("json", '"line": 5,\n          "column": 11,'),
        ("sarif", '"startLine": 5,\n                  "startColumn": 11'),
        ("github", "::error file=map.yaml,line=5,col=11,title=AM013 unreadable-source::"),
    ],
)
def test_an_unreadable_source_is_reported_at_its_file_value_in_every_format(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str, shown: str
) -> None:
    # It pointed at the source's id (3:3), two lines above the path to correct.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(UNREADABLE, encoding="utf-8")
    result = runner.invoke(main, ["-q", "check", "--format", form, "map.yaml"])
    assert result.exit_code == 1
    assert shown in result.output, result.output


def test_a_time_limit_with_grounded_semantics_is_said_to_do_nothing(
    runner: CliRunner, project: Path
) -> None:
    """--time-limit only limits the slow semantics (preferred, stable); with grounded it was
    silently ignored, so a user who set it believed the run was bounded by it. One note on
    stderr says so (not with -q); the exit status and the output are those of the same run
    without it."""
    text = (  # clean: -q prints nothing
        "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
        "  a: {text: A., kind: assumption, supports: t}\n"
    )
    plain = _check(runner, project, text)
    for semantics in ([], ["--semantics", "grounded"]):
        limited = _check(runner, project, text, *semantics, "--time-limit", "5")
        assert limited.exit_code == plain.exit_code == 0
        assert limited.stdout == plain.stdout
        assert limited.stderr == "argmap: --time-limit has no effect with grounded semantics\n"
    as_json = _check(runner, project, text, "-f", "json", "--time-limit", "5")
    assert as_json.stderr == "argmap: --time-limit has no effect with grounded semantics\n"
    assert _one_map(as_json.stdout)["semantics"] == "grounded"
    assert _check(runner, project, text, "-q", "--time-limit", "5").output == ""
    for semantics in ("preferred", "stable"):
        bounded = _check(runner, project, text, "--semantics", semantics, "--time-limit", "5")
        assert (bounded.exit_code, bounded.stderr) == (0, "")


def test_check_json_has_one_shape_for_one_map_and_for_several(
    runner: CliRunner, project: Path
) -> None:
    """One map, a folder of one, several paths or a path that is not there: always ``maps``
    (one outcome each) and the paths' own findings, after the format and version. One map
    printed its outcome at the top level, so a reader had to branch on the ``maps`` key."""
    (project / "a.yaml").write_text("argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n")
    b, folder = project / "b.yaml", project / "one"
    b.write_text("argmap: 1\nclaims:\n  b: {text: B., kind: thesis}\n")
    folder.mkdir()
    (folder / "a.yaml").write_text("argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n")
    (folder / "compose.yml").write_text("services: {}\n")  # skipped: not a map
    for paths, code, maps, problems in [
        ([project / "a.yaml"], 0, [project / "a.yaml"], []),
        ([folder], 0, [folder / "a.yaml"], []),
        ([project / "a.yaml", project / "gone.yaml"], 2, [project / "a.yaml"], ["AM901"]),
        ([project / "a.yaml", b], 0, [project / "a.yaml", b], []),
    ]:
        result = runner.invoke(main, ["check", "-f", "json", *map(str, paths)])
        assert result.exit_code == code, result.output
        assert result.output.startswith(
            '{\n  "format": "argmap-check",\n  "version": 1,\n  "maps": [\n'
        )
        data = json.loads(result.output)
        assert list(data) == ["format", "version", "maps", "diagnostics"]
        assert [m["path"] for m in data["maps"]] == [str(p) for p in maps]
        assert all(list(m) == CHECKED_MAP_KEYS for m in data["maps"])
        assert [d["code"] for d in data["diagnostics"]] == problems


@pytest.mark.parametrize(
    ("quotes", "verified", "said"),
    [
        (0, 0, "no quotes"),
        (1, 1, "1 of 1 quote verified"),
        (1, 0, "0 of 1 quote verified"),
        (2, 1, "1 of 2 quotes verified"),
        (1200, 1200, "1,200 of 1,200 quotes verified"),
    ],
)
def test_the_summary_counts_quotes_in_english(quotes: int, verified: int, said: str) -> None:
    """'0 of 0 quotes verified' said nothing, and '0 of 1 quotes' was not English."""
    assert quote_summary(verified, quotes) == said
