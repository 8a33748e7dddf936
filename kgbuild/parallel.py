"""Where the per-document stages run: in this process, in a pool of worker processes, or on Dask.

Every runner turns a stream of ``Document`` into a stream of ``DocumentExtraction`` and keeps
only a bounded number of batches in flight, so memory stays flat whatever the corpus size: the
parent holds the extractions (the material of the graph) and never a spaCy ``Doc``.

Why our own pool rather than spaCy's ``nlp.pipe(n_process=N)``: with ``n_process`` the workers
only parse and send whole ``Doc`` objects back, and mentions, coreference and relations would
still run in the parent, one core for all of them. Here each worker loads the model and the
schema once (an ``Extractor``) and sends back only the small extraction. Workers are started
with ``forkserver`` (``spawn`` where it does not exist), never ``fork``: the parent may have
threads (a progress bar, a Dask client) and forking a threaded process can deadlock.

Results do not depend on the runner: extractions are per document, and
``pipeline.graph_from_extractions`` sorts them by document id before resolution.
"""

from __future__ import annotations

import collections
import hashlib
import logging
import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .errors import KgbuildError
from .model import Document, DocumentExtraction

BATCHES_PER_TASK = 2        # a task sent to a worker is this many nlp.pipe batches of documents
IN_FLIGHT_PER_WORKER = 2    # tasks queued per worker: enough to never starve, few enough to stay small
LOCAL_DASK = "local"
LOCAL_DASK_WORKERS = 2
DASK_CONNECT_TIMEOUT = "10s"


class WorkerError(KgbuildError):
    """A worker process died (killed for memory, or a script without a main guard)."""


BROKEN_POOL = ("a worker process stopped unexpectedly (out of memory? a Python script that builds with "
               "workers must start it under `if __name__ == \"__main__\":`)")


class DaskUnavailableError(KgbuildError):
    """--dask was asked for but dask.distributed is not installed."""


class DaskConnectionError(KgbuildError):
    """The Dask scheduler cannot be reached (the message names the address)."""


@dataclass
class BatchResult:
    """What a worker sends back for one task: the extractions, in input order, and the model used
    (the parent never loads the model itself, so it learns the name from the workers)."""

    model_name: str
    extractions: list[DocumentExtraction]


def open_runner(*, model=None, schema=None, workers: int = 1, dask: Optional[str] = None,
                batch_size: int = 32, chunk_size: Optional[int] = None):
    """The runner for the options given: Dask if an address is given, a process pool for
    ``workers > 1``, else this process. Use it as a context manager."""
    chunk_size = chunk_size or batch_size * BATCHES_PER_TASK
    if dask:
        return DaskRunner(dask, model=model, schema=schema, batch_size=batch_size, chunk_size=chunk_size)
    if workers > 1:
        return PoolRunner(workers, model=model, schema=schema, batch_size=batch_size, chunk_size=chunk_size)
    return InProcessRunner(model=model, schema=schema, batch_size=batch_size)


def batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of up to ``size`` documents, read lazily."""
    chunk: list[Document] = []
    for d in documents:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class InProcessRunner:
    """One process: the model is loaded here and documents are parsed batch by batch."""

    def __init__(self, *, model=None, schema=None, batch_size: int = 32):
        from .pipeline import Extractor

        self.extractor = Extractor(model, schema)
        self.schema = self.extractor.schema
        self.model_name = self.extractor.model_name
        self.batch_size = batch_size

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]:
        yield from self.extractor.extract(documents, batch_size=self.batch_size)


class _BoundedRunner:
    """Shared by the pool and Dask: submit chunks, keep at most ``max_in_flight`` pending,
    yield results in submission order (so progress and memory are predictable)."""

    max_in_flight = 2
    model_name = "unknown"

    def __init__(self, *, model, schema, batch_size: int, chunk_size: int):
        from .schema import load_schema

        self.model = model
        # Loaded here once: the parent needs it for assembly, and workers receive the object,
        # so a schema file only has to exist where the build is started.
        self.schema = schema if hasattr(schema, "relations") else load_schema(schema)
        self.batch_size = batch_size
        self.chunk_size = chunk_size or batch_size * BATCHES_PER_TASK

    def _submit(self, chunk: list[Document]):  # pragma: no cover - abstract
        raise NotImplementedError

    def _result(self, future) -> BatchResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]:
        pending: collections.deque = collections.deque()
        try:
            for chunk in batched(documents, self.chunk_size):
                pending.append(self._submit(chunk))
                while len(pending) >= self.max_in_flight:
                    yield from self._take(pending.popleft())
            while pending:
                yield from self._take(pending.popleft())
        finally:
            for f in pending:
                f.cancel()

    def _take(self, future) -> list[DocumentExtraction]:
        result = self._result(future)
        self.model_name = result.model_name
        return result.extractions


class PoolRunner(_BoundedRunner):
    """N worker processes, each with its own ``Extractor`` loaded once at start."""

    def __init__(self, workers: int, *, model=None, schema=None, batch_size: int = 32,
                 chunk_size: Optional[int] = None):
        super().__init__(model=model, schema=schema, batch_size=batch_size, chunk_size=chunk_size)
        self.workers = workers
        self.max_in_flight = workers * IN_FLIGHT_PER_WORKER
        self.pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self):
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context(start_method()),
            initializer=_init_pool_worker, initargs=(self.model, self.schema, os.getpid()))
        try:
            # Every worker loads the model at start; asking one for its name surfaces a
            # missing model as a clean error before any document is read.
            self.model_name = self._result(self.pool.submit(_worker_model_name, self.model, self.schema))
        except BaseException:
            self.pool.shutdown(wait=True, cancel_futures=True)
            raise
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        return False

    def _submit(self, chunk: list[Document]) -> Future:
        return self.pool.submit(_extract_chunk, chunk, self.batch_size, self.model, self.schema)

    def _result(self, future: Future):
        try:
            return future.result()
        except BrokenProcessPool:
            raise WorkerError(BROKEN_POOL) from None


class DaskRunner(_BoundedRunner):
    """The per-document stages as Dask tasks; each worker process loads the model once and keeps
    it (``_worker_extractor``); the client, here, merges. Documents are sent with the tasks, so
    the workers need kgbuild and the model installed but not the input files."""

    def __init__(self, address: str, *, model=None, schema=None, batch_size: int = 32,
                 chunk_size: Optional[int] = None):
        super().__init__(model=model, schema=schema, batch_size=batch_size, chunk_size=chunk_size)
        self.address = address
        self.client = None
        self.cluster = None

    def __enter__(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskUnavailableError(
                "--dask needs dask.distributed, which is not installed: pip install 'kgbuild[dask]'") from None
        try:
            if self.address == LOCAL_DASK:
                self.cluster = LocalCluster(n_workers=LOCAL_DASK_WORKERS, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.address, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__()
            raise DaskConnectionError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        try:
            names = self.client.run(_worker_model_name, self.model, self.schema)
        except BaseException:
            self.__exit__()
            raise
        if not names:
            self.__exit__()
            raise DaskConnectionError(f"the Dask scheduler at {self.address} has no workers")
        self.model_name = sorted(names.values())[0]
        self.max_in_flight = max(2, len(names) * IN_FLIGHT_PER_WORKER)
        return self

    def __exit__(self, *exc):
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # closing is best effort: the build result is already safe
                    pass
        self.client = self.cluster = None
        return False

    def _submit(self, chunk: list[Document]):
        return self.client.submit(_extract_chunk, chunk, self.batch_size, self.model, self.schema, pure=False)

    def _result(self, future) -> BatchResult:
        return future.result()


def start_method() -> str:
    """'forkserver' where the platform has it (Linux, macOS), else 'spawn'; never 'fork'."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


# -- inside a worker process ------------------------------------------------------------------
class _WorkerState:
    """The one Extractor of this worker process. A worker process exists to serve one model and
    schema, so per-process state is what "load the model once" means; a lock keeps Dask workers
    with several threads from using one spaCy pipeline at the same time."""

    lock = threading.Lock()
    key: Optional[bytes] = None
    extractor = None
    error: Optional[BaseException] = None


def _init_pool_worker(model, schema, parent: int) -> None:
    import signal

    # Ctrl-C is the parent's to handle (it cancels pending work and shuts the pool down).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="kgbuild-parent-watch").start()
    try:
        _worker_extractor(model, schema)
    except BaseException as exc:  # kept and raised with the first task, so the parent sees the message
        _WorkerState.error = exc
    # The model lives as long as this process: the cyclic GC need not rescan it in every full collection.
    import gc

    gc.freeze()


def _exit_with(parent: int, interval: float = 1.0) -> None:
    """A parent killed outright (SIGKILL, SIGTERM) cannot shut its pool down: leave with it rather
    than linger holding a model in memory."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:   # the pid was reused by another user's process: ours is gone
            os._exit(1)


def _worker_extractor(model=None, schema=None):
    """This process's Extractor for (model, schema), created on first use."""
    if _WorkerState.error is not None:
        raise _WorkerState.error
    key = hashlib.sha256(pickle.dumps((model, schema))).digest()
    if _WorkerState.extractor is None or _WorkerState.key != key:
        from .pipeline import Extractor

        _WorkerState.extractor = Extractor(model, schema)
        _WorkerState.key = key
    return _WorkerState.extractor


def _worker_model_name(model=None, schema=None) -> str:
    with _WorkerState.lock:
        return _worker_extractor(model, schema).model_name


def _extract_chunk(chunk: list[Document], batch_size: int, model=None, schema=None) -> BatchResult:
    with _WorkerState.lock:
        extractor = _worker_extractor(model, schema)
        return BatchResult(extractor.model_name, list(extractor.extract(chunk, batch_size=batch_size)))
