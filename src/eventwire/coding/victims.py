"""Victims in a parse: who a casualty verb was done to, and how many people a phrase counts.

``coding/tolls.py`` reads casualty statements with these: the victims of a verb (its
object, or its passive subject; "a boy who was fatally shot" is the boy), the figure a
noun phrase gives ("dozens of people", "three of the guards", "a total of four people"),
coordinated victims added up ("a man, two women and a small child" is 4), and the
subjects that are no victims (a dateline's "MIAMI", "no one else"). A participle or
gerund with no subject of its own tells of the subject of the clause it hangs on ("a
man is recovering after being shot").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from eventwire.datafiles import read_word_table

REFLEXIVES = frozenset({"himself", "herself"})
_RELATIVES = frozenset({"who", "that", "which"})
_GROUP_WORDS = frozenset({"total", "number", "group", "family"})
_PERSON_PRONOUNS = {
    "he": 1, "she": 1, "him": 1, "her": 1, "they": None, "both": 2, "another": 1,
}  # fmt: skip
# Named entities that are no victims (a dateline's "MIAMI", a station's call sign).
_NOT_PERSON_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


@lru_cache(maxsize=1)
def quantity_words() -> Mapping[str, int]:
    """Number words and vague quantities -> the figure coded (``data/quantities.tsv``)."""
    return read_word_table(
        "quantities.tsv", "value", lambda cell: int(cell) if cell.isdigit() else None, "number"
    )


def _number(token: Any) -> int | None:
    text = token.lower_
    if len(text) == 4 and text.isdigit() and token.ent_type_ == "DATE":
        return None  # a year ("the third homicide of 2019"), no count
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


# Nouns of an apposition that gives the victims' ages ("two men, ages 19 and 22").
_AGE_WORDS = frozenset({"age", "ages", "aged"})


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
    for appos in head.children:  # "one adult male, one adult female, and two children"
        if appos.dep_ != "appos" or appos.lower_ in _AGE_WORDS:
            continue  # "Two women, ages 30 and 64,": their ages, not more victims
        if any(c.dep_ == "nummod" for c in appos.children):
            total += count_phrase(appos) or 0
    for conj in _conjuncts(head):
        part = count_phrase(conj) if conj.pos_ not in ("PROPN", "PRON") else 1
        if part is None:
            return total
        total += part
    return total


def _conjuncts(head: Any) -> Iterator[Any]:
    for child in head.children:
        if child.dep_ == "conj" and (
            child.pos_ in ("NOUN", "PROPN", "NUM") or child.lower_ in REFLEXIVES
        ):
            yield child
            yield from _conjuncts(child)


def subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            if child.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "a boy who was fatally shot": the boy
            if child.lower_ in _RELATIVES and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
                return verb.head.head  # "a boy who police say was shot": the boy
            return child
    controlled = _controlling_subject(verb)
    if controlled is not None:
        return controlled
    # "... and killed": a conjoined verb shares its first verb's subject.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return verb.head  # "a man who was killed", "two people killed in the shooting"
    for aux in verb.children:  # "Also wounded were three diners"
        if aux.dep_ == "auxpass":
            for child in [*verb.children, *aux.children]:
                if child.dep_ == "attr" and child.i > verb.i:
                    return child
    return None


def _controlling_subject(verb: Any) -> Any | None:
    """Who a participle or gerund with no subject of its own tells of: the subject of
    the clause it hangs on ("a man is recovering after being shot", "four people shot in
    the head, killed", "two men were found suffering from wounds"). (After a verb of
    finding, "police found a man suffering from wounds", the parser makes the
    participle a clause of its own or a modifier of the man: no case here.)"""
    if verb.tag_ not in ("VBN", "VBG") or any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "mark") for c in verb.children
    ):
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP":
        head = head.head  # "after being shot": the clause "after" hangs on
    elif verb.dep_ not in ("advcl", "xcomp"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(head)


def object_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def is_passive(verb: Any) -> bool:
    """A passive, or a participle whose "were" is left out ("five others injured")."""
    deps = {child.dep_ for child in verb.children}
    return "auxpass" in deps or (
        verb.tag_ == "VBN"
        and "aux" not in deps
        and verb.dep_ in ("acl", "relcl", "conj", "ROOT", "ccomp", "advcl")
    )


def victims_of(verb: Any) -> Any | None:
    """Who a casualty verb was done to: its object, or its (passive) subject; for a
    participle that completes another verb, that verb's subject ("four people were
    found shot dead")."""

    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("xcomp", "ccomp", "oprd")
        and object_of(verb) is None
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    ):
        return subject_of(verb.head)
    if is_passive(verb):
        return subject_of(verb)
    return object_of(verb)


def denied(victims: Any) -> bool:
    """ "No one else was injured", "nobody was hurt", "none of them", "neither guard"."""
    if victims.lower_ in ("nobody", "none", "noone", "neither"):
        return True
    if any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in victims.children
    ):
        return True
    before = victims.doc[victims.i - 1] if victims.i > 0 else None
    return before is not None and before.lower_ == "no"


def no_person(token: Any) -> bool:
    """A place or an organisation read as a subject ("MIAMI (CBSMiami) — A girl died")."""
    return token.pos_ == "PROPN" and (
        token.ent_type_ in _NOT_PERSON_ENTITIES or (token.ent_type_ == "ORG" and token.is_upper)
    )
