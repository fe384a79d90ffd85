"""Statements that assert no specific event as done (coding.nonspecific): kept and
flagged by the factuality stage, not listed as facts; each class is checked against a
sentence of news it must leave factual."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from test_factuality import of_type

Coder = Callable[[str], Document]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # what one can do: an ability or a power
        ("Police can arrest suspects without a warrant under the law.", "COERCE"),
        # a standing state: held for long, or an old alliance
        ("The two parties have long opposed the dam on the river.", "REJECT"),
        # another sense of the word
        ("The striker demonstrated his skill in the second half.", "PROTEST"),
        ("The farm meets the needs of the village.", "CONSULT"),
    ],
)
def test_no_specific_event_is_kept_but_not_factual(code: Coder, text: str, type_: str) -> None:
    events = of_type(code(text), type_)
    assert not any(e.factual for e in events)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Negotiators held talks in Geneva on Tuesday.", "CONSULT"),
        ("Police arrested two suspects in the market on Friday.", "COERCE"),
        ("Thousands of farmers protested against the quotas in the capital on Monday.", "PROTEST"),
        ("The two parties opposed the dam in a vote on Monday.", "REJECT"),
        ('"They shot my brother in the street," the man said.', "ASSAULT"),
    ],
)
def test_news_stays_factual(code: Coder, text: str, type_: str) -> None:
    assert any(e.factual for e in of_type(code(text), type_))
