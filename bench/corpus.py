#!/usr/bin/env python3
"""Realistic Vietnamese official documents as .txt files, for benchmarks (bench/peers.sh).

    bench/corpus.py OUT N [--seed 1] [--corpus ../shared/corpus]

Writes OUT/docs/NNN/DDDDDDD.txt (N documents, 1,000 per folder), OUT/manifest.jsonl (each
document's type, number, issuer, date and size as generated) and OUT/queries.tsv (the query set
of bench/peers.sh: kind, query, type filter, year filter). Deterministic for a seed and corpus.

What a document is made of (docs/BENCHMARKS.md "Peers"): a Decree 30/2020 header (issuing
body under its parent, national motto, `Số: N/CODE-ISSUER`, place and date, type name, title),
`Căn cứ` lines citing real instruments (numbers, dates, issuers and titles of the gazette's
metadata records and the ALQAC laws) drawn by Zipf rank, a body of consecutive paragraphs of
one real text (a gazette document, a law's articles, a local plan), sometimes followed by
paragraphs of another text on the same topic, and the `Nơi nhận` and signature blocks. The
issuers (~900: the gazette's central bodies and, for each of 63 provinces, its People's
Committee, Council and departments) publish by Zipf rank too; sizes are log-normal between 1
and 200 KB. So a topic's words are in the documents made from texts about it, and a number
is cited as often as its rank says: query terms get realistic document frequencies.
"""
import argparse
import ast
import json
import math
import os
import random
import re
import unicodedata

PROVINCES = [
    "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế", "Hà Giang",
    "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La",
    "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ",
    "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
    "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam",
    "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum",
    "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương",
    "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
    "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
    "Cà Mau",
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế"}
# Provincial departments (name, symbol code).
DEPARTMENTS = [
    ("SỞ NỘI VỤ", "SNV"), ("SỞ TÀI CHÍNH", "STC"), ("SỞ TƯ PHÁP", "STP"), ("SỞ Y TẾ", "SYT"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"), ("SỞ XÂY DỰNG", "SXD"), ("SỞ CÔNG THƯƠNG", "SCT"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN"), ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SNNMT"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL"),
]
# Local administrative types: (name, code, weight); Công văn has no type name in its header.
LOCAL_TYPES = [
    ("Kế hoạch", "KH", 18), ("Quyết định", "QĐ", 22), ("Công văn", "", 25), ("Báo cáo", "BC", 10),
    ("Thông báo", "TB", 8), ("Tờ trình", "TTr", 5), ("Hướng dẫn", "HD", 4), ("Chỉ thị", "CT", 2),
    ("Nghị quyết", "NQ", 3), ("Chương trình", "CTr", 2), ("Đề án", "ĐA", 1),
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Anh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan",
         "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thắng", "Thủy",
         "Trung", "Tuấn", "Việt", "Yến"]
PLAN_HEADINGS = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ", "III. GIẢI PHÁP THỰC HIỆN",
                 "IV. TỔ CHỨC THỰC HIỆN"]
# Running heads, page numbers and signature stamps of the gazette's PDF text: not paragraphs.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOISE = re.compile(r"^(CÔNG BÁO/|Người ký:|Email:|Cơ quan:|Thời gian ký:|\d+\s*$)")


def fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def paragraphs(text):
    """PDF or plain lines joined into paragraphs: a line ending a sentence ends one."""
    out, cur = [], []
    for line in CONTROL.sub("", text).splitlines():
        line = " ".join(line.split())
        if not line or NOISE.match(line):
            continue
        cur.append(line)
        if line[-1] in ".;:!?" or line.isupper():
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return [p for p in out if len(p) > 1]


def zipf_sampler(rng, n, s):
    """Index sampler over 0..n-1 with weight 1/(rank+1)^s."""
    cum, total = [], 0.0
    for r in range(n):
        total += 1.0 / (r + 1) ** s
        cum.append(total)
    import bisect
    return lambda: min(bisect.bisect_left(cum, rng.random() * total), n - 1)


