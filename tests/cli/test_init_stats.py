"""``argmap init`` writes a starter that checks clean; ``argmap stats`` counts it."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.shellword import shell_word


def test_init_writes_a_map_that_checks_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    runner = CliRunner()
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0
    assert result.output == (
        "wrote map.yaml and sources/district-study.txt\nnext: argmap check map.yaml\n"
    )
    checked = runner.invoke(main, ["check", "--strict", "-f", "json", "map.yaml"])
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.output)
    assert data["diagnostics"] == []
    (outcome,) = data["maps"]
    assert outcome["diagnostics"] == []
    assert {e["status"] for e in outcome["quotes"]} == {"verified"}
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 2
    assert again.output == "argmap: map.yaml exists; use --force to overwrite it\n"


def test_init_adds_a_second_map_beside_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The starter source is already there, as init wrote it: a second map shares it."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "a.yaml"]).exit_code == 0
    second = runner.invoke(main, ["init", "b.yaml"])
    assert second.exit_code == 0, second.output
    assert second.output == (
        "wrote b.yaml (sources/district-study.txt is there already)\nnext: argmap check b.yaml\n"
    )
    assert runner.invoke(main, ["check", "b.yaml"]).exit_code == 0
    # a source of that name with other text is the user's: not replaced without --force
    (tmp_path / "sources" / "district-study.txt").write_text("My own notes.\n")
    third = runner.invoke(main, ["init", "c.yaml"])
    assert third.exit_code == 2
    assert third.output == (
        "argmap: sources/district-study.txt exists; use --force to overwrite it\n"
    )
    assert not (tmp_path / "c.yaml").exists()


@pytest.mark.parametrize("name", ["map.txt", "map.json", "notes.md"])
def test_init_refuses_a_name_that_no_folder_search_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", name])
    assert result.exit_code == 2
    assert result.output == (
        f"argmap: {name}: an argument map's name ends in .yaml or .yml (argmap finds maps in "
        "folders by that)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.fixture
def starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner in a project made by ``argmap init`` (its map.yaml and source)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    return runner


def test_stats_counts_kinds_verdicts_and_quotes(starter: CliRunner) -> None:
    result = starter.invoke(main, ["stats", "--json", "map.yaml"])
    assert result.exit_code == 0
    (data,) = json.loads(result.output)["maps"]
    assert data["claims"] == {
        "thesis": 1,
        "claim": 1,
        "premise": 1,
        "assumption": 1,
        "counterclaim": 0,
    }
    assert data["attacks"] == {"rebut": 1, "undermine": 0, "undercut": 1}
    assert data["quotes"]["verified"] == 2
    assert data["verdicts"] == {
        "supported": 2,
        "refuted": 1,
        "contested": 0,
        "unsupported": 1,
    }
    text = starter.invoke(main, ["stats", "map.yaml"])
    assert text.output.splitlines()[1].split() == [
        "claims",
        "4",
        "1",
        "thesis,",
        "1",
        "claim,",
        "1",
        "premise,",
        "1",
        "assumption",
    ]


def test_stats_shows_a_hostile_title_and_file_name_never_obeys_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The title went to the terminal raw: an OSC sequence could retitle the window or forge
    a link, a backspace rub out what was printed. ``check`` shows the same title escaped."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    name = "m\x1b[2Jap.yaml"
    (tmp_path / name).write_text(
        'argmap: 1\ntitle: "evil\\e]0;pwned\\a\\bX\\u202eY"\n'
        "claims:\n  t: {text: T., kind: thesis}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["stats", name], color=True)  # nothing stripped
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first == "m\\x1b[2Jap.yaml: evil\\x1b]0;pwned\\x07\\x08X\\u202eY"
    checked = CliRunner().invoke(main, ["check", name], color=True)
    assert checked.output.splitlines()[0] == first


def test_stats_json_of_a_broken_map_keeps_stdout_for_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``argmap stats --json map.yaml | jq`` must not get a text report: stdout holds the
    document of the maps counted, here none, and the findings of the map that does not load
    are its ``diagnostics``, as check's JSON holds them (exit 1)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("argmap: 1\nclaims: {a: {text: A, supports: b}}\n")
    result = CliRunner().invoke(main, ["stats", "--json", "bad.yaml"])
    assert (result.exit_code, result.stderr) == (1, "")
    document = json.loads(result.stdout)
    assert list(document) == ["format", "version", "maps", "total", "diagnostics"]
    assert document["maps"] == []
    counts = document["total"].values()
    assert [n for c in counts for n in (c.values() if isinstance(c, dict) else [c])] == [0] * 24
    assert [(d["code"], d["line"], d["column"]) for d in document["diagnostics"]] == [
        ("AM302", 2, 33)
    ]
    as_text = CliRunner().invoke(main, ["stats", "bad.yaml"])
    assert as_text.exit_code == 1
    assert as_text.stdout.splitlines()[0] == (
        "bad.yaml:2:33: error[AM302] 'b' refers to no claim in this map (dangling-reference)"
    )


def test_init_points_the_editor_at_the_project_schema_else_the_published_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As docs/editors.md says: a relative path when a folder above the map holds
    schema/argmap.schema.json, the published address elsewhere."""
    from argmap.commands.init import SCHEMA_URL

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "alone.yaml"]).exit_code == 0
    first = Path("alone.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URL}"
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "argmap.schema.json").write_text("{}")
    assert runner.invoke(main, ["init", "arguments/map.yaml"]).exit_code == 0
    first = Path("arguments/map.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/argmap.schema.json"


@pytest.mark.parametrize("as_json", [False, True])
def test_stats_reports_a_broken_configuration_as_validate_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_json: bool
) -> None:
    """stats read the configuration and dropped its problems: a typo in [tool.argmap] was
    reported by validate, check and export, and stats counted with the defaults and exited 0.
    Like export, it now says where the configuration is broken and exits 1, counting nothing
    that the configuration would have changed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.argmap]\nselct = []\n')
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
        "  a: {text: A., kind: assumption, supports: t}\n"
    )
    runner = CliRunner()
    expected = (
        "pyproject.toml:5:1: error[AM903] unknown setting 'selct'; known: duplicate-similarity, "
        "ignore, long-text, select, severity, similarity (invalid-config)"
    )
    validated = runner.invoke(main, ["validate", "map.yaml"])
    assert validated.output == f"{expected}\n\n1 error in 1 of 1 file\n"
    result = runner.invoke(main, ["stats", *(["--json"] if as_json else []), "map.yaml"])
    assert result.exit_code == 1
    if as_json:  # the document of the maps counted (none) and the findings, as check's
        assert result.stderr == ""
        document = json.loads(result.stdout)
        assert document["maps"] == []
        assert [
            (d["path"], d["line"], d["column"], d["code"]) for d in document["diagnostics"]
        ] == [("pyproject.toml", 5, 1, "AM903")]
    else:
        assert result.output == validated.output


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["render", "--format", "dot"], "renders/map.dot"),
        (["report", "-o", "out"], "out/map.html"),
        (["handout", "--format", "html", "-o", "out"], "out/map-student.html"),
    ],
)
def test_outputs_report_a_broken_configuration_as_validate_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], written: str
) -> None:
    """render, report and handout read the configuration (the similarity of a paraphrase)
    and dropped its problems: a typo in [tool.argmap] said nothing and exited 0. It is
    reported once, before the maps, and fails the run (exit 1), as in check, whose verdicts
    are still given: the maps are still written, with the defaults."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("selct = []\n")
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
        "  a: {text: A., kind: assumption, supports: t}\n"
    )
    result = CliRunner().invoke(main, [*command, "map.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        "argmap.toml:1:1: error[AM903] unknown setting 'selct'; known: duplicate-similarity, "
        "ignore, long-text, select, severity, similarity (invalid-config)\n\n"
        "1 error in 1 of 1 file\n"
        f"wrote {written}\n"
    )
    assert (tmp_path / written).is_file()


def test_stats_lines_end_without_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A section with nothing in it ('arguments      0') ended in two spaces."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\ntitle: T\nclaims:\n  t: {text: T., kind: thesis}\n"
    )
    result = CliRunner().invoke(main, ["stats", "map.yaml"])
    assert result.exit_code == 0
    assert result.output.splitlines()[2:4] == ["  arguments      0", "  attacks        0"]
    assert [line for line in result.output.splitlines() if line != line.rstrip()] == []


