"""Roles and titles ("Menteri Pertahanan Andrei Belousov", "Belousov, the defence minister") in both languages."""

from __future__ import annotations

import re

ROLES = {
    "defence_minister": [
        "menteri pertahanan",
        "defence minister",
        "defense minister",
        "minister of defence",
        "minister of defense",
    ],
    "foreign_minister": [
        "menteri luar negeri",
        "foreign minister",
        "minister of foreign affairs",
        "secretary of state",
    ],
    "deputy_prime_minister": ["wakil perdana menteri", "deputy prime minister"],
    "prime_minister": ["perdana menteri", "prime minister"],
    "president": ["presiden", "president"],
    "professor": ["profesor", "professor"],
    "leader": ["pemimpin", "leader"],
}
ROLE_NAMES = {
    "defence_minister": "defence minister",
    "foreign_minister": "foreign minister",
    "deputy_prime_minister": "deputy prime minister",
    "prime_minister": "prime minister",
    "president": "president",
    "professor": "professor",
    "leader": "leader",
}
_ALL = sorted(((form, role) for role, forms in ROLES.items() for form in forms), key=lambda x: -len(x[0]))
_NAME = r"((?:[A-Z][\w'’-]+\s?){1,3})"
_COUNTRY = r"(?:(?:Rusia|Russia|Russian|Russia's|AS|US|Korea Utara|North Korea|North Korean|Korea Selatan)\s+)?"


def _role_of(phrase: str) -> str | None:
    low = phrase.lower()
    return next((role for form, role in _ALL if form in low), None)


def role_pairs(text: str) -> list[tuple[str, str]]:
    """(role, surname) pairs stated in the text."""
    out: list[tuple[str, str]] = []
    forms = "|".join(re.escape(f) for f, _ in _ALL)
    # "Menteri Pertahanan Rusia Sergei Shoigu", "Defence Minister Andrei Belousov", "Russian Defence Minister X"
    for m in re.finditer(rf"(?i:{_COUNTRY}({forms}))\s+{_COUNTRY}{_NAME}", text):
        role = _role_of(m.group(1))
        name = m.group(2).split()
        if role and name and name[-1][:1].isupper():
            out.append((role, name[-1].strip("'’,.")))
    # "Shoigu is Russia's defence minister", "Belousov, the defence minister"
    appos = r"(?:,\s+the|\s+(?:is|was|as|sebagai|adalah)(?:\s+the|\s+a)?)"
    for m in re.finditer(rf"{_NAME}{appos}\s+{_COUNTRY}(?i:({forms}))", text):
        role = _role_of(m.group(2))
        if role:
            out.append((role, m.group(1).split()[-1].strip("'’,.")))
    # "Andrei Belousov accompanied Putin to Pyongyang as foreign minister"
    for m in re.finditer(rf"^\s*{_NAME}\b.*?\bas\s+(?:the\s+)?{_COUNTRY}(?i:({forms}))", text):
        role = _role_of(m.group(2))
        if role:
            out.append((role, m.group(1).split()[-1].strip("'’,.")))
    return out
