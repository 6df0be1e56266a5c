"""`python -m bot.cli` runs the same CLI as the `factbot` command."""

from bot.cli import main

main()
