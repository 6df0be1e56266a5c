"""Mask private contact data before anything is stored or embedded.

Scrapes leak readers' e-mail addresses (login boxes) and phone numbers; a
citation must never surface them. Names are left alone: the people in news
stories are public figures and are what users ask about.
"""

from __future__ import annotations

import re

EMAIL_MASK = "[email dihapus]"
PHONE_MASK = "[telepon dihapus]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# +62 812-3456-7890, 0812 3456 7890, (021) 555-1234, +1 (555) 123-4567: 9+ digits with phone-ish separators.
_PHONE = re.compile(
    r"(?<![\w.,/])(?:\+\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?)?|\(0?\d{2,4}\)[\s.-]?|0\d{1,3}[\s.-]?)"
    r"\d{3,4}[\s.-]?\d{3,5}(?![\w.,/]\d)"
)
_WA = re.compile(r"(?i)\b(wa|whatsapp|telp|tel|hp|phone|ponsel)\s*[:.]?\s*\+?[\d\s().-]{8,}\d")


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def mask_pii(text: str) -> tuple[str, int]:
    """Return the masked text and how many items were masked."""
    count = 0

    def _mail(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return EMAIL_MASK

    def _phone(m: re.Match[str]) -> str:
        nonlocal count
        if _digits(m.group(0)) < 9:
            return m.group(0)
        count += 1
        prefix = m.group(1) if m.re is _WA else ""  # keep "WA:" so the sentence still reads
        return f"{prefix}: {PHONE_MASK}" if prefix else PHONE_MASK

    text = _EMAIL.sub(_mail, text)
    text = _WA.sub(_phone, text)
    text = _PHONE.sub(_phone, text)
    return text, count
