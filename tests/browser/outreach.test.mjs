// Outreach and the network in the browser, as issue 7 asks: a toeleider
// registers a person met at a find place (a pseudonym, no identity) →
// contacts → phases → segment → a warm handover (refused without consent)
// → the coach picks up the referral and sees the outreach history only
// after the person's consent → an MDO aligning two tracks → a theme from the
// case taken up in a group session → the network coordinator's view.
// With axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, login, submit, seriousViolations, screenshot } from './harness.mjs';

let app;
before(async () => { app = await start({ jobseekers: 30 }); });
after(async () => { await app?.close(); });

async function noErrors(page) {
  const n = await page.locator('.error').count();
  assert.equal(n, 0, n ? await page.textContent('.error') : '');
}

async function accessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `${what}: serious or critical axe violations`);
}

async function logout(page) {
  await submit(page, 'nav button[type=submit]');
}

const today = new Date().toISOString().slice(0, 10);

// The handover form, all but the consent (a refused form comes back empty).
async function fillHandover(page) {
  await page.fill('#h-first', 'Samira');
  await page.fill('#h-last', 'Zonneveld');
  await page.fill('#h-birth', '1990-04-12');
  await page.fill('#h-joint', today);
  await page.selectOption('#h-attends', 'first');
  await page.check('#h-c-childcare');
  await page.check('#h-c-housing');
  await page.fill('#h-reason', 'Werk in een keuken, deeltijds');
}

