"""Closed-loop HTTP load for bench/scale.py: N clients each post a question, wait, post the next.

asyncio keeps the generator light (one thread, not fifty), since it shares the cores with the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import Any

import httpx
import numpy as np


def run_clients(url: str, questions: list[str], clients: int, duration: float) -> dict[str, Any]:
    """Latencies of /api/ask with `clients` concurrent closed-loop clients for `duration` seconds."""
    return asyncio.run(_run(url, questions, clients, duration))


async def _run(url: str, questions: list[str], clients: int, duration: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(i: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        n = i
        while time.perf_counter() < deadline:
            q = questions[n % len(questions)]
            n += clients
            t = time.perf_counter()
            try:
                r = await http.post(f"{url}/api/ask", json={"text": q}, timeout=120)
                ok = r.status_code == 200 and "status" in r.json()
            except (httpx.HTTPError, ValueError):
                ok = False
            latencies.append(1000 * (time.perf_counter() - t))
            errors += 0 if ok else 1

    start = time.perf_counter()
    async with httpx.AsyncClient(limits=limits) as http:
        await asyncio.gather(*(client(i, http) for i in range(clients)))
    wall = time.perf_counter() - start
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": float(np.percentile(latencies, 50)) if latencies else float("nan"),
        "p95_ms": float(np.percentile(latencies, 95)) if latencies else float("nan"),
        "rps": len(latencies) / wall,
    }


class health_probe:  # noqa: N801 - used like a function that starts a background probe
    """GET /health every `every` seconds on its own thread until stop(); stop() gives (p95 ms, max ms)."""

    def __init__(self, url: str, every: float = 0.25) -> None:
        self.url = url
        self.every = every
        self.times: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        with httpx.Client() as http:
            while not self._stop.is_set():
                t = time.perf_counter()
                with contextlib.suppress(httpx.HTTPError):
                    http.get(f"{self.url}/health", timeout=30)
                self.times.append(1000 * (time.perf_counter() - t))
                self._stop.wait(self.every)

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join(timeout=60)
        if not self.times:
            return float("nan"), float("nan")
        return float(np.percentile(self.times, 95)), float(max(self.times))
