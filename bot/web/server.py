"""create_app: the JSON API, the Slack routes and the Gradio page on one FastAPI app.

The service is built once and shared: the store and the embedding model are
too slow to open per request. Blocking work runs in FastAPI's thread pool.
"""

from __future__ import annotations

from typing import Any, Literal

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from bot.errors import FactbotError
from bot.models import Answer
from bot.service import FactService
from bot.web.page import build_page
from bot.web.render import CSS


class AskRequest(BaseModel):
    text: str = Field(min_length=1, description="The question or claim.")
    kind: Literal["question", "claim"] = "question"


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

    @app.get("/health")
    def health() -> dict[str, Any]:
        stats = service.stats()
        return {"status": "ok", "documents": stats["documents"], "chunks": stats["chunks"]}

    @app.post("/api/ask", response_model=Answer)
    def ask(body: AskRequest) -> Any:
        try:
            return service.ask(body.text, kind=body.kind)
        except FactbotError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    try:  # the Slack routes join the same app when the Slack package is installed
        from bot.slack.routes import build_router
    except ModuleNotFoundError:
        pass
    else:
        app.include_router(build_router(service, settings))

    page = build_page(service).queue(default_concurrency_limit=4, max_size=64)
    return gr.mount_gradio_app(app, page, path="/", css=CSS, footer_links=[])
