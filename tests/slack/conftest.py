"""A fake Slack (Web API, response_url, incoming webhook) and factbot's Slack routes, both on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bot.service import FactService
from bot.settings import Settings
from bot.slack.routes import build_router
from tests.web.conftest import free_port

SECRET = "test-signing-secret"


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.fail_with: int | None = None
        self.app = FastAPI()

        @self.app.post("/api/chat.postMessage")
        async def post_message(request: Request) -> Any:
            self.calls.append(("chat.postMessage", await _body(request)))
            return {"ok": True, "ts": "1.2"}

        @self.app.post("/{path:path}")
        async def anything(path: str, request: Request) -> Any:
            self.calls.append((path, await _body(request)))
            if self.fail_with:
                return JSONResponse({"error": "boom"}, status_code=self.fail_with)
            return JSONResponse("ok")

    def wait_for(self, path: str, timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for p, body in self.calls:
                if p == path:
                    return body
            time.sleep(0.1)
        raise AssertionError(f"fake Slack never received {path}; got {[p for p, _ in self.calls]}")


async def _body(request: Request) -> Any:
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        return __import__("json").loads(raw)
    return dict(__import__("urllib.parse").parse.parse_qsl(raw.decode()))


def serve(app: FastAPI) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(base, timeout=1)
            return base, server, thread
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[tuple[FakeSlack, str]]:
    fake = FakeSlack()
    base, server, thread = serve(fake.app)
    yield fake, base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def slack_base(ingested_service: FactService, fake_slack: tuple[FakeSlack, str]) -> Iterator[str]:
    _, fake_base = fake_slack
    settings = Settings(
        _env_file=None,
        slack_signing_secret=SECRET,
        slack_bot_token="xoxb-test",  # type: ignore[call-arg]
        slack_api_url=f"{fake_base}/api/",
    )
    app = FastAPI()
    app.include_router(build_router(ingested_service, settings))
    base, server, thread = serve(app)
    yield base
    server.should_exit = True
    thread.join(timeout=10)
