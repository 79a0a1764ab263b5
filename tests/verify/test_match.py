"""verify_quote, specified case by case: each row is a fixture file, a quote, and exactly what
must come back. Expected offsets were taken with ``str.index`` on the raw fixture, not from
argmap itself."""

from __future__ import annotations

import pytest

from argmap.verify import (
    QuoteCheck,
    QuoteEdits,
    SourceKind,
    SourceText,
    Span,
    Status,
    build_source_text,
    prepare,
    verify_many,
    verify_quote,
)

from .conftest import load

MONTEBELLO_QUOTE = (
    "couple of my opposition leaders have speculated on massive water diversions and "
    "superhighways to the continent--maybe inter-planetary--I'm not sure."
)


def where(check: QuoteCheck) -> tuple[int, int, int, int, int, int, int]:
    """(start, end, line, column, end_line, end_column, paragraph) of a check."""
    loc = check.location
    assert loc is not None
    return (loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column, loc.paragraph)


# (fixture, quote, (start, end, line, column, end_line, end_column, paragraph))
VERIFIED = [
    pytest.param(
        "exact.txt",
        "Attendance rose by four percent in the first year",
        (62, 111, 5, 1, 5, 49, 3),
        id="exact",
    ),
    pytest.param(
        "curly-quotes.txt",
        'called it "a fair deal for everyone" and left',
        (13, 58, 1, 14, 1, 58, 1),
        id="straight-double-for-curly",
    ),
    pytest.param(
        "curly-quotes.txt",
        "it's 'too little, too late' for the region's farmers",
        (74, 126, 3, 14, 3, 65, 2),
        id="straight-single-for-curly",
    ),
    pytest.param(
        "dashes.txt",
        "The plan--so its authors say--will pay",
        (0, 36, 1, 1, 1, 36, 1),
        id="em-dash-as---",
    ),
    pytest.param(
        "dashes.txt",
        "The plan - so its authors say - will pay",
        (0, 36, 1, 1, 1, 36, 1),
        id="em-dash-as-spaced-hyphen",
    ),
    pytest.param(
        "dashes.txt",
        "The plan-so its authors say-will pay",
        (0, 36, 1, 1, 1, 36, 1),
        id="em-dash-as-hyphen",
    ),
    pytest.param(
        "dashes.txt",
        "fell 3-4 percent in 1994-1995",
        (58, 87, 3, 9, 3, 37, 2),
        id="en-dash-in-ranges",
    ),
    pytest.param(
        "dashes.txt",
        "The treaty -- signed in haste -- was never ratified",
        (90, 139, 5, 1, 5, 49, 3),
        id="spaced-en-dash",
    ),
    pytest.param(
        "hyphenation.txt",
        "government announced a review of the agreement",
        (4, 54, 1, 5, 3, 4, 1),
        id="hyphenated-across-line-breaks",
    ),
    pytest.param(
        "hyphenation.txt",
        "a well-known problem",
        (78, 99, 3, 29, 4, 13, 1),
        id="compound-broken-at-its-hyphen",
    ),
    pytest.param(
        "soft-hyphen.txt", "extraordinary result", (3, 24, 1, 4, 1, 24, 1), id="soft-hyphen"
    ),
    pytest.param(
        "soft-hyphen.txt",
        "the international panel",
        (31, 56, 1, 32, 2, 14, 1),
        id="soft-hyphen-at-line-end",
    ),
    pytest.param(
        "nbsp-wrapped.txt",
        "Prime Minister Harper said the summit was a success for all three countries",
        (0, 79, 1, 1, 3, 16, 1),
        id="nbsp-and-wrapped-lines",
    ),
    pytest.param(
        "crlf.txt", "Second paragraph here", (40, 61, 4, 1, 4, 21, 2), id="crlf-paragraphs"
    ),
    pytest.param("crlf.txt", "line one. Line two", (16, 35, 1, 17, 2, 8, 1), id="crlf-wrapped"),
    pytest.param(
        "montebello.txt",
        MONTEBELLO_QUOTE,
        (527, 673, 9, 130, 9, 275, 5),
        id="montebello-straight-quotes-and-double-hyphens",
    ),
]


@pytest.mark.parametrize(("fixture", "quote", "expected"), VERIFIED)
def test_verified(fixture: str, quote: str, expected: tuple[int, ...]) -> None:
    source = load(fixture)
    check = verify_quote(quote, source)
    assert check.status is Status.VERIFIED
    assert check.similarity == 100.0
    assert where(check) == expected
    assert check.passage == source.text[expected[0] : expected[1]]
    assert check.spans == (Span(expected[0], expected[1]),)
    assert check.occurrences == 1
    assert check.edits.omissions == 0
    assert check.edits.insertions == ()


def test_montebello_quote_at_para_5_agrees(montebello: SourceText) -> None:
    check = verify_quote(MONTEBELLO_QUOTE, montebello, locator="para 5")
    assert check.status is Status.VERIFIED
    assert check.passage is not None
    assert check.passage.startswith("couple of my opposition leaders")
    assert check.passage.endswith("continent—maybe inter-planetary—I’m not sure.")
    assert check.locator is not None
    assert (check.locator.understood, check.locator.agrees, check.locator.expected) == (
        True,
        True,
        None,
    )


def test_first_letter_case_may_differ(montebello: SourceText) -> None:
    check = verify_quote("the leaders have two chances left to fix the SPP", montebello)
    assert check.status is Status.VERIFIED
    assert where(check) == (4980, 5028, 33, 1, 33, 48, 16)
    assert check.edits.case_changed is True


@pytest.mark.parametrize(
    ("quote", "status", "start", "end"),
    [
        ('"the plan works," and left', Status.VERIFIED, 9, 35),
        ("(the plan works)", Status.VERIFIED, 37, 53),
        ("[...] “the plan works,”", Status.VERIFIED_WITH_EDITS, 9, 26),
    ],
)
def test_first_letter_after_an_opening_mark_may_differ_in_case(
    quote: str, status: Status, start: int, end: int
) -> None:
    source = build_source_text(
        "q.txt", "text", ["He said: \u201cThe plan works,\u201d and left. (The plan works)"]
    )
    check = verify_quote(quote, source)
    assert check.status is status
    assert check.location is not None
    assert (check.location.start, check.location.end) == (start, end)
    assert check.edits.case_changed is True


