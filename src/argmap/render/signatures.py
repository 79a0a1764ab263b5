"""Whether bytes are a whole file of an output format: how a file of each format starts and
ends. A layout whose output lacks them (a broken or stand-in ``dot`` that exits 0 having
printed nothing, or garbage) drew nothing, and must not be written as a drawing.

* SVG: an ``<svg`` element, and ``</svg>`` at the end;
* PNG: the 8-byte PNG signature at the start, and its last chunk, ``IEND``, at the end;
* PDF: ``%PDF-`` at the start and ``%%EOF`` near the end;
* HTML (a report or handout page): ``</html>`` at the end.
"""

from __future__ import annotations

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# the last chunk of every PNG: no data (length 0), its type, and the CRC of its type
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_PDF_START = b"%PDF-"
_PDF_END = b"%%EOF"
_PDF_TAIL = 1024  # %%EOF is on the last line, which writers may follow with a little space
_SVG_START = b"<svg"
_SVG_END = b"</svg>"
_HTML_END = b"</html>"
_TAIL = 4096


def is_whole(data: bytes, output_format: str) -> bool:
    """Whether ``data`` has the start and end of an ``output_format`` ("svg", "png", "pdf",
    "html") file; any other format (DOT, argmap's own text) is taken as it is."""
    if output_format == "svg":
        return _SVG_START in data and _ends_with(data, _SVG_END)
    if output_format == "png":
        return data.startswith(PNG_SIGNATURE) and data.endswith(PNG_END)
    if output_format == "pdf":
        return data.startswith(_PDF_START) and _PDF_END in data[-_PDF_TAIL:]
    if output_format == "html":
        return _ends_with(data, _HTML_END)
    return True


def _ends_with(data: bytes, end: bytes) -> bool:
    """Whether ``data`` less its trailing whitespace ends with ``end``, decided on its last
    :data:`_TAIL` bytes rather than on a stripped copy of the whole (15 MB at 5,000 claims):
    only data whose last bytes are (nearly) all whitespace is stripped whole."""
    tail = data[-_TAIL:].rstrip()
    if len(tail) >= len(end) or len(data) <= _TAIL:
        return tail.endswith(end)
    return data.rstrip().endswith(end)
