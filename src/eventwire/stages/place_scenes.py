"""Toponyms that name no scene of an event, by the kind of phrase they stand in (used by
``stages/places.py``; ``stages/place_roles.py`` has names, home towns and offices):

- a path's end: where someone or something went or came from ("a turkey from Iowa",
  "was driven to Winnipeg from Montreal", "flights bound for Paris", "taken to a
  hospital in Jacksonville", "Russia's ambassador to Turkey");
- a topic or cause: what is spoken of or stood for ("shouted about Mosul", "a rally for
  Aleppo", "talks regarding Syria");
- a word of another name: a newspaper's, a church's or an operation's ("told The
  Toledo Courier", "St. Paul's Cathedral", "Operation Euphrates Shield");
- a participant: a country that acts or is acted on ("Turkey mediated", "asked Russia",
  "Turkey's call", "a call with Russia") is a side of the event, not where it happened,
  unless a physical event takes it as its object ("invaded Ukraine");
- a word said: a toponym inside a quotation ("shouting: 'Don't forget Aleppo!'") is
  what someone said, no place of an event the quoting words report; it stays a place of
  an event told inside the same quotation ("'He was shot in Dayton,' police said");
- what a statement is about: a toponym inside the object or the clause of another
  event's verb of saying or judging ("shot the envoy and condemned Russia's role in
  Syria") is no place of a deed the sentence also tells.

- a state's body that speaks: a first-level region naming the body that tells its
  sentence ("..., the Tennessee Bureau of Investigation said", "Kentucky State Police
  said") gives the body's reach, not where the sentence's deeds happened, when the
  article names a town inside that state (``speaking_body``; the places stage keeps it
  as a place of later sentences and of the saying itself); a city's police ("Columbus
  police said") is most often at its scene, and stays;
- a quarter afar: a name a neighbourhood's noun follows ("the Hilltop neighborhood";
  not "the Waco community", often the whole town) that lies more than 50 km from every
  other town or county the article names is a namesake read for the quarter of a town
  ("Hilltop, Ohio" for a Columbus neighbourhood, ``stray_quarter``).

And an event told by a noun with "the" ("the attack") refers back to the earlier event
of its type (``antecedent``), whose place it takes when its sentence names none.
"""

from __future__ import annotations

from typing import Any

from eventwire.geodesy import haversine_km
from eventwire.model import Document, Event, Place, Precision
from eventwire.timex.tense import trigger_root

__all__ = [
    "antecedent", "definite_noun", "destination", "off_scene", "participant", "quotation_at",
    "quotations", "speaking_body", "statements", "stray_quarter", "told_of", "unsaid",
]  # fmt: skip

# Verbs by which a body tells the story it is named in ("the State Police said").
_TELLING_LEMMAS = frozenset({"say", "tell", "report", "confirm", "announce", "add", "state"})
# Nouns that make the name before them a quarter of a town ("the Hilltop neighborhood").
_QUARTER_NOUNS = frozenset(
    {"neighborhood", "neighbourhood", "subdivision", "enclave"}
)  # fmt: skip
# A quarter this far from every other town the article names is another town's namesake.
_QUARTER_KM = 50.0

# Verbs and nouns of going, sending and bringing: their "to", "into", "toward", "from"
# give a path's end, not where the event happened.
_MOTION = frozenset(
    {"go", "come", "return", "send", "fly", "travel", "drive", "move", "transfer", "take",
     "bring", "deport", "extradite", "evacuate", "flee", "head", "bind", "leave", "depart",
     "ship", "carry", "airlift", "transport", "relocate", "emigrate", "immigrate", "walk",
     "sail", "escape", "smuggle", "export", "import", "repatriate", "expel", "rush",
     "airlifted", "flight", "trip", "journey", "route", "evacuation", "deportation",
     "extradition", "bound", "headed"}
)  # fmt: skip
# Words whose "from" measures where a place lies ("10 miles from Macon", "away from").
_DISTANCE_WORDS = frozenset(
    {"mile", "kilometer", "kilometre", "km", "meter", "metre", "yard", "foot", "away",
     "north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "far", "distance", "drive", "minute", "hour"}
)  # fmt: skip
_PATH_PREPS = frozenset({"to", "into", "toward", "towards", "from"})
# Nouns of an office accredited to a country ("ambassador to Turkey", "envoy to").
_OFFICE_NOUNS = frozenset(
    {"ambassador", "envoy", "representative", "delegation", "mission", "emissary",
     "consul", "attaché", "attache", "ambassadors", "envoys"}
)  # fmt: skip
# Prepositions whose object is what is spoken of.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# Nouns of support, protest and prayer whose "for" names a cause ("a rally for Aleppo").
_CAUSE_NOUNS = frozenset(
    {"rally", "vigil", "march", "protest", "demonstration", "prayer", "prayers", "pray",
     "solidarity", "support", "appeal", "campaign", "donation", "donations", "fund",
     "fundraiser", "aid", "relief", "justice", "freedom", "independence", "rallies",
     "protests", "marches", "vigils", "demonstrations", "call", "calls", "shout", "chant"}
)  # fmt: skip
# Last words of names that hold a place's name without being at it.
_NAME_ENDS = frozenset(
    {"times", "post", "news", "herald", "tribune", "journal", "gazette", "chronicle",
     "telegraph", "observer", "guardian", "courier", "examiner", "inquirer", "register",
     "daily", "sun", "star", "globe", "mail", "record", "review", "bee", "citizen",
     "church", "cathedral", "chapel", "basilica", "abbey", "parish"}
)  # fmt: skip
_NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"})
# Dependencies that make a country a side of the event: subject, object, possessor.
_SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "iobj"})
# Prepositions whose object is a side: the agent, a partner, an addressee.
_SIDE_PREPS = frozenset({"by", "with", "between"})


