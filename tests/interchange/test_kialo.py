"""Kialo's text export: the numbered outline, multi-thesis discussions, links, sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.interchange import codes, kialo
from argmap.interchange.importing import detect_format
from argmap.interchange.limits import ImportLimits

from .conftest import FIXTURES, imported, loaded

KIALO = FIXTURES / "kialo"


def test_single_thesis_discussion(tmp_path: Path) -> None:
    outcome = imported((KIALO / "uniforms.txt").read_text(), "kialo", "uniforms.txt")
    m = loaded(outcome, tmp_path)
    assert m.title == "Should schools require uniforms?"
    ids = {c.text: cid for cid, c in m.claims.items()}
    thesis = ids["Schools should require uniforms."]
    assert m.claims[thesis].kind.value == "thesis"
    attendance = ids["Uniforms improve attendance."]  # "[1]" cites a source: not the claim's
    assert attendance == "uniforms-improve-attendance"
    without = ids["Attendance rose in schools without uniforms too."]
    expression = ids[
        "Uniforms suppress students' self-expression. "
        "It is a long claim that goes on over a second line."
    ]
    supports = {(a.premises[0], a.conclusion) for a in m.arguments.values()}
    attacks = {(a.attacker, a.target) for a in m.attacks.values()}
    assert (attendance, thesis) in supports
    assert (expression, thesis) in attacks
    assert (without, attendance) in attacks
    assert (without, expression) in supports  # "1.2.2. Pro: -> See 1.1.1." links, no new claim
    bullying = ids["Uniforms reduce bullying over clothes."]
    assert (expression, bullying) in attacks  # "1.3.1. Con: -> See 1.2."
    assert len(m.claims) == 7
    # sources: the Sources block, and links in claims
    titles = {s.title: s.url for s in m.sources.values()}
    assert titles["Uniforms and Attendance, a District Study"] == "https://example.org/uniforms"
    assert titles["district report"] == "https://example.org/uniforms(2021)"
    assert m.claims[attendance].note == "Sources: Uniforms and Attendance, a District Study."
    study = next(c for c in m.claims.values() if c.text.startswith("A district study"))
    assert study.text.endswith("see the district report.")
    assert any("has no address" in d.message for d in outcome.diagnostics)


def test_multi_thesis_discussion(tmp_path: Path) -> None:
    m = loaded(imported((KIALO / "multi-thesis.txt").read_text(), "kialo", "multi.txt"), tmp_path)
    assert m.question is None  # the same as the title
    theses = [c.text for c in m.claims.values() if c.kind.value == "thesis"]
    assert theses == ["Turn it into a library.", "Turn it into housing."]
    assert "What should the city do with the old station?" not in {
        c.text for c in m.claims.values()
    }
    ids = {c.text: cid for cid, c in m.claims.items()}
    quiet = ids["A library needs quiet, and the station is on a busy road."]
    homes = ids["The city is short of homes."]
    assert (quiet, homes) in {(a.attacker, a.target) for a in m.attacks.values()}


def test_detection() -> None:
    text = (KIALO / "uniforms.txt").read_text()
    assert detect_format(Path("export.txt"), text) == "kialo"
    assert detect_format(Path("export"), "1. A thesis.\n1.1. Pro: A reason.\n") == "kialo"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Some preamble\n1. Thesis\n", 1, "expected a numbered claim"),
        ("1. Thesis\n1.2.1. Pro: orphan\n", 2, "which is missing"),
        ("1. Thesis\n1.1. Pro: a\n1.1. Con: b\n", 3, "numbered twice"),
    ],
)
def test_errors_are_located(text: str, line: int, words: str) -> None:
    outcome = imported(text, "kialo", "bad.txt")
    assert outcome.failed
    first = outcome.diagnostics[0]
    assert first.line == line and words in first.message


def test_limits() -> None:
    deep = "1. Root\n" + "".join("1." * k + " Pro: level\n" for k in range(2, 80))
    from argmap.interchange.importing import import_text

    outcome = import_text(deep, "deep.txt", "kialo")
    assert [d.code for d in outcome.diagnostics] == [codes.IMPORT_TOO_DEEP.code]
    many = "1. Root\n" + "".join(f"1.{k}. Pro: claim {k}\n" for k in range(1, 30))
    limited = import_text(many, "many.txt", "kialo", ImportLimits(max_elements=10))
    assert [d.code for d in limited.diagnostics] == [codes.IMPORT_TOO_MANY.code]


def test_several_roots_each_a_thesis_or_a_question(tmp_path: Path) -> None:
    text = (
        "Discussion Title: Roots\n\n"
        "1. First thesis.\n1.1. Pro: A reason for the first.\n"
        "2. Which way?\n2.1. Go left.\n2.2. Go right.\n2.2.1. Con: Right is closed.\n"
        "3. Third thesis.\n"
    )
    m = loaded(imported(text, "kialo", "roots.txt"), tmp_path)
    theses = [c.text for c in m.claims.values() if c.kind.value == "thesis"]
    assert theses == ["First thesis.", "Go left.", "Go right.", "Third thesis."]
    assert m.question == "Which way?"


def test_roots_are_told_apart_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # looking for each root's children among all entries made 20,000 roots take 52 s
    calls = 0
    parent = kialo._parent

    def counted(index: str) -> str | None:
        nonlocal calls
        calls += 1
        return parent(index)

    monkeypatch.setattr(kialo, "_parent", counted)
    size = 300
    text = "\n".join(f"{i}. Thesis number {i}." for i in range(1, size + 1)) + "\n"
    outcome = imported(text, "kialo", "roots.txt")
    assert outcome.draft is not None
    assert len(outcome.draft.claims) == size
    assert calls <= 5 * size


def test_a_continuation_line_may_start_with_a_decimal_number(tmp_path: Path) -> None:
    # "3.5 percent" is not the entry "3." with the text "5 percent": an entry's number is
    # followed by a space
    text = (
        "Discussion Title: Rates\n\n1. Rates should rise.\n"
        "1.1. Pro: Inflation was\n3.5 percent in 2020.\n1.2. Con: Growth is weak.\n"
    )
    outcome = imported(text, "kialo", "rates.txt")
    assert outcome.diagnostics == []
    m = loaded(outcome, tmp_path)
    assert [c.text for c in m.claims.values()] == [
        "Rates should rise.",
        "Inflation was 3.5 percent in 2020.",
        "Growth is weak.",
    ]


class _CountedLinks:
    """Kialo's link pattern, adding up how many characters its searches may scan."""

    scanned = 0

    def __init__(self) -> None:
        self.pattern = kialo._MD_LINK

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        _CountedLinks.scanned += end - pos
        return self.pattern.match(text, pos, end)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        # a search tries the pattern at every '[', and a link never closed runs to the end
        _CountedLinks.scanned += sum(len(text) - k for k, ch in enumerate(text) if ch == "[")
        return self.pattern.sub(repl, text)


