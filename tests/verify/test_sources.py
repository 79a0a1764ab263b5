"""Reading sources: structure for locators, and a clear SourceError for every hostile file."""

from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import io
import os
import pkgutil
from pathlib import Path

import pypdf
import pytest

from argmap.verify import (
    SourceError,
    SourceProblem,
    SourceText,
    Span,
    Status,
    parse_source,
    read_source,
    source_kind,
    verify_quote,
)

from .conftest import FIXTURES, load
from .pdfmaker import THREE_PAGES, make_pdf


def error(source: SourceText | SourceError) -> SourceError:
    assert isinstance(source, SourceError), source
    return source


def text(source: SourceText | SourceError) -> SourceText:
    assert isinstance(source, SourceText), source
    return source


# --- structure -------------------------------------------------------------------------------


def test_paragraphs_are_blank_line_separated_blocks_from_the_top(montebello: SourceText) -> None:
    # Line 1, "Skip to main content", is paragraph 1; the quote of para 5 is on line 9.
    assert montebello.kind == "text"
    assert len(montebello.paragraphs) == 30
    assert montebello.paragraphs[0] == Span(0, 20)
    assert montebello.text[montebello.paragraphs[4].start :].startswith("Prime Minister Harper")
    assert montebello.position(527).paragraph == 5
    assert montebello.pages == (Span(0, len(montebello.text)),)


def test_several_blank_lines_are_one_separator() -> None:
    source = text(parse_source(b"one\n\n\n\n  \t\ntwo\nthree\n", "x.txt", "text"))
    assert source.paragraphs == (Span(0, 3), Span(11, 20))
    assert source.line_starts == (0, 4, 5, 6, 7, 11, 15, 21)


def test_position_is_one_based() -> None:
    source = text(parse_source(b"ab\ncd\n\nef", "x.txt", "text"))
    assert [(p.line, p.column, p.paragraph, p.page) for p in map(source.position, (0, 4, 7))] == [
        (1, 1, 1, 1),
        (2, 2, 1, 1),
        (4, 1, 2, 1),
    ]


def test_crlf_line_breaks() -> None:
    source = load("crlf.txt")
    assert source.line_starts == (0, 27, 38, 40, 64)
    assert source.paragraphs == (Span(0, 36), Span(40, 62))


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Title\n\nSome *emphasis* here.\n", encoding="utf-8")
    source = text(read_source(path))
    assert source.kind == "markdown"
    assert source.text == "# Title\n\nSome *emphasis* here.\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.MD", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.pdf", "pdf"),
        ("noext", "text"),
    ],
)
def test_source_kind(name: str, kind: str) -> None:
    assert source_kind(name) == kind


# --- HTML ------------------------------------------------------------------------------------


def test_html_visible_text_only_with_blocks_as_paragraphs() -> None:
    source = load("page.html")
    assert source.kind == "html"
    assert source.text == (
        "The Summit\n\n"
        "The leaders met at Montebello in August.\n\n"
        "They agreed on nothing of substance.\n\n"
        "First line\nsecond line\n\n"
        "Security\n\n"
        "Prosperity\n\n"
        "Prices\u00a0rose \u201csharply\u201d \u2014 by 5%."
    )
    assert len(source.paragraphs) == 7


def test_html_declared_charset_is_honoured() -> None:
    assert load("latin1-declared.html").text == "Café crème à Montréal."


@pytest.mark.parametrize(
    "label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "windows-1252"]
)
def test_html_latin1_or_ascii_means_windows_1252(label: str) -> None:
    # As browsers read it (the WHATWG Encoding Standard): a page declaring Latin-1 has its
    # curly quotes and dashes at 0x80-0x9F, and they are not control characters.
    data = f'<meta charset="{label}"><p>'.encode() + b"\x93Caf\xe9\x94 \x96 cr\xe8me \x81</p>"
    assert (
        text(parse_source(data, "x.html", "html")).text
        == "\u201cCaf\u00e9\u201d \u2013 cr\u00e8me \x81"
    )


@pytest.mark.parametrize(
    ("label", "encoded", "expected"),
    [
        # the WHATWG Encoding Standard's labels, each read as the wider encoding browsers use
        ("gb2312", "朱镕基".encode("gbk"), "朱镕基"),
        ("GB_2312-80", "朱镕基".encode("gbk"), "朱镕基"),
        ("chinese", "朱镕基".encode("gbk"), "朱镕基"),
        ("iso-8859-9", b"\x93Merhaba d\xfcnya\x94 \x80", "\u201cMerhaba d\u00fcnya\u201d \u20ac"),
        ("latin5", b"\x93Merhaba\x94", "\u201cMerhaba\u201d"),
        ("shift_jis", "①日本".encode("cp932"), "①日本"),
        ("windows-31j", "①日本".encode("cp932"), "①日本"),
        ("euc-kr", "똠방각하".encode("cp949"), "똠방각하"),
        ("big5", "㐵中文".encode("big5hkscs"), "㐵中文"),
        ("tis-620", "ไทย\u2026".encode("cp874"), "ไทย\u2026"),
        ("iso-8859-11", "ไทย\u2026".encode("cp874"), "ไทย\u2026"),
        ("iso-8859-8-i", "שלום".encode("iso8859-8"), "שלום"),
        ("x-mac-cyrillic", "Привет".encode("mac-cyrillic"), "Привет"),
        ("unicode-1-1-utf-8", "d\u00e9j\u00e0".encode("latin-1"), None),
    ],
)
def test_html_charset_labels_are_read_as_browsers_read_them(
    label: str, encoded: bytes, expected: str | None
) -> None:
    data = f'<meta charset="{label}"><p>'.encode() + encoded + b"</p>"
    source = parse_source(data, "x.html", "html")
    if expected is None:  # UTF-8 that is not: refused, as before
        assert error(source).problem is SourceProblem.INVALID_ENCODING
    else:
        assert text(source).text == expected


