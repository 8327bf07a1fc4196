// The search page in a real browser against a real `vanban serve` over the fixture archive.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import {
  DESKTOP, PHONE, launchBrowser, repoDir, fixturesDir, lowContrastTexts, newPage, screenshot, searchFor,
  settled, startVanban, totalShown,
} from './support/harness.mjs';

describe('search page', () => {
  let vanban;
  let browser;
  before(async () => {
    vanban = await startVanban();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await vanban?.stop();
  });

  async function open(path = '/', viewport = DESKTOP) {
    const page = await newPage(browser, viewport);
    await page.goto(vanban.baseUrl + path);
    await settled(page);
    return page;
  }

  async function facetItems(page, field) {
    return page.locator(`[data-facet="${field}"] .facet-item`).evaluateAll((items) => items.map((a) => ({
      value: a.querySelector('.facet-value').textContent,
      count: Number((a.querySelector('.facet-count')?.textContent || '').replace(/\D/g, '')),
      active: a.getAttribute('aria-current') === 'true',
    })));
  }

  test('the start page shows the archive size, its newest documents and the facets', async () => {
    const page = await open('/');
    assert.match(await page.locator('#summary').textContent(), /^Kho đang lưu [\d.]+ văn bản$/);
    const dates = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.length > 0);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok((await facetItems(page, 'type')).length > 1);
    await screenshot(page, 'start-desktop');
  });

  test('the start page pages through the newest documents', async () => {
    // The fixtures and the samples: more documents than the start page lists at once.
    const larger = await startVanban({ folders: [fixturesDir, join(repoDir, 'samples')] });
    try {
      const page = await newPage(browser, DESKTOP);
      await page.goto(larger.baseUrl + '/');
      await settled(page);
      const total = Number((await page.locator('#summary').textContent()).replace(/\D/g, ''));
      assert.ok(total > 10, `documents: ${total}`);
      const firstDates = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      assert.equal(await page.locator('.hit').count(), 10);
      await page.locator('.pagination a[rel="next"]').click();
      await settled(page);
      assert.equal(new URL(page.url()).searchParams.get('page'), '2');
      assert.equal(await page.locator('ol.hits').getAttribute('start'), '11');
      assert.equal(await page.locator('.hit').count(), Math.min(10, total - 10));
      const secondDates = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      // Newest first across the pages.
      assert.ok(secondDates.filter(Boolean).every((d) => d <= firstDates.filter(Boolean).at(-1)),
        `${firstDates} then ${secondDates}`);
      await page.goBack();
      await settled(page);
      assert.equal(await page.locator('.hit').count(), 10);
      assert.deepEqual(page.scriptErrors, []);
    } finally {
      await larger.stop();
    }
  });

  test('an unaccented query finds the accented document first', async () => {
    const page = await open('/');
    await searchFor(page, 'dan van kheo');

    assert.match(page.url(), /\?q=dan\+van\+kheo$/);
    const summary = await page.locator('#summary').textContent();
    assert.match(summary, /^Tìm thấy [\d.]+ văn bản \(\d+,\d{3} giây\)$/);
    const first = page.locator('.hit').first();
    assert.match(await first.locator('.hit-title').textContent(), /Dân vận khéo/);
    assert.match(await first.locator('.hit-meta').textContent(), /32\/KH-UBND/);
    assert.match(await first.locator('.hit-meta time').textContent(), /^\d{2}\/\d{2}\/\d{4}$/);
    const marked = await page.locator('.hit-snippet mark').allTextContents();
    assert.ok(marked.some((m) => /dân|vận|khéo/i.test(m)), `snippet marks: ${marked}`);
    await screenshot(page, 'search-desktop');
    assert.deepEqual(page.scriptErrors, []);
  });

  test('clicking a facet narrows the results and its counts; Back and Forward restore them', async () => {
    const page = await open('/');
    await searchFor(page, 'dan van');
    const allTotal = await totalShown(page);
    const allIssuers = await facetItems(page, 'issuer');
    const allYears = await facetItems(page, 'year');
    const yearValues = allYears.map((y) => y.value);
    assert.deepEqual(yearValues, yearValues.slice().sort().reverse(), 'years newest first');
    assert.ok(allIssuers.length >= 2, 'the fixtures have several issuers matching "dan van"');
    assert.ok(allIssuers.reduce((n, f) => n + f.count, 0) <= allTotal);

    const pick = allIssuers.find((f) => f.count < allTotal);
    await page.locator('[data-facet="issuer"] .facet-item', { hasText: pick.value }).first().click();
    await settled(page);

    assert.equal(await totalShown(page), pick.count);
    assert.equal(new URL(page.url()).searchParams.get('issuer'), pick.value);
    const issuers = await page.locator('.hit .hit-issuer').allTextContents();
    assert.equal(issuers.length, pick.count);
    assert.ok(issuers.every((i) => i === pick.value), `hits of other issuers: ${issuers}`);
    const narrowed = await facetItems(page, 'issuer');
    assert.deepEqual(narrowed.filter((f) => f.active).map((f) => [f.value, f.count]),
      [[pick.value, pick.count]]);
    assert.notDeepEqual(await facetItems(page, 'year'), allYears, 'year counts follow the filter');
    const chip = page.getByRole('link', { name: `Bỏ lọc Cơ quan: ${pick.value}` });
    assert.equal(await chip.count(), 1);
    await screenshot(page, 'search-facet-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');

    await page.goBack();
    await page.waitForFunction((n) => /Tìm thấy/.test(document.querySelector('#summary')?.textContent)
      && !new URL(location.href).searchParams.has('issuer')
      && document.querySelectorAll('.hit').length === n, Math.min(allTotal, 20));
    await settled(page);
    assert.equal(await totalShown(page), allTotal);
    assert.equal(await page.locator('.chip').count(), 0);
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm kiếm văn bản' }).inputValue(), 'dan van');

    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('issuer'));
    await settled(page);
    assert.equal(await totalShown(page), pick.count);

    await chip.click();
    await settled(page);
    assert.equal(await totalShown(page), allTotal);
    assert.deepEqual(page.scriptErrors, []);
  });

  test('a shared search URL opens the same results, filters and sort', async () => {
    const page = await open('/?q=dan+van&sort=newest');
    const years = await facetItems(page, 'year');
    const year = years[0].value;
    const shared = `/?q=dan+van&year=${encodeURIComponent(year)}&sort=newest`;

    const other = await open(shared);
    assert.equal(await totalShown(other), years[0].count);
    assert.equal(await other.getByRole('searchbox', { name: 'Tìm kiếm văn bản' }).inputValue(), 'dan van');
    assert.equal(await other.getByLabel('Sắp xếp').inputValue(), 'newest');
    const active = (await facetItems(other, 'year')).filter((f) => f.active).map((f) => f.value);
    assert.deepEqual(active, [year]);
    const dates = await other.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.every((d) => d.startsWith(year)), `dates outside ${year}: ${dates}`);
  });

  test('sort and date range change the order, the results and the URL', async () => {
    const page = await open('/?q=dan+van');
    await page.getByLabel('Sắp xếp').selectOption('newest');
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'newest');
    const newest = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(newest, [...newest].sort().reverse());

    await page.getByLabel('Sắp xếp').selectOption('oldest');
    await settled(page);
    const oldest = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(oldest, [...oldest].sort());
    assert.notDeepEqual(oldest, newest);

    await page.getByLabel('Từ ngày').fill('1/1/2026');  // day first, whatever the locale
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get('from'), '2026-01-01');
    const since = await page.locator('.hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(since.length > 0 && since.length < oldest.length, `dates: ${since}`);
    assert.ok(since.every((d) => d >= '2026-01-01'), `dates before the range: ${since}`);
    assert.equal(await page.getByRole('link', { name: 'Bỏ lọc Từ ngày: 01/01/2026' }).count(), 1);
    assert.equal(await page.getByRole('textbox', { name: 'Từ ngày' }).inputValue(), '01/01/2026');

    // Not a day: the form says so and the search stays as it was.
    await page.getByRole('textbox', { name: 'Đến ngày' }).fill('31/02/2026');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    assert.match(await page.getByRole('textbox', { name: 'Đến ngày' }).evaluate((e) => e.validationMessage), /ngày\/tháng\/năm/);
    assert.equal(new URL(page.url()).searchParams.get('to'), null);
  });

  test('pagination moves through the results and Back returns to the first page', async () => {
    const page = await open('/?q=dan+van&size=2');
    const total = await totalShown(page);
    assert.ok(total > 2, 'more results than one page');
    const nav = page.getByRole('navigation', { name: 'Phân trang' });
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), '1');
    const firstPage = await page.locator('.hit-title a').allTextContents();
    assert.equal(firstPage.length, 2);

    await nav.getByRole('link', { name: 'Trang sau' }).click();
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), '2');
    const secondPage = await page.locator('.hit-title a').allTextContents();
    assert.ok(secondPage.length > 0 && secondPage.every((t) => !firstPage.includes(t)),
      `page 2 repeats page 1: ${secondPage}`);
    assert.equal(await page.locator('.hits').getAttribute('start'), '3');

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('page'));
    await settled(page);
    assert.deepEqual(await page.locator('.hit-title a').allTextContents(), firstPage);
  });

  test('snippets keep only the <mark> highlights of the server\'s HTML', async () => {
    const page = await open('/');
    await page.route('**/api/search?**', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.hits[0].snippet = 'a &lt;b&gt; <mark>Dân vận</mark> <img src="x" onerror="window.hacked=1">'
        + '<script>window.hacked=2</script><a href="javascript:alert(1)">khéo</a>';
      await route.fulfill({ response, json: body });
    });
    await searchFor(page, 'dan van');
    const snippet = page.locator('.hit-snippet').first();
    assert.equal(await snippet.textContent(), 'a <b> Dân vận khéo');
    assert.deepEqual(await snippet.locator('mark').allTextContents(), ['Dân vận']);
    assert.equal(await snippet.locator('img, script, a, b').count(), 0);
    assert.equal(await page.evaluate(() => window.hacked), undefined);
  });

  test('a slow search shows that it is loading', async () => {
    const page = await open('/');
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/api/search?**', async (route) => {
      await held;
      await route.continue();
    });
    const box = page.getByRole('searchbox', { name: 'Tìm kiếm văn bản' });
    await box.fill('dan van');
    await box.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Đang tìm…' });
    await status.waitFor({ state: 'visible' });
    assert.equal(await page.locator('.results').getAttribute('aria-busy'), 'true');
    release();
    await settled(page);
    assert.equal(await status.isVisible(), false);
    assert.equal(await page.locator('.results').getAttribute('aria-busy'), 'false');
    assert.ok(await totalShown(page) > 0);
  });

  test('words no document holds all of show the closest documents and the words they lack', async () => {
    const page = await open('/');
    await searchFor(page, 'phong trào dân vận khéo ở tỉnh Cà Mau');
    const notice = page.locator('.relaxed-notice');
    assert.match(await notice.textContent(),
      /Không có văn bản chứa đủ các từ; kết quả chứa một phần các từ/);
    const first = page.locator('.hit').first();
    assert.match(await first.locator('.hit-title').textContent(), /Dân vận khéo/);
    const missing = await first.locator('.hit-missing s').allTextContents();
    assert.ok(missing.includes('mau'), `struck through: ${missing}`);
    assert.deepEqual(page.scriptErrors, []);
  });

  test('a question typed with diacritics is answered by weight, and the notice says so', async () => {
    const page = await open('/');
    await searchFor(page, 'phong trào dân vận khéo ở tỉnh Cà Mau như thế nào');
    const notice = page.locator('.relaxed-notice');
    assert.match(await notice.textContent(),
      /Tìm theo câu hỏi: kết quả chứa một phần hoặc tất cả các từ của câu hỏi, xếp theo mức liên quan/);
    const first = page.locator('.hit').first();
    assert.match(await first.locator('.hit-title').textContent(), /Dân vận khéo/);
    const missing = await first.locator('.hit-missing s').allTextContents();
    assert.ok(missing.includes('mau'), `struck through: ${missing}`);
    assert.ok(!missing.includes('khéo'), `struck through: ${missing}`);
    assert.ok(!missing.includes('nào'), `the question's frame is not struck through: ${missing}`);
    await screenshot(page, 'search-relaxed-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
    assert.deepEqual(page.scriptErrors, []);
  });

  test('a typo is offered the archive\'s word, in bold, one click away, even when nothing is found', async () => {
    const page = await open('/');
    await searchFor(page, 'dan van kheoo');
    const suggestion = page.locator('.suggestion');
    assert.equal(await suggestion.textContent(), 'Có phải bạn muốn tìm: dân vận khéo');
    assert.deepEqual(await suggestion.locator('strong').allTextContents(), ['khéo']);
    await screenshot(page, 'search-typo-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
    await suggestion.getByRole('link').click();
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'dân vận khéo');
    assert.match(await page.locator('.hit').first().locator('.hit-title').textContent(), /Dân vận khéo/);
    assert.equal(await page.locator('.suggestion').count(), 0);

    // A box whose one word no document holds finds nothing, and is still offered the word.
    const empty = await open('/?q=kheoo');
    assert.equal(await empty.locator('#summary').textContent(), 'Không tìm thấy văn bản nào');
    assert.equal(await empty.locator('.suggestion').textContent(), 'Có phải bạn muốn tìm: khéo');
    assert.deepEqual(empty.scriptErrors, []);
    assert.deepEqual(page.scriptErrors, []);
  });

  test('an empty result says so and offers to remove the filter', async () => {
    const page = await open('/?q=dan+van&year=1999');
    assert.equal(await page.locator('#summary').textContent(), 'Không tìm thấy văn bản nào');
    const notice = page.locator('.notice.empty');
    assert.match(await notice.textContent(), /Không có văn bản nào khớp với “dan van”.*bỏ bớt một bộ lọc/);
    await screenshot(page, 'search-empty-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
    await notice.getByRole('link', { name: 'Bỏ lọc Năm: 1999' }).click();
    await settled(page);
    assert.ok(await totalShown(page) > 0);
    assert.equal(new URL(page.url()).searchParams.has('year'), false);
  });

  test('an API error is shown in words, not as a blank page', async () => {
    const page = await open('/');
    const message = 'Chỉ mục đang được cập nhật, vui lòng thử lại sau ít phút.';
    await page.route('**/api/search?**', (route) => route.fulfill({
      status: 500, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ error: message }),
    }));
    await searchFor(page, 'dan van');
    const alert = page.getByRole('alert');
    assert.match(await alert.textContent(), new RegExp(message));
    await screenshot(page, 'search-error-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
  });

  test('the search page works with the keyboard alone', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bỏ qua, đến nội dung chính');
    const box = page.getByRole('searchbox', { name: 'Tìm kiếm văn bản' });
    await box.focus();
    await page.keyboard.type('dan van');
    await page.keyboard.press('Enter');
    await settled(page);
    const before = await totalShown(page);
    const firstFacet = page.locator('[data-facet="type"] .facet-item').first();
    const key = await firstFacet.getAttribute('data-focus-key');
    await firstFacet.focus();
    await page.keyboard.press('Enter');
    await settled(page);
    assert.ok(await totalShown(page) <= before);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.focusKey), key,
      'focus stays on the facet the user chose');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused control shows a focus ring');
  });

  test('at phone width the facets fold away and the page does not scroll sideways', async () => {
    const page = await open('/?q=dan+van', PHONE);
    const facetsBody = page.locator('#facets-body');
    assert.equal(await facetsBody.isVisible(), false);
    await screenshot(page, 'search-phone');
    const toggle = page.getByRole('button', { name: /^Bộ lọc/ });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await facetsBody.isVisible(), true);
    await screenshot(page, 'search-phone-filters');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  });

  test('a number the archive lacks is said above the results, with the documents citing it', async () => {
    const page = await open('/?q=' + encodeURIComponent('33/CT-TTg'));
    const notice = page.locator('.missing-number');
    assert.match(await notice.textContent(),
      /^Văn bản số 33\/CT-TTg không có trong kho; [1-9]\d* văn bản dẫn chiếu\.$/);
    await notice.getByRole('link').click();
    await settled(page);
    assert.equal(new URL(page.url()).pathname, '/trich-dan');
    assert.deepEqual(page.scriptErrors, []);
  });

  test('the signer is a facet, and documents without one are counted as "Không rõ"', async () => {
    const page = await open('/?q=' + encodeURIComponent('kế hoạch'));
    const facet = page.locator('[data-facet="signer"]');
    assert.equal(await facet.getByRole('heading').textContent(), 'Người ký');
    const signers = await facetItems(page, 'signer');
    assert.ok(signers.length >= 1);
    const total = await totalShown(page);
    assert.equal(signers.reduce((sum, s) => sum + s.count, 0), total, 'every document in one bucket');
    await facet.locator('.facet-item').first().click();
    await settled(page);
    assert.equal(await totalShown(page), signers[0].count);
    assert.deepEqual(page.scriptErrors, []);
  });

  test('"Tìm trong: Trích yếu" searches the titles alone, and the choice stays in the URL', async () => {
    const page = await open('/');
    await searchFor(page, 'dan van');
    const everywhere = await totalShown(page);
    const scope = page.getByRole('group', { name: 'Tìm trong:' });
    assert.equal(await scope.getByRole('radio', { name: 'Toàn văn' }).isChecked(), true);
    await scope.getByRole('radio', { name: 'Trích yếu' }).check();
    await settled(page);
    assert.match(page.url(), /[?&]in=title(&|$)/);
    const inTitles = await totalShown(page);
    assert.ok(inTitles >= 1 && inTitles < everywhere, `${inTitles} of ${everywhere}`);
    for (const title of await page.locator('.hit-title').allTextContents()) {
      assert.match(title, /dân vận/i);
    }
    // A new query keeps the choice; reloading the URL shows it checked.
    await searchFor(page, 'dân vận khéo');
    assert.match(page.url(), /[?&]in=title(&|$)/);
    await page.reload();
    await settled(page);
    assert.equal(await page.getByRole('radio', { name: 'Trích yếu' }).isChecked(), true);
    await page.getByRole('radio', { name: 'Toàn văn' }).check();
    await settled(page);
    assert.doesNotMatch(page.url(), /in=/);
    assert.deepEqual(page.scriptErrors, []);
  });
});
