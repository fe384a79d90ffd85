"""Arguments around stances, charges and pronouns (session 22): who holds a stance,
who charges whom, and what "he" can stand for."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _event(doc: Document, event_type: str) -> Event:
    return next(e for e in doc.events if e.type == event_type)


def test_a_by_agent_hung_on_the_charge_is_the_actor(code: Coder) -> None:
    doc = code("The farmer was charged with fraud by Ghanaian prosecutors.")
    accuse = _event(doc, "ACCUSE")
    assert accuse.actor is not None and accuse.actor.text == "Ghanaian prosecutors"
    assert accuse.recipient is not None and accuse.recipient.text == "The farmer"


def test_a_pronoun_charged_is_the_recipient_not_the_charge(code: Coder) -> None:
    doc = code("The court charged him with membership in an armed rebel group.")
    accuse = _event(doc, "ACCUSE")
    assert accuse.recipient is not None and accuse.recipient.text == "him"
    assert accuse.recipient.sector != "REB"


def test_he_never_stands_for_a_law_firm(code: Coder) -> None:
    doc = code(
        "Mark Dunn, a teacher from Ohio, has been held in Egypt since May. "
        "The Cairo Legal Aid Centre, a small law firm working for his release, said "
        "he has been charged with spying."
    )
    accuse = _event(doc, "ACCUSE")
    assert accuse.recipient is not None
    assert accuse.recipient.sector not in ("BUS", "JUD")


def test_a_mayor_is_not_of_the_country_of_the_last_officials(code: Coder) -> None:
    doc = code(
        "The fountains of Rome were lit in red on Tuesday night. Libyan government "
        "officials said militias had left Sirte. The mayor condemned the shelling of "
        "civilians in Sirte."
    )
    accuse = _event(doc, "ACCUSE")
    assert accuse.actor is not None and accuse.actor.text == "The mayor"
    assert accuse.actor.country != "LBY"


def test_people_named_by_their_nation_protest_as_civilians(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("Thousands of Kurds marched in Van against the curfew.")
    protest = _event(doc, "PROTEST")
    assert protest.actor is not None and protest.actor.sector == "CVL"
    assert protest.actor.inferred


def test_people_named_by_their_nation_detained_are_civilians(
    code_as_evaluated: Coder,
) -> None:
    doc = code_as_evaluated("Police detained dozens of Kurds in Van.")
    coerce = _event(doc, "COERCE")
    assert coerce.recipient is not None and coerce.recipient.sector == "CVL"


def test_the_russians_in_talks_keep_their_government(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("The Russians rejected the American proposal.")
    reject = _event(doc, "REJECT")
    assert reject.actor is not None and reject.actor.sector == "GOV"
