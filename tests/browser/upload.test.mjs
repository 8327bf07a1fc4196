// The upload page as a clerk uses it: a file chosen, the write token and a field typed, the
// result shown with a link to the stored document, whose page shows the typed field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startVanban, launchBrowser, newPage, screenshot, settled } from './support/harness.mjs';

const TOKEN = 'ma-ghi-thu-nghiem';
let vanban;
let browser;

before(async () => {
  vanban = await startVanban({ env: { VANBAN_WRITE_TOKEN: TOKEN } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await vanban?.stop();
});

const NOTICE = [
  'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH',
  'Số: 31/TB-UBND',
  'THÔNG BÁO',
  'Về lịch khánh thành cầu treo bản Nà Lừa',
  'Hòa Bình, ngày 28 tháng 4 năm 2026',
].join('\n');

test('a file uploaded with its token is stored and its typed signer shows on its page', async () => {
  const page = await newPage(browser);
  await page.goto(`${vanban.baseUrl}/tai-len.html`);
  await page.waitForSelector('#upload-form:not([hidden])');
  await page.getByLabel('Mã ghi (do người quản trị cấp)').fill(TOKEN);
  await page.locator('#files').setInputFiles({
    name: 'thong-bao-cau-treo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(NOTICE, 'utf8'),
  });
  await page.getByLabel('Người ký', { exact: true }).fill('Lò Văn Pọm');
  await page.getByRole('button', { name: 'Tải lên' }).click();
  const result = page.locator('#results li.status-indexed');
  await result.waitFor();
  assert.match(await result.textContent(), /thong-bao-cau-treo\.txt — Đã lưu vào kho/);
  await screenshot(page, 'upload-result');

  await result.getByRole('link', { name: 'xem văn bản' }).click();
  await settled(page);
  const body = await page.locator('main').textContent();
  assert.match(body, /31\/TB-UBND/);
  assert.match(body, /Lò Văn Pọm/);
  assert.deepEqual(page.scriptErrors, []);
});

test('a wrong token is said in Vietnamese and nothing is stored', async () => {
  const page = await newPage(browser);
  await page.goto(`${vanban.baseUrl}/tai-len.html`);
  await page.waitForSelector('#upload-form:not([hidden])');
  await page.getByLabel('Mã ghi (do người quản trị cấp)').fill('sai-ma');
  await page.locator('#files').setInputFiles({
    name: 'khac.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('THÔNG BÁO\nVề việc khác hẳn', 'utf8'),
  });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  const error = page.locator('#results li.status-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Mã ghi không đúng.');
  assert.deepEqual(page.scriptErrors, []);
});
