// The search page: the big box, facets with counts, chips of active filters, date range, sort,
// results with highlighted snippets, pagination. All state comes from the URL.

import { apiGetRemembered } from './api.js';
import { docLink } from './document.js';
import { FIELDS } from './fields.js';
import { announce, h, sanitizeSnippet } from './dom.js';
import {
  documentUrl, hasFilters, instrumentUrl, isEmpty, MULTI_FIELDS, parseSearch, searchUrl, SORTS, toParams,
  toggleValue, withChanges,
} from './state.js';
import {
  formatCount, formatDate, formatNumber, formatSeconds, ocrDetails, ocrLabel, parseDayMonthYear,
} from './text.js';

const FACETS = FIELDS.filter((f) => f.facet).map((f) => ({ field: f.name, label: f.label }));
const FIELD_LABELS = {
  ...Object.fromEntries(FIELDS.map((f) => [f.name, f.shortLabel])),
  from: 'Từ ngày', to: 'Đến ngày',
};
const BOX_PREFIXES = FIELDS.filter((f) => f.name !== 'date').map((f) => `${f.prefix}:`).join(', ');
const SORT_LABELS = { relevance: 'Liên quan', newest: 'Mới nhất', oldest: 'Cũ nhất' };
const FACET_PREVIEW = 8;
const UNKNOWN = 'Không rõ';  // the facet bucket of documents lacking the field
const LANDING_SIZE = 10;

let view = null;          // the mounted page, kept across searches so the box keeps focus
const expanded = new Set(); // facet groups the user opened in full

export async function showSearch(main, location, { signal, navigate, fromHistory }) {
  const state = parseSearch(location.search);
  if (!view || !main.contains(view.root)) view = mount(main, navigate);
  view.state = state;
  syncControls(state);
  renderChips(state);
  document.title = state.q ? `${state.q} — Tìm kiếm — Vanban` : 'Vanban — Kho văn bản';
  sessionStorage.setItem('vanban:lastSearch', location.pathname + location.search);

  const landing = isEmpty(state);
  // Without words to rank by, "relevance" means nothing to staff: list the newest first.
  const sort = !state.q && state.sort === 'relevance' ? 'newest' : state.sort;
  view.sort.value = sort;
  const params = toParams({ ...state, sort, size: landing ? LANDING_SIZE : state.size });
  setLoading(true);
  let result;
  try {
    result = await apiGetRemembered('/api/search', params, signal, fromHistory);
  } catch (error) {
    if (error.name === 'AbortError') return;
    setLoading(false);
    if (landing) renderLanding(state, null);
    else renderError(error.message);
    return;
  }
  setLoading(false);
  if (landing) renderLanding(state, result);
  else renderResults(state, result);
  renderFacets(state, result.facets || {});
}

// "Tìm trong: Trích yếu | Toàn văn": a change asks again at once, as the sort does.
function scopeChoice(navigate) {
  const choice = (value, label) => {
    const radio = h('input', { type: 'radio', name: 'in', value, id: `in-${value}` });
    radio.addEventListener('change', () => {
      if (radio.checked) navigate(searchUrl(withChanges(view.state, { in: value })));
    });
    return h('label', { class: 'scope-choice', for: `in-${value}` }, radio, label);
  };
  return h('fieldset', { class: 'search-scope' },
    h('legend', {}, 'Tìm trong:'), choice('title', 'Trích yếu'), choice('all', 'Toàn văn'));
}

