"""Cleaning: on each real sample scrape named furniture lines go and every body sentence stays; on synthetic
pages from made-up outlets the same holds, because the cleaner knows no outlet."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from bot.ingest.clean import clean_batch, clean_text
from bot.ingest.metadata import detect_author, detect_date, detect_outlet
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


# --- synthetic pages from made-up outlets: the cleaner must work on sites it has never seen ------------------

EN_PAGE = """Skip to main content
Home
Local
Business
Sport
Opinion
Sign in
Subscribe

Council approves harbor budget after marathon session

By Jane Marlow
March 4, 2024

Share this article
Share on Facebook

PORTVILLE, Harbor Ledger - The Portville city council approved a $42 million harbor budget early on Tuesday \
after a nine-hour session.

The plan pays for dredging the main channel and repairing two piers that were closed after the winter storms.

Advertisement
Scroll to continue with content

Council member Ada Fenwick said the vote was "the most important decision this council will make this year."

Read also: Fishermen warn of a lost season as piers stay closed

Share prices of the port operator rose 3 percent after the vote.

Workers repair the north pier in Portville on March 1, 2024. Photo: Harbor Ledger/Sam Cole
Workers repair the north pier in Portville on March 1, 2024. Photo: Harbor Ledger/Sam Cole

Opponents argued that the budget leaves too little for schools. Mayor Tom Reyes promised a separate vote on \
school funding in April.

Dredging is expected to begin in June and last about five months.

Related stories
Fishermen warn of a lost season as piers stay closed
2 hours ago
School board asks council for emergency funding
5 hours ago
Storm damage tops $10 million in coastal towns
1 day ago

© 2024 Harbor Ledger Media. All rights reserved.
Privacy Policy
"""
EN_BODY = [
    "The Portville city council approved a $42 million harbor budget early on Tuesday after a nine-hour session.",
    "The plan pays for dredging the main channel and repairing two piers",
    'Council member Ada Fenwick said the vote was "the most important decision this council will make this year."',
    "Share prices of the port operator rose 3 percent after the vote.",
    "Mayor Tom Reyes promised a separate vote on school funding in April.",
    "Dredging is expected to begin in June and last about five months.",
]
EN_FURNITURE = [
    "Skip to main content",
    "Sign in",
    "Share this article",
    "Share on Facebook",
    "Advertisement",
    "Scroll to continue",
    "Read also",
    "Related stories",
    "School board asks council",
    "2 hours ago",
    "All rights reserved",
    "Privacy Policy",
    "\nSport\n",
]

EN_WIRE_PAGE = """The Valley Courier
Menu
Search

Drought forces farmers to sell cattle early

MILLBROOK (Valley Wire) - Ranchers in the Millbrook valley are selling cattle months ahead of schedule as a \
second dry summer pushes feed prices to record highs.

Story continues below advertisement

"We have never sold this early," said Dale Horton, whose family has ranched near Millbrook since 1952.

The state agriculture office listed the counties that qualify for drought aid:
Carver County
Millbrook County
Pine Ridge County
Sutter County

Related: Water board delays vote on reservoir plan

Hay now costs about $310 a ton, up from $190 two years ago, the office said. Prices usually fall in the \
autumn, but traders expect them to stay high through the winter this year.

Sign up for our morning newsletter
Get the day's top stories delivered to your inbox.

You may also like
Water board delays vote on reservoir plan
Wildfire season starts early in the hills
County fair returns after three-year break
"""
EN_WIRE_BODY = [
    "Ranchers in the Millbrook valley are selling cattle months ahead of schedule",
    '"We have never sold this early," said Dale Horton',
    "The state agriculture office listed the counties that qualify for drought aid:",
    "Carver County\n\nMillbrook County\n\nPine Ridge County\n\nSutter County",
    "Hay now costs about $310 a ton",
]
EN_WIRE_FURNITURE = [
    "Menu",
    "Search",
    "Story continues",
    "Related:",
    "newsletter",
    "inbox",
    "You may also like",
    "Wildfire",
]

ID_PAGE = """Lupa password? Klik di sini
Belum punya akun? Daftar sekarang
Masuk

Banjir Rendam Ratusan Rumah di Bandung Selatan

Rabu, 6 Maret 2024 | 14:20 WIB
Penulis: Sari Wulandari

BANDUNG, WartaNusantara.com - Banjir merendam sekitar 450 rumah di tiga kecamatan di Bandung Selatan setelah \
hujan deras turun sejak Selasa malam.

Kepala BPBD Kabupaten Bandung, Asep Hidayat, mengatakan ketinggian air mencapai satu meter di beberapa titik.

Iklan
Scroll untuk melanjutkan

Baca juga: Cuaca Ekstrem, Warga Diminta Waspada Longsor

"Kami sudah mengerahkan perahu karet untuk mengevakuasi warga lansia dan anak-anak," kata Asep.

Lihat juga: Video Detik-detik Tanggul Jebol

Warga mengungsi ke masjid dan balai desa. Tidak ada korban jiwa dalam peristiwa ini.

