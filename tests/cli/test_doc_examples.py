"""The console examples of README.md and docs/tutorial.md, run: what they show is what argmap
prints. A line ``...`` stands for any number of lines; every other line is compared whole,
and an example without ``...`` at its start or end shows the output from its first or to its
last line."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import main
from argmap.pipeline import load_map

REPO = Path(__file__).parents[2]
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.DOTALL | re.MULTILINE)
README = REPO / "README.md"
YAML = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)

Example = tuple[list[str], list[str]]  # argmap's arguments, the lines shown under them


def examples(markdown: Path) -> list[Example]:
    """Each ``$ argmap ...`` line of the console blocks, with the output shown under it."""
    return [e for block in CONSOLE.findall(markdown.read_text("utf-8")) for e in commands(block)]


def commands(block: str) -> list[Example]:
    """Each ``$ argmap ...`` line of a console block, with the output shown under it."""
    found: list[Example] = []
    for command in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
        line, *shown = command.rstrip("\n").split("\n")
        words = shlex.split(line, comments=True)
        assert words[0] == "argmap", line
        found.append((words[1:], shown))
    return found


def shows(shown: list[str], output: str) -> bool:
    """Whether ``output`` is what ``shown`` shows, a ``...`` line standing for any lines."""
    lines = [line.rstrip() for line in output.strip("\n").split("\n")]
    pattern = "".join(
        r"(?:.*\n)*?" if line.strip() == "..." else re.escape(line.rstrip()) + r"\n"
        for line in shown
    )
    return re.fullmatch(pattern, "\n".join(lines) + "\n") is not None


def run(runner: CliRunner, arguments: list[str], shown: list[str]) -> None:
    result = runner.invoke(main, arguments)
    assert shows(shown, result.output), (
        f"$ argmap {shlex.join(arguments)}\n--- the docs show\n"
        + "\n".join(shown)
        + f"\n--- argmap printed\n{result.output}"
    )


def test_the_readme_tour_prints_what_it_shows(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    tour = [(a, s) for a, s in examples(REPO / "README.md") if Path(a[-1]).exists()]
    assert [a[0] for a, _ in tour] == ["validate", "validate", "check"]
    for arguments, shown in tour:
        run(runner, arguments, shown)


MISQUOTED_MAP = """\
argmap: 1
title: Excluding Congress
sources:
  article: {title: Montebello Moment Came and Went, file: sources/article.txt}
claims:
  poisonous:
    text: Excluding Congress from the SPP is politically poisonous.
    kind: thesis
    evidence:
      - quote: legally indefensible and politically poisonous
        source: article
