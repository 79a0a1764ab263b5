"""The drawing's colours, computed from the palette module (argmap.render.style):

* WCAG 2.1 SC 1.4.11 (non-text contrast): every line and border at least 3:1 against the
  paper and against every fill a box can have (an arrow head touches the box it points at;
  a verdict's border sits between the paper and the box's fill);
* SC 1.4.3 (text): every text colour at least 4.5:1 against the paper and every fill (the
  map's text is 8 to 12 pt, never "large");
* the colours that tell relations apart, and verdicts apart, stay apart for a reader with
  protanopia, deuteranopia or tritanopia: simulated with the matrices of Machado, Oliveira
  and Fernandes (2009, severity 1.0, on linear RGB), their pairwise CIELAB distance (CIE76)
  is at least :data:`MIN_DELTA_E`.

The colours are collected from every mapping of the module, so a colour added there is
checked without a change here.
"""

from __future__ import annotations

import colorsys
import itertools
import math
from collections.abc import Iterator, Mapping

import pytest

from argmap.render import style

LINE_MIN = 3.0
TEXT_MIN = 4.5
# CIE76 distance that two categories' colours keep in every simulation. About 2.3 is the
# least difference seen side by side; lines are thin, so far more is asked. Okabe-Ito's own
# reddish purple and the quotes' grey are 8.5 apart for a deuteranope.
MIN_DELTA_E = 9.0

Matrix = tuple[tuple[float, float, float], ...]
SIMULATIONS: dict[str, Matrix] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
    "typical": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
}


def linear(colour: str) -> tuple[float, float, float]:
    """The linear RGB of ``#rrggbb`` (the sRGB transfer function undone)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return red, green, blue


def luminance(colour: str) -> float:
    red, green, blue = linear(colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def simulated(colour: str, matrix: Matrix) -> tuple[float, float, float]:
    rgb = linear(colour)
    red, green, blue = (
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
    )
    return red, green, blue


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65) of a linear RGB colour."""
    red, green, blue = rgb
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(a: str, b: str, matrix: Matrix) -> float:
    return math.dist(lab(simulated(a, matrix)), lab(simulated(b, matrix)))


def hue(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360


def _mappings() -> Iterator[tuple[str, Mapping[str, str]]]:
    """Every attribute mapping of the style module, nested ones too, with a name."""
    for name in dir(style):
        value = getattr(style, name)
        if not isinstance(value, Mapping):
            continue
        inner = [v for v in value.values() if isinstance(v, Mapping)]
        if inner:
            yield from ((f"{name}[{k!r}]", v) for k, v in value.items())
        elif all(isinstance(v, str) for v in value.values()):
            yield name, value


def _colours(key: str) -> set[str]:
    """The colours of ``key`` in the module; a point (an inference's dot) is all one colour,
    with no text in it and no border around a fill."""
    found = {look[key] for _, look in _mappings() if key in look and look.get("shape") != "point"}
    return {c for c in found if c.startswith("#")}


PAPER = style.GRAPH_ATTR["bgcolor"]
FILLS = sorted(_colours("fillcolor") | {style.FOCUS_PAPER, PAPER})
LINES = sorted(
    _colours("color") | {colour for colour, _ in style.VERDICT_STYLE.values()} | {style.INK}
)
TEXTS = sorted(_colours("fontcolor"))


def test_the_formulas_match_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#E69F00", "#FFFFFF") == pytest.approx(2.25, abs=0.01)
    # a deuteranope sees pure red and a dark yellow-green alike; white and black stay put
    deutan = SIMULATIONS["deuteranopia"]
    assert distance("#FFFFFF", "#FFFFFF", deutan) == pytest.approx(0, abs=0.01)
    assert lab(simulated("#000000", deutan)) == pytest.approx((0, 0, 0), abs=0.01)
    assert distance("#FF0000", "#00FF00", SIMULATIONS["typical"]) > 150
    assert distance("#FF0000", "#00FF00", deutan) < distance("#FF0000", "#0000FF", deutan)


def test_the_palette_collects_every_colour() -> None:
    """What the tests below check: the collection is not empty or partial."""
    assert {style.ORANGE, style.VERMILLION, style.REDDISH_PURPLE, style.BLUE} <= set(LINES)
    assert {style.BLUISH_GREEN, style.FAINT, style.INK} <= set(LINES)
    assert {PAPER, style.EVIDENCE_PAPER, style.COUNTER_PAPER, style.FOCUS_PAPER} <= set(FILLS)
    assert {style.INK, style.MUTED} <= set(TEXTS)


@pytest.mark.parametrize("line", LINES)
def test_every_line_and_border_stands_out_three_to_one(line: str) -> None:
    ratios = {fill: round(contrast(line, fill), 2) for fill in FILLS}
    assert min(ratios.values()) >= LINE_MIN, ratios


@pytest.mark.parametrize("text", TEXTS)
def test_every_text_colour_reads_four_and_a_half_to_one(text: str) -> None:
    ratios = {fill: round(contrast(text, fill), 2) for fill in FILLS}
    assert min(ratios.values()) >= TEXT_MIN, ratios


RELATION_COLOURS = {
    relation: look["color"]
    for relation, look in style.RELATION_STYLE.items()
    if relation not in {"link", "evidence-attacks"}  # a support's line, a quote's line
}
VERDICT_COLOURS = {
    **{verdict.value: colour for verdict, (colour, _) in style.VERDICT_STYLE.items()},
    "none": style.NODE_ATTR["color"],
}


@pytest.mark.parametrize("simulation", SIMULATIONS)
@pytest.mark.parametrize(
    "colours", [RELATION_COLOURS, VERDICT_COLOURS], ids=["relations", "verdicts"]
)
def test_categories_stay_apart_in_colour_blindness(
    colours: Mapping[str, str], simulation: str
) -> None:
    matrix = SIMULATIONS[simulation]
    close = {
        f"{a}/{b}": round(distance(colours[a], colours[b], matrix), 1)
        for a, b in itertools.combinations(colours, 2)
        if distance(colours[a], colours[b], matrix) < MIN_DELTA_E
    }
    assert close == {}


def test_the_relations_and_verdicts_have_their_own_colours() -> None:
    assert len(set(RELATION_COLOURS.values())) == len(RELATION_COLOURS)
    assert len(set(VERDICT_COLOURS.values())) == len(VERDICT_COLOURS)


@pytest.mark.parametrize(
    ("darkened", "okabe_ito"),
    [
        (style.ORANGE, "#E69F00"),
        (style.VERMILLION, "#D55E00"),
        (style.REDDISH_PURPLE, "#CC79A7"),
    ],
)
def test_darkened_colours_keep_their_okabe_ito_hue(darkened: str, okabe_ito: str) -> None:
    assert abs(hue(darkened) - hue(okabe_ito)) < 1.0
    assert luminance(darkened) < luminance(okabe_ito)
