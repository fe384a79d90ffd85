"""Which day of a sentence dates a happening told inside a noun phrase
(``eventwire.timex.scope``), and which days carry over as the narrative's time."""

from __future__ import annotations

from datetime import date
from typing import Any

from test_dates import add_event, make_doc, run_dates


def test_a_day_of_the_verb_does_not_date_a_happening_in_its_subject(nlp: Any) -> None:
    text = (
        "The sailor wounded in the harbour attack remained in serious condition on "
        "Thursday, a hospital spokesman said."
    )
    doc = make_doc(text, date(2024, 5, 10))
    attack = add_event(doc, "The sailor", "attack")
    run_dates(doc)
    assert attack.date != date(2024, 5, 9)


def test_a_day_inside_the_subject_stays_the_happenings(nlp: Any) -> None:
    text = "The victim of Monday's bombing died in hospital on Thursday."
    doc = make_doc(text, date(2024, 5, 10))
    bombing = add_event(doc, "The victim", "bombing")
    run_dates(doc)
    assert bombing.date == date(2024, 5, 6)


def test_the_head_of_the_subject_keeps_the_verbs_day(nlp: Any) -> None:
    text = "The bombing happened near the market on Thursday."
    doc = make_doc(text, date(2024, 5, 10))
    bombing = add_event(doc, "The bombing", "bombing")
    run_dates(doc)
    assert bombing.date == date(2024, 5, 9)


def test_the_verbs_own_event_keeps_its_day(nlp: Any) -> None:
    text = "Two suspects in the killing of a farmer were arrested on Thursday."
    doc = make_doc(text, date(2024, 5, 10))
    arrest = add_event(doc, "Two suspects", "arrested")
    killing = add_event(doc, "Two suspects", "killing")
    run_dates(doc)
    assert arrest.date == date(2024, 5, 9)
    assert killing.date != date(2024, 5, 9)


def test_a_gerund_after_a_verb_of_its_phase_is_told_in_that_verbs_tense(nlp: Any) -> None:
    from eventwire.timex.recency import Telling, telling

    text = "The guard said the man started shooting at the crowd."
    doc = make_doc(text, date(2024, 5, 10))
    shooting = add_event(doc, "The guard", "shooting")
    assert telling(doc, shooting) is Telling.PAST


def test_a_later_telling_takes_the_day_of_the_first_dated_telling_of_its_kind(
    nlp: Any,
) -> None:
    text = (
        "The mayor opened a new library in the town. "
        "Her speech was short. "
        "A gunman opened fire on a bus near the harbour on Monday. "
        "Passengers fled. "
        "The driver spoke to reporters. "
        "The stationmaster added that his cousin saw it. "
        "A witness said the gunman started shooting at the windows."
    )
    doc = make_doc(text, date(2024, 5, 10))
    add_event(doc, "A gunman", "opened")
    later = add_event(doc, "A witness", "shooting")
    run_dates(doc)
    assert later.date == date(2024, 5, 6)


def test_where_a_case_stands_takes_the_day_of_the_arrest(nlp: Any) -> None:
    text = (
        "Police arrested a man in the harbour district on Thursday. "
        "Officers found a knife in his car. "
        "A neighbour called them. "
        "He is charged with robbery."
    )
    doc = make_doc(text, date(2024, 5, 10))
    arrest = add_event(doc, "Police arrested", "arrested")
    arrest.mode = "arrest"
    charge = add_event(doc, "He is charged", "charged")
    charge.type = "ACCUSE"
    run_dates(doc)
    assert arrest.date == date(2024, 5, 9)
    assert charge.date == date(2024, 5, 9)


def test_where_a_case_stands_without_an_arrest_stays_undated(nlp: Any) -> None:
    text = (
        "A man stabbed his neighbour in the harbour district on Thursday. "
        "Officers found a knife in his car. "
        "A neighbour called them. "
        "He is charged with attempted murder."
    )
    doc = make_doc(text, date(2024, 5, 10))
    add_event(doc, "A man stabbed", "stabbed")
    charge = add_event(doc, "He is charged", "charged")
    charge.type = "ACCUSE"
    run_dates(doc)
    assert charge.date is None


def test_where_a_case_stands_before_another_arrest_is_told_stays_undated(nlp: Any) -> None:
    text = (
        "A teenager left a parcel bomb at the station in March, prosecutors say. "
        "Officers found a second device in April. "
        "A neighbour had called them. "
        "The boy is now in custody. "
        "Last Thursday, police arrested two other men in a separate case."
    )
    doc = make_doc(text, date(2024, 5, 10))
    custody = add_event(doc, "The boy is now", "custody")
    custody.type = "COERCE"
    arrest = add_event(doc, "Last Thursday, police", "arrested")
    arrest.mode = "arrest"
    run_dates(doc)
    assert arrest.date is not None
    assert custody.date is None


def test_a_term_faced_after_an_arrest_leaves_it_dated(nlp: Any) -> None:
    text = "Police arrested a farmer on Thursday, and he faces ten years in prison."
    doc = make_doc(text, date(2024, 5, 10))
    arrest = add_event(doc, "Police arrested", "arrested")
    run_dates(doc)
    assert arrest.date == date(2024, 5, 9)


def test_a_day_in_what_is_accused_does_not_date_the_accusation(nlp: Any) -> None:
    text = "The minister accuses the rebels of staging a raid on the port in March."
    doc = make_doc(text, date(2024, 5, 10))
    accuses = add_event(doc, "The minister", "accuses")
    accuses.type = "ACCUSE"
    run_dates(doc)
    assert accuses.date == date(2024, 5, 10)


def test_a_day_of_the_accusation_itself_still_dates_it(nlp: Any) -> None:
    text = "On Monday the minister accused the rebels of staging a raid on the port."
    doc = make_doc(text, date(2024, 5, 10))
    accused = add_event(doc, "the minister", "accused")
    accused.type = "ACCUSE"
    run_dates(doc)
    assert accused.date == date(2024, 5, 6)


def test_a_day_of_the_court_does_not_date_a_crime_in_its_subjects_clause(nlp: Any) -> None:
    text = (
        "A farmer whose nephew was shot with a rifle he had left in the barn was "
        "indicted on Tuesday by a grand jury."
    )
    doc = make_doc(text, date(2024, 5, 10))
    shooting = add_event(doc, "A farmer", "shot")
    run_dates(doc)
    assert shooting.date is None  # before the indictment, on a day not given


def test_a_day_of_a_charge_does_not_date_the_deed_in_its_phrase(nlp: Any) -> None:
    text = "A driver was charged on Tuesday with the killing of a cyclist."
    doc = make_doc(text, date(2024, 5, 10))
    killing = add_event(doc, "A driver", "killing")
    run_dates(doc)
    assert killing.date is None  # before the charge, on a day not given


def test_a_day_inside_the_phrase_of_the_deed_stays_the_deeds(nlp: Any) -> None:
    text = "A driver was charged on Thursday with the killing of a cyclist on Monday."
    doc = make_doc(text, date(2024, 5, 10))
    killing = add_event(doc, "A driver", "killing")
    run_dates(doc)
    assert killing.date == date(2024, 5, 6)


def test_a_deed_before_a_later_steps_day_takes_no_publication_day(nlp: Any) -> None:
    text = "A clerk who stole from the bank was sentenced on Thursday to five years."
    doc = make_doc(text, date(2024, 5, 10))
    theft = add_event(doc, "A clerk", "stole")
    run_dates(doc)
    assert theft.date is None
