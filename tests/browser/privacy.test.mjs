// Privacy in the browser: the coach records the jobseeker's consent to share
// one section with a partner; the partner sees that section and nothing
// else; withdrawing ends it. The "Inzage" page prints everything held on the
// person to PDF. With axe-core checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, newJobseeker, seriousViolations, screenshot, printedPdf } from './harness.mjs';

let app;
let dossierUrl;  // a fresh dossier, opened by the first test that needs one
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

test('a consent shares one section with a partner until it is withdrawn', async () => {
  const coach = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(coach, app.base, 'coach');
  const dossier = dossierUrl ??= await newJobseeker(coach, app.base, 'Pieter', 'Privacyns');
  await coach.goto(dossier);
  const name = (await coach.textContent('h1')).trim();
  await coach.goto(dossier + '/edit/life_history');
  await coach.fill('textarea[name=life_history]', 'Opgegroeid in Gent, drie broers.');
  await submit(coach, 'form.edit-form button[type=submit]');

  // A consent without a purpose or scope is refused, with what is missing.
  await coach.goto(dossier + '/consents');
  await coach.selectOption('#k-recipient', { label: 'Demo-partner' });
  await submit(coach, 'form.card button[type=submit]');
  assert.match(await coach.textContent('.error'), /Doel/);
  await coach.fill('#k-purpose', 'Samen een oplossing zoeken voor de schulden');
  await coach.check('#k-s-life_history');
  await submit(coach, 'form.card button[type=submit]');
  assert.match(await coach.textContent('table.consents'), /Demo-partner[\s\S]*Samen een oplossing[\s\S]*geldig/);
  // The backpack (what an employer may see) is on the register too; none yet here.
  assert.match(await coach.textContent('section[aria-labelledby=backpack-h]'), /Rugzak[\s\S]*Nog niets uit de rugzak/);
  assert.deepEqual(await seriousViolations(coach), []);
  await screenshot(coach, 'consents');

  const partner = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(partner, app.base, 'partner');
  await partner.goto(app.base + '/shared');
  await partner.click(`text=${name}`);
  await partner.waitForURL(/\/shared$/);
  assert.match(await partner.textContent('main'), /Opgegroeid in Gent/);
  assert.equal(await partner.locator('#welfare-h').count(), 0);  // not shared
  assert.equal(await partner.locator('text=Bewerken').count(), 0);
  assert.deepEqual(await seriousViolations(partner), []);
  const full = await partner.goto(dossier);
  assert.equal(full.status(), 404);  // the dossier itself stays closed

  await coach.goto(dossier + '/consents');
  await submit(coach, 'form.inline button[type=submit]:has-text("Intrekken")');
  assert.match(await coach.textContent('table.consents'), /ingetrokken op/);
  const after = await partner.goto(dossier + '/shared');
  assert.equal(after.status(), 404);
  await coach.close();
  await partner.close();
});

test('the Inzage page shows everything held on the person and prints to PDF', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  await page.goto(dossierUrl);  // the dossier of the test above, with its life history and consent
  await page.click('text=Inzage (AVG)');
  await page.waitForURL(/\/export$/);
  const text = await page.textContent('main');
  for (const part of ['Alles wat Spiraal over jou bijhoudt', 'Contactjournaal', 'Toestemmingen', 'Wie bekeek of wijzigde je dossier'])
    assert.ok(text.includes(part), part);
  assert.deepEqual(await seriousViolations(page), []);
  const pdf = await printedPdf(page, 'subject-export');
  assert.match(pdf.text, /Alles wat Spiraal over jou bijhoudt/);
  assert.match(pdf.text, /Opgegroeid in Gent/);
  assert.ok(!/Download als JSON|Afmelden/.test(pdf.text));
  await page.close();
});
