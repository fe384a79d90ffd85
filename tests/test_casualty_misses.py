"""The listing of the work part's misses in ``eventwire eval casualties --misses``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import InputError
from eventwire.evaluate.casualties import ArticleResult, CasualtyScores


def _result(name: str, **changes: object) -> ArticleResult:
    values: dict[str, object] = {
        "id": name,
        "killed": 1,
        "injured": 2,
        "dead": 1,
        "hurt": 2,
        "has_event": True,
        "date_right": True,
        "place_km": 12.0,
        "town_known": True,
        "gold_date": date(2015, 4, 11),
        "coded_date": date(2015, 4, 11),
        "gold_town": "Elmwood, Ohio",
        "coded_place": "Elmwood",
        "sentence": "A man was killed and two women were  wounded\nin Elmwood on Saturday.",
    }
    values.update(changes)
    return ArticleResult(**values)  # type: ignore[arg-type]


def test_only_articles_with_a_wrong_figure_day_or_place_are_listed() -> None:
    scores = CasualtyScores(
        "work",
        [
            _result("right"),
            _result("hurt", hurt=1),
            _result("day", date_right=False, coded_date=date(2015, 4, 13)),
            _result("far", place_km=80.0, coded_place="Springfield"),
            _result("nowhere", place_km=None, coded_place=None),
            _result("unknown-town", place_km=None, coded_place=None, town_known=False),
        ],
    )
    rows = {row[0]: row for row in scores.misses().rows}
    assert set(rows) == {"hurt", "day", "far", "nowhere"}
    assert rows["hurt"][1:3] == ("1/2", "1/1")
    assert rows["day"][3:5] == ("2015-04-11", "2015-04-13")
    assert rows["far"][6] == "Springfield (80 km)"
    assert rows["nowhere"][6] == "None (none)"
    assert rows["hurt"][4] == "" and rows["hurt"][6] == ""  # right day and place: blank
    # the sentence on one line, spaces folded
    assert rows["hurt"][7] == "A man was killed and two women were wounded in Elmwood on Saturday."


def test_an_article_with_no_figure_is_a_miss() -> None:
    scores = CasualtyScores("work", [_result("silent", dead=None, hurt=None, has_event=False)])
    (row,) = scores.misses().rows
    assert row[2] == "-"


def test_the_set_aside_part_is_never_listed() -> None:
    with pytest.raises(InputError):
        CasualtyScores("set-aside", [_result("hurt", hurt=0)]).misses()
    with pytest.raises(InputError):
        CasualtyScores("all", []).misses()


def test_the_command_refuses_misses_outside_the_work_part(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["eval", "casualties", "--gold", str(gold), "--part", "set-aside", "--misses"]
    )
    assert result.exit_code == 2
    assert "work part only" in result.output
