"""Sectors for parties the text names without one, and the court of a passive sentence.

The words of a phrase (``coding.actors``) give no sector to a firm known by its name
only ("Starbucks agreed", "United says it apologized"), to a private person named
without a title ("Smith admitted stabbing"), or to a crowd named by a plain word for
people ("more than 1,000 people gathered"). By the kind of phrase and the event:

- an organisation named as such (a spaCy ORG entity) that the organisation list does
  not know is a business (BUS): states, parties, unions, schools and armed groups are
  told by their own words or the list;
- a person named without a title, and a plain word for people ("a man", "people"), is
  a civilian (CVL) when they take part in a protest, a crime or its prosecution
  (PROTEST, ASSAULT, THREATEN, COERCE, SANCTION, ACCUSE): the people who act in other
  events without a title are as often officials whose title the article gave elsewhere;
- a sentence, conviction or acquittal with no stated agent ("was sentenced to five
  years", "were convicted of affray") is the court's (JUD).

Each is marked ``inferred`` (the text does not say the sector), and the
``actor_countries`` stage gives it the country of the event's place or the article's.

``person_sector`` (run by the ``agents`` stage, on every event's two sides) tells a
private person by the kind of phrase, whatever the event: a side left without a sector
after the actors stage has followed every reference (titles given elsewhere, "he" for a
titled official) is a civilian (CVL) when it is

- a person's name with no title or role of any kind ("Jane Doe met ...", "Smith said"),
  also when a nationality or a home town gave it a country;
- a plain word for a person ("a man", "the woman", "the suspect", "a 34-year-old") or
  a nationality noun for one ("a New Zealander"), with or without a country;
- "he", "she", "him" or "her" that the references did not tie to a titled person or a
  body (it stands for an untitled one);
- "they" or "them" undergoing an arrest, a charge, a sentence, an attack or a release.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from eventwire import knowledge
from eventwire.coding import group_sectors
from eventwire.coding.attacker_reach import within_reach
from eventwire.model import Actor, Event
from eventwire.timex.tense import trigger_root

# Event types in which a person named without a title is a private person.
_CIVILIAN_TYPES = frozenset({"PROTEST", "ASSAULT", "THREATEN", "COERCE", "SANCTION", "ACCUSE"})
# Verbs and nouns of a court's decision on a defendant.
_COURT_LEMMAS = frozenset(
    {"sentence", "convict", "acquit", "jail", "imprison", "conviction", "acquittal"}
)
_ORG_ENTITIES = frozenset({"ORG"})
_PERSON_ENTITIES = frozenset({"PERSON"})
_NAME_ENTITIES = frozenset({"PERSON", ""})
# Types of an attack on a victim, and the sectors of people named as attackers.
_ATTACK_TYPES = frozenset({"ASSAULT", "COERCE"})
_ATTACKER_SECTORS = frozenset({"UAF", "CRM"})
# Words that make a named organisation an institution of some other kind (a hospital,
# a school, a council, a club): its sector is not known, but it is no firm.
_INSTITUTION_WORDS = frozenset(
    {"center", "centre", "institute", "university", "college", "school", "hospital",
     "clinic", "council", "committee", "commission", "association", "foundation",
     "society", "board", "agency", "office", "department", "party", "league",
     "federation", "club", "church", "museum", "library", "academy", "network",
     "coalition", "alliance", "movement", "front", "assembly", "senate", "house",
     "court", "service", "services", "authority", "fund", "trust", "union", "bureau",
     "ministry", "police", "army", "force", "forces", "team", "organization",
     "organisation", "forum", "conference", "summit"}
)  # fmt: skip
# A place that acts stands for its government ("Alberta announced", "the city appealed").
_PLACE_ENTITIES = frozenset({"GPE"})
_LOCAL_STATE_WORDS = frozenset(
    {"city", "town", "province", "state", "county", "municipality", "region", "village"}
)
_UNION_WORDS = frozenset({"union", "unions"})


# Pronouns that stand for one person, and for several.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
# Types in which "they" undergoing the event are private people (arrested, charged,
# sentenced, attacked, released).
_UNDERGOER_TYPES = _CIVILIAN_TYPES | frozenset({"RETREAT"})
# Entity types of a proper name that is no person.
_NOT_PERSON_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT"})
_NATIONALITY_ENTITIES = frozenset({"NORP"})
# What the small model may read a surname as, when the article gives the full name.
_SURNAME_ENTITIES = frozenset({"", "GPE", "ORG"})
# How a role word hangs on a name ("figure skater X", "X, a native of Y", "former X").
_ROLE_DEPS = frozenset({"compound", "appos", "amod"})
# Words before a name that give no office.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "sir", "dame", "lady"})
# Roles that lead a body of any kind: the person's sector is the body's.
_LEADING_ROLES = frozenset(
    {"leader", "head", "chief", "director", "founder", "chairman", "chairwoman", "chair",
     "boss", "dictator", "ruler", "commander", "executive", "ceo", "owner", "manager",
     "superintendent", "principal", "president", "secretary", "spokesperson"}
)  # fmt: skip
_AGE = re.compile(r"\d+-(?:year|month)s?-old$", re.IGNORECASE)


def _root(spacy_doc: Any, actor: Actor) -> Any | None:
    if spacy_doc is None or actor.start is None or actor.end is None:
        return None
    span = spacy_doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None


def _is_people_word(token: Any) -> bool:
    """Whether ``token`` is a plain word for people that tells no sector ("people",
    "a man", "men")."""
    if token.pos_ != "NOUN":
        return False
    term = knowledge.sector_terms().lookup(token.lower_)
    return term is not None and not term.sector and term.kind == "noun"


def _with_people(token: Any) -> bool:
    """Whether ``token`` is joined by "and" to a person's name ("Kilic and Abubakr",
    where the small model often reads the second name as an organisation)."""
    joined = [*(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "conj":
        joined.append(token.head)
    return any(t.ent_type_ in _PERSON_ENTITIES for t in joined)


def _is_named_person(token: Any) -> bool:
    """Whether ``token`` is a proper name read as a person's, or as no entity at all,
    or as an organisation joined to a person's name."""
    if token.pos_ != "PROPN":
        return False
    return (
        token.ent_type_ in _PERSON_ENTITIES
        or token.ent_type_ == ""
        or _with_people(token)
        or (token.ent_type_ in _ORG_ENTITIES and _is_surname(token.text, token.doc))
    )


