// "Mijn traject" on a phone (360×640): the coach invites the jobseeker with
// their consent; the jobseeker redeems the code, sets a PIN, scores
// themselves one item per screen; the coach sees the self-scores; the
// jobseeker withdraws a consent and the partner's access is gone. With
// axe-core checks and the bytes each portal page load transfers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, newJobseeker, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

// Loads `url` and returns the bytes the page load transferred (encoded
// bodies of the document and every resource it pulled in).
async function loadWeight(page, url) {
  const responses = [];
  const collect = (r) => responses.push(r);
  page.on('response', collect);
  await page.goto(url, { waitUntil: 'load' });
  page.off('response', collect);
  let bytes = 0;
  for (const r of responses) bytes += (await r.request().sizes()).responseBodySize;
  return bytes;
}

test('invitation, first log-in, self-scoring, the coach sees it, a consent withdrawn ends the partner\'s access', async () => {
  const coach = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(coach, app.base, 'coach');
  const dossier = await newJobseeker(coach, app.base, 'Samira', 'Portaalova');
  await coach.goto(dossier + '/edit/life_history');
  await coach.fill('textarea[name=life_history]', 'Opgegroeid in Gent.');
  await submit(coach, 'form.edit-form button[type=submit]');
  await coach.goto(dossier + '/consents');
  await coach.selectOption('#k-recipient', { label: 'Demo-partner' });
  await coach.fill('#k-purpose', 'Schulden samen aanpakken');
  await coach.check('#k-s-life_history');
  await submit(coach, 'form.card button[type=submit]');

  // The invitation needs the jobseeker's consent to an account.
  await coach.goto(dossier + '/portal');
  await submit(coach, 'form[action$="/portal/invite"] button[type=submit]');
  assert.match(await coach.textContent('.error'), /instemt/);
  await coach.check('input[name=consent]');
  await submit(coach, 'form[action$="/portal/invite"] button[type=submit]');
  const code = (await coach.textContent('#invite-code')).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.deepEqual(await seriousViolations(coach), []);

  const phone = await app.browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-BE' });
  await phone.goto(app.base + '/mijn');
  assert.match(phone.url(), /\/mijn\/login$/);
  await phone.goto(app.base + '/mijn/start');
  assert.deepEqual(await seriousViolations(phone), []);
  await phone.fill('#code', code.toLowerCase().replace('-', ' '));
  await submit(phone, 'main button[type=submit]');
  await phone.fill('#secret', '123456');
  await phone.fill('#secret_repeat', '123456');
  await submit(phone, 'main button[type=submit]');
  assert.match(await phone.textContent('.p-error'), /te makkelijk/);
  await phone.fill('#secret', '493817');
  await phone.fill('#secret_repeat', '493817');
  await submit(phone, 'main button[type=submit]');
  assert.match(phone.url(), /\/mijn\?welcome=1$/);
  assert.match(await phone.textContent('h1'), /Dag Samira/);
  assert.match(await phone.textContent('main'), /Waar sta je nu\?/);
  assert.deepEqual(await seriousViolations(phone), []);
  // Nothing is wider than the phone.
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360));
  await screenshot(phone, 'portal-home');

  // Self-scoring, one item per screen, with large targets and read-aloud.
  await phone.goto(app.base + '/mijn/scores/new');
  assert.equal(await phone.locator('.p-scale:not(.p-future) .p-value').count(), 11);
  assert.equal(await phone.locator('.p-future .p-value').count(), 11, 'and where they want to get to');
  const target = await phone.locator('.p-value').first().boundingBox();
  assert.ok(target.height >= 44 && target.width >= 44, `touch target ${target.width}×${target.height}`);
  assert.ok(await phone.locator('button.p-speak').isVisible());  // the browser can speak: the button shows
  assert.deepEqual(await seriousViolations(phone), []);
  await screenshot(phone, 'portal-score-step', 'main');  // the whole step, both scales
  let steps = 0;
  while (await phone.locator('.p-values').count() > 0) {
    await phone.locator('.p-scale:not(.p-future) .p-value', { hasText: new RegExp(`^${(steps % 5) + 4}$`) }).click();
    if (steps === 0) await phone.locator('.p-future .p-value', { hasText: /^8$/ }).click();
    await submit(phone, 'button[name=go][value=next]');
    steps += 1;
  }
  assert.equal(steps, 21);
  assert.match(await phone.textContent('main'), /Klopt dit\?/);
  assert.match(await phone.textContent('.p-summary'), /4 → 8/);
  await submit(phone, 'button[name=go][value=save]');
  assert.match(phone.url(), /\/mijn\/scores\?saved=1$/);
  await phone.waitForFunction(() => document.querySelector('#p-radar-outside')?.width > 0);
  assert.deepEqual(await seriousViolations(phone), []);
  await screenshot(phone, 'portal-scores');

  // The coach sees the self-scores beside their own.
  await coach.goto(dossier + '/scores');
  assert.match(await coach.textContent('main'), /zelf ingevuld in Mijn traject/);

  // The partner reads the shared life history, until the jobseeker stops it.
  const partner = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(partner, app.base, 'partner');
  assert.equal((await partner.goto(dossier + '/shared')).status(), 200);
  await phone.goto(app.base + '/mijn/data');
  assert.match(await phone.textContent('main'), /Demo-partner/);
  assert.deepEqual(await seriousViolations(phone), []);
  await phone.click('summary:has-text("Stop met delen")');
  await submit(phone, 'button:has-text("Ja, stop met delen")');
  assert.match(await phone.textContent('[role=status]'), /Gestopt/);
  await screenshot(phone, 'portal-data');
  assert.equal((await partner.goto(dossier + '/shared')).status(), 404);
  // ... and the coach hears of it.
  await coach.goto(dossier + '/portal');
  assert.match(await coach.textContent('#messages'), /trok een toestemming in: Demo-partner/);

  // A message to the coach shows on the caseload.
  await phone.goto(app.base + '/mijn/messages');
  await phone.fill('#text', 'Ik kan donderdag niet komen.');
  await submit(phone, 'main form button[type=submit]');
  assert.match(await phone.textContent('.p-thread'), /donderdag/);
  assert.deepEqual(await seriousViolations(phone), []);
  await coach.goto(app.base + '/caseload?q=Portaalova');
  assert.match(await coach.textContent('.message-tag'), /1 nieuw bericht/);

  // The story is read-only until the coach opens a part of it.
  await phone.goto(app.base + '/mijn/story');
  assert.equal(await phone.locator('#add-life_events').count(), 0);
  await coach.goto(dossier + '/portal');
  await coach.check('input[name=open][value=life_events]');
  await submit(coach, 'form[action$="/portal/story"] button[type=submit]');
  await phone.goto(app.base + '/mijn/story');
  await phone.fill('#ev-date', '2023');
  await phone.fill('#ev-text', 'Eigen woning gevonden');
  await phone.check('input[name=tone][value=up]');
  await submit(phone, '#add-life_events button[type=submit]');
  assert.match(await phone.textContent('.p-events'), /2023 Eigen woning gevonden/);
  assert.deepEqual(await seriousViolations(phone), []);
  await screenshot(phone, 'portal-story');

  // Every portal page stays under 200 KB a load, charts included.
  for (const path of ['/mijn', '/mijn/scores', '/mijn/scores/new', '/mijn/story', '/mijn/messages', '/mijn/data']) {
    const bytes = await loadWeight(phone, app.base + path);
    assert.ok(bytes < 200 * 1024, `${path}: ${bytes} bytes`);
    console.log(`page weight ${path}: ${bytes} bytes`);
  }
  // French on request.
  await phone.goto(app.base + '/lang/fr?next=/mijn');
  assert.match(await phone.textContent('h1'), /Bonjour Samira/);
  assert.deepEqual(await seriousViolations(phone), []);

  // The coach revokes the phone: it is logged out and cannot unlock.
  await coach.goto(dossier + '/portal');
  await submit(coach, 'form[action*="/devices/"] button[type=submit]');
  assert.match(await coach.textContent('main'), /Ingetrokken/);
  assert.deepEqual(await seriousViolations(coach), []);
  await screenshot(coach, 'portal-coach');
  await phone.goto(app.base + '/mijn');
  assert.match(phone.url(), /\/mijn\/login$/);
  await coach.close();
  await partner.close();
  await phone.close();
});
