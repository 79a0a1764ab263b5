"""Every relative link of README.md and docs/*.md leads somewhere: to a file of the repository
and, when it names an anchor, to a heading of that file as GitHub makes its anchors. A page
renamed or a heading reworded otherwise leaves a newcomer at a 404 or at the top of a page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).parents[2]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
INDENTED = re.compile(r"^(?: {4}|\t).*$", re.MULTILINE)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def prose(markdown: str) -> str:
    """The text outside code (fenced blocks, indented blocks, code spans), each code blanked
    with spaces but its line breaks kept, so that line numbers stay those of the file."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return CODE_SPAN.sub(blank, INDENTED.sub(blank, FENCE.sub(blank, markdown)))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text without markup, lower case, with punctuation
    other than ``-`` and ``_`` dropped and each space a ``-``."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    """The anchors of a page's headings, a repeated one numbered ``-1``, ``-2``... as GitHub
    numbers them."""
    found: set[str] = set()
    for heading in HEADING.findall(FENCE.sub("", markdown)):
        base = slug(heading)
        name, n = base, 0
        while name in found:
            n += 1
            name = f"{base}-{n}"
        found.add(name)
    return found


def links(markdown: str) -> list[tuple[int, str]]:
    """Each relative link (inline or a reference definition) outside code, with its line."""
    text = prose(markdown)
    found = [
        (text.count("\n", 0, m.start()) + 1, m.group(1))
        for pattern in (LINK, REFERENCE)
        for m in pattern.finditer(text)
    ]
    return sorted(
        (line, target)
        for line, target in found
        if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target)  # https:, mailto:...
    )


def broken(page: Path, root: Path = REPO) -> list[str]:
    """What is wrong with each relative link of ``page``: no such file, or no such anchor."""
    problems = []
    for line, target in links(page.read_text(encoding="utf-8")):
        path, _, anchor = target.partition("#")
        file = (page.parent / unquote(path)).resolve() if path else page
        where = f"{page.relative_to(root)}:{line}: {target}"
        if not file.exists():
            problems.append(f"{where}: no file {file.relative_to(root)}")
        elif anchor and (file.suffix != ".md" or anchor not in anchors(file.read_text("utf-8"))):
            problems.append(f"{where}: no heading #{anchor} in {file.relative_to(root)}")
    return problems


def test_every_relative_link_of_the_readme_and_docs_resolves() -> None:
    assert len(PAGES) > 10
    assert sum(len(links(page.read_text(encoding="utf-8"))) for page in PAGES) >= 30
    assert [problem for page in PAGES for problem in broken(page)] == []


def test_the_links_checked_are_those_a_reader_follows() -> None:
    """The README's links are found, with their lines, and a link shown in code is not one."""
    readme = links((REPO / "README.md").read_text(encoding="utf-8"))
    assert (15, "renders/montebello.svg") in readme
    assert any(target == "docs/format.md#folders-of-maps" for _, target in readme)
    sample = (
        "See [a](a.md#b) and `[c](c.md)`.\n\n```md\n[d](d.md)\n```\n\n    [e](e.md)\n[f]: f.md\n"
    )
    assert links(sample) == [(1, "a.md#b"), (8, "f.md")]


def test_anchors_are_githubs() -> None:
    page = (
        "# Rendering\n## JSON (`--to json`)\n## Right-to-left text\n## Notes\n## Notes\n"
        "```\n# not a heading\n```\n"
    )
    assert anchors(page) == {
        "rendering",
        "json---to-json",
        "right-to-left-text",
        "notes",
        "notes-1",
    }


def test_a_broken_link_and_a_missing_anchor_are_named(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Here\n", encoding="utf-8")
    page = tmp_path / "a.md"
    page.write_text("[x](b.md#here) [y](b.md#there) [z](c.md) [w](#here)\n", encoding="utf-8")
    assert broken(page, tmp_path) == [
        "a.md:1: #here: no heading #here in a.md",
        "a.md:1: b.md#there: no heading #there in b.md",
        "a.md:1: c.md: no file c.md",
    ]


def test_every_page_of_docs_is_linked_from_the_readme() -> None:
    """The README is where a newcomer starts: a page no link of it leads to (the tutorial,
    the security notes) is found only by listing the folder."""
    linked = {
        (REPO / path).resolve()
        for _, target in links((REPO / "README.md").read_text(encoding="utf-8"))
        if (path := target.partition("#")[0])
    }
    pages = sorted((REPO / "docs").glob("*.md"))
    assert [page.name for page in pages if page.resolve() not in linked] == []
