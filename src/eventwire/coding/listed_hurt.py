"""Hurt listed clause by clause in one sentence: "two people are in critical condition
and three are being treated for wounds" tells 5 hurt, not the larger of 2 and 3.

``coding/tolls.py`` reads each clause as a statement of its own; here the statements whose
victims are numbered subjects of coordinated clauses are added up into one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.coding.tolls import Statement


def _numbered_subject(doc: Any, made: Statement) -> Any | None:
    """The verb whose numbered subject ("two people", "four") a statement's victims are."""
    if made.kind != "injured" or made.victim is None:
        return None
    victim = doc[made.victim]
    if victim.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if victim.pos_ != "NUM" and not any(c.dep_ == "nummod" for c in victim.children):
        return None
    return victim.head


def _chain_head(verb: Any) -> Any:
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def listed_injured(found: list[Statement], doc: Any) -> list[Statement]:
    """The hurt a sentence lists clause by clause add up: "two people are in critical
    condition and three are being treated for wounds" (5). Each part is a numbered
    subject of its own coordinated clause, so they are different victims; one part said
    to have lived (a condition, light wounds) makes the whole list the living hurt."""
    groups: dict[int, list[tuple[Statement, Any]]] = {}
    for made in found:
        verb = _numbered_subject(doc, made)
        if verb is not None:
            groups.setdefault(_chain_head(verb).i, []).append((made, verb))
    merged: list[Statement] = []
    for parts in groups.values():
        if len({verb.i for _, verb in parts}) < 2:
            continue
        listed = [made for made, _ in parts]
        merged.append(
            replace(
                listed[0],
                count=sum(m.count for m in listed),
                hit=all(m.hit for m in listed),
            )
        )
        found = [m for m in found if m not in listed]
    return sorted([*found, *merged], key=lambda m: m.token)