def load_sources(root):
    """Texts to draw bodies from, by kind: gazette documents by topic, laws, local plans."""
    gazette = {}
    base = os.path.join(root, "real", "congbao-8chude", "docs")
    for topic in sorted(os.listdir(base)):
        for name in sorted(os.listdir(os.path.join(base, topic))):
            if name.endswith(".txt"):
                with open(os.path.join(base, topic, name), encoding="utf-8") as f:
                    paras = paragraphs(f.read())
                if len(paras) >= 8:
                    gazette.setdefault(topic, []).append(paras)
    laws = []
    for name in ("alqac2022_law.json",):
        with open(os.path.join(root, "real", "alqac-law", name), encoding="utf-8") as f:
            for law in json.load(f):
                arts = law["articles"]
                arts = ast.literal_eval(arts) if isinstance(arts, str) else arts
                paras = []
                for i, art in enumerate(arts, 1):
                    head, _, body = art["text"].partition("\n")
                    paras.append(f"Điều {art.get('id', i)}. {head.strip()}")
                    paras.extend(p for p in paragraphs(body) if p)
                laws.append((law["id"], paras))
    plans = []
    seeds = os.path.join(root, "seeds")
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                plans.append(paragraphs(f.read()))
    return gazette, laws, plans


def load_instruments(root):
    """Real instruments to cite and to take central documents' titles and symbols from."""
    out = []
    with open(os.path.join(root, "real", "alqac2026-congbao-meta", "congbao_metadata.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            number, issuer, kind = r.get("so_ky_hieu"), r.get("co_quan_ban_hanh"), r.get("loai_van_ban")
            date = r.get("ngay_ban_hanh") or ""
            if not (number and issuer and kind and "/" in number and re.match(r"\d\d/\d\d/\d{4}$", date)):
                continue
            out.append({"number": number, "issuer": issuer, "type": kind, "date": date,
                        "title": (r.get("trich_yeu") or "").strip().rstrip(".")})
    return out


def make_issuers(instruments):
    """~900 issuing bodies: (parent line, name line, symbol code, place, is_central)."""
    central = {}
    for ins in instruments:
        name = ins["issuer"]
        if name.isupper() and len(name) < 80 and "," not in name[:3]:
            code = ins["number"].rsplit("-", 1)[-1] if "-" in ins["number"] else "CP"
            central.setdefault(name, code)
    issuers = [("", name, code, "Hà Nội", True) for name, code in sorted(central.items())]
    for p in PROVINCES:
        level = "THÀNH PHỐ" if p in CITIES else "TỈNH"
        up = p.upper()
        issuers.append(("", f"ỦY BAN NHÂN DÂN\n{level} {up}", "UBND", p, False))
        issuers.append(("", f"HỘI ĐỒNG NHÂN DÂN\n{level} {up}", "HĐND", p, False))
        for name, code in DEPARTMENTS:
            issuers.append((f"UBND {level} {up}", name, code, p, False))
    return issuers


def person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def body_from(rng, paras, size, start=None):
    i = rng.randrange(len(paras)) if start is None else start
    out, n = [], 0
    while n < size and i < len(paras):
        out.append(paras[i])
        n += len(paras[i].encode()) + 1
        i += 1
    return out, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gazette, laws, plans = load_sources(args.corpus)
    instruments = load_instruments(args.corpus)
    issuers = make_issuers(instruments)
    laws_cited = [{"number": lid, "issuer": "QUỐC HỘI", "type": "Luật", "date": "", "title": ""}
                  for lid, _ in laws if "/QH" in lid]
    # Citation popularity: a fixed shuffle of the real instruments, cited by Zipf rank.
    cite_pool = laws_cited + instruments
    rng.shuffle(cite_pool)
    pick_cite = zipf_sampler(rng, len(cite_pool), 1.05)
    order = list(range(len(issuers)))
    rng.shuffle(order)
    pick_issuer = zipf_sampler(rng, len(issuers), 0.8)
    topics = sorted(gazette)
    local_types = [t for t in LOCAL_TYPES for _ in range(t[2])]
    by_issuer = {}
    for ins in instruments:
        by_issuer.setdefault(ins["issuer"], []).append(ins)
    counters = {}
    docs_dir = os.path.join(args.out, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    manifest = open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8")
    # A uniform sample of the documents (reservoir), that the query set is drawn from and its
    # document frequencies estimated on; its own generator, so the documents do not depend on it.
    sample_rng, samples, sample_size = random.Random(args.seed + 1), [], 2000
    for d in range(args.count):
        parent, name, code, place, is_central = issuers[order[pick_issuer()]]
        year = min(2026, 2011 + int(rng.triangular(0, 16, 15)))
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        size = int(min(200_000, max(1_000, rng.lognormvariate(math.log(11_000), 0.95))))
        if is_central:
            # One of this body's own real instruments gives the type and the symbol's notation.
            template = rng.choice(by_issuer[name])
            kind, parts = template["type"], template["number"].split("/")
            type_code = parts[-1].split("-")[0]
            title = template["title"]
            normative = len(parts) == 3 and parts[1].isdigit()
        else:
            kind, type_code, _ = rng.choice(local_types)
            title = rng.choice(instruments)["title"]
            normative = kind == "Quyết định" and rng.random() < 0.2
        key = (name, type_code, year)
        # The corpus holds a sample of what an office issues: numbers advance by gaps.
        counters[key] = counters.get(key, 0) + 1 + int(rng.expovariate(1 / 12))
        n = counters[key]
        notation = f"{type_code}-{code}" if type_code else code
        if is_central:
            notation = template["number"].split("/")[-1]
        elif kind == "Công văn":
            notation = f"{code}-VP" if rng.random() < 0.5 else code
        number = f"{n}/{year}/{notation}" if normative else f"{n}/{notation}"
        if kind == "Công văn":
            title = "V/v " + title[0].lower() + title[1:] if title else "V/v triển khai thực hiện"
        # Body: consecutive paragraphs of one real text, sometimes of a second on its topic.
        topic = rng.choice(topics)
        if kind in ("Thông tư", "Nghị định", "Quyết định") and rng.random() < 0.35:
            source = rng.choice(laws)[1]
            second = rng.choice(laws)[1]
        elif kind in ("Kế hoạch", "Chương trình", "Đề án", "Báo cáo") and rng.random() < 0.2:
            source = rng.choice(plans)
            second = rng.choice(gazette[topic])
        else:
            source = rng.choice(gazette[topic])
            second = rng.choice(gazette[topic])
        body, got = body_from(rng, source, size)
        while got < size:
            more, extra = body_from(rng, second, size - got)
            body += more
            got += extra
            second = rng.choice(gazette[rng.choice(topics)])
        if kind in ("Kế hoạch", "Chương trình", "Đề án"):
            step = max(1, len(body) // len(PLAN_HEADINGS))
            for k, h in reversed(list(enumerate(PLAN_HEADINGS))):
                body.insert(min(k * step, len(body)), h)
        if len(samples) < sample_size:
            samples.append((title, body))
        elif (j := sample_rng.randrange(d + 1)) < sample_size:
            samples[j] = (title, body)
        cites = []
        for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 6, 8])):
            c = cite_pool[pick_cite()]
            issuer = c["issuer"].lower()
            issuer = issuer[0].upper() + issuer[1:]
            when = f" ngày {c['date']}" if c["date"] else ""
            about = f" {c['title'][0].lower()}{c['title'][1:]}" if c["title"] else ""
            cites.append(f"Căn cứ {c['type']} số {c['number']}{when} của {issuer}{about};")
        left = (parent + "\n" if parent else "") + name
        place_line = f"{'Thành phố Hồ Chí Minh' if place == 'Hồ Chí Minh' else place}, ngày {day:02d} tháng {month:02d} năm {year}"
        head = [left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                f"Số: {number}", place_line, ""]
        if kind != "Công văn":
            head += [kind.upper(), title, ""]
        else:
            head += [title, "", "Kính gửi: Các cơ quan, đơn vị liên quan.", ""]
        post = "CHỦ TỊCH" if code in ("UBND", "HĐND") else ("BỘ TRƯỞNG" if is_central else "GIÁM ĐỐC")
        signer = person(rng)
        tail = ["", "Nơi nhận:", "- Như trên;", f"- {rng.choice(['Văn phòng', 'Sở Nội vụ', 'Sở Tài chính', 'Bộ Nội vụ'])};",
                "- Lưu: VT.", "", f"KT. {post}" if rng.random() < 0.5 else post,
                f"PHÓ {post}" if rng.random() < 0.5 else "", "", "(Đã ký)", "", signer]
        text = "\n".join(head + cites + body + tail) + "\n"
        folder = os.path.join(docs_dir, f"{d // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{d:07d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        manifest.write(json.dumps({
            "file": os.path.relpath(path, args.out), "type": kind, "number": number,
            "issuer": " ".join(name.split()), "place": place,
            "date": f"{year}-{month:02d}-{day:02d}", "year": year, "title": title,
            "bytes": len(text.encode())}, ensure_ascii=False) + "\n")
    manifest.close()
    write_queries(sample_rng, args.out, samples, cite_pool)


