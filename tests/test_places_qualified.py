"""A town's name qualified by a first-level region ("London, Ontario") means a town of
that region in all its mentions, whatever else the article names
(``gazetteer.resolve``)."""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Span, Zone
from eventwire.stages.parse import parse
from eventwire.stages.places import places


def _places(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    doc = parse(Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)]))
    places(doc)
    return [(p.text, p.country_code) for p in doc.places]


def test_a_region_qualified_town_keeps_its_region_against_the_rest_of_the_article(
    nlp: Any,
) -> None:
    text = (
        "The rally took place in London, Ontario. Police in London said no one was hurt. "
        "British officials in Manchester said nothing."
    )
    found = _places(nlp, text)
    assert [c for t, c in found if t == "London"] == ["CA", "CA"]
    assert ("Manchester", "GB") in found


def test_an_unqualified_town_still_follows_the_article(nlp: Any) -> None:
    found = _places(nlp, "Police in London said no one was hurt. Officials in Manchester agreed.")
    assert [c for t, c in found if t == "London"] == ["GB"]
