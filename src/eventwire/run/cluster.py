"""Run the pipeline on a Dask cluster: many machines parse and code, one process writes.

The client (the process that reads the input and writes the database) cuts the raw
documents into batches and submits each batch as one Dask task; inputs that could not
be read are never sent, they come back as their own results. A worker process builds
the pipeline once (when the run warms the workers up, or at its first task) and keeps
it for every later task: the spaCy model, lexicons and gazetteer load once per worker
process, not once per task.
Results stream back as batches complete, at most ``max_in_flight`` batches are out at
any time (the corpus is never submitted at once), and they are yielded in input order,
so what a single writer stores is the same as after a single-process run.

Addresses: ``tcp://host:8786`` for a running scheduler (``dask scheduler``), or
``local:N`` to start N worker processes on this machine (one thread each).
"""

from __future__ import annotations

import logging
import os
import resource
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from eventwire.errors import EventwireError, PipelineError, one_line
from eventwire.model import RawDocument
from eventwire.run.pipeline import (
    Pipeline,
    ProcessResult,
    detach,
    process_one,
)
from eventwire.stages.registry import DEFAULT_STAGES

log = logging.getLogger(__name__)

LOCAL_PREFIX = "local:"

# A short article each worker codes when it is warmed up: it loads the model, the
# lexicons and the gazetteer before the first real batch arrives.
WARM_UP_TEXT = (
    "Police arrested two protesters outside the parliament in Vienna on Monday, "
    "the interior ministry said."
)

Item = RawDocument | EventwireError

# Dask settings for a ``local:N`` cluster (its scheduler and nannies run in this
# process, its workers in their own). Dask's defaults poll often (the event loop
# every 20 ms, each worker's memory every 100 ms, the stack of every running task 100
# times a second for the profiler): about 0.08 of a core on a 2-worker cluster at
# rest, 0.02 with these settings. Nothing here reads the profiler or the dashboard.
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


# --- worker side ---------------------------------------------------------------------

# One pipeline per stage list, built at a worker process's first task and kept.
_worker_pipelines: dict[tuple[str, ...], Pipeline] = {}


def _worker_pipeline(stages: tuple[str, ...]) -> Pipeline:
    pipeline = _worker_pipelines.get(stages)
    if pipeline is None:
        pipeline = Pipeline(stages)
        _worker_pipelines[stages] = pipeline
    return pipeline


def _process_item(pipeline: Pipeline, raw: RawDocument) -> ProcessResult:
    """One raw document's result; whatever goes wrong becomes that document's error."""
    try:
        result = process_one(pipeline, raw)
    except Exception as exc:  # turned into this document's error, the batch goes on
        log.warning("processing %s failed", raw.origin, exc_info=True)
        problem = f"{type(exc).__name__}: {one_line(exc)}"
        return ProcessResult(raw.origin, [], PipelineError(f"{raw.origin}: {problem}"))
    result.documents = [detach(doc) for doc in result.documents]
    return result


def _process_batch(batch: list[RawDocument], stages: tuple[str, ...]) -> list[ProcessResult]:
    """The Dask task: process a batch of raw documents with this worker's pipeline."""
    pipeline = _worker_pipeline(stages)
    return [_process_item(pipeline, raw) for raw in batch]


def _warm_up(stages: tuple[str, ...]) -> int:
    """Build this worker's pipeline and code one short article; return the pid."""
    pipeline = _worker_pipeline(stages)
    pipeline.process_raw(RawDocument(text=WARM_UP_TEXT, origin="<warm-up>"))
    return os.getpid()


