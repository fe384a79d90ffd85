"""A clock time whose sentence names no day, told in the past, takes the day the text
named last before it ("A man was shot Sunday. It happened around 2 a.m."), not the
publication day; one told in the present or the future keeps the anchor's day."""

from __future__ import annotations

from datetime import date

from eventwire.model import DateOrigin
from eventwire.timex import find_timexes
from eventwire.timex.normalize import Anchor, Tense

ANCHOR = Anchor(date(2024, 5, 10), DateOrigin.METADATA)  # a Friday


def sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for index, char in enumerate(text):
        if char == "|":
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text)))
    return bounds


def values(text: str, tense: Tense | None) -> list[tuple[str, str | None]]:
    found = find_timexes(text, ANCHOR, tense_of=lambda start, end: tense, sentences=sentences(text))
    return [(t.text, t.value) for t in found]


TEXT = "A clerk was robbed at gunpoint on Tuesday.|The robbery happened around 9 p.m."


def test_a_past_clock_time_takes_the_day_named_before() -> None:
    assert values(TEXT, Tense.PAST) == [("Tuesday", "2024-05-07"), ("9 p.m.", "2024-05-07T21:00")]


def test_a_present_clock_time_keeps_the_anchor_day() -> None:
    assert values(TEXT, Tense.PRESENT)[1] == ("9 p.m.", "2024-05-10T21:00")


def test_a_day_after_the_anchor_is_no_narrative_day() -> None:
    text = "The funeral is set for next Monday.|The man was shot around 9 p.m."
    assert values(text, Tense.PAST)[1] == ("9 p.m.", "2024-05-10T21:00")


def test_a_day_in_the_clock_times_sentence_still_comes_first() -> None:
    text = "A clerk was robbed on Tuesday.|At 9 p.m. on Wednesday, police arrived."
    assert values(text, Tense.PAST)[1] == ("9 p.m.", "2024-05-08T21:00")
