"""The hook definitions run: their entries are real commands, their file patterns match maps."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).parents[2]
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def run_hook(hook_id: str, files: list[str]) -> subprocess.CompletedProcess[str]:
    (hook,) = [h for h in HOOKS if h["id"] == hook_id]
    included = [f for f in files if re.search(hook["files"], f)]
    included = [f for f in included if not re.search(hook["exclude"], f)]
    program, *args = shlex.split(hook["entry"])
    assert program == "argmap"
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args, *included],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_hooks_are_declared() -> None:
    assert [h["id"] for h in HOOKS] == ["argmap-validate", "argmap-check"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert re.search(hook["files"], "arguments/montebello.yaml")
        assert not re.search(hook["files"], "README.md")
        assert re.search(hook["exclude"], ".pre-commit-config.yaml")


def test_validate_hook_passes_on_the_maps_and_fails_on_a_bad_one() -> None:
    good = run_hook("argmap-validate", ["arguments/montebello.yaml", "README.md"])
    assert good.returncode == 0, good.stdout + good.stderr
    bad = run_hook("argmap-validate", ["tests/examples/invalid/unknown-key.yaml"])
    assert bad.returncode == 1
    assert "error[AM201]" in bad.stdout


def test_check_hook_verifies_quotes() -> None:
    result = run_hook("argmap-check", ["arguments/montebello.yaml"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "45 of 45 quotes verified" in result.stdout
