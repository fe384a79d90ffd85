"""Tolls that grow: a sentence that gives an incident's dead all told, as the news
updates them ("the death toll rose to 15", "has risen to", "climbed to", "reached 30",
"stands at 12", "raising the death toll to 15", "taking the toll to three"). The dead
such a sentence also names ("three of the wounded died, raising the death toll to 15")
are among that total. A toll of a war, a place or a period is no incident's ("the toll
in the war rose to 500", "this year's toll"). The incidents toll
(``stages/incident_toll.py``) takes the latest such figure as the incident's dead.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.victims import count_phrase

# A toll that grows: "the death toll rose to 15", "has risen to", "climbed to",
# "reached 30", "stands at 12"; "raising the death toll to 15", "taking the toll to three",
# "bringing the toll to".
_TOLL_RISING = frozenset({"rise", "climb", "reach", "jump", "increase", "mount", "soar", "stand",
                          "go", "hit"})  # fmt: skip
_TOLL_RAISING = frozenset({"raise", "take", "bring", "push", "put", "increase", "lift"})
_TOLL_PREPS = frozenset({"to", "at"})
# A toll of a war, a conflict or a period is no toll of one incident: "the toll in the
# war rose to 500", "this year's toll".
_WIDE_TOLLS = frozenset(
    {"war", "conflict", "insurgency", "fighting", "campaign", "offensive", "pandemic",
     "epidemic", "outbreak", "year", "month", "week", "decade", "country", "region",
     "state", "province", "nation", "crisis", "unrest", "uprising"}
)  # fmt: skip
# Tolls of what is not death: "the injury toll", "a heavy toll on the economy".
_NOT_DEATH_TOLLS = frozenset({"injury", "road", "economic", "human", "financial", "emotional"})
# Words that make a toll a running total of more than one incident: "the overall death
# toll", "the nationwide toll", "so far", "since the protests began".
_TOTAL_WORDS = frozenset(
    {"overall", "total", "cumulative", "nationwide", "countrywide", "combined", "far"}
)  # fmt: skip
# What a toll of one incident may be "of", "in" or "from": the attack itself ("the
# death toll from the blast rose to 15"). A toll of anything else (a place, the
# violence, the protests, the injured) is wider or not of the dead.
_INCIDENT_NOUNS = frozenset(
    {"attack", "attacks", "shooting", "blast", "bombing", "explosion", "strike", "airstrike",
     "massacre", "ambush", "raid", "firing", "stampede", "incident", "assault", "clash",
     "clashes", "riot", "violence"}
)  # fmt: skip
# A toll foretold is no toll yet: "could rise to 20", "is expected to rise".
_FORETOLD = frozenset({"could", "may", "might", "would", "will", "'ll", "should", "can"})
_FORETELLING = frozenset({"expect", "likely", "feared", "fear", "set", "bound", "predict"})


def toll_total(span: Any) -> int | None:
    """The incident's dead, all told, when ``span`` says its (death) toll grew to a
    figure: "the death toll rose to 15", "has risen to", "climbed to", "reached 30",
    "raising the death toll to 15", "taking the toll to three" (the dead it names, such
    as "three of the wounded died", are among that total, not beside it). None for a
    toll of a war, a place or a period ("the toll in the war rose to 500", "this
    year's toll") and for any other sentence. The last figure of the sentence wins."""
    total: int | None = None
    for token in span:
        if token.lemma_.lower() != "toll" or token.pos_ != "NOUN":
            continue
        if _wide_toll(token):
            continue
        verb = token.head
        lemma = verb.lemma_.lower()
        if token.dep_ == "nsubj" and lemma in _TOLL_RISING:
            figure = _toll_figure(verb, direct=lemma in ("reach", "hit"))
        elif token.dep_ == "dobj" and lemma in _TOLL_RAISING:
            figure = _toll_figure(verb, direct=False)
        else:
            continue
        if figure is not None and not _foretold_or_wider(verb):
            total = figure
    return total


def _foretold_or_wider(verb: Any) -> bool:
    """Whether a toll's verb is denied, foretold ("could rise to 20", "is expected to
    rise") or counts a running total ("has risen to 41 since the protests began",
    "rose to 23 nationwide")."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _FORETOLD):
            return True
        if child.dep_ == "prep" and child.lower_ == "since":
            return True
        if child.lower_ in _TOTAL_WORDS or any(g.lower_ in _TOTAL_WORDS for g in child.children):
            return True  # "rose to 23 nationwide", "so far"
    head = verb.head
    return verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _FORETELLING


def _wide_toll(toll: Any) -> bool:
    """Whether ``toll`` is of something wider than an incident, or not of the dead."""
    for child in toll.children:
        if child.dep_ in ("compound", "amod") and child.lower_ in _NOT_DEATH_TOLLS:
            return True
        if child.dep_ in ("compound", "amod", "advmod") and child.lower_ in _TOTAL_WORDS:
            return True  # "the overall death toll"
        if child.dep_ == "poss" and child.lemma_.lower() in _WIDE_TOLLS:
            return True  # "this year's toll", "the war's toll"
        if child.dep_ == "prep" and child.lower_ == "since":
            return True  # "the toll since the protests began"
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "during", "across"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(not _of_the_incident(g) for g in objects):
                return True  # "the toll in Gaza", "the toll of the protests", "of the injured"
    return False


def _of_the_incident(noun: Any) -> bool:
    """Whether a toll's "of"/"in"/"from" object is the incident itself ("the toll from
    the blast", "in the attack"), not a place, a wave of protests or the injured."""
    if noun.lemma_.lower() not in _INCIDENT_NOUNS and noun.lower_ not in _INCIDENT_NOUNS:
        return False
    return not any(
        c.dep_ in ("amod", "compound") and c.lower_ in _WIDE_TOLLS | {"ethnic", "communal"}
        for c in noun.children
    )  # "the ethnic violence", "the year's attacks"


def _toll_figure(verb: Any, direct: bool) -> int | None:
    """The figure a toll's verb names: "to 15", "at 12", or ("reached 30") its object."""
    for child in verb.children:
        if direct and child.dep_ == "dobj":
            return _figure(child)
        if child.dep_ == "prep" and child.lower_ in _TOLL_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _figure(obj)
    return None


def _figure(word: Any) -> int | None:
    """The number ``word`` is or counts ("15", "three", "15 people"); None for a phrase
    with no number ("reached a record")."""
    if word.pos_ != "NUM" and not any(c.dep_ == "nummod" for c in word.children):
        return None
    return count_phrase(word)
