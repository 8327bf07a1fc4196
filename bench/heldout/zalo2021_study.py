#!/usr/bin/env python3
"""The Zalo 2021 study sample of bench_relevance (bench/heldout/SOURCE.md).

    bench/heldout/zalo2021_study.py train_question_answer.json [OUT]

OUT defaults to ~/.cache/vanban/zalo2021-study.tsv; the lines are those of
zalo2021_sample.py (question_id TAB law_id:article_id[;...] TAB question).

The same rule as the held-out sample (zalo2021_sample.py), on the other part of the file: in
file order, every item FROM the item STOP_AT (the first item the held-out sample does not
take) to the end, whose gold articles all lie in a law of the ALQAC 2022 archive named by its
own number. These questions may be read, studied and tuned on; the held-out ones may not.
"""
import json
import os
import sys

from zalo2021_sample import STOP_AT, sample_line, write_lines


def main() -> None:
    source = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.expanduser(
        "~/.cache/vanban/zalo2021-study.tsv")
    with open(source, encoding="utf-8") as f:
        items = json.load(f)["items"]
    ids = [item["question_id"] for item in items]
    if STOP_AT not in ids:
        sys.exit(f"{source}: no item {STOP_AT}: not the file of bench/heldout/SOURCE.md")
    lines = [line for item in items[ids.index(STOP_AT):]
             if (line := sample_line(item)) is not None]
    write_lines(out, lines)


if __name__ == "__main__":
    main()
