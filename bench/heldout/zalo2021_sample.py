#!/usr/bin/env python3
"""The held-out question sample of bench_relevance (bench/heldout/SOURCE.md).

    bench/heldout/zalo2021_sample.py train_question_answer.json [OUT]

OUT defaults to ~/.cache/vanban/zalo2021-heldout.tsv; one line a question:
question_id TAB law_id:article_id[;law_id:article_id] TAB question.

The rule, fixed before anything was run: in file order, every item of the Zalo AI 2021
legal text retrieval training file before the item STOP_AT (the part of the file read in
session 17: the first 592,000 of its 1,190,402 characters), whose gold articles all lie in a
law of the ALQAC 2022 archive that is named by its own number (91/2015/QH13 the Civil Code,
24/2018/QH14 the Law on Cybersecurity, 45/2019/QH14 the Labour Code; the consolidated
01/VBHN-VPQH is left out: a consolidation number does not name one document across years).
STOP_AT = "" takes the whole file.
"""
import json
import os
import sys

STOP_AT = "bb9b963585bf99fe22aa045508feb510"  # the first item not taken
LAWS = {"91/2015/qh13", "24/2018/qh14", "45/2019/qh14"}


def sample_line(item: dict) -> str | None:
    """The item's line (question_id TAB gold TAB question), or None where a gold article lies
    outside LAWS (or there is none)."""
    golds = [(a["law_id"].lower(), a["article_id"]) for a in item["relevant_articles"]]
    if not golds or any(law not in LAWS for law, _ in golds):
        return None
    gold = ";".join(f"{law}:{article}" for law, article in golds)
    return f"{item['question_id']}\t{gold}\t{item['question'].strip()}\n"


def write_lines(out: str, lines: list[str]) -> None:
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{out}: {len(lines)} questions")


def main() -> None:
    source = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.expanduser(
        "~/.cache/vanban/zalo2021-heldout.tsv")
    with open(source, encoding="utf-8") as f:
        items = json.load(f)["items"]
    lines = []
    for item in items:
        if item["question_id"] == STOP_AT:
            break
        if (line := sample_line(item)) is not None:
            lines.append(line)
    write_lines(out, lines)


if __name__ == "__main__":
    main()