def _is_surname(text: str, spacy_doc: Any) -> bool:
    """Whether ``text`` ends a person's full name elsewhere in the article
    ("Habibzade" after "Taleh Habibzade"), which the small model may read as an ORG:
    it follows another proper name, and neither is read as a place or an organisation."""
    return any(
        t.text == text
        and t.i > 0
        and t.ent_type_ in _NAME_ENTITIES
        and spacy_doc[t.i - 1].pos_ == "PROPN"
        and spacy_doc[t.i - 1].ent_type_ in _NAME_ENTITIES
        for t in spacy_doc
    )


def _has_title(token: Any) -> bool:
    """Whether a name comes with a common noun ("former dictator Idi Amin"): a role
    the lexicon does not know, so not plainly a private person."""
    return any(t.pos_ == "NOUN" for t in token.subtree if t.dep_ in ("compound", "appos", "amod"))


def _unknown_organisation(token: Any) -> bool:
    """Whether ``token`` heads an ORG entity of its own (not a person's or a place's
    name) that the organisation list does not know."""
    if token.ent_type_ not in _ORG_ENTITIES or token.pos_ != "PROPN" or _with_people(token):
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None:
        return False
    if any(t.lower_ in _INSTITUTION_WORDS for t in entity):
        return False
    if any(t.lower_ in _INSTITUTION_WORDS for t in _acronym_expansion(entity.text, token.doc)):
        return False  # "the DMV" after "the Department of Motor Vehicles (DMV)"
    if _is_surname(entity.text, token.doc):
        return False
    if any(t.text in ("(", ")") for t in token.doc[max(0, entity.start - 1) : entity.end + 1]):
        return False  # "(WBKO)": a broadcaster's call sign in a dateline, an acronym
    if knowledge.organizations().lookup(entity.text) is not None:
        return False
    return not _is_place_name(entity.text)