TURKISH = build_source_text(
    "tr.txt",
    "text",
    [
        "\u0130stanbul'da toplant\u0131 yap\u0131ld\u0131; karar\u0131 \u0131l\u0131ml\u0131 "
        "buldular, istanbul ise sessizdi. Ilgaz da."
    ],
)


@pytest.mark.parametrize(
    ("quote", "written"),
    [
        pytest.param("istanbul'da", "\u0130stanbul'da", id="dotted-capital-lowered"),
        pytest.param(
            "Il\u0131ml\u0131 buldular", "\u0131l\u0131ml\u0131 buldular", id="dotless-raised"
        ),
        pytest.param("\u0130stanbul ise", "istanbul ise", id="dotted-raised"),
        pytest.param("\u0131lgaz da", "Ilgaz da", id="capital-I-lowered-dotless"),
    ],
)
def test_first_letter_case_may_differ_as_turkish_writes_it(quote: str, written: str) -> None:
    """Turkish (and Azerbaijani) pair dotted İ with i and dotless ı with I: a quote that
    starts a sentence with a word the source has inside one was not verified, as Python's
    swapcase makes İ two characters ('i' and a combining dot) and pairs ı with I only one way.
    """
    check = verify_quote(quote, TURKISH)
    assert check.status is Status.VERIFIED
    assert check.location is not None
    start = TURKISH.text.index(written)
    assert (check.location.start, check.location.end) == (start, start + len(written))
    assert check.edits.case_changed is True


def test_a_dotless_capital_is_not_a_dotted_one() -> None:
    """'Istanbul' is not how the source writes 'İstanbul' nor 'istanbul': İ and I are letters
    of their own, not the same letter's cases."""
    assert verify_quote("Istanbul'da toplant\u0131", TURKISH).status is not Status.VERIFIED


def test_case_elsewhere_in_the_quote_may_not_differ(montebello: SourceText) -> None:
    check = verify_quote("The Leaders have two chances left to fix the SPP", montebello)
    assert check.status is Status.PARAPHRASE
    assert check.similarity == 97.9
    assert where(check) == (4980, 5028, 33, 1, 33, 48, 16)


# --- omissions and insertions ----------------------------------------------------------------


@pytest.mark.parametrize("ellipsis", ["...", "…", ". . .", "[...]", "[…]"])
def test_omission_with_parts_in_order(montebello: SourceText, ellipsis: str) -> None:
    quote = f"Critics like Barlow {ellipsis} have looked at [the SPP] and assumed the worst"
    check = verify_quote(quote, montebello)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.similarity == 100.0
    assert where(check) == (3426, 3566, 24, 1, 24, 140, 12)
    assert check.spans == (Span(3426, 3445), Span(3522, 3536), Span(3545, 3566))
    assert check.edits.omissions == 1
    assert check.edits.insertions == ("the SPP",)
    assert check.passage == montebello.text[3426:3566]


def test_omission_with_parts_out_of_order_is_not_verified(montebello: SourceText) -> None:
    check = verify_quote("assumed the worst ... Critics like Barlow", montebello)
    assert check.status is Status.NOT_FOUND
    assert check.similarity == 69.6
    assert check.edits.omissions == 1


def test_omission_gap_is_bounded_and_configurable(montebello: SourceText) -> None:
    quote = "Skip to main content ... Continue Reading"
    assert verify_quote(quote, montebello).status is Status.NOT_FOUND
    check = verify_quote(quote, montebello, max_gap=10_000)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.spans == (Span(0, 20), Span(6042, 6058))
    assert check.location is not None
    assert (check.location.paragraph, check.location.end_paragraph) == (1, 22)


def test_insertion_replacing_words(montebello: SourceText) -> None:
    quote = (
        "Canada and Mexico need the stable and sustained engagement of [the U.S.] to manage "
        "regional issues"
    )
    check = verify_quote(quote, montebello)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.spans == (Span(5506, 5567), Span(5586, 5611))
    assert check.edits.insertions == ("the U.S.",)
    assert check.passage == (
        "Canada and Mexico need the stable and sustained engagement of the United States to "
        "manage regional issues"
    )


def test_sic_is_skipped(montebello: SourceText) -> None:
    quote = "working groups formed in1994 [sic], but they made only scattered progress"
    check = verify_quote(quote, montebello)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.edits.insertions == ("sic",)
    assert where(check) == (1570, 1637, 15, 263, 15, 329, 8)


@pytest.mark.parametrize("mark", ["[sic]", "[Sic]", "[sic!]", "[]", "[ ]", "[,]"])
def test_sic_and_empty_brackets_stand_for_nothing(mark: str) -> None:
    # "[sic]" says the words before it are the source's own: it replaces none of them, and
    # neither does a bracket without a word. Either would otherwise hide 80 characters.
    source = build_source_text(
        "s.txt", "text", ["The minister, after years of opposition, approved the plan in1994."]
    )
    assert verify_quote(f"The minister {mark} approved the plan", source).status is (
        Status.NOT_FOUND
    )
    check = verify_quote(f"approved the plan in1994 {mark}.", source)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.spans == (Span(41, 65), Span(65, 66))


def test_bracketed_first_letter_is_a_case_change(montebello: SourceText) -> None:
    check = verify_quote("[t]he exclusion of the U.S. Congress", montebello)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert where(check) == (4168, 4202, 28, 1, 28, 34, 14)
    assert check.edits.insertions == ("t",)
    assert check.edits.case_changed is True


