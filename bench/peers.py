#!/usr/bin/python3
"""Vanban against SQLite FTS5, Xapian omindex and PostgreSQL, on one generated corpus.
Driven by bench/peers.sh (which says how to run it); figures in docs/BENCHMARKS.md "Peers".

    peers.py run-measured OUT.json CMD...     run CMD, write wall, CPU, peak RSS, bytes written
                                               (and CMD's output to OUT.json.stdout)
    peers.py sqlite-index WORK                 load WORK/corpus into WORK/fts5.db
    peers.py pg-index WORK DATADIR PORT        load WORK/corpus into the PostgreSQL cluster
    peers.py search ENGINE WORK [ARGS]         run WORK/corpus/queries.tsv, write ENGINE.lat.json
    peers.py set-size OUT.json PATH...          add the size on disk of PATHs to OUT.json
    peers.py report WORK ENGINES...            print the Markdown tables
"""
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROUNDS = 3  # timed rounds per query, after one warm-up round
PAGE = 10
KINDS = ["accented", "unaccented", "phrase", "number", "broad", "filtered"]


def proc_io(pid="self"):
    with open(f"/proc/{pid}/io") as f:
        return {k: int(v) for k, v in (line.split(": ") for line in f)}


def run_measured(out, cmd):
    """Wall time, user+sys of the command and its children, peak RSS (getrusage's maxrss, as
    /usr/bin/time -v reports it) and bytes written: a reaped child's I/O counts are added to
    this process's, so /proc/self/io before and after give the child's."""
    before = proc_io()
    start = time.monotonic()
    with open(out + ".stdout", "wb") as stdout:  # what the command printed, kept beside OUT
        child = subprocess.Popen(cmd, stdout=stdout)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    after = proc_io()
    result = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
              "peak_rss_mb": usage.ru_maxrss / 1024,
              "write_mb": (after["write_bytes"] - before["write_bytes"]) / 1e6,
              "status": os.waitstatus_to_exitcode(status)}
    with open(out, "w") as f:
        json.dump(result, f)


