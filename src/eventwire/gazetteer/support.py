"""Mentions the article does not support: a weak name whose small place's country
nothing else names, a small town that is the only name of its country, a bare small US
town of a state no other name points to (words read in the wrong sense). Uses the
article-wide resolution of ``resolve.py``.
"""

from __future__ import annotations

from collections import Counter

from eventwire.gazetteer.lookup import GazetteerEntry
from eventwire.gazetteer.priors import ToponymMention, admin1_of, is_strong, qualifies
from eventwire.gazetteer.resolve import resolve


def drop_unsupported(mentions: list[ToponymMention], demonyms: list[str]) -> list[ToponymMention]:
    """The mentions minus the weak ones whose place is small and whose country nothing
    else in the article names (no "Obama, Japan" from a lone "Obama"), minus small towns
    that are the only name of their country where the other names point twice or more
    to another ("Photo: Ferrol Video" in a Texas story; a mid-sized town of 100,000 to
    500,000 people, not a capital, where they point three times or more), and minus
    bare small US towns of a state no other name points to where two or more point to
    another state (US local news names another state's town with its state: "south of
    East Jefferson" in a Detroit story is a street)."""
    resolutions = resolve(mentions, demonyms)
    support = Counter(demonyms)
    for key in {m.key for m in mentions if not m.weak}:
        code = resolutions[key].entry.country_code
        if code:
            support[code] += 1
    states: Counter[tuple[str, str]] = Counter()
    for key in {m.key for m in mentions if not m.weak}:
        state = admin1_of(resolutions[key].entry)
        if state is not None:
            states[state] += 1
    kept: list[ToponymMention] = []
    for mention in mentions:
        entry = resolutions[mention.key].entry
        if not mention.weak and _stray(entry, support):
            continue
        if _out_of_state(mention, entry, states):
            continue
        if (
            not mention.weak
            or is_strong(entry)
            or (entry.country_code is not None and support[entry.country_code] > 0)
            or (mention.qualifier is not None and qualifies(mention.qualifier, entry))
        ):
            kept.append(mention)
    return kept


# Names of the article that must point to another country before a small place is a
# stray: local news names its own towns and counties more than once.
_STRAY_SUPPORT = 2
# A town abroad this large is never a stray; one between PROMINENT_POPULATION and this
# needs more names pointing elsewhere.
_STRAY_CITY_POPULATION = 500_000
_STRAY_CITY_SUPPORT = 3


def _stray(entry: GazetteerEntry, support: Counter[str]) -> bool:
    """Whether a small town is the only name of its country in an article whose other
    names point to another ("Photo: Ferrol Video" in a Texas story is no town of
    Spain): a word that is also a town, read in the wrong sense. A mid-sized town
    (under 500,000 people, not a capital) needs three names pointing elsewhere."""
    if entry.country_code is None or support[entry.country_code] > 1:
        return False
    if not (entry.feature_code.startswith("PPL") or entry.feature_code == "ADM2"):
        return False
    if entry.feature_code == "PPLC" or entry.population >= _STRAY_CITY_POPULATION:
        return False
    # A mid-sized city (over 100,000 people) is a stray only when three or more names
    # point elsewhere: a world story names such a town of a neighbour beside its own.
    needed = _STRAY_SUPPORT if not is_strong(entry) else _STRAY_CITY_SUPPORT
    return any(count >= needed for code, count in support.items() if code != entry.country_code)


# Countries whose local news names a town of another state with its state ("Paris,
# Texas") and its own towns bare: a bare small town of another state than the one the
# article's names point to is a word read in the wrong sense (a street's, a person's).
_STATE_QUALIFIED = frozenset({"US"})


def _out_of_state(
    mention: ToponymMention, entry: GazetteerEntry, states: Counter[tuple[str, str]]
) -> bool:
    """Whether ``mention`` is a bare small town of a state no other name of the article
    points to, in an article whose names point twice or more to another state of the
    same country ("south of East Madison" in a Detroit story is no town of Louisiana)."""
    state = admin1_of(entry)
    if state is None or state[0] not in _STATE_QUALIFIED or mention.source == "dateline":
        return False
    if is_strong(entry) or not entry.feature_code.startswith("PPL") or states[state] > 1:
        return False
    if mention.qualifier is not None:
        return False
    return any(
        count >= _STRAY_SUPPORT
        for other, count in states.items()
        if other[0] == state[0] and other != state
    )
