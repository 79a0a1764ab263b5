"""Shared fixtures of the interchange tests: fixture folders, importing text into a loaded
map, and the reference Argdown implementation (``@argdown/cli`` 1.7.5) installed from npm.

The reference is installed once into a cache folder (``$ARGMAP_TEST_CACHE`` or
``~/.cache/argmap-tests``). Without Node and npm its tests skip, unless
``ARGMAP_REQUIRE_NODE=1`` is set (as CI sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.interchange.importing import ImportOutcome, import_text, render_yaml, validate_yaml
from argmap.pipeline import load_map
from npm_cache import npm_file

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
CORPUS = FIXTURES / "argdown"
MONTEBELLO = HERE.parents[1] / "arguments" / "montebello.yaml"
ARGDOWN_CLI_VERSION = "1.7.5"

# A premise and an attack each given twice (argmap reads both copies; AM015 warns of them),
# which an exchange format holds once.
GIVEN_TWICE = """\
argmap: 1
claims:
  a: {text: A.}
  b: {text: B., rebuts: a}
  c: {text: C.}
arguments:
  r: {conclusion: a, premises: [c, c]}
attacks:
  x: {from: b, rebuts: a, note: Again.}
"""


def imported(text: str, fmt: str, name: str = "input") -> ImportOutcome:
    return import_text(text, name, fmt, title="Imported")


def loaded(outcome: ImportOutcome, tmp_path: Path) -> ArgumentMap:
    """Write the imported map, check that it validates, and load it back."""
    assert outcome.draft is not None, [d.message for d in outcome.diagnostics]
    text = render_yaml(outcome.draft, outcome.format, "input")
    assert validate_yaml(text, "input") == []
    return written(tmp_path, text, "imported.yaml")


def written(tmp_path: Path, text: str, name: str = "map.yaml") -> ArgumentMap:
    """The map of ``text``, written to ``tmp_path/name`` and loaded (it must resolve)."""
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    result = load_map(target)
    assert result.map is not None, [d.message for d in result.diagnostics]
    return result.map


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """The ``argdown`` executable of @argdown/cli 1.7.5, installed once."""
    required = os.environ.get("ARGMAP_REQUIRE_NODE") == "1"
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        message = "Node.js and npm are needed for the Argdown reference implementation"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    found = npm_file("@argdown/cli", ARGDOWN_CLI_VERSION, ".bin/argdown")
    if isinstance(found, str):
        if required:
            pytest.fail(found)
        pytest.skip(found)
    return found