@pytest.mark.parametrize("opener", ["[a](b", "[", "[a\\]"])
def test_unclosed_links_are_scanned_in_linear_time(
    opener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a claim of 8,000 '[a](b' took 5 s: each was matched against the rest of the text
    monkeypatch.setattr(kialo, "_MD_LINK", _CountedLinks())
    _CountedLinks.scanned = 0
    text = "1. A claim [with](https://example.org/a) link " + opener * 8_000 + "\n"
    outcome = imported(text, "kialo", "links.txt")
    assert outcome.draft is not None
    assert [s["url"] for s in outcome.draft.sources.values()] == ["https://example.org/a"]
    assert _CountedLinks.scanned < 5 * len(text)


def test_a_source_line_of_hidden_characters_only_is_skipped(tmp_path: Path) -> None:
    text = "1. A claim.\n\nSources:\n\u202e\n[1] A study\u202e https://example.org/s\n"
    outcome = imported(text, "kialo", "sources.txt")
    assert [(d.code, d.line, d.message) for d in outcome.diagnostics] == [
        ("AM410", 4, "a source line without text; skipped"),
        ("AM410", 5, "source 'a-study': invisible control characters removed"),
    ]
    m = loaded(outcome, tmp_path)
    assert [(s.title, s.url) for s in m.sources.values()] == [("A study", "https://example.org/s")]


def test_a_source_number_listed_twice_keeps_the_first_and_says_so(tmp_path: Path) -> None:
    # the second "[1]" line used to take the number over silently: a claim citing [1] named
    # the second source
    text = (
        "1. A claim. [1]\n\nSources:\n"
        "[1] The first study. https://example.org/first\n"
        "[1] The second study. https://example.org/second\n"
    )
    outcome = imported(text, "kialo", "twice.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            5,
            1,
            "source [1] is numbered twice (first on line 4); claims citing [1] name the first",
        ),
    ]
    m = loaded(outcome, tmp_path)
    assert m.claims["a-claim"].note == "Sources: The first study."
    assert [s.title for s in m.sources.values()] == ["The first study", "The second study"]


