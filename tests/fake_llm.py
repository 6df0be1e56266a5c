"""A fake OpenAI-compatible chat server on 127.0.0.1 (real HTTP): records prompts, answers with `reply`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from http_support import QuietHandler, local_server


class FakeLLM(QuietHandler):
    reply = ""
    prompts: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLLM.prompts.append(body["messages"][0]["content"])
        out = json.dumps({"choices": [{"message": {"content": FakeLLM.reply}}]}).encode()
        self.send_body(200, "application/json", out)


@contextmanager
def serve_fake_llm() -> Iterator[str]:
    """Start the server on a free port; yields its /v1 base URL."""
    with local_server(FakeLLM) as base:
        yield f"{base}/v1"
