"""`factbot serve`"""

from __future__ import annotations

import logging

import typer

from bot.cli import app
from bot.cli.common import service


@app.command()
def serve(
    host: str = typer.Option(None, "--host", help="Bind address (default from settings: 127.0.0.1)."),
    port: int = typer.Option(None, "--port", help="Port (default from settings: 7860)."),
) -> None:
    """One web process: the chat page at /, GET /health, POST /api/ask and the Slack endpoints."""
    import uvicorn

    from bot.web.server import create_app

    svc = service()
    documents = svc.stats()["documents"]  # open the store now, not on the first request
    svc.retriever  # noqa: B018 - build the lexical index before serving
    h, p = host or svc.settings.host, port or svc.settings.port
    print(f"factbot: serving http://{h}:{p}/ ({documents} documents)")
    # one line per request from bot.web.server's "factbot.web" logger replaces uvicorn's access log
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("factbot").setLevel(logging.INFO)
    uvicorn.run(create_app(svc), host=h, port=p, log_level="warning", access_log=False)
