"""SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; ``tool.driver.rules`` holds one ``reportingDescriptor`` per code that appears, sorted
by code, each result points at its rule by ``ruleId`` and ``ruleIndex``. Names, descriptions
and default levels come from ``argmap.codes`` and, for codes it does not know (lint rules), from
the caller's ``rule_descriptions`` and the diagnostics themselves; every rule has the
``shortDescription``, ``fullDescription`` and ``help`` that GitHub code scanning requires,
from the caller's ``rule_help`` (the rule reference). Levels: error -> ``error``,
warning -> ``warning``, info -> ``note``.

Paths become URI references relative to ``%SRCROOT%`` (forward slashes, percent-encoded);
absolute paths become ``file://`` URIs. ``artifacts`` lists every file of the run (those with
text in ``sources`` and those with findings), sorted. Columns count UTF-16 code units
(``columnKind: utf16CodeUnits``): GitHub code scanning does not read ``columnKind`` and counts
so, as its reference example and a JavaScript string do. Every other format counts
characters: a character outside the BMP (an emoji) before the column counts twice here, which
the text of the file (``sources``) tells. A finding made without a position (a missing path, an
unreadable file) has no ``region``: a ``physicalLocation`` without one refers to the whole
file. Each result has a partial fingerprint, ``argmap/v1`` (:func:`fingerprint`), which does
not change when lines move; GitHub's upload action adds its own ``primaryLocationLineHash``.
No timestamps or random ids: the same run gives the same bytes. The tests validate the output
against the official schema.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from argmap import __version__
from argmap.codes import ALL_CODES, Code
from argmap.diagnostics import Diagnostic, Severity
from argmap.indented_json import json_document
from argmap.lines import split_lines
from argmap.report.common import ReportOptions, RuleHelp, Summary, ordered

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/argmap/"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "argmap/v1"  # the key of argmap's own partial fingerprint of a result
DESCRIPTION_CHARS = 1024  # GitHub code scanning's limit on a rule's descriptions

Json = dict[str, object]


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)`` for a path as argmap shows it.

    A relative path becomes a relative reference under ``%SRCROOT%``; ``quote`` encodes all
    but unreserved characters and ``/``, so a ``:`` in the first segment cannot read as a
    scheme. An absolute path becomes a ``file://`` URI with no base.
    """
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    # The name's bytes, so that one that is not UTF-8 (caf\xe9.yaml, read with
    # surrogateescape) is percent-encoded as it is on disk.
    raw = os.fsencode(posix)
    if os.path.isabs(path):
        if not posix.startswith("/"):  # C:/maps/a.yaml -> file:///C:/maps/a.yaml
            raw = b"/" + raw
        return "file://" + quote(raw, safe="/:"), None
    return quote(raw, safe="/"), SRCROOT


def _artifact_location(uri: str, base: str | None) -> Json:
    return {"uri": uri, "uriBaseId": base} if base is not None else {"uri": uri}


def utf16_column(line: str, col: int) -> int:
    """Column ``col`` of ``line`` (1-based, in characters) in UTF-16 code units: each
    character outside the BMP before it takes two."""
    before = line[: col - 1]
    if before.isascii():
        return col
    return col + sum(1 for ch in before if ord(ch) > 0xFFFF)


