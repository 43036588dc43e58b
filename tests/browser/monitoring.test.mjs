// Monitoring for the analyst in the browser: the page with its chart and a
// filter (a wrong one refused), and the XLSX export downloaded and opened:
// a real workbook whose cells carry the suppressed figures. axe-core too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, login, submit, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 120 }); });
after(async () => { await app?.close(); });

test('an analyst filters the monitoring and opens the XLSX export', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'analyst');
  await page.waitForURL(/\/monitoring$/);
  const drawn = await page.waitForFunction(() => {
    const chart = window.Chart && window.Chart.getChart(document.getElementById('outcomes-chart'));
    return chart ? chart.data.datasets.length : 0;
  });
  assert.equal(await drawn.jsonValue(), 2, 'outcome shares over started and over closed, drawn by Chart.js');
  const w2 = await page.waitForFunction(() => {
    const chart = window.Chart && window.Chart.getChart(document.getElementById('w2-chart'));
    return chart ? chart.data.labels.length : 0;
  });
  assert.equal(await w2.jsonValue(), 2, 'W² outside and inside, first and latest table');
  // The figures in words, not codes.
  const table = await page.textContent('table.monitoring-table');
  assert.match(table, /Uitstroom\s*alle trajecten\s*gestart/);
  assert.match(table, /Uitstroom per startjaar \(cohorte\)/);
  assert.match(table, /Duur\s*afgesloten\s*mediaan dagen/);
  assert.match(table, /Duurzame tewerkstelling/);
  assert.match(table, /Waardering door de werkzoekende/);
  assert.doesNotMatch(table, /sustainable_employment|share_of_started/);
  assert.deepEqual(await seriousViolations(page), [], 'monitoring: serious or critical axe violations');
  await screenshot(page, 'monitoring');

  // A period the wrong way round is refused with a message.
  await page.fill('#mo-from', '2026-06-01');
  await page.fill('#mo-to', '2026-01-01');
  await submit(page, 'form[action="/monitoring"] button[type=submit]');
  assert.match(await page.textContent('.error'), /vóór de begindatum/);
  // A referral source narrows the set; so does a region, set on the teams.
  await page.fill('#mo-from', '');
  await page.fill('#mo-to', '');
  await page.selectOption('#mo-source', 'ocmw');
  await submit(page, 'form[action="/monitoring"] button[type=submit]');
  assert.equal(await page.locator('.error').count(), 0);
  assert.match(page.url(), /referral_source=ocmw/);
  await page.selectOption('#mo-source', '');
  await page.selectOption('#mo-region', { index: 1 });
  await submit(page, 'form[action="/monitoring"] button[type=submit]');
  assert.match(page.url(), /region=[A-Z]/);
  assert.equal(await page.locator('.error').count(), 0);
  // A selection too small for any share says why the charts stay empty.
  await page.goto(app.base + '/monitoring?from=2100-01-01');
  assert.match(await page.textContent('#too-few'), /Een grafiek blijft leeg/);

  // The XLSX export, as the page links it, opened as the workbook it is.
  const href = await page.getAttribute('a[href*="format=xlsx"]', 'href');
  const response = await page.request.get(app.base + href);
  assert.equal(response.status(), 200);
  const bytes = await response.body();
  const dir = mkdtempSync(join(tmpdir(), 'spiraal-xlsx-'));
  try {
    const file = join(dir, 'monitoring.xlsx');
    writeFileSync(file, bytes);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    assert.match(listing, /xl\/worksheets\/sheet1\.xml/);
    const strings = execFileSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    assert.match(strings, /section/);
    assert.match(strings, /sustainable_employment/);
    const workbook = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
    assert.match(workbook, /name="Monitoring"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.close();
});

test('an administrator places a team in a region; the analyst can then filter on it', async () => {
  const admin = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(admin, app.base, 'admin');
  await admin.click('nav >> text=Teams');
  await admin.waitForURL(/\/admin\/teams$/);
  const row = admin.locator('table.teams tbody tr').first();
  const team = (await row.locator('th').textContent()).trim();
  await row.locator('input[name=region]').fill('Waasland');
  await submit(admin, 'table.teams tbody tr:first-child button[type=submit]');
  assert.match(await admin.textContent('.flash'), /plaats van het team is bewaard/);
  assert.equal(await admin.locator('table.teams tbody tr').first().locator('input[name=region]').inputValue(), 'Waasland');
  assert.deepEqual(await seriousViolations(admin), [], 'teams: serious or critical axe violations');
  await screenshot(admin, 'admin-teams');
  await admin.close();

  const analyst = await app.browser.newPage();
  await login(analyst, app.base, 'analyst');
  await analyst.goto(app.base + '/monitoring?region=Waasland');
  assert.equal(await analyst.locator('.error').count(), 0, `the region of ${team} is a known region now`);
  assert.equal(await analyst.inputValue('#mo-region'), 'Waasland');
  await analyst.close();
});
