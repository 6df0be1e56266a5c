"""`factbot serve`"""

from __future__ import annotations

import typer

from bot.cli import app, configure_logging
from bot.cli.common import service


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option(None, "--host", help="Bind address (default from settings: 127.0.0.1)."),
    port: int = typer.Option(None, "--port", help="Port (default from settings: 7860)."),
) -> None:
    """One web process: the chat page at /, GET /health, POST /api/ask and the Slack endpoints."""
    configure_logging(ctx, default="INFO")  # one line per request (bot/web/server.py) unless asked otherwise
    import uvicorn

    from bot.settings import get_settings
    from bot.web.malloc import cap_arenas
    from bot.web.server import create_app

    cap_arenas(get_settings().malloc_arenas)  # before the store's and the server's threads start
    svc = service()
    svc.warm()  # the store, the lexical index and what the first questions would pay for, before serving
    documents = svc.counts()["documents"]
    h, p = host or svc.settings.host, port or svc.settings.port
    print(f"factbot: serving http://{h}:{p}/ ({documents} documents)")
    # bot.web.server's "factbot.web" request lines replace uvicorn's access log
    uvicorn.run(create_app(svc), host=h, port=p, log_level="warning", access_log=False)
