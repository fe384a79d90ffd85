"""Tallies: a toll told over a period or over several attacks, not of one incident.

A sentence can give a figure for many attacks at once: a roundup's headline "Six
injured in violent weekend in Toledo", "three killed in weekend shootings", "two men
were wounded in separate shootings Sunday". Its casualty word is told "in" a period
named with no determiner (a weekend, a week, a month, a year: not "in the week since
the attack") or "in" attacks in the plural; such a figure is a tally, and the incident's
toll (``stages/incidents.py``) leaves it out.

A toll told in the present perfect over a long stretch ("more than 10,000 people have
been killed since 2015", "nearly 500 have died in the violence since May last year",
"the war has killed tens of thousands", "2,500 have been killed in clashes this year")
is a background tally: the past the article recalls, not a new event
(``is_background_tally``; the factuality stage marks its event "historical"). A tally
of the incident itself ("12 have been killed since Friday in the clashes", "the toll
has risen to 15") counts days, not years: it stays news.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.coding.tolls import Statement
from eventwire.timex.calendar import MONTHS as _MONTHS

# A toll told over a period or over several attacks ("six injured in violent weekend",
# "three wounded in separate shootings"): a tally, not the toll of the incident.
_TALLY_PERIODS = frozenset({"weekend", "week", "month", "year"})
_TALLY_ATTACKS = frozenset({"shooting", "attack", "incident"})
_TALLY_PREPS = frozenset({"in", "during", "across"})


def is_tally(doc: Any, found: list[Statement]) -> bool:
    """Whether a casualty word of ``found`` is told "in" a period with no determiner
    ("in violent weekend", not "in the week since") or "in" attacks in the plural ("in
    weekend shootings", "in separate shootings")."""
    for made in found:
        for prep in doc[made.token].children:
            if prep.dep_ != "prep" or prep.lower_ not in _TALLY_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                lemma = noun.lemma_.lower()
                if lemma in _TALLY_PERIODS and not any(c.dep_ == "det" for c in noun.children):
                    return True
                if noun.tag_ == "NNS" and lemma in _TALLY_ATTACKS:
                    return True
    return False


# Verbs of a toll: what a background tally counts.
_TOLL_VERBS = frozenset({"kill", "die", "injure", "wound", "claim", "displace", "slay", "murder"})
# Nouns of a conflict that runs for months or years: "the war has killed tens of
# thousands", "killed since the insurgency began", "killed in the conflict".
_LONG_CONFLICTS = frozenset(
    {"war", "conflict", "insurgency", "uprising", "rebellion", "revolt", "revolution",
     "occupation", "intifada"}
)  # fmt: skip
# Units of a long stretch and what makes one the current or last one ("this year",
# "last year", "in the past decade").
_LONG_UNITS = frozenset({"year", "decade", "century"})
_PERIOD_WORDS = frozenset({"this", "last", "past", "previous"})
# A month counted from at least this many days before publication ("since January" in
# a March article) is a stretch of the past, not the days of one incident.
LONG_AGO_DAYS = 60


def is_background_tally(trigger: Any, verb: Any, published: date | None) -> bool:
    """Whether the clause of ``trigger`` (its verb ``verb``) sums up a toll over a long
    stretch: a present perfect of killing, dying or wounding whose doer or setting is a
    long conflict ("the war has killed", "killed in the conflict"), counted "since" a
    year, a conflict, a year's start or a month long before ``published`` ("since
    2015", "since the war began", "since May last year"), or over the current or last
    year ("this year", "in the past year")."""
    if not {trigger.lemma_.lower(), verb.lemma_.lower()} & _TOLL_VERBS:
        return False
    if not _present_perfect(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent", "prep") and _names_long_conflict(child):
            return True
        if _opens_since(child) and _counts_from_long_ago(child, published):
            return True
        if _is_long_period(child):
            return True
    return False


def _present_perfect(verb: Any) -> bool:
    """A participle with "has"/"have" ("has killed", "have been killed"), or joined to
    one ("has killed thousands and displaced millions")."""
    for clause in (verb, verb.head if verb.dep_ == "conj" else verb):
        if clause.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
            for c in clause.children
        ):
            return True
    return False


def _names_long_conflict(child: Any) -> bool:
    """A subject, an agent or an "in"/"during" phrase that is a long conflict ("the
    war", "by the insurgency", "in the conflict")."""
    if child.dep_ == "nsubj":
        return child.lemma_.lower() in _LONG_CONFLICTS
    if child.dep_ == "prep" and child.lower_ not in ("in", "during", "by"):
        return False
    return any(o.dep_ == "pobj" and o.lemma_.lower() in _LONG_CONFLICTS for o in child.children)


def _opens_since(child: Any) -> bool:
    if child.dep_ == "prep":
        return bool(child.lower_ == "since")
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in child.children
    )


def _counts_from_long_ago(since: Any, published: date | None) -> bool:
    """Whether a "since" phrase or clause counts from long ago: a year ("since 2015"), a
    long conflict ("since the war began"), a year's start ("since the start of the
    year", "since last year") or a month long before ``published``."""
    for token in since.subtree:
        text = token.lower_
        if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
            return True
        lemma = token.lemma_.lower()
        if lemma in _LONG_CONFLICTS or lemma in _LONG_UNITS:
            return True
        month = _MONTHS.get(text) if token.tag_ == "NNP" else None
        if month is not None and published is not None and _long_before(month, published):
            return True
    return False


def _long_before(month: int, published: date) -> bool:
    """Whether the last ``month`` that began by ``published`` began long before it."""
    year = published.year if month <= published.month else published.year - 1
    return (published - date(year, month, 1)).days >= LONG_AGO_DAYS


def _is_long_period(child: Any) -> bool:
    """The current or last year or decade ("this year", "so far this year", "last
    year", "in the past year"), as the verb's own adverbial."""
    nouns = [child] if child.dep_ == "npadvmod" else []
    if child.dep_ == "prep" and child.lower_ in ("in", "over", "during"):
        nouns = [o for o in child.children if o.dep_ == "pobj"]
    return any(
        noun.lemma_.lower() in _LONG_UNITS
        and any(c.lower_ in _PERIOD_WORDS for c in noun.children if c.dep_ in ("det", "amod"))
        for noun in nouns
    )
