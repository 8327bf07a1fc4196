// The search state lives in the URL with the API's parameter names, so the page URL is also
// the API query: `/?q=dan+van+kheo&issuer=...&year=2026` ↔ `/api/search?q=dan+van+kheo&...`.

import { FIELDS } from './fields.js';

// From the server's table of search fields; a date is given as the range from..to.
export const MULTI_FIELDS = FIELDS.filter((f) => f.repeated).map((f) => f.name);
export const SINGLE_FIELDS = [
  ...FIELDS.filter((f) => !f.repeated && f.name !== 'date').map((f) => f.name), 'from', 'to',
];
export const SORTS = ['relevance', 'newest', 'oldest'];
// Where the words are looked for (the API's `in`): the whole text, or the title alone.
export const SCOPES = ['all', 'title'];
export const DEFAULT_SIZE = 20;

export function parseSearch(search) {
  const params = new URLSearchParams(search);
  const state = { q: (params.get('q') || '').trim() };
  for (const field of MULTI_FIELDS) {
    state[field] = [...new Set(params.getAll(field).filter(Boolean))];
  }
  for (const field of SINGLE_FIELDS) state[field] = params.get(field) || '';
  const sort = params.get('sort');
  state.sort = SORTS.includes(sort) ? sort : 'relevance';
  const scope = params.get('in');
  state.in = SCOPES.includes(scope) ? scope : 'all';
  state.page = positiveInt(params.get('page'), 1);
  state.size = positiveInt(params.get('size'), DEFAULT_SIZE);
  // The box searched as words even where it reads as a question about a document's relations.
  state.as_words = params.get('as_words') === '1';
  return state;
}

function positiveInt(text, fallback) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

// Defaults are left out so URLs stay short and shareable.
export function toParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const field of MULTI_FIELDS) for (const value of state[field]) params.append(field, value);
  for (const field of SINGLE_FIELDS) if (state[field]) params.set(field, state[field]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.in !== 'all') params.set('in', state.in);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_SIZE) params.set('size', String(state.size));
  if (state.as_words) params.set('as_words', '1');
  return params;
}

export function searchUrl(state) {
  const query = toParams(state).toString();
  return query ? `/?${query}` : '/';
}

export function hasFilters(state) {
  return MULTI_FIELDS.some((f) => state[f].length) || SINGLE_FIELDS.some((f) => state[f]);
}

export function isEmpty(state) {
  return !state.q && !hasFilters(state);
}

// A copy with changes applied; any change other than the page goes back to page 1.
export function withChanges(state, changes) {
  const next = { ...state };
  for (const field of MULTI_FIELDS) next[field] = [...state[field]];
  Object.assign(next, changes);
  if (!('page' in changes)) next.page = 1;
  // A new box is read afresh (a question is understood again).
  if ('q' in changes && !('as_words' in changes)) next.as_words = false;
  return next;
}

export function toggleValue(state, field, value) {
  const values = state[field].includes(value)
    ? state[field].filter((v) => v !== value)
    : [...state[field], value];
  return withChanges(state, { [field]: values });
}

export function documentUrl(id, q) {
  const path = `/van-ban/${encodeURIComponent(id)}`;
  return q ? `${path}?${new URLSearchParams({ q })}` : path;
}

export function instrumentUrl(number) {
  return `/trich-dan?${new URLSearchParams({ number })}`;
}