function mount(main, navigate) {
  main.replaceChildren();
  const input = h('input', {
    id: 'q', name: 'q', type: 'search', class: 'search-input', autocomplete: 'off',
    spellcheck: 'false', placeholder: 'Ví dụ: dan van kheo, 33/CT-TTg, ke hoach chuyen doi so',
    'aria-describedby': 'q-hint',
  });
  const form = h('form', { class: 'search-form', role: 'search', action: '/' },
    h('h1', { class: 'search-title' }, h('label', { for: 'q' }, 'Tìm kiếm văn bản')),
    h('div', { class: 'search-row' },
      input,
      h('button', { type: 'submit', class: 'button button-primary search-button' }, 'Tìm kiếm')),
    scopeChoice(navigate),
    h('p', { id: 'q-hint', class: 'hint' },
      'Gõ có dấu hoặc không dấu. Tìm được theo nội dung, trích yếu, số ký hiệu ',
      `(33/CT-TTg), và theo trường: ${BOX_PREFIXES}.`));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = withChanges(view.state, { q: input.value.trim() });
    navigate(searchUrl(next));
  });

  // Text boxes read day first (dd/mm/yyyy) whatever the browser's locale.
  const dateInput = (id) => h('input', {
    id, name: id, type: 'text', class: 'date-input', inputmode: 'numeric', autocomplete: 'off',
    placeholder: 'dd/mm/yyyy', 'aria-describedby': 'date-format',
  });
  const from = dateInput('from');
  const to = dateInput('to');
  const dateForm = h('form', { class: 'date-range', 'aria-labelledby': 'date-range-title' },
    h('h2', { id: 'date-range-title', class: 'facet-title' }, 'Ngày ban hành'),
    h('div', { class: 'date-fields' },
      h('div', { class: 'field' }, h('label', { for: 'from' }, 'Từ ngày'), from),
      h('div', { class: 'field' }, h('label', { for: 'to' }, 'Đến ngày'), to)),
    h('p', { id: 'date-format', class: 'hint date-hint' }, 'Dạng ngày/tháng/năm, ví dụ 31/01/2026.'),
    h('button', { type: 'submit', class: 'button button-secondary' }, 'Lọc theo ngày'));
  dateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const dates = {};
    for (const input of [from, to]) {
      dates[input.name] = parseDayMonthYear(input.value);
      if (dates[input.name] === null) {
        input.setCustomValidity('Ngày cần dạng ngày/tháng/năm, ví dụ 31/01/2026.');
        input.reportValidity();
        return;
      }
    }
    if (dates.from && dates.to && dates.from > dates.to) {
      to.setCustomValidity('“Đến ngày” phải sau “Từ ngày”.');
      to.reportValidity();
      return;
    }
    navigate(searchUrl(withChanges(view.state, dates)));
  });
  for (const input of [from, to]) input.addEventListener('input', () => input.setCustomValidity(''));

  const facetGroups = h('div', { class: 'facet-groups' });
  const facetsBody = h('div', { id: 'facets-body', class: 'facets-body' }, dateForm, facetGroups);
  const facetsToggle = h('button', {
    type: 'button', class: 'button button-secondary facets-toggle',
    'aria-expanded': 'false', 'aria-controls': 'facets-body',
  }, 'Bộ lọc');
  facetsToggle.addEventListener('click', () => {
    const open = facetsToggle.getAttribute('aria-expanded') !== 'true';
    facetsToggle.setAttribute('aria-expanded', String(open));
    facetsBody.classList.toggle('open', open);
  });
  const facets = h('aside', { class: 'facets', 'aria-label': 'Bộ lọc kết quả' },
    facetsToggle, facetsBody);

  const sort = h('select', { id: 'sort', name: 'sort' },
    SORTS.map((value) => h('option', { value }, SORT_LABELS[value])));
  sort.addEventListener('change', () => {
    navigate(searchUrl(withChanges(view.state, { sort: sort.value })));
  });
  const summary = h('h2', { id: 'summary', class: 'summary', tabindex: '-1' });
  const status = h('p', { class: 'loading', role: 'status', hidden: true },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Đang tìm…');
  const toolbar = h('div', { class: 'results-toolbar' },
    h('div', { class: 'summary-wrap' }, summary, status),
    h('div', { class: 'sort' }, h('label', { for: 'sort' }, 'Sắp xếp'), sort));
  const chips = h('div', { class: 'chips-area' });
  const body = h('div', { class: 'results-body' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'summary' },
    toolbar, chips, body);

  const root = h('div', { class: 'search-page' },
    h('section', { class: 'search-hero' }, form),
    h('div', { class: 'search-layout' }, facets, results));
  main.appendChild(root);
  return {
    root, input, from, to, sort, summary, status, chips, body, results, facetGroups,
    facetsToggle, state: null,
  };
}

