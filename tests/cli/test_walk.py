"""A folder given to a command is searched for argument maps, not for every YAML file: a
project's docker-compose.yml or CI workflow is skipped (said under -v), a file named on the
command line is always read as a map, and YAML that does not parse is still reported."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap import batch
from argmap.cli import main

MAP = """\
argmap: 1
claims:
  t: {text: T., kind: thesis}
  a: {text: A., kind: assumption, supports: t}
"""
COMPOSE = "services:\n  web: {image: nginx}\n"
WORKFLOW = "name: ci\non: [push]\njobs: {}\n"
TIMING = re.compile(r"^argmap \w+: \d+\.\d\d s$")
SKIPPED = [
    "skipped ci/workflow.yml: not an argument map (no argmap: key)",
    "skipped docker-compose.yml: not an argument map (no argmap: key)",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "docker-compose.yml").write_text(COMPOSE, encoding="utf-8")
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "workflow.yml").write_text(WORKFLOW, encoding="utf-8")
    return tmp_path


def _said(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not TIMING.match(line)]


def test_validate_skips_yaml_that_is_not_an_argument_map(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["validate", "."])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "1 file checked, no problems\n",
        "",
    )
    verbose = runner.invoke(main, ["validate", "-v", "."])
    assert (verbose.exit_code, verbose.stdout) == (0, "1 file checked, no problems\n")
    assert _said(verbose.stderr) == [*SKIPPED, "configuration: argmap.toml", "read map.yaml"]


def test_a_file_named_on_the_command_line_is_always_read_as_a_map(
    runner: CliRunner, project: Path
) -> None:
    """Named, docker-compose.yml is read as a map, as before, even when its folder is given
    too: the user asked for it."""
    for result in _named_and_with_its_folder(runner, "docker-compose.yml", "2 errors"):
        assert result.stdout.splitlines()[0] == (
            "docker-compose.yml:1:1: error[AM201] unknown key 'services' in the top level "
            "(unknown-key)"
        )
        assert "ci/workflow.yml" not in result.stdout


def _named_and_with_its_folder(runner: CliRunner, name: str, errors: str) -> list[Result]:
    """``validate NAME`` and ``validate . NAME``: each fails (exit 1) with ``errors`` in the
    one file named, of the files it read (1, then 2: the folder's map too)."""
    results = []
    for paths in ([name], [".", name]):
        result = runner.invoke(main, ["validate", *paths])
        assert result.exit_code == 1
        checked = "1 file" if len(paths) == 1 else "2 files"
        assert result.stdout.splitlines()[-1] == f"{errors} in 1 of {checked}"
        results.append(result)
    return results


def test_yaml_that_does_not_parse_is_still_reported(runner: CliRunner, project: Path) -> None:
    """It may be a broken map: skipping it would hide the error."""
    (project / "broken.yaml").write_text("claims: [\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "broken.yaml:2:1: error[AM106] YAML syntax error: did not find expected node content "
        "(yaml-syntax)"
    )
    assert result.stdout.splitlines()[-1] == "1 error in 1 of 2 files"


@pytest.mark.parametrize(
    "text", ["claims:\n  t: {text: T., kind: thesis}\n", "argmap: 2\n", "argmap: 1\nservices: {}\n"]
)
def test_a_file_with_an_argmap_or_claims_key_is_read_as_a_map(
    runner: CliRunner, project: Path, text: str
) -> None:
    """A map that forgot its version line, or has a wrong one, is a map with an error."""
    (project / "docker-compose.yml").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("docker-compose.yml:")
    assert result.stdout.splitlines()[-1].endswith("in 1 of 2 files")


def test_a_folder_of_many_files_skips_alike_in_the_process_pool(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = runner.invoke(main, ["validate", "-v", "."])
    monkeypatch.setattr(batch, "POOL_FROM", 2)
    monkeypatch.setattr(batch, "workers_for", lambda count: 2)
    pooled = runner.invoke(main, ["validate", "-v", "."])
    assert (pooled.exit_code, pooled.stdout) == (0, "1 file checked, no problems\n")
    assert _said(pooled.stderr) == _said(serial.stderr)


def test_check_skips_yaml_that_is_not_an_argument_map(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["check", "-v", "."])
    assert result.exit_code == 0
    assert "docker-compose" not in result.stdout and "workflow" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1 file checked, no problems"
    said = _said(result.stderr)
    assert said[:3] == [*SKIPPED, "configuration: argmap.toml"]
    assert re.fullmatch(r"checked map\.yaml: 0 quotes, grounded semantics, \d+\.\d\d s", said[3])
    assert len(said) == 4
    as_json = runner.invoke(main, ["check", "-f", "json", "."])
    assert (as_json.exit_code, as_json.stderr) == (0, "")
    assert '"path": "map.yaml"' in as_json.stdout and "docker-compose" not in as_json.stdout


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["render", "--format", "dot", "-o", "out"], ["map.dot"]),
        (["report", "-o", "out"], ["map.html"]),
        (["handout", "--format", "html", "-o", "out"], ["map-student.html"]),
    ],
)
def test_commands_that_write_skip_yaml_that_is_not_an_argument_map(
    runner: CliRunner, project: Path, command: list[str], written: list[str]
) -> None:
    result = runner.invoke(main, [*command, "-v", "."])
    assert (result.exit_code, result.stdout) == (0, "")
    said = _said(result.stderr)
    assert [line for line in said if line.startswith("skipped")] == SKIPPED
    assert said[-1] == f"wrote out/{written[0]}"
    assert sorted(p.name for p in (project / "out").iterdir()) == written


