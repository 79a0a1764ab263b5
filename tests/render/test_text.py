"""Text on the map: wrapping, shortening, citations, and escaping into DOT."""

from __future__ import annotations

import pytest

from argmap.argument_map import Origin, Source
from argmap.render.text import citation, clean, label_text, shorten, tooltip_text, wrap

SOURCE = Source("s", "Montebello Moment Came and Went", Origin("m.yaml", 1, 1))


def test_wrap_fills_lines_up_to_the_width() -> None:
    text = "The engagement of the United States remains the key to the success of the SPP."
    lines = wrap(text, 30)
    assert lines == [
        "The engagement of the United",
        "States remains the key to the",
        "success of the SPP.",
    ]
    assert all(len(line) <= 30 for line in lines)


def test_wrap_breaks_a_word_longer_than_a_line() -> None:
    assert wrap("see https://example.org/a/very/long/path/indeed", 12) == [
        "see",
        "https://exam",
        "ple.org/a/ve",
        "ry/long/path",
        "/indeed",
    ]


def test_wrap_cuts_at_max_lines_with_an_ellipsis() -> None:
    lines = wrap("one two three four five six seven eight nine ten", 10, max_lines=2)
    assert lines == ["one two", "three fou…"]
    assert all(len(line) <= 10 for line in lines)


ACUTE = "\u0301"  # COMBINING ACUTE ACCENT
THUMB = "\U0001f44d\U0001f3fd"  # THUMBS UP SIGN, EMOJI MODIFIER FITZPATRICK TYPE-4


def test_a_long_word_is_never_broken_inside_a_character_as_read() -> None:
    """A combining accent belongs to the letter before it, a skin tone to its emoji: a line
    that started with one would draw it alone (on a dotted circle, or a brown square). It
    stays on its line, which it makes no wider."""
    accented = "a" * 9 + "e" + ACUTE + "bcd"
    assert wrap(accented, 10) == ["a" * 9 + "e" + ACUTE, "bcd"]
    assert wrap("x" + THUMB * 6, 6) == ["x" + THUMB * 3, THUMB * 3]
    devanagari = "\u0915\u093f" * 6  # the syllable "ki", a consonant and its vowel sign
    assert wrap("\u0915" + devanagari, 4) == [
        "\u0915" + "\u0915\u093f" + "\u0915\u093f",
        "\u0915\u093f" * 2,
        "\u0915\u093f" * 2,
    ]


CANADA, MEXICO = "\U0001f1e8\U0001f1e6", "\U0001f1f2\U0001f1fd"  # regional indicator pairs


def test_a_long_word_never_parts_a_flag_in_its_halves() -> None:
    """A flag is two regional indicators, each drawn alone as a boxed letter: a break
    between them drew 🇨 and 🇦 where 🇨🇦 was meant. Flags pair up from the start of a run."""
    assert wrap("x" + CANADA * 6, 6) == ["x" + CANADA * 3, CANADA * 3]
    assert wrap("x" + MEXICO + CANADA * 2, 4) == ["x" + MEXICO + CANADA, CANADA]
    assert wrap(CANADA * 3, 3) == [CANADA * 2, CANADA]
    # a flag breaks from the next one like any character
    assert wrap(CANADA * 4, 4) == [CANADA * 2, CANADA * 2]


def test_a_cut_never_parts_a_flag_in_its_halves() -> None:
    assert shorten("x" * 6 + CANADA * 3, 8) == "x" * 6 + "…"
    assert shorten("x" * 5 + CANADA * 3, 8) == "x" * 5 + CANADA + "…"
    assert wrap("x" * 6 + CANADA * 3, 8, max_lines=1) == ["x" * 6 + "…"]


def test_a_long_word_never_parts_an_unseen_characters_escape() -> None:
    """A zero-width joiner between two letters is shown as its escape, ``\\u200d`` (rule
    AM012), and the escape broken across two lines (``\\u20``, ``0d``) read as neither. It
    is kept whole, as one character is."""
    hidden = "a\u200db"
    assert clean(hidden) == "a\\u200db"
    assert wrap("x" + hidden * 2, 6) == ["xa", "\\u200d", "ba", "\\u200d", "b"]
    assert wrap("xxxx" + hidden, 6, max_lines=1) == ["xxxxa…"]


def test_a_long_word_never_parts_an_emoji_sequence() -> None:
    """An emoji sequence (👩 ZWJ 💻: a woman technologist) is drawn as it is written, one
    character as read: a line never ends or starts at its joiner, it starts the next line
    whole. Until the fourteenth session the joiner was shown as an escape, which drew a
    woman, ``\\u200d`` and a laptop."""
    woman, laptop = "\U0001f469", "\U0001f4bb"
    coder = woman + "\u200d" + laptop
    assert clean(coder) == coder
    assert wrap("x" + coder * 2, 6) == ["x" + coder, coder]
    assert wrap("xxxxxx" + coder, 6) == ["xxxxxx", coder]
    assert wrap(coder * 3, 4) == [coder, coder, coder]
    assert wrap("xxxx" + coder, 6, max_lines=1) == ["xxxx…"]


