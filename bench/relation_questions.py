#!/usr/bin/env python3
"""Relation questions in words, scored over the relations gold (tests/analyzers/gold/relations.jsonl).

For each annotated citation (citing file F, cited instrument X, its relation types), the question
"which documents do <relation> to X" is asked in several phrasings, with X named as a full symbol,
as a type and a number without its code ("nghị định 18/2019"), or a law by name, typed with and
without diacritics, against a running server (`vanban serve` on an archive of
../shared/corpus/real/congbao-8chude). Each is asked twice: read as a question (the default) and as
words (`as_words=1`, what the box did before). A question is answered when F is listed on the first
page (20 hits; words: for each relation's first phrasing only); precision counts, over the listed documents that are gold files, those whose
annotation holds X with that relation. Only aggregate rows per split are printed (held-out misses
are never shown).

usage: relation_questions.py http://127.0.0.1:PORT
"""
import concurrent.futures
import json
import os
import sys
import unicodedata
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, "tests/analyzers/gold/relations.jsonl")
PAGE = os.environ.get("PAGE", "20")  # hits read per question: the first page, or more

PHRASINGS = {
    "can_cu": ["văn bản nào căn cứ {X}", "các văn bản dựa trên {X}", "vb căn cứ vào {X}"],
    "sua_doi": ["văn bản nào sửa đổi {X}", "các văn bản sửa đổi, bổ sung {X}",
                "{X} được sửa đổi bởi văn bản nào"],
    "thay_the": ["văn bản nào thay thế {X}", "những văn bản thay thế {X}",
                 "{X} bị thay thế bởi văn bản nào"],
    "bai_bo": ["vb nào bãi bỏ {X}", "văn bản bãi bỏ {X}", "{X} bị bãi bỏ bởi văn bản nào"],
    "huong_dan": ["văn bản hướng dẫn {X}", "văn bản nào quy định chi tiết {X}",
                  "{X} được hướng dẫn bởi văn bản nào"],
    "thuc_hien": ["văn bản nào thực hiện {X}", "các văn bản triển khai {X}"],
    # A citation of any type: "trích dẫn", "dẫn chiếu".
    "any": ["văn bản nào trích dẫn {X}", "văn bản dẫn chiếu {X}"],
}

# The type a symbol's code names (archive/src/type_codes.cpp's table; statutes and the National
# Assembly's resolutions carry QHkk, its Standing Committee's UBTVQHkk: docs/domain.md 2.2).
TYPE_OF_CODE = {"NĐ": "nghị định", "TT": "thông tư", "TTLT": "thông tư liên tịch",
                "QĐ": "quyết định", "NQ": "nghị quyết", "CT": "chỉ thị"}


def fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def namings(cited):
    """The ways a user names the cited instrument: (form, text)."""
    if not cited[0].isdigit():
        return [("law name", cited), ("law name lower", cited.lower())]
    out = [("symbol", cited)]
    parts = cited.split("/")
    if len(parts) >= 3 and len(parts[1]) == 4:
        code = parts[2].split("-")[0]
        if code.startswith("UBTVQH"):
            kind = "nghị quyết"
        elif code.startswith("QH"):
            kind = "luật"
        else:
            kind = TYPE_OF_CODE.get(code)
        if kind:
            out.append(("type + number", f"{kind} {parts[0]}/{parts[1]}"))
    return out


def search(base, query, as_words):
    params = {"q": query, "size": PAGE}
    if as_words:
        params["as_words"] = "1"
    url = base + "/api/search?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def main():
    base = sys.argv[1].rstrip("/")
    gold = [json.loads(line) for line in open(GOLD, encoding="utf-8")]
    by_file = {os.path.basename(g["file"]): g for g in gold}
    # Every question, then asked 4 at a time. Words (the box before) for each relation's first
    # phrasing only: the baseline, not what is measured.
    asks = []
    for entry in gold:
        citing = os.path.basename(entry["file"])
        for cited, types in entry["relations"].items():
            relations = [t for t in types.split(",") if t in PHRASINGS] + ["any"]
            for relation in relations:
                for form, name in namings(cited):
                    for n, phrasing in enumerate(PHRASINGS[relation]):
                        question = phrasing.format(X=name)
                        for accents, typed in (("with", question), ("without", fold(question))):
                            for mode in ("question", "words") if n == 0 else ("question",):
                                asks.append((entry["split"], citing, cited, relation, form,
                                             accents, typed, mode))

    def ask(item):
        return item, search(base, item[6], item[7] == "words")

    # (split, relation, form, accents, mode) -> [asked, answered, listed gold files, right ones]
    rows = {}
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for (split, citing, cited, relation, form, accents, _, mode), result in pool.map(ask, asks):
            listed = [h.get("filename") for h in result.get("hits", [])]
            row = rows.setdefault((split, relation, form, accents, mode), [0, 0, 0, 0])
            row[0] += 1
            row[1] += citing in listed
            for name_listed in listed:
                other = by_file.get(name_listed)
                if not other:
                    continue
                row[2] += 1
                types_there = other["relations"].get(cited, "")
                row[3] += bool(types_there) and (
                    relation == "any" or relation in types_there.split(","))
    print("split\trelation\tnamed as\tdiacritics\tread as\tasked\trecall\tprecision")
    totals = {}
    for key in sorted(rows):
        asked, answered, listed, right = rows[key]
        split, relation, form, accents, mode = key
        print(f"{split}\t{relation}\t{form}\t{accents}\t{mode}\t{asked}\t"
              f"{answered / asked:.3f}\t{(right / listed) if listed else float('nan'):.3f}")
        total = totals.setdefault((split, accents, mode), [0, 0, 0, 0])
        for i in range(4):
            total[i] += rows[key][i]
    print()
    print("split\tdiacritics\tread as\tasked\trecall\tprecision")
    for key in sorted(totals):
        asked, answered, listed, right = totals[key]
        print(f"{key[0]}\t{key[1]}\t{key[2]}\t{asked}\t{answered / asked:.3f}\t"
              f"{(right / listed) if listed else float('nan'):.3f}")


if __name__ == "__main__":
    main()
