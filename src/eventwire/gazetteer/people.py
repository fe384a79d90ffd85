"""Words of an article that name people, not places, in all their mentions: the words
of multi-word PERSON names ("Blinken" once "Antony Blinken" was seen), and one-word
names the article makes speak ("McAllen said", "Denton asked"): a town does not say
or ask anything, so a name that speaks is a person's throughout the article, in "Denton's
daughter" too. A country or a first-level region may still speak for its government
("Georgia said"): those stay places (``mentions.py`` checks).
"""

from __future__ import annotations

from typing import Any

from eventwire.gazetteer.names import name_key

__all__ = ["PLACE_HEAD_WORDS", "person_words", "speakers"]

# Words that end the names of buildings, streets and sites, not of people.
PLACE_HEAD_WORDS = frozenset(
    {"castle", "street", "road", "avenue", "square", "park", "bridge", "tower", "palace",
     "mosque", "church", "cathedral", "temple", "fort", "gate", "hall", "museum", "hospital"}
)  # fmt: skip
# Verbs of speaking whose subject is a person ("Denton said", "Denton asked").
_SPEECH_VERBS = frozenset(
    {"say", "tell", "ask", "add", "explain", "recall", "recount", "describe", "write",
     "reply", "insist", "wonder", "testify"}
)  # fmt: skip


def person_words(spacy_doc: Any) -> set[str]:
    """Words of multi-word PERSON names: "Blinken" once "Antony Blinken" was seen, and
    "McKay" once "Tavarius McKay" was (not from names of buildings and streets the model
    took for people: "Karak Castle")."""
    words: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and all(is_name_word(t) for t in ent):
            if ent[-1].lower_ in PLACE_HEAD_WORDS:
                continue
            words.update(name_key(token.text) for token in ent)
    return words


def is_name_word(token: Any) -> bool:
    """A word written as a name: a capital, then not all capitals ("Blinken",
    "McKay", "O'Neal", "Smith-Jones"; not "CNN")."""
    text = token.text
    return bool(text[:1].isupper() and any(ch.islower() for ch in text) and token.is_alpha) or (
        token.is_title
    )


def speakers(spacy_doc: Any) -> set[str]:
    """One-word names the tagger calls people that are the subject of a verb of
    speaking ("'It hurts,' Denton said"; "Denton asked"), as name keys."""
    found: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ != "PERSON" or len(ent) != 1 or not is_name_word(ent[0]):
            continue
        token = ent[0]
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH_VERBS:
            found.add(name_key(token.text))
    return found
