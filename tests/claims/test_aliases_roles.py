from bot.claims.aliases import find_mentions
from bot.claims.roles import compatible, role_facts, speakers


def ids(text: str) -> list[str]:
    return [m.id for m in find_mentions(text)]


def test_aliases_map_both_languages_to_one_id() -> None:
    assert ids("Korea Utara, Korut and North Korea") == ["north_korea"] * 3
    assert ids("Moskow, Moskwa, Moscow") == ["moscow"] * 3
    assert ids("Kosmodrom Vostochny / Vostochny Cosmodrome") == ["vostochny", "vostochny"]
    assert ids("Menteri Pertahanan and Defence Minister") == ["defense_minister", "defense_minister"]
    assert ids("DK PBB and the UN Security Council") == ["unsc", "unsc"]


def test_short_forms_are_case_sensitive() -> None:
    assert ids("Menteri Luar Negeri AS Antony Blinken") == ["foreign_minister", "usa", "blinken"]
    assert "usa" not in ids("as long as it helps us")


def test_longest_name_wins() -> None:
    assert ids("Kim Yo Jong and Duyeon Kim and Kim") == ["kim_yo_jong", "duyeon_kim", "kim_jong_un"]


def test_role_facts_from_titles_and_appositions() -> None:
    text = "Menteri Pertahanan Andrei Belousov dan Menteri Luar Negeri Sergey Lavrov, penasihat kebijakan"
    assert {(f.person, f.role) for f in role_facts(text)} == {
        ("belousov", "defense_minister"),
        ("lavrov", "foreign_minister"),
    }
    assert [(f.person, f.role) for f in role_facts("kata Artyom Lukin, seorang profesor di Far Eastern")] == [
        ("lukin", "professor")
    ]
    claim = role_facts("Andrei Belousov accompanied Putin to Pyongyang as foreign minister.", claim=True)
    assert [(f.person, f.role) for f in claim] == [("belousov", "foreign_minister")]


def test_compatible_titles() -> None:
    assert not compatible("defense_minister", "foreign_minister")
    assert compatible("leader", "president")
    assert compatible("professor", "expert")
    assert not compatible("ambassador", "professor")


def test_speakers() -> None:
    assert speakers("Kim yang memegang kendali,” kata Cho Han-Bum, peneliti senior") == {"cho_han_bum"}
    assert speakers("dan Putin mengatakan Rusia akan membantu Korea Utara") == {"putin"}
    assert speakers("Lankov juga mengatakan bahwa Rusia") == {"lankov"}
