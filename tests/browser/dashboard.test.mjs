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
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LOGIN, PASSWORD, startServer } from './lib.mjs';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (sh tools/deps.sh test installs it)`;
if (skip) console.log(`# SKIP dashboard browser tests: ${skip}`);

let srv;
let browser;
let page;
const cspViolations = [];

/** Injects axe-core (by evaluate: the CSP forbids script tags) and returns
 * the serious and critical violations on the current page, one line each. */
async function axeProblems() {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
}

before(async () => {
  if (skip) return;
  const { chromium } = await import('playwright-core');
  srv = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
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
