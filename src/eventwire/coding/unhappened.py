"""Events the text names but does not tell as having happened.

Each check reads the trigger's clause in the parse and returns a reason, or None:

- ``called_off``: an event noun that is called off, foiled or fails to happen ("the
  talks failed to take place", "the march was cancelled", "police foiled the attack",
  "the union called off the strike"); not a measure whose cancelling is the event
  ("cancelled restrictions"), and not an attempt that failed ("an attempt to
  assassinate the governor was thwarted" is an attack all the same, as PLOVER codes
  it);
- ``no_comment``: a refusal to comment or answer ("declined to comment", "refused to
  say where he was held"): a courtesy to the press, no rejection of anyone;
- ``reward``: a reward or bounty offered for information or a capture ("police offered
  a reward of $10,000"): an incentive announced, no agreement with anyone;
- ``called_event``: "called" in the sense of calling an event (a strike, an election,
  a meeting) read as a telephone call.
"""

from __future__ import annotations

from typing import Any

# Verbs by which an event does not take place: its noun as their subject (passive) or
# object ("the march was cancelled", "called off the strike", "foiled the attack").
_CALLING_OFF = frozenset(
    {"cancel", "postpone", "scrap", "abandon", "foil", "thwart", "avert", "prevent",
     "shelve", "defer", "adjourn"}
)  # fmt: skip
# Verbs by which an event fails to happen, its noun their subject ("the talks failed
# to take place", "the strike never materialised").
_FAILING = frozenset({"fail"})
# Phrasal verbs of calling off: the verb and its particle.
_PHRASAL_OFF = frozenset({("call", "off"), ("put", "off")})
# Nouns of a measure whose cancelling is itself the event ("cancelled restrictions").
_MEASURES = frozenset(
    {"restriction", "ban", "curfew", "sanction", "embargo", "order", "law", "rule", "measure",
     "blockade", "siege", "emergency", "charge", "tax", "fine", "tariff", "closure"}
)  # fmt: skip
# What one declines to do when one declines to comment.
_COMMENT_VERBS = frozenset(
    {"comment", "say", "confirm", "elaborate", "discuss", "answer", "respond", "speak",
     "disclose", "reveal", "specify", "detail", "identify", "name", "give", "provide",
     "release", "divulge"}
)  # fmt: skip
_DECLINING = frozenset({"decline", "refuse"})
_REWARD_NOUNS = frozenset({"reward", "bounty"})
# Events one calls (convenes or declares) rather than telephones.
_CALLED_EVENTS = frozenset(
    {"strike", "walkout", "protest", "demonstration", "rally", "march", "boycott",
     "election", "elections", "referendum", "vote", "meeting", "summit", "session",
     "ceasefire", "truce", "halt", "shutdown", "bandh", "hartal", "curfew", "emergency"}
)  # fmt: skip


def unhappened_reason(trigger: Any, verb: Any, type_: str | None) -> str | None:
    """Why the event of ``trigger`` (its clause's verb ``verb``) did not happen, or None."""
    if type_ != "CONCEDE" and _is_called_off(trigger):
        return "called_off"
    if type_ == "REJECT" and _declines_comment(trigger, verb):
        return "no_comment"
    if type_ == "AGREE" and _offers_reward(trigger, verb):
        return "reward"
    if type_ == "CONSULT" and _calls_event(trigger):
        return "called_event"
    if type_ == "CONSULT" and _is_called_meeting(trigger):
        return "called_event"
    return None


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _calls_off(verb: Any) -> bool:
    lemma = _lemma(verb)
    if lemma in _CALLING_OFF:
        return True
    return any(c.dep_ == "prt" and (lemma, c.lower_) in _PHRASAL_OFF for c in verb.children)


def _is_called_off(trigger: Any) -> bool:
    """An event noun called off, foiled, or failing to happen."""
    if trigger.pos_ != "NOUN" or _lemma(trigger) in _MEASURES:
        return False
    head = trigger.head
    if trigger.dep_ in ("nsubjpass", "dobj") and _calls_off(head):
        return True
    return trigger.dep_ == "nsubj" and _lemma(head) in _FAILING


def _declines_comment(trigger: Any, verb: Any) -> bool:
    """ "declined to comment", "refused to say": the verb of declining and the verb of
    saying it governs."""
    for word in {trigger, verb}:
        if _lemma(word) in _DECLINING and any(
            c.dep_ == "xcomp" and _lemma(c) in _COMMENT_VERBS for c in word.children
        ):
            return True
        if (
            _lemma(word) in _COMMENT_VERBS
            and word.dep_ == "xcomp"
            and _lemma(word.head) in _DECLINING
        ):
            return True
    return False


def _offers_reward(trigger: Any, verb: Any) -> bool:
    """An offer whose object is a reward or a bounty."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in _REWARD_NOUNS
        for word in {trigger, verb}
        for c in word.children
    )


def _calls_event(trigger: Any) -> bool:
    """ "called a strike", "a strike called by the union", "called elections": the
    verb "call" with an event noun as its object or as the noun it describes."""
    if _lemma(trigger) != "call":
        return False
    if any(
        c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in _CALLED_EVENTS for c in trigger.children
    ):
        return True
    if trigger.dep_ != "acl":
        return False
    node = trigger.head
    for _ in range(3):  # "a strike at UK airports called by the union"
        if node.pos_ in ("NOUN", "PROPN") and _lemma(node) in _CALLED_EVENTS:
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


# Meetings one calls before they are held ("the council called a meeting").
_CALLED_MEETINGS = frozenset({"meeting", "summit", "session", "talks", "conference"})


def _is_called_meeting(trigger: Any) -> bool:
    """A meeting noun that is the object of "call": convened for later, not held."""
    return (
        trigger.pos_ == "NOUN"
        and _lemma(trigger) in _CALLED_MEETINGS
        and trigger.dep_ == "dobj"
        and _lemma(trigger.head) == "call"
    )


# Verbs and adjectives whose "if" clause is a question, not a condition ("asked if").
_QUESTIONING = frozenset(
    {"ask", "wonder", "know", "say", "tell", "decide", "see", "check", "determine",
     "confirm", "unclear", "clear", "sure", "question", "investigate", "disclose"}
)  # fmt: skip


def is_open_question(verb: Any) -> bool:
    """Whether the clause is an indirect question ("did not say whether troops would
    be sent", "asked if the talks would resume", "it is unclear whether he was
    arrested"): what it asks about is not told as done."""
    for mark in (c for c in verb.children if c.dep_ in ("mark", "advmod")):
        if mark.lower_ == "whether":
            return True
        if mark.lower_ == "if" and verb.dep_ == "ccomp":
            return _lemma(verb.head) in _QUESTIONING
    return False
