"""The rule reference is generated from the rules and kept in sync; every rule documents a
passing and a failing example."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.lint.docs import rules_markdown
from argmap.lint.registry import RULES, examples_of

REPO = Path(__file__).parents[2]


def test_docs_rules_md_is_in_sync() -> None:
    committed = (REPO / "docs/rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: argmap rules --markdown > docs/rules.md"


def test_every_rule_has_a_pass_and_a_fail_example() -> None:
    assert len(RULES) >= 12
    for rule in RULES:
        examples = rule.examples
        assert set(examples) == {"PASS", "FAIL"}, rule.code
        assert examples["PASS"].startswith("argmap: 1\n"), rule.code
        assert examples["FAIL"].startswith("argmap: 1\n"), rule.code


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.code.startswith("AM0") and len(r.code) == 5
        assert r.summary.endswith("."), r.code


def test_examples_parser_reads_indented_blocks() -> None:
    doc = "Title.\n\nPASS:\n\n    a: 1\n\n    b: 2\n\nFAIL:\n\n    c: 3\n"
    assert examples_of(doc) == {"PASS": "a: 1\n\nb: 2\n", "FAIL": "c: 3\n"}


def test_rules_and_explain_commands() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    assert listing.output.splitlines()[0].split()[:3] == ["AM001", "quote-not-verified", "error"]
    one = runner.invoke(main, ["rules", "AM009"])
    assert one.output.startswith("AM009 missing-label (info)\n\nA long claim text")
    assert runner.invoke(main, ["explain", "unknown-key"]).output.startswith(
        "AM201 unknown-key (error)"
    )
    unknown = runner.invoke(main, ["explain", "AM777"])
    assert unknown.exit_code == 2


def test_a_misspelt_rule_name_gets_a_suggestion() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["rules", "quote-not-verifed"])
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: unknown code or rule name 'quote-not-verifed'; "
        "did you mean 'quote-not-verified'?\n"
    )
    far = runner.invoke(main, ["explain", "xyzzy"])
    assert far.exit_code == 2
    assert far.stderr == (
        "argmap: unknown code or rule name 'xyzzy'; 'argmap rules' lists the rules, "
        "'argmap rules --markdown' every code\n"
    )


def test_explain_names_every_case_of_am306_and_am103() -> None:
    """AM306 is also a backslash between folders and a loop of links; AM103 also a UTF-16 file
    without a byte-order mark: the one line that explain and docs/rules.md give says so."""
    runner = CliRunner()
    assert runner.invoke(main, ["explain", "AM306"]).output == (
        "AM306 invalid-path (error)\n\n"
        "A path that is absolute, leaves the project, loops, separates its folders with"
        " a backslash, or names a file Windows cannot create.\n\n"
        "Formerly named path-outside-project.\n"
    )
    assert runner.invoke(main, ["explain", "AM103"]).output == (
        "AM103 invalid-encoding (error)\n\n"
        "The file is neither UTF-8 nor UTF-16 or UTF-32 with a byte-order mark.\n"
    )


def test_am306_is_named_for_every_path_it_refuses_and_keeps_its_old_name() -> None:
    """'path-outside-project' named one of the five cases AM306 refuses (a backslash and a
    name Windows cannot create leave nothing): it is 'invalid-path', in the family of
    'invalid-value' and 'invalid-id'. The old name, in scripts and old logs, still explains."""
    runner = CliRunner()
    new = runner.invoke(main, ["explain", "invalid-path"])
    old = runner.invoke(main, ["explain", "path-outside-project"])
    assert (new.exit_code, old.exit_code) == (0, 0)
    assert (
        new.output
        == old.output
        == (
            "AM306 invalid-path (error)\n\n"
            "A path that is absolute, leaves the project, loops, separates its folders with"
            " a backslash, or names a file Windows cannot create.\n\n"
            "Formerly named path-outside-project.\n"
        )
    )