@pytest.mark.parametrize("label", ["hz-gb-2312", "iso-2022-kr", "csiso2022kr", "iso-2022-cn"])
def test_html_declaring_a_replacement_encoding_is_not_decoded(label: str) -> None:
    # Browsers show such a page as one U+FFFD (WHATWG "replacement"): nothing in it is read,
    # so the declaration is not honoured, as for UTF-7.
    data = f'<meta charset="{label}"><p>caf'.encode() + b"\xe9</p>"
    assert error(parse_source(data, "x.html", "html")).message == (
        f"x.html: not valid UTF-8 text (byte 0xe9 at line 1, column {len(label) + 24}, "
        f"offset {len(label) + 23}); "
        "save the file as UTF-8"
    )


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "koi8-r"])
def test_html_in_valid_utf8_is_utf8_whatever_it_declares(label: str) -> None:
    # A page saved from the web keeps the <meta> of the bytes it was served as, while the
    # server's header (which browsers obey first) said UTF-8: valid UTF-8 wins, as
    # decode() documents, instead of turning "Café" into "CafÃ©".
    data = f'<meta charset="{label}"><p>Caf\u00e9 \u201cquoted\u201d</p>'.encode()
    assert text(parse_source(data, "x.html", "html")).text == "Caf\u00e9 \u201cquoted\u201d"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "utf-32"])
def test_html_declaring_utf16_in_a_meta_is_read_as_utf8(label: str) -> None:
    # A page whose <meta> can be read at all is not in UTF-16 (that starts with a byte-order
    # mark, which wins): browsers read it as UTF-8, and so does argmap.
    data = f'<meta charset="{label}"><p>D\u00e9j\u00e0 vu here</p>'.encode()
    assert text(parse_source(data, "x.html", "html")).text == "D\u00e9j\u00e0 vu here"


def test_html_declaring_utf7_is_not_decoded_as_utf7() -> None:
    # Browsers never decode UTF-7: the page shows "a+AGE-b", and no quote may verify "aab".
    data = b'<meta charset="utf-7"><p>a+AGE-b</p>'
    assert text(parse_source(data, "x.html", "html")).text == "a+AGE-b"


@pytest.mark.parametrize(
    ("label", "escape"),
    [
        ("undefined", "\\x71"),  # a codec that fails on every byte, with a UnicodeError
        ("unicode_escape", "\\x71"),
        ("unicode-escape", "\\161"),
        ("raw_unicode_escape", "\\u0071"),
    ],
)
def test_html_declaring_a_python_escape_codec_is_not_decoded_with_it(
    label: str, escape: str
) -> None:
    # Python's codecs, not a browser's: the page shows "the \x71uoted words", and no quote
    # may verify "the quoted words"; nor may a codec that raises a bare UnicodeError stop
    # the run. Like UTF-7 or an unknown label, the declaration is not honoured.
    page = f'<meta charset="{label}"><p>caf'
    data = page.encode() + b"\xe9 the " + escape.encode() + b"uoted</p>"
    error = parse_source(data, "x.html", "html")
    assert isinstance(error, SourceError)
    assert error.problem is SourceProblem.INVALID_ENCODING
    assert error.message == (
        f"x.html: not valid UTF-8 text (byte 0xe9 at line 1, column {len(label) + 24}, "
        f"offset {len(label) + 23}); "
        "save the file as UTF-8"
    )


def test_html_declaring_any_codec_python_knows_never_raises() -> None:
    # A <meta charset> may name any of Python's codecs: each gives text or a SourceError.
    names = set(encodings.aliases.aliases.values())
    names |= {module.name for module in pkgutil.iter_modules(encodings.__path__)}
    data = b"<p>caf\xe9 \\x41 \\u0041 \x1b$B \xff\xfe +AGE- xn--caf-dma</p>"
    for name in sorted(names):
        page = f'<meta charset="{name}">'.encode() + data
        assert isinstance(parse_source(page, "x.html", "html"), SourceText | SourceError), name


def _html(body: str) -> SourceText:
    return text(parse_source(body.encode(), "x.html", "html"))


