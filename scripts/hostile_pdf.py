#!/usr/bin/env python3
"""Hostile PDFs of docs/RELIABILITY.md, session 27: content hidden from the Flate-only scan
(mislabelled /Contents, LZW, ASCIIHex, ASCII85, RunLength), forms drawn many times or nested,
page trees of a huge /Count or a cycle, 100,000 empty pages, a 60,000 x 60,000 image.
Session 28: the content bomb and the form bomb encrypted by qpdf with an empty user password,
enc-{rc4-40,rc4-128,aes-128,aes-256}-{content,form-100k} (qpdf must be installed).

scripts/hostile_pdf.py OUTDIR CASE...   (cases: see make(); measure each with the reading child:
  ulimit -t 60 -v 2097152; /usr/bin/time -v build/vanban __read-bounded --format pdf \
    --max-text-bytes 16777216 --ocr 0 <OUTDIR/CASE.pdf >/dev/null)
"""
import base64, os, subprocess, sys, tempfile, zlib

def pdf(objects):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, x)
    return bytes(out)

def stream(entries, data):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"

def overlapping_text(n):
    block = b"".join(b"1 0 0 1 20 %d Tm (Dieu 1. Pham vi dieu chinh) Tj\n" % (20 + 12 * l) for l in range(67))
    reps = n // len(block) + 1
    return b"BT /F1 12 Tf\n" + block * reps + b"ET\n"

def lzw(data):
    # PDF LZW, EarlyChange 1, 9-12 bit codes, clear table when full.
    out_bits = 0; nbits = 0; out = bytearray()
    def emit(code, width):
        nonlocal out_bits, nbits
        out_bits = (out_bits << width) | code; nbits += width
        while nbits >= 8:
            nbits -= 8; out.append((out_bits >> nbits) & 0xff)
        out_bits &= (1 << nbits) - 1
    table = {bytes([i]): i for i in range(256)}; nxt = 258; width = 9
    emit(256, width)
    w = b""
    for b in data:
        c = bytes([b]); wc = w + c
        if wc in table:
            w = wc; continue
        emit(table[w], width)
        table[wc] = nxt; nxt += 1
        if nxt + 1 > (1 << width) and width < 12:  # early change
            width += 1
        if nxt >= 4094:
            emit(256, width); table = {bytes([i]): i for i in range(256)}; nxt = 258; width = 9
        w = c
    if w: emit(table[w], width)
    emit(257, width)
    if nbits: out.append((out_bits << (8 - nbits)) & 0xff)
    return bytes(out)

def runlength(data):
    out = bytearray(); i = 0
    while i < len(data):
        j = i
        while j < len(data) and j - i < 128 and data[j] == data[i]: j += 1
        if j - i >= 2:
            out += bytes([257 - (j - i), data[i]]); i = j
        else:
            k = i
            while k < len(data) and k - i < 128 and not (k + 1 < len(data) and data[k+1] == data[k]): k += 1
            k = max(k, i + 1)
            out += bytes([k - i - 1]) + data[i:k]; i = k
    return bytes(out + b"\x80")

HEAD = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
def page(resources_extra=b""):
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
            + resources_extra + b" >> /Contents 5 0 R >>")

def one_page(entries, data, extra=b"", more=()):
    return pdf(HEAD + [page(extra), FONT, stream(entries, data)] + list(more))

