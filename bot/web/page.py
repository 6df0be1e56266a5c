"""The Gradio chat page: ask or fact-check, answers with [n] markers, and a sources panel that follows
the selected answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gradio as gr

from bot.answer.history import MAX_TURN_CHARS, MAX_TURNS
from bot.errors import FactbotError
from bot.models import Answer
from bot.service import FactService
from bot.web.render import chat_markdown, sources_html, stats_markdown

_MODES = {"Question": "question", "Claim": "claim"}


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


def build_page(service: FactService) -> gr.Blocks:
    with gr.Blocks(title="factbot — fact-check from your sources", analytics_enabled=False) as page:
        gr.Markdown("## factbot\nAnswers and fact-checks **only from the ingested articles**, quoting them verbatim.")
        stats = gr.Markdown(stats_markdown(service.stats()), elem_id="fb-stats")
        answers = gr.State([])  # one Answer dict per bot message, in chat order
        with gr.Row(elem_classes=["fb-row"]):
            with gr.Column(scale=3, min_width=300):
                chat = gr.Chatbot(label="Chat", height=460, elem_id="fb-chat")
                mode = gr.Radio(list(_MODES), value="Question", label="Mode", elem_id="fb-mode")
                with gr.Row():
                    text = gr.Textbox(
                        placeholder="Ask a question or paste a claim…",
                        show_label=False,
                        scale=5,
                        elem_id="fb-input",
                        max_length=service.settings.max_query_chars,
                    )
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="fb-send")
                examples = load_examples(service.settings.examples_file)
                if examples:
                    gr.Examples(examples, inputs=[text, mode], label="Examples")
            with gr.Column(scale=2, min_width=280):
                gr.Markdown("### Sources")
                panel = gr.HTML(sources_html(service, None), elem_id="fb-sources")
        with gr.Accordion("Add articles", open=False):
            files = gr.File(file_count="multiple", file_types=[".txt", ".md", ".html", ".htm"], label="Files")
            upload = gr.Button("Ingest", elem_id="fb-ingest")
            upload_log = gr.Markdown()

        def respond(message: str, kind_label: str, history: list[dict[str, Any]], store: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
            message = (message or "").strip()
            if not message:
                return "", history, store, gr.update()
            try:
                kind = _MODES.get(kind_label, "question")
                ans = service.ask(message, kind=kind, history=chat_history(store))  # type: ignore[arg-type]
            except FactbotError as exc:
                ans = Answer(query=message, status="not_found", answer=f"Error: {exc}")
            history = [
                *history,
                {"role": "user", "content": message},
                {"role": "assistant", "content": chat_markdown(ans)},
            ]
            store = [*store, ans.model_dump()]
            return "", history, store, sources_html(service, ans)

        def select(store: list[dict[str, Any]], evt: gr.SelectData) -> Any:
            bot_index = evt.index // 2 if isinstance(evt.index, int) else None
            if bot_index is None or not 0 <= bot_index < len(store):
                return gr.update()
            return sources_html(service, Answer.model_validate(store[bot_index]))

        def ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[str, str]:  # noqa: B008
            if not paths:
                return "Choose files first.", stats_markdown(service.stats())
            progress(0, desc="ingesting")
            report = service.ingest([Path(p) for p in paths], progress=lambda msg: progress(None, desc=msg))
            lines = [f"Ingested {report.added} new, {report.replaced} replaced, {report.skipped} unchanged."]
            lines += [f"- ❌ {Path(e.path).name}: {e.reason}" for e in report.errors]
            return "\n".join(lines), stats_markdown(service.stats())

        inputs = [text, mode, chat, answers]
        outputs = [text, chat, answers, panel]
        send.click(respond, inputs, outputs)
        text.submit(respond, inputs, outputs)
        chat.select(select, [answers], [panel])
        upload.click(ingest, [files], [upload_log, stats])
    return page
