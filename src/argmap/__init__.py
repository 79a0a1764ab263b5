"""argmap: argument mapping and claim verification."""

__version__ = "0.1.0"
