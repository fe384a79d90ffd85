"""Tallies: a toll told over a period or over several attacks, not of one incident.

A sentence can give a figure for many attacks at once: a roundup's headline "Six
injured in violent weekend in Toledo", "three killed in weekend shootings", "two men
were wounded in separate shootings Sunday". Its casualty word is told "in" a period
named with no determiner (a weekend, a week, a month, a year: not "in the week since
the attack") or "in" attacks in the plural; such a figure is a tally, and the incident's
toll (``stages/incidents.py``) leaves it out.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.tolls import Statement

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
