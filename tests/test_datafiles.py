"""Reading the knowledge files: packaged or a user's own copy, a header row checked,
errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.datafiles import data_lines, read_data, read_table, read_word_table
from eventwire.errors import ResourceError


def _number(cell: str) -> int | None:
    return int(cell) if cell.isdigit() else None


def test_packaged_and_user_files(tmp_path: Path) -> None:
    where, text = read_data("quantities.tsv")
    assert where == "eventwire/data/quantities.tsv" and "dozens" in text
    mine = tmp_path / "words.tsv"
    mine.write_text("# comment\n\nword\tn\nDozen\t12\nscore\t20\n", encoding="utf-8")
    table = read_word_table("unused", "n", _number, path=mine)
    assert dict(table) == {"dozen": 12, "score": 20}
    with pytest.raises(TypeError):
        table["x"] = 1  # type: ignore[index]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "words.tsv"
    mine.write_text("word\tvalue\ndozen\t12\nmany\tlots\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"words.tsv:3: expected 'word<TAB>number'"):
        read_word_table("unused", "value", _number, "number", mine)
    with pytest.raises(ResourceError, match="cannot read"):
        read_data("x", tmp_path / "missing.tsv")
    with pytest.raises(ResourceError, match="missing from the installed package"):
        read_data("no_such_file.tsv")


def test_a_table_needs_its_header_and_its_columns(tmp_path: Path) -> None:
    mine = tmp_path / "table.tsv"
    mine.write_text("dozen\t12\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"table.tsv:1: expected the header 'word value'"):
        read_word_table("unused", "value", _number, path=mine)
    mine.write_text("# note\nname\tcountry\tcomment\nA\tFR\nB\tDE\tnorth\nC\n", encoding="utf-8")
    columns = ("name", "country", "comment")
    with pytest.raises(ResourceError, match=r"table.tsv:5: expected 2 to 3 tab-separated"):
        read_table("unused", columns, mine, optional=1)
    mine.write_text("name\tcountry\tcomment\nA\tFR\nB\tDE\tnorth\n", encoding="utf-8")
    where, rows = read_table("unused", columns, mine, optional=1)
    assert where == str(mine)
    assert rows == [(2, ["A", "FR", ""]), (3, ["B", "DE", "north"])]
    mine.write_text("# only comments\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="no header row"):
        read_table("unused", columns, mine)


def test_every_packaged_table_reads() -> None:
    """Each packaged table passes its reader's header and row checks."""
    from eventwire.articles.layout import boilerplate, credit_words
    from eventwire.coding.lexicon import assault_modes, context_words
    from eventwire.coding.victims import quantity_words
    from eventwire.export.views import acled_view
    from eventwire.gazetteer.cues import read_abbreviations
    from eventwire.gazetteer.regions import read_regions
    from eventwire.stages.factuality import factuality_words
    from eventwire.timex.words import load_lexicon

    assert quantity_words()["dozens"] == 12
    assert factuality_words()["never"] == "negated"
    assert credit_words() and boilerplate().lines
    assert assault_modes() and context_words()
    assert acled_view("ASSAULT", "aerial", None) is not None
    assert read_abbreviations() and read_regions()
    assert load_lexicon()
    where, lines = data_lines("boilerplate.txt")
    assert where.endswith("boilerplate.txt") and lines
