"""What one imported file may cost: importers treat their input as untrusted."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_ELEMENTS = 100_000


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """Size in bytes, nesting depth (relations, JSON, data) and count of elements."""

    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    max_elements: int = MAX_ELEMENTS


DEFAULT_IMPORT_LIMITS = ImportLimits()
