"""Time-expression recognition and normalisation (eventwire.timex and its helpers)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import ResourceError
from eventwire.evaluate.timex import evaluate_timex, read_timex_gold
from eventwire.model import DateOrigin, DatePrecision, TimeExpression, TimexType
from eventwire.timex import find_timexes
from eventwire.timex.normalize import (
    Anchor,
    Tense,
    anchor_of,
    calendar_date,
    resolve_weekday,
)
from eventwire.timex.tense import SpacyTense, sentence_bounds
from eventwire.timex.words import load_lexicon, parse_lexicon

# Friday 22 March 2013 (a Friday, in ISO week 12).
FRIDAY = Anchor(date(2013, 3, 22), DateOrigin.METADATA)


def found(text: str, anchor: Anchor | None = FRIDAY, tense: Tense | None = None) -> list[Any]:
    """(text, type, value, mod) of every expression, with a fixed tense for the text."""
    result = find_timexes(text, anchor, tense_of=lambda start, end: tense)
    return [(t.text, t.type.value, t.value, t.mod) for t in result]


def only(text: str, anchor: Anchor | None = FRIDAY, tense: Tense | None = None) -> Any:
    result = found(text, anchor, tense)
    assert len(result) == 1, result
    return result[0]


# --- DATE ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed on June 29, 2024 in Doha.", ("June 29, 2024", "DATE", "2024-06-29", None)),
        ("Voting ended in May 2010.", ("May 2010", "DATE", "2010-05", None)),
        ("The border closed in 2020.", ("2020", "DATE", "2020", None)),
        ("Rebels held the town throughout the 1990s.", ("the 1990s", "DATE", "199", None)),
        ("Ruins from the 12th century stood there.", ("the 12th century", "DATE", "11", None)),
        (
            "Profits fell in the first quarter of 2012.",
            ("the first quarter of 2012", "DATE", "2012-Q1", None),
        ),
        ("The dam was finished in early 2011.", ("early 2011", "DATE", "2011", "START")),
        ("The rally was banned on 09.03.2018.", ("09.03.2018", "DATE", "2018-03-09", None)),
        ("The rally was banned on 9. March 2018.", ("9. March 2018", "DATE", "2018-03-09", None)),
        ("Deputies came on 10/15/16 at dawn.", ("10/15/16", "DATE", "2016-10-15", None)),
        ("The mine closed on 25/4/2019.", ("25/4/2019", "DATE", "2019-04-25", None)),
    ],
)
def test_absolute_dates_resolve_without_anchor(text: str, expected: Any) -> None:
    assert found(text, anchor=None) == [expected]


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("The mayor resigned yesterday.", "2013-03-21", None),
        ("Markets open today.", "2013-03-22", None),
        ("Turnout was high this month.", "2013-03", None),
        ("Prices rose last week.", "2013-W11", None),
        ("The shelling stopped this week.", "2013-W12", None),
        ("Talks continue next month.", "2013-04", None),
        ("Exports grew last year.", "2012", None),
        ("The law takes effect next year.", "2014", None),
        ("The plant opened three years ago.", "2010", None),
        ("A truce was signed two weeks ago.", "2013-W10", None),
        ("He was freed five days ago.", "2013-03-17", None),
        ("Sales were weak early this year.", "2013", "START"),
        ("The army withdrew late last year.", "2012", "END"),
    ],
)
def test_relative_dates_resolve_against_the_anchor(text: str, value: str, mod: str | None) -> None:
    _, kind, got_value, got_mod = only(text)
    assert (kind, got_value, got_mod) == ("DATE", value, mod)


def test_month_without_year_follows_tense() -> None:
    # Anchor in March: a past-tense December is last year's, a future one this year's.
    assert only("The flooding began in early December.", tense=Tense.PAST)[2:] == (
        "2012-12",
        "START",
    )
    assert only("The flooding will begin in December.", tense=Tense.FUTURE)[2] == "2013-12"
    # No tense: the nearest one (April 2013 is one month ahead, April 2012 eleven back).
    assert only("Elections in April.", tense=None)[2] == "2013-04"
    assert only("A storm hit on Sept. 18.", tense=Tense.PAST)[2] == "2012-09-18"
    assert only("The vote is on Sept. 18.", tense=Tense.FUTURE)[2] == "2013-09-18"


def test_ambiguous_month_names_need_a_date_context() -> None:
    assert found("May the talks succeed.", tense=Tense.PRESENT) == []
    assert found("Thousands March on the Capital") == []
    assert only("The rally took place in May.", tense=Tense.PAST)[2] == "2012-05"


def test_seasons_and_period_edges() -> None:
    assert only("The dam burst last summer.")[2] == "2012-SU"
    assert only("The harvest failed in the autumn of 2011.", anchor=None)[2] == "2011-FA"
    assert found("the fall of the capital") == []
    # Said in March in the past tense, "the end of the year" is last year's end.
    assert only("Cases peaked by the end of the year.", tense=Tense.PAST)[2:] == ("2012", "END")
    assert only("Cases will peak by the end of the year.", tense=Tense.FUTURE)[2:] == (
        "2013",
        "END",
    )


def test_present_past_and_future_references() -> None:
    assert only("The town is now quiet.")[2] == "PRESENT_REF"
    assert only("Aid is currently blocked.")[2] == "PRESENT_REF"
    assert only("Several wells were dug recently.")[2] == "PAST_REF"
    assert only("Aid may resume in the future.")[2] == "FUTURE_REF"


def test_names_and_adjectives_are_not_time_expressions() -> None:
    assert found("The People's Daily reported the clash.") == []
    assert found("The future peace depends on the talks.") == []
    assert only("Nobody knows what lies in the future.")[2] == "FUTURE_REF"
    assert only("Rents rose since July this year.")[2] == "2013-07"


def test_years_are_not_head_counts() -> None:
    assert found("At least 2000 people fled the district.") == []
    assert found("Some 1990 troops crossed.") == []
    assert [f[2] for f in found("Floods in 2009-2010 and a 2004 survey.", anchor=None)] == [
        "2009",
        "2010",
        "2004",
    ]


# --- weekdays and the anchor rules ------------------------------------------------------


@pytest.mark.parametrize(
    ("tense", "name", "expected"),
    [
        (Tense.PAST, "Tuesday", date(2013, 3, 19)),
        (Tense.PAST, "Friday", date(2013, 3, 22)),  # the anchor's own weekday: the anchor
        (Tense.PAST, "Saturday", date(2013, 3, 16)),
        (Tense.FUTURE, "Tuesday", date(2013, 3, 26)),
        (Tense.FUTURE, "Saturday", date(2013, 3, 23)),
        (Tense.PRESENT, "Saturday", date(2013, 3, 23)),  # nearest: 1 day ahead
        (Tense.PRESENT, "Tuesday", date(2013, 3, 19)),  # nearest: 3 days back
        (None, "Monday", date(2013, 3, 25)),  # 3 days ahead beats 4 days back
    ],
)
def test_weekday_by_tense(tense: Tense | None, name: str, expected: date) -> None:
    text = f"The convoy crossed on {name}."
    assert only(text, tense=tense)[2] == expected.isoformat()


def test_last_and_next_weekday_ignore_tense() -> None:
    assert only("They met last Friday.", tense=Tense.PAST)[2] == "2013-03-15"
    assert only("They meet next Friday.", tense=Tense.FUTURE)[2] == "2013-03-29"


def test_caption_date_is_a_lower_bound_for_weekdays() -> None:
    # A caption dated Monday 18 September 2023: the article appeared that day or later,
    # so a bare "Tuesday" is the Tuesday nearest it, the day after, even in the past tense.
    monday = Anchor(date(2023, 9, 18), DateOrigin.CAPTION)
    text = "Troops shelled positions near the lake on Tuesday, the ministry said."
    assert only(text, anchor=monday, tense=Tense.PAST)[2] == "2023-09-19"
    # The caption day's own weekday is the caption day.
    saturday = Anchor(date(2024, 6, 29), DateOrigin.CAPTION)
    text = "Two farmers were hurt by a mine on Saturday."
    assert only(text, anchor=saturday, tense=Tense.PAST)[2] == "2024-06-29"
    # A caption dated Tuesday: "on Monday" is the day before, not six days later.
    tuesday = Anchor(date(2024, 3, 12), DateOrigin.CAPTION)
    text = "Gunmen stormed a checkpoint on Monday."
    assert only(text, anchor=tuesday, tense=Tense.PAST)[2] == "2024-03-11"
    # The same text with a publication date looks backwards instead.
    published = Anchor(date(2023, 9, 18), DateOrigin.METADATA)
    assert resolve_weekday(published, 1, Tense.PAST) == date(2023, 9, 12)


def test_date_guessed_from_the_text_is_a_lower_bound_for_weekdays() -> None:
    # No metadata: the publication date is guessed as the newest full date the text
    # names (a Sunday). The article was written that day or later, so "on Monday" in the
    # past tense is the next day, not the Monday six days before.
    sunday = Anchor(date(2021, 5, 9), DateOrigin.TEXT)
    assert sunday.is_lower_bound
    text = "Crowds gathered outside the court on Monday."
    assert only(text, anchor=sunday, tense=Tense.PAST)[2] == "2021-05-10"
    assert not Anchor(date(2021, 5, 9), DateOrigin.METADATA).is_lower_bound


def test_no_anchor_keeps_relative_expressions_unresolved() -> None:
    result = found("On Tuesday, a week after the vote of June 3, 2021, protests spread.", None)
    assert ("Tuesday", "DATE", None, None) in result
    assert ("June 3, 2021", "DATE", "2021-06-03", None) in result
    assert ("a week", "DURATION", "P1W", None) in result


def test_anchor_of_article() -> None:
    from eventwire.model import Article

    assert anchor_of(None) is None
    assert anchor_of(Article(title=None, body="x")) is None
    article = Article(title=None, body="x", published=date(2020, 1, 2))
    assert anchor_of(article) == Anchor(date(2020, 1, 2), DateOrigin.METADATA)


# --- TIME ------------------------------------------------------------------------------


def test_times_of_day() -> None:
    assert only("Shelling resumed Monday morning.", tense=Tense.PAST)[1:3] == (
        "TIME",
        "2013-03-18TMO",
    )
    assert only("Sirens sounded last night.")[1:3] == ("TIME", "2013-03-21TNI")
    # A clock time takes its day from a day named in the same sentence.
    result = found("On Wednesday the market was hit at 8 a.m. local time.", tense=Tense.PAST)
    assert result == [
        ("Wednesday", "DATE", "2013-03-20", None),
        ("8 a.m. local time", "TIME", "2013-03-20T08:00", None),
    ]
    assert only("The curfew starts at 10:30 pm.")[2] == "2013-03-22T22:30"


def test_overnight_is_the_night_before_the_anchor() -> None:
    assert only("Drones struck the port overnight.", tense=Tense.PAST)[1:3] == (
        "TIME",
        "2013-03-21TNI",
    )
    assert only("Rain will fall overnight.", tense=Tense.FUTURE)[2] == "2013-03-22TNI"


def test_anaphoric_days_follow_the_last_named_day() -> None:
    text = "Rebels entered the town on Monday, Oct. 7, 2019. The next day, they left."
    result = found(text)
    assert result[-1] == ("The next day", "DATE", "2019-10-08", None)


@pytest.mark.parametrize(
    ("tail", "extent", "value"),
    [
        ("A day earlier, they had shelled it.", "A day earlier", "2019-10-06"),
        ("Two days later, they left.", "Two days later", "2019-10-09"),
        ("They left it 3 days after.", "3 days after", "2019-10-10"),
    ],
)
def test_days_counted_from_the_last_named_day(tail: str, extent: str, value: str) -> None:
    result = found("Rebels entered the town on Monday, Oct. 7, 2019. " + tail)
    assert result[-1] == (extent, "DATE", value, None)


# --- DURATION and SET --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "extent", "value", "mod"),
    [
        ("The siege lasted three decades.", "three decades", "P30Y", None),
        ("Aid is expected within the next 24 hours.", "the next 24 hours", "PT24H", None),
        ("He waited a month.", "a month", "P1M", None),
        ("She was held for two days.", "two days", "P2D", None),
        ("Prices doubled over the past two years.", "the past two years", "P2Y", None),
        ("The camp has stood for almost seven years.", "almost seven years", "P7Y", "LESS_THAN"),
        ("It took more than a decade.", "more than a decade", "P10Y", "MORE_THAN"),
        ("A four-week truce began.", "four-week", "P4W", None),
        ("The search took several days.", "several days", "PXD", None),
        ("Fighting has flared in recent weeks.", "recent weeks", "PXW", None),
        ("It took a year and a half.", "a year and a half", "P18M", None),
        ("They talked for half an hour.", "half an hour", "PT30M", None),
        ("He ran it in 2:41:05.", "2:41:05", "PT2H41M5S", None),
    ],
)
def test_durations(text: str, extent: str, value: str, mod: str | None) -> None:
    assert only(text) == (extent, "DURATION", value, mod)


def test_ages_and_ordinals_are_not_durations() -> None:
    assert found("A 22-year-old man and children aged 5 years were hurt.") == []
    assert found("A second attack followed.") == []


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Patrols go out every week.", "every week", "P1W"),
        ("The paper appears weekly.", "weekly", "P1W"),
        ("Markets open every Monday.", "every Monday", "XXXX-WXX-1"),
        ("Inspections happen every other month.", "every other month", "P2M"),
        ("Convoys run twice a week.", "a week", "P1W"),
        ("Rent is $5 per day.", "per day", "P1D"),
        ("The shop closes on Sundays.", "Sundays", "XXXX-WXX-7"),
    ],
)
def test_sets(text: str, extent: str, value: str) -> None:
    assert only(text) == (extent, "SET", value, None)


def test_offsets_point_into_the_text() -> None:
    text = "Late on Tuesday, 40 km away, a blast lasted two minutes."
    for timex in find_timexes(text, FRIDAY):
        assert text[timex.start : timex.end] == timex.text


# --- calendar dates of expressions ---------------------------------------------------------


def test_calendar_date_of_expressions() -> None:
    def of(kind: TimexType, value: str) -> Any:
        return calendar_date(TimeExpression("x", 0, 1, kind, value))

    assert of(TimexType.TIME, "2013-03-18TMO") == (date(2013, 3, 18), DatePrecision.DAY)
    assert of(TimexType.DATE, "2013-W11") == (date(2013, 3, 11), DatePrecision.WEEK)
    assert of(TimexType.DATE, "2012-SU") == (date(2012, 1, 1), DatePrecision.YEAR)
    assert of(TimexType.DATE, "2012-12") == (date(2012, 12, 1), DatePrecision.MONTH)
    assert of(TimexType.DATE, "199") is None
    assert of(TimexType.DATE, "PRESENT_REF") is None
    assert of(TimexType.DURATION, "P2D") is None


# --- lexicon ----------------------------------------------------------------------------------


def test_lexicon_loads_and_rejects_malformed_lines() -> None:
    lexicon = load_lexicon()
    assert lexicon.numbers["three"] == 3
    assert lexicon.units["decade"].duration(3) == "P30Y"
    assert "days" in lexicon.plural_units
    header = "kind\tphrases\tvalue\n"
    with pytest.raises(ResourceError, match="unknown kind"):
        parse_lexicon(header + "colour\tred\tR\n")
    with pytest.raises(ResourceError, match="3 tab-separated columns"):
        parse_lexicon(header + "number\tone\n")
    with pytest.raises(ResourceError, match="unit value"):
        parse_lexicon(header + "unit\tfortnight\tfourteen days\n")
    with pytest.raises(ResourceError, match=r":1: expected the header 'kind phrases value'"):
        parse_lexicon("number\tone\t1\n")


# --- tense from the parse ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Gunmen attacked the convoy on Tuesday.", Tense.PAST),
        ("The minister has resigned on Tuesday.", Tense.PAST),
        ("Officials said the vote would be held on Tuesday.", Tense.FUTURE),
        ("The envoy will arrive on Tuesday.", Tense.FUTURE),
        ("Talks are expected to resume on Tuesday.", Tense.FUTURE),
        ("Leaders to meet on Tuesday", Tense.FUTURE),
        ("The vote is scheduled for Tuesday.", Tense.FUTURE),
        ("Tuesday's blast killed four people.", Tense.PAST),
        ("The market reopens on Tuesday.", Tense.PRESENT),
    ],
)
def test_tense_from_the_parse(nlp: Any, sentence: str, tense: Tense) -> None:
    parsed = nlp(sentence)
    start = sentence.index("Tuesday")
    lookup = SpacyTense(parsed, load_lexicon().future_cues)
    assert lookup(start, start + len("Tuesday")) is tense


def test_parsed_tense_drives_weekday_resolution(nlp: Any) -> None:
    text = "Rebels seized the bridge on Tuesday. Talks will resume on Tuesday."
    parsed = nlp(text)
    result = find_timexes(
        text,
        FRIDAY,
        tense_of=SpacyTense(parsed, load_lexicon().future_cues),
        sentences=sentence_bounds(parsed),
    )
    assert [t.value for t in result] == ["2013-03-19", "2013-03-26"]


def test_a_clock_time_takes_the_date_written_after_it_across_a_sentence_cut() -> None:
    # a splitter may end a sentence at "p.m." before a month name
    text = "The fire started about 10:40 p.m. Feb. 3 in a warehouse near the port."
    cut = text.index("Feb.")
    result = find_timexes(text, FRIDAY, sentences=[(0, cut), (cut, len(text))])
    assert [t.value for t in result] == ["2013-02-03T22:40", "2013-02-03"]


# --- evaluation --------------------------------------------------------------------------------


def _write_gold(path: Path) -> Path:
    text = "Police said on Tuesday that the curfew would last two days."
    timexes = [
        {"text": "Tuesday", "start": 15, "end": 22, "type": "DATE", "value": "2013-03-19"},
        {"text": "two days", "start": 50, "end": 58, "type": "DURATION", "value": "P2D"},
    ]
    record = {"id": "doc1", "dct": "2013-03-22", "title": None, "text": text, "timexes": timexes}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_evaluation_scores_strict_relaxed_and_values(tmp_path: Path) -> None:
    gold = _write_gold(tmp_path / "gold.jsonl")
    documents = read_timex_gold(gold)
    assert documents[0].timexes[1].type is TimexType.DURATION

    def system(text: str, anchor: Anchor) -> list[TimeExpression]:
        # One exact hit with a wrong value, one relaxed hit, one spurious expression.
        return [
            TimeExpression("Tuesday", 15, 22, TimexType.DATE, "2013-03-26"),
            TimeExpression("last two days", 45, 58, TimexType.DURATION, "P2D"),
            TimeExpression("Police", 0, 6, TimexType.DATE, "PRESENT_REF"),
        ]

    scores = evaluate_timex(gold, system)
    assert (scores.gold, scores.predicted) == (2, 3)
    assert scores.strict_matches == 1 and scores.relaxed_matches == 2
    assert scores.relaxed_recall == 1.0 and scores.relaxed_precision == pytest.approx(2 / 3)
    assert scores.value_accuracy == 0.5 and scores.type_accuracy == 1.0
    assert len(scores.spurious) == 1 and len(scores.mismatches) == 1


def test_evaluation_rejects_offsets_that_do_not_match(tmp_path: Path) -> None:
    from eventwire.errors import InputError

    path = tmp_path / "bad.jsonl"
    record = {
        "id": "d",
        "dct": "2013-03-22",
        "text": "on Tuesday",
        "timexes": [{"text": "Tuesday", "start": 0, "end": 7, "type": "DATE", "value": None}],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match="offsets"):
        read_timex_gold(path)


def test_weekend_before_its_noun_is_the_one_just_past() -> None:
    # "a weekend raid": the weekend before a Friday, whatever the tense of the clause
    assert only("The minister spoke of a weekend raid on the depot.", tense=Tense.PRESENT)[2] == (
        "2013-W11-WE"
    )
    # told ahead, the coming one
    assert only("They will hold a weekend summit.", tense=Tense.FUTURE)[2] == "2013-W12-WE"
    # not a weekend alone, nor one in a phrase such as "a weekend of"
    assert found("It was a weekend.") == []
