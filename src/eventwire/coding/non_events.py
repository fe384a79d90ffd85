"""Sentences a trigger word matches that report no event at all.

An analyst reads each of these as no event, whatever the trigger word says:

- a heading or a label: a line with no sentence of its own ("Warning:", "Ambush
  attacks on officers increase" standing above the paragraph it introduces);
- a forecast or a hazard warning: what a weather office or an official warns of is the
  weather, not a threat by an actor ("warned of heavy snow", "warned residents to stay
  indoors because of aftershocks");
- a rally that is no protest: a team, a market or a price that "rallied", crowds that
  "poured into the streets to celebrate", a country that "strikes back" (a reprisal);
- a result in a competition: "beat"/"defeated" a team or a candidate in a match, a
  race, an election, or by a score ("beat Chelsea 3-1"); hosting a competition ("to
  host the 2030 World Cup");
- what a place or a firm offers, in the present simple ("the state offers cheap land",
  "the group offers cooling systems"): a description, not a pledge to anyone;
- police "called to" a scene: a dispatch, not a telephone consultation;
- an accident: a death or an injury in a crash, or done by a vehicle ("killed in the
  crash", "struck by a car", "thrown from the vehicle"), or told by a clause of time
  that tells a crash or a fall ("killed when a tree fell on them", "died after crashing
  his car"), or whose doer is a vehicle or a fire, not a person ("a fire at a factory
  killed nine workers", "a bus plunged into a gorge, killing ten", "a truck rammed into
  a bus"; "a man rammed his car into the crowd" has a doer);
- advice or an instruction to the reader: an imperative ("Please oppose it", "For
  tickets, call the box office"), a generic "you" ("you fight your battles") or an
  appeal to "anyone" ("Anyone with information is asked to call police");
- a metaphor: a killing or a destruction done by an abstract thing or to one ("the
  policy destroyed factories", "the announcement killed the trade deal");
- a statement to the press: speaking or talking to reporters is how the news was
  told, not a consultation ("told reporters", "spoke to journalists");
- a question or a plea reported as speech: "asked" or "pleaded" that introduce quoted
  words and name no one asked nor anything asked for ("'Why?' Jansen asked.").

``non_event_reason`` names the reason, or None for a sentence that may report an event.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.coding.word_senses import is_idiom, is_pardoned_animal, names_a_body

# What a warning about nature names (lemmas).
WEATHER_WORDS = frozenset(
    {"weather", "fog", "mist", "rain", "rainfall", "shower", "snow", "snowfall", "sleet",
     "storm", "thunderstorm", "wind", "gale", "gust", "hurricane", "typhoon", "cyclone",
     "tornado", "flood", "flooding", "heat", "heatwave", "frost", "ice", "blizzard",
     "temperature", "aftershock", "avalanche", "drought", "tsunami", "smog", "hail",
     "landslide", "mudslide", "cold", "chill", "forecast", "forecaster", "meteorologist",
     "eruption", "wildfire", "pollen", "haze", "dust"}
)  # fmt: skip
# Natural forces whose harm is no event by an actor (harm with no doer in an article
# that opens on one of these: ``_is_disaster_harm``).
DISASTER_WORDS = frozenset(
    {"earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock",
     "aftershocks", "flood", "floods", "flooding", "floodwaters", "hurricane", "typhoon",
     "cyclone", "tornado", "tsunami", "landslide", "landslides", "mudslide", "avalanche",
     "eruption", "volcano", "wildfire", "wildfires", "bushfire", "storm", "blizzard"}
)  # fmt: skip
_DISASTER_TYPES = frozenset({"ASSAULT", "COERCE"})
_CONTROLLED_DEPS = frozenset({"advcl", "xcomp", "conj", "acomp", "oprd", "dobj", "ccomp"})
_DOER_HOPS = 4
_OPENING_CHARS = 400
# A blast that a leak caused is an accident ("an explosion caused by a gas leak").
_BLASTS = frozenset({"explosion", "blast", "fire", "blaze"})
_LEAKS = frozenset({"leak", "leakage"})
# Words for a number of people ("warned of hundreds of fighters").
_MULTITUDES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozens", "millions",
                         "scores", "number", "numbers"})  # fmt: skip
# Verbs that warn or forecast.
_WARNING_WORDS = frozenset({"warn", "warning", "alert", "forecast", "predict", "caution"})
# Verbs that report a win in a competition, and what names a competition or its result.
_WINNING_VERBS = frozenset(
    {"beat", "defeat", "thrash", "trounce", "rout", "edge", "outvote", "crush", "hammer",
     "demolish", "thump", "stun", "humble", "outclass", "overpower", "sink", "down", "destroy"}
)  # fmt: skip
_CONTEST_WORDS = frozenset(
    {"election", "vote", "race", "primary", "primaries", "poll", "ballot", "runoff",
     "match", "game", "final", "semifinal", "semi-final", "quarterfinal", "championship",
     "tournament", "cup", "league", "title", "contest", "seat", "derby", "round", "set",
     "point", "goal", "medal", "nomination", "caucus", "referendum"}
)  # fmt: skip
# Who rallies or marches without protesting, and what a crowd in the streets may do instead.
_NOT_PROTESTERS = frozenset(
    {"team", "side", "squad", "club", "player", "champion", "stock", "share", "market",
     "price", "index", "dollar", "euro", "yen", "pound", "currency", "bond", "oil", "gold",
     "economy", "futures", "equity", "rupee", "yuan"}
)  # fmt: skip
_CELEBRATING = frozenset(
    {"celebrate", "celebration", "cheer", "rejoice", "festivity", "jubilation"}
)
_GAMES = frozenset({"olympics", "games", "competition", "event", "grand", "prix", "summit"})
_CONTEST_ADVERBS = frozenset({"narrowly", "comfortably", "easily", "handily"})
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
# Verbs of asking that, with no one asked and nothing asked for, only report speech.
_ASKING_VERBS = frozenset({"ask", "plead", "wonder", "beg", "inquire", "query"})
_ASKED_FOR = frozenset({"dobj", "dative", "xcomp", "iobj"})
_ASKED_PREPS = frozenset({"for", "to", "about", "on", "of", "with"})
_QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_HEADING_WORDS = 12
# What names an accident, and vehicles that strike or throw people without an actor.
_ACCIDENT_WORDS = frozenset(
    {"crash", "collision", "accident", "wreck", "rollover", "derailment", "pileup"}
)
_VEHICLES = frozenset(
    {"vehicle", "car", "truck", "lorry", "van", "bus", "train", "tram", "motorcycle",
     "suv", "pickup", "tractor", "trailer", "tree"}
)  # fmt: skip
# Types a vehicle can do without an actor: hurt someone, throw someone out.
_HURT_TYPES = frozenset({"ASSAULT", "SANCTION"})
# Verbs of a crash, and what falls on people by accident ("a tree fell on them").
_CRASHING = frozenset({"crash", "collide", "overturn", "derail", "capsize", "skid"})
_FALLING = frozenset({"fall", "collapse", "topple"})
_FALLEN = _VEHICLES | frozenset(
    {"branch", "wall", "roof", "ceiling", "building", "crane", "rock", "boulder", "bridge",
     "scaffolding", "balcony", "pole"}
)  # fmt: skip
_TIME_MARKS = frozenset({"when", "after", "as", "while", "following"})
_ACCIDENT_PREPS = frozenset({"in", "from", "by", "during"})
# Abstract things that destroy or kill only in a metaphor, as the doer or the target.
_ABSTRACT_DOERS = frozenset(
    {"announcement", "decision", "policy", "practice", "plan", "move", "law", "bill",
     "measure", "reform", "rule", "regulation", "decree", "tax", "tariff", "deal", "crisis",
     "recession", "inflation", "competition", "market", "economy", "scandal", "report",
     "comment", "remark", "statement", "speech", "tweet", "strategy", "approach", "system",
     "program", "programme", "budget", "cut", "price", "rate", "vote", "ruling", "verdict",
     "election", "result", "defeat", "loss", "debt", "austerity", "globalization",
     "globalisation", "automation", "technology", "internet"}
)  # fmt: skip
_ABSTRACT_TARGETS = frozenset(
    {"deal", "agreement", "hope", "chance", "bill", "plan", "talks", "momentum", "idea",
     "proposal", "reform", "career", "reputation", "dream", "mood", "confidence", "trust",
     "relationship", "partnership", "initiative", "pact", "treaty", "legislation", "bid",
     "prospect"}
)  # fmt: skip
_HARMING_TYPES = frozenset({"ASSAULT"})
# Words of the press, and verbs by which one tells it something.
_PRESS_WORDS = frozenset(
    {"reporter", "journalist", "press", "media", "newsman", "correspondent", "newspaper",
     "broadcaster", "television", "radio", "conference", "briefing"}
)  # fmt: skip
_TELLING_VERBS = frozenset({"speak", "talk", "tell", "address", "brief", "say", "explain"})
# Subjects that address the public, not an actor ("anyone with information").
_PUBLIC = frozenset({"you", "anyone", "anybody", "whoever", "everyone"})
# What may come before an imperative: its own adverbials ("To remain anonymous, call").
_PRE_IMPERATIVE = frozenset({"advcl", "prep", "advmod", "intj", "npadvmod", "punct", "discourse"})


def clause_verb(trigger: Any) -> Any:
    """The verb of the trigger's clause (the light verb of an event noun)."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def non_event_reason(trigger: Any, text: str, type_: str | None = None) -> str | None:
    """Why the sentence of ``trigger`` (a spaCy token of a document of ``text``, coded
    as an event of ``type_``) reports no event, or None."""
    verb = clause_verb(trigger)
    if type_ in _HARMING_TYPES and _is_metaphor(trigger, verb):
        return "metaphor"
    if _is_told_to_press(trigger, verb):
        return "press"
    if _is_heading(trigger, text):
        return "heading"
    if _is_weather_warning(trigger, verb):
        return "weather"
    if _is_contest_result(trigger, verb, text):
        return "contest"
    if type_ == "PROTEST" and _is_rally_of_no_protesters(trigger, verb):
        return "no protest"
    if _is_accident(verb, type_) or (type_ in _HURT_TYPES and _done_by_thing(verb)):
        return "accident"
    if type_ in _DISASTER_TYPES and _is_disaster_harm(trigger, verb, text):
        return "disaster"
    if is_pardoned_animal(trigger):
        return "ritual"
    if names_a_body(trigger):
        return "name"
    if is_idiom(trigger, verb, type_):
        return "idiom"
    if _is_standing_offer(trigger, verb) or (type_ == "CONSULT" and _is_dispatch(trigger, verb)):
        return "description"
    if _is_instruction(verb):
        return "instruction"
    if _is_reported_question(trigger, verb):
        return "speech"
    return None


