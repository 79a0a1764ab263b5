"""``argmap import``: exit codes, the written map, the report, the limits."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.pipeline import load_map

from .conftest import CORPUS, FIXTURES

RUN = CliRunner()


def test_imports_an_argdown_file_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "out" / "semmelweis.yaml"
    source = CORPUS / "semmelweis_betz.argdown"
    result = RUN.invoke(main, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lost = "front matter settings not carried over: model, dot.graphVizSettings.ranksep "
    assert f"warning[AM410] {lost}(not-carried-over)\n" in result.output
    assert "\ndrawing:\n  rankdir: tb\n" in out.read_text(encoding="utf-8")
    assert "32 claims" in result.output
    assert RUN.invoke(main, ["validate", str(out)]).exit_code == 0
    loaded = load_map(out)
    assert loaded.map is not None and len(loaded.map.claims) == 32
    first = out.read_text(encoding="utf-8")
    assert first.startswith("# Imported by argmap import from semmelweis_betz.argdown (argdown).")
    RUN.invoke(main, ["import", str(source), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == first  # deterministic


def test_without_output_the_map_goes_to_stdout(tmp_path: Path) -> None:
    result = RUN.invoke(main, ["import", str(FIXTURES / "aif" / "bare.json")])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Imported by argmap import from bare.json (aif).")
    assert "argmap: 1" in result.stdout
    assert "PA-nodes not carried over" in result.stderr
    assert "imported" in result.stderr


def test_format_by_content_and_by_option(tmp_path: Path) -> None:
    kialo = tmp_path / "discussion"
    kialo.write_text((FIXTURES / "kialo" / "uniforms.txt").read_text(), encoding="utf-8")
    assert RUN.invoke(main, ["import", str(kialo), "-o", str(tmp_path / "k.yaml")]).exit_code == 0
    odd = tmp_path / "map.data"
    odd.write_text((FIXTURES / "aif" / "bare.json").read_text(), encoding="utf-8")
    result = RUN.invoke(main, ["import", str(odd), "--from", "aif", "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0, result.output


def test_errors_exit_1_and_write_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: x\n+ [B]: y\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = RUN.invoke(main, ["import", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "bad.argdown:2:1: error[AM401]" in result.output
    assert not out.exists()
    json_report = RUN.invoke(main, ["import", str(bad), "-o", str(out), "--format", "json"])
    assert json_report.exit_code == 1
    found = json.loads(json_report.output)
    assert "AM401" in json.dumps(found)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert RUN.invoke(main, ["import", str(tmp_path / "missing.argdown")]).exit_code == 2
    unknown = tmp_path / "notes.bin"
    unknown.write_text("just some words\n", encoding="utf-8")
    result = RUN.invoke(main, ["import", str(unknown)])
    assert result.exit_code == 2
    assert "AM405" in result.stderr
    assert RUN.invoke(main, ["import", str(unknown), "--from", "csv"]).exit_code == 2


def test_size_limit_and_binary_input(tmp_path: Path) -> None:
    big = tmp_path / "big.argdown"
    with big.open("w", encoding="utf-8") as handle:
        line = "[S]: " + "x" * 1000 + "\n\n"
        for _ in range(10_500):
            handle.write(line)
    result = RUN.invoke(main, ["import", str(big), "-o", str(tmp_path / "big.yaml")])
    assert result.exit_code == 1
    assert "AM402" in result.output and "larger than the limit" in result.output
    binary = tmp_path / "blob.argdown"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage")
    assert RUN.invoke(main, ["import", str(binary)]).exit_code == 1


def test_exports_are_listed_and_iccma_still_works(tmp_path: Path) -> None:
    montebello = Path(__file__).parents[2] / "arguments" / "montebello.yaml"
    for fmt in ("argdown", "aif", "json", "claimreview", "iccma", "apx"):
        out = tmp_path / f"m.{fmt}"
        result = RUN.invoke(main, ["export", str(montebello), "--to", fmt, "-o", str(out)])
        assert result.exit_code == 0, (fmt, result.output)
        assert out.stat().st_size > 0


def test_import_export_and_schema_onto_a_folder_say_so(tmp_path: Path) -> None:
    """An -o that is a folder (or under a file) is a clear error, not an internal one."""
    folder = tmp_path / "taken"
    folder.mkdir()
    montebello = Path(__file__).parents[2] / "arguments" / "montebello.yaml"
    said = f"argmap: cannot write {folder}: it is a folder"
    runs = {
        "import": (
            ["import", str(CORPUS / "intro.argdown"), "-o", str(folder)],
            f"Invalid value for '-o' / '--output': File '{folder}' is a directory.",
        ),
        "export": (["export", str(montebello), "--to", "json", "-o", str(folder)], said),
        "schema": (["schema", "-o", str(folder)], said),
    }
    for name, (args, message) in runs.items():
        result = RUN.invoke(main, args)
        assert result.exit_code == 2, (name, result.output)
        assert message in result.stderr, name
        assert "internal error" not in result.output, name
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = RUN.invoke(main, ["schema", "-o", str(blocker / "schema.json")])
    assert result.exit_code == 2, result.output
    assert (
        f"argmap: cannot write {blocker / 'schema.json'}: {blocker} is a file, not a folder"
        in result.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "taken"]
    assert list(folder.iterdir()) == []


def test_the_summary_counts_in_words(tmp_path: Path) -> None:
    """'1 supports, 1 attacks; 1 notes' was the summary of a map with one of each."""
    kialo = tmp_path / "one.txt"
    kialo.write_text(
        "Discussion Title: Uniforms?\n\n1. Schools should require uniforms.\n"
        "1.1. Pro: Uniforms improve attendance. [1]\n1.2. Con: Uniforms cost money.\n\n"
        "Sources:\n[1] District study on uniforms.\n",
        encoding="utf-8",
    )
    result = RUN.invoke(main, ["import", str(kialo), "-o", str(tmp_path / "one.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        f"imported {kialo} (kialo) -> {tmp_path / 'one.yaml'}: 3 claims, 1 support, "
        "1 attack; 1 note on what was not carried over\n"
    )


def test_the_summary_counts_with_thousands_separators(tmp_path: Path) -> None:
    """The import summary said '1001 claims' where render's messages say '1,001 claims':
    one helper now words every count, with the separator."""
    kialo = tmp_path / "many.txt"
    pros = "".join(f"1.{i}. Pro: Reason {i} stands on its own.\n" for i in range(1, 1001))
    kialo.write_text(f"Discussion Title: Many?\n\n1. A thesis.\n{pros}", encoding="utf-8")
    result = RUN.invoke(main, ["import", str(kialo), "-o", str(tmp_path / "many.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        f"imported {kialo} (kialo) -> {tmp_path / 'many.yaml'}: 1,001 claims, 1,000 supports, "
        "0 attacks; 0 notes on what was not carried over\n"
    )


RLO = "\u202e"  # right-to-left override: lint rule AM012 refuses it anywhere in a map
HIDDEN_INPUTS = {
    "hidden.argdown": (
        f'===\ntitle: "T{RLO}"\n'
        f'argmap: {{question: "Q{RLO}?", sources: {{s: {{title: "S{RLO}"}}}}}}\n'
        f"===\n\n# Head{RLO}\n\n[A{RLO}B]: x #t{RLO}g\n\n<Arg{RLO}X>: y\n"
    ),
    "hidden.txt": (
        f"Discussion Title: T{RLO}\n\n1. A claim [t{RLO}](https://x.org/a).\n\n"
        f"Sources:\n[1] S{RLO} https://y.org\n"
    ),
    "hidden.json": json.dumps(
        {
            "AIF": {
                "nodes": [
                    {"nodeID": 1, "type": "I", "text": "a"},
                    {"nodeID": 2, "type": "RA", "text": f"Sch{RLO}eme"},
                    {"nodeID": 3, "type": "I", "text": "b"},
                    {"nodeID": 4, "type": "L", "text": "x"},
                    {"nodeID": 5, "type": "YA", "text": "Asserting"},
                ],
                "edges": [
                    {"fromID": 1, "toID": 2},
                    {"fromID": 2, "toID": 3},
                    {"fromID": 4, "toID": 5},
                    {"fromID": 5, "toID": 1},
                ],
                "locutions": [{"nodeID": 4, "personID": 1}],
                "participants": [{"participantID": 1, "firstname": f"A{RLO}n", "surname": "B"}],
            },
            "text": {"title": f"T{RLO}"},
        }
    ),
}


def test_hidden_characters_are_removed_from_every_text(tmp_path: Path) -> None:
    # only claim texts were cleaned: a hidden character in a title, a label, a tag, a source,
    # a scheme or a name made the import fail with AM408 (which says it is a bug)
    for name, text in HIDDEN_INPUTS.items():
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        out = tmp_path / f"{name}.yaml"
        result = RUN.invoke(main, ["import", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "AM408" not in result.output
        assert "invisible control characters removed" in result.output
        written = out.read_text(encoding="utf-8")
        assert RLO not in written and "\\u202E" not in written.upper()
        assert RUN.invoke(main, ["validate", str(out)]).exit_code == 0


def test_a_clean_import_says_one_line(tmp_path: Path) -> None:
    """Nothing to report: the summary is the one line docs/interchange.md promises, not
    "1 file checked, no problems" (which file? nothing was checked by the user) above it."""
    kialo = tmp_path / "clean.txt"
    kialo.write_text(
        "Discussion Title: Uniforms?\n\n1. Schools should require uniforms.\n"
        "1.1. Pro: Uniforms improve attendance.\n",
        encoding="utf-8",
    )
    result = RUN.invoke(main, ["import", str(kialo), "-o", str(tmp_path / "clean.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == (
        f"imported {kialo} (kialo) -> {tmp_path / 'clean.yaml'}: 2 claims, 1 support, "
        "0 attacks; 0 notes on what was not carried over\n"
    )


def test_a_machine_readable_report_is_all_that_goes_to_stdout(tmp_path: Path) -> None:
    """With -o and --format json (or sarif, github), the text summary followed the report on
    stdout: 'argmap import x -f json -o m.yaml > report.json' wrote a file that is not JSON.
    The summary is a note, and goes to stderr unless the report on stdout is text."""
    kialo = tmp_path / "one.txt"
    kialo.write_text(
        "Discussion Title: Uniforms?\n\n1. Schools should require uniforms.\n"
        "1.1. Pro: Uniforms improve attendance. [1]\n\nSources:\n[1] District study.\n",
        encoding="utf-8",
    )
    summary = (
        f"imported {kialo} (kialo) -> {tmp_path / 'one.yaml'}: 2 claims, 1 support, "
        "0 attacks; 1 note on what was not carried over\n"
    )
    for output_format in ("json", "sarif", "github"):
        result = RUN.invoke(
            main, ["import", str(kialo), "-f", output_format, "-o", str(tmp_path / "one.yaml")]
        )
        assert result.exit_code == 0, result.output
        assert result.stderr == summary
        assert summary not in result.stdout
        if output_format != "github":
            json.loads(result.stdout)
    text = RUN.invoke(main, ["import", str(kialo), "-o", str(tmp_path / "one.yaml")])
    assert text.stdout.endswith(summary)  # a text report: the summary ends it, as before
