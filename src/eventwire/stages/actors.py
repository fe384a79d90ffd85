"""Actors stage: code every participant phrase as country + sector, across the article.

Each argument of a verb or preposition (subjects, objects, agents) is coded from its own
words (``actor_coding.code_phrase``). Then references are followed within the article,
in text order:

- a person keeps what their first mention said ("Secretary of State Antony Blinken",
  later "Blinken"), and one named before their title takes what a later mention says
  ("Putin said ...", then "Russian President Vladimir Putin");
- a name right after a title the parser made a phrase of its own takes the title's
  country ("Turkish President | Recep Tayyip Erdogan");
- a definite description ("the ambassador") takes the country of the last actor with
  the same head noun ("Russia's ambassador"), else of the same sector ("a Serbian
  police officer");
- a pronoun subject of reported speech is the speaker ("the army said it had
  retaken the town", "the rebels say they will fight on");
- a counted or "both" plural description ("the two leaders", "both sides", "the three
  countries") stands for as many parties of different countries named in the last few
  sentences, one actor each (places where something happened are no parties);
- a definite title ("the president", "the minister") is the last named person with
  that title, before any other actor of the same sector;
- "he"/"she"/"him"/"her" take the last singular person of this or the previous
  sentence (a named person up to three sentences back when none is nearer), "it" the
  last state or organisation, "they"/"them" the last plural actor.

Then, in an article whose phrases name one country only, a title or a body named
without a country ("President X", "the workers") is of that country
(``coding.home_officials``, marked ``inferred``); and a person's office told once ("Doe,
the town's mayor") stays with every other mention of the surname that gives no sector
("Jane Doe", "Doe said": ``coding.person_offices``). Any other actor that the text does
not identify keeps ``country=None``: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.attrs import DEP

from eventwire.coding.actor_defaults import is_age_noun
from eventwire.coding.actors import PhraseCode, code_phrase, is_part_of_group
from eventwire.coding.datelines import is_dateline
from eventwire.coding.home_officials import is_office_title, is_unnamed_local, with_home_country
from eventwire.coding.person_offices import PersonMention, spread_offices
from eventwire.model import ARTICLE_ZONES, Document
from eventwire.stages.actor_references import PRONOUNS, References
from eventwire.stages.registry import stage

# Dependency labels of the phrases that can be actors.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "dative", "appos", "oprd"}
)


def _is_argument(token: Any) -> bool:
    if token.dep_ not in ARGUMENT_DEPS or is_dateline(token):
        return False  # "AUSTIN, Texas A leader ... is scheduled": the dateline is no party
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return True  # "some of the peacekeepers", "four of the companies"
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS
    if token.pos_ == "ADJ":
        return is_age_noun(token)  # "the 34-year-old was charged": a person
    return token.pos_ in ("NOUN", "PROPN")


@stage("actors", requires=("doc.spacy_doc", "doc.sentences"), assigns=("doc.actors",))
def code_actors(doc: Document) -> Document:
    spacy_doc = doc.spacy_doc
    references = References()
    doc.actors = []
    unknown: list[tuple[int, PhraseCode]] = []  # people named before their title
    unplaced: list[int] = []  # titles and bodies with no country ("President X", "police")
    mentions: list[PersonMention] = []  # every mention of a named person
    # Each token's dependency label read once from the arrays: a token that no argument
    # label marks is not made a spaCy ``Token`` at all.
    deps = spacy_doc.to_array(DEP).tolist()
    argument_ids = {spacy_doc.vocab.strings[label] for label in ARGUMENT_DEPS}
    for number, sentence in enumerate(doc.sentences):
        if sentence.zone not in ARTICLE_ZONES:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for index in range(span.start, span.end):
            if deps[index] not in argument_ids:
                continue
            token = spacy_doc[index]
            if not _is_argument(token):
                continue
            first = code_phrase(token)
            if token.pos_ == "ADJ":  # an age for a person: a private one unless said
                first = replace(first, actor=replace(first.actor, sector="CVL", inferred=True))
            members = references.group(first, token, number) or references.pronoun_group(
                first, token, number
            )
            code = members[0] if members else references.resolve(first, token, number)
            references.remember(code, token, number, members)
            if code.person and code.actor.country is None:
                unknown.append((len(doc.actors), code))
            if is_office_title(code.actor, code.sector_kind) or is_unnamed_local(code.actor):
                unplaced.append(len(doc.actors))
            if code.person or token.pos_ == "PROPN":  # a surname may be read as a place
                titled = code.sector_kind == "title"
                name = code.person or token.text
                mentions.append(PersonMention(len(doc.actors), name, titled, bool(code.person)))
            doc.actors.append(code.actor)
            doc.actors.extend(m.actor for m in members[1:])  # one actor per party
    for position, code in unknown:  # "Putin said ..." before "Russian President Vladimir Putin"
        doc.actors[position] = references.later_title(code, doc.actors[position])
    with_home_country(doc.actors, unplaced)  # a story that names one country only
    spread_offices(doc.actors, mentions)  # "Jane Doe" ... "Doe, the mayor" ... "Doe said"
    return doc
