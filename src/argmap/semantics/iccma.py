"""Frameworks in the formats of the ICCMA competitions, for solvers and benchmarks.

**i23** (ICCMA 2023): a header ``p af N``, then one attack per line as ``i j`` with
arguments numbered ``1..N``; lines starting with ``#`` are comments. Arguments have no
names in that format, so argmap writes a comment ``# i name`` after the header for every
argument whose name is not simply its number; :func:`read_i23` reads them back, and any
other solver skips them as comments. Backslash, newline and carriage return in names are
written as ``\\\\``, ``\\n`` and ``\\r`` so a name cannot break the line structure.

**apx** (ICCMA 2015-2021, ASPARTIX): ``arg(a).`` per argument and ``att(a,b).`` per attack.
A name is written bare when it is a plain lower-case identifier or a natural number, and
otherwise as a double-quoted string with ``\\`` and ``"`` escaped, so any name survives.

Writers are pure (text in, text out) and deterministic: arguments in index order, attacks
grouped by attacker in the framework's order. Line endings are ``\\n``.
"""

from __future__ import annotations

import re
from typing import Final

from argmap.semantics.framework import ArgumentationFramework


class IccmaFormatError(ValueError):
    """A framework file does not follow its format; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.reason = message
        super().__init__(f"line {line}: {message}")


# -- i23 ------------------------------------------------------------------------------------

_I23_ESCAPES: Final = {"\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_I23_UNESCAPE: Final = re.compile(r"\\(.)")
_I23_NAME_LINE: Final = re.compile(r"#[ \t]*([0-9]+) (.*)")
_I23_HEADER: Final = re.compile(r"p[ \t]+af[ \t]+([0-9]+)")
_I23_ATTACK: Final = re.compile(r"([0-9]+)[ \t]+([0-9]+)")


def write_i23(framework: ArgumentationFramework, *, with_names: bool = True) -> str:
    """The framework in ICCMA 2023 format, with name comments unless ``with_names=False``."""
    lines = [f"p af {framework.num_arguments}"]
    if with_names:
        for number, name in enumerate(framework.names, start=1):
            if name != str(number):
                escaped = "".join(_I23_ESCAPES.get(char, char) for char in name)
                lines.append(f"# {number} {escaped}")
    lines.extend(f"{attacker + 1} {target + 1}" for attacker, target in framework.attacks())
    return "\n".join(lines) + "\n"


def read_i23(text: str) -> ArgumentationFramework:
    """Parse ICCMA 2023 text; names come from ``# i name`` comments, else the numbers.

    Raises :class:`IccmaFormatError` for a missing or repeated header, a malformed line,
    an argument outside ``1..N``, or two arguments given the same name.
    """
    count: int | None = None
    names: dict[int, tuple[int, str]] = {}
    attacks: list[tuple[int, int]] = []
    for line_number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            match = _I23_NAME_LINE.fullmatch(line.lstrip())
            if match is not None:
                name = _I23_UNESCAPE.sub(_unescape, match.group(2))
                names[int(match.group(1))] = (line_number, name)
            continue
        header = _I23_HEADER.fullmatch(stripped)
        if header is not None:
            if count is not None:
                raise IccmaFormatError(line_number, "a second 'p af' header")
            count = int(header.group(1))
            continue
        if stripped.startswith("p"):
            raise IccmaFormatError(line_number, f"expected 'p af N', got {stripped!r}")
        if count is None:
            raise IccmaFormatError(line_number, "an attack before the 'p af N' header")
        attack = _I23_ATTACK.fullmatch(stripped)
        if attack is None:
            raise IccmaFormatError(line_number, f"expected an attack 'i j', got {stripped!r}")
        attacker, target = int(attack.group(1)), int(attack.group(2))
        for number in (attacker, target):
            if not 1 <= number <= count:
                raise IccmaFormatError(
                    line_number, f"argument {number} is outside 1..{count} declared in 'p af'"
                )
        attacks.append((attacker - 1, target - 1))
    if count is None:
        raise IccmaFormatError(1, "missing the 'p af N' header")
    labels = [str(number) for number in range(1, count + 1)]
    for number, (line_number, name) in names.items():
        if not 1 <= number <= count:
            raise IccmaFormatError(
                line_number, f"a name is given for argument {number}, outside 1..{count}"
            )
        labels[number - 1] = name
    numbered: dict[str, int] = {}
    for number, label in enumerate(labels, start=1):
        if label in numbered:
            line_number = names.get(number, names.get(numbered[label], (1, "")))[0]
            raise IccmaFormatError(
                line_number, f"arguments {numbered[label]} and {number} are both named {label!r}"
            )
        numbered[label] = number
    return ArgumentationFramework(labels, attacks)


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return {"n": "\n", "r": "\r"}.get(char, char)


# -- apx ------------------------------------------------------------------------------------

_APX_BARE: Final = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_APX_ATOM: Final = r'(?:[A-Za-z0-9_]+|"(?:[^"\\]|\\.)*")'
_APX_STATEMENT: Final = re.compile(
    rf"\s*(?:(arg)\(\s*({_APX_ATOM})\s*\)|(att)\(\s*({_APX_ATOM})\s*,\s*({_APX_ATOM})\s*\))\s*\."
)


def apx_atom(name: str) -> str:
    """``name`` as an apx constant: bare if it is a plain identifier, else quoted."""
    if _APX_BARE.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def write_apx(framework: ArgumentationFramework) -> str:
    """The framework in apx format: every ``arg`` first, then every ``att``."""
    atoms = [apx_atom(name) for name in framework.names]
    lines = [f"arg({atom})." for atom in atoms]
    lines.extend(f"att({atoms[a]},{atoms[b]})." for a, b in framework.attacks())
    return "\n".join(lines) + "\n" if lines else ""


def read_apx(text: str) -> ArgumentationFramework:
    """Parse apx text (``%`` comments allowed); attacks must name declared arguments."""
    names: dict[str, None] = {}
    attacks: list[tuple[int, str, str]] = []
    for line_number, raw in enumerate(text.split("\n"), start=1):
        line = _strip_apx_comment(raw)
        position = 0
        while line[position:].strip():
            match = _APX_STATEMENT.match(line, position)
            if match is None:
                raise IccmaFormatError(
                    line_number, f"expected arg(a). or att(a,b)., got {line[position:].strip()!r}"
                )
            if match.group(1):
                names.setdefault(_apx_name(match.group(2)), None)
            else:
                attacks.append((line_number, _apx_name(match.group(4)), _apx_name(match.group(5))))
            position = match.end()
    for line_number, attacker, target in attacks:
        for name in (attacker, target):
            if name not in names:
                raise IccmaFormatError(line_number, f"attack names {name!r}, which has no arg()")
    return ArgumentationFramework.from_named_attacks(
        names, [(attacker, target) for _, attacker, target in attacks]
    )


def _apx_name(atom: str) -> str:
    if atom.startswith('"'):
        return _I23_UNESCAPE.sub(_unescape, atom[1:-1])
    return atom


def _strip_apx_comment(line: str) -> str:
    """Drop a ``%`` comment, but not a ``%`` inside a quoted name."""
    quoted = False
    escaped = False
    for position, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "%" and not quoted:
            return line[:position]
    return line
