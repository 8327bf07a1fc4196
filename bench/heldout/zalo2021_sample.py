#!/usr/bin/env python3
"""The held-out question sample of bench_relevance (bench/heldout/SOURCE.md).

    bench/heldout/zalo2021_sample.py train_question_answer.json [OUT]

OUT defaults to ~/.cache/vanban/zalo2021-heldout.tsv; one line a question:
question_id TAB law_id:article_id[;law_id:article_id] TAB question.

The rule, fixed before anything was run: in file order, every item of the Zalo AI 2021
legal text retrieval training file whose "question_id" key starts within the file's first
LIMIT characters (the part of the file read for session 17), and whose gold articles all lie
in a law of the ALQAC 2022 archive that is named by its own number (91/2015/QH13 the Civil
Code, 24/2018/QH14 the Law on Cybersecurity, 45/2019/QH14 the Labour Code; the consolidated
01/VBHN-VPQH is left out: a consolidation number does not name one document across years).
"""
import json
import os
import sys

LIMIT = 208_000  # characters of the file as distributed (1,190,402 characters; SOURCE.md)
LAWS = {"91/2015/qh13", "24/2018/qh14", "45/2019/qh14"}


def main() -> None:
    source = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.expanduser(
        "~/.cache/vanban/zalo2021-heldout.tsv")
    with open(source, encoding="utf-8") as f:
        raw = f.read()
    items = json.loads(raw)["items"]
    # Where each item starts: the n-th "question_id" key of the text is the n-th item's.
    starts = []
    at = raw.find('"question_id"')
    while at != -1:
        starts.append(at)
        at = raw.find('"question_id"', at + 1)
    assert len(starts) == len(items), "one question_id key an item"
    lines = []
    for start, item in zip(starts, items):
        if start >= LIMIT:
            break
        golds = [(a["law_id"].lower(), a["article_id"]) for a in item["relevant_articles"]]
        if not golds or any(law not in LAWS for law, _ in golds):
            continue
        gold = ";".join(f"{law}:{article}" for law, article in golds)
        lines.append(f"{item['question_id']}\t{gold}\t{item['question'].strip()}\n")
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{out}: {len(lines)} questions")


if __name__ == "__main__":
    main()
