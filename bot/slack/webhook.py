"""Posting to Slack URLs (incoming webhook, a slash command's response_url) with retries on 429/5xx."""

from __future__ import annotations

from typing import Any

from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.errors import FactbotError
from bot.models import Answer
from bot.settings import Settings
from bot.slack.blocks import answer_blocks, clip


def post_to(
    url: str, text: str, blocks: list[dict[str, Any]] | None = None, response_type: str | None = None, retries: int = 3
) -> None:
    client = WebhookClient(
        url,
        timeout=10,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=retries),
            RateLimitErrorRetryHandler(max_retry_count=retries),
            ServerErrorRetryHandler(max_retry_count=retries),
        ],
    )
    try:
        resp = client.send(text=text, blocks=blocks, response_type=response_type)
    except Exception as exc:  # network errors arrive as assorted urllib/socket exceptions
        raise FactbotError(f"could not reach Slack: {type(exc).__name__}: {exc}") from exc
    if resp.status_code != 200:
        raise FactbotError(f"Slack answered {resp.status_code}: {clip(str(resp.body), 200)}")


def post_answer(ans: Answer, settings: Settings) -> None:
    if not settings.slack_webhook_url:
        raise FactbotError("--slack needs FACTBOT_SLACK_WEBHOOK_URL (an incoming webhook URL)")
    text, blocks = answer_blocks(ans)
    post_to(settings.slack_webhook_url, text, blocks)


def post_text(text: str, settings: Settings, blocks: list[dict[str, Any]] | None = None) -> None:
    """Used by `factbot eval --slack` for its summary."""
    if not settings.slack_webhook_url:
        raise FactbotError("--slack needs FACTBOT_SLACK_WEBHOOK_URL (an incoming webhook URL)")
    post_to(settings.slack_webhook_url, clip(text), blocks)
