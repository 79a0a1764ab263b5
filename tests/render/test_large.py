"""A map of 5,000 claims renders to SVG (Argdown's export fails at this size with a stack
overflow). Slow: about half a minute of Graphviz layout."""

from __future__ import annotations

import pytest

from argmap.render import OutputFormat, render_map

from .svgtools import items
from .synthetic import synthetic_map


@pytest.mark.slow
def test_5000_claims_render_to_svg() -> None:
    big = synthetic_map(5000)
    svg = render_map(big, OutputFormat.SVG)
    claims = [n for n in items(svg, "node") if n.classes[0] == "claim"]
    assert len(claims) == 5000
    assert claims[0].id == "claim-c0" and claims[-1].id == "claim-c4999"
