"""The configuration (``argmap.toml``, ``[tool.argmap]`` in ``pyproject.toml``) comes from pull
requests like the maps: it is read only when it is a regular file of at most 1 MB, every problem
is located where it is (a TOML error where tomllib saw it, a bad value at its key, a word of a
list that names no rule at the word), and no content makes the loader raise (issue #7)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.config import MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, load_config
from argmap.diagnostics import Diagnostic
from argmap.lint.context import LintConfig


def _problems(root: Path) -> list[tuple[str, int, int, str]]:
    _, problems = load_config(root)
    assert all(d.code == "AM903" for d in problems), problems
    return sorted((Path(d.path).name, d.line, d.col, d.message) for d in problems)


def _located(root: Path) -> list[tuple[str, int, int]]:
    return [(name, line, col) for name, line, col, _ in _problems(root)]


def _write(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


# --- a good configuration -------------------------------------------------------------------
def test_a_good_configuration_is_read_without_problems(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.argmap]\nignore = ["missing-label", "am002"]\n'
        'similarity = 70\nlong-text = 60.0\n\n[tool.argmap.severity]\nAM002 = "error"\n',
    )
    config, problems = load_config(tmp_path)
    assert problems == []
    assert config.ignore == frozenset({"missing-label", "AM002"})
    assert (config.similarity, config.long_text) == (70.0, 60)
    assert dict(config.severity) == {"AM002": "error"}


def test_no_configuration_and_no_argmap_table_are_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == (LintConfig(), [])
    _write(tmp_path, "pyproject.toml", '[tool.ruff]\nselect = ["E"]\n')
    assert load_config(tmp_path) == (LintConfig(), [])


# --- bad values: at their key ---------------------------------------------------------------
def test_bad_values_are_located_at_their_key_in_the_argmap_table(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        "[project]\n"
        'name = "x"\n'
        "\n"
        "[tool.ruff]\n"
        "select = 3  # not ours: must not be mistaken for argmap's\n"
        "\n"
        "[tool.argmap]\n"
        'select = "AM001"\n'
        '  similarity = "high"\n'
        "bogus = 1\n"
        "\n"
        "[tool.argmap.severity]\n"
        'AM002 = "fatal"\n',
    )
    assert _problems(tmp_path) == [
        ("pyproject.toml", 8, 1, "'select' must be a list of rule codes or names"),
        ("pyproject.toml", 9, 3, "'similarity' must be a percentage from 0 to 100, not 'high'"),
        (
            "pyproject.toml",
            10,
            1,
            "unknown setting 'bogus'; known: duplicate-similarity, ignore, long-text, select, "
            "severity, similarity",
        ),
        ("pyproject.toml", 13, 1, "severity of AM002 must be error, warning or info, not 'fatal'"),
    ]


def test_dotted_quoted_and_inline_keys_are_located(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "argmap.toml",
        "# argmap's own file: the settings at the top level\n"
        'severity.AM002 = "fatal"\n'
        '"long-text" = -1\n'
        'select = ["AM001", 2]\n'
        "ignore = 'x'\n",
    )
    assert _located(tmp_path) == [
        ("argmap.toml", 2, 1),
        ("argmap.toml", 3, 1),
        ("argmap.toml", 4, 1),
        ("argmap.toml", 5, 1),
    ]
    _write(
        tmp_path,
        "argmap.toml",
        'select = [\n  "AM001",\n]\nseverity = { AM001 = "error", AM002 = "fatal" }\n',
    )
    assert _located(tmp_path) == [("argmap.toml", 4, 31)]


def test_a_dotted_argmap_table_in_pyproject_is_located(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        '# settings without a header\ntool.argmap.similarity = "high"\n[project]\nname = "x"\n',
    )
    assert _located(tmp_path) == [("pyproject.toml", 2, 1)]


def test_a_table_or_tool_that_is_not_a_table_is_located(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool]\nargmap = 3\n')
    assert _problems(tmp_path) == [("pyproject.toml", 4, 1, "[tool.argmap] must be a table")]
    _write(tmp_path, "pyproject.toml", 'tool = "argmap"\n')
    assert _problems(tmp_path) == [("pyproject.toml", 1, 1, "[tool] must be a table")]
    _write(tmp_path, "argmap.toml", "severity = 3\n")
    assert _problems(tmp_path) == [
        ("argmap.toml", 1, 1, "'severity' must be a table of code = level")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "long-text = inf",
        "similarity = nan",
        "duplicate-similarity = -inf",
        "long-text = 1e400",
        "long-text = 1" + "0" * 400,
        "similarity = true",
    ],
)
def test_numbers_that_are_not_finite_are_refused_not_raised(tmp_path: Path, line: str) -> None:
    _write(tmp_path, "argmap.toml", f"# a comment\n{line}\n")
    config, problems = load_config(tmp_path)
    assert [(d.line, d.col) for d in problems] == [(2, 1)]
    assert problems[0].message.startswith(f"'{line.split()[0]}' must be a ")
    assert " from 0 to " in problems[0].message
    assert config == LintConfig()


# --- broken TOML: where tomllib saw it ------------------------------------------------------
def test_a_toml_error_is_where_tomllib_saw_it(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", "similarity = 85\nlong-text = = 3\n")
    assert _problems(tmp_path) == [("argmap.toml", 2, 13, "not valid TOML: invalid value")]
    _write(tmp_path, "argmap.toml", 'select = ["a" "b"]\n')
    assert _located(tmp_path) == [("argmap.toml", 1, 15)]


def test_a_toml_error_at_the_end_is_after_the_last_line(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", "select = [\n")
    assert _problems(tmp_path) == [
        ("argmap.toml", 2, 1, "not valid TOML: invalid value at the end of the file")
    ]


def test_a_number_too_long_for_python_is_a_toml_error_at_the_number(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", "similarity = 80\nlong-text = " + "9" * 5_000 + "\n")
    assert _problems(tmp_path) == [
        ("argmap.toml", 2, 13, "not valid TOML: a number with more than 4,300 digits")
    ]


@pytest.mark.parametrize(
    ("opening", "col"),
    [
        ("[", len("x = ") + MAX_CONFIG_DEPTH + 1),  # at the array one level too deep
        ("{a = ", len("x = ") + 5 * (MAX_CONFIG_DEPTH - 1) + 2),  # at the key x.a.a...a (65)
    ],
)
def test_deep_nesting_is_refused_before_tomllib_recurses(
    tmp_path: Path, opening: str, col: int
) -> None:
    _write(tmp_path, "argmap.toml", "# deep\nx = " + opening * 100_000 + "\n")
    assert _problems(tmp_path) == [
        ("argmap.toml", 2, col, f"the configuration nests deeper than {MAX_CONFIG_DEPTH} levels")
    ]


# A guard against tomllib's quadratic reading (hours at 500,000 parts), not a timing: about a
# second each here, and 5 s was overrun on a machine loaded five times over.
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 500_000 + " = 1\n",  # tomllib: quadratic in the parts of a dotted key
        "[a" + ".a" * 500_000 + "]\n",
        "x = [{" + "a." * 500_000 + "a = 1}]\n",
        "[tool]\n" + "a." * 500_000 + "a = 1\n",
    ],
)
def test_dotted_keys_deeper_than_the_limit_are_refused_in_time(tmp_path: Path, text: str) -> None:
    _write(tmp_path, "argmap.toml", text)
    problems = _problems(tmp_path)
    assert [message for *_, message in problems] == [
        f"the configuration nests deeper than {MAX_CONFIG_DEPTH} levels"
    ]


def test_nesting_within_the_limit_is_toml_as_usual(tmp_path: Path) -> None:
    depth = MAX_CONFIG_DEPTH
    _write(tmp_path, "argmap.toml", "x = " + "[" * depth + "]" * depth + "\n")
    assert _located(tmp_path) == [("argmap.toml", 1, 1)]  # unknown setting 'x', nothing worse


def test_invalid_utf8_is_located_at_its_byte(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_bytes(b"similarity = 80\n# caf\xe9\n")
    problems = _problems(tmp_path)
    assert [(line, col) for _, line, col, _ in problems] == [(2, 6)]
    assert problems[0][3].startswith("the configuration is not valid UTF-8")


# --- what is read at all --------------------------------------------------------------------
def test_a_configuration_over_1_mb_is_refused_unread(tmp_path: Path) -> None:
    body = "similarity = 80\n"
    filler = "#" * (MAX_CONFIG_BYTES - len(body) - 1) + "\n"
    _write(tmp_path, "argmap.toml", body + filler)
    assert load_config(tmp_path)[1] == []  # exactly the limit: read
    _write(tmp_path, "argmap.toml", body + "#" + filler)
    assert _problems(tmp_path) == [
        (
            "argmap.toml",
            1,
            1,
            f"the configuration is larger than the limit of {MAX_CONFIG_BYTES:,} bytes",
        )
    ]
    assert MAX_CONFIG_BYTES == 1024 * 1024


@pytest.mark.timeout(5)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_configuration_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "argmap.toml")
    _write(tmp_path, "pyproject.toml", "[tool.argmap]\nsimilarity = 70\n")
    config, problems = load_config(tmp_path)
    assert config == LintConfig()  # not the pyproject.toml beside it: argmap.toml comes first
    assert [(d.line, d.col, d.message) for d in problems] == [
        (1, 1, "cannot read the configuration: a named pipe, not a regular file")
    ]


def test_a_folder_named_like_the_configuration_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").mkdir()
    assert _problems(tmp_path) == [
        ("pyproject.toml", 1, 1, "cannot read the configuration: a folder, not a file")
    ]


def test_a_configuration_linked_from_outside_the_project_is_refused(tmp_path: Path) -> None:
    """Like an include or a source, the configuration may not lead out of the project."""
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    _write(elsewhere, "argmap.toml", "similarity = 70\n")
    (project / "argmap.toml").symlink_to(elsewhere / "argmap.toml")
    config, problems = load_config(project)
    assert config == LintConfig()
    assert [(Path(d.path).name, d.line, d.col, d.message) for d in problems] == [
        (
            "argmap.toml",
            1,
            1,
            "cannot read the configuration: it is a symbolic link that leads outside the "
            "project, and argmap reads nothing outside it",
        )
    ]


def test_a_configuration_linked_from_inside_the_project_is_read(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    _write(tmp_path / "config", "shared.toml", "similarity = 70\n")
    (tmp_path / "argmap.toml").symlink_to(tmp_path / "config" / "shared.toml")
    config, problems = load_config(tmp_path)
    assert problems == []
    assert config.similarity == 70


def test_no_text_makes_the_configuration_raise(tmp_path: Path) -> None:
    """Arbitrary text, and TOML cut at every point: always a result, never an exception."""
    rng = random.Random(20261128)
    good = (
        '# c\n[tool.argmap]\nselect = ["AM001", \'x\']  # c\nseverity = {AM002 = "x", "a.b" = 1}\n'
        'similarity = """\n[tool.argmap]\nx = 1"""\n'
        '[[tool.argmap.list]]\n"q\\"k".\'l\' = [{a = 1}]\n'
    )
    texts = [good[:cut] for cut in range(len(good) + 1)]
    alphabet = "[]{}=.,\"'#\\\n \tax1"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(500)]
    for name in ("argmap.toml", "pyproject.toml"):
        for text in texts:
            for other in tmp_path.iterdir():
                other.unlink()
            _write(tmp_path, name, text)
            _, problems = load_config(tmp_path)
            for d in problems:
                assert isinstance(d, Diagnostic) and d.line >= 1 and d.col >= 1, (text, d)


def test_a_flood_of_bad_settings_is_cut_short(tmp_path: Path) -> None:
    """60,000 unknown keys would print 60,000 lines: the first 50 are shown, then a count."""
    _write(tmp_path, "argmap.toml", "".join(f"key{i:05d} = 1\n" for i in range(60_000)))
    _, problems = load_config(tmp_path)
    assert len(problems) == 51
    assert [(d.line, d.col) for d in problems[:3]] == [(1, 1), (2, 1), (3, 1)]
    assert problems[0].message.startswith("unknown setting 'key00000'")
    assert problems[-1].message == (
        "59,950 more problems in the configuration are not shown; mend the ones above first"
    )


# --- rule codes and names: every one must be a rule -----------------------------------------
def test_an_unknown_rule_in_select_ignore_or_severity_is_located_with_a_suggestion(
    tmp_path: Path,
) -> None:
    """A typo used to switch nothing off, silently: ``ignore = ["AM02"]`` left AM002 on."""
    _write(
        tmp_path,
        "argmap.toml",
        'select = ["AM001", "unsuported-claim"]\n'
        'ignore = ["AM02", "missing-label"]\n'
        "\n"
        "[severity]\n"
        'AM002 = "error"\n'
        'AM0099 = "info"\n',
    )
    assert _problems(tmp_path) == [
        (
            "argmap.toml",
            1,
            20,
            "'select' names no rule 'unsuported-claim'; did you mean 'unsupported-claim'?",
        ),
        ("argmap.toml", 2, 11, "'ignore' names no rule 'AM02'; did you mean 'AM002'?"),
        ("argmap.toml", 6, 1, "'severity' names no rule 'AM0099'; did you mean 'AM009'?"),
    ]


def test_a_word_that_names_no_rule_is_located_at_the_word_not_its_list(tmp_path: Path) -> None:
    """In a list written over several lines, the key is lines away from the word to mend:
    the word was located at ``select`` (1:1, 1:1 and 5:1)."""
    _write(
        tmp_path,
        "argmap.toml",
        'select = [\n  "AM001",\n  "unsuported-claim",  "AM0099",\n]\nignore = [\'AM02\']\n',
    )
    assert _problems(tmp_path) == [
        (
            "argmap.toml",
            3,
            3,
            "'select' names no rule 'unsuported-claim'; did you mean 'unsupported-claim'?",
        ),
        ("argmap.toml", 3, 24, "'select' names no rule 'AM0099'; did you mean 'AM009'?"),
        ("argmap.toml", 5, 11, "'ignore' names no rule 'AM02'; did you mean 'AM002'?"),
    ]
    _write(
        tmp_path,
        "pyproject.toml",
        '[tool.argmap]\nselect = [\n  # the rules we want\n  "AM001", { a = 1 },\n]\n'
        "[tool.ruff]\nselect = [\n  'AM0099',\n]\n",
    )
    (tmp_path / "argmap.toml").unlink()
    assert _problems(tmp_path) == [
        ("pyproject.toml", 2, 1, "'select' must be a list of rule codes or names"),
    ]
    _write(tmp_path, "pyproject.toml", "[tool.argmap]\nselect = [\n  # the rules\n  'AM0099',\n]\n")
    assert _located(tmp_path) == [("pyproject.toml", 4, 3)]


def test_a_pipeline_code_in_the_configuration_is_said_to_be_always_on(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", 'ignore = ["AM201"]\n[severity]\nyaml-syntax = "info"\n')
    always_on = "is not a rule: the checks of the pipeline stages cannot be switched off"
    assert _problems(tmp_path) == [
        ("argmap.toml", 1, 11, f"'ignore': AM201 (unknown-key) {always_on}"),
        ("argmap.toml", 3, 1, f"'severity': yaml-syntax (AM106) {always_on}"),
    ]


def test_severity_takes_a_rule_name_as_select_and_ignore_do(tmp_path: Path) -> None:
    """``missing-label = "error"`` was read as the code 'MISSING-LABEL' and changed nothing."""
    _write(tmp_path, "argmap.toml", '[severity]\nmissing-label = "error"\nam002 = "info"\n')
    config, problems = load_config(tmp_path)
    assert problems == []
    assert dict(config.severity) == {"AM009": "error", "AM002": "info"}


def test_a_stage_code_by_its_former_name_is_said_to_be_always_on(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", 'ignore = ["path-outside-project"]\n')
    assert _problems(tmp_path) == [
        (
            "argmap.toml",
            1,
            11,
            "'ignore': invalid-path (AM306) is not a rule: the checks of the pipeline stages "
            "cannot be switched off",
        )
    ]


# --- the two ways TOML's tables trip a newcomer: said, with the way out -----------------------
def test_a_setting_written_below_the_severity_table_is_said_to_belong_to_it(
    tmp_path: Path,
) -> None:
    """TOML puts every key after ``[severity]`` in that table: 'select' written below it was
    reported as "'severity' names no rule 'select'; see 'argmap rules'", which sends the
    reader to the rules when the setting only needs to move up."""
    _write(tmp_path, "argmap.toml", '[severity]\nAM002 = "error"\n\nselect = ["AM001"]\n')
    _, problems = load_config(tmp_path)
    assert [(d.line, d.col, d.message, d.hint) for d in problems] == [
        (
            4,
            1,
            "'select' is a setting, not a rule: written below [severity], it is read as part "
            "of that table",
            "move 'select' above [severity]",
        )
    ]


def test_a_tool_argmap_table_in_argmap_toml_is_said_to_need_no_header(tmp_path: Path) -> None:
    """The keys of pyproject.toml's [tool.argmap], copied with their header into argmap.toml,
    were "unknown setting 'tool'" and nothing more: argmap.toml takes them at its top level."""
    _write(tmp_path, "argmap.toml", '[tool.argmap]\nignore = ["AM002"]\n')
    _, problems = load_config(tmp_path)
    assert [(d.line, d.col, d.message, d.hint) for d in problems] == [
        (
            1,
            1,
            "unknown setting 'tool'; known: duplicate-similarity, ignore, long-text, select, "
            "severity, similarity",
            "argmap.toml takes the settings at its top level: remove the [tool.argmap] line",
        )
    ]


def test_in_pyproject_the_severity_table_is_named_as_written_there(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        '[tool.argmap.severity]\nAM002 = "error"\nsimilarity = 80\n',
    )
    _, problems = load_config(tmp_path)
    assert [(d.line, d.col, d.message, d.hint) for d in problems] == [
        (
            3,
            1,
            "'similarity' is a setting, not a rule: written below [tool.argmap.severity], it is "
            "read as part of that table",
            "move 'similarity' above [tool.argmap.severity]",
        )
    ]


# --- numbers on the right scale -------------------------------------------------------------
# 'similarity = 0.85' (a 0-1 habit in a 0-100 setting) made almost every fuzzy match a
# paraphrase, 250 was clamped to 100 and 'long-text = 80.9' became 80, all without a word.
@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        (
            "similarity = 0.85",
            "'similarity' must be a percentage from 0 to 100, not 0.85",
            "write 85 for 85%",
        ),
        (
            "duplicate-similarity = 1",
            "'duplicate-similarity' must be a percentage from 0 to 100, not 1",
            "write 100 for 100%",
        ),
        (
            "similarity = 0.875",
            "'similarity' must be a percentage from 0 to 100, not 0.875",
            "write 87.5 for 87.5%",
        ),
        (
            "similarity = 250",
            "'similarity' must be a percentage from 0 to 100, not 250",
            "100 takes only an exact match; the default is 85",
        ),
        (
            "duplicate-similarity = -5",
            "'duplicate-similarity' must be a percentage from 0 to 100, not -5",
            "the default is 90",
        ),
        (
            'similarity = "high"',
            "'similarity' must be a percentage from 0 to 100, not 'high'",
            "the default is 85",
        ),
        (
            'similarity = "85"',
            "'similarity' must be a percentage from 0 to 100, not '85'",
            "write 85 without quotes",
        ),
        (
            "long-text = 80.9",
            "'long-text' must be a whole number of characters from 0 to 1,000,000, not 80.9",
            "write 80 or 81",
        ),
        (
            "long-text = 2_000_000",
            "'long-text' must be a whole number of characters from 0 to 1,000,000, not 2000000",
            "the default is 80",
        ),
        (
            "long-text = true",
            "'long-text' must be a whole number of characters from 0 to 1,000,000, not true",
            "the default is 80",
        ),
    ],
)
def test_a_number_out_of_its_range_or_of_the_wrong_kind_is_an_error_at_its_key(
    tmp_path: Path, line: str, message: str, hint: str
) -> None:
    _write(tmp_path, "argmap.toml", f'ignore = ["AM009"]\n  {line}\n')
    config, problems = load_config(tmp_path)
    assert [(d.path, d.line, d.col, d.code, d.severity, d.message, d.hint) for d in problems] == [
        (str(tmp_path / "argmap.toml"), 2, 3, "AM903", "error", message, hint)
    ]
    assert config == LintConfig(ignore=frozenset({"AM009"}))  # the default kept


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ("similarity = 0", ("similarity", 0.0)),
        ("similarity = 1.5", ("similarity", 1.5)),
        ("similarity = 100", ("similarity", 100.0)),
        ("duplicate-similarity = 99.5", ("duplicate_similarity", 99.5)),
        ("long-text = 0", ("long_text", 0)),
        ("long-text = 120.0", ("long_text", 120)),
        ("long-text = 1_000_000", ("long_text", 1_000_000)),
    ],
)
def test_numbers_in_their_range_are_taken_as_written(
    tmp_path: Path, line: str, setting: tuple[str, float]
) -> None:
    _write(tmp_path, "argmap.toml", f"{line}\n")
    config, problems = load_config(tmp_path)
    assert problems == []
    assert getattr(config, setting[0]) == setting[1]


def test_a_number_on_the_wrong_scale_fails_the_run_with_its_hint(tmp_path: Path) -> None:
    _write(tmp_path, "argmap.toml", "similarity = 0.85\n")
    _write(tmp_path, "map.yaml", "argmap: 1\ntitle: T\nclaims:\n  t: {text: T, kind: thesis}\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", "map.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(
        "argmap.toml:1:1: error[AM903] 'similarity' must be a percentage from 0 to 100, "
        "not 0.85 (invalid-config)\n"
    )
    assert "  hint: write 85 for 85%\n" in done.stdout
