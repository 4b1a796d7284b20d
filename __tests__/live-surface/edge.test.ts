// Edge cases on raw node servers (each otherwise sends hardened headers, so
// only the edge case under test can fail): TRACE echo, a server that never
// answers, endless and trickling bodies, a redirect loop, connection refused,
// a framework debug page, a cookie set on a redirect.

import { afterAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { startServer, type TestServer } from '../helpers/server.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { HttpClient } from '../../src/http/client.js';
import type { AuditResult } from '../../src/engine/run.js';
import { FAST_HTTP, SURFACE_CHECKS, failingIds } from './surface-checks.js';
import { HARDENED_HEADERS } from './apps.js';
import { sensitivePaths } from '../../src/checks/disclosure/sensitive-paths.js';
import { metricsExposed } from '../../src/checks/disclosure/metrics-exposed.js';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/** A raw server: `route` handles what it wants (returns true); `/` is a hardened page, the rest 404. */
async function rawServer(route: Route = () => false): Promise<TestServer> {
  const server = await startServer((req, res) => {
    if (route(req, res)) return;
    res.writeHead(req.url === '/' ? 200 : 404, HARDENED_HEADERS);
    res.end(req.url === '/' ? '<!doctype html><title>ok</title>' : 'not found');
  });
  servers.push(server);
  return server;
}

const audit = (url: string, config: Record<string, unknown> = FAST_HTTP): Promise<AuditResult> =>
  runChecks(SURFACE_CHECKS, { target: url, config });
const clientFor = (overrides: Partial<Parameters<typeof HttpClient.create>[0]> = {}) =>
  HttpClient.create({ connectTimeoutMs: 1000, timeoutMs: 1500, maxBodyBytes: 1024 * 1024, maxRequests: 100, maxRedirects: 10, ...overrides });

describe('raw server edge cases', () => {
  it('a raw server with hardened headers passes every check', async () => {
    const result = await audit((await rawServer()).url);
    expect(failingIds(result)).toEqual([]);
  });

  it('TRACE echoed back fails http.trace-method only', async () => {
    const server = await rawServer((req, res) => {
      if (req.method !== 'TRACE') return false;
      const echo = [`TRACE ${req.url} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`)].join('\r\n');
      res.writeHead(200, { 'content-type': 'message/http' });
      res.end(echo);
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['http.trace-method']);
    const [finding] = of(result, 'http.trace-method');
    expect([finding!.severity, finding!.message]).toEqual(['P2', 'TRACE answers 200 and echoes the request back.']);
    expect(finding!.evidence).toContain('x-readiness-gate-trace: rg-trace-5d1e0c');
    expect(result.requestsByCheck['http.trace-method']).toBe(1);
  });

  it('a server that accepts the connection and never answers fails http.reachable, skips the rest, and the audit ends at the timeout', async () => {
    const server = await startServer(() => undefined);
    servers.push(server);
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['http.reachable']);
    expect(of(result, 'http.reachable').map((f) => [f.severity, f.message])).toEqual([['P0', `No HTTP response from ${server.url}: no response within 1500 ms.`]]);
    const others = result.findings.filter((f) => f.checkId !== 'http.reachable');
    expect(new Set(others.map((f) => f.status))).toEqual(new Set(['skip']));
    expect(others).toHaveLength(SURFACE_CHECKS.length - 1);
    expect(result.requests).toBe(1);
    // Bounded by the 1.5 s request timeout, not by the 60 s check timeout.
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('connection refused on a closed port fails http.reachable and skips the rest', async () => {
    const server = await rawServer();
    const url = server.url;
    await server.close();
    const result = await audit(url);
    expect(failingIds(result)).toEqual(['http.reachable']);
    expect(of(result, 'http.reachable')[0]!.message).toBe(`No HTTP response from ${url}: connection refused by ${new URL(url).host}.`);
  });

  it('an endless body is cut at the cap and the connection is closed, on the base page of a full audit', async () => {
    let open = 0;
    const server = await rawServer((req, res) => {
      if (req.url !== '/') return false;
      res.writeHead(200, HARDENED_HEADERS);
      open++;
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => open--);
      pump();
      return true;
    });
    const result = await audit(server.url, { http: { ...FAST_HTTP.http, 'max-body-bytes': 256 * 1024 } });
    expect(failingIds(result)).toEqual([]);
    expect(of(result, 'http.reachable').map((f) => f.status)).toEqual(['pass']);

    const client = clientFor({ maxBodyBytes: 64 * 1024 });
    const direct = await client.send({ url: server.url });
    await client.close();
    expect(direct.ok && [direct.response.bodyBytes, direct.response.truncated]).toEqual([64 * 1024, true]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open).toBe(0);
  });

  it('a body that trickles forever is ended by the total timeout and kept truncated', async () => {
    const server = await rawServer((req, res) => {
      if (req.url !== '/trickle') return false;
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(timer));
      return true;
    });
    const client = clientFor({ timeoutMs: 400 });
    const result = await client.send({ url: `${server.url}trickle` });
    await client.close();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.truncated).toBe(true);
    expect(result.response.bodyBytes).toBeGreaterThan(0);
    expect(result.response.bodyBytes).toBeLessThan(1024);
  });

  it('a redirect loop is reported by http.reachable and the page checks are skipped, not failed', async () => {
    const server = await rawServer((req, res) => {
      if (req.url !== '/' && req.url !== '/a') return false;
      res.writeHead(302, { ...HARDENED_HEADERS, location: req.url === '/' ? '/a' : '/' });
      res.end();
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual([]);
    expect(of(result, 'http.reachable')[0]!.message).toBe(
      `The target answers, but its redirects do not settle: redirect loop: ${server.url} was already visited after 2 hops.`,
    );
    for (const id of ['headers.csp', 'headers.frame-options', 'headers.content-type-options', 'headers.referrer-policy']) {
      expect(of(result, id).map((f) => [f.status, f.message])).toEqual([
        ['skip', `Not checked: the base page gave no response (redirect loop: ${server.url} was already visited after 2 hops).`],
      ]);
    }
  });

  it('a Django technical 404 page fails disclosure.debug-mode, quoting the tell-tale fragment', async () => {
    const server = await rawServer((req, res) => {
      if (req.url === '/') return false;
      res.writeHead(404, HARDENED_HEADERS);
      res.end(
        '<html><body><h1>Page not found <span>(404)</span></h1><p>Using the URLconf defined in <code>mysite.urls</code>, Django tried these URL patterns, in this order:</p><ol><li>admin/</li></ol>' +
          "<p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>",
      );
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['disclosure.debug-mode']);
    const findings = of(result, 'disclosure.debug-mode');
    expect(findings.map((f) => f.message)).toEqual([
      `GET /readiness-gate-probe-7f3c9e1d/%E0%A4%A answers 404 with a Django technical error page (DEBUG = True): "You're seeing this error because you have <code>DEBUG = True</code>".`,
      `GET /readiness-gate-probe-7f3c9e1d/does-not-exist answers 404 with a Django technical error page (DEBUG = True): "You're seeing this error because you have <code>DEBUG = True</code>".`,
    ]);
    expect(findings[0]!.evidence).toContain('Django tried these URL patterns');
  });

  it('a debug page echoing the request headers does not leak the configured credentials into evidence', async () => {
    const server = await rawServer((req, res) => {
      if (req.url === '/') return false;
      res.writeHead(500, { ...HARDENED_HEADERS, 'content-type': 'text/html' });
      // As Whoops / Ignition list the request headers next to the trace.
      res.end(
        `<h1>Whoops! There was an error.</h1><table><tr><td>authorization</td><td>${req.headers.authorization}</td></tr>` +
          `<tr><td>cookie</td><td>${req.headers.cookie}</td></tr><tr><td>x-tenant-key</td><td>${req.headers['x-tenant-key']}</td></tr></table>`,
      );
      return true;
    });
    const headers = { authorization: 'Bearer opaque0123456789abcdef', cookie: 'sid=cookievalue0123456789; theme=dark', 'x-tenant-key': 'tenant-secret-0123456789' };
    const result = await runChecks(SURFACE_CHECKS, { target: { url: server.url, headers }, config: FAST_HTTP });
    const findings = of(result, 'disclosure.debug-mode');
    expect(findings.map((f) => f.status)).toEqual(['fail', 'fail']);
    const evidence = findings.map((f) => f.evidence).join('\n');
    expect(evidence).toContain('Whoops! There was an error.');
    for (const secret of ['opaque0123456789abcdef', 'cookievalue0123456789', 'tenant-secret-0123456789']) expect(evidence).not.toContain(secret);
  });

  it('a Permissions-Policy written in Feature-Policy syntax fails headers.permissions-policy, naming the member', async () => {
    const server = await rawServer((req, res) => {
      if (req.url !== '/') return false;
      res.writeHead(200, { ...HARDENED_HEADERS, 'permissions-policy': "camera 'none'; microphone 'none'" });
      res.end('<!doctype html><title>ok</title>');
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['headers.permissions-policy']);
    expect(of(result, 'headers.permissions-policy').map((f) => f.message)).toEqual([
      `Permissions-Policy is not valid (at "camera 'none'; microphone 'none'"), so browsers ignore it; use the dictionary syntax, e.g. camera=(), not Feature-Policy's camera 'none'.`,
    ]);
  });

  it('a CSP delivered in a <meta> tag counts, but its frame-ancestors does not', async () => {
    const { 'content-security-policy': _csp, 'x-frame-options': _xfo, ...rest } = HARDENED_HEADERS;
    const server = await rawServer((req, res) => {
      if (req.url !== '/') return false;
      res.writeHead(200, rest);
      res.end(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; frame-ancestors 'none'"></head><body>ok</body></html>`);
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['headers.frame-options']);
    expect(of(result, 'headers.csp').map((f) => [f.status, f.message])).toEqual([
      ['pass', "Enforced CSP (from a <meta> tag) has no unsafe script source: default-src 'self'; object-src 'none'."],
    ]);
  });

  it('a session cookie set on a redirect hop is judged, with the hop as its URL', async () => {
    const server = await rawServer((req, res) => {
      if (req.url !== '/') return false;
      res.writeHead(302, { ...HARDENED_HEADERS, location: '/home', 'set-cookie': 'sid=s3cr3t-session-value-123; Path=/' });
      res.end();
      return true;
    });
    const result = await audit(server.url);
    expect(failingIds(result)).toEqual(['cookies.flags']);
    const [finding] = of(result, 'cookies.flags');
    expect([finding!.url, finding!.message]).toEqual([server.url, 'Cookie sid: no Secure on a session cookie (required whatever the scheme: behind a TLS proxy the app still sees HTTP); no HttpOnly on a session-like cookie (readable by any injected script); no SameSite.']);
    expect(finding!.evidence).toContain('(set by the redirect from');
    expect(finding!.evidence).not.toContain('s3cr3t-session-value-123');
  });
});

describe('limits and failures of our own', () => {
  it('a TLS handshake failure (plain HTTP behind an https:// URL) fails http.reachable', async () => {
    const server = await rawServer();
    const url = `https://127.0.0.1:${server.port}/`;
    const result = await audit(url);
    expect(failingIds(result)).toEqual(['http.reachable']);
    expect(of(result, 'http.reachable')[0]!.message).toMatch(new RegExp(`^No HTTP response from ${url.replace(/[./]/g, '\\$&')}: TLS handshake failed: `));
  });

  it('a budget that runs out part-way through the path probes gives an error, not a pass for paths never requested', async () => {
    const server = await rawServer();
    const result = await runChecks([sensitivePaths, metricsExposed], { target: server.url, config: { http: { ...FAST_HTTP.http, 'max-requests': 6 } } });
    expect(result.requests).toBe(6);
    expect(result.findings.filter((f) => f.status === 'pass').map((f) => f.checkId)).toEqual([]);
    for (const id of ['disclosure.sensitive-paths', 'disclosure.metrics-exposed']) {
      expect(of(result, id).map((f) => [f.status, f.message.startsWith('Incomplete: ')])).toEqual([['error', true]]);
    }
  });

  it('a spent request budget gives errors, never false failures or passes', async () => {
    const server = await rawServer();
    const result = await audit(server.url, { http: { ...FAST_HTTP.http, 'max-requests': 2 } });
    expect(result.requests).toBe(2);
    expect(failingIds(result)).toEqual([]);
    const errors = result.findings.filter((f) => f.status === 'error').map((f) => f.checkId).sort();
    // The base page and one more request get through; which one depends on timing.
    expect(errors).toEqual(expect.arrayContaining(['disclosure.debug-mode', 'disclosure.metrics-exposed', 'disclosure.sensitive-paths']));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const id of errors) expect(of(result, id).map((f) => f.message).join(' ')).toContain('request budget of 2 requests is spent');
  });
});
