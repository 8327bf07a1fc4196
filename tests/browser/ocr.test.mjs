// A scanned document in a real browser: its hit and its page say that the text was recognised
// by OCR, with the engine's confidence. Skips where Tesseract or its Vietnamese data is absent.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  fixturesDir, launchBrowser, lowContrastTexts, newPage, repoDir, screenshot, searchFor, settled,
  startVanban, vanbanBin,
} from './support/harness.mjs';

const SCAN = join(repoDir, 'tests', 'indexer', 'fixtures', 'ocr', 'ke-hoach.png');
const BADGE = /^Văn bản quét \(OCR\), độ tin cậy \d{1,3}%$/;

// `vanban extract` reads the scan as `vanban index` would; it fails only without OCR.
const ocrInstalled = spawnSync(vanbanBin, ['extract', SCAN], { encoding: 'utf8' }).status === 0;

describe('scanned document', { skip: ocrInstalled ? false : 'OCR (Tesseract, vie) not installed' }, () => {
  let vanban;
  let browser;
  let scans;

  before(async () => {
    scans = mkdtempSync(join(tmpdir(), 'vanban-scans-'));
    copyFileSync(SCAN, join(scans, 'ke-hoach-15-quet.png'));
    vanban = await startVanban({ folders: [fixturesDir, scans] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await vanban?.stop();
    if (scans) rmSync(scans, { recursive: true, force: true });
  });

  test('the hit and the document page carry the OCR badge; typed documents do not', async () => {
    const page = await newPage(browser);
    await page.goto(vanban.baseUrl + '/');
    await settled(page);
    await searchFor(page, '15/KH-UBND');
    const first = page.locator('.hit').first();
    assert.match(await first.locator('.hit-number').textContent(), /15\/KH-UBND/);
    assert.match((await first.locator('.ocr-badge').textContent()).trim(), BADGE);

    await searchFor(page, '32/KH-UBND');  // a plain-text fixture
    assert.equal(await page.locator('.hit').first().locator('.ocr-badge').count(), 0);

    await searchFor(page, '15/KH-UBND');
    await page.locator('.hit-title a').first().click();
    await settled(page);
    const note = page.locator('.document-ocr');
    assert.match((await note.locator('.ocr-badge').textContent()).trim(), BADGE);
    assert.match(await note.textContent(), /nhận dạng tự động từ 1 trang ảnh quét/);
    assert.deepEqual(await lowContrastTexts(page), []);
    await screenshot(page, 'document-ocr');
    await page.close();
  });
});
