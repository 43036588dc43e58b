// The heart of the product in the browser: referral → selection → inclusion →
// cycle 1 → crisis → sliding back → cycle 3 → closure, and the timeline that
// shows the falls and the getting up again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 40 }); });
after(async () => { await app?.close(); });

const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

test('referral to closure, with a crisis and a slide back, drawn on the timeline', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');

  // Referral (toeleiding) with a warm handover.
  await page.goto(app.base + '/referrals/new');
  await page.fill('#r-first', 'Samira');
  await page.fill('#r-last', 'Oudenaerde-Test');
  await page.fill('#r-birth', '1987-06-01');
  await page.selectOption('#r-kind', 'poverty_association');
  await page.fill('#r-org', 'Vereniging De Keeting');
  await page.fill('#r-on', daysAgo(200));
  await page.fill('#r-reason', 'Wil werken, zit met schulden');
  await page.check('input[name=warm_handover]');
  await page.fill('#r-warm-on', daysAgo(195));
  await submit(page, 'form.edit-form button[type=submit]');
  assert.match(page.url(), /\/referrals$/);
  const card = page.locator('li.referral', { hasText: 'Samira Oudenaerde-Test' });
  assert.match(await card.textContent(), /Warme overdracht/);
  assert.deepEqual(await seriousViolations(page), []);
  await submit(page, 'li.referral:has-text("Samira Oudenaerde-Test") button');
  assert.match(page.url(), /\/selection$/);

  // Selection: the knipperlichtenlijst evaluates live, as an indication.
  for (const code of ['single', 'debts']) await page.check(`input[value=${code}]`);
  await page.waitForFunction(() => /2 rubrieken|1 rubrieken/.test(document.querySelector('#knipper-result').textContent));
  for (const code of ['primary_only', 'moves_often']) await page.check(`input[value=${code}]`);
  await page.waitForFunction(() => /Mogelijk in armoede: 3/.test(document.querySelector('#knipper-result').textContent));
  assert.match(await page.textContent('#knipper-result'), /indicatie, geen label/);
  for (const c of ['poverty', 'work_focus', 'commitment']) {
    await page.check(`input[name="condition.${c}.met"]`);
    await page.fill(`#cond-${c}`, 'Besproken in het eerste gesprek');
  }
  assert.deepEqual(await seriousViolations(page), []);
  await submit(page, 'form.selection-form button[type=submit]');
  await page.selectOption('#o-outcome', 'included');
  await page.fill('#o-reason', 'Past in het traject');
  await page.fill('#o-on', daysAgo(180));
  await submit(page, 'form.outcome-form button[type=submit]');
  assert.match(page.url(), /\/trajectory$/);
  assert.match(await page.textContent('.now'), /1\.1 Eerste contact/);

  const move = async (to, daysBack, outcome) => {
    await page.selectOption('#m-to', to);
    await page.fill('#m-on', daysAgo(daysBack));
    await page.fill('#m-reason', `Samen besproken (${to})`);
    if (outcome) await page.selectOption('#m-outcome', outcome);
    await submit(page, 'form[action$="/trajectory/moves"] button');
    assert.equal(await page.locator('.error').count(), 0, await page.textContent('main'));
  };
  await move('c1.2', 150);
  await move('c1.4', 120);
  // A crisis sends the focus back to welfare; the coach records a slide back.
  await page.fill('#c-cause', 'Uithuiszetting gedreigd');
  await page.fill('#c-start', daysAgo(110));
  await submit(page, 'form[action$="/crises"] button');
  assert.match(await page.textContent('.now'), /Focus op welzijn/);
  await move('c1.2', 105);
  await page.fill('input[name=ended_on]', daysAgo(80));
  await submit(page, 'form[action*="/crises/"] button');
  await move('c1.7', 60);
  await move('c3.1', 40);
  await move('closed', 5, 'open_zee');

  // Illegal: a closed trajectory must be reopened first; selection is never a target.
  assert.equal(await page.locator('#m-to option[value=selection]').count(), 0);

  const moves = await page.textContent('table.moves');
  assert.match(moves, /afgegleden/);
  assert.match(moves, /van cyclus 1 naar cyclus 3/);
  assert.match(moves, /open zee/);
  assert.match(await page.textContent('.now'), /Afgegleden: 1 keer/);
  assert.match(await page.textContent('.now'), /Crisissen: 1/);

  // The timeline chart holds every step, the crisis band and the contacts rows.
  await page.waitForFunction(() => window.Chart && Chart.getChart('timeline'));
  const drawn = await page.evaluate(() => {
    const chart = Chart.getChart('timeline');
    return { steps: chart.data.datasets[0].data.length, crisisPoints: chart.data.datasets[1].data.length };
  });
  assert.equal(drawn.steps, 8);  // 7 moves plus "now"
  assert.equal(drawn.crisisPoints, 3);  // start, end, gap
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'trajectory');
  await page.close();
});