# Opening and closing quotation marks; a straight double quote opens and closes.
_OPENS = "\u201c\u201e"
_CLOSES = "\u201d"
_STRAIGHT = '"'
# A quotation of at most this many words and no sentence's end mark is a name or a term.
_TERM_WORDS = 3


def quotations(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of ``text`` as (start, end) offsets, marks included. A
    quotation left open runs to the end of its paragraph (a quote over several
    paragraphs opens each of them and closes only the last)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for i, char in enumerate(paragraph):
            if opened is None and (char in _OPENS or char == _STRAIGHT):
                opened = i
            elif opened is not None and (char in _CLOSES or char == _STRAIGHT):
                if _spoken(paragraph[opened + 1 : i]):
                    spans.append((start + opened, start + i + 1))
                opened = None
        if opened is not None:
            spans.append((start + opened, start + len(paragraph)))
        start += len(paragraph) + 1
    return spans


def _spoken(quoted: str) -> bool:
    """Whether quoted words are speech, not a name or a term set off by quotation marks
    (the so-called "San Marco Four", a "Paris" model): a sentence's end mark inside, or
    more than three words."""
    words = quoted.split()
    return len(words) > _TERM_WORDS or quoted.rstrip()[-1:] in (".", ",", "!", "?", ":")


def quotation_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quoted stretch of ``spans`` that holds ``offset``, if any."""
    return next((span for span in spans if span[0] < offset < span[1]), None)


def _root(doc: Document, place: Place) -> Any | None:
    if doc.spacy_doc is None:
        return None
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(3):  # "Atlanta, Georgia": climb from the qualifier to its town
        if token.dep_ in ("appos", "npadvmod") and token.head.i != token.i:
            token = token.head
            continue
        break
    return token


def off_scene(doc: Document, place: Place) -> bool:
    """Whether a toponym names a path's end, a topic or cause, or is a word of another
    name (see the module docstring): no event happens there for saying so."""
    token = _root(doc, place)
    if token is None:
        return False
    if _in_other_name(token):
        return True
    if token.dep_ == "compound" and token.head.lower_ in _NAME_ENDS:
        return True  # "the Toledo Courier" parsed as a compound
    if token.dep_ != "pobj":
        return False
    prep = token.head
    word = prep.lower_
    owner = prep.head
    lemma = owner.lemma_.lower()
    if word in _TOPIC_PREPS:
        return True
    if word == "for" and (lemma in _CAUSE_NOUNS or owner.lower_ in ("bound", "headed")):
        return True
    if word == "from" and lemma not in _DISTANCE_WORDS and owner.pos_ in ("VERB", "AUX", "NOUN"):
        return True  # where someone or something came from ("fled from", "troops from")
    if word in _PATH_PREPS:
        if lemma in _MOTION or owner.lower_ in _MOTION:
            return True
        if word == "to" and (lemma in _OFFICE_NOUNS or owner.lower_ in _OFFICE_NOUNS):
            return True
    if word == "in" and owner.dep_ == "pobj" and owner.head.lower_ in ("to", "into"):
        # "taken to a hospital in Jacksonville": where someone was taken
        carrier = owner.head.head
        return carrier.lemma_.lower() in _MOTION or carrier.lower_ in _MOTION
    return False


def speaking_body(doc: Document, place: Place) -> bool:
    """Whether a first-level region names the body that tells its sentence ("..., the
    Tennessee Bureau of Investigation said", "Kentucky State Police said") in an article
    that names a town inside it: the body's reach, no scene of the deeds the sentence
    tells (not "the Mississippi Bureau of Investigation said" in a Memphis story)."""
    if place.precision is not Precision.ADMIN1:
        return False
    token = _root(doc, place)
    return token is not None and _names_speaking_body(token) and _town_inside(doc, place)


def _town_inside(doc: Document, region: Place) -> bool:
    """Whether the article names a town inside the first-level ``region``."""
    return any(
        p.precision is Precision.POINT
        and p.country_code == region.country_code
        and p.admin1 is not None
        and p.admin1 == region.admin1
        for p in doc.places
    )


def _names_speaking_body(token: Any) -> bool:
    """Whether a name is a word of the name of a body that is the subject of a verb of
    telling ("the Tennessee Bureau of Investigation said", "Kentucky State Police said")."""
    for _ in range(3):
        if token.dep_ not in ("compound", "nmod", "poss") or token.head.i == token.i:
            return False
        token = token.head
        if token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN"):
            return token.head.lemma_.lower() in _TELLING_LEMMAS
    return False


def stray_quarter(doc: Document, place: Place, places: list[Place]) -> bool:
    """Whether a toponym names a town's quarter ("the Hilltop neighborhood", "the
    Belair-Edison neighborhood of Baltimore") but lies more than 50 km from every other
    town or county the article names: a namesake read for the quarter, no scene."""
    lat, lon = place.lat, place.lon
    if place.precision is not Precision.POINT or lat is None or lon is None:
        return False
    after = doc.text[place.end : place.end + 20].split()
    if not after or after[0].lower().strip(",.") not in _QUARTER_NOUNS:
        return False
    towns = [
        (p.lat, p.lon) for p in places
        if p.name != place.name and p.lat is not None and p.lon is not None
        and p.precision in (Precision.POINT, Precision.ADMIN2)
    ]  # fmt: skip
    if not towns:
        return False
    return all(haversine_km(lat, lon, t_lat, t_lon) > _QUARTER_KM for t_lat, t_lon in towns)


def destination(doc: Document, place: Place) -> bool:
    """Whether a toponym is where someone went ("flew to Ankara", "travelled into
    Syria"): no scene of the going, but of a meeting held on arrival ("flew to Ankara
    for talks")."""
    token = _root(doc, place)
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in ("to", "into"):
        return False
    owner = token.head.head
    return bool(owner.lemma_.lower() in _MOTION or owner.lower_ in _MOTION)


def _in_other_name(token: Any) -> bool:
    """Whether the token is a word inside a longer name that ends in a newspaper's or a
    church's word, or begins with "Operation"."""
    if token.ent_type_ not in _NAME_LABELS:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None or len(ent) < 2:
        return False
    words = [t for t in ent if not t.is_punct]
    if not words:
        return False
    if words[-1].lower_ in _NAME_ENDS and words[-1].i != token.i:
        return True
    return bool(words[0].lower_ == "operation" and words[0].i != token.i)


def participant(doc: Document, place: Place, physical: bool = False) -> bool:
    """Whether a country's name is a side of an event in its sentence (its subject, object
    or possessor, or the object of "by", "with", "between"), not where it
    happened: "Turkey mediated the talks", "a call with Russia". A physical event's
    direct object stays its place ("invaded Ukraine") when ``physical``."""
    if place.precision is not Precision.COUNTRY:
        return False
    token = _root(doc, place)
    if token is None:
        return False
    for _ in range(2):  # "Russia and Turkey": the second conjunct shares the first's role
        if token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            continue
        break
    if token.dep_ in _SIDE_DEPS:
        return not (physical and token.dep_ == "dobj")
    return token.dep_ == "pobj" and token.head.lower_ in _SIDE_PREPS


# How a statement's verb holds what it is about: its object, its clause, its complement.
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative"})
_MAX_CLIMB = 8


def statements(doc: Document, event: Event, verbal: frozenset[str]) -> set[int]:
    """The token indices of the triggers of the other events of the event's sentence
    whose types (``verbal``) are told in words."""
    found: set[int] = set()
    if doc.spacy_doc is None:
        return found
    for other in doc.events:
        start = other.trigger_start
        if other.type not in verbal or start is None or start == event.trigger_start:
            continue
        if not event.start <= start < event.end:
            continue
        end = other.trigger_end or start + 1
        span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.add(span.root.i)
    return found


def told_of(doc: Document, place: Place, statements: set[int], own: int | None) -> bool:
    """Whether a toponym lies in what a statement says or judges: climbing from it, the
    first verb of ``statements`` (token indices of the sentence's events told in words)
    is reached through its object or clause, before the event's own trigger ``own``."""
    token = _root(doc, place)
    if token is None or not statements:
        return False
    for _ in range(_MAX_CLIMB):
        head = token.head
        if head.i == token.i or head.i == own:
            return False
        if head.i in statements:
            return token.dep_ in _CONTENT_DEPS
        token = head
    return False


def definite_noun(doc: Document, event: Event) -> bool:
    """Whether the event is told by a noun with "the" ("the attack", "the shooting"): a
    reference back to an event told before, not a new one."""
    trigger = trigger_root(doc.spacy_doc, event)
    if trigger is None or trigger.pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children)


def antecedent(doc: Document, event: Event) -> Event | None:
    """The event a definite noun refers back to ("the attack", "the shooting"): the
    nearest placed event of its type in an earlier sentence."""
    if not definite_noun(doc, event):
        return None
    earlier = [
        e for e in doc.events
        if e.type == event.type and e.end <= event.start and e.place is not None
    ]  # fmt: skip
    return max(earlier, key=lambda e: e.start, default=None)


def unsaid(places: list[Place], quotes: list[tuple[int, int]], anchor: int | None) -> list[Place]:
    """The places not inside a quotation, but for those inside the one that holds
    ``anchor`` (an event told in the same quotation)."""
    here = quotation_at(quotes, anchor) if anchor is not None else None
    return [p for p in places if quotation_at(quotes, p.start) in (None, here)]
