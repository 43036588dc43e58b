// The team coordinator's dashboard (teamoverzicht) in the browser, on the
// demo data: the figures agree with each other, the phase chart is drawn by
// Chart.js from the JSON block, a crisis links to its dossier, other roles
// are refused, and axe-core finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 60 }); });
after(async () => { await app?.close(); });

async function numbers(page, selector, column) {
  return page.locator(selector).evaluateAll((rows, col) => rows.map((r) => Number(r.cells[col].textContent.trim())), column);
}

test('the coordinator sees the team at a glance', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await login(page, app.base, 'coordinator');
  await page.click('nav a[href="/dashboard"]');
  await page.waitForURL(/\/dashboard$/);
  assert.match(await page.textContent('h1'), /Teamoverzicht/);

  const active = Number((await page.textContent('#fig-active')).trim());
  assert.ok(active > 0, 'the demo team has active dossiers');
  // Caseload per coach and the phases (without closed) both add up to the active dossiers.
  const perCoach = await numbers(page, '#caseload-table tbody tr', 1);
  assert.ok(perCoach.length >= 1);
  assert.equal(perCoach.reduce((a, b) => a + b, 0), active);
  const phases = await numbers(page, '#phases-table tbody tr', 1);
  assert.equal(phases.length, 20);
  assert.equal(phases.slice(0, -1).reduce((a, b) => a + b, 0), active);
  const withSignals = Number((await page.textContent('#fig-signals')).trim());
  assert.ok(withSignals <= active);
  assert.equal(await page.locator('#signals-table tbody tr').count(), 8);

  // The chart: a canvas drawn by Chart.js with the table's numbers.
  const drawn = await page.evaluate(() => {
    const chart = window.Chart && window.Chart.getChart(document.getElementById('phases-chart'));
    return chart ? chart.data.datasets[0].data : null;
  });
  assert.deepEqual(drawn, phases);

  // Open crises: the count matches the links, and a link opens the dossier.
  const crises = Number((await page.textContent('#fig-crises')).trim());
  assert.equal(await page.locator('#crises-table tbody a').count(), crises);
  await accessible(page);
  await screenshot(page, 'dashboard');
  if (crises > 0) {
    await submit(page, '#crises-table tbody a >> nth=0');
    assert.match(page.url(), /\/jobseekers\/\d+$/);
  }
  await page.goto(app.base + '/dashboard');
  assert.match(await page.getAttribute('#fig-referrals a', 'href'), /\/referrals$/);
  await page.close();
});

test('a coach gets no dashboard and no link to it', async () => {
  const page = await app.browser.newPage();
  await login(page, app.base, 'coach');
  assert.equal(await page.locator('nav a[href="/dashboard"]').count(), 0);
  const r = await page.goto(app.base + '/dashboard');
  assert.equal(r.status(), 403);
  await page.close();
});

async function accessible(page) {
  assert.deepEqual(await seriousViolations(page), [], 'dashboard: serious or critical axe violations');
}
