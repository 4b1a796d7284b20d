// Issue 26: the live verdicts on real third-party applications (Node-RED, JSON Server, TiddlyWiki, Verdaccio from
// the npm registry; Syncthing, Adminer, DokuWiki from Debian) with their
// shipped defaults, on loopback. No failing P0 the rubric does not call a P0;
// an open admin API, a trace on malformed input and CORS on an API endpoint
// reported where present; request counts within the bounded battery.

import { afterEach, describe, expect, it } from '@jest/globals';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { AuditResult } from '../../src/engine/run.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { chooseVantage } from '../../src/http/vantage.js';
import { LOGIN_ATTEMPTS } from '../../src/checks/auth/login-throttling.js';
import { debianPhpAppInstalled, startDebianPhpApp, startJsonServer, startNodeRed, startSyncthing, startTiddlyWiki, startVerdaccio, syncthingInstalled, type RunningApp } from './apps.js';

// Every live check but the load test and the rate-limit burst (their own tests cover them; they would only add time).
const LIVE = ALL_CHECKS.filter((c) => c.kind === 'live' && c.id !== 'load.concurrency' && c.id !== 'ratelimit.enforced');
const CONFIG = { http: { 'timeout-ms': 5000 } };
// The apps bound to 127.0.0.1 by default are asked again on the 127.0.0.2 loopback alias (http/vantage.ts): the
// connection is refused there, as it would be on any other address, and no packet leaves loopback.
const ALIAS_VANTAGE = { http: { 'timeout-ms': 5000, 'local-vantage': '127.0.0.2' } };

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** What an app that sets no security header fails, besides its own findings. */
const NO_SECURITY_HEADERS = [
  'fail P2 headers.csp',
  'fail P2 headers.frame-options',
  'fail P2 headers.content-type-options',
  'fail P2 headers.cross-origin-isolation',
  'fail P2 headers.permissions-policy',
  'fail P2 headers.referrer-policy',
];

/** `status severity checkId` of every failing finding, sorted, once per check and severity. */
function failing(result: AuditResult): string[] {
  return [...new Set(result.findings.filter((f) => f.status === 'fail' || f.status === 'error').map((f) => `${f.status} ${f.severity} ${f.checkId}`))].sort();
}

function p0(result: AuditResult): string[] {
  return result.findings.filter((f) => (f.status === 'fail' || f.status === 'error') && f.severity === 'P0').map((f) => `${f.checkId}: ${f.message}`);
}

