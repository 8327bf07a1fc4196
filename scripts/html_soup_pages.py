#!/usr/bin/env python3
"""Tag soup for scripts/html_sax_equivalence.cpp (docs/RELIABILITY.md, session 32): 8,000 pages
of random pieces (misplaced html/body/head/DOCTYPE, unclosed tables and pre, start tags without
their '>', comments, PIs, entities, raw-text elements), 200 pages built from the shared corpus's
texts, and two nested 300 deep. Usage: html_soup_pages.py OUT_DIR [CORPUS_DIR]"""
import random, os, glob, sys
OUT = sys.argv[1]
CORPUS = sys.argv[2] if len(sys.argv) > 2 else '/work/shared/corpus'
random.seed(32)
pieces = ["<p>","</p>","<div>","</div>","<table>","</table>","<tr>","</tr>","<td>","</td>","<th>","<thead>","</tbody>",
 "<pre>","</pre>","<span>","</span>","<b>","</b>",'<font face=".VnTime">',"</font>","<br>","<script>x</script>","<li>","<ul>","</ul>",
 "<p hidden>","<!--c-->","<?pi x?>","</html>","<body>","<html>","<h1>","</h1>","<!DOCTYPE html>","<head>","</head>","<title>t</title>",
 "</body>","<html lang=vi>","<body class=x>","<p class=x", "<td", "<div id=\"a\"", "&amp;", "&", "&nbsp;", "&#x1EA1;", "&bogus;",
 "<", ">", "</", "<style>p{}</style>", "<textarea>", "<select><option>o", "<frameset>", "<noscript>n</noscript>", "<![CDATA[x]]>",
 "<img src=x>", "<hr>", "<input>", "<caption>", "<tfoot>", "<tbody>", "<col>", "<colgroup>", "<option>", "<dl><dt>", "<dd>",
 "<a href=#>", "</a>", "<i>", "</i>", "\n", " ", "   ", "\t", "<meta charset=utf-8>", "<link>", "<base>", "</td>", "</tr>", "</th>",
 "<object>", "<applet>", "<xmp>", "</xmp>", "<plaintext>", "<listing>", "<iframe>", "</iframe>", "<svg>", "</svg>", "<math>",
]
words = ["Điều", "1.", "Quyết", "định", "x", "y", "z", "số", "12/QĐ-UBND", "ngày"]
texts = []
for f in sorted(glob.glob(CORPUS + '/real/**/*.txt', recursive=True))[:200]:
    try: texts.append(open(f, encoding='utf-8', errors='replace').read()[:3000])
    except Exception: pass
os.makedirs(OUT, exist_ok=True)
n = 0
for i in range(8000):
    page = []
    k = random.randint(1, 60)
    for _ in range(k):
        r = random.random()
        if r < 0.6: page.append(random.choice(pieces))
        elif r < 0.9: page.append(random.choice(words))
        else: page.append(random.choice(words) + " " + random.choice(words))
    open(os.path.join(OUT, 's%05d.html' % i), 'w').write(''.join(page)); n += 1
# pages made of corpus texts: lines in random block structure
for j, t in enumerate(texts):
    out = []
    for line in t.split('\n'):
        tag = random.choice(["p", "div", "td", "li", "pre", "span", "h2", None])
        close = random.random() < 0.7
        if tag: out.append("<%s>%s%s" % (tag, line, "</%s>" % tag if close else ""))
        else: out.append(line + random.choice(["<br>", "\n", "<!--k-->", ""]))
        if random.random() < 0.05: out.append(random.choice(["<table><tr>", "</table>", "<html>", "<body>", "</html>", "<!DOCTYPE html>"]))
    open(os.path.join(OUT, 'c%05d.html' % j), 'w').write(''.join(out))
# deep nesting
open(os.path.join(OUT, 'deep300.html'), 'w').write("<div>" * 300 + "sâu" + "</div>" * 300 + "<p>sau</p>")
open(os.path.join(OUT, 'deep300span.html'), 'w').write("<p>" + "<span>a" * 300 + "</p><p>sau</p>")
print(n, len(texts))