WORD = re.compile(r"^[^\W\d_]+$")
EDGE = set("của và về các những cho để theo trong với là được có thì đối việc một số này đó "
           "tại từ khi đã sẽ không như hoặc các bị do trên dưới sau trước nếu mà".split())


def write_queries(rng, out, samples, cite_pool):
    """Query kinds of bench/peers.sh, drawn from the generated texts: words of 2-3 syllables
    typed with and without diacritics, strict phrases of 3-4 syllables, numbers (own and
    cited), broad topics, topics filtered by type and year. Words and phrases are picked in
    equal numbers from four bands of document frequency (estimated on the sample), from rare
    to common, as people type both."""
    texts = [(title + "\n" + "\n".join(body)).lower() for title, body in samples]
    syllables = [set(re.findall(r"\w+", fold(t))) for t in texts]

    def run_of(k, from_title):
        while True:
            title, body = rng.choice(samples)
            words = (title if from_title else rng.choice(body)).split()
            if len(words) < k + 1:
                continue
            i = rng.randrange(len(words) - k + 1)
            run = [w.lower() for w in words[i:i + k]]
            # A query starts and ends on a content syllable, as people type them.
            if all(WORD.match(w) for w in run) and run[0] not in EDGE and run[-1] not in EDGE:
                return " ".join(run)

    def df_words(q):  # documents holding every syllable, folded
        need = fold(q).split()
        return sum(all(w in s for w in need) for s in syllables) / len(syllables)

    def df_phrase(q):
        return sum(q in t for t in texts) / len(texts)

    bands = [(0.0, 0.01), (0.01, 0.05), (0.05, 0.2), (0.2, 0.6)]

    def banded(count, draw, df):
        picked = []
        for low, high in bands:
            got = 0
            for _ in range(400):
                if got == count:
                    break
                q = draw()
                if low < df(q) <= high and q not in picked:
                    picked.append(q)
                    got += 1
        return picked

    rows = []
    for q in banded(5, lambda: run_of(rng.choice([2, 2, 3]), rng.random() < 0.5), df_words):
        rows.append(("accented", q, "", ""))
        rows.append(("unaccented", fold(q), "", ""))
    for q in banded(4, lambda: run_of(rng.choice([3, 4]), False), df_phrase):
        rows.append(("phrase", '"' + q + '"', "", ""))
    with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    for doc in rng.sample(docs, 10):
        rows.append(("number", doc["number"], "", ""))
    for c in cite_pool[:10]:
        rows.append(("number", c["number"], "", ""))
    broad = ["bảo hiểm xã hội", "thuế thu nhập cá nhân", "hợp đồng lao động", "công đoàn",
             "ưu đãi đầu tư", "doanh nghiệp nhỏ và vừa", "hợp đồng kinh tế", "giao khoán",
             "cải cách hành chính", "chuyển đổi số", "ngân sách nhà nước", "tổ chức thực hiện",
             "ủy ban nhân dân", "quy định", "trách nhiệm", "người lao động", "thủ tục hành chính",
             "đất đai", "dân chủ ở cơ sở", "phòng, chống tham nhũng"]
    for q in broad:
        rows.append(("broad", q, "", ""))
    for q in broad[:15]:
        doc = rng.choice(docs)
        rows.append(("filtered", q, doc["type"], str(doc["year"])))
    with open(os.path.join(out, "queries.tsv"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