describe('real applications on loopback, shipped defaults', () => {
  it('Node-RED: its admin API answers without credentials (P0), traces on malformed JSON (P0), CORS * on it with POST allowed (P1); no health endpoint is a P2 gap', async () => {
    app = await startNodeRed();
    const result = await runChecks(LIVE, { target: app.url, config: CONFIG });
    expect(failing(result)).toEqual(['fail P0 auth.open-admin', 'fail P0 disclosure.error-traces', 'fail P1 cors.policy', ...NO_SECURITY_HEADERS, 'fail P2 health.endpoint'].sort());
    expect(of(result, 'auth.open-admin').map((f) => f.message)).toEqual([
      "Node-RED's /flows answers 200 without credentials: the deployed flows (readable, and replaced by a POST).",
      "Node-RED's /settings answers 200 without credentials: the runtime settings.",
    ]);
    // One body parser before every route: one finding for the trace, naming both endpoints.
    const traces = of(result, 'disclosure.error-traces').filter((f) => f.status === 'fail');
    expect(traces).toHaveLength(1);
    expect(traces[0]!.message).toMatch(/^POST \/flows with a malformed JSON body answers 400 with a Node\.js stack trace: .*body-parser.*; the same from POST \/settings with a malformed JSON body\.$/);
    expect(of(result, 'cors.policy').map((f) => f.message)).toEqual([
      'CORS on /flows: Access-Control-Allow-Origin: * on an API or authenticated endpoint (GET and preflight; the preflight allows GET,PUT,POST,DELETE, so a foreign page can also write there).',
      'CORS on /settings: Access-Control-Allow-Origin: * on an API or authenticated endpoint (GET and preflight; the preflight allows GET,PUT,POST,DELETE, so a foreign page can also write there).',
    ]);
    expect(of(result, 'health.endpoint')[0]!.message).toContain('Nothing in the deployment waits on one, so this is a gap (P2)');
    // No login (adminAuth is off), no default account: nothing to try.
    expect(of(result, 'auth.login-throttling').map((f) => f.status)).toEqual(['skip']);
    expect(result.requests).toBeLessThanOrEqual(60);
  });

  it('JSON Server: a reflected origin on its API (P1: it issues no credentials to steal), a trace on malformed JSON and its open database P2 once the vantage shows it listens on loopback only', async () => {
    app = await startJsonServer();
    const result = await runChecks(LIVE, { target: app.url, config: ALIAS_VANTAGE });
    expect(failing(result)).toEqual(
      ['fail P1 cors.policy', 'fail P2 disclosure.error-traces', 'fail P2 auth.open-admin', 'fail P2 disclosure.server-banner', ...NO_SECURITY_HEADERS, 'fail P2 health.endpoint'].sort(),
    );
    expect(of(result, 'auth.open-admin')[0]!.message).toContain(
      'Local clients only: asked again from 127.0.0.2, a non-loopback address of this machine, it refused the connection to 127.0.0.2 (it listens on loopback only) (by default JSON Server listens on localhost unless started with --host), so P2.',
    );
    expect(of(result, 'cors.policy').map((f) => [f.severity, f.message])).toEqual([
      [
        'P1',
        "CORS on /db: the foreign origin https://evil.example is allowed with Access-Control-Allow-Credentials: true on an API endpoint; the app showed no cookie or login, so a foreign page reads what the visitor's browser can reach (their network, localhost) (GET and preflight; the preflight allows GET,HEAD,PUT,PATCH,POST,DELETE, so a foreign page can also write there).",
      ],
    ]);
    expect(of(result, 'disclosure.error-traces')[0]!.message).toContain('Local clients only: asked again from 127.0.0.2');
    // X-Powered-By: Express names the framework; there is no version to give.
    expect(of(result, 'disclosure.server-banner').map((f) => f.message)).toEqual(['x-powered-by: Express names the framework or language.']);
    expect(result.requests).toBeLessThanOrEqual(60);
  });

  it('TiddlyWiki: a 2 MB home page read within the body cap; an anonymous writable wiki, local clients only (P2); no failing P0', async () => {
    app = await startTiddlyWiki();
    const result = await runChecks(LIVE, { target: app.url, config: ALIAS_VANTAGE });
    expect(p0(result)).toEqual([]);
    expect(of(result, 'auth.open-admin')[0]!.message).toMatch(/^TiddlyWiki's \/status answers 200 without credentials: an anonymous, writable wiki.* Local clients only: .* it refused the connection to 127\.0\.0\.2/);
    expect(failing(result)).toEqual(['fail P2 auth.open-admin', ...NO_SECURITY_HEADERS, 'fail P2 health.endpoint'].sort());
    expect(result.requests).toBeLessThanOrEqual(60);
  });

  it('Verdaccio: CORS * on its registry API, whose preflight allows writes (P1: anyone may sign up and publish by default); its documented health path answers; no failing P0', async () => {
    app = await startVerdaccio();
    const result = await runChecks(LIVE, { target: app.url, config: CONFIG });
    expect(p0(result)).toEqual([]);
    expect(failing(result)).toEqual(['fail P1 cors.policy', 'fail P2 headers.cross-origin-isolation', 'fail P2 headers.csp', 'fail P2 headers.permissions-policy', 'fail P2 headers.referrer-policy']);
    expect(of(result, 'cors.policy').map((f) => f.message)).toEqual([
      'CORS on /-/whoami: Access-Control-Allow-Origin: * on an API or authenticated endpoint (GET and preflight; the preflight allows GET,HEAD,PUT,PATCH,POST,DELETE, so a foreign page can also write there).',
    ]);
    expect(of(result, 'health.endpoint').map((f) => [f.status, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['pass', 'Liveness endpoint GET /-/ping (found among 13 paths (those Verdaccio documents)) answered 200 in N ms.'],
    ]);
    expect(result.requests).toBeLessThanOrEqual(60);
  });

  const syncthing = syncthingInstalled();
  (syncthing ? it : it.skip)('Syncthing (Debian package): its CSRF-Token cookie is not asked for HttpOnly, X-Syncthing-Version is a version, CORS * on an API that refuses anonymous calls passes; no failing P0', async () => {
    app = await startSyncthing();
    const result = await runChecks(LIVE, { target: app.url, config: ALIAS_VANTAGE });
    expect(p0(result)).toEqual([]);
    expect(failing(result)).toEqual([
      'fail P2 cookies.flags',
      'fail P2 disclosure.server-banner',
      'fail P2 headers.cross-origin-isolation',
      'fail P2 headers.csp',
      'fail P2 headers.permissions-policy',
      'fail P2 headers.referrer-policy',
      'fail P2 health.endpoint',
    ]);
    const [cookie] = of(result, 'cookies.flags');
    expect(cookie!.message).toMatch(/^CSRF-token cookie CSRF-Token-\w+: no Secure on a CSRF-token cookie .*; no SameSite\.$/);
    expect(cookie!.message).not.toContain('HttpOnly');
    expect(of(result, 'disclosure.server-banner')[0]!.message).toMatch(/^x-syncthing-version: v1\.\d+\.\d+\S* gives the version v1\./);
    // Its documented health path was tried (it answers 403 without the CSRF header in this version).
    expect(of(result, 'health.endpoint')[0]!.message).toContain('(those Syncthing documents)');
    expect(result.requests).toBeLessThanOrEqual(60);
  });
  if (!syncthing) {
    it('Syncthing test skipped: the Debian package syncthing is not installed (apt-get install syncthing; .ci/run does it best effort)', () => {
      expect(syncthing).toBe(false);
    });
  }

  const adminer = debianPhpAppInstalled('adminer');
  (adminer ? it : it.skip)('Adminer (Debian, Apache with mod_php): /server-status for local clients only is P2 from the vantage, never P0; its version banner; a Post/Redirect/Get login is not judged; no failing P0', async () => {
    app = await startDebianPhpApp('adminer');
    // The default vantage: this machine's first non-loopback address, as the source of a request to 127.0.0.1.
    const vantage = chooseVantage(undefined, app.url);
    const result = await runChecks(LIVE, { target: app.url, config: CONFIG });
    expect(p0(result)).toEqual([]);
    const statusPage = 'none' in vantage ? 'fail P1 disclosure.sensitive-paths' : 'fail P2 disclosure.sensitive-paths';
    expect(failing(result)).toEqual(
      ['fail P2 cookies.flags', statusPage, 'fail P2 disclosure.server-banner', 'fail P2 headers.cross-origin-isolation', 'fail P2 headers.permissions-policy', 'fail P2 health.endpoint'].sort(),
    );
    const [status] = of(result, 'disclosure.sensitive-paths');
    if ('none' in vantage) {
      console.warn(`Adminer: ${vantage.none}, so /server-status stays P1 (the vantage case is covered on 127.0.0.2 in __tests__/live-verdicts/vantage.test.ts)`);
      expect(status!.message).toContain(vantage.none);
    } else {
      // Apache's `Require local` refuses the same request from the machine's other address: 403.
      expect(status!.message).toContain(`Local clients only: asked again from ${vantage.address}, a non-loopback address of this machine, it answered 403 without it (Apache's status.conf`);
    }
    expect(of(result, 'disclosure.server-banner')[0]!.message).toMatch(/^server: Apache\/2\.4\.\d+ \(Debian\) gives the version Apache\/2\.4\.\d+\.$/);
    // Adminer refuses a wrong password on the page its 302 leads to (and locks out after 30 in 30 minutes).
    expect(of(result, 'auth.login-throttling').map((f) => [f.status, f.message])).toEqual([
      ['skip', expect.stringMatching(/^login POST \/adminer\/ \(the login form on \/adminer\/\) answered all 20 wrong passwords with a redirect \(302 to /)],
    ]);
    expect(result.requests).toBeLessThanOrEqual(62);
  });
  if (!adminer) {
    it('Adminer test skipped: the Debian packages apache2, libapache2-mod-php and adminer are not installed (.ci/run installs them best effort)', () => {
      expect(adminer).toBe(false);
    });
  }

  const dokuwiki = debianPhpAppInstalled('dokuwiki');
  (dokuwiki ? it : it.skip)("DokuWiki (Debian, Apache with mod_php): anyone can register, for local clients only as Debian's apache.conf serves it (P2 from the vantage); no failing P0", async () => {
    app = await startDebianPhpApp('dokuwiki');
    const vantage = chooseVantage(undefined, app.url);
    const localOnly = 'none' in vantage ? 'P1' : 'P2';
    const result = await runChecks(LIVE, { target: app.url, config: CONFIG });
    expect(p0(result)).toEqual([]);
    const [registration] = of(result, 'auth.open-registration');
    expect(registration!.message).toMatch(/^DokuWiki's sign-up is open to anyone: doku\.php\?do=register answers 200 and its register action shows the sign-up form\./);
    if ('none' in vantage) expect(registration!.message).toContain(vantage.none);
    else expect(registration!.message).toContain(`Local clients only: asked again from ${vantage.address}, a non-loopback address of this machine, it answered 403 without it (Debian's dokuwiki package serves it to local clients only`);
    expect(failing(result)).toEqual(
      [
        'fail P2 cookies.flags',
        `fail ${localOnly} auth.open-registration`,
        `fail ${localOnly} disclosure.sensitive-paths`,
        `fail ${localOnly} auth.login-throttling`,
        'fail P2 disclosure.server-banner',
        ...NO_SECURITY_HEADERS,
        'fail P2 health.endpoint',
      ].sort(),
    );
    // Its login is one click away (the "Log In" link, its text in a span beside an icon) and takes wrong passwords
    // without a limit (DokuWiki has no throttling of its own), for local clients only as Debian serves it.
    const [login] = of(result, 'auth.login-throttling');
    expect(login!.message).toMatch(/^login POST \/dokuwiki\/doku\.php\S* \(the login form on \S+, linked from the base page\) took 20 wrong passwords in a row/);
    if (!('none' in vantage)) expect(login!.message).toContain(`Local clients only: asked again from ${vantage.address}`);
    // Read-only: the sign-up form was read, never submitted.
    expect(result.requestsByCheck['auth.open-registration']).toBe('none' in vantage ? 1 : 2);
    // The login page's GET, the bounded wrong passwords and the vantage's one GET.
    expect(result.requestsByCheck['auth.login-throttling']).toBe(1 + LOGIN_ATTEMPTS + ('none' in vantage ? 0 : 1));
    expect(result.requests).toBeLessThanOrEqual(50 + LOGIN_ATTEMPTS);
  });
  if (!dokuwiki) {
    it('DokuWiki test skipped: the Debian packages apache2, libapache2-mod-php and dokuwiki are not installed (.ci/run installs them best effort)', () => {
      expect(dokuwiki).toBe(false);
    });
  }
});
