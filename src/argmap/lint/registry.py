"""The rules, listed explicitly (no discovery magic), and the runner that applies them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from argmap.diagnostics import Diagnostic, Severity
from argmap.lines import LINE_BREAK
from argmap.lint.context import Finding, LintContext
from argmap.lint.rules import (
    am001_quote_not_verified,
    am002_unsupported_claim,
    am003_disconnected_claim,
    am004_thesis_count,
    am005_source_without_file,
    am006_locator_mismatch,
    am007_near_duplicate_claims,
    am008_unused_element,
    am009_missing_label,
    am010_support_cycle,
    am011_self_attack,
    am012_hidden_characters,
    am013_unreadable_source,
    am014_quote_drops_negation,
    am015_repeated_relation,
    am016_quote_in_quotation_marks,
    am017_unused_suppression,
)

MODULES: tuple[ModuleType, ...] = (
    am001_quote_not_verified,
    am002_unsupported_claim,
    am003_disconnected_claim,
    am004_thesis_count,
    am005_source_without_file,
    am006_locator_mismatch,
    am007_near_duplicate_claims,
    am008_unused_element,
    am009_missing_label,
    am010_support_cycle,
    am011_self_attack,
    am012_hidden_characters,
    am013_unreadable_source,
    am014_quote_drops_negation,
    am015_repeated_relation,
    am016_quote_in_quotation_marks,
    am017_unused_suppression,
)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    needs_sources: bool
    summary: str
    doc: str
    check: Callable[[LintContext], Iterator[Finding]]

    @property
    def examples(self) -> dict[str, str]:
        return examples_of(self.doc)


def _rule(module: ModuleType) -> Rule:
    doc = (module.__doc__ or "").strip()
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        needs_sources=getattr(module, "NEEDS_SOURCES", False),
        summary=doc.splitlines()[0] if doc else "",
        doc=doc,
        check=module.check,
    )


RULES: tuple[Rule, ...] = tuple(_rule(m) for m in MODULES)
RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

_EXAMPLE = re.compile(r"^(PASS|FAIL):\n\n((?:    .*\n|\n)+)", re.MULTILINE)


def examples_of(doc: str) -> dict[str, str]:
    """The indented YAML blocks after ``PASS:`` and ``FAIL:`` in a rule's docstring."""
    found: dict[str, str] = {}
    for kind, block in _EXAMPLE.findall(doc + "\n"):
        lines = [line[4:] if line.startswith("    ") else "" for line in block.splitlines()]
        found[kind] = "\n".join(lines).strip("\n") + "\n"
    return found


def run_rules(ctx: LintContext, silenced: Silenced | None = None) -> list[Diagnostic]:
    """Apply every enabled rule. Rules that read sources run only when quotes were checked.
    A finding on a line whose comment silences its rule is dropped, and ``silenced`` notes
    which word of the comment did it (for AM017, :mod:`argmap.lint.unused_suppressions`)."""
    diagnostics: list[Diagnostic] = []
    for rule in RULES:
        if not ctx.config.enabled(rule.code, rule.name):
            continue
        if rule.needs_sources and ctx.quotes is None:
            continue
        severity = ctx.config.severity.get(rule.code, rule.severity)
        for finding in rule.check(ctx):
            o = finding.origin
            if silenced is not None and silenced.silences(o.path, o.line, rule):
                continue
            diagnostics.append(
                Diagnostic(
                    o.path,
                    o.line,
                    o.col,
                    rule.code,
                    finding.message,
                    severity,
                    finding.hint,
                    rule.name,
                )
            )
    return diagnostics


