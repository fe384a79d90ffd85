"""Sectors an office takes from the words around it.

A role with no sector of its own that speaks for a state the phrase names ("Libyan
leader X", "U.S. negotiators", "Syria's delegation") is the state's government's.

A holder of a state office who no longer holds it is one of the elites (ELI): "Former
President X", "the ousted prime minister", "the exiled king", "a deposed general". A
word that puts the office in the past makes the person an elite out of office (PLOVER
ELI), not the government, army or court of now. The sector lexicon lists a few such
phrases whole ("former president"); this covers every office it knows.
"""

from __future__ import annotations

from typing import Any

from eventwire import knowledge

# Roles with no sector of their own that, said of a state, are its government's.
_STATE_ROLES = frozenset({"leader", "leadership", "negotiator", "delegation", "delegate"})

# Words that put an office in the past.
_PAST_WORDS = frozenset(
    {"former", "ousted", "deposed", "exiled", "toppled", "overthrown", "retired",
     "onetime", "erstwhile", "sacked", "fired", "dismissed", "disgraced"}
)  # fmt: skip
# Sectors of a state office whose former holders are elites ("the former minister", "an
# ousted judge"); a retired police officer or a sacked soldier is no elite.
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "advmod", "nmod"})
_ELITES = "ELI"


def out_of_office(
    tokens: list[Any], sector: str | None, span: tuple[int, int] | None
) -> str | None:
    """ELI when the state office at ``span`` of ``tokens`` (sector ``sector``) is put in
    the past by a word before it ("Former Defence Minister X", "the ousted president");
    else None."""
    if sector not in _STATE_SECTORS or span is None:
        return None
    office = {t.i for t in tokens[span[0] : span[1] + 1]}
    for token in tokens[: span[0]]:
        if token.lower_ in _PAST_WORDS and token.dep_ in _MODIFIER_DEPS and token.head.i in office:
            return _ELITES
    return None


def leads_state(tokens: list[Any], country: str | None) -> bool:
    """Whether the phrase names someone who leads or speaks for a state the phrase
    names ("Libyan leader X", "the Palestinian leaders", "U.S. negotiators", "Syria's
    delegation"): a role with no sector of its own takes the state's government's."""
    if country is None or knowledge.countries().by_iso3(country) is None:
        return False  # IGO, NGO
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _STATE_ROLES for t in tokens)
