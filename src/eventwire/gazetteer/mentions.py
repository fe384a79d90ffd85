"""Toponym recognition in a parsed article: which spans name places, with the gazetteer
entries each may refer to (``find_mentions``). Resolution is ``resolve.py``'s.

1. spaCy's GPE, LOC and FAC entities are kept when the gazetteer knows the name and the
   name is not a person's (a surname also seen in a PERSON entity, or a small place
   that "said" something). An unknown entity may still hold a name inside generic
   words or after a direction ("Sichuan province", "the city of Tabriz", "Western
   Canada"). ORG, PERSON and NORP entities that are exactly the name of a country,
   first-level region or large city become places too (the small English model tags
   "Armenia" as ORG).
2. A demonym before a noun ("Syrian troops") is a toponym of its country; one naming
   people or a language ("Syrians", "in Turkish") is evidence for its country only.
3. A place name opening or closing an organisation's name, or after its "of", is a
   mention when prominent ("the Government of Alberta", "University of Michigan"); a
   town opening the name of a local public body is one when the article supports its
   country ("Bantam Superior Court").
4. Plain-text cues (``cues.py``): region abbreviations ("Glasgow, Ky.") and datelines
   ("TORRINGTON — ...").
5. Capitalised proper-noun runs that spaCy left outside any entity are looked up, and
   kept when they name a prominent place or follow a locative preposition; in an
   article all in lower case, lower-case nouns too (``lowercase.py``).
6. Mentions found only through a correction must name a prominent place, or a place in
   a country the rest of the article names. Then every further occurrence of a name the
   article surely uses as a place is a mention too ("the Innisfail skater").
   Before that, a generic word beside a name narrows all its mentions to the kind of
   place it asks for ("the city of Turkey", "Washington state"), and a name made of
   direction words alone ("South East", "Eastern") is kept only as a region of a country
   the article names (both in ``cues.py``).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from spacy.attrs import POS

from eventwire import knowledge
from eventwire.gazetteer.broadcast import broadcast_countries
from eventwire.gazetteer.cues import (
    apply_kind_cues,
    cue_mentions,
    situate_directions,
    strip_direction,
    strip_generic,
)
from eventwire.gazetteer.lookup import Gazetteer, GazetteerEntry
from eventwire.gazetteer.lowercase import (
    SCANNED_POS,
    is_lowercase_doc,
    lowercase_scannable,
    names_lexicon_place,
)
from eventwire.gazetteer.names import is_compass_word, name_key
from eventwire.gazetteer.people import person_words
from eventwire.gazetteer.qualifiers import link_qualifiers
from eventwire.gazetteer.resolve import ToponymMention, is_region, is_strong
from eventwire.gazetteer.support import drop_unsupported
from eventwire.model import Document, Zone

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that may hide a place name the model mislabelled.
_CORRECTED_LABELS = frozenset({"ORG", "PERSON", "NORP"})
_ALTERNATE_NAME_LABELS = frozenset({"GPE", "LOC", "PERSON"})
# Prepositions that put an event at a place ("from" gives an origin, so it is not here).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
     "into", "on", "off", "along", "over", "of"}
)  # fmt: skip
STRONG_LOCATIVE_PREPS = LOCATIVE_PREPS - {"of", "on", "over"}
_NOT_PLACE_ZONES = frozenset({Zone.NOISE, Zone.CREDIT})
# Words of an organisation's name that make a town at its start the organisation's seat:
# "Bantam Superior Court", "Boone County Sheriff's Office", "Enfield Council".
_LOCAL_BODY_WORDS = frozenset(
    {"court", "police", "sheriff", "council", "fire", "jail", "detention", "coroner",
     "department", "school", "schools", "district", "hospital", "library", "board",
     "commission", "county", "city", "town", "township", "borough", "mayor",
     "ems", "rescue", "transit", "authority", "municipality"}
)  # fmt: skip
# Demonyms of continents ("European officials").
_CONTINENT_DEMONYMS = {"european": "Europe", "asian": "Asia", "african": "Africa"}
# Mentions whose other occurrences are looked for: the sure ones.
_REPEATED = frozenset({"GPE", "LOC", "dateline"})
# Words after which a demonym names a language ("in Turkish", "speaks French").
_LANGUAGE_CUES = frozenset({"in", "into", "from", "speak", "speaks", "spoke", "speaking", "fluent"})
# Words that open organisation names without naming a town ("North Summit School").
_NOT_SEATS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
     "western", "university", "national", "international", "united", "general", "new",
     "city", "county", "state", "royal", "saint", "st"}
)  # fmt: skip
# Entity labels under which the small model sometimes puts a place name ("a Winnipeg
# jail" as PRODUCT, "killed in Aleppo" as LANGUAGE): their tokens are scanned too.
_SCANNED_LABELS = frozenset({"PRODUCT", "EVENT", "LANGUAGE", "WORK_OF_ART", "LAW"})
# Kinds of places a generic head word asks for ("Sichuan province": a region).
_GENERIC_KINDS = {
    "city": ("PPL",), "town": ("PPL",), "village": ("PPL",), "county": ("ADM2",),
    "district": ("ADM1", "ADM2"),
}  # fmt: skip
_REGION_KINDS = ("ADM1", "ADM2")
_LOCATIVE_SCAN_POPULATION = 1_000
# A preposition that puts something in a town, with no article after it.
_TOWN_PREP = re.compile(r"\b(?:in|near|outside)\s+\Z")
_MAX_SCAN_TOKENS = 4
MAX_CANDIDATES = 60


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
    if is_compass_word(text):
        return ()  # "The West condemned", "dcp west": no region of Cameroon
    alternates = label in _ALTERNATE_NAME_LABELS and " " not in text.strip()
    alternates = alternates or label in ("GPE", "LOC")
    candidates = gazetteer.candidates(text, alternate_names=alternates)
    if _is_acronym(text):
        candidates = [c for c in candidates if c.is_country or is_region(c)]
    return tuple(candidates[:MAX_CANDIDATES])


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
    """A place name opening or closing an organisation's name: a prominent one ("Texas
    A&M University", "the Government of Alberta", "Costco Canada"), or any town opening
    the name of a local public body ("Bantam Superior Court", "Laurel County Sheriff's
    Office"), which must then find support in the article."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    local_body = any(t.lower_ in _LOCAL_BODY_WORDS for t in tokens)
    for run in _edge_runs(tokens):
        text = doc.text[run[0].idx : run[-1].idx + len(run[-1])]
        seat = local_body and run[0] is tokens[0] and name_key(text) not in _NOT_SEATS
        # A seat may go by an alternate name ("Enfield" for Enfield Town).
        candidates = _lookup(gazetteer, text, "GPE" if seat else "ORG")
        if not candidates:
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        if any(is_strong(c) and not c.alternate for c in candidates):
            return ToponymMention(start, end, name_key(text), "embedded", candidates)
        if seat:
            return ToponymMention(start, end, name_key(text), "embedded", candidates, weak=True)
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ != "of":  # "University of Iowa Center", "Bank of Canada"
            continue
        run = list(itertools.takewhile(_capitalised, tokens[i + 1 : i + 4]))
        for length in range(len(run), 0, -1):
            start, end = run[0].idx, run[length - 1].idx + len(run[length - 1])
            candidates = _lookup(gazetteer, doc.text[start:end], "ORG")
            if any(is_strong(c) for c in candidates):
                key = name_key(doc.text[start:end])
                return ToponymMention(start, end, key, "embedded", candidates)
    return None


def _capitalised(token: Any) -> bool:
    """A capitalised word, or an acronym with full stops ("U.S.")."""
    return bool(token.text[:1].isupper() and (token.is_alpha or _is_acronym(token.text)))


def _edge_runs(tokens: list[Any]) -> list[list[Any]]:
    """Runs of capitalised words at either end of a name, longest first."""
    runs: list[list[Any]] = []
    for length in range(min(3, len(tokens) - 1), 0, -1):
        for run in (tokens[:length], tokens[-length:]):
            if all(_capitalised(t) for t in run):
                runs.append(run)
    return runs


def entity_mentions(
    doc: Document, gazetteer: Gazetteer, people: set[str]
) -> tuple[list[ToponymMention], list[ToponymMention]]:
    """Place mentions among spaCy's entities, and the demonyms seen (as mentions of
    their country); ``people`` are words of people's names (``people.py``)."""
    mentions: list[ToponymMention] = []
    demonyms: list[ToponymMention] = []
    lower = is_lowercase_doc(doc.spacy_doc)  # lower-case names count there (lowercase.py)
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
            if not name_key(text) or not (lower or any(ch.isupper() for ch in text)):
                continue
            candidates = _lookup(gazetteer, text, label)
            if lower and text.islower() and not names_lexicon_place(text, candidates):
                continue
            if not candidates and label in _PLACE_LABELS:
                left, right, candidates = _narrowed(doc, gazetteer, left, right, label)
                text = doc.text[left:right]
            key = name_key(text)
            strong = any(is_strong(c) for c in candidates)
            if label == "NORP" and not any(c.is_country for c in candidates):
                demonym = _demonym_mention(doc, gazetteer, left, right)
                if demonym is not None:
                    demonyms.append(demonym)
                    continue
                if not strong:
                    continue
            if not candidates:
                if label in ("ORG", "FAC") and (part := _embedded(doc, gazetteer, ent)):
                    mentions.append(part)
                continue  # "Blinken" tagged GPE: not a place anywhere
            if " " not in key and key in people:
                continue  # "Blinken" after "Antony Blinken"
            if _speaks(ent) and not strong:
                continue
            if label == "FAC" and not strong and not _town_told(doc.text, left, candidates):
                continue  # "White House" is a small town too, but not in this sentence
            if label in ("PERSON", "ORG") and " " in key and not strong:
                continue  # "the White House", "Ron Paul": a body's or a person's name
            if label == "PERSON":
                strong = any(c.is_country or c.feature_code == "ADM1" for c in candidates)
            weak = label in _CORRECTED_LABELS and not strong
            mentions.append(ToponymMention(left, right, key, label, candidates, weak=weak))
    return mentions, demonyms


def _town_told(text: str, start: int, candidates: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a name the tagger calls a facility is told as a town or a county: after
    "in", "near" or "outside" with no article ("a home in White Plains", not "in the
    White House"), or a county's name ("Bulloch County")."""
    if _TOWN_PREP.search(text, max(0, start - 10), start):
        return True
    return any(c.feature_code.startswith("ADM2") for c in candidates)


def _narrowed(
    doc: Document, gazetteer: Gazetteer, left: int, right: int, label: str
) -> tuple[int, int, tuple[GazetteerEntry, ...]]:
    """The name inside an unknown entity that has a generic word or a direction around
    it ("Sichuan province", "the city of Tabriz", "Western Canada"), with its
    candidates (of the kind the generic word asks for, when there are such)."""
    text = doc.text[left:right]
    inner = strip_generic(text)
    if inner is not None:
        candidates = _lookup(gazetteer, text[inner[0] : inner[1]], label)
        word = text[inner[1] :].strip().lower() or text[: inner[0]].strip().lower().split()[0]
        kinds = _GENERIC_KINDS.get(word, _REGION_KINDS)
        fitting = tuple(c for c in candidates if c.feature_code.startswith(kinds))
        if candidates:
            return left + inner[0], left + inner[1], fitting or candidates
    inner = strip_direction(text)
    if inner is not None:
        candidates = _lookup(gazetteer, text[inner[0] : inner[1]], label)
        if candidates:
            return left + inner[0], left + inner[1], candidates
    return left, right, ()


def _is_language(doc: Document, start: int, end: int) -> bool:
    """True for "in Turkish," or "speaks fluent French.": a language, not a country."""
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span.doc[max(0, span.start - 3) : span.start] if not t.is_space]
    after = [t for t in span.doc[span.end : span.end + 3] if not t.is_space]
    before = words[-1].lower_ if words else ""
    if before not in _LANGUAGE_CUES and not (len(words) > 1 and words[-2].lemma_ == "speak"):
        return False
    return not after or after[0].pos_ not in ("NOUN", "PROPN")


def _demonym_mention(
    doc: Document, gazetteer: Gazetteer, start: int, end: int
) -> ToponymMention | None:
    """A demonym ("Syrian") as a mention of its country; None for a word that is not a
    demonym. A plural names people ("Syrians") and a demonym after "in" or "speaks" with
    no noun after it names a language ("shouted in Turkish"): those are evidence for
    their country only (source "demonym-evidence")."""
    text = doc.text[start:end]
    code = _demonym_country(text, gazetteer)
    if code is not None:
        country = gazetteer.country(code)
        candidates: tuple[GazetteerEntry, ...] = (country,) if country is not None else ()
        key = f"demonym:{code}"
    elif (continent := _CONTINENT_DEMONYMS.get(name_key(text))) is not None:
        candidates = tuple(c for c in gazetteer.candidates(continent) if c.feature_code == "CONT")
        key = f"demonym:{continent}"
    else:
        return None
    people = text.endswith("s") and not text.endswith("ss")
    source = "demonym-evidence" if people or _is_language(doc, start, end) else "demonym"
    return ToponymMention(start, end, key, source, candidates)


def _after_locative(token: Any) -> bool:
    return token.i > 0 and token.nbor(-1).lower_ in STRONG_LOCATIVE_PREPS


def _scan_mentions(
    doc: Document, gazetteer: Gazetteer, taken: list[ToponymMention]
) -> list[ToponymMention]:
    """Gazetteer matches on capitalised proper-noun runs outside spaCy's entities."""
    covered = [(m.start, m.end) for m in taken]
    spacy_doc = doc.spacy_doc
    # Only proper nouns can be scanned: the others are never made spaCy Tokens.
    # In an article all in lower case, lower-case nouns are scanned too (lowercase.py).
    lower = is_lowercase_doc(doc.spacy_doc)
    kinds = {spacy_doc.vocab.strings[p] for p in (SCANNED_POS if lower else ("PROPN",))}
    tokens = {
        i: spacy_doc[i] for i, pos in enumerate(spacy_doc.to_array(POS).tolist()) if pos in kinds
    }
    scannable = [
        i in tokens and (_scannable(tokens[i]) or (lower and lowercase_scannable(tokens[i])))
        for i in range(len(spacy_doc))
    ]
    found: list[ToponymMention] = []
    i = 0
    while i < len(scannable):
        if not scannable[i]:
            i += 1
            continue
        token = tokens[i]
        if any(s <= token.idx < e for s, e in covered):
            i += 1
            continue
        match: ToponymMention | None = None
        length = 1
        for length in range(min(_MAX_SCAN_TOKENS, len(scannable) - i), 0, -1):
            if not all(scannable[i : i + length]):
                continue
            start, last = token.idx, tokens[i + length - 1]
            end = last.idx + len(last)
            text = doc.text[start:end]
            candidates = _lookup(gazetteer, text, "scan")
            if not candidates or (
                lower and text.islower() and not names_lexicon_place(text, candidates)
            ):
                continue
            prominent = any(is_strong(c) for c in candidates)
            located = _after_locative(token) and any(
                c.population >= _LOCATIVE_SCAN_POPULATION or c.feature_code.startswith("ADM")
                for c in candidates
            )
            if prominent or located:
                key = name_key(text)
                match = ToponymMention(start, end, key, "scan", candidates, weak=not prominent)
            break
        if match is None:
            i += 1
            continue
        found.append(match)
        i += length
    return found


def _scannable(token: Any) -> bool:
    """A capitalised proper noun outside any entity, or making up a one-word entity of
    a label that is no place ("a Winnipeg jail" as PRODUCT; not "Ford Crown Victoria")."""
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ and not (
        (token.ent_type_ in _SCANNED_LABELS and _alone(token)) or _bracketed(token)
    ):
        return False
    return _capitalised(token)


def _bracketed(token: Any) -> bool:
    """Whether the token's entity runs across a bracket, as the tagger merges a town and
    its region ("Nashik (Maharashtra" as WORK_OF_ART or ORG): each name is scanned."""
    doc = token.doc
    first = token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    last = token.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return any(t.text in ("(", ")") for t in doc[first : last + 1])


def _alone(token: Any) -> bool:
    """True when the token is an entity by itself."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return bool(token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I"))


def _demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """The ISO alpha-2 code of a demonym's country: the curated demonyms of
    ``data/countries.tsv`` ("French", "Dutch"), else the gazetteer's derived ones."""
    curated = knowledge.countries().lookup_demonym(word)
    if curated is not None and curated.iso2:
        return curated.iso2
    return gazetteer.country_for_demonym(word)


def find_mentions(doc: Document, gazetteer: Gazetteer) -> tuple[list[ToponymMention], list[str]]:
    """The toponym mentions of ``doc`` in text order (demonyms of countries among them,
    source "demonym"), and the countries of the demonyms that name people instead
    ("Syrians"), which are evidence only."""
    mentions, demonyms = entity_mentions(doc, gazetteer, person_words(doc.spacy_doc))
    cues = [m for m in cue_mentions(doc.text, gazetteer) if _placeable(doc, m.start)]
    mentions = [m for m in mentions if not any(_overlap(m, c) for c in cues)] + cues
    mentions += _scan_mentions(doc, gazetteer, mentions + demonyms)
    mentions.sort(key=lambda m: m.start)
    link_qualifiers(doc, mentions)
    people = [m for m in demonyms if m.source != "demonym"]
    evidence = [c.country_code for m in people for c in m.candidates if c.country_code]
    url = doc.article.url if doc.article is not None else None
    evidence += broadcast_countries(doc.text, url)
    mentions += [m for m in demonyms if m.source == "demonym"]
    apply_kind_cues(doc.text, mentions)
    kept = drop_unsupported(situate_directions(mentions, evidence), evidence)
    kept += _repeats(doc, kept)
    return sorted(kept, key=lambda m: m.start), evidence


def _repeats(doc: Document, mentions: list[ToponymMention]) -> list[ToponymMention]:
    """Further occurrences of a name the article already uses as a toponym, which the
    tagger missed or mislabelled ("the Innisfail skater", "Tabriz resident", "a Winnipeg
    jail"): one sense per discourse, for recognition too. Not inside people's names."""
    taken = [(m.start, m.end) for m in mentions]
    people = [(e.start_char, e.end_char) for e in doc.spacy_doc.ents if e.label_ == "PERSON"]
    found: list[ToponymMention] = []
    seen: set[str] = set()
    for mention in mentions:
        text = doc.text[mention.start : mention.end]
        if mention.source not in _REPEATED or mention.weak or text in seen or len(text) < 4:
            continue
        seen.add(text)
        forms = {text, text.title()} if text.isupper() else {text}
        for form in forms:
            for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", doc.text):
                span = (hit.start(), hit.end())
                if any(s < span[1] and span[0] < e for s, e in taken + people):
                    continue
                if not _placeable(doc, span[0]):
                    continue
                taken.append(span)
                found.append(
                    ToponymMention(span[0], span[1], mention.key, "repeat", mention.candidates)
                )
    return found


def _placeable(doc: Document, offset: int) -> bool:
    return doc.zone_at(offset) not in _NOT_PLACE_ZONES


def _overlap(first: ToponymMention, second: ToponymMention) -> bool:
    return first.start < second.end and second.start < first.end