class Silenced:
    """What the ``# argmap: disable`` comments of each file silence (path -> line -> the
    codes and names), and which of them silenced a finding (path, line, word)."""

    def __init__(self, lines: Mapping[str, Mapping[int, frozenset[str]]]) -> None:
        self.lines = lines
        self.used: set[tuple[str, int, str]] = set()

    def silences(self, path: str, line: int, rule: Rule) -> bool:
        words = self.lines.get(path, {}).get(line)
        if not words:
            return False
        hits = words & {"all", rule.code, rule.name}
        self.used.update((path, line, word) for word in hits)
        return bool(hits)


_SUPPRESS = re.compile(r"#\s*argmap:\s*(disable|disable-next-line)\s*=\s*([A-Za-z0-9_,\s-]+?)\s*$")


def suppressions(text: str, hashed: Sequence[tuple[int, int]] = ()) -> dict[int, frozenset[str]]:
    """``# argmap: disable=AM002`` silences a rule on its line; ``disable-next-line`` on the
    next one. Several codes or names are separated by commas; ``all`` silences every rule.
    Only a YAML comment counts: a ``#`` inside one of the ``hashed`` spans (the scalars that
    hold one, :attr:`argmap.load.Document.hashed`) belongs to a text, where the same words
    may end a line of a block or quoted text.

    Lines are counted as every position counts them (:mod:`argmap.lines`): not by
    ``str.splitlines``, which also ends one at NEL, LS or PS, and so would move every later
    comment down a line."""
    return silenced_lines(suppression_words(text, hashed))


def silenced_lines(words: Iterable[SuppressionWord]) -> dict[int, frozenset[str]]:
    """Line -> the codes and names that ``words`` silence on it."""
    found: dict[int, frozenset[str]] = {}
    for word in words:
        found[word.target] = found.get(word.target, frozenset()) | {word.silences}
    return found


@dataclass(frozen=True, slots=True)
class SuppressionWord:
    """One code or name of a ``# argmap: disable`` comment, as written, and where it is."""

    text: str
    line: int  # where the word is written
    col: int
    target: int  # the line it silences
    directive: str  # disable or disable-next-line

    @property
    def silences(self) -> str:
        """The word as findings are matched against it: a code in any case, as the
        configuration reads it (am002 is AM002); a name as written."""
        return self.text.upper() if self.text[:2].lower() == "am" else self.text


def suppression_words(
    text: str, hashed: Sequence[tuple[int, int]] = ()
) -> Iterator[SuppressionWord]:
    """Each word of each ``# argmap: disable`` comment of ``text`` (see :func:`suppressions`)."""
    if "disable" not in text:  # no comment can match: no need to look at every line
        return
    starts = [start for start, _ in hashed]
    line_start = 0
    for number, (line, end) in enumerate(_lines_and_ends(text), start=1):
        match = _SUPPRESS.search(line)
        start, line_start = line_start, line_start + len(line) + len(end)
        if match is None or _inside(hashed, starts, start + match.start()):
            continue
        directive = match.group(1)
        target = number + 1 if directive == "disable-next-line" else number
        for word in _WORD.finditer(line, match.start(2), match.end(2)):
            yield SuppressionWord(word.group(), number, word.start() + 1, target, directive)


_WORD = re.compile(r"[^,\s]+")


def _lines_and_ends(text: str) -> Iterator[tuple[str, str]]:
    """Each line of ``text`` and the line end after it ('' after the last)."""
    if "\r" not in text:  # the loader's text, where a lone CR is an LF already
        *lines, last = text.split("\n")
        yield from ((line, "\n") for line in lines)
        yield last, ""
        return
    start = 0
    for end in LINE_BREAK.finditer(text):
        yield text[start : end.start()], end.group()
        start = end.end()
    yield text[start:], ""


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> bool:
    """Whether ``offset`` falls inside one of ``spans`` (in order, not overlapping)."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


def rule_descriptions() -> dict[str, str]:
    return {r.code: r.summary for r in RULES}


def select_rules(codes: Sequence[str]) -> list[Rule]:
    return [RULES_BY_CODE.get(c.upper()) or RULES_BY_NAME[c] for c in codes]
