#!/usr/bin/env bash
# Hostile Word files, and hostile files of the other formats, against two builds of `vanban
# index` (docs/RELIABILITY.md, "Hostile inputs"): each case's files indexed alone into a fresh
# archive with `/usr/bin/time -v`, peak RSS, CPU seconds (user + sys), exit code and message,
# then the ratio of this build to the other.
#   a DOCX whose word/document.xml is 90 MB of short distinct paragraphs, 9-10:1 compressed
#     (under the zip-bomb ratio of 200:1, so it is read); the same marked up as Word writes
#     paragraphs (paragraph and run properties: five times the elements per byte of text);
#   the same 90 MB as one paragraph of runs;
#   elements nested 300 deep (past libxml2's 256);
#   one text node of 11 MB (past libxml2's 10 MB).
#   compressible: a document.xml of HOSTILE_MB packed 90:1 (a 1 MB file, under the bomb ratio of
#     200:1), its text past the text limit: the part is inflated only as far as it is read.
# Other formats (session 22):
#   html-deep: a page of a million nested <div>;  one-line: HOSTILE_MB of text on one line;
#   bom-mix: a UTF-16LE BOM before UTF-8 text with invalid bytes, a UTF-8 BOM before UTF-16LE;
#   pdf-xref: a PDF of 2,000 text pages whose xref offsets are all wrong;
#   zip-entries: a .zip of 12,000 members (over the 10,000 limit) and a DOCX of 60,000 entries;
#   encrypted: an Office file saved with a password (OLE2, EncryptedPackage) named .docx, a zip
#     whose member is encrypted; truncated: the paragraphs DOCX cut in half;
#   edxml-base64: an edXML of one base64 attachment, a text of HOSTILE_MB * 0.7.
# Session 23:
#   odt-paragraphs: an ODT whose content.xml is HOSTILE_MB of short distinct paragraphs;
#   pdf-pages: a PDF of HOSTILE_PDF_PAGES (1500) pages that all show one content stream of 700
#     lines (a few KB that poppler lays out for tens of milliseconds a page).
# Usage: MAIN_VANBAN=/path/to/main/vanban scripts/hostile_docx.sh [case...]
#   VANBAN (default build/vanban) is the build measured; MAIN_VANBAN the one it is compared with
#   (unset: this build only). HOSTILE_MB sets the size of the large parts (default 90).
#   Cases: paragraphs, word-paragraphs, one-paragraph, deep, huge-node (default: these five),
#   compressible, html-deep, one-line, bom-mix, pdf-xref, zip-entries, encrypted, truncated, edxml-base64,
#   odt-paragraphs, pdf-pages.
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
python3 - "$work" "$megabytes" "${HOSTILE_PDF_PAGES:-1500}" "${cases[@]}" <<'PY'
import os, random, sys, zipfile
work, megabytes, pdf_pages, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
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
if "compressible" in cases:  # one digit of chance a paragraph: deflate packs it about 90:1
    parts, size = [HEAD], len(HEAD)
    while size < target:
        p = ("<w:p><w:r><w:t>Khoản %d. Quy định chung về tiếp công dân.</w:t></w:r></w:p>"
             % random.randrange(10))
        parts.append(p)
        size += len(p.encode())
    write("compressible", "".join(parts) + TAIL)

def folder(name):
    path = os.path.join(work, name)
    os.makedirs(path)
    return path

def put(name, file, data):
    with open(os.path.join(work, name, file), "wb") as f:
        f.write(data)
    print(f"{name}/{file}: {len(data) / 2**20:.1f} MB")

if "html-deep" in cases:
    folder("html-deep")
    put("html-deep", "sau.html", ("<html><body>" + "<div>" * 1000000 + "Điều 1. Phạm vi điều chỉnh"
                                   + "</div>" * 1000000 + "</body></html>").encode())
if "one-line" in cases:
    folder("one-line")
    words, size, i = [], 0, 0
    while size < target:
        i += 1
        words.append(sentence(i) + ". ")
        size += len(words[-1].encode())
    put("one-line", "mot-dong.txt", "".join(words).encode())
if "bom-mix" in cases:
    folder("bom-mix")
    body = "Điều 1. Phạm vi điều chỉnh\nĐiều 2. Đối tượng áp dụng\n"
    put("bom-mix", "utf16-bom-utf8.txt", b"\xff\xfe" + body.encode() + b"\xc3\x28\xff" * 1000)
    put("bom-mix", "utf8-bom-utf16.txt", b"\xef\xbb\xbf" + body.encode("utf-16-le") * 1000)
