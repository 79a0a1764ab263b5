"""A ``# argmap: disable=`` comment whose word names no rule (``AM02``, ``unsuported-claim``)
silences nothing: a warning where the word stands, with the nearest rule as a hint, the way
ruff reports an unknown code in a ``noqa`` comment."""

from __future__ import annotations

from collections.abc import Sequence

from argmap import codes
from argmap.config import NotARule, rule_code
from argmap.diagnostics import Diagnostic, Position
from argmap.lint.registry import RULES_BY_CODE, RULES_BY_NAME, suppression_words


def unknown_suppressions(
    path: str, text: str, hashed: Sequence[tuple[int, int]] = ()
) -> list[Diagnostic]:
    """An ``AM904`` warning for each word of the comments of ``text`` that names no rule."""
    found: list[Diagnostic] = []
    for word in suppression_words(text, hashed):
        if word.text == "all":
            continue
        named = rule_code(word.text)
        if not isinstance(named, NotARule):
            continue
        where = Position(word.line, word.col)
        comment = f"'# argmap: {word.directive}'"
        if named.stage is not None:
            message = (
                f"{comment} names {named.stage.code} ({named.stage.name}), which is not a rule: "
                "the checks of the pipeline stages cannot be switched off"
            )
            found.append(codes.UNKNOWN_SUPPRESSION.at(path, where, message))
            continue
        message = f"{comment} names no rule '{word.text}'"
        found.append(codes.UNKNOWN_SUPPRESSION.at(path, where, message, _did_you_mean(named)))
    return found


def _did_you_mean(named: NotARule) -> str:
    """``did you mean 'AM002' (unsupported-claim)?``, or the name first when a name was meant."""
    suggestion = named.suggestion
    if suggestion in RULES_BY_CODE:
        return f"did you mean '{suggestion}' ({RULES_BY_CODE[suggestion].name})?"
    if suggestion in RULES_BY_NAME:
        return f"did you mean '{suggestion}' ({RULES_BY_NAME[suggestion].code})?"
    return "see 'argmap rules'"
