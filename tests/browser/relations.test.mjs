// The "Lược đồ" panel in a real browser: a repealed decision shows it has ended, with the
// repealing decision linked; the repealing one shows what it repealed.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, launchBrowser, newPage, searchFor, settled, startVanban } from './support/harness.mjs';

const relationsFixtures = join(import.meta.dirname, 'relations-fixtures');

describe('relations and validity', () => {
  let vanban;
  let browser;

  before(async () => {
    vanban = await startVanban({ folders: [relationsFixtures] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await vanban?.stop();
  });

  async function openByNumber(number) {
    const page = await newPage(browser, DESKTOP);
    await page.goto(vanban.baseUrl + '/');
    await settled(page);
    await searchFor(page, number);
    await page.locator('.hit-title a').first().click();
    await settled(page);
    return page;
  }

  test('a repealed decision shows "Hết hiệu lực toàn bộ" with the repealing one linked', async () => {
    const page = await openByNumber('05/2024/QĐ-UBND');
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /05\/2024\/QĐ-UBND/);
    const panel = page.locator('section.relations');
    assert.equal(await panel.getByRole('heading', { level: 2 }).textContent(), 'Lược đồ');
    assert.equal(await panel.locator('.validity-status').textContent(), 'Hết hiệu lực toàn bộ');
    const evidence = panel.locator('.validity-evidence a').first();
    assert.match(await evidence.textContent(), /12\/2025\/QĐ-UBND/);
    assert.match(await panel.locator('.relation-group h3').first().textContent(), /Bị bãi bỏ bởi/);
    assert.equal(await panel.locator('svg.relation-drawing').count(), 1);

    await evidence.click();
    await settled(page);
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /12\/2025\/QĐ-UBND/);
    const repealing = page.locator('section.relations');
    assert.equal(await repealing.locator('.validity-status').textContent(), 'Còn hiệu lực');
    assert.match(await repealing.locator('.relation-group h3').first().textContent(), /^Bãi bỏ/);
    await page.close();
  });

  test('the drawing reaches two hops: what acts on the documents this one acts on', async () => {
    // 12/2025 repeals 05/2024, which a district plan carries out: the plan is a second hop.
    const page = await openByNumber('12/2025/QĐ-UBND');
    const drawing = page.locator('section.relations svg.relation-drawing');
    const secondHop = drawing.locator('a', { has: page.locator('circle.hop-2') });
    await secondHop.first().waitFor();
    assert.match(await secondHop.first().locator('text').textContent(), /20\/KH-UBND/);
    assert.equal(await drawing.locator('line.hop-2.edge-thuc_hien').count(), 1);
    // The first hop, and no node drawn twice for this document.
    assert.equal(await drawing.locator('circle.hop-1.node-bai_bo').count(), 1);
    assert.equal(await drawing.locator('circle.node-self').count(), 1);
    // A few nodes in the side column are drawn at a legible size, not shrunk with the empty
    // square around them: a label's rendered height is that of body text's smaller sizes.
    const labelHeight = await secondHop.first().locator('text')
      .evaluate((label) => label.getBoundingClientRect().height);
    assert.ok(labelHeight >= 10, `label ${labelHeight}px high`);
    await secondHop.first().locator('circle').click();
    await settled(page);
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /20\/KH-UBND/);
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });

  test('every hit shows its validity; the facet and `hieuluc:` filter by it', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.goto(vanban.baseUrl + '/');
    await settled(page);
    await searchFor(page, 'quy chế quản lý chợ');
    const badgeOf = (number) => page.locator('.hit', { has: page.locator('.hit-number', { hasText: number }) })
      .locator('.validity-badge');
    assert.equal(await badgeOf('05/2024/QĐ-UBND').textContent(), 'Hết hiệu lực toàn bộ');
    assert.equal(await badgeOf('12/2025/QĐ-UBND').textContent(), 'Còn hiệu lực');

    const facet = page.locator('[data-facet="validity"]');
    assert.equal(await facet.getByRole('heading').textContent(), 'Tình trạng hiệu lực');
    await facet.locator('.facet-item', { hasText: 'Hết hiệu lực toàn bộ' }).click();
    await settled(page);
    assert.equal(await page.locator('.hit').count(), 1);
    assert.match(await page.locator('.hit-number').first().textContent(), /05\/2024\/QĐ-UBND/);
    assert.match(await page.locator('.chip').first().textContent(), /Hiệu lực:\s*Hết hiệu lực toàn bộ/);

    // Typed without diacritics, the prefix in two words.
    await page.goto(vanban.baseUrl + '/');
    await settled(page);
    await searchFor(page, 'hieu luc:con quan ly cho');
    assert.equal(await page.locator('.hit').count(), 1);
    assert.match(await page.locator('.hit-number').first().textContent(), /12\/2025\/QĐ-UBND/);
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });

  test('the repealed document links to every document repealing it, as a search', async () => {
    const page = await openByNumber('05/2024/QĐ-UBND');
    const link = page.locator('section.relations .relation-search a', { hasText: 'bãi bỏ' });
    assert.equal(await link.textContent(), 'Tìm các văn bản bãi bỏ văn bản này');
    await link.click();
    await settled(page);
    assert.match(await page.locator('.chip').first().textContent(), /Bãi bỏ:\s*05\/2024\/QĐ-UBND/);
    assert.equal(await page.locator('.hit').count(), 1);
    assert.match(await page.locator('.hit-number').first().textContent(), /12\/2025\/QĐ-UBND/);
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });

  test('the status as of another day, typed day first, and back to today', async () => {
    const page = await openByNumber('05/2024/QĐ-UBND');
    const panel = page.locator('section.relations');
    const day = panel.getByLabel('Xem tình trạng tại ngày');
    await day.fill('28/02/2025');
    await panel.getByRole('button', { name: 'Xem' }).click();
    await settled(page);
    assert.match(page.url(), /ngay=28%2F02%2F2025/);
    assert.equal(await page.locator('section.relations .validity-status').textContent(), 'Còn hiệu lực');
    assert.match(await page.locator('section.relations .validity').textContent(), /tính đến 28\/02\/2025/);

    await page.locator('section.relations').getByLabel('Xem tình trạng tại ngày').fill('15/01/2024');
    await page.locator('section.relations').getByRole('button', { name: 'Xem' }).click();
    await settled(page);
    assert.equal(await page.locator('section.relations .validity-status').textContent(), 'Chưa có hiệu lực');

    await page.locator('section.relations .as-of-today').click();
    await settled(page);
    assert.equal(await page.locator('section.relations .validity-status').textContent(), 'Hết hiệu lực toàn bộ');
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });

  async function ask(question) {
    const page = await newPage(browser, DESKTOP);
    await page.goto(vanban.baseUrl + '/');
    await settled(page);
    await searchFor(page, question);
    return page;
  }

  test('a validity question typed in words gets the answer card, and its words one click away', async () => {
    const page = await ask('quyet dinh 05/2024 con hieu luc khong');
    const understood = page.locator('.notice.understood');
    assert.match(await understood.textContent(), /Hiểu là: tình trạng hiệu lực của Quyết định 05\/2024\/QĐ-UBND/);
    const card = page.locator('.validity-answer .validity-card');
    assert.match(await card.locator('h2').textContent(), /05\/2024\/QĐ-UBND: Hết hiệu lực toàn bộ/);
    assert.match(await card.locator('li').first().textContent(), /Bị bãi bỏ bởi.*12\/2025\/QĐ-UBND/);

    await understood.getByRole('link', { name: 'Tìm theo từ trong câu' }).click();
    await settled(page);
    assert.equal(await page.locator('.notice.understood').count(), 0);
    assert.match(page.url(), /as_words=/);
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });

  test('a relation question the archive has no answer to says what the archive lacks', async () => {
    const page = await ask('văn bản nào sửa đổi quyết định 12/2025');
    assert.equal(await page.locator('#summary').textContent(), 'Không tìm thấy văn bản nào');
    const empty = page.locator('.notice.empty');
    assert.match(await empty.textContent(),
      /^Kho chưa có văn bản nào sửa đổi, bổ sung Quyết định 12\/2025\/QĐ-UBND\.$/);
    assert.equal(await empty.locator('.tips').count(), 0);
    assert.deepEqual(page.scriptErrors, []);
    await page.close();
  });
});
