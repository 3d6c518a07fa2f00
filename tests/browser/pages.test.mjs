// pages.test.mjs: every page of the web application, in the real browser,
// as the demo administrator (who may open them all): each route
// `assure routes` lists is opened (with a record of the demo where it needs
// one), answers 200, has a main heading, breaks none of its own
// Content-Security-Policy, and axe-core finds no accessibility violation of
// any impact, with every <details> opened so the forms inside are checked
// too. A route missing from the list below fails the test, so a new page
// cannot skip the check.
// Skipped, and counted as skipped, only when /usr/bin/chromium is absent.
//
//   node --test tests/browser/pages.test.mjs  (after `make` and
//   `sh tests/npm-install.sh`)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assure, axeViolations, launchChromium, newPage, NO_CHROMIUM, startServer } from './lib.mjs';

const skip = NO_CHROMIUM;
if (skip) console.log(`# SKIP page sweep: ${skip}`);

// What to open for each route; null: not a page (sign-out is a form's
// POST, the stylesheet is not HTML, /decision/publish takes only POST).
const SAMPLES = {
  '/': null,
  '/account': ['/account'],
  '/audit': ['/audit', '/audit?table=plan_action&id=1'],
  '/board': ['/board'],
  '/board/conditions': ['/board/conditions'],
  '/board/letter': ['/board/letter?id=8'],
  '/board/meeting': ['/board/meeting?id=8', '/board/meeting?id=7'],
  '/board/paper': null,
  '/board/schedule': ['/board/schedule'],
  '/dashboard': ['/dashboard'],
  '/decision': ['/decision?n=230', '/decision?n=232'],
  '/decision/edit': ['/decision/edit', '/decision/edit?n=233'],
  '/decision/publish': null,
  '/decisions': ['/decisions'],
  '/forces': ['/forces'],
  '/imports': ['/imports'],
  '/liaison': ['/liaison'],
  '/liaison/paper': null,
  '/login': null,
  '/logout': null,
  '/measure': ['/measure?key=response.g1-urban'],
  '/measure/edit': ['/measure/edit?key=response.g1-urban', '/measure/edit'],
  '/measure/history': ['/measure/history?key=response.g1-urban'],
  '/measures': ['/measures'],
  '/pack': ['/pack'],
  '/plan': ['/plan'],
  '/plan/action': ['/plan/action?id=1'],
  '/plan/measures': ['/plan/measures?objective=1'],
  '/plan/new': ['/plan/new'],
  '/plan/part': ['/plan/part?plan=1'],
  '/plan/part/edit': ['/plan/part/edit?kind=objective&id=1', '/plan/part/edit?kind=deliverable&id=1'],
  '/plan/review': ['/plan/review?id=1'],
  '/static/': null,
  '/users': ['/users'],
};

let srv;
let browser;
let page;
const cspViolations = [];

before(async () => {
  if (skip) return;
  srv = await startServer();
  browser = await launchChromium();
  page = await newPage(browser, cspViolations);
  await page.goto(`${srv.base}/login`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password').fill('assure-demo-admin');
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the sweep covers every route the application has', () => {
  const routes = assure(['routes']).trim().split('\n').map((l) => l.split('\t')[0]).sort();
  assert.deepEqual(routes, Object.keys(SAMPLES).sort());
});

test('every page opens, has a heading, and no axe violation of any impact', { skip }, async () => {
  const problems = [];
  for (const target of Object.values(SAMPLES).flat().filter(Boolean)) {
    const res = await page.goto(`${srv.base}${target}`);
    if (res.status() !== 200) {
      problems.push(`${target}: status ${res.status()}`);
      continue;
    }
    if ((await page.locator('main h1').count()) !== 1) problems.push(`${target}: not exactly one h1 in main`);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    problems.push(...(await axeViolations(page, { all: true })).map((p) => p.replace(/^[^:]*: /, `${target}: `)));
  }
  assert.deepEqual(problems, []);
});

test('no page broke its Content-Security-Policy', { skip }, () => {
  assert.deepEqual(cspViolations, []);
});