PARAPHRASE, NOT_FOUND = Status.PARAPHRASE, Status.NOT_FOUND
VERIFIED_WITH_EDITS = Status.VERIFIED_WITH_EDITS
NEGATIONS = build_source_text(
    "negations.txt",
    "text",
    [
        "The minister did not approve the plan. The board never approved the budget. "
        "The mayor didn't sign it. The report was a failure. The plan, which was not "
        "popular, was approved. He did, as we saw, not agree."
    ],
)


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        pytest.param("The minister did ... approve the plan", PARAPHRASE, id="omitted-not"),
        pytest.param("The minister did [...] approve the plan", PARAPHRASE, id="bracketed"),
        pytest.param("The board [...] approved the budget", PARAPHRASE, id="omitted-never"),
        pytest.param("The mayor … sign it", NOT_FOUND, id="omitted-contraction"),
        pytest.param("He did, as we saw, … agree", PARAPHRASE, id="negation-ends-the-omission"),
        pytest.param(
            "The board [the directors] approved the budget", PARAPHRASE, id="insertion-for-never"
        ),
        pytest.param(
            "The minister [Smith] approve the plan", PARAPHRASE, id="insertion-for-did-not"
        ),
        pytest.param("The report was [not] a failure", PARAPHRASE, id="insertion-adds-not"),
        pytest.param(
            "[It is not true that] the report was a failure", PARAPHRASE, id="leading-not"
        ),
        pytest.param("The report was a failure [not]", PARAPHRASE, id="trailing-not"),
    ],
)
def test_edits_may_not_remove_or_add_a_negation(quote: str, status: Status) -> None:
    # An ellipsis or a bracket that drops the "not" next to the quoted words, or adds one,
    # makes the quote say the opposite of its source.
    check = verify_quote(quote, NEGATIONS)
    assert check.status is status
    assert check.occurrences == 0
    assert check.negation is True  # said in the finding: a "100% similar paraphrase" puzzles


CONTRACTIONS = build_source_text(
    "contractions.txt",
    "text",
    ["The agency can't confirm the figures. They won\u2019t pay. We don't agree."],
)


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        pytest.param("The agency can", PARAPHRASE, id="ends-before-n't"),
        pytest.param("They won", PARAPHRASE, id="ends-before-curly-n't"),
        pytest.param("We don", PARAPHRASE, id="don"),
        pytest.param("The agency can ... confirm the figures", PARAPHRASE, id="omitted-'t"),
        pytest.param("They won … pay", PARAPHRASE, id="omitted-curly-'t"),
        pytest.param("The agency can [not] confirm the figures", PARAPHRASE, id="insertion-for-'t"),
    ],
)
def test_a_quote_does_not_cut_a_negating_contraction(quote: str, status: Status) -> None:
    """'can't' is one word: 'can' stands in it no more than 'violent' in 'non-violent'. Cut
    before its 't, 'They won' from 'They won't pay' and 'can ... confirm' from 'can't
    confirm' said the opposite of the source and were verified."""
    check = verify_quote(quote, CONTRACTIONS)
    assert (check.status, check.occurrences) == (status, 0)


def test_the_passage_closest_to_a_cut_contraction_holds_it_whole() -> None:
    """The hint shows the source's word, not a '100% similar' passage cut as the quote was."""
    check = verify_quote("They won", CONTRACTIONS)
    assert (check.status, check.passage) == (PARAPHRASE, "They won\u2019t")


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("The agency can't confirm the figures", id="whole-word"),
        pytest.param("The agency [cannot] confirm the figures", id="insertion-says-it"),
        pytest.param("They won't ... We don't agree", id="omission-after-the-word"),
    ],
)
def test_a_quote_that_keeps_a_contraction_whole_is_verified(quote: str) -> None:
    assert verify_quote(quote, CONTRACTIONS).verified


SET_OFF = build_source_text(
    "set-off.txt",
    "text",
    [
        "The plan was (not) approved. The deal is \u201cnot\u201d final. The law is, never, "
        "binding. The vote was, not surprisingly, lost. The tax was (as we saw) raised. "
        "Was it paid? No. The fee was waived. The answer was \u201cno\u201d, the clerk said."
    ],
)


@pytest.mark.parametrize(
    ("quote", "status", "negation"),
    [
        pytest.param("The plan was ... approved", NOT_FOUND, True, id="parenthesised-not"),
        pytest.param("The deal is ... final", PARAPHRASE, True, id="quoted-not"),
        pytest.param("The law is, ... binding", NOT_FOUND, True, id="never-between-commas"),
        pytest.param(
            "The vote was, ... lost", VERIFIED_WITH_EDITS, False, id="a-clause-of-its-own"
        ),
        pytest.param("The tax was ... raised", VERIFIED_WITH_EDITS, False, id="no-negation"),
    ],
)
def test_a_negation_alone_between_punctuation_is_no_clause_of_its_own(
    quote: str, status: Status, negation: bool
) -> None:
    """'(not)' and '“not”' negate the words around them as much as a bare 'not': the
    parentheses and quotation marks set off no clause. 'The plan was ... approved' was
    verified from 'The plan was (not) approved'. A clause with words of its own besides the
    negation ('not surprisingly') may still be left out."""
    check = verify_quote(quote, SET_OFF)
    assert (check.status, check.negation) == (status, negation)


@pytest.mark.parametrize(
    ("quote", "word"),
    [
        pytest.param("approved", "not", id="parenthesised"),
        pytest.param("final", "not", id="quoted"),
        pytest.param("binding", "never", id="between-commas"),
        pytest.param("lost", None, id="a-clause-of-its-own"),
        pytest.param("raised", None, id="no-negation"),
        pytest.param("The fee was waived", None, id="after-a-sentence-of-its-own"),
        pytest.param("the clerk said", None, id="quoted-word-then-comma"),
    ],
)
def test_a_negation_alone_between_marks_right_before_the_quote_is_noted(
    quote: str, word: str | None
) -> None:
    """'approved' from 'was (not) approved' drops the negation as 'approve' from 'did not
    approve' does; the parentheses did hide it from rule AM014."""
    check = verify_quote(quote, SET_OFF)
    assert check.verified, check
    assert check.negated_before == word


DASHED = build_source_text(
    "dashed.txt",
    "text",
    [
        "The plan was \u2014 not \u2014 approved. The deal is\u2014never\u2014final. "
        "A well-known\u2014and popular\u2014plan."
    ],
)


