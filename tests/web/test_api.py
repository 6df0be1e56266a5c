"""HTTP against a running server: the contract's endpoints and clear 4xx for bad requests."""

from __future__ import annotations

import concurrent.futures

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
        json={"text": "Putin and Kim met at the Vostochny Cosmodrome in 2022", "kind": "claim"},
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
