"""Slack over real HTTP: signatures, fast acks, retries, the challenge, threaded replies and Block Kit payloads."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlencode

import httpx
import pytest

from bot.models import Answer, Citation
from bot.slack.blocks import MAX_BLOCKS, MAX_TEXT, answer_blocks
from bot.slack.routes import detect_kind

from .conftest import SECRET, FakeSlack

pytestmark = pytest.mark.integration
SATELLITE = "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit"


def signed(body: bytes, ts: int | None = None, secret: str = SECRET) -> dict[str, str]:
    ts = int(time.time()) if ts is None else ts
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": sig}


def command(base: str, text: str, fake_base: str, hook: str, **headers: str) -> httpx.Response:
    body = urlencode(
        {
            "command": "/factcheck",
            "text": text,
            "user_id": "U1",
            "trigger_id": hook,
            "response_url": f"{fake_base}/{hook}",
        }
    ).encode()
    h = {"Content-Type": "application/x-www-form-urlencoded", **signed(body), **headers}
    return httpx.post(f"{base}/slack/commands", content=body, headers=h, timeout=10)


def test_slash_command_acks_fast_and_answers_later(slack_base: str, fake_slack: tuple[FakeSlack, str]) -> None:
    fake, fake_base = fake_slack
    r = command(slack_base, "public who said Russia will help build satellites?", fake_base, "resp-1")
    assert r.status_code == 200  # acked with a placeholder; the answer follows on response_url (no timed assert)
    assert "checking" in r.json()["text"] and r.json()["response_type"] == "ephemeral"
    body = fake.wait_for("resp-1")
    assert body["response_type"] == "in_channel"
    payload = json.dumps(body["blocks"], ensure_ascii=False)
    assert "Putin" in payload and SATELLITE in payload
    assert "Putin" in body["text"]


def test_retries_do_not_answer_twice(slack_base: str, fake_slack: tuple[FakeSlack, str]) -> None:
    fake, fake_base = fake_slack
    assert command(slack_base, "Berapa lama Putin menunggu Kim?", fake_base, "resp-2").status_code == 200
    fake.wait_for("resp-2")
    again = command(slack_base, "Berapa lama Putin menunggu Kim?", fake_base, "resp-2", **{"X-Slack-Retry-Num": "1"})
    assert again.status_code == 200
    time.sleep(1.5)
    assert sum(1 for p, _ in fake.calls if p == "resp-2") == 1


def test_empty_command_gets_usage(slack_base: str, fake_slack: tuple[FakeSlack, str]) -> None:
    r = command(slack_base, "  ", fake_slack[1], "resp-3")
    assert r.status_code == 200 and "Usage" in r.json()["text"]


@pytest.mark.parametrize("case", ["bad", "stale", "missing"])
def test_unsigned_stale_and_forged_requests_get_401(slack_base: str, case: str) -> None:
    body = b"command=%2Ffactcheck&text=hello"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if case == "bad":
        headers |= signed(body, secret="wrong")
    elif case == "stale":
        headers |= signed(body, ts=int(time.time()) - 6 * 60)
    r = httpx.post(f"{slack_base}/slack/commands", content=body, headers=headers)
    assert r.status_code == 401


def test_url_verification(slack_base: str) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123"}).encode()
    r = httpx.post(
        f"{slack_base}/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body)}
    )
    assert r.json() == {"challenge": "abc123"}


def _event(event_id: str, **event: str) -> bytes:
    return json.dumps(
        {"type": "event_callback", "event_id": event_id, "event": {"type": "app_mention", **event}}
    ).encode()


def test_app_mention_answered_in_thread_once(slack_base: str, fake_slack: tuple[FakeSlack, str]) -> None:
    fake, _ = fake_slack
    body = _event(
        "Ev1", text="<@UBOT> who said Russia will help build satellites?", channel="C1", ts="111.1", user="U2"
    )
    for retry in ("", "1"):
        h = {"Content-Type": "application/json", **signed(body)} | ({"X-Slack-Retry-Num": retry} if retry else {})
        assert httpx.post(f"{slack_base}/slack/events", content=body, headers=h).status_code == 200
    reply = fake.wait_for("chat.postMessage")
    assert reply["channel"] == "C1" and reply["thread_ts"] == "111.1"
    assert SATELLITE in json.dumps(reply["blocks"], ensure_ascii=False)
    time.sleep(1.5)
    assert sum(1 for p, _ in fake.calls if p == "chat.postMessage") == 1
    # a follow-up mention inside the thread replies in the same thread
    follow = _event("Ev2", text="<@UBOT> Berapa lama Putin menunggu Kim?", channel="C1", ts="112.1", thread_ts="111.1")
    httpx.post(
        f"{slack_base}/slack/events", content=follow, headers={"Content-Type": "application/json", **signed(follow)}
    )
    deadline = time.monotonic() + 30
    while sum(1 for p, _ in fake.calls if p == "chat.postMessage") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    replies = [b for p, b in fake.calls if p == "chat.postMessage"]
    assert len(replies) == 2 and replies[1]["thread_ts"] == "111.1"


def test_bot_messages_are_ignored(slack_base: str, fake_slack: tuple[FakeSlack, str]) -> None:
    fake, _ = fake_slack
    before = len(fake.calls)
    body = _event("Ev3", text="<@UBOT> who said it?", channel="C1", ts="113.1", bot_id="B1")
    assert (
        httpx.post(
            f"{slack_base}/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body)}
        ).status_code
        == 200
    )
    time.sleep(1.0)
    assert len(fake.calls) == before


def test_blocks_escape_and_respect_limits() -> None:
    cites = [
        Citation(
            n=i,
            doc_id="d",
            source="s.txt",
            outlet="Tempo & Co",
            quote=f"<script>x</script> {'q' * 4000}",
            char_start=0,
            char_end=1,
        )
        for i in range(1, 61)
    ]
    text, blocks = answer_blocks(Answer(query="q", status="answered", answer="A < B & C > D [1]", citations=cites))
    dumped = json.dumps(blocks)
    assert "<script>" not in dumped and "&lt;script&gt;" in dumped and "A &lt; B &amp; C &gt; D" in dumped
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(b.get("text", {}).get("text", "")) <= MAX_TEXT for b in blocks)
    assert "more source" in dumped and text


def test_kind_detection() -> None:
    assert detect_kind("who said Russia will help?") == ("question", "who said Russia will help?")
    assert detect_kind("Putin visited Pyongyang in 2024")[0] == "claim"
    assert detect_kind("check: Did Putin visit?") == ("claim", "Did Putin visit?")


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_cli_webhook_post_and_failure(ingested_service, fake_slack: tuple[FakeSlack, str]) -> None:  # type: ignore[no-untyped-def]
    fake, fake_base = fake_slack
    env = {
        "FACTBOT_PERSIST_DIR": str(ingested_service.settings.persist_dir),
        "FACTBOT_SLACK_WEBHOOK_URL": f"{fake_base}/hook-ok",
    }
    r = _cli(["ask", "who said Russia will help build satellites?", "--slack"], env)
    assert r.returncode == 0, r.stderr
    assert SATELLITE in json.dumps(fake.wait_for("hook-ok"), ensure_ascii=False)
    fake.fail_with = 500
    try:
        r = _cli(
            ["check", "Putin and Kim talked for about two hours", "--slack"],
            env | {"FACTBOT_SLACK_WEBHOOK_URL": f"{fake_base}/hook-fail"},
        )
    finally:
        fake.fail_with = None
    assert r.returncode == 2 and "Slack answered 500" in r.stderr and "Traceback" not in r.stderr
    assert sum(1 for p, _ in fake.calls if p == "hook-fail") >= 2  # retried with backoff before giving up
