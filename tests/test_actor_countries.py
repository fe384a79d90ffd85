"""A participant named without its country belongs to the country where the event
happened; a named person or organisation and a pseudo-country are left alone."""

from __future__ import annotations

from typing import Any

from eventwire.model import Actor, Document, Event, Place, Precision
from eventwire.stages.actor_countries import fill_actor_countries


def _place(name: str, country: str) -> Place:
    return Place(text=name, start=0, end=len(name), name=name, country_code=country,
                 precision=Precision.POINT)  # fmt: skip


def _event(actor: Actor | None, recipient: Actor | None, place: Place | None) -> Event:
    return Event(type="COERCE", sentence="s", start=0, end=1, actor=actor, recipient=recipient,
                 place=place)  # fmt: skip


def test_state_bodies_and_groups_take_the_country_of_the_place() -> None:
    police = Actor(text="Police", sector="COP")
    protesters = Actor(text="protesters", sector="CVL")
    doc = Document(text="x", origin="<t>")
    doc.places = [_place("Lima", "PE")]
    doc.events = [_event(police, protesters, doc.places[0])]
    fill_actor_countries(doc)
    (event,) = doc.events
    assert event.actor is not None and event.actor.country == "PER"
    assert event.recipient is not None and event.recipient.country == "PER"
    assert police.country is None  # the actor record is copied, not changed in place


def test_named_people_pseudo_countries_and_known_countries_are_kept() -> None:
    doc = Document(text="x", origin="<t>")
    doc.places = [_place("Lima", "PE")]
    minister = Actor(text="Jane Doe", name="Jane Doe", sector="GOV")
    un = Actor(text="the UN", name="United Nations", country="IGO", sector="IGO")
    envoys = Actor(text="Chilean envoys", country="CHL", sector="GOV")
    doc.events = [_event(minister, un, doc.places[0]), _event(envoys, None, doc.places[0])]
    fill_actor_countries(doc)
    assert doc.events[0].actor is not None and doc.events[0].actor.country is None
    assert doc.events[0].recipient is not None and doc.events[0].recipient.country == "IGO"
    assert doc.events[1].actor is not None and doc.events[1].actor.country == "CHL"


def test_an_event_without_a_place_takes_the_country_the_article_is_about() -> None:
    doc = Document(text="x", origin="<t>")
    doc.places = [_place("Cairo", "EG"), _place("Giza", "EG"), _place("Paris", "FR")]
    doc.events = [_event(Actor(text="the court", sector="JUD"), None, None)]
    fill_actor_countries(doc)
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "EGY"
    nowhere = Document(text="x", origin="<t>")
    nowhere.events = [_event(Actor(text="the court", sector="JUD"), None, None)]
    fill_actor_countries(nowhere)
    assert nowhere.events[0].actor is not None and nowhere.events[0].actor.country is None


def test_a_place_named_by_the_other_side_is_not_the_actors_country() -> None:
    # "The minister accused Israel ...": the event's place is the recipient's own name.
    doc = Document(text="The minister accused Israel of abuses.", origin="<t>")
    israel = Place(text="Israel", start=22, end=28, name="Israel", country_code="IL",
                   precision=Precision.COUNTRY)  # fmt: skip
    doc.places = [israel]
    minister = Actor(text="The minister", sector="GOV", start=0, end=12)
    accused = Actor(text="Israel", name="Israel", country="ISR", sector="GOV", start=22, end=28)
    doc.events = [_event(minister, accused, israel)]
    fill_actor_countries(doc)
    (event,) = doc.events
    assert event.actor is not None and event.actor.country is None
    # a place of its own, in another phrase, still gives the country
    doc.events = [_event(Actor(text="Police", sector="COP", start=0, end=6), accused,
                         _place("Lima", "PE"))]  # fmt: skip
    fill_actor_countries(doc)
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "PER"


def test_a_named_police_chief_serves_where_the_event_happened() -> None:
    doc = Document(text="x", origin="<t>")
    doc.places = [_place("Lima", "PE")]
    chief = Actor(text="Police Chief Ana Ruiz", name="Ana Ruiz", sector="COP")
    doc.events = [_event(chief, None, doc.places[0])]
    fill_actor_countries(doc)
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "PER"


def test_an_official_named_in_a_story_that_stays_in_one_country_is_of_that_country() -> None:
    text = "Senator Jane Doe met Ambassador Ivan Petrov in Ottawa."
    doc = Document(text=text, origin="<t>")
    doc.places = [_place("Ottawa", "CA"), _place("Toronto", "CA"), _place("Calgary", "CA")]
    senator = Actor(text="Senator Jane Doe", name="Jane Doe", sector="LEG", start=0, end=16)
    envoy = Actor(text="Ambassador Ivan Petrov", name="Ivan Petrov", sector="GOV",
                  start=21, end=43)  # fmt: skip
    rebels = Actor(text="the Lions of X", name="Lions of X", sector="REB")
    doc.events = [_event(senator, envoy, doc.places[0]), _event(rebels, None, None)]
    fill_actor_countries(doc)
    first, second = doc.events
    assert first.actor is not None and first.actor.country == "CAN" and first.actor.inferred
    assert first.recipient is not None and first.recipient.country is None  # a diplomat
    assert second.actor is not None and second.actor.country is None  # may be foreign
    # in a story split between countries, a titled person takes the event's place's
    doc.places += [_place("Washington", "US"), _place("Boston", "US")]
    doc.events = [_event(senator, None, doc.places[0])]
    fill_actor_countries(doc)
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "CAN"
    assert doc.events[0].actor.inferred


def test_a_town_of_the_articles_own_country_is_the_local_namesake() -> None:
    # "a Perth man" in a story that stays in the United States: Perth, New York, not
    # Perth, Australia; a phrase that names its country keeps it.
    doc = Document(text="x", origin="<t>")
    doc.places = [_place("Albany", "US"), _place("Utica", "US"), _place("Troy", "US")]
    man = Actor(text="a Perth man", country="AUS", sector="CVL")
    tourist = Actor(text="an Australian tourist", country="AUS", sector="CVL")
    police = Actor(text="police", sector="COP")
    doc.events = [_event(police, man, doc.places[0]), _event(police, tourist, doc.places[0])]
    fill_actor_countries(doc)
    assert doc.events[0].recipient is not None and doc.events[0].recipient.country == "USA"
    assert doc.events[1].recipient is not None and doc.events[1].recipient.country == "AUS"


def test_a_town_in_the_actor_takes_the_country_it_was_resolved_to(code_whole: Any) -> None:
    # "Paris" read alone is France's capital; in a Texas story the places stage resolves
    # it to the Texas town, and the town's police are American
    doc = code_whole(
        "Paris Police have arrested two men on theft charges in Paris, Texas. "
        "The men were taken to the Lamar County jail."
    )
    arrests = [e for e in doc.events if e.type == "COERCE" and e.actor is not None]
    police = [e.actor for e in arrests if e.actor is not None and "Police" in e.actor.text]
    assert police and all((a.country, a.sector) == ("USA", "COP") for a in police)
