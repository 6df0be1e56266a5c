"""Conventional `--help` for every factbot command: flags as flags, values and arguments as CAPS metavars.

Typer 0.2x prints every parameter's Python type (`--json <bool>`, `-k <int>`) and wraps required
arguments in braces (`ask [OPTIONS] {question}`), which reads like a bug to anyone used to Unix tools.
These command and group classes rewrite the parameters once, when the command is built, so the help reads
`ask [OPTIONS] QUESTION`, `--json`, `-k N`; parsing is untouched. They are installed for every command
registered on the app (bot/cli/__init__.py), so a new command module gets them without asking.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _Argument(TyperArgument):
    """An argument shown by its metavar alone: no `<str>` type column, no braces in the usage line."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


def conventional(param: object) -> None:
    """Flags get no value column; options and arguments get their metavar (given, or the name in caps)."""
    if isinstance(param, TyperOption):
        if param.is_flag or param.count:
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = (param.name or "value").upper()
    elif isinstance(param, TyperArgument):
        name = param.metavar or (param.name or "arg").upper()
        if param.nargs != 1 and not name.endswith("..."):
            name += "..."
        param.metavar = name
        param.__class__ = _Argument


class FactbotCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            conventional(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            conventional(option)
        return option


class FactbotGroup(TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            conventional(option)
        return option
