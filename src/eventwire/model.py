"""The data model: typed records that flow through the pipeline.

A source yields ``RawDocument``s. The segment step splits a raw document into one
``Document`` per article; every later stage reads a ``Document`` and fills in the
fields it is registered to assign (see ``pipeline.py``). All character offsets
(``start``/``end``) index into ``Document.text``.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class DateOrigin(enum.StrEnum):
    """Where an article's publication date came from."""

    METADATA = "metadata"  # given by the caller or the source (feed, HTML meta, JSONL field)
    URL = "url"  # the day the article's web address files it under ("/2016/12/14/")
    CAPTION = "caption"  # a date printed in a photo caption: a lower bound on publication
    TEXT = "text"  # a guess: the newest full date the article text names


class Zone(enum.StrEnum):
    """The role of a stretch of an article's raw text."""

    TITLE = "title"
    CAPTION = "caption"
    CREDIT = "credit"
    BODY = "body"
    NOISE = "noise"  # repeated titles and captions, stray logo lines, boilerplate


# The zones that hold the article's own words (not repeats, credits or stray lines).
ARTICLE_ZONES: frozenset[Zone] = frozenset({Zone.TITLE, Zone.CAPTION, Zone.BODY})


class Precision(enum.StrEnum):
    """Precision of a resolved place, coarsest last (ACLED geo_precision 1..3 maps onto it)."""

    POINT = "point"  # a city, town, village or named site
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    REGION = "region"  # a named region that is not an administrative unit (Donbas, Darfur)
    COUNTRY = "country"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class TimexType(enum.StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text`` with the role it plays in the article."""

    start: int
    end: int
    zone: Zone


@dataclass(slots=True)
class RawDocument:
    """What a source reads: text plus whatever metadata the source knows."""

    text: str
    origin: str  # file path, URL or "<stdin>"; used in error messages and the store
    title: str | None = None
    published: date | None = None
    source: str | None = None  # the publisher (site, agency)
    url: str | None = None
    author: str | None = None
    is_dump: bool = False  # True when the text may hold several articles (raw scrape dumps)


@dataclass(slots=True)
class Article:
    """The article as a reader sees it, cleaned of repeats and stray lines."""

    title: str | None
    body: str
    captions: list[str] = field(default_factory=list)  # each caption once, credit removed
    credits: list[str] = field(default_factory=list)  # photo credits, each once
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    published_origin: DateOrigin | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    zone: Zone
    text: str


@dataclass(slots=True)
class Actor:
    """A participant in an event, coded as country + sector (PLOVER actor codes)."""

    text: str  # the words in the sentence
    name: str | None = None  # canonical name: a person, an organisation or a country
    country: str | None = None  # ISO 3166 alpha-3, or a PLOVER pseudo-country such as "IGO"
    sector: str | None = None  # PLOVER sector: GOV, MIL, COP, REB, CVL, IGO, NGO, JUD, ...
    start: int | None = None
    end: int | None = None
    # True when the text does not name this actor, or names it without its country, and
    # a rule supplied it (an arrest with no stated agent is made by the police of the
    # country; "police" in a story from Lima are Peru's): analysts may filter these.
    inferred: bool = False


@dataclass(slots=True)
class Place:
    """A toponym mention resolved against the gazetteer."""

    text: str
    start: int
    end: int
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country_code: str | None = None  # ISO 3166 alpha-2, as GeoNames
    feature_code: str | None = None  # GeoNames feature code: PPLC, ADM1, PCLI, ...
    precision: Precision | None = None
    confidence: float = 0.0
    # The first-level region (state, province, region) the place lies in, by its
    # GeoNames name ("Kaduna", "California"); the place's own name when it is one; None
    # for a country, a place spanning regions, or a place stored before schema 8.
    admin1: str | None = None


@dataclass(slots=True)
class TimeExpression:
    """A time expression normalised in TIMEX3 form."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str | None  # "2023-09-19", "2012-12", "P3D", "PRESENT_REF"; None when unresolved
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, ...

    def as_date(self) -> tuple[date, DatePrecision] | None:
        """The calendar date this expression points at, when it is a DATE with a day,
        month or year value."""
        if self.type is not TimexType.DATE or self.value is None:
            return None
        value = self.value
        try:
            if len(value) == 10 and value[4] == "-" and value[7] == "-":
                return date.fromisoformat(value), DatePrecision.DAY
            if len(value) == 8 and value[4:6] == "-W":
                return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1), DatePrecision.WEEK
            if len(value) == 7 and value[4] == "-":
                return date(int(value[:4]), int(value[5:7]), 1), DatePrecision.MONTH
            if len(value) == 4 and value.isdigit():
                return date(int(value), 1, 1), DatePrecision.YEAR
        except ValueError:
            return None
        return None


