"""Enough PNG decoding (8-bit RGB or RGBA, non-interlaced) to look at a screenshot's pixels,
with the standard library only."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def decode(png: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and the RGB pixels, row by row."""
    assert png.startswith(SIGNATURE), "not a PNG"
    offset, data = 8, b""
    width = height = channels = 0
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        chunk = png[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        offset += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    found: list[tuple[int, int, int]] = []
    for y in range(height):
        start = y * (stride + 1)
        row = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], row, previous, channels)
        found.extend((row[x], row[x + 1], row[x + 2]) for x in range(0, stride, channels))
        previous = row
    return width, height, found


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> None:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        corner = up[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up[i]) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + ((left + up[i]) >> 1)) & 0xFF
        elif kind == 4:
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            row[i] = (
                row[i] + (left if pa <= pb and pa <= pc else up[i] if pb <= pc else corner)
            ) & 0xFF
        elif kind != 0:
            raise ValueError(f"unknown PNG filter {kind}")
