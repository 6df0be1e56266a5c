"""No package cycle: claims and answer sit side by side on the shared evidence core, neither imports the other.

answer/claim.py reaches the judge lazily (by settings); the maintainers' tools live in bot/dev/, outside both.
Importing every module of one loads nothing of the other.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import importlib, pkgutil, sys
pkg = importlib.import_module("bot.{pkg}")
for info in pkgutil.iter_modules(pkg.__path__):
    importlib.import_module("bot.{pkg}." + info.name)
print(sorted({{m.split(".")[1] for m in sys.modules if m.startswith("bot.") and m.count(".") >= 1}}))
"""


@pytest.mark.parametrize(("pkg", "sibling"), [("claims", "answer"), ("answer", "claims")])
def test_importing_every_module_of_a_package_does_not_load_its_sibling(pkg: str, sibling: str) -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(pkg=pkg)], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip()
    assert f"'{sibling}'" not in loaded, loaded