@pytest.mark.parametrize(
    ("quote", "word"),
    [
        pytest.param("approved", "not", id="spaced-em-dashes"),
        pytest.param("final", "never", id="em-dashes"),
        pytest.param("plan", None, id="no-negation"),
        pytest.param("and popular", None, id="after-a-hyphenated-word"),
    ],
)
def test_a_negation_between_dashes_right_before_the_quote_is_noted(
    quote: str, word: str | None
) -> None:
    """A dash between two words joins them in the normalised text ('was—not—approved' reads
    'wasnotapproved', cut into words at the joins): the word before 'approved' was taken to
    be 'wasnot', which negates nothing, and AM014 said nothing."""
    check = verify_quote(quote, DASHED)
    assert check.verified, check
    assert check.negated_before == word


AT_THE_EDGES = build_source_text(
    "edges.txt",
    "text",
    [
        "The board never approved the budget. Officials said no. The mayor did not, in the "
        "end, sign. The deal was approved, not rejected."
    ],
)


@pytest.mark.parametrize(
    ("quote", "status", "negation"),
    [
        pytest.param("[Smith] approved the budget", PARAPHRASE, True, id="leading-for-never"),
        pytest.param("Officials said [yes]", PARAPHRASE, True, id="trailing-for-no"),
        pytest.param("Officials said [...]", PARAPHRASE, True, id="trailing-omission-of-no"),
        pytest.param("Officials said …", PARAPHRASE, True, id="trailing-ellipsis"),
        pytest.param("Officials said [no]", VERIFIED_WITH_EDITS, False, id="trailing-says-it"),
        pytest.param("Officials said [sic]", VERIFIED_WITH_EDITS, False, id="sic-stands-for-none"),
        pytest.param(
            "[The board never] approved the budget",
            VERIFIED_WITH_EDITS,
            False,
            id="leading-says-it",
        ),
        pytest.param(
            "The deal was approved, [...]", VERIFIED_WITH_EDITS, False, id="set-off-by-a-comma"
        ),
        pytest.param("The mayor did [...]", PARAPHRASE, True, id="trailing-for-not"),
    ],
)
def test_an_edit_at_the_quote_s_edge_may_not_stand_for_a_negation(
    quote: str, status: Status, negation: bool
) -> None:
    """An insertion at the quote's start or end, or an omission at its end, stands for the
    source's words there: 'Officials said [yes]' for 'Officials said no' and '[Smith]
    approved' for 'never approved' (the example the format's documentation gives) turned the
    source round and were verified."""
    check = verify_quote(quote, AT_THE_EDGES)
    assert (check.status, check.negation) == (status, negation)


def test_a_miss_for_other_reasons_is_not_put_down_to_a_negation() -> None:
    check = verify_quote("The minister did ... approve the budget", NEGATIONS)
    assert check.status is Status.NOT_FOUND
    assert check.negation is False
    assert verify_quote("The minister did not approve", NEGATIONS).negation is False


@pytest.mark.parametrize(
    ("quote", "spans"),
    [
        pytest.param(
            "The plan, … was approved", ((128, 137), (161, 173)), id="negation-set-off-by-commas"
        ),
        pytest.param(
            "The mayor [did not] sign it", ((76, 85), (93, 100)), id="insertion-keeps-not"
        ),
        pytest.param("[The minister] did not approve the plan", ((13, 37),), id="insertion-before"),
        pytest.param("[The minister did not] approve the plan", ((21, 37),), id="leading-not-kept"),
    ],
)
def test_edits_that_keep_the_negation_are_verified(
    quote: str, spans: tuple[tuple[int, int], ...]
) -> None:
    check = verify_quote(quote, NEGATIONS)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.spans == tuple(Span(*span) for span in spans)


@pytest.mark.parametrize(
    ("quote", "word"),
    [
        pytest.param("approve the plan", "not", id="not"),
        pytest.param("approved the budget", "never", id="never"),
        pytest.param("sign it", "didn't", id="contraction"),
        pytest.param("… approve the plan", "not", id="leading-omission"),
        pytest.param("agree", "not", id="after-a-clause"),
        pytest.param("did not approve the plan", None, id="quoted-with-it"),
        pytest.param("[The minister did not] approve the plan", None, id="said-by-an-insertion"),
        pytest.param("the plan", None, id="not-next-to-it"),
        pytest.param("was approved", None, id="set-off-by-a-comma"),
        pytest.param("The report was a failure", None, id="none-before"),
    ],
)
def test_a_negation_right_before_the_quoted_words_is_noted(quote: str, word: str | None) -> None:
    """Verbatim, but the source's 'not' stands right before: 'approve the plan' from 'did not
    approve the plan' says the opposite (rule AM014 warns). The word is the source's own."""
    check = verify_quote(quote, NEGATIONS)
    assert check.verified, check
    assert check.negated_before == word


def test_literal_ellipsis_in_the_source_is_an_exact_match() -> None:
    source = load("montebello.txt")
    check = verify_quote("Sean Kelly and Christopher Sands on CSA/NASA Collaboration...", source)
    assert check.status is Status.VERIFIED
    assert check.edits.omissions == 0


# --- paraphrases and misses ------------------------------------------------------------------


def test_paraphrase_reports_similarity_and_closest_passage(montebello: SourceText) -> None:
    quote = "the leaders took decisive action to make the SPP more transparent"
    check = verify_quote(quote, montebello)
    assert check.status is Status.PARAPHRASE
    assert check.similarity == 91.9
    assert check.passage == "the leaders took no action to make the SPP more transparent"
    assert where(check) == (5075, 5134, 33, 96, 33, 154, 16)
    assert check.occurrences == 0


def test_paraphrase_threshold_is_configurable(montebello: SourceText) -> None:
    quote = "the leaders took decisive action to make the SPP more transparent"
    assert verify_quote(quote, montebello, threshold=95).status is Status.NOT_FOUND


