"""Places stage: find the toponyms of an article, resolve them, and place each event.

1. Mentions. spaCy's GPE, LOC and FAC entities are kept when the gazetteer knows the
   name and the name is not a person's (a surname also seen in a PERSON entity, or a
   small place that "said" something). ORG, PERSON and NORP entities that are exactly
   the name of a country, first-level region or large city become places too (the small
   English model tags "Armenia" as ORG). Demonyms ("Serbian") are not places, but count
   as evidence for their country. A prominent place opening or closing an
   organisation's name is a mention too ("the Government of Alberta"). Capitalised
   proper-noun runs that spaCy left outside any entity are looked up as well, and kept
   when they name a prominent place or follow a locative preposition. Mentions found
   only through a correction must name a prominent place, or a place in a country the
   rest of the article names.
2. Resolution, with the whole article as context. Every mention of the same name
   refers to the same place. A candidate scores its population (log), a bonus for its
   kind (countries, capitals, first-level and curated regions), the share of the
   article's other mentions and demonyms that point to its country, a bonus when
   another mention names its first-level region, and a large bonus when a qualifier
   says so ("Paris, Texas", "Aghdam, Azerbaijan").
3. Events. An event takes the most specific place of its sentence among those attached
   to its trigger, as its object ("shelled Stepanakert") or by a locative preposition
   ("in", "near", "outside"); else the most specific place of its sentence; else the
   nearest earlier place in the body; else the article's dominant place (the most
   mentioned place of the most mentioned country).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from eventwire import knowledge
from eventwire.errors import PipelineError
from eventwire.gazetteer import Gazetteer, GazetteerEntry, name_key
from eventwire.gazetteer.resolve import (
    Resolution,
    ToponymMention,
    drop_unsupported,
    is_region,
    is_strong,
    resolve,
)
from eventwire.model import Document, Event, Place, Precision, Zone
from eventwire.pipeline import stage

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that may hide a place name the model mislabelled.
_CORRECTED_LABELS = frozenset({"ORG", "PERSON", "NORP"})
_ALTERNATE_NAME_LABELS = frozenset({"GPE", "LOC", "PERSON"})
# Prepositions that put an event at a place ("from" gives an origin, so it is not here).
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
     "into", "on", "off", "along", "over", "of"}
)  # fmt: skip
_STRONG_LOCATIVE_PREPS = _LOCATIVE_PREPS - {"of", "on", "over"}
_NOT_PLACE_ZONES = frozenset({Zone.NOISE, Zone.CREDIT})
# How much each way of finding a mention is trusted.
_DETECTION_CONFIDENCE = {
    "GPE": 0.95, "LOC": 0.9, "FAC": 0.8, "scan": 0.75, "embedded": 0.6, "given": 1.0,
}  # fmt: skip
_CORRECTED_CONFIDENCE = 0.75
_LOCATIVE_SCAN_POPULATION = 1_000
_MAX_SCAN_TOKENS = 4
_MAX_CANDIDATES = 60
_SPECIFICITY = {
    Precision.POINT: 4, Precision.ADMIN2: 3, Precision.ADMIN1: 2, Precision.REGION: 2,
    Precision.COUNTRY: 1,
}  # fmt: skip


# --------------------------------------------------------------------------- mentions


def _trim(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    text = doc.text[start:end]
    if text.lower().startswith("the "):
        start += 4
    for ending in ("'s", "’s", "'", "’"):
        if doc.text[start:end].endswith(ending):
            end -= len(ending)
            break
    return start, end


def _pieces(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Paris, Texas" tagged as one entity into its two names."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for part in doc.text[start:end].split(","):
        left = cursor + len(part) - len(part.lstrip())
        right = cursor + len(part.rstrip())
        if right > left:
            pieces.append((left, right))
        cursor += len(part) + 1
    return pieces


def _person_words(spacy_doc: Any) -> set[str]:
    """Words of multi-word PERSON names: "Blinken" once "Antony Blinken" was seen."""
    words: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and all(t.is_title for t in ent):
            words.update(name_key(token.text) for token in ent)
    return words


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= 5


def _lookup(gazetteer: Gazetteer, text: str, label: str) -> tuple[GazetteerEntry, ...]:
    """The candidates of a name, as far as an entity of this label may mean them.

    GeoNames alternate names of towns (former names, translations, nicknames) are used
    for GPE and LOC entities and for one-word PERSON ones ("Stepanakert", which must
    then find support in the article), not for organisations and facilities ("Google"
    is an alternate name of Topeka). An acronym ("CIA", "EU") may only be a country or
    region ("US", "DRC").
    """
    alternates = label in _ALTERNATE_NAME_LABELS and " " not in text.strip()
    alternates = alternates or label in ("GPE", "LOC")
    candidates = gazetteer.candidates(text, alternate_names=alternates)
    if _is_acronym(text):
        candidates = [c for c in candidates if c.is_country or is_region(c)]
    return tuple(candidates[:_MAX_CANDIDATES])


def _speaks(span: Any) -> bool:
    """True when the span is the subject of "say" ("Blinken said")."""
    root = span.root
    return bool(root.dep_ == "nsubj" and root.head.lemma_ == "say")


def _extend(doc: Document, gazetteer: Gazetteer, span_end_token: Any, start: int, end: int) -> int:
    """Stretch a name over the words after it when the longer name is known ("Lachin" +
    "corridor", "Gaza" + "Strip")."""
    best = end
    token = span_end_token
    for _ in range(2):
        if token.i + 1 >= len(token.doc):
            break
        token = token.nbor(1)
        if not token.is_alpha:
            break
        if gazetteer.candidates(doc.text[start : token.idx + len(token)]):
            best = token.idx + len(token)
    return best


def _embedded(doc: Document, gazetteer: Gazetteer, ent: Any) -> ToponymMention | None:
    """A prominent place name opening or closing an organisation's name ("Texas A&M
    University", "the Government of Alberta", "Costco Canada")."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    for run in _edge_runs(tokens):
        text = doc.text[run[0].idx : run[-1].idx + len(run[-1])]
        candidates = _lookup(gazetteer, text, "ORG")
        if any(is_strong(c) for c in candidates):
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            return ToponymMention(start, end, name_key(text), "embedded", candidates)
    return None


