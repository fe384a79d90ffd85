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
3. Events (demonyms aside: nothing happens "at" the Serbian of "Serbian police"). An
   event takes the most specific place of its sentence among those attached to its
   trigger, as its object ("shelled Stepanakert") or by a locative preposition
   ("in", "near", "outside"); else the most specific place of its sentence; else the
   nearest earlier place in the body; else the article's dateline; else the article's
   dominant place (the most mentioned place of the most mentioned country). A toponym
   inside a person's name ("Clarence Washington") or a street's ("Saint John St.")
   places no event; a toponym more likely wrong than right (confidence under one half:
   "Jackson South", a hospital, read as Jackson, Mississippi; "Parks" of "Fish Wildlife
   and Parks") places one only when no sure place does (``placeable``). A name followed
   by an age ("Dana Wilmington, 25,") is a person's, in all its mentions. A place that
   only tells where a person is from ("Mark Jones, 34, of Atlanta", "the Atlanta
   man", "born in Homs", "a London-based firm") places an event only when the article
   names no other place (``_home_town``). Events the text leaves unplaced take the
   headline's place when the headline names one and the body repeats it not.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire.errors import PipelineError
from eventwire.gazetteer import Gazetteer, GazetteerEntry, name_key
from eventwire.gazetteer.cues import cue_mentions
from eventwire.gazetteer.mentions import (
    LOCATIVE_PREPS,
    MAX_CANDIDATES,
    STRONG_LOCATIVE_PREPS,
    entity_mentions,
    find_mentions,
    link_qualifiers,
)
from eventwire.gazetteer.resolve import Resolution, ToponymMention, resolve
from eventwire.model import Document, Event, Place, Precision, Span, Zone
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
# Words after a toponym that make it part of a street's name.
_STREET_WORDS = frozenset(
    {"st", "street", "ave", "avenue", "rd", "road", "dr", "drive", "blvd", "boulevard",
     "lane", "ln", "way", "court", "ct", "place", "pl", "parkway", "pkwy", "highway", "hwy"}
)  # fmt: skip
# Nouns for a person whose home a place gives ("a man of Macon", "an Atlanta
# resident", "a woman from Aleppo"), besides a name or an age ("Mark Jones, 34, of
# Macon").
_PERSON_NOUNS = frozenset(
    {"man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens",
     "teenager", "teenagers", "resident", "native", "natives", "student",
     "students", "mother", "father", "son", "daughter", "child", "children", "toddler",
     "suspect", "suspects", "victim", "victims", "friend", "couple", "citizen",
     "national", "nationals", "youth", "baby", "infant", "husband", "wife",
     "brother", "sister", "grandmother", "grandfather", "person"}
)  # fmt: skip
# Nouns of a state's people and bodies that a country's name before them makes a
# nationality ("U.S. officials", "a U.S. citizen"), not a place ("the Syria war" is one).
_ACTOR_NOUNS = frozenset(
    {"official", "citizen", "military", "force", "troop", "soldier", "police", "government",
     "embassy", "ambassador", "diplomat", "president", "minister", "officer", "agent",
     "authority", "army", "navy", "intelligence", "investigator", "prosecutor", "envoy",
     "lawmaker", "senator", "leader", "team", "company", "firm", "bank", "agency",
     "department", "ministry", "media", "strike", "airstrike", "drone"}
)  # fmt: skip
# Titles a place's name may qualify before a person's name ("Florida Senator Marco
# Rubio", "Quebec Health Minister Gaetan Barrette", "Texas Attorney General Ken
# Paxton"): the place says what the person holds, not where anything happens.
_TITLE_AFTER_PLACE = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}?(?:Senator|Sen\.|Governor|Gov\.|Minister|Premier|"
    r"President|Congressman|Congresswoman|Rep\.|Representative|Lawmaker|Legislator|"
    r"Assemblyman|Assemblywoman|Secretary|Chancellor|Attorney General|Lieutenant Governor)"
    r"\s+(?:of\s+[A-Z][a-z]+\s+)?[A-Z][a-z]"
)
# Words after a name that make it a photo or video credit's ("Photo: Metro Video") or a
# news outlet's ("told The Buffalo News", "the Denver Post reported").
_CREDIT_WORDS = frozenset(
    {"video", "photo", "photos", "news", "times", "post", "herald", "tribune", "journal",
     "gazette", "chronicle", "dispatch", "courier", "observer", "telegraph", "examiner",
     "inquirer", "register"}
)  # fmt: skip
# An apposition that makes a lone name a person's ("Smithfield, the gunman, fired").
_PERSON_APPOSITION = re.compile(
    r", (?:the|a|an) (?:[a-z]+ )?(?:gunman|shooter|attacker|assailant|suspect|victim|"
    r"driver|man|woman|boy|girl|teen|teenager)\b"
)
# Kin a possessive gives a person ("McKinney's daughter"): the name is a person's.
_KIN_NOUNS = frozenset(
    {"daughter", "son", "mother", "father", "wife", "husband", "brother", "sister",
     "children", "family", "grandson", "granddaughter", "mom", "dad"}
)  # fmt: skip
# Event types told in words: a country that is their direct object is the one spoken
# to or of ("asked Turkey to", "urged Iran"), not where it was said; a country that a
# physical event takes as object ("invaded Ukraine") is where it happened.
_VERBAL_TYPES = frozenset(
    {"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT", "CONSULT", "AGREE", "CONCEDE",
     "APPEAL", "DISAPPROVE", "SANCTION"}
)  # fmt: skip
# Verbs whose "in" gives where a person was born or lives ("born in Homs").
_HOME_VERBS = frozenset({"bear", "born", "raise", "grow", "live", "reside", "hail"})
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


def _locative_head(doc: Document, place: Place) -> Any | None:
    """The preposition that puts something at ``place`` ("in" of "in Aleppo"), if any."""
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            if token.head.lower_ in STRONG_LOCATIVE_PREPS:
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
    if trigger is not None and event.type in _VERBAL_TYPES:
        # "asked Turkey to increase security": the country spoken to, not the place
        inside = [
            p for p in inside
            if not (p.precision is Precision.COUNTRY and _is_object_of(doc, p, trigger))
        ]  # fmt: skip
        if not inside:
            return None

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
        if candidate_level > level and _inside(candidate, place):
            return candidate
    return place


def _inside(candidate: Place, place: Place) -> bool:
    """Whether ``candidate`` may lie in ``place``: in its country, and in its first-level
    region when it is a region or a county (a town of Arizona is not in a Montana county)."""
    if candidate.country_code != place.country_code:
        return False
    return place.precision is Precision.COUNTRY or place.admin1 in (None, candidate.admin1)


def _surnames(doc: Document) -> frozenset[str]:
    """The words of the article's names of people of two words or more, and of names
    followed by an age ("Dana Wilmington, 25,"), which the tagger may not call people."""
    words = {
        token.text
        for ent in doc.spacy_doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for token in ent
    }
    for token in doc.spacy_doc:
        if token.text == "," and token.i > 1 and _aged(token.doc[token.i - 1 : token.i]):
            run = token.doc[max(0, token.i - 3) : token.i]
            names = [t for t in run if t.pos_ == "PROPN" and t.is_title]
            if len(names) >= 2 and names[0].i == token.i - len(names):
                words.update(t.text for t in names)
        if (
            token.text in ("'s", "’s")
            and token.i > 0
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ in _KIN_NOUNS
            and token.doc[token.i - 1].ent_type_ in ("GPE", "LOC", "PERSON")
        ):
            words.add(token.doc[token.i - 1].text)  # "McKinney's daughter": a person
    for ent in doc.spacy_doc.ents:
        if len(ent) == 1 and _PERSON_APPOSITION.match(doc.text, ent.end_char):
            words.add(ent.text)  # "Altintas, the gunman, fired": a person
    return frozenset(words)


def _in_a_name(doc: Document, place: Place, surnames: frozenset[str]) -> bool:
    """Whether a toponym is a word of a person's name ("Clarence Washington", or
    "Logan" alone, not after "in", where the article names John Logan) or of a
    street's ("85 Saint John St.", "East Jefferson Avenue"): a place is named, but
    nothing happens at it. A lone word the tagger calls a person ("Bastrop police
    said") stays a place."""
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.ent_type_ == "PERSON":
            ent = next((e for e in doc.spacy_doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and len(ent) > len(span):
                return True
    if len(span) == 1 and span.text in surnames and _locative_head(doc, place) is None:
        return True
    if _aged(span):
        return True  # "Dana Wilmington, 25, of Macon"
    if re.search(r"\bblock of\s+$", doc.text[max(0, place.start - 12) : place.start]):
        return True  # "the 700 block of Tennessee": a street
    before = doc.text[max(0, place.start - 7) : place.start]
    if place.confidence < _DOUBTED and re.search(r"\b(?:East|West|North|South) $", before):
        return True  # "south of East Jefferson", a doubted town: a street's name
    after = doc.spacy_doc[span.end] if span.end < len(doc.spacy_doc) else None
    if after is not None and after.lower_ in _CREDIT_WORDS:
        return True  # "Photo: Metro Video", "The Buffalo News": a credit's, an outlet's
    return after is not None and after.lower_.rstrip(".") in _STREET_WORDS


def _home_town(doc: Document, place: Place) -> bool:
    """Whether a toponym only tells where a person is from: "of" or "from" after a name,
    an age or a person's noun ("Mark Jones, 34, of Atlanta, Georgia", "a woman from
    Aleppo"), a person's noun it qualifies ("the Atlanta man", "a Bibb County resident"),
    or "born in", "lives in" ("born in Homs"), or a base ("a London-based firm"); a
    country's name before a noun ("a U.S. citizen") is a nationality.
    Nothing happens there for saying so."""
    if re.match(r"-(?:based|born|raised)\b", doc.text[place.end : place.end + 8]):
        return True  # "a Washington-based firm", "his London-based company"
    if _TITLE_AFTER_PLACE.match(doc.text, place.end):
        return True  # "Florida Senator Marco Rubio": the office, not a place of events
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if (
        place.precision is Precision.COUNTRY
        and token.dep_ in ("compound", "amod", "nmod", "poss")
        and (token.head.lemma_.lower() in _ACTOR_NOUNS or token.head.lower_ in _PERSON_NOUNS)
    ):
        return True  # "a U.S. citizen", "U.S. officials": a nationality, like a demonym
    for _ in range(3):  # "Atlanta, Georgia": climb from the qualifier to its town
        if token.dep_ in ("appos", "conj", "npadvmod") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "compound" and token.head.ent_type_ in ("GPE", "LOC", "FAC"):
            token = token.head  # "Bibb" of "Bibb County"
            continue
        break
    if token.dep_ in ("compound", "amod", "nmod") and token.head.lower_ in _PERSON_NOUNS:
        return True  # "the Atlanta man", "a Bibb County boy"
    prep = token.head
    if token.dep_ != "pobj" or prep.head == prep:
        return False
    if prep.lower_ == "in":
        return prep.head.lemma_.lower() in _HOME_VERBS or prep.head.lower_ in _HOME_VERBS
    if prep.lower_ not in ("of", "from"):
        return False
    owner = prep.head
    if owner.ent_type_ == "PERSON" or owner.lower_ in _PERSON_NOUNS or owner.like_num:
        return True
    # a name the tagger mislabels, with its age beside it ("Mark Jones, 34, of")
    return any(c.dep_ == "appos" and c.like_num for c in owner.children)


def _aged(span: Any) -> bool:
    """Whether a name is followed by an age set off by commas ("Wilmington, 25,"): a
    person's name, not a place's."""
    tokens = span.doc[span.end : span.end + 3]
    if len(tokens) < 3 or tokens[0].text != "," or tokens[2].text not in (",", ")"):
        return False
    age = tokens[1].text
    return age.isdigit() and 0 < int(age) < 120


def is_named_place(doc: Document, place: Place) -> bool:
    """Whether a resolved toponym is only a word of a person's or a street's name."""
    if doc.spacy_doc is None:
        return False
    return _in_a_name(doc, place, _surnames(doc))


def placeable(doc: Document, places: list[Place]) -> list[Place]:
    """The places of ``places`` an event may take: a word of a person's or a street's
    name never; a place that only tells where a person is from, or one more likely wrong
    than right (confidence under one half), only when there is no other."""
    if doc.spacy_doc is None:
        return list(places)
    surnames = _surnames(doc)
    named = [p for p in places if not _in_a_name(doc, p, surnames)]
    named = [p for p in named if not _home_town(doc, p)] or named
    return _sure(doc, named) or named


def _sure(doc: Document, places: list[Place]) -> list[Place]:
    """The places that are not doubted (confidence one half or more)."""
    return [p for p in places if p.confidence >= _DOUBTED]


def _near(
    doc: Document,
    event: Event,
    pools: tuple[list[Place], list[Place]],
    datelines: tuple[Place | None, Place | None],
    headline: Place | None = None,
) -> Place | None:
    """The place of the event's sentence, else the dateline, else the headline's town,
    else the nearest earlier place in the body: at each step a sure place (from the
    first pool) before a doubted one, and a sure earlier place before a doubted dateline."""
    for pool in pools:
        chosen = _sentence_place(doc, event, pool)
        if chosen is not None:
            return chosen
    every = [p for p in pools[-1] if doc.zone_at(p.start) in (Zone.BODY, None)]
    for pool, dateline in zip(pools, datelines, strict=True):
        # a doubted dateline ("SHELBY" read in another state) yields to a sure earlier place
        if dateline is not None:
            return dateline
        if headline is not None and pool is pools[0]:
            return headline  # "4-year-old shot in St. Augustine": the story's own town
        earlier = [p for p in every if p.end <= event.start and p in pool]
        if earlier:
            # a country named last stands for its last more specific place, sure or not
            return _refine(earlier[-1], [p for p in every if p.end <= event.start])
    return None


def place_events(
    doc: Document,
    places: list[Place] | None = None,
    dateline: Place | None = None,
    headline: Place | None = None,
) -> None:
    """Give every event of ``doc`` a place from ``places`` (default ``doc.places``);
    ``dateline`` is the article's dateline place, if it has one, ``headline`` the town
    its headline names. At each step (the sentence's place, the dateline, the headline's
    town, an earlier place) a sure place is tried before a doubted one; last, the
    article's dominant place (a sure one if there is one)."""
    pool = doc.places if places is None else places
    sure = pool
    if doc.spacy_doc is not None:
        surnames = _surnames(doc)
        pool = [p for p in pool if not _in_a_name(doc, p, surnames)]
        # a person's home town places an event only when the article names no other place
        pool = [p for p in pool if not _home_town(doc, p)] or pool
        sure = _sure(doc, pool)
    sure_dateline = dateline if dateline is not None and dateline in sure else None
    dominant = dominant_place(sure) or dominant_place(pool)
    for event in doc.events:
        event.place = (
            _near(doc, event, (sure, pool), (sure_dateline, dateline), headline) or dominant
        )


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
    # A demonym ("the Serbian ministry") is a toponym, but no event happens "at" it.
    toponyms = [p for p, m in zip(doc.places, mentions, strict=True) if m.source != "demonym"]
    dateline = next(
        (p for p, m in zip(doc.places, mentions, strict=True) if m.source == "dateline"), None
    )
    heading, titled = _title_places(doc, gazetteer, mentions, demonyms)
    town = None
    if heading is not None:
        towns = [
            p for p in _sure(heading, titled)
            if p.precision in (Precision.POINT, Precision.ADMIN2)
            and not _in_a_name(heading, p, frozenset()) and not _home_town(heading, p)
        ]  # fmt: skip
        town = towns[0] if towns else None
    place_events(doc, toponyms, dateline, town)
    if heading is not None and any(event.place is None for event in doc.events):
        chosen = placeable(heading, titled)
        fallback = max(
            chosen,
            key=lambda p: (_SPECIFICITY.get(p.precision, 0) if p.precision else 0, -p.start),
            default=None,
        )
        for event in doc.events:
            if event.place is None:
                event.place = fallback
    return doc


def _sentence_case(title: str, gazetteer: Gazetteer) -> str:
    """A headline in title case ("Teen Killed in St. Paul Shooting") with its words that
    are part of no place's name lowered, so that the tagger finds the places ("St.
    Paul"); other headlines as they are. Offsets do not change."""
    words = list(re.finditer(r"[A-Za-z][\w'.-]*", title))
    long = [w.group(0) for w in words if len(w.group(0)) >= 4]
    if len(long) < 3 or any(w[0].islower() for w in long):
        return title
    keep: set[int] = {0}
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if any(not w.group(0)[0].isupper() for w in run):
                continue
            if gazetteer.candidates(title[run[0].start() : run[-1].end()].rstrip(".")):
                keep.update(range(i, i + size))
    chars = list(title)
    for i, word in enumerate(words):
        text = word.group(0)
        if i in keep or text.isupper() or text.endswith("."):
            continue
        chars[word.start() : word.end()] = text.lower()
    return "".join(chars)


def _title_places(
    doc: Document, gazetteer: Gazetteer, mentions: list[ToponymMention], evidence: list[str]
) -> tuple[Document | None, list[Place]]:
    """The headline, parsed apart (when the text does not begin with it), and the places
    it names, resolved with the article's names as context: a short report whose body
    names no place ("Teen killed in St. Paul shooting"; "... - WMC Action News 5 -
    Memphis, Tennessee")."""
    from eventwire.stages.parse import parse

    title = doc.article.title if doc.article is not None else None
    if not title or not title.strip() or doc.text.lstrip().startswith(title.strip()):
        return None, []
    title = _sentence_case(title, gazetteer)
    heading = parse(Document(text=title, origin=doc.origin, spans=[Span(0, len(title), Zone.BODY)]))
    if heading.spacy_doc is None:
        return None, []
    found = [m for m in find_mentions(heading, gazetteer)[0] if m.source != "demonym"]
    if not found:
        return None, []
    resolutions = resolve([*mentions, *found], evidence)
    return heading, to_places(heading, found, resolutions)
