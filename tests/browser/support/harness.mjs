// Test harness: indexes tests/browser/fixtures into a fresh archive with the real `vanban`
// binary, serves it on a free port, and drives Debian's Chromium through playwright-core.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const browserTestsDir = resolve(here, '..');
export const fixturesDir = join(browserTestsDir, 'fixtures');
export const artifactsDir = join(browserTestsDir, 'artifacts');
export const repoDir = resolve(browserTestsDir, '..', '..');

export const vanbanBin = process.env.VANBAN_BIN || join(repoDir, 'build', 'vanban');
export const chromiumPath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// Indexes the fixtures into a temporary archive and serves it. Returns {baseUrl, stop}.
// `folders`: what to index (the shared fixtures by default); `env`: more environment for
// `vanban serve` (VANBAN_WRITE_TOKEN turns uploads on).
export async function startVanban({ folders = [fixturesDir], env = {} } = {}) {
  if (!existsSync(vanbanBin)) {
    throw new Error(`no vanban binary at ${vanbanBin}: build it (scripts/build.sh) or set VANBAN_BIN`);
  }
  const dbDir = mkdtempSync(join(tmpdir(), 'vanban-browser-'));
  const index = spawnSync(vanbanBin, ['index', '--db', dbDir, ...folders], { encoding: 'utf8' });
  if (index.status !== 0) {
    rmSync(dbDir, { recursive: true, force: true });
    throw new Error(`vanban index failed (exit ${index.status}):\n${index.stdout}\n${index.stderr}`);
  }
  const port = await freePort();
  const args = ['serve', '--db', dbDir, '--bind', '127.0.0.1', '--port', String(port),
    '--web', join(repoDir, 'web')];
  const server = spawn(vanbanBin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  server.stdout.on('data', (chunk) => { output += chunk; });
  server.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolveExit) => server.once('exit', resolveExit));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dbDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(baseUrl, server);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\nserver output:\n${output}`);
  }
  return { baseUrl, stop };
}

async function waitUntilServing(baseUrl, server) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`vanban serve exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vanban serve did not answer within 30 s');
}

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run scripts/setup.sh --tests`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that fails the test on any uncaught script error.
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  page.scriptErrors = [];
  page.on('pageerror', (error) => page.scriptErrors.push(error.message));
  return page;
}

// Waits until the single-page app has rendered the current URL (data or error shown).
export async function settled(page) {
  await page.waitForSelector('main[data-state="ready"]');
}

// Saves artifacts/<name>.png (whole page unless fullPage is false) for people to look at.
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
}

export async function searchFor(page, text) {
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm văn bản' });
  await box.fill(text);
  await box.press('Enter');
  await settled(page);
}

// "Tìm thấy 1.234 văn bản (0,012 giây)" → 1234
export async function totalShown(page) {
  const text = await page.locator('#summary').textContent();
  const match = /Tìm thấy ([\d.]+) văn bản/.exec(text || '');
  return match ? Number(match[1].replace(/\./g, '')) : 0;
}

// Texts on the page whose colour contrast with their background is below WCAG AA
// (4.5:1, or 3:1 for large text: 24px, or 18.66px bold). Backgrounds are read from the
// nearest ancestor with an opaque background colour.
export async function lowContrastTexts(page) {
  return page.evaluate(() => {
    const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (el) => {
      for (let node = el; node; node = node.parentElement) {
        const rgba = parse(getComputedStyle(node).backgroundColor);
        if (rgba.length === 3 || (rgba.length === 4 && rgba[3] === 1)) return rgba.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.nodeValue.trim() || !el || !el.checkVisibility()) continue;
      if (el.closest('.visually-hidden, noscript')) continue;
      const style = getComputedStyle(el);
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        failures.push(`${node.nodeValue.trim().slice(0, 40)} (${ratio.toFixed(2)}:1)`);
      }
    }
    return failures;
  });
}
