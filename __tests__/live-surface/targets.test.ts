// The whole surface battery against Express targets on loopback: hardened
// (helmet, cors allow-list, safe cookies) and with one flaw at a time. Every
// flawed target must fail exactly the checks its flaw concerns.

import { afterAll, describe, expect, it } from '@jest/globals';
import cors from 'cors';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { startApp, startServer, type TestServer } from '../helpers/server.js';
import { of, runChecks } from '../helpers/run-checks.js';
import type { AuditResult } from '../../src/engine/run.js';
import { FAST_HTTP, SURFACE_CHECKS, failingIds } from './surface-checks.js';
import { hardenedApp, targetFor, INDEX_HTML } from './apps.js';
import { testCertificates } from './certs.js';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function audit(app: Express, target: (url: string) => Record<string, unknown> = targetFor): Promise<AuditResult> {
  const server = await startApp(app);
  servers.push(server);
  return runChecks(SURFACE_CHECKS, { target: target(server.url), config: FAST_HTTP });
}

const statuses = (result: AuditResult, id: string) => of(result, id).map((f) => [f.status, f.severity, f.message]);

describe('a hardened Express app (helmet, cors allow-list, Secure/HttpOnly/SameSite cookies)', () => {
  it('has no failure at all, and the whole battery costs well under 50 requests', async () => {
    const result = await audit(hardenedApp());
    expect(failingIds(result)).toEqual([]);
    expect(result.findings.filter((f) => f.status === 'error')).toEqual([]);
    // base 1 + not-found 1 + CORS 6 (4 on the base page, 2 on /api/items) + TRACE 1 + malformed URL 1
    // + malformed JSON 1 + 14 sensitive paths + 6 metrics paths + wrong-typed parameters on /api/items 1
    // (disclosure.error-traces) = 32 (TLS checks skip on plain HTTP).
    expect(result.requests).toBe(32);
    expect(result.requestsByCheck).toEqual({
      collect: 2,
      'cors.policy': 6,
      'http.trace-method': 1,
      'disclosure.debug-mode': 2,
      'disclosure.sensitive-paths': 14,
      'disclosure.metrics-exposed': 6,
      'disclosure.error-traces': 1,
    });
    expect(statuses(result, 'cookies.flags')).toEqual([
      ['pass', 'P1', 'Cookie session is set with Secure, HttpOnly, SameSite=Lax.'],
      ['pass', 'P1', 'Cookie theme is set with Secure, SameSite=Lax.'],
    ]);
  });

  it('has no failure over HTTPS either (HSTS, certificate with the configured CA)', async () => {
    const certs = testCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'rg-ca-'));
    const caPath = join(dir, 'ca.pem');
    writeFileSync(caPath, certs.ca.cert);
    const server = await startServer(hardenedApp(), { tls: { cert: certs.valid.cert, key: certs.valid.key } });
    servers.push(server);
    const result = await runChecks(SURFACE_CHECKS, { target: targetFor(server.url, { ca: caPath }), config: FAST_HTTP });
    rmSync(dir, { recursive: true, force: true });
    expect(failingIds(result)).toEqual([]);
    expect(of(result, 'headers.hsts').map((f) => f.status)).toEqual(['pass']);
    expect(of(result, 'tls.certificate').map((f) => f.status)).toEqual(['pass']);
    expect(result.requestsByCheck['tls.certificate']).toBe(1);
  });
});

