"""A standalone SVG names itself: a root <title> and <desc> that its root points at; a map
drawn for a page does not (the page names it). Its boxes link to a report only when asked."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from xml.dom.minidom import parseString

import pytest
from click.testing import CliRunner

from argmap.argument_map import ArgumentMap
from argmap.cli import main
from argmap.render import OutputFormat, RenderOptions, dot_source, render_map
from argmap.render.document import DocumentName, describe, name_comment, named, read_name
from argmap.verdict import Verdict

from .conftest import FIXTURES, MONTEBELLO

SVG = (
    b'<?xml version="1.0"?>\n<svg width="10pt" height="10pt"\n viewBox="0 0 10 10">\n'
    b'<g id="map"/>\n</svg>\n'
)


def test_describe_counts_what_the_map_holds() -> None:
    assert describe(
        claims=12,
        arguments=1,
        attacks=0,
        quotes=3,
        verdicts=[Verdict.SUPPORTED, Verdict.UNSUPPORTED, Verdict.SUPPORTED],
    ) == (
        "Argument map: 12 claims, 1 argument, 0 attacks and 3 quotes. "
        "Verdicts: 2 supported, 1 unsupported."
    )
    assert describe(claims=1, arguments=0, attacks=0, quotes=0, verdicts=[]) == (
        "Argument map: 1 claim, 0 arguments, 0 attacks and 0 quotes."
    )


def test_the_name_travels_in_the_dot_on_one_line_of_ascii() -> None:
    name = DocumentName('Les "Écoles"\n</title><script>', "Argument map: 1 claim.", "t", "d")
    comment = name_comment(name)
    assert "\n" not in comment and comment.isascii()
    assert read_name(f"// {comment}\ndigraph argmap {{\n}}\n") == DocumentName(
        'Les "Écoles" </title><script>', "Argument map: 1 claim.", "t", "d"
    )
    assert read_name("digraph argmap {\n}\n") is None


def test_named_puts_title_and_desc_first_in_the_root() -> None:
    name = DocumentName("A & <B>", "Argument map: 1 claim.", "map-title", "map-desc")
    assert named(SVG, name) == (
        b'<?xml version="1.0"?>\n'
        b'<svg role="graphics-document document" aria-labelledby="map-title" '
        b'aria-describedby="map-desc" width="10pt" height="10pt"\n viewBox="0 0 10 10">\n'
        b'<title id="map-title">A &amp; &lt;B&gt;</title>\n'
        b'<desc id="map-desc">Argument map: 1 claim.</desc>\n'
        b'<g id="map"/>\n</svg>\n'
    )


@pytest.mark.exe
def test_a_standalone_svg_is_named_by_the_map(montebello: ArgumentMap) -> None:
    svg = render_map(montebello, OutputFormat.SVG, options=RenderOptions(standalone=True))
    head = svg[: svg.find(b"<g ")].decode()
    root = re.search(r"<svg [^>]*>", head)
    assert root is not None
    assert root.group().startswith(
        '<svg role="graphics-document document" aria-labelledby="map-title" '
        'aria-describedby="map-desc" width="'
    )
    assert head.endswith(
        '<title id="map-title">Montebello Moment Came and Went</title>\n'
        '<desc id="map-desc">Argument map: 42 claims, 28 arguments, 8 attacks and 45 quotes.'
        "</desc>\n"
    )
    assert svg.count(b"<title") == 1 and svg.count(b"<desc") == 1


@pytest.mark.exe
def test_a_map_for_a_page_has_no_name_of_its_own(montebello: ArgumentMap) -> None:
    svg = render_map(montebello, OutputFormat.SVG, options=RenderOptions(id_prefix="map-"))
    assert b"<title" not in svg and b"<desc" not in svg and b"aria-" not in svg
    assert b"role=" not in svg


def test_the_name_is_in_the_dot_so_a_new_title_makes_the_drawing_stale(
    montebello: ArgumentMap,
) -> None:
    source = dot_source(montebello, options=RenderOptions(standalone=True))
    assert source.startswith(
        '// argmap-document: {"title": "Montebello Moment Came and Went", '
        '"description": "Argument map: 42 claims, 28 arguments, 8 attacks and 45 quotes.", '
        '"title_id": "map-title", "description_id": "map-desc"}\ndigraph argmap {\n'
    )
    assert not dot_source(montebello).startswith("//")


def test_a_focused_view_says_so_in_its_title(montebello: ArgumentMap) -> None:
    name = read_name(
        dot_source(montebello, options=RenderOptions(standalone=True, focus="spp-fails", depth=1))
    )
    assert name is not None
    assert name.title == "Montebello Moment Came and Went, around spp-fails, 1 step"


def test_links_are_left_out_when_asked(montebello: ArgumentMap) -> None:
    source = dot_source(montebello, options=RenderOptions(links=False))
    assert "URL=" not in source
    assert 'tooltip="' in source  # the text of each box is still its tooltip


@pytest.mark.exe
def test_render_writes_no_link_that_leads_nowhere(runner: CliRunner, tmp_path: Path) -> None:
    """The report's ``#claim-ID`` anchors exist only in the report: a standalone SVG that
    linked to them led nowhere."""
    shutil.copy(MONTEBELLO, tmp_path / "montebello.yaml")
    (tmp_path / "argmap.toml").write_text("")
    result = runner.invoke(main, ["render", str(tmp_path / "montebello.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "montebello.svg").read_bytes()
    assert b"href" not in svg
    assert b'<title id="map-title">Montebello Moment Came and Went</title>' in svg


@pytest.mark.exe
def test_link_to_report_links_each_box_to_its_card(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("grammar.yaml",):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "argmap.toml").write_text("")
    out = tmp_path / "renders"
    result = runner.invoke(
        main, ["render", str(tmp_path / "grammar.yaml"), "-o", str(out), "--link-to-report"]
    )
    assert result.exit_code == 0, result.output
    svg = (out / "grammar.svg").read_text()
    links = re.findall(r'xlink:href="([^"]*)"', svg)
    assert links and all(re.fullmatch(r"grammar\.html#(claim|evidence)-[\w.-]+", h) for h in links)
    assert '<a xlink:href="grammar.html#claim-uniforms"' in svg


@pytest.mark.exe
def test_a_link_to_the_report_of_a_map_with_a_space_in_its_name(
    runner: CliRunner, tmp_path: Path
) -> None:
    shutil.copy(FIXTURES / "grammar.yaml", tmp_path / "my map.yaml")
    (tmp_path / "argmap.toml").write_text("")
    args = ["render", str(tmp_path / "my map.yaml"), "-o", str(tmp_path), "--link-to-report"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert '<a xlink:href="my%20map.html#claim-uniforms"' in (tmp_path / "my map.svg").read_text()
    checked = runner.invoke(main, [*args, "--check"])
    assert checked.exit_code == 0, checked.output
    unlinked = runner.invoke(main, [*args[:-1], "--check"])
    assert unlinked.exit_code == 1  # the drawing with links is not the one without


@pytest.mark.exe
def test_a_hostile_title_is_the_title_word_for_word(hostile: ArgumentMap) -> None:
    svg = render_map(hostile, OutputFormat.SVG, options=RenderOptions(standalone=True))
    title = parseString(svg).getElementsByTagName("title")
    assert [t.firstChild.data for t in title] == ['Hostile "title" \\N <b>bold</b> ]; x [']


@pytest.mark.exe
def test_a_title_that_reads_like_markup_is_drawn_as_text(montebello: ArgumentMap) -> None:
    """The title went into <title> with its quotes as they were, and the safety check read
    ``<a href="javascript:alert(4)">`` in it as a script link: the render was refused."""
    title = "<a href=\"javascript:alert(4)\">x</a><svg onload='alert(3)'>"
    svg = render_map(
        replace(montebello, title=title), OutputFormat.SVG, options=RenderOptions(standalone=True)
    )
    assert [t.firstChild.data for t in parseString(svg).getElementsByTagName("title")] == [title]
    assert (
        b'<title id="map-title">&lt;a href=&quot;javascript:alert(4)&quot;&gt;x&lt;/a&gt;'
        b"&lt;svg onload=&#x27;alert(3)&#x27;&gt;</title>" in svg
    )
