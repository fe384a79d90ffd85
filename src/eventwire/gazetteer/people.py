"""Words of an article that name people, not places, in all their mentions: the words
of multi-word PERSON names ("Blinken" once "Antony Blinken" was seen), and one-word
names that speak or have kin ("McKinney said", "McKinney's daughter"), which the
mention finder (``mentions.py``) keeps from being read as places.
"""

from __future__ import annotations

from typing import Any

from eventwire.gazetteer.names import name_key

__all__ = ["person_words", "speaker_words"]

# Words that end the names of buildings, streets and sites, not of people.
_PLACE_HEAD_WORDS = frozenset(
    {"castle", "street", "road", "avenue", "square", "park", "bridge", "tower", "palace",
     "mosque", "church", "cathedral", "temple", "fort", "gate", "hall", "museum", "hospital"}
)  # fmt: skip


# Verbs of saying whose subject is a person (or a body), never a small town.
_SPEECH_LEMMAS = frozenset({"say", "tell", "ask", "add", "recall", "explain"})
# Nouns of kin and of a person's own people: "McKinney's daughter" is a person's.
_KIN_NOUNS = frozenset(
    {"daughter", "son", "mother", "father", "mom", "dad", "wife", "husband", "brother",
     "sister", "boyfriend", "girlfriend", "fiance", "fiancee", "fiancé", "fiancée",
     "child", "children", "kids", "grandson", "granddaughter", "grandmother",
     "grandfather", "niece", "nephew", "cousin", "aunt", "uncle", "parents", "stepson",
     "stepdaughter", "stepfather", "stepmother", "widow", "relatives"}
)  # fmt: skip
# Labels under which the tagger puts a surname said alone ("McKinney said").
_SPEAKER_LABELS = frozenset({"PERSON", "ORG"})


def speaker_words(spacy_doc: Any) -> set[str]:
    """One-word names the tagger calls a person or an organisation that say something
    ("McKinney said", "Irving told reporters") or have kin ("McKinney's daughter"):
    a surname told alone, which names the same person in all its mentions."""
    words: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ not in _SPEAKER_LABELS or len(ent) != 1 or not ent.text[:1].isupper():
            continue
        root = ent.root
        speaks = root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH_LEMMAS
        kin = root.dep_ == "poss" and root.head.lower_ in _KIN_NOUNS
        if speaks or kin:
            words.add(name_key(root.text))
    return words


def person_words(spacy_doc: Any) -> set[str]:
    """Words of multi-word PERSON names: "Blinken" once "Antony Blinken" was seen (not
    from names of buildings and streets the model took for people: "Karak Castle")."""
    words: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and all(t.is_title for t in ent):
            if ent[-1].lower_ in _PLACE_HEAD_WORDS:
                continue
            words.update(name_key(token.text) for token in ent)
    return words
