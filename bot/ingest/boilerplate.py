"""Patterns of site chrome seen in Indonesian news scrapes (Tempo, Kompas, Tribun/DW, SINDOnews).

Kept apart from the cleaning logic so a newsroom can add its own outlet's lines.
"""

import re

# A line matching any of these is dropped wherever it appears.
DROP_LINE = [
    re.compile(p, re.I)
    for p in (
        r"^lupa kata sandi",
        r"^atau (masuk|daftar) melalui",
        r"^(belum|sudah) memiliki akun",
        r"^konfirmasi email$",
        r"^kami telah mengirimkan link aktivasi",
        r"^klik link aktivasi",
        r"^jika anda tidak menerima email",
        r"^kirimkan lagi sekarang",
        r"^iklan$",
        r"^scroll untuk melanjutkan",
        r"^baca juga\s*:?",
        r"^baca berita tanpa iklan",
        r"^image-gnews$",
        r"^loading\.{3}$",
        r"^a a a$",
        r"^foto\s*/\s*\w+$",
        r"^close ads$",
        r"^bagikan artikel ini",
        r"^oke$",
        r"^komentar$",
        r"^login untuk memaksimalkan",
        r"^reporter$",
        r"^editor$",
        r"^halaman\s*:?$",
        r"^reuters$",
        r"^(ap|afp|antara|reuters)(\s*/\s*\w+)?$",
        r"^\([a-z]{2,5}\)$",
        r"^[a-z]{1,4}/[a-z]{1,4} \([^)]*\)$",
        r"^sumber\s*:",
        r"^all rights? reserved",
        r"^copyright\b",
        r"^©",
        r"^read/ rendering in",
        r"^share\b.*$",
        r"^bagikan\b",
        r"^tag\s*:",
        r"^(\d+ )?(menit|jam|hari) lalu$",
        r"^pilihan editor\b",
        r"^video pilihan$",
        r"^[\w.]+\s*-\s*\d{1,2}/\d{1,2}/\d{4},\s*\d{1,2}[:.]\d{2}\s*WIB$",
    )
]

# The article is over at the first line matching one of these: what follows is recommendations and footers.
END_OF_ARTICLE = [
    re.compile(p, re.I)
    for p in (
        r"^pilihan editor\b",
        r"^rekomendasi artikel$",
        r"^rekomendasi untuk anda$",
        r"^terkini lainnya$",
        r"^berita terkini$",
        r"^berita terkait$",
        r"^baca berita terkait",
        r"^dapatkan berita terkini",
        r"^video pilihan$",
        r"^konten sponsor pada widget",
        r"^halaman\s*:?$",
        r"^copyright\b",
        r"^©",
    )
]

# Masthead strings that name the outlet.
OUTLETS = [
    (re.compile(r"\bTEMPO\.CO\b|Majalah Tempo"), "Tempo"),
    (re.compile(r"\bKompas\.com\b", re.I), "Kompas"),
    (re.compile(r"\bSINDOnews\b", re.I), "SINDOnews"),
    (re.compile(r"^Deutsche Welle$|Sumber: Deutsche Welle", re.M), "Deutsche Welle"),
    (re.compile(r"\bTribunNews\.com\b", re.I), "Tribunnews"),
    (re.compile(r"\bdetik\.com\b", re.I), "detikcom"),
    (re.compile(r"\bCNN Indonesia\b"), "CNN Indonesia"),
    (re.compile(r"\bANTARA\b"), "Antara"),
]

# A dateline such as "TEMPO.CO, Jakarta - " opens the body; the prefix is kept, it is the outlet's own text.
DATELINE = re.compile(r"^[A-Z][\w.]+(, [A-Z][a-z]+)? - |^[A-Z]{3,}(, [A-Z][a-z]+)? - ")
