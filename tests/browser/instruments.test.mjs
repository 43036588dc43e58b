// The instruments in the browser: a score table with its W² circles, the
// balance drawn as a beam, the ecogram as a graph, the life-event line, the
// strengths and the two checklists; two versions side by side; and every
// instrument's "mijn instrumenten" sheet printed to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, newJobseeker, seriousViolations, screenshot, printedPdf } from './harness.mjs';

let app;
let dossierUrl;  // a fresh dossier, opened by the first test that needs one
before(async () => { app = await start({ jobseekers: 40 }); });
after(async () => { await app?.close(); });

test('a coach fills in each instrument with the jobseeker and sees it drawn', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  const dossier = dossierUrl ??= await newJobseeker(page, app.base, 'Mira', 'Instrumentenbos');
  await page.goto(dossier);

  // Score table by the jobseeker, then by the coach: circles, reading, perception gap.
  for (const [scorer, now] of [['jobseeker', '6'], ['coach', '4']]) {
    await page.goto(dossier + '/scores');
    await page.selectOption('#s-scorer', scorer);
    const inputs = page.locator('form.score-form input[type=number]');
    const n = await inputs.count();
    assert.equal(n, 63);  // 21 items × start, now, future
    for (let i = 0; i < n; i++) await inputs.nth(i).fill(i % 3 === 1 ? now : '3');
    await submit(page, 'form.score-form button[type=submit]');
  }
  await page.waitForFunction(() => window.Chart && Chart.getChart('radar-outside') && Chart.getChart('radar-inside'));
  assert.equal(await page.evaluate(() => Chart.getChart('radar-inside').data.labels.length), 11);
  assert.match(await page.textContent('table.reading'), /achteruitgang/);  // coach's "now" 4 after the jobseeker's 6
  assert.match(await page.textContent('table.gap'), /Je zelfvertrouwen/);
  assert.deepEqual(await seriousViolations(page), []);

  // Balance: one load and one support block, plus the unnamed one, on a beam.
  await page.goto(dossier + '/instruments/balance');
  await page.locator('select[name="block.kind"]').nth(0).selectOption('load');
  await page.locator('input[name="block.label"]').nth(0).fill('Schulden');
  await page.locator('input[name="block.size"]').nth(0).fill('8');
  await page.locator('select[name="block.kind"]').nth(1).selectOption('support');
  await page.locator('input[name="block.label"]').nth(1).fill('Mijn zus');
  await page.locator('input[name="block.size"]').nth(1).fill('5');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.locator('.error').count(), 0);
  assert.equal(await page.locator('#drawing svg rect').count(), 4);  // beam + 3 blocks
  assert.deepEqual(await seriousViolations(page), []);

  // Ecogram: a tie to someone who is not there is refused; then drawn.
  await page.goto(dossier + '/instruments/ecogram');
  await page.locator('input[name="tie.to"]').nth(0).fill('ghost');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.match(await page.textContent('.error'), /niet in het ecogram/);
  await page.locator('input[name="node.id"]').nth(0).fill('zus');
  await page.locator('input[name="node.label"]').nth(0).fill('Zus Fatima');
  await page.locator('input[name="tie.to"]').nth(0).fill('zus');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.locator('.error').count(), 0);
  await page.waitForSelector('#drawing canvas');
  await screenshot(page, 'ecogram');

  // Life-event line.
  await page.goto(dossier + '/instruments/life_events');
  await page.locator('input[name="event.date"]').nth(0).fill('2008');
  await page.locator('input[name="event.text"]').nth(0).fill('Gestopt met school');
  await page.locator('select[name="event.tone"]').nth(0).selectOption('down');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.match(await page.textContent('ol.life-line'), /2008 Gestopt met school/);
  assert.deepEqual(await seriousViolations(page), []);

  // Strengths, with the handbook's strengths-based questions as prompts.
  await page.goto(dossier + '/instruments/strengths');
  assert.match(await page.textContent('details.prompts'), /wonder/);
  await page.fill('textarea[name="domains.work.i_can"]', 'Koken voor veel mensen');
  await page.fill('textarea[name="individual.dares"]', 'Nieuwe mensen aanspreken');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.inputValue('textarea[name="domains.work.i_can"]'), 'Koken voor veel mensen');
  assert.deepEqual(await seriousViolations(page), []);

  // The outside and inside of poverty (Schema 1), and problems next to strengths (Schema 2).
  await page.goto(dossier + '/instruments/outside_inside');
  await page.check('#m-wounds');
  await page.fill('input[name="note.wounds"]', 'Voelt zich weggezet bij diensten');
  await page.check('#m-dreams');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.isChecked('#m-wounds'), true);
  assert.match(await page.textContent('section[aria-labelledby="drawing-h"]'), /Kwetsuren: Voelt zich weggezet/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(dossier + '/instruments/problem_strength');
  await page.check('#m-isolation');
  await page.check('#m-humour');
  await page.fill('input[name="note.humour"]', 'Lacht om haar eigen pech');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.isChecked('#m-humour'), true);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'problem-strength', 'form.instrument-form');

  // A second balance: the two versions side by side, each drawn.
  await page.goto(dossier + '/instruments/balance');
  await page.locator('input[name="block.size"]').nth(0).fill('4');
  await page.locator('input[name="block.size"]').nth(1).fill('9');
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.equal(await page.locator('.side-by-side .drawing svg').count(), 2);
  assert.match(await page.textContent('.side-by-side'), /Schulden \(8\)[\s\S]*Schulden \(4\)/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'balance-compare', 'section[aria-labelledby="compare-h"]');
  await page.close();
});

