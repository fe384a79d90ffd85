"""Code one noun phrase as an actor: country (ISO alpha-3 or IGO/NGO) + PLOVER sector.

The evidence is the words of the phrase only: country names and aliases, demonyms
("a Serbian police officer"), possessives ("Armenia's prime minister"), capitals and
government seats standing for governments ("Baku said"), known organisations (UN,
ICRC, Hamas), and sector nouns and titles ("police officer" -> COP). Reference across
sentences (titles remembered for people, "the officer", "he") is the actors stage's job.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire import knowledge
from eventwire.coding import phrase_words
from eventwire.coding.body_titles import body_post_sector
from eventwire.coding.datelines import is_dateline
from eventwire.coding.office_sectors import leads_state, out_of_office
from eventwire.coding.parsed_text import text_between
from eventwire.gazetteer.names import is_compass_word
from eventwire.model import Actor

# Dependency labels whose subtrees belong to the phrase of their head.
_PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "appos", "flat",
     "quantmod", "predet", "prt", "advmod"}
)  # fmt: skip
_PHRASE_PREPS = frozenset({"of", "from"})
# Prepositional phrases that belong to the extent of the phrase (its text) but not to
# what codes it: "a military base in Borno State" is coded from "a military base".
_EXTENT_PREPS = frozenset({"in", "near", "outside"})
_EXTENT_PLACES = frozenset({"GPE", "LOC", "FAC"})
_EXTENT_STOPS = frozenset({",", ";", "(", ")", '"', "--"})
# What a participle that is really a main verb has ("called the president", "said").
_CLAUSE_DEPS = frozenset({"dobj", "ccomp", "xcomp", "nsubj", "dative", "oprd", "advcl"})
# The longest agent or participle phrase an extent takes (in tokens).
_MAX_DESCRIPTION = 12
_NOT_ACTOR_ENTITIES = frozenset({"DATE", "TIME"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC"})
_STRONG_PLACES = frozenset({"PPLC", "ADM1", "PCLI"})
_BIG_CITY = 100_000
_MAX_NGRAM = 5
# Prepositions that place a phrase's people in a state ("rebels in the Ivory Coast",
# "students throughout Indonesia"): the state is their country when nothing else says.
_LOCATED_PREPS = frozenset({"in", "throughout", "across", "inside"})
# Nouns that count the people of their "of" ("thousands of Kenyans").
_QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "score", "group"})
# Words before a demonym that make it an ethnicity or a stance, not the phrase's
# country ("ethnic Albanians in Serbia", "the pro-Iranian group").
_NOT_NATIONALITY = frozenset({"ethnic", "pro", "anti"})
_SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "declare", "state", "claim", "insist", "add", "report",
     "confirm", "warn", "believe", "argue", "stress", "acknowledge", "admit", "deny"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PhraseCode:
    """What the words of one phrase say about its actor."""

    actor: Actor
    head_lemma: str
    person: str | None  # a person's name in the phrase, if any
    country_only: bool  # the phrase is just a country, capital or seat name
    plural: bool
    sector_kind: str | None  # "title", "noun", ... from the sector lexicon


def phrase_tokens(head: Any) -> list[Any]:
    """The tokens of the noun phrase headed by ``head``: its modifiers, appositions and
    "of"/"from" complements, but not relative clauses or other prepositional phrases."""
    keep = {head.i: head}
    stack = [head]
    while stack:
        token = stack.pop()
        token_dep = token.dep_  # each attribute read once: a spaCy attribute is a call
        for child in token.children:
            entity = child.ent_type_
            if entity in _NOT_ACTOR_ENTITIES:
                continue  # "Han Zheng, Monday, Sept. 18": dates are not part of the actor
            if is_dateline(child):
                continue  # "NAIROBI - Thousands of people marched": the dateline
            dep = child.dep_
            if dep == "appos" and token.ent_type_ in _PLACE_ENTITIES and entity == "PERSON":
                continue  # "from Syria, Defence Minister Sergei Shoigu said": a misparse
            if (
                dep in _PHRASE_DEPS
                or (dep == "prep" and child.lower_ in _PHRASE_PREPS and _has_object(child))
                or (dep == "pobj" and token_dep == "prep")
                or _is_hyphen_part(child, token)
                or (dep == "prep" and token_dep == "amod" and token.i > head.i)
            ):
                keep[child.i] = child
                stack.append(child)
    doc = head.doc
    tokens = [keep[i] for i in sorted(keep)]
    # Trim punctuation at the edges ("(ICRC)", quotes).
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    # Keep a parenthesis whole: "the Red Cross (ICRC)".
    opened = sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)
    if opened > 0 and tokens[-1].i + 1 < len(doc) and doc[tokens[-1].i + 1].text == ")":
        tokens.append(doc[tokens[-1].i + 1])
    return tokens


def _has_object(prep: Any) -> bool:
    """Whether a preposition has a noun object ("the government of Iraq"), not a clause
    ("accused the council of violating the law": the charge, not the council)."""
    return any(child.dep_ == "pobj" for child in prep.children)


def _is_hyphen_part(child: Any, token: Any) -> bool:
    """Whether ``child`` is the first half of a hyphenated modifier ``token``
    ("U.S.-backed", "Iranian - backed"): the hyphen or the word before it."""
    if token.dep_ not in ("amod", "compound") or child.i >= token.i:
        return False
    if child.text == "-":
        return True
    doc = token.doc
    return bool(
        child.dep_ == "npadvmod" and child.i + 1 < len(doc) and doc[child.i + 1].text == "-"
    )


def phrase_extent(head: Any, tokens: list[Any]) -> list[Any]:
    """``tokens`` (the phrase of ``head``) with the phrases hanging on the head that
    name a place ("in", "near", "outside" + a name), its agent ("an attack by gunmen")
    or describe it with a participle ("missiles fired by the navy", "a bus carrying
    workers"), the way annotators mark a mention's full extent. The extent stays
    contiguous and stops at a comma."""
    end = tokens[-1].i
    for child in head.children:
        if child.i != end + 1:
            continue
        last = max(t.i for t in child.subtree)
        words = head.doc[child.i : last + 1]
        if any(t.text in _EXTENT_STOPS for t in words):
            break
        if child.dep_ == "prep" and child.lower_ in _EXTENT_PREPS:
            if any(t.dep_ in ("relcl", "acl") for t in words):
                break
            if not any(t.pos_ == "PROPN" or t.ent_type_ in _EXTENT_PLACES for t in words):
                break  # "the gunmen in reaction": no named place
        elif child.dep_ == "prep" and child.lower_ == "by":
            if not _has_object(child) or len(words) > _MAX_DESCRIPTION:
                break
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            if not _describes(child, words):
                break
        else:
            break
        end = last
    if end == tokens[-1].i:
        return tokens
    return tokens + list(head.doc[tokens[-1].i + 1 : end + 1])


def _describes(participle: Any, words: Any) -> bool:
    """Whether a past participle after a noun is a short description of it ("missiles
    fired by the navy", "fighters linked to the group"): no object or clause of its own
    (then it is a misparsed main verb: "the report called for sanctions") and no date."""
    if len(words) > _MAX_DESCRIPTION or participle.head.dep_ == "ROOT":
        return False
    if any(c.dep_ in _CLAUSE_DEPS for c in participle.children):
        return False
    return not any(t.dep_ == "relcl" or t.ent_type_ in _NOT_ACTOR_ENTITIES for t in words)


def ngrams(tokens: list[Any]) -> list[tuple[int, int, str]]:
    """(first index, last index, text) of every n-gram, longest first."""
    grams: list[tuple[int, int, str]] = []
    # Each token's attributes read once (a spaCy attribute is a call each time).
    pieces = [t.text + t.whitespace_ for t in tokens]
    punct = [t.is_punct for t in tokens]
    for n in range(min(_MAX_NGRAM, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            if punct[i] or punct[i + n - 1]:
                continue  # "Israeli-" of "Israeli-occupied" is not "Israeli"
            text = "".join(pieces[i : i + n]).strip()
            grams.append((i, i + n - 1, text))
    return grams


def _country_of_place_words(tokens: list[Any]) -> str | None:
    """The country of a well-known place named inside the phrase ("Kaduna State
    Governor", "Kharkiv officials"): a proper noun that is not part of a person's name
    and whose best gazetteer entry is a capital, a first-level region or a big city
    that no comparable namesake elsewhere contests. A state or province of several words
    ("South Carolina Governor", "a North Carolina native") is read whole before its
    words ("South" and "Carolina" name other places)."""
    from eventwire.gazetteer import Gazetteer  # the gazetteer opens lazily, once

    gazetteer = Gazetteer.load()
    known = _PLACE_WORD_COUNTRIES.setdefault(gazetteer, {})
    for run in _proper_runs(tokens):
        for size in range(min(len(run), _MAX_NGRAM), 0, -1):
            for first in range(len(run) - size + 1):
                word = " ".join(t.text for t in run[first : first + size])
                if size > 1 and not _is_region_name(gazetteer, word):
                    continue  # "Los Angeles police": read as before, word by word
                if word not in known:
                    if len(known) >= _MAX_REMEMBERED:
                        known.clear()  # a bound on memory over a long run
                    known[word] = _place_word_country(gazetteer, word)
                if known[word] is not None:
                    return known[word]
    return None


def _is_region_name(gazetteer: Any, words: str) -> bool:
    """Whether several words are the name of a state or province ("South Carolina")."""
    candidates = gazetteer.candidates(words)
    return bool(candidates) and candidates[0].feature_code == "ADM1"


def _proper_runs(tokens: list[Any]) -> list[list[Any]]:
    """The runs of adjacent proper nouns outside people's names."""
    runs: list[list[Any]] = []
    for token in tokens:
        if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


# The country each word names as a well-known place, by gazetteer (``_place_word_country``
# reads only the word and the gazetteer, so its answer is kept).
_PLACE_WORD_COUNTRIES: weakref.WeakKeyDictionary[Any, dict[str, str | None]] = (
    weakref.WeakKeyDictionary()
)
_MAX_REMEMBERED = 50_000


def _place_word_country(gazetteer: Any, word: str) -> str | None:
    """The country of the place ``word`` names when its best gazetteer entry is a
    capital, a first-level region or a big city with no comparable namesake elsewhere."""
    if is_compass_word(word):
        return None  # "The West condemned": no region of Cameroon
    candidates = gazetteer.candidates(word)
    if not candidates:
        return None
    best = candidates[0]
    strong = best.feature_code in _STRONG_PLACES or best.population >= _BIG_CITY
    rivals = [
        c
        for c in candidates[1:]
        if c.country_code != best.country_code and c.population * 5 > best.population
    ]
    if strong and not rivals and best.country_code:
        found = knowledge.countries().by_iso2(best.country_code)
        if found is not None:
            return found.iso3
    return None


def is_not_nationality(tokens: list[Any], first: int) -> bool:
    """Whether the country word at ``first`` names an ethnicity or a stance ("ethnic
    Albanians", "pro-Iranian", "anti - Syrian"), not the country of the phrase."""
    word = tokens[first].lower_
    if any(word.startswith(f"{w}-") for w in _NOT_NATIONALITY):
        return True
    before = [t.lower_ for t in tokens[max(0, first - 2) : first]]
    if before and before[-1] == "-":
        before = before[:-1]
    return bool(before) and before[-1] in _NOT_NATIONALITY


def _located_country(head: Any) -> str | None:
    """The country of the state or place a group of people is said to be in ("rebels
    in the Ivory Coast", "demonstrators in Baghdad", "students throughout Indonesia"),
    from the head or the group its "of" names ("thousands of students in ...")."""
    anchors = [head]
    anchors += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATED_PREPS:
                continue
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ in _PLACE_ENTITIES:
                    country = _place_country(phrase_tokens(place))
                    if country is not None:
                        return country
    return None


def _place_country(tokens: list[Any]) -> str | None:
    """The country a place phrase names: a country or capital in it ("south Serbia",
    "the Ivory Coast", "Baghdad") or a well-known place of one ("Kaduna State")."""
    countries = knowledge.countries()
    for _first, _last, text in ngrams(tokens):
        found = countries.lookup_name(text) or countries.lookup_capital(text)
        if found is not None:
            return found.iso3
    return _country_of_place_words(tokens)


def in_person_name(words: list[Any], kind: str) -> bool:
    """Whether a country or capital name is part of a person's name. spaCy's small
    model tags many bare country names as PERSON, so a country name counts only inside
    a longer PERSON entity ("Michael Jordan"); a capital inside any ("Senator Lima")."""
    if kind not in ("name", "capital") or any(w.ent_type_ != "PERSON" for w in words):
        return False
    if kind == "capital":
        return True
    doc = words[0].doc
    entity = next((e for e in doc.ents if e.start <= words[0].i < e.end), None)
    return entity is not None and (entity.end - entity.start) > len(words)


def is_part_of_group(token: Any) -> bool:
    """Whether a pronoun or number names part of a group given by its "of" phrase
    ("some of the peacekeepers", "four of the companies", "each of the providers")."""
    if token.pos_ not in ("PRON", "NUM", "DET", "ADJ"):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in child.children)
        for child in token.children
    )


def reported_speaker(pronoun: Any) -> Any | None:
    """The subject of the speech verb whose reported clause has ``pronoun`` as its
    subject ("Kenya said it would ...", "the rebels say they will ..."), or None."""
    clause = pronoun.head
    if pronoun.pos_ != "PRON" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SPEECH_VERBS:
        return None
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if not subjects or not _agrees(pronoun, subjects[0]):
        return None
    return subjects[0]


_PERSON_PRONOUNS = frozenset({"he", "she"})
# Nouns without a plural ending that take a plural verb ("police say", "people were"):
# "he" or "she" never stands for them.
PLURAL_NOUNS = frozenset({"police", "people", "personnel", "clergy"})
_GROUP_ENTITIES = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


def _agrees(pronoun: Any, speaker: Any) -> bool:
    """Whether ``pronoun`` can stand for ``speaker``: "he" or "she" for one person, not
    for a plural, a state, an organisation or a body ("police allege he held a woman":
    "he" is someone else)."""
    if pronoun.lower_ not in _PERSON_PRONOUNS:
        return True
    if speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ in _GROUP_ENTITIES:
        return False
    term = knowledge.sector_terms().lookup(speaker.lower_)
    return term is None or term.kind != "noun" or not term.sector


def actor_at(actors: Iterable[Actor], token: Any | None) -> Actor | None:
    """The coded actor whose phrase holds ``token`` (the smallest such phrase)."""
    if token is None:
        return None
    best: Actor | None = None
    for actor in actors:
        if actor.start is None or actor.end is None:
            continue
        if actor.start <= token.idx < actor.end and (
            best is None or (actor.end - actor.start) < (best.end or 0) - (best.start or 0)
        ):
            best = actor
    return best


def code_phrase(head: Any) -> PhraseCode:
    """Code the phrase headed by ``head`` (a spaCy token)."""
    tokens = phrase_tokens(head)
    if not tokens:
        tokens = [head]
    countries = knowledge.countries()
    lexicon = phrase_words.lookup()

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    sector_kind: str | None = None
    country_only = False
    capital = False  # a capital named in the phrase ("Moscow", "Kabul officials")
    covered: set[int] = set()
    sector_span: tuple[int, int] | None = None
    country_span: tuple[int, int] | None = None
    state_named = False  # the country comes from a state's name, demonym or capital

    position = next((i for i, t in enumerate(tokens) if t.i == head.i), None)
    people = countries.lookup_demonym(head.text) if head.tag_ in ("NNS", "NNPS") else None
    if (
        people is not None
        and position is not None
        and all(t.pos_ in ("DET", "NUM") for t in tokens[:position])  # not "Bosnian Serbs"
    ):  # "Armenians of the Azerbaijani-held town": the head's own country
        country, country_span = people.iso3, (position, position)
        covered.add(position)

    for first, last, text in ngrams(tokens):
        if not covered.isdisjoint(range(first, last + 1)):
            continue
        org, found, kind, term = lexicon.words(text)
        if org is not None:
            covered.update(range(first, last + 1))
            if country is None and org.country:
                country, country_span = org.country, (first, last)
            if sector is None and org.sector:
                sector, sector_span = org.sector, (first, last)
            name = name or org.name
            continue
        if found is not None and in_person_name(tokens[first : last + 1], kind):
            found = None  # "Senator Lima", "Michael Jordan": a person's name
        if found is not None and kind != "capital" and is_not_nationality(tokens, first):
            covered.update(range(first, last + 1))
            continue  # "ethnic Albanians", "pro-Iranian": not the phrase's country
        if found is not None and (kind != "capital" or tokens[first].pos_ == "PROPN"):
            covered.update(range(first, last + 1))
            if country is None:
                country, country_span = found.iso3, (first, last)
                state_named = True
                if kind in ("name", "capital"):
                    name = name or found.name
                capital = capital or kind == "capital"
            continue
        if term is not None and sector is None and term.sector:
            # Prefer the sector word closest to the head (the rightmost one).
            if sector_span is None or last > sector_span[1]:
                sector, sector_span, sector_kind = term.sector, (first, last), term.kind
            covered.update(range(first, last + 1))
        elif term is not None and sector_kind is None:
            sector_kind = term.kind

    if country is None:
        country = _country_of_place_words(tokens)
    if country is None and (sector is not None or people is not None):
        country = _located_country(head)  # people, not things ("a ceasefire in Chad")

    person = None
    if head.ent_type_ == "PERSON":
        person = " ".join(t.text for t in tokens if t.ent_type_ == "PERSON")
    else:
        for token in tokens:
            if token.dep_ in ("appos", "compound") and token.ent_type_ == "PERSON":
                person = " ".join(
                    t.text for t in tokens if t.ent_type_ == "PERSON" and t.i >= token.i
                )
                break
    if person:
        name = person
    if (country_span is not None and country_span == (0, len(tokens) - 1)) or (
        country_span is not None
        and all(t.pos_ in ("DET", "PUNCT") for i, t in enumerate(tokens) if i not in covered)
    ):
        country_only = True
    definite = any(t.lower_ == "the" for t in tokens[: position or 0])
    if people is None and head.lemma_.lower() in _QUANTITY_NOUNS:  # "thousands of Kenyans"
        members = [o for p in head.children if p.lower_ == "of" for o in p.children]
        crowd = [m for m in members if m.tag_ in ("NNS", "NNPS")]
        people = countries.lookup_demonym(crowd[0].text) if crowd else None
    if people is not None and sector is None and not definite:
        # a people ("Algerians", "ethnic Albanians"): its civilians; "the Americans
        # said" is more often a delegation, left to the rules below
        sector = "CVL"
    if (country_only or capital) and sector is None:
        # a state named as an actor stands for its government, and so does its capital
        # ("Moscow warned"); a sector word beside the capital tells its own ("London
        # police", "Kabul residents")
        sector = "GOV"

    sector = body_post_sector(tokens, sector, sector_kind) or sector  # "president of a union"
    sector = out_of_office(tokens, sector, sector_span) or sector  # "Former Minister X"
    if sector is None and state_named and leads_state(tokens, country):
        sector = "GOV"  # "Palestinian leader X", "Russian negotiators": the state's
    extent = phrase_extent(head, tokens)
    start = extent[0].idx
    end = extent[-1].idx + len(extent[-1].text)
    text = text_between(extent[0], extent[-1])
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in PLURAL_NOUNS
    actor = Actor(text=text, name=name, country=country, sector=sector, start=start, end=end)
    return PhraseCode(
        actor=actor,
        head_lemma=head.lemma_.lower(),
        person=person,
        country_only=country_only,
        plural=plural,
        sector_kind=sector_kind,
    )
