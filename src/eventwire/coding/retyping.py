"""Types a trigger's pattern gives that its sides or its object change.

An attack by hackers or with a cyber attack is COERCE, mode cyber (``cyber_words``);
one by protesters or rioters, or a clash with them, is a riot, PROTEST
(``riot_words``). Deploying peacekeepers is AID (peacekeeping). A police raid, or a
home or an office raided by no one named, is a search: COERCE (seize). Armed men
"strike" by attacking (ASSAULT), workers by walking out (PROTEST). An organisation
leaving a country withdraws its presence: SANCTION (withdraw), not RETREAT. People
"hacked to death" or hacked with a blade were attacked (ASSAULT, primitive), not a
computer network.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.lexicon import EventPattern
from eventwire.model import Actor

# What people are hacked with: blades, not keyboards.
_BLADES = frozenset({"sword", "axe", "machete", "knife", "sickle", "dagger", "chopper"})
_SIDE_PREPS = frozenset({"with", "between", "against"})
# Actors that withdraw a presence, not forces: aid agencies, rights groups, companies,
# media, international organisations.
_CIVILIAN_SECTORS = frozenset({"NGO", "HRI", "BUS", "MED", "IGO", "HLH", "EDU", "REL"})


def retype(
    pattern: EventPattern, trigger: Any, verb: Any, actors: list[Actor | None]
) -> EventPattern:
    """The pattern of the event ``trigger`` tells, with its type changed where its
    attacker, its object or its sides make it another type."""
    patterns = lexicon.event_patterns()
    if pattern.trigger == "hack" and _hacked_with_blade_or_to_death(verb):
        pattern = replace(pattern, type="ASSAULT", mode="primitive")
    if pattern.type == "ASSAULT":
        attackers = _attacker_words(verb)
        if attackers & patterns.cyber_words:
            pattern = replace(pattern, type="COERCE", mode="cyber", casualty=None)
        elif (
            attackers & patterns.riot_words
            or _protesters_clash(pattern, trigger, verb, patterns.riot_words)
            or (not attackers and _thrown_at_police_in_protest(verb))
        ):
            pattern = replace(pattern, type="PROTEST", mode="riot")
    if pattern.type == "MOBILIZE" and _sends_peacekeepers(trigger, verb):
        # PLOVER's AID has a peacekeeping mode: deploying peacekeepers helps the host.
        pattern = replace(pattern, type="AID", mode="peacekeeping")
    if pattern.trigger == "raid" and (_all_police(actors) or _searched_premises(trigger, actors)):
        # A police raid is a search: COERCE (PLOVER's seize); by soldiers or gunmen an
        # attack. A home or an office raided by no one named is searched too.
        pattern = replace(pattern, type="COERCE", mode="seize")
    if pattern.mode == "strike" and trigger.pos_ == "VERB" and _armed(actors):
        # "The gunmen struck at dawn": armed men strike by attacking, workers by walking out.
        pattern = replace(pattern, type="ASSAULT", mode=None)
    if pattern.type == "RETREAT" and pattern.mode == "withdraw" and _civilian(actors):
        # An organisation leaving a country ends its presence there: SANCTION in the
        # PLOVER manual; RETREAT is a withdrawal of forces.
        pattern = replace(pattern, type="SANCTION", mode="withdraw")
    return pattern


# An attack on the police with no attacker named, told in a sentence that tells a
# protest, is the protesters' ("projectiles were thrown at police during the march",
# "officers were pelted with stones at the rally"): a riot, PROTEST in PLOVER.
AGENTLESS_RIOTS = True
_POLICE_WORDS = frozenset(
    {"police", "policeman", "policemen", "officer", "officers", "cop", "cops", "riot",
     "gendarme", "gendarmes", "constable", "constables"}
)  # fmt: skip
_TARGET_PREPS = frozenset({"at", "on", "toward", "towards", "against"})


def _thrown_at_police_in_protest(verb: Any) -> bool:
    """Whether an attack with no attacker named hits the police (its passive subject or
    the object of "at", "on", "against") in a sentence that names a protest or its
    protesters (``AGENTLESS_RIOTS``)."""
    if not AGENTLESS_RIOTS:
        return False
    patterns = lexicon.event_patterns()
    targets = [c for c in verb.children if c.dep_ == "nsubjpass"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
            targets += [o for o in prep.children if o.dep_ == "pobj"]
    if not any(t.lower_ in _POLICE_WORDS for target in targets for t in target.subtree):
        return False
    return any(_names_protest(t, patterns) for t in verb.sent)


def _names_protest(token: Any, patterns: Any) -> bool:
    if token.lower_ in patterns.riot_words:
        return True
    if token.pos_ != "NOUN":
        return False
    return any(
        p.type == "PROTEST" and not (p.modifiers or p.verbs)
        for p in patterns.for_noun(token.lemma_.lower())
    )


def _attacker_words(verb: Any) -> set[str]:
    """The words of an attack's subject or "by" agent ("hackers", "violent rioters")."""
    agents = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    return {t.lemma_.lower() for a in agents for t in a.subtree} | {
        t.lower_ for a in agents for t in a.subtree
    }


