// Pure text helpers (no DOM): Vietnamese diacritic folding, query terms, match ranges and the
// number/date formats staff read. Importable from Node for unit tests.

const foldCache = new Map();

// One character's folded form: NFD, combining marks removed, lower case, đ → d.
// May be empty (a lone combining mark) or longer than one code unit.
export function foldChar(ch) {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
    foldCache.set(ch, folded);
  }
  return folded;
}

export function fold(text) {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

// The folded text with, for each of its code units, the span [start, end) of the original
// character it came from, so matches found in the folded text map back to the original.
export function foldWithMap(text) {
  let folded = '';
  const starts = [];
  const ends = [];
  let index = 0;
  for (const ch of text) {
    const piece = foldChar(ch);
    for (let k = 0; k < piece.length; k++) {
      starts.push(index);
      ends.push(index + ch.length);
    }
    folded += piece;
    index += ch.length;
  }
  return { folded, starts, ends };
}

const FIELD_PREFIX = /^(?:cq|so|loai|nam|trich|ngay):/i;
const OPERATORS = new Set(['or', 'and', 'not']);

// The words of a search box query worth highlighting, folded and without duplicates:
// field prefixes (cq:, so:, ...) dropped, excluded words (-word) and operators ignored.
export function queryTerms(query) {
  return [...queryWords(query).keys()];
}

// The same words as queryTerms, each folded word mapped to the spellings typed with diacritics
// (lower case, NFC): "dân vận" → dan → {dân}, van → {vận}; a word typed without any gives an
// empty set.
export function queryWords(query) {
  const words = new Map();
  if (!query) return words;
  for (let chunk of query.split(/\s+/)) {
    chunk = chunk.replace(/^["(]+/, '');
    if (!chunk || chunk.startsWith('-')) continue;
    chunk = chunk.replace(FIELD_PREFIX, '');
    for (const word of chunk.normalize('NFC').split(/[^\p{L}\p{N}\p{M}]+/u)) {
      const folded = fold(word);
      if (!folded || OPERATORS.has(folded)) continue;
      if (!words.has(folded)) words.set(folded, new Set());
      const typed = word.toLowerCase();
      if (typed !== folded) words.get(folded).add(typed);
    }
  }
  return words;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

// Ranges [start, end) in `text` (original offsets) of whole words matching any of the folded
// `terms`, whatever their case. Sorted, non-overlapping, not adjacent. A term given typed
// spellings (`spellings`: folded → set, as queryWords gives) marks the words spelled so, as the
// search's snippets do, and only where the text holds none of them every word folding to it:
// "dân" marks "Dân vận", not "Hướng dẫn", unless the text never spells it "dân".
export function findMatches(text, terms, spellings = new Map()) {
  if (!text || !terms.length) return [];
  const { folded, starts, ends } = foldWithMap(text);
  const found = [];
  for (const term of new Set(terms)) {
    const typed = spellings.get(term);
    const all = [];
    const exact = [];
    let at = folded.indexOf(term);
    while (at !== -1) {
      const after = at + term.length;
      const startsWord = at === 0 || !WORD_CHAR.test(folded[at - 1]);
      const endsWord = after === folded.length || !WORD_CHAR.test(folded[after]);
      if (startsWord && endsWord) {
        const range = [starts[at], ends[after - 1]];
        all.push(range);
        if (typed?.size && typed.has(text.slice(range[0], range[1]).normalize('NFC').toLowerCase())) {
          exact.push(range);
        }
      }
      at = folded.indexOf(term, at + 1);
    }
    found.push(...(exact.length ? exact : all));
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Overlapping matches become one; so do matches separated only by spaces or the joiners of
  // a number, so a phrase ("Dân vận khéo") or a symbol ("33/CT-TTg") reads as one highlight.
  const merged = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && (range[0] <= last[1] || /^[ \t\u00a0/.-]+$/.test(text.slice(last[1], range[0])))) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([range[0], range[1]]);
    }
  }
  return merged;
}

// "2026-01-31" → "31/01/2026"; "2026-01" (day left blank) → "01/2026"; anything else as is.
export function formatDate(iso) {
  if (!iso) return '';
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (day) return `${day}/${month}/${year}`;
  if (month) return `${month}/${year}`;
  return year;
}

// A date typed as staff write it, day first: "31/01/2026", "1/2/2026", "31-01-2026",
// "31.01.2026" (and "2026-01-31" pasted from elsewhere) → "2026-01-31". '' for an empty box,
// null for anything that is not a real day. The form takes text, not the browser's date
// picker, whose order follows the browser's locale (mm/dd/yyyy in an English one).
export function parseDayMonthYear(text) {
  const typed = String(text ?? '').trim();
  if (!typed) return '';
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  let day; let month; let year;
  if (match) {
    [, day, month, year] = match.map(Number);
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed))) {
    [, year, month, day] = match.map(Number);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1
      || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// A document's number as staff read it. One left blank where the văn thư fills it in at issue
// ("Số: .../UBND-VHXH", Decree 30/2020 Phụ lục III), stored as its symbol alone
// ("/UBND-VHXH"), is shown as the blank it is: ".../UBND-VHXH".
export function formatNumber(number) {
  if (!number) return '';
  return /^[/-]/.test(number) ? `...${number}` : number;
}

// 1234567 → "1.234.567" (Vietnamese grouping).
export function formatCount(n) {
  return String(Math.trunc(Number(n) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// 12 (ms) → "0,012"
export function formatSeconds(ms) {
  return ((Number(ms) || 0) / 1000).toFixed(3).replace('.', ',');
}

// 123456 → "121 KB"
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} byte`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

// The note of a document whose text was recognised from scans: {engine, pages, confidence}
// → "Văn bản quét (OCR), độ tin cậy 87%"; '' for a document with a text layer.
export function ocrLabel(ocr) {
  if (!ocr || typeof ocr !== 'object') return '';
  const confidence = Number(ocr.confidence);
  return Number.isFinite(confidence)
    ? `Văn bản quét (OCR), độ tin cậy ${Math.round(confidence)}%`
    : 'Văn bản quét (OCR)';
}

// Its longer explanation, for a tooltip.
export function ocrDetails(ocr) {
  if (!ocr || typeof ocr !== 'object') return '';
  const pages = Number(ocr.pages) || 0;
  return `Chữ được nhận dạng tự động từ ${pages} trang ảnh quét${ocr.engine ? ` (${ocr.engine})` : ''}; `
    + 'có thể còn lỗi chính tả, hãy đối chiếu với bản gốc.';
}