def _is_heading(trigger: Any, text: str) -> bool:
    """A short line with no closing punctuation, at the start of its sentence and
    followed by a line that opens with a capital: a heading parsed into the sentence
    after it; or a sentence that is a bare label ("Warning:")."""
    sentence = trigger.sent
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    verbless = not any(t.pos_ in ("VERB", "AUX") and t.i != trigger.i for t in words)
    label = sentence.text.rstrip().endswith(":") or len(words) == 1
    if len(words) <= 2 and verbless and label:
        return True
    line_start = text.rfind("\n", 0, trigger.idx) + 1
    if line_start > sentence.start_char:
        return False  # not the sentence's first line
    line_end = text.find("\n", trigger.idx)
    if line_end < 0 or line_end >= sentence.end_char:
        return False
    line = text[line_start:line_end].strip()
    following = text[line_end : sentence.end_char].lstrip("\n")
    if not following.strip() or following[0] != following.lstrip()[0]:
        return False  # an indented line: text wrapped, not a new paragraph
    return (
        bool(line)
        and len(line.split()) <= _HEADING_WORDS
        and line[-1].isalnum()
        and following[0].isupper()
    )


def _is_weather_warning(trigger: Any, verb: Any) -> bool:
    words = {trigger.lemma_.lower(), verb.lemma_.lower()}
    if not words & _WARNING_WORDS:
        return False
    anchor = verb if verb.lemma_.lower() in _WARNING_WORDS else trigger
    said = [
        t for child in anchor.children if child.dep_ not in _SUBJECT_DEPS for t in child.subtree
    ]
    speaker = [t for child in anchor.children if child.dep_ in _SUBJECT_DEPS for t in child.subtree]
    return (
        any(t.lemma_.lower() in WEATHER_WORDS for t in said)
        or any(t.lower_ in ("weather", "meteorological", "met", "forecasters") for t in speaker)
        or _warns_of_state(anchor)
    )