test('each instrument prints as a "mijn instrumenten" sheet for the jobseeker', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'coach');
  const dossier = dossierUrl ??= await newJobseeker(page, app.base, 'Mira', 'Instrumentenbos');
  await page.goto(dossier);
  const name = (await page.textContent('h1')).trim();
  const sheets = [
    ['/scores/sheet', 'W²-cirkels', /Zelfvertrouwen|zelfvertrouwen/, 'canvas#radar-outside'],
    ['/instruments/balance/sheet', 'Draaglast en draagkracht', /Schulden \(4\)/, '#drawing svg'],
    ['/instruments/ecogram/sheet', 'Ecogram', /Zus Fatima/, '#drawing canvas'],
    ['/instruments/life_events/sheet', 'Life-eventlijn', /Gestopt met school/, 'ol.life-line'],
    ['/instruments/strengths/sheet', 'Krachten', /Koken voor veel mensen/, null],
    ['/instruments/outside_inside/sheet', 'Buitenkant en binnenkant', /Kwetsuren: Voelt zich weggezet/, null],
    ['/instruments/problem_strength/sheet', 'Problemen en krachten', /Humor: Lacht om haar eigen pech/, null],
  ];
  for (const [path, title, content, drawn] of sheets) {
    await page.goto(dossier + path);
    if (drawn) await page.waitForSelector(drawn);
    if (path.startsWith('/scores')) await page.waitForFunction(() => window.Chart && Chart.getChart('radar-inside'));
    assert.deepEqual(await seriousViolations(page), [], path);
    const pdf = await printedPdf(page, 'sheet-' + path.split('/')[path.split('/').length - 2]);
    const text = pdf.text.replace(/\s+/g, ' ');
    assert.ok(text.includes('Mijn instrumenten: ' + title), `${path}: title missing in the PDF`);
    assert.ok(text.includes(name), `${path}: the jobseeker's name missing in the PDF`);
    assert.match(text, content, path);
    assert.ok(!/Afmelden|Afdrukken|Versie bewaren/.test(text), `${path}: navigation or buttons printed`);
    assert.ok(pdf.pages >= 1 && pdf.pages <= 3, `${path}: ${pdf.pages} pages`);
  }
  await page.close();
});