def fingerprint(code: str, uri: str, line: str, repeat: int) -> str:
    """The ``argmap/v1`` partial fingerprint of a finding: of its rule, its file, the text of
    its line with the spaces collapsed, and how many findings of the same three came before
    it. Neither the line's number, its indentation nor the message's wording is in it, so a
    finding keeps it when lines are added above or the message is reworded."""
    key = "\0".join((code, uri, " ".join(line.split()), str(repeat)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _limited(text: str, most: int = DESCRIPTION_CHARS) -> str:
    """``text`` cut at a space to at most ``most`` characters, ``…`` marking the cut."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _rule(
    code: str,
    diagnostics: Sequence[Diagnostic],
    known: Code | None,
    descriptions: Mapping[str, str],
    helps: Mapping[str, RuleHelp],
) -> Json:
    """The descriptor of ``code``; ``diagnostics`` are those with this code, in order.

    GitHub code scanning requires ``shortDescription``, ``fullDescription`` and ``help``
    (none empty, the descriptions at most 1,024 characters): a rule has its summary, the
    first paragraph of its documentation and the whole of it (as text and Markdown); a stage
    code, which has a summary only, has it in all three; a code nobody describes, its name.
    """
    if known is not None:
        name, severity = known.name, known.severity
    else:
        name = next((d.name for d in diagnostics if d.name), "")
        severity = diagnostics[0].severity
    summary = descriptions.get(code) or (known.summary if known is not None else "")
    short = summary or name or code
    documented = helps.get(code)
    rule: Json = {"id": code}
    if name:
        rule["name"] = name
    rule["shortDescription"] = {"text": _limited(short)}
    full = documented.description if documented is not None else short
    rule["fullDescription"] = {"text": _limited(full)}
    if documented is not None:
        rule["help"] = {"text": documented.text, "markdown": documented.markdown}
    else:
        title = f"{code} {name} ({severity.value})" if name else f"{code} ({severity.value})"
        rule["help"] = {"text": f"{title}\n\n{short}\n"}
    rule["defaultConfiguration"] = {"level": LEVELS[severity]}
    return rule


def _base_ids(srcroot_uri: str | None) -> Json:
    if srcroot_uri is None:
        text = "The folder argmap ran in; every relative path is relative to it."
        return {SRCROOT: {"description": {"text": text}}}
    # An originalUriBaseIds entry must end with a slash (SARIF 2.1.0, 3.14.14).
    uri = srcroot_uri if srcroot_uri.endswith("/") else srcroot_uri + "/"
    return {SRCROOT: {"uri": uri}}


def render(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    summary: Summary,
    options: ReportOptions,
) -> str:
    diags = ordered(diagnostics)
    registry = {code.code: code for code in ALL_CODES}

    by_code: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_code.setdefault(d.code, []).append(d)
    codes = sorted(by_code)
    rules = [
        _rule(code, by_code[code], registry.get(code), options.rule_descriptions, options.rule_help)
        for code in codes
    ]
    rule_index = {code: i for i, code in enumerate(codes)}

    # Distinct paths can give one URI (a\b and a/b on Windows): one artifact per URI.
    artifact_index: dict[tuple[str, str | None], int] = {}
    for path in sorted({*sources, *(d.path for d in diags)}):
        artifact_index.setdefault(artifact_uri(path), len(artifact_index))
    artifacts = [{"location": _artifact_location(*where)} for where in artifact_index]

    split: dict[str, list[str] | None] = {}

    def line_of(d: Diagnostic) -> str:
        """The text of the finding's line; empty without a position or a known text."""
        if d.path not in split:
            text = sources.get(d.path)
            split[d.path] = None if text is None else split_lines(text)
        lines = split[d.path]
        if not d.positioned or lines is None or not 1 <= d.line <= len(lines):
            return ""
        return lines[d.line - 1]

    repeats: dict[tuple[str, str, str], int] = {}
    results = []
    for d in diags:
        where = artifact_uri(d.path)
        message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
        location = {**_artifact_location(*where), "index": artifact_index[where]}
        physical: Json = {"artifactLocation": location}
        line = line_of(d)
        if d.positioned:
            column = utf16_column(line, max(1, d.col)) if line else max(1, d.col)
            physical["region"] = {"startLine": max(1, d.line), "startColumn": column}
        same = (d.code, where[0], " ".join(line.split()))
        repeat = repeats[same] = repeats.get(same, -1) + 1
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": LEVELS[d.severity],
                "message": {"text": message},
                "locations": [{"physicalLocation": physical}],
                "partialFingerprints": {FINGERPRINT: fingerprint(d.code, where[0], line, repeat)},
            }
        )

    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": _base_ids(options.srcroot_uri),
                "artifacts": artifacts,
                "results": results,
                "columnKind": "utf16CodeUnits",
            }
        ],
    }
    return json_document(log)
