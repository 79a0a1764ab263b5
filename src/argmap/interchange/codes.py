"""Diagnostic codes of the interchange formats (``AM4xx``).

Importers read untrusted files: every problem is one of these codes, located at
``file:line:col`` where the format has lines (Argdown, Kialo) and at the element's JSON path
otherwise (AIF). What an import could not carry over into argmap is reported with
``AM410`` (a warning: the import still succeeds).
"""

from __future__ import annotations

from argmap.codes import Code
from argmap.diagnostics import Severity

IMPORT_SYNTAX = Code("AM401", "import-syntax", "The input cannot be parsed in its format.")
IMPORT_TOO_LARGE = Code("AM402", "import-too-large", "The input exceeds the size limit.")
IMPORT_TOO_DEEP = Code("AM403", "import-too-deep", "The input nests deeper than the limit.")
IMPORT_TOO_MANY = Code("AM404", "import-too-many", "The input has more elements than the limit.")
IMPORT_UNKNOWN_FORMAT = Code(
    "AM405", "import-unknown-format", "The input's format cannot be recognised."
)
IMPORT_INVALID = Code(
    "AM406", "import-invalid", "The input parses but does not have its format's structure."
)
IMPORT_EMPTY = Code("AM407", "import-empty", "The input holds no claims to import.")
IMPORT_RESULT_INVALID = Code(
    "AM408", "import-result-invalid", "The imported map does not validate (please report it)."
)
NOT_CARRIED_OVER = Code(
    "AM410",
    "not-carried-over",
    "Something in the input that argmap's format cannot hold.",
    Severity.WARNING,
)
IMPORT_NOTE = Code(
    "AM411", "import-note", "How an element of the input was carried over.", Severity.INFO
)
IMPORT_NONSTANDARD = Code(
    "AM412",
    "import-nonstandard",
    "Input that argmap reads but the format's reference implementation refuses.",
    Severity.WARNING,
)
NOT_EXPORTED = Code(
    "AM413",
    "not-exported",
    "Something in the map that the export format cannot hold.",
    Severity.WARNING,
)

ALL_CODES: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
