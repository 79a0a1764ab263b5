"""The imported map as YAML text: PyYAML's safe dumper, deterministic, readable.

Lists of short scalars are written inline (``tags: [a, b]``), mappings as blocks; keys keep
the format's order; long lines are never folded, so a claim's text stays on one line; text
that a YAML 1.2 reader would take for a number (``1e3``, ``0o17``) is quoted.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_INLINE_MAX = 100
_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml if present


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """The safe dumper, with short lists of scalars written inline."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    inline = all(isinstance(x, str | int | float) for x in data) and (
        sum(len(str(x)) + 2 for x in data) <= _INLINE_MAX
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


_Dumper.add_representer(list, _represent_list)

# Numbers to YAML 1.2's core schema (yq, ruamel.yaml, js-yaml, editors) that YAML 1.1, which
# PyYAML and argmap read, takes for strings: an exponent without a '.' or without a sign, an
# octal '0o17'. Resolved as numbers here, such text is written quoted, so that it stays text
# for any reader of the map.
_YAML_1_2_NUMBER = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|0o[0-7]+)$"
)
_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _YAML_1_2_NUMBER, list("-+.0123456789"))


def dump_yaml(data: dict[str, Any], header: str = "") -> str:
    """``data`` as YAML, after ``header`` comment lines (each prefixed with ``# ``)."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join([*lines, body]) if lines else body
