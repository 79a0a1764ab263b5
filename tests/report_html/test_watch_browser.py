"""``argmap watch --serve``'s page in a real browser: the errors of a map that stopped
building shown above the last good report, and gone, the report reloaded, once mended."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.starter import STARTER_MAP, STARTER_SOURCE
from saving import save

pytestmark = pytest.mark.browser
SRC = Path(__file__).parents[2] / "src"


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


@pytest.mark.timeout(120)
def test_the_page_shows_a_broken_map_s_errors_until_it_is_mended(
    browser: Any, tmp_path: Path
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "district-study.txt").write_text(STARTER_SOURCE)
    path = tmp_path / "map.yaml"
    good = STARTER_MAP.format(schema="x.json", name="map.yaml")
    path.write_text(good)
    child = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", "map.yaml", "--serve", "--port", "0"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stderr=subprocess.PIPE,
        text=True,
    )
    context = browser.new_context()
    try:
        assert child.stderr is not None
        port = int(child.stderr.readline().split(":")[2].split("/")[0])
        deadline = time.monotonic() + 30
        while not (tmp_path / "renders" / "map.html").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # the watcher takes its first look after the build
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{port}/")
        box = page.locator("#errors")
        title = page.frame_locator("#report").locator("h1").first
        expect(title).to_have_text("School uniforms")
        expect(box).to_be_hidden()

        broken = good.replace("title: School uniforms\n", 'title: School uniforms\n"<b>x</b>": 1\n')
        save(path, broken)
        expect(box).to_be_visible(timeout=20_000)
        expect(box).to_contain_text(
            "failed: the report below is from build 1, the last good one.\n\n"
            "map.yaml:9:1: error[AM201] unknown key '<b>x</b>' in the top level (unknown-key)\n"
            '  9 | "<b>x</b>": 1\n'
        )
        assert box.locator("b").count() == 0  # the quoted markup is text
        expect(title).to_have_text("School uniforms")  # the last good report, still there

        time.sleep(1.0)
        save(path, good.replace("School uniforms", "Uniforms, mended"))
        expect(box).to_be_hidden(timeout=20_000)
        expect(title).to_have_text("Uniforms, mended", timeout=20_000)
        assert errors == []
    finally:
        context.close()
        child.send_signal(signal.SIGINT)
        child.communicate(timeout=30)
