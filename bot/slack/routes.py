"""POST /slack/commands and /slack/events: verified with Slack's signing secret, acked at once,
answered in the background (response_url for the slash command, a threaded reply for mentions).
A mention inside a thread is answered with the thread's earlier questions and answers as history, so
"@factbot when was that said?" works there as it does on the chat page."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.answer.history import MAX_TURN_CHARS, MAX_TURNS
from bot.errors import FactbotError
from bot.lang import alternation, words
from bot.logs import preview
from bot.models import Kind
from bot.service import FactService
from bot.settings import Settings
from bot.slack.blocks import answer_blocks
from bot.slack.webhook import post_to

USAGE = "Usage: `/factcheck [public] QUESTION OR CLAIM` — e.g. `/factcheck who said Russia will help build satellites?`"
# A question word (bot/lang/packs), an English auxiliary or "di mana" opening the text makes it a question.
_QUESTION_START = re.compile(
    rf"^({alternation([*words('question'), 'did', 'does', 'is', 'are', 'was', 'were', 'di mana', 'dimana'])})\b", re.I
)
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
log = logging.getLogger(__name__)


def detect_kind(text: str) -> tuple[Kind, str]:
    """`ask:`/`check:` prefixes win; otherwise a question mark or question word means a question."""
    low = text.strip().lower()
    for prefix, kind in (("ask:", "question"), ("check:", "claim")):
        if low.startswith(prefix):
            return kind, text.strip()[len(prefix) :].strip()  # type: ignore[return-value]
    if low.endswith("?") or _QUESTION_START.match(low):
        return "question", text.strip()
    return "claim", text.strip()


def thread_history(messages: list[dict[str, Any]], current_ts: str | None) -> list[dict[str, str]]:
    """Earlier turns of a thread, oldest first: bot messages are answers, and people's messages that mention
    someone (factbot, as far as we can tell without an extra API call) are questions or claims; chatter in
    between is left out, since a follow-up leans on the last question asked, not on "thanks!"."""
    turns: list[dict[str, str]] = []
    for msg in messages:
        if _ts(msg.get("ts")) >= _ts(current_ts):
            break
        raw = str(msg.get("text") or "")
        text = _MENTION.sub("", raw).strip()[:MAX_TURN_CHARS]
        if not text:
            continue
        if msg.get("bot_id") or msg.get("subtype") == "bot_message":
            turns.append({"text": text, "kind": "answer"})
        elif _MENTION.search(raw):
            kind, text = detect_kind(text)
            if text:
                turns.append({"text": text, "kind": kind})
    return turns[-MAX_TURNS:]


def _ts(value: object) -> float:
    """Slack timestamps ("1700000000.000100") as numbers; a missing one sorts last."""
    try:
        return float(str(value))
    except ValueError:
        return float("inf")


class _Seen:
    """Ids already handled (event_id, trigger_id), so Slack's retries never produce a second answer."""

    def __init__(self, size: int = 2048) -> None:
        self._ids: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._ids:
                return False
            self._ids[key] = time.time()
            while len(self._ids) > self._size:
                self._ids.popitem(last=False)
            return True


