"""The Gradio page: a Chat tab (ask or fact-check; answers with [n] links into a sources panel that follows
the selected answer; export the conversation as Markdown) and a Documents tab (bot/web/documents.py).

The answers are kept as Answer dicts in a State beside the rendered bubbles: follow-ups, the panel and the
export all need the citations, which the Markdown of a bubble no longer carries."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import gradio as gr

from bot.answer.history import MAX_TURN_CHARS, MAX_TURNS
from bot.errors import FactbotError
from bot.models import Answer
from bot.service import FactService
from bot.web.documents import build_documents_tab
from bot.web.export import conversation_markdown, export_filename
from bot.web.render import chat_markdown, sources_html, stats_markdown

_MODES = {"Question": "question", "Claim": "claim"}
_EXPORTS = Path(tempfile.gettempdir()) / "factbot-exports"
_EXPORT_TTL_S = 3600


def load_examples(path: Path) -> list[list[str]]:
    """[text, mode label] pairs from the corpus's examples file. Examples speak of one corpus, so they
    live beside it (data/examples.jsonl), never in the package; a bad or missing file shows none."""
    labels = {v: k for k, v in _MODES.items()}
    out: list[list[str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return out
    for line in lines:
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and str(row.get("text") or "").strip():
            out.append([str(row["text"]), labels.get(str(row.get("kind", "question")), "Question")])
    return out


def chat_history(store: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The earlier turns for a follow-up, from the stored Answers (not the rendered bubbles): each question
    as it was resolved, then the plain answer text, the last MAX_TURNS of them."""
    turns: list[dict[str, str]] = []
    for a in store:
        question = str(a.get("resolved_query") or a.get("query") or "")[:MAX_TURN_CHARS]
        if question.strip():
            turns.append({"text": question, "kind": a.get("kind") or "question"})
        answer = str(a.get("answer") or "")[:MAX_TURN_CHARS]
        if answer.strip():
            turns.append({"text": answer, "kind": "answer"})
    return turns[-MAX_TURNS:]


def write_export(store: list[dict[str, Any]]) -> Path:
    """The conversation's Markdown in a file of its own folder (so two sessions never share a name) for the
    download button; folders older than an hour go, as Gradio has copied their file into its cache by then."""
    _EXPORTS.mkdir(parents=True, exist_ok=True)
    for old in _EXPORTS.iterdir():
        try:
            if time.time() - old.stat().st_mtime > _EXPORT_TTL_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue
    folder = Path(tempfile.mkdtemp(dir=_EXPORTS))
    path = folder / export_filename()
    path.write_text(conversation_markdown(Answer.model_validate(a) for a in store), encoding="utf-8")
    return path


def build_page(service: FactService) -> gr.Blocks:
    with gr.Blocks(title="factbot — fact-check from your sources", analytics_enabled=False) as page:
        gr.Markdown("## factbot\nAnswers and fact-checks **only from the ingested articles**, quoting them verbatim.")
        stats = gr.Markdown(stats_markdown(service.stats()), elem_id="fb-stats")
        answers = gr.State([])  # one Answer dict per bot message, in chat order
        with gr.Tabs():
            with gr.Tab("Chat", id="chat", elem_id="fb-chat-tab"), gr.Row(elem_classes=["fb-row"]):
                with gr.Column(scale=3, min_width=300, elem_id="fb-left"):
                    chat = gr.Chatbot(label="Chat", height=460, elem_id="fb-chat", buttons=["copy_all"])
                    mode = gr.Radio(list(_MODES), value="Question", label="Mode", elem_id="fb-mode")
                    with gr.Row(elem_id="fb-inputrow"):
                        text = gr.Textbox(
                            label="Question or claim",
                            placeholder="Ask a question or paste a claim…",
                            show_label=False,
                            scale=5,
                            elem_id="fb-input",
                            max_length=service.settings.max_query_chars,
                        )
                        send = gr.Button("Send", variant="primary", scale=1, elem_id="fb-send")
                    with gr.Row(elem_id="fb-tools"):
                        export = gr.DownloadButton(
                            "Export notes (Markdown)", size="sm", interactive=False, elem_id="fb-export"
                        )
                    examples = load_examples(service.settings.examples_file)
                    if examples:
                        gr.Examples(examples, inputs=[text, mode], label="Examples", elem_id="fb-examples")
                with gr.Column(scale=2, min_width=280, elem_id="fb-right"):
                    gr.Markdown("### Sources")
                    panel = gr.HTML(sources_html(service, None), elem_id="fb-sources")
            build_documents_tab(service, stats)

        def respond(message: str, kind_label: str, history: list[dict[str, Any]], store: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
            message = (message or "").strip()
            if not message:
                return "", history, store, gr.update(), gr.update()
            try:
                kind = _MODES.get(kind_label, "question")
                ans = service.ask(message, kind=kind, history=chat_history(store))  # type: ignore[arg-type]
            except FactbotError as exc:
                ans = Answer(query=message, status="not_found", answer=f"Error: {exc}")
            turn = len(store)
            history = [
                *history,
                {"role": "user", "content": message},
                {"role": "assistant", "content": chat_markdown(ans, turn)},
            ]
            store = [*store, ans.model_dump()]
            download = gr.update(value=str(write_export(store)), interactive=True)
            return "", history, store, sources_html(service, ans, turn), download

        def select(store: list[dict[str, Any]], evt: gr.SelectData) -> Any:
            bot_index = evt.index // 2 if isinstance(evt.index, int) else None
            if bot_index is None or not 0 <= bot_index < len(store):
                return gr.update()
            return sources_html(service, Answer.model_validate(store[bot_index]), bot_index)

        inputs = [text, mode, chat, answers]
        outputs = [text, chat, answers, panel, export]
        send.click(respond, inputs, outputs)
        text.submit(respond, inputs, outputs)
        chat.select(select, [answers], [panel])
    return page
