"""Cleaning each real sample scrape: named boilerplate lines go, every body sentence stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.pipeline import build_document
from bot.settings import Settings
from bot.text.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "data"

GONE = {
    "000_a856f8a56b9e8d9f.txt": [
        "Lupa Kata Sandi",
        "Belum Memiliki Akun",
        "Konfirmasi Email",
        "Kirimkan Lagi Sekarang",
        "Iklan",
        "Scroll Untuk Melanjutkan",
        "image-gnews",
        "Pilihan Editor",
        "Rekomendasi Artikel",
        "Video Pilihan",
        "Badai Milton",
        "Han Kang",
        "Timnas Indonesia",
        "29 menit lalu",
        "Konten sponsor",
    ],
    "001_e55747e849a101e5.txt": [
        "Rekomendasi untuk Anda",
        "Berita Terkini",
        "© 2025 TribunNews.com",
        "kp/rs (AP, Reuters)",
        "Sumber: Deutsche Welle",
    ],
    "002_73da10b1a9250460.txt": [
        "Baca berita tanpa iklan",
        "Baca juga",
        "Halaman:",
        "Terkini Lainnya",
        "Netanyahu",
        "Mona Lisa",
        "Close Ads",
        "Bagikan artikel ini",
        "Login untuk memaksimalkan",
        "Komentar",
    ],
    "003_8d5f13bb3a7b2948.txt": [
        "Lupa Kata Sandi",
        "rudihamdani@gmail.com",
        "Kami telah mengirimkan link aktivasi",
        "Scroll Untuk Melanjutkan",
        "Gunung Rinjani",
        "Meta Memblokir",
        "Pilihan Editor",
        "Rekomendasi Artikel",
    ],
    "004_828710dd0518d4aa.txt": [
        "loading...",
        "A A A",
        "\n\nFoto/AP\n\n",
        "Dapatkan berita terkini",
        "Baca Berita Terkait",
        "Copyright ©",
        "All Rights Reserved",
        "read/ rendering",
        "(ahm)",
        "7 Fakta Kedatangan Putin...",
    ],
}

KEPT = {
    "000_a856f8a56b9e8d9f.txt": [
        "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit.",
        "“Sulit bagi saya untuk membayangkan bahwa Xi Jinping, Kim Jong Un, dan Vladimir Putin dapat cukup percaya",
        "kata Andrei Lankov, pakar Korea di Universitas Kookmin di Seoul.",
    ],
    "001_e55747e849a101e5.txt": [
        "Putin juga menyampaikan rasa terima kasihnya kepada Korea Utara",
        "visi hubungan internasional Putin-Kim ini gagal.”",
        "Menukar sumber daya alam dengan buruh kerja",
    ],
    "002_73da10b1a9250460.txt": [
        "menunggu Kim selama 30 menit di tempat pertemuan.",
        "Putin menyapa Kim dengan jabat tangan erat selama sekitar 40 detik.",
        "Media pemerintah Korea Utara memuji pertemuan puncak tersebut sebagai “tonggak baru”",
    ],
    "003_8d5f13bb3a7b2948.txt": [
        "Kim Jong Un memandu langsung Menteri Luar Negeri Sergei Shoigu",
        "untuk mempekerjakan 20.000 hingga 50.000 pekerja Korea Utara",
        "membantu membangun kembali wilayah yang dilanda perang tersebut.",
    ],
    "004_828710dd0518d4aa.txt": [
        "berbicara tatap muka selama sekitar dua jam dalam pertemuan yang semula direncanakan berlangsung satu jam.",
        "Menteri Pertahanan Andrei Belousov dan Menteri Luar Negeri Sergey Lavrov",
        "Korea Selatan menyiarkan propaganda anti-Korea Utara dengan pengeras suara.",
    ],
}


@pytest.fixture(scope="module")
def docs() -> dict[str, object]:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return {name: build_document(DATA / name, settings)[0] for name in GONE}


@pytest.mark.parametrize("name", sorted(GONE))
def test_boilerplate_removed(docs: dict, name: str) -> None:
    text = docs[name].text
    for line in GONE[name]:
        assert line not in text, f"{name}: {line!r} survived cleaning"


@pytest.mark.parametrize("name", sorted(KEPT))
def test_body_sentences_kept(docs: dict, name: str) -> None:
    text = docs[name].text
    for sentence in KEPT[name]:
        assert sentence in text, f"{name}: body text {sentence!r} was lost"


def test_every_body_paragraph_of_tempo_article_survives(docs: dict) -> None:
    """Every paragraph between the dateline and the REUTERS credit is in the clean text, in order."""
    raw = (DATA / "000_a856f8a56b9e8d9f.txt").read_text(encoding="utf-8")
    body = raw[raw.index("TEMPO.CO, Jakarta") : raw.index("\nREUTERS\n")]
    body = " ".join(body.replace("\u00a0", " ").split(" "))  # the cleaner turns no-break spaces into spaces
    paras = [
        p.strip() for p in body.split("\n") if p.strip() and p.strip() not in {"Iklan", "Scroll Untuk Melanjutkan"}
    ]
    text = docs["000_a856f8a56b9e8d9f.txt"].text
    pos = 0
    for p in paras:
        found = text.find(p, pos)
        assert found >= 0, f"lost paragraph: {p[:60]!r}"
        pos = found


def test_repeated_caption_kept_once(docs: dict) -> None:
    text = docs["000_a856f8a56b9e8d9f.txt"].text
    assert text.count("menyambut Pemimpin Korea Utara Kim Jong Un di Kosmodrom Vostochny") == 1


def test_repeated_title_kept_once(docs: dict) -> None:
    doc = docs["004_828710dd0518d4aa.txt"]
    assert doc.text.count("7 Fakta Kedatangan Putin ke Korut") == 1
    assert doc.text.startswith(doc.title)


@pytest.mark.parametrize(
    ("name", "outlet", "published", "title_start"),
    [
        ("000_a856f8a56b9e8d9f.txt", "Tempo", "2023-09-13", "Putin dan Kim Jong Un Akrab"),
        ("001_e55747e849a101e5.txt", "Deutsche Welle", "2025-10-06", "Kim Sambut Putin di Pyongyang"),
        ("002_73da10b1a9250460.txt", "Kompas", "2023-09-16", "Sisi Lain Pertemuan Kim Jong Un"),
        ("003_8d5f13bb3a7b2948.txt", "Tempo", "2023-07-27", "Rusia dan Korea Utara Makin Mesra"),
        ("004_828710dd0518d4aa.txt", "SINDOnews", "2024-06-20", "7 Fakta Kedatangan Putin ke Korut"),
    ],
)
def test_metadata(docs: dict, name: str, outlet: str, published: str, title_start: str) -> None:
    doc = docs[name]
    assert doc.outlet == outlet
    assert doc.published == published
    assert doc.title and doc.title.startswith(title_start)
    assert doc.lang == "id"
    assert len(doc.doc_id) == 16


def test_authors(docs: dict) -> None:
    assert docs["002_73da10b1a9250460.txt"].author == "Aditya Jaya Iswara"
    assert docs["000_a856f8a56b9e8d9f.txt"].author == "Yudono Yanuar"


def test_sentences_split_on_clean_text(docs: dict) -> None:
    text = docs["000_a856f8a56b9e8d9f.txt"].text
    sents = [text[s:e] for s, e in split_sentences(text)]
    assert any(s.endswith("Putin mengatakan Rusia akan membantu Korea Utara membangun satelit.") for s in sents)
