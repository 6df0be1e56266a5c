"""Examples on the page come from the corpus's own file, never from the package."""

from __future__ import annotations

from pathlib import Path

from bot.web.page import load_examples


def test_examples_are_read_from_the_corpus_file(tmp_path: Path) -> None:
    f = tmp_path / "examples.jsonl"
    f.write_text(
        '{"text": "Who opened the bridge?", "kind": "question"}\n'
        "not json\n"
        '{"text": "The bridge opened in May", "kind": "claim"}\n'
        '{"text": "  "}\n',
        encoding="utf-8",
    )
    assert load_examples(f) == [["Who opened the bridge?", "Question"], ["The bridge opened in May", "Claim"]]


def test_no_file_means_no_examples(tmp_path: Path) -> None:
    assert load_examples(tmp_path / "absent.jsonl") == []
    (tmp_path / "bin.jsonl").write_bytes(b"\xff\xfe\x00junk")
    assert load_examples(tmp_path / "bin.jsonl") == []


def test_the_package_names_no_example_of_the_sample_corpus() -> None:
    page = (Path(__file__).resolve().parents[2] / "bot" / "web" / "page.py").read_text(encoding="utf-8")
    for line in (Path(__file__).resolve().parents[2] / "data" / "examples.jsonl").read_text().splitlines():
        assert line.split('"text": "')[1][:20] not in page
