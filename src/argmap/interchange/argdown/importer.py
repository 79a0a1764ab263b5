"""Import an Argdown file: parse, then map onto an argmap draft."""

from __future__ import annotations

from argmap.diagnostics import has_failures
from argmap.interchange import codes
from argmap.interchange.argdown.lexer import SourceText
from argmap.interchange.argdown.parser import parse_argdown
from argmap.interchange.argdown.to_map import argdown_to_draft
from argmap.interchange.importing import ImportOutcome
from argmap.interchange.limits import ImportLimits


def import_argdown(text: str, shown: str, limits: ImportLimits, title: str) -> ImportOutcome:
    doc, diagnostics = parse_argdown(text, shown, limits)
    if has_failures(diagnostics):
        return ImportOutcome("argdown", None, diagnostics)
    if not doc.statements and not doc.arguments:
        empty = codes.IMPORT_EMPTY.at(shown, None, "no statements or arguments to import")
        return ImportOutcome("argdown", None, [*diagnostics, empty])
    mapped = argdown_to_draft(doc, SourceText.of(text), shown, title)
    return ImportOutcome("argdown", mapped.draft, [*diagnostics, *mapped.diagnostics])
