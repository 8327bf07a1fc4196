#!/usr/bin/env bash
# Where a search page spends its instructions, per query kind and part, for one or two builds of
# bench_ranking on one kept archive: callgrind of the measured round (from the mark
# vanban_bench_measured_rounds, so the warm-up round and the facet columns' build are left out),
# inclusive counts of the parts per search, in millions of instructions; with two builds,
# "old → new" and the ratio of the whole page.
#
#   [KINDS="kind;kind"] bench/search_profile.sh DB_DIR DOCS BENCH_RANKING [NEW_BENCH_RANKING]
#
# DB_DIR and DOCS as bench_ranking's --db and --docs (the archive must exist: run bench_ranking
# --docs DOCS --db DB_DIR once). Needs valgrind. Instructions are counted, so the figures hold on
# a busy machine; one round of each kind (numbers are deterministic to a few parts in 10^4).
set -euo pipefail
db=$1 docs=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kinds=("topic, accented" "topic, unaccented" "words, accented" "words, unaccented"
  "strict phrase" "topic + filters" "number" "topic, by date")
# KINDS="topic, accented;strict phrase" profiles only those kinds (each run takes minutes at
# 100,000 documents on a busy machine).
if [ -n "${KINDS:-}" ]; then IFS=';' read -r -a kinds <<<"$KINDS"; fi
build=0
for bin in "$@"; do
  mkdir -p "$work/$build"
  for i in "${!kinds[@]}"; do
    valgrind --tool=callgrind --zero-before=vanban_bench_measured_rounds \
      --callgrind-out-file="$work/$build/k$i.out" "$bin" --docs "$docs" --db "$db" --rounds 1 \
      --two-phase-only --kind "${kinds[$i]}" >/dev/null 2>"$work/$build/k$i.err"
  done
  build=$((build + 1))
done
python3 - "$work" "$build" "${#kinds[@]}" <<'PY'
import re, subprocess, sys, os
def clean(fn):
    fn = re.sub(r" \[[^\]]*\]$", "", fn.strip())
    fn = re.sub(r" \(\d+x\)$", "", fn)
    return fn.split(":", 1)[1] if ":" in fn else fn
def load(path):
    # Inclusive counts per function ("*" lines), and per call from one function to another (">").
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling",
                          "--threshold=100", path], capture_output=True, text=True).stdout
    rows, edges, caller = [], [], None
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+([*>])\s+(\S.*)$", line)
        if not m:
            continue
        n, fn = int(m.group(1).replace(",", "")), clean(m.group(3))
        if m.group(2) == "*":
            rows.append((n, fn))
            caller = fn
        else:
            edges.append((caller, n, fn))
    return rows, edges
def c(profile, p):
    return max([n for n, fn in profile[0] if re.search(p, fn)] or [0])
def calls(profile, caller, callee):
    return sum(n for f, n, g in profile[1] if re.search(caller, f) and re.search(callee, g))
SEARCH = r"vanban::archive::Searcher::search\(vanban::archive::SearchRequest const&\)"
def parts(rows):
    d = {}
    d["search"] = c(rows, SEARCH)
    d["json"] = c(rows, r"page_json\(")
    d["whole"] = d["search"] + d["json"]
    d["ranking"] = c(rows, r"vanban::archive::rank_two_phase\(")
    d["bonuses"] = c(rows, r"::add_bonuses\(")
    d["hint"] = c(rows, r"vanban::archive::restore_accents\(") + c(rows, r"::reweigh\(")
    old = c(rows, r"XapianSearcher::count\(vanban::archive::QueryBuilder const&, Xapian::Query const&, vanban::archive::Filters const&, vanban::archive::FacetColumns const\*\)$")
    # The counting run (its own function, or inlined into run(): then the Xapian run that run()
    # calls itself, ranked searches only; sorted by date that run is the date order's), then the
    # tallies over the columns with the filtered facets' runs.
    RUN = r"XapianSearcher::run\("
    own_run = calls(rows, RUN, r"XapianSearcher::matching_docids\(|vanban::archive::boolean_matches\(")
    if d["ranking"] > 0:
        own_run += calls(rows, RUN, r"Xapian::Enquire::get_mset\(")
    d["counting"] = old if old else own_run + c(rows, r"XapianSearcher::tally\(")
    # The hits' metadata: stored_document, or (since session 22) the page's fields of it.
    d["data"] = c(rows, r"vanban::archive::stored_(page_)?document\(")
    # The hits' texts: read whole (read_stored_text), or up to the passage (builds since session
    # 18: read_stored_text_prefix); texts kept in the data come with the data.
    d["texts"] = (c(rows, r"vanban::archive::read_stored_text(\[abi:cxx11\])?\(") +
                  c(rows, r"vanban::archive::read_stored_text_prefix(\[abi:cxx11\])?\("))
    # The passage: its positions (since session 18 the accented words' read for all hits first,
    # spelled_in); the cutting: make_snippet, or snippet_in_range called on a text's first bytes.
    d["passage"] = (c(rows, r"vanban::archive::passage_range\(") +
                    c(rows, r"vanban::archive::spelled_in(\[abi:cxx11\])?\("))
    d["cut"] = c(rows, r"vanban::archive::make_snippet") + sum(
        n for f, n, g in rows[1]
        if re.search(r"vanban::archive::snippet_in_range", g) and not re.search(r"make_snippet", f))
    d["other"] = (d["search"] - d["ranking"] - d["counting"] - d["data"] - d["texts"] -
                  d["passage"] - d["cut"])
    if d["ranking"] == 0: d["hint"] = 0
    return d
LABELS = [("whole", "whole page (search + JSON)"), ("ranking", "ranking, both phases"),
          ("bonuses", "of which phase 2 bonuses"), ("hint", "of which accent hint (restore, reweigh)"),
          ("counting", "counting (total, facets)"), ("data", "hits' metadata (read, parse)"),
          ("texts", "hits' texts (read, inflate)"),
          ("passage", "snippet passage (positions)"), ("cut", "snippet cutting (tokenise, mark)"),
          ("json", "JSON"), ("other", "the rest (date order run, suggestion, validity, query)")]
N = {"topic, accented": 8, "topic, unaccented": 8, "words, accented": 8, "words, unaccented": 8,
     "strict phrase": 4, "topic + filters": 4, "number": 4, "topic, by date": 4}
work, builds, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
dirs = [os.path.join(work, str(b)) for b in range(builds)]
kinds, data = [], []
for i in range(count):
    err = open(os.path.join(dirs[0], f"k{i}.err")).read()
    kind = re.search(r"--kind (.*)", err).group(1).replace("\\ ", " ").strip()
    kinds.append(kind)
    data.append([parts(load(os.path.join(d, f"k{i}.out"))) for d in dirs])
print("| part | " + " | ".join(kinds) + " |")
print("| --- |" + " ---: |" * len(kinds))
for key, label in LABELS:
    cells = []
    for k, kind in enumerate(kinds):
        vals = [data[k][j][key] / N[kind] / 1e6 for j in range(len(dirs))]
        cells.append(" → ".join(f"{v:.2f}" for v in vals))
    print(f"| {label} | " + " | ".join(cells) + " |")
if len(dirs) > 1:
    cells = []
    for k, kind in enumerate(kinds):
        a, b = data[k][0]["whole"], data[k][-1]["whole"]
        cells.append(f"**{b / a:.2f}**")
    print("| whole page, new ÷ old | " + " | ".join(cells) + " |")
PY
echo
echo "M instructions per search, $docs documents; parts are inclusive (a part called inside another counts in both)."
