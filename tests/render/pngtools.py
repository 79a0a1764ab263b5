"""Just enough PNG decoding (8-bit RGB or RGBA, any filters) to count the colours of a
screenshot, with the standard library only."""

from __future__ import annotations

import struct
import zlib
from collections import Counter

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels (RGB bytes, alpha dropped) of an 8-bit RGB(A) PNG."""
    assert png.startswith(SIGNATURE), "not a PNG"
    offset, idat = 8, b""
    width = height = channels = 0
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        data = png[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows: list[bytes] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind, row, previous, channels)
        rows.append(bytes(row))
        previous = row
    found = [row[x : x + 3] for row in rows for x in range(0, stride, channels)]
    return width, height, found


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> None:
    if kind == 0:
        return
    if kind == 1:
        for i in range(bpp, len(row)):
            row[i] = (row[i] + row[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(len(row)):
            row[i] = (row[i] + up[i]) & 0xFF
    elif kind == 3:
        for i in range(len(row)):
            left = row[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + ((left + up[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(row)):
            a = row[i - bpp] if i >= bpp else 0
            b = up[i]
            c = up[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            row[i] = (row[i] + predictor) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter {kind}")


def colour_counts(png: bytes) -> Counter[bytes]:
    return Counter(pixels(png)[2])