def _ensure_gazetteer() -> str:
    from eventwire.gazetteer.build import ensure_gazetteer

    return str(ensure_gazetteer())


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident memory (MB) of a process, this one by default.

    Reads ``VmHWM`` from ``/proc/<pid>/status`` (Linux): unlike ``ru_maxrss`` it is not
    inherited from the parent of a spawned process. Elsewhere, for this process only,
    falls back on ``ru_maxrss``.
    """
    status = Path("/proc") / (str(pid) if pid is not None else "self") / "status"
    try:
        lines = status.read_text(encoding="ascii").splitlines()
    except OSError:
        if pid is not None:
            raise
        lines = []
    for line in lines:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User plus system CPU time this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_stats() -> tuple[int, float, float]:
    return os.getpid(), peak_rss_mb(), cpu_seconds()


# --- client side ---------------------------------------------------------------------


def dask_config() -> Any:
    """``dask.config``."""
    import dask.config

    return dask.config


def _distributed() -> Any:
    """``dask.distributed``, imported when a cluster is used (its import is slow)."""
    import distributed

    return distributed


@dataclass(frozen=True, slots=True)
class WorkerStats:
    """A worker process, its peak resident memory and the CPU time it used so far."""

    address: str
    pid: int
    peak_rss_mb: float
    cpu_s: float


def _local_workers(address: str) -> int | None:
    """N for ``local:N``; None for a scheduler address."""
    if not address.startswith(LOCAL_PREFIX):
        return None
    count = address[len(LOCAL_PREFIX) :]
    if not count.isdigit() or int(count) < 1:
        raise PipelineError(f"{address}: expected local:N with N a number of workers, 1 or more")
    return int(count)


def _host(address: str) -> str:
    """The host of a worker address: ``tcp://10.0.0.7:40123`` -> ``10.0.0.7``."""
    return address.split("://", 1)[-1].rsplit(":", 1)[0]


