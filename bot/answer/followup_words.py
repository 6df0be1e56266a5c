"""The words and patterns follow-ups are recognised by, in English and Indonesian (bot/answer/followup.py).

Kept apart from the logic so a newsroom can extend the vocabulary (another say-verb, another way to ask
"what about X?") without reading the rewrite rules.
"""

from __future__ import annotations

import re

from bot.lang import words
from bot.text.tokens import STOP

# fmt: off
FUNCTION = STOP | {
    "else", "lagi", "lainnya", "also", "and", "dan", "lalu", "terus", "kemudian", "kalau", "gimana", "tell",
    "please", "tolong", "sebutkan", "jelaskan", "explain", "ok", "okay", "so", "but", "tapi", "then", "dikatakan",
    "mengatakannya", "katanya", "beliau", "true", "benar", "salah", "false", "anyone", "anybody", "someone", "did",
    "dimana", "what", "who", "when", "where", "why", "how", "apa", "siapa", "versi",
}
ID_MARK = {  # with the Indonesian question words of bot/lang/packs
    "dan", "yang", "dia", "itu", "tersebut", "ini", "menurut", "lagi", "dikatakan",
    "mengatakan", "mengatakannya", "katanya", "di", "mana", "dimana",
    "kalau", "lalu", "juga", "mereka", "beliau", "tentang", "soal", "dengan", "bilang", "ia", "kata",
} | set(words("question", "id"))
EN_MARK = {
    "and", "who", "what", "when", "where", "why", "how", "he", "she", "it", "that", "they", "else", "said", "say",
    "did", "was", "about", "according", "the", "is", "also", "this", "his", "her", "them", "their", "does",
}
PERSON = {"he", "she", "him", "dia", "ia", "beliau"}
GROUP = {"they", "them", "mereka"}
PEOPLE_ROLES = {"person", "group", "person's", "group's", "say_he"}  # pronoun roles that stand for people
POSSESSIVE = {"his": "person", "their": "group"}
THING_EN = {"it", "that", "this", "those", "these"}
THING_ID = {"itu", "tersebut", "ini", "begitu"}
AFTER_PRONOUN = {  # an English demonstrative followed by one of these stands for a statement, not "that summit"
    "is", "was", "were", "are", "be", "been", "said", "say", "says", "stated", "claimed", "reported", "mean",
    "means", "meant", "true", "false", "correct", "right", "happen", "happened", "too", "also", "again", "really",
    "first", "from", "in", "on", "at", "by", "to", "about", "when", "where", "why", "and", "or", "but", "before",
    "after", "said?", "come", "came", "said.", "for",
}
BEFORE_PRONOUN_ID = {  # an Indonesian demonstrative after one of these stands alone, not "pertemuan itu"
    "kapan", "mana", "dimana", "mengapa", "kenapa", "bagaimana", "apakah", "apa", "siapa", "yang", "bahwa", "dan",
    "tentang", "soal", "mengenai", "adalah", "benar", "juga", "lagi", "seperti", "mengatakan", "menyatakan",
    "bilang", "menyebut", "menyebutkan", "berkata", "mengklaim", "dikatakan",
}
# fmt: on
SAY = (
    r"(?:said|say|says|stated|state|told|tell|claimed|claim|announced|predicted|mengatakan(?:nya)?|dikatakan(?:nya)?"
    r"|berkata|menyatakan(?:nya)?|bilang|menyebut(?:kan)?(?:nya)?|mengklaim|memprediksi|mengumumkan|katanya)"
)
WH = (
    r"(?:how\s+(?:long|many|much|often|far)|berapa\s+(?:lama|banyak|jauh)|(?:in|on|at|from)\s+(?:which|what)\s+\w+"
    r"|which\s+\w+|whom|whose|who|what|when|where|why|how|siapa|apa(?:kah)?|kapan|di\s*mana|ke\s*mana|dari\s*mana"
    r"|mengapa|kenapa|bagaimana|berapa|tahun\s+berapa)"
)
AUX = r"(?:did|does|do|is|was|were|are|will|would|can|could|has|have|had|yang)"
WHO_SAID = re.compile(
    rf"^(?:who|siapa)(?:\s+(?:else|lagi|lainnya))?\s+(?:yang\s+)?(?:first\s+|pertama\s+(?:kali\s+)?)?{SAY}(?:\s+(?:that|bahwa))?\s+",
    re.I,
)
MARKER = re.compile(
    r"^(?:and\s+also|and|also|so|then|but|plus|dan|lalu|terus|kemudian|juga|tapi|trus|nah)\b[\s,]*", re.I
)
ACCORDING = re.compile(r"^(?P<kw>according\s+to|menurut|versi)\s+(?P<src>[^,.?!;:]{1,60}?)\s*[?.!]*$", re.I)
WHAT_ABOUT = re.compile(
    r"^(?:what\s+about|how\s+about|bagaimana\s+dengan|gimana\s+dengan|kalau|bagaimana\s+kalau)\s+(?P<rest>.+?)\s*[?.!]*$",
    re.I,
)
WHO_ELSE = re.compile(r"^(?:who\s+else|did\s+any(?:one|body)\s+else|siapa\s+(?:lagi|lainnya|yang\s+lain))\b", re.I)
WH_START = re.compile(
    r"^(?P<wh>how\s+long|when|where|why|how|in\s+(?:what|which)\s+year|kapan|di\s*mana|mengapa|kenapa|bagaimana|berapa\s+lama|tahun\s+berapa)\b",
    re.I,
)
TRUE = re.compile(
    r"^(?:(?:is|was)\s+(?:that|it|this)|(?:apakah|apa)\s+(?:hal\s+)?(?:itu|ini|tersebut))\s+"
    r"(?:really\s+|memang\s+)?(?:true|right|correct|benar|betul)\s*[?.!]*$",
    re.I,
)
TIME_NOUNS = {"year", "month", "week", "morning", "time", "tahun", "bulan", "minggu", "pekan", "hari", "pagi", "kali"}
SPEAKER = re.compile(r"^\W*(?P<who>[^\[\]\n:]{2,80}?)\s+(?:said it|yang mengatakannya)\s*\[\d+\]")
PARTICLES = {"bin", "binti", "van", "von", "de", "der", "al", "el", "da", "di", "la", "le"}
TOKEN = re.compile(r"[^\W_][\w'’-]*")
TEXT = {
    "en": {
        "else": "Who else said {topic}?",
        "said": "{wh} did {who} say {topic}?",
        "said_anon": "{wh} was it said that {topic}?",
        "did_say": "Did {who} say {topic}?",
        "true": "Is it true that {topic}?",
    },
    "id": {
        "else": "Siapa lagi yang mengatakan {topic}?",
        "said": "{wh} {who} mengatakan {topic}?",
        "said_anon": "{wh} dikatakan bahwa {topic}?",
        "did_say": "Apakah {who} mengatakan {topic}?",
        "true": "Apakah benar bahwa {topic}?",
    },
}
