"""Toponym resolution: which gazetteer entry each name of an article refers to.

The names come from the places stage (or from gold annotations); each carries its
candidates from the gazetteer. All mentions of the same name refer to the same place
(one sense per discourse), chosen among the candidates of all of them (a name tagged
as an organisation once is looked up without alternate names; ``group_candidates``).
A candidate scores, in units of log10(population):

- its prior: the log of its population, plus a bonus for countries and capitals, a
  floor for first-level regions (a thinly peopled territory still outranks a small town
  of its name: "Yukon"), and a fixed size for curated regions, oceans and continents,
  minus a penalty when the name is only
  one of its alternate names (a former name, translation or nickname: "Waterloo" is one
  of Austin's) (``prior``);
- twice the share of the article's other names and demonyms that point to its country,
  and one more when the article names that country itself (or its demonym), two when it
  is that country's capital ("in France ... on Paris' boulevard" beside Kentucky towns);
- one more when another name of the article lies in the same first-level region (or is
  that region), and one more when another name's place is nearby (within a degree or
  so): local news names neighbouring places ("Edmonton" beside "Enfield" and
  "Tottenham" is the London district, not the Canadian city);
- three more when a qualifier names its country or region ("Paris, Texas"); a town's
  name that a first-level region qualifies keeps only that region's towns, in all its
  mentions ("London, Ontario" stays in Ontario beside "British officials": ``_qualified``);
- one and a half more when a name joined to it by "and" or "or" is a place of the same
  kind ("Montana and Wyoming": two states; "Georgia and Armenia": two countries);
- for a county, one more when the article names its first-level region itself
  ("Monroe County" in a story that names Missouri).

The names are decided one at a time, the most clear-cut first (the widest gap between
its two best priors), each taking its best candidate given the names decided before it;
then every name is decided again given all the others, for a few rounds or until
nothing changes. So "London" settles first and draws "Edmonton" to the London
district, instead of two names pulling each other across the Atlantic and swapping
countries round after round. When two or more ambiguous names could also all lie in
another country, the same is done from that country's candidates, and the reading
whose choices score higher in total is kept. A choice's probability is a softmax over
its name's candidates.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from eventwire.gazetteer.lookup import GazetteerEntry
from eventwire.gazetteer.priors import (
    PROMINENT_POPULATION,
    Resolution,
    ToponymMention,
    admin1_of,
    is_curated,
    is_region,
    is_strong,
    kind,
    prior,
    qualifies,
)

__all__ = [
    "PROMINENT_POPULATION",
    "Resolution",
    "ToponymMention",
    "group_candidates",
    "is_curated",
    "is_region",
    "is_strong",
    "prior",
    "qualifies",
    "resolve",
]

# Scoring weights, in units of log10(population).
_COUNTRY_SHARE_WEIGHT = 2.0
_COUNTRY_NAMED_BONUS = 1.0
_SAME_ADMIN1_BONUS = 1.0
_ADMIN1_NAMED_BONUS = 1.0
_NEARBY_BONUS = 1.0
_QUALIFIER_BONUS = 3.0
_CAPITAL_NAMED_BONUS = 1.0  # more for a capital whose country the article names
_SAME_KIND_BONUS = 1.5  # a name joined by "and" to a place of the same kind
_SOFTMAX_SCALE = 2.0
_ROUNDS = 3
_RIVAL_DEPTH = 4  # candidates per name that may suggest a rival reading of the article
_MAX_RIVALS = 2  # rival readings tried per article
# Places in the same or a neighbouring cell of this size (degrees) are "nearby".
_NEARBY_CELL_DEGREES = 1.0


@dataclass(frozen=True, slots=True)
class _Traits:
    """What a candidate contributes to, and draws from, the rest of the article."""

    prior: float
    country: str | None
    is_country: bool
    is_admin1: bool
    is_admin2: bool
    admin1: tuple[str, str] | None
    cell: tuple[int, int] | None  # None for countries, regions and continents
    near: frozenset[tuple[int, int]]  # its cell and the eight around it


@lru_cache(maxsize=65536)
def _traits(entry: GazetteerEntry) -> _Traits:
    cell = None
    if not (entry.is_country or entry.feature_code in ("ADM1", "CONT") or is_curated(entry)):
        cell = (
            math.floor(entry.lat / _NEARBY_CELL_DEGREES),
            math.floor(entry.lon / _NEARBY_CELL_DEGREES),
        )
    near = frozenset() if cell is None else frozenset(
        (cell[0] + dr, cell[1] + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
    )  # fmt: skip
    return _Traits(
        prior(entry),
        entry.country_code or None,
        entry.is_country,
        entry.feature_code == "ADM1",
        entry.feature_code == "ADM2",
        admin1_of(entry),
        cell,
        near,
    )


class _Context:
    """What the names of the article currently point to: counts over the decided names
    (and the demonyms), from which a name's own contribution is taken away when it is
    scored."""

    def __init__(self, demonyms: list[str]) -> None:
        self.chosen: dict[str, GazetteerEntry] = {}  # the names decided so far
        self.demonym_countries = Counter(set(demonyms))
        self._stale = True
        self.votes: Counter[str] = Counter()  # country -> names pointing there
        self.named: Counter[str] = Counter()  # countries named themselves (or by demonym)
        self.admin1s: Counter[tuple[str, str]] = Counter()  # (country, admin1) -> names
        self.named_admin1s: Counter[tuple[str, str]] = Counter()  # named themselves
        self.near: Counter[tuple[int, int]] = Counter()  # cell -> precise places around it

    def choose(self, key: str, entry: GazetteerEntry) -> None:
        if self.chosen.get(key) != entry:
            self.chosen[key] = entry
            self._stale = True

    def refresh(self) -> None:
        if not self._stale:
            return
        self.votes = Counter(self.demonym_countries)
        self.named = Counter(self.demonym_countries)
        self.admin1s = Counter()
        self.named_admin1s = Counter()
        self.near = Counter()
        for entry in self.chosen.values():
            traits = _traits(entry)
            if traits.country:
                self.votes[traits.country] += 1
                if traits.is_country:
                    self.named[traits.country] += 1
            if traits.admin1 is not None:
                self.admin1s[traits.admin1] += 1
                if traits.is_admin1:
                    self.named_admin1s[traits.admin1] += 1
            self.near.update(traits.near)
        self._stale = False


def _score_candidates(
    candidates: tuple[GazetteerEntry, ...],
    qualifiers: list[ToponymMention],
    partners: list[GazetteerEntry],
    context: _Context,
    own: str,
) -> list[tuple[float, GazetteerEntry]]:
    context.refresh()
    mine = _traits(context.chosen[own]) if own in context.chosen else None
    total = sum(context.votes.values()) - (1 if mine is not None and mine.country else 0)
    scored: list[tuple[float, GazetteerEntry]] = []
    towns: set[tuple[str, str] | None] | None = None  # first-level regions of the towns
    for entry in candidates:
        traits = _traits(entry)
        score = traits.prior
        code = traits.country
        if code and total > 0:
            votes = context.votes[code] - (mine is not None and mine.country == code)
            score += _COUNTRY_SHARE_WEIGHT * votes / total
        if code and not traits.is_country:
            named = context.named[code] - (
                mine is not None and mine.is_country and mine.country == code
            )
            if named > 0:
                score += _COUNTRY_NAMED_BONUS
                if entry.feature_code == "PPLC":
                    score += _CAPITAL_NAMED_BONUS  # "in France ... Paris": the capital
        if traits.admin1 is not None:
            inside = context.admin1s[traits.admin1] - (
                mine is not None and mine.admin1 == traits.admin1
            )
            if inside > 0:
                score += _SAME_ADMIN1_BONUS
            if traits.is_admin2 and context.named_admin1s[traits.admin1] > (
                mine is not None and mine.is_admin1 and mine.admin1 == traits.admin1
            ):
                # Not for a county named like a town in it ("Montreal", "Brisbane"):
                # naming the region tells those two apart no more than other names.
                if towns is None:
                    towns = {admin1_of(c) for c in candidates if c.feature_code[:3] == "PPL"}
                if traits.admin1 not in towns:
                    score += _ADMIN1_NAMED_BONUS
        if traits.cell is not None:
            around = context.near[traits.cell] - (mine is not None and traits.cell in mine.near)
            if around > 0:
                score += _NEARBY_BONUS
        if qualifiers and any(qualifies(q, entry) for q in qualifiers):
            score += _QUALIFIER_BONUS
        if partners and any(kind(entry) == kind(p) for p in partners):
            score += _SAME_KIND_BONUS
        scored.append((score, entry))
    return scored


def _margin(candidates: tuple[GazetteerEntry, ...]) -> float:
    """How clear-cut a name is without context: its best prior minus the runner-up's."""
    priors = sorted((prior(c) for c in candidates), reverse=True)
    return priors[0] - priors[1] if len(priors) > 1 else math.inf


