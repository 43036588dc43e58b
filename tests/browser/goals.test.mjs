// Goals to agreement in the browser: a goal in the jobseeker's words with
// the features ticked, an action, a follow-up that opens with "wat is er
// verbeterd?", a trajectory agreement drawn up and signed, printed to PDF
// in plain language. With axe-core checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, newJobseeker, seriousViolations, screenshot, printedPdf } from './harness.mjs';

let app;
let dossierUrl;  // a fresh dossier, opened by the first test that needs one
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

test('goals and actions become a signed trajectory agreement that prints as a clear PDF', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  const dossier = dossierUrl ??= await newJobseeker(page, app.base, 'Goedele', 'Doelmans');
  await page.goto(dossier);
  const name = (await page.textContent('h1')).trim();

  await page.click('.dossier-links >> text=Doelen');
  await page.waitForURL(/\/goals$/);
  // A goal without words is refused and the ticks stay.
  await page.check('#g-f-small');
  await submit(page, 'form.goal-form button[type=submit]');
  assert.match(await page.textContent('.error'), /Tekst: is verplicht/);
  assert.equal(await page.isChecked('#g-f-small'), true);
  await page.fill('#g-text', 'Ik wil een halftijdse job waar ik met mensen werk');
  await page.selectOption('#g-track', 'work');
  await page.selectOption('#g-kd', 'application_assets');
  await page.selectOption('#g-horizon', 'long');
  for (const f of ['concrete', 'positive', 'own_words']) await page.check(`#g-f-${f}`);
  await submit(page, 'form.goal-form button[type=submit]');
  assert.equal(await page.locator('.error').count(), 0, await page.locator('.error').count() ? await page.textContent('.error') : '');
  assert.match(await page.textContent('section.goal'), /halftijdse job[\s\S]*werk[\s\S]*✔ klein/);

  await page.fill('form.action-form input[name=text]', 'Een cv maken met de trajectbegeleider');
  await page.selectOption('form.action-form select[name=owner]', 'coach');
  await page.fill('form.action-form input[name=due_on]', '2027-01-15');
  await submit(page, 'form.action-form button[type=submit]');
  assert.match(await page.textContent('table.actions'), /Een cv maken[\s\S]*de trajectbegeleider[\s\S]*2027-01-15/);

  await page.fill('#fu-improved', 'Ze durft nu zelf te bellen');
  await submit(page, 'form.followup-form button[type=submit]');
  assert.match(await page.textContent('ul.followups'), /Wat is er verbeterd sinds de vorige keer\? Ze durft nu zelf te bellen/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'goals');

  await page.goto(dossier + '/agreements');
  await page.fill('#ag-phasing', 'Eerst een cv, dan drie sollicitaties per maand.');
  await page.fill('#ag-followup', 'Om de twee weken op dinsdag');
  await page.fill('#ag-eval', '2027-03-01');
  await page.fill('#ag-o1', 'Onthaalmedewerker');
  await submit(page, 'form.agreement-form button[type=submit]');
  // Signing needs the jobseeker's agreement ticked.
  await submit(page, 'form.sign-form button[type=submit]');
  assert.match(await page.textContent('.error'), /akkoord/);
  await page.check('form.sign-form input[name=agreed]');
  await submit(page, 'form.sign-form button[type=submit]');
  assert.match(await page.textContent('table.agreements'), /ondertekend op/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.click('table.agreements a');
  await page.waitForURL(/\/print$/);
  assert.deepEqual(await seriousViolations(page), []);
  const pdf = await printedPdf(page, 'agreement');
  const text = pdf.text.replace(/\s+/g, ' ');
  for (const part of ['Onze afspraken', name, 'Ik wil een halftijdse job waar ik met mensen werk', 'Een cv maken',
                      'Onthaalmedewerker', 'Om de twee weken op dinsdag', 'Je ging akkoord op'])
    assert.ok(text.includes(part), `agreement PDF lacks "${part}"`);
  assert.ok(!/Afmelden|Afdrukken/.test(text));
  assert.ok(pdf.pages <= 2, `${pdf.pages} pages`);
  await page.close();
});

test('a W²-overleg with two services, shared with a partner only by consent, until it is withdrawn', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  const dossier = dossierUrl ??= await newJobseeker(page, app.base, 'Goedele', 'Doelmans');
  await page.goto(dossier + '/overlegs');
  await page.fill('#o-by', 'An (VDAB)');
  await page.fill('#o-reason', 'Schulden en een job in zicht');
  await page.fill('#o-aim', 'Afspreken wie wat doet');
  await submit(page, 'form.overleg-request button[type=submit]');
  assert.match(page.url(), /\/overlegs\/\d+$/);
  const overleg = page.url();

  // The consent gate: planning is refused until the consent is recorded.
  const later = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
  const plan = async () => {
    await page.fill('#pl-on', later);
    const names = page.locator('input[name="p.name"]');
    const roles = page.locator('select[name="p.role"]');
    await names.nth(0).fill('Goedele');
    await roles.nth(0).selectOption('jobseeker');
    await names.nth(1).fill('Els (CAW)');
    await names.nth(2).fill('Tom (OCMW)');
    await names.nth(3).fill('Zus Fatima');
    await roles.nth(3).selectOption('pivot');
    await submit(page, 'form.plan-form button[type=submit]');
  };
  await plan();
  assert.match(await page.textContent('.error'), /toestemming/);
  await submit(page, 'form.consent-form button[type=submit]');
  await plan();
  assert.equal(await page.locator('.error').count(), 0);
  assert.deepEqual(await seriousViolations(page), []);

  await page.selectOption('#att-2', 'excused');
  await page.selectOption('#r-part', 'part');
  await page.fill('#r-part-why', 'Wilde niet bij het stuk over de schulden zijn');
  await page.fill('#th-finances-info', 'Drie schuldeisers, een afbetalingsplan loopt.');
  await page.fill('#th-finances-agr', 'Budgetbeheer aanvragen');
  await page.fill('#th-finances-own', 'Tom (OCMW)');
  await page.fill('#th-finances-due', later);
  await page.fill('#r-follow', later);
  await submit(page, 'form.report-form button[type=submit]');
  assert.match(await page.textContent('main'), /gehouden[\s\S]*verontschuldigd[\s\S]*Budgetbeheer aanvragen/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(overleg + '/print');
  const pdf = await printedPdf(page, 'overleg-report');
  assert.match(pdf.text.replace(/\s+/g, ' '), /beroepsgeheim[\s\S]*Budgetbeheer aanvragen/);

  // Shared with the partner through the consent register: the report, nothing else.
  await page.goto(dossier + '/consents');
  await page.selectOption('#k-recipient', { label: 'Demo-partner' });
  await page.fill('#k-purpose', 'Opvolging van de afspraken van het W²-overleg');
  await page.check('#k-s-overleg_reports');
  await submit(page, 'form.card button[type=submit]');
  const partner = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(partner, app.base, 'partner');
  await partner.goto(dossier + '/shared');
  assert.match(await partner.textContent('main'), /Budgetbeheer aanvragen/);
  assert.equal(await partner.locator('#objective-h').count(), 0);
  assert.equal((await partner.goto(dossier + '/goals')).status(), 404);
  assert.deepEqual(await seriousViolations(partner), []);

  // The jobseeker withdraws the overleg consent: the partner sees the report no more.
  await page.goto(overleg);
  await submit(page, 'form.withdraw-form button[type=submit]');
  await partner.goto(dossier + '/shared');
  assert.doesNotMatch(await partner.textContent('main'), /Budgetbeheer aanvragen/);
  await page.close();
  await partner.close();
});
