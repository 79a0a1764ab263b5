"""Hypothesis strategies: argument maps that are valid by construction, with random content, and
mutations that break them the ways files from strangers are broken.

A map is built as plain data (dicts, lists, text, numbers) and written as YAML by PyYAML
(numbers as decimals: a strength has no exponent), so
the loader sees real YAML text. Valid maps keep these invariants, which :func:`valid_maps`
guarantees and the tests rely on:

* identifiers are slugs, unique across kinds (each kind has its own prefix);
* support only goes from a later claim to an earlier one, so it never forms a circle;
* nothing attacks itself; every reference names an element of the right kind;
* text holds no bidirectional or zero-width characters (those are findings, rule AM012), and
  is not blank (AM204);
* every quote is copied from its source, which is written beside the map.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import strategies as st

HIDDEN = (  # what rule AM012 reports: bidirectional controls, zero-width characters
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
)

# Text that is hostile somewhere downstream: markup for the HTML report and the SVG, DOT
# syntax for Graphviz, escapes for terminals and CI logs, formats for Python.
HOSTILE_TEXT = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    'javascript:alert("x")',
    "]; evil [label=pwned]; x -> y; {",
    '" -> "claim/x" [color=red',
    "\\N \\G \\L \\l \\n \\\\ \\",
    "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
    "{a|b} <port>",
    "\x1b[2J\x1b[31mred",
    "::error file=x,line=1::forged",
    "%0A::warning::forged%25",
    "line one\nline two\r\nline three",
    "line\u2028separator\u2029paragraph",  # not only separators: that is blank (AM204)
    "{0} {x!r} %s %(name)s",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "&amp; &lt; &#0; &#x41;",
    "\x00 nul",
    "😀 emoji ZWJ 👨‍👩‍👧 and CJK 漢字",
    "a" * 5000,
)

# Letters, digits, punctuation, spaces and symbols from all of Unicode; no surrogates, no
# control characters (a real YAML writer escapes them, but they are not "plain" content).
_PLAIN = st.characters(
    blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"),
    blacklist_characters=HIDDEN,
)
plain_text = st.text(_PLAIN, min_size=1, max_size=60).filter(lambda s: s.strip() != "")
any_text = st.one_of(
    plain_text,
    st.sampled_from(HOSTILE_TEXT),
    # not blank (only spaces and line breaks is an error, AM204)
    st.text(min_size=1, max_size=40).filter(lambda s: not s.isspace() and s != "\x00"),
)


def _slugs(prefix: str) -> st.SearchStrategy[str]:
    tail = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=0, max_size=12)
    return tail.map(lambda t: f"{prefix}{t}")


@dataclass
class MapSpec:
    """A map as data, and the source files it quotes (name -> text)."""

    data: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)

    def yaml(self) -> str:
        return to_yaml(self.data)


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing numbers as decimals: PyYAML writes a float below 0.0001
    with an exponent (``1.0e-05``), which a strength may not have (docs/format.md)."""


def _decimal(dumper: yaml.SafeDumper, data: float) -> yaml.Node:
    text = format(Decimal(repr(data)), "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float", text if "." in text else text + ".0")


_Dumper.add_representer(float, _decimal)


def to_yaml(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text


@st.composite
def valid_maps(draw: st.DrawFn, text: st.SearchStrategy[str] = plain_text) -> MapSpec:
    """A map that ``argmap validate`` accepts without an error (warnings allowed)."""
    claim_ids = draw(st.lists(_slugs("c"), min_size=1, max_size=12, unique=True))
    actor_ids = draw(st.lists(_slugs("p"), max_size=3, unique=True))
    source_ids = draw(st.lists(_slugs("s"), max_size=3, unique=True))
    data: dict[str, Any] = {"argmap": 1}
    if draw(st.booleans()):
        data["title"] = draw(text)
    if draw(st.booleans()):
        data["question"] = draw(text)
    sources: dict[str, str] = {}
    if source_ids:
        data["sources"] = {}
        for index, sid in enumerate(source_ids):
            body = "\n\n".join(draw(st.lists(text, min_size=1, max_size=4)))
            entry: dict[str, Any] = {"title": draw(text)}
            if draw(st.booleans()):
                name = f"sources/s{index}.txt"
                sources[name] = body
                entry["file"] = name
            if draw(st.booleans()):
                entry["url"] = draw(st.sampled_from(["https://example.org/a", "doi:10.1/x"]))
            if draw(st.booleans()):
                entry["authors"] = draw(st.lists(text, min_size=1, max_size=2))
            data["sources"][sid] = entry
    if actor_ids:
        data["actors"] = {aid: {"name": draw(text)} for aid in actor_ids}
    kinds = ["thesis", "claim", "premise", "assumption", "counterclaim"]
    claims: dict[str, Any] = {}
    for index, cid in enumerate(claim_ids):
        claim: dict[str, Any] = {"text": draw(text)}
        claim["kind"] = "thesis" if index == 0 else draw(st.sampled_from(kinds))
        if draw(st.booleans()) and actor_ids:
            claim["holder"] = draw(st.sampled_from(actor_ids))
        earlier = claim_ids[:index]
        if draw(st.booleans()) and earlier:
            claim["supports"] = draw(st.lists(st.sampled_from(earlier), min_size=1, unique=True))
        others = [c for c in claim_ids if c != cid]
        if others and draw(st.integers(0, 3)) == 0:
            claim["rebuts"] = draw(st.sampled_from(others))
        if draw(st.booleans()):
            claim["label"] = draw(text)
        if draw(st.booleans()):
            claim["priority"] = draw(st.integers(-5, 5))
        cited = [sid for sid in source_ids if sid in data["sources"]] if source_ids else []
        if draw(st.booleans()) and cited:
            sid = draw(st.sampled_from(cited))
            file = data["sources"][sid].get("file")
            quote = _quote_from(draw, sources[file]) if file else draw(text)
            claim["evidence"] = [{"quote": quote, "source": sid, "strength": draw(st.floats(0, 1))}]
        claims[cid] = claim
    data["claims"] = claims
    if len(claim_ids) >= 2 and draw(st.booleans()):
        conclusion, *rest = claim_ids
        premises = draw(st.lists(st.sampled_from(rest), min_size=1, max_size=3, unique=True))
        data["arguments"] = {"a-linked": {"conclusion": conclusion, "premises": premises}}
        attacker = draw(st.sampled_from(claim_ids))
        data["attacks"] = {"x-undercut": {"from": attacker, "undercuts": "a-linked"}}
    if draw(st.booleans()):
        data["questions"] = [draw(text), {"text": draw(text), "about": [claim_ids[0]]}]
    if draw(st.booleans()):
        data["drawing"] = draw(drawings())
    return MapSpec(data, sources)


def drawings() -> st.SearchStrategy[dict[str, Any]]:
    """A map's ``drawing:`` settings, each one there or not."""
    return st.fixed_dictionaries(
        {},
        optional={
            "rankdir": st.sampled_from(["tb", "lr", "bt", "rl"]),
            "group-by": st.sampled_from(["none", "actor", "tag"]),
            "evidence": st.booleans(),
            "legend": st.booleans(),
        },
    )


def _quote_from(draw: st.DrawFn, body: str) -> str:
    words = body.split()
    if not words:
        return body.strip() or "x"
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, min(len(words), start + 8)))
    return " ".join(words[start:end])


