// The UI's pure text helpers (web/js/text.js), run in Node: folding, highlighting ranges and
// the formats staff read.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findMatches, fold, formatCount, formatDate, formatNumber, formatSeconds, formatSize, ocrDetails, ocrLabel,
  parseDayMonthYear, queryTerms, queryWords,
} from '../../web/js/text.js';

const marked = (text, ranges) => ranges.map(([s, e]) => text.slice(s, e));

test('folding removes every Vietnamese diacritic and maps đ to d', () => {
  assert.equal(fold('Dân vận khéo'), 'dan van kheo');
  assert.equal(fold('ĐẢNG ỦY Đường ưu tiên ở Huế'), 'dang uy duong uu tien o hue');
  assert.equal(fold('Nghị định 59/2023/NĐ-CP'), 'nghi dinh 59/2023/nd-cp');
  // Decomposed input (NFD) folds the same as composed input.
  assert.equal(fold('Dân vận khéo'.normalize('NFD')), 'dan van kheo');
});

test('query terms drop field prefixes, exclusions and operators', () => {
  assert.deepEqual(queryTerms('Dân vận  khéo'), ['dan', 'van', 'kheo']);
  assert.deepEqual(queryTerms('"dân vận" OR cq:huế -khéo'), ['dan', 'van', 'hue']);
  assert.deepEqual(queryTerms('so:33/CT-TTg'), ['33', 'ct', 'ttg']);
  assert.deepEqual(queryTerms(''), []);
});

test('matches are found whatever the diacritics, on whole words only', () => {
  const text = 'Phong trào “Dân vận khéo”; DÂN, VẬN; dặn dò; vận động';
  const ranges = findMatches(text, queryTerms('dan van kheo'));
  // Folded matching is what the search does too: "dặn" folds to "dan". Words separated by
  // spaces only are one highlight.
  assert.deepEqual(marked(text, ranges), ['Dân vận khéo', 'DÂN', 'VẬN', 'dặn', 'vận']);
  assert.deepEqual(findMatches('Dân vận', ['an']), [], 'no match inside a word');
  assert.deepEqual(findMatches('Dân vận', []), []);
});

test('a word typed with diacritics marks its own spelling where the text holds it', () => {
  const text = 'Hướng dẫn công tác Dân vận; DÂN VẬN; Nhân dân; dặn dò';
  const words = queryWords('dân vận');
  assert.deepEqual([...words.keys()], ['dan', 'van']);
  assert.deepEqual([...words.get('dan')], ['dân']);
  // "dẫn" and "dặn" fold to "dan" too, but the text spells the typed "dân": only it is marked.
  assert.deepEqual(marked(text, findMatches(text, [...words.keys()], words)),
    ['Dân vận', 'DÂN VẬN', 'dân']);
  // Control: typed without diacritics, every spelling is marked, as before.
  const plain = queryWords('dan van');
  assert.deepEqual([...plain.get('dan')], []);
  assert.deepEqual(marked(text, findMatches(text, [...plain.keys()], plain)),
    ['dẫn', 'Dân vận', 'DÂN VẬN', 'dân', 'dặn']);
  // A typed spelling the text never holds marks the words folding to it, so a match the search
  // counted is never hidden.
  const other = queryWords('dần');
  assert.deepEqual(marked(text, findMatches(text, ['dan'], other)), ['dẫn', 'Dân', 'DÂN', 'dân', 'dặn']);
  // Decomposed text and typing compare as composed.
  const nfd = text.normalize('NFD');
  assert.deepEqual(marked(nfd, findMatches(nfd, ['dan'], words)).map((m) => m.normalize('NFC')),
    ['Dân', 'DÂN', 'dân']);
});

test('match ranges map back through decomposed characters and astral symbols', () => {
  const text = '😀 Khéo léo, Dân vận khéo'.normalize('NFD');
  const ranges = findMatches(text, ['kheo']);
  assert.deepEqual(marked(text, ranges).map((m) => m.normalize('NFC')), ['Khéo', 'khéo']);
});

test('duplicate terms and adjacent words give one highlighted range', () => {
  const text = 'số 33/CT-TTg ngày';
  assert.deepEqual(marked(text, findMatches(text, ['33', 'ct', 'ttg'])), ['33/CT-TTg']);
  assert.deepEqual(findMatches('abc, abc', ['abc', 'abc']), [[0, 3], [5, 8]]);
  assert.deepEqual(findMatches('abc abc\nabc', ['abc']), [[0, 7], [8, 11]]);
});

test('dates, counts, times and sizes read the Vietnamese way', () => {
  assert.equal(formatDate('2026-01-31'), '31/01/2026');
  assert.equal(formatDate('2026-01'), '01/2026');
  assert.equal(formatDate('2026'), '2026');
  assert.equal(formatDate(null), '');
  assert.equal(formatCount(1234567), '1.234.567');
  assert.equal(formatCount(12), '12');
  assert.equal(formatSeconds(12), '0,012');
  assert.equal(formatSeconds(1534.4), '1,534');
  assert.equal(formatSize(2077), '2 KB');
  assert.equal(formatSize(3 * 1024 * 1024), '3,0 MB');
});

test('dates are read day first, as staff write them, whatever the browser', () => {
  assert.equal(parseDayMonthYear('31/01/2026'), '2026-01-31');
  assert.equal(parseDayMonthYear(' 1/2/2026 '), '2026-02-01');
  assert.equal(parseDayMonthYear('05-03-2024'), '2024-03-05');
  assert.equal(parseDayMonthYear('05.03.2024'), '2024-03-05');
  assert.equal(parseDayMonthYear('2024-03-05'), '2024-03-05');  // pasted from elsewhere
  assert.equal(parseDayMonthYear(''), '');
  assert.equal(parseDayMonthYear(undefined), '');
  // Not a real day, or not a date at all.
  assert.equal(parseDayMonthYear('29/02/2023'), null);
  assert.equal(parseDayMonthYear('31/04/2026'), null);
  assert.equal(parseDayMonthYear('13/13/2026'), null);
  assert.equal(parseDayMonthYear('01/2026'), null);
  assert.equal(parseDayMonthYear('hôm qua'), null);
  // What the form shows back is what it read.
  assert.equal(formatDate(parseDayMonthYear('1/2/2026')), '01/02/2026');
});

test('a scanned document is labelled with the OCR engine\'s confidence', () => {
  assert.equal(ocrLabel({ engine: 'tesseract 5.3.0', pages: 4, confidence: 87 }),
    'Văn bản quét (OCR), độ tin cậy 87%');
  assert.equal(ocrLabel({ pages: 1 }), 'Văn bản quét (OCR)');
  assert.equal(ocrLabel(null), '');
  assert.equal(ocrLabel(undefined), '');
  assert.match(ocrDetails({ engine: 'tesseract 5.3.0', pages: 4, confidence: 87 }),
    /từ 4 trang ảnh quét \(tesseract 5\.3\.0\)/);
  assert.equal(ocrDetails(null), '');
});

test('a number left blank in the document is shown as the blank it is', () => {
  assert.equal(formatNumber('/UBND-VHXH'), '.../UBND-VHXH');
  assert.equal(formatNumber('-KL/TW'), '...-KL/TW');
  assert.equal(formatNumber('32/KH-UBND'), '32/KH-UBND');
  assert.equal(formatNumber('59/2023/NĐ-CP'), '59/2023/NĐ-CP');
  assert.equal(formatNumber(null), '');
});
