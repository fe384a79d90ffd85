"""A plan that others report, which its holder never stated.

"Prosecutors said he planned to murder the judge", "police allege the man intended to
bomb the embassy", "court papers show she plotted to kill him": the plan is what others
found out, not a statement of intent, so it is no THREATEN or AGREE (``stages.intents``).
A party's own word about its plan ("the ministry said it planned to impose a curfew",
"the minister said he intends to resign", "we plan to march") stays a statement.
"""

from __future__ import annotations

from typing import Any

# Words of a plan: told in the past of another party, they report a plan found out.
_PLAN_WORDS = frozenset({"plan", "intend", "plot", "conspire", "scheme", "aim", "want", "mean"})
# Plans that are secret by nature: never a statement, whoever tells them.
_SECRET_PLANS = frozenset({"plot", "conspire", "scheme"})
# Subjects that are the speaker's own ("the ministry said it planned").
_OWN_PRONOUNS = frozenset({"it", "they", "we", "i"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def is_reported_plan(clause: Any) -> bool:
    """Whether ``clause`` (the verb of a future event's clause) is the infinitive of a
    plan word that is secret ("plotted to kill") or that another party reports in the
    past ("prosecutors said he planned to murder")."""
    plan = clause
    while plan.dep_ in ("xcomp", "conj") and plan.head.i != plan.i:
        plan = plan.head
        if str(plan.lemma_).lower() in _PLAN_WORDS:
            break
    else:
        return False
    if plan.i == clause.i or str(plan.lemma_).lower() not in _PLAN_WORDS:
        return False
    if str(plan.lemma_).lower() in _SECRET_PLANS:
        return True
    if plan.tag_ not in _PAST_TAGS or plan.dep_ != "ccomp":
        return False
    subjects = [c for c in plan.children if c.dep_ == "nsubj"]
    speakers = [c for c in plan.head.children if c.dep_ == "nsubj"]
    if not subjects or not speakers:
        return False
    subject, speaker = subjects[0], speakers[0]
    if subject.lower_ in _OWN_PRONOUNS:
        return False
    if subject.pos_ == "PRON":
        # "he"/"she" told by a plural or an institution: another party's plan
        return bool(speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ == "ORG")
    return bool(subject.lemma_ != speaker.lemma_)


# Words of a forecast: what others expect a party to do states no intention of its own.
_FORECAST_WORDS = frozenset(
    {"expect", "likely", "set", "poised", "anticipate", "predict", "tip", "forecast",
     "unlikely", "bound", "certain", "sure"}
)  # fmt: skip


def is_forecast(clause: Any) -> bool:
    """Whether ``clause`` is the infinitive a forecast governs, however deep the
    statement inside it ("is expected to announce new restrictions", "is likely to
    declare a curfew", "analysts predict the army will attack")."""
    token = clause
    for _ in range(3):
        if token.head.i == token.i or token.dep_ not in ("xcomp", "ccomp", "conj"):
            return False
        token = token.head
        if str(token.lemma_).lower() in _FORECAST_WORDS:
            if str(token.lemma_).lower() == "set" and token.tag_ != "VBN":
                return False  # "set to" only as "is set to"
            return not any(c.dep_ == "neg" for c in token.children)
    return False
