"""Round trips, property-tested: maps built by the fuzz strategies (tests/fuzz/strategies.py),
with text that is hostile to each format, exported and imported back.

* Argdown: ``export -> import -> export`` gives the same bytes, and the import keeps every
  claim (id, text as Argdown joins it, label, kind, holder, tags, note, priority), argument,
  attack, quote, source, actor and the map's metadata, without a diagnostic; and the reference
  implementation (``argdown json`` of @argdown/cli 1.7.5) reads the export as argmap does.
* AIF from elsewhere (argmap's export with keys dropped, values of the wrong type, extra keys,
  nodes given twice): every diagnostic is at its node, edge or list, never a traceback, and
  what imports validates.
* AIF: the export keeps AIF's rules (edges only I -> RA -> I, I -> CA -> I or RA, L -> YA -> I;
  one conclusion per RA-node, one attacker and one target per CA-node), the import finds every
  claim text, quote and holder again as written, and ``export -> import -> export`` gives the
  same bytes.

The budget is small in the normal suite; ``make fuzz`` sets ``ARGMAP_FUZZ_EXAMPLES`` (5,000: 500
round trips of each format, 20 runs of the reference on up to 8 maps each).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.argument_map import ArgumentMap
from argmap.diagnostics import Severity
from argmap.interchange.aif.export import aif_document, to_aif
from argmap.interchange.argdown.export import _plain_tag, to_argdown
from argmap.interchange.argdown.parser import parse_argdown
from argmap.interchange.argdown.summary import summarise, summarise_reference
from argmap.interchange.importing import import_text, render_yaml, validate_yaml
from argmap.interchange.losses import aif_losses, argdown_losses
from argmap.interchange.text import one_line
from argmap.lint.context import LintConfig
from argmap.model import ClaimKind
from argmap.pipeline import lint_result, load_map
from fuzz.strategies import (  # tests/ is on sys.path
    HIDDEN,
    ODD_VALUES,
    MapSpec,
    _parent,
    _paths,
    any_text,
    fresh,
    valid_maps,
)

from .compare import assert_same, assert_same_map
from .conftest import CORPUS

BUDGET = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "0")) or None

# Pieces of text that mean something to Argdown (or to YAML, JSON, a terminal), and text from
# the rest of Unicode: right-to-left scripts, combining marks, emoji, control characters.
HOSTILE_PIECES = (
    *"[]<>#*_@{}:.=!`~&%$\\\"'/",
    *("//", "/*", "*/", "<!--", "-->", "+>", "-<", "<+", "<-", "<_", "_>", "><", "->", "> "),
    *("===", "--", "----", "(1)", "1.", "* ", "- ", "#(", ")", "[a]", "<a>", "[a]:", "<a>:"),
    *("@[a]", "*a*", "_a_", "**", "__", "[a](https://x.org)", "U.S.A.", ":+1:", "{a: 1}"),
    *("\n", "\r\n", "\t", "\n\n", "\x01", "\x1b[2J", "\x7f", "\x85", "\x9b", "\u2028"),
    *("\ufffe", "\uffff", "\x00"),
    *("\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645", "e\u0301", "\u0301"),
    *("😀", "👍🏽", "漢字", "a", "b", " ", "  "),
)
pieced = st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=12).map("".join)
# every text of a valid map: no bidirectional or zero-width characters (AM012), not blank
hostile_text = st.one_of(pieced, any_text, st.just("x" * 3000)).filter(
    lambda t: t.strip() != "" and not any(c in HIDDEN for c in t)
)


@st.composite
def richer_maps(draw: st.DrawFn, text: st.SearchStrategy[str] = hostile_text) -> MapSpec:
    """A valid map of the fuzz strategies with the fields they leave out, filled with ``text``:
    tags and notes of claims, the label, holder and note of the argument, the note of the
    attack, locators and notes of quotes, roles of actors, descriptions and dates."""
    spec = draw(valid_maps(text=text))
    data = spec.data
    maybe = st.one_of(st.none(), text)
    for claim in data["claims"].values():
        claim["tags"] = draw(st.lists(text, max_size=2, unique=True))
        if (note := draw(maybe)) is not None:
            claim["note"] = note
        for item in claim.get("evidence", []):
            for key in ("locator", "note"):
                if (value := draw(maybe)) is not None:
                    item[key] = value
    for argument in data.get("arguments", {}).values():
        for key in ("label", "note"):
            if (value := draw(maybe)) is not None:
                argument[key] = value
        if data.get("actors") and draw(st.booleans()):
            argument["holder"] = draw(st.sampled_from(sorted(data["actors"])))
    ids = list(data["claims"])
    for n in range(draw(st.integers(0, 2)) if len(ids) >= 2 else 0):
        # named attacks, listed after those under the claims
        attacker, target = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        taken = {(a["from"], a.get("rebuts")) for a in data.get("attacks", {}).values()}
        if (attacker, target) not in taken and data["claims"][attacker].get("rebuts") != target:
            data.setdefault("attacks", {})[f"x-rebut-{n}"] = {"from": attacker, "rebuts": target}
    for cid, claim in data["claims"].items():
        # a quote under 'evidence:', for or against a claim
        if claim.get("evidence") and draw(st.booleans()):
            item = claim.pop("evidence")[0]
            stance = draw(st.sampled_from(["supports", "attacks"]))
            data.setdefault("evidence", {})[f"e-{cid}"] = {
                **item,
                stance: draw(st.sampled_from(ids)),
            }
    for attack in data.get("attacks", {}).values():
        if (note := draw(maybe)) is not None:
            attack["note"] = note
    for actor in data.get("actors", {}).values():
        if (role := draw(maybe)) is not None:
            actor["role"] = role
    if (description := draw(maybe)) is not None:
        data["description"] = description
    if draw(st.booleans()):
        data["date"] = draw(st.sampled_from(["2024", "2024-05-06", "Spring 2024"]))
    return spec


def budget(default: int, share: int) -> settings:
    """``default`` examples in the normal suite; under ``make fuzz``, its budget / ``share``
    (a round trip costs tens of the fuzz tests' examples, a run of the reference thousands)."""
    return settings(
        max_examples=max(default, BUDGET // share) if BUDGET else default,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=BUDGET is None,  # the small budget of the normal suite is the same each run
    )


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="argmap-roundtrip-") as name:
        root = Path(name)
        (root / ".git").mkdir()
        yield root


def _load(root: Path, name: str, text: str) -> ArgumentMap:
    path = root / name
    path.write_text(text, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    return result.map


def _valid(root: Path, spec: MapSpec) -> ArgumentMap:
    """The map of ``spec``, which must validate (maps whose quotes are not checked aside)."""
    for name, body in spec.sources.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body, encoding="utf-8")
    path = root / "map.yaml"
    path.write_text(spec.yaml(), encoding="utf-8")
    result = load_map(path)
    lint_result(result, LintConfig())
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assume(result.map is not None and errors == [])
    assert result.map is not None
    return result.map


def _imported(root: Path, text: str, fmt: str, title: str) -> tuple[ArgumentMap, list[Any]]:
    outcome = import_text(text, f"export.{fmt}", fmt, title=title)
    assert outcome.draft is not None, [(d.code, d.message) for d in outcome.diagnostics]
    yaml_text = render_yaml(outcome.draft, fmt, f"export.{fmt}")
    assert validate_yaml(yaml_text, "imported.yaml") == []
    found = [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics]
    return _load(root, f"imported-{fmt}.yaml", yaml_text), found


# -- Argdown ---------------------------------------------------------------------------------
@budget(60, share=10)
@given(richer_maps())
def test_argdown_round_trip_is_byte_identical_and_keeps_the_map(spec: MapSpec) -> None:
    with _folder() as root:
        original = _valid(root, spec)
        first = to_argdown(original)
        assert "\0" not in first  # a file with a NUL is no text file: the import refuses it
        back, found = _imported(root, first, "argdown", "Imported")
        assert found == []
        assert_same_map(original, back, texts_joined=True)
        assert to_argdown(back) == first
        # a text Argdown changes is said at export, and only then: one warning for the texts
        # it joins, one for those with a NUL, each at the first such claim
        changed = [cid for cid, c in original.claims.items() if back.claims[cid].text != c.text]
        texts = {cid: c.text for cid, c in original.claims.items()}
        joined = [cid for cid, text in texts.items() if one_line(text) != text]
        nul = [cid for cid, text in texts.items() if "\0" in text]
        warned = argdown_losses(original)
        assert len(warned) == bool(joined) + bool(nul)
        assert set(changed) == set(joined) | set(nul)
        firsts = [f"claim '{ids[0]}'" for ids in (joined, nul) if ids]
        assert all(any(name in d.message for d in warned) for name in firsts)


def _sorted(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary with statements and arguments by title: JavaScript lists an object's keys
    that look like numbers ('9') first, whatever their order in the file."""
    return {
        **summary,
        "statements": dict(sorted(summary["statements"].items())),
        "arguments": dict(sorted(summary["arguments"].items())),
    }


def _reference(argdown_cli: Path, folder: Path, files: dict[str, str]) -> dict[str, Any]:
    """What the reference makes of each file (name -> text), read in one run."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [str(argdown_cli), "json", "*.argdown", "out"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Invalid" not in done.stdout + done.stderr, done.stdout + done.stderr
    return {
        name: summarise_reference(
            json.loads((folder / "out" / name).with_suffix(".json").read_text(encoding="utf-8"))
        )
        for name in files
    }


@budget(4, share=250)
@given(st.lists(richer_maps(), min_size=1, max_size=8))
def test_the_reference_reads_hostile_exports_as_argmap_does(
    argdown_cli: Path, specs: list[MapSpec]
) -> None:
    with _folder() as root:
        maps: dict[str, ArgumentMap] = {}
        for n, spec in enumerate(specs):
            folder = root / f"m{n}"
            folder.mkdir()
            m = _valid(folder, spec)
            maps[f"m{n}.argdown"] = m
        files = {name: to_argdown(m) for name, m in maps.items()}
        found = _reference(argdown_cli, root, files)
    for name, m in maps.items():
        doc, problems = parse_argdown(files[name], name)
        assert problems == []
        assert_same(_sorted(summarise(doc)), _sorted(found[name]))
        # a statement per claim, with its text (and its tags, as Argdown shows them); a
        # relation per support and per attack
        texts = sorted(
            one_line(
                c.text.replace("\0", "\ufffd")  # as the export writes a NUL
                + "".join(f" #({t})" for t in c.tags if _plain_tag(t))
            )
            for c in m.claims.values()
        )
        statements = found[name]["statements"].values()
        defined = [[one_line(t) for t in s["texts"] if t.strip()] for s in statements]
        assert sorted(t for d in defined for t in d) == texts
        undercut = {a.target for a in m.attacks.values()}
        supports = [a for a in m.arguments.values() if a.implicit and a.id not in undercut]
        assert len(found[name]["relations"]) == len(supports) + len(m.attacks)


# -- AIF -------------------------------------------------------------------------------------
# (from, to) node types an AIF edge may join: I-nodes meet only through S-nodes (RA, CA), and
# a locution is anchored to what it asserts through an illocution (YA)
AIF_EDGES = frozenset(
    {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"), ("L", "YA"), ("YA", "I")}
)


def aif_problems(document: dict[str, Any]) -> list[str]:
    """Where the AIF graph breaks AIF's rules (an empty list when it keeps them)."""
    aif = document["AIF"]
    problems: list[str] = []
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    if len(kinds) != len(aif["nodes"]):
        problems.append("a nodeID is given twice")
    if len({e["edgeID"] for e in aif["edges"]}) != len(aif["edges"]):
        problems.append("an edgeID is given twice")
    into: dict[str, list[str]] = {n: [] for n in kinds}
    out: dict[str, list[str]] = {n: [] for n in kinds}
    for e in aif["edges"]:
        source, target = e["fromID"], e["toID"]
        if source not in kinds or target not in kinds:
            problems.append(f"edge {e['edgeID']} joins an unknown node")
            continue
        if (kinds[source], kinds[target]) not in AIF_EDGES:
            problems.append(f"edge {e['edgeID']}: {kinds[source]} -> {kinds[target]}")
        out[source].append(target)
        into[target].append(source)
    for node in aif["nodes"]:
        nid, kind = node["nodeID"], node["type"]
        if not isinstance(node["text"], str) or not node["text"].strip():
            problems.append(f"{kind}-node {nid} has no text")
        if kind == "RA" and (not into[nid] or len(out[nid]) != 1):
            problems.append(
                f"RA-node {nid}: {len(into[nid])} premises, {len(out[nid])} conclusions"
            )
        if kind in ("CA", "YA") and (len(into[nid]) != 1 or len(out[nid]) != 1):
            problems.append(f"{kind}-node {nid}: {len(into[nid])} in, {len(out[nid])} out")
    people = {p["participantID"] for p in aif["participants"]}
    for loc in aif["locutions"]:
        if kinds.get(loc["nodeID"]) != "L" or loc["personID"] not in people:
            problems.append(f"locution {loc}: no L-node or no participant")
    return problems


@budget(60, share=10)
@given(richer_maps())
def test_aif_export_keeps_aifs_rules_and_is_what_its_import_exports(spec: MapSpec) -> None:
    with _folder() as root:
        original = _valid(root, spec)
        first = to_aif(original)
        assert aif_problems(json.loads(first)) == []
        back, _ = _imported(root, first, "aif", original.title)
        # every claim and quote, every holder, in order and as written
        texts = [c.text for c in original.claims.values()]
        quotes = [e.quote for e in original.evidence.values()]
        assert [c.text for c in back.claims.values()] == texts + quotes
        holders = [original.actors[c.holder].name for c in original.claims.values() if c.holder]
        assert [back.actors[c.holder].name for c in back.claims.values() if c.holder] == holders
        # export -> import -> export: the same bytes
        assert to_aif(back) == first
        # what the round trip lost was said at export
        warned = " ".join(d.message for d in aif_losses(original))
        claims = original.claims.values()
        for what, lost in (
            ("claim kinds", any(c.kind is not ClaimKind.CLAIM for c in claims)),
            ("claim labels", any(c.label for c in claims)),
            ("tags", any(c.tags for c in claims)),
            ("priorities", any(c.priority for c in claims)),
            ("sources", bool(original.sources)),
            ("questions", bool(original.questions)),
        ):
            assert (f"has no place for {what};" in warned) is lost, what


# -- the Argdown corpus ----------------------------------------------------------------------
def test_the_corpus_comes_back_the_same_through_argmaps_export(
    argdown_cli: Path, tmp_path: Path
) -> None:
    """Each real Argdown file, imported, exported and imported again, is the same map; and the
    reference reads the export as argmap reads it (same statements, arguments, relations)."""
    files: dict[str, str] = {}
    for path in sorted(CORPUS.glob("*.argdown")):
        outcome = import_text(
            path.read_text(encoding="utf-8"), path.name, "argdown", title=path.stem
        )
        assert outcome.draft is not None
        first = render_yaml(outcome.draft, "argdown", path.name)
        exported = to_argdown(_load(tmp_path, f"{path.stem}.yaml", first))
        again = import_text(exported, path.name, "argdown", title=path.stem)
        assert again.diagnostics == [], path.name
        assert again.draft is not None
        assert render_yaml(again.draft, "argdown", path.name) == first, path.name
        files[path.name] = exported
    assert len(files) == 8
    found = _reference(argdown_cli, tmp_path, files)
    for name, text in files.items():
        doc, problems = parse_argdown(text, name)
        assert problems == []
        assert_same(_sorted(summarise(doc)), _sorted(found[name]))


# -- AIF from elsewhere ----------------------------------------------------------------------
@st.composite
def damaged_aif(draw: st.DrawFn) -> str:
    """argmap's AIF of a valid map (bare or in OVA's wrapper) with keys dropped, values of the
    wrong type or kind, extra keys and nodes or edges given twice, as JSON over lines."""
    spec = draw(valid_maps())
    with _folder() as root:
        document: Any = aif_document(_load(root, "map.yaml", spec.yaml()))
    if draw(st.booleans()):
        document = document["AIF"]
    kinds = ("RA", "CA", "I", "L", "YA", "MA", "PA", "1", 1, "x")
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(document)
        if not paths:  # all of it dropped
            break
        path = draw(st.sampled_from(paths))
        parent, key = _parent(document, path), path[-1]
        action = draw(st.sampled_from(["drop", "swap", "extra", "twice"]))
        if action == "drop":
            del parent[key]
        elif action == "swap":
            parent[key] = draw(fresh(ODD_VALUES + kinds))
        elif action == "extra" and isinstance(parent, dict):
            extra = ("extra", "nodeID", "type", "text", "fromID", "toID", "personID")
            parent[draw(st.sampled_from(extra))] = draw(fresh(ODD_VALUES))
        elif action == "twice" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return json.dumps(document, indent=2)


# diagnostics about the whole file, at 1:1: no AIF, nothing to import, or characters removed
# from a text (the draft's, after the graph); a circle of support is said at its node
_WHOLE_FILE = ("not AIF", "no I-nodes", "invisible control characters")


@budget(40, share=10)
@given(damaged_aif())
def test_damaged_aif_gives_located_diagnostics_and_a_valid_map(text: str) -> None:
    outcome = import_text(text, "damaged.json", "aif", title="Damaged")
    for d in outcome.diagnostics:
        if not any(words in d.message for words in _WHOLE_FILE) and d.code != "AM401":
            assert d.positioned, d.message  # at its node, edge or list
    if not outcome.failed:
        assert outcome.draft is not None
        assert validate_yaml(render_yaml(outcome.draft, "aif", "damaged.json"), "x") == []
