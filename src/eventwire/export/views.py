"""Derived views of a coded event in other schemes: CAMEO root code and quad class
(from ``types`` in ``data/event_patterns.yaml``) and ACLED's event_type and
sub_event_type (``data/acled_views.tsv``). Views are computed when they are read, so
editing the tables changes every export without re-coding anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.coding import lexicon
from eventwire.datafiles import read_table
from eventwire.errors import ResourceError
from eventwire.model import Actor

ANY = "*"
ACLED_COLUMNS = ("type", "mode", "recipient", "event_type", "sub_event_type")
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "INS", "SEP"})


@dataclass(frozen=True, slots=True)
class CameoView:
    root_code: str  # "18"
    quad_class: int  # 1..4


@dataclass(frozen=True, slots=True)
class AcledView:
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class _AcledRule:
    type: str
    mode: str
    recipient: str
    view: AcledView


def cameo_view(event_type: str) -> CameoView | None:
    info = lexicon.event_patterns().types.get(event_type)
    return None if info is None else CameoView(info.cameo_root, info.quad_class)


@lru_cache(maxsize=1)
def _acled_rules() -> tuple[_AcledRule, ...]:
    where, rows = read_table("acled_views.tsv", ACLED_COLUMNS)
    rules = []
    for number, cells in rows:
        if cells[2] not in (ANY, "armed", "civilian"):
            raise ResourceError(
                f"{where}:{number}: recipient must be armed, civilian or *, not {cells[2]!r}"
            )
        rules.append(_AcledRule(cells[0], cells[1], cells[2], AcledView(cells[3], cells[4])))
    return tuple(rules)


def _recipient_class(recipient: Actor | None) -> str:
    if recipient is not None and recipient.sector in ARMED_SECTORS:
        return "armed"
    return "civilian"


def acled_view(event_type: str, mode: str | None, recipient: Actor | None) -> AcledView | None:
    """ACLED's category for an event, or None where ACLED has none (talks, appeals)."""
    recipient_class = _recipient_class(recipient)
    for rule in _acled_rules():
        if rule.type != event_type:
            continue
        if rule.mode not in (ANY, mode):
            continue
        if rule.recipient not in (ANY, recipient_class):
            continue
        return rule.view
    return None