def resolve(mentions: list[ToponymMention], demonyms: list[str]) -> dict[str, Resolution]:
    """The place each distinct name refers to, scored against the whole article."""
    groups: dict[str, list[ToponymMention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    pool = {key: _qualified(members, group_candidates(members)) for key, members in groups.items()}
    order = sorted(groups, key=lambda k: (-_margin(pool[k]), k))
    context, scores = _ascend(groups, pool, order, _Context(demonyms))
    best_total = _total(scores)
    for code in _rival_countries(pool, context.chosen):
        start = _Context(demonyms)
        for key in groups:
            inside = [c for c in pool[key] if c.country_code == code]
            if inside:
                start.choose(key, max(inside, key=prior))
        rival, rival_scores = _ascend(groups, pool, order, start)
        if _total(rival_scores) > best_total + 1e-9:
            context, scores, best_total = rival, rival_scores, _total(rival_scores)
    resolutions: dict[str, Resolution] = {}
    for key, scored in scores.items():
        best_score = max(s for s, _ in scored)
        weights = [math.exp(_SOFTMAX_SCALE * (s - best_score)) for s, _ in scored]
        chosen = context.chosen[key]
        mine = next((w for w, (_, e) in zip(weights, scored, strict=True) if e == chosen), 1.0)
        resolutions[key] = Resolution(chosen, mine / sum(weights))
    return resolutions


Scores = dict[str, list[tuple[float, GazetteerEntry]]]


def _qualified(
    mentions: list[ToponymMention], candidates: tuple[GazetteerEntry, ...]
) -> tuple[GazetteerEntry, ...]:
    """A town's name that a first-level region qualifies ("London, Ontario", "Paris,
    Texas") means a town of that region in all its mentions, whatever else the article
    names ("British officials" do not move London, Ontario to England). A name that is
    itself mostly a region or a country keeps all its candidates (a list of states or
    countries: "Georgia, Armenia")."""
    regions = [
        q
        for m in mentions
        if (q := m.qualifier) is not None and any(c.feature_code == "ADM1" for c in q.candidates)
    ]
    if not regions or not candidates:
        return candidates
    if max(candidates, key=prior).feature_code[:3] != "PPL":
        return candidates
    inside = tuple(
        c
        for c in candidates
        if c.feature_code.startswith("PPL")
        and any(
            q2.feature_code == "ADM1" and q2.country_code == c.country_code and q2.name == c.admin1
            for q in regions
            for q2 in q.candidates
        )
    )
    return inside or candidates


def group_candidates(mentions: list[ToponymMention]) -> tuple[GazetteerEntry, ...]:
    """Every candidate of the mentions of one name (a name tagged as an organisation
    once and as a place elsewhere is looked up differently), each once."""
    sets = list({id(m.candidates): m.candidates for m in mentions}.values())
    if len(sets) == 1 or all(s == sets[0] for s in sets[1:]):
        return sets[0]
    return tuple(dict.fromkeys(c for s in sets for c in s))


def _ascend(
    groups: dict[str, list[ToponymMention]],
    pool: dict[str, tuple[GazetteerEntry, ...]],
    order: list[str],
    context: _Context,
) -> tuple[_Context, Scores]:
    """Decide each name in turn given the others, until nothing changes."""
    scores: Scores = {}
    for _ in range(_ROUNDS):
        before = dict(context.chosen)
        for key in order:
            members = groups[key]
            qualifiers = [m.qualifier for m in members if m.qualifier is not None]
            partners = [
                context.chosen[k]
                for m in members
                for k in m.partners
                if k != key and k in context.chosen
            ]
            scored = _score_candidates(pool[key], qualifiers, partners, context, key)
            scores[key] = scored
            context.choose(key, max(scored, key=lambda s: s[0])[1])
        if context.chosen == before:
            break
    return context, scores


def _total(scores: Scores) -> float:
    """How well a set of choices hangs together: the sum of the chosen scores."""
    return sum(max(s for s, _ in scored) for scored in scores.values())


def _rival_countries(
    pool: dict[str, tuple[GazetteerEntry, ...]], chosen: dict[str, GazetteerEntry]
) -> list[str]:
    """Countries other than the chosen ones where at least two ambiguous names have a
    likely candidate (among their few best priors), most plausible first (the most
    names, then the highest summed priors): each is a starting point from which the
    whole article may settle on a better joint reading ("Edmonton" and "Enfield" both
    in England, rather than both in Canada)."""
    names: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for key, candidates in pool.items():
        ranked = sorted(candidates, key=prior, reverse=True)[:_RIVAL_DEPTH]
        best: dict[str, float] = {}
        for candidate in ranked:
            if candidate.country_code and candidate.country_code not in best:
                best[candidate.country_code] = prior(candidate)
        if len(best) < 2:
            continue
        best.pop(chosen[key].country_code or "", None)
        names.update(best.keys())
        weight.update(best)
    rivals = sorted((c for c in names if names[c] >= 2), key=lambda c: (-names[c], -weight[c], c))
    return rivals[:_MAX_RIVALS]
