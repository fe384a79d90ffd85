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
def code(code_as_evaluated: Coder) -> Coder:
    """The evaluation's coding stages, with the detector and the agents stage."""
    return code_as_evaluated


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


def test_a_participle_with_an_object_of_its_own_did_the_act(code: Coder) -> None:
    # the parser reads "killed" as a participle on "Bandits"; its object shows it acts
    doc = code(
        "Gunmen on motorcycles killed at least 12 villagers and abducted dozens more in "
        "a night raid in the north, police said Sunday."
    )
    kills = [e for e in doc.events if e.type == "ASSAULT" and e.dead]
    assert kills, [(e.type, e.actor, e.recipient) for e in doc.events]
    assert kills[0].actor is not None and kills[0].actor.text == "Gunmen"
    assert kills[0].recipient is not None and "villagers" in kills[0].recipient.text


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


def _police_kills(doc: Document) -> list[Event]:
    return [
        e
        for e in doc.events
        if e.type == "ASSAULT" and e.factual and e.actor and e.actor.sector == "COP" and e.dead
    ]


def test_a_killing_joined_to_an_attack_by_its_own_killer_is_its_own_event(code: Coder) -> None:
    doc = code(
        "the gunmen opened fire on the pilgrims, but the police guards posted at the gate "
        "killed two of them."
    )
    kills = _police_kills(doc)
    assert [e.dead for e in kills] == [2], [(e.trigger, e.actor, e.dead) for e in doc.events]
    attack = [e for e in doc.events if e.actor is not None and e.actor.sector == "UAF"]
    assert attack and not attack[0].dead


def test_a_killing_joined_to_an_attack_by_the_same_attackers_is_its_toll(code: Coder) -> None:
    doc = code("rebels attacked the post and killed three officers.")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].dead == 3


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("he said more people from the town fell to police bullets than in the riots.", 1),
        ("the injured youth later succumbed to the police firing.", 1),
        ("the minister said 45 deaths due to police firing had been reported so far.", 45),
        ("nadiad: one dead in police-bajrang dal clash", 1),
    ],
)
def test_deaths_told_with_the_police_as_their_cause(code: Coder, text: str, dead: int) -> None:
    kills = _police_kills(code(text))
    assert [e.dead for e in kills] == [dead], [(e.trigger, e.actor, e.dead) for e in kills]


@pytest.mark.parametrize(
    "text",
    [
        "the woman died in the fire that gutted her shop.",
        "share prices fell to a record low after the police strike.",
        "two dead in bus-truck collision on the highway",
    ],
)
def test_deaths_with_no_police_cause_are_no_police_killing(code: Coder, text: str) -> None:
    assert _police_kills(code(text)) == []


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("the district sp ordered the shops closed.", "COP"),
        ("crpf jawans opened fire on the crowd.", "COP"),
        ("the sp leader addressed a rally in lucknow.", "PTY"),
    ],
)
def test_indian_police_ranks_and_the_samajwadi_party(code: Coder, text: str, sector: str) -> None:
    doc = code(text)
    assert doc.actors and doc.actors[0].sector == sector, [(a.text, a.sector) for a in doc.actors]


def test_a_toll_that_names_its_own_attack_is_not_another_attacks(code: Coder) -> None:
    doc = code(
        'the collector said: "three persons have been killed in police firing as violent '
        'crowds burnt several shops."'
    )
    assert [e.dead for e in _police_kills(doc)] == [3]
    burnt = [e for e in doc.events if e.trigger == "burnt"]
    assert burnt and not burnt[0].dead


def test_a_toll_with_no_attacker_of_its_own_stays_the_attacks(code: Coder) -> None:
    doc = code("23 civilians were killed as the army launched air strikes.")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].dead == 23


def test_an_ordered_firing_that_tells_its_dead_was_carried_out(code: Coder) -> None:
    doc = code("the district sp had ordered firing at the rioters in which three men were killed.")
    assert [e.dead for e in _police_kills(doc)] == [3]


