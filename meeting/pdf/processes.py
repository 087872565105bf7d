"""PyMuPDF in worker processes that can be killed: the GUI thread and the event loop never wait.

PyMuPDF holds Python's interpreter lock while it draws, so a render *thread* still stops
whoever waits for the lock. A `PdfPool` runs each job in a child process instead (forkserver,
or spawn where there is none: never a fork of a Qt or asyncio parent). One thread in the
parent minds each child: it sends the next job by priority, waits for the answer, the child's
death or the job's time limit, and starts a replacement when a child was killed or died.

A job is a module-level function (picklable by name) and its arguments, or a `PdfFunction`
naming one; in practice the functions of `meeting.pdf.documents`. Failures come back as
`PdfJobFailed` with a kind the caller can tell the user about: "timeout", "crashed" (MuPDF
crashed, or the memory limit was hit), "error" (the job raised) or "abandoned" (nobody waits
for it any more). This module imports no PyMuPDF itself: only the workers load it.
"""

from __future__ import annotations

import contextlib
import errno
import heapq
import importlib
import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing import spawn
from multiprocessing.connection import Connection, wait
from typing import Any

from meeting.pdf.pixels import SharedPixels, forget_segments, set_segment_prefix

log = logging.getLogger("meeting.pdf")

PRELOAD = ["pymupdf", "meeting.pdf.documents"]
READY_TIMEOUT = 30.0
"""Seconds a new worker has to say it is ready (it is then used anyway, or found dead)."""
PREPARE = "meeting.pdf.documents", "prepare_worker"
"""Run once in each new worker (by name, so this process need not import PyMuPDF)."""
"""Imported once in the fork server, so a replacement worker starts in milliseconds."""
ABANDON_GRACE = 0.25
"""A job nobody waits for may finish if it is done within this many seconds of its start;
longer, and its worker is killed and replaced. Measured (bench/render.py, "replacing a killed
worker", 2 shared cores): killing and starting a worker took 185-440 ms, and its first page
then 19 ms against 5 ms warm (the file reopened, MuPDF's caches empty), while almost every
page of the corpus draws in well under 250 ms. So a page turned past that is nearly done is
finished and thrown away (cheaper than a new worker), and one that takes seconds is killed."""


@dataclass(frozen=True)
class PdfFunction:
    """A job function named by its module and name, imported only in the worker: the client's
    GUI process submits PyMuPDF work without importing PyMuPDF (tens of MB it would not use)."""

    module: str
    name: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


class PdfJobFailed(Exception):
    """A job did not give a result: `kind` is "timeout", "crashed", "error" or "abandoned"."""

    def __init__(self, kind: str, message: str = "") -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}" if self.message else self.kind


@dataclass(order=True)
class _Job:
    priority: int
    order: int
    function: Callable[..., Any] = field(compare=False)
    args: tuple = field(compare=False)
    kwargs: dict = field(compare=False)
    time_limit: float = field(compare=False)
    future: Future = field(compare=False)
    abandoned: bool = field(default=False, compare=False)


_starting = threading.local()
_preparation_data = spawn.get_preparation_data


