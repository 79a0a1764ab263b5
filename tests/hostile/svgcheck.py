"""What SVG written by argmap must never hold, checked on the parsed document (not by grep:
``javascript:`` inside a claim's text is harmless, as an ``href`` it is not)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FORBIDDEN_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "object", "embed", "handler"})
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def svg_problems(data: bytes) -> list[str]:
    """Scripts, event handlers, script URLs and external loads in an SVG; empty when safe."""
    problems = []
    root = ET.fromstring(data)
    for element in root.iter():
        tag = _local(str(element.tag))
        if tag in FORBIDDEN_ELEMENTS:
            problems.append(f"<{tag}> element")
        for name, value in element.attrib.items():
            local = _local(name).lower()
            if local.startswith("on"):
                problems.append(f"event handler {local}= on <{tag}>")
            if local == "href" or name == XLINK_HREF:
                target = "".join(value.split()).lower()
                if target.startswith(FORBIDDEN_SCHEMES):
                    problems.append(f"{local}={value!r} on <{tag}>")
                elif tag in {"image", "use", "feImage"} and not target.startswith("#"):
                    problems.append(f"external load {local}={value!r} on <{tag}>")
            if local == "style" and "url(" in value.lower():
                problems.append(f"style with url() on <{tag}>")
    for style in root.iter(f"{SVG}style"):
        if "@import" in (style.text or "") or "url(" in (style.text or "").lower():
            problems.append("<style> that loads something")
    return problems


def svg_shape(data: bytes) -> tuple[int, int]:
    """The map's nodes and edges in an SVG drawn by argmap (the legend's aside)."""
    nodes = edges = 0
    for group in ET.fromstring(data).iter(f"{SVG}g"):
        classes = group.get("class", "").split()
        if not classes or "legend" in classes:
            continue
        if classes[0] == "node":
            nodes += 1
        elif classes[0] == "edge":
            edges += 1
    return nodes, edges