class ClusterRunner:
    """A connection to a Dask scheduler (or a local cluster it started) that runs the
    pipeline's stages on the workers. Use as a context manager; ``run`` may be called
    more than once."""

    def __init__(
        self,
        address: str,
        *,
        stages: Sequence[str] = DEFAULT_STAGES,
        connect_timeout: float = 10.0,
    ) -> None:
        dask = _distributed()
        self.address = address
        self.stages = tuple(stages)
        Pipeline(self.stages)  # refuse a bad stage list here, not on every worker
        n_local = _local_workers(address)
        self._cluster: Any = None
        try:
            if n_local is not None:
                with dask_config().set(LOCAL_CLUSTER_CONFIG):
                    self._cluster = dask.LocalCluster(
                        n_workers=n_local,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                    )
                self._client: Any = dask.Client(self._cluster, set_as_default=False)
            else:
                self._client = dask.Client(address, timeout=connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
            if self._cluster is not None:
                self._cluster.close()
            what = (
                "cannot start a local Dask cluster"
                if n_local
                else "cannot reach the Dask scheduler"
            )
            raise PipelineError(f"{address}: {what}: {one_line(exc)}") from exc

    def __enter__(self) -> ClusterRunner:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def worker_addresses(self) -> list[str]:
        """The workers connected to the scheduler now."""
        return sorted(str(address) for address in self._client.nthreads())

    def warm_up(self) -> list[int]:
        """Get every worker ready now and return the worker pids: build the gazetteer
        cache once per host (when the stages resolve places and it is not built yet:
        one build, not one per worker process), then build the pipeline in every
        worker process (model and lexicons load). Workers that join later do this at
        their first batch."""
        addresses = self.worker_addresses
        if "places" in self.stages:
            per_host = {_host(address): address for address in addresses}
            self._gather(
                self._client.submit(
                    _ensure_gazetteer, workers=[address], allow_other_workers=False, pure=False
                )
                for address in per_host.values()
            )
        pids = self._gather(
            self._client.submit(
                _warm_up, self.stages, workers=[address], allow_other_workers=False, pure=False
            )
            for address in addresses
        )
        return [int(pid) for pid in pids]

    def _gather(self, futures: Iterable[Any]) -> list[Any]:
        """The results of ``futures``; an error a user can act on (a model package or
        gazetteer that will not load on a worker) is raised as it is."""
        try:
            return list(self._client.gather(list(futures)))
        except EventwireError:
            raise
        except Exception as exc:  # re-raised with the scheduler named
            raise PipelineError(
                f"{self.address}: preparing the workers failed: {type(exc).__name__}: "
                f"{one_line(exc)}"
            ) from exc

    def worker_stats(self) -> list[WorkerStats]:
        """Pid, peak resident memory and CPU time of every worker process."""
        found = self._client.run(_worker_stats)
        return [
            WorkerStats(str(address), int(pid), float(peak), float(cpu))
            for address, (pid, peak, cpu) in sorted(found.items())
        ]

    def run(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = 16,
        max_in_flight: int | None = None,
    ) -> Iterator[ProcessResult]:
        """Process ``items`` on the cluster and yield one result per item, in order.

        At most ``max_in_flight`` batches (default: three per worker connected at the
        time, at least four) are submitted and not yet yielded. An error inside a task
        comes back as the result of the document it concerns; a lost worker's batch is
        retried by Dask.
        """
        if batch_size < 1:
            raise PipelineError(f"batch size must be 1 or more, not {batch_size}")
        if max_in_flight is not None and max_in_flight < 1:
            raise PipelineError(f"max_in_flight must be 1 or more, not {max_in_flight}")
        run_id = uuid.uuid4().hex[:8]
        source = iter(items)
        pending: dict[Any, tuple[int, list[Item]]] = {}
        finished: dict[int, list[ProcessResult]] = {}
        completed = _distributed().as_completed(loop=self._client.loop)
        submitted = yielded = 0
        exhausted = False
        try:
            while True:
                limit = max_in_flight or max(4, 3 * len(self.worker_addresses))
                while not exhausted and submitted - yielded < limit:
                    batch = list(islice(source, batch_size))
                    if not batch:
                        exhausted = True
                        break
                    raws = [item for item in batch if isinstance(item, RawDocument)]
                    if raws:
                        future = self._client.submit(
                            _process_batch,
                            raws,
                            self.stages,
                            key=f"eventwire-batch-{run_id}-{submitted}",
                            pure=False,
                        )
                        pending[future] = (submitted, batch)
                        completed.add(future)
                    else:  # only inputs that could not be read: nothing to send
                        finished[submitted] = _batch_results(None, batch)
                    submitted += 1
                if yielded == submitted:
                    return
                if yielded not in finished:
                    future = next(completed)
                    index, batch = pending.pop(future)
                    finished[index] = _batch_results(future, batch)
                    future.release()
                while yielded in finished:
                    yield from finished.pop(yielded)
                    yielded += 1
        finally:
            for future in pending:
                future.cancel()


def _batch_results(future: Any, batch: list[Item]) -> list[ProcessResult]:
    """The results of a batch, in order: the task's results for its raw documents,
    and each input error (never sent to the cluster) as its own result. When the task
    failed as a whole (a worker lost more often than Dask retries, a result that would
    not come back), each of its documents gets that error."""
    raws = [item for item in batch if isinstance(item, RawDocument)]
    done: list[ProcessResult] = []
    if future is not None:
        try:
            done = list(future.result())
        except Exception as exc:  # the batch's documents get the error, the run goes on
            log.warning("a batch failed on the cluster", exc_info=True)
            done = [_failed(raw, exc) for raw in raws]
    if len(done) != len(raws):
        raise PipelineError(
            f"a cluster task returned {len(done)} results for {len(raws)} documents"
        )
    results = iter(done)
    return [
        next(results) if isinstance(item, RawDocument) else _input_error(item) for item in batch
    ]


def _input_error(error: EventwireError) -> ProcessResult:
    """An input that could not be read, passed on as its own result (as ``run_many``)."""
    return ProcessResult(str(getattr(error, "origin", "<input>")), [], error)


def _failed(raw: RawDocument, exc: BaseException) -> ProcessResult:
    problem = f"processing on the cluster failed: {type(exc).__name__}: {one_line(exc)}"
    return ProcessResult(raw.origin, [], PipelineError(f"{raw.origin}: {problem}"))


def run_on_cluster(
    items: Iterable[Item],
    address: str,
    *,
    batch_size: int = 16,
    stages: Sequence[str] = DEFAULT_STAGES,
    max_in_flight: int | None = None,
    connect_timeout: float = 10.0,
) -> Iterator[ProcessResult]:
    """Process raw documents on the Dask cluster at ``address`` (``tcp://host:8786``,
    or ``local:N`` for N local worker processes) and yield one ``ProcessResult`` per
    item, in input order, like ``pipeline.run_many``. The workers are warmed up first
    (``ClusterRunner.warm_up``). A scheduler that cannot be reached raises
    ``PipelineError`` naming the address; so does a worker that cannot load the
    pipeline (or the ``ResourceError`` it raised)."""
    with ClusterRunner(address, stages=stages, connect_timeout=connect_timeout) as runner:
        runner.warm_up()
        yield from runner.run(items, batch_size=batch_size, max_in_flight=max_in_flight)
