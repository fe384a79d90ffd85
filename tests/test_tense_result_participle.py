"""A gerund that adds what its clause's act led to ("opened fire, killing two") is told
in that clause's tense (``eventwire.timex.tense.is_result_participle``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from test_dates import add_event, make_doc, run_dates


def test_a_result_participle_after_a_past_clause_takes_the_narratives_day(nlp: Any) -> None:
    text = (
        "Neighbors first smelled smoke on Wednesday evening at the farm. "
        "The fire chief said the barn was set alight on purpose, destroying the stables."
    )
    doc = make_doc(text, date(2024, 5, 10))  # a Friday
    fire = add_event(doc, "The fire chief", "destroying")
    run_dates(doc)
    assert fire.date == date(2024, 5, 8)


def test_a_participle_with_while_is_a_clause_of_its_own(nlp: Any) -> None:
    from eventwire.timex.recency import Telling, telling

    text = "The driver said he was hit while crossing the road."
    doc = make_doc(text, date(2024, 5, 10))
    crossing = add_event(doc, "The driver", "crossing")
    assert telling(doc, crossing) is not Telling.PAST
