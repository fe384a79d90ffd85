"""The body a pronoun stands for when the references found none of a known country.

The actors stage follows "it" to the last state or organisation of a known country and
"they" to the last plural actor. A body known only by its kind ("Uber has been told
... but it is refusing", "the union said it would strike", "the rescue groups said they
had no room") has no country when the actors stage reads it, so the pronoun is left
without a code. Once every side has its default sector, a pronoun side with no code
takes the code of the subject it stands for: the nearest subject before it, in its own
sentence or the one before, of the same number ("it" a singular thing, "they" a
plural one), that is not a person and has a code (a thing, "its depot is illegal",
is passed over); a proper name of no person or place that "it" stands for is a body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from eventwire.coding.actors import PLURAL_NOUNS
from eventwire.coding.group_sectors import name_sector
from eventwire.model import Actor

_SINGULAR = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NOT_BODIES = frozenset({"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def _root(spacy_doc: Any, actor: Actor) -> Any | None:
    if actor.start is None or actor.end is None:
        return None
    span = spacy_doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None


def _named_body(candidate: Actor, root: Any, plural: bool) -> Actor | None:
    """A proper name of no entity type or an organisation's, that "it" stands for: no
    person and no place (those have a country), so a body; by the kind of its name
    (``group_sectors.name_sector``), else a firm (BUS), as the organisation defaults
    code an organisation the lists do not know."""
    if plural or root.pos_ != "PROPN" or root.ent_type_ not in ("", "ORG"):
        return None
    words = [t for t in root.subtree if t.i <= root.i and t.pos_ in ("PROPN", "NOUN", "DET")]
    sector = name_sector(words) or "BUS"
    return replace(candidate, sector=sector, inferred=True)


def body_antecedent(
    spacy_doc: Any,
    actors: list[Actor],
    actor: Actor | None,
    coded: Callable[[Actor], Actor | None],
) -> Actor | None:
    """``actor`` with the code of the body it stands for, when it is "it" or "they"
    with no code (see the module docstring); ``coded`` gives a candidate its default
    sector. ``actor`` unchanged otherwise."""
    if actor is None or actor.country is not None or actor.sector is not None:
        return actor
    if spacy_doc is None:
        return actor
    pronoun = _root(spacy_doc, actor)
    if pronoun is None or pronoun.pos_ != "PRON" or pronoun.lower_ not in _SINGULAR | _PLURAL:
        return actor
    plural = pronoun.lower_ in _PLURAL
    sentence = pronoun.sent
    first = sentence.start
    if first > 0:
        first = spacy_doc[first - 1].sent.start  # the sentence before
    begin = spacy_doc[first].idx
    before = [
        a
        for a in actors
        if a.start is not None and begin <= a.start < (actor.start or 0) and a is not actor
    ]
    for candidate in sorted(before, key=lambda a: a.start or 0, reverse=True):
        root = _root(spacy_doc, candidate)
        if root is None or root.dep_ not in _SUBJECT_DEPS or root.pos_ == "PRON":
            continue
        if root.ent_type_ in _NOT_BODIES:
            continue
        if (root.tag_ in ("NNS", "NNPS") or root.lower_ in PLURAL_NOUNS) != plural:
            continue
        if root.head.i == pronoun.head.i:
            continue  # "the authorities dismissed them": not themselves
        found = coded(candidate)
        if found is not None and found.country is None and found.sector is None:
            found = _named_body(candidate, root, plural)
        if found is None or (found.country is None and found.sector is None):
            continue  # a thing ("its depot is illegal"): not what acts
        return replace(
            actor,
            country=found.country,
            sector=found.sector,
            name=found.name,
            inferred=found.inferred,
        )
    return actor
