"""An event told by a noun with "the" ("the shooting") whose sentence names no place of
it takes the place of the earlier event of its type it refers back to, not the place the
story last named (``stages/places.py``, ``stages/place_scenes.definite_noun``)."""

from __future__ import annotations

import pytest

from labelled_docs import event_places


@pytest.mark.parametrize(
    ("article", "place"),
    [
        ("The shooting was condemned by the mayor.", "Dayton"),  # refers back
        ("A shooting was reported by the mayor.", "Columbus"),  # no reference back
    ],
)
def test_only_the_shooting_takes_the_place_of_the_shooting_told_before(
    article: str, place: str
) -> None:
    text = f"A man was shot in Dayton on Monday. Officials met in Columbus on Tuesday. {article}"
    assert event_places(text, "shot", "shooting")[1] == place
