"""Incidents: casualty statements, and one attack told in many sentences folded into one
event whose dead and injured are the incident's toll (the texts are the project's own)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.coding.tolls import statements
from eventwire.coding.victims import count_victims
from eventwire.model import Document
from labelled_docs import factual_attacks, pipeline_doc

Coder = Callable[[str], Document]


def _said(nlp: Any, sentence: str) -> list[tuple[str, int]]:
    doc = nlp(sentence)
    return [(s.kind, s.count) for s in statements(doc[:])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A man, two women and a small child were killed Saturday, police said.", [("dead", 4)]),
        ("Two brothers were shot to death outside a store in Dayton.", [("dead", 2)]),
        ("The teenager was shot dead near the school.", [("dead", 1)]),
        ("The driver died of his wounds at the hospital.", [("dead", 1)]),
        ("The second victim succumbed to his injuries on Monday.", [("dead", 1)]),
        ("Three people were found shot dead in a parked car.", [("dead", 3)]),
        ("A shooting that left 4 dead shocked the town.", [("dead", 4)]),
        ("Three people dead after a shooting east of the river", [("dead", 3)]),
        ("One person was killed and five others injured in the shooting.",
         [("dead", 1), ("injured", 5)]),
        ("A gunman wounded three guards at the gate.", [("injured", 3)]),
        ("A woman was shot in the leg and is in stable condition.", [("injured", 1)]),
        ("He killed his wife and two sons before turning the gun on himself.", [("dead", 4)]),
        ("Nobody else was injured in the robbery.", []),
        # hospitals and injury nouns
        ("Another boy was hospitalized with the others.", [("injured", 1)]),
        ("All three were taken to Mercy General Hospital.", [("injured", 3)]),
        ("Two workers are recovering from injuries after the attack.", [("injured", 2)]),
        ("The clerk suffered a minor arm injury.", [("injured", 1)]),
        ("Also wounded were two neighbors, a 60-year-old woman and her son.",
         [("injured", 2)]),
        ("Three of the five injured are students at the college.", [("injured", 5)]),
        # who died, told in other ways
        ("Two sisters are dead along with their mother, police said.", [("dead", 3)]),
        ("The farmer killed his two brothers and himself in the barn.", [("dead", 3)]),
        ("Detectives are looking into the fatal shooting of a 19-year-old man.",
         [("dead", 1)]),
        ("He mourned a cousin who police say was shot and killed by a neighbor.",
         [("dead", 1)]),
        ("A shooting left a boy dead and his uncle wounded on Friday.",
         [("dead", 1), ("injured", 1)]),
        # a killing in a clause of its own does not make the shooting fatal
        ("The sniper shot five hikers before he was killed by rangers.",
         [("dead", 1), ("injured", 5)]),
        ("Six workers were shot at the depot, one of whom was killed.",
         [("dead", 1), ("injured", 6)]),
        # one victim told twice, or no victim at all
        ("A 9-year-old girl died Monday after she was shot at a park.", [("dead", 1)]),
        ("The deputy's mother rushed him to the clinic and he was flown to a hospital.",
         [("injured", 1)]),
        ("We are hurting a lot right now.", []),
        ("The hunter was shooting a deer when the rifle jammed.", []),
        ("Detectives asked whether a murder-suicide was a possible motive.", []),
    ],
)  # fmt: skip
def test_statements(nlp: Any, sentence: str, expected: list[tuple[str, int]]) -> None:
    said = _said(nlp, sentence)
    if not expected:
        assert said == []
        return
    for kind, count in expected:
        assert sum(c for k, c in said if k == kind) == count, said


def test_a_victim_shot_and_killed_is_counted_once(nlp: Any) -> None:
    assert _said(nlp, "A 20-year-old man was shot and killed on Elm Street.") == [("dead", 1)]


def test_coordinated_victims_add_up(nlp: Any) -> None:
    doc = nlp("Joe Pruitt and Anna Pruitt were found dead.")
    subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    assert count_victims(subject) == 2


STORY = (
    "Gunman kills four at apartment complex\n\n"
    "A gunman opened fire at an apartment complex in Dayton, Ohio, on Saturday night.\n\n"
    "A man, two women and a small child were killed, police said. Another child was "
    "wounded.\n\n"
    "Neighbors said the gunman shot the woman as she tried to shield the child.\n\n"
    "Police said the man who was killed was 20 years old."
)


def test_one_incident_is_one_event_with_its_total(nlp: Any) -> None:
    doc = pipeline_doc(STORY, title="Gunman kills four at apartment complex")
    attacks = factual_attacks(doc)
    assert len(attacks) == 1, [(e.sentence, e.dead) for e in attacks]
    attack = attacks[0]
    assert attack.dead == 4
    assert attack.injured == 1
    assert attack.retold, "the other tellings are kept as mentions"


def test_the_incident_is_dated_to_when_it_happened(nlp: Any) -> None:
    # a Monday article: "Saturday night" is the Saturday before, not the publication day
    doc = pipeline_doc(
        STORY, title="Gunman kills four at apartment complex", published="2016-07-25"
    )
    attack = factual_attacks(doc)[0]
    assert str(attack.date) == "2016-07-23"
    assert not attack.date_from_publication


def test_a_partial_count_does_not_lower_the_total(nlp: Any) -> None:
    text = (
        "Three people were killed in a shooting at a bar in Toledo on Friday.\n\n"
        "Police said one of the victims was shot dead as he tried to flee.\n\n"
        "The bartender was wounded."
    )
    attack = factual_attacks(pipeline_doc(text))[0]
    assert attack.dead == 3
    assert attack.injured == 1


def test_a_tally_over_a_year_is_not_the_incident(nlp: Any) -> None:
    text = (
        "Two men were wounded in a shooting in Toledo on Sunday.\n\n"
        "There have been 104 people shot in Toledo so far this year."
    )
    attack = factual_attacks(pipeline_doc(text))[0]
    assert attack.injured == 2


def test_the_store_keeps_every_telling_as_a_mention(tmp_path: Any, nlp: Any) -> None:
    from eventwire.store import EventFilter, Store

    doc = pipeline_doc(STORY, title="Gunman kills four at apartment complex")
    with Store(tmp_path / "e.db") as store:
        store.add_document(doc)
        events = [e for e in store.events(EventFilter(limit=100)) if e.type == "ASSAULT"]
    assert len(events) == 1
    assert events[0].dead == 4
    assert events[0].num_mentions == len(events[0].mentions) >= 2


def test_no_place_from_a_persons_name(nlp: Any) -> None:
    # the surname "Logan" is no place: the attack happened where the article says
    text = (
        "Police in Culpeper named the gunman as Mark Logan on Sunday.\n\n"
        "Logan shot his wife and then himself, police said."
    )
    doc = pipeline_doc(text)
    attack = factual_attacks(doc)[0]
    assert attack.place is not None
    assert attack.place.name == "Culpeper"


def test_the_answer_to_an_attack_is_an_event_of_its_own(nlp: Any) -> None:
    text = (
        "A man with a knife wounded a police officer outside the ministry in Belgrade on "
        "Saturday.\n\nThe officer responded by fatally shooting the attacker."
    )
    attacks = factual_attacks(pipeline_doc(text, published="2024-06-29"))
    assert len(attacks) == 2
    wounding, shooting = attacks
    assert (wounding.dead or 0, wounding.injured) == (0, 1)
    assert shooting.dead == 1


def test_another_incident_is_neither_a_telling_nor_the_toll(nlp: Any) -> None:
    text = (
        "Two men were shot dead outside a cinema in Dayton on Friday night.\n\n"
        "In a separate incident, three people were wounded at a gas station.\n\n"
        "Police said both men died at the scene."
    )
    attack = factual_attacks(pipeline_doc(text, published="2024-06-29"))[0]
    assert (attack.dead, attack.injured) == (2, None)


def test_only_a_sentence_opening_so_tells_another_incident(nlp: Any) -> None:
    from eventwire.stages.incident_continuation import told_as_another

    text = (
        "A gunman shot two officers outside a bank in Dayton on Friday.\n\n"
        "The suspect, wanted in another case, fled in a car.\n\n"
        "Meanwhile, in a separate incident, a man was stabbed at a bus stop."
    )
    doc = pipeline_doc(text, published="2024-06-29")
    told = told_as_another(doc, doc.sentences[0].start)
    assert [doc.text[s.start : s.end].split(",")[0] for s in doc.sentences if s.start in told] == [
        "Meanwhile"
    ]


def test_a_police_shooting_of_one_man_keeps_its_toll(nlp: Any) -> None:
    text = (
        "A police officer shot a man who pointed a rifle at him in Toledo on Friday.\n\n"
        "The man died at a hospital."
    )
    attacks = factual_attacks(pipeline_doc(text, published="2024-06-29"))
    assert attacks[0].dead == 1, [(e.sentence, e.dead) for e in attacks]


def test_parquet_keeps_every_telling_as_a_mention(tmp_path: Any, nlp: Any) -> None:
    import pyarrow.dataset as ds

    from eventwire.store.parquet import ParquetSink

    doc = pipeline_doc(STORY, title="Gunman kills four at apartment complex")
    attack = factual_attacks(doc)[0]
    with ParquetSink(tmp_path / "out") as sink:
        sink.add(doc)
    mentions = ds.dataset(tmp_path / "out" / "mentions", partitioning="hive").to_table()
    ids = mentions.column("event_id").to_pylist()
    event_ids = ds.dataset(tmp_path / "out" / "events", partitioning="hive").to_table()
    row = event_ids.column("dead").to_pylist().index(4)
    attack_id = event_ids.column("id").to_pylist()[row]
    assert ids.count(attack_id) == 1 + len(attack.retold) >= 2
    assert event_ids.column("num_mentions").to_pylist()[row] == 1 + len(attack.retold)


def test_a_dateline_is_no_victim(nlp: Any) -> None:
    said = _said(
        nlp, "DAYTON (WXYZ) — A 10-year-old boy has died and his father is in critical condition."
    )
    assert sorted(said) == [("dead", 1), ("injured", 1)]


def test_a_title_the_text_leaves_out_tells_the_toll() -> None:
    text = (
        "Police said the gunman opened fire near a gas station on Main Street in Dayton, "
        "Ohio, on Friday night.\n\nOne of the victims was shot in the chest."
    )
    main = factual_attacks(
        pipeline_doc(text, title="Man Killed, Another Wounded in Dayton Shooting")
    )[0]
    assert (main.dead, main.injured) == (1, 1)


def test_an_attack_dated_to_a_week_takes_the_day_a_telling_names() -> None:
    text = (
        "A man who was shot earlier this week in Dayton, Ohio, has died.\n\n"
        "The man was shot Tuesday afternoon outside a store on Main Street, police said."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-07-29"))[0]
    assert str(main.date) == "2016-07-26"


def test_an_attack_placed_in_a_state_takes_the_town_the_article_names_there() -> None:
    text = (
        "A boy was shot and killed at a gun range in northern Iowa on Saturday.\n\n"
        "The range lies just east of Garner, the sheriff said. Garner is a small town."
    )
    main = factual_attacks(pipeline_doc(text))[0]
    assert main.place is not None and main.place.name == "Garner"


def test_a_day_of_telling_does_not_date_the_attack() -> None:
    # "identified ... on Thursday" is when the victims were named, not when they were shot
    text = (
        "On Thursday, officials identified the three people who were shot near a park in "
        "Dayton, Ohio.\n\n"
        "Police said the three men were shot Monday night after an argument."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-07-29"))[0]
    assert str(main.date) == "2016-07-25"


def test_a_day_of_telling_dates_the_attack_when_nothing_else_does() -> None:
    text = "Police said Thursday that two men were shot near a park in Dayton, Ohio."
    main = factual_attacks(pipeline_doc(text, published="2016-07-29"))[0]
    assert str(main.date) == "2016-07-28"


def test_a_teaser_before_the_body_does_not_date_the_attack() -> None:
    # a caption line of another story before the article: its day is not the attack's
    text = (
        "Hundreds gathered to honor a firefighter who died in a crash on Sept. 8. "
        "(Photo: WXYZ)\n\n"
        "A 2-year-old boy was shot and killed near his home in Xenia, Ohio.\n\n"
        "The boy was hit on Saturday afternoon on Main Street, the coroner said.\n\n"
        "Church members remembered him as a happy child."
    )
    main = factual_attacks(pipeline_doc(text, published="2014-09-15"))[0]
    assert str(main.date) == "2014-09-13"


def test_the_call_for_help_dates_the_attack() -> None:
    # the fifth sentence, past the lead: deputies answered the call the day it happened
    text = (
        "A woman shot and killed her husband at their home in Dayton, Ohio, investigators "
        "said.\n\n"
        "The couple had been married for ten years.\n\n"
        "Neighbors described them as quiet people who kept to themselves.\n\n"
        "Both worked at the county library.\n\n"
        "Deputies responded to a 911 call from the home on Saturday morning and found the "
        "man dead."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-07-26"))[0]
    assert str(main.date) == "2016-07-23"
    assert not main.date_from_publication


def test_a_sentence_after_a_time_long_past_does_not_date_the_attack() -> None:
    # "He died ... on May 2, 2015" goes on telling last year's shooting
    text = (
        "Police said a girl was shot at a home in Dayton, Ohio.\n\n"
        "She was taken to a hospital on Friday night.\n\n"
        "Neighbors said she often played in the yard.\n\n"
        "The gun belonged to a teenager who lives at the home.\n\n"
        "Last year, less than a mile away, a boy shot himself with a gun he found.\n\n"
        "He died at the hospital on May 2, 2015."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-03-14"))[0]
    assert str(main.date) == "2016-03-11"


def test_a_clock_time_with_no_day_names_no_day() -> None:
    # "at 10:26 p.m." took the publication day by default: the lead's Saturday dates it
    text = (
        "A man was killed outside a bar in Dayton, Ohio, police said.\n\n"
        "Officers were called to the bar at 10:26 p.m. after a fight.\n\n"
        "The fight had started on Saturday night, a witness said."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-07-26"))[0]
    assert str(main.date) == "2016-07-23"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Deputies responded around 5 p.m. to a home on Ryan Road.", True),
        ("Police got a 911 call Sunday evening from her husband.", True),
        ("Officers were dispatched to the house around 2:14 a.m.", True),
        ("When officers arrived, they found two men with gunshot wounds.", True),
        ("Police received calls about shots fired near the park.", True),
        ("The family has hired an attorney.", False),
        ("He arrived in Ohio last year from Kentucky.", False),
    ],
)
def test_the_sentences_that_tell_the_call_for_help(sentence: str, expected: bool) -> None:
    from eventwire.stages.dates import is_response

    assert is_response(sentence) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Over the past two years, 40 people were killed in the city, and on Monday two more.",
        "Since January 2020 the militia has attacked the village three times.",
        "Police said the man was shot on Friday night near the old market.",
        "Nothing of the kind happened there.",
    ],
)
def test_a_spans_date_entities_are_those_spacy_lists(nlp: Any, text: str) -> None:
    from eventwire.stages.incident_toll import _date_entities

    doc = nlp(text)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            expected = [(e.start, e.end) for e in span.ents if e.label_ == "DATE"]
            assert [(e.start, e.end) for e in _date_entities(span)] == expected


def test_a_tally_over_past_years_is_a_period(nlp: Any) -> None:
    from eventwire.stages.incident_toll import is_period

    assert is_period(nlp("Over the past two years, 40 people were killed in the city.")[:])
    assert not is_period(nlp("Police said the man was shot on Friday night.")[:])