test('a toeleider meets someone, hands them over warmly; the coach sees the history after consent', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.base, 'toeleider');
  await page.waitForURL(/\/outreach$/);
  await accessible(page, 'outreach register');

  // Registered by a pseudonym at a day centre: no identity asked.
  assert.equal(await page.locator('input[name=last_name], input[name=birth_date]').count(), 0);
  await page.fill('#o-name', 'Zonnebloem');
  await page.check('#o-pseudo');
  await page.selectOption('#o-channel', 'direct');
  await page.selectOption('#o-place', 'day_centre');
  await page.fill('#o-region', 'Gent');
  await submit(page, 'form[action="/outreach"] button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('h1'), /Zonnebloem[\s\S]*schuilnaam/);

  // A contact through a key figure, then three phases on.
  await page.selectOption('#c-channel', 'key_figure');
  await page.fill('#c-note', 'Via de buurtvader; wil graag werken in een keuken');
  await submit(page, 'form[action$="/contacts"] button[type=submit]');
  await noErrors(page);
  for (const phase of ['acquaint', 'context', 'orient']) {
    await page.selectOption('#m-to', phase);
    await page.fill('#m-reason', 'Samen besproken');
    await submit(page, 'form[action$="/moves"] button[type=submit]');
    await noErrors(page);
  }
  assert.match(await page.textContent('.phase'), /Oriëntering/);

  // The segment tree: work-ready, not registered, known to the OCMW → 2.
  await page.check('#s-wr-1');
  await page.check('#s-reg-0');
  await page.check('#s-ke-1');
  await submit(page, 'form[action$="/segment"] button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('.segment'), /Segment 2/);
  await accessible(page, 'outreach person');
  await screenshot(page, 'outreach-person');

  // The handover without the person's consent is refused; with it, it goes.
  await fillHandover(page);
  await submit(page, 'form[action$="/handover"] button[type=submit]');
  assert.match(await page.textContent('.error'), /toestemming geven voor de overdracht/);
  await fillHandover(page);
  await page.check('#h-consent');
  await submit(page, 'form[action$="/handover"] button[type=submit]');
  await noErrors(page);
  assert.match(await page.textContent('.phase'), /Warme overdracht/);
  assert.match(await page.textContent('.outreach-log'), /Warme overdracht[\s\S]*Kinderopvang, Huisvesting/);
  await logout(page);

  // The coach finds the person on the referral list and picks them up.
  await login(page, app.base, 'coach');
  await page.goto(app.base + '/referrals');
  const card = page.locator('li.referral', { hasText: 'Zonneveld' });
  assert.match(await card.textContent(), /Toeleider \(outreach\)/);
  await Promise.all([page.waitForNavigation(), card.locator('button[type=submit]').click()]);
  await noErrors(page);
  await page.goto(page.url().replace(/\/selection$/, ''));
  await Promise.all([page.waitForNavigation(), page.click('.dossier-links >> text=Toeleidingsgeschiedenis')]);

  // Not shared yet: no trace of the outreach log.
  assert.match(await page.textContent('main'), /niet gedeeld/);
  assert.equal(await page.locator('.outreach-log').count(), 0);
  assert.doesNotMatch(await page.textContent('main'), /buurtvader/);
  await accessible(page, 'outreach history (not shared)');
  await submit(page, 'form[action$="/outreach/consent"] button[type=submit]');
  await noErrors(page);
  const log = await page.textContent('.outreach-log');
  assert.match(log, /buurtvader/);
  assert.match(log, /Segment 2/);
  assert.match(await page.textContent('main'), /Dagcentrum/);
  await accessible(page, 'outreach history (shared)');
  await screenshot(page, 'outreach-history');
  const dossier = page.url().replace(/\/outreach$/, '');

  // Two parallel tracks, each with its own worker, aligned in an MDO.
  await page.goto(dossier + '/tracks');
  for (const [kind, worker, aim] of [['work', 'An (VDAB)', 'Werk in een keuken'], ['welfare', 'Els (OCMW)', 'Kinderopvang en woning']]) {
    await page.selectOption('#tn-kind', kind);
    await page.fill('#tn-name', worker);
    await page.fill('#tn-aim', aim);
    await submit(page, 'form.track-new button[type=submit]');
    await noErrors(page);
  }
  assert.equal(await page.locator('article.track').count(), 2);
  await submit(page, 'form.consent-form button[type=submit]');
  await noErrors(page);
  await page.fill('#m-on', today);
  await submit(page, 'form.plan-form button[type=submit]');
  await noErrors(page);
  await accessible(page, 'tracks and MDO');
  await screenshot(page, 'tracks');
  await Promise.all([page.waitForNavigation(), page.click('ul.mdos a >> nth=0')]);
  const decisions = page.locator('textarea[name="d.text"]');
  assert.equal(await decisions.count(), 2, 'one decision row per active track');
  await decisions.nth(0).fill('Proefdag in de keuken van het dienstencentrum');
  await decisions.nth(1).fill('Aanvraag kinderopvang indienen');
  const inTwoWeeks = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
  for (const i of [0, 1]) await page.locator('input[name="d.due_on"]').nth(i).fill(inTwoWeeks);
  await submit(page, 'form.report-form button[type=submit]');
  await noErrors(page);
  const held = await page.textContent('main');
  assert.match(held, /Proefdag in de keuken[\s\S]*Aanvraag kinderopvang/);
  await accessible(page, 'MDO report');

  // A theme from this case goes to a group as the theme only.
  await page.goto(dossier + '/group-themes');
  const group = await page.inputValue('#p-group');
  await page.fill('#p-theme', 'Omgaan met wachtlijsten voor kinderopvang');
  await submit(page, 'form[action$="/group-themes"] button[type=submit]');
  await noErrors(page);
  await page.goto(app.base + '/groups/' + group);
  // The queue shows the theme, and nothing of the case it came from.
  const queue = await page.locator('section:has(#themes-h)').textContent();
  assert.match(queue, /Omgaan met wachtlijsten voor kinderopvang/);
  assert.doesNotMatch(queue, /Zonneveld|Samira|Zonnebloem|Demo-coach/);
  // The group worker takes it into a session.
  const mine = 'label:has-text("Omgaan met wachtlijsten voor kinderopvang") input[type=checkbox][name=theme_ids]';
  await page.check(mine);
  await page.fill('#s-report', 'Ervaringen gedeeld; de ervaringsdeskundige vertelde hoe zij het aanpakte.');
  await submit(page, `form[action="/groups/${group}/sessions"] button[type=submit]`);
  await noErrors(page);
  assert.equal(await page.locator(mine).count(), 0, 'the theme is taken up');
  assert.match(await page.locator('section:has(#sessions-h)').textContent(), /Omgaan met wachtlijsten voor kinderopvang/);
  await accessible(page, 'group');
  await screenshot(page, 'group');
  await logout(page);

  // The network coordinator sees counts, never a person.
  await login(page, app.base, 'coordinator');
  await page.goto(app.base + '/network');
  const main = await page.textContent('main');
  assert.match(main, /Buurtwerk/);
  assert.doesNotMatch(main, /Zonnebloem|Zonneveld/);
  await accessible(page, 'network');
  await screenshot(page, 'network');
  await page.fill('#n-from', '2026-06-01');
  await page.fill('#n-to', '2026-01-01');
  await submit(page, 'form[action="/network"] button[type=submit]');
  assert.match(await page.textContent('.error'), /vóór de begindatum/);
  await page.close();
});