def test_a_persian_word_keeps_its_non_joiner_on_its_line() -> None:
    """Persian spells می‌خواهم with a zero-width non-joiner between می and خواهم: kept as
    written, and never the first character of a line (it belongs to the letter before it)."""
    word = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert clean(word) == word
    lines = wrap(word * 2, 3)
    assert "".join(lines) == word * 2
    assert all(line[0] != "\u200c" for line in lines)
    assert lines[0] == "\u0645\u06cc\u200c"


def test_a_cut_never_parts_a_letter_from_its_marks() -> None:
    """Cut before its accent, an "é" would be shown as an "e": the cut falls before the
    letter instead."""
    assert wrap("a" * 8 + "e" + ACUTE + "b" * 10, 10, max_lines=1) == ["a" * 8 + "…"]
    assert shorten("a" * 8 + "e" + ACUTE + "b" * 10, 10) == "a" * 8 + "…"
    assert shorten("x" * 7 + THUMB * 3, 9) == "x" * 7 + "…"


def test_wrap_of_nothing_is_one_empty_line() -> None:
    assert wrap("", 10) == [""]
    assert wrap("   \n ", 10) == [""]


def test_clean_joins_lines_and_drops_controls() -> None:
    assert clean("a\n  b\tc\r\nd") == "a b c d"
    assert clean("bell\x07 nul\x00 esc\x1b[2J ok") == "bell nul esc[2J ok"
    assert clean("lone \ud800 surrogate") == "lone surrogate"
    # NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR end lines as a newline does
    assert clean("para sep\x85nel\u2028line\u2029para") == "para sep nel line para"


def test_clean_shows_characters_that_change_how_text_reads() -> None:
    # a right-to-left override would draw "Pay 100 love" (Trojan Source); zero-width
    # characters hide between letters: each is drawn as its escape
    assert clean("Pay \u202eevol 001\u202c now") == "Pay \\u202eevol 001\\u202c now"
    assert clean("zero\u200bwidth\u2060joined\ufeff") == "zero\\u200bwidth\\u2060joined\\ufeff"
    assert clean("isolate \u2067x\u2069 mark \u200f\u061c") == (
        "isolate \\u2067x\\u2069 mark \\u200f\\u061c"
    )
    assert clean("soft\u00adhyphen") == "soft\u00adhyphen"  # shows only at a line's end
    hebrew_and_arabic = "\u05e9\u05dc\u05d5\u05dd and \u0633\u0644\u0627\u0645"
    assert clean(hebrew_and_arabic) == hebrew_and_arabic  # right-to-left scripts need no controls


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short enough", 20, "short enough"),
        ("we concluded that the structural flaws are serious", 30, "we concluded that the…"),
        ("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"),
    ],
)
def test_shorten_cuts_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_citation_names_authors_and_year() -> None:
    two = Source("s", "T", Origin("m", 1, 1), authors=("Greg Anderson", "Christopher Sands"))
    assert citation(two, "s", "para 12") == "Anderson & Sands, para 12"
    dated = Source("s", "T", Origin("m", 1, 1), authors=("Doe, J.",), date="2021-03-04")
    assert citation(dated, "s", None) == "Doe 2021"
    many = Source("s", "T", Origin("m", 1, 1), authors=("A B", "C D", "E F"), date="1999")
    assert citation(many, "s", "p. 3") == "B et al. 1999, p. 3"
    assert citation(SOURCE, "s", "para 1") == "Montebello Moment Came and Went, para 1"
    assert citation(None, "missing-source", "line 4") == "missing-source, line 4"


def test_labels_double_backslashes_and_escape_ampersands() -> None:
    assert label_text(["a \\N b", "x & y"]) == "a \\\\N b\\nx &amp; y"
    assert label_text(["left"], align="left") == "left\\l"


def test_each_line_is_cleaned_before_it_is_escaped_and_wraps_mark_is_kept() -> None:
    """A line that is not clean (spaces, a control) is cleaned first; one that wrap began with
    a direction mark (which is not printable) keeps it, and the rest is cleaned."""
    assert label_text(["  a  b\\c & d ", "e\x00f\tg"]) == "a b\\\\c &amp; d\\nef g"
    assert label_text(["\u200fשלום  עולם & \\"]) == "\u200fשלום עולם &amp; \\\\"
    # a second mark is text, shown as an escape (whose backslash is doubled in turn)
    assert label_text(["\u200e\u200eab "]) == "\u200e\\\\u200eab"
    assert tooltip_text(["a\x00b  c", "\u200fd"]) == "ab c\\n\\\\\\\\u200fd"


def test_tooltips_write_a_backslash_four_times() -> None:
    # Graphviz unescapes a tooltip twice: once reading the DOT, once writing the SVG.
    assert tooltip_text(["a \\N", "", "b"]) == "a \\\\\\\\N\\nb"


def test_escaped_text_is_never_an_html_label() -> None:
    import graphviz

    assert type(label_text(["<b>bold</b>"])).__name__ == "NoHtml"
    graph = graphviz.Digraph()
    graph.node("n", label_text(["<b>bold</b>"]))
    assert 'label="<b>bold</b>"' in graph.source
