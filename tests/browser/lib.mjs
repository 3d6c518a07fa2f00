// lib.mjs: shared set-up for the node tests in tests/browser: a scratch
// folder, a demo database with a signed-up user, and the real server on a
// free loopback port; Debian's Chromium launched through playwright-core
// (which never downloads a browser of its own); axe-core run on a page.
// Used by every *.test.mjs here.
//
// Environment (tests/run-all.sh sets it): ASSURE_RELEASE (the binary the
// server runs, default build/assure), TMPDIR (scratch space).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ASSURE = resolve(ROOT, process.env.ASSURE_RELEASE || 'build/assure');
export const LOGIN = 'tester';
export const PASSWORD = 'password1234';

/** Runs the assure binary with args (and optional stdin text); throws with
 * its output when it exits non-zero. Returns its stdout. */
export function assure(args, input) {
  const r = spawnSync(ASSURE, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) {
    throw new Error(`assure ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  }
  return r.stdout;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Resolves once something accepts connections on port, or rejects after
 * ms milliseconds or when proc exits first. */
function waitForPort(port, proc, ms) {
  const deadline = Date.now() + ms;
  return new Promise((ok, fail) => {
    const attempt = () => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        fail(new Error(`the server exited (${proc.exitCode ?? proc.signalCode}) before listening`));
        return;
      }
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); ok(); });
      c.once('error', () => {
        c.destroy();
        if (Date.now() > deadline) fail(new Error(`nothing listens on 127.0.0.1:${port} after ${ms} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Creates a scratch folder with a demo database and the viewer `tester`,
 * starts `assure serve` on a free loopback port and returns
 * { base, dir, db, log(), stop() }. stop() ends the server and removes the
 * folder; call it in an after() hook so it runs whatever happened. */
export async function startServer() {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'assure-node-'));
  const db = join(dir, 'demo.db');
  let proc = null;
  let output = '';
  const stop = async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((ok) => proc.once('exit', ok));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    assure(['init', '--demo', '--db', db]);
    assure(['user', 'add', '--db', db, LOGIN, '--role', 'viewer'], `${PASSWORD}\n`);
    const port = await freePort();
    proc = spawn(ASSURE, ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (d) => { output += d; });
    proc.stderr.on('data', (d) => { output += d; });
    await waitForPort(port, proc, 15_000);
    return { base: `http://127.0.0.1:${port}`, dir, db, log: () => output, stop };
  } catch (e) {
    await stop();
    e.message += output ? `\nserver output:\n${output}` : '';
    throw e;
  }
}

/** The value of cookie `name` among a fetch Response's Set-Cookie headers,
 * or undefined. */
export function setCookie(res, name) {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';', 1)[0];
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1);
  }
  return undefined;
}

/** The value attribute of the first <input> named `name` in html. */
export function inputValue(html, name) {
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    if (m[0].includes(`name="${name}"`)) {
      const v = /value="([^"]*)"/.exec(m[0]);
      if (v) {
        return v[1].replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>').replaceAll('&amp;', '&');
      }
    }
  }
  return undefined;
}

/** Debian's Chromium; NO_CHROMIUM is false when it is there, else the reason
 * to skip (a test's `{ skip: NO_CHROMIUM }`). */
export const CHROMIUM = '/usr/bin/chromium';
export const NO_CHROMIUM = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (sh tools/deps.sh test installs it)`;

/** Launches headless Chromium (close it in an after() hook). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page in a browser context of its own (its own cookies), 1280x900,
 * 20 s timeouts; a console message about the Content-Security-Policy is
 * pushed onto cspViolations. */
export async function newPage(browser, cspViolations) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/** Injects axe-core into the page (by evaluate: the CSP forbids script
 * tags) and returns its violations, one line each naming the page: the
 * serious and critical ones, or with { all: true } every one, minor too. */
export async function axeViolations(page, { all = false } = {}) {
  const require = createRequire(import.meta.url);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => all || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${new URL(page.url()).pathname}: ${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
}
