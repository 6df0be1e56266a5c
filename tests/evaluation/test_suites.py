"""External suites: loading, answer matching, the gold sentence at an offset, metrics and the report table."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import BadInput
from bot.evaluation.suite_run import _own_words, metrics, names_in_source, table
from bot.evaluation.suites import SuiteItem, gold_sentence, holds, is_answer, load, names


def test_holds_ignores_case_punctuation_and_spacing() -> None:
    assert holds("It cost 14 million euros, the council said.", ["14  Million"])
    assert not holds("It cost 140 million euros.", ["14 million"])


def test_gold_sentence_is_the_one_holding_the_offset(tmp_path: Path) -> None:
    text = "Title\n\nThe bridge opened in 1932. It was closed on March 3 for repairs. Traffic resumed later."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    item = SuiteItem(
        "x", "When was it closed?", "en", True, ["March 3"], source="a.txt", answer_start=text.index("March 3")
    )
    gold = gold_sentence(tmp_path, item)
    assert gold == "It was closed on March 3 for repairs."
    assert is_answer("It was closed on March 3 for repairs.", "a.txt", item, gold)
    assert not is_answer("The bridge opened in 1932.", "a.txt", item, gold)
    assert not is_answer("It was closed on March 3 for repairs.", "b.txt", item, gold)  # right words, other article


def test_metrics_count_refusals_and_abstentions_separately() -> None:
    rows = [
        {"answerable": True, "answered": True, "right": True, "cited_right": True, "baseline_right": True},
        {"answerable": True, "answered": False, "right": False, "cited_right": False, "baseline_right": True},
        {"answerable": False, "answered": False, "right": False, "cited_right": False, "baseline_right": False},
        {"answerable": False, "answered": True, "right": False, "cited_right": False, "baseline_right": False},
    ]
    m = metrics(rows)
    assert m["accuracy"] == 0.5 and m["false_refusal"] == 0.5 and m["abstention"] == 0.5
    assert m["baseline_accuracy"] == 0.5 and m["baseline_answered_right"] == 1.0
    md = table([{"suite": "s", "split": "dev", "metrics": m}])
    assert md.splitlines()[2].startswith("| s | dev | 4 | 0.50")


def test_the_span_counts_only_the_answers_own_words() -> None:
    """An answer that names the asked-for thing states the gold answer outside its quotes; one that only
    quotes a sentence holding it does not."""
    from bot.models import Answer, Citation

    quote = "Rep. Ada Lindqvist chairs the works committee."
    cite = Citation(n=1, doc_id="d", source="a.txt", quote=quote, char_start=0, char_end=len(quote))
    named = Answer(
        query="q", status="answered", answer=f"Ada Lindqvist, according to a [1]: “{quote}”", citations=[cite]
    )
    quoted = Answer(query="q", status="answered", answer=f"According to a [1]: “{quote}”", citations=[cite])
    assert holds(_own_words(named), ["Ada Lindqvist"]) and not holds(_own_words(quoted), ["Ada Lindqvist"])
    assert holds(quoted.answer, ["Ada Lindqvist"])  # "right" still counts the quote
    rows = [
        {"answerable": True, "answered": True, "right": True, "cited_right": True, "span_right": True},
        {"answerable": True, "answered": True, "right": True, "cited_right": True, "span_right": False},
    ]
    m = metrics([{**r, "baseline_right": False} for r in rows])
    assert m["span_right"] == 0.5


def test_the_named_subset_keeps_questions_whose_names_the_source_says(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rumah sakit di Gaza City diserang pada 2004.", encoding="utf-8")
    said = SuiteItem("x", "Kapan rumah sakit di Gaza City diserang?", "id", True, ["2004"], source="a.txt")
    unsaid = SuiteItem("y", "Dimanakah letak rumah sakit Shifa?", "id", True, ["Gaza City"], source="a.txt")
    assert names_in_source(said, tmp_path) is True and names_in_source(unsaid, tmp_path) is False
    assert names_in_source(SuiteItem("z", "Where?", "en", True, ["x"]), tmp_path) is None
    rows = [
        {"answerable": True, "answered": False, "right": False, "baseline_right": True, "names_in_source": False},
        {"answerable": True, "answered": True, "right": True, "baseline_right": False, "names_in_source": True},
    ]
    m = metrics([{**r, "cited_right": False} for r in rows])
    assert m["named_items"] == 1 and m["named_right"] == 1.0 and m["named_refusal"] == 0.0
    assert m["baseline_named_right"] == 0.0 and m["false_refusal"] == 0.5
    assert "| 1 | 1.00 | 0.00 | 0.00 |" in table([{"suite": "s", "split": "dev", "metrics": m}])


def test_every_shipped_suite_loads_with_disjoint_splits() -> None:
    for name in [n for n in names() if n != "fresh"]:
        dev, dev_corpus = load(name, "dev")
        held, held_corpus = load(name, "heldout")
        assert dev and held
        assert not {p.name for p in dev_corpus.iterdir()} & {p.name for p in held_corpus.iterdir()}


def test_unknown_suite_is_a_one_line_error() -> None:
    with pytest.raises(BadInput, match="unknown suite"):
        load("no-such-suite", "dev")


def test_two_evals_of_one_suite_at_once_share_its_store(tmp_path: Path) -> None:
    """The second process waits while the first builds the suite's store, then reuses it (no double ingest)."""
    import os
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"Article {i}. The council met on day {i} and approved a plan.\n")
    script = (
        "import sys; from pathlib import Path; from bot.evaluation.suites import service_for; "
        "from bot.components.embeddings import FakeEmbeddings; "
        "svc = service_for('twice', 'dev', Path(sys.argv[1]), FakeEmbeddings()); print(svc.store.docs.count())"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path), "FACTBOT_EMBEDDER": "fake"}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(corpus)], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs == ["3", "3"]
    assert len(list((tmp_path / "factbot-suites").glob("twice-dev-*/.complete"))) == 1


def test_a_suite_store_is_keyed_on_the_ingest_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outlets, languages and offsets are decided at ingest: a store built by older ingest code is not reused."""
    import bot.evaluation.suites as suites

    root = tmp_path / "root"
    files = ["bot/ingest/pipeline.py", "bot/text/sentences.py", "bot/text/lang.py", "bot/lang/packs/id.toml"]
    for name in [*files, "bot/answer/chain.py"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("v1", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("An article.", encoding="utf-8")
    monkeypatch.setattr(suites, "ROOT", root)
    first = suites._fingerprint(corpus)
    (root / "bot/answer/chain.py").write_text("v2", encoding="utf-8")  # answering code: the store still holds
    assert suites._fingerprint(corpus) == first
    seen = {first}
    for name in files:
        (root / name).write_text("v2", encoding="utf-8")
        now = suites._fingerprint(corpus)
        assert now not in seen, name
        seen.add(now)
