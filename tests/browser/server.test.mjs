// server.test.mjs: the real server on a loopback port, through plain fetch:
// the start page redirects, the sign-in page carries the security headers,
// signing in works (and a wrong password does not), and the dashboard
// answers a signed-in user. The server is stopped whatever happens.
//
//   node --test tests/browser/server.test.mjs     (after `make`)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LOGIN, PASSWORD, inputValue, setCookie, startServer } from './lib.mjs';

let srv;
let session; // "assure_session=..." once signed in

before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

/** fetch without following redirects. */
const get = (path, cookie) =>
  fetch(srv.base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** GET /login, then POST the form with the given password. */
async function signIn(password) {
  const form = await get('/login');
  const csrfCookie = setCookie(form, 'assure_login_csrf');
  const csrf = inputValue(await form.text(), 'csrf');
  assert.ok(csrfCookie, 'GET /login sets the assure_login_csrf cookie');
  assert.ok(csrf, 'the sign-in form has a csrf field');
  return fetch(srv.base + '/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `assure_login_csrf=${csrfCookie}` },
    body: new URLSearchParams({ login: LOGIN, password, csrf, next: '/dashboard' }).toString(),
  });
}

test('GET / redirects to the sign-in page', async () => {
  const res = await get('/');
  assert.ok([302, 303, 307].includes(res.status), `status ${res.status}`);
  assert.match(res.headers.get('location') ?? '', /^(http:\/\/127\.0\.0\.1:\d+)?\/login/);
});

test('GET /login is 200 with a Content-Security-Policy that allows no script', async () => {
  const res = await get('/login');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/, `CSP: ${csp}`);
  assert.doesNotMatch(csp, /script-src[^;]*(unsafe-inline|\*)/, `CSP: ${csp}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const html = await res.text();
  assert.match(html, /<form[^>]*method="post"/i);
  assert.match(html, /name="password"/);
});

test('the dashboard sends a visitor who is not signed in to /login', async () => {
  const res = await get('/dashboard');
  assert.ok([302, 303].includes(res.status), `status ${res.status}`);
  assert.match(res.headers.get('location') ?? '', /\/login\?next=%2Fdashboard/);
});

test('a wrong password gives no session', async () => {
  const res = await signIn('not-the-password');
  assert.equal(setCookie(res, 'assure_session'), undefined);
  assert.notEqual(res.headers.get('location'), '/dashboard');
});

test('signing in gives a session cookie and goes to the dashboard', async () => {
  const res = await signIn(PASSWORD);
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /\/dashboard$/);
  const value = setCookie(res, 'assure_session');
  assert.ok(value, `Set-Cookie: ${res.headers.getSetCookie().join(' | ')}`);
  const attrs = res.headers.getSetCookie().find((c) => c.startsWith('assure_session=')) ?? '';
  assert.match(attrs, /HttpOnly/i);
  assert.match(attrs, /SameSite=(Lax|Strict)/i);
  session = `assure_session=${value}`;
});

test('the dashboard is 200 for the signed-in user and shows a chart', async () => {
  assert.ok(session, 'signed in by the previous test');
  const res = await get('/dashboard', session);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<svg[^>]*class="chart"/);
  assert.match(html, /Open Government Licence/);
});
