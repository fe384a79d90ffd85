"""Loaders for the event-coding lexicons in ``eventwire/data``.

The files are the knowledge; this module only reads and validates them:
``event_patterns.yaml`` (triggers -> PLOVER type/mode; light verbs, terminative
verbs and the reversal of each type, carrier nouns), ``assault_modes.tsv``
(instrument words -> ASSAULT mode) and ``contexts.tsv`` (words -> PLOVER context).
A path may be given to read a user's own copy instead of the packaged one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from eventwire.datafiles import read_data, read_word_table
from eventwire.errors import ResourceError
from eventwire.model import CASUALTY_COUNTS

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

CASUALTY_KINDS = frozenset(CASUALTY_COUNTS)

DEFAULT_RECIPIENT_PREPS: tuple[str, ...] = (
    "against", "on", "at", "with", "upon", "toward", "towards", "into", "for", "to",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventPattern:
    trigger: str
    pos: str  # "verb" or "noun"
    type: str
    mode: str | None = None
    objects: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()  # a noun trigger's light verb must be one of these
    animate: bool = False  # the object must name people or a group ("released hostages")
    subjects: tuple[str, ...] = ()  # the subject must be one of these ("a militia operating")
    undergoer: bool = False  # the subject is the recipient ("faced charges")
    transitive: bool | None = None
    casualty: str | None = None
    reciprocal: bool = False
    has_recipient: bool = True
    object_recipient: bool = True  # False: only recipient_prep objects ("deployed ... to")
    recipient_preps: tuple[str, ...] = DEFAULT_RECIPIENT_PREPS
    confidence: float = 0.7
    example: str | None = None

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets besides its trigger."""
        return (
            bool(self.objects) + bool(self.preps) + bool(self.particles) + bool(self.modifiers)
            + bool(self.verbs) + self.animate + (self.transitive is not None)
            + bool(self.subjects)
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    cameo_root: str
    quad_class: int


@dataclass(frozen=True, slots=True)
class Reversal:
    """What ending an event of some type codes ("lifted the curfew": COERCE -> CONCEDE)."""

    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class PatternSet:
    types: dict[str, TypeInfo]
    patterns: tuple[EventPattern, ...]
    light_verbs: frozenset[str]
    by_trigger: dict[tuple[str, str], tuple[EventPattern, ...]]
    terminative_verbs: frozenset[str] = frozenset()
    subject_light_verbs: frozenset[str] = frozenset()  # "clashes erupted"
    # Verbs that tell of the event their object names ("observers reported an attack").
    reporting_verbs: frozenset[str] = frozenset()
    carrier_nouns: frozenset[str] = frozenset()  # "a mediation effort", "an aid convoy"
    # Nouns that end the event their "of" object names ("the lifting of the curfew").
    terminative_nouns: frozenset[str] = frozenset()
    # Nouns whose content is planned ("dropped plans to impose a curfew").
    plan_nouns: frozenset[str] = frozenset()
    # Words that make an attack by or with them a cyber attack ("hackers hit the site").
    cyber_words: frozenset[str] = frozenset()
    # Words that make an attack by them a riot ("protesters smashed windows").
    riot_words: frozenset[str] = frozenset()
    # Noun lemma -> the patterns of ending that event ("halted aid" is SANCTION).
    by_ended_noun: dict[str, tuple[EventPattern, ...]] = field(default_factory=dict)
    # Type -> what ending an event of that type codes ("stopped fighting": RETREAT).
    reversals: dict[str, Reversal] = field(default_factory=dict)
    # Type -> the type of a stated intention to do it, where not AGREE or THREATEN
    # ("agreed to lift the curfew": CONCEDE).
    promised_as: dict[str, str] = field(default_factory=dict)

    def for_verb(self, lemma: str) -> tuple[EventPattern, ...]:
        return self.by_trigger.get(("verb", lemma), ())

    def for_noun(self, lemma: str) -> tuple[EventPattern, ...]:
        return self.by_trigger.get(("noun", lemma), ())

    def for_ended_noun(self, lemma: str) -> tuple[EventPattern, ...]:
        return self.by_ended_noun.get(lemma, ())


_VOWELS = frozenset("aeiou")


def verb_forms(lemma: str) -> set[str]:
    """The regular inflections of a verb ("stage" -> staged, stages, staging), so a
    trigger is found even where the lemmatizer errs ("staged" -> "stag")."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.lower() for v in value)
    hint = (
        ' (YAML reads on/off/yes/no as true/false: quote them, "on")'
        if (
            isinstance(value, bool)
            or (isinstance(value, list) and any(isinstance(v, bool) for v in value))
        )
        else ""
    )
    raise ResourceError(f"{where}: {key!r} must be a word or a list of words{hint}")


def _pattern(entry: Any, where: str, types: dict[str, TypeInfo]) -> EventPattern:
    if not isinstance(entry, dict):
        raise ResourceError(f"{where}: a pattern must be a mapping")
    known = {
        "trigger", "pos", "type", "mode", "object", "prep", "particle", "modifier", "verb",
        "animate", "subject", "undergoer",
        "transitive", "casualty", "reciprocal", "recipient", "recipient_prep", "confidence",
        "example",
    }  # fmt: skip
    unknown = set(entry) - known
    if unknown:
        raise ResourceError(f"{where}: unknown keys {sorted(unknown)}")
    trigger, type_ = entry.get("trigger"), entry.get("type")
    if not isinstance(trigger, str) or not trigger:
        raise ResourceError(f"{where}: 'trigger' is required")
    if type_ not in types:
        raise ResourceError(f"{where}: type {type_!r} is not declared under 'types'")
    pos = entry.get("pos", "verb")
    if pos not in ("verb", "noun"):
        raise ResourceError(f"{where}: pos must be 'verb' or 'noun', not {pos!r}")
    casualty = entry.get("casualty")
    if casualty is not None and casualty not in CASUALTY_KINDS:
        raise ResourceError(f"{where}: casualty must be one of {sorted(CASUALTY_KINDS)}")
    try:
        confidence = float(entry.get("confidence", 0.7))
    except (TypeError, ValueError) as exc:
        raise ResourceError(f"{where}: confidence must be a number") from exc
    mode = entry.get("mode")
    if mode is not None and not isinstance(mode, str):
        raise ResourceError(f"{where}: mode must be one word")
    if not 0.0 <= confidence <= 1.0:
        raise ResourceError(f"{where}: confidence must be between 0 and 1")
    transitive = entry.get("transitive")
    if transitive is not None and not isinstance(transitive, bool):
        raise ResourceError(f"{where}: transitive must be true or false")
    preps = _strings(entry.get("recipient_prep"), where, "recipient_prep")
    # "recipient: false" with recipient_prep: the object is not the recipient, those
    # prepositions' objects are ("deployed troops to the border").
    object_recipient = bool(entry.get("recipient", True))
    return EventPattern(
        trigger=trigger.lower(),
        pos=pos,
        type=str(type_),
        mode=mode,
        objects=_strings(entry.get("object"), where, "object"),
        preps=_strings(entry.get("prep"), where, "prep"),
        particles=_strings(entry.get("particle"), where, "particle"),
        modifiers=_strings(entry.get("modifier"), where, "modifier"),
        verbs=_strings(entry.get("verb"), where, "verb"),
        animate=bool(entry.get("animate", False)),
        subjects=_strings(entry.get("subject"), where, "subject"),
        undergoer=bool(entry.get("undergoer", False)),
        transitive=transitive,
        casualty=casualty,
        reciprocal=bool(entry.get("reciprocal", False)),
        has_recipient=object_recipient or bool(preps),
        object_recipient=object_recipient,
        recipient_preps=preps or DEFAULT_RECIPIENT_PREPS,
        confidence=confidence,
        example=entry.get("example"),
    )


def parse_patterns(text: str, where: str) -> PatternSet:
    """Parse the YAML text of an event-pattern file; errors name ``where``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "types" not in data or "patterns" not in data:
        raise ResourceError(f"{where}: needs 'types' and 'patterns' sections")
    types: dict[str, TypeInfo] = {}
    for name, value in (data["types"] or {}).items():
        if not (isinstance(value, list) and len(value) == 2):
            raise ResourceError(f"{where}: type {name}: expected [cameo_root, quad_class]")
        try:
            quad_class = int(value[1])
        except (TypeError, ValueError) as exc:
            raise ResourceError(f"{where}: type {name}: quad class must be 1 to 4") from exc
        types[str(name)] = TypeInfo(str(name), str(value[0]), quad_class)
    patterns = tuple(
        _pattern(entry, f"{where}: pattern {n}", types)
        for n, entry in enumerate(data["patterns"] or [], start=1)
    )
    light = _verb_set(data, "light_verbs", where)
    terminative = _verb_set(data, "terminative_verbs", where)
    subject_light = _verb_set(data, "subject_light_verbs", where)
    reporting = _verb_set(data, "reporting_verbs", where)
    carriers = frozenset(_strings(data.get("carrier_nouns"), where, "carrier_nouns"))
    ending_nouns = frozenset(_strings(data.get("terminative_nouns"), where, "terminative_nouns"))
    plan_nouns = frozenset(_strings(data.get("plan_nouns"), where, "plan_nouns"))
    cyber_words = frozenset(_strings(data.get("cyber_words"), where, "cyber_words"))
    riot_words = frozenset(_strings(data.get("riot_words"), where, "riot_words"))
    reversals = _reversals(data.get("reversals"), where, types)
    promised_as = _promised_as(data.get("promised_as"), where, types)
    index: defaultdict[tuple[str, str], list[EventPattern]] = defaultdict(list)
    for pattern in patterns:
        forms = verb_forms(pattern.trigger) if pattern.pos == "verb" else {pattern.trigger}
        for form in sorted(forms):
            if pattern not in index[(pattern.pos, form)]:
                index[(pattern.pos, form)].append(pattern)
    # The most specific pattern is tried first: "protested to the ambassador" (ACCUSE,
    # needs "to") before "protested" (PROTEST); file order breaks ties.
    by_trigger = {
        key: tuple(sorted(value, key=lambda p: -p.specificity)) for key, value in index.items()
    }
    ended: defaultdict[str, list[EventPattern]] = defaultdict(list)
    # Patterns that asked for a light verb come last, the likelier first: "ended the
    # strike" ends a labour strike (0.65) before an air strike (0.6).
    for pattern in sorted(patterns, key=lambda p: (bool(p.verbs), -p.confidence)):
        reversal = reversals.get(pattern.type)
        if pattern.pos == "noun" and reversal is not None:
            # The ending verb stands for the light verb: "ended the strike" needs none
            # of the verbs that "are on strike" does.
            ended[pattern.trigger].append(
                replace(
                    pattern, type=reversal.type, mode=reversal.mode, casualty=None,
                    reciprocal=False, example=None, verbs=(),
                )
            )  # fmt: skip
    return PatternSet(
        types=types,
        patterns=patterns,
        light_verbs=light,
        by_trigger=by_trigger,
        terminative_verbs=terminative,
        subject_light_verbs=subject_light,
        reporting_verbs=reporting,
        carrier_nouns=carriers,
        terminative_nouns=ending_nouns,
        plan_nouns=plan_nouns,
        cyber_words=cyber_words,
        riot_words=riot_words,
        by_ended_noun={key: tuple(value) for key, value in ended.items()},
        reversals=reversals,
        promised_as=promised_as,
    )


def _promised_as(value: object, where: str, types: dict[str, TypeInfo]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ResourceError(f"{where}: promised_as: expected a mapping of type to type")
    promised: dict[str, str] = {}
    for name, coded in value.items():
        for checked in (name, coded):
            if checked not in types:
                raise ResourceError(f"{where}: promised_as: unknown type {checked!r}")
        promised[str(name)] = str(coded)
    return promised


def _verb_set(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """Every inflected form of the verbs listed under ``key``; an entry may add a
    particle ("carry out": "carried out", "carrying out")."""
    forms: set[str] = set()
    for entry in _strings(data.get(key), where, key):
        verb, _, particle = entry.partition(" ")
        forms |= {f"{form} {particle}".strip() for form in verb_forms(verb)}
    return frozenset(forms)


def _reversals(value: Any, where: str, types: dict[str, TypeInfo]) -> dict[str, Reversal]:
    """``reversals``: type -> [type, mode] (mode may be null) of ending such an event."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ResourceError(f"{where}: 'reversals' must map a type to [type, mode]")
    found: dict[str, Reversal] = {}
    for ended, entry in value.items():
        if not (isinstance(entry, list) and len(entry) == 2):
            raise ResourceError(f"{where}: reversals: {ended}: expected [type, mode]")
        type_, mode = entry
        if ended not in types or type_ not in types:
            raise ResourceError(f"{where}: reversals: {ended}: types must be declared")
        if mode is not None and not isinstance(mode, str):
            raise ResourceError(f"{where}: reversals: {ended}: mode must be one word")
        found[str(ended)] = Reversal(str(type_), mode)
    return found


@lru_cache(maxsize=4)
def event_patterns(path: Path | None = None) -> PatternSet:
    where, text = read_data("event_patterns.yaml", path)
    return parse_patterns(text, where)


@lru_cache(maxsize=4)
def assault_modes(path: Path | None = None) -> Mapping[str, str]:
    """Instrument word -> ASSAULT mode."""
    return read_word_table("assault_modes.tsv", "mode", _word, path=path)


@lru_cache(maxsize=4)
def context_words(path: Path | None = None) -> Mapping[str, str]:
    """Word -> PLOVER context."""
    return read_word_table("contexts.tsv", "context", _word, path=path)


def _word(cell: str) -> str | None:
    return cell if " " not in cell else None