def _protesters_clash(
    pattern: EventPattern, trigger: Any, verb: Any, riot_words: frozenset[str]
) -> bool:
    """A clash one of whose sides is the protesters ("police clashed with protesters",
    "clashes between demonstrators and the police"): a riot, PROTEST in PLOVER."""
    if not pattern.reciprocal:
        return False
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    for word in {verb, trigger}:
        preps = [c for c in word.children if c.dep_ == "prep" and c.lower_ in _SIDE_PREPS]
        heads += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    seen: list[Any] = []
    while heads:  # a side, its conjuncts ("demonstrators and police"), "hundreds of" them
        head = heads.pop()
        seen.append(head)
        heads += [c for c in head.children if c.dep_ == "conj"]
        ofs = [p for p in head.children if p.lower_ == "of"]
        heads += [o for p in ofs for o in p.children if o.dep_ == "pobj"]
    return any(t.lower_ in riot_words for t in seen)


def _hacked_with_blade_or_to_death(verb: Any) -> bool:
    """Whether the verb is "hacked to death" or hacked with a blade ("hacked him with
    swords"): an attack on a person, not on a computer."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("to", "with")
        and any(g.lemma_.lower() in _BLADES | {"death"} for g in child.children)
        for child in verb.children
    )


def _civilian(actors: list[Actor | None]) -> bool:
    """Whether every coded actor is an organisation with no forces (``_CIVILIAN_SECTORS``)."""
    sectors = [a.sector for a in actors if a is not None]
    return bool(sectors) and all(s in _CIVILIAN_SECTORS for s in sectors)


def _sends_peacekeepers(trigger: Any, verb: Any) -> bool:
    """Whether the forces a deployment moves are peacekeepers ("deployed peacekeepers",
    "the deployment of peacekeeping troops")."""
    moved = [trigger, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(t.lower_.startswith("peacekeep") for m in moved for t in m.subtree)


def _all_police(actors: list[Actor | None]) -> bool:
    sectors = [a.sector for a in actors if a is not None]
    return bool(sectors) and all(s == "COP" for s in sectors)


# Sectors of armed men, whose "strike" is an attack.
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS"})
# Places searched, not attacked, when raided by no one named.
_PREMISES = frozenset(
    {"house", "home", "apartment", "flat", "residence", "office", "premises", "shop",
     "store", "property"}
)  # fmt: skip


def _armed(actors: list[Actor | None]) -> bool:
    sectors = [a.sector for a in actors if a is not None]
    return bool(sectors) and all(s in _ARMED_SECTORS for s in sectors)


def _searched_premises(trigger: Any, actors: list[Actor | None]) -> bool:
    """Whether a raid with no actor named is on a home or an office ("his house was
    raided", "a raid on the party's offices")."""
    if any(a is not None for a in actors):
        return False
    if trigger.pos_ == "VERB":
        raided = [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")]
    else:
        raided = [
            p for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
    return any(t.lemma_.lower() in _PREMISES for t in raided)
