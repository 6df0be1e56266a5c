"""Errors a user can fix: surfaces print them as one line (CLI exit 2, web 4xx), never a traceback."""


class FactbotError(Exception):
    """Bad input or configuration, with a message fit to show as is."""


class BadInput(FactbotError):
    """The text, file or request itself is unusable."""