MB = 1024 * 1024
def make(case):
    text = overlapping_text(16 * MB)
    if case == "mislabel-image":
        return one_page(b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode", zlib.compress(text, 9))
    if case == "mislabel-font":
        return one_page(b"/Length1 1000 /Filter /FlateDecode", zlib.compress(text, 9))
    if case == "mislabel-metadata":
        return one_page(b"/Type /Metadata /Subtype /XML /Filter /FlateDecode", zlib.compress(text, 9))
    if case == "ahx-flate":
        return one_page(b"/Filter [/ASCIIHexDecode /FlateDecode]", zlib.compress(text, 9).hex().encode() + b">")
    if case == "a85-flate":
        return one_page(b"/Filter [/ASCII85Decode /FlateDecode]", base64.a85encode(zlib.compress(text, 9)) + b"~>")
    if case == "flate-rl":
        return one_page(b"/Filter [/FlateDecode /RunLengthDecode]", zlib.compress(runlength(text), 9))
    if case == "lzw":
        return one_page(b"/Filter /LZWDecode", lzw(overlapping_text(8 * MB)))
    if case == "lzw-flate":  # LZW of the Flate data: squares nothing but hides the Flate
        return one_page(b"/Filter [/LZWDecode /FlateDecode]", lzw(zlib.compress(text, 9)))
    if case in ("form-100k", "form-1m"):
        n = 100_000 if case == "form-100k" else 1_000_000
        form = overlapping_text(2000)  # one block: 67 lines, ~1.9 KB of strings
        content = b"q /X0 Do Q\n" * n
        return one_page(b"/Filter /FlateDecode", zlib.compress(content, 9),
                        extra=b"/XObject << /X0 6 0 R >>",
                        more=[stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Filter /FlateDecode", zlib.compress(form, 9))])
    if case == "nested-forms":  # 8 levels, each drawing the next 10 times: 10^7 draws of one line
        depth = 8
        objs = HEAD + [page(b"/XObject << /X0 6 0 R >>"), FONT, stream(b"", b"/X0 Do\n")]
        for d in range(depth):
            if d + 1 < depth:
                data = b"/X%d Do\n" % (d + 1) * 10
                res = b"/Resources << /XObject << /X%d %d 0 R >> /Font << /F1 4 0 R >> >>" % (d + 1, 7 + d)
            else:
                data = b"BT /F1 12 Tf 20 400 Td (Dieu 1. Pham vi dieu chinh) Tj ET\n"
                res = b"/Resources << /Font << /F1 4 0 R >> >>"
            objs.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res, data))
        return pdf(objs)
    if case == "pages-100k":
        n = 100_000
        kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
                stream(b"", b"")]
        objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * n
        return pdf(objs)
    if case == "count-huge":
        return pdf(HEAD[:1] + [b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>", page(), FONT,
                               stream(b"", b"BT /F1 12 Tf 20 800 Td (Dieu 1. Pham vi) Tj ET")])
    if case == "tree-cycle":
        return pdf(HEAD[:1] + [b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 3 >>", page(), FONT,
                               stream(b"", b"BT /F1 12 Tf 20 800 Td (Dieu 1. Pham vi) Tj ET")])
    if case == "huge-image":  # a page of no text, one image 60000 x 60000 gray
        w = 60000
        z = zlib.compressobj(9); row = bytes(w); packed = bytearray()
        for _ in range(w): packed += z.compress(row)
        packed += z.flush()
        return one_page(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q", extra=b"/XObject << /Im0 6 0 R >>",
                        more=[stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode" % (w, w), bytes(packed))])
    if case.startswith("enc-"):  # enc-CIPHER-BOMB: a bomb above, encrypted by qpdf
        cipher, bomb = next((c, case[len("enc-" + c + "-"):]) for c in ENCRYPTIONS
                            if case.startswith("enc-" + c + "-"))
        return qpdf_encrypted(make("mislabel-none" if bomb == "content" else bomb), ENCRYPTIONS[cipher])
    if case == "mislabel-none":  # the session-26 bomb as it is: 16 MB of text on the page, Flate
        return one_page(b"/Filter /FlateDecode", zlib.compress(text, 9))
    raise SystemExit("unknown case " + case)

# qpdf's arguments for each encryption, the user password empty, the owner's "owner".
ENCRYPTIONS = {
    "rc4-40": ["--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"],
    "rc4-128": ["--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"],
    "aes-128": ["--encrypt", "", "owner", "128", "--use-aes=y", "--"],
    "aes-256": ["--encrypt", "", "owner", "256", "--"],
}

def qpdf_encrypted(data, arguments):
    with tempfile.TemporaryDirectory() as d:
        plain, out = os.path.join(d, "plain.pdf"), os.path.join(d, "encrypted.pdf")
        open(plain, "wb").write(data)
        # The streams' data kept as they are: only enciphered.
        done = subprocess.run(["qpdf", "--stream-data=preserve"] + arguments + [plain, out])
        if done.returncode not in (0, 3):
            raise SystemExit("qpdf failed")
        return open(out, "rb").read()

if __name__ == "__main__":
    outdir = sys.argv[1]
    for case in sys.argv[2:]:
        data = make(case)
        open(os.path.join(outdir, case + ".pdf"), "wb").write(data)
        print(case, len(data))
