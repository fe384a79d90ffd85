"""Derived views: CAMEO root and quad class, ACLED event type and sub-event type."""

from __future__ import annotations

from eventwire.export.views import acled_view, cameo_view
from eventwire.model import Actor


def test_cameo_root_and_quad_class() -> None:
    view = cameo_view("ASSAULT")
    assert view is not None and (view.root_code, view.quad_class) == ("18", 4)
    consult = cameo_view("CONSULT")
    assert consult is not None and consult.quad_class == 1
    assert cameo_view("NOT_A_TYPE") is None


def test_acled_view_depends_on_mode_and_recipient() -> None:
    soldiers = Actor(text="soldiers", sector="MIL")
    villagers = Actor(text="villagers", sector="CVL")
    battle = acled_view("ASSAULT", None, soldiers)
    attack = acled_view("ASSAULT", "firearms", villagers)
    strike = acled_view("ASSAULT", "drone", villagers)
    assert battle is not None and battle.event_type == "Battles"
    assert attack is not None and attack.sub_event_type == "Attack"
    assert strike is not None and strike.sub_event_type == "Air/drone strike"
    riot = acled_view("PROTEST", "riot", None)
    assert riot is not None and riot.event_type == "Riots"
    arrest = acled_view("COERCE", "arrest", None)
    assert arrest is not None and arrest.sub_event_type == "Arrests"
    assert acled_view("CONSULT", None, None) is None