"""


def test_the_readme_misquote_prints_what_it_shows(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's misquote, in a map whose tenth line is the quote shown, of the article
    the Montebello map quotes: the hint names the paragraph, line and column it stands at."""
    (misquote,) = [(a, s) for a, s in examples(REPO / "README.md") if a[-1] == "map.yaml"]
    (tmp_path / "sources").mkdir()
    shutil.copy(
        REPO / "arguments" / "sources" / "montebello-moment-came-and-went.txt",
        tmp_path / "sources" / "article.txt",
    )
    (tmp_path / "map.yaml").write_text(MISQUOTED_MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run(runner, *misquote)


def test_the_tutorial_prints_what_it_shows(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a fresh folder: init, then the map of steps 1 and 2, then the finished map (the
    one in arguments/), with the slip of step 5 and without (and a verdict's reasons), drawn,
    reported and handed out where the comments say, the drawing linked to the report; then
    step 7's CI line passes there."""
    tutorial = REPO / "docs" / "tutorial.md"
    (init, init_shown), (first, first_shown), (last, last_shown), slip, why, *after = examples(
        tutorial
    )
    monkeypatch.chdir(tmp_path)
    run(runner, init, init_shown)

    header, step_two = YAML.findall(tutorial.read_text(encoding="utf-8"))[:2]
    (tmp_path / "montebello.yaml").write_text(header + "\n" + step_two, encoding="utf-8")
    shutil.copytree(REPO / "arguments" / "sources", tmp_path / "sources", dirs_exist_ok=True)
    run(runner, first, first_shown)

    finished = (REPO / "arguments" / "montebello.yaml").read_text(encoding="utf-8")
    (tmp_path / "montebello.yaml").write_text(finished, encoding="utf-8")
    run(runner, last, last_shown)
    (count,) = re.findall(
        r"a few of the map's (\d+) claims", " ".join(tutorial.read_text().split())
    )
    loaded = load_map(REPO / "arguments" / "montebello.yaml").map
    assert loaded is not None and int(count) == len(loaded.claims)  # "the finished map"

    right = "the SPP is legally defensible, but politically poisonous for the SPP."
    assert finished.count(right) == 1
    wrong = finished.replace(right, right.replace("defensible", "indefensible"))
    (tmp_path / "montebello.yaml").write_text(wrong, encoding="utf-8")
    run(runner, *slip)
    (tmp_path / "montebello.yaml").write_text(finished, encoding="utf-8")
    run(runner, *why)  # "put defensible back", then ask why a claim has its verdict

    (render, _), (report, _), *handouts, (ci, _) = after
    assert render[0] == "render" and report[0] == "report"
    assert [handout[0] for handout, _ in handouts] == ["handout", "handout"]
    # the handouts are PDFs, which need WeasyPrint's Pango: run where it is (CI requires it)
    no_pdf = _no_weasyprint()
    if no_pdf and os.environ.get("ARGMAP_REQUIRE_PDF") == "1":
        pytest.fail(f"{no_pdf}, and ARGMAP_REQUIRE_PDF=1 requires it", pytrace=False)
    drawn = ["montebello.html", "montebello.svg"]
    if not no_pdf:
        drawn += ["montebello-student.pdf", "montebello-teacher.pdf"]
    for arguments in (render, report, *([] if no_pdf else [h for h, _ in handouts])):
        result = runner.invoke(main, arguments)
        assert result.exit_code == 0, (arguments, result.output)
    assert sorted(p.name for p in (tmp_path / "renders").iterdir()) == sorted(drawn)
    for handout in drawn[2:]:
        assert (tmp_path / "renders" / handout).read_bytes().startswith(b"%PDF-")
    svg = (tmp_path / "renders" / "montebello.svg").read_text(encoding="utf-8")
    assert 'xlink:href="montebello.html#claim-spp-fails"' in svg  # "linked to the report"

    # step 7, in the same folder: each command of the CI line passes on what step 6 drew
    line = " ".join(["argmap", *ci]).split(" && ")
    commands = [words.split() for words in line]
    assert [words[:2] for words in commands] == [
        ["argmap", "validate"],
        ["argmap", "check"],
        ["argmap", "render"],
    ]
    for words in commands:
        result = runner.invoke(main, words[1:])
        assert result.exit_code == 0, (words, result.output)


def test_the_readme_configuration_names_every_setting_and_is_accepted() -> None:
    """The README's ``[tool.argmap]`` block is the only place a newcomer sees the settings:
    it shows each one argmap knows, and argmap reads it without a complaint."""
    import tomllib

    from argmap.config import KNOWN_KEYS, parse_config
    from argmap.lint.context import LintConfig

    section = README.read_text("utf-8").split("## Configuration\n")[1].split("\n## ")[0]
    (block,) = re.findall(r"^```toml\n(.*?)^```", section, re.M | re.S)
    table = tomllib.loads(block)["tool"]["argmap"]
    config, problems = parse_config(table, "pyproject.toml")
    assert problems == []
    default = LintConfig()
    assert (config.similarity, config.long_text, config.duplicate_similarity) == (
        default.similarity,
        default.long_text,
        default.duplicate_similarity,
    )  # "the numbers shown are the defaults"
    shown = set(table) | set(re.findall(r"`([a-z-]+) = ", section))
    assert sorted(shown) == sorted(KNOWN_KEYS)


def test_the_format_reference_example_is_the_valid_example_that_checks_clean() -> None:
    """docs/format.md's complete example is tests/examples/valid/uniforms.yaml (which the
    suite validates and checks with --strict), but for the schema path of its first line."""
    example = YAML.findall((REPO / "docs" / "format.md").read_text(encoding="utf-8"))[0]
    valid = (REPO / "tests" / "examples" / "valid" / "uniforms.yaml").read_text(encoding="utf-8")
    assert example.split("\n", 1)[1] == valid.split("\n", 1)[1]


def test_the_stamp_of_an_svg_is_the_digest_docs_rendering_gives(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp is the SHA-256 of the line ``argmap drawing N`` that docs/rendering.md
    names, a newline, and the DOT that ``--format dot`` writes."""
    import hashlib

    doc = " ".join((REPO / "docs" / "rendering.md").read_text(encoding="utf-8").split())
    (line,) = re.findall(r"drawing, `(argmap drawing \d+)`", doc)
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / "tests" / "examples" / "valid" / "minimal.yaml", "map.yaml")
    for fmt in ("dot", "svg"):
        assert (
            runner.invoke(main, ["render", "map.yaml", "--format", fmt, "-o", "."]).exit_code == 0
        )
    dot = Path("map.dot").read_text(encoding="utf-8")
    digest = hashlib.sha256(f"{line}\n{dot}".encode()).hexdigest()
    assert f"<!-- argmap-dot-sha256: {digest} -->" in Path("map.svg").read_text(encoding="utf-8")


def test_the_folder_of_maps_messages_of_docs_format_are_printed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/format.md's *Folders of maps* quotes what ``-v`` says of a skipped file and the
    warning AM902 of a folder of two YAML files that are not maps: argmap prints both."""
    doc = " ".join((REPO / "docs" / "format.md").read_text(encoding="utf-8").split())
    (skipped,) = re.findall(r"\(`(skipped docker-compose\.yml: [^`]*)`\)", doc)
    (warning,) = re.findall(r"AM902 \(`([^`]*)`\)", doc)
    monkeypatch.chdir(tmp_path)
    Path("docker-compose.yml").write_text("services:\n  web: {image: nginx}\n", "utf-8")
    Path("release.yml").write_text("on: push\njobs: {}\n", "utf-8")
    result = runner.invoke(main, ["validate", "-v", "."])
    assert result.exit_code == 0
    assert skipped in result.output.splitlines()
    assert f".:1:1: warning[AM902] {warning} (no-files)" in result.output.splitlines()


def test_the_pdf_limits_of_docs_security_are_the_readers() -> None:
    """The *Limits* table of docs/security.md gives the PDF reader's own limits."""
    from argmap.verify import pdftext

    doc = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    rows = {
        "pages of a PDF source": f"{pdftext.MAX_PAGES:,}",
        "text on one page of a PDF source": f"{pdftext.MAX_PAGE_TEXT:,} characters",
        "a PDF page's instructions inflated through more than one filter": (
            f"{pdftext.MAX_PAGE_CONTENT >> 20} MB"
        ),
    }
    for what, limit in rows.items():
        (row,) = [line for line in doc.splitlines() if line.startswith(f"| {what} |")]
        assert row.split("|")[2].strip().startswith(limit), row
        assert row.split("|")[3].strip() == "`AM013`", row


def test_the_content_security_policy_the_docs_quote_is_the_pages(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/report.md and docs/security.md quote the policy of the report and the handout
    whole: it is the one the pages carry."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / "tests" / "examples" / "valid" / "minimal.yaml", "map.yaml")
    assert runner.invoke(main, ["report", "map.yaml", "-o", "r.html"]).exit_code == 0
    command = ["handout", "map.yaml", "--variant", "student", "-o", "h.html"]
    assert runner.invoke(main, command).exit_code == 0
    policy = re.compile(r'Content-Security-Policy" content="([^"]*)"')
    (report,) = policy.findall(Path("r.html").read_text(encoding="utf-8"))
    (handout,) = policy.findall(Path("h.html").read_text(encoding="utf-8"))
    assert report == handout
    for name in ("report.md", "security.md"):
        doc = " ".join((REPO / "docs" / name).read_text(encoding="utf-8").split())
        (quoted,) = re.findall(r"Content-Security-Policy \(?`(default-src[^`]*)`", doc)
        assert quoted == report, name


def test_the_grounded_time_limit_note_of_docs_evaluation_is_printed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/evaluation.md quotes what ``check --time-limit`` says under grounded semantics."""
    doc = " ".join((REPO / "docs" / "evaluation.md").read_text(encoding="utf-8").split())
    (note,) = re.findall(r"says so on stderr \(`([^`]*)`; nothing with `-q`\)", doc)
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / "tests" / "examples" / "valid" / "minimal.yaml", "map.yaml")
    said = runner.invoke(main, ["check", "--time-limit", "5", "map.yaml"])
    assert (said.exit_code, said.stderr) == (0, note + "\n")
    quiet = runner.invoke(main, ["check", "--time-limit", "5", "-q", "map.yaml"])
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_the_handout_options_table_of_docs_report_names_every_option() -> None:
    """docs/report.md's table of handout options lists each option of ``argmap handout``
    (but -q, -v and --help, which every command has)."""
    import click

    doc = (REPO / "docs" / "report.md").read_text(encoding="utf-8")
    table = doc.split("| option | meaning |\n")[1].split("\n\n")[0]
    command = main.get_command(click.Context(main), "handout")
    assert command is not None
    for param in command.params:
        if not isinstance(param, click.Option) or {"--quiet", "--verbose"} & set(param.opts):
            continue
        assert any(f"`{name}" in table for name in param.opts), param.opts


def test_the_python_of_docs_rendering_runs_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rendering.md's *From Python*, given the ``path``, ``verdicts`` and ``status`` it
    leaves to the reader: the DOT of the focus view, and an SVG as bytes."""
    (block,) = re.findall(
        r"^```python\n(.*?)^```",
        (REPO / "docs" / "rendering.md").read_text(encoding="utf-8"),
        re.M | re.S,
    )
    monkeypatch.chdir(REPO)
    scope: dict[str, object] = {
        "path": Path("arguments/montebello.yaml"),
        "verdicts": None,
        "status": None,
    }
    exec(compile(block, "docs/rendering.md", "exec"), scope)
    graph, svg = scope["graph"], scope["svg"]
    assert "claim/spp-threat" in getattr(graph, "source", "")
    assert isinstance(svg, bytes) and svg.startswith(b"<?xml")


def quoted(doc: str, start: str) -> str:
    """The one indented line of ``doc`` that starts with ``start``: a message the page quotes."""
    text = (REPO / "docs" / doc).read_text(encoding="utf-8")
    (line,) = re.findall(rf"^    ({re.escape(start)}.*)$", text, re.M)
    return line


def test_the_export_loss_line_of_docs_interchange_is_printed(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/interchange.md quotes the one line ``export --to aif`` says of Montebello."""
    monkeypatch.chdir(REPO)
    result = runner.invoke(main, ["export", "arguments/montebello.yaml", "--to", "aif"])
    assert result.exit_code == 0
    assert result.stderr == quoted("interchange.md", "argmap: AIF has no place") + "\n"


def test_the_windows_name_message_of_docs_rendering_is_printed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/rendering.md quotes what ``argmap render con.yaml`` says (exit 1, nothing written)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / "tests" / "examples" / "valid" / "minimal.yaml", "con.yaml")
    result = runner.invoke(main, ["render", "con.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == quoted("rendering.md", "con.yaml:1:1: error[AM306]")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["con.yaml"]


def test_the_readme_map_validates_with_its_one_warning(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's map, a newcomer's first, is valid: validate finds no error in it, only
    that the counterclaim has no evidence yet."""
    (example,) = YAML.findall(README.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    Path("map.yaml").write_text(example, encoding="utf-8")
    result = runner.invoke(main, ["validate", "map.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "map.yaml:20:3: warning[AM002] claim 'expression' has neither evidence nor premises"
        " (unsupported-claim)"
    )
    assert result.output.splitlines()[-1] == "1 warning in 1 of 1 file"


# Every page of docs/ but the two generated from the code (each tested against it) is run the
# same way, in a fresh project (a folder holding .git) with a copy of arguments/: its console
# examples in the order they stand, each command's output compared to the lines shown (the
# tutorial's are run above, as the story it tells). A comment on the line before a fenced
# block says more:
#   <!-- file: PATH -->         the block is the file PATH of the project, written first
#   <!-- fragment -->           a YAML block that is a part of a map: alone, it has findings
#   <!-- not run: REASON -->    a console block that cannot run in a test, and why
# Any other ```yaml block that is an argument map by argmap's own test (a mapping with an
# `argmap` or a `claims` key; a CI workflow is not) is a whole map: it validates clean.
GENERATED = {"cli.md", "rules.md"}
PAGES = sorted(p.name for p in (REPO / "docs").glob("*.md") if p.name not in GENERATED)
BLOCK = re.compile(
    r"^(?:<!-- (?P<mark>[^\n]*?) -->\n)?(?P<indent> *)```(?P<lang>[a-z]*)[^\n]*\n"
    r"(?P<body>.*?)^ *```$",
    re.DOTALL | re.MULTILINE,
)
MARK = re.compile(r"file: (?P<file>\S+)|fragment|not run: (?P<reason>\S.*)")


class Block(NamedTuple):
    mark: str
    lang: str
    body: str


def blocks(markdown: Path) -> list[Block]:
    """The fenced blocks of ``markdown``, each with the comment on the line before it."""
    found = []
    for match in BLOCK.finditer(markdown.read_text(encoding="utf-8")):
        indent = len(match["indent"])
        body = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        found.append(Block(match["mark"] or "", match["lang"], body))
    return found


def is_map(text: str) -> bool:
    """argmap's own test of a file found in a folder: a mapping with ``argmap`` or ``claims``."""
    data = yaml.safe_load(text)
    return isinstance(data, dict) and bool({"argmap", "claims"} & set(data))


def _no_dot() -> str | None:
    return None if shutil.which("dot") else "Graphviz 'dot' is not on PATH"


def _no_weasyprint() -> str | None:
    from argmap.report_html.pdf import unavailable

    return unavailable()


# What a page's examples need beyond argmap, as the tests of render and report_html need it:
# a skip where it is missing, a failure when the variable (CI sets it) says it must be there.
NEEDS = {
    "rendering.md": (_no_dot, "ARGMAP_REQUIRE_GRAPHVIZ"),  # PNG and PDF
    "report.md": (_no_weasyprint, "ARGMAP_REQUIRE_PDF"),  # PDF handouts
}


@pytest.mark.parametrize("page", PAGES)
def test_the_examples_of_each_docs_page_are_what_argmap_does(
    page: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if page in NEEDS:
        missing, variable = NEEDS[page]
        reason = missing()
        if reason and os.environ.get(variable) == "1":
            pytest.fail(f"{reason}, and {variable}=1 requires it", pytrace=False)
        if reason:
            pytest.skip(reason)
    shutil.copytree(REPO / "arguments", tmp_path / "arguments")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    run_page(runner, REPO / "docs" / page, console=page != "tutorial.md")


def run_page(runner: CliRunner, page: Path, *, console: bool = True) -> None:
    """The examples of ``page``, in the working folder: its files written, then its blocks
    checked in order (its console examples only when ``console``)."""
    found = blocks(page)
    marks = [MARK.fullmatch(block.mark) if block.mark else None for block in found]
    for block, mark in zip(found, marks, strict=True):
        assert bool(mark) == bool(block.mark), f"{page.name}: unknown mark <!-- {block.mark} -->"
        if mark and mark["file"]:
            Path(mark["file"]).parent.mkdir(parents=True, exist_ok=True)
            Path(mark["file"]).write_text(block.body, encoding="utf-8")
    for number, (block, mark) in enumerate(zip(found, marks, strict=True), 1):
        where = f"{page.name}, block {number}"
        if mark and mark["file"]:
            continue
        elif mark and mark["reason"]:
            assert block.lang == "console", f"{where}: only a console block is 'not run'"
        elif block.lang == "console" and console:
            for arguments, shown in commands(block.body):
                result = runner.invoke(main, arguments)
                assert result.exception is None or isinstance(result.exception, SystemExit)
                assert shows(shown, result.output), (
                    f"{page.name}: $ argmap {shlex.join(arguments)}\n--- the page shows\n"
                    + "\n".join(shown)
                    + f"\n--- argmap printed\n{result.output}"
                )
        elif block.mark == "fragment":
            assert block.lang == "yaml", f"{where}: only a YAML block is a fragment"
            assert _findings(runner, block.body), f"{where}: a whole map that validates clean"
        elif block.lang == "yaml" and is_map(block.body):
            assert _findings(runner, block.body) == "", where


def _findings(runner: CliRunner, text: str) -> str:
    """What ``argmap validate`` finds in ``text``, written alone into a folder of its own."""
    folder = Path("doc-example")
    folder.mkdir()
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(folder / "map.yaml")])
    shutil.rmtree(folder)
    clean = (result.exit_code, result.output) == (0, "1 file checked, no problems\n")
    return "" if clean else result.output


def test_the_marks_of_a_page_are_read_from_the_line_before_each_block(tmp_path: Path) -> None:
    """A mark is the comment on the line right before a fence, indented blocks (in a list)
    included; ``not run`` needs its reason, and a mark the test does not know is no mark."""
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- file: maps/a.yaml -->\n```yaml\nargmap: 1\n```\n\n"
        "<!-- fragment -->\n```yaml\nclaims: {}\n```\n\n"
        "<!-- not run: serves until stopped -->\n```console\n$ argmap watch a.yaml --serve\n```\n\n"
        "1. a step\n\n   ```console\n   $ argmap rules\n   ```\n",
        encoding="utf-8",
    )
    assert blocks(page) == [
        Block("file: maps/a.yaml", "yaml", "argmap: 1\n"),
        Block("fragment", "yaml", "claims: {}\n"),
        Block("not run: serves until stopped", "console", "$ argmap watch a.yaml --serve\n"),
        Block("", "console", "$ argmap rules\n"),
    ]
    marks = [MARK.fullmatch(block.mark) for block in blocks(page)[:3]]
    assert [m and (m["file"], m["reason"]) for m in marks] == [
        ("maps/a.yaml", None),
        (None, None),
        (None, "serves until stopped"),
    ]
    assert MARK.fullmatch("not run:") is None and MARK.fullmatch("fragments") is None


def test_a_page_runs_its_examples_and_honours_its_marks(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is written before the commands that read it, a block not run is not run, a
    fragment must have findings alone, a whole map none; a wrong output fails the page."""
    monkeypatch.chdir(tmp_path)
    clean = (REPO / "tests" / "examples" / "valid" / "minimal.yaml").read_text("utf-8")
    page = tmp_path / "page.md"

    def ran(markdown: str) -> str:
        page.write_text(markdown, encoding="utf-8")
        Path("m.yaml").unlink(missing_ok=True)
        try:
            run_page(runner, page)
        except AssertionError as failure:
            return str(failure).splitlines()[0]
        return "passed"

    validate = "```console\n$ argmap validate m.yaml\n1 file checked, no problems\n```\n"
    assert ran(validate + f"\n<!-- file: m.yaml -->\n```yaml\n{clean}```\n") == "passed"
    assert ran(validate).startswith("page.md: $ argmap validate m.yaml")
    assert ran(f"<!-- not run: says otherwise -->\n{validate}") == "passed"
    assert ran(f"```yaml\n{clean}```\n") == "passed"
    assert ran(f"```yaml\n{clean}  u: {{}}\n```\n") == "page.md, block 1"
    assert ran(f"<!-- fragment -->\n```yaml\n{clean}```\n") == (
        "page.md, block 1: a whole map that validates clean"
    )
    assert ran("<!-- fragment -->\n```yaml\nclaims: {}\n```\n") == "passed"
    assert ran(f"<!-- fragmnt -->\n```yaml\n{clean}```\n") == (
        "page.md: unknown mark <!-- fragmnt -->"
    )


def test_the_unknown_key_message_of_docs_format_is_printed(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/format.md quotes the message and the hint of an unknown key: validate prints them
    of tests/examples/invalid/unknown-key.yaml, whose claim 'a' spells 'suports'."""
    doc = " ".join((REPO / "docs" / "format.md").read_text(encoding="utf-8").split())
    ((message, hint),) = re.findall(r"is close \(`([^`]*)`, hint `([^`]*)`\)", doc)
    monkeypatch.chdir(REPO)
    result = runner.invoke(main, ["validate", "tests/examples/invalid/unknown-key.yaml"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(f" error[AM201] {message} (unknown-key)")
    assert f"  hint: {hint}" in lines
