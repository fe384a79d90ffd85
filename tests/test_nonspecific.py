"""Statements that assert no specific event as done (coding.nonspecific): kept and
flagged by the factuality stage, not listed as facts; each class is checked against a
sentence of news it must leave factual."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import events_of
from eventwire.model import Document

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
        ("The killing reinforced the sense of unease in the capital.", "MOBILIZE"),
        ("Her parents are visiting other cities in Europe.", "CONSULT"),
    ],
)
def test_no_specific_event_is_kept_but_not_factual(code: Coder, text: str, type_: str) -> None:
    events = events_of(code(text), type_, required=True)
    assert not any(e.factual for e in events)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Negotiators held talks in Geneva on Tuesday.", "CONSULT"),
        ("The army reinforced its positions near the border.", "MOBILIZE"),
        ("The minister visited Cairo on Monday.", "CONSULT"),
        ("Police arrested two suspects in the market on Friday.", "COERCE"),
        ("Thousands of farmers protested against the quotas in the capital on Monday.", "PROTEST"),
        ("The two parties opposed the dam in a vote on Monday.", "REJECT"),
        ('"They shot my brother in the street," the man said.', "ASSAULT"),
    ],
)
def test_news_stays_factual(code: Coder, text: str, type_: str) -> None:
    assert any(e.factual for e in events_of(code(text), type_, required=True))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # "hoping" is lemmatized "hop": its forms are in the table themselves
        ("The federation was hoping to host talks between the two sides.", "CONSULT"),
        # a plot is not the act, nor is what still waits to be done
        ("A man who admitted to having plotted to attack a police station was jailed.", "ASSAULT"),
        ("The bill is still waiting to be discussed.", "CONSULT"),
        # negated by "nor", and an alternative not taken
        ("We did not invite him nor do we endorse his views.", "SUPPORT"),
        ("They warned the town instead of attacking it.", "ASSAULT"),
        # an infinitive under a verb of intent has no tense of its own
        ("They expect the rebels to attack the town.", "ASSAULT"),
        # a plea in court is no request
        ("The man pleaded guilty to fraud on Monday.", "REQUEST"),
        # calling the police is a report, no consultation
        ("The man who stabbed his neighbour called the police after the attack.", "CONSULT"),
        # the parser makes the meeting the subject of "to be held"
        ("The vote comes days before a crucial meeting on Libya to be held in Rome.", "CONSULT"),
    ],
)
def test_plans_denials_and_reports_are_not_factual(code: Coder, text: str, type_: str) -> None:
    assert not any(e.factual for e in events_of(code(text), type_, required=True))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The man who admitted to the plot was sentenced on Wednesday.", "SANCTION"),
        ("The mother pleaded with the rebels to free her son.", "REQUEST"),
        ("They attacked the town after warning it.", "ASSAULT"),
        ("The man who stabbed his neighbour called the police after the attack.", "ASSAULT"),
        ("The minister called the president on Monday to discuss the crisis.", "CONSULT"),
        ("The party did not resign and endorsed the candidate on Monday.", "SUPPORT"),
    ],
)
def test_events_beside_them_stay_factual(code: Coder, text: str, type_: str) -> None:
    assert any(e.factual for e in events_of(code(text), type_, required=True))


def test_a_title_given_apart_makes_the_text_a_body() -> None:
    """A source that gives the title apart from the text (TR-News, feeds) has a body
    too: its present simple describes ("the family calls its farm ...")."""
    from conftest import CODING_STAGES
    from eventwire.model import RawDocument
    from eventwire.run.pipeline import Pipeline

    text = "The family calls its farm Green Acres. They grow corn and beans."
    pipeline = Pipeline(CODING_STAGES)
    titled = pipeline.process_raw(RawDocument(text=text, origin="<test>", title="A farm"))[0]
    assert titled.spans and titled.article is not None and titled.article.title == "A farm"
    assert not any(e.factual for e in events_of(titled, "CONSULT", required=True))