def test_misquote_is_not_found_with_the_closest_passage_as_hint(montebello: SourceText) -> None:
    check = verify_quote(
        "The leaders have three chances left to rescue the partnership", montebello
    )
    assert check.status is Status.NOT_FOUND
    assert check.similarity == 73.4
    assert check.passage == "The leaders have two chances left to fix the SPP"
    assert where(check) == (4980, 5028, 33, 1, 33, 48, 16)


def test_complete_miss(montebello: SourceText) -> None:
    check = verify_quote("Zebras migrate across the Serengeti every year.", montebello)
    assert check.status is Status.NOT_FOUND
    assert check.similarity < 60
    assert check.occurrences == 0


def test_quote_that_is_only_marks_is_not_found(montebello: SourceText) -> None:
    check = verify_quote(" ... ", montebello)
    assert check.status is Status.NOT_FOUND
    assert (check.similarity, check.location, check.passage) == (0.0, None, None)


def test_quote_must_stand_at_word_boundaries(montebello: SourceText) -> None:
    # "ummit" is inside "Summit": found only as a similar passage, never verified.
    check = verify_quote("ummit, noting that", montebello)
    assert check.status is Status.PARAPHRASE


@pytest.mark.parametrize(
    ("source", "quote", "status"),
    [
        pytest.param("a non-violent protest", "violent protest", Status.PARAPHRASE, id="non-"),
        pytest.param("un-American activities", "American activities", Status.PARAPHRASE, id="un-"),
        pytest.param("the anti\u2010war march", "war march", Status.NOT_FOUND, id="hyphen-u2010"),
        pytest.param("a non-violent protest", "a non", Status.NOT_FOUND, id="cut-before"),
        pytest.param("the gov-\nernment said so", "ernment said so", Status.PARAPHRASE, id="wrap"),
    ],
)
def test_quote_may_not_cut_a_hyphenated_word(source: str, quote: str, status: Status) -> None:
    # A compound's hyphen is inside a word: "violent protest" is not what "non-violent
    # protest" says.
    check = verify_quote(quote, build_source_text("h.txt", "text", [source]))
    assert check.status is status
    assert check.occurrences == 0


@pytest.mark.parametrize(
    "source",
    [
        "the continent\u2014maybe more",
        "the continent--maybe more",
        "the continent -- maybe more",
        "the continent - maybe more",
        "the continent \u2013\nmaybe more",
    ],
)
def test_quote_may_begin_after_a_dash_between_words(source: str) -> None:
    check = verify_quote("maybe more", build_source_text("d.txt", "text", [source]))
    assert check.status is Status.VERIFIED
    assert check.spans == (Span(len(source) - 10, len(source)),)


NUMBERS = (
    "Spending rose by 4.5 percent, to 4,500 dollars a head, while at -5 degrees and at "
    "\u22122 degrees the roads froze in 1994-1995."
)


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("500 dollars a head", id="after-a-thousands-separator"),
        pytest.param("Spending rose by 4", id="before-a-decimal-point"),
        pytest.param("5 percent, to 4,500", id="after-a-decimal-point"),
        pytest.param("5 degrees and at", id="without-its-minus-sign"),
        pytest.param("2 degrees the roads", id="without-its-unicode-minus-sign"),
    ],
)
def test_quote_may_not_cut_a_number(quote: str) -> None:
    # Cutting a number at its decimal point, thousands separator or sign changes what the
    # source says: "500 dollars" is not in "4,500 dollars", nor "5 degrees" in "-5 degrees".
    check = verify_quote(quote, build_source_text("n.txt", "text", [NUMBERS]))
    assert check.status is Status.PARAPHRASE
    assert check.occurrences == 0


@pytest.mark.parametrize(
    ("quote", "start", "end"),
    [
        pytest.param("4.5 percent, to 4,500 dollars", 17, 46, id="whole-numbers"),
        pytest.param("-5 degrees", 64, 74, id="with-its-minus-sign"),
        pytest.param("\u22122 degrees the roads froze", 82, 108, id="with-a-unicode-minus"),
        pytest.param("\u22125 degrees", 64, 74, id="minus-for-hyphen"),
        pytest.param("froze in 1994-1995.", 103, 122, id="a-range"),
        pytest.param("1995.", 117, 122, id="the-end-of-a-range"),
    ],
)
def test_quote_of_whole_numbers_is_verified(quote: str, start: int, end: int) -> None:
    check = verify_quote(quote, build_source_text("n.txt", "text", [NUMBERS]))
    assert check.status is Status.VERIFIED
    assert check.spans == (Span(start, end),)


def test_a_dash_of_prose_before_a_number_is_no_minus_sign() -> None:
    # "result - 5 people": a space parts the dash from the digit, so 5 is not -5, and a quote
    # may begin at it
    source = build_source_text("n.txt", "text", ["The result - 5 people - was clear."])
    check = verify_quote("5 people", source)
    assert check.status is Status.VERIFIED
    assert check.spans == (Span(13, 21),)


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ("500 dollars a head", "4,500 dollars a head"),
        ("5 percent, to", "4.5 percent, to"),
        ("2 degrees the roads", "\u22122 degrees the roads"),
    ],
)
def test_closest_passage_to_a_cut_number_holds_the_whole_number(quote: str, passage: str) -> None:
    # The hint shows what the source says, not the quote again "100% similar".
    check = verify_quote(quote, build_source_text("n.txt", "text", [NUMBERS]))
    assert check.status is Status.PARAPHRASE
    assert check.passage == passage
    assert check.similarity < 100


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_quote_may_not_cut_a_number_grouped_by_a_fixed_space(space: str) -> None:
    # "4 500" with a no-break or thin space between the groups is one number, as typeset in
    # French or SI style; an ordinary space may separate two numbers.
    source = build_source_text("n.txt", "text", [f"It is 4{space}500 people, not 2 300 people"])
    assert verify_quote("500 people, not", source).status is Status.PARAPHRASE
    assert verify_quote("It is 4", source).status is Status.NOT_FOUND
    assert verify_quote("It is 4 500 people", source).status is Status.VERIFIED
    assert verify_quote("300 people", source).status is Status.VERIFIED


