"""Places stage: find the toponyms of an article, resolve them, and place each event.

1. Mentions (``gazetteer/mentions.py``): spaCy's place entities, mislabelled ones,
   names inside organisations' names, demonyms before a noun ("Serbian police", a
   toponym of Serbia), region abbreviations ("Glasgow, Ky."), datelines, capitalised
   runs the tagger missed, and further occurrences of a name already used as a place.
2. Resolution, with the whole article as context (``gazetteer/resolve.py``). Every
   mention of the same name refers to the same place. A candidate scores its
   population (log), a bonus for its kind (countries, capitals, first-level and
   curated regions), a penalty when the name is only an alternate name of it, the share
   of the article's other mentions and demonyms that point to its country, bonuses when
   the article names that country, a place in its first-level region or a place near
   it, and a large bonus when a qualifier says so ("Paris, Texas", "Aghdam, Azerbaijan").
   A US station's call sign (W east of the Mississippi, K west) moves a town read on
   the other side to its namesake on the station's side (``gazetteer/station_side.py``).
3. Events (demonyms aside: nothing happens "at" the Serbian of "Serbian police"). An
   event takes the most specific place of its sentence among those attached to its
   trigger, as its object ("shelled Stepanakert") or by a locative preposition
   ("in", "near", "outside"); else the most specific place of its sentence (the dateline
   that opens the lead sentence is none of its places); else the article's dateline,
   unless the lead's place lies away from it (another country or region, or more than
   50 km off: "BEIRUT - Jets bombed Aleppo ..."), when the nearest earlier place in the
   body wins if it too lies away; else that nearest earlier place; else the article's
   dominant place (the most mentioned place of the most mentioned country). A toponym
   inside a person's name ("Clarence Washington") or a street's ("Saint John St.")
   places no event; a toponym more likely wrong than right (confidence under one half:
   "Jackson South", a hospital, read as Jackson, Mississippi; "Parks" of "Game
   and Parks") places one only when no sure place does (``placeable``). A name followed
   by an age ("Dana Wilmington, 25,") is a person's, in all its mentions. A place that
   only tells where a person is from ("Mark Jones, 34, of Atlanta", "the Atlanta
   man", "born in Homs", "a London-based firm") places an event only when the article
   names no other place; nor does an office held ("Ohio Senator Jane Holt"), or a
   country a verbal event speaks to ("asked Turkey to") (``stages/place_roles.py``).
   Nor does a path's end, a topic or cause, a word of another name, or a country that
   is a side of the event, nor a state's body telling a deed ("..., the Tennessee Bureau
   of Investigation said"), nor a quarter's name read as a far namesake ("the Hilltop
   neighborhood" as Hilltop, Ohio in a Columbus story) (``stages/place_scenes.py``).
   A headline the text does not begin with gives its place to events the text leaves
   unplaced (``stages/headline_places.py``). A country or region named as a part ("in
   central Turkey") gives way to the town the next sentences name inside it
   (``stages/place_refine.py``). A toponym inside a quotation ("shouting: 'Don't
   forget Aleppo!'") places no event the quoting words report, nor the article (its
   lead, nearest earlier or dominant place), only an event told in the same quotation;
   nor does one in what another event's verb of saying or judging is about ("condemned
   Russia's role in Syria") place a deed of the same sentence. An event told by a noun
   with "the" ("The attack, condemned by ...") whose sentence names no place of it takes
   the place of the earlier event of its type. Last, an event told in
   words whose sentence names no place of it stays unplaced rather than borrow a place
   of another country than the article's main one (``unplace_strays``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from eventwire.errors import PipelineError
from eventwire.gazetteer import Gazetteer, GazetteerEntry, name_key
from eventwire.gazetteer.cues import cue_mentions
from eventwire.gazetteer.mentions import (
    MAX_CANDIDATES,
    entity_mentions,
    find_mentions,
)
from eventwire.gazetteer.namesakes import settle_namesakes
from eventwire.gazetteer.qualifiers import link_qualifiers
from eventwire.gazetteer.resolve import Resolution, ToponymMention, resolve
from eventwire.gazetteer.station_side import settle_station_side, station_side
from eventwire.geodesy import haversine_km
from eventwire.model import Document, Event, Place, Precision, Zone
from eventwire.stages.headline_places import title_places
from eventwire.stages.place_refine import narrowed
from eventwire.stages.place_roles import (
    attached,
    home_town,
    in_a_name,
    is_object_of,
    locative_head,
    surnames,
)
from eventwire.stages.place_scenes import (
    antecedent,
    destination,
    off_scene,
    participant,
    quotations,
    speaking_body,
    statements,
    stray_quarter,
    told_of,
    unsaid,
)
from eventwire.stages.place_speech import speak_from_seats
from eventwire.stages.registry import stage

__all__ = [
    "dominant_place", "find_mentions", "is_named_place", "place_events", "placeable", "places",
    "resolve_spans", "to_places",
]  # fmt: skip

# How much each way of finding a mention is trusted.
_DETECTION_CONFIDENCE = {
    "GPE": 0.95, "LOC": 0.9, "FAC": 0.8, "scan": 0.75, "embedded": 0.6, "given": 1.0,
    "abbreviation": 0.9, "dateline": 0.85, "demonym": 0.6, "repeat": 0.8,
}  # fmt: skip
_CORRECTED_CONFIDENCE = 0.75
# Event types told in words: a country that is their direct object is the one spoken
# to or of ("asked Turkey to", "urged Iran"), not where it was said; a country that a
# physical event takes as object ("invaded Ukraine") is where it happened.
_VERBAL_TYPES = frozenset(
    {"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT", "CONSULT", "AGREE", "CONCEDE",
     "APPEAL", "DISAPPROVE", "SANCTION"}
)  # fmt: skip
# Event types held where a party went ("flew to Ankara for talks").
_MEETING_TYPES = frozenset({"CONSULT"})
# A town of the body this far from the dateline's is another place than the reporter's.
_AWAY_KM = 50.0
# The lead: the body's first sentences.
_LEAD_SENTENCES = 2
# Below this confidence a toponym is more likely wrong than right.
_DOUBTED = 0.5
_SPECIFICITY = {
    Precision.POINT: 4, Precision.ADMIN2: 3, Precision.ADMIN1: 2, Precision.REGION: 2,
    Precision.COUNTRY: 1,
}  # fmt: skip


def _place(doc: Document, mention: ToponymMention, resolution: Resolution) -> Place:
    entry = resolution.entry
    detection = _DETECTION_CONFIDENCE.get(mention.source, _CORRECTED_CONFIDENCE)
    return Place(
        text=doc.text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        country_code=entry.country_code,
        feature_code=entry.feature_code,
        precision=entry.precision,
        confidence=round(detection * resolution.probability, 3),
        admin1=admin1_of(entry),
    )


def admin1_of(entry: GazetteerEntry) -> str | None:
    """The first-level region a gazetteer entry lies in: its own name when it is one,
    None for a country or a place that spans regions."""
    if entry.precision is Precision.ADMIN1:
        return entry.name
    if entry.precision in (Precision.COUNTRY, Precision.REGION):
        return None
    return entry.admin1


def resolve_spans(
    doc: Document, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> list[Place | None]:
    """Resolve toponyms found by someone else (offsets into ``doc.text``), with the same
    article context as the stage; None for a span the gazetteer does not know."""
    gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
    _, found = entity_mentions(doc, gazetteer, set())
    demonyms = [c.country_code for m in found for c in m.candidates if c.country_code]
    # Abbreviations ("Ky.") and demonyms ("Turkish") are not gazetteer names.
    known = {m.start: m for m in [*found, *cue_mentions(doc.text, gazetteer)] if m.candidates}
    mentions: list[ToponymMention] = []
    for start, end in sorted(spans):
        text = doc.text[start:end]
        candidates = tuple(gazetteer.candidates(text)[:MAX_CANDIDATES])
        if candidates:
            mentions.append(ToponymMention(start, end, name_key(text), "given", candidates))
        elif (cue := known.get(start)) is not None:
            mentions.append(ToponymMention(start, end, cue.key, "given", cue.candidates))
    link_qualifiers(doc, mentions)
    resolutions = resolve(mentions, demonyms)
    by_span = {(m.start, m.end): _place(doc, m, resolutions[m.key]) for m in mentions}
    return [by_span.get(span) for span in spans]


def to_places(
    doc: Document, mentions: list[ToponymMention], resolutions: dict[str, Resolution]
) -> list[Place]:
    """The resolved mentions as ``Place`` records, in text order."""
    return [_place(doc, m, resolutions[m.key]) for m in mentions]


# --------------------------------------------------------------------------- events


def _sentence_place(doc: Document, event: Event, places: list[Place]) -> Place | None:
    inside = [p for p in places if event.start <= p.start and p.end <= event.end]
    if not inside:
        return None
    trigger = None
    if event.trigger_start is not None:
        span = doc.spacy_doc.char_span(
            event.trigger_start, event.trigger_end or event.trigger_start + 1,
            alignment_mode="expand",
        )  # fmt: skip
        trigger = span.root if span is not None else None
    anchor = event.trigger_start if event.trigger_start is not None else event.start
    # "Turkey mediated the talks", "a call with Russia": a country that is a side of
    # the event is not where it happened (``stages/place_scenes.py``)
    physical = event.type not in _VERBAL_TYPES
    inside = [p for p in inside if not participant(doc, p, physical)]
    if physical:
        # "... killing him, the Tennessee Bureau of Investigation said": the state's body
        # tells the deed, which happened elsewhere in the state
        inside = [p for p in inside if not speaking_body(doc, p)]
    if physical and trigger is not None:
        # "shot the envoy and condemned Russia's role in Syria": what a statement of the
        # sentence is about is no place of the deed
        said = statements(doc, event, _VERBAL_TYPES)
        inside = [p for p in inside if not told_of(doc, p, said, trigger.i)]
    if not inside:
        return None
    if trigger is not None and event.type in _VERBAL_TYPES:
        # "asked Turkey to increase security": the country spoken to, not the place
        inside = [
            p for p in inside
            if not (p.precision is Precision.COUNTRY and is_object_of(doc, p, trigger))
        ]  # fmt: skip
        if not inside:
            return None

    def rank(place: Place) -> tuple[bool, int, bool, int]:
        prep = locative_head(doc, place)
        on_trigger = trigger is not None and attached(doc, place, trigger)
        specificity = _SPECIFICITY.get(place.precision, 0) if place.precision else 0
        if place.feature_code == "CONT":
            specificity = 0
        return on_trigger, specificity, prep is not None, -abs(place.start - anchor)

    return max(inside, key=rank)


def dominant_place(places: list[Place]) -> Place | None:
    """The most mentioned place of the article's most mentioned country."""
    if not places:
        return None
    countries = Counter(p.country_code for p in places if p.country_code)
    pool = places
    if countries:
        top = countries.most_common(1)[0][0]
        pool = [p for p in places if p.country_code == top]
    counts = Counter((p.name, p.feature_code) for p in pool)
    return max(pool, key=lambda p: (counts[(p.name, p.feature_code)], -p.start))


