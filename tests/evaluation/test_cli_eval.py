"""`factbot eval` as a user runs it: one-line refusals, and a real run writing its reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.service import FactService

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests_support import make_settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold.jsonl"


def factbot(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    full.update(env)
    code = "from bot.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=full, capture_output=True, text=True)


def test_llm_judge_refused_without_llm_backend(tmp_path: Path) -> None:
    res = factbot(["eval", "--gold", str(GOLD), "--llm-judge"], tmp_path, FACTBOT_PERSIST_DIR=str(tmp_path / "s"))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "FACTBOT_ANSWERER=llm" in res.stderr


def test_slack_refused_without_webhook(tmp_path: Path) -> None:
    res = factbot(["eval", "--gold", str(GOLD), "--slack"], tmp_path, FACTBOT_PERSIST_DIR=str(tmp_path / "s"))
    assert res.returncode == 2 and "FACTBOT_SLACK_WEBHOOK_URL" in res.stderr


def test_missing_gold_and_empty_store_are_one_line_errors(tmp_path: Path) -> None:
    res = factbot(["eval", "--gold", str(tmp_path / "nope.jsonl")], tmp_path, FACTBOT_PERSIST_DIR=str(tmp_path / "s"))
    assert res.returncode == 2 and "no such gold file" in res.stderr and "Traceback" not in res.stderr
    res = factbot(["eval", "--gold", str(GOLD), "--live"], tmp_path, FACTBOT_PERSIST_DIR=str(tmp_path / "s"))
    assert res.returncode == 2 and "is empty: run `factbot ingest` first" in res.stderr
    res = factbot(["eval", "--gold", str(GOLD), "--corpus", str(tmp_path / "none")], tmp_path)
    assert res.returncode == 2 and "no corpus folder" in res.stderr and res.stderr.count("\n") == 1


@pytest.mark.integration
def test_eval_command_writes_reports_and_gates(ingested_service: FactService, tmp_path: Path) -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    picked = [ln for ln in lines if json.loads(ln)["id"] in ("who_said-01", "unanswerable_offcorpus-01", "number-02")]
    small = tmp_path / "eval" / "gold.jsonl"
    small.parent.mkdir()
    small.write_text("\n".join(picked) + "\n", encoding="utf-8")
    (tmp_path / "data").symlink_to(ROOT / "data")
    strict = tmp_path / "strict.toml"
    strict.write_text("[minimum]\nanswer_accuracy = 1.01\n", encoding="utf-8")
    env = {"FACTBOT_PERSIST_DIR": str(ingested_service.settings.persist_dir)}
    out = tmp_path / "reports"
    args = ["eval", "--gold", str(small), "--out", str(out), "--no-progress", "--live"]
    res = factbot([*args, "--thresholds", str(strict)], tmp_path, **env)
    assert res.returncode == 0, res.stderr  # without --gate a broken floor is reported, not fatal
    assert "recall_at_5" in res.stdout and "gate FAIL (1)" in res.stdout
    assert "not verbatim" not in res.stderr and "category 'number' has 1 item" in res.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["items"] == 3 and len(report["items"]) == 3
    assert (out / "report.md").is_file() and (out / "latency.png").is_file()
    res = factbot([*args, "--thresholds", str(strict), "--gate"], tmp_path, **env)
    assert res.returncode == 1
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["comparison"]["flipped_to_fail"] == []


@pytest.mark.integration
def test_eval_slack_posts_summary_to_webhook(ingested_service: FactService, tmp_path: Path) -> None:
    pytest.importorskip("bot.slack.webhook")
    import http.server
    import threading

    received: list[bytes] = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        line = next(ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if '"who_said-01"' in ln)
        small = tmp_path / "gold.jsonl"
        small.write_text(line + "\n", encoding="utf-8")
        env = {
            "FACTBOT_PERSIST_DIR": str(ingested_service.settings.persist_dir),
            "FACTBOT_SLACK_WEBHOOK_URL": f"http://127.0.0.1:{server.server_port}/hook",
        }
        args = ["eval", "--gold", str(small), "--out", str(tmp_path / "r"), "--no-progress", "--slack", "--live"]
        res = factbot(args, tmp_path, **env)
    finally:
        server.shutdown()
    assert res.returncode == 0, res.stderr
    assert len(received) == 1 and b"factbot eval: 1 items" in received[0]


@pytest.mark.integration
def test_eval_builds_its_own_store_and_leaves_the_live_one_alone(tmp_path: Path) -> None:
    line = next(ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if '"who_said-01"' in ln)
    small = tmp_path / "eval" / "gold.jsonl"
    small.parent.mkdir()
    small.write_text(line + "\n", encoding="utf-8")
    (tmp_path / "data").symlink_to(ROOT / "data")
    live = tmp_path / "live"
    out = tmp_path / "r"
    res = factbot(["eval", "--gold", str(small), "--out", str(out), "--no-progress"], tmp_path,
                  FACTBOT_PERSIST_DIR=str(live))  # fmt: skip
    assert res.returncode == 0, res.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["documents"] == 5 and report["meta"]["store"].startswith("scratch, built from")
    assert not live.exists() or FactService(make_settings(live)).stats()["documents"] == 0
