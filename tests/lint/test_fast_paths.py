"""The rules' quick ways of working find exactly what their plain definitions find.

AM007 screens a word's list of claims with one rapidfuzz call before comparing pairs, and AM012
searches a file's whole text instead of each line; both must report what the straightforward
versions below report, in the same order. ``check`` lints a large map in a second process while
it evaluates the map; the findings must be the same as when it lints in its own.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from argmap import forked as forking
from argmap import pipeline
from argmap.argument_map import ArgumentMap, Claim, Origin
from argmap.commands.check import check_result
from argmap.lint.context import Finding, LintConfig, LintContext
from argmap.lint.rules import am007_near_duplicate_claims, am012_hidden_characters
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics
from argmap.unseen import joins_in_place
from argmap.verify.quote import negation_count

_WORD = re.compile(r"\w+")


def near_duplicates(ctx: LintContext) -> Iterator[Finding]:
    """AM007 as defined: each claim filed under its three rarest words (fewest claims, then
    alphabetical), compared with the earlier claims among the first 64 filed under each of
    them, in claim order; it repeats the earliest one similar enough with as many negations."""
    claims = list(ctx.map.claims.values())
    words = [_WORD.findall(c.text.casefold()) for c in claims]
    folded = [" ".join(w) for w in words]
    frequency: dict[str, int] = {}
    for ws in words:
        for w in set(ws):
            frequency[w] = frequency.get(w, 0) + 1
    rarest = [sorted(set(ws), key=lambda w: (frequency[w], w))[:3] for ws in words]
    buckets: dict[str, list[int]] = {}
    for i, chosen in enumerate(rarest):
        for w in chosen:
            buckets.setdefault(w, []).append(i)
    threshold = ctx.config.duplicate_similarity
    for j in range(len(claims)):
        if not folded[j]:
            continue
        candidates = sorted({i for w in rarest[j] for i in buckets[w][:64] if i < j})
        for i in candidates:
            similarity = fuzz.ratio(folded[i], folded[j], score_cutoff=threshold)
            if similarity and negation_count(claims[i].text) == negation_count(claims[j].text):
                yield Finding(
                    claims[j].origin,
                    f"claim '{claims[j].id}' repeats claim '{claims[i].id}' "
                    f"({similarity:.0f}% similar)",
                    "merge them into one claim, and move its relations there",
                )
                break


def hidden_characters(ctx: LintContext) -> Iterator[Finding]:
    """AM012 as defined: every line of every file (ended by LF, CRLF or a lone CR, as every
    position counts them) searched for the characters, then for their escapes."""
    for path in ctx.map.files:
        text = ctx.texts.get(path)
        if text is None:
            continue
        for number, line in enumerate(re.split("\r\n|\r|\n", text), start=1):
            for match in am012_hidden_characters._HIDDEN.finditer(line):
                if joins_in_place(line, match.start()):
                    continue  # a joiner that spells the text (a line break never does)
                code_point = ord(match.group())
                yield _hidden(path, number, match.start() + 1, code_point)
            for match in am012_hidden_characters._ESCAPED.finditer(line):
                yield _hidden(path, number, match.start() + 1, int(match.group(1), 16))


def _hidden(path: str, line: int, col: int, code_point: int) -> Finding:
    name = unicodedata.name(chr(code_point), "UNKNOWN")
    return Finding(
        Origin(path, line, col),
        f"hidden character U+{code_point:04X} {name}",
        "remove it: it changes how the text displays without being visible",
    )


def _claims_map(texts: list[str]) -> ArgumentMap:
    claims = {f"c{i}": Claim(f"c{i}", t, Origin("m.yaml", i + 1, 3)) for i, t in enumerate(texts)}
    return ArgumentMap(path="m.yaml", title="m", claims=claims)


@pytest.mark.parametrize("seed", range(12))
def test_near_duplicates_are_found_as_defined(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices("abcdefgh", k=rng.randint(1, 6))) for _ in range(150)]
    vocabulary += ["not", "never", "cannot"]  # a denial is no repeat

    def sentence() -> str:
        return " ".join(rng.choices(vocabulary, k=rng.randint(0, 9)))

    def damaged(text: str) -> str:
        chars = list(text)
        for _ in range(rng.randint(0, 4)):
            where = rng.randrange(len(chars) + 1)
            if chars and rng.random() < 0.5:
                del chars[min(where, len(chars) - 1)]
            else:
                chars.insert(where, rng.choice("abcdefgh .,!É"))
        return "".join(chars)

    # many claims about few sentences, so that words are shared and lists pass 64 claims
    bases = [sentence() for _ in range(rng.choice([3, 30, 300]))]
    texts = [damaged(rng.choice(bases)) if rng.random() < 0.8 else sentence() for _ in range(800)]
    m = _claims_map(texts)
    for threshold in (0.0, 75.0, 90.0, 100.0):
        ctx = LintContext(m, LintConfig(duplicate_similarity=threshold))
        expected = list(near_duplicates(ctx))
        assert list(am007_near_duplicate_claims.check(ctx)) == expected
        if threshold == 90.0:
            assert expected  # the test means something


@pytest.mark.parametrize("seed", range(12))
def test_hidden_characters_are_found_as_defined(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        *("a", "b", " ", "é", "\t", "\\\\u200b", "\\u", "x\\u2066y"),
        *("\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"),
        *("\u202e", "\u200b", "\ufeff", "\u00ad", "\\u200b", "\\u202E", "\\u00ad", "\\uFEFF"),
        *("\u200c", "\u200d", "\u0645", "\u06cc", "\U0001f469", "\u094d", "\ufe0f"),
    ]
    texts = {
        path: "".join(rng.choices(pieces, k=rng.randint(0, 400)))
        for path in ("m.yaml", "n.yaml", "plain.yaml")
    }
    texts["plain.yaml"] = texts["plain.yaml"].replace("\r", "").replace("\x85", "")
    m = ArgumentMap(path="m.yaml", title="m", files=("m.yaml", "n.yaml", "plain.yaml", "gone"))
    ctx = LintContext(m, texts=texts)
    assert list(am012_hidden_characters.check(ctx)) == list(hidden_characters(ctx))


MAP = """\
argmap: 1
claims:
  t: {text: The thesis., kind: thesis}
  a: {text: Uniforms improve attendance at school., supports: t}
  b: {text: Uniforms improve attendance at school!, supports: t}
  c: {text: "A claim with a zero\\u200bwidth space.", kind: assumption, supports: a}
  d: {text: Nobody backs this one.}
  e: {text: Nor this one., supports: d}
