"""Incidents stage: one attack told in many sentences is one event with its total toll.

A news article tells its incident again and again: in the title, the lead, each photo
caption, the police statement, the victims' names. The events stage codes each telling
as an ASSAULT, and each telling's own clause gives a part of the toll ("a man was shot",
"the boy died"). Here the article's tellings of its main attack are folded into one
event, and that event's dead and injured are the figures for the whole incident:

- The main attack is the headline's factual ASSAULT, else the first one told. An
  other factual ASSAULT of the article folds into it when nothing known about them
  disagrees: not told in the same sentence (two attacks in one sentence are two
  events), not historical, no actor or recipient country or sector that differs (the
  officer who shot the attacker is another event), dated within a
  day of it (or undated), placed within 50 km (or unplaced). A folded telling is kept
  in ``Event.retold`` and stored as another mention of the same event.
- The toll comes from every casualty statement of the article (``eventwire.coding.tolls``,
  gathered by ``stages/incident_toll.py``),
  sentence by sentence, the title included when the source gives one that the text
  leaves out (a feed item's title: "Teen Killed, Another Wounded in Dayton Shooting"),
  leaving out the sentences of summaries of the past, of
  attacks by or on other sides, sentences about a period ("104 people shot this year", "so
  far", "since January") and tallies told over a period or over several attacks ("six
  injured in violent weekend", "three wounded in separate shootings";
  ``coding/tallies.py``), and, once the incident's year is told, sentences dated to
  another year ("a June 2013 shooting that left three dead"; ``coding/other_years.py``),
  and the sentence right after one of another time that names no time of its own and
  goes on telling that other incident (``stages/incident_continuation.py``; its attack
  is not folded either).
  Within a sentence, statements about different victims add
  up ("killed her daughter and two grandchildren before turning the gun on herself":
  3; the injured of one sentence do not add up); between sentences the largest figure
  stands, because in one article the smaller
  figures are parts of the total ("the boy died" beside "four people were killed") or
  the toll before it rose. ACLED's lowest-figure rule applies between conflicting
  reports of the same total, which is where reports of one incident from different
  articles meet (``store/merge.py``).
- The incident's date and place: a main attack dated only by the publication date,
  or only to a week or a month, takes the day another telling gives (a folded
  telling's, else the earliest day named in a sentence that gives the toll or tells
  the police response, else the earliest in the lead's four sentences, never after
  publication); one placed from
  outside its sentence takes the place a folded telling names in its own sentence.
- The injured are the largest figure said to be wounded, injured or hurt, or, when
  larger, the number said to be shot less the dead ("four people were shot, one died":
  3 injured); a telling's own injured give way to these when the dead account for the
  difference ("a hunter was shot" beside "one person is dead": none injured).

The event keeps its own clause's figure when the article gives no larger one.

An article can tell its attack only through its toll: the ``attacks`` stage
(``stages/attacks.py``), run before places and dates, codes an ASSAULT for it so that the
incident has an event to carry its figures.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

from eventwire.geodesy import haversine_km
from eventwire.model import (
    Actor,
    DatePrecision,
    Document,
    Event,
    Place,
    Precision,
    TimexType,
    Zone,
)
from eventwire.stages.dates import bare_clock_times, is_response, is_told_day
from eventwire.stages.factuality import HISTORICAL
from eventwire.stages.incident_continuation import going_on_elsewhere, told_as_another
from eventwire.stages.incident_toll import (
    TOLD_ZONES,
    Toll,
    article_toll,
    at_least,
    incident_injured,
    is_period,
    told_without_the_police,
)
from eventwire.stages.registry import stage
from eventwire.timex.normalize import calendar_date

_SAME_PLACE_KM = 50.0
_POLICE = "COP"
# Words of a crowd the police fire on or charge.
# A crowd turned violent (not protesters as such: police firing on protesters is the
# incident, and the dead told beside it are its toll).
_CROWD_WORDS = frozenset(
    {"mob", "mobs", "crowd", "crowds", "rioter", "rioters", "agitator", "agitators", "throng",
     "rioting"}
)  # fmt: skip
_SAME_DAYS = 1
# The lead: the sentences of an article that tell its news first.
_LEAD_SENTENCES = 4


def main_attack(events: list[Event]) -> Event | None:
    """The headline's factual ASSAULT, else the first factual ASSAULT the article tells
    (news tells its incident first), leaving out summaries of the past."""
    attacks = [
        e for e in events if e.type == "ASSAULT" and e.factual and HISTORICAL not in e.contexts
    ]
    headline = [e for e in attacks if e.headline]
    if headline:
        return headline[0]
    return min(attacks, key=lambda e: e.start) if attacks else None


def _sides_agree(a: Actor | None, b: Actor | None) -> bool:
    """Whether two sides can be the same: no country and no sector that differ."""
    if a is None or b is None:
        return True
    return (a.country is None or b.country is None or a.country == b.country) and (
        a.sector is None or b.sector is None or a.sector == b.sector
    )


def _same_sector(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.sector is not None and a.sector == b.sector


def _same_sides(main: Event, other: Event) -> bool:
    """Whether ``other`` can be done by the same side to the same side as ``main``: no
    side disagrees, and it is not done the other way round (the officer who shoots the
    attacker who wounded an officer)."""
    if not (
        _sides_agree(main.actor, other.actor) and _sides_agree(main.recipient, other.recipient)
    ):
        return False
    reversed_actor = _same_sector(other.actor, main.recipient) and not _same_sector(
        other.actor, main.actor
    )
    reversed_recipient = _same_sector(other.recipient, main.actor) and not _same_sector(
        other.recipient, main.recipient
    )
    return not (reversed_actor or reversed_recipient)


def same_incident(main: Event, other: Event) -> bool:
    """Whether ``other`` can be a telling of the attack ``main`` (see the docstring)."""
    if other.type != main.type or not other.factual:
        return False
    if other.start == main.start:
        return False
    if not _same_sides(main, other):
        return False
    if not _may_be_same_time(main, other):
        return False
    a, b = main.place, other.place
    if a is not None and b is not None and None not in (a.lat, a.lon, b.lat, b.lon):
        if a.country_code != b.country_code:
            return False
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if haversine_km(a.lat, a.lon, b.lat, b.lon) > _SAME_PLACE_KM:
            return False
    return True


def _may_be_same_time(main: Event, other: Event) -> bool:
    """Whether ``other`` may tell of the same time as ``main``: it is no summary of the
    past and its date, when the text gives one, is within a day of ``main``'s."""
    if HISTORICAL in other.contexts:
        return False
    if main.date is None or other.date is None or other.date_from_publication:
        return True
    return abs((main.date - other.date).days) <= _SAME_DAYS