def _warns_of_state(warning: Any) -> bool:
    """A warning of a state of affairs, which threatens no one: "warned that there
    would be delays", "warned of hundreds of fighters abroad" (a number of people)."""
    for child in warning.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "expl" for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "about"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(o.tag_ == "CD" or o.lemma_.lower() in _MULTITUDES for o in objects):
                return True
    return False


def _is_standing_offer(trigger: Any, verb: Any) -> bool:
    if trigger.i != verb.i or verb.lemma_.lower() != "offer" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("dative", "xcomp") for c in verb.children):
        return False  # "offers them asylum", "offers to mediate"
    return not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _is_dispatch(trigger: Any, verb: Any) -> bool:
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if trigger.i != verb.i or verb.lemma_.lower() != "call" or not passive:
        return False
    if any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in _EMERGENCY_SERVICES for c in verb.children
    ):
        return True  # "Police were called at around 10.55am": a dispatch, wherever to
    return any(
        (c.dep_ == "prep" and c.lower_ in ("to", "out")) or c.dep_ in ("xcomp", "advcl")
        for c in verb.children
    )


_EMERGENCY_SERVICES = frozenset(
    {"police", "officer", "firefighter", "paramedic", "ambulance", "crew", "service"}
)


def _is_contest_result(trigger: Any, verb: Any, text: str) -> bool:
    if verb.lemma_.lower() == "host" and trigger.i == verb.i:
        hosted = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        return any(t.lemma_.lower() in _CONTEST_WORDS | _GAMES for t in hosted)
    if trigger.lemma_.lower() not in _WINNING_VERBS and verb.lemma_.lower() not in _WINNING_VERBS:
        return False
    sentence = trigger.sent
    if _SCORE.search(text[sentence.start_char : sentence.end_char]):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _CONTEST_ADVERBS for c in verb.children):
        return True
    return any(t.lemma_.lower() in _CONTEST_WORDS for t in verb.subtree)


