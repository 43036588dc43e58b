// The road to work in the browser, as issue 6 asks: mindmap → competence
// card → job target checks → match → application through the 8 steps →
// start → 3-month follow-up recorded. With axe-core on every page and the
// business card and emergency plan printed to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, newJobseeker, seriousViolations, screenshot, printedPdf } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

async function noErrors(page) {
  const n = await page.locator('.error').count();
  assert.equal(n, 0, n ? await page.textContent('.error') : '');
}

test('from mindmap to a lasting job: competences, job target, match, application, start and follow-up', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  const dossier = await newJobseeker(page, app.base, 'Wendy', 'Werkmans');

  // Mindmap: two situations, one a gap in the CV, both showing perseverance.
  await page.goto(dossier);
  await page.click('.dossier-links >> text=Weg naar werk');
  await page.waitForURL(/\/competences$/);
  await page.fill('#s-text', 'Twee jaar voor mijn zieke zoon gezorgd');
  await page.selectOption('#s-kind', 'gap');
  for (const c of ['perseverance', 'coping_with_stress', 'work_planning']) await page.check(`#s-c-${c}`);
  await submit(page, 'form.situation-form button[type=submit]');
  await noErrors(page);
  // A suggestion needs two situations: none yet.
  assert.match(await page.textContent('#suggest-h + p + p, section[aria-labelledby=suggest-h]'), /Geen open voorstellen/);
  await page.fill('#s-text', 'Een benefiet voor de school georganiseerd');
  await page.selectOption('#s-kind', 'volunteer');
  for (const c of ['perseverance', 'contact_skills', 'work_planning']) await page.check(`#s-c-${c}`);
  await submit(page, 'form.situation-form button[type=submit]');
  await noErrors(page);
  assert.equal(await page.locator('#mindmap canvas').count() > 0, true, 'the mindmap is drawn');
  const suggestions = page.locator('form.decision-form');
  assert.equal(await suggestions.count(), 2, 'perseverance and work plan, each seen twice');
  // Deciding without the jobseeker is refused; together it is taken.
  await submit(page, 'form.decision-form >> nth=0 >> button[type=submit]');
  assert.match(await page.textContent('.error'), /samen met de werkzoekende/);
  await page.check('form.decision-form >> nth=0 >> input[type=checkbox]');
  await submit(page, 'form.decision-form >> nth=0 >> button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('section[aria-labelledby=suggest-h]'), /Beslist[\s\S]*verworven/);

  // Competentiekaart 1 and the business card.
  await page.fill('#e-job', 'Kassamedewerker');
  await page.fill('#e-emp', 'Buurtwinkel');
  await page.fill('#e-t-0', 'Klanten afrekenen');
  await page.selectOption('#e-tc-0', ['accuracy', 'contact_skills']);
  await submit(page, 'form.experience-form button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('section[aria-labelledby=map1-h] table'), /Kassamedewerker[\s\S]*Klanten afrekenen[\s\S]*Accuratesse/);
  await page.fill('#b-t-0', 'Kassa bedienen');
  await page.check('#b-k-contact_skills');
  await page.fill('#b-t1', 'Winkelbediende');
  await submit(page, 'form.card-form button[type=submit]');
  await noErrors(page);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'competences');
  await submit(page, 'text=Visitekaartje afdrukken');
  const card = await printedPdf(page, 'business-card');
  assert.match(card.text, /Wendy Werkmans[\s\S]*Kassa bedienen[\s\S]*Doorzettingsvermogen[\s\S]*Winkelbediende/);
  assert.equal(card.pages, 1, 'the business card is one page');

  // Job target: work profile, the four checks with evidence, a placement.
  await page.goto(dossier + '/job-targets');
  await page.fill('#p-max', '30');
  await page.fill('#p-travel', '45');
  await page.fill('#p-pl-0', 'Gent');
  await page.fill('#p-mi-0', '20');
  await submit(page, 'form.profile-form button[type=submit]');
  await noErrors(page);
  await page.fill('#nt-o', 'Winkelbediende');
  await page.fill('#nt-c', 'D1106');
  await submit(page, 'form.new-target-form button[type=submit]');
  await noErrors(page);
  // Realistic without four yeses is refused.
  await page.selectOption('form.target-form select[name="status"]', 'realistic');
  await submit(page, 'form.target-form button[type=submit]');
  assert.match(await page.textContent('.error'), /vier keer ja/);
  const evidence = { wants: 'Zegt ze zelf, al lang', can_manage: 'Werkte aan de kassa', demand: 'Veel vacatures in Gent', family_fit: 'Opvang geregeld tot 18 uur' };
  for (const [check, text] of Object.entries(evidence)) {
    await page.selectOption(`form.target-form select[name="checks.${check}.answer"]`, 'yes');
    await page.fill(`form.target-form textarea[name="checks.${check}.evidence"]`, text);
  }
  await page.selectOption('form.target-form select[name="status"]', 'realistic');
  await page.selectOption('form.target-form select[name="rank#"]', '1');
  await submit(page, 'form.target-form button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('section[id^=job_target]'), /realistisch · Voorkeur 1/);
  // An exploration placement of six full days breaks the rule.
  await page.fill('form.placement-form input[name=employer]', 'Supermarkt Noord');
  await page.fill('form.placement-form input[name="days#"]', '6');
  await page.fill('form.placement-form input[name=starts_on]', '2026-11-02');
  await submit(page, 'form.placement-form button[type=submit]');
  assert.match(await page.textContent('.error'), /1–5/);
  await page.fill('form.placement-form input[name=employer]', 'Supermarkt Noord');
  await page.fill('form.placement-form input[name="days#"]', '3');
  await page.fill('form.placement-form input[name=starts_on]', '2026-11-02');
  await submit(page, 'form.placement-form button[type=submit]');
  await noErrors(page);
  await page.fill('.placement textarea[name="evaluation.went_well"]', 'Vlot met klanten');
  await submit(page, '.placement button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('.placement'), /Supermarkt Noord · 3 volle dagen[\s\S]*Vlot met klanten/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'job-targets');

  // Matching proposes vacancies with an explanation per core task.
  await page.goto(dossier + '/matches');
  const ranked = page.locator('section[aria-labelledby=mv-h] ol.matches > li');
  assert.ok(await ranked.count() > 0, 'vacancies are ranked');
  assert.match(await ranked.first().textContent(), /%[\s\S]*(✔|✘)/);
  assert.match(await page.textContent('section[aria-labelledby=mv-h]'), /Past niet[\s\S]*(meer uren dan haalbaar|reistijd)/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'matches');

  // An application through the eight steps, to hired.
  await page.goto(dossier + '/applications');
  await page.fill('#na-e', 'Supermarkt Noord');
  await page.fill('#na-j', 'Winkelbediende');
  await submit(page, 'form.new-application-form button[type=submit]');
  await noErrors(page);
  const steps = ['employer_contact', 'added_value', 'objections_measures', 'interview_requested', 'prepared_together', 'going_along', 'selection'];
  for (const [i, step] of steps.entries())
    await page.fill(`form.application-form input[name="steps.${step}.done_on"]`, `2026-11-${String(3 + i).padStart(2, '0')}`);
  await page.fill('form.application-form input[name="steps.objections_measures.note"]', 'Vreest lange afwezigheid bij ziekte van de kinderen');
  await page.fill('form.application-form input[name=decision_on]', '2026-11-10');
  await page.selectOption('form.application-form select[name=outcome]', 'hired');
  await submit(page, 'form.application-form button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('section[id^=application]'), /aangenomen/);
  assert.equal(await page.locator('ol.steps li.done').count(), 7);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'applications');

  // The start: welfare checklist, emergency plan, then the follow-ups.
  await page.goto(dossier + '/work-starts');
  await page.fill('#ws-o', 'Supermarkt Noord');
  await page.fill('#ws-j', 'Winkelbediende');
  await page.selectOption('#ws-a', { index: 1 });
  await page.fill('#ws-s', '2026-08-17');
  await page.fill('#ws-h', '30');
  await page.selectOption('#wc-childcare', 'arranged');
  await page.fill('#wcn-childcare', 'Naschoolse opvang tot 18 uur');
  await page.fill('#ep-n0', 'Oma Rita');
  await page.fill('#ep-p0', '0470 12 34 56');
  await page.fill('#ep-sc', 'Oma haalt de kinderen op');
  await submit(page, 'form.start-form button[type=submit]');
  await noErrors(page);
  const startCard = page.locator('section[id^=work_start]');
  assert.match(await startCard.textContent(), /Nog open op de welzijnschecklist/);
  assert.match(await startCard.textContent(), /Volgend nazorgcontact/);
  assert.equal(await page.locator('.sustainability').count(), 3, 'follow-ups at 3, 6 and 12 months');
  assert.match(await page.locator('.sustainability').first().textContent(), /3 maanden · te doen op 2026-11-17/);

  // The 3-month follow-up, recorded.
  const form = page.locator('form.sustainability-form').first();
  await form.locator('input[value="1"][type=radio]').check();
  for (const a of ['conditions', 'circumstances', 'content', 'relations']) await form.locator(`select[name="four_as.${a}#"]`).selectOption('4');
  await form.locator('select[name=income_sufficient]').selectOption('partly');
  await form.locator('textarea[name=own_words]').fill('Ik ben trots, maar het is zwaar in het weekend');
  await submit(page, 'form.sustainability-form >> nth=0 >> button[type=submit]');
  await noErrors(page);
  assert.match(await page.locator('.sustainability').first().textContent(),
               /3 maanden · \d{4}-\d\d-\d\d · nog aan het werk[\s\S]*Arbeidsvoorwaarden 4\/5[\s\S]*inkomen deels voldoende[\s\S]*trots/);
  // The coach changes the aftercare rhythm; a trusted person on the job takes over.
  await page.click('section[id^=work_start] summary >> text=Nazorgritme');
  await page.fill('form.rhythm-form input[name="aftercare_every_days#"]', '14');
  await page.fill('form.rhythm-form input[name="trusted_person.name"]', 'Karim, ploegbaas');
  await page.fill('form.rhythm-form input[name="trusted_person.since"]', '2026-10-01');
  await submit(page, 'form.rhythm-form button[type=submit]');
  await noErrors(page);
  assert.match(await page.locator('section[id^=work_start]').textContent(), /om de 14 dagen/);
  assert.match(await page.locator('.sustainability').first().textContent(), /nog aan het werk/, 'the follow-ups stay');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'work-starts');

  await submit(page, 'text=Noodplan afdrukken');
  const plan = await printedPdf(page, 'emergency-card');
  assert.match(plan.text, /Mijn noodplan[\s\S]*Oma Rita[\s\S]*0470 12 34 56[\s\S]*Oma haalt de kinderen op/);
  assert.equal(plan.pages, 1);
  await page.close();
});