def _refine(place: Place, earlier: list[Place]) -> Place:
    """A country or region named last stands for the most recent more specific place
    in it that the story has named ("...in Belgrade, Serbia's ministry said. The officer
    responded..." happened in Belgrade, not somewhere in Serbia)."""
    level = _SPECIFICITY.get(place.precision, 0) if place.precision else 0
    for candidate in reversed(earlier):
        candidate_level = _SPECIFICITY.get(candidate.precision, 0) if candidate.precision else 0
        if candidate_level > level and _inside(candidate, place):
            return candidate
    return place


def _inside(candidate: Place, place: Place) -> bool:
    """Whether ``candidate`` may lie in ``place``: in its country, and in its first-level
    region when it is a region or a county (a town of Arizona is not in a Montana county)."""
    if candidate.country_code != place.country_code:
        return False
    return place.precision is Precision.COUNTRY or place.admin1 in (None, candidate.admin1)


def is_named_place(doc: Document, place: Place) -> bool:
    """Whether a resolved toponym is only a word of a person's or a street's name."""
    if doc.spacy_doc is None:
        return False
    return in_a_name(doc, place, surnames(doc))


def placeable(doc: Document, places: list[Place]) -> list[Place]:
    """The places of ``places`` an event may take: a word of a person's or a street's
    name never; a place that only tells where a person is from, or one more likely wrong
    than right (confidence under one half), only when there is no other."""
    if doc.spacy_doc is None:
        return list(places)
    names = surnames(doc)
    named = [p for p in places if not in_a_name(doc, p, names)]
    named = [
        p for p in named
        if not home_town(doc, p) and not off_scene(doc, p) and not stray_quarter(doc, p, named)
    ] or named  # fmt: skip
    return _sure(doc, named) or named