def _without_main(name: str) -> dict[str, Any]:
    """What a new child is told to set up; for our workers, without re-running the parent's
    main module. multiprocessing re-imports it in every child (the `meeting` script, a
    benchmark): that put Qt and the whole client into each worker, 300-800 ms and tens of
    MB each. A worker needs only meeting.pdf, which the fork server has already imported."""
    data = _preparation_data(name)
    if getattr(_starting, "worker", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


spawn.get_preparation_data = _without_main  # only our workers' starts are changed (see above)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class PdfPool:
    """`workers` child processes running PyMuPDF jobs by priority (lower first, then in order)."""

    def __init__(self, workers: int, time_limit: float = 20.0,
                 memory_limit: int | None = None, name: str = "pdf") -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.name = name
        self._context = _context()
        self._queue: list[_Job] = []
        self._condition = threading.Condition()
        self._order = itertools.count()
        self._closed = False
        self._running: dict[Future, _Job] = {}
        self._slots = [_Slot(self, index) for index in range(workers)]
        for slot in self._slots:
            slot.thread.start()

    # --- for callers ---------------------------------------------------------------------------

    def submit(self, function: Callable[..., Any], *args: Any, time_limit: float | None = None,
               priority: int = 0, **kwargs: Any) -> Future:
        """Run `function(*args, **kwargs)` in a worker; `future.cancel()` drops it while queued."""
        future: Future = Future()
        job = _Job(priority, next(self._order), function, args, kwargs,
                   self.time_limit if time_limit is None else time_limit, future)
        with self._condition:
            if self._closed:
                raise RuntimeError("the PDF pool is closed")
            heapq.heappush(self._queue, job)
            self._condition.notify()
        return future

    def abandon(self, future: Future) -> None:
        """Nobody waits for this job any more: drop it if queued; if running, let it finish
        only if it is done within ABANDON_GRACE of its start, else kill its worker. Its result
        (pixels included) is thrown away, and the future fails with kind "abandoned"."""
        if future.cancel():
            return
        with self._condition:
            job = self._running.get(future)
            if job is None:
                return
            job.abandoned = True
            slot = next((s for s in self._slots if s.job is job), None)
        with contextlib.suppress(Exception):
            future.set_exception(PdfJobFailed("abandoned"))
        if slot is not None:
            slot.wake()

    def pending(self) -> int:
        """Jobs queued and not yet started."""
        with self._condition:
            return sum(1 for job in self._queue if not job.future.cancelled())

    def worker_pids(self, timeout: float = 10.0) -> list[int]:
        """The live workers' process ids (to measure their memory, or to test a kill), once
        each has started (they start in their minding threads, not in the caller's)."""
        deadline = time.monotonic() + timeout
        for slot in self._slots:
            slot.started.wait(max(0.0, deadline - time.monotonic()))
        return [slot.process.pid for slot in self._slots
                if slot.process is not None and slot.process.pid is not None
                and slot.process.is_alive()]

    def close(self) -> None:
        """End every worker and its minding thread; queued jobs are cancelled."""
        with self._condition:
            if self._closed:
                return
            self._closed = True
            queued, self._queue = self._queue, []
            self._condition.notify_all()
        for job in queued:
            job.future.cancel()
        for slot in self._slots:
            slot.wake()
        for slot in self._slots:
            slot.thread.join(timeout=10)

    def __enter__(self) -> PdfPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- for the slots -------------------------------------------------------------------------

    def _next_job(self, slot: _Slot) -> _Job | None:
        """The most urgent queued job that is not cancelled, or None once closed."""
        with self._condition:
            while True:
                while not self._queue and not self._closed:
                    self._condition.wait()
                if self._closed:
                    return None
                job = heapq.heappop(self._queue)
                if job.future.set_running_or_notify_cancel():
                    self._running[job.future] = job
                    slot.job = job
                    return job

    def _finished(self, slot: _Slot, job: _Job) -> None:
        with self._condition:
            self._running.pop(job.future, None)
            slot.job = None


class _Slot:
    """One worker process and the parent thread that minds it."""

    def __init__(self, pool: PdfPool, index: int) -> None:
        self.pool = pool
        self.index = index
        self.process: multiprocessing.process.BaseProcess | None = None
        self.connection: Connection | None = None
        self.job: _Job | None = None
        self.generation = 0
        self.started = threading.Event()
        """Set while a worker process is up and ready for jobs (cleared while one is being
        replaced)."""
        self._wake_reader, self._wake_writer = multiprocessing.Pipe(duplex=False)
        self.thread = threading.Thread(target=self._run, name=f"{pool.name}-worker-{index}",
                                       daemon=True)

    def wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_writer.send_bytes(b"")

    @property
    def segment_prefix(self) -> str:
        return f"{self.pool.name}{os.getpid()}_{id(self.pool) % 10**6}_{self.index}_"

    def _run(self) -> None:
        try:
            self._start()
            while (job := self.pool._next_job(self)) is not None:
                try:
                    self._do(job)
                finally:
                    self.pool._finished(self, job)
        except Exception:
            log.exception("the PDF worker's minder failed")
        finally:
            self._stop()
            self._wake_reader.close()
            self._wake_writer.close()

    def _start(self) -> None:
        reader, writer = self.pool._context.Pipe(duplex=True)
        self.generation += 1
        prefix = f"{self.segment_prefix}{self.generation}_"
        self.process = self.pool._context.Process(  # type: ignore[attr-defined]
            target=serve, args=(writer, prefix, self.pool.memory_limit),
            name=f"{self.pool.name}-worker-{self.index}", daemon=True)
        _starting.worker = True
        try:
            self.process.start()
        finally:
            _starting.worker = False
        writer.close()
        self.connection = reader
        # The worker says when it is set up (MuPDF warmed up): a job sent earlier would only
        # wait there, and `worker_pids` means "ready" to a caller timing its first page.
        if reader.poll(READY_TIMEOUT):
            with contextlib.suppress(EOFError, OSError):
                reader.recv()
        self.started.set()

    def _stop(self, kill: bool = False) -> None:
        self.started.clear()
        process, connection = self.process, self.connection
        self.process = self.connection = None
        if process is None or connection is None:
            return
        if not kill:
            with contextlib.suppress(OSError):
                connection.send(None)
            process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
        connection.close()
        with contextlib.suppress(ValueError):
            process.close()
        forget_segments(f"{self.segment_prefix}{self.generation}_")

    def _replace(self) -> None:
        self._stop(kill=True)
        if not self.pool._closed:
            self._start()

    def _do(self, job: _Job) -> None:
        assert self.connection is not None and self.process is not None
        started = time.monotonic()
        try:
            self.connection.send((job.function, job.args, job.kwargs))
        except Exception as error:  # the job would not pickle, or the worker has gone
            self._fail(job, PdfJobFailed("error", f"could not send the job: {error}"))
            if not self.process.is_alive():
                self._replace()
            return
        while True:
            limit = ABANDON_GRACE if job.abandoned else job.time_limit
            remaining = started + limit - time.monotonic()
            if remaining <= 0:
                kind = "abandoned" if job.abandoned else "timeout"
                self._replace()  # before the caller hears of it: the worker is gone by then
                self._fail(job, PdfJobFailed(kind, f"killed after {limit:g} s"))
                return
            ready = wait([self.connection, self.process.sentinel, self._wake_reader],
                         timeout=remaining)
            if self._wake_reader in ready:
                while self._wake_reader.poll():
                    self._wake_reader.recv_bytes()
                if self.pool._closed:
                    self._fail(job, PdfJobFailed("abandoned", "the pool closed"))
                    self._stop(kill=True)
                    return
            if self.connection in ready:
                try:
                    reply = self.connection.recv()
                except (EOFError, OSError):
                    reply = None
                if reply is not None:
                    self._answer(job, reply)
                    return
            if self.process.sentinel in ready or (self.connection in ready):
                self.process.join(timeout=1)
                code = self.process.exitcode
                self._replace()
                self._fail(job, PdfJobFailed("crashed", f"the worker died (exit code {code})"))
                return

    def _answer(self, job: _Job, reply: tuple[str, Any]) -> None:
        status, value = reply
        if status == "ok":
            if job.abandoned or job.future.done():
                if isinstance(value, SharedPixels):
                    value.release()
                return
            job.future.set_result(value)
            return
        if status == "memory":  # its heap may be in pieces: a fresh worker is safer
            self._replace()
        self._fail(job, value if isinstance(value, PdfJobFailed)
                   else PdfJobFailed("error", str(value)))

    @staticmethod
    def _fail(job: _Job, error: PdfJobFailed) -> None:
        if not job.future.done():
            with contextlib.suppress(Exception):
                job.future.set_exception(error)


# --- the child process ---------------------------------------------------------------------------


def serve(connection: Connection, segment_prefix: str, memory_limit: int | None) -> None:
    """The worker's loop: run each job sent, answer ("ok", result) or a PdfJobFailed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    if memory_limit is not None:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    set_segment_prefix(segment_prefix)
    PdfFunction(*PREPARE)()
    connection.send("ready")
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        function, args, kwargs = message
        try:
            reply: tuple[str, Any] = ("ok", function(*args, **kwargs))
        except Exception as error:
            described = _describe(error)
            reply = (("memory", PdfJobFailed("crashed", f"out of memory: {described}"))
                     if _out_of_memory(error) else ("error", PdfJobFailed("error", described)))
        try:
            connection.send(reply)
        except Exception as error:  # a result that does not pickle
            connection.send(("error", PdfJobFailed("error", f"unsendable result: {error}")))
    connection.close()


def _out_of_memory(error: Exception) -> bool:
    """Python's MemoryError, an ENOMEM from the OS, or MuPDF failing to allocate."""
    if isinstance(error, MemoryError):
        return True
    if isinstance(error, OSError) and error.errno == errno.ENOMEM:
        return True
    text = str(error).lower()
    return "malloc" in text or "out of memory" in text


def _describe(error: BaseException) -> str:
    """The error in one line, with where it happened (the traceback stays in the worker)."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    place = f" ({where[0].name}:{where[0].lineno})" if where else ""
    return f"{type(error).__name__}: {error}{place}"
