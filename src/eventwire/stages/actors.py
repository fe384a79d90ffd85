"""Actors stage: code every participant phrase as country + sector, across the article.

Each argument of a verb or preposition (subjects, objects, agents) is coded from its own
words (``actor_coding.code_phrase``). Then references are followed within the article,
in text order:

- a person keeps what their first mention said ("Secretary of State Antony Blinken",
  later "Blinken");
- a definite description ("the officer") takes the country of the last actor with the
  same head noun or sector ("a Serbian police officer");
- a pronoun subject of reported speech is the speaker ("the army said it had
  retaken the town", "the rebels say they will fight on");
- "he"/"she"/"him"/"her" take the last singular person of this or the previous
  sentence, "it" the last state or organisation, "they"/"them" the last plural actor.

An actor that the text does not identify keeps ``country=None``: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.coding.actors import PhraseCode, code_phrase, is_part_of_group, reported_speaker
from eventwire.model import ARTICLE_ZONES, Document
from eventwire.stages.registry import stage

# Dependency labels of the phrases that can be actors.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "dative", "appos", "oprd"}
)
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_NEUTER_PRONOUNS = frozenset({"it"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})


@dataclass(slots=True)
class _Seen:
    code: PhraseCode
    sentence: int
    index: int = -1  # the head token's index in the document


_PRONOUNS = _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS | _NEUTER_PRONOUNS


def _is_argument(token: Any) -> bool:
    if token.dep_ not in ARGUMENT_DEPS:
        return False
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return True  # "some of the peacekeepers", "four of the companies"
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS
    return token.pos_ in ("NOUN", "PROPN")


def _person_keys(name: str) -> list[str]:
    parts = name.split()
    return [name.lower(), parts[-1].lower()] if parts else []


class _References:
    """What the article has said so far about people and descriptions."""

    def __init__(self) -> None:
        self.people: dict[str, PhraseCode] = {}
        self.seen: list[_Seen] = []
        self.by_token: dict[int, PhraseCode] = {}

    def resolve(self, code: PhraseCode, head: Any, sentence: int) -> PhraseCode:
        actor = code.actor
        if head.pos_ == "PRON" and head.lower_ in _PRONOUNS:
            speaker = reported_speaker(head)
            said = self.by_token.get(speaker.i) if speaker is not None else None
            if said is not None and (said.plural == (head.lower_ in _PLURAL_PRONOUNS)):
                return _same_as(code, said)
            return self._pronoun(code, head.lower_, sentence, _own_subject(head))
        if code.person is None and head.pos_ == "PROPN" and head.lower_ in self.people:
            # spaCy's small model sometimes tags a known person's surname as a place.
            code = replace(code, person=head.text, actor=replace(actor, name=head.text))
        if code.person and (actor.country is None or actor.sector is None):
            for key in _person_keys(code.person):
                known = self.people.get(key)
                if known is not None:
                    return replace(
                        code,
                        actor=replace(
                            actor,
                            country=actor.country or known.actor.country,
                            sector=actor.sector or known.actor.sector,
                            name=known.actor.name or actor.name,
                        ),
                    )
        if actor.country is None and _is_definite(head):
            for earlier in reversed(self.seen):
                other = earlier.code
                same_head = other.head_lemma == code.head_lemma
                same_sector = actor.sector is not None and other.actor.sector == actor.sector
                if (same_head or same_sector) and other.actor.country is not None:
                    return replace(
                        code,
                        actor=replace(
                            actor,
                            country=other.actor.country,
                            sector=actor.sector or other.actor.sector,
                            name=actor.name or other.actor.name,
                        ),
                    )
                if same_head:
                    break
        return code

    def _pronoun(
        self, code: PhraseCode, word: str, sentence: int, excluded: frozenset[int]
    ) -> PhraseCode:
        want_plural = word in _PLURAL_PRONOUNS
        neuter = word in _NEUTER_PRONOUNS
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > 1:
                break
            if earlier.index in excluded:
                continue  # "the court charged him": not the court
            other = earlier.code
            if other.plural != want_plural:
                continue
            if neuter and (
                not other.actor.country or (other.person is not None and not other.country_only)
            ):
                continue  # "it": a state or an organisation of a known country
            if (
                not want_plural
                and not neuter
                and other.person is None
                and other.sector_kind is None
            ):
                continue
            return _same_as(code, other)
        return code

    def remember(self, code: PhraseCode, head: Any, sentence: int) -> None:
        self.by_token[head.i] = code
        if code.person and (code.actor.country or code.actor.sector):
            for key in _person_keys(code.person):
                known = self.people.get(key)
                if known is None or (known.actor.country is None and code.actor.country):
                    self.people[key] = code
        self.seen.append(_Seen(code, sentence, head.i))


def _same_as(code: PhraseCode, other: PhraseCode) -> PhraseCode:
    """``code`` (a pronoun) standing for the actor ``other``."""
    return replace(
        code,
        actor=replace(
            code.actor,
            name=other.actor.name,
            country=other.actor.country,
            sector=other.actor.sector,
        ),
        person=other.person,
    )


def _own_subject(pronoun: Any) -> frozenset[int]:
    """The tokens of the subject of the clause an object pronoun belongs to, which the
    pronoun never stands for ("the court charged him", "the army said troops shot
    them"): a reflexive would be used for that."""
    if pronoun.dep_ not in _OBJECT_DEPS:
        return frozenset()
    clause = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while clause.dep_ == "conj" and not _subjects(clause) and clause.head.i != clause.i:
        clause = clause.head  # "met his counterpart and urged him": the shared subject
    found: set[int] = set()
    for subject in _subjects(clause):
        for token in (subject, *subject.conjuncts):
            found.update(t.i for t in token.subtree)
    return frozenset(found)


def _subjects(clause: Any) -> list[Any]:
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _is_definite(head: Any) -> bool:
    return any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in head.children)


@stage("actors", requires=("doc.spacy_doc", "doc.sentences"), assigns=("doc.actors",))
def code_actors(doc: Document) -> Document:
    spacy_doc = doc.spacy_doc
    references = _References()
    doc.actors = []
    for number, sentence in enumerate(doc.sentences):
        if sentence.zone not in ARTICLE_ZONES:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if not _is_argument(token):
                continue
            code = references.resolve(code_phrase(token), token, number)
            references.remember(code, token, number)
            doc.actors.append(code.actor)
    return doc
