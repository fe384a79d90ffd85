"""Exceptions with messages a user can act on. The CLI prints them as one line."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class for every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input file or stream that cannot be read as news text."""

    def __init__(self, origin: str, problem: str, reason: str | None = None) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem
        self.reason = reason or problem  # a short category for summaries: "empty file"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        return (type(self), (self.origin, self.problem, self.reason))


class PipelineError(EventwireError):
    """A pipeline that cannot be built or run as configured."""


class StoreError(EventwireError):
    """A database that cannot be opened, migrated or written."""


class ResourceError(EventwireError):
    """A model, lexicon or gazetteer that cannot be loaded."""


def one_line(value: object, limit: int = 300) -> str:
    """``value`` (an exception or any text) as one line of an error message: whitespace
    collapsed, cut at ``limit`` characters; an empty exception gives its type's name."""
    text = " ".join(str(value).split())
    if not text:
        return type(value).__name__ if isinstance(value, BaseException) else "unreadable"
    return text if len(text) <= limit else text[: limit - 1] + "…"
