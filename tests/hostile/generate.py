"""Hostile inputs too big, too binary or too special to commit: made at test time.

Each generator writes into ``project`` (the folder argmap runs in, marked as a project by an
empty ``.git``) and may put things in ``outside`` (a sibling folder that the project must never
reach). ``cases.toml`` names the generator of a case and holds its expectations, like those of
the committed cases.
"""

from __future__ import annotations

import os
import random
import zlib
from collections.abc import Callable
from pathlib import Path

Generator = Callable[[Path, Path], None]
GENERATORS: dict[str, Generator] = {}

HEAD = "argmap: 1\n"
THESIS = "claims:\n  t: {text: The thesis., kind: thesis}\n"
MB = 1024 * 1024
SEED = 20261128  # random content is random once: the same bytes on every run


def generator(function: Generator) -> Generator:
    GENERATORS[function.__name__.replace("_", "-")] = function
    return function


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _source_map(file: str, quote: str = "the quoted words") -> str:
    return (
        f"{HEAD}sources:\n  s: {{title: A source, file: '{file}'}}\n"
        "claims:\n  a:\n    text: A claim.\n    kind: thesis\n"
        f"    evidence:\n      - {{quote: '{quote}', source: s, locator: para 1}}\n"
    )


def _words(rng: random.Random, count: int) -> str:
    syllables = [
        *("ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "den", "por", "lin", "qua"),
        *("be", "gu", "fo", "ze", "wi", "ya", "har", "mun", "tek", "sol", "dra", "pix"),
    ]
    return " ".join(
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)
    )


