// dashboard.test.mjs: a person signing in and reading the dashboard, in a
// real browser (Debian's /usr/bin/chromium driven by playwright-core, which
// never downloads a browser of its own) against the real server:
//   /dashboard sends them to /login; they sign in; they land on the
//   dashboard and see a line chart; the page breaks none of its own
//   Content-Security-Policy; axe-core finds no serious or critical
//   accessibility violation on the sign-in page or the dashboard.
// A screenshot of the dashboard is saved in $TMPDIR (or
// $ASSURE_SCREENSHOT_DIR when set). Skipped, and counted as skipped, only
// when /usr/bin/chromium is absent.
//
//   node --test tests/browser/dashboard.test.mjs  (after `make` and
//   `sh tests/npm-install.sh`)
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, launchChromium, LOGIN, newPage, NO_CHROMIUM, PASSWORD, startServer } from './lib.mjs';

const skip = NO_CHROMIUM;
if (skip) console.log(`# SKIP dashboard browser tests: ${skip}`);

let srv;
let browser;
let page;
const cspViolations = [];

/** The serious and critical axe violations on the current page. */
const axeProblems = () => axeViolations(page);

before(async () => {
  if (skip) return;
  srv = await startServer();
  browser = await launchChromium();
  page = await newPage(browser, cspViolations);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('opening /dashboard when signed out shows the sign-in page', { skip }, async () => {
  const res = await page.goto(`${srv.base}/dashboard`);
  assert.equal(res.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.ok(await page.locator('input[name="password"]').isVisible());
});

test('the sign-in page has no serious accessibility violation', { skip }, async () => {
  assert.deepEqual(await axeProblems(), []);
});

test('signing in lands on the dashboard with a line chart', { skip }, async () => {
  await page.fill('#login', LOGIN);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/dashboard'), page.click('button[type="submit"]')]);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  const chart = page.locator('svg.chart').first();
  await chart.waitFor({ state: 'visible' });
  const lines = page.locator('svg.chart path.series, svg.chart polyline.series');
  assert.ok(await lines.count() >= 1, 'at least one path.series or polyline.series in an svg.chart');
  assert.ok(await lines.first().isVisible(), 'the series is visible');
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 100 && box.height > 50, `chart box ${JSON.stringify(box)}`);
  const file = join(process.env.ASSURE_SCREENSHOT_DIR || process.env.TMPDIR || tmpdir(), 'dashboard.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`# screenshot: ${file}`);
});

test('the dashboard has no serious accessibility violation', { skip }, async () => {
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  assert.deepEqual(await axeProblems(), []);
});

test('the dashboard shows the Plan priorities with RAG ratings', { skip }, async () => {
  await page.goto(`${srv.base}/dashboard`);
  await page.getByRole('heading', { name: 'Against the Plan' }).waitFor();
  const caption = page.locator('table.perf caption', { hasText: 'Effective and efficient response' });
  assert.equal(await caption.count(), 1, 'a table for the response priority');
  const tags = page.locator('table.perf strong.tag');
  assert.ok(await tags.count() >= 5, 'RAG tags beside the measures with targets');
});

test('a measure page charts the month, the rolling 12 months and the target', { skip }, async () => {
  await page.click('a:has-text("Grade 1 urban response")');
  await page.waitForURL('**/measure?key=response.g1-urban**');
  const chart = page.locator('svg.chart').first();
  await chart.waitFor({ state: 'visible' });
  assert.equal(await chart.locator('.target').count() >= 1, true, 'a target line');
  assert.ok(await chart.locator('.series-2').count() >= 1, 'a rolling 12-month line');
  assert.match(await page.locator('dl.figures').innerText(), /00:\d\d:\d\d/, 'durations shown as h:mm:ss');
  assert.ok(await page.locator('table >> text=North Northamptonshire').count() >= 1, 'the local policing areas');
  const file = join(process.env.ASSURE_SCREENSHOT_DIR || process.env.TMPDIR || tmpdir(), 'measure.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`# screenshot: ${file}`);
  assert.deepEqual(await axeProblems(), []);
});

test('no page broke its Content-Security-Policy', { skip }, async () => {
  assert.deepEqual(cspViolations, []);
});
