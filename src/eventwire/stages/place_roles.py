"""What a toponym tells besides where an event happened: a word of a person's name
("Clarence Washington", "Kaya, the gunman"), of a street's ("85 Saint John St."),
a person's home town, birthplace or base
("Mark Jones, 34, of Atlanta", "born in Homs", "a London-based firm"), an office held
("Ohio Senator Jane Holt"), or a nationality ("U.S. officials", "Turkey's state news
agency"); and whether a toponym hangs on an event's own verb, by a locative
preposition the verb governs ("agreed in Ankara") or as its object ("shelled
Stepanakert"): ``governs``, ``is_object_of``, ``attached``. Used by the places stage to
choose an event's place (``stages/places.py``, ``stages/place_speech.py``).
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.gazetteer.mentions import LOCATIVE_PREPS, STRONG_LOCATIVE_PREPS
from eventwire.model import Document, Place, Precision

__all__ = [
    "attached",
    "governs",
    "home_town",
    "in_a_name",
    "is_object_of",
    "locative_head",
    "surnames",
]  # fmt: skip

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
# Titles a place's name may qualify before a person's name ("Ohio Senator Jane Holt",
# "Quebec Health Minister Marc Tremblay", "Texas Attorney General Sam Ortiz"): the
# place says what the person holds, not where anything happens.
_TITLE_AFTER_PLACE = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}?(?:Senator|Sen\.|Governor|Gov\.|Minister|Premier|"
    r"President|Congressman|Congresswoman|Rep\.|Representative|Lawmaker|Legislator|"
    r"Assemblyman|Assemblywoman|Secretary|Chancellor|Attorney General|Lieutenant Governor)"
    r"\s+(?:of\s+[A-Z][a-z]+\s+)?[A-Z][a-z]"
)
# An apposition that makes a lone name a person's ("Smithfield, the gunman, fired").
_PERSON_APPOSITION = re.compile(
    r", (?:the|a|an) (?:[a-z]+ )?(?:gunman|shooter|attacker|assailant|suspect|victim|"
    r"driver|man|woman|boy|girl|teen|teenager)\b"
)
# Verbs whose "in" gives where a person was born or lives ("born in Homs").
_HOME_VERBS = frozenset({"bear", "born", "raise", "grow", "live", "reside", "hail"})


def locative_head(doc: Document, place: Place) -> Any | None:
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


def governs(trigger: Any, prep: Any) -> bool:
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


def is_object_of(doc: Document, place: Place, trigger: Any) -> bool:
    """True when the place is the trigger's direct object ("shelled Stepanakert")."""
    span = doc.spacy_doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head == trigger


def attached(doc: Document, place: Place, trigger: Any) -> bool:
    """Whether a toponym hangs on the trigger: by a locative preposition the trigger (or
    a word just above it) governs ("agreed in Ankara"), or as its object ("shelled
    Stepanakert")."""
    prep = locative_head(doc, place)
    return (prep is not None and governs(trigger, prep)) or is_object_of(doc, place, trigger)


def surnames(doc: Document) -> frozenset[str]:
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
    for ent in doc.spacy_doc.ents:
        if len(ent) == 1 and _PERSON_APPOSITION.match(doc.text, ent.end_char):
            words.add(ent.text)  # "Kaya, the gunman, fired": a person
    return frozenset(words)


def in_a_name(doc: Document, place: Place, surnames: frozenset[str]) -> bool:
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
    if len(span) == 1 and span.text in surnames and locative_head(doc, place) is None:
        return True
    if _aged(span):
        return True  # "Dana Wilmington, 25, of Macon"
    after = doc.spacy_doc[span.end] if span.end < len(doc.spacy_doc) else None
    return after is not None and after.lower_.rstrip(".") in _STREET_WORDS


def home_town(doc: Document, place: Place) -> bool:
    """Whether a toponym only tells where a person is from: "of" or "from" after a name,
    an age or a person's noun ("Mark Jones, 34, of Atlanta, Georgia", "a woman from
    Aleppo"), a person's noun it qualifies ("the Atlanta man", "a Bibb County resident"),
    or "born in", "lives in" ("born in Homs"), or a base ("a London-based firm"); a
    country's name before a noun ("a U.S. citizen") is a nationality.
    Nothing happens there for saying so."""
    if re.match(r"-(?:based|born|raised)\b", doc.text[place.end : place.end + 8]):
        return True  # "a Washington-based firm", "his London-based company"
    if _TITLE_AFTER_PLACE.match(doc.text, place.end):
        return True  # "Ohio Senator Jane Holt": the office, not a place of events
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
