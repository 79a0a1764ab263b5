"""The verify stage: checking that each quoted piece of evidence really is in its source.

Pure functions over frozen data, with reading the source file as the only I/O
(:func:`read_source`). The pieces, in pipeline order:

* :mod:`.sources` — a file → :class:`SourceText` (text, HTML's visible text, a PDF's pages) or a
  :class:`SourceError`;
* :mod:`.charsets` — what a browser makes of an HTML page's declared charset;
* :mod:`.footnotes` and :mod:`.markdowntext` — footnote markers and a Markdown source's markup
  hidden, character for character;
* :mod:`.normalize` — quotes, dashes, spaces, hyphenation unified, with offsets kept;
* :mod:`.quote` — omissions and insertions in the quote;
* :mod:`.locator` — ``para 12``, ``p. 3``, ``lines 40-42``;
* :mod:`.index` — a source prepared once for many quotes;
* :mod:`.exact` and :mod:`.fuzzy` — finding a quote, or the passage closest to it;
* :mod:`.match` — :func:`verify_quote` and :func:`verify_many`, the results and their locations.
"""

from argmap.verify.index import PreparedSource, prepare
from argmap.verify.locator import (
    Locator,
    LocatorCheck,
    LocatorKind,
    LocatorPart,
    Place,
    check_locator,
    parse_locator,
)
from argmap.verify.match import (
    DEFAULT_THRESHOLD,
    Location,
    QuoteCheck,
    QuoteEdits,
    Status,
    verify_many,
    verify_quote,
)
from argmap.verify.normalize import Normalized, OffsetMap, normalize
from argmap.verify.quote import ParsedQuote, QuotePart, parse_quote
from argmap.verify.sources import (
    DEFAULT_MAX_BYTES,
    SourceError,
    SourceProblem,
    parse_source,
    read_source,
    source_kind,
)
from argmap.verify.text import Position, SourceKind, SourceText, Span, build_source_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_THRESHOLD",
    "Location",
    "Locator",
    "LocatorCheck",
    "LocatorKind",
    "LocatorPart",
    "Normalized",
    "OffsetMap",
    "ParsedQuote",
    "Place",
    "Position",
    "PreparedSource",
    "QuoteCheck",
    "QuoteEdits",
    "QuotePart",
    "SourceError",
    "SourceKind",
    "SourceProblem",
    "SourceText",
    "Span",
    "Status",
    "build_source_text",
    "check_locator",
    "normalize",
    "parse_locator",
    "parse_quote",
    "parse_source",
    "prepare",
    "read_source",
    "source_kind",
    "verify_many",
    "verify_quote",
]
