"""verify_claim: the entry point the answer chain calls for kind="claim"."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.retrieval.types import SentenceHit
from bot.text.lang import detect_lang
from bot.verdict.judge import judge

_TEXT = {
    "en": {
        "supported": "Supported: the sources say so [1]: {quote}",
        "refuted": "Refuted: {detail} [1]: {quote}",
        "not_enough_info": "Not enough information: the sources do not settle this claim.",
        "conflict": "Not enough information: the sources disagree with each other [1] [2].",
    },
    "id": {
        "supported": "Didukung: sumber menyatakan hal itu [1]: {quote}",
        "refuted": "Dibantah: {detail} [1]: {quote}",
        "not_enough_info": "Informasi tidak cukup: sumber tidak memastikan klaim ini.",
        "conflict": "Informasi tidak cukup: sumber saling bertentangan [1] [2].",
    },
}


@dataclass
class ClaimResult:
    verdict: str
    answer_text: str
    evidence: list[SentenceHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def verify_claim(claim: str, hits: list[SentenceHit]) -> ClaimResult:
    t = _TEXT[detect_lang(claim)]
    j = judge(claim, hits)
    quote = f"“{j.evidence[0].text}”" if j.evidence else ""
    text = t["conflict"] if j.warnings and len(j.evidence) > 1 else t[j.verdict].format(detail=j.detail, quote=quote)
    return ClaimResult(j.verdict, text, j.evidence if j.verdict != "not_enough_info" or j.warnings else [], j.warnings)
