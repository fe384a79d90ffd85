"""The dates stage: doc.timexes and event dating, on documents parsed by the parse stage."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventwire.model import (
    Article,
    DateOrigin,
    DatePrecision,
    Document,
    Event,
    Span,
    TimexType,
    Zone,
)


def make_doc(
    text: str,
    published: date | None,
    origin: DateOrigin | None = DateOrigin.METADATA,
    spans: list[Span] | None = None,
) -> Document:
    """A parsed document with one body zone (or the given zones)."""
    from eventwire.stages.parse import parse

    doc = Document(text=text, origin="<test>")
    doc.spans = spans if spans is not None else [Span(0, len(text), Zone.BODY)]
    doc.article = Article(title=None, body=text, published=published, published_origin=origin)
    return parse(doc)


def add_event(doc: Document, sentence_part: str, trigger: str, occurrence: int = 0) -> Event:
    """An event on the sentence holding ``sentence_part``, triggered by ``trigger``."""
    at = doc.text.index(sentence_part)
    sentence = next(s for s in doc.sentences if s.start <= at < s.end)
    trigger_start = doc.text.index(trigger, sentence.start)
    for _ in range(occurrence):
        trigger_start = doc.text.index(trigger, trigger_start + 1)
    event = Event(
        type="ASSAULT",
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        trigger=trigger,
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(trigger),
    )
    doc.events.append(event)
    return event


def run_dates(doc: Document) -> Document:
    from eventwire.stages.dates import dates

    return dates(doc)


def test_timexes_cover_the_article_with_offsets(nlp: Any) -> None:
    text = (
        "Militias shelled the airport on Thursday, local officials said.\n"
        "The airport had been closed for three weeks and will reopen next month."
    )
    doc = run_dates(make_doc(text, date(2024, 5, 10)))  # a Friday
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", TimexType.DATE, "2024-05-09"),
        ("three weeks", TimexType.DURATION, "P3W"),
        ("next month", TimexType.DATE, "2024-06"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_noise_and_credit_zones_are_not_searched(nlp: Any) -> None:
    title = "Clashes on Sunday"
    credit = "Photo taken Monday by staff"
    body = "Clashes broke out on Sunday in the north."
    text = f"{title}\n{credit}\n{body}"
    spans = [
        Span(0, len(title), Zone.TITLE),
        Span(len(title) + 1, len(title) + 1 + len(credit), Zone.CREDIT),
        Span(len(title) + len(credit) + 2, len(text), Zone.BODY),
    ]
    doc = run_dates(make_doc(text, date(2024, 5, 10), spans=spans))
    assert [t.text for t in doc.timexes] == ["Sunday", "Sunday"]
    assert all(doc.zone_at(t.start) is not Zone.CREDIT for t in doc.timexes)


def test_event_takes_the_date_attached_to_its_trigger(nlp: Any) -> None:
    text = "The ministry said on Wednesday that gunmen had ambushed a patrol on Monday."
    doc = make_doc(text, date(2024, 5, 10))
    ambush = add_event(doc, "gunmen", "ambushed")
    statement = add_event(doc, "ministry", "said")
    run_dates(doc)
    assert (ambush.date, ambush.date_precision) == (date(2024, 5, 6), DatePrecision.DAY)
    assert statement.date == date(2024, 5, 8)
    assert not ambush.date_from_publication


def test_event_without_attached_date_takes_the_nearest(nlp: Any) -> None:
    text = "A roadside bomb killed two soldiers, the army said in a statement on Tuesday."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "roadside", "killed")
    run_dates(doc)
    assert event.date == date(2024, 5, 7)
    assert event.date_from_publication is False


def test_month_and_week_precision(nlp: Any) -> None:
    text = "Rebels captured the mine in early March. Villagers fled last week."
    doc = make_doc(text, date(2024, 5, 10))
    capture = add_event(doc, "Rebels", "captured")
    flight = add_event(doc, "Villagers", "fled")
    run_dates(doc)
    assert (capture.date, capture.date_precision) == (date(2024, 3, 1), DatePrecision.MONTH)
    assert (flight.date, flight.date_precision) == (date(2024, 4, 29), DatePrecision.WEEK)


def test_time_expression_dates_its_day(nlp: Any) -> None:
    text = "Drones hit a fuel depot on Tuesday night."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "Drones", "hit")
    run_dates(doc)
    assert doc.timexes[0].type is TimexType.TIME
    assert (event.date, event.date_precision) == (date(2024, 5, 7), DatePrecision.DAY)


def test_a_date_cut_by_the_sentence_splitter_dates_its_sentence(nlp: Any) -> None:
    text = "Riot police detained the editor on 9. March 2018 at his home in Izmir."
    doc = make_doc(text, date(2018, 3, 12))
    event = add_event(doc, "Riot police", "detained")
    if not any(s.end < len(text) - 1 for s in doc.sentences):
        pytest.skip("the parser kept the sentence whole")
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (date(2018, 3, 9), False)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "a week after" the day the sentence tells (here the publication day)
        (
            "The blast comes a week after gunmen killed six guards at a depot.",
            "killed",
            (date(2024, 5, 3), DatePrecision.DAY),
        ),
        # measured from a day written outside the clause
        (
            "Troops withdrew on Tuesday, three days after the rebels shelled the airport.",
            "shelled",
            (date(2024, 5, 4), DatePrecision.DAY),
        ),
        (
            "The strike began two months after the union signed the deal.",
            "signed",
            (date(2024, 3, 1), DatePrecision.MONTH),
        ),
        # the main clause keeps its own day
        (
            "Troops withdrew on Tuesday, three days after the rebels shelled the airport.",
            "withdrew",
            (date(2024, 5, 7), DatePrecision.DAY),
        ),
    ],
)
def test_a_clause_a_duration_measures_is_dated_by_it(
    nlp: Any, text: str, trigger: str, expected: tuple[date, DatePrecision]
) -> None:
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, text[:6], trigger)
    run_dates(doc)
    assert (event.date, event.date_precision) == expected
    assert event.date_from_publication is False


def test_a_simple_past_takes_the_narrative_day(nlp: Any) -> None:
    text = (
        "A gunman opened fire on a patrol near the port on Tuesday night. "
        "The attack left two sailors dead before marines shot the gunman. "
        "Police have arrested his brother."
    )
    doc = make_doc(text, date(2024, 5, 10))
    opened = add_event(doc, "A gunman", "opened")
    shot = add_event(doc, "The attack", "shot")
    arrest = add_event(doc, "Police have", "arrested")
    arrest.type = "COERCE"
    run_dates(doc)
    assert opened.date == date(2024, 5, 7)
    assert (shot.date, shot.date_from_publication) == (date(2024, 5, 7), False)
    # a present perfect past the lead: some day between the attack and now, not told
    assert (arrest.date, arrest.date_from_publication) == (None, False)


def test_a_year_or_a_far_day_does_not_carry_over(nlp: Any) -> None:
    text = (
        "The envoy had served in the capital since 2013. "
        "The ministry condemned the killing. "
        "Rebels seized a border post on May 2. "
        "The talks went on. The deal held. The guns fell silent. "
        "Troops shelled the village."
    )
    doc = make_doc(text, date(2024, 5, 10))
    condemned = add_event(doc, "The ministry", "condemned")
    shelled = add_event(doc, "Troops", "shelled")
    run_dates(doc)
    assert (condemned.date, condemned.date_from_publication) == (date(2024, 5, 10), True)
    assert (shelled.date, shelled.date_from_publication) == (date(2024, 5, 10), True)


def test_a_time_past_of_the_trigger_leaves_the_day_unknown(nlp: Any) -> None:
    text = "The two clerks were freed on bail a few years ago. The union previously sued the firm."
    doc = make_doc(text, date(2024, 5, 10))
    freed = add_event(doc, "The two", "freed")
    sued = add_event(doc, "The union", "sued")
    run_dates(doc)
    assert (freed.date, freed.date_from_publication) == (None, False)
    assert (sued.date, sued.date_from_publication) == (None, False)


def test_after_without_a_duration_keeps_the_publication_date(nlp: Any) -> None:
    text = "The man was detained after police raided his house."
    doc = make_doc(text, date(2024, 5, 10))
    raid = add_event(doc, "The man", "raided")
    run_dates(doc)
    assert (raid.date, raid.date_from_publication) == (date(2024, 5, 10), True)


def test_fallback_to_publication_date(nlp: Any) -> None:
    text = "Police arrested twelve protesters outside parliament."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "Police", "arrested")
    run_dates(doc)
    assert (event.date, event.date_precision) == (date(2024, 5, 10), DatePrecision.DAY)
    assert event.date_from_publication is True


def test_durations_and_sets_do_not_date_events(nlp: Any) -> None:
    text = "Soldiers have shelled the valley every night for two weeks."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "Soldiers", "shelled")
    run_dates(doc)
    assert {t.type for t in doc.timexes} == {TimexType.SET, TimexType.DURATION}
    assert event.date_from_publication is True


def test_period_boundaries_rank_after_event_dates(nlp: Any) -> None:
    text = "Since 2019 the group has attacked the road, and on Monday it attacked a bus."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "Since", "attacked", occurrence=1)
    run_dates(doc)
    assert event.date == date(2024, 5, 6)


def test_decades_leave_the_date_unknown(nlp: Any) -> None:
    text = "In the 1990s the militia burned dozens of villages."
    doc = make_doc(text, date(2024, 5, 10))
    event = add_event(doc, "militia", "burned")
    run_dates(doc)
    assert event.date is None and event.date_precision is None
    assert event.date_from_publication is False


def test_no_anchor_no_date(nlp: Any) -> None:
    text = "Troops shelled the town on Friday. Aid arrived on 4 June 2023."
    doc = make_doc(text, None, origin=None)
    shelling = add_event(doc, "Troops", "shelled")
    aid = add_event(doc, "Aid", "arrived")
    run_dates(doc)
    assert doc.timexes[0].value is None  # recognised but unresolved
    assert shelling.date is None and not shelling.date_from_publication
    assert aid.date == date(2023, 6, 4)


@pytest.mark.parametrize(
    ("published", "text", "trigger", "expected"),
    [
        # A caption dated Monday: the Tuesday after it, though the clause is past tense.
        (date(2023, 9, 18), "Artillery units opened fire across the line on Tuesday.", "opened",
         date(2023, 9, 19)),
        # A caption dated Saturday: "on Saturday" is the caption day itself.
        (date(2024, 6, 29), "A landmine wounded three shepherds on Saturday.", "wounded",
         date(2024, 6, 29)),
    ],
)  # fmt: skip
def test_caption_date_is_a_lower_bound(
    nlp: Any, published: date, text: str, trigger: str, expected: date
) -> None:
    doc = make_doc(text, published, origin=DateOrigin.CAPTION)
    event = add_event(doc, text[:5], trigger)
    run_dates(doc)
    assert event.date == expected
    assert event.date_from_publication is False


def test_caption_lower_bound_is_the_fallback_date(nlp: Any) -> None:
    text = "Border guards detained a smuggler."
    doc = make_doc(text, date(2023, 9, 18), origin=DateOrigin.CAPTION)
    event = add_event(doc, "Border", "detained")
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (date(2023, 9, 18), True)


def test_future_tense_looks_forward(nlp: Any) -> None:
    text = "Rebels attacked a checkpoint on Monday. Negotiators will meet on Monday."
    doc = run_dates(make_doc(text, date(2024, 5, 8)))  # a Wednesday
    assert [t.value for t in doc.timexes] == ["2024-05-06", "2024-05-13"]


def test_stage_is_registered_with_its_contract() -> None:
    from eventwire.stages.registry import registered_stages

    info = registered_stages()["dates"]
    assert "doc.events" in info.requires and "doc.article" in info.requires
    assert set(info.assigns) == {"doc.timexes", "event.date"}


def test_a_factual_event_is_not_dated_after_publication(nlp: Any) -> None:
    text = "The ministers agreed to meet again next month."
    doc = make_doc(text, date(2022, 4, 12))
    event = add_event(doc, text[:5], "agreed")
    run_dates(doc)
    assert event.date == date(2022, 4, 12)
    assert event.date_from_publication is True
    future = add_event(doc, text[:5], "meet")
    future.future = True
    run_dates(doc)
    assert future.date == date(2022, 5, 1)


def test_a_date_before_another_noun_is_no_narrative_time(nlp: Any) -> None:
    text = (
        "Rebels claimed the Dec. 10 bombings in the capital.\n"
        "The spectacle of the envoy's killing deepened the unease."
    )
    doc = make_doc(text, date(2016, 12, 19))
    deepened = add_event(doc, "The spectacle", "deepened")
    run_dates(doc)
    assert (deepened.date, deepened.date_from_publication) == (date(2016, 12, 19), True)
    # the noun the date stands before is the event itself: its date
    text = "She was among the 44 people killed in the Dec. 10 bombings in the capital."
    doc = make_doc(text, date(2016, 12, 19))
    bombings = add_event(doc, "She was", "bombings")
    run_dates(doc)
    assert (bombings.date, bombings.date_precision) == (date(2016, 12, 10), DatePrecision.DAY)


def test_a_date_measured_by_a_duration_before_it(nlp: Any) -> None:
    text = (
        "The agent cut off contact with the bureau about a month before the Nov. 8 vote.\n"
        "The talks took place two weeks after the Dec. 3 raid."
    )
    doc = make_doc(text, date(2016, 12, 21))
    cut = add_event(doc, "The agent", "cut")
    talks = add_event(doc, "The talks", "talks")
    raid = add_event(doc, "The talks", "raid")
    run_dates(doc)
    assert (cut.date, cut.date_precision) == (date(2016, 10, 1), DatePrecision.MONTH)
    assert (talks.date, talks.date_precision) == (date(2016, 12, 17), DatePrecision.DAY)
    # the raid is told with its own date, not measured from the day the sentence tells
    assert (raid.date, raid.date_precision) == (date(2016, 12, 3), DatePrecision.DAY)


def test_the_edge_of_another_clauses_period_dates_nothing(nlp: Any) -> None:
    text = "The union urged the minister to review all the rules adopted since Sept. 1."
    doc = make_doc(text, date(2016, 11, 23))
    urged = add_event(doc, "The union", "urged")
    run_dates(doc)
    assert urged.date != date(2016, 9, 1)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The two leaders have held several meetings in recent months.", "meetings"),
        ("The pastor was originally detained in the port city.", "detained"),
        ("The detective was initially hired to investigate the firm.", "investigate"),
        ("The governor has pardoned a prisoner every year.", "pardoned"),
        ("The arrest comes days after the mayor's aide resigned.", "resigned"),
        ("The lawyer discussed the case with the president days before the summit.", "discussed"),
        (
            "The two countries, which have backed opposing sides in the war, signed a deal.",
            "backed",
        ),
    ],
)
def test_a_past_the_text_does_not_date_is_not_the_publication_day(
    nlp: Any, text: str, trigger: str
) -> None:
    doc = make_doc(text, date(2016, 12, 19))
    event = add_event(doc, text[:10], trigger)
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (None, False)


def test_a_written_number_of_days_runs_up_to_the_day_told(nlp: Any) -> None:
    text = "Rebels have besieged the town for two weeks."
    doc = make_doc(text, date(2016, 12, 19))
    event = add_event(doc, "Rebels", "besieged")
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (date(2016, 12, 19), True)


def test_the_following_day_dates_its_own_verb(nlp: Any) -> None:
    text = (
        "A shopkeeper was beaten on Monday, March 6.\n"
        "The suspect was arrested at the shop and was charged the following day."
    )
    doc = make_doc(text, date(2017, 3, 12))
    arrested = add_event(doc, "The suspect", "arrested")
    charged = add_event(doc, "The suspect", "charged")
    run_dates(doc)
    assert arrested.date == date(2017, 3, 6)
    assert charged.date == date(2017, 3, 7)


def test_a_participle_after_its_noun_takes_the_narratives_day(nlp: Any) -> None:
    text = (
        "A gunman opened fire on a checkpoint on Thursday night.\n"
        "The attack left one guard dead and two people wounded before guards shot the gunman."
    )
    doc = make_doc(text, date(2017, 4, 21))
    wounded = add_event(doc, "The attack", "wounded")
    run_dates(doc)
    assert (wounded.date, wounded.date_from_publication) == (date(2017, 4, 20), False)


_LEAD = (
    "The city council voted on a new budget after a long debate. "
    "The mayor welcomed the result and thanked the members. "
)


@pytest.mark.parametrize(
    ("later", "trigger"),
    [
        # a retold earlier step, in the simple past, with no day named around it
        ("Years before, the firm was hired by a rival to investigate the mayor.", "investigate"),
        # the pluperfect: before the story's time
        ("The treasurer had been charged with fraud.", "charged"),
        # a present state that does not say when it began
        ("The former treasurer is now in custody.", "custody"),
        ("The former treasurer is charged with fraud.", "charged"),
        ("The former treasurer faces charges of fraud.", "faces"),
        # past the lead, the present perfect tells what happened before now, at a time
        # it does not give
        ("The opposition has rejected the budget.", "rejected"),
        ("The party has been blamed for the delay.", "blamed"),
    ],
)
def test_a_later_retelling_without_a_day_is_left_undated(
    nlp: Any, later: str, trigger: str
) -> None:
    text = _LEAD + later
    doc = make_doc(text, date(2016, 12, 19))
    event = add_event(doc, later[:12], trigger)
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (None, False)


@pytest.mark.parametrize(
    ("later", "trigger"),
    [
        ("Police say the treasurer was arrested at his home.", "arrested"),  # reported now
        ("The mayor will meet the opposition leader.", "meet"),
    ],
)
def test_news_of_the_day_keeps_the_publication_day(nlp: Any, later: str, trigger: str) -> None:
    text = _LEAD + later
    doc = make_doc(text, date(2016, 12, 19))
    event = add_event(doc, later[:12], trigger)
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (date(2016, 12, 19), True)


def test_a_present_perfect_in_the_lead_is_the_days_news(nlp: Any) -> None:
    text = "The city treasurer has been arrested on suspicion of fraud. " + _LEAD
    doc = make_doc(text, date(2016, 12, 19))
    event = add_event(doc, "The city treasurer", "arrested")
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (date(2016, 12, 19), True)


def test_a_present_perfect_retelling_the_leads_happening_takes_its_day(nlp: Any) -> None:
    text = (
        "Police arrested the city treasurer on Saturday at his home. "
        "The mayor welcomed the news. "
        "The council met in the evening. "
        "The treasurer has been arrested on suspicion of fraud."
    )
    doc = make_doc(text, date(2016, 12, 19))
    lead = add_event(doc, "Police arrested", "arrested")
    later = add_event(doc, "The treasurer has", "arrested")
    run_dates(doc)
    assert lead.date == later.date == date(2016, 12, 17)


def test_the_lead_keeps_the_publication_day_and_its_day_carries(nlp: Any) -> None:
    text = (
        "A gunman shot a guard on Monday outside a bank in the capital. "
        "Witnesses described a chaotic scene. "
        "Bystanders tried to help. "
        "Another man fled the scene. "
        "The gunman was later killed by police."
    )
    doc = make_doc(text, date(2016, 12, 19))
    lead = add_event(doc, "A gunman", "shot")
    later = add_event(doc, "The gunman", "killed")
    run_dates(doc)
    assert lead.date == date(2016, 12, 19)
    # the lead reports its incident on the publication day: the narrative is today's
    assert later.date == date(2016, 12, 19)


def test_a_later_telling_of_the_leads_kind_takes_the_leads_day(nlp: Any) -> None:
    text = (
        "A gunman shot a guard on Saturday outside a bank in the capital. "
        "Witnesses described a chaotic scene. "
        "Bystanders tried to help. "
        "Another man fled the scene. "
        "The gunman also shot a passer-by."
    )
    doc = make_doc(text, date(2016, 12, 19))
    lead = add_event(doc, "A gunman", "shot")
    later = add_event(doc, "The gunman also", "shot")
    run_dates(doc)
    assert lead.date == later.date == date(2016, 12, 17)


def test_an_earlier_step_told_of_a_noun_in_the_lead_is_left_undated(nlp: Any) -> None:
    text = "A father whose daughter was stabbed at a school dance is speaking out."
    doc = make_doc(text, date(2016, 9, 20))
    event = add_event(doc, "A father", "stabbed")
    run_dates(doc)
    assert (event.date, event.date_from_publication) == (None, False)


def test_a_day_of_a_clause_with_its_own_subject_does_not_date_the_clause_beside_it(
    nlp: Any,
) -> None:
    text = (
        "The firm began trials of its drones last week, but the regulator says "
        "the firm must stop the flights."
    )
    doc = make_doc(text, date(2016, 12, 17))
    began = add_event(doc, "The firm", "began")
    must = add_event(doc, "The firm", "must")
    run_dates(doc)
    assert began.date_precision is DatePrecision.WEEK
    assert must.date_precision is not DatePrecision.WEEK


def test_a_day_of_verbs_that_share_a_subject_dates_both(nlp: Any) -> None:
    text = "A gunman opened fire at a market on Thursday night and wounded three people."
    doc = make_doc(text, date(2016, 12, 17))
    wounded = add_event(doc, "A gunman", "wounded")
    run_dates(doc)
    assert wounded.date == date(2016, 12, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday the present tense of its clause placed ahead: the one before
        ("The Saturday bombing, which killed nine people, is under investigation.", "2016-12-10"),
        # a holiday the same: last year's
        ("The Christmas bombing, which killed nine people, is under investigation.", "2015-12-25"),
    ],
)
def test_a_name_without_its_year_dates_a_past_event_before_publication(
    nlp: Any, text: str, expected: str
) -> None:
    doc = make_doc(text, date(2016, 12, 15))
    event = add_event(doc, "The", "killed")
    run_dates(doc)
    assert event.date == date.fromisoformat(expected)


def test_a_name_the_future_tells_is_not_moved_back(nlp: Any) -> None:
    text = "The union said on Monday that its members would strike on Christmas Day."
    doc = make_doc(text, date(2016, 12, 15))
    event = add_event(doc, "The union", "strike")
    run_dates(doc)
    assert event.date != date(2015, 12, 25)


def test_a_past_telling_never_takes_a_day_after_publication(nlp: Any) -> None:
    # the lead's happening is still to come: an attack already told in the past is not
    # dated to it (nor to any day after the article appeared)
    text = (
        "Rebels will attack the garrison on Friday, a commander said. "
        "Witnesses described a tense town. "
        "Shops stayed shut. "
        "Families left the district. "
        "Rebels had also attacked a convoy."
    )
    doc = make_doc(text, date(2016, 12, 19))
    lead = add_event(doc, "Rebels will", "attack")
    lead.future = True
    later = add_event(doc, "Rebels had", "attacked")
    run_dates(doc)
    assert lead.date == date(2016, 12, 23)
    assert later.date is None or later.date <= date(2016, 12, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the filing day of the dateline gives way to the day the sentence tells
        ("LAGOS, May 10 (Reuters) - Gunmen ambushed a convoy on Wednesday.", date(2024, 5, 8)),
        # with no day of its own the sentence is dated by the filing day
        ("LAGOS, May 9 (Reuters) - Gunmen ambushed a convoy near the border.", date(2024, 5, 9)),
    ],
)
def test_a_wire_datelines_filing_day_is_not_the_events_day(
    nlp: Any, text: str, expected: date
) -> None:
    doc = make_doc(text, date(2024, 5, 10))  # a Friday
    ambush = add_event(doc, "Gunmen", "ambushed")
    run_dates(doc)
    assert ambush.date == expected
