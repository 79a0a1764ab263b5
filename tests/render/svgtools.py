"""Reading argmap's SVG back as XML: nodes and edges with their ids, classes, tooltips,
links and text lines."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@dataclass(frozen=True)
class Item:
    id: str
    classes: tuple[str, ...]
    tooltip: str | None
    href: str | None
    lines: tuple[str, ...]


def items(svg: bytes, kind: str) -> list[Item]:
    """The ``node`` or ``edge`` groups of an SVG, in document order."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        classes = tuple(group.get("class", "").split())
        if not classes or classes[0] != kind:
            continue
        anchor = group.find(f".//{SVG}a")
        found.append(
            Item(
                id=group.get("id", ""),
                classes=classes[1:],
                tooltip=anchor.get(f"{XLINK}title") if anchor is not None else None,
                href=anchor.get(f"{XLINK}href") if anchor is not None else None,
                lines=tuple(t.text or "" for t in group.iter(f"{SVG}text")),
            )
        )
    return found


def by_id(svg: bytes, kind: str) -> dict[str, Item]:
    return {item.id: item for item in items(svg, kind)}
