"""Work timed inside one process (start-up excluded), printed as seconds on one line for the
harness:

* ``quotes``: 1,000 quotes (700 exact, 100 with an omission, 100 paraphrased, 100 missing)
  verified against a 1 MB source (target: <= 1 s, normalising and indexing included);
* ``grounded``: the grounded labelling of a random framework with 10^6 attacks
  (target: <= 1.5 s, building the framework included);
* ``render MAP``: what ``argmap render MAP`` does once Python is up and its modules imported,
  as ``argmap watch`` does on every save: read and check the map, verify its quotes,
  evaluate it, build the DOT, lay it out with the system ``dot`` and finish the SVG. Timed on
  a second round, the first one importing what it needs.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from argmap.semantics import ArgumentationFramework, grounded_labelling
from argmap.verify import build_source_text, prepare, verify_many

WORDS = [
    "trade",
    "border",
    "summit",
    "partnership",
    "security",
    "prosperity",
    "congress",
    "transparency",
    "canada",
    "mexico",
    "negotiation",
    "regulation",
    "standard",
    "market",
    "leaders",
    "officials",
    "working",
    "groups",
    "process",
    "critics",
    "reform",
    "legislation",
    "executive",
    "authority",
    "engagement",
    "asymmetry",
    "technical",
    "level",
    "public",
]


def quotes_seconds(seed: int = 7) -> float:
    rng = random.Random(seed)
    paragraphs = []
    size = 0
    while size < 1_000_000:
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 120))]
        words[rng.randrange(len(words))] = f"w{rng.randrange(10**9)}"  # rare anchors
        paragraph = " ".join(words) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    quotes: list[tuple[str, str | None]] = []
    for k in range(1_000):
        p = rng.randrange(len(paragraphs))
        words = paragraphs[p].split()
        start = rng.randrange(max(1, len(words) - 12))
        part = words[start : start + 12]
        if k < 700:
            quote = " ".join(part)
        elif k < 800:
            quote = " ".join(part[:5]) + " ... " + " ".join(part[8:])
        elif k < 900:
            part[3] = "different"
            quote = " ".join(part)
        else:
            quote = " ".join(rng.choice(WORDS) for _ in range(12)) + " nowhere"
        quotes.append((quote, f"para {p + 1}"))
    started = time.perf_counter()
    source = build_source_text("synthetic.txt", "text", [text])
    verify_many(quotes, prepare(source))
    return time.perf_counter() - started


def grounded_seconds(seed: int = 7, arguments: int = 200_000, attacks: int = 1_000_000) -> float:
    rng = random.Random(seed)
    pairs = [(rng.randrange(arguments), rng.randrange(arguments)) for _ in range(attacks)]
    names = [f"a{i}" for i in range(arguments)]
    started = time.perf_counter()
    grounded_labelling(ArgumentationFramework(names, pairs))
    return time.perf_counter() - started


def render_seconds(path: Path) -> float:
    from argmap.commands.render import map_source
    from argmap.pipeline import ConfigCache, load_map
    from argmap.render import Engine, OutputFormat, RenderOptions, render_source

    def render_once() -> float:
        started = time.perf_counter()
        result = load_map(path)
        argument_map = result.map
        if argument_map is None:
            raise SystemExit(f"{path} does not load: {result.diagnostics[:1]}")
        similarity = ConfigCache().for_root(result.root)[0].similarity
        source = map_source(argument_map, similarity, RenderOptions())
        render_source(source, OutputFormat.SVG, Engine.SYSTEM)
        return time.perf_counter() - started

    render_once()
    return render_once()


if __name__ == "__main__":
    kernel = sys.argv[1] if len(sys.argv) > 1 else "quotes"
    if kernel == "render":
        seconds = render_seconds(Path(sys.argv[2]))
    else:
        seconds = quotes_seconds() if kernel == "quotes" else grounded_seconds()
    print(f"{seconds:.4f}")
