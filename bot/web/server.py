"""create_app: the JSON API, the Slack routes and the Gradio page on one FastAPI app.

The service is built once and shared: the store and the embedding model are
too slow to open per request. Blocking work runs in FastAPI's thread pool.
Every request is logged as one line (method, path, status, ms) through the
standard `logging` module, so operators see traffic without seeing what
users asked: request bodies and query strings are never logged.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Literal

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from bot.answer.history import MAX_TURNS, Turn
from bot.errors import FactbotError
from bot.models import Answer
from bot.service import FactService
from bot.web.assets import CSS, JS
from bot.web.page import build_page


class AskRequest(BaseModel):
    text: str = Field(min_length=1, description="The question or claim.")
    kind: Literal["question", "claim"] = "question"
    history: list[Turn] | None = Field(
        None, max_length=MAX_TURNS, description="Earlier turns, oldest first, so a follow-up can be resolved."
    )


log = logging.getLogger("factbot.web")


def _printable(path: str) -> str:
    """A path as one safe log line: no control characters (a %0A in a URL cannot forge a second line)."""
    return "".join(ch if ch.isprintable() else "?" for ch in path[:300])


def create_app(service: FactService) -> FastAPI:
    settings = service.settings
    app = FastAPI(title="factbot", version="0.1.0")

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return JSONResponse(
            {"error": f"bad request: {where or 'body'}: {first.get('msg', 'invalid')}"}, status_code=422
        )

    @app.middleware("http")
    async def _limit_body(request: Request, call_next: Any) -> Any:
        if request.url.path.startswith("/api/"):
            size = request.headers.get("content-length")
            if size and size.isdigit() and int(size) > settings.max_body_bytes:
                return JSONResponse({"error": f"body too large (> {settings.max_body_bytes} bytes)"}, status_code=413)
        return await call_next(request)

    @app.middleware("http")
    async def _log_request(request: Request, call_next: Any) -> Any:
        start = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            ms = (time.perf_counter() - start) * 1000
            log.info("%s %s %d %.1f ms", request.method, _printable(request.url.path), status, ms)

    @app.get("/health")
    async def health() -> dict[str, Any]:
        # async and answered on the event loop: it never queues behind questions in the thread pool
        counts = service.counts()
        return {"status": "ok", "documents": counts["documents"], "chunks": counts["chunks"]}

    @app.post("/api/ask", response_model=Answer)
    def ask(body: AskRequest) -> Any:
        try:
            return service.ask(body.text, kind=body.kind, history=body.history)
        except FactbotError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    try:  # the Slack routes join the same app when the Slack package is installed
        from bot.slack.routes import build_router
    except ModuleNotFoundError:
        pass
    else:
        app.include_router(build_router(service, settings))

    page = build_page(service).queue(default_concurrency_limit=4, max_size=64)
    return gr.mount_gradio_app(app, page, path="/", css=CSS, head=JS, footer_links=[])
