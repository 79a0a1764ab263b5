"""Stable codes for the diagnostics of the pipeline stages (load, model, resolve).

Lint rules (``AM0xx``) carry their own codes in ``argmap.rules``; the stages before them use
the ranges below, so a code alone tells which stage spoke:

* ``AM1xx`` loading: the bytes and the YAML
* ``AM2xx`` the model: keys, types, values
* ``AM3xx`` resolution: identifiers, references, includes, cycles
* ``AM9xx`` the tool itself: a path given on the command line, an internal error
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.diagnostics import Diagnostic, Position, Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR
    formerly: tuple[str, ...] = ()  # names it had, still understood (explain, configuration)

    def named(self, word: str) -> bool:
        """Whether ``word`` is this code, its name, or a name it had."""
        return word.upper() == self.code or word == self.name or word in self.formerly

    def at(
        self, path: str, pos: Position | None, message: str, hint: str | None = None
    ) -> Diagnostic:
        """A diagnostic of this code at ``pos`` (1:1 when the position is unknown)."""
        line, col = (pos.line, pos.col) if pos is not None else (1, 1)
        return Diagnostic(
            path=path,
            line=line,
            col=col,
            code=self.code,
            message=message,
            severity=self.severity,
            hint=hint,
            name=self.name,
            positioned=pos is not None,
        )


# --- loading --------------------------------------------------------------------------------
FILE_UNREADABLE = Code("AM101", "file-unreadable", "The file cannot be read.")
FILE_TOO_LARGE = Code("AM102", "file-too-large", "The file exceeds the size limit.")
INVALID_ENCODING = Code(
    "AM103",
    "invalid-encoding",
    "The file is neither UTF-8 nor UTF-16 or UTF-32 with a byte-order mark.",
)
NUL_BYTE = Code("AM104", "nul-byte", "The file contains a NUL byte.")
EMPTY_FILE = Code("AM105", "empty-file", "The file holds no document.")
YAML_SYNTAX = Code("AM106", "yaml-syntax", "The YAML cannot be parsed.")
DUPLICATE_KEY = Code("AM107", "duplicate-key", "A mapping has the same key twice.")
FORBIDDEN_TAG = Code("AM108", "forbidden-tag", "A YAML tag that argmap does not accept.")
ALIAS_LIMIT = Code("AM109", "alias-limit", "Aliases expand beyond the limit.")
DEPTH_LIMIT = Code("AM110", "depth-limit", "Nesting is deeper than the limit.")
NOT_A_MAPPING = Code("AM111", "not-a-mapping", "The top level of the file is not a mapping.")
MULTIPLE_DOCUMENTS = Code("AM112", "multiple-documents", "The file holds several documents.")
COMPLEX_KEY = Code("AM113", "complex-key", "A mapping key that is not a plain scalar.")

# --- the model ------------------------------------------------------------------------------
UNKNOWN_KEY = Code("AM201", "unknown-key", "A key that the format does not define.")
MISSING_KEY = Code("AM202", "missing-key", "A required key is missing.")
WRONG_TYPE = Code("AM203", "wrong-type", "A value of the wrong type.")
INVALID_VALUE = Code("AM204", "invalid-value", "A value outside what the format allows.")
FORMAT_VERSION = Code("AM205", "format-version", "A format version argmap does not read.")
INVALID_ID = Code("AM206", "invalid-id", "An identifier that is not a slug.")

# --- resolution -----------------------------------------------------------------------------
DUPLICATE_ID = Code("AM301", "duplicate-id", "An identifier defined twice.")
DANGLING_REFERENCE = Code("AM302", "dangling-reference", "A reference to nothing.")
WRONG_REFERENCE_KIND = Code(
    "AM303", "wrong-reference-kind", "A reference to an element of the wrong kind."
)
INCLUDE_CYCLE = Code("AM305", "include-cycle", "Files include each other in a circle.")
INVALID_PATH = Code(
    "AM306",
    "invalid-path",
    "A path that is absolute, leaves the project, loops, separates its folders with a"
    " backslash, or names a file Windows cannot create.",
    formerly=("path-outside-project",),
)
INCLUDE_MISSING = Code("AM307", "include-missing", "An included file that does not exist.")
SELF_REFERENCE = Code("AM308", "self-reference", "An element that supports or attacks itself.")

# --- the tool -------------------------------------------------------------------------------
INVALID_CONFIG = Code("AM903", "invalid-config", "The [tool.argmap] configuration is broken.")
PATH_NOT_FOUND = Code("AM901", "path-not-found", "A path given on the command line is missing.")
NO_FILES = Code("AM902", "no-files", "A folder with no argument files.", Severity.WARNING)
UNKNOWN_SUPPRESSION = Code(
    "AM904",
    "unknown-suppression",
    "A '# argmap: disable' comment names no rule, so it silences nothing.",
    Severity.WARNING,
)
INTERNAL_ERROR = Code("AM999", "internal-error", "argmap failed; please report it.")

ALL_CODES: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
