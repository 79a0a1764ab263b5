"""What an HTML page written by argmap must never hold, checked on the parsed page: reports
are opened in browsers, from CI artifacts and mail attachments, so text from an argument file
must stay text there."""

from __future__ import annotations

from html.parser import HTMLParser

from .svgcheck import FORBIDDEN_SCHEMES

FORBIDDEN_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "object", "embed", "applet", "base", "form", "foreignobject"}
)
LOADING_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "action", "formaction"})
REQUIRED_CSP = ("default-src 'none'",)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.csp: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(values.get("content", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "link" and values.get("href", "") and not values["href"].startswith("#"):
            self.problems.append(f"<link href={values['href']!r}> loads something")
        for name, value in values.items():
            target = "".join(value.split()).lower()
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in {"href", "xlink:href", *LOADING_ATTRIBUTES} and target.startswith(
                FORBIDDEN_SCHEMES
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name in LOADING_ATTRIBUTES and not target.startswith(("#", "data:image/")):
                self.problems.append(f"{name}={value!r} on <{tag}> loads something")
            if name == "style" and ("url(" in target or "expression(" in target):
                self.problems.append(f"style={value!r} on <{tag}>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def html_problems(data: bytes) -> list[str]:
    """Scripts, handlers, script links, external loads and a missing or weak CSP; [] if safe."""
    collector = _Collector()
    collector.feed(data.decode("utf-8"))
    collector.close()
    problems = list(collector.problems)
    if not collector.csp:
        problems.append("no Content-Security-Policy")
    for policy in collector.csp:
        lowered = policy.lower()
        for required in REQUIRED_CSP:
            if required not in lowered:
                problems.append(f"the CSP lacks {required}: {policy}")
        if "script-src" in lowered or "unsafe-eval" in lowered:
            problems.append(f"the CSP allows scripts: {policy}")
    for style in collector.styles:
        lowered = style.lower()
        if "@import" in lowered or "url(http" in lowered or "url(//" in lowered:
            problems.append("a <style> that loads something")
    return problems
