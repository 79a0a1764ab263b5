"""AIF's default scheme names: the text of an S-node that names no scheme."""

from __future__ import annotations

from argmap.interchange.text import one_line

DEFAULT_INFERENCE = "Default Inference"
_DEFAULTS = frozenset({"", "default inference", "default conflict", "default rephrase"})


def names_no_scheme(name: str) -> bool:
    """True when ``name`` is empty or a default name, in any case and spacing: OVA and AIFdb
    write "Default Inference", "Default Conflict" and "Default Rephrase"."""
    return one_line(name).lower() in _DEFAULTS