@pytest.mark.parametrize("command", ["validate", "check", "render", "report", "handout", "stats"])
def test_every_command_that_searches_folders_says_how(runner: CliRunner, command: str) -> None:
    """One rule, said in the same words by every command that takes folders (docs/cli.md is
    generated from them)."""
    shown = " ".join(runner.invoke(main, [command, "--help"]).output.split())
    assert (
        "PATHS are files or folders. A folder is searched for argument maps: its *.yaml and "
        "*.yml files (any case), except hidden ones and those whose top level is not a mapping "
        "with an argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI "
        "workflow), which are skipped (-v lists them). A file named is always read as a map."
    ) in shown


@pytest.mark.parametrize("command", ["validate", "check", "render", "report", "handout", "stats"])
def test_a_folder_without_a_map_is_said_to_have_none(
    runner: CliRunner, project: Path, command: str
) -> None:
    """As an empty folder is (AM902): ``argmap validate ci/`` checked nothing and said '0 files
    checked, no problems', which reads as a pass of the maps the user meant."""
    result = runner.invoke(main, [command, "ci", "map.yaml"])
    assert result.exit_code == 0
    warning = (
        "ci:1:1: warning[AM902] no argument maps in this folder: 1 YAML file skipped, none an "
        "argument map (-v says why) (no-files)"
    )
    lines = result.stdout.splitlines()
    assert lines[-3:] == [warning, "", "1 warning in 1 of 1 file"]  # as for an empty folder
    strict = runner.invoke(main, ["validate", "--strict", "ci"])
    assert strict.exit_code == 1
    assert strict.stdout == f"{warning}\n\n1 warning in 1 file (0 files checked)\n"


