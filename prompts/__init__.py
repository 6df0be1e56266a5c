"""Prompt templates. Installed as the package ``bot.prompts`` (see pyproject's package-dir); read them with
``bot.prompts_loader.load_prompt``, never by a path relative to the source tree."""
