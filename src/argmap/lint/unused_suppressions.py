"""AM017: the words of ``# argmap: disable`` comments that silenced no finding, judged after
every other rule has run (:func:`argmap.lint.registry.run_rules` notes what each word
silenced). Only a word whose rule ran can be judged: not a rule that ``select`` or ``ignore``
switched off, nor one that reads the sources where they were not read. ``all`` is judged
only when every rule ran. Unknown words are AM904's (:mod:`argmap.lint.unknown_suppressions`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from argmap.diagnostics import Diagnostic
from argmap.lint.context import LintContext
from argmap.lint.registry import (
    RULES,
    RULES_BY_CODE,
    RULES_BY_NAME,
    Rule,
    Silenced,
    SuppressionWord,
)
from argmap.lint.rules import am017_unused_suppression as am017


def unused_suppressions(
    ctx: LintContext, words: Mapping[str, Sequence[SuppressionWord]], silenced: Silenced
) -> list[Diagnostic]:
    """An AM017 finding for each word of ``words`` (path -> the words of its comments) that
    silenced nothing, unless AM017 is switched off or silenced on the comment's line."""
    config = ctx.config
    if not config.enabled(am017.CODE, am017.NAME):
        return []
    severity = config.severity.get(am017.CODE, am017.SEVERITY)
    rule = RULES_BY_CODE[am017.CODE]
    found: list[Diagnostic] = []
    for path, in_file in words.items():
        for line, group in groupby(in_file, key=lambda word: word.line):
            comment = list(group)
            idle = [w for w in comment if _judged(ctx, w) and not _used(silenced, path, w)]
            for word in idle:
                if silenced.silences(path, word.line, rule):
                    continue
                message = (
                    f"'# argmap: {word.directive}={word.text}' silences nothing: "
                    f"{_what(word)} on {_where(word)}"
                )
                hint = (
                    "remove the comment"
                    if len(idle) == len(comment)
                    else f"remove '{word.text}' from the comment"
                )
                code, name = am017.CODE, am017.NAME
                found.append(Diagnostic(path, line, word.col, code, message, severity, hint, name))
    return found


def _rule(word: SuppressionWord) -> Rule | None:
    return RULES_BY_CODE.get(word.silences) or RULES_BY_NAME.get(word.silences)


def _ran(ctx: LintContext, rule: Rule) -> bool:
    if rule.needs_sources and ctx.quotes is None:
        return False
    return ctx.config.enabled(rule.code, rule.name)


def _judged(ctx: LintContext, word: SuppressionWord) -> bool:
    if word.text == "all":
        return all(_ran(ctx, rule) for rule in RULES)
    rule = _rule(word)
    return rule is not None and rule.code != am017.CODE and _ran(ctx, rule)


def _used(silenced: Silenced, path: str, word: SuppressionWord) -> bool:
    return (path, word.target, word.silences) in silenced.used


def _what(word: SuppressionWord) -> str:
    if word.text == "all":
        return "no rule finds anything"
    rule = _rule(word)
    assert rule is not None
    return f"{rule.code} ({rule.name}) finds nothing"


def _where(word: SuppressionWord) -> str:
    return "this line" if word.target == word.line else f"the next line, {word.target}"
