"""Incident places: whether two tellings of an attack can be placed at the same scene.

One telling of an attack may name the scene's town ("the attack in Ankara"), another
only the country or the state it lies in ("Russia's ambassador to Turkey was shot"):
a country is compatible with any place inside it, a first-level region (a state, a
province) with any place in that region. Two places of the same precision are the
same scene when they lie within ``SAME_PLACE_KM`` of each other.
"""

from __future__ import annotations

from eventwire.geodesy import haversine_km
from eventwire.model import Place, Precision

SAME_PLACE_KM = 50.0


def _contains(wide: Place, narrow: Place) -> bool:
    """Whether ``wide`` (a country or a first-level region) holds ``narrow``."""
    if wide.precision is Precision.COUNTRY:
        return narrow.precision is not Precision.COUNTRY
    if wide.precision is Precision.ADMIN1:
        region = wide.admin1 or wide.name
        return (
            narrow.precision in (Precision.POINT, Precision.ADMIN2)
            and region is not None
            and narrow.admin1 == region
        )
    return False


def same_scene(a: Place | None, b: Place | None) -> bool:
    """Whether places ``a`` and ``b`` can be the scene of one attack: unplaced, in the
    same country and one holding the other, or within ``SAME_PLACE_KM``."""
    if a is None or b is None or None in (a.lat, a.lon, b.lat, b.lon):
        return True
    if a.country_code != b.country_code:
        return False
    if _contains(a, b) or _contains(b, a):
        return True
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