def _edge_runs(tokens: list[Any]) -> list[list[Any]]:
    """Runs of capitalised words at either end of a name, longest first."""
    runs: list[list[Any]] = []
    for length in range(min(3, len(tokens) - 1), 0, -1):
        for run in (tokens[:length], tokens[-length:]):
            if all(t.is_alpha and t.text[:1].isupper() for t in run):
                runs.append(run)
    return runs


def _entity_mentions(
    doc: Document, gazetteer: Gazetteer, person_words: set[str]
) -> tuple[list[ToponymMention], list[str]]:
    """Place mentions among spaCy's entities, and the countries of the demonyms seen."""
    mentions: list[ToponymMention] = []
    demonym_countries: list[str] = []
    for ent in doc.spacy_doc.ents:
        label = ent.label_
        if label not in _PLACE_LABELS and label not in _CORRECTED_LABELS:
            continue
        if doc.zone_at(ent.start_char) in _NOT_PLACE_ZONES:
            continue
        start, end = _trim(doc, ent.start_char, ent.end_char)
        pieces = _pieces(doc, start, end) if label in _PLACE_LABELS else [(start, end)]
        for left, right in pieces:
            if right == ent.end_char and label != "NORP":
                right = _extend(doc, gazetteer, ent[-1], left, right)
            text = doc.text[left:right]
            key = name_key(text)
            if not key or not any(ch.isupper() for ch in text):
                continue
            candidates = _lookup(gazetteer, text, label)
            strong = any(is_strong(c) for c in candidates)
            if label == "NORP" and not any(c.is_country for c in candidates):
                country = _demonym_country(text, gazetteer)
                if country is not None:
                    demonym_countries.append(country)
                    continue
                if not strong:
                    continue
            if not candidates:
                if label in ("ORG", "FAC") and (part := _embedded(doc, gazetteer, ent)):
                    mentions.append(part)
                continue  # "Blinken" tagged GPE: not a place anywhere
            if " " not in key and key in person_words:
                continue  # "Blinken" after "Antony Blinken"
            if _speaks(ent) and not strong:
                continue
            if label == "FAC" and not strong:
                continue  # "White House" is a small town too, but not in this sentence
            if label == "PERSON":
                if " " in key and not strong:
                    continue
                strong = any(c.is_country or c.feature_code == "ADM1" for c in candidates)
            weak = label in _CORRECTED_LABELS and not strong
            mentions.append(ToponymMention(left, right, key, label, candidates, weak=weak))
    return mentions, demonym_countries


def _after_locative(token: Any) -> bool:
    return token.i > 0 and token.nbor(-1).lower_ in _STRONG_LOCATIVE_PREPS