@stage(
    "incidents",
    requires=("doc.events", "doc.spacy_doc", "event.dead", "event.date", "event.place"),
    assigns=("doc.events", "event.retold", "event.dead", "event.injured", "event.contexts"),
)
def fold_incidents(doc: Document) -> Document:
    main = main_attack(doc.events)
    if main is None or doc.spacy_doc is None:
        return doc
    year = main.date.year if main.date and not main.date_from_publication else None
    # a sentence right after one about another time, naming no time of its own, goes on
    # telling that other incident ("... from a March 2014 shooting that left a teenager
    # dead. A 15-year-old boy was shot as he walked home."): not folded, no toll
    elsewhere = going_on_elsewhere(doc, year, main.start) - {main.start}
    for event in doc.events:
        if event.start in elsewhere and event.type == main.type:
            _told_of_another_time(event)
    # "In another incident, a youth was stabbed": not this incident's telling nor toll
    elsewhere |= told_as_another(doc, main.start)
    # the police who fire on a crowd or charge it answer the incident: the dead told
    # without them ("three were killed in the violence") are not the police's
    riot = _riot_tolls(doc, main)
    folded = [
        e
        for e in doc.events
        if e is not main
        and e.start not in elsewhere
        and not (e.start in riot and not _same_sector(main.actor, e.actor))
        and same_incident(main, e)
    ]
    for other in folded:
        main.retold.append(other)
        for count in ("dead", "injured", "arrested"):
            setattr(main, count, at_least(getattr(main, count), getattr(other, count)))
        main.confidence = max(main.confidence, other.confidence)
    gone = {id(e) for e in folded}
    doc.events = [e for e in doc.events if id(e) not in gone]
    # the toll leaves out summaries of the past and the attacks of other sides ("the
    # officer shot the attacker dead" is an event of its own beside the attack)
    others = {
        e.start
        for e in doc.events
        if e.type == main.type
        and e is not main
        and (HISTORICAL in e.contexts or (e.factual and not _same_sides(main, e)))
    }
    toll = article_toll(doc, (others | elsewhere | riot) - {main.start}, year)
    main.dead = at_least(main.dead, toll.dead)
    main.injured = incident_injured(main.injured, toll)
    _date_incident(doc, main, toll)
    _place_incident(doc, main)
    return doc


