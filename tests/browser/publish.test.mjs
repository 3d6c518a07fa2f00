// publish.test.mjs: the public site `assure publish` writes from the demo
// office, read in a real browser (Debian's /usr/bin/chromium, by
// playwright-core) from the files themselves:
//   every page is free of serious or critical axe-core violations; no page
//   carries a script (the site works without JavaScript); every link
//   between pages reaches a page that exists; published decision records
//   and minutes are there, and no OFFICIAL-SENSITIVE or draft record is.
// Skipped, and counted as skipped, only when /usr/bin/chromium is absent.
//
//   node --test tests/browser/publish.test.mjs  (after `make` and
//   `sh tests/npm-install.sh`)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { assure, axeViolations, launchChromium, newPage, NO_CHROMIUM } from './lib.mjs';

const skip = NO_CHROMIUM;
if (skip) console.log(`# SKIP publish browser tests: ${skip}`);

let dir;
let site;
let db;
let browser;
let page;

/** Every file under root, relative paths. */
function files(root) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

/** The serious and critical axe violations on the current page. */
const axeProblems = () => axeViolations(page);

before(async () => {
  dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'assure-publish-'));
  db = join(dir, 'demo.db');
  site = join(dir, 'site');
  assure(['init', '--demo', '--db', db]);
  assure(['publish', '--db', db, '-o', site]);
  if (skip) return;
  browser = await launchChromium();
  page = await newPage(browser, []);
});

after(async () => {
  if (browser) await browser.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the site holds the Plan, decisions, minutes, the calendar and the pack, with no script anywhere', () => {
  const all = files(site);
  for (const f of ['index.html', 'plan.html', 'pack.html', 'meetings.ics', 'decisions/index.html', 'meetings/index.html', 'style.css'])
    assert.ok(all.includes(f), `${f} is published (have: ${all.join(', ')})`);
  assert.ok(all.some((f) => /^decisions\/\d+\.html$/.test(f)), 'at least one decision record is published');
  assert.ok(all.some((f) => /^meetings\/\d+\.html$/.test(f)), 'at least one set of minutes is published');
  for (const f of all.filter((x) => x.endsWith('.html')))
    assert.doesNotMatch(readFileSync(join(site, f), 'utf8'), /<script/i, `${f} has no script`);
  const ics = readFileSync(join(site, 'meetings.ics'), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /BEGIN:VEVENT\r\nUID:meeting-\d+@assure\r\n/);
  assert.match(ics, /DTSTART:\d{8}T\d{6}Z\r\n/);
});

test('nothing sensitive or unpublished reaches the site', () => {
  const text = files(site).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(site, f), 'utf8')).join('\n');
  // every title the database holds on a draft or sensitive record
  const sql = "SELECT title FROM decision WHERE status <> 'published' OR marking <> 'OFFICIAL'"
    + " UNION SELECT title FROM plan_action WHERE marking <> 'OFFICIAL'"
    + " UNION SELECT subject FROM agenda_item WHERE marking <> 'OFFICIAL'"
    + " UNION SELECT request FROM follow_up WHERE marking <> 'OFFICIAL'";
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const hidden = r.stdout.split('\n').filter(Boolean);
  assert.ok(hidden.length > 0, 'the demo holds draft or sensitive records to keep back');
  for (const t of hidden) assert.ok(!text.includes(t), `"${t}" must not be published`);
});

test('every page passes axe-core and every link between pages resolves', { skip }, async () => {
  const problems = [];
  for (const f of files(site).filter((x) => x.endsWith('.html'))) {
    await page.goto(pathToFileURL(join(site, f)).href);
    for (const p of await axeProblems()) problems.push(`${f}: ${p}`);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs) {
      if (/^(https?:|mailto:|#)/.test(h)) continue;
      const target = resolve(dirname(join(site, f)), h.split('#')[0]);
      if (!existsSync(target)) problems.push(`${f}: link ${h} leads nowhere`);
    }
  }
  assert.deepEqual(problems, []);
});

test('published minutes read as lines and paragraphs, with no markup shown as text', { skip }, async () => {
  const minutes = files(site).filter((f) => /^meetings\/\d+\.html$/.test(f));
  assert.ok(minutes.length > 0);
  for (const f of minutes) {
    await page.goto(pathToFileURL(join(site, f)).href);
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /<\/?[a-z]+>|&[a-z]+;/, `${f} shows markup as text`);
    assert.match(text, /\nThe Commissioner was (not |partially )?assured\.\n/, `${f}: each sentence of the minutes on its own line`);
  }
});