def test_a_link_to_a_link_is_followed(tmp_path: Path) -> None:
    # "1.3 -> See 1.2" where 1.2 is itself "-> See 1.1.1" used to be "not a claim"
    text = (
        "1. Thesis.\n1.1. Pro: A reason.\n1.1.1. Con: An objection.\n"
        "1.2. Con: -> See 1.1.1.\n1.3. Pro: -> See 1.2.\n1.3.1. Con: A doubt.\n"
    )
    outcome = imported(text, "kialo", "chain.txt")
    assert outcome.diagnostics == []
    m = loaded(outcome, tmp_path)
    supports = {(a.premises[0], a.conclusion) for a in m.arguments.values()}
    attacks = {(a.attacker, a.target) for a in m.attacks.values()}
    assert ("an-objection", "thesis") in supports
    assert {
        ("an-objection", "a-reason"),
        ("an-objection", "thesis"),
        ("a-doubt", "an-objection"),
    } == attacks


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ("1.2. Pro: -> See 1.9.\n", "1.2. links to 1.9., which does not exist; not carried over"),
        (
            "1.2. Pro: -> See 1.3.\n1.3. Con: -> See 1.2.\n",
            "1.2. links to 1.3., which links to 1.2.: a circle of links; not carried over\n"
            "1.3. links to 1.2., which links to 1.3.: a circle of links; not carried over",
        ),
        (
            "1.2. Pro: -> See 1.\n",
            "1.2. links to 1., the discussion's question, which is not a claim; not carried over",
        ),
        (
            "1.2. Pro: -> See 1.3.\n1.3. Pro:\n",
            "1.2. links to 1.3., which has no text (skipped); not carried over",
        ),
    ],
)
def test_a_link_that_leads_to_no_claim_says_why(links: str, message: str) -> None:
    question = "1. Which one?\n1.1. This one.\n" if "question" in message else "1. Thesis.\n"
    outcome = imported(question + links, "kialo", "links.txt")
    lost = [(d.line, d.message) for d in outcome.diagnostics if "links to" in d.message]
    first = question.count("\n") + 1
    assert lost == [(first + k, m) for k, m in enumerate(message.split("\n"))]


def test_what_relates_to_nothing_is_reported_not_dropped_silently(tmp_path: Path) -> None:
    # a Pro or Con right under the discussion's question (which is no claim), and a link
    # without Pro or Con, were dropped without a word
    text = (
        "Discussion Title: Q\n\n1. Which one?\n1.1. This one.\n"
        "1.2. Pro: A reason for what?\n1.3. -> See 1.1.\n"
    )
    outcome = imported(text, "kialo", "q.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            5,
            1,
            "1.2.: a Pro under the discussion's question (1.), which is not a claim; "
            "its support is not carried over",
        ),
        ("AM410", 6, 1, "1.3.: a link without Pro: or Con: relates nothing; not carried over"),
    ]
    m = loaded(outcome, tmp_path)
    assert list(m.claims) == ["this-one", "a-reason-for-what"]


