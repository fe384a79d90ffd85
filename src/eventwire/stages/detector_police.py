"""The detector stage's police rules (split from ``stages/detector.py``): a sentence
where the detector is sure the police killed (arrested) someone has an ASSAULT (a COERCE
arrest) by the police. An arrest with no stated arrester gets the police as its actor,
and so does an ASSAULT with no stated attacker where the sentence names the police;
when none is coded, one is added on the sentence's death (arrest) word, only as factual
news, and a killing only where the sentence names the police.

The police are the ones the sentence names ("gujarat police", "cops"); when it names
none, the actor is the state's police, marked ``inferred`` (``stages/agents.py``). For a
killing, police named only as who tells the news ("Police said a girl died ...", "a
police spokesman told reporters") are no police named (session 18).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.tolls import statements
from eventwire.model import Actor, Detection, Document, Event, Sentence
from eventwire.stages.detector_added import MODIFIER_DEPS, added_event, not_as_told

_SPEAKER_VERBS = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm"})
_NAME_PARTS = frozenset({"compound", "amod", "poss", "nmod"})
POLICE_SPEAKERS_DID_NOT_KILL = True  # "Police said a girl died": the police are the source
POLICE_VICTIMS_DID_NOT_KILL = True  # "four policemen were killed": the police are the dead
# "The attack left one officer dead": the dead or hurt of the sentence's casualty
# statements killed no one, coded as an event's recipient or not (session 25)
POLICE_TOLL_VICTIMS_DID_NOT_KILL = True
# Words of a victim phrase that name the victims themselves, not a clause about them
# ("a man who attacked police was shot dead": the police of the clause may have shot)
# ("the officer's victim": the owner is no victim)
_VICTIM_WORDS = frozenset({"compound", "amod", "nummod", "det", "nmod", "quantmod"})

_DEATH_WORDS = frozenset({"dead", "death", "deaths", "killed", "died", "lives"})
_ARREST_WORDS = frozenset(
    {"arrested", "arrest", "arrests", "detained", "held", "nabbed", "custody", "rounded",
     "picked", "booked", "remanded", "apprehended", "caught", "arresting", "detention"}
)  # fmt: skip
_POLICE_WORDS = frozenset(
    {"police", "policeman", "policemen", "cop", "cops", "constable", "constables"}
)
_OTHER_FORCES = frozenset({"MIL", "REB", "UAF"})
# Police phrases that name a place, a state or a source, not the police who acted
# ("shot dead under the naubatpur police station", "police sources said").
_POLICE_NON_AGENTS = frozenset(
    {"station", "stations", "custody", "source", "sources", "headquarters", "limits", "lines"}
)
POLICE_REASSIGN = True  # an unstated arrester (attacker: see below) becomes the police
# A police killing (arrest) the patterns missed is added, on the sentence's death
# (arrest) word, when that word is factual news (not negated, modal, quoted). A killing
# is the police's, added or with its unstated killer filled, only where the sentence
# names the police (POLICE_KILL_NEEDS_NAME; for the unstated killer since session 18).
POLICE_ADD = True
POLICE_ADD_NEEDS_WORD = True  # (WORK: the added arrests with no word were wrong)
POLICE_KILL_NEEDS_NAME = True


def police_actor(
    doc: Document, sentence: Sentence, passed_over: frozenset[int] = frozenset()
) -> Actor:
    """The police the sentence names, else the state's police, marked inferred; police
    named at the word offsets ``passed_over`` (who tells the news, who was killed) are
    passed over."""
    for actor in doc.actors:
        if (
            actor.sector == "COP"
            and actor.start is not None
            and (sentence.start <= actor.start < sentence.end)
            and actor.text.lower().split()[-1] not in _POLICE_NON_AGENTS
            and not any(actor.start <= i < (actor.end or actor.start + 1) for i in passed_over)
        ):
            return replace(actor)
    return Actor(text="police", sector="COP", inferred=True)


def _speaks(token: Any) -> bool:
    """Whether the word is (part of) the subject of a verb of saying ("Police said",
    "a police spokesman told reporters"): a source of the news, not a doer in it."""
    while token.dep_ in _NAME_PARTS and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEAKER_VERBS


def not_killers(span: Any, own: list[Event]) -> frozenset[int]:
    """The offsets of the words that name no killer of the sentence's killings: who
    tells the news ("Police said a girl died ...") and who was killed ("four policemen
    and a tourist were killed")."""
    if span is None:
        return frozenset()
    offsets = {t.idx for t in span if POLICE_SPEAKERS_DID_NOT_KILL and _speaks(t)}
    if POLICE_VICTIMS_DID_NOT_KILL:
        for event in own:
            victim = event.recipient
            if event.type == "ASSAULT" and victim is not None and victim.start is not None:
                end = victim.end if victim.end is not None else victim.start + 1
                offsets.update(t.idx for t in span if victim.start <= t.idx < end)
    if POLICE_TOLL_VICTIMS_DID_NOT_KILL:
        for found in statements(span):
            if found.victim is not None:
                offsets.update(t.idx for t in _victim_words(span.doc[found.victim]))
    return frozenset(offsets)


def _victim_words(head: Any) -> list[Any]:
    """The words of a victims phrase that name the victims ("one officer", "two
    policemen and a guard"), without the clauses that describe them."""
    words = []
    for victim in (head, *(c for c in head.children if c.dep_ == "conj")):
        words.append(victim)
        words += [c for c in victim.children if c.dep_ in _VICTIM_WORDS]
    return words


def _names_police(police: Actor, span: Any, passed_over: frozenset[int] = frozenset()) -> bool:
    """Whether the sentence names the police: a coded police actor, or a police word
    ("killed in police firing", where "police" only modifies the firing), not at the
    offsets ``passed_over``."""
    if not police.inferred:
        return True
    return span is not None and any(
        t.lower_ in _POLICE_WORDS
        and t.idx not in passed_over
        and not (t.dep_ == "compound" and t.head.lower_ in _POLICE_NON_AGENTS)
        for t in span
    )  # "under the kotwali police station" names a place, not the police who acted


def _word_token(span: Any, words: frozenset[str], casualty: str | None) -> Any | None:
    """The token of the sentence that tells the death (arrest): a verb (noun) whose
    pattern counts that casualty, else one of ``words``; never a modifier ("the
    arrested men", "hand-picked officials"), which tells no new event."""
    patterns = lexicon.event_patterns()
    told = [t for t in span if t.dep_ not in MODIFIER_DEPS and not _hyphen_part(t)]
    for token in told:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "ADJ"):
            found = patterns.for_verb(lemma)
        elif token.pos_ == "NOUN":
            found = patterns.for_noun(lemma)
        else:
            continue
        if casualty is not None and any(p.casualty == casualty for p in found):
            return token
    for token in told:
        if token.lower_ in words:
            return token
    return None