def _sure(doc: Document, places: list[Place]) -> list[Place]:
    """The places that are not doubted (confidence one half or more)."""
    return [p for p in places if p.confidence >= _DOUBTED]


def _near(
    doc: Document,
    event: Event,
    pools: tuple[list[Place], list[Place]],
    datelines: tuple[Place | None, Place | None],
    lead: Place | None = None,
) -> Place | None:
    """The place of the event's sentence, else the dateline (unless the lead's place lies
    away from it), else the nearest earlier place in the body: at each step a sure place
    (from the first pool) before a doubted one."""
    for pool in pools:
        # the dateline that opens the lead sentence is no place of the lead's clauses
        chosen = _sentence_place(doc, event, [p for p in pool if p not in datelines])
        if chosen is not None:
            return chosen
    every = [p for p in pools[-1] if doc.zone_at(p.start) in (Zone.BODY, None)]
    body = _earlier(event, pools, every)
    for dateline in datelines:
        if dateline is not None:
            # the dateline is where the reporter is: when the lead's place lies away from
            # it ("BEIRUT - Jets shelled Aleppo ... 12 were killed"), the place the body
            # names before the event wins, unless that is the dateline's again
            remote = lead is not None and _away(lead, dateline)
            return body if remote and body is not None and _away(body, dateline) else dateline
    return body