function syncControls(state) {
  if (document.activeElement !== view.input || view.input.value.trim() === state.q) {
    view.input.value = state.q;
  }
  view.from.value = formatDate(state.from);
  view.to.value = formatDate(state.to);
  view.sort.value = state.sort;
  for (const radio of view.root.querySelectorAll('input[name="in"]')) {
    radio.checked = radio.value === state.in;
  }
  const active = MULTI_FIELDS.reduce((n, f) => n + state[f].length, 0)
    + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.number ? 1 : 0);
  view.facetsToggle.textContent = active ? `Bộ lọc (${active})` : 'Bộ lọc';
}

function setLoading(loading) {
  view.status.hidden = !loading;
  view.results.setAttribute('aria-busy', String(loading));
  view.results.classList.toggle('is-loading', loading);
}

// Active filters as removable chips, in the order of the facet panel.
function activeFilters(state) {
  const filters = [];
  for (const field of MULTI_FIELDS) {
    for (const value of state[field]) {
      filters.push({ field, value, text: value, next: toggleValue(state, field, value) });
    }
  }
  for (const field of ['number', 'from', 'to']) {
    if (!state[field]) continue;
    const text = field === 'number' ? state[field] : formatDate(state[field]);
    filters.push({ field, value: state[field], text, next: withChanges(state, { [field]: '' }) });
  }
  return filters;
}

