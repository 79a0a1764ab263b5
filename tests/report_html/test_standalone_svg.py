"""A standalone SVG (``argmap render``) in a browser: its name, as a screen reader reads it."""

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