def test_an_order_to_fire_is_still_only_an_order(code: Coder) -> None:
    doc = code("the collector ordered the police to open fire on any mob that attacks the town.")
    assert _police_kills(doc) == []
    fire = [e for e in doc.events if e.trigger == "open"]
    assert fire and not fire[0].factual


def test_a_verb_shares_the_subject_of_the_conjunct_just_before_it(code: Coder) -> None:
    doc = code(
        '"the gunmen arrived in a jeep, threw a grenade at the gate and opened fire, but '
        "police guards posted there killed one of them on the spot while the other two ran "
        'inside," an official said.'
    )
    killed = [e for e in doc.events if e.trigger == "killed"]
    assert killed and killed[0].actor is not None and killed[0].actor.sector == "COP"
    opened = [e for e in doc.events if e.trigger == "opened"]
    assert opened and opened[0].actor is not None and opened[0].actor.sector == "UAF"


def _police_files(
    tmp_path: Any, name: str, sentences: list[tuple[str, list[str]]]
) -> tuple[Any, Any, int]:
    """IndiaPoliceEvents sents and docs files of one WORK article made of ``sentences``
    (text, labels) joined by spaces, and its doc id."""
    import json

    from eventwire.evaluate.split import group_key, part_of_key

    doc_id = next(i for i in range(100) if part_of_key(group_key({"doc_id": i})) == "work")
    rows, start = [], 0
    for number, (text, labels) in enumerate(sentences):
        end = start + len(text)
        rows.append({"id": f"{doc_id}-{number}", "doc_id": doc_id, "text": text,
                     "labels": labels, "doc_start": start, "doc_end": end})  # fmt: skip
        start += len(text) + 1
    sents = tmp_path / f"{name}_sents.jsonl"
    docs = tmp_path / f"{name}_docs.jsonl"
    sents.write_text("".join(json.dumps(r) + "\n" for r in rows))
    docs.write_text(
        json.dumps({"doc_id": doc_id, "text": " ".join(t for t, _ in sentences)}) + "\n"
    )
    return sents, docs, doc_id


def test_the_work_part_lists_its_wrong_sentences(tmp_path: Any) -> None:
    from eventwire.errors import InputError
    from eventwire.evaluate.news import evaluate_police
    from eventwire.model import Actor

    first, second = "police shot two men dead.", "a fair was held."
    text = f"{first} {second}"
    sents, docs, doc_id = _police_files(tmp_path, "x", [(first, ["KILL"]), (second, [])])
    police = Actor(text="police", sector="COP")

    def coder(raw: RawDocument) -> list[Event]:
        start = len(first) + 1
        return [Event(type="ASSAULT", sentence=second, start=start, end=len(text),
                      actor=police, dead=1)]  # fmt: skip

    scores = evaluate_police(sents, docs, part="work", coder=coder, errors=True)
    assert [(e.sentence_id, e.kind) for e in scores.errors] == [
        (f"{doc_id}-0", "miss"), (f"{doc_id}-1", "false"),
    ]  # fmt: skip
    assert scores.errors[1].events and "police/COP" in scores.errors[1].events[0]
    with pytest.raises(InputError):
        evaluate_police(sents, docs, part="set-aside", coder=coder, errors=True)


def test_a_telling_folded_into_its_incident_is_scored_in_its_own_sentence(tmp_path: Any) -> None:
    from eventwire.evaluate.news import evaluate_police
    from eventwire.model import Actor

    first, second = "police shot a robber dead.", "the robber was shot dead by police."
    text = f"{first} {second}"
    sents, docs, _ = _police_files(tmp_path, "y", [(first, ["KILL"]), (second, ["KILL"])])
    police = Actor(text="police", sector="COP")

    def coder(raw: RawDocument) -> list[Event]:
        retold = Event(type="ASSAULT", sentence=second, start=len(first) + 1, end=len(text),
                       actor=police, dead=1)  # fmt: skip
        main = Event(type="ASSAULT", sentence=first, start=0, end=len(first), actor=police,
                     dead=1, retold=[retold])  # fmt: skip
        return [main]

    scores = evaluate_police(sents, docs, part="work", coder=coder)
    kill = next(s for s in scores.labels if s.label == "KILL")
    assert (kill.gold, kill.predicted, kill.correct) == (2, 2, 2)


