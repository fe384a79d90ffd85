"""The event-pattern file: inflections, validation, and the most specific pattern first."""

from __future__ import annotations

import pytest

from eventwire.coding.lexicon import event_patterns, parse_patterns, verb_forms
from eventwire.errors import ResourceError

TYPES = "types:\n  ASSAULT: ['18', 4]\n  ACCUSE: ['11', 3]\n"


def test_verb_forms_cover_regular_inflections() -> None:
    assert {"staged", "stages", "staging"} <= verb_forms("stage")
    assert {"rapes", "raped", "raping"} <= verb_forms("rape")
    assert {"shelled", "shelling"} <= verb_forms("shell")
    assert {"occupied", "occupies"} <= verb_forms("occupy")
    assert {"stopped", "stopping"} <= verb_forms("stop")


def test_most_specific_pattern_is_tried_first() -> None:
    text = TYPES + (
        "patterns:\n"
        "  - {trigger: protest, type: ASSAULT}\n"
        "  - {trigger: protest, type: ACCUSE, prep: [to]}\n"
    )
    patterns = parse_patterns(text, "<test>")
    assert [p.type for p in patterns.for_verb("protested")] == ["ACCUSE", "ASSAULT"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{trigger: hit, type: NOPE}", "not declared"),
        ("{trigger: hit, type: ASSAULT, confidence: high}", "confidence must be a number"),
        ("{trigger: hit, type: ASSAULT, mode: [a, b]}", "mode must be one word"),
        ("{trigger: fire, type: ASSAULT, prep: [on]}", "quote them"),
        ("{trigger: hit, type: ASSAULT, colour: red}", "unknown keys"),
    ],
)
def test_bad_patterns_name_the_file_and_the_pattern(entry: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message) as info:
        parse_patterns(TYPES + f"patterns:\n  - {entry}\n", "custom.yaml")
    assert "custom.yaml: pattern 1" in str(info.value)


def test_promised_as_maps_a_type_to_the_type_of_promising_it() -> None:
    text = TYPES + "promised_as:\n  ASSAULT: ASSAULT\npatterns: []\n"
    assert parse_patterns(text, "<test>").promised_as == {"ASSAULT": "ASSAULT"}
    with pytest.raises(ResourceError, match=r"custom\.yaml: promised_as: unknown type 'NOPE'"):
        parse_patterns(TYPES + "promised_as:\n  ASSAULT: NOPE\npatterns: []\n", "custom.yaml")


def test_the_shipped_patterns_code_promised_concessions_as_concede() -> None:
    assert event_patterns().promised_as["CONCEDE"] == "CONCEDE"
