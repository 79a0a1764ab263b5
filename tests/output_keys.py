"""The keys of argmap's JSON outputs in the order docs/json-output.md gives them: written here
by hand, not read from the schema models, so that a test holding an output to them checks the
documented order rather than the code against itself."""

# One map's outcome in ``argmap check --format json``.
CHECKED_MAP_KEYS = [
    "path",
    "semantics",
    "scores",
    "has_extension",
    "claims",
    "quotes",
    "diagnostics",
]