_MAX_EXPANSION = 8


def _spelled_out_sector(token: Any) -> str | None:
    """The sector of the body an acronym stands for, told by a sector noun of its
    spelled-out name ("Department" of "Department of Motor Vehicles (DMV)": GOV)."""
    if token.pos_ != "PROPN":
        return None
    terms = knowledge.sector_terms()
    for word in _acronym_expansion(token.text, token.doc):
        term = terms.lookup(word.lower_)
        if term is not None and term.sector and term.kind == "noun":
            return term.sector
    return None


def _acronym_expansion(text: str, spacy_doc: Any) -> list[Any]:
    """The words an acronym stands for where the article spells it out ("Department of
    Motor Vehicles (DMV)"): the words before its first mention in parentheses, back to
    the start of the name (at most eight, none across punctuation or a verb)."""
    name = text.removeprefix("the ").strip()
    if not (2 <= len(name) <= 8 and name.isupper() and name.isalpha()):
        return []
    for token in spacy_doc:
        if token.text != name or token.i < 2 or token.nbor(-1).text != "(":
            continue
        words: list[Any] = []
        for before in reversed(spacy_doc[max(0, token.i - 1 - _MAX_EXPANSION) : token.i - 1]):
            if before.is_punct or before.pos_ in ("VERB", "AUX"):
                break
            words.append(before)
        return words
    return []


def _is_place_name(text: str) -> bool:
    """Whether ``text`` is a country's or a place's name (the small model reads some
    as organisations: "Khatmandu", "war-torn Mozambique")."""
    from eventwire.gazetteer import Gazetteer  # the gazetteer opens lazily, once

    countries = knowledge.countries()
    if countries.lookup_name(text) or countries.lookup_capital(text):
        return True
    return bool(Gazetteer.load().candidates(text))


def _is_local_state(token: Any) -> bool:
    """Whether ``token`` names a town, region or province as such: a place name
    ("Alberta", "Kayseri") or a plain word for one ("the city", "the province")."""
    if token.ent_type_ in _PLACE_ENTITIES and token.pos_ == "PROPN":
        return not _with_people(token)  # "Bozkina and Glowacki": a misread name
    return (
        token.pos_ == "NOUN"
        and token.lower_ in _LOCAL_STATE_WORDS
        and not any(c.dep_ in ("compound", "amod") for c in token.children)
    )


def default_sector(
    spacy_doc: Any, event: Event, actor: Actor | None, acting: bool = False
) -> Actor | None:
    """``actor`` with the sector its kind of phrase implies, when the words gave none;
    ``acting`` when it is the event's actor (a place that acts is its government)."""
    if actor is None or actor.sector is not None or actor.country in ("IGO", "NGO"):
        return actor
    root = _root(spacy_doc, actor)
    if root is None:
        return actor
    spelled = _spelled_out_sector(root)
    if spelled is not None:  # "the DMV" after "the Department of Motor Vehicles (DMV)"
        return replace(actor, sector=spelled, inferred=True)
    if _unknown_organisation(root):
        return replace(actor, sector="BUS", inferred=True)
    kind = _body_kind(root)
    if kind is not None:  # "the Tenants Association", "the Liberals", "a rescue group"
        return replace(actor, sector=kind, inferred=True)
    if _is_trade_union(root):
        return replace(actor, sector="LAB", inferred=True)
    if acting and event.type != "ASSAULT" and _is_local_state(root):
        return replace(actor, sector="GOV", inferred=True)
    if event.type not in _CIVILIAN_TYPES:
        return actor
    if _is_named_person(root) and actor.country is None and not _has_title(root):
        return replace(actor, sector="CVL", inferred=True)
    if _is_people_word(root):
        return replace(actor, sector="CVL", inferred=True)
    return actor