def test_a_toll_named_by_its_attack_holds_when_the_as_clause_is_misread(code: Coder) -> None:
    # The parser reads "rampaging" as a gerund after "as" and hangs "firing" on the
    # verb: the deaths are still the police firing's, and the shops the mobs'.
    doc = code(
        'the sp said: "two persons have been killed in police firing as rampaging mobs '
        'torched several shops."'
    )
    assert [e.dead for e in _police_kills(doc)] == [2]
    torched = [e for e in doc.events if e.trigger == "torched"]
    assert torched and not torched[0].dead
    assert torched[0].actor is not None and torched[0].actor.text == "mobs"


def test_the_subject_of_an_as_clause_read_as_an_object_does_the_act(code: Coder) -> None:
    doc = code("Two people were killed in police firing as angry crowds burned several buses.")
    burned = next(e for e in doc.events if e.trigger == "burned")
    assert burned.actor is not None and burned.actor.text == "angry crowds"


def test_deaths_in_the_firing_told_before_are_the_firers(code: Coder) -> None:
    doc = code("Police opened fire on the mob in the old city. One man was killed in the firing.")
    toll = next(e for e in doc.events if e.trigger == "killed")
    assert toll.actor is not None and toll.actor.sector == "COP" and not toll.actor.inferred
    assert toll.dead == 1


def test_deaths_in_a_firing_told_nowhere_have_no_actor(code: Coder) -> None:
    doc = code("Shops stayed shut in the old city. One person was killed in the firing.")
    toll = next(e for e in doc.events if e.trigger == "killed")
    assert toll.actor is None or toll.actor.sector not in ("COP", "REB")


@pytest.mark.parametrize(
    "text",
    [
        "A crowd pelted stones at the police near the bus stand.",
        "Bricks were pelted at the patrol near the bus stand.",
    ],
)
def test_stones_thrown_at_someone_are_an_attack_on_them(code: Coder, text: str) -> None:
    doc = code(text)
    attacks = [e for e in doc.events if e.type == "ASSAULT" and e.mode == "primitive"]
    assert attacks and attacks[0].recipient is not None
    assert attacks[0].recipient.text.lower().split()[-1] in ("police", "patrol")


@pytest.mark.parametrize(
    "text",
    ["Reporters pelted the minister with questions.", "The boys pelted each other with snow."],
)
def test_pelting_with_what_is_no_missile_is_no_attack(code: Coder, text: str) -> None:
    assert "ASSAULT" not in {e.type for e in code(text).events}


def test_a_curfew_clamped_without_an_article_is_a_curfew(code: Coder) -> None:
    doc = code("The district administration clamped curfew in the town after the clashes.")
    assert ("COERCE", "curfew") in {(e.type, e.mode) for e in doc.events}


@pytest.mark.parametrize(
    "text",
    [
        # the side that fired lost its own men: they were fired on
        "Rebels fired on the patrol near the river. Three rebels were killed in the firing.",
        # another incident, and a firing that names its sides
        "Police opened fire on the crowd. Separately, two men were killed in the firing "
        "between rival gangs.",
    ],
)
def test_deaths_in_the_firing_not_given_to_a_firing_that_is_not_theirs(
    code: Coder, text: str
) -> None:
    doc = code(text)
    toll = next(e for e in doc.events if e.trigger == "killed")
    assert toll.actor is None or toll.actor.sector not in ("COP", "REB")
