"""Parties named without a sector take the one their kind of phrase implies: a firm known
by name, a person named without a title in a crime, a crowd, a union, a province, the
court of a passive sentence, the attackers named elsewhere (sentences written for these
tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventpicks import actor_codes, events_of, recipient_codes
from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_passive_sentence_is_the_courts(code_whole: Coder) -> None:
    doc = code_whole(
        "Two brothers from Leeds were sentenced to four years in prison on Tuesday for"
        " robbing a bank in Leeds, England."
    )
    sentenced = events_of(doc, "SANCTION")
    assert sentenced
    assert actor_codes(sentenced) == {("GBR", "JUD")}
    assert all(e.actor is not None and e.actor.inferred for e in sentenced)


def test_a_sentence_with_its_judge_keeps_the_judge(code_whole: Coder) -> None:
    doc = code_whole("Justice Mary Tolland sentenced Paul Greer to six years in prison in Toronto.")
    sentenced = events_of(doc, "SANCTION")
    assert sentenced
    assert {e.actor.sector for e in sentenced if e.actor} == {"JUD"}


def test_a_person_named_without_a_title_in_a_crime_is_a_civilian(code_whole: Coder) -> None:
    doc = code_whole(
        "Police in Winnipeg, Manitoba said Darren Pelletier stabbed his neighbour on Sunday night."
    )
    stabbed = events_of(doc, "ASSAULT")
    assert stabbed
    assert ("CAN", "CVL") in actor_codes(stabbed)


def test_a_firm_known_by_its_name_is_a_business(code_whole: Coder) -> None:
    doc = code_whole(
        "Kessler Logistics agreed on Monday to pay its drivers in Ohio a higher wage,"
        " the Ohio Department of Labor said in Columbus, Ohio."
    )
    agreed = events_of(doc, "AGREE")
    assert agreed
    assert {e.actor.sector for e in agreed if e.actor} == {"BUS"}


def test_a_crowd_and_a_union_are_civilians_and_labour(code_whole: Coder) -> None:
    doc = code_whole(
        "More than 2,000 people marched through Lyon, France on Saturday to protest"
        " against the pension reform.\nThe union called a strike in Lyon, France."
    )
    marched = events_of(doc, "PROTEST", start="More than")
    assert marched
    assert ("FRA", "CVL") in actor_codes(marched)
    union = [e for e in doc.events if e.sentence.startswith("The union")]
    assert any(e.actor is not None and e.actor.sector == "LAB" for e in union)


def test_a_province_that_acts_is_its_government(code_whole: Coder) -> None:
    doc = code_whole("The province of Manitoba promised to fund two new clinics in Winnipeg.")
    promised = [e for e in doc.events if e.actor is not None]
    assert promised
    assert any(e.actor is not None and e.actor.sector == "GOV" for e in promised)


def test_the_attackers_named_elsewhere_act_in_a_passive_attack(code_whole: Coder) -> None:
    doc = code_whole(
        "Armed men kidnapped a businessman in Kaduna, Nigeria on Sunday. Her captors released"
        " a video. The woman was beaten, police said."
    )
    beaten = events_of(doc, "ASSAULT", start="The woman")
    assert beaten
    assert actor_codes(beaten) == {("NGA", "CRM")}
    assert recipient_codes(beaten) == {("NGA", "CVL")}


def test_the_attackers_of_an_earlier_dated_snippet_stay_in_it(code_whole: Coder) -> None:
    doc = code_whole(
        "On 2 May, armed bandits shot dead a trader near Gusau (Zamfara). On 5 May, soldiers"
        " bombed a rebel camp near Monguno (Borno). Four fighters were killed."
    )
    killed = events_of(doc, "ASSAULT", start="Four fighters")
    assert killed
    assert all(e.actor is None or e.actor.sector != "CRM" for e in killed)


def test_the_attackers_a_lead_names_reach_a_passive_attack_told_later(code_whole: Coder) -> None:
    doc = code_whole(
        "Gunmen stormed a bank in Kano on Monday, police said. The robbers fled with cash."
        " Customers hid in a back room. Staff called for help."
        " A guard was shot during the raid, officials said."
    )
    shot = events_of(doc, "ASSAULT", start="A guard")
    assert shot
    assert all(e.actor is not None for e in shot)


def test_a_surname_read_as_an_organisation_is_still_a_person(code_whole: Coder) -> None:
    doc = code_whole(
        "Taleh Habibzade was arrested in Enfield, London.\n"
        "Police said Habibzade attacked his victim with a knife."
    )
    attacked = events_of(doc, "ASSAULT", start="Police said")
    assert attacked
    assert actor_codes(attacked) == {("GBR", "CVL")}


def test_an_acronym_spelled_out_takes_the_sector_of_its_name(code_whole: Coder) -> None:
    doc = code_whole(
        "The Department of Licensing (DOL) in Sacramento, California told the firm to stop."
        " Lyft asked the DOL for a permit on Monday."
    )
    asked = events_of(doc, "REQUEST", start="Lyft")
    assert asked
    assert {(e.recipient.country, e.recipient.sector) for e in asked if e.recipient} == {
        ("USA", "GOV")
    }