def _body_kind(token: Any) -> str | None:
    """The sector a body's kind of name or noun tells (``coding.group_sectors``): a
    named body the lists do not know, a party named by its members, a plain word for a
    group with a modifier, an attacker named by the attack."""
    if group_sectors.party_members(token):
        return "PTY"
    if token.ent_type_ in _ORG_ENTITIES and token.pos_ == "PROPN" and not _with_people(token):
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if (
            entity is not None
            and knowledge.organizations().lookup(entity.text) is None
            and not _is_surname(entity.text, token.doc)
        ):
            return group_sectors.name_sector(entity)
    return group_sectors.group_sector(token) or group_sectors.attacker_sector(token)


def _is_trade_union(token: Any) -> bool:
    """Whether ``token`` is "union" as a plain noun ("the union", "the Unite union",
    "their union"), not part of a name ("the Homeland Union", "the European Union")."""
    return token.lower_ in _UNION_WORDS and token.text.islower() and token.pos_ == "NOUN"


def _trigger_lemma(spacy_doc: Any, event: Event) -> str | None:
    trigger = trigger_root(spacy_doc, event)
    return None if trigger is None else str(trigger.lemma_).lower()


def _is_attacker(spacy_doc: Any, actor: Actor) -> bool:
    """Whether ``actor`` is named as attackers: "the gunmen", "her captors", "the
    assailant" (an attacker word of the sector lexicon, or an armed or criminal group)."""
    root = _root(spacy_doc, actor)
    if root is None or root.pos_ not in ("NOUN", "PROPN"):
        return False
    term = knowledge.sector_terms().lookup(root.lower_)
    return term is not None and (term.kind == "attacker" or term.sector in _ATTACKER_SECTORS)


def named_attacker(spacy_doc: Any, actors: list[Actor], event: Event) -> Actor | None:
    """The attackers the article names elsewhere, as the actor of an attack on someone
    that names none ("she was abducted" after "her captors"; "he was shot dead" in a
    story of "the gunmen"): the mention nearest the event, before it if there is one,
    within the telling of its incident (``attacker_reach``). None when the victim is
    itself named as an attacker ("the assailant was killed")."""
    if event.actor is not None or event.type not in _ATTACK_TYPES or event.recipient is None:
        return None
    if _is_attacker(spacy_doc, event.recipient):
        return None
    found = [a for a in actors if a.start is not None and _is_attacker(spacy_doc, a)]
    found = within_reach(spacy_doc, found, event.trigger_start or event.start)
    if not found:
        return None
    before = [a for a in found if (a.start or 0) < event.end]
    if before:
        return max(before, key=lambda a: a.start or 0)
    return min(found, key=lambda a: a.start or 0)


def court_of(spacy_doc: Any, event: Event) -> Actor | None:
    """The court as the actor of a sentence or conviction that names no agent."""
    if event.actor is not None or event.type != "SANCTION":
        return None
    if _trigger_lemma(spacy_doc, event) not in _COURT_LEMMAS:
        return None
    return Actor(text="the court", sector="JUD", inferred=True)


def is_age_noun(token: Any) -> bool:
    """Whether ``token`` ends an age that stands for a person ("the 34-year-old", which
    the parser reads as an adjective)."""
    if _AGE.fullmatch(token.text):
        return True
    if token.lower_ != "old":
        return False
    words = "".join(t.text for t in token.doc[max(0, token.i - 4) : token.i + 1])
    return _AGE.search(words) is not None


def _is_nationality_noun(token: Any) -> bool:
    """Whether ``token`` is a noun for one person of a nation ("a New Zealander", "the
    Frenchman"): a nationality entity that heads its phrase as a noun."""
    if token.ent_type_ not in _NATIONALITY_ENTITIES or token.pos_ not in ("NOUN", "PROPN"):
        return False
    countries = knowledge.countries()
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    text = entity.text if entity is not None else token.text
    return countries.lookup_demonym(text) is not None and token.tag_ in ("NN", "NNP")


def _is_people_of_nation(token: Any) -> bool:
    """Whether ``token`` names people by their nation or their people, in the plural
    ("Kurds", "thousands of Iraqi Kurds", "ethnic Albanians"). The caller makes them
    private people only in the events of ``_CIVILIAN_TYPES`` (protests, attacks,
    threats, coercion, sanctions, accusations); in talks "the Russians" may be their
    government. (A group word with a sector of its own, "Christians", has it already.)"""
    people = [token, *(o for p in token.children if p.lower_ == "of" for o in p.children)]
    return any(
        t.ent_type_ in _NATIONALITY_ENTITIES
        and t.tag_ in ("NNS", "NNPS")
        and not group_sectors.party_members(t)  # "the Liberals": a party
        for t in people
    )