# --- locators --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locator", "agrees", "expected"),
    [
        ("para 5", True, None),
        ("para 4", False, "para 5"),
        ("paragraph 12", False, "paragraph 5"),
        ("¶ 6", False, "¶ 5"),
        ("¶6", False, "¶5"),
        ("Para 7", False, "Para 5"),
        ("paras 3-4", False, "para 5"),
        ("paras 4-6", True, None),
        ("line 9", True, None),
        ("lines 1-2", False, "line 9"),
        ("page 1", True, None),
        ("p. 2", False, "p. 1"),
        ("pp. 2-3", False, "p. 1"),
        ("p. 1, para 6", False, "p. 1, para 5"),
    ],
)
def test_locator_agreement(
    montebello: SourceText, locator: str, agrees: bool, expected: str | None
) -> None:
    check = verify_quote(MONTEBELLO_QUOTE, montebello, locator=locator)
    assert check.status is Status.VERIFIED
    assert check.locator is not None
    assert check.locator.understood is True
    assert (check.locator.agrees, check.locator.expected) == (agrees, expected)


def test_unparseable_locator_is_flagged(montebello: SourceText) -> None:
    check = verify_quote(MONTEBELLO_QUOTE, montebello, locator="chapter 2")
    assert check.status is Status.VERIFIED
    assert check.locator is not None
    assert (check.locator.understood, check.locator.agrees, check.locator.expected) == (
        False,
        None,
        None,
    )


def test_no_locator_no_check(montebello: SourceText) -> None:
    assert verify_quote(MONTEBELLO_QUOTE, montebello).locator is None


def test_locator_of_a_miss_cannot_agree(montebello: SourceText) -> None:
    check = verify_quote("Zebras migrate across the Serengeti", montebello, locator="para 3")
    assert check.locator is not None
    assert (check.locator.understood, check.locator.agrees) == (True, None)


def test_locator_of_a_paraphrase_is_checked_against_the_closest_passage(
    montebello: SourceText,
) -> None:
    quote = "the leaders took decisive action to make the SPP more transparent"
    check = verify_quote(quote, montebello, locator="para 15")
    assert check.locator is not None
    assert (check.locator.agrees, check.locator.expected) == (False, "para 16")


def test_repeated_quote_reports_first_and_count(montebello: SourceText) -> None:
    check = verify_quote("the SPP", montebello)
    assert check.occurrences == 17
    assert where(check) == (703, 710, 11, 28, 11, 34, 6)


def test_repeated_quote_prefers_the_occurrence_the_locator_names(montebello: SourceText) -> None:
    check = verify_quote("the SPP", montebello, locator="para 12")
    assert check.occurrences == 17
    assert where(check) == (3537, 3544, 24, 112, 24, 118, 12)
    assert check.locator is not None
    assert check.locator.agrees is True


def test_a_locator_list_picks_the_occurrence_it_names(montebello: SourceText) -> None:
    check = verify_quote("the SPP", montebello, locator="paras 12, 90")
    assert where(check) == (3537, 3544, 24, 112, 24, 118, 12)
    assert check.locator is not None
    assert (check.locator.understood, check.locator.agrees) == (True, True)


# --- HTML and PDF sources --------------------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        "a quote hidden in a script",
        "Title only in the head",
        "Template text never shown",
        "Please enable scripts to read this",
        "A hidden paragraph",
        "a comment with words",
        "color: red",
    ],
)
def test_html_invisible_text_is_not_found(hidden: str) -> None:
    assert verify_quote(hidden, load("page.html")).status is Status.NOT_FOUND


def test_html_quote_spanning_inline_elements() -> None:
    source = load("page.html")
    check = verify_quote("They agreed on nothing of substance.", source, locator="para 3")
    assert check.status is Status.VERIFIED
    assert check.passage == "They agreed on nothing of substance."
    assert check.location is not None
    assert check.location.paragraph == 3
    assert check.locator is not None
    assert check.locator.agrees is True


def test_html_quote_spanning_two_blocks() -> None:
    source = load("page.html")
    check = verify_quote("met at Montebello in August. They agreed on nothing", source)
    assert check.status is Status.VERIFIED
    assert check.location is not None
    assert (check.location.paragraph, check.location.end_paragraph) == (2, 3)
    assert check.passage == "met at Montebello in August.\n\nThey agreed on nothing"


def test_html_entities_and_nbsp() -> None:
    check = verify_quote('Prices rose "sharply" -- by 5%.', load("page.html"))
    assert check.status is Status.VERIFIED
    assert check.location is not None
    assert check.location.paragraph == 7


MARKDOWN = (
    "# The *Title*\n"
    "\n"
    'The **plan** works, said [the minister](https://example.org/x "t"), and _nobody_\n'
    "disagreed; see ![the chart](chart.png) and <https://example.org>.\n"
    "\n"
    "> A quoted line\n"
    "> that wraps, *emphasis\n"
    "> across lines*.\n"
    "\n"
    "Use `code` here, snake_case_name, 2 * 3 * 4 and an escaped \\*star\\*.\n"
    "\n"
    "[ref]: https://example.org/hidden-reference\n"
)


@pytest.mark.parametrize(
    ("quote", "start", "end", "paragraph"),
    [
        pytest.param("The Title", 2, 12, 1, id="heading"),
        pytest.param(
            "The plan works, said the minister, and nobody disagreed;",
            15,
            106,
            2,
            id="emphasis-and-link",
        ),
        pytest.param("see the chart and https://example.org.", 107, 161, 2, id="image-autolink"),
        pytest.param(
            "A quoted line that wraps, emphasis across lines.", 165, 219, 3, id="blockquote"
        ),
        pytest.param(
            "Use code here, snake_case_name, 2 * 3 * 4 and an escaped *star*.",
            221,
            289,
            4,
            id="code-and-escapes",
        ),
    ],
)
def test_markdown_quote_of_what_a_reader_sees(
    quote: str, start: int, end: int, paragraph: int
) -> None:
    # A Markdown source is quoted as it reads, not as it is marked up: emphasis, links,
    # code, block quotes and escapes do not stand between the words.
    check = verify_quote(quote, build_source_text("a.md", "markdown", [MARKDOWN]))
    assert check.status is Status.VERIFIED
    assert check.location is not None
    assert (check.location.start, check.location.end) == (start, end)
    assert check.location.paragraph == paragraph