def _is_rally_of_no_protesters(trigger: Any, verb: Any) -> bool:
    """A team, a market or a price that "rallied", crowds that "poured into the streets
    to celebrate": no protest."""
    if trigger.i != verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = {t.lemma_.lower() for s in subjects for t in s.subtree}
    if words & _NOT_PROTESTERS:
        return True
    if trigger.lemma_.lower() == "strike" and any(c.lower_ == "back" for c in verb.children):
        return True  # "Russia strikes back at the US": a reprisal, not a strike
    return any(t.lemma_.lower() in _CELEBRATING for t in verb.subtree if t.i > verb.i)


def _is_metaphor(trigger: Any, verb: Any) -> bool:
    if trigger.i != verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    return any(s.lemma_.lower() in _ABSTRACT_DOERS for s in subjects) or any(
        o.lemma_.lower() in _ABSTRACT_TARGETS for o in objects
    )


def _is_told_to_press(trigger: Any, verb: Any) -> bool:
    """Speaking to reporters: the verb's object, dative or "to"/"with" object is the
    press ("told reporters", "spoke to journalists", "addressed a news conference")."""
    if verb.lemma_.lower() not in _TELLING_VERBS or trigger.i != verb.i:
        return False
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heard += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("to", "with", "at")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(h.lemma_.lower() in _PRESS_WORDS for h in heard)


def _is_accident(verb: Any, type_: str | None) -> bool:
    """A verb whose own preposition names a crash ("killed in the crash") or a vehicle
    that did it ("struck by a car", "ejected from the vehicle"), or whose clause of time
    tells a crash ("killed when a tree fell on the party", "died after crashing his car",
    "died after being struck by a vehicle")."""
    if _names_crash(verb, type_):
        return True
    if type_ not in _HURT_TYPES or any(c.dep_ == "dobj" for c in verb.children):
        return False  # "arrested after crashing", "gunmen killed a guard after ...": news
    # A clause of time may hang on a joined clause ("was killed and five were injured
    # when a tree fell") and scopes over both.
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    for clause in (c for v in joined for c in _time_clauses(v)):
        lemma = clause.lemma_.lower()
        if lemma in _CRASHING or _names_crash(clause, type_):
            return True
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if lemma in _FALLING and any(c.lemma_.lower() in _FALLEN for c in subjects):
            return True
    return False


# Doers that are things, not people: a harm they do is an accident ("a fire at a
# factory killed nine", "a bus plunged into a gorge, killing ten"), with fires and
# boats. Not a blast (a bomb is a blast too), nor an aircraft (a gunship attacks).
DOING_THINGS = True
_HARMING_THINGS = frozenset({"fire", "blaze", "inferno", "boat", "ferry"})
# Weapons: a vehicle that "hit a landmine" or a fire "started by a grenade" was attacked.
_WEAPON_WORDS = frozenset(
    {"bomb", "mine", "landmine", "ied", "explosive", "grenade", "rocket", "missile", "shell",
     "mortar", "drone", "airstrike", "gunman", "gunmen", "gunfire", "bullet", "arson"}
)  # fmt: skip
# Verbs of a mishap no attacker does ("plunged into a gorge", "overturned"; attackers
# may "crash into" a gate).
_MISHAPS = (_CRASHING - {"crash"}) | {"plunge"}


def _doers_up(verb: Any) -> tuple[list[Any], Any]:
    """The doers of ``verb`` and the clause that names them: a participle or an
    infinitive with no subject of its own has the doer of the clause it hangs on ("two
    quakes struck, leaving 180 dead and 1,300 injured"), not across a passive."""
    doers = _doers(verb)
    clause = verb
    for _ in range(_DOER_HOPS):
        if doers or clause.dep_ not in _CONTROLLED_DEPS or clause.head.i == clause.i:
            break
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
            break
        clause = clause.head
        doers = _doers(clause)
    return doers, clause


