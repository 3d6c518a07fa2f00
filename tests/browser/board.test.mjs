// board.test.mjs: the Accountability Board from agenda setting to published
// minutes, clicked through the real pages in a real browser (Debian's
// /usr/bin/chromium driven by playwright-core) against the real server:
//   an officer signs in, adds a meeting on /board, adds an item typed by
//   hand (questions, form, lead, paper due), an OFFICIAL-SENSITIVE item and
//   one for the office only, takes an off-target measure offered as a
//   candidate, sets the agenda and reads the letter to the Chief Constable;
//   the force liaison, signed in in a separate browser context, sees only
//   the items addressed to the force, answers one and uploads a PDF paper;
//   the officer records a verdict per item with a note and a follow-up,
//   drafts and saves the minutes; the Commissioner approves and publishes
//   them; `assure publish` writes the public site, where the minutes show
//   the verdicts and nothing OFFICIAL-SENSITIVE; the follow-up is offered
//   at the next meeting. axe-core finds no violation (of any impact) on any
//   staff page visited, with its <details> forms open, or on the published
//   minutes.
// Skipped, and counted as skipped, only when /usr/bin/chromium is absent.
//
//   node --test tests/browser/board.test.mjs  (after `make` and
//   `sh tests/npm-install.sh`)
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { assure, axeViolations, launchChromium, newPage, NO_CHROMIUM, startServer } from './lib.mjs';

const skip = NO_CHROMIUM;
if (skip) console.log(`# SKIP board browser tests: ${skip}`);

const OFFICER = ['off', 'officer-pass-123'];
const CHAIR = ['chair', 'commissioner-pass-1'];
const LIAISON = ['liaison', 'assure-demo-liaison']; // the demo's force liaison

const HAND = 'Stop and search: use and outcomes';
const QUESTIONS = ['How many searches found what was looked for?', 'Is there disproportionality by ethnicity?'];
const SECRET = 'Covert tasking review';
const OFFICE = 'Office briefing on the precept';
const MEASURE = 'Grade 1 urban response';
const FOLLOW = 'Search find rates by area';

let srv;
let browser;
let officer; // pages, one browser context each
let liaison;
let chair;
let meetingUrl; // /board/meeting?id=N of the meeting the test creates
const cspViolations = [];

/** Every axe violation on the page, minor too (the board's pages have none;
 * the other tests keep to serious and critical). */
const axeProblems = (page) => axeViolations(page, { all: true });

/** Opens every <details> on the page, so axe checks the forms inside. */
async function openDetails(page) {
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
}

/** A page in a new browser context of its own (its own cookies). */
const openPage = () => newPage(browser, cspViolations);

