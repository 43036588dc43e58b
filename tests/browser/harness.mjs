// Starts a real `spiraal serve` on a fresh SQLite file with demo data, and
// Debian's chromium through playwright-core. Never downloads a browser.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const bin = process.env.SPIRAAL_BIN || new URL('../../build/spiraal', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForHealth(base, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`spiraal serve exited with ${child.exitCode}`);
    try { if ((await fetch(base + '/healthz')).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('spiraal serve did not become healthy');
}

// Returns {base, browser, close()} with a server holding `jobseekers` demo people.
export async function start({ jobseekers = 60 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'spiraal-browser-'));
  const db = join(dir, 'browser.db');
  execFileSync(bin, ['demo-data', '--db', db, '--jobseekers', String(jobseekers)], { stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(bin, ['serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  return {
    base,
    browser,
    log: () => log,
    async close() {
      await browser.close();
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function login(page, base, username, password = 'spiraal-demo') {
  await page.goto(base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

// Clicks and waits for the page that follows.
export async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

// Runs axe-core on the page; returns the serious and critical violations.
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page, name, selector = null) {
  if (process.env.SPIRAAL_SCREENSHOTS !== '1') return;
  await page.reload();  // drops the browser's own pop-ups (autofill) left by typing
  const path = new URL(`../../docs/screenshots/${name}.png`, import.meta.url).pathname;
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path });
}

// Prints the page as headless chromium does (print CSS, A4) and returns the
// PDF's text and page count, read back by poppler's pdftotext and pdfinfo.
export async function printedPdf(page, name) {
  const dir = mkdtempSync(join(tmpdir(), 'spiraal-pdf-'));
  const path = join(dir, `${name}.pdf`);
  try {
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    if (process.env.SPIRAAL_SCREENSHOTS === '1') {  // the first page, as an image of the paper
      const out = new URL(`../../docs/screenshots/${name}`, import.meta.url).pathname;
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, out]);
    }
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Opens a new dossier through the form (a fresh person, untouched by the
// demo data) and returns its URL.
export async function newJobseeker(page, base, first, last, birth = '1986-05-20') {
  await page.goto(base + '/jobseekers/new');
  await page.fill('#f-first_name', first);
  await page.fill('#f-last_name', last);
  await page.fill('#f-birth_date', birth);
  await submit(page, 'form.edit-form button[type=submit]');
  if (!/\/jobseekers\/\d+$/.test(page.url())) throw new Error('the new dossier was not created: ' + page.url());
  return page.url();
}
