// The "Lược đồ" panel of the document page: the validity status with the sentences and
// documents that establish it, the relations grouped by type in both directions (what this
// document does to others, what others do to it), and a small drawing of its neighbourhood,
// two hops deep, drawn here in SVG (no library).

import { apiGet } from './api.js';
import { h } from './dom.js';
import { FIELDS } from './fields.js';
import { documentUrl, instrumentUrl, searchUrl, withChanges, parseSearch } from './state.js';
import { formatDate, parseDayMonthYear } from './text.js';

// Outgoing label, incoming label, per relation type (archive/SCHEMA.md).
const LABELS = {
  bai_bo: ['Bãi bỏ', 'Bị bãi bỏ bởi'],
  thay_the: ['Thay thế', 'Bị thay thế bởi'],
  sua_doi: ['Sửa đổi, bổ sung', 'Được sửa đổi, bổ sung bởi'],
  dinh_chinh: ['Đính chính', 'Được đính chính bởi'],
  hop_nhat: ['Hợp nhất', 'Được hợp nhất trong'],
  huong_dan: ['Hướng dẫn, quy định chi tiết', 'Được hướng dẫn, quy định chi tiết bởi'],
  thuc_hien: ['Thực hiện, triển khai', 'Được thực hiện, triển khai bởi'],
  can_cu: ['Căn cứ', 'Là căn cứ của'],
  dan_chieu: ['Dẫn chiếu', 'Được dẫn chiếu bởi'],
};
const ORDER = Object.keys(LABELS);
// The search filter of each relation type that has one ("sua_doi" → amends).
const FILTERS = Object.fromEntries(FIELDS.filter((f) => f.relation).map((f) => [f.relation, f]));

// The reverse view: every archived document that does this to `doc`, as a search.
function searchOfActing(doc, type) {
  const field = FILTERS[type];
  if (!field || !doc.number) return null;
  const state = withChanges(parseSearch(''), { [field.name]: [doc.number] });
  return h('p', { class: 'relation-search' }, h('a', { href: searchUrl(state), 'data-nav': true },
    `Tìm các văn bản ${field.label.toLowerCase()} này`));
}

function label(d) {
  // A law cited by its name has no number: its name is its label ("Luật Tổ chức ...").
  if (!d.number && d.type && d.title) return d.title.startsWith(d.type) ? d.title : `${d.type} ${d.title}`;
  return [d.type, d.number ? `số ${d.number}` : null].filter(Boolean).join(' ') || d.title || 'Văn bản';
}

function linkTo(d) {
  if (d.id) return h('a', { href: documentUrl(d.id), 'data-nav': true }, label(d));
  if (d.number) return h('a', { href: instrumentUrl(d.number), 'data-nav': true }, label(d));
  return h('span', {}, label(d));
}

