"""Argdown syntax, element by element: hand-written fixtures whose expected summaries were
made by the reference implementation (``@argdown/cli`` 1.7.5), then how each maps to argmap,
then errors and limits."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from argmap.interchange import codes
from argmap.interchange.argdown import inline, lexer
from argmap.interchange.argdown.lexer import data_end
from argmap.interchange.argdown.parser import parse_argdown
from argmap.interchange.argdown.summary import summarise
from argmap.interchange.limits import ImportLimits

from .compare import assert_same
from .conftest import FIXTURES, imported, loaded

SYNTAX = FIXTURES / "argdown-syntax"
CASES = sorted(SYNTAX.glob("*.argdown"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fixture_reads_as_the_reference_reads_it(path: Path) -> None:
    doc, diagnostics = parse_argdown(path.read_text(encoding="utf-8"), path.name)
    assert diagnostics == []
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert_same(summarise(doc), expected)


def _map(name: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    outcome = imported((SYNTAX / name).read_text(encoding="utf-8"), "argdown", name)
    return outcome, loaded(outcome, tmp_path)


def test_every_relation_symbol_maps_to_argmap(tmp_path: Path) -> None:
    _, m = _map("relations.argdown", tmp_path)
    supports = {(a.premises, a.conclusion) for a in m.arguments.values()}
    assert {(("b",), "a"), (("c",), "a"), (("a",), "f"), (("pro",), "arg")} <= supports
    attacks = {(a.attacker, a.target, a.kind.value) for a in m.attacks.values()}
    assert {
        ("d", "a", "rebut"),
        ("e", "a", "rebut"),
        ("a", "g", "rebut"),
        ("h", "a", "rebut"),
        ("a", "h", "rebut"),  # a contradiction is a rebuttal each way
        ("con", "arg", "rebut"),
        ("cut", "arg->a", "undercut"),  # an undercut of an argument undercuts its inference
        ("arg", "other->f", "undercut"),
    } == attacks
    assert m.claims["arg"].label == "Arg"
    assert m.claims["arg"].text == "An argument with only a description."
    assert m.claims["a"].tags == ("Every relation symbol, in both directions",)


def test_nesting_follows_indentation(tmp_path: Path) -> None:
    _, m = _map("nesting.argdown", tmp_path)
    supports = {(a.premises[0], a.conclusion) for a in m.arguments.values()}
    attacks = {(a.attacker, a.target) for a in m.attacks.values()}
    assert {("l1", "root"), ("l2", "l1"), ("l4", "l3"), ("l1b", "root")} <= supports
    assert {("l3", "l2"), ("l2b", "l1"), ("l2c", "l1")} == attacks
    assert m.claims["l4"].text == "Level four, written over two lines."


def test_reconstructions_chain_their_inferences(tmp_path: Path) -> None:
    outcome, m = _map("pcs.argdown", tmp_path)
    step, main = m.arguments["chain.1"], m.arguments["chain"]
    assert (step.premises, step.conclusion) == (("p1", "p2"), "c1")
    assert (main.premises, main.conclusion) == (("c1", "p3"), "c2")
    assert main.label == "Chain"
    assert main.note == (
        "An argument with an intermediary conclusion. "
        "Inference: Hypothetical syllogism, Modus ponens."
    )
    assert step.note == "Inference: Modus ponens."
    untitled = [a for a in m.arguments.values() if a.id.startswith("untitled")]
    assert [(a.premises, a.conclusion) for a in untitled] == [
        (("a-premise-without-a-title",), "c2")
    ]
    attacks = {(a.attacker, a.target, a.kind.value) for a in m.attacks.values()}
    assert ("objection", "p2", "undermine") in attacks  # p2 is a premise
    assert ("irrelevant", "chain.1", "undercut") in attacks
    assert ("doubt", "chain", "undercut") in attacks
    assert ("c2", "rival", "rebut") in attacks
    lost = [d for d in outcome.diagnostics if d.code == codes.NOT_CARRIED_OVER.code]
    assert any("attack on the whole argument <Chain>" in d.message and d.line == 22 for d in lost)


def test_markup_comments_data_and_headings(tmp_path: Path) -> None:
    outcome, m = _map("markup.argdown", tmp_path)
    assert m.title == "Markup, comments and data"
    assert m.authors == ("A. Writer", "B. Writer")
    bold = m.claims["bold"]
    assert bold.text == (
        "Text with bold, also bold, italic and italic words, a link, a mention of @[Other] "
        "and an [escaped] bracket."
    )
    assert bold.tags == ("tagged", "two words", "Group one")
    assert bold.note == "data on a statement"
    assert bold.priority == 2
    assert m.claims["other"].text == "Another statement on one line."
    assert ("third", "bold") in {(a.attacker, a.target) for a in m.attacks.values()}
    assert m.claims["listed"].tags == ("Group one",)  # '{isGroup: false}' groups nothing
    assert m.claims["last"].text == "The end, with a trailing"
    messages = [d.message for d in outcome.diagnostics]
    assert any("https://example.org/a" in message for message in messages)


def test_strict_mode_contraries_are_mutual(tmp_path: Path) -> None:
    _, m = _map("strict.argdown", tmp_path)
    attacks = {(a.attacker, a.target) for a in m.attacks.values()}
    assert {("s2", "s1"), ("s1", "s2"), ("s4", "s2"), ("s2", "s4")} == attacks
    assert {(a.premises[0], a.conclusion) for a in m.arguments.values()} == {("s3", "s1")}


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("[A]: x\n+ [B]: y\n", 2, 1, "not indented"),
        ("[A]: x\n    + [B]: y\n  - [C]: z\n", 3, 3, "not indented"),
        ("[A]: text /* never closed\n", 1, 11, "never closed"),
        ("<A>\n\n(1) [P]: p\n(2) [Q]: q\n", 3, 1, "does not end with a conclusion"),
        ("(1) p\n--\nrule\n", 2, 1, "never closed"),
        ("[A]: a [stray] reference\n", 1, 8, "statement reference"),
        ("[A]: a <stray> one\n", 1, 8, "argument reference"),
        ("[A] and more text\n", 1, 1, "text after a reference"),
        ("  + [B]: a relation first\n", 1, 3, "no element above it"),
        ("[A]: x\n  >< <B>: an argument\n", 2, 5, "a statement is expected"),
        ("[A]: x {unclosed: [1, 2}\n", 1, 8, "not valid YAML"),
        ("===\ntitle: x\n\n[A]: y\n", 1, 1, "never closed"),
        ("===\ntitle: x\nbad: [1, 2\n===\n\n[A]: y\n", 4, 1, "front matter: YAML syntax error"),
        ("\n===\ntitle: x\n  - wrong: indent\n===\n[A]: y\n", 4, 10, "front matter"),
        ("[A]: x\n\n--\n", 3, 1, "no element above it"),
    ],
)
def test_errors_are_located(text: str, line: int, col: int, words: str) -> None:
    outcome = imported(text, "argdown", "bad.argdown")
    assert outcome.failed and outcome.draft is None
    errors = [d for d in outcome.diagnostics if d.severity.value == "error"]
    assert errors, outcome.diagnostics
    first = errors[0]
    assert (first.path, first.line, first.col) == ("bad.argdown", line, col), first
    assert words in first.message
    assert first.code.startswith("AM4")


def test_deep_nesting_is_refused_without_recursion() -> None:
    depth = 5_000
    lines = ["[R]: root"] + [f"{' ' * (2 * k)}+ [S{k}]: s" for k in range(1, depth)]
    outcome = imported("\n".join(lines) + "\n", "argdown", "deep.argdown")
    assert outcome.failed
    assert any(d.code == codes.IMPORT_TOO_DEEP.code for d in outcome.diagnostics)


def test_deep_data_is_refused() -> None:
    outcome = imported("[A]: x " + "{a: " * 200 + "1" + "}" * 200 + "\n", "argdown", "d")
    assert outcome.failed
    assert any("not valid YAML" in d.message for d in outcome.diagnostics)


def test_element_count_limit() -> None:
    text = "".join(f"[S{k}]: s{k}\n\n" for k in range(50))
    outcome = imported(text, "argdown", "many.argdown")
    assert not outcome.failed
    from argmap.interchange.importing import import_text

    limited = import_text(text, "many.argdown", "argdown", ImportLimits(max_elements=10))
    assert limited.failed
    assert [d.code for d in limited.diagnostics] == [codes.IMPORT_TOO_MANY.code]


def test_support_cycles_are_broken_and_reported_where_the_support_stands(
    tmp_path: Path,
) -> None:
    """The support dropped was said at 1:1, not at its relation."""
    outcome = imported("[A]: a\n  + [B]: b\n    + [A]\n", "argdown", "cycle.argdown")
    m = loaded(outcome, tmp_path)
    assert len(m.arguments) == 1
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            2,
            3,
            "support 'b->a' dropped: it closes a circle of support (a -> b -> a)",
        ),
    ]


def test_empty_input_is_an_error() -> None:
    outcome = imported("// only a comment\n", "argdown", "empty.argdown")
    assert outcome.failed
    assert outcome.diagnostics[-1].code == codes.IMPORT_EMPTY.code


class _Counted:
    """A compiled pattern that adds up how many characters its matches may scan."""

    scanned = 0

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        _Counted.scanned += end - pos
        return self.pattern.match(text, pos, end)


def _counted_data_end(text: str, start: int, limit: int) -> int | None:
    _Counted.scanned += limit - start
    return data_end(text, start, limit)


@pytest.mark.parametrize(
    "body",
    [
        "[" * 20_000,
        "<" * 20_000,
        "#(" * 10_000,
        " @[" * 7_000,
        " @<" * 7_000,
        "[a](b" * 4_000,
        "{'" * 20_000,
    ],
    ids=["brackets", "angles", "tags", "mentions", "angle-mentions", "links", "data"],
)
def test_unclosed_markup_is_scanned_in_linear_time(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each of these openers used to be matched against the rest of the text, which took
    # minutes for a 100 KB line; a match may now scan only up to the first closer
    for module in (lexer, inline):
        for name in ("_LINK", "_BRACKET", "_ANGLE", "_TAG_PAREN", "_MENTION", "_TAG"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _Counted(getattr(module, name)))
    monkeypatch.setattr(inline, "data_end", _counted_data_end)
    _Counted.scanned = 0
    text = f"[A]: {body}\n"
    doc, _ = parse_argdown(text, "long.argdown")
    assert "A" in doc.statements
    assert _Counted.scanned < 25 * len(text)


def test_data_of_the_wrong_shape_is_reported_not_imported(tmp_path: Path) -> None:
    # hand-written {...} data and front matter in argmap's keys: a value of the wrong type
    # is left out with a warning; the imported map still validates (AM408 would be a bug)
    text = (
        "===\ntitle: [A, list]\n"
        "argmap: {sources: {s: {title: T, url: [1]}, t: {title: [T]}},"
        " actors: {ann: {name: Ann, role: {a: 1}}}, authors: [Ann, [Bob]], date: [3],"
        " question: [4], description: {a: 1}}\n===\n\n"
        "[A]: x {evidence: [{quote: q, source: s, strength: '2'},"
        " {quote: q1, source: s, strength: nan}, {quote: [1], source: s},"
        " {quote: q2, source: s, locator: [5], note: {a: 1}}, {quote: '', source: s}]}\n"
    )
    outcome = imported(text, "argdown", "shapes.argdown")
    not_a_strength = "is not a number from 0 to 1; not carried over"
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 1, 1, "front matter: 'title' is not text; not carried over"),
        ("AM410", 1, 1, "front matter: 'description' is not text; not carried over"),
        ("AM410", 1, 1, "front matter: 'question' is not text; not carried over"),
        ("AM410", 1, 1, "front matter: 'authors' has an entry that is not text; not carried over"),
        ("AM410", 1, 1, "front matter: 'date' is not text; not carried over"),
        ("AM410", 1, 1, "front matter: source 's': 'url' is not text; not carried over"),
        ("AM410", 1, 1, "front matter: source 't' has no title; skipped"),
        ("AM410", 1, 1, "front matter: actor 'ann': 'role' is not text; not carried over"),
        ("AM410", 6, 1, f"claim 'a': evidence 'strength' {not_a_strength}"),
        ("AM410", 6, 1, f"claim 'a': evidence 'strength' {not_a_strength}"),
        ("AM410", 6, 1, "claim 'a': evidence without quote and source skipped"),
        ("AM410", 6, 1, "claim 'a': evidence 'locator' is not text; not carried over"),
        ("AM410", 6, 1, "claim 'a': evidence 'note' is not text; not carried over"),
        ("AM410", 6, 1, "claim 'a': evidence without quote and source skipped"),
    ]
    m = loaded(outcome, tmp_path)
    assert (m.title, m.authors, m.date, m.question, m.description) == (
        "Imported",
        ("Ann",),
        None,
        None,
        None,
    )
    assert [(e.quote, e.strength, e.locator) for e in m.evidence.values()] == [
        ("q", 1.0, None),
        ("q1", 1.0, None),
        ("q2", 1.0, None),
    ]
    assert (list(m.sources), m.sources["s"].url, m.actors["ann"].role) == (["s"], None, None)


def test_claim_data_of_the_wrong_shape_is_left_out(tmp_path: Path) -> None:
    # a list as the kind was an internal error (unhashable), a list as the label or a tag
    # became its Python spelling "['l']"
    text = "[A]: x {id: a, kind: [thesis], label: [l], tags: [[t], u]}\n"
    outcome = imported(text, "argdown", "claim.argdown")
    claim = loaded(outcome, tmp_path).claims["a"]
    assert (claim.kind.value, claim.label, claim.tags) == ("claim", None, ("u",))


def test_a_statement_of_hidden_characters_only_gets_its_title_as_text(tmp_path: Path) -> None:
    outcome = imported("\u202e\n\n[A]: \u200b\n", "argdown", "hidden.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            1,
            1,
            "statement [Untitled 1]: invisible control characters removed from its text",
        ),
        ("AM410", 3, 1, "statement [A]: invisible control characters removed from its text"),
    ]
    m = loaded(outcome, tmp_path)
    assert [(c.text, c.label) for c in m.claims.values()] == [("Untitled 1", None), ("A", None)]


def test_a_headings_tags_are_not_part_of_the_tag_it_gives(tmp_path: Path) -> None:
    text = "# Pros and **cons** #tagged\n\n[A]: a\n\n# #only-tags\n\n[B]: b\n"
    m = loaded(imported(text, "argdown", "heading.argdown"), tmp_path)
    assert (m.claims["a"].tags, m.claims["b"].tags) == (("Pros and cons",), ())


def test_titles_that_differ_only_in_spaces_are_two_claims(tmp_path: Path) -> None:
    # the reference keeps a title exactly as written: [ A ] and [A] are two statements (and
    # <Arg > and <Arg> two arguments); argmap follows it, trims the labels, and says so
    outcome, m = _map("title-spaces.argdown", tmp_path)
    notes = [
        (d.code, d.line, d.col, d.message)
        for d in outcome.diagnostics
        if "only in the spaces" in d.message
    ]
    assert notes == [
        (
            "AM411",
            6,
            1,
            "statement [A]: its title differs from that of [ A ] (line 4) only in the spaces "
            "around it; as in Argdown, they are two statements",
        ),
        (
            "AM411",
            16,
            5,
            "statement [P]: its title differs from that of [ P ] (line 15) only in the spaces "
            "around it; as in Argdown, they are two statements",
        ),
        (
            "AM411",
            12,
            1,
            "argument <Arg>: its title differs from that of <Arg > (line 10) only in the "
            "spaces around it; as in Argdown, they are two arguments",
        ),
    ]
    assert [(c.id, c.label, c.text) for c in m.claims.values()][:3] == [
        ("a", "A", "Spaces inside the brackets."),
        ("a-2", "A", "No spaces."),
        ("b", "B", "A tab before the closing bracket."),
    ]
    assert (m.arguments["arg-2"].premises, m.arguments["arg-2"].label) == (("p", "p-2"), "Arg")
    assert ("a", "a-2") in {(a.premises[0], a.conclusion) for a in m.arguments.values()}


_REFUSED_DATA = (
    "text after {...} data: the reference implementation (@argdown/cli 1.7.5) refuses it "
    "(data ends an element's text); argmap reads it as text"
)


def _unpaired(marker: str) -> str:
    return (
        f"unpaired '{marker}': the reference implementation (@argdown/cli 1.7.5) refuses it "
        "(a bold or italic range never closed); argmap keeps it as text; write '\\*' or "
        "'\\_' for the character itself"
    )


_REFUSED = [
    ("[A]: snake_case word\n", 1, 11, _unpaired("_")),
    ("[A]: a *b\n", 1, 8, _unpaired("*")),
    ("[A]: 2*3 = 6\n", 1, 7, _unpaired("*")),
    ("[A]: **bold\n", 1, 6, _unpaired("**")),
    ("[A]: _x_ and _y\n", 1, 14, _unpaired("_")),
    ("[A]: file_name.txt is _here_\n", 1, 10, _unpaired("_")),
    ("# Head *x\n\n[A]: a\n", 1, 8, _unpaired("*")),
    ("[A]: a\n  + [B]: b_c\n", 2, 11, _unpaired("_")),
    ("[A]: some {note: x} text.\n", 1, 21, _REFUSED_DATA),
    ("<A>: some {note: x} text.\n", 1, 21, _REFUSED_DATA),
    ("# Head {a: 1} more\n\n[A]: a\n", 1, 15, _REFUSED_DATA),
    ("[A]: a {a: 1} {b: 2}\n", 1, 15, _REFUSED_DATA),
    ("[A]: a {a: 1} #tag\n", 1, 15, _REFUSED_DATA),
    ("[A]: some text {note: x}\nmore text\n", 2, 1, _REFUSED_DATA),
    ("[A]: a\n  + [B]: b {a: 1} x\n", 2, 19, _REFUSED_DATA),
    ("<A>\n\n(1) [P]: p {a: 1} x\n----\n(2) [C]: c\n", 3, 19, _REFUSED_DATA),
    (
        "  * [A]: a\n    1. [B]: b\n",
        2,
        5,
        "list item '1.' at indentation 4 in a list of '*' items at indentation 2: the "
        "reference implementation (@argdown/cli 1.7.5) refuses it (lists do not nest or "
        "mix); argmap reads it as an item of the same list",
    ),
    (
        "    * [A]: a\n  * [B]: b\n",
        2,
        3,
        "list item '*' at indentation 2 in a list of '*' items at indentation 4: the "
        "reference implementation (@argdown/cli 1.7.5) refuses it (lists do not nest or "
        "mix); argmap reads it as an item of the same list",
    ),
    (
        "  1. [A]: a\n      + [C]: c\n  * [B]: b\n",
        3,
        3,
        "list item '*' at indentation 2 in a list of '1.' items at indentation 2: the "
        "reference implementation (@argdown/cli 1.7.5) refuses it (lists do not nest or "
        "mix); argmap reads it as an item of the same list",
    ),
    (
        "[A]: a text that goes on\n* with a star at the start of a line\n",
        2,
        1,
        "list item '*' at the start of a line inside a text: the reference implementation "
        "(@argdown/cli 1.7.5) refuses it (a list item starts an element); argmap reads the "
        "line as text",
    ),
    (
        "[A]: it happened in\n2026. And then more.\n",
        2,
        1,
        "list item '1.' at the start of a line inside a text: the reference implementation "
        "(@argdown/cli 1.7.5) refuses it (a list item starts an element); argmap reads the "
        "line as text",
    ),
]
_READ = [
    "[A]: a * b\n",
    "[A]: a_\n",
    "[A]: x * y*\n",
    "[A]: mid*word* end\n",
    "[A]: __a__ b_\n",
    "[A]: **a** *\n",
    "[A]: *a\nb*\n",
    "[A]: (*a*)\n",
    "[A]: some text {note: x}\n",
    "[A]: some text {note: x} \n",
    "[A]: a {a: 1} // comment\n",
    "[A]: a {a: 1} /* c */ \n",
    "[A]: a #tag {a: 1}\n",
    "[A]: some\ntext {note: x}\n",
    "[A]: text {note: x}\n  + [B]: b\n",
    "  1. [A]: a\n  2. [B]: b\n",
    "  * [A]: a\n      + [C]: c\n  * [B]: b\n",
    "* [A]: a\n  + [C]: c\n* [B]: b\n",
    "1. [A]: a\n2. [B]: b\n",
]


@pytest.mark.parametrize(("text", "line", "col", "message"), _REFUSED)
def test_what_the_reference_refuses_is_read_with_a_warning(
    text: str, line: int, col: int, message: str
) -> None:
    outcome = imported(text, "argdown", "odd.argdown")
    assert not outcome.failed
    warned = [
        (d.code, d.line, d.col, d.message)
        for d in outcome.diagnostics
        if d.code == codes.IMPORT_NONSTANDARD.code
    ]
    assert warned == [("AM412", line, col, message)]


@pytest.mark.parametrize("text", _READ)
def test_what_the_reference_reads_gets_no_such_warning(text: str) -> None:
    outcome = imported(text, "argdown", "fine.argdown")
    assert [d for d in outcome.diagnostics if d.code == "AM412"] == []


def test_the_reference_refuses_and_reads_these_as_said(argdown_cli: Path, tmp_path: Path) -> None:
    # the warnings above claim what @argdown/cli 1.7.5 does: check the claim, in one run of
    # the reference over every case (it writes NAME.json for each file it reads, none for a
    # file it refuses)
    cases = [t for t, *_ in _REFUSED] + _READ
    for k, text in enumerate(cases):
        (tmp_path / f"case{k}.argdown").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [str(argdown_cli), "json", "*.argdown", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    read = [(tmp_path / "out" / f"case{k}.json").exists() for k in range(len(cases))]
    assert read == [k >= len(_REFUSED) for k in range(len(cases))], done.stdout + done.stderr


def test_front_matter_tables_of_the_wrong_shape_are_reported(tmp_path: Path) -> None:
    # sources, actors and questions of the wrong shape were dropped without a word, where a
    # field of the wrong type inside them is named
    text = (
        "===\ntitle: T\n"
        "argmap: {sources: 5, actors: {ann: Ann, bob: {name: Bob}},"
        " questions: {q: Why?}}\n===\n\n[A]: a.\n"
    )
    outcome = imported(text, "argdown", "tables.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 1, 1, "front matter: 'sources' is not a mapping; not carried over"),
        ("AM410", 1, 1, "front matter: actor 'ann' is not a mapping; skipped"),
        ("AM410", 1, 1, "front matter: 'questions' is not a list; not carried over"),
    ]
    m = loaded(outcome, tmp_path)
    assert (list(m.sources), list(m.actors), m.questions) == ([], ["bob"], ())


def test_front_matter_questions_of_the_wrong_shape_are_reported(tmp_path: Path) -> None:
    text = (
        "===\ntitle: T\n"
        "argmap: {questions: [Why?, 5, {about: [a]}, {text: How?, about: [a]}, [x]]}\n"
        "===\n\n[A]: a.\n"
    )
    outcome = imported(text, "argdown", "questions.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 1, 1, "front matter: question 3 has no text; skipped"),
        ("AM410", 1, 1, "front matter: question 5 has no text; skipped"),
    ]
    # the front matter keeps scalars as text: 5 is the question "5"
    assert [q.text for q in loaded(outcome, tmp_path).questions] == ["Why?", "5", "How?"]


def test_an_id_in_data_with_a_line_break_at_its_end_is_made_a_slug(tmp_path: Path) -> None:
    # a '$' in the slug pattern also matches before a final line break: an id "abc\n" (or a
    # source named so in the front matter) was taken as it was, and the import failed with
    # AM408 ('the imported map fails validation: AM206'), which the docs call a bug
    text = (
        '===\ntitle: T\nargmap: {sources: {"s\\n": {title: S}}}\n===\n\n'
        '[A]: first {id: "abc\\n"}\n\n[B]: second {id: "abc"}\n'
    )
    outcome = imported(text, "argdown", "ids.argdown")
    kept = 'names the claim (a "label" in the data keeps a title)'
    assert [(d.code, d.line, d.message) for d in outcome.diagnostics] == [
        ("AM411", 6, "statement [A]: its id 'abc\\n' is no identifier; the claim is 'abc'"),
        ("AM411", 6, f"statement [A]: its title is not kept: the id in its data, 'abc\\n', {kept}"),
        ("AM411", 8, "statement [B]: its id 'abc' is taken; the claim is 'abc-2'"),
        ("AM411", 8, f"statement [B]: its title is not kept: the id in its data, 'abc', {kept}"),
    ]
    m = loaded(outcome, tmp_path)
    assert (list(m.claims), list(m.sources)) == (["abc", "abc-2"], ["s"])


def test_a_relation_of_an_element_with_itself_is_read_and_reported(tmp_path: Path) -> None:
    # the reference keeps '[A] + [A]' (and '-', '><', between arguments too) as a relation of
    # A with itself; argmap dropped it while parsing, so the import said nothing of it ('0
    # notes on what was not carried over'). Only a relation that completing the model makes
    # one of an element with itself disappears, as in the reference ('<A> - [C]' where C is
    # A's conclusion: C attacks C)
    text = "[A]: a\n  + [A]\n  - [A]\n  >< [A]\n\n<B>: b\n  + <B>\n  - <B>\n"
    doc, problems = parse_argdown(text, "self.argdown")
    assert problems == []
    assert [(r.type.value, r.source.title, r.target.title) for r in doc.relations] == [
        ("support", "A", "A"),
        ("attack", "A", "A"),
        ("contradictory", "A", "A"),
        ("support", "B", "B"),
        ("attack", "B", "B"),
    ]
    outcome = imported(text, "argdown", "self.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 2, 3, "support of 'a' by 'a': a claim cannot support itself"),
        ("AM410", 7, 3, "support of 'b' by 'b': a claim cannot support itself"),
        ("AM410", 3, 3, "attack on 'a' by 'a': a claim cannot attack itself"),
        ("AM410", 4, 3, "attack on 'a' by 'a': a claim cannot attack itself"),
        ("AM410", 8, 3, "attack on 'b' by 'b': a claim cannot attack itself"),
    ]
    m = loaded(outcome, tmp_path)
    assert (list(m.claims), list(m.arguments), list(m.attacks)) == (["a", "b"], [], [])


def test_an_id_in_the_data_that_cannot_be_kept_as_written_is_said(tmp_path: Path) -> None:
    """An ``id`` in a statement's data names the claim, as argmap's own export writes it; one
    that is no identifier, or is taken, was changed without a word."""
    text = (
        '[a b]: One. {"id": "a b"}\n\n[x]: Two. {"id": "x"}\n\n'
        '[Third]: Three. {"id": "x", "label": "Third"}\n'
    )
    outcome = imported(text, "argdown", "ids.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM411", 1, 1, "statement [a b]: its id 'a b' is no identifier; the claim is 'a-b'"),
        ("AM411", 5, 1, "statement [Third]: its id 'x' is taken; the claim is 'x-2'"),
    ]
    m = loaded(outcome, tmp_path)
    assert list(m.claims) == ["a-b", "x", "x-2"]


def test_a_title_that_an_id_in_the_data_replaces_is_said(tmp_path: Path) -> None:
    """With an ``id`` in its data, a statement's title is its label only where the data says
    so (argmap's export writes the label there, and the id or the label as the title): a
    title of its own was dropped without a word."""
    text = (
        '[A]: One. {"id": "x"}\n\n'
        '[y]: Two. {"id": "y"}\n\n'
        '[Short]: Three. {"id": "z", "label": "Short"}\n\n'
        '[Other]: Four. {"id": "w", "label": "Short"}\n'
    )
    outcome = imported(text, "argdown", "titles.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM411",
            1,
            1,
            "statement [A]: its title is not kept: the id in its data, 'x', names the "
            'claim (a "label" in the data keeps a title)',
        ),
        (
            "AM411",
            7,
            1,
            "statement [Other]: its title is not kept: the id in its data, 'w', names the "
            'claim (a "label" in the data keeps a title)',
        ),
    ]
    m = loaded(outcome, tmp_path)
    assert [(c.id, c.label) for c in m.claims.values()] == [
        ("x", None),
        ("y", None),
        ("z", "Short"),
        ("w", "Short"),
    ]


def test_a_joiner_that_spells_the_text_is_imported_as_written(tmp_path: Path) -> None:
    """Persian's non-joiner (می‌خواهم) and an emoji sequence's joiner (👩‍💻) were removed as
    invisible control characters (AM410), which misspelt the Persian and split the emoji."""
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    coder = "\U0001f469\u200d\U0001f4bb"
    text = f"[A]: {persian}\n\n[B]: A {coder} writes this.\n"
    outcome = imported(text, "argdown", "joiners.argdown")
    assert [(d.code, d.message) for d in outcome.diagnostics] == []
    m = loaded(outcome, tmp_path)
    assert [c.text for c in m.claims.values()] == [persian, f"A {coder} writes this."]
