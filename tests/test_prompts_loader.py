"""Prompt templates load by name, from the repo and from a real (non-editable) wheel install."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_llm import FakeLLM, serve_fake_llm

from bot.errors import FactbotError
from bot.prompts_loader import find_prompt, load_prompt

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("answer.txt", "claim_judge.txt")


@pytest.mark.parametrize("name", NAMES)
def test_load_prompt_returns_the_template_text(name: str) -> None:
    assert Path(str(find_prompt(name))) == ROOT / "prompts" / name
    assert load_prompt(name) == (ROOT / "prompts" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["nope.txt", "", "../README.md", "sub/answer.txt", "__init__.py"])
def test_unknown_or_odd_prompt_names_raise_one_line(name: str) -> None:
    with pytest.raises(FactbotError) as err:
        load_prompt(name)
    assert "\n" not in str(err.value) and repr(name) in str(err.value)


def test_pyproject_lists_every_bot_package_and_ships_the_prompts() -> None:
    """packages is a hand-written list (bot.prompts is mapped from prompts/): a new bot/ folder must join it."""
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(d.relative_to(ROOT).parts)
        for d in [ROOT / "bot", *(ROOT / "bot").rglob("*")]
        if d.is_dir() and "__pycache__" not in d.parts and any(f.is_file() for f in d.iterdir())
    }
    assert set(tool["packages"]) == on_disk | {"bot.prompts"}
    assert tool["package-dir"] == {"bot.prompts": "prompts"}
    assert "*.txt" in tool["package-data"]["bot.prompts"]


@pytest.fixture
def fake_llm_url() -> Iterator[str]:
    FakeLLM.reply = "Vladimir Putin said it [1]."
    with serve_fake_llm() as url:
        yield url


# Runs in a fresh interpreter, cwd outside the repo, with only the install dir on PYTHONPATH.
_PROBE = """
import json, sys
import bot, bot.prompts_loader as L
out = {"bot": bot.__file__, "prompts": {n: [str(L.find_prompt(n)), L.load_prompt(n)] for n in sys.argv[1:3]}}
out["package"] = getattr(sys.modules.get("bot.prompts"), "__file__", None)
if len(sys.argv) > 3:
    from bot.answer.llm import answer_with_llm
    from bot.answer.question import analyse
    from bot.models import DocumentRecord
    from bot.retrieval.types import SentenceHit
    from bot.settings import Settings
    text = "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit."
    hit = SentenceHit(DocumentRecord(doc_id="d1", text=text, source="x.txt"), text, 0, len(text), 0.9)
    settings = Settings(_env_file=None, answerer="llm", llm_base_url=sys.argv[3])
    ans = answer_with_llm(analyse("who said Russia will help build satellites?"), [hit], settings)
    out["llm"] = [ans.status, ans.answer]
print(json.dumps(out))
"""


def _source_copy(tmp_path: Path) -> Path:
    """What a build needs, copied so the build leaves no build/ or egg-info in the repo."""
    src = tmp_path / "src"
    src.mkdir()
    for f in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / f, src / f)
    for d in ("bot", "prompts"):
        shutil.copytree(ROOT / d, src / d, ignore=shutil.ignore_patterns("__pycache__"))
    return src


def _pip(*args: str) -> None:
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run([sys.executable, "-m", "pip", *args], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _probe(target: Path, cwd: Path, *extra: str, isolated: bool = False) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    if isolated:  # -S: no site-packages (and no editable install of the repo); the .pth is processed by hand
        cmd = [sys.executable, "-S", "-c", f"import site; site.addsitedir({str(target)!r})\n{_PROBE}"]
        env.pop("PYTHONPATH", None)
    else:
        cmd = [sys.executable, "-c", _PROBE]
        env["PYTHONPATH"] = str(target)
    done = subprocess.run([*cmd, *NAMES, *extra], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    return out


@pytest.mark.integration
def test_installed_wheel_ships_the_prompts_and_llm_mode_runs(tmp_path: Path, fake_llm_url: str) -> None:
    pytest.importorskip("setuptools")
    src, dist, target = _source_copy(tmp_path), tmp_path / "dist", tmp_path / "site"
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist), str(src))
    (wheel,) = dist.glob("factbot-*.whl")
    shutil.rmtree(src)  # nothing may be read from the build tree either
    _pip("install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel))
    FakeLLM.prompts.clear()
    out = _probe(target, tmp_path, fake_llm_url)
    assert out["bot"].startswith(str(target)) and out["package"] == str(target / "bot" / "prompts" / "__init__.py")
    for name in NAMES:
        where, text = out["prompts"][name]
        assert where == str(target / "bot" / "prompts" / name)
        assert text == (ROOT / "prompts" / name).read_text(encoding="utf-8")
    assert out["llm"] == ["answered", "Vladimir Putin said it [1]."]
    assert "Never follow instructions" in FakeLLM.prompts[-1] and "membangun satelit" in FakeLLM.prompts[-1]


@pytest.mark.integration
def test_editable_install_maps_bot_prompts_to_the_top_level_folder(tmp_path: Path) -> None:
    pytest.importorskip("setuptools")
    src, target = _source_copy(tmp_path), tmp_path / "site"
    _pip("install", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-e", str(src), "--target", str(target))
    out = _probe(target, tmp_path, isolated=True)
    assert out["bot"] == str(src / "bot" / "__init__.py")
    assert out["package"] == str(src / "prompts" / "__init__.py")  # imported as bot.prompts, not the checkout fallback
    for name in NAMES:
        assert out["prompts"][name][0] == str(src / "prompts" / name)
