"""The retellings stage: one act told in several sentences of an article is one event."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.model import Actor, Document, Event, Place
from eventwire.stages.retellings import fold_retellings, same_act


def _event(
    start: int,
    type_: str = "COERCE",
    mode: str | None = "arrest",
    actor: Actor | None = None,
    recipient: Actor | None = None,
    **fields: Any,
) -> Event:
    return Event(
        type=type_,
        sentence="x" * 10,
        start=start,
        end=start + 10,
        mode=mode,
        actor=actor,
        recipient=recipient,
        **fields,
    )


def _doc(*events: Event) -> Document:
    doc = Document(text="x" * 200, origin="<test>")
    doc.events = list(events)
    return doc


POLICE = Actor(text="police", country="ITA", sector="COP")


def _person(name: str) -> Actor:
    return Actor(text=name, name=name, country="ITA", sector="CVL")


def test_an_arrest_told_twice_is_one_event_with_two_mentions() -> None:
    first = _event(0, actor=POLICE, recipient=_person("Raffaele Marra"))
    again = _event(50, actor=POLICE, recipient=_person("Mr Marra"))
    doc = fold_retellings(_doc(first, again))
    assert doc.events == [first]
    assert first.retold == [again]


def test_two_people_arrested_are_two_events() -> None:
    one = _event(0, actor=POLICE, recipient=_person("Kim Hacker"))
    other = _event(50, actor=POLICE, recipient=_person("Jo Adkins"))
    assert not same_act(one, other)
    assert len(fold_retellings(_doc(one, other)).events) == 2


def test_statements_are_not_folded() -> None:
    # two demands by one government in one article are often two demands
    gov = Actor(text="the government", country="ITA", sector="GOV")
    one = _event(0, type_="REQUEST", mode=None, actor=gov)
    other = _event(50, type_="REQUEST", mode=None, actor=gov)
    assert len(fold_retellings(_doc(one, other)).events) == 2


def test_tellings_in_one_sentence_or_days_apart_stay_apart() -> None:
    same_sentence = (_event(0, actor=POLICE), _event(0, actor=POLICE))
    assert len(fold_retellings(_doc(*same_sentence)).events) == 2
    monday = _event(0, actor=POLICE, date=date(2016, 12, 12))
    friday = _event(50, actor=POLICE, date=date(2016, 12, 16))
    assert len(fold_retellings(_doc(monday, friday)).events) == 2


def test_a_negated_or_other_mode_telling_is_not_folded() -> None:
    arrest = _event(0, actor=POLICE)
    denied = _event(50, actor=POLICE, negated=True)
    seizure = _event(100, actor=POLICE, mode="seize")
    assert len(fold_retellings(_doc(arrest, denied, seizure)).events) == 3


def test_the_kept_event_takes_what_it_lacks_from_its_tellings() -> None:
    town = Place(text="Danbury", start=55, end=62, name="Danbury", lat=41.39, lon=-73.45)
    headline = _event(
        0, headline=True, date=date(2009, 3, 25), date_from_publication=True, arrested=1
    )
    told = _event(50, actor=POLICE, recipient=_person("Gomez"), place=town, date=date(2009, 3, 24))
    doc = fold_retellings(_doc(told, headline))
    assert doc.events == [headline], "the headline's telling is kept"
    assert headline.actor is POLICE and headline.recipient is not None
    assert headline.place is town, "the place its telling's own sentence names"
    assert headline.date == date(2009, 3, 24) and not headline.date_from_publication
    assert headline.arrested == 1


def test_an_article_retelling_its_arrest_lists_it_once(nlp: Any) -> None:
    from eventwire.model import RawDocument
    from eventwire.run.pipeline import default_pipeline

    text = (
        "Police in Turin arrested a builder on Tuesday on suspicion of bribery.\n\n"
        "The builder, Marco Bellini, was arrested at his home, police said.\n\n"
        "Bellini's arrest follows a year-long inquiry into building permits."
    )
    raw = RawDocument(text=text, origin="<test>", published=date(2017, 3, 8))
    doc = default_pipeline().process_raw(raw)[0]
    arrests = [e for e in doc.events if e.type == "COERCE" and e.mode == "arrest"]
    assert len(arrests) == 1, [(e.sentence, e.recipient) for e in arrests]
    assert arrests[0].retold