def _of_dateline(doc: Document, place: Place, dateline: Place) -> bool:
    """Whether a toponym is the dateline or its qualifier ("GEORGETOWN, Ky.")."""
    if place.start == dateline.start:
        return True
    return place.start > dateline.end and not doc.text[dateline.end : place.start].strip(", ")


def lead_place(doc: Document, places: list[Place], dateline: Place | None) -> Place | None:
    """The article's main place as its lead tells it: the most specific place of the
    first of the body's first two sentences that names one (the dateline and its
    qualifier aside)."""
    body = [s for s in doc.sentences if s.zone in (Zone.BODY, None)][:_LEAD_SENTENCES]
    for sentence in body:
        named = [
            p for p in places
            if sentence.start <= p.start < sentence.end
            and not (dateline is not None and _of_dateline(doc, p, dateline))
        ]  # fmt: skip
        if named:
            return max(
                named,
                key=lambda p: (_SPECIFICITY.get(p.precision, 0) if p.precision else 0, -p.start),
            )
    return None


def _earlier(
    event: Event, pools: tuple[list[Place], list[Place]], every: list[Place]
) -> Place | None:
    """The nearest place the body names before the event, a sure one before a doubted one."""
    for pool in pools:
        earlier = [p for p in every if p.end <= event.start and p in pool]
        if earlier:
            # a country named last stands for its last more specific place, sure or not
            return _refine(earlier[-1], [p for p in every if p.end <= event.start])
    return None


def _away(place: Place, dateline: Place) -> bool:
    """Whether a body's place lies away from the dateline's: another country, a region
    or county the dateline is not in, or a town more than 50 km from it."""
    if place.start == dateline.start:
        return False  # the dateline itself
    if place.country_code != dateline.country_code:
        return True
    if place.precision is Precision.COUNTRY:
        return False
    if place.precision in (Precision.ADMIN1, Precision.REGION):
        return place.admin1 not in (None, dateline.admin1) and place.name != dateline.admin1
    if place.precision is Precision.ADMIN2 and place.admin1 != dateline.admin1:
        return True
    if place.lat is None or place.lon is None or dateline.lat is None or dateline.lon is None:
        return False
    return haversine_km(place.lat, place.lon, dateline.lat, dateline.lon) > _AWAY_KM