def test_a_citation_of_a_listed_source_leaves_the_text_and_a_bracketed_number_else_stays(
    tmp_path: Path,
) -> None:
    text = (
        "1. Fares should be free. [1][2]\n"
        "1.1. Pro: Ridership rose 30% [2] in Tallinn.\n"
        "1.2. Con: Clause [3] of the charter forbids it.\n\n"
        "Sources:\n[1] Fare study. https://example.org/fares\n"
        "[2] Tallinn report. https://example.org/tallinn\n"
    )
    m = loaded(imported(text, "kialo", "fares.txt"), tmp_path)
    assert [(cid, c.text, c.note) for cid, c in m.claims.items()] == [
        ("fares-should-be-free", "Fares should be free.", "Sources: Fare study; Tallinn report."),
        (
            "ridership-rose-30-in-tallinn",
            "Ridership rose 30% in Tallinn.",
            "Sources: Tallinn report.",
        ),
        (
            "clause-3-of-the-charter-forbids",
            "Clause [3] of the charter forbids it.",
            None,
        ),
    ]


def test_a_relation_to_a_claim_skipped_for_no_text_is_reported(tmp_path: Path) -> None:
    # '1.1. Pro:' (or '1.1. Pro: [1]', a citation only) is skipped, and said; the Con under
    # it lost its attack without a word, its claim left standing alone
    text = (
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: [1]\n1.1.1. Con: An objection.\n"
        "1.1.1.1. Pro: A reason.\n1.2. Con:\n1.2.1. Pro: -> See 1.1.1.1.\n\n"
        "Sources:\n[1] A study. https://example.org/study\n"
    )
    outcome = imported(text, "kialo", "t.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 4, 1, "1.1. has no text; skipped"),
        ("AM410", 7, 1, "1.2. has no text; skipped"),
        (
            "AM410",
            5,
            1,
            "1.1.1.: a Con of 1.1., which has no text (skipped); its attack is not carried over",
        ),
        (
            "AM410",
            8,
            1,
            "1.2.1.: a Pro of 1.2., which has no text (skipped); its support is not carried over",
        ),
    ]
    m = loaded(outcome, tmp_path)
    assert list(m.claims) == ["thesis", "an-objection", "a-reason"]


def test_entries_marked_thesis_under_the_root_are_the_theses(tmp_path: Path) -> None:
    # the import reads 'Thesis:' as a stance, but only an entry without one made its root the
    # discussion's question: with 'Thesis:', the question became the map's one thesis and
    # the two theses plain claims that relate to nothing, without a word
    text = (
        "Discussion Title: Which?\n\n1. Which policy is best?\n1.1. Thesis: Policy A.\n"
        "1.1.1. Pro: A is cheap.\n1.2. Thesis: Policy B.\n1.2.1. Con: B is slow.\n"
    )
    outcome = imported(text, "kialo", "which.txt")
    assert outcome.diagnostics == []
    m = loaded(outcome, tmp_path)
    assert m.question == "Which policy is best?"
    assert [(cid, c.kind.value) for cid, c in m.claims.items()] == [
        ("policy-a", "thesis"),
        ("a-is-cheap", "claim"),
        ("policy-b", "thesis"),
        ("b-is-slow", "claim"),
    ]


