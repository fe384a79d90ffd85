"""Sectors of organisations and groups that the lexicons do not know, told by their kind
of name.

The organisation list knows the big bodies and the sector lexicon the plain nouns
("police", "the government"). A body named by its own name that neither knows ("the
Riverside Tenants Association", "the Northern Farmers Union", "the Green Party of
Ontario", "Manitoba Hydro") still says what kind of body it is by the word its name ends
on, and a party is often named by its members ("the Liberals", "the Tories"). A plain
word for a body of people with a modifier ("a rescue group", "advocacy organisations")
is a non-governmental group unless the modifier makes it armed ("an armed group",
"militant organisations"). An attacker the text names by the attack alone ("the
gunman", "the assailants", "the killers") is an unidentified armed party (UAF, as
"gunmen" is in the sector lexicon).
"""

from __future__ import annotations

from typing import Any

from eventwire import knowledge

# The word a body's name ends on, and the sector of such bodies.
_NAME_WORD_SECTORS: dict[str, str] = {
    "party": "PTY",
    "union": "LAB",
    "unions": "LAB",
    "association": "NGO",
    "society": "NGO",
    "foundation": "NGO",
    "coalition": "NGO",
    "alliance": "NGO",
    "network": "NGO",
    "league": "NGO",
    "movement": "NGO",
    "trust": "NGO",
    "charity": "NGO",
    "group": "NGO",
    "centre": "NGO",
    "center": "NGO",
    "council": "GOV",
    "commission": "GOV",
    "board": "GOV",
    "agency": "GOV",
    "office": "GOV",
    "authority": "GOV",
    "bureau": "GOV",
    "hydro": "GOV",  # a Canadian Crown utility ("Manitoba Hydro", "BC Hydro")
    "college": "EDU",
    "academy": "EDU",
    "clinic": "HLH",
    "assembly": "LEG",
}
# Words that make a body of a name-word a firm ("the Northern Group Inc").
_FIRM_WORDS = frozenset(
    {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "farms",
     "airlines", "airways", "bank", "motors", "holdings"}
)  # fmt: skip
# Parties named by their members.
_PARTY_MEMBERS = frozenset(
    {"liberals", "conservatives", "tories", "democrats", "republicans", "socialists",
     "greens", "ndp", "labour"}
)  # fmt: skip
# Plain nouns for a body of people, and the modifiers that make one armed or criminal.
_GROUP_NOUNS = frozenset(
    {"group", "groups", "organization", "organizations", "organisation", "organisations",
     "society", "societies", "association", "associations", "charity", "charities"}
)  # fmt: skip
_ARMED_WORDS = frozenset(
    {"armed", "militant", "terrorist", "terror", "rebel", "extremist", "jihadist",
     "criminal", "separatist", "insurgent", "paramilitary", "guerrilla", "islamist",
     "radical", "hate", "crime", "gang", "splinter", "opposition", "state", "ethnic"}
)  # fmt: skip
# Faiths, and the heads of their leaders and bodies ("Evangelical leaders").
_FAITHS = frozenset(
    {"evangelical", "christian", "catholic", "protestant", "muslim", "jewish", "hindu",
     "buddhist", "sikh", "orthodox", "anglican", "baptist", "methodist", "lutheran",
     "mormon", "religious", "faith", "interfaith", "church", "mosque", "synagogue"}
)  # fmt: skip
_FAITH_HEADS = frozenset(
    {"leader", "leaders", "group", "groups", "organization", "organizations",
     "organisation", "organisations", "community", "communities", "figures", "body",
     "bodies", "council", "authorities", "scholars"}
)  # fmt: skip
_ATTACKER_KIND = "attacker"
_ATTACKER_SECTOR = "UAF"


def name_sector(entity: Any) -> str | None:
    """The sector of a body named by ``entity`` (a spaCy span of an ORG name) told by
    the last word of its name that names a kind of body, or None."""
    words = [t.lower_ for t in entity]
    if words and words[0] == "the":
        words = words[1:]
    if any(w in _FIRM_WORDS for w in words):
        return "BUS"
    if len(words) == 1 and words[0] in _PARTY_MEMBERS:
        return "PTY"
    for word in reversed(words):
        sector = _NAME_WORD_SECTORS.get(word)
        if sector is not None:
            return sector
    return None


def party_members(token: Any) -> bool:
    """Whether ``token`` names a party by its members ("the Liberals", "Tories")."""
    return token.pos_ == "PROPN" and token.lower_ in _PARTY_MEMBERS and token.text[:1].isupper()


def group_sector(token: Any) -> str | None:
    """REL for leaders or a body of a faith ("Evangelical leaders", "Muslim groups"); NGO
    for a plain noun for a body of people with a modifier that is not armed ("a rescue
    group", "human rights organisations"); else None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    if not modifiers:
        return None
    if token.lower_ in _FAITH_HEADS and any(m.lower_ in _FAITHS for m in modifiers):
        return "REL"
    if token.pos_ != "NOUN" or token.lower_ not in _GROUP_NOUNS:
        return None
    for modifier in modifiers:
        for word in modifier.subtree:
            if word.lower_ in _ARMED_WORDS or word.lemma_.lower() in _ARMED_WORDS:
                return None
    return "NGO"


def attacker_sector(token: Any) -> str | None:
    """UAF for a word that names someone by the attack only ("the gunman", "the
    killers"), else None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    term = knowledge.sector_terms().lookup(token.lower_)
    if term is None or term.kind != _ATTACKER_KIND or term.sector:
        return None
    return _ATTACKER_SECTOR
