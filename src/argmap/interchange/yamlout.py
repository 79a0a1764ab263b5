"""The imported map as YAML text: PyYAML's safe dumper, deterministic, readable.

Lists of short scalars are written inline (``tags: [a, b]``), mappings as blocks; keys keep
the format's order; long lines are never folded, so a claim's text stays on one line; text
that a YAML 1.2 reader would take for a number (``1e3``, ``0o17``) is quoted.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

import yaml

_INLINE_MAX = 100
_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml if present
# libyaml writes a character past U+FFFF (an emoji, a CJK extension) as an escape,
# "\U0001F469", where PyYAML's own emitter writes it as it is. A map with one is written by
# PyYAML's (3-4 times slower), so that it reads as its source did; and the joiner of an emoji
# sequence then stands between its pictographs, where rule AM012 sees the sequence it spells.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """The safe dumper, with short lists of scalars written inline."""


class _PlainDumper(yaml.SafeDumper):
    """PyYAML's own safe dumper, with :class:`_Dumper`'s representers and resolvers."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    inline = all(isinstance(x, str | int | float) for x in data) and (
        sum(len(str(x)) + 2 for x in data) <= _INLINE_MAX
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


def _represent_float(dumper: yaml.SafeDumper, data: float) -> yaml.Node:
    """A finite number as a decimal, never with an exponent (``0.00001``, not PyYAML's
    ``1.0e-05``): a strength is read only as a decimal (:data:`argmap.model.STRENGTH_PATTERN`).
    The digits are Python's shortest that read back as the same number."""
    if not math.isfinite(data):
        return dumper.represent_float(data)
    text = format(Decimal(repr(data)), "f")
    if "." not in text:
        text += ".0"  # stays a number that is no whole number, as PyYAML writes 1.0
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


for _dumper in (_Dumper, _PlainDumper):
    _dumper.add_representer(list, _represent_list)
    _dumper.add_representer(float, _represent_float)

# Numbers to YAML 1.2's core schema (yq, ruamel.yaml, js-yaml, editors) that YAML 1.1, which
# PyYAML and argmap read, takes for strings: an exponent without a '.' or without a sign, an
# octal '0o17'. Resolved as numbers here, such text is written quoted, so that it stays text
# for any reader of the map.
_YAML_1_2_NUMBER = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|0o[0-7]+)$"
)
for _dumper in (_Dumper, _PlainDumper):
    _dumper.add_implicit_resolver(
        "tag:yaml.org,2002:float", _YAML_1_2_NUMBER, list("-+.0123456789")
    )


def dump_yaml(data: dict[str, Any], header: str = "") -> str:
    """``data`` as YAML, after ``header`` comment lines (each prefixed with ``# ``)."""
    body = yaml.dump(
        data,
        Dumper=_PlainDumper if _has_astral(data) else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join([*lines, body]) if lines else body


def _has_astral(value: Any) -> bool:
    """Whether any text in ``value`` (keys too) has a character past U+FFFF."""
    if isinstance(value, str):
        return _ASTRAL.search(value) is not None
    if isinstance(value, dict):
        return any(_has_astral(k) or _has_astral(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_astral(v) for v in value)
    return False
