"""Arguments of a participle of stance: "X is opposed to Y" is X's stance, not a deed
done to X (``coding.stance_participles``)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_state_opposed_to_a_plan_is_the_actor(code: Coder) -> None:
    doc = code("Chile is opposed to the new fishing quotas, the foreign minister said.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.country == "CHL"
    assert reject.recipient is None or reject.recipient.country != "CHL"


def test_the_subject_hung_on_the_auxiliary_holds_the_stance(code: Coder) -> None:
    doc = code("The union is opposed to the plan.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.text == "The union"


def test_a_passive_with_an_agent_stays_a_passive(code: Coder) -> None:
    doc = code("The plan was opposed by Chile.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.country == "CHL"