def test_an_entry_without_pro_or_con_under_a_claim_is_reported(tmp_path: Path) -> None:
    # below the root, an entry without 'Pro:' or 'Con:' (or with 'Thesis:') relates to
    # nothing: it was kept as a claim standing alone, without a word
    text = "1. Thesis.\n1.1. Pro: A reason.\n1.1.1. A remark.\n1.1.2. Thesis: Another.\n"
    outcome = imported(text, "kialo", "plain.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            3,
            1,
            "1.1.1.: neither Pro: nor Con: under 1.1., which is not the discussion's "
            "question; it relates to nothing (kept as a claim)",
        ),
        (
            "AM410",
            4,
            1,
            "1.1.2.: neither Pro: nor Con: under 1.1., which is not the discussion's "
            "question; it relates to nothing (kept as a claim)",
        ),
    ]
    assert list(loaded(outcome, tmp_path).claims) == ["thesis", "a-reason", "a-remark", "another"]


def test_a_two_claim_circle_drops_the_link_not_the_tree(tmp_path: Path) -> None:
    """A link back up the tree (``-> See 1.``) can close a circle of support. The tree's own
    Pro (``1.1.``) was dropped, as the search for circles started at the first claim; the
    link, a shortcut to a claim that stands elsewhere, is dropped instead, said at its line."""
    text = (
        "Discussion Title: Circle\n\n"
        "1. The plan works.\n"
        "1.1. Pro: Costs fell.\n"
        "1.1.1. Pro: -> See 1.\n"
    )
    outcome = imported(text, "kialo", "circle.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            5,
            1,
            "support 'the-plan-works->costs-fell' dropped: it closes a circle of support "
            "(costs-fell -> the-plan-works -> costs-fell); it comes from the link 1.1.1. "
            "(-> See 1.), so the discussion's own Pro and Con are kept",
        )
    ]
    m = loaded(outcome, tmp_path)
    assert [(a.premises, a.conclusion) for a in m.arguments.values()] == [
        (("costs-fell",), "the-plan-works")
    ]


def test_a_three_claim_circle_drops_the_link_not_the_tree(tmp_path: Path) -> None:
    text = (
        "Discussion Title: Circle\n\n"
        "1. The plan works.\n"
        "1.1. Pro: Costs fell.\n"
        "1.1.1. Pro: Suppliers competed.\n"
        "1.1.1.1. Pro: -> See 1.\n"
    )
    outcome = imported(text, "kialo", "circle.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            6,
            1,
            "support 'the-plan-works->suppliers-competed' dropped: it closes a circle of "
            "support (suppliers-competed -> costs-fell -> the-plan-works -> "
            "suppliers-competed); it comes from the link 1.1.1.1. (-> See 1.), so the "
            "discussion's own Pro and Con are kept",
        )
    ]
    m = loaded(outcome, tmp_path)
    assert [(a.premises, a.conclusion) for a in m.arguments.values()] == [
        (("costs-fell",), "the-plan-works"),
        (("suppliers-competed",), "costs-fell"),
    ]


def test_a_circle_of_two_links_drops_the_later_one(tmp_path: Path) -> None:
    """Neither link alone closes a circle: the later one in the file is dropped (the same
    one every time), and the tree stays whole."""
    text = (
        "Discussion Title: Circle\n\n"
        "1. The plan works.\n"
        "1.1. Pro: Costs fell.\n"
        "1.1.1. Pro: -> See 1.2.\n"
        "1.2. Pro: Sales rose.\n"
        "1.2.1. Pro: -> See 1.1.\n"
    )
    outcome = imported(text, "kialo", "circle.txt")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            7,
            1,
            "support 'costs-fell->sales-rose' dropped: it closes a circle of support "
            "(sales-rose -> costs-fell -> sales-rose); it comes from the link 1.2.1. "
            "(-> See 1.1.), so the discussion's own Pro and Con are kept",
        )
    ]
    m = loaded(outcome, tmp_path)
    assert [(a.premises, a.conclusion) for a in m.arguments.values()] == [
        (("costs-fell",), "the-plan-works"),
        (("sales-rose",), "costs-fell"),
        (("sales-rose",), "the-plan-works"),
    ]
