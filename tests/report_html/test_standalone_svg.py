"""A standalone SVG (``argmap render``) in a browser: where a click on a box leads.

Its boxes linked to ``#claim-ID``, the report's anchor, which in the SVG is the box itself:
a click on a box led to the box it was on. Now a box links nowhere (its text is its
tooltip), unless ``--link-to-report`` links it to its card in the report beside it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.exe]
GRAMMAR = Path(__file__).parents[1] / "render" / "fixtures" / "grammar.yaml"
TITLE = "School uniforms, every shape and arrow"


def rendered(folder: Path, *options: str) -> Path:
    """grammar.yaml drawn by ``argmap render`` into ``folder``, and its report beside it."""
    folder.mkdir()
    (folder / "argmap.toml").write_text("")
    shutil.copy(GRAMMAR, folder / "grammar.yaml")
    runner = CliRunner()
    for command in (["render", *options], ["report"]):
        result = runner.invoke(main, [*command, str(folder / "grammar.yaml"), "-o", str(folder)])
        assert result.exit_code == 0, result.output
    return folder / "grammar.svg"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def click_box(page: Any, svg: Path, claim: str) -> list[str]:
    """Open ``svg``, click the box of ``claim``; the URLs the page went to."""
    page.goto(svg.as_uri())
    went: list[str] = []
    page.on("framenavigated", lambda frame: went.append(frame.url))
    page.click(f"#claim-{claim} path")
    page.wait_for_timeout(300)
    return went


def test_a_box_of_a_standalone_svg_links_nowhere(page: Any, tmp_path: Path) -> None:
    svg = rendered(tmp_path / "renders")
    assert click_box(page, svg, "uniforms") == []
    assert page.url == svg.as_uri()
    tooltip = page.evaluate(
        "document.querySelector('#claim-uniforms a').getAttribute('xlink:title')"
    )
    assert tooltip.startswith("The school should require uniforms.")


def test_link_to_report_leads_to_the_claims_card(page: Any, tmp_path: Path) -> None:
    svg = rendered(tmp_path / "renders", "--link-to-report")
    report = svg.with_name("grammar.html")
    assert click_box(page, svg, "uniforms") == [f"{report.as_uri()}#claim-uniforms"]
    assert page.evaluate("document.querySelector(':target').id") == "claim-uniforms"
    assert page.evaluate("document.querySelector(':target').textContent").count(
        "The school should require uniforms."
    )


def test_the_standalone_svg_is_a_named_document(page: Any, tmp_path: Path) -> None:
    """Chromium reads the map's title as the document's name and the summary as its
    description, shows the title on the tab, and still reads each claim."""
    svg = rendered(tmp_path / "renders")
    page.goto(svg.as_uri())
    assert page.title() == TITLE
    session = page.context.new_cdp_session(page)
    nodes = [n for n in session.send("Accessibility.getFullAXTree")["nodes"] if not n["ignored"]]
    roots = [n for n in nodes if n["role"]["value"] == "graphics-document"]
    assert [n["name"]["value"] for n in roots] == [TITLE]
    assert roots[0]["description"]["value"] == (
        "Argument map: 9 claims, 2 arguments, 5 attacks and 2 quotes. "
        "Verdicts: 3 refuted, 6 unsupported."
    )
    texts = [n.get("name", {}).get("value", "") for n in nodes]
    assert any(text.startswith("The school should require") for text in texts)
