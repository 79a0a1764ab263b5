"""The hostile-input corpus: ``cases.toml`` read into :class:`Case` values, and a case laid out
in a scratch folder ready to run.

A case is a committed folder ``cases/<name>/`` (copied), a generator from
:mod:`generate` (run), or both. Its expectations sit in ``cases.toml`` beside the
others: the command, the exit status, the diagnostics (``CODE path:line:col``), and for the
inert cases what the outputs must not contain.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .generate import GENERATORS

HERE = Path(__file__).parent
CASES = HERE / "cases"
MANIFEST = HERE / "cases.toml"
COMMANDS = ("validate", "check", "render", "report", "handout")


@dataclass(frozen=True, slots=True)
class Expected:
    """One diagnostic a case must print: ``AM106 map.yaml:3:9``."""

    code: str
    path: str
    line: int
    col: int

    @classmethod
    def parse(cls, text: str) -> Expected:
        code, where = text.split(" ", 1)
        path, line, col = where.rsplit(":", 2)
        return cls(code, path, int(line), int(col))

    def __str__(self) -> str:
        return f"{self.code} {self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    category: str
    command: str
    exit: int
    expect: tuple[Expected, ...]
    why: str = ""
    args: tuple[str, ...] = ("map.yaml",)
    generator: str | None = None
    files: str | None = None  # the committed folder, when not named after the case
    message: str | None = None  # text the output must hold (a usage error has no position)
    absent: tuple[str, ...] = ()  # text that must appear in no output (stdout, stderr, files)
    outputs: tuple[str, ...] = ()  # files the command must write (render)
    stderr: bool = False  # whether the command may write to stderr
    slow: bool = False
    xfail: str | None = None
    svg_nodes: int | None = None  # render: the map's nodes in the SVG (the legend aside)
    svg_edges: int | None = None

    @property
    def folder(self) -> Path | None:
        folder = CASES / (self.files or self.name)
        return folder if folder.is_dir() else None

    def lay_out(self, project: Path, outside: Path) -> None:
        """Copy the committed files and run the generator: the case, ready to run."""
        project.mkdir(parents=True)
        (project / ".git").mkdir()  # marks the project root: nothing may leave it
        outside.mkdir(parents=True, exist_ok=True)
        (outside / "secret.txt").write_text("a secret outside the project\n", encoding="utf-8")
        (outside / "outside.yaml").write_text(
            "argmap: 1\nclaims:\n  outside: {text: Read from outside the project.}\n",
            encoding="utf-8",
        )
        if self.folder is not None:
            shutil.copytree(self.folder, project, dirs_exist_ok=True, symlinks=True)
        if self.generator is not None:
            GENERATORS[self.generator](project, outside)


def load_cases(manifest: Path = MANIFEST) -> list[Case]:
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    cases = []
    for entry in data["case"]:
        known = {
            "name",
            "category",
            "command",
            "exit",
            "expect",
            "why",
            "args",
            "generator",
            "files",
            "absent",
            "message",
            "outputs",
            "stderr",
            "slow",
            "xfail",
            "svg_nodes",
            "svg_edges",
        }
        unknown = set(entry) - known
        if unknown:
            raise ValueError(f"case {entry.get('name')}: unknown keys {sorted(unknown)}")
        cases.append(
            Case(
                name=entry["name"],
                category=entry["category"],
                command=entry.get("command", "validate"),
                exit=entry["exit"],
                expect=tuple(Expected.parse(e) for e in entry.get("expect", [])),
                why=entry.get("why", ""),
                args=tuple(entry.get("args", ["map.yaml"])),
                generator=entry.get("generator"),
                files=entry.get("files"),
                absent=tuple(entry.get("absent", [])),
                message=entry.get("message"),
                outputs=tuple(entry.get("outputs", [])),
                stderr=entry.get("stderr", False),
                slow=entry.get("slow", False),
                xfail=entry.get("xfail"),
                svg_nodes=entry.get("svg_nodes"),
                svg_edges=entry.get("svg_edges"),
            )
        )
    return cases
