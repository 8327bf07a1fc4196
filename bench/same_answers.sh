#!/usr/bin/env bash
# Do two builds answer every search the same, each on the archive it indexed itself?
#   bench/same_answers.sh OLD_VANBAN NEW_VANBAN [DOCUMENTS]
# Generates DOCUMENTS (default 2000) with bench/corpus.py, indexes them with each build into its
# own archive, then runs every query of the corpus's queries.tsv (with its type and year filters
# where it has them), each also sorted by date and as page 2, through `vanban search --json
# --size 10` of each build, and compares the answers with `took_ms` and the hits' `indexed_at`
# left out (the only fields that differ between two runs of one build). Prints the differing
# queries and exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2")
count=${3:-2000}
py=/usr/bin/python3
work=$(mktemp -d /tmp/vanban-same-answers.XXXXXX)
trap 'rm -rf "$work"' EXIT
$py bench/corpus.py "$work/corpus" "$count" >/dev/null
for build in old new; do
  bin=$old; [[ $build == new ]] && bin=$new
  "$bin" index --no-ocr --db "$work/$build" "$work/corpus/docs" >/dev/null
done
$py - "$work" "$old" "$new" <<'PY'
import json, subprocess, sys
work, old, new = sys.argv[1:4]
def answer(binary, db, args):
    out = subprocess.run([binary, "search", "--json", "--db", db, "--size", "10", *args],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return {"exit": out.returncode, "stderr": out.stderr}
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("took_ms", "indexed_at")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(json.loads(out.stdout))
asked = differing = 0
for line in open(f"{work}/corpus/queries.tsv", encoding="utf-8"):
    kind, query, type_filter, year = (line.rstrip("\n").split("\t") + ["", ""])[:4]
    base = [query]
    if type_filter: base += ["--type", type_filter]
    if year: base += ["--year", year]
    for extra in ([], ["--sort", "newest"], ["--page", "2"]):
        args = base + extra
        asked += 1
        a, b = answer(old, f"{work}/old", args), answer(new, f"{work}/new", args)
        if a != b:
            differing += 1
            print(f"differs: {kind}: {args}")
            print("  old:", json.dumps(a, ensure_ascii=False)[:400])
            print("  new:", json.dumps(b, ensure_ascii=False)[:400])
print(f"same_answers: {asked} searches, {differing} differ")
sys.exit(1 if differing else 0)
PY