def place_events(
    doc: Document, places: list[Place] | None = None, dateline: Place | None = None
) -> None:
    """Give every event of ``doc`` a place from ``places`` (default ``doc.places``);
    ``dateline`` is the article's dateline place, if it has one. At each step (the
    sentence's place, the dateline, an earlier place) a sure place is tried before a
    doubted one; last, the article's dominant place (a sure one if there is one)."""
    pool = doc.places if places is None else places
    sure = pool
    arrivals: list[Place] = []
    if doc.spacy_doc is not None:
        names = surnames(doc)
        pool = [p for p in pool if not in_a_name(doc, p, names)]
        arrivals = [p for p in _sure(doc, pool) if destination(doc, p) and p != dateline]
        # a person's home town places an event only when the article names no other place
        # nor a path's end, a topic or a word of another name (``stages/place_scenes.py``)
        pool = [
            p for p in pool
            if not home_town(doc, p) and not off_scene(doc, p) and not stray_quarter(doc, p, pool)
        ] or pool  # fmt: skip
        sure = _sure(doc, pool)
    sure_dateline = dateline if dateline is not None and dateline in sure else None
    # a toponym inside a quotation is what someone said: no place of the article or of
    # an event the quoting words report (``stages/place_scenes.py``)
    quotes = quotations(doc.text)
    unquoted = unsaid(pool, quotes, None) or pool
    dominant = dominant_place(_sure(doc, unquoted)) or dominant_place(unquoted)
    lead = lead_place(doc, _sure(doc, unquoted), dateline)
    for event in doc.events:
        anchor = event.trigger_start if event.trigger_start is not None else event.start
        heard = (unsaid(sure, quotes, anchor), unsaid(pool, quotes, anchor) or pool)
        event.place = _near(doc, event, heard, (sure_dateline, dateline), lead) or dominant
        told = antecedent(doc, event) if not any(_own(doc, event, p) for p in heard) else None
        if told is not None:
            # "... was shot in Ankara. The attack, condemned by ...": the attack's place
            event.place = told.place
        if arrivals and event.type in _MEETING_TYPES:
            # "flew to Ankara for talks": a meeting is held where its party went
            own = [p for p in sure if p not in (dateline,) or p in arrivals]
            event.place = _sentence_place(doc, event, own + arrivals) or event.place
        if event.place is not None and event.type not in _VERBAL_TYPES:
            # "a car bomb in central Turkey ... The blast destroyed a bus in Kayseri"
            event.place = narrowed(doc, event, event.place, heard[0])


def _own(doc: Document, event: Event, pool: list[Place]) -> bool:
    """Whether the event's sentence names a place of it."""
    return _sentence_place(doc, event, pool) is not None


@stage(
    "places",
    requires=("doc.spacy_doc", "doc.sentences", "doc.events"),
    assigns=("doc.places", "event.place"),
)
def places(doc: Document) -> Document:
    if doc.spacy_doc is None:
        raise PipelineError(f"{doc.origin}: the places stage needs the parse stage's spaCy doc")
    gazetteer = Gazetteer.load()
    mentions, demonyms = find_mentions(doc, gazetteer)
    resolutions = settle_namesakes(doc.text, mentions, resolve(mentions, demonyms), demonyms)
    url = doc.article.url if doc.article is not None else None
    resolutions = settle_station_side(station_side(doc.text, url), mentions, resolutions)
    doc.places = to_places(doc, mentions, resolutions)
    # A demonym ("the Serbian ministry") is a toponym, but no event happens "at" it.
    toponyms = [p for p, m in zip(doc.places, mentions, strict=True) if m.source != "demonym"]
    dateline = next(
        (p for p, m in zip(doc.places, mentions, strict=True) if m.source == "dateline"), None
    )
    place_events(doc, toponyms, dateline)
    if any(event.place is None for event in doc.events):
        heading = _headline_place(doc, gazetteer, mentions, demonyms)
        for event in doc.events:
            if event.place is None and heading is not None:
                event.place = heading
    unplace_strays(doc, toponyms, dateline)
    # a seat of government speaks from its capital
    speak_from_seats(doc, _VERBAL_TYPES, gazetteer)
    return doc


def unplace_strays(doc: Document, places: list[Place], dateline: Place | None) -> None:
    """Leave unplaced an event told in words ("agreed in a phone call", "condemned the
    attack") whose own sentence names no place of it, when the place it borrowed from
    elsewhere (an earlier sentence, the article's dominant place) lies in another country
    than the article's main one: a statement is not made wherever the story last went
    ("Putin said he and Erdogan agreed ..." after a sentence on Iran). The dateline,
    where the reporter is, stays."""
    sure = placeable(doc, places)
    dominant = dominant_place(sure)
    if dominant is None:
        return
    for event in doc.events:
        place = event.place
        if place is None or event.type not in _VERBAL_TYPES:
            continue
        if place.country_code == dominant.country_code:
            continue
        if dateline is not None and place.name == dateline.name:
            continue
        if event.start <= place.start < event.end:
            continue  # its own sentence's place
        event.place = None


def _headline_place(
    doc: Document, gazetteer: Gazetteer, mentions: list[ToponymMention], evidence: list[str]
) -> Place | None:
    """The most specific place the headline names (a home town only when alone), for
    events the text leaves unplaced; not in ``doc.text``, so its offsets are -1."""
    heading, titled = title_places(doc, gazetteer, mentions, evidence)
    if heading is None:
        return None
    chosen = max(
        placeable(heading, titled),
        key=lambda p: (_SPECIFICITY.get(p.precision, 0) if p.precision else 0, -p.start),
        default=None,
    )
    return None if chosen is None else replace(chosen, start=-1, end=-1)