def _riot_tolls(doc: Document, main: Event) -> set[int]:
    """When the main attack is the police's force on a crowd (firing on a mob, a charge
    on a crowd: ``_on_a_crowd``), the starts of the sentences that give dead or injured
    without naming the police or a firing (``incident_toll.told_without_the_police``):
    the figures of the crowd's violence, not the police's; such a sentence's attack is
    not folded into the police's unless it is the police's too, and the toll leaves it
    out. Empty for any other main attack (a police shooting of one suspect is the
    incident itself), whose incident the article's figures count."""
    if main.actor is None or main.actor.sector != _POLICE or not _on_a_crowd(main):
        return set()
    return told_without_the_police(doc) - {main.start}


def _on_a_crowd(event: Event) -> bool:
    """Whether ``event`` is force used on a crowd (a charge, tear gas, or an attack on a
    mob, rioters, protesters): the police answering a crowd's violence, not a shooting of
    one suspect, which is the incident itself."""
    if event.mode == "crowd-control":
        return True
    words = event.recipient.text.lower().replace("-", " ").split() if event.recipient else []
    return any(word in _CROWD_WORDS for word in words)


def _told_of_another_time(event: Event) -> None:
    """An attack that goes on telling an earlier incident happened then, not on the
    publication day: a summary of the past, undated unless its own sentence dates it."""
    if HISTORICAL not in event.contexts:
        event.contexts.append(HISTORICAL)
    if event.date_from_publication:
        event.date, event.date_precision, event.date_from_publication = None, None, False


def _date_incident(doc: Document, main: Event, toll: Toll) -> None:
    """A main attack that took the publication date for want of a date in its own
    sentence, or that its sentence dates only to a week or a month ("earlier this
    week"), takes the day another telling of it gives: a folded telling's own date,
    else the earliest day named in a sentence that gives its toll ("four people were
    killed Saturday" in a Monday article is the Saturday before; "charged Wednesday"
    comes after it) or that tells the call for help or the response to it ("deputies
    responded around 5 p.m. Oct. 11"; ``stages.dates.is_response``), else the earliest
    day the lead names; never one after the publication date, nor, for a week or a
    month, one outside it. The article opens at its body or at the attack's first
    telling, whichever comes first: captions before it may be teasers of other stories,
    and neither their toll nor their days count; nor does a toll sentence right after
    one about a time long past ("Last year, a boy shot himself ... He died on May 2,
    2014"), which goes on telling that other incident. A clock time no day qualifies names no
    day ("at 10:26 p.m." took the publication day by default). (Measured, a
    sentence's first day was right less often than its earliest, and the days of
    every sentence that names the shooting were no better than the lead's.)"""
    coarse = main.date is not None and main.date_precision is not DatePrecision.DAY
    weak = not main.date_from_publication and not coarse and _told_date(doc, main)
    unknown = main.date is None  # "was shot weeks ago": a time past, no day
    if not main.date_from_publication and not coarse and not weak and not unknown:
        return
    published = main.date if main.date_from_publication else None
    if published is None and doc.article is not None:
        published = doc.article.published
    for told in sorted(main.retold, key=lambda e: e.start):
        if (
            told.date is not None
            and not told.date_from_publication
            and told.date_precision is DatePrecision.DAY
            and _not_after(told.date, published)
            and not _told_date(doc, told)
        ):
            main.date, main.date_precision = told.date, told.date_precision
            main.date_from_publication = False
            return
    sentences = [s for s in doc.sentences if s.zone in TOLD_ZONES]
    # the article opens at its body or at the attack's first telling: the captions
    # before it may be teasers of other stories ("a deputy who died on Sept. 8")
    opens = min(
        [s.start for s in sentences if s.zone is Zone.BODY][:1]
        + [e.start for e in (main, *main.retold)]
    )
    # the call for help and the response to it tell the incident's time too
    response = [(s.start, s.end) for s in sentences if is_response(doc.text[s.start : s.end])]
    telling = sorted(
        {
            *(s for s in (*toll.sentences, *response) if s[1] > opens),
            *((e.start, e.end) for e in main.retold),
        }
    )
    lead = [(s.start, s.end) for s in sentences if s.end > opens][:_LEAD_SENTENCES]
    # a sentence after one about a time long past ("Last year, a boy ...") goes on
    # telling that other incident
    after_past = set()
    for before, after in pairwise(sentences):
        span = doc.spacy_doc.char_span(before.start, before.end, alignment_mode="expand")
        if span is not None and is_period(span):
            after_past.add((after.start, after.end))
    telling = [t for t in telling if t not in after_past]
    # a clock time no day qualifies names no day (it took the anchor's)
    bare = bare_clock_times(doc)
    triggers = tuple(
        e.trigger_start
        for e in (*doc.events, *main.retold)
        if e.type == main.type and e.trigger_start is not None
    )
    # A main attack dated by a day of telling looks for a day of its own; one dated by
    # the publication day takes any day its tellings give.
    for spans in (telling, lead):
        days = []
        for timex in sorted(doc.timexes, key=lambda t: t.start):
            if timex.type not in (TimexType.DATE, TimexType.TIME) or timex.start in bare:
                continue
            if not any(start <= timex.start and timex.end <= end for start, end in spans):
                continue
            if weak and is_told_day(doc, timex, triggers):
                continue
            when = calendar_date(timex)
            if when is None or when[1] is not DatePrecision.DAY:
                continue
            if not _not_after(when[0], published):
                continue
            if coarse and main.date is not None and not _within(when[0], main):
                continue
            days.append(when[0])
        if days:
            main.date = min(days)
            main.date_precision = DatePrecision.DAY
            main.date_from_publication = False
            return


