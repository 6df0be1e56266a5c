"""Answering slots taken strictly in arrival order.

Answering is CPU-bound, so the page, /api/ask and Slack share a few slots sized to the cores
(bot/service.py). `threading.Semaphore` lets a newly arrived thread take a freed slot before one that has
been waiting (the woken waiter must win the lock again), so under fifty concurrent clients some requests
waited twice as long as the median (load p50 0.82 s, p95 1.49 s at 59 req/s). Here a freed slot is handed
to the longest waiter directly: every request waits for the ones ahead of it and no longer.
"""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class FairSlots:
    """At most `n` holders at once; waiters are served first come, first served."""

    def __init__(self, n: int) -> None:
        if n < 1:
            raise ValueError("at least one slot")
        self._free = n
        self._lock = threading.Lock()
        self._waiting: deque[threading.Event] = deque()

    def __enter__(self) -> FairSlots:
        with self._lock:
            if self._free and not self._waiting:
                self._free -= 1
                return self
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # set by the holder that hands its slot over: the slot is ours, nothing to re-acquire
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._free += 1

    @property
    def waiting(self) -> int:
        """Requests queued for a slot (for tests and diagnostics)."""
        with self._lock:
            return len(self._waiting)
