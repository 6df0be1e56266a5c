from bot.claims.normalize import consistent, date_parts, quantities


def q(text: str):  # type: ignore[no-untyped-def]
    found = quantities(text)
    assert found, text
    return found[0]


def test_durations_in_both_languages_compare_by_value() -> None:
    assert consistent(q("about two hours"), q("selama sekitar dua jam")) is True
    assert consistent(q("about three hours"), q("selama sekitar dua jam")) is False
    assert consistent(q("30 minutes"), q("selama 30 menit")) is True
    assert consistent(q("half an hour"), q("30 menit")) in (True, None)
    assert consistent(q("sekitar 10 menit"), q("sekitar 40 detik")) is False


def test_thousands_and_ranges() -> None:
    ev = q("mempekerjakan 20.000 hingga 50.000 pekerja Korea Utara")
    assert (ev.lo, ev.hi, ev.dim) == (20000, 50000, "worker")
    assert consistent(q("20,000 to 50,000 North Korean workers"), ev) is True
    assert consistent(q("30,000 workers"), ev) is None  # inside the range: neither stated nor contradicted
    assert consistent(q("80,000 workers"), ev) is False


def test_bounds_and_word_numbers() -> None:
    assert consistent(q("more than an hour"), q("sekitar dua jam")) is True
    assert consistent(q("lebih dari tiga jam"), q("sekitar dua jam")) is False
    assert q("dua puluh lima orang").lo == 25
    assert q("300 grey thoroughbred horses").lo == 300


def test_years_are_dates_not_quantities() -> None:
    assert quantities("in 2022") == []
    parts = {(d.kind, d.value) for d in date_parts("Rabu, 13 September 2023")}
    assert {("year", 2023), ("month", 9), ("day", 913), ("weekday", 3)} <= parts
    assert ("month", 5) in {(d.kind, d.value) for d in date_parts("in May 2024")}
    assert ("month", 5) not in {(d.kind, d.value) for d in date_parts("Putin may visit")}
