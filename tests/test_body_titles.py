"""A post held in a body takes the body's sector (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_whole: Coder) -> Coder:
    return code_whole


def _accusers(doc: Document) -> set[str | None]:
    return {e.actor.sector for e in doc.events if e.type == "ACCUSE" and e.actor is not None}


def test_the_president_of_an_association(code: Coder) -> None:
    doc = code(
        "Maria Lopez, president of the Riverside Tenants Association, criticized the"
        " landlord in Winnipeg on Monday."
    )
    assert _accusers(doc) == {"NGO"}


def test_a_minister_of_a_church(code: Coder) -> None:
    doc = code("A minister of the Lakeside Baptist Church condemned the attack on Monday.")
    assert _accusers(doc) == {"REL"}


def test_a_portfolio_stays_the_government(code: Coder) -> None:
    doc = code("The minister of health criticized the protesters in Ottawa on Monday.")
    assert _accusers(doc) == {"GOV"}
