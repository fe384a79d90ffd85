"""Incidents, session 18: tellings of one attack placed in its country and in its town
are one event (the texts are the project's own)."""

from __future__ import annotations

from typing import Any

from eventwire.coding.incident_places import same_scene
from eventwire.model import Place, Precision
from test_incidents import _attacks, _run


def _place(name: str, precision: Precision, lat: float, lon: float, **kw: Any) -> Place:
    return Place(
        text=name, start=0, end=len(name), name=name, lat=lat, lon=lon,
        country_code=kw.pop("cc", "PE"), precision=precision, **kw,
    )  # fmt: skip


def test_a_telling_placed_in_the_country_folds_with_one_placed_in_its_town() -> None:
    text = (
        "A soldier shot and killed a Spanish envoy in Peru on Monday.\n\n"
        "The soldier opened fire on the envoy at a restaurant in Cusco."
    )
    attacks = _attacks(_run(text, published="2016-07-26"))
    assert len(attacks) == 1, [e.sentence for e in attacks]
    assert attacks[0].retold


def test_a_country_or_a_state_holds_its_towns_only() -> None:
    peru = _place("Peru", Precision.COUNTRY, -10.0, -76.0)
    cusco = _place("Cusco", Precision.POINT, -13.5, -72.0, admin1="Cusco")
    lima = _place("Lima", Precision.POINT, -12.0, -77.0, admin1="Lima")
    region = _place("Cusco", Precision.ADMIN1, -13.2, -72.0, admin1="Cusco")
    quito = _place("Quito", Precision.POINT, -0.2, -78.5, cc="EC")
    assert same_scene(peru, cusco) and same_scene(lima, peru)
    assert same_scene(region, cusco) and not same_scene(region, lima)
    assert not same_scene(peru, quito)
    assert not same_scene(cusco, lima)