@pytest.mark.parametrize(
    "markup",
    [
        "<p>The plan <span hidden>never</span> works.</p>",
        '<p>The plan <span style="display:none">never</span> works.</p>',
        '<p>The plan <span style="color: red; DISPLAY : None !important">never</span> works.</p>',
        '<p>The plan <span style="visibility: hidden">never</span> works.</p>',
        '<p>The plan <span style="visibility:collapse">never</span> works.</p>',
        '<p>The plan <b style="visibility:hidden"><i>never</i></b> works.</p>',
        "<p>The plan <template>never</template> works.</p>",
        "<div>The plan <dialog>never</dialog> works.</div>",
        '<p>The plan <datalist><option value="x">never</option></datalist> works.</p>',
    ],
)
def test_html_hidden_text_is_not_read(markup: str) -> None:
    source = _html(markup)
    assert source.text == "The plan works."
    assert verify_quote("The plan never works.", source).status is not Status.VERIFIED


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        # the last declaration wins, as in CSS; a child may be visible in a hidden parent
        ('<p>A <span style="display:none; display: inline">b</span> c</p>', "A b c"),
        ('<p>A <span style="visibility:hidden">x <b style="visibility:visible">b</b></span> c</p>',
         "A b c"),
        # seen by every sighted reader: aria-hidden hides from screen readers only
        ('<p>A <span aria-hidden="true">b</span> c</p>', "A b c"),
        ('<p>A <span style="display: inline-block">b</span> c</p>', "A b c"),
        ("<div>A <dialog open>b</dialog> c</div>", "A\n\nb\n\nc"),
    ],
)  # fmt: skip
def test_html_text_shown_despite_hiding_words_is_read(markup: str, shown: str) -> None:
    assert _html(markup).text == shown


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("<p>About 10<sup>6</sup> tonnes</p>", "About 10^6 tonnes"),
        ("<p>About 10<sup>-3</sup> m</p>", "About 10^-3 m"),
        ("<p>About 10<sup><b>12</b></sup> stars</p>", "About 10^12 stars"),
        ("<p>Read 10<sub>2</sub> as binary</p>", "Read 10_2 as binary"),
        # not after a number: a footnote, a chemical formula, an ordinal read as typed
        ("<p>It works<sup>3</sup> well</p>", "It works3 well"),
        ("<p>Drink H<sub>2</sub>O</p>", "Drink H2O"),
        ("<p>The 21<sup>st</sup> century</p>", "The 21st century"),
        ("<p>In 2010<sup>[3]</sup> it rose</p>", "In 2010[3] it rose"),
    ],
)
def test_html_superscript_after_a_number_does_not_join_it(markup: str, shown: str) -> None:
    assert _html(markup).text == shown


def test_html_power_of_ten_is_no_number_of_its_own() -> None:
    source = _html("<p>It costs 10<sup>6</sup> dollars a year.</p>")
    assert verify_quote("It costs 10^6 dollars", source).status is Status.VERIFIED
    assert verify_quote("It costs 10\u2076 dollars", source).status is Status.VERIFIED
    for quote in ("It costs 106 dollars", "It costs 10 dollars", "It costs 10", "6 dollars"):
        assert verify_quote(quote, source).status not in (
            Status.VERIFIED,
            Status.VERIFIED_WITH_EDITS,
        ), quote


def test_html_footnote_superscript_in_brackets_is_still_a_footnote() -> None:
    source = _html("<p>In 2010<sup>[3]</sup> it rose.</p>")
    assert verify_quote("In 2010 it rose.", source).status is Status.VERIFIED


def test_html_preformatted_lines_are_kept() -> None:
    markup = b"<pre>first  line\n  second</pre><p>after</p>"
    assert text(parse_source(markup, "x.html", "html")).text == "first line\nsecond\n\nafter"


def test_deeply_nested_html_does_not_overflow() -> None:
    markup = b"<div>" * 5000 + b"deep text" + b"</div>" * 5000
    assert text(parse_source(markup, "x.html", "html")).text == "deep text"


def test_html_without_visible_text_is_empty() -> None:
    problem = error(parse_source(b"<script>var a = 1;</script>", "x.html", "html"))
    assert problem.problem is SourceProblem.EMPTY
    assert problem.message == "x.html: the file holds no visible text"


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_fixture_is_the_generated_one() -> None:
    assert (FIXTURES / "three-pages.pdf").read_bytes() == make_pdf(THREE_PAGES)


def test_pdf_pages_become_page_spans() -> None:
    source = load("three-pages.pdf")
    assert source.kind == "pdf"
    assert len(source.pages) == 3
    for span, lines in zip(source.pages, THREE_PAGES, strict=True):
        assert source.text[span.start : span.end] == "\n".join(lines)
    assert [source.page_at(span.start) for span in source.pages] == [1, 2, 3]
    assert source.paragraphs == source.pages  # a page break is always a paragraph break


ALGORITHMS = ["RC4-128", "AES-128", "AES-256"]  # AES as Acrobat encrypts for "no copying"