if "pdf-xref" in cases:
    folder("pdf-xref")
    pages = 2000
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{3 + 2 * k} 0 R" for k in range(pages))
               + f"] /Count {pages} >>"]
    for k in range(pages):
        stream = f"BT /F1 12 Tf 72 720 Td (Dieu {k + 1}. Pham vi dieu chinh) Tj ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * k}"
                       " 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont"
                       " /Helvetica >> >> >> >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out = b"%PDF-1.4\n"
    for n, body in enumerate(objects, 1):
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)  # every offset in the table is wrong: poppler must rebuild it
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(b"%010d 00000 n \n" % (7 * n) for n in range(1, len(objects) + 1))
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref // 3}\n%%EOF\n".encode()
    put("pdf-xref", "xref-hong.pdf", out)
if "zip-entries" in cases:
    folder("zip-entries")
    path = os.path.join(work, "zip-entries", "nhieu-tep.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(12000):
            z.writestr(f"van-ban-{k}.txt", f"Thông báo số {k}/TB-UBND")
    print(f"zip-entries/nhieu-tep.zip: {os.path.getsize(path) / 2**20:.1f} MB")
    path = os.path.join(work, "zip-entries", "nhieu-phan.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", HEAD + f"<w:p><w:r><w:t>{sentence(1)}</w:t></w:r></w:p>" + TAIL)
        for k in range(60000):
            z.writestr(f"customXml/item{k}.xml", "<a/>")
    print(f"zip-entries/nhieu-phan.docx: {os.path.getsize(path) / 2**20:.1f} MB")
if "encrypted" in cases:
    folder("encrypted")
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016))
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(64) + "EncryptionInfo".encode("utf-16-le")
    ole += os.urandom(200000)
    put("encrypted", "mat-khau.docx", bytes(ole))
    # A stored member flagged as encrypted (general purpose bit 0), as zip -e leaves it.
    path = os.path.join(work, "encrypted", "mat-khau.zip")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("van-ban.txt", "Điều 1. Phạm vi điều chỉnh")
    data = bytearray(open(path, "rb").read())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 1
    open(path, "wb").write(bytes(data))
if "truncated" in cases:
    folder("truncated")
    parts, size, i = [HEAD], len(HEAD), 0
    while size < target // 4:
        i += 1
        p = f"<w:p><w:r><w:t>{sentence(i)}</w:t></w:r></w:p>"
        parts.append(p)
        size += len(p.encode())
    path = os.path.join(work, "whole.docx")  # outside the folder indexed
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "".join(parts) + TAIL)
    data = open(path, "rb").read()
    put("truncated", "cut.docx", data[: len(data) // 2])
    os.remove(path)
if "edxml-base64" in cases:
    import base64
    folder("edxml-base64")
    lines, size, i = [], 0, 0
    while size < target * 7 // 10:
        i += 1
        lines.append(sentence(i) + "\n")
        size += len(lines[-1].encode())
    attachment = base64.b64encode("".join(lines).encode()).decode()
    put("edxml-base64", "goi-tin.edxml", (
        '<?xml version="1.0" encoding="UTF-8"?><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">'
        "<edXML:edXMLHeader><edXML:MessageHeader><edXML:Subject>Thông báo</edXML:Subject>"
        "</edXML:MessageHeader></edXML:edXMLHeader><edXML:edXMLBody><edXML:Attachment>"
        "<edXML:AttachmentName>phu-luc.txt</edXML:AttachmentName><edXML:ContentTransferEncoded>"
        + attachment + "</edXML:ContentTransferEncoded></edXML:Attachment></edXML:edXMLBody>"
        "</edXML:edXMLEnvelope>").encode())
if "odt-paragraphs" in cases:
    folder("odt-paragraphs")
    head = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>')
    parts, size, i = [head], len(head), 0
    while size < target:
        i += 1
        p = f"<text:p>{sentence(i)}</text:p>"
        parts.append(p)
        size += len(p.encode())
    path = os.path.join(work, "odt-paragraphs", "odt-paragraphs.odt")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", "".join(parts) + "</office:text></office:body></office:document-content>")
    print(f"odt-paragraphs: content.xml {size / 2**20:.1f} MB, file {os.path.getsize(path) / 2**20:.1f} MB")
if "pdf-pages" in cases:
    folder("pdf-pages")
    content = b"BT /F1 1 Tf\n" + b"".join(
        b"1 0 0 1 5 %d Tm (Dieu %d quy dinh ve viec thu nghiem) Tj\n" % (780 - n, n) for n in range(700)) + b"ET\n"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (5 + n) for n in range(pdf_pages)), pdf_pages),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"] * pdf_pages
    pdf, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % (n + 1) + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    put("pdf-pages", "trang.pdf", pdf)
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
