"""The Argdown corpus: the import finds what the reference implementation found.

``fixtures/argdown/expected/NAME.json`` is what ``@argdown/cli`` 1.7.5 made of each real
Argdown file (statements, arguments, relations); the parser must find the same, and the argmap
map must hold each of them (or report why it cannot).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.interchange.argdown.importer import import_argdown
from argmap.interchange.argdown.lexer import SourceText
from argmap.interchange.argdown.model import NodeKind
from argmap.interchange.argdown.parser import parse_argdown
from argmap.interchange.argdown.summary import summarise
from argmap.interchange.argdown.to_map import argdown_to_draft
from argmap.interchange.codes import NOT_CARRIED_OVER
from argmap.interchange.limits import DEFAULT_IMPORT_LIMITS

from .compare import assert_same
from .conftest import CORPUS, loaded

FILES = sorted(CORPUS.glob("*.argdown"))


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())
    return data


def test_the_corpus_is_all_there() -> None:
    assert len(FILES) == 8
    assert all((CORPUS / "expected" / f"{f.stem}.json").exists() for f in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parser_finds_what_the_reference_found(path: Path) -> None:
    doc, diagnostics = parse_argdown(path.read_text(encoding="utf-8"), path.name)
    assert diagnostics == []
    assert_same(summarise(doc), _expected(path))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_import_carries_every_statement_argument_and_relation(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc, _ = parse_argdown(text, path.name)
    mapped = argdown_to_draft(doc, SourceText.of(text), path.name, path.stem)
    expected = _expected(path)
    outcome = import_argdown(text, path.name, DEFAULT_IMPORT_LIMITS, path.stem)
    m = loaded(outcome, tmp_path)

    # every statement is a claim, with its text (tags go to tags:)
    for title in expected["statements"]:
        cid = mapped.claims[(NodeKind.STATEMENT, title)]
        assert cid in m.claims
        assert m.claims[cid].text
    # every argument is a claim (description only) or arguments (one per inference)
    for title, argument in expected["arguments"].items():
        if argument["pcs"]:
            conclusion = mapped.claims[(NodeKind.STATEMENT, argument["pcs"][-1]["title"])]
            main = mapped.arguments[(title, len(argument["pcs"]) - 1)]
            assert m.arguments[main].conclusion == conclusion
            steps = sum(1 for p in argument["pcs"] if p["role"] != "premise")
            assert sum(1 for k in mapped.arguments if k[0] == title) == steps
        else:
            assert mapped.claims[(NodeKind.ARGUMENT, title)] in m.claims
    # every relation is in the map, or its loss is reported at its line
    lost = [d for d in outcome.diagnostics if d.code == NOT_CARRIED_OVER.code]
    carried = 0
    for rel in doc.relations:
        source = mapped.claims.get((rel.source.kind, rel.source.title))
        assert source is not None
        if _in_map(m, mapped, source, rel):
            carried += 1
        else:
            line = SourceText.of(text).position(rel.offset).line
            assert any(d.line == line for d in lost), (rel, line)
    assert carried >= len(doc.relations) - len(lost)


def _in_map(m: Any, mapped: Any, source: str, rel: Any) -> bool:
    kind = rel.type.value
    if rel.target.kind is NodeKind.INFERENCE:
        arg = mapped.arguments.get((rel.target.title, rel.target.conclusion))
        return any(a.attacker == source and a.target == arg for a in m.attacks.values())
    target = mapped.claims.get((rel.target.kind, rel.target.title))
    if kind in ("support", "entails"):
        return any(a.premises == (source,) and a.conclusion == target for a in m.arguments.values())
    if kind == "undercut":
        return any(
            a.attacker == source and m.arguments[a.target].premises == (target,)
            for a in m.attacks.values()
            if a.target in m.arguments
        )
    pairs = {(a.attacker, a.target) for a in m.attacks.values()}
    if kind in ("contradictory", "contrary"):
        return (source, target) in pairs and (target, source) in pairs
    return (source, target) in pairs


def test_counts_of_the_whole_corpus(tmp_path: Path) -> None:
    """The numbers the report gives: statements, arguments and relations per file."""
    found = {}
    for path in FILES:
        doc, _ = parse_argdown(path.read_text(encoding="utf-8"), path.name)
        found[path.stem] = (len(doc.statements), len(doc.arguments), len(doc.relations))
    assert found == {
        "Populism-Core-Argument-Argdown-Example": (69, 27, 24),
        "argdown-primer": (17, 4, 10),
        "greenspan-schefczyk_hardwrap": (36, 6, 5),
        "intro": (12, 5, 7),
        "legalisation-softdrugs": (1, 17, 19),
        "semmelweis_betz": (32, 10, 6),
        "state-censorship": (28, 7, 4),
        "veggie_debate": (25, 22, 58),
    }
