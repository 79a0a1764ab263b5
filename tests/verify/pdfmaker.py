"""A minimal PDF writer for tests: pypdf reads text but cannot typeset it.

Each page is a list of lines set in Helvetica (WinAnsi encoding, so curly quotes and dashes
work). The output is deterministic, so the committed fixture can be checked against it.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

THREE_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "Negotiating North America",
        "The first page introduces the partnership and its three members.",
    ),
    (
        "The second page holds the quote: the leaders took no action",
        "to make the SPP more transparent \u2014 or to reach out to Congress.",
    ),
    (
        "The third page is the conclusion: the gov-",
        "ernment must engage.",
    ),
)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    flate: int = 0,
    padding: int = 0,
    font: bytes = HELVETICA,
    catalog: bytes = b"",
) -> bytes:
    """A valid PDF with one text page per entry of ``pages``, set in ``font``; each page's
    instructions followed by ``padding`` spaces and compressed ``flate`` times over (a filter
    each); ``catalog`` is more of the catalog's entries (``/PageLabels << ... >>``)."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog,
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        font,
    ]
    for i, lines in enumerate(pages):
        operators = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        operators += [f"({_escape(line)}) Tj T*" for line in lines]
        operators.append("ET")
        stream = "\n".join(operators).encode("cp1252") + b" " * padding
        for _ in range(flate):
            stream = zlib.compress(stream, 9)
        filters = b" /Filter [%s]" % b" ".join([b"/FlateDecode"] * flate) if flate else b""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
