"""Fewer malloc arenas for a serving process, so memory freed after a question is reused, not kept.

glibc gives a thread that finds the shared heap busy an arena of its own, up to eight per core, and memory
freed inside an arena stays with that arena. A web process runs its questions on whichever of its ~35
threads (uvicorn, the answering slots, Chroma's runtime, the embedder) picks them up, so each arena ends up
holding its own high-water mark of freed question memory: at 100k chunks a serve process grew from ~530 MB
to ~730 MB under load with glibc's default, ~640 MB with two arenas (bench/scale.py, README "At 100k chunks").

`MALLOC_ARENA_MAX` in the environment does the same before the process starts and wins over this; other C
libraries (musl, macOS) have no arenas, and nothing happens there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

M_ARENA_MAX = -8  # mallopt parameter number, from glibc's malloc.h


def cap_arenas(n: int) -> bool:
    """Limit glibc to `n` arenas for allocations from now on (call before threads start); 0 keeps glibc's
    default. True when the limit was set."""
    if n <= 0 or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(M_ARENA_MAX, n))
