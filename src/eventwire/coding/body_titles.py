"""A person titled by a body holds a post of that body, in its sector.

The sector lexicon reads "president", "minister", "spokesman" and "official" as the
government's titles (GOV), and "head", "leader" or "member" tell no sector at all. Said of
a body that is not the government, the title is that body's: "the president of the
Riverside Tenants Association" leads an NGO, "a minister of the Lakeside Baptist Church"
serves a church (REL), "a spokeswoman for the Acme Corporation" speaks for a firm (BUS),
"members of the bakers' union" are labour (LAB). The body's sector comes from the
organisation list, from the word its name ends on (``group_sectors.name_sector``: an
association, a union, a party, a college; and here also a church, a company, a
university, a hospital) or from a faith's group ("the Evangelical community").
A plain word for a body counts when it is named as one ("a spokesman for the army": MIL,
"the head of the church": REL), not a portfolio ("minister of health": still GOV). A
title of a body of government ("minister of the interior") keeps what it had.
"""

from __future__ import annotations

from typing import Any

from eventwire import knowledge
from eventwire.coding import phrase_words
from eventwire.coding.group_sectors import group_sector, name_sector

# Titles and words for a post that a body of any kind may have.
_POST_WORDS = frozenset(
    {"head", "leader", "chief", "director", "chairman", "chairwoman", "chair",
     "chairperson", "member", "president", "vice-president", "spokesman",
     "spokeswoman", "spokesperson", "official", "minister", "secretary", "executive",
     "founder", "co-founder", "treasurer", "representative", "boss", "manager"}
)  # fmt: skip
# Prepositions that name the body of a post ("of", "for", "at").
_BODY_PREPS = frozenset({"of", "for", "at"})
# Name words of bodies besides those of ``group_sectors`` (only read for a post's body).
_BODY_WORDS: dict[str, str] = {
    "church": "REL",
    "churches": "REL",
    "mosque": "REL",
    "synagogue": "REL",
    "temple": "REL",
    "diocese": "REL",
    "archdiocese": "REL",
    "parish": "REL",
    "company": "BUS",
    "corporation": "BUS",
    "technologies": "BUS",
    "industries": "BUS",
    "firm": "BUS",
    "university": "EDU",
    "school": "EDU",
    "hospital": "HLH",
}
_GOVERNMENT = "GOV"


def body_post_sector(tokens: list[Any], sector: str | None, kind: str | None) -> str | None:
    """The sector of a phrase whose post ("president", "member") is held in a body of
    another sector than the government, else None. ``sector`` and ``kind`` are what the
    phrase's words gave (a GOV title, or no sector at all)."""
    if sector is not None and not (sector == _GOVERNMENT and kind == "title"):
        return None
    for token in tokens:
        if token.lower_ not in _POST_WORDS and token.lemma_.lower() not in _POST_WORDS:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in _BODY_PREPS:
                continue
            for body in prep.children:
                if body.dep_ != "pobj":
                    continue
                found = body_sector(body)
                if found is not None and found != _GOVERNMENT:
                    return found
    return None


def body_sector(body: Any) -> str | None:
    """The sector of the body a noun names ("the Alberta Store Association": NGO), from
    the organisation list, the word its name ends on or a faith's group; else None."""
    if body.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [t for t in body.subtree if t.i <= body.i]  # "the Lakeside Baptist Church"
    name = " ".join(t.text for t in words if t.lower_ != "the")
    org = phrase_words.lookup().words(name)[0]
    if org is not None and org.sector:
        return str(org.sector)
    term = knowledge.sector_terms().lookup(body.lower_)
    if term is not None and term.sector:
        # "a spokesman for the army", "the head of the church"; not a portfolio
        # ("minister of health", "secretary of defence": the government's)
        named = any(t.dep_ in ("det", "poss") for t in body.children)
        return str(term.sector) if named and term.kind == "noun" else None
    sector = _BODY_WORDS.get(body.lower_) or name_sector(words)
    return sector or group_sector(body)
