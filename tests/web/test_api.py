"""HTTP against a running server: the contract's endpoints and clear 4xx for bad requests."""

from __future__ import annotations

import concurrent.futures
import logging
import re
import time

import httpx
import pytest

pytestmark = pytest.mark.integration


def test_health(web_base: str) -> None:
    r = httpx.get(f"{web_base}/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "documents": 5, "chunks": r.json()["chunks"]} and r.json()["chunks"] > 0


def test_ask_question(web_base: str) -> None:
    r = httpx.post(f"{web_base}/api/ask", json={"text": "who said Russia will help build satellites?"}, timeout=30)
    assert r.status_code == 200
    ans = r.json()
    assert ans["status"] == "answered" and "Putin" in ans["answer"]
    assert "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit" in ans["citations"][0]["quote"]


def test_ask_claim(web_base: str) -> None:
    r = httpx.post(
        f"{web_base}/api/ask",
        json={"text": "Putin waited 45 minutes for Kim", "kind": "claim"},
        timeout=30,
    )
    assert r.status_code == 200 and r.json()["verdict"] == "refuted"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"text": ""}', 422),
        (b'{"text": "   "}', 400),
        (b'{"text": "hi", "kind": "banana"}', 422),
        (b"{not json", 422),
        (b'["a list"]', 422),
        (b'{"kind": "question"}', 422),
    ],
)
def test_bad_requests_get_clear_4xx(web_base: str, body: bytes, status: int) -> None:
    r = httpx.post(f"{web_base}/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert "error" in r.json() and "Traceback" not in r.text


def test_oversized_body_is_refused(web_base: str) -> None:
    r = httpx.post(f"{web_base}/api/ask", json={"text": "x" * 100_000})
    assert r.status_code == 413 and "too large" in r.json()["error"]


def test_twenty_concurrent_requests(web_base: str) -> None:
    questions = ["who said Russia will help build satellites?", "Berapa lama Putin menunggu Kim?"] * 10
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(
            pool.map(lambda q: httpx.post(f"{web_base}/api/ask", json={"text": q}, timeout=60).status_code, questions)
        )
    assert codes == [200] * 20


def test_page_is_served(web_base: str) -> None:
    r = httpx.get(f"{web_base}/")
    assert r.status_code == 200 and "gradio" in r.text.lower()


def test_slack_endpoints_answer_503_without_a_signing_secret(web_base: str) -> None:
    for path in ("/slack/commands", "/slack/events"):
        r = httpx.post(f"{web_base}{path}", content=b"x=1")
        assert r.status_code == 503 and "not configured" in r.json()["error"]
    assert httpx.get(f"{web_base}/health").status_code == 200


SATELLITE_TURNS = [
    {"text": "who said Russia will help build satellites?", "kind": "question"},
    {"text": "Vladimir Putin said it [1]: “Putin mengatakan Rusia akan membantu”", "kind": "answer"},
]


@pytest.mark.parametrize("text", ["when was that said?", "kapan itu dikatakan?", "who else said it?"])
def test_follow_up_with_history_is_resolved(web_base: str, text: str) -> None:
    r = httpx.post(f"{web_base}/api/ask", json={"text": text, "history": SATELLITE_TURNS}, timeout=30)
    assert r.status_code == 200, r.text
    ans = r.json()
    assert ans["query"] == text
    assert ans["resolved_query"] and "satellites" in ans["resolved_query"]
    assert "Putin" in ans["resolved_query"] or "else" in ans["resolved_query"]
    for c in ans["citations"]:
        assert c["quote"] and c["char_end"] > c["char_start"]


def test_follow_up_names_the_earlier_entity(web_base: str) -> None:
    history = [{"text": "How long did Putin wait for Kim?", "kind": "question"}]
    r = httpx.post(f"{web_base}/api/ask", json={"text": "why did he wait?", "history": history}, timeout=30)
    assert r.status_code == 200 and r.json()["resolved_query"] == "Why did Putin wait?"


def test_question_that_stands_alone_has_no_resolved_query(web_base: str) -> None:
    body = {"text": "who said Russia will help build satellites?", "history": SATELLITE_TURNS}
    ans = httpx.post(f"{web_base}/api/ask", json=body, timeout=30).json()
    assert ans["resolved_query"] is None and "Putin" in ans["answer"]


@pytest.mark.parametrize(
    "history",
    [
        "who said it?",
        {"text": "who said it?"},
        [{"kind": "question"}],
        [{"text": ""}],
        [{"text": "   "}],
        [{"text": "who said it?", "kind": "banana"}],
        [1, 2],
        [{"text": "who said it?"}] * 21,
        [{"text": "x" * 5000}],
    ],
)
def test_malformed_history_gets_a_clear_4xx(web_base: str, history: object) -> None:
    r = httpx.post(f"{web_base}/api/ask", json={"text": "when was that said?", "history": history}, timeout=30)
    assert 400 <= r.status_code < 500
    assert "history" in r.json()["error"] and "\n" not in r.json()["error"] and "Traceback" not in r.text


def test_each_request_is_logged_in_one_line_without_its_body(web_base: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="factbot.web")
    secret = "zq-private-marker-7731"
    httpx.post(f"{web_base}/api/ask", json={"text": f"who said {secret}?"}, timeout=30)
    httpx.get(f"{web_base}/health?token={secret}")
    deadline = time.monotonic() + 5
    while len([r for r in caplog.records if r.name == "factbot.web"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = [r.getMessage() for r in caplog.records if r.name == "factbot.web"]
    assert any(re.fullmatch(r"POST /api/ask 200 \d+\.\d ms", line) for line in lines), lines
    assert any(re.fullmatch(r"GET /health 200 \d+\.\d ms", line) for line in lines), lines
    assert all(secret not in line and "\n" not in line for line in lines)


def test_chat_page_history_comes_from_its_answers() -> None:
    from bot.web.page import chat_history

    store = [
        {
            "query": "who said Russia will help build satellites?",
            "kind": "question",
            "answer": "Vladimir Putin said it [1]",
        },
        {"query": "when?", "resolved_query": "When did Vladimir Putin say it?", "kind": "question", "answer": "-"},
    ] * 8
    turns = chat_history(store)
    assert len(turns) == 20 and turns[-2] == {"text": "When did Vladimir Putin say it?", "kind": "question"}
    assert turns[-1] == {"text": "-", "kind": "answer"}
