"""Police killings and arrests as local news tells them (sentences written for these
tests): uncounted deaths, arrests told by a participle, arrests only aimed at or
denied, and police bodies named by their local titles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.model import Document, Event, RawDocument

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Coder:
    """The evaluation's coding stages, with the detector and the agents stage."""
    from eventwire.evaluate.events import CODING_STAGES
    from eventwire.run.pipeline import Pipeline

    pipeline = Pipeline(CODING_STAGES)

    def run(text: str) -> Document:
        docs = pipeline.process_raw(RawDocument(text=text, origin="<test>"))
        assert len(docs) == 1
        return docs[0]

    return run


def _arrests(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "COERCE" and e.mode == "arrest"]


def _police_arrests(doc: Document) -> list[Event]:
    return [e for e in _arrests(doc) if e.factual and e.actor and e.actor.sector == "COP"]


def test_uncounted_deaths_in_police_firing_are_at_least_one(code: Coder) -> None:
    doc = code("nagpur: more people died in police firing than in the riots, officials said.")
    kills = [e for e in doc.events if e.type == "ASSAULT" and e.factual]
    assert any(e.actor and e.actor.sector == "COP" and e.dead == 1 for e in kills), [
        (e.trigger, e.actor, e.dead) for e in kills
    ]


def test_a_counted_death_keeps_its_figure(code: Coder) -> None:
    doc = code("meerut: officials said nine people died in police firing on the crowd.")
    kills = [e for e in doc.events if e.type == "ASSAULT" and e.factual]
    assert any(e.dead == 9 for e in kills)
    assert not any(e.dead == 1 for e in kills)


def test_a_threat_to_kill_counts_no_dead(code: Coder) -> None:
    doc = code("The gang threatened to kill the shopkeepers.")
    assert all(e.dead is None for e in doc.events if e.type == "ASSAULT")


def test_people_arrested_by_a_participle_are_its_recipient(code: Coder) -> None:
    doc = code("The court will hear the bail pleas of the 14 traders arrested in indore.")
    arrests = _arrests(doc)
    assert arrests
    arrest = arrests[0]
    assert arrest.actor is not None and arrest.actor.sector == "COP"
    assert arrest.actor.inferred
    assert arrest.recipient is not None and "traders" in arrest.recipient.text


def test_a_participle_arrest_keeps_its_stated_agent(code: Coder) -> None:
    doc = code("The lawyer met the two students arrested by the railway police in pune.")
    arrests = _arrests(doc)
    assert arrests
    assert arrests[0].actor is not None and not arrests[0].actor.inferred
    assert arrests[0].actor.sector == "COP"


@pytest.mark.parametrize(
    "text",
    [
        "The collector issued orders to arrest anyone who breaks the curfew.",
        "The district police sent two teams to kanpur to apprehend the suspect.",
        "Officers said they were unable to arrest the accused before he fled.",
        "The magistrate gave the revenue officers powers to make arrests.",
    ],
)
def test_an_arrest_only_aimed_at_is_not_made(code: Coder, text: str) -> None:
    assert _police_arrests(code(text)) == [], [(e.trigger, e.factual) for e in _arrests(code(text))]


def test_an_arrest_managed_is_made(code: Coder) -> None:
    assert _police_arrests(code("The police managed to arrest the two smugglers at dawn."))


@pytest.mark.parametrize(
    "text",
    [
        "Nobody was arrested during the march, the officer said.",
        "None of the marchers was detained by the police.",
    ],
)
def test_an_arrest_denied_by_its_subject_is_negated(code: Coder, text: str) -> None:
    assert _police_arrests(code(text)) == []


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The suspect was arrested by the anti-terrorist squad in surat.", "anti-terrorist squad"),
        ("Two pickpockets were detained by the government railway police.", "railway police"),
        ("The dcp said the crime branch had arrested three men.", "crime branch"),
    ],
)
def test_local_police_bodies_are_police(code: Coder, text: str, agent: str) -> None:
    found = _police_arrests(code(text))
    assert any(e.actor is not None and agent in e.actor.text for e in found), [
        (e.actor, e.trigger) for e in _arrests(code(text))
    ]


_LEFT, _RIGHT = "\u00e2\u20ac\u0153", "\u00e2\u20ac\ufffd"  # double quotes, mis-decoded


def test_mis_decoded_punctuation_is_read_as_marks_at_the_same_offsets() -> None:
    from eventwire.stages.parse import mend_mojibake

    left, right, apostrophe = _LEFT, _RIGHT, "\u00e2\u20ac\u2122"
    text = f"the minister{apostrophe}s aide said: {left}nobody was held.{right}"
    mended = mend_mojibake(text)
    assert len(mended) == len(text)
    assert "minister  's" in mended
    assert '"  nobody' in mended and mended.endswith('  "')
    assert mend_mojibake("Jo\u00e3o and \u00c2ngela") == "Jo\u00e3o and \u00c2ngela"


def test_a_quote_in_mis_decoded_marks_still_denies_an_arrest(code: Coder) -> None:
    text = f"{_LEFT}nobody was arrested as the march was peaceful,{_RIGHT} he said."
    assert _police_arrests(code(text)) == []


def test_the_dead_of_a_clash_count_for_both_its_sides(code: Coder) -> None:
    doc = code(
        "one man died and nine were injured after villagers and the police clashed "
        "over a land dispute near the temple on sunday."
    )
    clash = [e for e in doc.events if e.type == "ASSAULT" and e.trigger == "clashed"]
    assert len(clash) == 2
    assert all(e.dead == 1 for e in clash)


def test_a_police_station_is_no_attacker() -> None:
    from eventwire.model import Actor, Document, Sentence, Zone
    from eventwire.stages.detector import police_actor

    text = "a boy was shot dead near the kasba police station on monday."
    station = Actor(text="the kasba police station", sector="COP", start=27, end=51)
    doc = Document(text=text, origin="<test>")
    doc.actors = [station]
    found = police_actor(doc, Sentence(start=0, end=len(text), zone=Zone.BODY, text=text))
    assert found.inferred and found.text == "police"


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("\u2022 three guards and two porters also killed.", "three guards"),
        ("two constables killed in a naxal ambush near the dam", "two constables"),
    ],
)
def test_a_headline_passive_names_the_victims_not_the_killers(
    code: Coder, text: str, victims: str
) -> None:
    kills = [e for e in code(text).events if e.type == "ASSAULT"]
    assert kills
    assert not any(e.actor is not None and victims in e.actor.text for e in kills)
    assert any(e.recipient is not None and victims in e.recipient.text for e in kills)


def test_people_killed_in_police_firing_were_killed_by_the_police(code: Coder) -> None:
    doc = code("half of the people killed in the police firing were from the old city.")
    kills = [e for e in doc.events if e.type == "ASSAULT" and e.factual]
    assert any(e.actor is not None and e.actor.sector == "COP" and e.dead for e in kills)
    assert not any(e.actor is not None and "people" in e.actor.text for e in kills)


def test_an_active_killing_keeps_its_killer(code: Coder) -> None:
    doc = code("The soldiers killed two rebels and wounded three near the border.")
    kills = [e for e in doc.events if e.type == "ASSAULT" and e.trigger == "killed"]
    assert kills and kills[0].actor is not None and kills[0].actor.sector == "MIL"
