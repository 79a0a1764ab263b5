"""Finishing PNG and PDF: a stamp in the PNG, the dates in the PDF made constant.

* A PNG gets a ``tEXt`` chunk ``argmap-dot-sha256`` naming the DOT it was drawn from, read
  by ``argmap render --check`` like the stamp of an SVG.
* cairo writes the time of the run into a PDF's ``/CreationDate`` (and it ignores
  ``SOURCE_DATE_EPOCH``). The dates are replaced by 1970-01-01, keeping their length so that
  the PDF's cross-reference offsets stay right; the same DOT then gives the same PDF.
"""

from __future__ import annotations

import re
import struct
import zlib

from argmap.render.signatures import PNG_SIGNATURE
from argmap.render.svg import STAMP_KEY

_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[^)]*)\)")
_EPOCH = b"D:19700101000000"


def stamp_png(png: bytes, digest: str) -> bytes:
    """``png`` with a ``tEXt`` chunk holding the digest, right after its header chunk."""
    if not png.startswith(PNG_SIGNATURE):
        return png
    header_length = struct.unpack(">I", png[8:12])[0]
    cut = 8 + 4 + 4 + header_length + 4
    payload = STAMP_KEY.encode("latin-1") + b"\x00" + digest.encode("ascii")
    chunk = (
        struct.pack(">I", len(payload))
        + b"tEXt"
        + payload
        + struct.pack(">I", zlib.crc32(b"tEXt" + payload) & 0xFFFFFFFF)
    )
    return png[:cut] + chunk + png[cut:]


def read_png_stamp(png: bytes) -> str | None:
    """The digest in a PNG's argmap ``tEXt`` chunk, or None."""
    if not png.startswith(PNG_SIGNATURE):
        return None
    offset = 8
    key = STAMP_KEY.encode("latin-1") + b"\x00"
    while offset + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        data = png[offset + 8 : offset + 8 + length]
        if kind == b"tEXt" and data.startswith(key):
            return data[len(key) :].decode("ascii", "replace")
        if kind in (b"IDAT", b"IEND"):
            return None
        offset += 12 + length
    return None


def normalize_pdf(pdf: bytes) -> bytes:
    """``pdf`` with its creation and modification dates set to the epoch, same length."""

    def constant(match: re.Match[bytes]) -> bytes:
        date = match.group(2)
        fixed = (_EPOCH + b"Z").ljust(len(date))[: len(date)]
        return match.group(0).replace(date, fixed)

    return _PDF_DATE.sub(constant, pdf)