def build_router(service: FactService, settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/slack")
    seen = _Seen()

    async def verified(request: Request) -> bytes | Response:
        """The raw body if Slack signed it; a 503/401 response otherwise, before anything else happens."""
        if not settings.slack_signing_secret:
            return JSONResponse({"error": "Slack is not configured (FACTBOT_SLACK_SIGNING_SECRET)"}, status_code=503)
        body = await request.body()
        ts = request.headers.get("x-slack-request-timestamp")
        sig = request.headers.get("x-slack-signature")
        if not ts or not sig or not SignatureVerifier(settings.slack_signing_secret).is_valid(body, ts, sig):
            return JSONResponse({"error": "invalid or stale Slack signature"}, status_code=401)
        return body

    def answer_to_url(text: str, response_url: str, public: bool) -> None:
        kind, text = detect_kind(text)
        log.info("slash command: %s %s (%s)", kind, preview(text), "public" if public else "ephemeral")
        try:
            out, blocks = answer_blocks(service.ask(text, kind=kind))
        except FactbotError as exc:
            log.info("slash command refused: %s", exc)
            out, blocks = f"factbot: {exc}", None
        post_to(response_url, out, blocks, response_type="in_channel" if public else "ephemeral")

    def answer_in_thread(event: dict[str, Any]) -> None:
        text = _MENTION.sub("", str(event.get("text", ""))).strip()
        client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
        thread = event.get("thread_ts") or event.get("ts")
        if not text:
            client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=USAGE)
            return
        kind, text = detect_kind(text)
        history = earlier_in_thread(client, event) if event.get("thread_ts") else []
        log.info("mention in %s: %s %s (%d earlier turn(s))", event.get("channel"), kind, preview(text), len(history))
        try:
            out, blocks = answer_blocks(service.ask(text, kind=kind, history=history))
        except FactbotError as exc:
            log.info("mention refused: %s", exc)
            out, blocks = f"factbot: {exc}", []
        client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=out, blocks=blocks or None)

    def earlier_in_thread(client: WebClient, event: dict[str, Any]) -> list[dict[str, str]]:
        """The thread's history when Slack gives it (needs the *:history scopes); none otherwise."""
        try:
            reply = client.conversations_replies(channel=event["channel"], ts=event["thread_ts"], limit=200)
            messages = reply.get("messages") or []
        except Exception as exc:  # noqa: BLE001 - a missing scope or a Slack hiccup: answer without history
            log.warning("no thread history for a mention (%s); answering without it", type(exc).__name__)
            return []
        return thread_history([m for m in messages if isinstance(m, dict)], str(event.get("ts") or ""))

    @router.post("/commands")
    async def commands(request: Request) -> Any:
        body = await verified(request)
        if isinstance(body, Response):
            return body
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        text = form.get("text", "").strip()
        if not text:
            return {"response_type": "ephemeral", "text": USAGE}
        key = (
            form.get("trigger_id")
            or f"{form.get('user_id')}:{form.get('command')}:{text}:{request.headers['x-slack-request-timestamp']}"
        )
        if request.headers.get("x-slack-retry-num") or not seen.first_time(key):
            log.info("slash command retry ignored")
            return Response(status_code=200)
        public = text.split(maxsplit=1)[0].lower() == "public"
        if public:
            text = text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""
            if not text:
                return {"response_type": "ephemeral", "text": USAGE}
        if form.get("response_url"):
            threading.Thread(
                target=_quietly, args=(answer_to_url, text, form["response_url"], public), daemon=True
            ).start()
        return {"response_type": "ephemeral", "text": f"checking… _{text[:200]}_"}

    @router.post("/events")
    async def events(request: Request) -> Any:
        body = await verified(request)
        if isinstance(body, Response):
            return body
        try:
            payload = json.loads(body)
        except json.JSONDecodeError:
            return JSONResponse({"error": "malformed JSON"}, status_code=400)
        if payload.get("type") == "url_verification":
            return {"challenge": payload.get("challenge")}
        event = payload.get("event") or {}
        if payload.get("type") != "event_callback" or event.get("type") != "app_mention":
            return Response(status_code=200)
        if event.get("bot_id") or event.get("subtype") == "bot_message":
            return Response(status_code=200)  # never answer a bot, ours included: no loops
        if not seen.first_time(str(payload.get("event_id") or event.get("client_msg_id") or event.get("ts"))):
            log.info("event %s already handled (a Slack retry)", payload.get("event_id"))
            return Response(status_code=200)
        threading.Thread(target=_quietly, args=(answer_in_thread, event), daemon=True).start()
        return Response(status_code=200)

    return router


def _quietly(fn: Any, *args: Any) -> None:
    """Background work must not kill the server thread; a failure is one ERROR line (the traceback at DEBUG)."""
    try:
        fn(*args)
    except Exception as exc:  # noqa: BLE001 - the request is long answered; log and move on
        log.error("slack reply failed: %s: %s", type(exc).__name__, preview(str(exc), 200))
        log.debug("slack reply failure", exc_info=True)
