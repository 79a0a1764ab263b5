"""Importing, end to end: read the bytes, recognise the format, build the map, check it.

Each importer is a pure function ``(text, shown path, limits, title) -> ImportOutcome``; the
edge reads the file (size-limited, decoded as argmap decodes argument files) and the result is
written only when it validates as an argument file (``argmap validate`` would pass it).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, Severity, has_failures
from argmap.interchange import codes
from argmap.interchange.draft import MapDraft
from argmap.interchange.limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from argmap.interchange.yamlout import dump_yaml

FORMATS = ("argdown", "aif", "kialo")
_EXTENSIONS = {".argdown": "argdown", ".ad": "argdown", ".json": "aif", ".aif": "aif"}
_KIALO_HEAD = re.compile(r"\s*(Discussion Title:|1\.\s)")


@dataclass(slots=True)
class ImportOutcome:
    """The draft (None when the input could not be read) and every diagnostic, located."""

    format: str
    draft: MapDraft | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.draft is None or has_failures(self.diagnostics)

    @property
    def losses(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is not Severity.ERROR]


Importer = Callable[[str, str, ImportLimits, str], ImportOutcome]


def importers() -> dict[str, Importer]:
    """Format name -> importer (imported lazily: each pulls only its own modules)."""
    from argmap.interchange.aif.importer import import_aif
    from argmap.interchange.argdown.importer import import_argdown
    from argmap.interchange.kialo import import_kialo

    return {"argdown": import_argdown, "aif": import_aif, "kialo": import_kialo}


def read_input(path: Path, shown: str, limits: ImportLimits) -> str | Diagnostic:
    """The file's text, or why it cannot be had (too large, unreadable, not text)."""
    from argmap.load import decode
    from argmap.paths import read_regular_file

    try:  # a FIFO or a device is refused on the opened descriptor, never read
        raw = read_regular_file(path, limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return codes.IMPORT_INVALID.at(shown, None, f"cannot read: {reason}")
    if len(raw) > limits.max_bytes:
        return codes.IMPORT_TOO_LARGE.at(
            shown, None, f"file is larger than the limit of {limits.max_bytes:,} bytes"
        )
    decoded = decode(raw, shown)
    if isinstance(decoded, Diagnostic):
        return decoded
    if "\x00" in decoded:
        return codes.IMPORT_INVALID.at(shown, None, "the file holds a NUL byte: not a text file")
    return decoded


def detect_format(path: Path, text: str) -> str | None:
    """By extension first, then by content: JSON is AIF, a numbered outline is Kialo."""
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension is not None:
        return by_extension
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        return "aif"
    if _KIALO_HEAD.match(head):
        return "kialo"
    if path.suffix.lower() in (".txt", ".md", "") and re.search(
        r"^\s*(\[[^\]\n]+\]|<[^>\n]+>)|^===", head, re.MULTILINE
    ):
        return "argdown"
    return None


def import_text(
    text: str,
    shown: str,
    fmt: str,
    limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
    title: str = "Imported map",
) -> ImportOutcome:
    outcome = importers()[fmt](text, shown, limits, title)
    if outcome.draft is not None:  # importers clean claim texts (located); this, the rest
        for message in outcome.draft.remove_hidden():
            outcome.diagnostics.append(codes.NOT_CARRIED_OVER.at(shown, None, message))
    return outcome


def render_yaml(draft: MapDraft, fmt: str, shown: str) -> str:
    header = f"Imported by argmap import from {Path(shown).name} ({fmt})."
    return dump_yaml(draft.to_dict(), header)


def validate_yaml(text: str, shown: str) -> list[Diagnostic]:
    """The errors ``argmap validate`` would report on ``text`` (as AM408, at ``shown``)."""
    from argmap.lint.context import LintConfig
    from argmap.pipeline import lint_result, load_map

    with tempfile.TemporaryDirectory(prefix="argmap-import-") as folder:
        target = Path(folder) / "imported.yaml"
        target.write_text(text, encoding="utf-8")
        result = load_map(target)
        lint_result(result, LintConfig())
    problems = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    return [
        codes.IMPORT_RESULT_INVALID.at(
            shown, None, f"the imported map fails validation: {d.code} {d.message}"
        )
        for d in problems
    ]
