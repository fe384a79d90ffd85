"""Cross-article event merging and near-duplicate linking in the store (no spaCy)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import (
    Actor,
    Article,
    DatePrecision,
    Document,
    Event,
    Place,
    Precision,
)
from eventwire.store import EventFilter, EventQuery, Store, StoredEvent
from eventwire.store.minhash import DUPLICATE_THRESHOLD, fingerprint, shingles

# Fictional places with real-looking coordinates: Lakeside and a town 20 km away, and
# a city 400 km away in the same country.
LAKESIDE = Place(
    text="Lakeside", start=0, end=8, name="Lakeside", lat=10.0, lon=20.0,
    country_code="XA", precision=Precision.POINT, confidence=0.9,
)  # fmt: skip
NEAR_TOWN = replace(LAKESIDE, text="Millbrook", name="Millbrook", lat=10.15, lon=20.1)
FAR_CITY = replace(LAKESIDE, text="Port Ardent", name="Port Ardent", lat=13.5, lon=21.0)
PROVINCE = replace(
    LAKESIDE, text="Lake Province", name="Lake Province", lat=10.3, lon=20.4,
    precision=Precision.ADMIN1,
)  # fmt: skip
COUNTRY = replace(LAKESIDE, text="Arcadia", name="Arcadia", precision=Precision.COUNTRY)

REBELS = Actor(text="rebels", country="XAA", sector="REB")
POLICE = Actor(text="police", country="XAA", sector="COP")
ARMY = Actor(text="the army", country="XAA", sector="MIL")
FOREIGN_ARMY = Actor(text="Borduran troops", country="XBB", sector="MIL")


def report(
    n: int,
    *,
    type: str = "ASSAULT",
    day: date = date(2025, 3, 4),
    precision: DatePrecision = DatePrecision.DAY,
    from_publication: bool = False,
    place: Place | None = LAKESIDE,
    actor: Actor | None = REBELS,
    recipient: Actor | None = POLICE,
    dead: int | None = None,
    source: str = "Harbor Tribune",
    negated: bool = False,
    headline: bool = False,
) -> Document:
    """A one-event article; ``n`` makes its text (and so its identity) unique."""
    sentence = f"Report {n}: gunmen attacked a police post."
    event = Event(
        type=type, sentence=sentence, start=0, end=len(sentence), actor=actor,
        recipient=recipient, date=day, date_precision=precision,
        date_from_publication=from_publication, place=place, dead=dead, confidence=0.7,
        negated=negated, headline=headline,
    )  # fmt: skip
    article = Article(title=f"Story {n}", body=sentence, source=source, published=day)
    return Document(text=sentence, origin=f"report-{n}.txt", article=article, events=[event])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "merge.db")


def all_events(store: Store) -> list[StoredEvent]:
    return store.events(EventFilter(EventQuery(include_flagged=True), limit=1000))


def test_two_reports_of_one_attack_become_one_event_with_two_mentions(store: Store) -> None:
    first = store.add_document(report(1, dead=5))
    second = store.add_document(report(2, place=NEAR_TOWN, dead=3, source="Valley Post"))
    assert (first.n_events, second.n_events, second.n_merged) == (1, 0, 1)
    [event] = all_events(store)
    assert (event.num_mentions, event.num_articles, event.num_sources) == (2, 2, 2)
    assert {m.article_id for m in event.mentions} == {first.article_id, second.article_id}
    assert event.dead == 3  # the lowest figure reported


@pytest.mark.parametrize(
    ("first", "second"), [(False, True), (True, False), (True, True), (False, False)]
)
def test_a_merged_event_is_a_headline_event_when_either_report_is(
    store: Store, first: bool, second: bool
) -> None:
    store.add_document(report(1, headline=first))
    result = store.add_document(report(2, place=NEAR_TOWN, headline=second))
    assert result.n_merged == 1  # the flag never keeps two reports apart
    [event] = all_events(store)
    assert event.headline is (first or second)
    headlines = store.events(EventFilter(EventQuery(headline=True)))
    assert headlines == ([event] if first or second else [])


def test_same_source_twice_counts_one_source(store: Store) -> None:
    store.add_document(report(1))
    store.add_document(report(2))
    [event] = all_events(store)
    assert (event.num_articles, event.num_sources) == (2, 1)


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("another city 400 km away", {"place": FAR_CITY}),
        ("a week later", {"day": date(2025, 3, 11)}),
        ("another type", {"type": "PROTEST"}),
        ("another actor country", {"actor": FOREIGN_ARMY}),
        ("another recipient sector", {"recipient": ARMY}),
        ("a denied report", {"negated": True}),
    ],
)
def test_different_events_are_not_merged(store: Store, name: str, changes: dict) -> None:  # type: ignore[type-arg]
    store.add_document(report(1))
    store.add_document(report(2, **changes))
    assert len(all_events(store)) == 2, name


def test_an_unknown_actor_is_compatible_and_is_filled_in(store: Store) -> None:
    store.add_document(report(1, actor=None))
    store.add_document(report(2))
    [event] = all_events(store)
    assert event.actor is not None and event.actor.country == "XAA"
    assert event.actor.sector == "REB"


def test_the_same_toll_is_evidence_within_an_article(store: Store) -> None:
    # Two arrests told in one article, placed alike, no country known on either side:
    # distinct unless they share a count.
    first = report(1, type="COERCE", actor=None, recipient=None)
    first.events[0].arrested = 25
    second = replace(first.events[0], start=100, end=140, sentence="Police held 25 people.")
    first.events.append(second)
    store.add_document(first)
    assert len(all_events(store)) == 1
    # Another article: its first arrest joins the stored one (the same place), its
    # second, with another count, stays apart.
    other = report(2, type="COERCE", actor=None, recipient=None)
    other.events.append(replace(other.events[0], start=100, end=140, arrested=14))
    store.add_document(other)
    assert sorted(e.arrested or 0 for e in all_events(store)) == [14, 25]


def test_country_level_places_need_other_evidence(store: Store) -> None:
    # Same day, same country, nothing else known: two attacks, not one.
    store.add_document(report(1, place=COUNTRY, actor=None, recipient=None))
    store.add_document(report(2, place=COUNTRY, actor=None, recipient=None))
    assert len(all_events(store)) == 2
    # With both actors known and the same, the reports merge.
    store.add_document(report(3, place=COUNTRY))
    store.add_document(report(4, place=COUNTRY))
    assert len(all_events(store)) == 3


def test_coarse_dates_and_places_merge_and_take_the_finer_one(store: Store) -> None:
    store.add_document(
        report(1, day=date(2025, 3, 1), precision=DatePrecision.MONTH, place=PROVINCE)
    )
    store.add_document(report(2, day=date(2025, 3, 17)))
    [event] = all_events(store)
    assert event.date == date(2025, 3, 17) and event.date_precision is DatePrecision.DAY
    assert event.place is not None and event.place.name == "Lakeside"


@pytest.mark.parametrize("publication_first", [False, True])
def test_a_publication_date_covers_the_days_before(store: Store, publication_first: bool) -> None:
    dated = report(1, day=date(2025, 3, 4))
    undated = report(2, day=date(2025, 3, 6), from_publication=True)
    for doc in [undated, dated] if publication_first else [dated, undated]:
        store.add_document(doc)
    assert len(all_events(store)) == 1
    store.add_document(report(3, day=date(2025, 3, 9), from_publication=True))
    assert len(all_events(store)) == 2


def test_merging_can_be_switched_off(tmp_path: Path) -> None:
    store = Store(tmp_path / "plain.db", merge_events=False)
    store.add_document(report(1))
    store.add_document(report(2))
    assert len(all_events(store)) == 2


def test_reingesting_adds_nothing(store: Store) -> None:
    docs = [report(1), report(2, place=NEAR_TOWN), report(3, type="PROTEST")]
    for doc in docs:
        store.add_document(doc)
    before = [(e.id, e.num_mentions) for e in all_events(store)]
    again = [store.add_document(doc) for doc in docs]
    assert not any(result.inserted for result in again)
    assert [(e.id, e.num_mentions) for e in all_events(store)] == before


def test_order_of_ingest_gives_the_same_grouping(tmp_path: Path) -> None:
    docs = [report(1), report(2, place=FAR_CITY), report(3, place=NEAR_TOWN)]

    def grouping(order: list[Document], name: str) -> set[frozenset[str]]:
        store = Store(tmp_path / name)
        for doc in order:
            store.add_document(doc)
        origins = {a: store.article(a) for a in range(1, 4)}
        return {
            frozenset(origins[m.article_id].origin for m in e.mentions)  # type: ignore[union-attr]
            for e in all_events(store)
        }

    assert grouping(docs, "a.db") == grouping(list(reversed(docs)), "b.db")


# --- near-duplicate articles -------------------------------------------------------

WIRE = (
    "Flooding along the Silver River forced about 3,000 families from their homes on "
    "Sunday, the regional disaster agency said, after three days of heavy rain swept "
    "across the northern districts. Rescue boats carried elderly residents from "
    "rooftops in the market town of Ferrow, where water rose above the first floor of "
    "many houses. The agency said two bridges had collapsed and that the main highway "
    "to the coast would stay closed until engineers had inspected it. Forecasters "
    "expect more rain on Tuesday. Aid groups said they had opened four shelters in "
    "schools and were handing out blankets, drinking water and food parcels."
)
EDITED = (
    WIRE.replace("on Sunday", "late on Sunday")
    .replace("Forecasters expect more rain on Tuesday.", "More rain is forecast this week.")
    .rsplit(" Aid groups", 1)[0]
)
OTHER = (
    "Farmers in the northern districts counted their losses on Monday as flood water "
    "receded from fields of maize and rice. Officials estimated that a third of the "
    "harvest had been destroyed and promised seed and fertiliser for a second planting. "
    "In Ferrow, traders shovelled mud out of shops in the market while volunteers "
    "cleared debris from the streets and the regional agency counted damaged homes."
)


def article_doc(body: str, n: int) -> Document:
    article = Article(title=f"Headline {n}", body=body, source=f"Outlet {n}")
    return Document(text=f"Headline {n}\n{body}", origin=f"copy-{n}.txt", article=article)


def test_similarity_of_a_wire_copy_and_of_another_story() -> None:
    original, copy, other = fingerprint(WIRE), fingerprint(EDITED), fingerprint(OTHER)
    assert original is not None and copy is not None and other is not None
    assert original.similarity(copy) >= DUPLICATE_THRESHOLD
    assert original.similarity(other) < 0.2
    true_jaccard = len(shingles(WIRE) & shingles(EDITED)) / len(shingles(WIRE) | shingles(EDITED))
    assert abs(original.similarity(copy) - true_jaccard) < 0.15


def test_short_texts_have_no_fingerprint() -> None:
    assert fingerprint("Troops crossed the border.") is None


def test_a_wire_copy_is_linked_to_the_original(store: Store) -> None:
    first = store.add_document(article_doc(WIRE, 1))
    copy = store.add_document(article_doc(EDITED, 2))
    other = store.add_document(article_doc(OTHER, 3))
    copy_of_copy = store.add_document(article_doc(EDITED + " Officials gave no figure.", 4))
    assert first.duplicate_of is None and other.duplicate_of is None
    assert copy.duplicate_of == first.article_id
    assert copy_of_copy.duplicate_of == first.article_id  # the original, not the copy
    stored = store.article(copy.article_id)
    assert stored is not None and stored.duplicate_of == first.article_id
    assert stored.duplicate_similarity is not None
    assert stored.duplicate_similarity >= DUPLICATE_THRESHOLD


def test_a_meeting_reported_from_either_side_is_one_event(store: Store) -> None:
    host = Actor(text="Arcadian ministers", country="XAA", sector="GOV")
    guest = Actor(text="Borduran envoys", country="XBB", sector="GOV")
    store.add_document(report(1, type="CONSULT", actor=host, recipient=None))
    store.add_document(report(2, type="CONSULT", actor=guest, recipient=host))
    [meeting] = all_events(store)
    # The second report fills in the side the first one lacked, on the right side.
    assert meeting.actor is not None and meeting.actor.country == "XAA"
    assert meeting.recipient is not None and meeting.recipient.country == "XBB"
    # An attack is not symmetric: who attacked whom matters.
    store.add_document(report(3, actor=POLICE, recipient=REBELS))
    store.add_document(report(4, actor=REBELS, recipient=POLICE))
    assert len(all_events(store)) == 3


def test_two_events_of_one_sentence_stay_apart(store: Store) -> None:
    doc = report(1, actor=None, recipient=None)
    doc.events.append(replace(doc.events[0], trigger="second"))
    store.add_document(doc)
    assert len(all_events(store)) == 2


def _two_sentence_doc(first: Event, second: Event) -> Document:
    text = f"{first.sentence} {second.sentence}"
    second = replace(second, start=len(first.sentence) + 1, end=len(text))
    article = Article(title=None, body=text, source="Harbor Tribune")
    return Document(text=text, origin="two.txt", article=article, events=[first, second])


def test_within_an_article_a_shared_place_alone_does_not_merge(store: Store) -> None:
    base = report(1).events[0]
    pledge = replace(base, type="AGREE", sentence="The union pledged aid.", actor=REBELS)
    meeting = replace(
        base, type="AGREE", sentence="The two will meet again.", actor=None, recipient=None
    )
    store.add_document(_two_sentence_doc(pledge, meeting))
    assert len(all_events(store)) == 2


def test_within_an_article_a_shared_actor_merges(store: Store) -> None:
    base = report(1).events[0]
    headline = replace(base, sentence="Rebels attack police post.", recipient=None, headline=True)
    story = replace(base, sentence="Rebels attacked a police post on Tuesday.")
    store.add_document(_two_sentence_doc(headline, story))
    [event] = all_events(store)
    assert event.num_mentions == 2 and event.num_articles == 1
    assert event.headline  # the title's report marks the event it joined
