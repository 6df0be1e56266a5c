"""The index's chunk rows as columns: the same rows back, found by chunk id, written and read."""

from __future__ import annotations

from pathlib import Path

from bot.retrieval import row_table
from bot.retrieval.row_table import RowTable

ROWS = [
    ("b2:0000", "b2", 0, 380, 0),
    ("a1:0001", "a1", 330, 700, 1),
    ("a1:0000", "a1", 0, 390, 0),
    ("c3-ünï:0000", "c3-ünï", 5, 9, 0),  # ids are not always ASCII
]


def test_rows_come_back_in_order_and_are_found_by_id(tmp_path: Path) -> None:
    table = RowTable.from_rows(ROWS)
    table.write(tmp_path)
    read = row_table.read(tmp_path)
    assert list(read) == ROWS and len(read) == 4 and read[3] == ROWS[3]
    assert [read.find(r[0]) for r in ROWS] == [0, 1, 2, 3]
    assert read.find("a1:0002") is None and read.find("") is None and read.find("zz") is None
    asked = ["zz", "a1:0000", "a1:0002", "c3-ünï:0000", "", "b2:0000"]
    assert read.find_many(asked) == {"a1:0000": 2, "c3-ünï:0000": 3, "b2:0000": 0}
    assert [read.chunk_id(i) for i in range(4)] == [r[0] for r in ROWS]


def test_an_empty_table_finds_nothing(tmp_path: Path) -> None:
    table = RowTable.from_rows([])
    table.write(tmp_path)
    read = row_table.read(tmp_path)
    assert len(read) == 0 and not list(read) and read.find("a1:0000") is None and read.find_many(["a1:0000"]) == {}