def _done_by_thing(verb: Any) -> bool:
    """Whether the doer of ``verb`` (or of the clause a participle or an infinitive with
    no subject hangs on) is a vehicle or a fire, or that clause tells a crash with
    nothing hit ("plunged into a gorge, killing ten", "overturned, killing two")."""
    if not DOING_THINGS or any(t.lemma_.lower() in _WEAPON_WORDS for t in verb.sent):
        return False  # "the vehicle hit a mine laid by the rebels": a weapon did it
    doers, clause = _doers_up(verb)
    if clause.i != verb.i and clause.lemma_.lower() in _MISHAPS:
        # "a bus ... plunged into a gorge, killing ten": what crashed hit no one
        return not any(c.dep_ == "dobj" for c in clause.children)
    return bool(doers) and all(d.lemma_.lower() in _VEHICLES | _HARMING_THINGS for d in doers)


def _is_disaster_harm(trigger: Any, verb: Any, text: str) -> bool:
    """Harm that nature did: done by a natural force ("the quake destroyed six
    villages", "an explosion caused by a gas leak injured 37"), or told with no doer in
    a sentence or an article that opens on a disaster ("six villages were destroyed",
    "phone lines have been cut", "forced to leave their homes" after an earthquake)."""
    sentence = trigger.sent
    doers, _ = _doers_up(verb)
    lemmas = {t.lemma_.lower() for t in sentence}
    if doers:
        if any(d.lemma_.lower() in DISASTER_WORDS for d in doers):
            return True  # "the quake destroyed six villages", "flattened by the storm"
        return bool(lemmas & _LEAKS) and any(d.lemma_.lower() in _BLASTS for d in doers)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # an active clause with no subject: left to the other checks
    if lemmas & DISASTER_WORDS:
        return True
    opening = {w.lower().strip(".,;:'\"") for w in text[:_OPENING_CHARS].split()}
    return bool(opening & DISASTER_WORDS)


def _doers(verb: Any) -> list[Any]:
    """The subject of an active verb, or the "by" agent of a passive one (the subject
    of a small clause, "leaving 180 people dead and 1,300 injured", is its patient)."""
    small = verb.pos_ == "ADJ" or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
    if verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children):
        return [verb.head]  # "an explosion [that] injured 37 people", read as a modifier
    return [c for c in verb.children if c.dep_ == "nsubj" and not small] + [
        p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
    ]


def _time_clauses(verb: Any) -> list[Any]:
    """The clauses of time the verb governs: "when ..." (advcl) or "after crashing"."""
    found = []
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ in ("advmod", "mark") and m.lower_ in _TIME_MARKS for m in child.children
        ):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _TIME_MARKS:
            found.extend(c for c in child.children if c.dep_ == "pcomp")
    # and the clauses joined to them ("when his car went off the ramp and crashed")
    return found + [c for clause in found for c in clause.children if c.dep_ == "conj"]


def _names_crash(verb: Any, type_: str | None) -> bool:
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in _ACCIDENT_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            lemma = obj.lemma_.lower()
            if lemma in _ACCIDENT_WORDS:
                return True
            if prep.lower_ in ("by", "from") and lemma in _VEHICLES and type_ in _HURT_TYPES:
                return True
    return False


def _is_instruction(verb: Any) -> bool:
    """An imperative (a bare verb with no subject opening its clause, or coordinated
    with one) or a clause whose subject is the generic "you"."""
    current = verb
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
    if any(s.lower_ in _PUBLIC for s in subjects):
        return True
    if subjects or current.tag_ != "VB" or current.dep_ not in ("ROOT", "parataxis"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in current.children):
        return False  # "to meet next week" in a headline, "if they attack"
    before = [c for c in current.children if c.i < current.i]
    return all(c.dep_ in _PRE_IMPERATIVE for c in before)


def _is_reported_question(trigger: Any, verb: Any) -> bool:
    if trigger.i != verb.i or verb.lemma_.lower() not in _ASKING_VERBS:
        return False
    if any(c.dep_ in _ASKED_FOR for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _ASKED_PREPS for c in verb.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass", "advcl") for c in verb.children):
        return False  # "was asked": someone asked the subject; "asked for X to be freed"
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children):
        return False  # "asked that the court free him": a request
    return not clauses or any(t.text in _QUOTES for t in trigger.sent)
