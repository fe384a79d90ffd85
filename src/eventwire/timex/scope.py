"""Which clause a day of a sentence dates, when the event is told inside a noun phrase.

A sentence often names one happening inside the subject or object of a verb that tells
another: "the victim of Thursday's shooting remained in critical condition Friday
night", "a teen shot by police died Sunday", "two suspects in the killing were arrested
Monday", "the man who set the fire was charged Tuesday". The day written beside the
verb dates what the verb tells (the condition, the death, the arrest, the charge); the
happening named inside its subject or object took place before, on a day the sentence
does not give. A day written inside that phrase ("Thursday's shooting") stays the
happening's own.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Event, TimeExpression
from eventwire.timex.words import load_lexicon

# Dependencies of the noun phrases that hold a happening told before the verb's.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _phrase_of(verb: Any, at: int) -> Any | None:
    """The subject or object of ``verb`` whose words hold the character ``at``."""
    for child in verb.children:
        if child.dep_ not in _ARGUMENTS:
            continue
        words = list(child.subtree)
        if words[0].idx <= at < words[-1].idx + len(words[-1]):
            return child
    return None


def nested_in_argument(doc: Document, event: Event, timex: TimeExpression, verb: int) -> bool:
    """Whether ``event``'s trigger is told inside the subject or object of ``verb`` (the
    verb whose clause holds ``timex``) -- not as that phrase's head noun ("the shooting
    happened Sunday" is the shooting's day) -- while ``timex`` stands outside the
    phrase: the day is the verb's, not the happening's ("the victim of the shooting
    died Sunday")."""
    if doc.spacy_doc is None or event.trigger_start is None:
        return False
    head = doc.spacy_doc[verb]
    phrase = _phrase_of(head, event.trigger_start)
    if phrase is None:
        return False
    if phrase.idx <= event.trigger_start < phrase.idx + len(phrase.text):
        return False  # the trigger heads the phrase
    words = list(phrase.subtree)
    return not words[0].idx <= timex.start < words[-1].idx + len(words[-1])


def court_verb(doc: Document, verb: int) -> bool:
    """Whether the token at ``verb`` is a verb of a step of the court (``court_verb`` in
    ``data/timex_words.tsv``): a day it governs is the court's ("was indicted Tuesday"),
    never the day of a crime told in its subject or object ("a man whose daughter was
    shot"). A day of a verb of telling ("officials identified on Thursday the four
    people who were shot") is left to the incidents stage, which looks for the attack's
    own day when that is all its sentence gives."""
    if doc.spacy_doc is None:
        return False
    return doc.spacy_doc[verb].lemma_.lower() in load_lexicon().court_verbs


# Verbs (lemmas) of a step taken against a suspect after the deed, besides the court's
# (``court_verb``): arrest, detention, prison. The deed they are taken for, told in a
# phrase of theirs ("charged Tuesday with the murder of", "arrested Monday in the
# shooting death of", "sentenced for the beating of"), did not happen on their day.
_STEPS_AFTER_THE_DEED = frozenset({"acquit", "arrest", "detain", "jail", "prosecute", "imprison"})


def deed_of_a_later_step(doc: Document, event: Event, timex: TimeExpression, verb: int) -> bool:
    """Whether ``event``'s trigger is told in a prepositional phrase of ``verb`` (the verb
    whose clause holds ``timex``), a step taken against a suspect after the deed
    ("was charged Tuesday with the murder of his neighbor"), while ``timex`` stands
    outside the phrase: the day is the step's, not the deed's. A day inside the phrase
    ("in the shooting on Sunday") stays the deed's."""
    if doc.spacy_doc is None or event.trigger_start is None:
        return False
    head = doc.spacy_doc[verb]
    lemma = head.lemma_.lower()
    if lemma not in _STEPS_AFTER_THE_DEED and lemma not in load_lexicon().court_verbs:
        return False
    for child in head.children:
        if child.dep_ != "prep" or not _names_the_deed(child):
            continue
        words = list(child.subtree)
        opens, closes = words[0].idx, words[-1].idx + len(words[-1])
        if opens <= event.trigger_start < closes:
            return not opens <= timex.start < closes
    return False


# Prepositions of a step that name the deed it is taken for ("charged with the murder
# of", "jailed for the beating of", "arrested over the killing of"); "in" only before the
# deed's own name with its victim ("arrested in the shooting death of", "in connection
# with"). Not the scene: "arrested during a rally", "at a protest", "in clashes".
_DEED_PREPOSITIONS = frozenset({"with", "for", "over"})


def _names_the_deed(preposition: Any) -> bool:
    word = preposition.lower_
    if word in _DEED_PREPOSITIONS:
        return True
    if word != "in":
        return False
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        o.lower_ == "connection" or any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
        for o in objects
    )


# Kinds of happening told by a verb of speech or judgement, whose complement tells
# another happening ("accuses him of staging a coup in July", "praised them for freeing
# the hostages on Monday", "denied killing his wife in 2012").
SPEECH_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST"})
_COMPLEMENTS = frozenset({"pcomp", "xcomp", "ccomp", "pobj", "prep", "dobj"})


def in_complement(doc: Document, event: Event, own: int | None, verb: int | None) -> bool:
    """Whether ``verb`` (the verb of a day's clause) heads a complement of ``own`` (the
    verb of ``event``'s trigger), and ``event`` is told by a verb of speech or judgement:
    the day dates what is accused, praised, denied or asked for, not the telling."""
    if event.type not in SPEECH_TYPES or doc.spacy_doc is None:
        return False
    if own is None or verb is None or own == verb:
        return False
    token = doc.spacy_doc[verb]
    for _ in range(4):
        if token.dep_ not in _COMPLEMENTS or token.head.i == token.i:
            return False
        token = token.head
        if token.i == own:
            return True
    return False