Bagikan artikel ini
Berita Terkait
Longsor Tutup Jalan Provinsi di Garut
3 jam lalu
Harga Beras Naik Jelang Ramadan
5 jam lalu
Tanggul Sungai Citarum Diperkuat
1 hari lalu
Hak cipta © 2024 Warta Nusantara. Seluruh hak dilindungi.
"""
ID_BODY = [
    "Banjir merendam sekitar 450 rumah di tiga kecamatan di Bandung Selatan",
    "Kepala BPBD Kabupaten Bandung, Asep Hidayat, mengatakan ketinggian air mencapai satu meter",
    '"Kami sudah mengerahkan perahu karet untuk mengevakuasi warga lansia dan anak-anak," kata Asep.',
    "Tidak ada korban jiwa dalam peristiwa ini.",
]
ID_FURNITURE = [
    "Lupa password",
    "punya akun",
    "Masuk",
    "Iklan",
    "Scroll untuk",
    "Baca juga",
    "Lihat juga",
    "Bagikan",
    "Berita Terkait",
    "Harga Beras",
    "3 jam lalu",
    "Hak cipta",
]


@pytest.mark.parametrize(
    ("page", "body", "furniture"),
    [
        (EN_PAGE, EN_BODY, EN_FURNITURE),
        (EN_WIRE_PAGE, EN_WIRE_BODY, EN_WIRE_FURNITURE),
        (ID_PAGE, ID_BODY, ID_FURNITURE),
    ],
    ids=["en", "en-wire", "id"],
)
def test_synthetic_page_furniture_removed_body_kept(page: str, body: list[str], furniture: list[str]) -> None:
    cleaned = clean_text(page)
    for sentence in body:
        assert sentence in cleaned.body, f"body text {sentence!r} was lost"
    for line in furniture:
        assert line not in cleaned.body, f"furniture {line!r} survived"
    assert not cleaned.warnings


def test_synthetic_titles_captions_and_metadata() -> None:
    en = clean_text(EN_PAGE)
    assert en.title == "Council approves harbor budget after marathon session"
    assert en.body.count("Workers repair the north pier") == 1  # a repeated caption is kept once
    assert detect_author(en) == "Jane Marlow"
    assert detect_date(en) == "2024-03-04"
    assert detect_outlet(EN_PAGE) == "Harbor Ledger"  # "CITY, Brand -": the copyright line names the brand
    assert clean_text(EN_WIRE_PAGE).title == "Drought forces farmers to sell cattle early"
    assert detect_outlet(EN_WIRE_PAGE) == "Valley Wire"
    idn = clean_text(ID_PAGE)
    assert idn.title == "Banjir Rendam Ratusan Rumah di Bandung Selatan"
    assert detect_author(idn) == "Sari Wulandari"
    assert detect_date(idn) == "2024-03-06"
    assert detect_outlet(ID_PAGE) == "WartaNusantara"


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        (
            "Advertisement\nBridge reopens after repairs\n"
            "The Elm Street bridge reopened to traffic on Friday after six weeks of repairs.\nShare this article\n",
            "The Elm Street bridge reopened to traffic on Friday after six weeks of repairs.",
        ),
        (
            "Gempa Magnitudo 4,8 Guncang Sukabumi\nKabar Priangan, Sukabumi - Gempa bermagnitudo 4,8 mengguncang "
            "Sukabumi, Jawa Barat, Kamis pagi. Tidak ada kerusakan.\nIklan\n",
            "Gempa bermagnitudo 4,8 mengguncang Sukabumi, Jawa Barat, Kamis pagi. Tidak ada kerusakan.",
        ),
    ],
)
def test_short_news_items_are_articles(page: str, sentence: str) -> None:
    cleaned = clean_text(page)
    assert sentence in cleaned.body
    assert "Advertisement" not in cleaned.body and "Iklan" not in cleaned.body


def test_never_empties_a_document_with_sentences() -> None:
    cleaned = clean_text("Read also: The council approved the budget on Monday.\n")
    assert "The council approved the budget on Monday." in cleaned.body
    assert cleaned.warnings
    brief = "Kabar Priangan, Sukabumi - Jalan tol Cipali ditutup sementara pada Minggu malam karena banjir."
    for cleaned in clean_batch([brief] * 3):  # the same wire brief three times looks like the site's template
        assert "ditutup sementara pada Minggu malam karena banjir." in cleaned.body
        assert cleaned.warnings
    assert clean_text("Advertisement\nShare\n").body == ""  # no sentence, nothing to keep


SITE_TEMPLATE = "Suara Pesisir Hari Ini\nKirim Tips ke Redaksi\n{body}\nRedaksi menerima tulisan opini dari pembaca \
melalui formulir di situs ini.\nPesisir Pagi: ringkasan pilihan setiap pukul 06.00\n"
SITE_BODIES = [
    "Nelayan di Pantai Utara libur melaut selama tiga hari karena gelombang tinggi mencapai empat meter.",
    "Pemerintah kota membuka pasar ikan baru yang mampu menampung dua ratus pedagang sejak pekan lalu.",
    "Harga udang di tingkat petambak turun menjadi Rp 60.000 per kilogram menurut dinas perikanan setempat.",
]


def test_lines_repeated_across_a_batch_are_template() -> None:
    pages = [SITE_TEMPLATE.format(body=b) for b in SITE_BODIES]
    single = clean_text(pages[0])  # one file alone: nothing says these lines are the site's
    assert SITE_BODIES[0] in single.body
    for cleaned, body in zip(clean_batch(pages), SITE_BODIES, strict=True):
        assert body in cleaned.body
        for line in ("Kirim Tips", "Redaksi menerima tulisan", "Pesisir Pagi"):
            assert line not in cleaned.body
        assert not cleaned.warnings


def test_wire_paragraph_shared_by_two_documents_is_kept() -> None:
    shared = "Badan Meteorologi memperkirakan hujan lebat masih akan turun di wilayah pesisir hingga akhir pekan."
    pages = [f"{b}\n\n{shared}" for b in SITE_BODIES] + ["Satu berita lain yang sama sekali tidak berhubungan."]
    pages[2] = SITE_BODIES[2]
    for cleaned in clean_batch(pages)[:2]:
        assert shared in cleaned.body


def test_related_box_mid_article_does_not_end_it() -> None:
    page = "\n\n".join(
        [
            "Town hall roof repairs finish early",
            "Repairs to the town hall roof finished two weeks ahead of schedule, the mayor's office said on Monday.",
            "Related",
            "Builders used recycled slate for most of the new roof, which cut the cost by about a fifth this year.",
            "The hall will reopen to visitors on Saturday with a free guided tour of the restored clock tower.",
            "Officials said the building should not need major work again for at least another forty years.",
        ]
    )
    cleaned = clean_text(page)
    assert "forty years" in cleaned.body and "recycled slate" in cleaned.body
    assert "\nRelated\n" not in f"\n{cleaned.body}\n"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Kabar Priangan, Sukabumi - Gempa bermagnitudo 4,8 mengguncang Sukabumi pada Kamis pagi.", "Kabar Priangan"),
        ("SEMARANG, LINTASJATENG.com - Pemerintah provinsi membuka lowongan untuk tiga ratus guru.", "Lintasjateng"),
        (
            "HARBORTOWN (Coast Wire) - The port reopened on Monday after a two-day strike by crane drivers.",
            "Coast Wire",
        ),
        ("Jakarta, NTV Nusantara -- Presiden meresmikan jalan tol baru di Jawa Tengah pada Senin.", "NTV Nusantara"),
        (
            "Medan (Kantor Berita Sumatra) - Harga cabai naik dua kali lipat dalam sepekan terakhir.",
            "Kantor Berita Sumatra",
        ),
        ("HarianPagi.co.id - 12/01/2024, 08:00 WIB\nBody text follows here.", "HarianPagi"),
        ("BANDUNG - Hujan deras merendam ratusan rumah di Bandung Selatan sejak Selasa malam.", None),
        ("Helsinki, Sabtu - Pelari putri asal Etiopia meraih emas kedua pada kejuaraan dunia.", None),  # the day
        ("Toronto, Wednesday - All 309 passengers and crew survived the landing in the storm.", None),
        ("The council approved the budget on Monday.\nSource: Valley Wire", "Valley Wire"),
        (
            "The council approved the budget on Monday.\nCopyright © 2023 Coast Daily. All rights reserved.",
            "Coast Daily",
        ),
        ("The council approved the budget on Monday after a long debate about schools.", None),
    ],
)
def test_outlet_from_page_text(text: str, outlet: str | None) -> None:
    assert detect_outlet(text) == outlet


def test_outlet_from_meta_or_url_never_a_path() -> None:
    text = "BANDUNG - Hujan deras merendam ratusan rumah di Bandung Selatan sejak Selasa malam."
    assert detect_outlet(text, declared="Warta Nusantara") == "Warta Nusantara"
    assert detect_outlet(text, url="https://www.wartanusantara.co.id/berita/banjir-bandung") == "wartanusantara.co.id"
    assert detect_outlet(text, url="/home/user/articles/banjir.txt") is None


def test_hard_wrapped_prose_is_joined_not_taken_for_a_link_list() -> None:
    paras = [
        "The Portville city council approved a $42 million harbor budget early on Tuesday after a nine-hour "
        "session that ran past midnight.",
        "Council member Ada Fenwick said the vote was the most important decision this council will make this "
        "year, and that Portville residents had waited long enough.",
    ]
    raw = "Council approves harbor budget\n\n" + "\n\n".join(textwrap.fill(p, 40) for p in paras)
    assert clean_text(raw).body.split("\n\n") == paras


def test_cleaner_knows_no_sample_outlet() -> None:
    """The cleaner's code and word lists name none of the sample corpus's outlets or stories."""
    root = Path(__file__).resolve().parents[2] / "bot" / "ingest"
    banned = re.compile(r"putin|shoigu|pyongyang|\btempo\b|sindonews|kompas|tribun", re.I)
    files = [root / "clean.py", root / "boilerplate.py", root / "metadata.py", *root.glob("furniture/*.txt")]
    for path in files:
        assert not banned.search(path.read_text(encoding="utf-8")), path