def manifest(work):
    with open(os.path.join(work, "corpus", "manifest.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def read_doc(work, m):
    with open(os.path.join(work, "corpus", m["file"]), encoding="utf-8") as f:
        return f.read()


def sqlite_index(work):
    """The peer is given the metadata the generator knows (type, issuer, year) for its filters
    and GROUP BY facets; Vanban extracts its own from the text."""
    import sqlite3
    db = sqlite3.connect(os.path.join(work, "fts5.db"))
    db.executescript("""
        PRAGMA journal_mode=WAL;
        CREATE TABLE meta(id INTEGER PRIMARY KEY, issuer TEXT, type TEXT, year INTEGER, number TEXT);
        CREATE INDEX meta_type_year ON meta(type, year);
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
    """)
    with db:
        for i, m in enumerate(manifest(work), 1):
            db.execute("INSERT INTO meta VALUES (?,?,?,?,?)", (i, m["issuer"], m["type"], m["year"], m["number"]))
            db.execute("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)", (i, m["title"], read_doc(work, m)))
    db.execute("INSERT INTO docs(docs) VALUES('optimize')")
    db.commit()
    db.close()


def pg_connect(sockdir, port):
    import psycopg2
    return psycopg2.connect(host=sockdir, port=port, user="postgres", dbname="postgres")


def pg_index(work, sockdir, port):
    """Load through one connection; CPU, peak RSS and bytes written are the server's backend
    and background processes' (from /proc) plus this client's."""
    conn = pg_connect(sockdir, port)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    backend = cur.fetchone()[0]
    with open(os.path.join(sockdir, "postmaster.pid")) as f:
        postmaster = int(f.readline())

    def server_procs():
        pids = [postmaster]
        for p in os.listdir("/proc"):
            if p.isdigit():
                try:
                    with open(f"/proc/{p}/stat") as f:
                        if int(f.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                            pids.append(int(p))
                except OSError:
                    pass
        return pids

    def totals():
        cpu = io = 0
        tick = os.sysconf("SC_CLK_TCK")
        for p in server_procs():
            try:
                with open(f"/proc/{p}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                cpu += (int(fields[11]) + int(fields[12])) / tick
                io += proc_io(p)["write_bytes"]
            except OSError:
                pass
        return cpu, io

    cpu0, io0 = totals()
    self_io0, start = proc_io()["write_bytes"], time.monotonic()
    cur.execute("""
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
            PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent', $1) $$;
        CREATE TABLE docs(id int PRIMARY KEY, issuer text, type text, year int, number text,
            title text, body text,
            tsv tsvector GENERATED ALWAYS AS
                (to_tsvector('simple', f_unaccent(coalesce(title, '') || ' ' || body))) STORED);
    """)
    cur.execute("BEGIN")
    for i, m in enumerate(manifest(work), 1):
        cur.execute("INSERT INTO docs VALUES (%s,%s,%s,%s,%s,%s,%s)",
                    (i, m["issuer"], m["type"], m["year"], m["number"], m["title"], read_doc(work, m)))
    cur.execute("COMMIT")
    cur.execute("CREATE INDEX docs_tsv ON docs USING gin(tsv)")
    cur.execute("CREATE INDEX docs_type_year ON docs(type, year)")
    cur.execute("VACUUM ANALYZE docs")
    cur.execute("CHECKPOINT")
    wall = time.monotonic() - start
    cpu1, io1 = totals()
    with open(f"/proc/{backend}/status") as f:
        hwm = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024
    me = resource.getrusage(resource.RUSAGE_SELF)
    cur.execute("SELECT pg_database_size('postgres')")
    size = cur.fetchone()[0]
    with open(os.path.join(work, "postgres.index.json"), "w") as f:
        json.dump({"wall_s": wall, "cpu_s": cpu1 - cpu0 + me.ru_utime + me.ru_stime,
                   "peak_rss_mb": hwm, "db_mb": size / 1e6, "status": 0,
                   "write_mb": (io1 - io0 + proc_io()["write_bytes"] - self_io0) / 1e6}, f)


def queries(work):
    with open(os.path.join(work, "corpus", "queries.tsv"), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def words(q):
    return re.findall(r"\w+", q.lower())


class Vanban:
    """The whole page of the HTTP API: ranking with its bonuses, exact total, the facets,
    snippets of the 10 hits."""
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}/api/search"

    def search(self, kind, q, typ, year):
        params = [("q", q), ("size", PAGE)]
        if typ:
            params += [("type", typ), ("year", year)]
        with urllib.request.urlopen(self.base + "?" + urllib.parse.urlencode(params)) as r:
            return json.load(r)["total"]


class Fts5:
    """Top 10 by bm25 with a snippet each, exact count, issuer/type/year counts by GROUP BY."""
    def __init__(self, work):
        import sqlite3
        self.db = sqlite3.connect(os.path.join(work, "fts5.db"))

    def search(self, kind, q, typ, year):
        toks = words(q)
        match = '"' + " ".join(toks) + '"' if kind in ("phrase", "number") else " ".join(f'"{t}"' for t in toks)
        where, args = "docs MATCH ?", [match]
        if typ:
            where += " AND docs.rowid IN (SELECT id FROM meta WHERE type = ? AND year = ?)"
            args += [typ, int(year)]
        self.db.execute(f"SELECT rowid, snippet(docs, 1, '<b>', '</b>', '…', 24) FROM docs WHERE {where} "
                        f"ORDER BY rank LIMIT {PAGE}", args).fetchall()
        total = self.db.execute(f"SELECT count(*) FROM docs WHERE {where}", args).fetchone()[0]
        for col in ("issuer", "type", "year"):
            self.db.execute(f"SELECT m.{col}, count(*) FROM docs JOIN meta m ON m.id = docs.rowid "
                            f"WHERE {where} GROUP BY m.{col}", args).fetchall()
        return total


class Postgres:
    """Top 10 by ts_rank with ts_headline each, exact count, issuer/type/year by GROUP BY."""
    def __init__(self, sockdir, port):
        self.conn = pg_connect(sockdir, port)
        self.conn.autocommit = True
        self.cur = self.conn.cursor()

    def search(self, kind, q, typ, year):
        fn = "phraseto_tsquery" if kind in ("phrase", "number") else "plainto_tsquery"
        tsq = f"{fn}('simple', f_unaccent(%s))"
        where, args = f"tsv @@ {tsq}", [q.strip('"')]
        if typ:
            where += " AND type = %s AND year = %s"
            args += [typ, int(year)]
        c = self.cur
        c.execute(f"SELECT id, ts_headline('simple', body, {tsq}) FROM "
                  f"(SELECT id, body FROM docs WHERE {where} ORDER BY ts_rank(tsv, {tsq}) DESC LIMIT {PAGE}) t",
                  args[:1] + args + args[:1])
        c.fetchall()
        c.execute(f"SELECT count(*) FROM docs WHERE {where}", args)
        total = c.fetchone()[0]
        for col in ("issuer", "type", "year"):
            c.execute(f"SELECT {col}, count(*) FROM docs WHERE {where} GROUP BY {col}", args)
            c.fetchall()
        return total


class Omindex:
    """Top 10 and the exact count (checkatleast = all documents) through Xapian's own query
    parser; omindex stores no fields to filter or count by, and no text to cut snippets from."""
    def __init__(self, work):
        import xapian
        self.x = xapian
        self.db = xapian.Database(os.path.join(work, "omega"))
        self.qp = xapian.QueryParser()
        self.qp.set_database(self.db)
        self.qp.set_default_op(xapian.Query.OP_AND)
        self.enquire = xapian.Enquire(self.db)

    def search(self, kind, q, typ, year):
        if typ:
            return None
        query = self.qp.parse_query(q, self.x.QueryParser.FLAG_PHRASE | self.x.QueryParser.FLAG_DEFAULT)
        self.enquire.set_query(query)
        mset = self.enquire.get_mset(0, PAGE, self.db.get_doccount())
        for m in mset:
            m.document.get_data()
        return mset.get_matches_estimated()


def search(engine, work, args):
    if engine == "vanban":
        eng = Vanban(args[0])
    elif engine == "fts5":
        eng = Fts5(work)
    elif engine == "postgres":
        eng = Postgres(args[0], args[1])
    else:
        eng = Omindex(work)
    qs = queries(work)
    lat = {k: [] for k in KINDS}
    hits = {k: [] for k in KINDS}
    for kind, q, typ, year in qs:  # warm-up round
        eng.search(kind, q, typ, year)
    for _ in range(ROUNDS):
        for kind, q, typ, year in qs:
            t = time.perf_counter()
            total = eng.search(kind, q, typ, year)
            if total is None:
                continue
            lat[kind].append((time.perf_counter() - t) * 1000)
            hits[kind].append(total)
    with open(os.path.join(work, f"{engine}.lat.json"), "w") as f:
        json.dump({"lat": lat, "hits": hits}, f)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def report(work, engines):
    names = {"vanban": "Vanban", "fts5": "SQLite FTS5", "omindex": "Xapian omindex", "postgres": "PostgreSQL GIN"}
    idx = {e: json.load(open(os.path.join(work, f"{e}.index.json"))) for e in engines}
    docs = len(manifest(work))
    mb = sum(m["bytes"] for m in manifest(work)) / 1e6
    print(f"\n{docs} documents, {mb:.0f} MB of text; load average at the end: {os.getloadavg()[0]:.1f}\n")
    print("| indexing | docs/s (wall) | MB/s (wall) | CPU s | docs per CPU s | CPU/wall | peak RSS MB | written MB | database MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for e in engines:
        r = idx[e]
        print(f"| {names[e]} | {docs / r['wall_s']:.0f} | {mb / r['wall_s']:.2f} | {r['cpu_s']:.0f} | "
              f"{docs / r['cpu_s']:.0f} | {r['cpu_s'] / r['wall_s']:.2f} | {r['peak_rss_mb']:.0f} | "
              f"{r['write_mb']:.0f} | {r['db_mb']:.0f} |")
    base = engines[0]  # the ratios' numerator: Vanban in a full run
    v = idx[base]
    print(f"\n| {names[base]} ÷ peer | docs/s (wall) | docs per CPU s | peak RSS | written | database |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for e in engines[1:]:
        r = idx[e]
        print(f"| {names[e]} | {r['wall_s'] / v['wall_s']:.2f} | {r['cpu_s'] / v['cpu_s']:.2f} | "
              f"{v['peak_rss_mb'] / r['peak_rss_mb']:.2f} | {v['write_mb'] / max(r['write_mb'], 1e-9):.2f} | "
              f"{v['db_mb'] / r['db_mb']:.2f} |")
    lat = {e: json.load(open(os.path.join(work, f"{e}.lat.json"))) for e in engines}
    print("\nSearch, ms per page: p50 / p95 / p99 (median hits)\n")
    print("| query kind | " + " | ".join(names[e] for e in engines) + " | " +
          " | ".join(f"{names[base]} ÷ {names[e]} p50 / p95" for e in engines[1:]) + " |")
    print("| --- |" + " ---: |" * (2 * len(engines) - 1))
    for k in KINDS + ["all"]:
        row, p = [], {}
        for e in engines:
            xs = sum(lat[e]["lat"].values(), []) if k == "all" else lat[e]["lat"][k]
            hs = sum(lat[e]["hits"].values(), []) if k == "all" else lat[e]["hits"][k]
            if not xs:
                row.append("–")
                continue
            p[e] = (pct(xs, 50), pct(xs, 95))
            row.append(f"{pct(xs, 50):.1f} / {pct(xs, 95):.1f} / {pct(xs, 99):.1f} ({statistics.median(hs):.0f})")
        ratios = [f"{p[base][0] / p[e][0]:.2f} / {p[base][1] / p[e][1]:.2f}" if e in p and base in p else "–"
                  for e in engines[1:]]
        print(f"| {k} | " + " | ".join(row) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "run-measured":
        run_measured(sys.argv[2], sys.argv[3:])
    elif cmd == "sqlite-index":
        sqlite_index(sys.argv[2])
    elif cmd == "pg-index":
        pg_index(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "search":
        search(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == "set-size":  # OUT.json PATH...: add the size on disk of PATHs as db_mb
        size = int(subprocess.run(["du", "-sbc"] + sys.argv[3:], capture_output=True, text=True,
                                  check=True).stdout.splitlines()[-1].split()[0])
        with open(sys.argv[2]) as f:
            r = json.load(f)
        r["db_mb"] = size / 1e6
        with open(sys.argv[2], "w") as f:
            json.dump(r, f)
    elif cmd == "report":
        report(sys.argv[2], sys.argv[3:])
