from __future__ import annotations

import pytest

from bot.ingest.dates import find_date, normalise_date
from bot.ingest.privacy import EMAIL_MASK, PHONE_MASK, mask_pii


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Rabu, 13 September 2023 16:48 WIB", "2023-09-13"),
        ("Kamis, 20 Juni 2024 - 13:45 WIB", "2024-06-20"),
        ("Kompas.com - 16/09/2023, 17:00 WIB", "2023-09-16"),
        ("Senin, 6 Oktober 2025", "2025-10-06"),
        ("September 14, 2023", "2023-09-14"),
        ("14 Sept 2023", "2023-09-14"),
        ("Published 2024-06-19T10:00:00Z", "2024-06-19"),
        ("1 Agustus 2024", "2024-08-01"),
        ("31 Februari 2024", None),
        ("no date here, only 2023", None),
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


def test_normalise_date_falls_back_to_dateparser() -> None:
    assert normalise_date("Wednesday, 13 September 2023") == "2023-09-13"
    assert normalise_date("") is None


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("email ke rudihamdani@gmail.com.", f"email ke {EMAIL_MASK}."),
        ("Hubungi 0812-3456-7890 sekarang", f"Hubungi {PHONE_MASK} sekarang"),
        ("call +62 21 555 1234", f"call {PHONE_MASK}"),
    ],
)
def test_pii_masked(text: str, masked: str) -> None:
    assert mask_pii(text)[0] == masked


@pytest.mark.parametrize(
    "text",
    [
        "20.000 hingga 50.000 pekerja",
        "13 September 2023 16:48",
        "Perang Korea 1950-1953",
        "Rp 325.000",
        "Presiden Rusia Vladimir Putin",
        "skor 2-2 pada 10 Oktober 2024",
    ],
)
def test_numbers_and_names_are_not_pii(text: str) -> None:
    assert mask_pii(text) == (text, 0)