"""


def _findings(path: Path) -> list[tuple[str, int, int, str]]:
    result = load_map(path)
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    return [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics]


def _lint_every_map_alongside(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every map is linted alongside (``forks`` records the children)."""
    monkeypatch.setattr(pipeline, "LINT_ALONGSIDE_FROM", 1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="lints alongside on Linux only")
def test_linting_alongside_finds_what_linting_in_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    in_process = _findings(path)
    assert {"AM002", "AM003", "AM007", "AM012"} <= {code for code, *_ in in_process}
    _lint_every_map_alongside(monkeypatch)
    assert _findings(path) == in_process
    assert len(forks) == 1  # it did lint in a child


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="lints alongside on Linux only")
def test_linting_alongside_stops_when_the_evaluation_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    _lint_every_map_alongside(monkeypatch)
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = load_map(path)
    before = list(result.diagnostics)
    with (
        pytest.raises(RuntimeError, match="evaluation failed"),
        pipeline.lint_alongside(result, LintConfig()),
    ):
        raise RuntimeError("evaluation failed")
    assert result.diagnostics == before  # not linted, as it would not have been
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):  # the child was ended and reaped
        forking.os.waitpid(forks[0], forking.os.WNOHANG)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="lints alongside on Linux only")
def test_no_fork_while_another_thread_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """A forked child gets only the forking thread: a lock another thread holds (watch's
    preview server, a logging handler) would stay held in it for ever. So with threads about,
    the map is linted in-process."""
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    in_process = _findings(path)
    _lint_every_map_alongside(monkeypatch)
    monkeypatch.setattr(forking.threading, "active_count", lambda: 2)
    assert _findings(path) == in_process
    assert forks == []
