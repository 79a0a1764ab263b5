"""Stable layouts (Argdown #145, #182): a small edit to a map moves as little of the drawing
as it can. Laid out by the system ``dot`` and read back as its plain-text positions."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.render import GroupBy, RenderOptions, dot_source

from .conftest import MONTEBELLO, load

pytestmark = pytest.mark.exe

# node name -> (x, y, width, height), in inches
Box = tuple[float, float, float, float]


def positions(argument_map: ArgumentMap, options: RenderOptions | None = None) -> dict[str, Box]:
    dot = shutil.which("dot")
    assert dot is not None
    plain = subprocess.run(
        [dot, "-Tplain"],
        input=dot_source(argument_map, options=options or RenderOptions()).encode(),
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout.decode()
    boxes: dict[str, Box] = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            # node NAME X Y WIDTH HEIGHT ...; argmap's node names are quoted and hold no space
            _, name, x, y, width, height = line.split()[:6]
            boxes[name.strip('"')] = (float(x), float(y), float(width), float(height))
    return boxes


def test_a_claim_that_grows_moves_no_other_node_sideways(montebello: ArgumentMap) -> None:
    claims = dict(montebello.claims)
    longer = claims["dont-blame"].text + " Given how little the governments told them, who could?"
    claims["dont-blame"] = replace(claims["dont-blame"], text=longer, label=None)
    before, after = positions(montebello), positions(replace(montebello, claims=claims))
    assert before.keys() == after.keys()
    grown = after["claim/dont-blame"][3] - before["claim/dont-blame"][3]
    assert grown > 0.1  # the edit did make the node taller (more lines)
    for name, (x, y, width, height) in before.items():
        x2, y2, width2, height2 = after[name]
        if name == "claim/dont-blame":
            continue
        assert (width2, height2) == (width, height), name
        assert abs(x2 - x) < 0.01, f"{name} moved sideways by {x2 - x:.2f} in"
        # its rank grew taller: the ranks beyond it shift by that much, and no more
        assert abs(y2 - y) <= grown + 0.01, f"{name} moved by {y2 - y:.2f} in"


def swapped_pairs(before: dict[str, Box], after: dict[str, Box]) -> tuple[int, int]:
    """Of the pairs of claims side by side in a rank before, how many changed sides."""
    ranks: defaultdict[float, list[str]] = defaultdict(list)
    for name, box in before.items():
        if name.startswith("claim/") and name in after:
            ranks[round(box[1], 2)].append(name)
    pairs = swapped = 0
    for names in ranks.values():
        names.sort(key=lambda name: before[name][0])
        for i, left in enumerate(names):
            for right in names[i + 1 :]:
                pairs += 1
                swapped += after[left][0] > after[right][0]
    return swapped, pairs


def _montebello_with_a_new_claim(tmp_path: Path, supported: str = "dont-blame") -> ArgumentMap:
    text = MONTEBELLO.read_text(encoding="utf-8")
    new_claim = (
        "  new-point:\n"
        '    text: "A fresh point that backs the authors on blaming the critics."\n'
        f"    supports: [{supported}]\n"
    )
    at = text.index("\narguments:\n") + 1
    folder = tmp_path / supported
    folder.mkdir()
    (folder / "map.yaml").write_text(text[:at] + new_claim + text[at:], encoding="utf-8")
    shutil.copytree(MONTEBELLO.parent / "sources", folder / "sources")
    return load(folder / "map.yaml")


def test_adding_a_claim_keeps_the_order_of_the_others(
    montebello: ArgumentMap, tmp_path: Path
) -> None:
    """Argdown users' complaint (#145): one new claim reshuffles the map. Graphviz swapped
    45 of the 91 pairs of claims side by side here when the legend was a cluster in the map's
    top ranks (a cluster defeats ``ordering=out``); with the legend in ranks of its own, not
    a cluster, and the top row hung from one point in the file's order, 2 of 135 (0 since
    argument names left the arrows)."""
    before, after = positions(montebello), positions(_montebello_with_a_new_claim(tmp_path))
    swapped, pairs = swapped_pairs(before, after)
    assert pairs > 50
    assert swapped <= pairs * 0.05, f"{swapped} of {pairs} pairs of claims changed sides"
    # the top row (the claims nothing points into) keeps the file's order
    top = max(y for name, (_, y, _, _) in before.items() if name.startswith("claim/"))
    row = [n for n, (_, y, _, _) in before.items() if n.startswith("claim/") and y == top]
    assert sorted(row, key=lambda n: before[n][0]) == sorted(row, key=lambda n: after[n][0])


# claims deep in the map, then claims of its top row (a reviewer's edits)
EDITS = [
    "dont-blame",
    "spp-opaque",
    "us-engagement-key",
    "spp-good-effort",
    "spp-threat",
    "spp-fails",
]


@pytest.mark.parametrize("group_by", [GroupBy.ACTOR, GroupBy.TAG])
@pytest.mark.parametrize("supported", EDITS)
def test_a_grouped_view_keeps_its_order_when_a_claim_is_added(
    montebello: ArgumentMap, tmp_path: Path, group_by: GroupBy, supported: str
) -> None:
    """Groups are clusters, which ``ordering=out`` does not hold: with Graphviz's full
    crossing minimisation the first three edits swapped 7, 0 and 0 (by actor) and 86, 0 and
    47 (by tag) of the 135 pairs of claims side by side; with it cut short, at most 2. A
    reason added to a claim of the top row swapped 12 or 13 by actor while only the map's
    point, outside the clusters, ordered the row; with a point in each group, 0 (by tag 4)."""
    options = RenderOptions(group_by=group_by)
    before = positions(montebello, options)
    after = positions(_montebello_with_a_new_claim(tmp_path, supported), options)
    swapped, pairs = swapped_pairs(before, after)
    assert pairs > 50
    assert swapped <= pairs * 0.05, f"{swapped} of {pairs} pairs of claims changed sides"


def test_a_large_map_keeps_its_order_when_a_claim_is_added(tmp_path: Path) -> None:
    """The benchmark's map of 1,000 claims (one thesis, 400 quotes): a legend cluster let
    one added claim swap 5,727 of its 38,531 pairs of claims side by side; now none."""
    generator = Path(__file__).parents[2] / "benchmarks" / "generate.py"
    path = tmp_path / "map.yaml"
    subprocess.run(
        [sys.executable, str(generator), "--claims", "1000", "--format", "yaml", "-o", str(path)],
        check=True,
        timeout=120,
    )
    (tmp_path / "argmap.toml").write_text("")
    text = path.read_text(encoding="utf-8")
    thesis = re.search(r"^claims:\n  ([\w-]+):$", text, re.M)
    assert thesis is not None
    at = text.index("\narguments:\n") + 1
    new_claim = f"  new-point:\n    text: A fresh point.\n    supports: [{thesis.group(1)}]\n"
    edited = tmp_path / "edited.yaml"
    edited.write_text(text[:at] + new_claim + text[at:], encoding="utf-8")
    swapped, pairs = swapped_pairs(positions(load(path)), positions(load(edited)))
    assert pairs > 30_000
    assert swapped <= pairs * 0.01, f"{swapped} of {pairs} pairs of claims changed sides"


def test_a_tag_that_every_claim_holds_keeps_the_top_row_in_the_files_order(
    montebello: ArgumentMap,
) -> None:
    """One cluster holding the whole map: Graphviz laid its top row out right to left (the
    map's point is outside the cluster); the group's own point keeps the file's order."""
    tagged = {cid: replace(c, tags=("all", *c.tags)) for cid, c in montebello.claims.items()}
    boxes = positions(replace(montebello, claims=tagged), RenderOptions(group_by=GroupBy.TAG))
    top = max(y for name, (_, y, _, _) in boxes.items() if name.startswith("claim/"))
    row = [n for n, (_, y, _, _) in boxes.items() if n.startswith("claim/") and y == top]
    assert sorted(row, key=lambda n: boxes[n][0]) == [
        "claim/spp-fails",
        "claim/spp-good-effort",
        "claim/spp-threat",
    ]


@pytest.mark.parametrize("legend", [True, False])
def test_each_rank_draws_the_top_rows_claims_in_the_files_order(
    montebello: ArgumentMap, legend: bool
) -> None:
    """The map's point orders the claims of the top row that Graphviz draws in the topmost
    rank; congress-must-join and open-to-ngos, drawn two ranks lower (their reasons run
    deep), came out the other way round: the point's edges reach them through Graphviz's
    virtual nodes, which its crossing minimisation reorders freely below the first rank."""
    options = RenderOptions(legend=legend)  # without one: the report's and handouts' figures
    source = dot_source(montebello, options=options)
    edges = re.findall(r'^\t"([^"]+)" -> "([^"]+)"', source, re.M)
    heads = {head for tail, head in edges if not tail.startswith("layout/")}
    declared = re.findall(r'^\t"(claim/[^"]+)" \[', source, re.M)
    top_row = [name for name in declared if name not in heads]
    boxes = positions(montebello, options)
    ranks: defaultdict[float, list[str]] = defaultdict(list)
    for name in top_row:
        ranks[round(boxes[name][1], 2)].append(name)
    drawn = [sorted(names, key=lambda n: boxes[n][0]) for _, names in sorted(ranks.items())]
    assert drawn == [
        ["claim/dont-blame"],
        ["claim/congress-must-join", "claim/open-to-ngos"],
        ["claim/spp-fails", "claim/spp-good-effort", "claim/spp-threat"],
    ]
