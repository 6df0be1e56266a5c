"""The arena cap a serve process sets (bot/web/malloc.py), counted by glibc itself (malloc_info)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from bot.web.malloc import cap_arenas

pytestmark = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="arenas are a glibc feature"
)

# Eight threads allocate while all are alive; glibc's malloc_info then lists one <heap> per arena in use.
PROBE = """
import ctypes, sys, threading
from bot.web.malloc import cap_arenas
print(cap_arenas(int(sys.argv[1])))
ready = threading.Barrier(8)
def work():
    keep = [bytearray(2000) for _ in range(2000)]
    ready.wait()  # all eight alive at once: an exited thread's arena would be handed on
    del keep
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
fh = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(fh))
libc.fclose(ctypes.c_void_p(fh))
"""


def arenas(tmp_path: Path, cap: int, **env: str) -> tuple[str, int]:
    out = tmp_path / f"info-{cap}.xml"
    run_env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"} | env
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(cap), str(out)], env=run_env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip(), out.read_text().count("<heap nr=")


def test_capped_process_uses_at_most_the_cap(tmp_path: Path) -> None:
    assert arenas(tmp_path, 2) == ("True", 2)


def test_default_gives_threads_their_own_arenas(tmp_path: Path) -> None:
    said, heaps = arenas(tmp_path, 0)
    assert said == "False" and heaps > 2  # what the cap saves a serve process from


def test_environment_setting_wins(tmp_path: Path) -> None:
    said, heaps = arenas(tmp_path, 2, MALLOC_ARENA_MAX="4")
    assert said == "False" and heaps == 4


def test_zero_leaves_the_default() -> None:
    assert cap_arenas(0) is False
