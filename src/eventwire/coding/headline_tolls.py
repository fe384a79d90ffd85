"""Headline tolls: who a headline's bare casualty participle tells of.

Headlines drop the auxiliary of the passive: "Six shot at nightclub", "Hunter shot on
Grand Mesa", "Mother and daughter shot in home invasion", "2 injured in shooting" are
"were shot", "was shot", "were injured". The parser reads such a participle as an
active past ("Hunter shot", the hunter shooting) or "shot" as a noun ("Six shot"), so
the body's readings (``coding/tolls.py``) find no victim. In a sentence shaped like a
headline (no closing full stop, short) this module reads:

- a casualty verb in the past with no auxiliary and no object: its subject is its
  victims ("Hunter shot on grand mesa", "Teen killed, another wounded"), not the doer;
  not "shot at" (the subject fired at someone) nor a pronoun subject;
- "shot" read as a noun with a figure: "Six shot at nightclub", "Five shot, one
  killed";
- victims joined by a comma, as headlines join them for "and": "Man, woman wounded",
  "Father, son hurt" (not an age: "Boy, 16, fatally shot" is one boy);
- a condition word on a noun: "Child killed, father critical" (one hurt).

Each reading is a ``Reading`` (kind, cue token, victims token, hit); ``coding/tolls.py``
turns it into a casualty statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Casualty verbs a headline uses as bare participles, and the kind each tells.
_DEAD_VERBS = frozenset({"kill", "murder", "slay"})
_HURT_VERBS = frozenset({"wound", "injure", "hurt"})
_SHOOT_VERBS = frozenset({"shoot"})
_FATAL_WORDS = frozenset({"fatally", "dead", "mortally"})
# Conditions a headline gives a noun: "father critical".
_CONDITION_WORDS = frozenset({"critical", "hospitalized"})
# The dead a headline names by an adjective: "Youth dead after shooting".
_DEAD_WORDS = frozenset({"dead"})
# Nouns a condition word describes that are no victims: "critical condition".
_STATE_NOUNS = frozenset(
    {"condition", "conditions", "injury", "injuries", "wound", "wounds", "care", "state"}
)
_CLOSERS = frozenset({".", "!", "?", '"', "”", "'", "’", ")"})
_MAX_TOKENS = 25
_RELATIVES = frozenset({"who", "that", "which"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One casualty a headline tells: its kind ("dead" or "injured"), the cue word,
    the head of its victims phrase, and whether the victims may be among the dead."""

    kind: str
    cue: Any
    victims: Any
    hit: bool = False


def is_headline(span: Any) -> bool:
    """Whether a sentence is shaped like a headline: short and with no closing full
    stop (nor a question or exclamation mark)."""
    words = [t for t in span if not t.is_space]
    return bool(words) and len(words) <= _MAX_TOKENS and words[-1].text not in _CLOSERS


def _bare_participle(token: Any) -> bool:
    """A past form with no auxiliary, no object and a subject of its own."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN"):
        return False
    children = list(token.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "xcomp") for c in children):
        return False
    # "police shot at a car": the subject fired
    return not any(c.dep_ == "prep" and c.lower_ == "at" for c in children)


def _subject(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
            return None if child.lower_ in _RELATIVES else child
    return None


def comma_victims(head: Any) -> int:
    """How many more victims a headline joins to ``head`` by a comma: "Man, woman
    wounded" (one more: "man"), not an age ("Boy, 16, fatally shot")."""
    extra = 0
    doc = head.doc
    for child in head.children:
        if (
            child.i < head.i
            and child.dep_ in ("nmod", "compound", "appos", "npadvmod", "dep", "amod")
            and child.pos_ in ("NOUN", "PROPN")
            and child.i + 1 < len(doc)
            and doc[child.i + 1].text == ","
        ):
            extra += 1  # "Man, woman wounded": "man" hangs on "woman"
        elif (
            child.i > head.i
            and child.dep_ == "appos"
            and child.pos_ == "NOUN"
            and doc[child.left_edge.i - 1].text == ","
            and not any(c.pos_ == "VERB" for c in child.children)
        ):
            extra += 1  # "Mother, 8-year-old son shot": a common noun, no name or age
    return extra


def _aged_shot(token: Any) -> bool:
    """ "shot" read as a noun that an age describes: "a 17-year-old shot and killed by
    an officer", "4-year-old shot in St. Augustine" (the participle of a victim)."""
    return (
        token.lower_ == "shot"
        and token.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ == "old" for c in token.children)
    )


def _shot_noun_reading(token: Any) -> Reading:
    """The victims of "shot" read as a noun: dead when "fatally" or "and killed" says
    so, else hit."""
    if any(c.lower_ in _FATAL_WORDS for c in token.children) or _and_killed(token):
        return Reading("dead", token, token)
    return Reading("injured", token, token, hit=True)


def _and_killed(token: Any) -> bool:
    """ "13-year-old shot and killed": the killing verb right after "shot and"."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ in ("and", "&")
        and doc[token.i + 2].lemma_.lower() in _DEAD_VERBS
    )


def headline_readings(span: Any, cues: set[int]) -> list[Reading]:
    """The casualties a headline-shaped ``span`` tells by the readings above, for cue
    words not in ``cues`` (the words the body's readings already read)."""
    headline = is_headline(span)
    found: list[Reading] = []
    for token in span:
        if token.i in cues:
            continue
        if not headline:
            if _aged_shot(token):  # the misreading of "a 17-year-old shot and killed"
                found.append(_shot_noun_reading(token))
            continue
        lemma = token.lemma_.lower()
        if lemma in _DEAD_VERBS | _HURT_VERBS | _SHOOT_VERBS and _bare_participle(token):
            victims = _subject(token)
            if victims is None:
                continue
            fatal = any(
                c.lower_ in _FATAL_WORDS
                or (c.dep_ in ("conj", "acl") and c.lemma_.lower() in _DEAD_VERBS)
                for c in token.children
            )  # "fatally shot", "student shot, killed"
            if lemma in _DEAD_VERBS or (lemma in _SHOOT_VERBS and fatal):
                found.append(Reading("dead", token, victims))
            else:
                found.append(Reading("injured", token, victims, hit=lemma in _SHOOT_VERBS))
        elif _aged_shot(token) or (
            token.lower_ == "shot"
            and token.pos_ == "NOUN"
            and any(c.dep_ == "nummod" for c in token.children)
        ):
            found.append(_shot_noun_reading(token))  # "Six shot at nightclub"
        elif (
            token.lower_ in _CONDITION_WORDS
            and token.dep_ == "amod"
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.lower_ not in _STATE_NOUNS
        ):
            found.append(Reading("injured", token, token.head))  # "father critical"
        elif (
            token.lower_ in _DEAD_WORDS
            and token.dep_ in ("amod", "advmod")
            and token.head.i < token.i
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            found.append(Reading("dead", token, token.head))  # "Youth dead after shooting"
    return found


def past_colon(victims: Any) -> Any:
    """The victims of a headline that names its source before a colon ("Police: 7-year-old
    girl dies after shooting"): the parser makes the source the subject and the victims
    its apposition; the apposition is the victims."""
    doc = victims.doc
    if victims.i + 1 >= len(doc) or doc[victims.i + 1].text != ":":
        return victims
    if victims.left_edge.i != victims.sent.start:
        return victims  # "also wounded were four patrons: ...": a list, no source
    return next((c for c in victims.children if c.dep_ == "appos" and c.i > victims.i), victims)

