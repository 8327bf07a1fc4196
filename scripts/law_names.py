#!/usr/bin/env python3
"""Generates analyzers/src/structure/law_names.inc: names of laws, codes and ordinances
(Luật, Bộ luật, Pháp lệnh) as the extractor's vocabulary for laws cited by name.

Sources (../shared/corpus, see its README; public metadata, no body text):
  real/alqac2026-congbao-meta/congbao_metadata.jsonl  the gazette's "Thuộc tính" records:
      - each Luật/Bộ luật/Pháp lệnh record's own title ("Luật số 68/2014/QH13 luật doanh nghiệp")
      - law names cited in any record's title ("... một số điều của Luật Đất đai."), read by the
        rules of a citation: the name ends the title, or stops before what follows a name in
        running text (" về ", " năm 2019", " số 12/...", ";", " đã được", " và Nghị định ...").
  real/alqac-law/alqac2022_law.json, alqac2023_law.json: the law corpora's ids that are names.
And the lists of scripts/law_names/*.txt (public lists of laws, codes and constitutions, one
name a line; scripts/law_names/SOURCE.md names where each came from).

The table lists names, not documents: it tells the extractor where a name ends when its words
could also start the rest of the sentence ("Luật Giáo dục nghề nghiệp tổ chức ..."). Names not
in it are still read by the rules. Run from the repository root:
    python3 scripts/law_names.py ../shared/corpus > analyzers/src/structure/law_names.inc
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = ("Bộ luật", "Pháp lệnh", "Luật", "Hiến pháp")
# Where a name cited in a title stops: what follows a law's name in a sentence.
STOPS = re.compile(
    r"\s+(?:về|năm \d{4}|số\s*\d|đã được|được|đối với|trong|tại Nghị định|\(sửa đổi\)"
    r"|và (?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|luật|hướng dẫn"
    r"|biện pháp|sửa đổi|các|Danh mục)"
    r"|hướng dẫn|quy định|thi hành|theo)\b"
    r"|\s*[;:(]|,\s*(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|hướng dẫn|Quyết định)\b")
START = re.compile(r"(?<!\w)(Bộ luật|Pháp lệnh|Luật|Hiến pháp)\s+(\w)")


def nfc(text):
    return unicodedata.normalize("NFC", text)


def clean(name):
    name = re.sub(r"\s+", " ", name).strip().rstrip(".,;: ")
    return name


def capitalise_after_type(type_word, rest):
    rest = rest.strip()
    return f"{type_word} {rest[:1].upper()}{rest[1:]}" if rest else ""


def own_titles(records):
    """"Luật số 68/2014/QH13 luật doanh nghiệp." -> "Luật Doanh nghiệp"."""
    for record in records:
        kind = record.get("loai_van_ban", "")
        if kind not in ("Luật", "Bộ luật", "Pháp lệnh"):
            continue
        title = nfc(record.get("title", ""))
        match = re.match(r"^(?:Luật|Bộ luật|Pháp lệnh)\s+số\s+\S+\s+(.*)$", title)
        if not match:
            continue
        rest = clean(match.group(1))
        type_word = kind
        for candidate in ("bộ luật", "pháp lệnh", "luật"):
            if rest.lower().startswith(candidate + " "):
                type_word = "Bộ luật" if candidate == "bộ luật" else candidate.capitalize()
                rest = rest[len(candidate) + 1:]
                break
        if rest.lower().startswith("sửa đổi"):
            continue  # an amending law's name is a chain of other names
        yield capitalise_after_type(type_word, rest), "own"


def cited_in_titles(records):
    for record in records:
        title = nfc(record.get("title", ""))
        covered = 0
        for match in START.finditer(title):
            if match.start() < covered:
                continue  # "Luật Luật sư": the second word is part of the name
            rest = title[match.start(2):]
            stop = STOPS.search(rest)
            name = clean(rest[: stop.start()] if stop else rest)
            # A name written in lower case counts only where the title ends with it, after
            # "của" ("... một số điều của Pháp lệnh ưu đãi người có công với cách mạng.").
            # Two words at least: "của Luật sư" is a lawyer.
            if not match.group(2).isupper() and (
                    stop or len(name.split()) < 2
                    or not title[: match.start()].rstrip().endswith("của")):
                continue
            if not name or name.lower().startswith("sửa đổi"):
                continue
            if len(name.split()) > 16 or re.search(r"\d", name):
                continue
            covered = match.start(2) + len(name)
            yield capitalise_after_type(match.group(1), name), "title"


def alqac_ids(corpus):
    for name in ("alqac2022_law.json", "alqac2023_law.json"):
        path = corpus / "real" / "alqac-law" / name
        if not path.exists():
            continue
        for law in json.loads(path.read_text(encoding="utf-8")):
            law_id = nfc(str(law.get("id", "")))
            for type_word in TYPES:
                if law_id.lower().startswith(type_word.lower() + " "):
                    yield capitalise_after_type(type_word, law_id[len(type_word) + 1:]), "own"
                elif law_id.lower() == type_word.lower():
                    yield type_word, "own"


# What the public lists abbreviate, spelled out as the names are promulgated.
LIST_WORDS = [
    (re.compile(r"\b1 số\b"), "một số"),
    (re.compile(r"\bHĐND, UBND\b"), "Hội đồng nhân dân, Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
]


def listed_names(folder):
    """The names of scripts/law_names/*.txt: a year after a name, a bracketed note and a portal's
    label "sửa đổi" (the amended law's page) dropped; amending laws and lists of several laws
    left out (chains of other names, read by the rules); "Luật X" left out where "Bộ luật X" is
    listed (a portal's short label for a code)."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            name = nfc(line).strip()
            name = re.sub(r"\s*\([^)]*\)", "", name)
            name = re.sub(r"\s+(?:năm(?:\s+\d{4})?|\d{4})$", "", name)
            name = re.sub(r"\s+sửa đổi$", "", name)
            for pattern, spelled in LIST_WORDS:
                name = pattern.sub(spelled, name)
            name = clean(name)
            if re.search(r"(?:,| và) (?:Luật|Bộ luật|Pháp lệnh) ", name):
                continue  # several laws in one line
            for type_word in TYPES:
                if name.lower().startswith(type_word.lower() + " "):
                    rest = name[len(type_word) + 1:]
                    if rest.lower().startswith("sửa đổi"):
                        break
                    found.append((type_word, rest))
                    break
    codes = {fold(rest) for type_word, rest in found if type_word == "Bộ luật"}
    for type_word, rest in found:
        if type_word == "Luật" and fold(rest) in codes:
            continue
        yield capitalise_after_type(type_word, rest), "own"


def fold(text):
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def main():
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    meta = corpus / "real" / "alqac2026-congbao-meta" / "congbao_metadata.jsonl"
    records = [json.loads(line) for line in meta.read_text(encoding="utf-8").splitlines() if line]
    counts = {}
    forms = {}  # key -> {form: count}
    lists = Path(__file__).resolve().parent / "law_names"
    for name, source in [*own_titles(records), *cited_in_titles(records), *alqac_ids(corpus),
                         *listed_names(lists)]:
        if len(name.split()) < 2 and name not in ("Hiến pháp",):
            continue
        key = fold(name)
        counts[key] = counts.get(key, 0) + 1
        # The form written most often (a law's own title counts double): typos lose.
        weights = forms.setdefault(key, {})
        weights[name] = weights.get(name, 0) + (2 if source == "own" else 1)
    print("// Generated by scripts/law_names.py from ../shared/corpus and scripts/law_names/ (see the")
    print("// script and scripts/law_names/SOURCE.md); do not edit.")
    print("// Names of laws, codes and ordinances, one string each, as written.")
    for key in sorted(forms):
        form = max(sorted(forms[key]), key=lambda name: forms[key][name])
        if re.search(r"\s(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)\s", form.split(" ", 1)[1] + " "):
            continue  # a chain of names ("Luật Đất đai và sửa đổi Luật Đất đai"), not one name
        escaped = form.replace("\\", "\\\\").replace('"', '\\"')
        print(f'"{escaped}",')


if __name__ == "__main__":
    main()
