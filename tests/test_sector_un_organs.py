"""The UN's executive organs act as governments do: the Security Council and the
Secretary-General are IGO by country and GOV by sector (``data/organizations.tsv``)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire import knowledge
from eventwire.model import Document

Coder = Callable[[str], Document]


def test_the_security_council_is_an_igo_that_governs(code: Coder) -> None:
    doc = code("The U.N. Security Council condemned the attack on the port of Aden.")
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert accuse.actor is not None
    assert (accuse.actor.country, accuse.actor.sector) == ("IGO", "GOV")


def test_the_secretary_general_speaks_for_the_un_executive() -> None:
    found = knowledge.organizations().lookup("UN Secretary-General")
    assert found is not None and (found.country, found.sector) == ("IGO", "GOV")


def test_a_minister_after_the_secretary_general_is_no_un_official(code: Coder) -> None:
    doc = code("UN Secretary-General Ana Ortiz urged restraint. The minister rejected the call.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.country != "IGO"
