"""Which name of an "A, B -" dateline is the outlet: learned from the corpus, not from a list of outlets."""

from __future__ import annotations

from pathlib import Path

from tests_support import make_settings

from bot.components.embeddings import FakeEmbeddings
from bot.ingest.datelines import DatelineVotes
from bot.service import FactService

BODY = "Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua kecamatan pada hari Senin."


def page(place: str, outlet: str) -> str:
    return f"Jembatan baru di {place}\n\n{place}, {outlet} - {BODY}\n\nWarga menyambut baik pembangunan itu."


def test_the_name_datelined_with_more_places_is_the_outlet() -> None:
    votes = DatelineVotes()
    for i, place in enumerate(["Banda Aceh", "Medan", "Palu"]):
        votes.note(f"d{i}", page(place, "Warta Pagi"))
    assert votes.decide("d0") == "Warta Pagi" and votes.decide("d2") == "Warta Pagi"
    assert votes.decide("d0") is None  # decided once, at commit
    alone = DatelineVotes()
    alone.note("x", page("Surabaya", "Warta Pagi"))
    assert alone.decide("x") == "Surabaya"  # one page says nothing more than the line: the first name stays
    known = DatelineVotes(known=["Warta Pagi"])
    known.note("y", page("Surabaya", "Warta Pagi"))
    assert known.decide("y") == "Warta Pagi"  # an outlet the store already credits
    assert DatelineVotes().decide("none") is None


def test_pages_decided_early_are_revisited_with_the_whole_batch() -> None:
    votes = DatelineVotes()
    votes.note("first", page("Jakarta", "Warta Pagi"))
    assert votes.decide("first") == "Jakarta"  # committed alone: a tie, the first name
    for i, place in enumerate(["Medan", "Palu"]):
        votes.note(f"d{i}", page(place, "Warta Pagi"))
        assert votes.decide(f"d{i}") == "Warta Pagi"
    assert votes.revisit() == {"first": "Warta Pagi"} and votes.revisit() == {}
    votes.note("skipped", page("Ambon", "Warta Pagi"))
    votes.forget("skipped")  # not committed: nothing kept of it but its pair
    assert votes.decide("skipped") is None and votes.partners("Warta Pagi") == 4


def test_a_day_after_the_place_is_no_outlet() -> None:
    votes = DatelineVotes()
    for i, place in enumerate(["Helsinki", "Toronto", "Kairo"]):
        votes.note(f"d{i}", page(place, "Sabtu"))
        assert votes.decide(f"d{i}") is None


def test_an_ingest_credits_the_outlet_not_the_place_and_remembers_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, place in enumerate(["Banda Aceh", "Medan", "Kairo"]):
        (corpus / f"a{i}.txt").write_text(page(place, "Warta Pagi"), encoding="utf-8")
    # pages committed one at a time: the first is decided before the others are seen, then revisited
    svc = FactService(
        make_settings(tmp_path / "store", embedder="fake", embed_batch_size=1), embeddings=FakeEmbeddings()
    )
    svc.ingest([corpus])
    assert {d.outlet for d in svc.documents()} == {"Warta Pagi"}
    later = tmp_path / "later.txt"
    later.write_text(page("Palu", "Warta Pagi").replace("Senin", "Selasa"), encoding="utf-8")
    svc.ingest([later])  # a page alone, in a later run: the store's outlets decide
    assert {d.outlet for d in svc.documents()} == {"Warta Pagi"} and len(svc.documents()) == 4
