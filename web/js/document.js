// The document page: metadata table, download of the original, cited instruments, the
// documents citing this one, and the full text with the search terms highlighted.

import { apiGetRemembered, originalUrl } from './api.js';
import { announce, h, highlight } from './dom.js';
import { documentUrl, instrumentUrl, searchUrl, parseSearch } from './state.js';
import {
  findMatches, formatDate, formatNumber, formatSize, ocrDetails, ocrLabel, parseDayMonthYear,
  queryWords,
} from './text.js';
import { relationsSection } from './relations.js';

const UNKNOWN = 'Chưa xác định';

export async function showDocument(main, id, location, { signal, navigate, fromHistory }) {
  const params = new URLSearchParams(location.search);
  const q = params.get('q') || '';
  // The day the validity is worked out for (ISO), today when absent.
  const asOf = parseDayMonthYear(params.get('ngay') || '') || '';
  main.replaceChildren(loadingBlock('Đang mở văn bản…'));
  document.title = 'Văn bản — Vanban';
  let doc;
  try {
    const query = asOf ? `?${new URLSearchParams({ as_of: asOf })}` : '';
    doc = await apiGetRemembered(`/api/documents/${encodeURIComponent(id)}${query}`, null, signal, fromHistory);
  } catch (error) {
    if (error.name === 'AbortError') return;
    main.replaceChildren(backLink(q), errorBlock('Không mở được văn bản', error.message));
    return;
  }
  const heading = [doc.type, doc.number ? `số ${formatNumber(doc.number)}` : null].filter(Boolean).join(' ')
    || doc.filename || 'Văn bản';
  document.title = `${heading}${doc.title ? ` — ${doc.title}` : ''} — Vanban`;

  const textSection = fullText(doc.text || '', q);
  main.replaceChildren(h('article', { class: 'document-page' },
    backLink(q),
    h('header', { class: 'document-header' },
      h('p', { class: 'document-kicker' }, [doc.issuer, formatDate(doc.date)].filter(Boolean).join(' · ')),
      h('h1', { class: 'document-heading' }, heading),
      doc.title ? h('p', { class: 'document-title' }, doc.title) : null,
      doc.ocr ? h('p', { class: 'document-ocr' },
        h('span', { class: 'badge ocr-badge' }, ocrLabel(doc.ocr)), ' ', ocrDetails(doc.ocr)) : null,
      downloadLink(doc)),
    h('div', { class: 'document-layout' },
      metadataTable(doc),
      h('div', { class: 'document-side' },
        relationsSection(doc, { q, asOf, navigate }),
        citationsSection(doc.citations || [], q),
        citedBySection(doc.cited_by || [], q)),
      textSection)));
  const marks = textSection.querySelectorAll('mark').length;
  if (q) announce(marks ? `Văn bản có ${marks} chỗ khớp với “${q}”.` : `Văn bản đã mở.`);
}