function chipList(state) {
  const filters = activeFilters(state);
  if (!filters.length) return null;
  const items = filters.map((f) => h('li', {},
    h('a', {
      class: 'chip', href: searchUrl(f.next), 'data-nav': true,
      'data-focus-key': `chip:${f.field}`,
      'aria-label': `Bỏ lọc ${FIELD_LABELS[f.field]}: ${f.text}`,
    },
    h('span', { class: 'chip-field' }, `${FIELD_LABELS[f.field]}:`), ' ',
    h('span', { class: 'chip-value' }, f.text),
    h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'))));
  if (filters.length > 1) {
    const cleared = withChanges(state, {
      ...Object.fromEntries(MULTI_FIELDS.map((f) => [f, []])), number: '', from: '', to: '',
    });
    items.push(h('li', {}, h('a', {
      class: 'chip chip-clear', href: searchUrl(cleared), 'data-nav': true,
      'data-focus-key': 'chip:clear',
    }, 'Xoá tất cả bộ lọc')));
  }
  return h('ul', { class: 'chips', 'aria-label': 'Bộ lọc đang dùng' }, items);
}

function renderChips(state) {
  view.chips.replaceChildren(chipList(state) || '');
}

function renderFacets(state, facets) {
  const groups = [];
  for (const { field, label } of FACETS) {
    const values = (facets[field] || []).slice();
    // Years read as a calendar: newest first, whatever their counts.
    // "Không rõ" (documents lacking the field) comes last.
    if (field === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
    values.sort((a, b) => (a.value === UNKNOWN) - (b.value === UNKNOWN));
    // Keep active values visible even when the server no longer counts them.
    for (const value of state[field]) {
      if (!values.some((v) => v.value === value)) values.unshift({ value, count: null });
    }
    if (!values.length) continue;
    const showAll = expanded.has(field) || values.length <= FACET_PREVIEW + 2;
    const shown = showAll ? values : values.slice(0, FACET_PREVIEW);
    const headingId = `facet-${field}`;
    const items = shown.map(({ value, count }) => {
      const active = state[field].includes(value);
      return h('li', {}, h('a', {
        class: active ? 'facet-item active' : 'facet-item',
        href: searchUrl(toggleValue(state, field, value)),
        'data-nav': true,
        'data-focus-key': `facet:${field}:${value}`,
        'aria-current': active ? 'true' : null,
        title: active ? `Bỏ lọc: ${value}` : `Chỉ xem: ${value}`,
      },
      h('span', { class: 'facet-check', 'aria-hidden': 'true' }, active ? '✓' : ''),
      h('span', { class: 'facet-value' }, value),
      count === null ? null : h('span', { class: 'facet-count' },
        h('span', { class: 'visually-hidden' }, ', '), formatCount(count),
        h('span', { class: 'visually-hidden' }, ' văn bản'))));
    });
    const group = h('section', { class: 'facet', 'aria-labelledby': headingId, 'data-facet': field },
      h('h2', { id: headingId, class: 'facet-title' }, label),
      h('ul', { class: 'facet-list' }, items));
    if (!showAll) {
      const more = h('button', {
        type: 'button', class: 'link-button facet-more', 'data-focus-key': `more:${field}`,
      }, `Xem thêm ${values.length - FACET_PREVIEW} mục`);
      more.addEventListener('click', () => {
        expanded.add(field);
        renderFacets(view.state, facets);
        const first = view.facetGroups.querySelectorAll(`[data-facet="${field}"] .facet-item`)[FACET_PREVIEW];
        if (first) first.focus();
      });
      group.appendChild(more);
    }
    groups.push(group);
  }
  view.facetGroups.replaceChildren(...groups);
}

function renderResults(state, result) {
  // A question answered by a relation has no words to rank by: the server lists the newest first.
  if (result.understood?.answered && state.sort === 'relevance') view.sort.value = 'newest';
  const total = Number(result.total) || 0;
  const hits = result.hits || [];
  view.summary.textContent = total
    ? `Tìm thấy ${formatCount(total)} văn bản (${formatSeconds(result.took_ms)} giây)`
    : 'Không tìm thấy văn bản nào';
  announce(view.summary.textContent);
  if (!total || !hits.length) {
    view.body.replaceChildren(...[understoodNotice(state, result), validityAnswer(result),
      missingNumbers(result), suggestionNotice(state, result), emptyState(state, total, result)].filter(Boolean));
    return;
  }
  const start = (state.page - 1) * state.size + 1;
  const list = h('ol', { class: 'hits', start: String(start) },
    // Without a query the server's snippet is only the opening header lines: leave it out.
    hits.map((hit) => hitItem(state.q ? hit : { ...hit, snippet: '' }, state.q)));
  view.body.replaceChildren(...[partialNotice(result), understoodNotice(state, result),
    validityAnswer(result), missingNumbers(result),
    suggestionNotice(state, result), relaxedNotice(result), list,
    pagination(state, total)].filter(Boolean));
}

// An instrument a question named, as the archive names it ("Nghị định 14/2017/NĐ-CP"; a law:
// its name), linked to its page (its documents, and the documents citing it).
function instrumentLink(instrument) {
  const text = instrument.type ? `${instrument.type} ${instrument.number}` : instrument.number;
  return h('a', { href: instrumentUrl(instrument.number), 'data-nav': true }, text);
}

// The box read as a question about a document's relations ("văn bản nào sửa đổi nghị định
// 14/2017"): what it was understood as, and one click to search its words instead.
function understoodNotice(state, result) {
  const understood = result.understood;
  if (!understood) return null;
  const wordsLink = h('a', { href: searchUrl(withChanges(state, { as_words: true })), 'data-nav': true },
    'Tìm theo từ trong câu');
  const named = understood.instruments.flatMap((instrument, i) =>
    [i ? ', ' : null, instrumentLink(instrument)].filter(Boolean));
  return h('div', { class: 'notice understood', role: 'note' },
    understood.answered
      ? h('p', {}, 'Hiểu là: ', h('strong', {}, `${understood.label} `, named), '. ', wordsLink, '.')
      : h('p', {}, `Câu hỏi về ${understood.label} “${understood.typed}”.`),
    understood.message ? h('p', { class: 'muted' }, understood.message) : null);
}

// Outgoing labels of the acts that change a document's validity (relations.js's words).
const ACTS = {
  bai_bo: 'Bị bãi bỏ bởi',
  thay_the: 'Bị thay thế bởi',
  sua_doi: 'Được sửa đổi, bổ sung bởi',
  dinh_chinh: 'Được đính chính bởi',
};

// A validity question's answer: each instrument's status (its archived documents' statuses, from
// the hits) and what the archive's documents did to it, dated and linked.
function validityAnswer(result) {
  const answers = result.validity_answers || [];
  if (!answers.length) return null;
  const statusOf = new Map((result.hits || []).map((hit) => [hit.id, hit.validity]));
  const named = new Map((result.understood?.instruments || []).map((i) => [i.key, i]));
  return h('section', { class: 'panel validity-answer', 'aria-label': 'Tình trạng hiệu lực' },
    answers.map((answer) => {
      const instrument = named.get(answer.number_key) || { number: answer.number_key };
      const own = answer.documents || [];
      const statuses = [...new Set(own.map((d) => statusOf.get(d.id)).filter(Boolean))];
      const status = own.length
        ? (statuses.length ? statuses.join(' / ') : 'Chưa rõ')
        : 'Kho chưa lưu văn bản này';
      const acts = (answer.relations_in || []).filter((r) => ACTS[r.type]);
      return h('div', { class: 'validity-card' },
        h('h2', {}, instrument.type ? `${instrument.type} ${instrument.number}` : instrument.number, ': ',
          h('span', { class: 'validity-status' }, status)),
        acts.length
          ? h('ul', { class: 'link-list' }, acts.map((r) => h('li', {},
            `${ACTS[r.type]}${r.scope ? ` (${r.scope})` : ''} `,
            docLink(r.document))))
          : h('p', { class: 'muted' },
            'Không có văn bản nào trong kho sửa đổi, thay thế hay bãi bỏ văn bản này.'));
    }));
}

// A number typed in the box that no archived document bears: say so, and how many archived
// documents cite it (the instrument page lists them with what their citations tell).
function missingNumbers(result) {
  const missing = result.missing_numbers || [];
  if (!missing.length) return null;
  return h('div', { class: 'notice missing-number', role: 'note' }, missing.map((m) => h('p', {},
    `Văn bản số ${m.number} không có trong kho`,
    m.cited_by
      ? ['; ', h('a', { href: instrumentUrl(m.number), 'data-nav': true },
        `${formatCount(m.cited_by)} văn bản dẫn chiếu`), '.']
      : '.')));
}

// The box spelled as the archive's text spells it (typed without diacritics), its typos
// corrected to the archive's nearest words (in bold): one click away, even when nothing is found.
function suggestionNotice(state, result) {
  if (!result.suggestion) return null;
  const corrected = new Set((result.corrections || []).map((c) => c.suggested));
  const words = result.suggestion.split(' ').flatMap((word, i) =>
    [i ? ' ' : null, corrected.has(word) ? h('strong', {}, word) : word].filter((part) => part !== null));
  return h('p', { class: 'suggestion' }, 'Có phải bạn muốn tìm: ',
    h('a', { href: searchUrl(withChanges(state, { q: result.suggestion })), 'data-nav': true },
      h('em', {}, words)));
}

// A sharded archive answered without some of its shards (down or too slow): the counts and hits
// cover the others only; the next search asks every shard again.
function partialNotice(result) {
  if (!result.partial) return null;
  const missing = (result.missing_shards || []).length;
  return h('div', { class: 'notice notice-error partial-notice', role: 'alert' },
    h('p', { class: 'error-title' }, 'Kết quả chưa đầy đủ'),
    h('p', {}, `${missing} phân đoạn của kho văn bản không trả lời kịp; số liệu và kết quả dưới đây chỉ gồm các phân đoạn còn lại. Hãy thử lại sau ít phút.`));
}

// Too few documents held all the words: the server answered with documents holding some of
// them (those holding all first), and each hit lists the words it lacks. A question (typed
// either way) is answered so from the start, by weight alone.
function relaxedNotice(result) {
  if (!result.relaxed) return null;
  const complete = Number(result.all_words_total) || 0;
  const text = result.question
    ? 'Tìm theo câu hỏi: kết quả chứa một phần hoặc tất cả các từ của câu hỏi, xếp theo mức liên quan.'
    : complete
    ? `Chỉ ${formatCount(complete)} văn bản chứa đủ các từ (xếp đầu); các kết quả sau chứa một phần các từ.`
    : 'Không có văn bản chứa đủ các từ; kết quả chứa một phần các từ.';
  return h('div', { class: 'notice relaxed-notice', role: 'note' }, h('p', {}, text),
    h('p', { class: 'hint' }, 'Thêm dấu + trước một từ (+từ) hoặc đặt cụm từ trong ngoặc kép để bắt buộc có.'));
}

function missingWords(hit) {
  const words = hit.missing_words || [];
  if (!words.length) return null;
  return h('p', { class: 'hit-missing' }, 'Không chứa: ',
    words.map((word, i) => [i ? ' ' : '', h('s', { class: 'missing-word' }, word)]));
}

function emptyState(state, total, result) {
  const box = h('div', { class: 'notice empty' });
  if (total && state.page > 1) {
    box.append(h('p', {}, `Trang ${state.page} không có kết quả. `),
      h('p', {}, h('a', { href: searchUrl(withChanges(state, {})), 'data-nav': true },
        'Về trang đầu của kết quả')));
    return box;
  }
  // A question answered from the archive's relations: say what the archive lacks, not how to
  // retype the words (the notice above already offers to search them).
  const understood = result?.understood;
  if (understood?.answered && !hasFilters(state)) {
    if (understood.kind === 'validity') return null;  // the answer card speaks
    const subject = understood.subject || 'văn bản';
    const acts = understood.label.replace(`các ${subject} `, '');
    const named = understood.instruments.flatMap((instrument, i) =>
      [i ? ', ' : null, instrumentLink(instrument)].filter(Boolean));
    box.append(h('p', { class: 'empty-title' }, `Kho chưa có ${subject} nào ${acts} `, ...named, '.'));
    return box;
  }
  const what = state.q ? `“${state.q}”` : 'các điều kiện đã chọn';
  box.append(h('p', { class: 'empty-title' }, `Không có văn bản nào khớp với ${what}.`));
  if (hasFilters(state)) {
    box.append(h('p', {}, 'Hãy thử bỏ bớt một bộ lọc:'), chipList(state));
  } else {
    box.append(h('ul', { class: 'tips' },
      h('li', {}, 'Kiểm tra lại chính tả, hoặc dùng ít từ hơn.'),
      h('li', {}, 'Gõ không dấu cũng được: “dan van kheo”.'),
      h('li', {}, 'Tìm theo số ký hiệu: “33/CT-TTg”.')));
  }
  return box;
}

function hitItem(hit, q) {
  const meta = [];
  if (hit.type) meta.push(h('span', { class: 'badge' }, hit.type));
  if (hit.number) meta.push(h('span', { class: 'hit-number' }, `Số ${formatNumber(hit.number)}`));
  if (hit.issuer) meta.push(h('span', { class: 'hit-issuer' }, hit.issuer));
  if (hit.date) meta.push(h('time', { datetime: hit.date }, formatDate(hit.date)));
  // Worked out by the server from the archive's own graph, as of today.
  if (hit.validity) {
    meta.push(h('span', {
      class: 'badge validity-badge validity-status', 'data-status': hit.validity,
      title: 'Tình trạng hiệu lực (tính đến hôm nay, theo các văn bản trong kho)',
    }, hit.validity));
  }
  // Text recognised from scans may hold errors: staff should know before they quote it.
  if (hit.ocr) {
    meta.push(h('span', { class: 'badge ocr-badge', title: ocrDetails(hit.ocr) }, ocrLabel(hit.ocr)));
  }
  // Without a title, the file's name is what staff recognise (the number is in the meta line).
  const title = hit.title || hit.filename || formatNumber(hit.number) || 'Văn bản không có trích yếu';
  return h('li', { class: 'hit' },
    h('div', { class: 'hit-meta' }, meta),
    h('h3', { class: 'hit-title' },
      h('a', { href: documentUrl(hit.id, q), 'data-nav': true }, title)),
    hit.snippet ? h('p', { class: 'hit-snippet' }, sanitizeSnippet(hit.snippet)) : null,
    missingWords(hit));
}

// `perPage`: the page size the pages were asked with (the start page's list is shorter).
function pagination(state, total, perPage = state.size) {
  const pages = Math.ceil(total / perPage);
  if (pages <= 1) return '';
  const current = Math.min(state.page, pages);
  const link = (page, text, label, rel) => h('li', {}, h('a', {
    class: page === current ? 'page current' : 'page',
    href: searchUrl(withChanges(state, { page })),
    'data-nav': true,
    'data-focus-key': `page:${text}`,
    'aria-current': page === current ? 'page' : null,
    'aria-label': label,
    rel,
  }, text));
  const items = [];
  if (current > 1) items.push(link(current - 1, '‹ Trước', 'Trang trước', 'prev'));
  const first = Math.max(1, Math.min(current - 3, pages - 6));
  const last = Math.min(pages, first + 6);
  if (first > 1) items.push(link(1, '1', 'Trang 1'));
  if (first > 2) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
  for (let page = first; page <= last; page++) items.push(link(page, String(page), `Trang ${page}`));
  if (last < pages - 1) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
  if (last < pages) items.push(link(pages, String(pages), `Trang ${pages}`));
  if (current < pages) items.push(link(current + 1, 'Sau ›', 'Trang sau', 'next'));
  return h('nav', { class: 'pagination', 'aria-label': 'Phân trang' }, h('ul', {}, items));
}

// The start page: the archive's newest documents, a page of LANDING_SIZE at a time.
function renderLanding(state, result) {
  const intro = h('div', { class: 'notice intro' },
    h('p', {}, 'Nhập từ khoá vào ô tìm kiếm, hoặc chọn bộ lọc bên cạnh để duyệt kho văn bản.'));
  if (!result || !Number(result.total)) {
    view.summary.textContent = result ? 'Kho chưa có văn bản nào' : 'Tìm kiếm văn bản';
    view.body.replaceChildren(intro);
    return;
  }
  view.summary.textContent = `Kho đang lưu ${formatCount(result.total)} văn bản`;
  const hits = result.hits || [];
  const start = (state.page - 1) * LANDING_SIZE + 1;
  view.body.replaceChildren(...[intro,
    h('h3', { class: 'list-heading' }, 'Văn bản mới nhất'),
    h('ol', { class: 'hits', start: String(start) },
      hits.map((hit) => hitItem({ ...hit, snippet: '' }, ''))),
    pagination(state, Number(result.total), LANDING_SIZE)].filter(Boolean));
}

function renderError(message) {
  view.summary.textContent = 'Không tìm được';
  view.body.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'error-title' }, 'Có lỗi khi tìm kiếm'),
    h('p', { class: 'error-message' }, message)));
  view.facetGroups.replaceChildren();
}
