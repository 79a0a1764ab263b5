"""Cross-check against pygarg, an independent SAT-based solver (a test-only dependency).

The frameworks go to pygarg through argmap's own ICCMA 2023 and apx writers, so this also
checks that other tools read those files as argmap means them. Skipped when pygarg is not
installed.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

# pygarg is in the test extras: a missing install must fail here, not skip
from pygarg.dung import apx_parser, dimacs_parser, solver

from argmap.semantics import (
    ArgumentationFramework,
    grounded_extension,
    preferred_extensions,
    stable_extensions,
    write_apx,
    write_i23,
)

Extensions = set[frozenset[int]]


def random_framework(seed: int) -> ArgumentationFramework:
    rng = random.Random(seed)
    n = rng.randint(1, 9)
    density = rng.choice([0.1, 0.2, 0.3, 0.5])
    attacks = [(a, b) for a in range(n) for b in range(n) if rng.random() < density]
    return ArgumentationFramework([f"a{i}" for i in range(n)], attacks)


def pygarg_extensions(path: Path, file_format: str, semantics: str) -> Extensions:
    parse = apx_parser.parse if file_format == "apx" else dimacs_parser.parse
    args, atts = parse(str(path))
    found = solver.extension_enumeration(args, atts, semantics)
    position = {name: i for i, name in enumerate(args)}
    return {frozenset(position[name] for name in extension) for extension in found}


@pytest.mark.parametrize("seed", range(30))
def test_grounded_preferred_and_stable_agree_with_pygarg(seed: int, tmp_path: Path) -> None:
    af = random_framework(seed)
    file_format = "apx" if seed % 3 == 0 else "i23"
    path = tmp_path / f"af.{file_format}"
    path.write_text(write_apx(af) if file_format == "apx" else write_i23(af), encoding="utf-8")
    assert pygarg_extensions(path, file_format, "GR") == {grounded_extension(af)}
    assert pygarg_extensions(path, file_format, "PR") == set(preferred_extensions(af))
    assert pygarg_extensions(path, file_format, "ST") == set(stable_extensions(af))
