"""The wheel carries what argmap needs (templates, schema-generating models, py.typed) and
installs into a fresh virtual environment where ``argmap --version`` and ``validate`` run."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from argmap import __version__

REPO = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("argmap-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "argmap/py.typed" in names
    assert "argmap/cli.py" in names
    assert any(n.startswith("argmap/lint/rules/am001") for n in names)
    assert wheel.name.startswith(f"argmap-{__version__}-py3-none-any")
    templates = [n for n in names if n.startswith("argmap/templates/")]
    source_templates = list((REPO / "src/argmap/templates").rglob("*.*"))
    assert len(templates) == len(source_templates)


def test_fresh_virtualenv_runs_argmap(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    argmap = env_dir / "bin" / "argmap"
    version = subprocess.run([str(argmap), "--version"], capture_output=True, text=True)
    assert version.stdout == f"argmap, version {__version__}\n"
    checked = subprocess.run(
        [str(argmap), "check", str(REPO / "arguments" / "montebello.yaml")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "45 of 45 quotes verified" in checked.stdout