// "Tình trạng tại ngày": the same document's validity as of another day (ngay=dd/mm/yyyy in
// the page's address), for a question about the past ("was it in force when ...?").
function asOfForm(doc, { q, asOf, navigate }) {
  const input = h('input', {
    id: 'as-of', name: 'ngay', type: 'text', class: 'date-input', inputmode: 'numeric',
    autocomplete: 'off', placeholder: 'dd/mm/yyyy', value: asOf ? formatDate(asOf) : '',
    'aria-describedby': 'as-of-hint',
  });
  const form = h('form', { class: 'as-of-form' },
    h('label', { for: 'as-of' }, 'Xem tình trạng tại ngày '), input, ' ',
    h('button', { type: 'submit', class: 'button button-secondary' }, 'Xem'),
    asOf ? h('a', { href: documentUrl(doc.id, q), 'data-nav': true, class: 'as-of-today' }, 'Hôm nay') : null,
    h('span', { id: 'as-of-hint', class: 'hint' }, ' Dạng ngày/tháng/năm, ví dụ 31/01/2024.'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const day = parseDayMonthYear(input.value);
    if (day === null) {
      input.setCustomValidity('Ngày cần dạng ngày/tháng/năm, ví dụ 31/01/2024.');
      input.reportValidity();
      return;
    }
    const url = new URL(documentUrl(doc.id, q), location.href);
    if (day) url.searchParams.set('ngay', formatDate(day));
    navigate(url.pathname + url.search);
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
  return form;
}

function validityBlock(validity) {
  if (!validity) return null;
  const status = validity.status || 'Chưa rõ';
  const evidence = (validity.evidence || []).map((e) => h('li', { class: 'validity-evidence' },
    e.id ? h('a', { href: documentUrl(e.id), 'data-nav': true }, e.number ? `Văn bản số ${e.number}` : 'Văn bản') : null,
    e.date ? h('span', { class: 'doc-link-meta' }, ` từ ${formatDate(e.date)}`) : null,
    e.sentence ? h('blockquote', { class: 'evidence' }, e.sentence) : null));
  return h('div', { class: 'validity' },
    h('p', {}, 'Tình trạng hiệu lực: ',
      h('strong', { class: 'validity-status', 'data-status': status }, status),
      validity.as_of ? h('span', { class: 'doc-link-meta' }, ` (tính đến ${formatDate(validity.as_of)})`) : null),
    evidence.length ? h('ul', { class: 'link-list' }, evidence)
      : h('p', { class: 'muted' }, 'Chưa có căn cứ trong kho để xác định.'));
}

// Laws are cited by name ("Luật Tổ chức chính quyền địa phương"); their title is that name.
function isLaw(c) {
  return /^(Luật|Bộ luật|Hiến pháp|Pháp lệnh)/.test(c.type || '');
}

// [{type, direction, doc, scope, evidence}]
function edges(doc) {
  const out = [];
  for (const c of doc.citations || []) {
    for (const r of c.relations || []) {
      out.push({ type: r.type, direction: 0, doc: { ...c, title: c.number || isLaw(c) ? c.title : null }, scope: r.scope, evidence: r.evidence });
    }
  }
  for (const r of doc.relations_in || []) {
    out.push({ type: r.type, direction: 1, doc: r.document || {}, scope: r.scope, evidence: r.evidence });
  }
  return out;
}

function groups(doc, list) {
  const sections = [];
  for (const type of ORDER) {
    for (const direction of [0, 1]) {
      const items = list.filter((e) => e.type === type && e.direction === direction);
      if (!items.length) continue;
      sections.push(h('div', { class: 'relation-group' },
        h('h3', {}, `${LABELS[type][direction]} (${items.length})`),
        h('ul', { class: 'link-list' }, items.slice(0, 50).map((e) => h('li', { class: 'relation' },
          linkTo(e.doc),
          e.scope ? h('span', { class: 'doc-link-meta' }, ` — ${e.scope}`) : null,
          e.evidence ? h('details', {}, h('summary', {}, 'Câu dẫn chứng'), h('blockquote', { class: 'evidence' }, e.evidence)) : null))),
        direction === 1 ? searchOfActing(doc, type) : null));
    }
  }
  return sections;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

// A node's identity in the drawing: the archived document, else the instrument's number.
function nodeKey(d) {
  if (d.id) return `id:${d.id}`;
  return d.number ? `so:${d.number.toLowerCase()}` : null;
}

function drawNode(layer, d, x, y, e) {
  const node = svg('a', { href: d.id ? documentUrl(d.id) : (d.number ? instrumentUrl(d.number) : '#') });
  node.setAttribute('data-nav', '');
  node.append(svg('circle', { cx: x, cy: y, r: e.hop === 2 ? 4.5 : 6, class: `node node-${e.type} hop-${e.hop}` }));
  // Neighbouring second-hop labels alternate above and below their nodes so they never overlap.
  const labelY = e.labelAbove ? y - 9 : y + 16;
  node.append(svg('text', { x, y: labelY, 'text-anchor': 'middle', class: 'node-label' }, d.number || label(d).slice(0, 24)));
  node.append(svg('title', {}, `${LABELS[e.type] ? LABELS[e.type][e.direction] : e.type}: ${label(d)}`));
  layer.append(node);
}

function drawEdge(layer, from, to, e) {
  // Arrows from the acting document to the one it acts on.
  const [a, b] = e.direction === 0 ? [from, to] : [to, from];
  layer.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge edge-${e.type} hop-${e.hop}`, 'marker-end': 'url(#mui-ten)' }));
}

// The document in the middle, its neighbours around it (acting relations and căn cứ, at most
// 16), then, once fetched, the neighbours' own (at most 8 archived neighbours, 4 each) beyond
// them: two hops. A document met twice is one node.
function drawing(doc, list) {
  const strong = list.filter((e) => e.type !== 'dan_chieu').slice(0, 16);
  if (!strong.length) return null;
  const size = 480;
  const c = size / 2;
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, class: 'relation-drawing', role: 'img',
    'aria-label': `Lược đồ quan hệ của ${label(doc)}` });
  const defs = svg('defs', {});
  const marker = svg('marker', { id: 'mui-ten', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
  defs.append(marker);
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(defs, edgeLayer, nodeLayer);
  const placed = new Map();  // nodeKey → {x, y, angle}
  const self = { x: c, y: c, angle: 0 };
  if (nodeKey(doc)) placed.set(nodeKey(doc), self);
  if (doc.number) placed.set(`so:${doc.number.toLowerCase()}`, self);
  const ring = [];
  strong.forEach((e, i) => {
    const key = nodeKey(e.doc);
    const angle = (2 * Math.PI * i) / strong.length - Math.PI / 2;
    let at = key ? placed.get(key) : null;
    if (!at) {
      at = { x: c + Math.cos(angle) * 115, y: c + Math.sin(angle) * 115, angle };
      if (key) placed.set(key, at);
      drawNode(nodeLayer, e.doc, at.x, at.y, { ...e, hop: 1 });
      if (e.doc.id) ring.push({ doc: e.doc, at, spread: (1.6 * Math.PI) / strong.length });
    }
    drawEdge(edgeLayer, self, at, { ...e, hop: 1 });
  });
  nodeLayer.append(svg('circle', { cx: c, cy: c, r: 9, class: 'node node-self' }));
  nodeLayer.append(svg('text', { x: c, y: c - 14, 'text-anchor': 'middle', class: 'node-label node-self-label' }, doc.number || 'Văn bản này'));
  fitDrawing(root);
  secondHop(ring.slice(0, 8), placed, edgeLayer, nodeLayer, c).then(() => fitDrawing(root));
  return root;
}

// The view box around the nodes drawn (labels beside them), shown at most 1.3 times its own
// size: a few neighbours in a narrow column stay legible instead of shrinking with the empty
// rest of the 480-unit square.
function fitDrawing(root) {
  const circles = [...root.querySelectorAll('circle')];
  if (!circles.length) return;
  const xs = circles.map((n) => Number(n.getAttribute('cx')));
  const ys = circles.map((n) => Number(n.getAttribute('cy')));
  const left = Math.min(...xs) - 80;
  const top = Math.min(...ys) - 26;
  const width = Math.max(...xs) + 80 - left;
  const height = Math.max(...ys) + 26 - top;
  root.setAttribute('viewBox', `${left} ${top} ${width} ${height}`);
  root.style.maxWidth = `${Math.round(width * 1.3)}px`;
}

async function secondHop(ring, placed, edgeLayer, nodeLayer, c) {
  const neighbours = await Promise.all(ring.map((n) =>
    apiGet(`/api/documents/${encodeURIComponent(n.doc.id)}`, new URLSearchParams({ text: '0' }))
      .catch(() => null)));
  neighbours.forEach((neighbour, i) => {
    if (!neighbour) return;  // the drawing keeps its first hop
    const { at, spread } = ring[i];
    const drawn = new Set();
    const further = edges(neighbour).filter((e) => e.type !== 'dan_chieu').filter((e) => {
      const key = nodeKey(e.doc);
      const known = key && placed.get(key);
      // Not back to this document (drawn already), each other document once.
      if (!key || drawn.has(key) || (known && known.x === c && known.y === c)) return false;
      drawn.add(key);
      return true;
    }).slice(0, 4);
    further.forEach((e, j) => {
      const key = nodeKey(e.doc);
      let to = placed.get(key);
      if (!to) {
        const angle = at.angle + (further.length === 1 ? 0 : spread * (j / (further.length - 1) - 0.5));
        to = { x: c + Math.cos(angle) * 205, y: c + Math.sin(angle) * 205, angle };
        placed.set(key, to);
        drawNode(nodeLayer, e.doc, to.x, to.y, { ...e, hop: 2, labelAbove: j % 2 === 1 });
      }
      drawEdge(edgeLayer, at, to, { ...e, hop: 2 });
    });
  });
}

export function relationsSection(doc, view = {}) {
  const list = edges(doc);
  return h('section', { class: 'panel relations', 'aria-labelledby': 'relations-title' },
    h('h2', { id: 'relations-title' }, 'Lược đồ'),
    validityBlock(doc.validity),
    doc.id && view.navigate ? asOfForm(doc, view) : null,
    drawing(doc, list),
    list.length ? groups(doc, list) : h('p', { class: 'muted' }, 'Chưa có quan hệ nào với văn bản khác.'));
}