@pytest.mark.parametrize("hidden", ["example.org/x", "chart.png", "hidden-reference"])
def test_markdown_link_targets_are_not_quotable(hidden: str) -> None:
    check = verify_quote(hidden, build_source_text("a.md", "markdown", [MARKDOWN]))
    assert check.status is not Status.VERIFIED
    assert check.occurrences == 0


def test_markdown_markup_is_kept_in_a_text_source() -> None:
    check = verify_quote("The plan works", build_source_text("a.txt", "text", [MARKDOWN]))
    assert check.status is Status.PARAPHRASE


FOOTNOTED = "The plan works.[1] It was cheap,[12][a] they said[citation needed] at the time."


@pytest.mark.parametrize("kind", ["text", "html", "markdown"])
@pytest.mark.parametrize(
    ("quote", "start", "end"),
    [
        ("The plan works. It was cheap, they said at the time.", 0, 79),
        ("works.[1] It was cheap,[12][a] they said", 9, 49),
        ("works. It was cheap,[12][a] they said", 9, 49),
    ],
)
def test_footnote_markers_do_not_stand_between_words(
    kind: SourceKind, quote: str, start: int, end: int
) -> None:
    # Pages copied from an encyclopedia glue "[1]" to the word before: a quote is verified
    # with or without the markers, exactly (they are not the editor's insertions).
    check = verify_quote(quote, build_source_text("f", kind, [FOOTNOTED]))
    assert check.status is Status.VERIFIED
    assert check.spans == (Span(start, end),)
    assert check.edits.insertions == ()


@pytest.mark.parametrize(
    ("quote", "insertion"),
    [("[T]he plan works", "T"), ("the [plan] works", "plan"), ("array [1] value", "1")],
)
def test_brackets_that_are_no_footnote_markers_stay_insertions(quote: str, insertion: str) -> None:
    source = build_source_text("f", "text", ["The plan works; array value and more"])
    check = verify_quote(quote, source)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.edits.insertions == (insertion,)


def test_pdf_page_locator_is_corrected() -> None:
    source = load("three-pages.pdf")
    quote = "the leaders took no action to make the SPP more transparent -- or to reach out"
    check = verify_quote(quote, source, locator="p. 3")
    assert check.status is Status.VERIFIED
    assert check.location is not None
    assert (check.location.page, check.location.end_page) == (2, 2)
    assert check.locator is not None
    assert (check.locator.agrees, check.locator.expected) == (False, "p. 2")


def test_pdf_hyphenation_and_agreeing_page() -> None:
    source = load("three-pages.pdf")
    check = verify_quote("the government must engage", source, locator="page 3")
    assert check.status is Status.VERIFIED
    assert check.passage == "the gov-\nernment must engage"
    assert check.locator is not None
    assert check.locator.agrees is True


# --- many quotes, one source -----------------------------------------------------------------


def test_verify_many_matches_verify_quote(montebello: SourceText) -> None:
    items: list[str | tuple[str, str | None]] = [
        MONTEBELLO_QUOTE,
        (MONTEBELLO_QUOTE, "para 4"),
        ("the leaders took decisive action to make the SPP more transparent", None),
    ]
    many = verify_many(items, montebello)
    assert [c.status for c in many] == [Status.VERIFIED, Status.VERIFIED, Status.PARAPHRASE]
    assert many[1].locator is not None
    assert many[1].locator.expected == "para 5"
    assert many[2] == verify_quote(items[2][0], montebello)


def test_prepared_source_is_reused(montebello: SourceText) -> None:
    assert prepare(montebello) is prepare(montebello)
    prepared = prepare(montebello)
    assert verify_quote(MONTEBELLO_QUOTE, prepared) == verify_quote(MONTEBELLO_QUOTE, montebello)


# --- hostile input ---------------------------------------------------------------------------


def test_very_long_quote_is_not_found_quickly(montebello: SourceText) -> None:
    check = verify_quote("the SPP " * 20_000, montebello)
    assert (check.status, check.similarity, check.location) == (Status.NOT_FOUND, 0.0, None)


def test_quote_repeated_inside_one_long_word_gives_up() -> None:
    source = build_source_text("a.txt", "text", ["a" * 200_000])
    check = verify_quote("aaa", source)
    assert check.status is Status.NOT_FOUND  # only ever inside a word: never verified
    assert check.occurrences == 0


def test_many_omissions_do_not_recurse(montebello: SourceText) -> None:
    quote = " ... ".join(["the SPP"] * 2000)
    check = verify_quote(quote, montebello, max_gap=100_000)
    assert check.status is Status.NOT_FOUND


def _blind_alleys(parts: int, alleys: int) -> SourceText:
    """A source where a quote ``x [...] a [...] a ... [...] y`` (``parts`` a's) stands only
    after ``alleys`` places that hold its start but not its end: every ``x`` but the last is
    followed by the a's, then more than an omission may leave out before a ``y``."""
    alley = "x " + "a " * parts + "filler " * 80 + "y "
    return build_source_text("s.txt", "text", [alley * alleys + "x " + "a " * parts + "y"])


def test_blind_alleys_do_not_hide_an_edited_quote() -> None:
    # Each blind alley was searched afresh, every way of placing the a's in it, until the
    # budget ran out: a quote standing in the source read as a paraphrase (95.5% similar).
    quote = "x [...] " + " [...] ".join(["a"] * 10) + " [...] y"
    check = verify_quote(quote, _blind_alleys(10, 100))
    assert (check.status, check.gave_up) == (Status.VERIFIED_WITH_EDITS, False)
    assert check.passage == "x " + "a " * 10 + "y"