describe('flawed Express apps', () => {
  it('a bare Express app fails every header check, the cookie flags and the banner', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res.cookie('sessionid', 'c2Vzc2lvbi12YWx1ZS1zZWNyZXQ');
      res.send('<html><body>hello</body></html>');
    });
    const result = await audit(app, (url) => ({ url }));
    expect(failingIds(result)).toEqual([
      'cookies.flags',
      'disclosure.server-banner',
      'headers.content-type-options',
      'headers.cross-origin-isolation',
      'headers.csp',
      'headers.frame-options',
      'headers.permissions-policy',
      'headers.referrer-policy',
    ]);
    expect(statuses(result, 'cookies.flags')).toEqual([
      ['fail', 'P1', 'Cookie sessionid: no Secure on a session cookie (required whatever the scheme: behind a TLS proxy the app still sees HTTP); no HttpOnly on a session-like cookie (readable by any injected script); no SameSite.'],
    ]);
    expect(of(result, 'cookies.flags')[0]!.evidence).toContain('set-cookie: sessionid=c2Vz[redacted, 27 chars]; Path=/');
    expect(of(result, 'cookies.flags')[0]!.evidence).not.toContain('c2Vzc2lvbi12YWx1ZS1zZWNyZXQ');
    expect(statuses(result, 'disclosure.server-banner')).toEqual([['fail', 'P2', 'x-powered-by: Express names the framework or language.']]);
  });

  it('cors({ origin: true, credentials: true }) fails cors.policy P0 for the foreign and the null origin, GET and preflight: one finding per endpoint', async () => {
    const result = await audit(hardenedApp({ cors: cors({ origin: true, credentials: true }) }));
    expect(failingIds(result)).toEqual(['cors.policy']);
    expect(statuses(result, 'cors.policy').map(([s, sev, m]) => `${s} ${sev} ${m}`)).toEqual([
      'fail P0 CORS on /: the foreign origin https://evil.example is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses (GET and preflight); ' +
        'Origin: null is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses (GET and preflight).',
      'fail P0 CORS on /api/items: the foreign origin https://evil.example is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses (GET and preflight).',
    ]);
    const evidence = of(result, 'cors.policy')[0]!.evidence!;
    expect(evidence).toContain('origin: https://evil.example');
    expect(evidence).toContain('access-control-allow-origin: https://evil.example');
    expect(evidence).toContain('access-control-allow-credentials: true');
  });

  it('an origin reflected with credentials only on the preflight fails cors.policy P0 for the preflights only', async () => {
    const preflightOnly: RequestHandler = (req, res, next) => {
      if (req.method === 'OPTIONS' && req.headers.origin) {
        res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
        res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
        res.status(204).end();
        return;
      }
      next();
    };
    const result = await audit(hardenedApp({ cors: preflightOnly }));
    expect(failingIds(result)).toEqual(['cors.policy']);
    expect(of(result, 'cors.policy').map((f) => `${f.severity} ${f.message}`)).toEqual([
      'P0 CORS on /: the foreign origin https://evil.example is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses (preflight); ' +
        'Origin: null is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses (preflight).',
      'P0 preflight OPTIONS /api/items with Origin: https://evil.example: the foreign origin https://evil.example is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses.',
    ]);
  });

  it('Access-Control-Allow-Origin: * fails P1 on the configured API path only (its anonymous POST, not its GET that answers 401), and passes on a public-only target', async () => {
    const wildcard = cors({ origin: '*' });
    const result = await audit(hardenedApp({ cors: wildcard }));
    expect(failingIds(result)).toEqual(['cors.policy']);
    // Browsers send no credentials with `*`: a GET refused without them gives a foreign page nothing to read.
    expect(statuses(result, 'cors.policy')).toEqual([
      [
        'fail',
        'P1',
        'preflight OPTIONS /api/items with Origin: https://evil.example: Access-Control-Allow-Origin: * on an API or authenticated endpoint.',
      ],
    ]);
    const publicOnly = await audit(hardenedApp({ cors: wildcard }), (url) => ({ url }));
    expect(failingIds(publicOnly)).toEqual([]);
  });

  it('allowing Origin: null without credentials fails P1', async () => {
    const nullAllowed: RequestHandler = (req, res, next) => {
      if (req.headers.origin === 'null') res.setHeader('Access-Control-Allow-Origin', 'null');
      next();
    };
    const result = await audit(hardenedApp({ cors: nullAllowed }), (url) => ({ url }));
    expect(failingIds(result)).toEqual(['cors.policy']);
    expect(statuses(result, 'cors.policy')).toEqual([
      ['fail', 'P1', 'GET / with Origin: null: Origin: null is allowed (any sandboxed iframe can send it).'],
    ]);
  });

  it('a CSP with unsafe sources fails headers.csp once, listing each directive and source at fault, at P2 (defence in depth)', async () => {
    const result = await audit(hardenedApp({ csp: "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https: data:; frame-ancestors 'none'" }));
    expect(failingIds(result)).toEqual(['headers.csp']);
    expect(statuses(result, 'headers.csp')).toEqual([
      [
        'fail',
        'P2',
        "Content-Security-Policy has 5 weaknesses: (1) script-src allows 'unsafe-inline' without a nonce or hash, so injected inline scripts run; " +
          "(2) script-src allows 'unsafe-eval' (eval() and new Function() on attacker-controlled strings); " +
          '(3) script-src allows scripts from https:, i.e. from any host; (4) script-src allows scripts from data:, i.e. from data: URLs an attacker writes; ' +
          "(5) default-src 'self' allows plugins (<object>, <embed>): set object-src 'none'.",
      ],
    ]);
  });

  it("a CSP whose only weakness is a missing object-src 'none' is one P2 finding", async () => {
    const result = await audit(hardenedApp({ csp: "default-src 'self'; frame-ancestors 'none'" }));
    expect(statuses(result, 'headers.csp')).toEqual([
      ['fail', 'P2', "Content-Security-Policy has a weakness: default-src 'self' allows plugins (<object>, <embed>): set object-src 'none'."],
    ]);
  });

  it('a Report-Only CSP fails headers.csp (it blocks nothing) but frame-ancestors there does not count', async () => {
    const result = await audit(hardenedApp({ csp: null, cspReportOnly: "default-src 'self'; object-src 'none'; frame-ancestors 'none'" }));
    // X-Frame-Options: DENY from helmet still protects against framing.
    expect(failingIds(result)).toEqual(['headers.csp']);
    expect(statuses(result, 'headers.csp')).toEqual([
      ['fail', 'P2', 'Only Content-Security-Policy-Report-Only is sent: violations are reported but nothing is blocked.'],
    ]);
  });

  it("a nonce-based strict CSP with 'strict-dynamic' and fallbacks passes", async () => {
    const result = await audit(
      hardenedApp({ csp: "script-src 'nonce-r4nd0m' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'" }),
    );
    expect(failingIds(result)).toEqual([]);
    expect(of(result, 'headers.csp')[0]!.message).toMatch(/^Enforced CSP has no unsafe script source: script-src 'nonce-r4nd0m'/);
  });

  it('a single-page app that serves index.html for every path is a soft 404, but no sensitive file is reported', async () => {
    const result = await audit(hardenedApp({ spaCatchAll: true }));
    expect(failingIds(result)).toEqual(['errors.not-found']);
    expect(statuses(result, 'errors.not-found')).toEqual([
      ['fail', 'P2', 'An unknown path answers 200 (a soft 404: crawlers, monitors and clients cannot tell a missing page from a real one).'],
    ]);
    expect(of(result, 'disclosure.sensitive-paths').map((f) => f.status)).toEqual(['pass']);
    expect(of(result, 'disclosure.metrics-exposed').map((f) => f.status)).toEqual(['pass']);
  });

  it('an app in development mode leaks stack traces for unknown paths and bad JSON', async () => {
    const result = await audit(hardenedApp({ defaultErrorHandler: true, throwOnUnknown: true }));
    expect(failingIds(result)).toEqual(['disclosure.debug-mode', 'errors.not-found']);
    const debug = of(result, 'disclosure.debug-mode');
    expect(debug.map((f) => [f.severity, new URL(f.url!).pathname])).toEqual([
      ['P0', '/api/items'],
      ['P0', '/readiness-gate-probe-7f3c9e1d/%E0%A4%A'],
      ['P0', '/readiness-gate-probe-7f3c9e1d/does-not-exist'],
    ]);
    expect(debug[2]!.message).toMatch(/^GET \/readiness-gate-probe-7f3c9e1d\/does-not-exist answers 500 with a Node\.js stack trace: "at .*\.(js|ts):\d+:\d+\)?"\.$/);
    expect(debug[0]!.message).toMatch(/^POST \/api\/items answers 400 with a Node\.js stack trace/);
    expect(statuses(result, 'errors.not-found')[0]![2]).toBe('An unknown path answers 500: an unknown URL makes the server fail.');
  });

  it('an app that exposes secrets, metrics and version banners fails the disclosure checks', async () => {
    const app = hardenedApp({
      routes: (a) => {
        a.use((_req, res, next) => {
          res.setHeader('Server', 'nginx/1.22.1');
          next();
        });
        a.get('/.env', (_req, res) => res.type('text/plain').send('DATABASE_URL=postgres://app:hunter2hunter2@db/app\nSECRET_KEY=sk_live_abcdefghijklmnopqrstuvwx\nDEBUG=false\n')); // readiness-gate:allow-secret (test data)
        a.get('/.git/config', (_req, res) => res.type('text/plain').send('[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n'));
        a.get('/.git/HEAD', (_req, res) => res.type('text/plain').send('ref: refs/heads/main\n'));
        a.get('/metrics', (_req, res) =>
          res.type('text/plain').send('# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\nhttp_requests_total{code="200"} 1027\n'),
        );
        a.get('/actuator', (_req, res) => res.json({ _links: { self: { href: '/actuator' }, env: { href: '/actuator/env' }, heapdump: { href: '/actuator/heapdump' } } }));
      },
    });
    const result = await audit(app);
    expect(failingIds(result)).toEqual(['disclosure.metrics-exposed', 'disclosure.sensitive-paths', 'disclosure.server-banner']);
    expect(statuses(result, 'disclosure.sensitive-paths')).toEqual([
      ['fail', 'P0', '/.env is served (200): environment file with secrets.'],
      ['fail', 'P0', '/.git/config is served (200): Git repository configuration (the whole source history can be downloaded).'],
      ['fail', 'P0', '/.git/HEAD is served (200): Git HEAD (the whole source history can be downloaded).'],
    ]);
    const envEvidence = of(result, 'disclosure.sensitive-paths')[0]!.evidence!;
    expect(envEvidence).toContain('keys defined: DATABASE_URL, SECRET_KEY, DEBUG (values not quoted)');
    expect(envEvidence).not.toContain('hunter2');
    expect(statuses(result, 'disclosure.metrics-exposed')).toEqual([
      ['fail', 'P1', '/actuator serves Spring Boot actuator index (self, env, heapdump) without authentication (200).'],
      ['fail', 'P1', '/metrics serves Prometheus metrics without authentication (200).'],
    ]);
    expect(statuses(result, 'disclosure.server-banner')).toEqual([['fail', 'P2', 'server: nginx/1.22.1 gives the version nginx/1.22.1.']]);
  });
});

describe('INDEX_HTML fixture', () => {
  it('is what the SPA serves', () => {
    expect(INDEX_HTML).toContain('<div id="root">');
  });
});
