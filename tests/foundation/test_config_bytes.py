"""A configuration saved by a Windows editor: a UTF-8 byte-order mark (Notepad wrote one until
2019) and CRLF line endings are read as the same file without them, its problems at the same
line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.config import load_config

TEXT = 'similarity = 90\nignore = ["AM004"]\nseverity = {AM002 = "loud"}\n'


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf" + TEXT.encode(), TEXT.replace("\n", "\r\n").encode()],
    ids=["bom", "crlf"],
)
def test_a_byte_order_mark_or_crlf_changes_nothing(data: bytes, tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_bytes(TEXT.encode())
    expected = load_config(tmp_path)
    assert [d.line for d in expected[1]] == [3]  # the loud severity
    (tmp_path / "argmap.toml").write_bytes(data)
    config, problems = load_config(tmp_path)
    assert (config, [(d.code, d.line, d.col, d.message) for d in problems]) == (
        expected[0],
        [(d.code, d.line, d.col, d.message) for d in expected[1]],
    )
