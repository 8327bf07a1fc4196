#!/usr/bin/env bash
# Hostile Word files against two builds of `vanban index` (docs/RELIABILITY.md, "Hostile
# inputs"): each file indexed alone into a fresh archive with `/usr/bin/time -v`, its peak RSS,
# CPU seconds (user + sys), exit code and message, then the ratio of this build to the other.
#   a DOCX whose word/document.xml is 90 MB of short distinct paragraphs, 9-10:1 compressed
#     (under the zip-bomb ratio of 200:1, so it is read); the same marked up as Word writes
#     paragraphs (paragraph and run properties: five times the elements per byte of text);
#   the same 90 MB as one paragraph of runs;
#   elements nested 300 deep (past libxml2's 256);
#   one text node of 11 MB (past libxml2's 10 MB).
# Usage: MAIN_VANBAN=/path/to/main/vanban scripts/hostile_docx.sh [case...]
#   VANBAN (default build/vanban) is the build measured; MAIN_VANBAN the one it is compared with
#   (unset: this build only). HOSTILE_MB sets the size of the large parts (default 90).
#   Cases: paragraphs, word-paragraphs, one-paragraph, deep, huge-node (default: all).
#   HOSTILE_KEEP=DIR keeps the files made (and the archives) in the new folder DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban=${VANBAN:-$PWD/build/vanban}
main_vanban=${MAIN_VANBAN:-}
megabytes=${HOSTILE_MB:-90}
cases=("$@")
[[ ${#cases[@]} -eq 0 ]] && cases=(paragraphs word-paragraphs one-paragraph deep huge-node)
if [[ -n ${HOSTILE_KEEP:-} ]]; then  # the files and archives kept in this (new) folder
  work=$HOSTILE_KEEP
  mkdir "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# One DOCX per case, written by Python's zipfile (deflate, level 9).
python3 - "$work" "$megabytes" "${cases[@]}" <<'PY'
import os, random, sys, zipfile
work, megabytes, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
TAIL = '</w:body></w:document>'
random.seed(20261206)
syllables = ("cơ quan đơn vị tổ chức thực hiện quy định về việc tiếp công dân giải quyết khiếu nại "
             "tố cáo kiến nghị phản ánh của cá nhân hồ sơ thủ tục hành chính trách nhiệm báo cáo "
             "kết quả kiểm tra giám sát ngân sách nhà nước dự toán quyết toán").split()

def sentence(i):  # short and distinct: deflate packs the part about 9:1, as real text
    words = " ".join(random.choice(syllables) for _ in range(2))
    return f"Khoản {i}. Quy định về {words} số {random.randrange(10**4)}"

def write(name, document_xml):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    path = os.path.join(folder, name + ".docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", document_xml)
    packed = os.path.getsize(path)
    size = len(document_xml.encode())
    print(f"{name}: document.xml {size / 2**20:.1f} MB, file {packed / 2**20:.1f} MB,"
          f" ratio {size / packed:.1f}:1")

target = megabytes * 2**20
if "paragraphs" in cases:
    parts, size, i = [HEAD], len(HEAD), 0
    while size < target:
        i += 1
        p = f"<w:p><w:r><w:t>{sentence(i)}</w:t></w:r></w:p>"
        parts.append(p)
        size += len(p.encode())
    write("paragraphs", "".join(parts) + TAIL)
if "word-paragraphs" in cases:  # the same, marked up as Word writes each paragraph
    ppr = ('<w:pPr><w:spacing w:before="120" w:after="0" w:line="288" w:lineRule="auto"/>'
           '<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>')
    rpr = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
           'w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>')
    parts, size, i = [HEAD], len(HEAD), 0
    while size < target:
        i += 1
        rsid = "%08X" % random.randrange(16**8)
        p = (f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}">{ppr}<w:r>{rpr}<w:t>{sentence(i)}</w:t></w:r>'
             f'<w:r>{rpr}<w:t xml:space="preserve"> {random.choice(syllables)}</w:t></w:r></w:p>')
        parts.append(p)
        size += len(p.encode())
    write("word-paragraphs", "".join(parts) + TAIL)
if "one-paragraph" in cases:
    parts, size, i = [HEAD + "<w:p>"], len(HEAD), 0
    while size < target:
        i += 1
        r = f"<w:r><w:t xml:space=\"preserve\">{sentence(i)} </w:t></w:r>"
        parts.append(r)
        size += len(r.encode())
    write("one-paragraph", "".join(parts) + "</w:p>" + TAIL)
if "deep" in cases:
    write("deep", HEAD + "<w:sdt><w:sdtContent>" * 300 + "<w:p><w:r><w:t>Điều 1.</w:t></w:r></w:p>"
          + "</w:sdtContent></w:sdt>" * 300 + TAIL)
if "huge-node" in cases:
    text, size, i = [], 0, 0
    while size < 11 * 2**20:
        i += 1
        text.append(sentence(i) + " ")
        size += len(text[-1].encode())
    write("huge-node", HEAD + "<w:p><w:r><w:t>" + "".join(text) + "</w:t></w:r></w:p>" + TAIL)
PY

# name binary case: "rss_kb cpu_s exit message"
measure() {
  local label=$1 binary=$2 case=$3 db="$work/db-$1-$3"
  local log="$work/time-$1-$3" out="$work/out-$1-$3"
  set +e
  /usr/bin/time -v "$binary" index --jobs 1 --json --db "$db" "$work/$case" >"$out" 2>"$log"
  local code=$?
  set -e
  local rss user sys
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  local message
  message=$(python3 -c '
import json, sys
try:
    summary = json.load(open(sys.argv[1]))
except ValueError:
    sys.exit(print("(no summary)"))
notes = ["failed: " + n["reason"] for n in summary["failed"]]
notes += ["warning: " + n["message"] for n in summary["warnings"]]
print(("; ".join(notes) or "added %d" % summary["added"])[:400])' "$out")
  echo "$rss $(echo "$user + $sys" | bc) $code $message"
}

printf '%-14s %-6s %10s %8s %4s  %s\n' case build "peak MB" "CPU s" exit message
for case in "${cases[@]}"; do
  read -r rss cpu code message < <(measure branch "$vanban" "$case")
  printf '%-14s %-6s %10.1f %8.2f %4s  %s\n' "$case" branch "$(echo "$rss / 1024" | bc -l)" "$cpu" \
    "$code" "$message"
  if [[ -n $main_vanban ]]; then
    read -r main_rss main_cpu main_code main_message < <(measure main "$main_vanban" "$case")
    printf '%-14s %-6s %10.1f %8.2f %4s  %s\n' "$case" main "$(echo "$main_rss / 1024" | bc -l)" \
      "$main_cpu" "$main_code" "$main_message"
    printf '%-14s ratio  %10.3f %8.3f\n' "$case" "$(echo "$rss / $main_rss" | bc -l)" \
      "$(echo "$cpu / $main_cpu" | bc -l)"
  fi
done
