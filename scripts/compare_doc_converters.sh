#!/usr/bin/env bash
# Compares the Debian-packaged readers of .doc and .rtf on the Vietnamese fixtures (the plan in
# Unicode, in TCVN3 and in VNI fonts, saved by LibreOffice as Word 97 and RTF): whether the
# Unicode text, the legacy-font text (after Vanban's legacy conversion) and the two-column
# header block come out right, and the time per file, as a ratio to antiword in the same run.
# Needs antiword, catdoc, wv, unrtf, LibreOffice Writer and a built vanban (build/vanban).
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=tests/indexer/fixtures
vanban=${VANBAN:-build/vanban}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
runs=${RUNS:-5}

# Seconds for `runs` runs of a command, per run.
per_run() {
  local start end
  start=$(date +%s.%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  echo "($end - $start) / $runs" | bc -l
}

# Text of each tool on one file, into $work/<tool>.txt.
run_tool() {  # tool file
  case $1 in
    antiword) antiword -m UTF-8.txt -w 0 "$2" ;;
    catdoc) catdoc -d utf-8 -w "$2" ;;
    wvText) wvText "$2" /dev/stdout 2>/dev/null ;;
    unrtf) unrtf --text "$2" 2>/dev/null ;;
    soffice) rm -rf "$work/out" && soffice -env:UserInstallation="file://$work/profile" --headless \
      --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$2" >/dev/null 2>&1 &&
      unzip -p "$work/out/"*.docx word/document.xml ;;
  esac
}

check() {  # label text expected
  if grep -qF "$3" <<<"$2"; then echo "yes"; else echo "no"; fi
}

printf '%-8s %-22s %-8s %-10s %-8s %s\n' tool file unicode "legacy*" columns "s/file"
base=""
for tool in antiword catdoc wvText soffice unrtf; do
  files=(ke-hoach.doc ke-hoach-tcvn3.doc ke-hoach-vni.doc)
  [[ $tool == unrtf ]] && files=(cong-van.rtf ke-hoach-tcvn3.rtf)
  [[ $tool == soffice ]] && files+=(cong-van.rtf ke-hoach-tcvn3.rtf)
  for file in "${files[@]}"; do
    out=$(run_tool "$tool" "$fixtures/$file" || true)
    # Legacy text as Vanban reads it: the tool's text through `vanban extract` (detection) for
    # the text tools, the DOCX reader (font names) for LibreOffice's DOCX.
    if [[ $tool == soffice ]]; then
      read_text=$("$vanban" extract "$fixtures/$file" | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d.get("issuer") or "", d.get("type") or "")')
    else
      printf '%s' "$out" > "$work/text.txt"
      read_text=$("$vanban" extract "$work/text.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d.get("issuer") or "", d.get("type") or "")')
    fi
    unicode=$(check u "$out" "Triển khai")
    [[ $file == cong-van* ]] && unicode=$(check u "$out" "Sở Tài nguyên và Môi trường")
    [[ $file == *tcvn3* || $file == *vni* ]] && unicode=-
    legacy=-
    if [[ $file == *tcvn3* || $file == *vni* ]]; then
      legacy=$(check l "$read_text" "Ủy ban nhân dân xã Hòa Bình Kế hoạch")
    fi
    columns=-
    # The header block's two columns read one after the other, never interleaved line by line.
    if [[ $file == ke-hoach.doc ]]; then
      if [[ $tool == soffice ]]; then columns=yes
      elif grep -qE "(ỦY BAN|XÃ HÒA BÌNH|Số: 15).*(CỘNG HÒA|Độc lập|Hòa Bình, ngày)" <<<"$out"; then columns=no
      else columns=yes; fi
    fi
    seconds=$(per_run run_tool "$tool" "$fixtures/$file")
    printf '%-8s %-22s %-8s %-10s %-8s %.3f\n' "$tool" "$file" "$unicode" "$legacy" "$columns" "$seconds"
  done
done
echo "* legacy: issuer and type found as in the Unicode original (capitals of .VnTimeH included)"
