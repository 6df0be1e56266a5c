"""The page's CSS and its one script, passed to gr.mount_gradio_app (css=, head=).

Why a script at all: Gradio renders chat bubbles as sanitised Markdown, so a `[n]` marker can be a plain
`#fb-src-…` link but cannot carry a handler. The script catches those clicks (capture phase, so the
chatbot's own select event still fires and switches the panel to that answer), waits for the card to
be in the panel, marks it and scrolls to it; and it marks the chat bubble whose sources the panel shows,
reading the panel's `data-turn`, so the server stays the one place that decides what is selected.
Selectors name only our own ids and classes plus Gradio's `.bot-row`, checked by the browser test.
"""

from __future__ import annotations

CSS = """
.fb-sources {font-size: 0.92rem; line-height: 1.45;}
.fb-following {color: #57606a; font-size: 0.85rem; margin-bottom: 8px;}
.fb-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; margin: 0 0 10px 0;
  scroll-margin: 12px; transition: box-shadow .2s, border-color .2s;}
.fb-card.fb-selected {border-color: #0969da; box-shadow: 0 0 0 3px rgba(9, 105, 218, .35);}
.fb-meta {color: #57606a; font-size: 0.85rem;}
.fb-meta a, .fb-file {margin-left: 6px;}
.fb-file {font-family: ui-monospace, monospace; font-size: 0.8rem;}
.fb-title {font-weight: 600; margin: 2px 0 6px 0;}
.fb-context {white-space: pre-wrap;}
.fb-context mark {background: #fff3b0; padding: 0 2px;}
.fb-badge {display: inline-block; color: white; border-radius: 12px; padding: 2px 10px; margin-bottom: 8px;}
.fb-warning {background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px; margin-bottom: 8px;}
.fb-empty, .fb-note {color: #57606a;}
#fb-chat [role=log] {padding-top: 40px;}
#fb-chat a[href^="#fb-src-"] {text-decoration: none; font-weight: 600; color: #0969da;}
#fb-chat .bot-row.fb-current [data-testid=bot] {box-shadow: 0 0 0 2px #0969da; border-radius: 8px;}
#fb-chat .bot-row.fb-current [data-testid=bot]::before {content: "sources shown →"; display: block;
  font-size: 0.75rem; color: #0969da; margin-bottom: 2px;}
.fb-doc-preview {white-space: pre-wrap; max-height: 420px; overflow-y: auto; border: 1px solid #d0d7de;
  border-radius: 8px; padding: 8px 10px; font-size: 0.9rem;}
.fb-doc-preview .fb-flagged {background: #ffebe9; text-decoration: line-through;}
@media (max-width: 720px) {
  .fb-row {flex-direction: column !important;}
  #fb-left {display: contents !important;}
  #fb-left > * {order: 3;}
  #fb-left > #fb-chat {order: 1;}
  #fb-right {order: 2;}
}
"""

JS = """
<script>
(() => {
  function markBubble() {
    const panel = document.querySelector('#fb-sources .fb-sources[data-turn]');
    const turn = panel ? Number(panel.dataset.turn) : -1;
    document.querySelectorAll('#fb-chat .bot-row').forEach((row, i) => {
      if (row.classList.contains('fb-current') !== (i === turn)) row.classList.toggle('fb-current', i === turn);
    });
  }
  function selectCard(id, tries) {
    const card = document.getElementById(id);
    if (!card || !card.closest('#fb-sources')) {
      if (tries < 60) setTimeout(() => selectCard(id, tries + 1), 100);
      return;
    }
    document.querySelectorAll('#fb-sources .fb-card.fb-selected').forEach((c) => c.classList.remove('fb-selected'));
    card.classList.add('fb-selected');
    card.scrollIntoView({behavior: 'smooth', block: 'center'});
  }
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[href^="#fb-src-"]') : null;
    if (!link) return;
    e.preventDefault();
    selectCard(link.getAttribute('href').slice(1), 0);
  }, true);
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; markBubble(); });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
</script>
"""