# --- mutations ----------------------------------------------------------------------------
def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists, the root aside."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, prefix)]
    while stack:
        node, path = stack.pop()
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        for key, value in items:
            found.append((*path, key))
            stack.append((value, (*path, key)))
    return sorted(found, key=repr)


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


ODD_VALUES: tuple[Any, ...] = (
    None,
    "",
    0,
    -1,
    1.5,
    float("inf"),
    True,
    [],
    {},
    ["a", "b"],
    {"x": "y"},
    "x" * 300,
    "not-an-id!",
    "c-nowhere",
)


def fresh(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """One of ``values``, a copy of it: a list or mapping put into the data being broken is
    broken further by the next steps, and must not change the constant for the next example
    (Hypothesis replays an example, and its data must be drawn the same way again)."""
    return st.sampled_from(values).map(copy.deepcopy)


@st.composite
def mutations(draw: st.DrawFn, spec: MapSpec) -> MapSpec:
    """``spec`` broken in one to three ways, as plain data."""
    data = copy.deepcopy(spec.data)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        action = draw(
            st.sampled_from(
                ["drop", "swap-type", "dangle", "hostile", "cycle", "duplicate", "rename-key"]
            )
        )
        if action == "drop":
            del parent[key]
        elif action == "swap-type":
            parent[key] = draw(fresh(ODD_VALUES))
        elif action == "dangle":
            parent[key] = draw(st.sampled_from(["c-nowhere", "p-nobody", "s-nothing", "c"]))
        elif action == "hostile":
            parent[key] = draw(st.sampled_from(HOSTILE_TEXT))
        elif action == "rename-key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["suports", "txt", "<<", "argmap", "x" * 90]))] = (
                parent.pop(key)
            )
        elif action == "cycle":
            claims = data.get("claims")
            if isinstance(claims, dict) and claims:
                ids = list(claims)
                first, last = ids[0], ids[-1]
                if isinstance(claims[first], dict):
                    claims[first]["supports"] = last
                if isinstance(claims[last], dict):
                    claims[last]["supports"] = first
        elif action == "duplicate":
            claims = data.get("claims")
            if isinstance(claims, dict) and claims:
                section = draw(st.sampled_from(["actors", "sources", "evidence", "arguments"]))
                first = next(iter(claims))
                if not isinstance(data.get(section), dict):
                    data[section] = {}
                data[section][first] = {"name": "twin", "title": "twin"}
    return MapSpec(data, spec.sources)


@st.composite
def text_mutations(draw: st.DrawFn, spec: MapSpec) -> str:
    """The YAML text of ``spec`` with bytes-level damage: cut, spliced, duplicated, indented."""
    text = spec.yaml()
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["cut", "insert", "duplicate-line", "indent", "truncate"]))
        if action == "cut":
            end = draw(st.integers(at, min(len(text), at + 20)))
            text = text[:at] + text[end:]
        elif action == "insert":
            piece = draw(
                st.one_of(
                    st.sampled_from(
                        [
                            ":",
                            "- ",
                            "[",
                            "]",
                            "{",
                            "}",
                            "&a ",
                            "*a",
                            "!!python/name:os.system ",
                            "\t",
                            "'",
                            '"',
                            "\n",
                            "---\n",
                            "<<: *a\n",
                            "? ",
                            "|",
                            ">",
                            "%",
                            "@",
                            "`",
                            "\x00",
                            "\ufeff",
                            "\\",
                            "#",
                        ]
                    ),
                    st.text(max_size=5),
                )
            )
            text = text[:at] + piece + text[at:]
        elif action == "duplicate-line":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "".join(lines)
        elif action == "indent":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[index].lstrip()
            text = "".join(lines)
        else:
            text = text[:at]
    return text
