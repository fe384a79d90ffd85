"""The Dask runner: same results as a single-process run, errors per document,
bounded submission, and a clear error for a scheduler that is not there.

The local-cluster test starts two worker processes that each load the model: it takes
about 10-20 s and is stopped by a watchdog after 90 s instead of hanging a CI run.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from types import FrameType

import pytest

from eventwire.errors import EventwireError, InputError, PipelineError
from eventwire.export.event_records import document_record
from eventwire.model import RawDocument
from eventwire.run.cluster import _host, _local_workers, run_on_cluster
from eventwire.run.pipeline import run_many

# A guard against a hung cluster, not a speed check: two workers loading the models
# took over 90 s when other jobs shared the machine's two cores.
TIME_LIMIT_S = 300

ARTICLES = [
    "Militia fighters shelled a market in Dravik on Tuesday, killing four traders.",
    "Police in Lyon arrested twelve protesters who blocked the ring road on Friday.",
    "The foreign ministers of Norland and Estavia met in Geneva to discuss fishing rights.",
    "Rebels ambushed an army convoy near the border town of Karst, wounding three soldiers.",
    "Teachers marched through the capital on Monday to demand higher pay.",
    "The government of Norland said it would not release the detained journalists.",
]

DUMP = (
    "Port workers strike in Valmora\n"
    "Dock workers in Valmora walked out on Thursday over unpaid wages.\n"
    "\n\n\n"
    "Ceasefire talks resume\n"
    "Negotiators for the two militias met in Tarsin on Saturday and agreed a truce.\n"
)


@pytest.fixture()
def time_limit() -> Iterator[None]:
    """Fail the test (rather than hang the run) if it takes longer than TIME_LIMIT_S."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"the cluster test took longer than {TIME_LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TIME_LIMIT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _raws() -> list[RawDocument]:
    raws = [
        RawDocument(text=text, origin=f"article-{n}.txt", published=None)
        for n, text in enumerate(ARTICLES)
    ]
    raws.insert(3, RawDocument(text=DUMP, origin="dump.txt", is_dump=True))
    return raws


def test_cluster_results_match_a_single_process_run(time_limit: None) -> None:
    expected = [[document_record(doc) for doc in result.documents] for result in run_many(_raws())]
    assert sum(len(docs) for docs in expected) == len(ARTICLES) + 2
    assert any(docs and docs[0]["events"] for docs in expected)

    # Interleave a document that breaks inside a task and an input that could not be
    # read; pull items lazily to see how far ahead of the results the runner reads.
    unreadable = InputError("missing.txt", "no such file")
    broken = RawDocument(text=None, origin="broken.txt")  # type: ignore[arg-type]
    items: list[RawDocument | EventwireError] = [*_raws()]
    items.insert(2, broken)
    items.insert(5, unreadable)
    pulled = 0

    def lazily() -> Iterator[RawDocument | EventwireError]:
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    results = []
    pulled_at_first_result = None
    for result in run_on_cluster(lazily(), "local:2", batch_size=2, max_in_flight=2):
        if pulled_at_first_result is None:
            pulled_at_first_result = pulled
        results.append(result)

    assert pulled_at_first_result is not None and pulled_at_first_result <= 4 < len(items)
    assert [r.origin for r in results] == [
        getattr(item, "origin", None) for item in items
    ]  # one result per input, in input order

    broken_result = results.pop(2)
    assert isinstance(broken_result.error, PipelineError)
    assert broken_result.documents == []
    assert "broken.txt" in str(broken_result.error)
    unreadable_result = results.pop(4)
    assert unreadable_result.error is unreadable and unreadable_result.documents == []

    assert all(r.error is None for r in results)
    got = [[document_record(doc) for doc in r.documents] for r in results]
    assert got == expected
    assert all(doc.spacy_doc is None for r in results for doc in r.documents)


def test_an_unreachable_scheduler_is_a_pipeline_error() -> None:
    start = time.monotonic()
    with pytest.raises(PipelineError, match=r"tcp://127\.0\.0\.1:1: cannot reach the Dask sched"):
        list(run_on_cluster([], "tcp://127.0.0.1:1", connect_timeout=1))
    assert time.monotonic() - start < 15


@pytest.mark.parametrize("address", ["local:0", "local:two", "local:"])
def test_a_bad_local_address_is_refused(address: str) -> None:
    with pytest.raises(PipelineError, match=f"{address}: expected local:N"):
        _local_workers(address)


def test_unknown_stages_are_refused_before_connecting() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        list(run_on_cluster([], "tcp://127.0.0.1:1", stages=["clean", "nope"]))


def test_worker_hosts() -> None:
    assert _host("tcp://10.0.0.7:40123") == "10.0.0.7"
    assert _host("tls://[::1]:8786") == "[::1]"
    assert _local_workers("tcp://10.0.0.5:8786") is None
    assert _local_workers("local:3") == 3