def test_a_search_that_gives_up_is_no_paraphrase() -> None:
    # 50 omissions in alleys of 50 a's: too many placements to try. The parts run together
    # stand in the source, so this read as "a paraphrase (100% similar)".
    quote = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"
    check = verify_quote(quote, _blind_alleys(50, 100))
    assert (check.status, check.gave_up, check.similarity) == (Status.NOT_FOUND, True, 100.0)
    assert check.passage == "x " + "a " * 50 + "y"  # the closest passage, as a hint


def test_a_search_that_gives_up_says_so() -> None:
    # 5,000 omissions, each with a hundred places to stand: the search cannot try them all,
    # and must not report the quote as absent (nor, the parts run together being in the
    # source, as a paraphrase).
    quote = "x [...] " + " [...] ".join(["a"] * 5000) + " [...] y"
    check = verify_quote(quote, _blind_alleys(5000, 3))
    assert (check.status, check.gave_up, check.occurrences) == (Status.NOT_FOUND, True, 0)


def test_a_search_that_completes_has_not_given_up(montebello: SourceText) -> None:
    check = verify_quote("the exclusion of the U.S. Congress ... zebra crossing", montebello)
    assert (check.status, check.gave_up) == (Status.NOT_FOUND, False)


def test_default_threshold_is_85() -> None:
    """Similarity 85.7 is a paraphrase and 84.5 is not, without a threshold given."""
    montebello = load("montebello.txt")
    near = verify_quote("the leaders took decisive action to make the SPP more open", montebello)
    assert (near.status, near.similarity) == (Status.PARAPHRASE, 85.7)
    far = verify_quote("leaders took decisive action to make the SPP more open", montebello)
    assert (far.status, far.similarity) == (Status.NOT_FOUND, 84.5)


def _numbered(first: int, last: int) -> str:
    return " ".join(f"w{i:03}" for i in range(first, last + 1))


def test_a_passage_of_400_characters_is_given_whole() -> None:
    text = "w0000 " + _numbered(1, 79)
    assert len(text) == 400
    source = build_source_text("long.txt", "text", [text])
    assert verify_quote(text, source).passage == text


def test_a_longer_passage_is_shortened_in_the_middle() -> None:
    """200 characters from each end, cut where they fall, spaces at the cut dropped."""
    text = "w00000 " + _numbered(1, 79)
    assert len(text) == 401
    source = build_source_text("long.txt", "text", [text])
    check = verify_quote(text, source)
    assert check.status is Status.VERIFIED
    assert check.passage == f"w00000 {_numbered(1, 38)} w03 […] {_numbered(40, 79)}"


def test_repeated_quote_prefers_the_occurrence_the_line_locator_names() -> None:
    """One paragraph of three lines: ``line 3`` names the second occurrence, not the first."""
    source = build_source_text("lines.txt", "text", ["alpha beta\ngamma\nalpha beta\n"])
    check = verify_quote("alpha beta", source, locator="line 3")
    assert check.occurrences == 2
    assert where(check) == (17, 27, 3, 1, 3, 10, 1)
    assert check.locator is not None
    assert check.locator.agrees is True


def test_an_insertion_keeping_a_negation_at_the_start_of_the_source_is_verified() -> None:
    """The source's own ``not`` stands within the first characters of the text: the part
    before the quoted words is read from offset 0, not lost."""
    source = build_source_text("n.txt", "text", ["We do not approve the plan."])
    check = verify_quote("[We do not] approve the plan", source)
    assert check.status is Status.VERIFIED_WITH_EDITS
    assert check.negation is False
    assert check.edits.insertions == ("We do not",)


def test_a_locator_naming_no_occurrence_gets_the_first_and_the_right_locator(
    montebello: SourceText,
) -> None:
    check = verify_quote("the SPP", montebello, locator="para 3")
    assert check.occurrences == 17
    assert check.location is not None
    assert (check.location.start, check.location.paragraph) == (703, 6)
    assert check.locator is not None
    assert (check.locator.agrees, check.locator.expected) == (False, "para 6")


def test_a_verified_quote_raises_no_flags(montebello: SourceText) -> None:
    check = verify_quote("the SPP", montebello)
    assert check.status is Status.VERIFIED
    assert (check.negation, check.gave_up, check.marks_only) == (False, False, False)
    assert check.edits == QuoteEdits(0, (), False)


def test_a_trailing_insertion_keeping_the_source_s_negation_is_verified() -> None:
    """``[and not the budget]`` stands for the source's words right after the quote, which
    have the negation; without them in the source it adds one."""
    quote = "The committee approved the plan [and not the budget]"
    kept = build_source_text(
        "n.txt", "text", ["The committee approved the plan and not the budget."]
    )
    check = verify_quote(quote, kept)
    assert (check.status, check.negation) == (Status.VERIFIED_WITH_EDITS, False)
    added = build_source_text("n.txt", "text", ["The committee approved the plan."])
    check = verify_quote(quote, added)
    assert (check.status, check.negation) == (Status.PARAPHRASE, True)


def test_a_negation_before_an_omitting_quote_is_the_one_before_its_first_part() -> None:
    source = build_source_text("n.txt", "text", ["They do not approve the budget or the plan."])
    check = verify_quote("approve ... the plan", source)
    assert (check.status, check.negated_before) == (Status.VERIFIED_WITH_EDITS, "not")


def test_a_paragraph_locator_picks_its_paragraph_not_the_one_before() -> None:
    source = build_source_text("p.txt", "text", ["alpha beta\n\nalpha beta\n"])
    check = verify_quote("alpha beta", source, locator="para 2")
    assert where(check) == (12, 22, 3, 1, 3, 10, 2)
    assert check.locator is not None
    assert check.locator.agrees is True


def test_only_a_pdf_location_is_paged(montebello: SourceText) -> None:
    pdf = verify_quote(
        "the leaders took no action to make the SPP more transparent", load("three-pages.pdf")
    )
    assert pdf.location is not None
    assert pdf.location.paged is True
    text = verify_quote("the SPP", montebello)
    assert text.location is not None
    assert text.location.paged is False
