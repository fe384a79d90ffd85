"""References within an article: what a phrase stands for, given what the article has
said so far (see ``stages.actors`` for the rules, in text order)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.coding.actors import PLURAL_NOUNS, PhraseCode, reported_speaker
from eventwire.coding.parsed_text import parsed_text
from eventwire.coding.person_pronouns import BODY_NOUNS, names_body
from eventwire.coding.sides import split_sides
from eventwire.knowledge.tables import PSEUDO_COUNTRIES
from eventwire.model import Actor
from eventwire.stages.reference_syntax import (
    STATE_NOUNS,
    attacks,
    group_count,
    has_own_name,
    is_definite,
    is_place,
    own_subject,
)
from eventwire.stages.reference_titles import persons_country, title_words

_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_NEUTER_PRONOUNS = frozenset({"it"})
# Plural nouns that stand for people: each member is a person or a titled official.
_PERSON_NOUNS = frozenset(
    {"leader", "minister", "president", "premier", "counterpart", "head", "envoy",
     "diplomat", "negotiator", "chief", "official", "man", "woman"}
)  # fmt: skip
# How far back (in sentences) the parties of a group and a named "he"/"she" are sought.
_GROUP_REACH = 3
_PERSON_REACH = 3
# Titles of a town's or a region's office: a state's officials do not tell their country.
_LOCAL_TITLES = frozenset(
    {"mayor", "governor", "councillor", "councilor", "alderman", "sheriff", "prefect"}
)
# How far back (in sentences) "the gunman" seeks who attacked.
_ATTACKER_REACH = 6


PRONOUNS = _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS | _NEUTER_PRONOUNS


@dataclass(slots=True)
class _Seen:
    code: PhraseCode
    sentence: int
    index: int = -1  # the head token's index in the document
    place: bool = False  # a place where something happened ("met in Nairobi")
    parties: tuple[PhraseCode, ...] = ()  # one per country of "Indian and Pakistani troops"
    group: bool = False  # "the two leaders": stands for several parties, none alone
    attacker: bool = False  # "a policeman shot the ambassador", "a gunman"
    body: bool = False  # names a body or an institution: never "he" or "she"


def _person_keys(name: str) -> list[str]:
    parts = name.split()
    return [name.lower(), parts[-1].lower()] if parts else []


class References:
    """What the article has said so far about people and descriptions."""

    def __init__(self) -> None:
        self.people: dict[str, PhraseCode] = {}
        self.seen: list[_Seen] = []
        self.by_token: dict[int, PhraseCode] = {}
        self.groups: dict[str, list[PhraseCode]] = {}  # "leader" -> the two leaders

    def resolve(self, code: PhraseCode, head: Any, sentence: int) -> PhraseCode:
        actor = code.actor
        if head.pos_ == "PRON" and head.lower_ in PRONOUNS:
            speaker = reported_speaker(head)
            said = self.by_token.get(speaker.i) if speaker is not None else None
            if said is not None and (said.plural == (head.lower_ in _PLURAL_PRONOUNS)):
                return _same_as(code, said)
            return self._pronoun(code, head.lower_, sentence, own_subject(head))
        if code.person is None and head.pos_ == "PROPN" and head.lower_ in self.people:
            # spaCy's small model sometimes tags a known person's surname as a place.
            code = replace(code, person=head.text, actor=replace(actor, name=head.text))
        if code.person and (actor.country is None or actor.sector is None):
            for key in _person_keys(code.person):
                known = self.people.get(key)
                if known is not None:
                    return replace(
                        code,
                        actor=replace(
                            actor,
                            country=actor.country or known.actor.country,
                            sector=actor.sector or known.actor.sector,
                            name=known.actor.name or actor.name,
                        ),
                    )
        if code.person and actor.country is None:
            titled = self._title_before(code, head) or self._office_before(code, head)
            if titled is not None:
                return titled
        if actor.country is None and code.sector_kind == "attacker" and is_definite(head):
            attacker = self._attacker(code, sentence)
            if attacker is not None:
                return attacker  # "the gunman": who shot or attacked before
        if actor.country is None and is_definite(head) and has_own_name(head):
            return self._same_name(code, head) or code  # "the DMV" after "the Missouri DMV"
        if actor.country is None and is_definite(head):
            titled = self._titled_person(code, head)
            if titled is not None:
                return titled
            described = self._same_head(code)
            if described is not None:
                return described
            for earlier in reversed(self.seen):
                if earlier.group:
                    continue  # "the two leaders ... the protest leaders": not one of them
                other = earlier.code
                same_head = other.head_lemma == code.head_lemma
                same_sector = actor.sector is not None and other.actor.sector == actor.sector
                if not same_head and persons_country(code, other):
                    continue  # "the authorities" are not of a minister's or a man's country
                if (
                    not same_head
                    and actor.sector == "GOV"
                    and other.actor.country in PSEUDO_COUNTRIES
                ):
                    # "the minister" after "the UN Secretary-General": a state's office,
                    # not the UN's
                    continue
                if same_sector and not same_head and code.head_lemma in _LOCAL_TITLES:
                    continue  # "the mayor" after "Syrian officials": a town's, not theirs
                if (same_head or same_sector) and other.actor.country is not None:
                    return replace(
                        code,
                        actor=replace(
                            actor,
                            country=other.actor.country,
                            sector=actor.sector or other.actor.sector,
                            name=actor.name or other.actor.name,
                        ),
                    )
                if same_head:
                    break
        return code

    def _pronoun(
        self, code: PhraseCode, word: str, sentence: int, excluded: frozenset[int]
    ) -> PhraseCode:
        want_plural = word in _PLURAL_PRONOUNS
        neuter = word in _NEUTER_PRONOUNS
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > 1:
                return self._named_person(code, word, sentence, excluded)
            if earlier.index in excluded:
                continue  # "the court charged him": not the court
            other = earlier.code
            if other.plural != want_plural:
                continue
            if neuter and (
                not other.actor.country or (other.person is not None and not other.country_only)
            ):
                continue  # "it": a state or an organisation of a known country
            if (
                not want_plural
                and not neuter
                and other.person is None
                and (other.sector_kind is None or _is_body(other) or earlier.body)
            ):
                continue  # "he": a person, not "police allege" nor "a law firm"
            return _same_as(code, other)
        return self._named_person(code, word, sentence, excluded)

    def _attacker(self, code: PhraseCode, sentence: int) -> PhraseCode | None:
        """A definite "the gunman", "the killer", "the assailant": the last single
        attacker of a known country a few sentences back (one who shot, stabbed or
        attacked, or was called a gunman or an attacker)."""
        if code.plural:
            return None
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > _ATTACKER_REACH:
                break
            other = earlier.code
            if earlier.attacker and not other.plural and other.actor.country is not None:
                return _same_as(code, other)
        return None

    def _named_person(
        self, code: PhraseCode, word: str, sentence: int, excluded: frozenset[int]
    ) -> PhraseCode:
        """ "he"/"she"/"him"/"her" with no person in this or the previous sentence: the
        last named person of a known country a little further back."""
        if word not in _SINGULAR_PRONOUNS:
            return code
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > _PERSON_REACH:
                break
            other = earlier.code
            if earlier.index in excluded or other.plural or other.person is None:
                continue
            if other.actor.country is not None:
                return _same_as(code, other)
        return code

    def later_title(self, code: PhraseCode, actor: Actor) -> Actor:
        """``actor``, a person first named without a country, with the country and sector
        a later mention gave them ("Putin said ... Russian President Vladimir Putin")."""
        for key in _person_keys(code.person or ""):
            known = self.people.get(key)
            if (
                known is not None
                and known.actor.country is not None
                and known.sector_kind == "title"  # not "Smith, of Paris": a home town
            ):
                return replace(
                    actor,
                    country=known.actor.country,
                    sector=actor.sector or known.actor.sector,
                    name=known.actor.name or actor.name,
                )
        return actor

    def _same_head(self, code: PhraseCode) -> PhraseCode | None:
        """A definite description ("the ambassador") with the country of the last
        phrase of the same head noun ("Russia's ambassador"), before any nearer actor of
        the same sector only ("Turkish officials"); None when that phrase has none."""
        for earlier in reversed(self.seen):
            other = earlier.code
            if earlier.group or other.head_lemma != code.head_lemma:
                continue
            if other.actor.country is None:
                return None
            return _with_country_of(code, other)
        return None

    def _same_name(self, code: PhraseCode, head: Any) -> PhraseCode | None:
        """A named description ("the DMV") with the country of the last phrase that
        holds all its words ("the Missouri DMV"); None when there is none."""
        words = {t.lower_ for t in head.subtree if t.i <= head.i and t.pos_ in ("PROPN", "NOUN")}
        for earlier in reversed(self.seen):
            other = earlier.code
            if earlier.group or other.head_lemma != code.head_lemma:
                continue
            if other.actor.country is None:
                continue
            if words <= {w.strip(",.'\"").lower() for w in other.actor.text.split()}:
                return _with_country_of(code, other)
        return None

    def _title_before(self, code: PhraseCode, head: Any) -> PhraseCode | None:
        """A person's name right after a title the parser made a phrase of its own
        ("Turkish President | Recep Tayyip Erdogan"): the title's country and sector."""
        if not self.seen:
            return None
        last = self.seen[-1]
        other = last.code
        start = code.actor.start
        if start is None or other.actor.end is None or other.person is not None:
            return None
        between = parsed_text(head.doc)[other.actor.end : start]
        if between.strip() or other.sector_kind != "title" or other.actor.country is None:
            return None
        return replace(
            code,
            actor=replace(
                code.actor,
                country=other.actor.country,
                sector=code.actor.sector or other.actor.sector,
            ),
        )

    def _office_before(self, code: PhraseCode, head: Any) -> PhraseCode | None:
        """A person named with a title and no country ("Ambassador Andrei Karlov") after
        an unnamed holder of that title of a known country ("Russia's ambassador"): that
        holder's country, when no nearer phrase with that title names another person."""
        titles = title_words(head)
        if not titles:
            return None
        for earlier in reversed(self.seen):
            other = earlier.code
            if earlier.group or other.plural or other.head_lemma not in titles:
                continue
            if other.person is not None or other.actor.country is None:
                return None  # the nearest such title is someone named: not this one
            return _with_country_of(code, other)
        return None

    def _titled_person(self, code: PhraseCode, head: Any) -> PhraseCode | None:
        """A definite title ("the president", "the foreign minister") standing for the
        last named person whose own phrase has that title ("French President Emmanuel
        Macron"), or None."""
        if code.sector_kind != "title" or head.tag_ not in ("NN", "NNP") or code.person:
            return None
        title = {
            t.lower_ for t in head.subtree if t.i <= head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")
        }
        for earlier in reversed(self.seen):
            other = earlier.code
            if other.person is None or other.plural or other.actor.country is None:
                continue
            words = {w.strip(",.").lower() for w in other.actor.text.split()}
            if title and title <= words:
                return replace(
                    code,
                    actor=replace(
                        code.actor,
                        country=other.actor.country,
                        sector=code.actor.sector or other.actor.sector,
                        name=other.actor.name,
                    ),
                    person=other.person,
                )
        return None

    def group(self, code: PhraseCode, head: Any, sentence: int) -> list[PhraseCode]:
        """The parties a counted plural description stands for ("the two leaders",
        "both sides", "the three countries"): the last parties of as many different
        countries named in the last few sentences, in text order; an empty list when
        the phrase counts none or the text names too few."""
        wanted = group_count(head)
        if wanted is None:
            return []
        lemma = head.lemma_.lower()
        known = self.groups.get(lemma)
        if known is not None and len(known) == wanted:
            members = known  # "the two leaders" again: the same two
        else:
            members = self._parties(wanted, lemma in _PERSON_NOUNS, sentence)
        if not members:
            return []
        self.groups[lemma] = members
        state = lemma in STATE_NOUNS
        return [
            replace(
                code,
                actor=replace(
                    code.actor,
                    country=m.actor.country,
                    sector="GOV" if state else (code.actor.sector or m.actor.sector),
                    name=m.actor.name if (state or m.person is None) else m.person,
                ),
                person=None if state else m.person,
            )
            for m in members
        ]

    def pronoun_group(self, code: PhraseCode, head: Any, sentence: int) -> list[PhraseCode]:
        """ "they"/"them" right after a counted group ("the two leaders ... they"): the
        group's parties, one actor each; an empty list otherwise."""
        if head.pos_ != "PRON" or head.lower_ not in _PLURAL_PRONOUNS:
            return []
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > 1:
                break
            if earlier.code.plural:
                return [_same_as(code, m) for m in earlier.parties] if earlier.group else []
        return []

    def _parties(self, wanted: int, people: bool, sentence: int) -> list[PhraseCode]:
        """The last ``wanted`` parties of different countries named in the last few
        sentences (people only, when ``people``), in text order; empty when fewer."""
        found: dict[str, tuple[int, PhraseCode]] = {}
        for earlier in reversed(self.seen):
            if sentence - earlier.sentence > _GROUP_REACH:
                break
            if earlier.place:
                continue
            for other in reversed(earlier.parties or (earlier.code,)):
                country = other.actor.country
                if country is None or country in found:
                    continue
                if people and not (
                    other.person
                    or other.sector_kind == "title"
                    or other.head_lemma in _PERSON_NOUNS
                ):
                    continue
                found[country] = (earlier.index, other)
            if len(found) >= wanted:
                break
        if len(found) != wanted:
            return []
        return [code for _, code in sorted(found.values(), key=lambda item: item[0])]

    def remember(
        self, code: PhraseCode, head: Any, sentence: int, members: list[PhraseCode] | None = None
    ) -> None:
        self.by_token[head.i] = code
        if code.person and (code.actor.country or code.actor.sector):
            for key in _person_keys(code.person):
                known = self.people.get(key)
                if known is None or (known.actor.country is None and code.actor.country):
                    self.people[key] = code
        if members:
            self.seen.append(_Seen(code, sentence, head.i, False, tuple(members), group=True))
            return
        sides = split_sides(code.actor, head)
        parties = tuple(replace(code, actor=side) for side in sides) if len(sides) > 1 else ()
        attacker = code.sector_kind == "attacker" or attacks(head)
        body = code.person is None and names_body(head)
        self.seen.append(
            _Seen(code, sentence, head.i, is_place(head), parties, attacker=attacker, body=body)
        )


def _is_body(code: PhraseCode) -> bool:
    """Whether a phrase without a person's name or title names a body ("police", "a
    law firm", "the court"), which "he" or "she" never stands for."""
    if code.sector_kind == "title":
        return False  # "a police officer"
    words = {w.strip(",.'\"").lower() for w in code.actor.text.split()}
    return code.head_lemma in BODY_NOUNS or not words.isdisjoint(PLURAL_NOUNS)


def _same_as(code: PhraseCode, other: PhraseCode) -> PhraseCode:
    """``code`` (a pronoun) standing for the actor ``other``."""
    return replace(
        code,
        actor=replace(
            code.actor,
            name=other.actor.name,
            country=other.actor.country,
            sector=other.actor.sector,
        ),
        person=other.person,
    )


def _with_country_of(code: PhraseCode, other: PhraseCode) -> PhraseCode:
    """``code`` with the country of an earlier phrase ``other`` that names the same
    party, and its sector and name where ``code`` has none."""
    return replace(
        code,
        actor=replace(
            code.actor,
            country=other.actor.country,
            sector=code.actor.sector or other.actor.sector,
            name=code.actor.name or other.actor.name,
        ),
    )