/** Signs in through the form on the page /login sent us to. */
async function signIn(page, [login, password]) {
  assert.equal(new URL(page.url()).pathname, '/login', 'signed out, the page is the sign-in form');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Clicks a button that submits a form and waits for the page it leads to. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

/** An agenda item's card on the meeting page, by its subject. */
const itemCard = (page, subject) => page.locator('section.summary-card', { has: page.locator('h3', { hasText: subject }) });

/** A small, well-formed PDF (one page saying text), built byte by byte. */
function pdf(text) {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

before(async () => {
  if (skip) return;
  srv = await startServer();
  assure(['user', 'add', '--db', srv.db, OFFICER[0], '--role', 'officer'], `${OFFICER[1]}\n`);
  assure(['user', 'add', '--db', srv.db, CHAIR[0], '--role', 'commissioner'], `${CHAIR[1]}\n`);
  browser = await launchChromium();
  officer = await openPage();
  liaison = await openPage();
  chair = await openPage();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('an officer signs in, adds a meeting on /board and lands on its page', { skip }, async () => {
  await officer.goto(`${srv.base}/board`);
  await signIn(officer, OFFICER);
  assert.equal(new URL(officer.url()).pathname, '/board', 'back on the page asked for');
  await officer.getByRole('heading', { name: 'Accountability Board', level: 1 }).waitFor();
  assert.deepEqual(await axeProblems(officer), []);
  const date = officer.getByLabel('Date (YYYY-MM-DD)');
  assert.equal(await date.inputValue(), '2026-05-12', 'the date offered is the cycle after the last meeting');
  await submit(officer, officer.getByRole('button', { name: 'Add the meeting' }));
  assert.equal(new URL(officer.url()).pathname, '/board/meeting');
  meetingUrl = officer.url();
  assert.equal(await officer.locator('h1').innerText(), 'Accountability Board, 12 May 2026 at 10:00');
  assert.match(await officer.locator('main').innerText(), /Status: planned/);
  assert.ok(await officer.getByText('The agenda has no items yet.').isVisible());
});

test('the officer adds items by hand and one candidate, and sets the agenda', { skip }, async () => {
  const add = officer.locator('form', { has: officer.locator('input[name="action"][value="add_item"]') });
  const addItem = async (fields) => {
    await add.getByLabel('Subject').fill(fields.subject);
    await add.getByLabel('The matter that needs a response').fill(fields.matter);
    await add.getByLabel('Questions').fill(fields.questions ?? '');
    await add.getByLabel('Form required').selectOption(fields.form);
    await add.getByLabel('Lead').fill(fields.lead ?? '');
    if (fields.due) await add.getByLabel('Paper due (YYYY-MM-DD)').fill(fields.due);
    await add.getByLabel('Protective marking').selectOption(fields.marking ?? 'OFFICIAL');
    await add.getByLabel('Addressed to the force').setChecked(fields.toForce);
    await submit(officer, add.getByRole('button', { name: 'Add to the agenda' }));
  };
  assert.equal(await add.getByLabel('Paper due (YYYY-MM-DD)').inputValue(), '2026-05-05', 'papers are due a week before by default');
  assert.ok(await add.getByLabel('Addressed to the force').isChecked(), 'items are addressed to the force by default');
  // a mistake is named and nothing is added
  await add.getByLabel('Subject').fill('');
  await add.getByLabel('The matter that needs a response').fill('x');
  await submit(officer, add.getByRole('button', { name: 'Add to the agenda' }));
  const summary = officer.locator('.error-summary');
  assert.match(await summary.innerText(), /Subject must be given/);
  assert.deepEqual(await axeProblems(officer), [], 'the page showing a mistake');
  await summary.getByRole('link').click();
  assert.equal(await officer.evaluate(() => document.activeElement?.id), 'subject', 'the error links to the field');
  assert.ok(await officer.getByText('The agenda has no items yet.').isVisible(), 'nothing was added');

  await addItem({ subject: HAND, matter: 'The use of stop and search and its outcomes.', questions: QUESTIONS.join('\n'),
    form: 'written', lead: 'ACC Local Policing', due: '2026-05-05', toForce: true });
  await addItem({ subject: SECRET, matter: 'Tasking of covert human intelligence sources.', questions: 'Is the authorisation regime working?',
    form: 'verbal', lead: 'Head of Intelligence', marking: 'OFFICIAL-SENSITIVE', toForce: true });
  await addItem({ subject: OFFICE, matter: 'The office explains the precept options.', form: 'verbal', toForce: false });

  const hand = itemCard(officer, HAND);
  const text = await hand.innerText();
  assert.match(text, /Form required\s+Written paper/);
  assert.match(text, /Lead\s+ACC Local Policing/);
  assert.match(text, /Paper due\s+5 May 2026/);
  assert.deepEqual(await hand.locator('ol li').allInnerTexts(), QUESTIONS, 'the questions are numbered');
  assert.ok(await itemCard(officer, SECRET).locator('.tag', { hasText: 'OFFICIAL-SENSITIVE' }).isVisible(), 'the sensitive item is tagged');
  assert.match(await itemCard(officer, OFFICE).innerText(), /Addressed to the force\s+No/);

  // a candidate: the off-target measure, with its drafted question
  const row = officer.locator('tr', { hasText: `${MEASURE}: median time to arrive` });
  assert.equal(await row.count(), 1, 'the off-target measure is offered');
  assert.match(await row.innerText(), /exception/);
  await submit(officer, row.getByRole('button', { name: 'Add to agenda' }));
  assert.match(await row.innerText(), /On the agenda/);
  const exc = officer.locator('section.summary-card', { hasText: 'bring it back within target' });
  assert.equal(await exc.count(), 1, 'the exception is an agenda item');
  assert.match(await exc.innerText(), /Origin\s+exception/);
  await openDetails(officer);
  assert.deepEqual(await axeProblems(officer), [], 'the meeting page with its agenda and editors');

  await submit(officer, officer.getByRole('button', { name: 'Set the agenda' }));
  assert.match(await officer.locator('main').innerText(), /Status: agenda set/);
});

test('the letter to the Chief Constable lists each matter for the force with its questions and form', { skip }, async () => {
  await Promise.all([officer.waitForURL('**/board/letter?id=*'),
    officer.getByRole('link', { name: 'The notification letter to the Chief Constable' }).click()]);
  const letter = officer.locator('article.letter');
  assert.match(await letter.innerText(), /To: the Chief Constable, Northamptonshire/);
  const matters = await letter.locator('h2').allInnerTexts();
  assert.equal(matters.length, 3, `three matters for the force (have ${matters.join(' | ')})`);
  assert.equal(matters[0], `1. ${HAND}`);
  assert.equal(matters[1], `2. ${SECRET} (OFFICIAL-SENSITIVE)`);
  assert.match(matters[2], new RegExp(`^3\\. ${MEASURE}`));
  assert.ok(!matters.some((m) => m.includes(OFFICE)), 'not the office\'s own item');
  const section = (i) => letter.locator('section.letter-item').nth(i);
  assert.deepEqual(await section(0).locator('ol li').allInnerTexts(), QUESTIONS);
  assert.match(await section(0).innerText(), /Form required\s+Written paper\s+Lead\s+ACC Local Policing\s+Paper due\s+5 May 2026/);
  assert.deepEqual(await section(1).locator('ol li').allInnerTexts(), ['Is the authorisation regime working?']);
  assert.match(await section(1).innerText(), /Form required\s+Verbal update at the meeting/);
  assert.match(await section(2).locator('ol li').first().innerText(), /what is the force doing to bring it back within target/);
  assert.deepEqual(await axeProblems(officer), []);
  await officer.goBack();
  await submit(officer, officer.getByRole('button', { name: 'Mark the force notified' }));
  assert.match(await officer.locator('main').innerText(), /Status: notified/);
  assert.equal(await officer.getByRole('heading', { name: 'Add an item' }).count(), 0, 'the agenda is closed once the force is notified');
});

test('the force liaison sees only the force\'s items, answers one and uploads a PDF paper', { skip }, async () => {
  await liaison.goto(`${srv.base}/`);
  await signIn(liaison, LIAISON);
  assert.equal(new URL(liaison.url()).pathname, '/liaison', 'the liaison lands on their page');
  const meeting = liaison.getByRole('heading', { name: 'Accountability Board, 12 May 2026 at 10:00 (notified)', level: 2 });
  await meeting.waitFor();
  const titles = await liaison.locator('h3.summary-card-title').allInnerTexts();
  assert.ok(titles.includes(HAND), `the hand-written item is shown (have ${titles.join(' | ')})`);
  assert.ok(titles.some((t) => t.startsWith(MEASURE)), 'and the exception');
  const body = await liaison.locator('main').innerText();
  assert.ok(!body.includes(SECRET), 'not the OFFICIAL-SENSITIVE item');
  assert.ok(!body.includes(OFFICE), 'not the item kept for the office');
  const card = itemCard(liaison, HAND);
  assert.deepEqual(await card.locator('ol li').allInnerTexts(), QUESTIONS);
  assert.match(await card.innerText(), /Form required: written paper\. Lead: ACC Local Policing\. Paper due: 5 May 2026\./);
  assert.deepEqual(await axeProblems(liaison), []);

  const file = join(srv.dir, 'stop-and-search.pdf');
  writeFileSync(file, pdf('Stop and search: 1,204 searches, find rate 31%'));
  await card.getByLabel('The force\'s answer').fill('The find rate was 31% in the year; the paper has the breakdown.');
  await card.getByLabel(/^Paper/).setInputFiles(file);
  await submit(liaison, card.getByRole('button', { name: 'Send the answer' }));
  assert.equal(new URL(liaison.url()).pathname, '/liaison');
  assert.equal(await liaison.locator('.error-summary').count(), 0, 'no error');
  const after = itemCard(liaison, HAND);
  const size = readFileSync(file).length.toLocaleString('en-GB');
  assert.match(await after.innerText(), new RegExp(`Paper: stop-and-search\\.pdf \\(${size} bytes, uploaded by liaison,`));
  assert.equal(await after.getByLabel('The force\'s answer').inputValue(), 'The find rate was 31% in the year; the paper has the breakdown.');
  const [download] = await Promise.all([liaison.waitForEvent('download'), after.getByRole('link', { name: 'stop-and-search.pdf', exact: true }).click()]);
  assert.deepEqual(readFileSync(await download.path()), readFileSync(file), 'the paper comes back as it was sent');

  // a file that is not what its name says is refused, naming the field
  const fake = join(srv.dir, 'fake.pdf');
  writeFileSync(fake, 'MZ not a pdf');
  const exc = liaison.locator('section.summary-card', { hasText: 'bring it back within target' });
  await exc.getByLabel('The force\'s answer').fill('A recovery plan is in place.');
  await exc.getByLabel(/^Paper/).setInputFiles(fake);
  await submit(liaison, exc.getByRole('button', { name: 'Send the answer' }));
  assert.match(await liaison.locator('.error-summary').innerText(), /is named \.pdf but is not a PDF document/);
  assert.deepEqual(await axeProblems(liaison), [], 'the page showing a refused paper');
  const again = liaison.locator('section.summary-card', { hasText: 'bring it back within target' });
  assert.equal(await again.getByLabel('The force\'s answer').inputValue(), 'A recovery plan is in place.', 'the answer typed is kept');
  await submit(liaison, again.getByRole('button', { name: 'Send the answer' }));
  assert.equal(await liaison.locator('.error-summary').count(), 0, 'the answer alone is taken');
});

test('at the meeting the officer records verdicts, a follow-up and drafts the minutes', { skip }, async () => {
  await officer.goto(meetingUrl);
  const hand = itemCard(officer, HAND);
  assert.match(await hand.locator('p.answer').innerText(), /find rate was 31%/, 'the force\'s answer is shown');
  assert.ok(await hand.getByRole('link', { name: 'stop-and-search.pdf', exact: true }).isVisible(), 'with its paper');
  await submit(officer, officer.getByRole('button', { name: 'Mark the meeting held' }));
  assert.match(await officer.locator('main').innerText(), /Status: held/);

  const verdict = async (subject, value, note) => {
    const card = itemCard(officer, subject);
    await card.locator('summary', { hasText: 'Record the verdict' }).click();
    await card.getByLabel('Verdict').selectOption(value);
    await card.getByLabel('Note of discussion').fill(note);
    await submit(officer, card.getByRole('button', { name: 'Record the verdict' }));
    assert.equal(await itemCard(officer, subject).locator('.tag', { hasText: value }).innerText(), value, `${subject}: ${value}`);
  };
  await verdict(HAND, 'not assured', 'The find rate is too low and the ethnicity figures were not broken down.');
  await verdict(SECRET, 'assured', 'The authorisations were reviewed in closed session.');
  await verdict(OFFICE, 'partially assured', 'Options to come back with the final settlement.');
  await verdict(MEASURE, 'partially assured', 'The recovery plan is credible; the trend is not yet down.');

  const card = itemCard(officer, HAND);
  await card.locator('summary', { hasText: 'Add a follow-up' }).click();
  await card.getByLabel('Request').fill(FOLLOW);
  await card.getByLabel('Owner').fill('ACC Local Policing');
  await card.getByLabel('Due (YYYY-MM-DD)').fill('2026-13-01');
  await submit(officer, card.getByRole('button', { name: 'Add the follow-up' }));
  assert.match(await officer.locator('.error-summary').innerText(), /Due must be a real date/);
  const retry = itemCard(officer, HAND);
  assert.equal(await retry.getByLabel('Request').inputValue(), FOLLOW, 'the refused follow-up is shown again to correct');
  await retry.getByLabel('Due (YYYY-MM-DD)').fill('2026-06-01');
  await submit(officer, retry.getByRole('button', { name: 'Add the follow-up' }));
  assert.match(await itemCard(officer, HAND).locator('li', { hasText: FOLLOW }).innerText(),
    new RegExp(`${FOLLOW} \\(ACC Local Policing, by 1 June 2026\\): open`));
  await openDetails(officer);
  assert.deepEqual(await axeProblems(officer), [], 'the meeting page with verdict and follow-up forms');

  await submit(officer, officer.getByRole('button', { name: 'Draft the minutes from the items' }));
  const minutes = officer.getByLabel('The minutes');
  const text = await minutes.inputValue();
  assert.match(text, /^Accountability Board, 12 May 2026 at 10:00/);
  assert.ok(text.includes(`1. ${HAND}`), 'the minutes name the item');
  assert.ok(text.includes('The force provided a written paper.'), 'and the paper');
  assert.ok(text.includes('The Commissioner was not assured.'), 'its verdict');
  assert.ok(text.includes(`Action: ${FOLLOW} (ACC Local Policing, by 1 June 2026).`), 'and the follow-up');
  assert.ok(!text.includes(SECRET) && !text.includes('closed session'), 'the minutes, to be published, leave out the sensitive item');
  assert.ok(text.includes('1 item marked OFFICIAL-SENSITIVE is left out of these minutes, which are published.'), 'saying so');
  const office = text.split('\n\n').find((b) => b.startsWith(`2. ${OFFICE}\n`));
  assert.ok(office, `the office's own item is minuted second (minutes:\n${text})`);
  assert.match(office, /The Commissioner was partially assured\./);
  assert.doesNotMatch(office, /The force provided/, 'the office\'s own item asked nothing of the force');
  await minutes.fill(`${text}Present: the Commissioner, the Chief Constable.\n`);
  await submit(officer, officer.getByRole('button', { name: 'Save the minutes' }));
  assert.match(await officer.getByLabel('The minutes').inputValue(), /Present: the Commissioner, the Chief Constable\./);
  assert.equal(await officer.getByRole('button', { name: 'Approve the minutes' }).count(), 0, 'an officer cannot approve them');
  assert.deepEqual(await axeProblems(officer), [], 'the meeting page with the minutes');
});

test('the Commissioner approves and publishes the minutes', { skip }, async () => {
  await chair.goto(meetingUrl);
  await signIn(chair, CHAIR);
  assert.equal(chair.url(), meetingUrl, 'back on the meeting');
  await submit(chair, chair.getByRole('button', { name: 'Approve the minutes' }));
  assert.match(await chair.locator('main').innerText(), /Status: minutes approved/);
  assert.equal(await chair.getByLabel('The minutes').count(), 0, 'approved minutes are no longer editable');
  await submit(chair, chair.getByRole('button', { name: 'Publish the minutes' }));
  assert.match(await chair.locator('main').innerText(), /Status: minutes published/);
  assert.match(await chair.locator('pre.minutes').innerText(), /Present: the Commissioner, the Chief Constable\./);
  assert.deepEqual(await axeProblems(chair), []);
});

test('the public site has the minutes with the verdicts and nothing OFFICIAL-SENSITIVE', { skip }, async () => {
  const site = join(srv.dir, 'site');
  assure(['publish', '--db', srv.db, '-o', site]);
  const page = chair;
  await page.goto(pathToFileURL(join(site, 'meetings', 'index.html')).href);
  const row = page.locator('tr', { hasText: '12 May 2026' });
  await Promise.all([page.waitForEvent('load'), row.getByRole('link', { name: 'Minutes' }).click()]);
  assert.equal(await page.locator('h1').innerText(), 'Minutes of 12 May 2026');
  const body = await page.locator('body').innerText();
  assert.ok(body.includes('Present: the Commissioner, the Chief Constable.'), 'the approved text');
  const verdicts = {};
  for (const card of await page.locator('section.card').all()) {
    const title = await card.locator('h3').innerText();
    verdicts[title.startsWith(MEASURE) ? MEASURE : title] = /Verdict: (.*)/.exec(await card.innerText())[1];
  }
  assert.deepEqual(verdicts, { [HAND]: 'not assured', [OFFICE]: 'partially assured', [MEASURE]: 'partially assured' });
  assert.match(await page.locator('section.card', { hasText: HAND }).innerText(),
    new RegExp(`${FOLLOW} \\(ACC Local Policing, by 1 June 2026; open\\)`));
  for (const secret of [SECRET, 'covert human intelligence', 'authorisation', 'closed session', 'Head of Intelligence'])
    assert.ok(!body.includes(secret), `"${secret}" must not be published`);
  assert.ok(body.includes('1 item marked OFFICIAL-SENSITIVE is left out of these minutes'), 'the minutes say an item is left out');
  assert.deepEqual(await axeProblems(page), []);
});

test('the follow-up is a candidate at the next meeting', { skip }, async () => {
  await officer.goto(`${srv.base}/board`);
  assert.match(await officer.locator('main').innerText(), /The next after the last one would be on 23 June 2026\./);
  await submit(officer, officer.getByRole('button', { name: 'Schedule the next meeting' }));
  assert.equal(await officer.locator('h1').innerText(), 'Accountability Board, 23 June 2026 at 10:00');
  const row = officer.locator('tr', { hasText: FOLLOW });
  assert.equal(await row.count(), 1, 'the follow-up is offered');
  assert.match(await row.innerText(), /follow-up/);
  assert.ok(await row.getByRole('button', { name: 'Add to agenda' }).isVisible());
  assert.ok(await row.getByRole('button', { name: 'Close the follow-up' }).isVisible());
  assert.deepEqual(await axeProblems(officer), []);
});

test('no page broke its Content-Security-Policy', { skip }, async () => {
  assert.deepEqual(cspViolations, []);
});