# --- nesting and size ---------------------------------------------------------------------
@generator
def nesting_flow_sequence(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", HEAD + "claims: " + "[" * 10_000 + "]" * 10_000 + "\n")


@generator
def nesting_flow_mapping(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", HEAD + "claims: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n")


@generator
def nesting_block_sequence(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", HEAD + "claims:\n" + "- " * 10_000 + "x\n")


@generator
def nesting_block_mapping(project: Path, outside: Path) -> None:
    # Indented block mappings grow quadratically: 2,000 levels are already 2 MB.
    lines = "".join(" " * depth + f"k{depth}:\n" for depth in range(2_000))
    _write(project / "map.yaml", HEAD + "claims:\n" + lines)


@generator
def sixty_megabytes(project: Path, outside: Path) -> None:
    line = b"  c: {text: A claim that is repeated to fill sixty megabytes., kind: premise}\n"
    with (project / "map.yaml").open("wb") as handle:
        handle.write(HEAD.encode() + b"claims:\n")
        block = line * (MB // len(line))
        for _ in range(60):
            handle.write(block)


@generator
def one_byte_over_the_limit(project: Path, outside: Path) -> None:
    body = HEAD + THESIS
    _write(project / "map.yaml", body + "#" * (10 * MB + 1 - len(body) - 1) + "\n")


@generator
def just_under_the_limit(project: Path, outside: Path) -> None:
    """10 MB of comments, then an unknown key: found, at its line, in time."""
    body = HEAD + THESIS
    tail = "bogus: 1\n"
    filler = "# a comment line of a file that is nearly ten megabytes long\n"
    count = (10 * MB - len(body) - len(tail)) // len(filler)
    _write(project / "map.yaml", body + filler * count + tail)


@generator
def long_line(project: Path, outside: Path) -> None:
    """One 5 MB line, with the error at its end: the excerpt is cut around the column."""
    text = "word " * (MB)
    _write(project / "map.yaml", HEAD + "claims:\n  a: {text: " + text + ", kind: thesis, x: 1}\n")


@generator
def alias_fan_out(project: Path, outside: Path) -> None:
    """Not exponential: one big list aliased a few times, past the limit of 10,000 nodes."""
    items = ", ".join(f"w{i}" for i in range(4_000))
    _write(project / "map.yaml", HEAD + f"a: &a [{items}]\nb: [*a, *a, *a]\nclaims: {{}}\n")


# --- encodings and bytes ------------------------------------------------------------------
@generator
def invalid_utf8(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", b"argmap: 1\nclaims:\n  a: {text: caf\xe9 noir, kind: thesis}\n")


@generator
def overlong_utf8(project: Path, outside: Path) -> None:
    # An overlong encoding of '/', a classic filter bypass.
    _write(project / "map.yaml", b"argmap: 1\ninclude: [..\xc0\xafetc]\n")


@generator
def utf16_with_bom(project: Path, outside: Path) -> None:
    text = HEAD + THESIS + "  b: {text: Another claim., suports: t}\n"
    _write(project / "map.yaml", b"\xff\xfe" + text.encode("utf-16-le"))


@generator
def utf16_without_bom(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", (HEAD + THESIS).encode("utf-16-le"))


@generator
def utf32_bom_truncated(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", b"\xff\xfe\x00\x00" + (HEAD + THESIS).encode("utf-32-le")[:-3])


@generator
def utf8_bom_with_error(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", b"\xef\xbb\xbf" + (HEAD + THESIS + "bogus: 1\n").encode())


@generator
def nul_byte(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", b"argmap: 1\nclaims:\n  a: {text: a\x00b, kind: thesis}\n")


@generator
def random_binary(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", random.Random(SEED).randbytes(64 * 1024))


@generator
def gzip_bytes(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", zlib.compress((HEAD + THESIS).encode() * 1000))


@generator
def control_characters_in_file_name(project: Path, outside: Path) -> None:
    """A file name that would recolour a terminal and forge a line: shown escaped."""
    _write(project / "maps" / "evil\x1b[31m\nfake.yaml:1:1: ok.yaml", HEAD + "bogus: 1\n")


# --- special files ------------------------------------------------------------------------
@generator
def map_is_a_fifo(project: Path, outside: Path) -> None:
    os.mkfifo(project / "map.yaml")


@generator
def folder_with_fifo(project: Path, outside: Path) -> None:
    _write(project / "maps" / "good.yaml", HEAD + THESIS)
    os.mkfifo(project / "maps" / "pipe.yaml")


@generator
def map_symlink_loop(project: Path, outside: Path) -> None:
    _write(project / "maps" / "good.yaml", HEAD + THESIS)
    os.symlink("b.yaml", project / "maps" / "a.yaml")
    os.symlink("a.yaml", project / "maps" / "b.yaml")


@generator
def include_symlink_out(project: Path, outside: Path) -> None:
    _write(outside / "secret.yaml", HEAD + "claims:\n  secret: {text: A secret claim.}\n")
    os.symlink(outside / "secret.yaml", project / "part.yaml")
    _write(project / "map.yaml", HEAD + "include: [part.yaml]\n" + THESIS)


@generator
def include_symlink_loop(project: Path, outside: Path) -> None:
    os.symlink("b.yaml", project / "a.yaml")
    os.symlink("a.yaml", project / "b.yaml")
    _write(project / "map.yaml", HEAD + "include: [a.yaml]\n" + THESIS)


@generator
def include_fifo(project: Path, outside: Path) -> None:
    os.mkfifo(project / "part.yaml")
    _write(project / "map.yaml", HEAD + "include: [part.yaml]\n" + THESIS)


@generator
def include_huge(project: Path, outside: Path) -> None:
    _write(project / "part.yaml", HEAD + "#" * (12 * MB) + "\n")
    _write(project / "map.yaml", HEAD + "include: [part.yaml]\n" + THESIS)


@generator
def include_chain(project: Path, outside: Path) -> None:
    """500 files, each including the next; the last one has an error."""
    count = 500
    for i in range(count):
        name = "map.yaml" if i == 0 else f"parts/p{i}.yaml"
        include = f"include: [{'parts/' if i == 0 else ''}p{i + 1}.yaml]\n" if i < count - 1 else ""
        claim = f"claims:\n  c{i}: {{text: Claim {i}., kind: assumption, supports: t}}\n"
        extra = "bogus: 1\n" if i == count - 1 else ""
        first = "  t: {text: The thesis., kind: thesis}\n" if i == 0 else ""
        _write(project / name, HEAD + include + claim + first + extra)


@generator
def source_symlink_out(project: Path, outside: Path) -> None:
    _write(outside / "secret.txt", "the quoted words, and a secret\n")
    os.symlink(outside / "secret.txt", project / "source.txt")
    _write(project / "map.yaml", _source_map("source.txt"))


@generator
def source_symlink_device(project: Path, outside: Path) -> None:
    os.symlink("/dev/zero", project / "zero.txt")
    _write(project / "map.yaml", _source_map("zero.txt"))


@generator
def source_symlink_loop(project: Path, outside: Path) -> None:
    os.symlink("b.txt", project / "a.txt")
    os.symlink("a.txt", project / "b.txt")
    _write(project / "map.yaml", _source_map("a.txt"))


@generator
def source_fifo(project: Path, outside: Path) -> None:
    os.mkfifo(project / "source.txt")
    _write(project / "map.yaml", _source_map("source.txt"))


@generator
def source_huge(project: Path, outside: Path) -> None:
    with (project / "source.txt").open("wb") as handle:
        block = b"the quoted words and many more words besides\n" * (MB // 46)
        for _ in range(21):
            handle.write(block)
    _write(project / "map.yaml", _source_map("source.txt"))


@generator
def source_binary(project: Path, outside: Path) -> None:
    _write(project / "source.txt", random.Random(SEED).randbytes(256 * 1024))
    _write(project / "map.yaml", _source_map("source.txt"))


@generator
def source_invalid_utf8(project: Path, outside: Path) -> None:
    _write(project / "source.txt", b"the quoted words\n\ncaf\xe9 au lait\n")
    _write(project / "map.yaml", _source_map("source.txt"))


@generator
def source_charset_undefined(project: Path, outside: Path) -> None:
    """A page, not UTF-8, that declares Python's codec "undefined" (no browser's)."""
    page = b'<html><head><meta charset="undefined"></head><p>the quoted words, caf\xe9</p>'
    _write(project / "page.html", page)
    _write(project / "map.yaml", _source_map("page.html"))


@generator
def source_charset_unicode_escape(project: Path, outside: Path) -> None:
    """A page, not UTF-8, declaring Python's unicode_escape: it shows "the \\x71uoted words",
    which that codec would make "the quoted words"."""
    page = b'<html><head><meta charset="unicode_escape"></head><p>the \\x71uoted words, caf\xe9'
    _write(project / "page.html", page)
    _write(project / "map.yaml", _source_map("page.html"))


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects``, numbered from 1, the first the catalogue."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws ``content`` (uncompressed) in Helvetica."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _pages_pdf(pages: list[list[str]], fonts: bytes = b"") -> bytes:
    """A PDF with a page for each list of lines, set in Helvetica (font ``/F1``), or in the
    font object ``fonts`` if given."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count)).encode()
    font = fonts or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        font,
    ]
    for i, lines in enumerate(pages):
        shown = "".join(f"({line}) Tj T*\n" for line in lines).encode("latin-1")
        content = b"BT /F1 12 Tf 14 TL 72 720 Td\n" + shown + b"ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _pdf(objects)


def _located_map(file: str, quote: str, locator: str) -> str:
    return _source_map(file, quote).replace("locator: para 1", f"locator: {locator}")


@generator
def source_pdf_5000_pages(project: Path, outside: Path) -> None:
    """5,000 pages, each with a running head that alternates between left- and right-hand
    pages and carries its page number, a foot, and a sentence running on to the next page;
    the map quotes the one from page 2,500 to 2,501 as on page 1."""
    rng = random.Random(SEED)
    pages = []
    for number in range(1, 5001):
        head = f"{number} Journal of Studies" if number % 2 else f"A Study of Trade {number}"
        body = [_words(rng, 9) for _ in range(6)]
        pages.append([head, *body, "Downloaded on 29 November 2026", str(number)])
    pages[2499][-3] = "the leaders took no action"
    pages[2500][1] = "to make the partnership more transparent"
    _write(project / "paper.pdf", _pages_pdf(pages))
    quote = "took no action to make the partnership more transparent"
    _write(project / "map.yaml", _located_map("paper.pdf", quote, "page 1"))


@generator
def source_pdf_encrypted(project: Path, outside: Path) -> None:
    """A PDF that opens only with a password."""
    import io

    import pypdf

    plain = pypdf.PdfReader(io.BytesIO(_pages_pdf([["the quoted words"]])))
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    _write(project / "paper.pdf", out.getvalue())
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_pdf_broken_xref(project: Path, outside: Path) -> None:
    """Every offset of the cross-reference table off by some bytes, and startxref pointing
    nowhere: read by scanning the file; the quote is on page 2, the map says para 1."""
    data = _pages_pdf([["a first page"], ["the quoted words"]])
    table = data.index(b"xref\n")
    entries = data[table:].replace(b" 00000 n", b"7 00000 n").replace(b"\n00000", b"\n0000")
    entries = entries[: entries.index(b"startxref")] + b"startxref\n999999\n%%EOF\n"
    _write(project / "paper.pdf", data[:table] + entries)
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_pdf_no_text_layer(project: Path, outside: Path) -> None:
    """Pages that draw no text: a scan without OCR."""
    _write(project / "paper.pdf", _pages_pdf([[], []]))
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_pdf_font_without_tounicode(project: Path, outside: Path) -> None:
    """Text shown through a font with its own glyph names and no ToUnicode map: pypdf reads
    the glyph names, not the words."""
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom"
        b" /Encoding << /Differences [97 /g1 /g2 /g3 /g4 /g5 /g6 /g7 /g8 /g9 /g10 /g11 /g12"
        b" /g13 /g14 /g15 /g16 /g17 /g18 /g19 /g20 /g21 /g22 /g23 /g24 /g25 /g26] >> >>"
    )
    _write(project / "paper.pdf", _pages_pdf([["the quoted words"]], font))
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_pdf_deep_bomb(project: Path, outside: Path) -> None:
    """A page's content compressed three times over: 300 bytes that inflate to 50 MB, each
    stage under pypdf's limit on what one stream may inflate to."""
    content = b"BT /F1 12 Tf 72 720 Td (the quoted words) Tj ET\n" + b" " * (50 * MB)
    filters = []
    for _ in range(3):
        content = zlib.compress(content, 9)
        filters.append(b"/FlateDecode")
    stream = b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(content), b" ".join(filters))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    _write(project / "paper.pdf", _pdf(objects))
    _write(project / "map.yaml", _source_map("paper.pdf", "words the page never shows"))


@generator
def source_pdf_bomb(project: Path, outside: Path) -> None:
    """A PDF page whose content stream inflates from 100 KB to 100 MB."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (the quoted words) Tj ET\n" + b" " * (100 * MB))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    _write(project / "paper.pdf", _pdf(objects))
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_pdf_page_of_10mb(project: Path, outside: Path) -> None:
    """One page that shows 10 MB of text, a line at a time."""
    line = b"(the quoted words and many more words of text) Tj T*\n"
    content = b"BT /F1 12 Tf 14 TL 72 720 Td\n" + line * (10 * MB // len(line)) + b"ET"
    _write(project / "paper.pdf", _one_page_pdf(content))
    _write(project / "map.yaml", _source_map("paper.pdf"))


@generator
def source_html_deep(project: Path, outside: Path) -> None:
    html = "<html><body>" + "<div>" * 100_000 + "the quoted words" + "</div>" * 100_000
    _write(project / "page.html", html + "<script>var quoted = 1;</script></body></html>")
    _write(project / "map.yaml", _source_map("page.html"))


@generator
def source_one_long_line(project: Path, outside: Path) -> None:
    """A 5 MB source without a line break, and a quote that is nowhere in it."""
    rng = random.Random(SEED)
    _write(project / "source.txt", _words(rng, 700_000))
    _write(project / "map.yaml", _source_map("source.txt", "a quote that the source never says"))


def _long_markup(project: Path, name: str, text: str) -> None:
    _write(project / name, text)
    _write(project / "map.yaml", _source_map(name, "a quote that the source never says"))


@generator
def markdown_long_code_span(project: Path, outside: Path) -> None:
    """A 6 MB code span: the regular expressions kept some 170 bytes of state per character."""
    _long_markup(project, "source.md", "the quoted words\n\n`" + "a" * (6 * MB) + "`\n")


@generator
def markdown_long_link_target(project: Path, outside: Path) -> None:
    _long_markup(project, "source.md", "the quoted words\n\n[a](" + "b" * (6 * MB) + ")\n")


@generator
def markdown_long_emphasis(project: Path, outside: Path) -> None:
    _long_markup(project, "source.md", "the quoted words\n\n*" + "a\n" * (3 * MB) + "*\n")


@generator
def markdown_long_block_quote_marker(project: Path, outside: Path) -> None:
    _long_markup(project, "source.md", "the quoted words\n\n" + "> " * (3 * MB) + "\n")


@generator
def markdown_long_strikethrough(project: Path, outside: Path) -> None:
    _long_markup(project, "source.md", "the quoted words\n\n~~" + "a\n" * (3 * MB) + "a~~\n")


@generator
def markdown_escaped_backticks(project: Path, outside: Path) -> None:
    """3 million escaped backticks: one run of 6 million characters that need work (each
    backtick a quotation mark, each backslash hidden), which took 980 MB, a tuple for each."""
    _long_markup(project, "source.md", "the quoted words\n\n" + "\\`" * (3 * MB) + "\n")


@generator
def markdown_unclosed_comments(project: Path, outside: Path) -> None:
    """1.5 million comments opened and never closed: as many dashes between plain text."""
    _long_markup(project, "source.md", "the quoted words\n\n" + "<!--" * 1_500_000 + "\n")


@generator
def markdown_backslashes(project: Path, outside: Path) -> None:
    """6 MB of backslashes: each pair shows one, the other hidden, after every character."""
    _long_markup(project, "source.md", "the quoted words\n\n" + "\\" * (6 * MB) + "\n")


@generator
def markdown_code_spans(project: Path, outside: Path) -> None:
    """3 million backticks, a letter after each: code spans, their delimiters hidden."""
    _long_markup(project, "source.md", "the quoted words\n\n" + "`a" * (3 * MB) + "\n")


@generator
def markdown_emphasis_marks(project: Path, outside: Path) -> None:
    """3 million asterisks, a letter after each: emphasis, its marks hidden."""
    _long_markup(project, "source.md", "the quoted words\n\n" + "*a" * (3 * MB) + "\n")


@generator
def text_zero_width_spaces(project: Path, outside: Path) -> None:
    """A zero-width space after every letter of a plain text source: 3 million runs."""
    _long_markup(project, "source.txt", "the quoted words\n\n" + "\u200ba" * (3 * MB) + "\n")


@generator
def text_spaced_dashes(project: Path, outside: Path) -> None:
    """3 million dashes, a space after each: one run, a token for each character (1 GB)."""
    _long_markup(project, "source.txt", "the quoted words\n\n" + "- " * (3 * MB) + "\n")


@generator
def html_long_style(project: Path, outside: Path) -> None:
    """A style attribute of one word of a million letters: its declarations were looked for
    from each letter again (quadratic: minutes)."""
    page = f'<p style="{"a" * MB}">the quoted words</p>\n'
    _long_markup(project, "page.html", page)


@generator
def html_struck_words(project: Path, outside: Path) -> None:
    """500,000 struck-out words in a row: as many struck marks, one run folded mark by mark."""
    page = "<p>the quoted words</p><p>" + "<del>a</del>" * 500_000 + "</p>\n"
    _long_markup(project, "page.html", page)


@generator
def html_many_paragraphs(project: Path, outside: Path) -> None:
    """A million paragraphs of one letter, none closed: two million blocks ended."""
    _long_markup(project, "page.html", "<p>the quoted words</p>" + "<p>a" * 1_000_000 + "\n")


@generator
def html_nested_superscripts(project: Path, outside: Path) -> None:
    """9,990 superscripts nested (just under the depth limit), each after a digit and holding
    1,000 letters: whether each starts an exponent was read from all the text under it."""
    nest = ("<sup>2" + "x" * 1000 + "1") * 9_990
    _long_markup(project, "page.html", "<p>the quoted words</p><p>1" + nest + "\n")


@generator
def footnote_markers_12mb(project: Path, outside: Path) -> None:
    """4 million footnote markers after one word, in a plain text source."""
    _long_markup(project, "source.txt", "the quoted words" + "[1]" * (4 * MB) + "\n")


@generator
def long_quote(project: Path, outside: Path) -> None:
    """A 200 KB quote, close to a 2 MB source but not in it: the fuzzy search must not crawl."""
    rng = random.Random(SEED)
    source = _words(rng, 300_000)
    _write(project / "source.txt", source)
    quote = source[1_000_000:1_200_000].replace("ka", "ko")
    _write(project / "map.yaml", _source_map("source.txt", quote))


@generator
def many_quotes(project: Path, outside: Path) -> None:
    """2,000 quotes, none of them in the source: each is searched for, fuzzily too."""
    rng = random.Random(SEED)
    _write(project / "source.txt", "\n\n".join(_words(rng, 80) for _ in range(2_000)))
    lines = [HEAD, "sources:\n  s: {title: A source, file: source.txt}\n", "claims:\n"]
    lines.append("  t:\n    text: The thesis.\n    kind: thesis\n    evidence:\n")
    for _ in range(2_000):
        lines.append(f"      - {{quote: '{_words(rng, 12)}', source: s}}\n")
    _write(project / "map.yaml", "".join(lines))


@generator
def quote_long_insertion(project: Path, outside: Path) -> None:
    """A quote that begins with a 100 KB insertion, one long word then another, of a source
    whose "not" stands right before the quoted words: the word that ends the insertion is
    found at once. The insertion stands for that "not" without saying it: AM001."""
    _write(project / "source.txt", "They did not approve the plan.\n")
    _write(project / "map.yaml", _source_map("source.txt", f"[{'a' * 100_000}!b] approve the plan"))


# --- scale --------------------------------------------------------------------------------
def _claims(count: int, chain: bool) -> list[str]:
    """Claims of distinct random words (so that no two are near-duplicates)."""
    rng = random.Random(SEED)
    lines = [HEAD, "claims:\n", "  c0: {text: The thesis., kind: thesis}\n"]
    for i in range(1, count):
        target = f"c{i - 1}" if chain else "c0"
        lines.append(f"  c{i}: {{text: {_words(rng, 4)}, kind: assumption, supports: {target}}}\n")
    return lines


@generator
def claims_100k(project: Path, outside: Path) -> None:
    """100,000 claims for one thesis; the last one hides a right-to-left override."""
    lines = _claims(100_000, chain=False)
    lines.append('  end: {text: "The \u202eend.", kind: assumption, supports: c0}\n')
    _write(project / "map.yaml", "".join(lines))


@generator
def cycle_10k(project: Path, outside: Path) -> None:
    """10,000 claims for one thesis and a support cycle: the semantics of a cyclic map (the
    gradual scores are iterated, not computed in one pass)."""
    lines = _claims(10_000, chain=False)
    lines.append("  x1: {text: 'First of a circle.', kind: assumption, supports: x2}\n")
    lines.append("  x2: {text: 'Second of a circle.', kind: assumption, supports: x1}\n")
    _write(project / "map.yaml", "".join(lines))


@generator
def chain_100k(project: Path, outside: Path) -> None:
    """A chain of support 100,000 claims deep; its last claim hides a zero-width space."""
    lines = _claims(100_000, chain=True)
    lines.append('  end: {text: "The end\u200b of it.", kind: assumption, supports: c99999}\n')
    _write(project / "map.yaml", "".join(lines))


@generator
def chain_5k(project: Path, outside: Path) -> None:
    """A chain of support 5,000 claims deep: deep enough for any recursion, small enough to draw."""
    _write(project / "map.yaml", "".join(_claims(5_000, chain=True)))


@generator
def dangling_20k(project: Path, outside: Path) -> None:
    """20,000 references to nothing: each reported, and fast ("did you mean" for each one
    against 20,000 names would be 400 million comparisons)."""
    lines = [HEAD, "claims:\n", "  c0: {text: The thesis., kind: thesis}\n"]
    lines.extend(
        f"  c{i}: {{text: 'Claim {i}.', kind: assumption, supports: nothing{i}}}\n"
        for i in range(1, 20_000)
    )
    _write(project / "map.yaml", "".join(lines))


# --- configuration ------------------------------------------------------------------------
def _configured(project: Path, name: str, text: str) -> None:
    _write(project / "map.yaml", HEAD + THESIS)
    _write(project / name, text)


@generator
def config_tool_not_a_table(project: Path, outside: Path) -> None:
    """Generated, not committed: ruff and other tools read every pyproject.toml in the tree."""
    text = '# [tool] is a table in every pyproject.toml; here it is text\ntool = "argmap"\n'
    _configured(project, "pyproject.toml", text + '\n[project]\nname = "x"\n')


@generator
def config_too_large(project: Path, outside: Path) -> None:
    """An argmap.toml one byte over 1 MB (valid TOML: a setting, then comments)."""
    body = "similarity = 80\n"
    _configured(project, "argmap.toml", body + "#" * (MB - len(body)) + "\n")


@generator
def config_fifo(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", HEAD + THESIS)
    os.mkfifo(project / "argmap.toml")


@generator
def config_directory(project: Path, outside: Path) -> None:
    _write(project / "map.yaml", HEAD + THESIS)
    (project / "pyproject.toml").mkdir()


@generator
def config_deep_nesting(project: Path, outside: Path) -> None:
    """Arrays 100,000 deep: tomllib recurses on them (RecursionError at about 400)."""
    _configured(project, "argmap.toml", "x = " + "[" * 100_000 + "\n")


@generator
def config_dotted_key_bomb(project: Path, outside: Path) -> None:
    """A key of 500,000 dotted parts: tomllib takes time quadratic in them (hours)."""
    _configured(project, "argmap.toml", "a" + ".a" * 500_000 + " = 1\n")


@generator
def config_number_too_many_digits(project: Path, outside: Path) -> None:
    """More digits than Python's int() reads (4,300): tomllib raises a bare ValueError."""
    _configured(project, "argmap.toml", "similarity = 80\nlong-text = " + "9" * 5_000 + "\n")


# --- imports ------------------------------------------------------------------------------
@generator
def import_deep_json(project: Path, outside: Path) -> None:
    _write(project / "map.json", "[" * 100_000 + "]" * 100_000)


@generator
def import_fifo(project: Path, outside: Path) -> None:
    os.mkfifo(project / "map.json")


@generator
def import_deep_argdown(project: Path, outside: Path) -> None:
    lines = "".join("  " * i + f"+ <a{i}>: a reason {i}\n" for i in range(1, 1_500))
    _write(project / "map.argdown", "[t]: The thesis.\n" + lines)
