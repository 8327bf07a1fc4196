// The document and cited-number pages in a real browser against a real `vanban serve`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP, PHONE, fixturesDir, launchBrowser, lowContrastTexts, newPage, screenshot, searchFor,
  settled, startVanban,
} from './support/harness.mjs';
import { fold } from '../../web/js/text.js';

const PLAN_FILE = 'ke-hoach-32-2026-hue.txt';

describe('document page', () => {
  let vanban;
  let browser;
  let planUrl; // the document page of Kế hoạch 32/KH-UBND, reached from the search

  before(async () => {
    vanban = await startVanban();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await vanban?.stop();
  });

  async function open(path, viewport = DESKTOP) {
    const page = await newPage(browser, viewport);
    await page.goto(vanban.baseUrl + path);
    await settled(page);
    return page;
  }

  async function openPlan(viewport = DESKTOP) {
    if (planUrl) return open(planUrl, viewport);
    const page = await open('/', viewport);
    await searchFor(page, 'dan van kheo');
    await page.locator('.hit-title a').first().click();
    await settled(page);
    planUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    return page;
  }

  function heading(page) {
    return page.getByRole('heading', { level: 1 }).textContent();
  }

  test('a hit opens its document: metadata table and full text with the terms highlighted', async () => {
    const page = await openPlan();
    assert.match(page.url(), /\/van-ban\/[^/?]+\?q=dan\+van\+kheo$/);
    assert.match(await heading(page), /Kế hoạch số 32\/KH-UBND/);

    const rows = await page.locator('.metadata-table tr').evaluateAll((trs) => trs.map((tr) => [
      tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
    const labels = rows.map(([label]) => label);
    assert.deepEqual(labels, ['Số ký hiệu', 'Loại văn bản', 'Cơ quan ban hành', 'Ngày ban hành',
      'Trích yếu', 'Người ký', 'Nơi nhận']);
    const value = Object.fromEntries(rows);
    assert.equal(value['Số ký hiệu'], '32/KH-UBND');
    assert.match(value['Ngày ban hành'], /31\/01\/2026/);
    assert.match(value['Trích yếu'], /Dân vận khéo/);

    const marks = await page.locator('.text-body mark').allTextContents();
    assert.ok(marks.length >= 3, `marks: ${marks}`);
    const terms = ['dan', 'van', 'kheo'];
    assert.ok(marks.every((m) => fold(m).split(' ').every((w) => terms.includes(w))), `marks: ${marks}`);
    assert.ok(marks.includes('Dân vận khéo'), 'the accented phrase is highlighted as one');
    assert.match(await page.locator('.match-info').textContent(), /Đánh dấu \d+ chỗ khớp/);
    await screenshot(page, 'document-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');
    assert.deepEqual(page.scriptErrors, []);
  });

  test('a citation of an archived document opens that document', async () => {
    const page = await openPlan();
    const citations = page.locator('.citations');
    const name = /15\/QĐ-UBND/;
    const citation = citations.locator('.citation', { has: page.getByRole('link', { name }) });
    assert.match(await citation.textContent(), /Có trong kho/);
    const link = citation.getByRole('link', { name });
    await link.click();
    await settled(page);
    assert.match(page.url(), /\/van-ban\/[^/?]+$/);
    assert.match(await heading(page), /15\/QĐ-UBND/);

    await page.goBack();
    await page.waitForFunction(() => /32\/KH-UBND/.test(document.querySelector('h1')?.textContent));
  });

  test('a cited number the archive does not hold lists the documents citing it', async () => {
    const page = await openPlan();
    const link = page.locator('.citations').getByRole('link', { name: /33\/CT-TTg/ });
    await link.click();
    await settled(page);
    assert.equal(new URL(page.url()).pathname, '/trich-dan');
    assert.equal(new URL(page.url()).searchParams.get('number'), '33/CT-TTg');
    assert.match(await heading(page), /33\/CT-TTg/);
    const citing = page.locator('section', { has: page.getByRole('heading', { name: /Văn bản trích dẫn 33\/CT-TTg/ }) });
    const names = await citing.locator('.doc-link > a').allTextContents();
    assert.ok(names.some((n) => n.includes('32/KH-UBND')), `citing documents: ${names}`);
    assert.ok(names.length >= 2, `citing documents: ${names}`);
    await screenshot(page, 'instrument-desktop');
    assert.deepEqual(await lowContrastTexts(page), [], 'text contrast meets WCAG AA');

    await citing.getByRole('link', { name: /32\/KH-UBND/ }).click();
    await settled(page);
    assert.match(await heading(page), /32\/KH-UBND/);
  });

  test('"Văn bản trích dẫn văn bản này" lists the documents citing it', async () => {
    const page = await openPlan();
    const section = page.locator('.cited-by');
    assert.match(await section.getByRole('heading').textContent(), /^Văn bản trích dẫn văn bản này \(\d+\)$/);
    await section.getByRole('link', { name: /45\/BC-UBND/ }).click();
    await settled(page);
    assert.match(await heading(page), /Báo cáo số 45\/BC-UBND/);
  });

  test('"Tải bản gốc" downloads the original file with its name and bytes', async () => {
    const page = await openPlan();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải bản gốc/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), PLAN_FILE);
    const saved = readFileSync(await download.path());
    assert.ok(saved.equals(readFileSync(join(fixturesDir, PLAN_FILE))), 'downloaded bytes differ');
  });

  test('a document URL is bookmarkable, and an unknown one explains itself', async () => {
    await openPlan();
    const page = await open(planUrl.replace(/\?.*$/, ''));
    assert.match(await heading(page), /32\/KH-UBND/);
    assert.equal(await page.locator('.text-body mark').count(), 0, 'no highlight without a query');

    const missing = await open('/van-ban/khong-co-van-ban-nay');
    const alert = missing.getByRole('alert');
    assert.match(await alert.textContent(), /Không mở được văn bản/);
    assert.ok((await alert.locator('.error-message').textContent()).trim().length > 0);
  });

  test('Back from a document returns to the results where the user left them', async () => {
    const page = await open('/?q=dan+van', PHONE);
    const last = page.locator('.hit-title a').last();
    await last.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 0, 'the results are longer than a phone screen');
    const title = await last.textContent();
    await last.click();
    await settled(page);
    assert.match(page.url(), /\/van-ban\//);

    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length > 0);
    await settled(page);
    assert.equal(await page.locator('.hit-title a').last().textContent(), title);
    assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - scrolled) <= 2,
      'the scroll position is restored');
  });

  test('at phone width the document page fits the screen', async () => {
    const page = await openPlan(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await screenshot(page, 'document-phone', { fullPage: false });
    await screenshot(page, 'document-phone-full');
  });
});
