"""A small store of fictional news for the API tests (imported by test_api*.py; it holds
no tests itself), built from hand-made documents (no spaCy needed). Every sentence here
was written for these tests.

Event ids (stored in this order, cross-article merging only for article E):

====  ======================================  ==========  =====================
id    event                                   date        notes
====  ======================================  ==========  =====================
1     ASSAULT RUSMIL -> UKRCVL, Northbridge   2023-05-01  reported by A and E;
                                                          headline (E's)
2     PROTEST UKRCVL                          2023-05-02
3     COERCE/arrest GEOCOP -> GEOCVL, Lakeport 2023-06-09  headline
4     CONSULT GEOGOV -> ARMGOV                2023-06-10  negated
5     PROTEST FJICVL, Suva                    2022-11-19
6     ASSAULT WSMREB -> WSMCOP, Apia          2022-11-18
7     CONSULT FRAGOV -> DEUGOV                undated
8     AID DEUGOV -> UKRCVL                    undated
9     ASSAULT CODREB -> CODMIL, Goma          2024-01-14  headline
10    THREATEN CODREB -> CODGOV               2024-01-16  hypothetical
====  ======================================  ==========  =====================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.model import (
    Actor,
    Article,
    DateOrigin,
    DatePrecision,
    Document,
    Event,
    Place,
    Precision,
    TimeExpression,
    TimexType,
)
from eventwire.store import Store


@dataclass(frozen=True)
class PlaceSpec:
    words: str
    lat: float
    lon: float
    country_code: str


@dataclass(frozen=True)
class EventSpec:
    sentence: str
    trigger: str
    type: str
    actor: tuple[str, str, str] | None = None  # (words, country, sector)
    recipient: tuple[str, str, str] | None = None
    day: date | None = None
    place: PlaceSpec | None = None
    confidence: float = 0.7
    extra: dict[str, Any] = field(default_factory=dict)


def _span(text: str, words: str, after: int) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def make_doc(
    origin: str,
    title: str,
    specs: list[EventSpec],
    *,
    published: date | None,
    source: str | None,
    timex: tuple[str, str] | None = None,
    filler: str = "",
) -> Document:
    """A document whose text is the title, then the event sentences (and ``filler``)."""
    body = " ".join([s.sentence for s in specs] + ([filler] if filler else []))
    text = f"{title}\n{body}\n"
    events: list[Event] = []
    places: list[Place] = []
    for spec in specs:
        start, end = _span(text, spec.sentence, len(title))
        t_start, t_end = _span(text, spec.trigger, start)

        def actor(role: tuple[str, str, str] | None, at: int = start) -> Actor | None:
            if role is None:
                return None
            a_start, a_end = _span(text, role[0], at)
            return Actor(role[0], country=role[1], sector=role[2], start=a_start, end=a_end)

        place = None
        if spec.place is not None:
            p_start, p_end = _span(text, spec.place.words, start)
            place = Place(
                text=spec.place.words,
                start=p_start,
                end=p_end,
                name=spec.place.words,
                lat=spec.place.lat,
                lon=spec.place.lon,
                country_code=spec.place.country_code,
                feature_code="PPL",
                precision=Precision.POINT,
                confidence=0.8,
            )
            places.append(place)
        events.append(
            Event(
                type=spec.type,
                sentence=spec.sentence,
                start=start,
                end=end,
                trigger=spec.trigger,
                trigger_start=t_start,
                trigger_end=t_end,
                actor=actor(spec.actor),
                recipient=actor(spec.recipient),
                date=spec.day,
                date_precision=DatePrecision.DAY if spec.day else None,
                place=place,
                confidence=spec.confidence,
                **spec.extra,
            )
        )
    timexes = []
    if timex is not None:
        t_start, t_end = _span(text, timex[0], 0)
        timexes.append(TimeExpression(timex[0], t_start, t_end, TimexType.DATE, timex[1]))
    return Document(
        text=text,
        origin=origin,
        article=Article(
            title=title,
            body=body,
            source=source,
            url=f"https://news.example/{origin}",
            published=published,
            published_origin=DateOrigin.METADATA if published else None,
        ),
        events=events,
        places=places,
        timexes=timexes,
    )


NORTHBRIDGE = PlaceSpec("Northbridge", 50.45, 30.52, "UA")
LAKEPORT = PlaceSpec("Lakeport", 41.70, 44.80, "GE")
SUVA = PlaceSpec("Suva", -18.14, 178.44, "FJ")
APIA = PlaceSpec("Apia", -13.83, -171.76, "WS")
GOMA = PlaceSpec("Goma", -1.68, 29.22, "CD")


def doc_a() -> Document:
    return make_doc(
        "a.txt",
        "Shells hit the Northbridge market",
        [
            EventSpec(
                "Artillery crews shelled the covered market in Northbridge on Monday, "
                "killing three shoppers.",
                "shelled",
                "ASSAULT",
                ("Artillery crews", "RUS", "MIL"),
                ("three shoppers", "UKR", "CVL"),
                date(2023, 5, 1),
                NORTHBRIDGE,
                0.9,
                {"dead": 3},
            ),
            EventSpec(
                "Hundreds of residents marched to the town hall on Tuesday.",
                "marched",
                "PROTEST",
                ("Hundreds of residents", "UKR", "CVL"),
                day=date(2023, 5, 2),
                confidence=0.6,
            ),
        ],
        published=date(2023, 5, 2),
        source="Harbor Post",
        timex=("Monday", "2023-05-01"),
    )


def doc_b() -> Document:
    return make_doc(
        "b.txt",
        "Arrests at the Lakeport crossing",
        [
            EventSpec(
                "Border police detained twelve traders at the Lakeport crossing.",
                "detained",
                "COERCE",
                ("Border police", "GEO", "COP"),
                ("twelve traders", "GEO", "CVL"),
                date(2023, 6, 9),
                LAKEPORT,
                0.75,
                {"mode": "arrest", "arrested": 12, "headline": True},
            ),
            EventSpec(
                "The interior minister said he would not meet his counterpart.",
                "meet",
                "CONSULT",
                ("The interior minister", "GEO", "GOV"),
                ("his counterpart", "ARM", "GOV"),
                date(2023, 6, 10),
                confidence=0.5,
                extra={"negated": True},
            ),
        ],
        published=date(2023, 6, 10),
        source="Valley Times",
    )


def doc_c() -> Document:
    return make_doc(
        "c.txt",
        "Island capitals see unrest",
        [
            EventSpec(
                "Students rallied outside the parliament in Suva against the fuel levy.",
                "rallied",
                "PROTEST",
                ("Students", "FJI", "CVL"),
                day=date(2022, 11, 19),
                place=SUVA,
                confidence=0.8,
            ),
            EventSpec(
                "Armed men attacked a police post near Apia before dawn.",
                "attacked",
                "ASSAULT",
                ("Armed men", "WSM", "REB"),
                ("a police post", "WSM", "COP"),
                date(2022, 11, 18),
                APIA,
                0.7,
            ),
        ],
        published=date(2022, 11, 20),
        source="Island Wire",
        filler="A reader wrote <img src=x onerror=alert(1)> in the comments.",
    )


def doc_d() -> Document:
    return make_doc(
        "d.txt",
        "Envoys resume talks",
        [
            EventSpec(
                "French diplomats held talks with German officials about grain routes.",
                "held talks",
                "CONSULT",
                ("French diplomats", "FRA", "GOV"),
                ("German officials", "DEU", "GOV"),
                confidence=0.65,
            ),
            EventSpec(
                "The German ministry sent blankets to displaced families.",
                "sent",
                "AID",
                ("The German ministry", "DEU", "GOV"),
                ("displaced families", "UKR", "CVL"),
                confidence=0.55,
            ),
        ],
        published=None,
        source=None,
    )


def doc_e() -> Document:
    """A second report of event 1 (merged into it)."""
    return make_doc(
        "e.txt",
        "Market shelling toll rises",
        [
            EventSpec(
                "Artillery crews shelled the market in Northbridge, killing four people.",
                "shelled",
                "ASSAULT",
                ("Artillery crews", "RUS", "MIL"),
                ("four people", "UKR", "CVL"),
                date(2023, 5, 1),
                NORTHBRIDGE,
                0.7,
                {"dead": 4, "headline": True},
            ),
        ],
        published=date(2023, 5, 2),
        source="Evening Ledger",
    )


def doc_f() -> Document:
    return make_doc(
        "f.txt",
        "Convoy ambushed outside Goma",
        [
            EventSpec(
                "Rebel fighters ambushed an army convoy outside Goma.",
                "ambushed",
                "ASSAULT",
                ("Rebel fighters", "COD", "REB"),
                ("an army convoy", "COD", "MIL"),
                date(2024, 1, 14),
                GOMA,
                0.85,
                {"headline": True},
            ),
            EventSpec(
                "The rebels could strike the provincial government next week.",
                "strike",
                "THREATEN",
                ("The rebels", "COD", "REB"),
                ("the provincial government", "COD", "GOV"),
                date(2024, 1, 16),
                confidence=0.45,
                extra={"hypothetical": True},
            ),
        ],
        published=date(2024, 1, 15),
        source="Lake Courier",
    )


FACTUAL_BY_DATE_DESC = [9, 3, 2, 1, 5, 6, 8, 7]
HEADLINE_EVENTS = {1, 3, 9}


def build_store(path: Path) -> Path:
    """The store of the table above at ``path``."""
    with Store(path, merge_events=False) as store:
        for doc in (doc_a(), doc_b(), doc_c(), doc_d()):
            store.add_document(doc)
    with Store(path, merge_events=True) as store:
        result = store.add_document(doc_e())
        assert result.n_merged == 1, "the second report of event 1 should merge into it"
    with Store(path, merge_events=False) as store:
        store.add_document(doc_f())
    return path
