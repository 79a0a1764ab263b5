"""The SVG as a person sees it: headless Chromium draws the Montebello map, and the picture
is not blank (Argdown's default page size makes a large map an empty SVG)."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.render import OutputFormat, render_map
from report_html.png import decode  # the report's browser tests read screenshots with it

from .conftest import chromium

WHITE = (255, 255, 255)


def colour_counts(png: bytes) -> Counter[tuple[int, int, int]]:
    return Counter(decode(png)[2])


def screenshot(page: Path, out: Path, profile: Path, size: str = "1200,400") -> bytes:
    browser = chromium()
    assert browser is not None
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={size}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


@pytest.mark.browser
def test_the_montebello_svg_is_not_blank(montebello: ArgumentMap, tmp_path: Path) -> None:
    svg = tmp_path / "montebello.svg"
    svg.write_bytes(render_map(montebello, OutputFormat.SVG))
    page = tmp_path / "page.html"  # the whole map, scaled to the window's width
    page.write_text(
        f'<html><body style="margin:0"><img src="{svg.name}" style="width:100%"></body></html>'
    )
    counts = colour_counts(screenshot(page, tmp_path / "shot.png", tmp_path / "profile"))
    total = sum(counts.values())
    assert len(counts) > 50  # text, greys, and the palette's colours
    assert counts[WHITE] < 0.97 * total
    assert any(b > r + 60 and b > g for r, g, b in counts)  # the blue of the support arrows


@pytest.mark.browser
def test_the_svg_opened_directly_is_not_blank(grammar: ArgumentMap, tmp_path: Path) -> None:
    svg = tmp_path / "grammar.svg"
    svg.write_bytes(render_map(grammar, OutputFormat.SVG))
    counts = colour_counts(screenshot(svg, tmp_path / "shot.png", tmp_path / "profile"))
    assert len(counts) > 50
    assert counts[WHITE] < 0.97 * sum(counts.values())