def _is_untitled_person(token: Any, event: Event) -> bool:
    """Whether ``token`` is a person's name with no official role: read as a person by
    the parser (in other events than crimes and protests, only when the article gives
    the full name), or a name of no entity type that ends a full name elsewhere in the
    article ("Gulen" after "Fethullah Gulen", also when read as a place or an
    organisation), in any event; in a crime or a protest, any name of no entity type."""
    if token.pos_ != "PROPN" or _has_official_role(token):
        return False
    countries = knowledge.countries()
    if countries.lookup_name(token.text) or countries.lookup_capital(token.text):
        return False  # the small model reads some country names as people
    if event.type in _CIVILIAN_TYPES and token.ent_type_ in _PERSON_ENTITIES:
        return True
    if token.ent_type_ in _PERSON_ENTITIES and _full_name(token):
        return True  # not "Putin": the famous are named by their surname alone
    if token.ent_type_ in _SURNAME_ENTITIES and _is_surname(token.text, token.doc):
        return True  # "Brunson" read as a place after "Andrew Brunson"
    if token.ent_type_ in _NOT_PERSON_ENTITIES or _is_place_name(token.text):
        return False
    return event.type in _CIVILIAN_TYPES and _is_named_person(token)


def _full_name(token: Any) -> bool:
    """Whether the article gives the person at ``token`` a full name, here ("Jane Doe")
    or elsewhere ("Doe" after "Jane Doe")."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None and len(entity) > 1:
        return True
    return _is_surname(token.text, token.doc)


def _has_official_role(token: Any) -> bool:
    """Whether a name comes with a role that may be an office: a title word the sector
    lexicon knows, one that leads a body ("leader", "director", "former dictator"), or
    one in a body ("counsel of the ACLJ", "the group's lawyer"). A role the lexicon does
    not know and that names no body ("figure skater X", "X, a Texas native") is a
    private person's."""
    terms = knowledge.sector_terms()
    for word in token.subtree:
        if word.dep_ not in _ROLE_DEPS or word.pos_ != "NOUN" or word.i == token.i:
            continue
        if word.lemma_.lower() in _LEADING_ROLES or word.lower_ in _LEADING_ROLES:
            return True
        if terms.lookup(word.lower_) is not None or terms.lookup(word.lemma_.lower()):
            return True
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in word.children):
            return True
    return any(_is_title_word(word) for word in token.children if word.i < token.i)


def _is_title_word(word: Any) -> bool:
    """Whether a proper word before a name, outside it, is a title ("Sheikh Hamad",
    "Lt. Gen. Prosper Avril"): not an honorific ("Mr", "Dr"), a place or a nationality."""
    if word.dep_ != "compound" or word.pos_ != "PROPN" or word.ent_type_:
        return False
    return word.lower_.rstrip(".") not in _HONORIFICS


def person_sector(
    spacy_doc: Any, event: Event, actor: Actor | None, undergoer: bool = False
) -> Actor | None:
    """``actor`` as a private person (CVL, inferred) when it has no sector and its phrase
    names a person with no title or role (see the module docstring); ``undergoer`` when
    it is the event's recipient."""
    if actor is None or actor.sector is not None or actor.country in ("IGO", "NGO"):
        return actor
    root = _root(spacy_doc, actor)
    if root is None:
        return actor
    word = root.lower_
    if root.pos_ == "PRON":
        person = word in _PERSON_PRONOUNS or (
            undergoer and word in _GROUP_PRONOUNS and event.type in _UNDERGOER_TYPES
        )
    else:
        person = (
            _is_people_word(root)
            or is_age_noun(root)
            or _is_nationality_noun(root)
            or (event.type in _CIVILIAN_TYPES and _is_people_of_nation(root))
            or _is_untitled_person(root, event)
        )
    return replace(actor, sector="CVL", inferred=True) if person else actor
