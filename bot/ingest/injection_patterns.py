"""The patterns of text addressed to an AI system, each with the words that must occur for it to be tried.

Why the words: running every pattern over every article costs more than the rest of the cleaning; a
pattern is tried only on a text holding one of its words (lower case), which most news never does.
Why these patterns: each needs a target only an AI system has (its instructions or prompt, "every
claim", a role tag, a model addressed as "you"), so ordinary reporting ("he would ignore the
protest", "Sistem baru ...") does not match. See bot/ingest/injection.py.
"""

# ruff: noqa: E501 - one pattern a line reads better than a pattern cut into pieces
from __future__ import annotations

import re

G = r"[\s\"'“”‘’«»*_`~>|:\-]+"  # between words: spaces, line breaks, quotes, emphasis, table pipes
_MOD = r"(?:all|any|every|of|the|your|my|these|those|previous|prior|above|earlier|preceding|former|foregoing|existing|original|initial|old|system|safety|other|given)"
_AI = rf"(?:ai|a\.i\.|llm|llms|large{G}language{G}models?|language{G}models?|chatbots?|gpt|chatgpt|assistants?|bots?)"
_IGNORE = r"(?:ignore|disregard|forget|override|overrule|bypass|skip|discard)"
_STRONG = r"(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial|system|your|safety)"
_ORDERS = rf"(?:instructions?|prompts?|directives?|directions|guidelines|commands|guardrails|system{G}(?:prompts?|messages?)|context)"
_START = r"(?:^|(?<=[.!?:;\"“'‘(|*>\[\]-]))[\s\"“'‘*_>|]*(?:(?:please|now|kindly|just|first)[\s,]+)?"
_ABAIKAN = r"(?:abaikan|abaikanlah|lupakan|lupakanlah|acuhkan|hiraukan|kesampingkan)"
_PERINTAH = r"(?:instruksi|prompt|konteks|perintah|arahan|petunjuk|aturan|pesan|ketentuan|batasan)"
_SEBELUMNYA = rf"(?:sebelumnya|di{G}atas|sebelum{G}ini|terdahulu|sistem|awal|yang{G}diberikan)"
# fmt: off
RULES_EN: list[tuple[str, str]] = [
    # ignore / disregard ... instructions: with a word only a model's instructions have, or as an order
    ("ignore disregard forget override overrule bypass skip discard", rf"\b{_IGNORE}(?:{G}{_MOD}){{0,3}}{G}{_STRONG}(?:{G}{_MOD}){{0,2}}{G}{_ORDERS}\b"),
    ("ignore disregard forget override overrule bypass skip discard", rf"{_START}{_IGNORE}(?:{G}{_MOD}){{0,4}}{G}{_ORDERS}\b"),
    ("ignore disregard forget override overrule bypass skip discard", rf"\b{_IGNORE}(?:{G}{_MOD}){{0,4}}{G}(?:prompts?|system{G}prompts?|guardrails)\b"),
    ("ignore disregard forget override overrule bypass skip discard", rf"\b{_IGNORE}(?:{G}(?:all|any|of|the))*{G}{_STRONG}(?:{G}\w+)?{G}(?:rules|restrictions|constraints|training|programming|filters|policies)\b"),
    ("ignore disregard forget", rf"\b(?:ignore|disregard|forget)(?:{G}(?:all|everything|anything|the))*{G}(?:above|(?:you{G}(?:were|have{G}been){G}told))\b"),
    # a new identity or mode
    ("now", rf"\byou{G}are{G}now{G}(?:an?|the|my)(?:{G}[\w-]+){{0,3}}?{G}(?:ai|assistant|bot|chatbot|model|llm|agent|system|gpt|persona|character)\b"),
    ("now", rf"\byou{G}are{G}now{G}(?:no{G}longer|acting|operating|called|named|known{G}as|unrestricted|unfiltered|jailbroken|dan|free{G}(?:of|from){G}(?:all|any|your)|(?:going{G})?to{G}(?:answer|respond|reply|ignore|act|pretend|say|obey))\b"),
    ("mode", rf"\b(?:enable|enter|activate|switch{G}to|you{G}are{G}(?:now{G})?in)(?:{G}the)?{G}(?:developer|dan|god|jailbreak|debug|unrestricted|sudo|admin){G}mode\b"),
    ("anything", rf"\bdo{G}anything{G}now\b"),
    ("pretend", rf"\bpretend{G}(?:that{G})?(?:you{G}(?:are|have|can)|to{G}be{G}(?:an?{G})?(?:ai|assistant|chatbot|different|unrestricted))\b"),
    ("unrestricted unfiltered jailbroken evil dan", rf"\bact{G}as{G}(?:an?{G})?(?:unrestricted|unfiltered|jailbroken|evil|dan)\b"),
    # an AI addressed as such
    ("ai intelligence model", rf"\bas{G}an?{G}(?:ai|artificial{G}intelligence|large{G}language{G}model|language{G}model)(?:{G}(?:language{G}model|assistant|model|system|chatbot))?(?:{G})?(?:,|(?:you|i|your|it{G}is)\b)"),
    ("model", rf"\bas{G}an?{G}(?:ai{G})?(?:large{G})?language{G}model\b"),
    ("ai llm model chatbot assistant bot gpt machine", rf"\b(?:if|when|whenever|since){G}you{G}(?:are|'re){G}(?:an?{G})?(?:ai|llm|large{G}language{G}model|language{G}model|chatbot|assistant|bot|gpt|model|machine)\b"),
    ("ai llm model models chatbot chatbots gpt chatgpt assistant assistants bot bots", rf"\b(?:note|message|instructions?|attention|reminder|warning|memo){G}(?:to|for){G}(?:all{G}|any{G}|the{G})?{_AI}(?:{G}(?:systems?|models?|agents?|crawlers?|readers?))?(?:\s*[:!,]|{G}(?:reading|processing|summari[sz]ing|analy[sz]ing)\b)"),
    ("ai llm model models chatbot chatbots gpt chatgpt assistant assistants bot bots", rf"\b(?:dear|hello|hi|hey|attention){G}(?:all{G})?{_AI}\b"),
    ("ai llm model models chatbot chatbots gpt chatgpt assistant assistants bot bots", rf"\b{_AI}(?:{G}(?:systems?|models?|agents?))?{G}(?:reading|processing|summari[sz]ing|analy[sz]ing|indexing|crawling){G}this\b"),
    # role markers of chat transcripts
    ("im system user assistant endoftext begin start end eot", r"<\|\s*/?\s*(?:im_start|im_end|im_sep|system|user|assistant|endoftext|begin_of_text|start_header_id|end_header_id|eot_id)\s*\|>"),
    ("inst sys system assistant user", r"\[/?INST\]|<</?SYS>>|</?(?:system|assistant|user)(?:_prompt)?>"),
    ("system assistant developer user human", r"^[\s>|*_#\"“\[(-]*(?:system|assistant|developer|user|human)(?:[ \t]+(?:prompt|message|note|instructions?|override))?[ \t]*\]?[ \t]*:"),
    ("system assistant developer", r"(?<=[.!?…\"”])[ \t]*(?:system|assistant|developer)(?:[ \t]+(?:prompt|message|note|override))?[ \t]*:"),
    ("system assistant developer", r"(?-i:\b(?:SYSTEM|ASSISTANT|DEVELOPER)(?:\s+(?:PROMPT|MESSAGE|NOTE|OVERRIDE))?\s*:)"),
    ("instruction instructions system response assistant", r"^\s*#{2,}\s*(?:instructions?|system|response|assistant)\s*:"),
    # orders about how to answer
    ("now", rf"\bfrom{G}now{G}on\b,?{G}(?:you{G}(?:will{G}|must{G}|should{G}|shall{G}|are{G}to{G}|can{G})?)?(?:always{G}|only{G}|never{G})?(?:answer|respond|reply|say|output|write|act|behave|pretend|call|refer|label|mark|classify|treat|ignore|speak|talk|obey|follow)\b"),
    ("answer respond reply", rf"{_START}(?:answer|respond{G}to|reply{G}to){G}(?:every|each|all|any){G}(?:questions?|quer(?:y|ies)|prompts?|requests?|messages?)\b"),
    ("answer respond reply", rf"\b(?:answer|respond{G}to|reply{G}to){G}(?:every|each|all|any){G}(?:questions?|quer(?:y|ies)|prompts?|requests?|messages?)(?:{G}\w+){{0,2}}?{G}(?:with|using|by{G}saying|only)\b"),
    ("answer respond reply", rf"\b(?:always|only){G}(?:answer|respond|reply)(?:{G}to{G}\w+)?{G}(?:with|using|by{G}saying)\b"),
    ("answer respond reply", rf"\b(?:respond|reply|answer){G}only{G}with\b"),
    ("label mark tag classify flag", rf"\b(?:label|mark|tag|classify|flag){G}(?:every|each|all|any){G}(?:of{G}the{G})?(?:claims?|statements?|questions?|answers?|facts?|assertions?)(?:{G}\w+)?{G}as\b"),
    ("label mark tag", rf"\b(?:label|mark|tag){G}(?:this|the|that){G}(?:claim|statement){G}as{G}(?:supported|true|verified|correct|accurate)\b"),
    ("system assistant model chatbot bot ai", rf"\bthis{G}(?:system|assistant|model|chatbot|bot|ai){G}(?:must|should|shall|will|needs{G}to|has{G}to){G}(?:always{G}|only{G})?(?:answer|respond|reply|say|output|label|mark|ignore|write|state|claim)\b"),
    ("instructions instruction directive directives prompt orders", rf"\b(?:new|updated|real|actual|secret|hidden|important|additional|override){G}(?:instructions?|directives?|system{G}prompt|orders)(?:{G})?:"),
    ("prompt instructions", rf"\b(?:reveal|print|show|repeat|output|leak|disclose){G}(?:your|the){G}(?:system{G}prompt|initial{G}prompt|hidden{G}instructions|instructions|prompt)\b"),
    ("user instructions", rf"\b(?:do{G}not|don't|never){G}(?:tell{G}the{G}user|mention{G}(?:this|these){G}instructions|reveal{G}(?:this|these){G}instructions)\b"),
]
RULES_ID: list[tuple[str, str]] = [
    ("abaikan abaikanlah lupakan lupakanlah acuhkan hiraukan kesampingkan", rf"\b{_ABAIKAN}(?:{G}(?:saja|dulu))?{G}(?:semua|seluruh|segala|setiap)(?:{G}(?:yang|para))?{G}{_PERINTAH}\b"),
    ("abaikan abaikanlah lupakan lupakanlah acuhkan hiraukan kesampingkan", rf"\b{_ABAIKAN}(?:{G}(?:semua|seluruh|segala|setiap|saja|yang)){{0,3}}{G}{_PERINTAH}(?:{G}\w+)?{G}{_SEBELUMNYA}\b"),
    ("abaikan abaikanlah lupakan lupakanlah acuhkan hiraukan kesampingkan", rf"\b{_ABAIKAN}(?:{G}(?:semua|seluruh|segala|setiap|saja|yang)){{0,3}}{G}(?:prompt|konteks)\b"),
    ("abaikan abaikanlah lupakan lupakanlah acuhkan hiraukan kesampingkan", rf"{_START}{_ABAIKAN}(?:{G}(?:saja|dulu))?{G}(?:instruksi|perintah|arahan)(?:{G}(?:ini|itu|tadi|saya|kami))?(?:{G})?[,.:;]?{G}(?:dan{G})?(?:jawab|katakan|tulis|tandai|nyatakan|sebutkan)\b"),
    ("sekarang", rf"\b(?:kamu|anda|engkau|kau){G}sekarang{G}(?:adalah|menjadi|berperan|bertindak)\b"),
    ("sekarang", rf"\bsekarang{G}(?:kamu|anda|engkau|kau){G}(?:adalah|menjadi|berperan|bertindak)\b"),
    ("ai asisten model chatbot kecerdasan", rf"\b(?:kamu|anda){G}adalah{G}(?:sebuah{G})?(?:ai|asisten{G}ai|model{G}bahasa|chatbot|kecerdasan{G}buatan)\b"),
    ("mulai", rf"\bmulai{G}(?:sekarang|saat{G}ini|detik{G}ini|kini|hari{G}ini)\b,?{G}(?:kamu{G}|anda{G})?(?:harus{G}|wajib{G}|hanya{G}|selalu{G}){{0,2}}(?:jawab|jawablah|menjawab|balas|balaslah|membalas|katakan|katakanlah|tulis|tuliskan|berperan|bertindak|bersikap|tanggapi|tandai|labeli|abaikan|anggap|sebut|sebutkan|adalah)\b"),
    ("jawab jawablah", rf"\bjawab(?:lah)?{G}(?:setiap|semua|seluruh|tiap){G}pertanyaan\b"),
    ("klaim", rf"\b(?:tandai|labeli|beri{G}label|klasifikasikan|nyatakan){G}(?:setiap|semua|seluruh|tiap){G}klaim\b"),
    ("ai model asisten kecerdasan", rf"\bsebagai{G}(?:sebuah{G})?(?:ai|model{G}bahasa(?:{G}ai)?|asisten{G}ai|kecerdasan{G}buatan)(?:{G})?,(?:{G})?(?:kamu|anda|saya|aku)\b"),
    ("ai model asisten chatbot kecerdasan", rf"\b(?:pesan|catatan|instruksi|perintah){G}(?:untuk|kepada|bagi){G}(?:semua{G}|para{G}|setiap{G})?(?:ai|asisten{G}ai|model{G}bahasa|chatbot|sistem{G}ai|kecerdasan{G}buatan)\b"),
    ("instruksi perintah arahan", rf"\b(?:instruksi|perintah|arahan){G}(?:baru|sistem|rahasia|tambahan)(?:{G})?:"),
    ("ai model chatbot asisten bot", rf"\bjika{G}(?:kamu|anda){G}(?:adalah{G})?(?:sebuah{G})?(?:ai|model{G}bahasa|chatbot|asisten{G}ai|bot)\b"),
    ("sistem asisten model chatbot bot ai mesin", rf"\b(?:sistem|asisten|model|chatbot|bot|ai|mesin){G}ini{G}(?:harus|wajib|mesti|perlu|hanya{G}boleh)(?:{G}selalu)?{G}(?:menjawab|menulis|mengatakan|memberi|memberikan|menandai|mengabaikan|membalas|merespons|menyatakan)\b"),
    ("mode", rf"\bmode{G}(?:pengembang|developer|tanpa{G}batas|bebas{G}aturan)\b"),
]
# fmt: on
RULES = [(frozenset(words.split()), re.compile(p, re.I | re.M)) for words, p in RULES_EN + RULES_ID]
# the letters-only view: a few unmistakable phrases, written without spaces
COMPACT = re.compile(
    r"(?:ignore|disregard|forget)(?:all|any|the|your|of)*(?:previous|prior|above|earlier|preceding|system)+(?:instruction|prompt|directive|rule)"
    r"|abaikan(?:semua|seluruh|segala)+(?:instruksi|perintah|arahan|aturan)|abaikan(?:instruksi|perintah|arahan|aturan)(?:sebelumnya|diatas)"
    r"|youarenow(?:in)?(?:developermode|dan|unrestricted|jailbroken)|(?:kamu|anda)sekarangadalah|mulaisekarangjawab"
)
