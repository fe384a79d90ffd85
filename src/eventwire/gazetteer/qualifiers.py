"""Names joined to a place name: the qualifier of "Paris" in "Paris, Texas", and the
partners of names joined by "and" or "or" ("Montana and Wyoming")."""

from __future__ import annotations

from itertools import pairwise

from eventwire.gazetteer.resolve import ToponymMention
from eventwire.model import Document

__all__ = ["link_qualifiers"]


def link_qualifiers(doc: Document, mentions: list[ToponymMention]) -> None:
    """Mark "Texas" as the qualifier of "Paris" in "Paris, Texas", and names joined by
    "and" or "or" as partners ("Montana and Wyoming")."""
    for first, second in pairwise(mentions):
        if doc.text[first.end : second.start] in (" and ", " or ", ", and ", " & "):
            if first.key != second.key:
                first.partners += (second.key,)
                second.partners += (first.key,)
            continue
        if doc.text[first.end : second.start].strip() != "," or second.source == "demonym":
            continue
        if any(c.is_country or c.feature_code in ("ADM1", "ADM2") for c in second.candidates):
            first.qualifier = second
