// A coach's day in the browser: log in, open a dossier with a mistake first,
// record contacts, find the person in the caseload, edit a section, switch
// to English. Plus access for an admin, and axe-core checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

test('coach creates a jobseeker, records contacts, finds them, edits a section, switches to English', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  assert.match(page.url(), /\/caseload$/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'caseload');

  await page.click('text=Nieuwe werkzoekende');
  await page.fill('#f-first_name', 'Yasmina');
  await page.fill('#f-last_name', 'Vandersteenhoven');
  await page.fill('#f-birth_date', '2090-01-01');
  await submit(page, 'form.edit-form button[type=submit]');
  assert.match(await page.textContent('.error'), /Geboortedatum: mag niet in de toekomst liggen/);
  assert.equal(await page.inputValue('#f-first_name'), 'Yasmina');
  assert.deepEqual(await seriousViolations(page), []);

  await page.fill('#f-birth_date', '1988-03-14');
  await page.selectOption('#f-education', 'low');
  await page.check('input[name=kansengroep][value=migrant]');
  await submit(page, 'form.edit-form button[type=submit]');
  assert.match(page.url(), /\/jobseekers\/\d+$/);
  assert.equal(await page.textContent('h1'), 'Yasmina Vandersteenhoven');

  for (const [status, note] of [['missed', 'Niet gekomen'], ['missed', 'Opnieuw niet'], ['held', 'Koffie en kennismaking']]) {
    await page.selectOption('#c-status', status);
    await page.fill('#c-note', note);
    await submit(page, 'form.contact-form button[type=submit]');
  }
  assert.match(await page.textContent('ol.contacts'), /Koffie en kennismaking/);
  assert.equal(await page.locator('li.contact.missed').count(), 2);
  assert.match(await page.textContent('dl.stats'), /2/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.click('a[href$="/edit/welfare"]');
  await page.fill('textarea[name="welfare.financial.strengths"]', 'Houdt een kasboek bij');
  await page.locator('input[name="welfare.financial.barrier_text"]').first().fill('Schulden bij de energieleverancier');
  await page.locator('select[name="welfare.financial.barrier_priority"]').first().selectOption('now');
  assert.deepEqual(await seriousViolations(page), []);
  await submit(page, 'form.edit-form button[type=submit]');
  assert.match(await page.textContent('.flash'), /bewaard/);
  assert.match(await page.textContent('main'), /Schulden bij de energieleverancier/);
  assert.match(await page.textContent('main'), /prioritair nu/);
  await screenshot(page, 'dossier');

  await submit(page, 'nav a[href="/caseload"]');
  // htmx live search: typing swaps in the filtered table.
  await Promise.all([page.waitForResponse((r) => r.url().includes('q=vandersteenh')), page.fill('#q', 'vandersteenh')]);
  await page.waitForFunction(() => document.querySelectorAll('#caseload-table tbody tr').length === 1);
  assert.match(await page.textContent('#caseload-table'), /Vandersteenhoven, Yasmina/);

  await submit(page, 'a[hreflang=en]');
  assert.match(await page.textContent('h1'), /My caseload/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await submit(page, 'button.link');
  assert.match(page.url(), /\/login$/);
  await page.close();
});

test('an admin manages users but is refused a dossier', async () => {
  const page = await app.browser.newPage();
  await login(page, app.base, 'admin');
  assert.match(page.url(), /\/admin\/users$/);
  assert.deepEqual(await seriousViolations(page), []);
  const response = await page.goto(app.base + '/jobseekers/1');
  assert.ok([403, 404].includes(response.status()), `status ${response.status()}`);
  await page.close();
});

test('the log-in page is accessible', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.base + '/login');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