def test_check_json_carries_a_folder_without_a_map(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["check", "-f", "json", "ci", "map.yaml"])
    assert result.exit_code == 0
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["AM902"]


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["render", "--format", "dot"], "one.dot"),
        (["report"], "one.html"),
        (["handout", "--format", "html"], "one.html"),
    ],
)
def test_a_file_name_for_a_folder_of_one_map_is_taken(
    runner: CliRunner, project: Path, command: list[str], target: str
) -> None:
    """``-o one.svg`` names the file of a single map. A folder of one map, a file it includes
    and a docker-compose.yml holds one map; the files were counted instead, and the run
    refused: 'names one file, but 4 maps were given'."""
    (project / "map.yaml").write_text(MAP.replace("claims:", "include: [part.yaml]\nclaims:"))
    (project / "part.yaml").write_text("argmap: 1\nclaims:\n  b: {text: B., kind: assumption}\n")
    result = runner.invoke(main, [*command, ".", "-o", target])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {target}\n")
    (project / "other.yaml").write_text(MAP)
    refused = runner.invoke(main, [*command, ".", "-o", f"two-{target}"])
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        f"argmap: -o two-{target} names one file, but 2 maps were given; give a folder\n"
    )
    assert not (project / f"two-{target}").exists()


def test_each_file_of_a_folder_is_parsed_once(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a file is a map is decided on the document loaded to read it, not by a first
    parse of its own: a large map found in a folder costs what it cost before."""
    from argmap import load

    parsed: list[str] = []
    real = load.load_text

    def counting(text: str, path: str, limits: load.Limits = load.DEFAULT_LIMITS) -> load.Document:
        parsed.append(path)
        return real(text, path, limits)

    monkeypatch.setattr(load, "load_text", counting)
    for command in ("validate", "check"):
        parsed.clear()
        assert runner.invoke(main, [command, "."]).exit_code == 0
        assert sorted(parsed) == ["ci/workflow.yml", "docker-compose.yml", "map.yaml"]


PLAYBOOK = "- hosts: all\n  tasks:\n    - ping:\n"
NOT_A_MAPPING = "not an argument map (its top level is not a mapping)"


@pytest.mark.parametrize(
    ("name", "text"),
    [("site.yml", PLAYBOOK), ("roles/defaults.yaml", "--- just a value\n")],
)
def test_yaml_whose_top_level_is_not_a_mapping_is_skipped_when_walked(
    runner: CliRunner, project: Path, name: str, text: str
) -> None:
    """An Ansible playbook (a list at the top) in a folder was read as a map: 'error[AM111]
    the top level must be a mapping of keys'. No map is anything but a mapping."""
    (project / name).parent.mkdir(exist_ok=True)
    (project / name).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", "-v", "."])
    assert (result.exit_code, result.stdout) == (0, "1 file checked, no problems\n")
    assert [line for line in _said(result.stderr) if line.startswith("skipped")] == sorted(
        [*SKIPPED, f"skipped {name}: {NOT_A_MAPPING}"]
    )
    checked = runner.invoke(main, ["check", "-v", "."])
    assert checked.exit_code == 0
    assert checked.stdout.splitlines()[-1] == "1 file checked, no problems"
    assert f"skipped {name}: {NOT_A_MAPPING}" in _said(checked.stderr)
    drawn = runner.invoke(main, ["render", "--format", "dot", "-o", "out", "-v", "."])
    assert (drawn.exit_code, drawn.stdout) == (0, "")
    assert f"skipped {name}: {NOT_A_MAPPING}" in _said(drawn.stderr)
    assert sorted(p.name for p in (project / "out").iterdir()) == ["map.dot"]


def test_a_playbook_in_a_folder_of_many_files_is_skipped_in_the_process_pool(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "site.yml").write_text(PLAYBOOK, encoding="utf-8")
    monkeypatch.setattr(batch, "POOL_FROM", 2)
    monkeypatch.setattr(batch, "workers_for", lambda count: 2)
    pooled = runner.invoke(main, ["validate", "-v", "."])
    assert (pooled.exit_code, pooled.stdout) == (0, "1 file checked, no problems\n")
    assert _said(pooled.stderr)[-1] == f"skipped site.yml: {NOT_A_MAPPING}"


def test_a_playbook_named_on_the_command_line_gets_the_real_error(
    runner: CliRunner, project: Path
) -> None:
    (project / "site.yml").write_text(PLAYBOOK, encoding="utf-8")
    for result in _named_and_with_its_folder(runner, "site.yml", "1 error"):
        assert result.stdout.splitlines()[0] == (
            "site.yml:1:1: error[AM111] the top level must be a mapping of keys (argmap: 1, "
            "claims: ...), not a list (not-a-mapping)"
        )


def test_a_folder_of_playbooks_only_has_no_maps(runner: CliRunner, project: Path) -> None:
    (project / "ansible").mkdir()
    (project / "ansible" / "site.yml").write_text(PLAYBOOK, encoding="utf-8")
    result = runner.invoke(main, ["validate", "ansible", "map.yaml"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "ansible:1:1: warning[AM902] no argument maps in this folder: 1 YAML file skipped, "
        "none an argument map (-v says why) (no-files)"
    )


def test_a_folder_finds_maps_whatever_the_case_of_their_suffix(
    runner: CliRunner, project: Path
) -> None:
    """A map saved as ``Map.YAML`` or ``b.Yml`` (a Windows editor's habit) is read when named
    on the command line, so a folder search finds it too: it was skipped on a file system that
    tells cases apart (Linux), and the folder passed without it being checked."""
    assert not (project / "MAP.YAML").exists()  # the file system tells cases apart
    (project / "Upper.YAML").write_text(MAP.replace("T.", "Upper."), encoding="utf-8")
    (project / "mixed.Yml").write_text(MAP.replace("T.", "Mixed."), encoding="utf-8")
    result = runner.invoke(main, ["validate", "-v", "."])
    assert (result.exit_code, result.stdout) == (0, "3 files checked, no problems\n")
    assert [line for line in _said(result.stderr) if line.startswith("read")] == [
        "read Upper.YAML",
        "read map.yaml",
        "read mixed.Yml",
    ]


GITLAB_JOB = """\
argmap:
  image: python:3.12
  script:
    - argmap check arguments/
"""
NOT_A_VERSION = "not an argument map (its argmap: key is a mapping, not a format version)"


def test_a_ci_file_with_a_job_named_argmap_is_skipped_when_walked(
    runner: CliRunner, project: Path
) -> None:
    """GitLab names a job by its key, and a job that runs argmap is naturally 'argmap:': a file
    included by .gitlab-ci.yml (ci/lint.gitlab-ci.yml) was read as a broken map (AM205)."""
    (project / "ci" / "lint.gitlab-ci.yml").write_text(GITLAB_JOB, encoding="utf-8")
    (project / "ci" / "list.yml").write_text("argmap: [a, b]\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "-v", "."])
    assert (result.exit_code, result.stdout) == (0, "1 file checked, no problems\n")
    assert [line for line in _said(result.stderr) if line.startswith("skipped")] == [
        f"skipped ci/lint.gitlab-ci.yml: {NOT_A_VERSION}",
        "skipped ci/list.yml: not an argument map (its argmap: key is a list, not a format "
        "version)",
        *SKIPPED,
    ]
    named = runner.invoke(main, ["validate", "ci/lint.gitlab-ci.yml"])
    assert named.exit_code == 1
    assert named.stdout.splitlines()[0] == (
        "ci/lint.gitlab-ci.yml:2:3: error[AM205] 'argmap' should be the format version, 1, "
        "not a mapping (format-version)"
    )


def test_a_map_with_claims_and_a_broken_argmap_key_is_still_read_when_walked(
    runner: CliRunner, project: Path
) -> None:
    """A map being written may have a wrong version: with claims: it is a map, and told so."""
    broken = "argmap: {version: 1}\nclaims:\n  t: {text: T., kind: thesis}\n"
    (project / "draft.yaml").write_text(broken, encoding="utf-8")
    result = runner.invoke(main, ["validate", "."])
    assert result.exit_code == 1
    assert result.stdout.startswith("draft.yaml:1:")
    assert "error[AM205]" in result.stdout.splitlines()[0]
