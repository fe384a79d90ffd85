"""Casualty statements: what one sentence says about how many died or were hurt.

An event's own clauses give its casualties (``stages/casualties.py``); news tells the
toll of an incident in many other ways, most with no attack verb at all. This module
reads each of them from the parse as a ``Statement`` (kind, figure, whether it is
fatal):

- a death verb with its subject or victims: "two men were killed", "a man, two women
  and a small child were killed" (4: the coordinated victims add up), "he died of his
  wounds", "the victim succumbed to injuries", "she was murdered";
- a shooting that says it was fatal: "shot dead", "shot to death", "fatally shot",
  "shot and killed";
- the dead as a state or a result: "was found dead", "was pronounced dead", "both
  were deceased", "a shooting that left 4 dead", "Three People Dead";
- the injured: "wounded", "injured", "hurt", "in critical condition", and "shot" with
  no fatal word (in "a man was shot and died", the man is counted dead only);
- nothing for "no one else was injured" or "a possible murder-suicide".

A statement's figure is the number its victims phrase gives (``count_victims``); a
named or singular victim counts one. What a statement does not say is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.datafiles import read_word_table

# Verbs whose subject (or passive subject, or object) died or was hurt.
_DEATH_VERBS = frozenset({"kill", "murder", "slay", "execute", "massacre", "assassinate"})
_DIE_VERBS = frozenset({"die", "succumb", "perish"})
_HURT_VERBS = frozenset({"wound", "injure", "hurt"})
_SHOOT_VERBS = frozenset({"shoot", "gun"})
# Cues that someone attacked someone (not only that someone died).
ATTACK_LEMMAS = _DEATH_VERBS | _SHOOT_VERBS
_FATAL_WORDS = frozenset({"dead", "death", "fatally", "deceased", "killed", "kill"})
_DEAD_WORDS = frozenset({"dead", "deceased"})
_HURT_WORDS = frozenset({"wounded", "injured", "hurt"})
# Verbs of a state: "was found dead", "were pronounced dead", "left four dead".
_STATE_VERBS = frozenset({"find", "pronounce", "declare", "leave", "be", "lie", "confirm"})
# Heads that are no victims: the event itself, a picture of it ("Photo: ... dies").
_NOT_VICTIMS = frozenset({"shooting", "death", "photo", "image", "video", "scene", "heart"})
# "killing of", "death of", "murder of", "fatal shooting of": the dead are the object of "of".
_DEATH_NOUNS = frozenset({"death", "killing", "murder", "slaying", "homicide"})
# A victim in hospital: "in critical condition".
_CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "grave", "guarded"})
_REFLEXIVES = frozenset({"himself", "herself"})
_RELATIVES = frozenset({"who", "that", "which"})
_GROUP_WORDS = frozenset({"total", "number", "group", "family"})
_PERSON_PRONOUNS = {"he": 1, "she": 1, "him": 1, "her": 1, "they": None, "both": 2}


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


@lru_cache(maxsize=1)
def quantity_words() -> Mapping[str, int]:
    """Number words and vague quantities -> the figure coded (``data/quantities.tsv``)."""
    return read_word_table(
        "quantities.tsv", "value", lambda cell: int(cell) if cell.isdigit() else None, "number"
    )


def _number(token: Any) -> int | None:
    text = token.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    return quantity_words().get(text)


def count_phrase(head: Any) -> int | None:
    """How many people the noun phrase headed by ``head`` counts, or None if unsaid."""
    if head.pos_ == "PRON":
        return 1 if head.lower_ in ("he", "she", "him", "her") else None
    # "dozens of people", "three of the guards": the figure is the head itself.
    if head.pos_ == "NUM" or head.lower_ in quantity_words():
        value = _number(head)
        if value is not None:
            return value
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (
            child.dep_ == "compound" and child.pos_ == "NUM"
        ):
            value = _number(child)
            if value is not None:
                return value
    if head.tag_ in ("NN", "NNP"):
        return 1  # "wounded a police officer"
    return None


@dataclass(frozen=True, slots=True)
class Statement:
    """One casualty figure a sentence gives."""

    kind: str  # "dead" or "injured"
    count: int
    token: int  # index of the cue word in the spaCy Doc
    victim: int | None  # index of the head of the victims phrase


def count_victims(head: Any) -> int | None:
    """How many people a victims phrase counts, adding up coordinated victims ("a man,
    two women and a small child" is 4; "Joe and Jen Knarr" is 2)."""
    pronoun = _PERSON_PRONOUNS.get(head.lower_, 0)
    if pronoun != 0:
        return pronoun
    if head.pos_ == "PRON":
        return None
    if head.lower_ == "old" and head.dep_ != "amod":
        return 1  # "the 2-year-old who was shot"
    total = count_phrase(head)
    if head.lower_ in _GROUP_WORDS:  # "a total of four people"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                inner = [c for c in prep.children if c.dep_ == "pobj"]
                if inner:
                    return count_victims(inner[0])
    if total is None:
        if head.pos_ != "PROPN" and head.tag_ not in ("NN", "NNP"):
            return None
        total = 1
    for appos in head.children:  # "one adult male, two adult females, and one child"
        if appos.dep_ == "appos" and any(c.dep_ == "nummod" for c in appos.children):
            total += count_phrase(appos) or 0
    for conj in _conjuncts(head):
        part = count_phrase(conj) if conj.pos_ != "PROPN" else 1
        if part is None:
            return total
        total += part
    return total


def _conjuncts(head: Any) -> Iterator[Any]:
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM"):
            yield child
            yield from _conjuncts(child)


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            if child.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "a boy who was fatally shot": the boy
            return child
    # "... and killed": a conjoined verb shares its first verb's subject.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a man who was killed", "two people killed in the shooting"
    return None


def _object(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def _is_passive(verb: Any) -> bool:
    """A passive, or a participle whose "were" is left out ("five others injured")."""
    deps = {child.dep_ for child in verb.children}
    return "auxpass" in deps or (
        verb.tag_ == "VBN"
        and "aux" not in deps
        and verb.dep_ in ("acl", "relcl", "conj", "ROOT", "ccomp", "advcl")
    )


def _victims(verb: Any) -> Any | None:
    """Who a casualty verb was done to: its object, or its (passive) subject; for a
    participle that completes another verb, that verb's subject ("four people were
    found shot dead")."""
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("xcomp", "ccomp", "oprd")
        and _object(verb) is None
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    ):
        return _subject(verb.head)
    if _is_passive(verb):
        return _subject(verb)
    return _object(verb)


def _fatal(verb: Any) -> bool:
    """ "shot dead", "shot to death", "fatally shot", "shot and killed"."""
    for child in verb.children:
        if child.lower_ in _FATAL_WORDS:
            return True
        if child.dep_ == "prep" and any(g.lower_ == "death" for g in child.children):
            return True
        if child.dep_ == "conj" and child.lemma_.lower() in _DEATH_VERBS:
            return True
    return False


def _denied(victims: Any) -> bool:
    """ "No one else was injured", "nobody was hurt", "none of them"."""
    if victims.lower_ in ("nobody", "none", "noone"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in victims.children):
        return True
    before = victims.doc[victims.i - 1] if victims.i > 0 else None
    return before is not None and before.lower_ == "no"


def _statement(kind: str, cue: Any, victims: Any | None) -> Statement | None:
    if victims is None or victims.lower_ in _NOT_VICTIMS or _denied(victims):
        return None
    count = count_victims(victims)
    if count is not None and victims.dep_ in ("nsubj", "nsubjpass"):
        # "A man, two women and a small child were killed": the parser may give the
        # verb several subjects
        for other in victims.head.children:
            if other.dep_ == victims.dep_ and other.i != victims.i:
                count += count_victims(other) or 0
    if count is None or count <= 0:
        return None
    return Statement(kind, count, cue.i, victims.i)


def _verb_statement(token: Any) -> Statement | None:
    lemma = token.lemma_.lower()
    obj = _object(token)
    if obj is not None and obj.lower_ in _REFLEXIVES and (lemma in _DEATH_VERBS or _fatal(token)):
        return Statement("dead", 1, token.i, obj.i)  # "killed himself", "shot herself dead"
    if lemma == "turn" and any(
        c.dep_ == "prep" and any(g.lower_ in _REFLEXIVES for g in c.children)
        for c in token.children
    ):
        return Statement("dead", 1, token.i, token.i)  # "turned the gun on himself"
    if lemma in _DEATH_VERBS:
        return _statement("dead", token, _victims(token))
    if lemma in _DIE_VERBS:
        return _statement("dead", token, _subject(token))
    if lemma in _HURT_VERBS:
        return _statement("injured", token, _victims(token))
    if lemma == "leave":  # "a shooting that left 4 dead", "left two people injured"
        obj = _object(token)
        nxt = obj.right_edge.i + 1 if obj is not None else len(token.doc)
        after = token.doc[nxt] if obj is not None and nxt < len(token.doc) else None
        if after is not None and after.lower_ in _DEAD_WORDS | _HURT_WORDS:
            return _statement("dead" if after.lower_ in _DEAD_WORDS else "injured", after, obj)
        return None
    if lemma in _SHOOT_VERBS:
        kind = "dead" if _fatal(token) else "injured"
        victims = _victims(token)
        if victims is None or victims.lower_ in ("himself", "herself"):
            # "shot himself": the shooter is the victim
            subject = _subject(token)
            if obj is not None and obj.lower_ in _REFLEXIVES:
                victims = subject
        return _statement(kind, token, victims)
    return None


def _condition_statement(token: Any) -> Statement | None:
    """ "is in critical condition", "was listed in stable condition": one hurt."""
    if token.lower_ != "condition" or not any(
        c.lower_ in _CONDITIONS for c in token.children if c.dep_ == "amod"
    ):
        return None
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return _statement("injured", token, _subject(prep.head))


def _noun_statement(token: Any) -> Statement | None:
    """ "the death of a 17-year-old", "the murder of Ibram Hanna", "committed suicide"."""
    if token.pos_ != "NOUN":
        return None
    if token.lower_ == "suicide":  # "committed suicide", not "a possible murder-suicide"
        if token.head.lemma_.lower() == "commit" and token.dep_ == "dobj":
            return Statement("dead", 1, token.i, token.i)
        return None
    if token.lemma_.lower() not in _DEATH_NOUNS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            victims = [c for c in prep.children if c.dep_ == "pobj"]
            if victims:
                return _statement("dead", token, victims[0])
    return None


def _state_statement(token: Any) -> Statement | None:
    """ "was found dead", "left four dead", "Three People Dead", "the wounded"."""
    word = token.lower_
    kind = "dead" if word in _DEAD_WORDS else "injured" if word in _HURT_WORDS else None
    if kind is None or token.pos_ == "VERB":
        return None
    head = token.head
    # "four dead", "3 injured": the figure hangs on the word itself
    for child in token.children:
        if child.dep_ in ("nummod", "npadvmod", "quantmod") and child.pos_ == "NUM":
            value = count_phrase(child)
            if value:
                return Statement(kind, value, token.i, child.i)
    if token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj") and (
        head.lemma_.lower() in _STATE_VERBS
    ):
        victims = _object(head) if head.lemma_.lower() == "leave" else _subject(head)
        if victims is None and head.lemma_.lower() != "leave":
            victims = _object(head)
        return _statement(kind, token, victims)
    if token.dep_ == "ROOT":  # "Three people dead east of Bozeman"
        return _statement(kind, token, next((c for c in token.children if c.dep_ == "nsubj"), None))
    if token.dep_ in ("amod", "acl") and head.pos_ in ("NOUN", "PROPN"):
        # "three people dead", "five others injured" read as a noun phrase; not "a dead
        # end" (no figure)
        value = count_phrase(head)
        if value and any(c.dep_ == "nummod" for c in head.children):
            return Statement(kind, value, token.i, head.i)
    return None


def statements(span: Any) -> list[Statement]:
    """The casualty statements of a sentence (a spaCy ``Span``), in text order.

    A victim counted dead in the sentence is not also counted injured ("a man was
    shot and died of his wounds").
    """
    found: list[Statement] = []
    for token in span:
        made = _verb_statement(token) if token.pos_ in ("VERB", "AUX") else None
        if made is None:
            made = _state_statement(token) or _noun_statement(token) or _condition_statement(token)
        if made is not None:
            found.append(made)
    dead_victims = {s.victim for s in found if s.kind == "dead"}
    kept: list[Statement] = []
    for made in found:
        if made.kind == "injured" and made.victim in dead_victims:
            continue
        if any(k.kind == made.kind and k.victim == made.victim for k in kept):
            continue  # "was shot and killed": one victim, told twice
        kept.append(made)
    return kept
