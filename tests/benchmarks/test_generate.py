"""The benchmark's map generator (``benchmarks/generate.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GENERATOR = Path(__file__).parents[2] / "benchmarks" / "generate.py"


def _generate(claims: int, output: Path) -> None:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--claims", str(claims), "-o", str(output)],
        check=True,
        timeout=120,
    )


def test_two_maps_in_one_folder_quote_their_own_source_texts(tmp_path: Path) -> None:
    """Each map's source text is named after the map: one shared ``sources/synthetic.txt``
    let the second map overwrite the first one's, so that every quote of the first missed."""
    _generate(30, tmp_path / "small.yaml")
    _generate(300, tmp_path / "large.yaml")
    small = (tmp_path / "small.yaml").read_text(encoding="utf-8")
    assert "    file: sources/small.txt\n" in small
    assert "    file: sources/large.txt\n" in (tmp_path / "large.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == ["large.txt", "small.txt"]
    (tmp_path / "argmap.toml").write_text("")
    checked = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(tmp_path / "small.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_small_maps_of_fifty_claims_are_written_and_check_clean(tmp_path: Path) -> None:
    """With three actors, a counterclaim against claims of both critics had no actor left
    to hold it, and the generator stopped with an IndexError."""
    folder = tmp_path / "batch"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--files", "200", "--claims", "50", "-o", str(folder)],
        check=True,
        timeout=120,
    )
    (folder / "argmap.toml").write_text("")
    checked = subprocess.run(
        [sys.executable, "-m", "argmap", "-q", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert len(list(folder.glob("*.yaml"))) == 200


def test_a_map_of_a_thousand_claims_checks_without_findings(tmp_path: Path) -> None:
    """As docs/performance.md says, a maintained map's kind: no warning either. A quote that
    began right after a "not" of the source drew AM014 (quote-drops-negation): four times in
    the 5,000-claim map, once in the 1,000-claim one."""
    _generate(1000, tmp_path / "map.yaml")
    (tmp_path / "argmap.toml").write_text("")
    checked = subprocess.run(
        [sys.executable, "-m", "argmap", "-q", "check", "--strict", str(tmp_path / "map.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
