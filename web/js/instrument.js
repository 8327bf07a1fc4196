// The page of a cited number the archive may not hold: the archived documents bearing that
// number (if any) and every document citing it.

import { apiGetRemembered } from './api.js';
import { h } from './dom.js';
import { docLink, errorBlock, loadingBlock, shortList } from './document.js';
import { parseSearch, searchUrl } from './state.js';

export async function showInstrument(main, location, { signal, fromHistory }) {
  const number = (new URLSearchParams(location.search).get('number') || '').trim();
  if (!number) {
    main.replaceChildren(errorBlock('Thiếu số ký hiệu', 'Đường dẫn không có số ký hiệu cần tra.'));
    return;
  }
  document.title = `${number} — Vanban`;
  main.replaceChildren(loadingBlock('Đang tra số ký hiệu…'));
  let result;
  try {
    result = await apiGetRemembered('/api/instruments', new URLSearchParams({ number }), signal, fromHistory);
  } catch (error) {
    if (error.name === 'AbortError') return;
    main.replaceChildren(errorBlock('Không tra được số ký hiệu', error.message));
    return;
  }
  const documents = result.documents || [];
  const citedBy = result.cited_by || [];
  const lastSearch = sessionStorage.getItem('vanban:lastSearch') || '/';
  main.replaceChildren(h('article', { class: 'instrument-page' },
    h('p', { class: 'back' }, h('a', { href: lastSearch, 'data-nav': true }, '‹ Quay lại kết quả tìm kiếm')),
    h('header', { class: 'document-header' },
      h('p', { class: 'document-kicker' }, 'Số ký hiệu được trích dẫn'),
      h('h1', { class: 'document-heading' }, number)),
    h('section', { class: 'panel', 'aria-labelledby': 'instrument-docs' },
      h('h2', { id: 'instrument-docs' }, 'Văn bản mang số này trong kho'),
      documents.length
        ? h('ul', { class: 'link-list' }, documents.map((d) => h('li', { class: 'doc-link' }, docLink(d))))
        : h('p', { class: 'muted' },
          'Kho chưa lưu văn bản này. Dưới đây là các văn bản trong kho có trích dẫn nó.')),
    h('section', { class: 'panel', 'aria-labelledby': 'instrument-cited-by' },
      h('h2', { id: 'instrument-cited-by' }, `Văn bản trích dẫn ${number} (${citedBy.length})`),
      citedBy.length
        ? shortList(citedBy.map((d) => h('li', { class: 'doc-link' }, docLink(d))))
        : h('p', { class: 'muted' }, 'Không có văn bản nào trong kho trích dẫn số này.'),
      h('p', {}, h('a', {
        href: searchUrl({ ...parseSearch(''), cites: [number] }), 'data-nav': true,
      }, 'Xem dưới dạng kết quả tìm kiếm, có bộ lọc')))));
}
