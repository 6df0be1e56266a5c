"""The `factbot` console script: one typer app, command groups registered in one place."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer
from pydantic import ValidationError

from bot.cli.helptext import FactbotCommand, FactbotGroup
from bot.errors import FactbotError
from bot.logs import LEVELS as LOG_LEVELS
from bot.logs import configure


class _App(typer.Typer):
    """Every command registered here gets the conventional help of bot.cli.helptext."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", FactbotCommand)
        return super().command(*args, **kwargs)


app = _App(
    name="factbot",
    cls=FactbotGroup,
    help="Answer questions and check claims only from your own article corpus, with verbatim citations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _level(value: str | None) -> str | None:
    if value is not None and value.strip().upper() not in LOG_LEVELS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(LOG_LEVELS)}")
    return value.strip().upper() if value else None


@app.callback()
def _root(
    ctx: typer.Context,
    log_level: str | None = typer.Option(
        None,
        "--log-level",
        metavar="LEVEL",
        callback=_level,
        help="Log records on stderr from DEBUG up (default: FACTBOT_LOG_LEVEL, else WARNING; INFO for serve).",
    ),
) -> None:
    """Answer questions and check claims only from your own article corpus, with verbatim citations."""
    ctx.obj = {"log_level": log_level}
    configure_logging(ctx)


def configure_logging(ctx: typer.Context, default: str = "ERROR") -> None:
    """The one place the CLI sets up logging: --log-level, else FACTBOT_LOG_LEVEL, else `default`.

    One-shot commands default to ERROR: they already print every refused file and warning themselves, and a
    second copy as a log record would land in the middle of the progress bar. `factbot serve` asks for INFO."""
    from bot.settings import get_settings

    chosen = (ctx.find_root().obj or {}).get("log_level")
    configure(chosen or get_settings().log_level, default=default)


# Every command module, in help order; each adds its commands to `app` when imported. A missing one is a
# packaging bug and fails loudly instead of silently dropping commands.
_COMMAND_MODULES = ("bot.cli.ingest", "bot.cli.ask", "bot.cli.docs", "bot.cli.serve", "bot.cli.eval", "bot.cli.dev")


def _register() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    """Entry point: user errors become one line on stderr and exit 2, never a traceback."""
    _register()
    try:
        app(standalone_mode=True, prog_name="factbot")
    except FactbotError as exc:
        print(f"factbot: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except ValidationError as exc:  # a bad FACTBOT_* setting
        err = exc.errors()[0]
        print(f"factbot: error: bad setting FACTBOT_{str(err['loc'][0]).upper()}: {err['msg']}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("factbot: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # a bug or a broken store: one line, the traceback only on request
        if os.environ.get("FACTBOT_DEBUG"):
            raise
        print(
            f"factbot: internal error: {type(exc).__name__}: {exc} (set FACTBOT_DEBUG=1 for details)", file=sys.stderr
        )
        sys.exit(1)