export function loadingBlock(text) {
  return h('p', { class: 'loading page-loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function errorBlock(title, message) {
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('h1', { class: 'error-title' }, title),
    h('p', { class: 'error-message' }, message),
    h('p', {}, h('a', { href: '/', 'data-nav': true }, 'Về trang tìm kiếm')));
}

// Back to the last search the user made in this tab, else a search for q, else home.
export function backLink(q) {
  let href = sessionStorage.getItem('vanban:lastSearch');
  if (!href || (q && parseSearch(href.split('?')[1] || '').q !== q)) {
    href = q ? searchUrl({ ...parseSearch(''), q }) : '/';
  }
  return h('p', { class: 'back' }, h('a', { href, 'data-nav': true }, '‹ Quay lại kết quả tìm kiếm'));
}

function downloadLink(doc) {
  const details = [doc.format ? doc.format.toUpperCase() : null,
    doc.size ? formatSize(doc.size) : null, doc.filename].filter(Boolean).join(' · ');
  return h('p', { class: 'document-actions' },
    h('a', {
      class: 'button button-primary download', href: originalUrl(doc.id),
      download: doc.filename || true,
    }, h('span', { 'aria-hidden': 'true', class: 'download-icon' }, '⤓'), ' Tải bản gốc'),
    details ? h('span', { class: 'download-details' }, details) : null);
}

function metadataTable(doc) {
  const signer = [doc.signing_authority, doc.signer_title, doc.signer].filter(Boolean);
  const recipients = doc.recipients || [];
  const placeDate = [doc.place, doc.date ? formatDate(doc.date) : null].filter(Boolean).join(', ');
  const rows = [
    ['Số ký hiệu', formatNumber(doc.number)],
    ['Loại văn bản', doc.type],
    ['Cơ quan ban hành', doc.issuer],
    ['Ngày ban hành', placeDate],
    ['Trích yếu', doc.title],
    ['Người ký', signer.length ? signer.map((line) => h('span', { class: 'line' }, line)) : null],
    ['Nơi nhận', recipients.length
      ? h('ul', { class: 'recipients' }, recipients.map((r) => h('li', {}, r))) : null],
  ];
  return h('section', { class: 'panel metadata', 'aria-labelledby': 'metadata-title' },
    h('h2', { id: 'metadata-title' }, 'Thông tin văn bản'),
    h('table', { class: 'metadata-table' },
      h('tbody', {}, rows.map(([label, value]) => h('tr', {},
        h('th', { scope: 'row' }, label),
        h('td', {}, value === null || value === undefined || value === ''
          ? h('span', { class: 'muted' }, UNKNOWN) : value))))));
}

// "Chỉ thị số 33/CT-TTg"; a law cited by name is its name.
function citationLabel(c) {
  if (c.number) return [c.type, `số ${c.number}`].filter(Boolean).join(' ');
  return c.title || c.text || c.type || 'Văn bản';
}

function citationDetails(c) {
  return [c.date ? `ngày ${formatDate(c.date)}` : null, c.issuer ? `của ${c.issuer}` : null]
    .filter(Boolean).join(' ');
}

const SHORT_LIST = 10;

// A list showing its first items, with a button revealing the rest.
export function shortList(items) {
  const list = h('ul', { class: 'link-list' }, items.slice(0, SHORT_LIST));
  if (items.length <= SHORT_LIST + 2) {
    list.append(...items.slice(SHORT_LIST));
    return list;
  }
  const more = h('button', { type: 'button', class: 'link-button list-more' },
    `Xem tất cả ${items.length} văn bản`);
  more.addEventListener('click', () => {
    list.append(...items.slice(SHORT_LIST));
    more.remove();
    const next = items[SHORT_LIST].querySelector('a');
    if (next) next.focus();
  });
  return [list, more];
}

function citationsSection(citations, q) {
  const items = citations.map((c) => {
    const label = citationLabel(c);
    let link;
    let note;
    if (c.id) {
      link = h('a', { href: documentUrl(c.id), 'data-nav': true }, label);
      note = h('span', { class: 'tag tag-ok' }, 'Có trong kho');
    } else if (c.number) {
      link = h('a', { href: instrumentUrl(c.number), 'data-nav': true }, label);
      note = h('span', { class: 'tag' }, 'Chưa có trong kho');
    } else {
      link = h('a', { href: searchUrl({ ...parseSearch(''), q: `"${c.title || c.text}"` }), 'data-nav': true }, label);
      note = h('span', { class: 'tag' }, 'Tìm trong kho');
    }
    const candidates = Array.isArray(c.candidates) && c.candidates.length
      ? h('div', { class: 'candidates' }, h('p', {}, 'Có thể là một trong các văn bản:'),
        h('ul', {}, c.candidates.map((d) => h('li', {}, docLink(d, q)))))
      : null;
    const details = citationDetails(c);
    const subject = c.title && c.title !== label ? c.title : null;
    return h('li', { class: 'citation' },
      h('div', { class: 'citation-head' }, link, ' ', note),
      details ? h('p', { class: 'citation-details' }, details) : null,
      subject ? h('p', { class: 'citation-title' }, subject) : null,
      candidates);
  });
  return h('section', { class: 'panel citations', 'aria-labelledby': 'citations-title' },
    h('h2', { id: 'citations-title' }, `Văn bản được trích dẫn (${citations.length})`),
    items.length ? shortList(items)
      : h('p', { class: 'muted' }, 'Văn bản này không trích dẫn văn bản nào.'));
}

// A short document reference: "Kế hoạch số 32/KH-UBND — title (31/01/2026)".
export function docLink(d, q) {
  const label = [d.type, d.number ? `số ${d.number}` : null].filter(Boolean).join(' ')
    || d.title || 'Văn bản';
  return [
    h('a', { href: documentUrl(d.id, q), 'data-nav': true }, label),
    d.title && d.title !== label ? h('span', { class: 'doc-link-title' }, ` — ${d.title}`) : null,
    d.issuer || d.date
      ? h('span', { class: 'doc-link-meta' },
        [d.issuer, d.date ? formatDate(d.date) : null].filter(Boolean).join(' · '))
      : null,
  ];
}

function citedBySection(citedBy, q) {
  return h('section', { class: 'panel cited-by', 'aria-labelledby': 'cited-by-title' },
    h('h2', { id: 'cited-by-title' }, `Văn bản trích dẫn văn bản này (${citedBy.length})`),
    citedBy.length
      ? shortList(citedBy.map((d) => h('li', { class: 'doc-link' }, docLink(d, q))))
      : h('p', { class: 'muted' }, 'Chưa có văn bản nào trong kho trích dẫn văn bản này.'));
}

function fullText(text, q) {
  const words = queryWords(q);
  const terms = [...words.keys()];
  const ranges = findMatches(text, terms, words);
  const info = [];
  if (terms.length) {
    info.push(ranges.length
      ? h('p', { class: 'match-info' }, `Đánh dấu ${ranges.length} chỗ khớp với “${q}”. `,
        h('a', { href: '#khop-1' }, 'Đến chỗ khớp đầu tiên'))
      : h('p', { class: 'match-info' }, `Không có chỗ nào trong toàn văn khớp với “${q}”.`));
  }
  return h('section', { class: 'panel full-text', 'aria-labelledby': 'full-text-title' },
    h('h2', { id: 'full-text-title' }, 'Toàn văn'),
    info,
    text ? h('div', { class: 'text-body' },
      highlight(text, ranges))
      : h('p', { class: 'muted' }, 'Không có nội dung văn bản (tệp gốc không có lớp chữ).'));
}