def _hyphen_part(token: Any) -> bool:
    """Whether the word ends a hyphenated compound ("hand-picked officials")."""
    return token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_


def police_rules(
    doc: Document,
    sentence: Sentence,
    span: Any,
    own: list[Event],
    found: Detection,
    thresholds: dict[str, float],
) -> None:
    """Give the police the killing (arrest) the detector is sure of in the sentence:
    its unstated attacker (arrester), else a new event on its word (rules above)."""
    for label, kind, mode, words, casualty in (
        ("kill", "ASSAULT", None, _DEATH_WORDS, "dead"),
        ("arrest", "COERCE", "arrest", _ARREST_WORDS, "arrested"),
    ):
        p = found.kill if label == "kill" else found.arrest
        if p < thresholds[label]:
            continue
        matching = [e for e in own if e.type == kind]
        if mode is not None:
            matching = [e for e in matching if e.mode in (None, mode)]
        if matching and not any(e.factual for e in matching):
            continue  # the patterns found it and flagged it as not done
        matching = [e for e in matching if e.factual]
        if any(e.actor is not None and e.actor.sector == "COP" for e in matching):
            continue
        if any(e.actor is not None and e.actor.sector in _OTHER_FORCES for e in matching):
            continue  # another force did it ("soldiers arrested ..."): not the police
        unstated = [e for e in matching if e.actor is None]
        passed_over = not_killers(span, own) if label == "kill" else frozenset()
        police = police_actor(doc, sentence, passed_over)
        named = _names_police(police, span, passed_over)
        if unstated and POLICE_REASSIGN:
            if label == "kill" and POLICE_KILL_NEEDS_NAME and not named:
                continue  # "two more people have been killed": by whom, the text does not say
            for event in unstated:
                event.actor = replace(police)
                event.mode = event.mode or mode
            continue
        if unstated or not POLICE_ADD:
            continue
        if label == "kill" and POLICE_KILL_NEEDS_NAME and not named:
            continue  # a killing is the police's only where the sentence names them
        token = None if span is None else _word_token(span, words, casualty)
        if token is None and POLICE_ADD_NEEDS_WORD:
            continue
        added = added_event(sentence, token, kind, mode, police, p)
        if token is None or not not_as_told(added, doc, token):
            doc.events.append(added)
