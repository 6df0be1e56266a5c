"""Build the quotes_en suite (English news quote attribution) from PolNeAR's TRAIN compartment.

    python eval/suites/quotes_en/build.py /tmp/factbot_raw/polnear/data
      (a folder holding train/text/*.txt and train/attributions/*.ann from
       networkdynamics/PolNeAR data/; only train/ is read)

An item asks 'Who said "<first ~12 words of a directly quoted content span>..."?'
and its gold answer is the attribution's source span, character for character.
Articles are split between dev and heldout; an article's text file is copied
unchanged (its first line is the headline), so brat offsets stay exact. A
quotation that also appears in an article of the other split is not asked.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import SPLITS, dedupe, item, reset, write_split  # noqa: E402

SUITE = "quotes_en"
SEED = 20250604
QUESTIONS_PER_SPLIT = 100
MAX_PER_ARTICLE = 3
DISTRACTOR_ARTICLES = 20  # articles of the same split with no question, mixed in
SNIPPET_WORDS = 12
MIN_QUOTE_WORDS = 6

QUOTE_MARKS = "\"“”‘’'"
SPEECH = re.compile(
    r"\b(said|says|say|told|tells|tell|added|adds|adding|wrote|writes|tweeted|tweets|continued|saying|according|"
    r"asked|asks|responded|replied|declared|stated|concluded|explained|noted|notes|insisted|argued|warned|"
    r"recalled|statement|remarked|announced|claimed|joked|quipped)\b",
    re.I,
)
NOT_A_NAME = {
    "he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "their", "its", "this", "that",
    "the", "a", "an", "one", "some", "many", "most", "others", "other", "both", "all", "another", "these", "those",
}
TITLES = {"Sen.", "Rep.", "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Senator", "Governor", "Secretary",
          "Speaker", "Former", "former", "Vice", "Judge", "Rev.", "Gen.", "Lt.", "Col.", "Mayor", "Chairman"}
ORG_WORDS = {"News", "Party", "Post", "Times", "Committee", "Campaign", "House", "Department", "Association",
             "Inc.", "Group", "Fox", "CNN", "Journal", "Press", "Foundation", "Institute", "University", "Council",
             "Center", "Network", "Agency", "Office", "Commission", "Court", "Today", "Politico", "Breitbart",
             "Democrats", "Republicans", "PAC", "Company", "Administration", "Senate", "Congress", "Union"}
NEWS_OUTLETS = {"Reuters", "AP", "Associated", "CNN", "Fox", "MSNBC", "NBC", "ABC", "CBS", "Breitbart", "Politico",
                "Times", "Post", "Journal", "Bloomberg", "AFP", "NPR", "Daily", "Tribune", "Herald", "Globe",
                "Newsweek", "BuzzFeed", "Axios", "Hill", "Guardian", "BBC", "Gazette", "Magazine", "Network"}


def parse_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, str]]]:
    """brat standoff: T lines (label, offset segments, text; text may run over several lines) and E lines."""
    spans: dict[str, list] = {}
    events: list[dict[str, str]] = []
    last = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        m = re.match(r"^(T\d+)\t(\S+) ([\d; ]+)\t(.*)$", line)
        if m:
            segs = [tuple(map(int, s.split())) for s in m.group(3).split(";")]
            spans[m.group(1)] = [m.group(2), segs, m.group(4)]
            last = m.group(1)
            continue
        m = re.match(r"^(E\d+)\t(.*)$", line)
        if m:
            events.append(dict(x.split(":", 1) for x in m.group(2).split()))
            last = None
            continue
        if line.startswith("#"):
            last = None
            continue
        if last is not None:
            spans[last][2] += "\n" + line
    return {k: (v[0], v[1], v[2]) for k, v in spans.items()}, events


def looks_named(source: str) -> bool:
    words = source.split()
    if not 1 <= len(words) <= 6 or any(c in source for c in QUOTE_MARKS + "\n"):
        return False
    if words[0].lower() in NOT_A_NAME or re.fullmatch(r"[A-Z]", words[-1]):
        return False  # a pronoun or the like, or a span cut short ('Ian H')
    return any(w[:1].isupper() and w.lower() not in NOT_A_NAME for w in words) and words[0][:1].isupper()


FUNCTION_WORDS = {"On", "To", "In", "At", "For", "With", "By", "From", "As", "But", "And", "If", "When", "While",
                  "After", "Before", "So", "Yet", "Or", "Of", "Than", "Like", "Unlike", "Asked", "Said", "Says",
                  "Told", "Donor", "Candidate", "Nominee", "Rival", "Critic", "Aide", "Spokesman", "Spokeswoman"}


def _name_core(source: str) -> list[str]:
    """The trailing run of capitalised words of the name part, titles dropped:
    'Famed fight doctor Ferdie Pacheco' -> ['Ferdie', 'Pacheco']; 'Sen. Tammy Baldwin of Wisconsin' ->
    ['Tammy', 'Baldwin']; 'Rep. Jim McDermott (D-Wash.)' -> ['Jim', 'McDermott']; 'Butz, 49,' -> ['Butz']."""
    head = re.split(r",|\(| of | from | who | at ", source)[0]
    core: list[str] = []
    for w in reversed(head.split()):
        if w[:1].isupper() and w not in TITLES and w not in FUNCTION_WORDS:
            core.insert(0, w)
        else:
            break
    if len(core) > 2:  # 'Filmmaker Jack Marino', 'Maricopa County Recorder Helen Purcell': keep the name
        core = core[-3:] if re.fullmatch(r"[A-Z]\.", core[-2]) else core[-2:]
    return core


def _full_names(surname: str, text: str) -> Counter:
    """'First [Middle] Surname' written mid-sentence in the article, counted by the whole string."""
    found: Counter = Counter()
    pat = r"\b([A-Z][a-z]+(?: [A-Z]\.)? " + re.escape(surname) + r")\b"
    for m in re.finditer(pat, text):
        first = m.group(1).split()[0]
        before = text[: m.start()].rstrip()
        if before and before[-1] not in ".!?\"“”\n:" and first not in TITLES | FUNCTION_WORDS | {"The", "A", "An"}:
            found[m.group(1)] += 1
    return found


def aliases(source: str, text: str) -> list[str]:
    """Other ways to write the same speaker, only where the article leaves no doubt: the bare name inside a
    longer source span; the full name for a bare surname when the article gives that surname one first name
    only; the surname alone for a person's full name, on the same condition and when the article also uses the
    surname alone."""
    out = [source]
    core = _name_core(source)
    if core and " ".join(core) != source:
        out.append(" ".join(core))
    if not core or set(core) & ORG_WORDS or not core[-1].isalpha() or len(core[-1]) < 3:
        return dedupe(out)
    full = _full_names(core[-1], text)
    firsts = {k.split()[0] for k in full}
    if len(core) > 1:
        firsts.add(core[0])
    if len(firsts) != 1:
        return dedupe(out)  # two people share the surname here (Donald and Ivanka Trump): no alias
    if len(core) == 1 and full:
        out.append(full.most_common(1)[0][0])
    alone = len(re.findall(r"\b" + re.escape(core[-1]) + r"\b", text)) - len(
        re.findall(r"\b" + re.escape(" ".join(core)) + r"\b", text))
    if 2 <= len(core) <= 3 and alone > 0:
        out.append(core[-1])  # the article itself calls the speaker by surname (a person, not 'Judicial Watch')
    return dedupe(out)


def candidates(art: str, text: str, ann: Path) -> list[tuple[str, list[str], int]]:
    spans, events = parse_ann(ann)
    out = []
    for roles in events:
        if not {"Source", "Content"} <= roles.keys():
            continue
        _, ssegs, stext = spans[roles["Source"]]
        _, csegs, _ = spans[roles["Content"]]
        cue = spans[roles["Cue"]][2] if roles.get("Cue") in spans else ""
        if len(ssegs) != 1 or not looks_named(stext) or not SPEECH.search(cue):
            continue
        if set(re.findall(r"[A-Za-z]+", stext)) & NEWS_OUTLETS:
            continue  # 'according to Reuters': the outlet relays the quote, it is not the speaker
        s0, s1 = ssegs[0]
        assert text[s0:s1] == stext, f"{ann.name}: source offsets do not hold"
        c0, c1 = csegs[0]
        quote = text[c0:c1].split("\n")[0].strip()
        if quote.startswith("''"):  # the New York Times texts write quotation marks as two apostrophes
            body = quote[2:].split("''")[0]
        elif quote[:1] in "\"“":
            body = re.split(r"[\"”]", quote[1:])[0]  # up to the closing quotation mark
        else:
            continue  # direct quotations only
        words = body.split()
        if len(words) < MIN_QUOTE_WORDS:
            continue
        snippet = " ".join(words[:SNIPPET_WORDS])
        if text.count(snippet) != 1 or stext in snippet:
            continue  # the question must point at exactly one quotation
        tail = "..." if len(words) > SNIPPET_WORDS else ""
        snippet = snippet.rstrip(",;:")
        if snippet.endswith(".") and not re.search(r"\b[A-Z][a-z]{0,3}\.$", snippet):
            snippet = snippet[:-1]  # a full stop, not an abbreviation such as 'Sen.'
        question = f'Who said "{snippet}{tail}"?'
        out.append((question, aliases(stext, text), s0))
    return out


def main(raw: str) -> None:
    root = Path(raw) / "train"
    ann_by_art: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        art = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        ann_by_art.setdefault(art, ann)  # one annotator per article: the first file name in sort order
    arts = sorted(a for a in ann_by_art if (root / "text" / f"{a}.txt").is_file())
    rng = random.Random(SEED)
    rng.shuffle(arts)
    half = len(arts) // 2
    split_arts = {"dev": arts[:half], "heldout": arts[half:]}
    assert not set(split_arts["dev"]) & set(split_arts["heldout"])
    reset(HERE)
    all_texts = {split: {a: (root / "text" / f"{a}.txt").read_text(encoding="utf-8") for a in split_arts[split]}
                 for split in SPLITS}
    for split in SPLITS:
        texts = all_texts[split]
        other = "\n".join(t for sp in SPLITS if sp != split for t in all_texts[sp].values())
        pool = []
        for a in split_arts[split]:
            for question, answers, start in candidates(a, texts[a], ann_by_art[a]):
                snippet = question[len('Who said "'):].rsplit('"', 1)[0].removesuffix("...")
                if snippet in other:
                    continue  # the same quotation is reported in an article of the other split
                pool.append((a, question, answers, start))
        rng.shuffle(pool)
        picked, per_art = [], Counter()
        for c in pool:
            if len(picked) == QUESTIONS_PER_SPLIT:
                break
            if per_art[c[0]] < MAX_PER_ARTICLE and c[1] not in {p[1] for p in picked}:
                picked.append(c)
                per_art[c[0]] += 1
        used = sorted(per_art)
        spare = [a for a in split_arts[split] if a not in per_art]
        files = {f"{a}.txt": texts[a] for a in used + spare[:DISTRACTOR_ARTICLES]}
        items = [
            item(SUITE, split, n, "en", question, answers, f"{a}.txt", start, "who_said")
            for n, (a, question, answers, start) in enumerate(picked, 1)
        ]
        write_split(HERE, split, files, items)
        size = sum(len(t.encode("utf-8")) for t in files.values())
        print(f"{SUITE}/{split}: {len(split_arts[split])} articles in the split, {len(pool)} candidate quotes, "
              f"{len(files)} files written ({len(used)} with questions), {size} bytes, {len(items)} items")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
