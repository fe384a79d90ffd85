"""Reading the knowledge files: packaged or a user's own copy, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.datafiles import read_data, read_word_table
from eventwire.errors import ResourceError


def test_packaged_and_user_files(tmp_path: Path) -> None:
    where, text = read_data("quantities.tsv")
    assert where == "eventwire/data/quantities.tsv" and "dozens" in text
    mine = tmp_path / "words.tsv"
    mine.write_text("# comment\n\nDozen\t12\nscore\t20\n", encoding="utf-8")
    table = read_word_table("unused", lambda c: int(c) if c.isdigit() else None, "n", mine)
    assert dict(table) == {"dozen": 12, "score": 20}
    with pytest.raises(TypeError):
        table["x"] = 1  # type: ignore[index]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "words.tsv"
    mine.write_text("dozen\t12\nmany\tlots\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"words.tsv:2: expected 'word<TAB>number'"):
        read_word_table("unused", lambda c: int(c) if c.isdigit() else None, "number", mine)
    with pytest.raises(ResourceError, match="cannot read"):
        read_data("x", tmp_path / "missing.tsv")
    with pytest.raises(ResourceError, match="missing from the installed package"):
        read_data("no_such_file.tsv")