def _told_date(doc: Document, event: Event) -> bool:
    """Whether ``event`` is dated only by a day of telling in its sentence ("officials
    identified on Thursday the four people who were shot"; ``stages.dates``)."""
    if event.date is None or event.trigger_start is None:
        return False
    told = False
    for timex in doc.timexes:
        if not (event.start <= timex.start and timex.end <= event.end):
            continue
        when = calendar_date(timex)
        if when is None or when[0] != event.date:
            continue
        if not is_told_day(doc, timex, (event.trigger_start,)):
            return False
        told = True
    return told


def _within(day: date, main: Event) -> bool:
    """Whether ``day`` lies in the week or month ``main`` is dated to."""
    if main.date is None:
        return True
    if main.date_precision is DatePrecision.WEEK:
        return 0 <= (day - main.date).days < 7
    if main.date_precision is DatePrecision.MONTH:
        return (day.year, day.month) == (main.date.year, main.date.month)
    return day.year == main.date.year


def _not_after(day: date, published: date | None) -> bool:
    return published is None or day <= published


def _place_incident(doc: Document, main: Event) -> None:
    """A main attack placed from outside its sentence (the dateline, an earlier
    sentence) takes the place another telling of it names in its own sentence; one
    placed only in a state ("a shooting in northern Iowa") takes the town of that
    state the article names (see ``_town_of``)."""
    place = main.place
    if place is None or not (main.start <= place.start < main.end):
        for told in sorted(main.retold, key=lambda e: e.start):
            found = told.place
            if found is not None and told.start <= found.start < told.end:
                main.place = found
                break
    if main.place is not None and main.place.precision in _WIDE:
        town = _town_of(doc, main.place)
        if town is not None:
            main.place = town


# A main attack placed only in a state takes the state's town the article names. (Taking
# a country's town for one placed only in a country, or any town for one placed nowhere,
# gave no more shooting reports their town and split the tellings of one event that
# other articles place in the country: measured on the merging set.)
_WIDE = frozenset({Precision.ADMIN1})


def _town_of(doc: Document, wide: Place | None) -> Place | None:
    """The town or county of the article that lies in ``wide`` (a state: in its first-level
    region; else a country: in it; any when None): the most often named, the first of
    equals (a dateline is first), among the places an event may take
    (``stages.places.placeable``: no word of a person's or a street's name; a
    doubted one only when there is no other)."""
    from eventwire.gazetteer import Gazetteer
    from eventwire.stages.places import placeable

    gazetteer = Gazetteer.load()

    def admin1(place: Place) -> str | None:
        for entry in gazetteer.candidates(place.name or place.text):
            if entry.geonameid is not None and entry.geonameid == place.geonameid:
                return entry.admin1
        return None

    state = None
    if wide is not None and wide.precision is Precision.ADMIN1:
        state = wide.name
    towns = [
        p
        for p in doc.places
        if p.precision in (Precision.POINT, Precision.ADMIN2)
        and p.geonameid is not None
        and (wide is None or p.country_code == wide.country_code)
    ]
    if state is not None:
        towns = [p for p in towns if admin1(p) == state]
    towns = placeable(doc, towns)
    if not towns:
        return None
    counts = Counter(p.geonameid for p in towns)
    return max(towns, key=lambda p: (counts[p.geonameid], -p.start))