def _encrypted(user_password: str, algorithm: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(THREE_PAGES))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pdf_encrypted_with_a_password_is_refused(algorithm: str) -> None:
    problem = error(parse_source(_encrypted("secret", algorithm), "locked.pdf", "pdf"))
    assert problem.problem is SourceProblem.ENCRYPTED
    assert problem.message == (
        "locked.pdf: the PDF is encrypted with a password; save a copy without one"
    )


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pdf_encrypted_with_an_empty_password_is_read(algorithm: str) -> None:
    """Publishers' PDFs that forbid copying are encrypted with AES and an empty password:
    they were refused (pypdf opens AES only with the 'cryptography' package, now installed
    with argmap)."""
    source = text(parse_source(_encrypted("", algorithm), "open.pdf", "pdf"))
    assert len(source.pages) == 3
    assert source.text == text(parse_source(make_pdf(THREE_PAGES), "plain.pdf", "pdf")).text


def test_pdf_with_an_unknown_filter() -> None:
    data = make_pdf(THREE_PAGES).replace(b"<< /Length", b"<< /Filter /Nonsense /Length", 1)
    problem = error(parse_source(data, "odd.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == (
        "odd.pdf: the PDF cannot be read (NotImplementedError: Unsupported filter /Nonsense)"
    )


def test_pdf_whose_pages_hold_themselves() -> None:
    data = make_pdf(THREE_PAGES).replace(b"/Kids [4 0 R", b"/Kids [2 0 R", 1)
    problem = error(parse_source(data, "loop.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == "loop.pdf: the PDF cannot be read: Detected cyclic page references."


def test_pdf_of_more_pages_than_are_read() -> None:
    from argmap.verify.pdftext import MAX_PAGES

    problem = error(parse_source(make_pdf([[]] * (MAX_PAGES + 1)), "long.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == "long.pdf: the PDF has 5001 pages, more than 5000"


def test_broken_pdf() -> None:
    problem = error(read_source(FIXTURES / "broken.pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message.startswith(f"{FIXTURES / 'broken.pdf'}: the PDF cannot be read")


def test_not_a_pdf_at_all() -> None:
    problem = error(parse_source(b"plain words", "fake.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == "fake.pdf: not a PDF file (it does not start with '%PDF-')"


@pytest.mark.parametrize("cut", [20, 200, 600, 1000])
def test_truncated_pdf_never_raises(cut: int) -> None:
    result = parse_source(make_pdf(THREE_PAGES)[:cut], "cut.pdf", "pdf")
    assert isinstance(result, SourceText | SourceError)


def test_pdf_page_with_too_much_text_is_refused_before_it_is_all_read() -> None:
    """pypdf takes time that grows with the square of a page's text (1 MB: 3 s, 4 MB: 28 s,
    10 MB: minutes): a page of more than MAX_PAGE_TEXT characters is refused as it is read."""
    from argmap.verify.pdftext import MAX_PAGE_TEXT

    line = "the quoted words and many more words of text " * 2
    lines = [line] * (MAX_PAGE_TEXT // len(line) + 1)
    problem = error(parse_source(make_pdf([["a short first page"], lines]), "huge.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == (
        "huge.pdf: page 2 of the PDF holds more than 500,000 characters of text, more than "
        "argmap reads from one page"
    )


def test_pdf_page_inflating_past_the_limit_through_stacked_filters_is_refused() -> None:
    """A page's instructions compressed several times over pass pypdf's limit on what one
    stage may inflate to (300 bytes became 50 MB of spaces, which pypdf then parsed for
    10 s): a page whose filters inflate it past MAX_PAGE_CONTENT bytes is refused unread."""
    from argmap.verify.pdftext import MAX_PAGE_CONTENT

    data = make_pdf([["a short page"], ["the quoted words"]], flate=2, padding=MAX_PAGE_CONTENT)
    assert len(data) < 100_000
    problem = error(parse_source(data, "bomb.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == (
        "bomb.pdf: page 1 of the PDF inflates to more than 16 MB of drawing instructions, "
        "more than argmap reads from one page"
    )


def test_pdf_page_compressed_twice_is_read() -> None:
    data = make_pdf(THREE_PAGES, flate=2, padding=1000)
    assert text(parse_source(data, "twice.pdf", "pdf")).text == (
        text(parse_source(make_pdf(THREE_PAGES), "plain.pdf", "pdf")).text
    )


# A font of its own glyph names, none of them a letter's, and no ToUnicode map: nothing says
# which letter a glyph draws (a PDF some typesetting tools write).
GLYPHS_ONLY = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /Encoding << /Differences [97 "
    + b" ".join(b"/g%d" % n for n in range(1, 27))
    + b"] >> >>"
)


def test_pdf_whose_text_is_glyph_names_is_said_to_be_unreadable() -> None:
    """pypdf gave such a PDF's text as its glyph names ('/g20/g8/g5 /g17/g21...'): every quote
    was AM001 'not found', its closest passage '“g5 /g17”'. The source is refused as it is,
    unreadable (AM013), saying why."""
    data = make_pdf([["the quoted words"], ["and more words on the next page"]], font=GLYPHS_ONLY)
    problem = error(parse_source(data, "names.pdf", "pdf"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == (
        "names.pdf: the PDF's text cannot be read: its fonts name their glyphs (/g20, /g8...) "
        "without saying which letters they are (no ToUnicode map); export the PDF again with "
        "its text, or save the text as a .txt file"
    )


def test_pdf_that_names_a_few_paths_is_read() -> None:
    lines = ["Logs go to /var/log/argmap, calls to /api/v2/claims, settings to /etc/argmap.toml."]
    assert "/var/log/argmap" in text(parse_source(make_pdf([lines]), "paths.pdf", "pdf")).text


def test_pdf_page_with_as_much_text_as_is_read() -> None:
    from argmap.verify.pdftext import MAX_PAGE_TEXT

    line = "the quoted words and many more words of text " * 2
    lines = [line] * (MAX_PAGE_TEXT // (len(line) + 1) - 1)
    source = text(parse_source(make_pdf([lines]), "long.pdf", "pdf"))
    assert len(source.text) <= MAX_PAGE_TEXT
    assert source.text.count("the quoted words") == 2 * len(lines)


def test_pdf_without_text() -> None:
    problem = error(parse_source(make_pdf([[], []]), "scan.pdf", "pdf"))
    assert problem.problem is SourceProblem.EMPTY
    assert problem.message == "scan.pdf: the file holds no text (is it a scanned PDF?)"


# --- hostile files ---------------------------------------------------------------------------


def test_invalid_utf8() -> None:
    path = FIXTURES / "invalid-utf8.txt"
    problem = error(read_source(path))
    assert problem.problem is SourceProblem.INVALID_ENCODING
    assert problem.message == (
        f"{path}: not valid UTF-8 text (byte 0xff at line 2, column 18, offset 30); "
        "save the file as UTF-8"
    )


def test_invalid_utf8_replaced_on_request() -> None:
    source = text(read_source(FIXTURES / "invalid-utf8.txt", errors="replace"))
    assert source.lossy is True
    assert source.text == "Valid start.\nThen a bad byte: \ufffd here.\n"


def test_empty_source() -> None:
    path = FIXTURES / "empty.txt"
    problem = error(read_source(path))
    assert (problem.problem, problem.message) == (SourceProblem.EMPTY, f"{path}: the file is empty")


def test_whitespace_only_source_is_empty() -> None:
    assert error(read_source(FIXTURES / "whitespace-only.txt")).problem is SourceProblem.EMPTY


def test_binary_source() -> None:
    path = FIXTURES / "binary.txt"
    problem = error(read_source(path))
    assert problem.problem is SourceProblem.BINARY
    assert problem.message == f"{path}: a binary file, not text (NUL byte at offset 8)"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(encoding: str) -> None:
    # Not "a binary file": the file is text, in an encoding argmap cannot tell without a BOM.
    data = "D\u00e9j\u00e0 vu, said the report.\n".encode(encoding)
    problem = error(parse_source(data, "x.txt", "text"))
    assert problem.problem is SourceProblem.INVALID_ENCODING
    assert problem.message == (
        "x.txt: UTF-16 text without a byte-order mark; save the file as UTF-8"
    )


def test_size_limit() -> None:
    path = FIXTURES / "montebello.txt"
    problem = error(read_source(path, max_bytes=1000))
    assert problem.problem is SourceProblem.TOO_LARGE
    assert problem.message == f"{path}: larger than the limit of 1000 bytes"
    assert isinstance(read_source(path, max_bytes=6564), SourceText)


def test_missing_file(tmp_path: Path) -> None:
    problem = error(read_source(tmp_path / "gone.txt"))
    assert problem.problem is SourceProblem.NOT_FOUND
    assert problem.message == f"{tmp_path / 'gone.txt'}: no such file"


def test_folder_is_not_a_source(tmp_path: Path) -> None:
    problem = error(read_source(tmp_path))
    assert problem.problem is SourceProblem.UNREADABLE
    assert problem.message == f"{tmp_path}: is a folder, not a file"


def test_fifo_is_not_a_source(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    problem = error(read_source(fifo))  # refused before a byte is read: it never blocks
    assert problem.problem is SourceProblem.UNREADABLE
    assert problem.message == f"{fifo}: a named pipe, not a regular file"


def test_path_through_a_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("words\n", encoding="utf-8")
    path = tmp_path / "notes.txt" / "inside.txt"
    problem = error(read_source(path))
    assert problem.problem is SourceProblem.UNREADABLE
    assert problem.message == f"{path}: cannot be read (Not a directory)"


@pytest.mark.parametrize(
    ("size", "limit", "shown"),
    [(2049, 2048, "2 KB"), (1537, 1536, "1.5 KB"), (3 * 1024 * 1024, 1024 * 1024, "1 MB")],
)
def test_size_limit_in_kilobytes_and_megabytes(size: int, limit: int, shown: str) -> None:
    problem = error(parse_source(b"a" * size, "big.txt", "text", max_bytes=limit))
    assert problem.problem is SourceProblem.TOO_LARGE
    assert problem.message == f"big.txt: larger than the limit of {shown}"


def test_a_nul_in_a_few_bytes_is_binary() -> None:
    # too short to tell UTF-16 by its zeros
    problem = error(parse_source(b"ab\x00c", "x.txt", "text"))
    assert problem.problem is SourceProblem.BINARY
    assert problem.message == "x.txt: a binary file, not text (NUL byte at offset 2)"


@pytest.mark.parametrize(
    ("bom", "encoding", "offset"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", 2 + 2 + 2 + 4),  # the emoji is two code units
        (codecs.BOM_UTF16_BE, "utf-16-be", 2 + 2 + 2 + 4),
        (codecs.BOM_UTF32_LE, "utf-32-le", 4 + 4 * 3),
        (codecs.BOM_UTF32_BE, "utf-32-be", 4 + 4 * 3),
    ],
)
def test_a_nul_in_utf16_or_utf32_is_placed_at_its_byte(
    bom: bytes, encoding: str, offset: int
) -> None:
    # the offset of the bytes, as for any other binary file, not of the decoded characters
    data = bom + "ab\U0001f600\x00c".encode(encoding)
    problem = error(parse_source(data, "x.txt", "text"))
    assert problem.problem is SourceProblem.BINARY
    assert problem.message == f"x.txt: a binary file, not text (NUL byte at offset {offset})"
    assert data[offset : offset + len(bom)].strip(b"\x00") == b""


def test_html_not_utf8_declaring_no_charset_is_read_as_utf8() -> None:
    problem = error(parse_source(b"<p>caf\xe9</p>", "x.html", "html"))
    assert problem.problem is SourceProblem.INVALID_ENCODING
    assert problem.message == (
        "x.html: not valid UTF-8 text (byte 0xe9 at line 1, column 7, offset 6); save the file "
        "as UTF-8"
    )


def test_html_nested_too_deep_is_refused() -> None:
    from argmap.verify.htmltext import MAX_DEPTH

    page = "<div>" * (MAX_DEPTH + 1) + "the quoted words" + "</div>" * (MAX_DEPTH + 1)
    problem = error(parse_source(page.encode(), "deep.html", "html"))
    assert problem.problem is SourceProblem.BROKEN
    assert problem.message == (
        "deep.html: the page nests its elements more than 10,000 deep; save its text as a .txt file"
    )
    shallow = "<div>" * MAX_DEPTH + "the quoted words" + "</div>" * MAX_DEPTH
    assert text(parse_source(shallow.encode(), "deep.html", "html")).text == "the quoted words"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    data = bom + "Déjà vu\n\nagain".encode(encoding)
    source = text(parse_source(data, "x.txt", "text"))
    assert source.text == "Déjà vu\n\nagain"
    assert len(source.paragraphs) == 2


def test_pypdf_is_imported_only_for_a_pdf_source(tmp_path: Path) -> None:
    """pypdf costs ~50 ms to import: a map that quotes no PDF must not pay it."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("The sky is blue today.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from argmap.verify.sources import read_source\n"
        "read_source(Path(sys.argv[1]))\n"
        "print('pypdf' in sys.modules)\n"
    )
    text = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert text.stdout.strip() == "False"


def test_every_whatwg_label_names_a_codec_python_has() -> None:
    from argmap.verify.charsets import _BY_LABEL

    assert len(_BY_LABEL) == 228
    for label, codec in _BY_LABEL.items():
        assert codec is None or codecs.lookup(codec), label


def test_a_power_of_ten_in_a_text_source_is_no_other_number() -> None:
    from argmap.verify import build_source_text

    source = build_source_text("a.txt", "text", ["It costs 10\u2076 dollars, or 10^-3 each."])
    assert verify_quote("It costs 10^6 dollars", source).status is Status.VERIFIED
    assert verify_quote("It costs 10\u2076 dollars", source).status is Status.VERIFIED
    for quote in ("It costs 106 dollars", "It costs 10", "6 dollars", "-3 each", "3 each"):
        assert verify_quote(quote, source).status not in (
            Status.VERIFIED,
            Status.VERIFIED_WITH_EDITS,
        ), quote


# Running heads: the journal's name on top of every page but the first, its page number at the
# foot of each, and a sentence running from one page to the next.
_RUNNING = (
    ("Trade and Security", "The partnership began in 2005.", "Page 1 of 4"),
    (
        "Journal of North American Studies 12 (2007)",
        "The leaders met at Montebello and took no action",
        "Page 2 of 4",
    ),
    (
        "Journal of North American Studies 12 (2007)",
        "to make the partnership more transparent.",
        "Page 3 of 4",
    ),
    ("Journal of North American Studies 12 (2007)", "The gov-", "Page 4 of 4"),
)


def test_pdf_running_heads_and_page_numbers_are_dropped() -> None:
    source = text(parse_source(make_pdf(_RUNNING), "x.pdf", "pdf"))
    assert [source.text[span.start : span.end] for span in source.pages] == [
        "Trade and Security\nThe partnership began in 2005.",
        "The leaders met at Montebello and took no action",
        "to make the partnership more transparent.",
        "The gov-",
    ]
    check = verify_quote("took no action to make the partnership more transparent", source)
    assert check.status is Status.VERIFIED
    assert (check.location.page, check.location.end_page) == (2, 3)  # type: ignore[union-attr]


def test_pdf_running_heads_only_on_some_pages_are_kept() -> None:
    # a line that starts two pages of five is no running head: it may be what the page says
    pages = [
        ("Summary", "one"),
        ("Summary", "two"),
        ("Methods", "three"),
        ("Results", "four"),
        ("Notes", "five"),
    ]
    source = text(parse_source(make_pdf(pages), "x.pdf", "pdf"))
    assert source.text.count("Summary") == 2


def _book(heads: list[str], bodies: list[str]) -> bytes:
    """A PDF of pages with the running head ``heads[i]`` above ``bodies[i]`` and the page
    number at the foot."""
    return make_pdf(
        [(head, body, str(n)) for n, (head, body) in enumerate(zip(heads, bodies, strict=True), 1)]
    )


_WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
]
# twelve pages, four chapters of three: a sentence runs from page 2 to page 3
_BODIES = [f"The {word} page of the book." for word in _WORDS]
_BODIES[1] = "The committee met in private and"
_BODIES[2] = "decided to publish nothing at all."


def test_pdf_chapter_running_heads_are_dropped() -> None:
    # a book or report: each chapter's title stands atop each of its pages; a head that runs
    # through one chapter of many is on far fewer than a third of the pages, yet runs
    heads = [f"Chapter {name}" for name in ("One", "Two", "Three", "Four") for _ in range(3)]
    source = text(parse_source(_book(heads, _BODIES), "book.pdf", "pdf"))
    assert [source.text[span.start : span.end] for span in source.pages] == _BODIES
    check = verify_quote("met in private and decided to publish nothing", source)
    assert check.status is Status.VERIFIED
    assert (check.location.page, check.location.end_page) == (2, 3)  # type: ignore[union-attr]


def test_pdf_alternating_book_and_chapter_heads_are_dropped() -> None:
    # the book's title on left-hand (even) pages, the chapter's on right-hand (odd) ones
    chapters = [f"Chapter {name}" for name in ("One", "Two") for _ in range(3)]
    heads = [chapters[n // 2] if n % 2 == 0 else "A History of Committees" for n in range(12)]
    source = text(parse_source(_book(heads, _BODIES), "book.pdf", "pdf"))
    assert [source.text[span.start : span.end] for span in source.pages] == _BODIES


_TEN = ["Notes", "Index", "End", "Aims", "Scope", "Terms", "Law"]
_REST = [f"{word}\n{word.lower()} text" for word in _TEN]


@pytest.mark.parametrize(
    ("pages", "kept"),
    [
        # a line with no words atop three pages in a row of ten: a table's numbers, kept
        (
            ["12 14\nx", "15 17\ny", "18 19\nz", *_REST],
            ["12 14\nx", "15 17\ny", "18 19\nz", *_REST],
        ),
        # a title atop two pages in a row is what they say, not a running head
        (
            ["Summary\na", "Summary\nb", *_REST],
            ["Summary\na", "Summary\nb", *_REST],
        ),
        # ... atop three in a row, or on three alternate pages, it is one
        (
            ["Part A\na", "Part A\nb", "Part A\nc", *_REST],
            ["a", "b", "c", *_REST],
        ),
        (
            ["Part A\na", "Aims\nb", "Part A\nc", "Law\nd", "Part A\ne", *_REST],
            ["a", "Aims\nb", "c", "Law\nd", "e", *_REST],
        ),
        # three pages apart, it is not
        (
            [
                "Part A\na",
                "Aims\nb",
                "Law\nc",
                "Part A\nd",
                "Scope\ne",
                "Law\nf",
                "Part A\ng",
                *_REST,
            ],
            [
                "Part A\na",
                "Aims\nb",
                "Law\nc",
                "Part A\nd",
                "Scope\ne",
                "Law\nf",
                "Part A\ng",
                *_REST,
            ],
        ),
    ],
)
def test_running_heads_of_a_run_of_pages(pages: list[str], kept: list[str]) -> None:
    from argmap.verify.pdftext import drop_running_heads

    assert drop_running_heads(pages) == kept


@pytest.mark.parametrize(
    ("pages", "kept"),
    [
        # page numbers alone, in any form, at the foot
        (["a\n1", "b\n2", "c\n3"], ["a", "b", "c"]),
        (["a\n- 1 -", "b\n- 2 -", "c\n- 3 -"], ["a", "b", "c"]),
        # at the top, with the date, and blank lines around
        (["\n  Report, 3 May  \n\na", "Report, 4 May\nb", "Report, 5 May\nc"], ["a", "b", "c"]),
        # a single page has no running heads
        (["Title\nbody\n1"], ["Title\nbody\n1"]),
        # the text between them is kept whole, even where it repeats the head
        (["H\nx\nH\ny\nF", "H\nz\nF", "H\nw\nF"], ["x\nH\ny", "z", "w"]),
    ],
)
def test_running_heads_dropped_from_page_texts(pages: list[str], kept: list[str]) -> None:
    from argmap.verify.pdftext import drop_running_heads

    assert drop_running_heads(pages) == kept


def test_html_q_in_hidden_text_shows_no_quotation_marks() -> None:
    # the marks a browser draws around a <q> are drawn only where the <q> is seen
    source = _html('<p hidden>x <q>y</q></p><div style="display:none"><q>z</q></div><p>w</p>')
    assert source.text == "w"


def test_html_line_breaks_at_the_start_of_a_block_make_no_blank_lines() -> None:
    source = _html("<p><br><br>a<br>b</p><p>c<br></p>")
    assert source.text == "a\nb\n\nc"
    assert source.line_starts == (0, 2, 4, 5)


def test_html_q_shows_its_quotation_marks() -> None:
    source = _html("<p>He said <q>we will <q>never</q> yield</q> today.</p>")
    assert source.text == "He said \u201cwe will \u2018never\u2019 yield\u201d today."
    assert verify_quote("He said \"we will 'never' yield\"", source).status is Status.VERIFIED


@pytest.mark.parametrize("element", ["del", "s", "strike"])
def test_html_struck_out_words_cannot_be_quoted_nor_silently_crossed(element: str) -> None:
    # as in Markdown (docs/format.md): the reader sees them struck, taken back
    source = _html(f"<p>The board <{element}>did not approve</{element}> approved the plan.</p>")
    assert source.text == "The board \ue001 approved the plan."
    for quote in ("did not approve", "The board approved the plan"):
        assert verify_quote(quote, source).status not in (
            Status.VERIFIED,
            Status.VERIFIED_WITH_EDITS,
        ), quote
    assert verify_quote("The board ... approved the plan", source).status is (
        Status.VERIFIED_WITH_EDITS
    )


def test_a_mixed_number_or_a_fraction_is_quoted_whole() -> None:
    from argmap.verify import build_source_text

    source = build_source_text("a.txt", "text", ["Prices rose by 1\u00bd percent, 2/3 of them."])
    for quote in ("rose by 1\u00bd percent", "rose by 1 1/2 percent", "2/3 of them"):
        assert verify_quote(quote, source).status is Status.VERIFIED, quote
    for quote in ("rose by 11", "rose by 1", "1/2 percent", "rose by 11/2", "3 of them", "by 2"):
        assert verify_quote(quote, source).status not in (
            Status.VERIFIED,
            Status.VERIFIED_WITH_EDITS,
        ), quote


def test_html_in_iso_2022_jp_is_decoded_though_it_is_seven_bit() -> None:
    # ISO-2022-JP is all 7-bit bytes, so always valid UTF-8, with escape sequences (ESC $ B)
    # that no UTF-8 text holds: browsers decode it as declared, and so does argmap.
    data = b'<meta charset="iso-2022-jp"><p>' + "日本語の文".encode("iso2022_jp") + b"</p>"
    assert text(parse_source(data, "x.html", "html")).text == "日本語の文"


def test_html_struck_out_words_are_named_in_a_passage() -> None:
    source = _html("<p>The board <del>did not approve</del> approved the plan.</p>")
    check = verify_quote("The board approved the plan", source)
    assert check.passage == "The board [struck out] approved the plan"


def test_html_ruby_annotations_are_not_read() -> None:
    # a reading set above the base text (furigana), and the parentheses only browsers without
    # ruby show: a quote gives the base text
    source = _html("<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby>を読む</p>")
    assert source.text == "漢字を読む"
    assert verify_quote("漢字を読む", source).status is Status.VERIFIED


def test_pdf_of_pages_alike_but_for_their_numbers_keeps_its_text() -> None:
    # invoices from one template: every line stands on every page, the same but for its
    # numbers, as a running head does; dropped, they left "no text (is it a scanned PDF?)"
    pages = [(f"Invoice {n}", f"Total due: {10 * n} USD") for n in range(1, 4)]
    source = text(parse_source(make_pdf(pages), "invoices.pdf", "pdf"))
    assert [source.text[span.start : span.end] for span in source.pages] == [
        "Invoice 1\nTotal due: 10 USD",
        "Invoice 2\nTotal due: 20 USD",
        "Invoice 3\nTotal due: 30 USD",
    ]
    check = verify_quote("Total due: 20 USD", source)
    assert check.status is Status.VERIFIED
    assert check.location.page == 2  # type: ignore[union-attr]


def test_pdf_running_heads_that_alternate_are_dropped() -> None:
    # a journal's name on the left-hand pages, the article's title on the right-hand ones,
    # after a title page without either
    pages: list[tuple[str, ...]] = [("Title page", "The study began in 2005 and")]
    words = ["spring", "summer", "autumn", "winter", "march", "april", "june", "july"]
    for number, word in enumerate(words, 2):
        head = "Journal of Studies" if number % 2 == 0 else "A Study of Trade"
        pages.append((head, f"went on through {word} and", str(number)))
    source = text(parse_source(make_pdf(pages), "x.pdf", "pdf"))
    assert "Journal" not in source.text
    assert "A Study" not in source.text
    check = verify_quote("went on through summer and went on through autumn", source)
    assert check.status is Status.VERIFIED
