"""Headlines: Title Case titles are parsed sentence-cased, their events are coded and
folded into the body event that tells them, which becomes the headline event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.coding.headline_reading import (
    fold_headline_events,
    is_title_case,
    proper_words,
    sentence_case,
)
from eventwire.model import Actor, Document, Event

Coder = Callable[[str], Document]


# ------------------------------------------------------------------ sentence case


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rebels Free Twelve Hostages in Northern Province", True),
        ("Rebels free twelve hostages in northern province", False),
        ("Ceasefire Holds", False),  # too short to tell
        ("EU and Kenya Sign Fishing Accord", True),
    ],
)
def test_title_case_is_recognised(title: str, expected: bool) -> None:
    assert is_title_case(title) is expected


def test_sentence_case_keeps_names_acronyms_and_length() -> None:
    body = "Officials in Ravensburg said the EU envoy met Maria Oduya on Friday."
    title = "Kenyan Minister Meets EU Envoy in Ravensburg Over Fishing Dispute"
    cased = sentence_case(title, proper_words(body))
    assert cased == "Kenyan minister meets EU envoy in Ravensburg over fishing dispute"
    assert len(cased) == len(title)


def test_sentence_case_leaves_ordinary_titles_alone() -> None:
    title = "Protesters block the main road into the port"
    assert sentence_case(title) == title


def test_proper_words_skip_sentence_starts() -> None:
    words = proper_words("Police said. Soldiers met Hamas envoys in Doha, Qatar.")
    assert {"Hamas", "Doha", "Qatar"} <= words
    assert "Soldiers" not in words and "Police" not in words


def test_proper_words_skip_a_title_repeated_in_the_body() -> None:
    body = "(Militia Expands Recruitment in the North)\nThe militia said Hamas envoys met."
    words = proper_words(body)
    assert "Hamas" in words
    assert "Recruitment" not in words and "Expands" not in words


# ------------------------------------------------------------------------ folding


def _event(type_: str, start: int, country: str | None = None, **kw: object) -> Event:
    actor = Actor(text="x", country=country) if country is not None else None
    return Event(type=type_, sentence="s", start=start, end=start + 1, actor=actor, **kw)  # type: ignore[arg-type]


def test_a_title_event_the_body_tells_marks_the_body_event() -> None:
    title = _event("ASSAULT", 0, "NGA", dead=12)
    body = [_event("PROTEST", 50), _event("ASSAULT", 80, None, dead=9)]
    events = fold_headline_events([title], body)
    assert events == body
    assert [e.headline for e in events] == [False, True]
    assert events[1].actor is not None and events[1].actor.country == "NGA"
    assert events[1].dead == 9  # the lower figure stands


def test_a_folded_title_event_keeps_the_higher_confidence() -> None:
    title = _event("THREATEN", 0, "NGA", confidence=0.85)
    body = [_event("THREATEN", 80, None, confidence=0.6)]
    [told] = fold_headline_events([title], body)
    assert told.headline and told.confidence == 0.85


def test_a_title_event_with_another_country_or_factuality_stays() -> None:
    title = _event("ASSAULT", 0, "NGA")
    other_country = _event("ASSAULT", 80, "NER")
    promised = _event("ASSAULT", 120, "NGA", future=True)
    events = fold_headline_events([title], [other_country, promised])
    assert events[0] is title and title.headline
    assert not other_country.headline and not promised.headline


# ------------------------------------------------------------------ whole articles

_BODY = (
    "\n\nThe Free Hills Front released twelve hostages on Tuesday near the town of Kalemba, "
    "a spokesman said.\n\nThe hostages had been held for four months, officials added."
)


def test_the_headline_event_is_the_body_event_that_tells_it(code: Coder) -> None:
    doc = code("Rebels Free Twelve Hostages in Northern Province" + _BODY)
    released = [e for e in doc.events if e.type == "RETREAT"]
    assert len(released) == 1, [(e.type, e.sentence) for e in doc.events]
    assert released[0].headline
    assert released[0].sentence.startswith("The Free Hills Front released")


def test_a_title_event_the_body_does_not_tell_is_kept(code: Coder) -> None:
    doc = code("Police Arrest Opposition Leader in the Capital" + _BODY)
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].headline and arrests[0].factual
    assert arrests[0].start == 0


def test_a_headline_infinitive_is_future(code: Coder) -> None:
    doc = code("Foreign Ministers to Meet in Geneva Next Week" + _BODY)
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert meetings and all(e.future for e in meetings)


def test_a_verbless_headline_is_coded(code: Coder) -> None:
    doc = code("Thousands of Nurses Out on Strike Across the Region" + _BODY)
    strikes = [e for e in doc.events if e.type == "PROTEST"]
    assert strikes and strikes[0].start == 0 and strikes[0].headline


def test_a_word_the_body_also_writes_in_lower_case_is_no_name() -> None:
    words = proper_words("Talks in New Delhi ended. The new envoy met Hamas in Doha.")
    assert "New" not in words and {"Hamas", "Doha", "Delhi"} <= words


@pytest.mark.parametrize(
    ("title", "type_"),
    [
        ("Malawi and Zambia Sign Trade Agreement", "SUPPORT"),  # "sign trade agreement": one noun
        ("Air Force Bombs Training Camp Near the Border", "ASSAULT"),  # "force", "bombs"
        # an irregular verb is tried in its own past tense ("withdrew", not "withdrawed")
        ("Human Rights Group Withdraws from Ruritania Amid Security Concerns", "SANCTION"),
    ],
)
def test_a_headline_verb_read_as_a_noun_is_found(code: Coder, title: str, type_: str) -> None:
    doc = code(title + _BODY)
    assert any(e.type == type_ and e.headline for e in doc.events), [
        (e.type, e.trigger, e.headline) for e in doc.events
    ]


@pytest.mark.parametrize(
    ("title", "type_", "theme"),
    [
        # "were" left out: the police were called, the curfew was imposed
        ("Hundreds of Police Called to the Capital Following Violence", "MOBILIZE", "police"),
        ("Unrest in the North: Curfew Imposed After Clashes", "COERCE", None),
        ("Two Opposition Parties Banned Ahead of the Vote", "COERCE", "parties"),
        # the participle hung on its subject, as a noun phrase
        ("Former Leader of the Province Sentenced to Prison for Fraud", "SANCTION", "leader"),
    ],
)
def test_a_headline_passive_without_was_is_read_as_passive(
    code: Coder, title: str, type_: str, theme: str | None
) -> None:
    doc = code(title + _BODY)
    found = [e for e in doc.events if e.type == type_ and e.start == 0]
    assert found, [(e.type, e.trigger, e.start) for e in doc.events]
    event = found[0]
    assert event.actor is None or theme is None or theme not in event.actor.text.lower()
    if theme is not None:
        assert event.recipient is not None and theme in event.recipient.text.lower()


def test_a_headline_participle_with_its_own_reading_stays_active(code: Coder) -> None:
    doc = code("The Garrison Evacuated Before Dawn" + _BODY)
    assert [e.type for e in doc.events if e.start == 0] == ["RETREAT"]


def test_a_headline_past_tense_with_its_own_reading_stays_active(code: Coder) -> None:
    doc = code("Opposition Leaders Called for a General Strike in the Capital" + _BODY)
    requests = [e for e in doc.events if e.type == "REQUEST" and e.start == 0]
    assert requests and requests[0].actor is not None
    assert "opposition" in requests[0].actor.text.lower()


def test_a_word_of_a_longer_country_name_keeps_its_capital_only_in_that_name() -> None:
    assert sentence_case("Rebels Make Concessions to Cook Islands Envoy") == (
        "Rebels make concessions to Cook Islands envoy"
    )
    assert sentence_case("Police Shoot Man Near the Northern Border") == (
        "Police shoot man near the northern border"
    )