def test_stats_takes_format_json_as_the_other_commands_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate, check and import say ``--format json``; stats alone said ``--json``. It takes
    ``-f/--format text|json`` now, and ``--json`` still works (a hidden alias: scripts use
    it); asking for both json and text is a usage error, not a silent pick."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\ntitle: T\nclaims:\n  t: {text: T., kind: thesis}\n"
    )
    runner = CliRunner()
    as_json = runner.invoke(main, ["stats", "--json", "map.yaml"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["total"]["claims"]["thesis"] == 1
    for option in (["--format", "json"], ["-f", "json"], ["--json", "--format", "json"]):
        result = runner.invoke(main, ["stats", *option, "map.yaml"])
        assert (result.exit_code, result.output) == (0, as_json.output)
    text = runner.invoke(main, ["stats", "map.yaml"])
    assert text.output.splitlines()[0] == "map.yaml: T"
    explicit = runner.invoke(main, ["stats", "--format", "text", "map.yaml"])
    assert (explicit.exit_code, explicit.output) == (0, text.output)
    both = runner.invoke(main, ["stats", "--json", "--format", "text", "map.yaml"])
    assert both.exit_code == 2
    assert both.stdout == ""
    assert both.stderr.splitlines()[-1] == (
        "Error: --json is --format json; it cannot be used with --format text"
    )
    shown = runner.invoke(main, ["stats", "--help"]).output
    assert "  -f, --format [text|json]  Print the counts as text or JSON" in shown
    assert "--json" not in shown


def test_stats_json_names_its_format_and_version_first(starter: CliRunner) -> None:
    result = starter.invoke(main, ["stats", "--json", "map.yaml"])
    assert result.exit_code == 0
    assert result.output.startswith('{\n  "format": "argmap-stats",\n  "version": 1,\n')
    document = json.loads(result.output)
    assert list(document) == ["format", "version", "maps", "total", "diagnostics"]
    assert list(document["maps"][0]) == ["path", *document["total"]]
    assert list(document["total"]) == [
        "claims",
        "arguments",
        "attacks",
        "evidence",
        "sources",
        "actors",
        "questions",
        "verdicts",
        "quotes",
        "findings",
    ]
    text = starter.invoke(main, ["stats", "map.yaml"]).output
    assert "format" not in text and "version" not in text


@pytest.mark.parametrize("name", ["Map.YAML", "map.Yml"])
def test_init_takes_a_suffix_in_any_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A folder search finds ``Map.YAML``, so init writes it where it was asked to (it wrote
    ``Map.YAML/map.yaml``, a folder named like a map)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    result = CliRunner().invoke(main, ["init", name])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()


@pytest.mark.parametrize("name", ["con.yaml", "NUL.yml", "com1.yaml"])
def test_init_refuses_a_name_windows_cannot_create(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Its renders (con.svg) would be refused, and no Windows checkout can hold the map."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", name])
    assert result.exit_code == 2
    device = name.split(".")[0].upper()
    assert result.output == (
        f"argmap: {name} cannot be a file on Windows: Windows keeps the name {device} for a "
        "device; give the map another name\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="a POSIX shell runs the printed command")
@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("my map.yaml", "'my map.yaml'"),
        ("it's.yaml", "'it'\"'\"'s.yaml'"),
        ("-x.yaml", "./-x.yaml"),
        ("plain.yaml", "plain.yaml"),
    ],
)
def test_the_commands_init_suggests_work_when_pasted_into_a_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, shown: str
) -> None:
    """init printed 'next: argmap check my map.yaml', which a shell runs as a check of two
    files, 'my' and 'map.yaml' (and '-x.yaml' as an option): the newcomer's first command
    after init failed. The starter map's own comments named it the same way."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    result = CliRunner().invoke(main, ["init", "--", name])
    assert result.exit_code == 0, result.output
    first, following = result.output.splitlines()
    assert first == f"wrote {name} and sources/district-study.txt"  # a name, not a command
    assert following == f"next: argmap check {shown}"
    assert f"#   argmap validate {shown}       (" in (tmp_path / name).read_text()
    command = following.removeprefix("next: argmap ")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    ran = subprocess.run(
        f"{shlex.quote(sys.executable)} -m argmap {command}",
        shell=True,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stderr) == (0, "")


@pytest.mark.parametrize(
    ("path", "posix", "windows"),
    [
        ("map.yaml", "map.yaml", "map.yaml"),
        ("my map.yaml", "'my map.yaml'", '"my map.yaml"'),
        ("-x.yaml", "./-x.yaml", "./-x.yaml"),
        ("a&b.yaml", "'a&b.yaml'", '"a&b.yaml"'),
        ("$HOME.yaml", "'$HOME.yaml'", "$HOME.yaml"),  # cmd leaves $ alone; PowerShell would not
    ],
)
def test_shell_word_quotes_for_the_shell_of_the_system(path: str, posix: str, windows: str) -> None:
    assert shell_word(path, windows=False) == posix
    assert shell_word(path, windows=True) == windows
