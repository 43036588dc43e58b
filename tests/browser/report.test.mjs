// The geïntegreerd werk-welzijnsverslag in the browser: drafted from a demo
// dossier, finalising refused while a section is empty (named), edited,
// finalised, and printed to PDF through the print CSS. axe-core on each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, seriousViolations, screenshot, printedPdf } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

test('the integrated report: drafted from the dossier, completed, finalised and printed', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  await page.goto(app.base + '/caseload');
  const dossier = app.base + await page.getAttribute('table a[href^="/jobseekers/"] >> nth=0', 'href');
  await page.goto(dossier);
  await Promise.all([page.waitForNavigation(), page.click('.dossier-links >> text=Geïntegreerd werk-welzijnsverslag')]);
  assert.match(await page.textContent('.flash'), /ontwerp, opgesteld uit het dossier/);
  const details = await page.inputValue('#r-details');
  assert.match(details, /Naam: .+\nGeboortedatum: \d{4}-\d\d-\d\d/);
  assert.match(await page.inputValue('#r-looking_back'), /Stappen in de spiraal: \d+/);
  await page.locator('#r-key_figures').fill('');  // an empty section, to be named at finalising
  await submit(page, 'form.report-edit button[type=submit]');
  await submit(page, 'form.finalise-form button[type=submit]');
  assert.match(await page.textContent('.error'), /Sleutelfiguren|key_figures/);
  // Complete every empty section, save, finalise.
  for (const area of await page.locator('form.report-edit textarea').all())
    if ((await area.inputValue()).trim() === '') await area.fill('Samen besproken met de werkzoekende.');
  await submit(page, 'form.report-edit button[type=submit]');
  assert.equal(await page.locator('.error').count(), 0);
  assert.deepEqual(await seriousViolations(page), [], 'report editor: serious or critical axe violations');
  await screenshot(page, 'integrated-report');
  await submit(page, 'form.finalise-form button[type=submit]');
  assert.match(page.url(), /\/integrated-report\/\d+$/);
  assert.deepEqual(await seriousViolations(page), [], 'printed report: serious or critical axe violations');
  const pdf = await printedPdf(page, 'integrated-report-pdf');
  assert.match(pdf.text, /Geïntegreerd werk-welzijnsverslag[\s\S]*Inzichten[\s\S]*Sleutelfiguren[\s\S]*Terugblik/);
  assert.match(pdf.text, /Samen besproken met de werkzoekende/);
  assert.doesNotMatch(pdf.text, /Afmelden|Mijn caseload/, 'no navigation on paper');
  assert.ok(pdf.pages >= 1 && pdf.pages <= 4, `${pdf.pages} pages`);
  // The final version is listed and kept.
  await page.goto(dossier + '/integrated-report');
  assert.equal(await page.locator('ul.report-finals li').count(), 1);
  await page.close();
});
