"""Generic statements, standing states and descriptions are no events: an event told
in the background of a noun (a relative clause in the present perfect), as the purpose
of a noun, as a maxim of the generic "you", or over a stretch of time is kept but not
listed as news (``coding.nonspecific``, ``coding.past_telling``); each class is checked
against a sentence of news it must leave factual."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import events_of
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a relative clause in the active present perfect with no time: background
        ("The talks were held between the two states, which have backed rival militias.",
         "SUPPORT"),
        # the purpose of a noun described by a participle
        ("Members of a squad assigned to investigate the cartel met him in Lisbon.", "ACCUSE"),
        # a maxim of the generic "you"
        ("You fight the battles that you have to fight.", "ASSAULT"),
        # what money gathered is for: an aim, no aid given yet
        ("The senator says she has raised enough money to fund a recount in Ohio.", "AID"),
    ],
)  # fmt: skip
def test_a_description_of_a_noun_is_no_event(code: Coder, text: str, type_: str) -> None:
    assert not any(e.factual for e in events_of(code(text), type_, required=True))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a relative clause in the past, or in the passive present perfect: the news
        ("Police arrested a man who attacked a guard in the market on Friday.", "ASSAULT"),
        ("The court freed the men who have been arrested in the raid.", "COERCE"),
        # a relative clause in the present perfect with a time of its own
        ("The minister, who has met the rebels this week, spoke on Monday.", "CONSULT"),
        # reported speech with its own past tense, under a relative clause
        ("The men, who say they were beaten by guards, were freed on Monday.", "ASSAULT"),
        # money given, not gathered: the aid is done
        ("The government allocated $2 million to aid the flood victims on Monday.", "AID"),
    ],
)
def test_news_in_a_relative_clause_stays_factual(code: Coder, text: str, type_: str) -> None:
    assert any(e.factual for e in events_of(code(text), type_, required=True))


def test_an_event_told_over_a_stretch_of_time_is_historical(code: Coder) -> None:
    doc = code("Police arrested three hundred people over the past two years.")
    assert all("historical" in e.contexts for e in events_of(doc, "COERCE", required=True))
    news = code("Police arrested two men in the market on Friday.")
    assert not any("historical" in e.contexts for e in events_of(news, "COERCE", required=True))
    duration = code("The man was detained for two years in a prison in the north.")
    assert not any("historical" in e.contexts for e in events_of(duration, "COERCE", required=True))