def _scan_mentions(
    doc: Document, gazetteer: Gazetteer, taken: list[ToponymMention]
) -> list[ToponymMention]:
    """Gazetteer matches on capitalised proper-noun runs outside spaCy's entities."""
    covered = [(m.start, m.end) for m in taken]
    tokens = doc.spacy_doc
    found: list[ToponymMention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _scannable(token) or any(s <= token.idx < e for s, e in covered):
            i += 1
            continue
        match: ToponymMention | None = None
        length = 1
        for length in range(min(_MAX_SCAN_TOKENS, len(tokens) - i), 0, -1):
            run = tokens[i : i + length]
            if not all(_scannable(t) for t in run):
                continue
            candidates = _lookup(gazetteer, run.text, "scan")
            if not candidates:
                continue
            prominent = any(is_strong(c) for c in candidates)
            located = _after_locative(token) and any(
                c.population >= _LOCATIVE_SCAN_POPULATION or c.feature_code.startswith("ADM")
                for c in candidates
            )
            if prominent or located:
                key = name_key(run.text)
                match = ToponymMention(
                    run.start_char, run.end_char, key, "scan", candidates, weak=not prominent
                )
            break
        if match is None:
            i += 1
            continue
        found.append(match)
        i += length
    return found


def _scannable(token: Any) -> bool:
    return bool(
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.text[:1].isupper()
        and token.is_alpha
    )


def _link_qualifiers(doc: Document, mentions: list[ToponymMention]) -> None:
    """Mark "Texas" as the qualifier of "Paris" in "Paris, Texas"."""
    for first, second in pairwise(mentions):
        if doc.text[first.end : second.start].strip() != ",":
            continue
        if any(c.is_country or c.feature_code in ("ADM1", "ADM2") for c in second.candidates):
            first.qualifier = second


def _demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """The ISO alpha-2 code of a demonym's country: the curated demonyms of
    ``data/countries.tsv`` ("French", "Dutch"), else the gazetteer's derived ones."""
    curated = knowledge.countries().lookup_demonym(word)
    if curated is not None and curated.iso2:
        return curated.iso2
    return gazetteer.country_for_demonym(word)


def find_mentions(doc: Document, gazetteer: Gazetteer) -> tuple[list[ToponymMention], list[str]]:
    """The toponym mentions of ``doc`` in text order, and the demonyms' countries."""
    mentions, demonyms = _entity_mentions(doc, gazetteer, _person_words(doc.spacy_doc))
    mentions += _scan_mentions(doc, gazetteer, mentions)
    mentions.sort(key=lambda m: m.start)
    _link_qualifiers(doc, mentions)
    return drop_unsupported(mentions, demonyms), demonyms


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
    )


def resolve_spans(
    doc: Document, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> list[Place | None]:
    """Resolve toponyms found by someone else (offsets into ``doc.text``), with the same
    article context as the stage; None for a span the gazetteer does not know."""
    gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
    _, demonyms = _entity_mentions(doc, gazetteer, set())
    mentions: list[ToponymMention] = []
    for start, end in sorted(spans):
        text = doc.text[start:end]
        candidates = tuple(gazetteer.candidates(text)[:_MAX_CANDIDATES])
        if candidates:
            mentions.append(ToponymMention(start, end, name_key(text), "given", candidates))
    _link_qualifiers(doc, mentions)
    resolutions = resolve(mentions, demonyms)
    by_span = {(m.start, m.end): _place(doc, m, resolutions[m.key]) for m in mentions}
    return [by_span.get(span) for span in spans]


def to_places(
    doc: Document, mentions: list[ToponymMention], resolutions: dict[str, Resolution]
) -> list[Place]:
    """The resolved mentions as ``Place`` records, in text order."""
    return [_place(doc, m, resolutions[m.key]) for m in mentions]


# --------------------------------------------------------------------------- events


def _locative_head(doc: Document, place: Place) -> Any | None:
    """The preposition that puts something at ``place`` ("in" of "in Aleppo"), if any."""
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS:
            if token.head.lower_ in _STRONG_LOCATIVE_PREPS:
                return token.head
            token = token.head.head  # "the city of Aleppo": climb to "city"
            continue
        if token.dep_ in ("compound", "appos", "conj", "npadvmod") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def _governs(trigger: Any, prep: Any) -> bool:
    """True when the preposition hangs on the trigger, a word just above it, or its head."""
    if prep.head == trigger.head and trigger.dep_ != "ROOT":
        return True
    head = prep.head
    for _ in range(3):
        if head == trigger:
            return True
        if head.head == head:
            return False
        head = head.head
    return False


def _is_object_of(doc: Document, place: Place, trigger: Any) -> bool:
    """True when the place is the trigger's direct object ("shelled Stepanakert")."""
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head == trigger


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

    def rank(place: Place) -> tuple[bool, int, bool, int]:
        prep = _locative_head(doc, place)
        attached = trigger is not None and (
            (prep is not None and _governs(trigger, prep)) or _is_object_of(doc, place, trigger)
        )
        specificity = _SPECIFICITY.get(place.precision, 0) if place.precision else 0
        if place.feature_code == "CONT":
            specificity = 0
        return attached, specificity, prep is not None, -abs(place.start - anchor)

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
        if candidate.country_code == place.country_code and candidate_level > level:
            return candidate
    return place


def place_events(doc: Document) -> None:
    """Give every event of ``doc`` a place from ``doc.places``."""
    body = [p for p in doc.places if doc.zone_at(p.start) in (Zone.BODY, None)]
    dominant = dominant_place(doc.places)
    for event in doc.events:
        chosen = _sentence_place(doc, event, doc.places)
        if chosen is None:
            earlier = [p for p in body if p.end <= event.start]
            chosen = _refine(earlier[-1], earlier) if earlier else dominant
        event.place = chosen


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
    doc.places = to_places(doc, mentions, resolve(mentions, demonyms))
    place_events(doc)
    return doc