# The casualty figures an event carries (its fields of the same names).
CASUALTY_COUNTS = ("dead", "injured", "arrested")


@dataclass(slots=True)
class Event:
    """One coded proposition: actor does type/mode to recipient."""

    type: str  # PLOVER event type, e.g. "ASSAULT"
    sentence: str  # the source sentence, verbatim
    start: int  # offsets of the sentence in Document.text
    end: int
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actor: Actor | None = None
    recipient: Actor | None = None
    trigger: str | None = None  # the words that triggered the coding ("wounded")
    trigger_start: int | None = None
    trigger_end: int | None = None
    date: date | None = None
    date_precision: DatePrecision | None = None
    date_from_publication: bool = False  # True when no expression governed the sentence
    place: Place | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    confidence: float = 0.0
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    headline: bool = False  # the article's title reports it (GDELT's IsRootEvent)
    # Other tellings of the same incident in the article, folded into this event
    # (stages/incidents.py); each is stored as another mention of it.
    retold: list[Event] = field(default_factory=list)

    @property
    def factual(self) -> bool:
        """True when the text asserts the event happened."""
        return not (self.negated or self.hypothetical or self.future)


@dataclass(slots=True)
class Mention:
    """One report of an event: the article and sentence it was coded from."""

    article_id: int
    sentence: str
    start: int  # offsets of the sentence in the article's Document.text
    end: int
    confidence: float
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True)
class Detection:
    """What the trained detector says about one sentence (``stages/detector.py``)."""

    start: int  # offsets of the sentence in Document.text
    end: int
    event: float  # probability that the sentence reports a political event
    type: str  # the most probable PLOVER type, given an event
    type_probability: float
    kill: float = 0.0  # probability that police killed someone in it
    arrest: float = 0.0  # probability that police arrested someone in it
    types: dict[str, float] = field(default_factory=dict, compare=False)  # every type


@dataclass(slots=True)
class Document:
    """One article and everything the stages have found in it."""

    text: str  # offsets index into this string
    origin: str
    article: Article | None = None
    spans: list[Span] = field(default_factory=list)  # zones of ``text``: title, body, noise...
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every coded actor mention
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)  # one per scored sentence
    # The spaCy Doc built by the parse stage; it is not stored or pickled across processes.
    spacy_doc: Any = field(default=None, repr=False, compare=False)
    # Metadata the source knew before segmentation (kept for the clean stage).
    raw: RawDocument | None = field(default=None, repr=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the article text: the identity used to store an article once."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def factual_events(self) -> list[Event]:
        return [e for e in self.events if e.factual]

    def masked_text(self, zones: frozenset[Zone]) -> str:
        """``text`` with every span outside ``zones`` blanked by spaces (line breaks
        kept), so offsets stay those of ``text``. Without spans, ``text`` itself."""
        if not self.spans:
            return self.text
        chars = list(self.text)
        for span in self.spans:
            if span.zone in zones:
                continue
            for i in range(span.start, span.end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)

    def zone_at(self, offset: int) -> Zone | None:
        for span in self.spans:
            if span.start <= offset < span.end:
                return span.zone
        return None
