// tls.certificate and tls.https-redirect against real HTTPS servers on
// loopback, serving certificates generated in the test.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { configFrom, of, runChecks } from '../helpers/run-checks.js';
import { HttpClient, type HttpRequest, type HttpResult } from '../../src/http/client.js';
import type { Exchanges } from '../../src/http/exchanges.js';
import { certificate } from '../../src/checks/tls/certificate.js';
import { httpsRedirect } from '../../src/checks/tls/https-redirect.js';
import { hsts } from '../../src/checks/headers/hsts.js';
import { cookieFlags } from '../../src/checks/cookies/flags.js';
import { reachable } from '../../src/checks/http/reachable.js';
import { testCertificates, type Issued } from './certs.js';
import { FAST_HTTP } from './surface-checks.js';

const certs = testCertificates();
const dir = mkdtempSync(join(tmpdir(), 'rg-tls-'));
const caPath = join(dir, 'ca.pem');
const selfSignedAsCa = join(dir, 'self.pem');
writeFileSync(caPath, certs.ca.cert);
writeFileSync(selfSignedAsCa, certs.selfSigned.cert);

const servers: TestServer[] = [];
async function serve(issued: Issued, headers: Record<string, string> = {}): Promise<TestServer> {
  const server = await startServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', ...headers });
      res.end('ok');
    },
    { tls: { cert: issued.cert, key: issued.key } },
  );
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function certificateFindings(server: TestServer, ca?: string) {
  const result = await runChecks([certificate], { target: { url: server.url, ...(ca ? { ca } : {}) }, config: FAST_HTTP });
  expect(result.requestsByCheck['tls.certificate']).toBe(1);
  return of(result, 'tls.certificate');
}

describe('tls.certificate', () => {
  it('passes a valid certificate from the configured CA, giving expiry and issuer', async () => {
    const [f] = await certificateFindings(await serve(certs.valid), caPath);
    expect(f).toMatchObject({ status: 'pass', severity: 'P0' });
    expect(f!.message).toMatch(/^Valid certificate for 127\.0\.0\.1: expires \d{4}-\d{2}-\d{2} \((364|365) days left\), issued by CN=readiness-gate test CA/);
    expect(f!.evidence).toContain('chain: trusted with the configured CA');
  });

  it('fails P1 when the certificate expires within 30 days', async () => {
    const findings = await certificateFindings(await serve(certs.expiringSoon), caPath);
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['fail', 'P1']]);
    expect(findings[0]!.message).toMatch(/^Certificate expires within 30 days: expires \d{4}-\d{2}-\d{2} \((19|20) days left\), issued by CN=readiness-gate test CA/);
  });

  it('fails P0 for an expired certificate', async () => {
    const findings = await certificateFindings(await serve(certs.expired), caPath);
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(findings[0]!.message).toMatch(/^Certificate expired on \d{4}-\d{2}-\d{2}: expires .* \((5|6) days ago\), issued by CN=readiness-gate test CA/);
  });

  it('fails P0 for a certificate issued to another host', async () => {
    const findings = await certificateFindings(await serve(certs.wrongHost), caPath);
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(findings[0]!.message).toMatch(/^Certificate not valid for 127\.0\.0\.1: IP: 127\.0\.0\.1 is not in the cert's list/);
    expect(findings[0]!.evidence).toContain('subjectAltName: DNS:wrong.example');
  });

  it('fails P0 for a self-signed certificate when no CA is configured, and passes it when it is the configured CA', async () => {
    const server = await serve(certs.selfSigned);
    const without = await certificateFindings(server);
    expect(without.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(without[0]!.message).toMatch(/^Certificate self-signed \(no CA is configured for this target\): expires/);
    const trusted = await certificateFindings(server, selfSignedAsCa);
    expect(trusted.map((f) => f.status)).toEqual(['pass']);
  });

  it('fails P0 when the chain does not verify (CA not configured)', async () => {
    const findings = await certificateFindings(await serve(certs.valid));
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(findings[0]!.message).toMatch(/^Certificate its chain does not verify \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
  });

  it('reports an error, not a crash, when the configured CA file is missing', async () => {
    const server = await serve(certs.valid);
    const result = await runChecks([certificate], { target: { url: server.url, ca: join(dir, 'missing.pem') }, config: FAST_HTTP });
    // It stops before the handshake.
    expect(result.requestsByCheck['tls.certificate']).toBeUndefined();
    expect(of(result, 'tls.certificate').map((f) => [f.status, f.message])).toEqual([
      ['error', `Cannot judge the certificate: the configured CA ${join(dir, 'missing.pem')} cannot be read (ENOENT).`],
    ]);
  });

  it('is skipped for a plain-HTTP target', async () => {
    const plain = await startServer((_req, res) => res.end('ok'));
    servers.push(plain);
    const result = await runChecks([certificate], { target: plain.url, config: FAST_HTTP });
    expect(of(result, 'tls.certificate').map((f) => f.status)).toEqual(['skip']);
  });
});

describe('headers.hsts over HTTPS', () => {
  it('passes a one-year max-age and fails a short one', async () => {
    const good = await serve(certs.valid, { 'strict-transport-security': 'max-age=31536000; includeSubDomains' });
    const bad = await serve(certs.valid, { 'strict-transport-security': 'max-age=3600' });
    const missing = await serve(certs.valid);
    const run = async (s: TestServer) => of(await runChecks([hsts], { target: s.url, config: FAST_HTTP }), 'headers.hsts').map((f) => [f.status, f.message]);
    expect(await run(good)).toEqual([['pass', 'Strict-Transport-Security max-age=31536000 (365 days), includeSubDomains set, preload not set.']]);
    expect(await run(bad)).toEqual([['fail', 'Strict-Transport-Security max-age=3600 (0 days) is below 15552000 (180 days).']]);
    expect(await run(missing)).toEqual([['fail', 'No Strict-Transport-Security header on an HTTPS page.']]);
  });

  it('judges the first of several Strict-Transport-Security headers, as browsers do (RFC 6797, section 8.1)', async () => {
    const twice = (values: string[]) =>
      startServer(
        (_req, res) => {
          res.setHeader('content-type', 'text/plain');
          res.setHeader('strict-transport-security', values);
          res.end('ok');
        },
        { tls: { cert: certs.valid.cert, key: certs.valid.key } },
      ).then((s) => (servers.push(s), s));
    const run = async (s: TestServer) => of(await runChecks([hsts], { target: s.url, config: FAST_HTTP }), 'headers.hsts').map((f) => [f.status, f.message]);
    // App and proxy both add it: not "unparsable", the first one counts.
    expect(await run(await twice(['max-age=31536000; includeSubDomains', 'max-age=31536000; includeSubDomains']))).toEqual([
      ['pass', 'Strict-Transport-Security max-age=31536000 (365 days), includeSubDomains set, preload not set (2 Strict-Transport-Security headers sent: browsers process only the first).'],
    ]);
    expect(await run(await twice(['max-age=300', 'max-age=31536000']))).toEqual([
      ['fail', 'Strict-Transport-Security max-age=300 (0 days) is below 15552000 (180 days) (2 Strict-Transport-Security headers sent: browsers process only the first).'],
    ]);
  });
});

describe('cookies.flags over HTTPS', () => {
  it('requires Secure on every cookie a page served over HTTPS sets', async () => {
    const server = await serve(certs.valid, { 'set-cookie': 'theme=dark; Path=/; SameSite=Lax' });
    const result = await runChecks([cookieFlags], { target: server.url, config: FAST_HTTP });
    expect(of(result, 'cookies.flags').map((f) => [f.status, f.severity, f.message])).toEqual([
      // A preference cookie: hygiene, P2 (a session cookie there is P1).
      ['fail', 'P2', 'Cookie theme: no Secure (it would also be sent over plain HTTP).'],
    ]);
  });
});

describe('tls.https-redirect on loopback (enabled with https-redirect: true)', () => {
  let secure: TestServer;
  let redirecting: TestServer;
  let plainOnly: TestServer;
  beforeAll(async () => {
    secure = await serve(certs.valid);
    redirecting = await startServer((req, res) => {
      res.writeHead(301, { location: `https://127.0.0.1:${secure.port}${req.url}` });
      res.end();
    });
    plainOnly = await startServer((_req, res) => res.end('served over http'));
    servers.push(redirecting, plainOnly);
  });

  const run = async (url: string, enabled?: boolean) => {
    const result = await runChecks([reachable, httpsRedirect], { target: { url, ...(enabled === undefined ? {} : { 'https-redirect': enabled }) }, config: FAST_HTTP });
    return of(result, 'tls.https-redirect').map((f) => [f.status, f.message]);
  };

  it('passes a 301 to HTTPS on the same host, reading the first hop of the base page', async () => {
    expect(await run(redirecting.url, true)).toEqual([[`pass`, `${redirecting.url} redirects 301 to https://127.0.0.1:${secure.port}/.`]]);
  });

  it('fails a plain-HTTP page that does not redirect', async () => {
    expect(await run(plainOnly.url, true)).toEqual([['fail', `${plainOnly.url} answers 200 over plain HTTP instead of redirecting to HTTPS.`]]);
  });

  it('is skipped for a loopback host unless enabled', async () => {
    expect(await run(plainOnly.url)).toEqual([
      ['skip', 'Not checked: 127.0.0.1 is a loopback or private host (set https-redirect: true on the target to check it).'],
    ]);
  });

  it('never sends the configured credentials in clear over plain HTTP when probing an https target', async () => {
    // An https target on the default port is probed at http://same-host/; a
    // recording stand-in for the exchanges shows what would be sent (no traffic).
    const target = configFrom({ targets: [{ url: 'https://app.example.invalid/', 'https-redirect': true, headers: { authorization: 'Bearer t0ken-value-0123456789' } }] }).targets[0]!;
    const sent: HttpRequest[] = [];
    const exchanges = {
      get: async (_key: string, request: HttpRequest): Promise<HttpResult> => {
        sent.push(request);
        return { ok: false, error: { url: request.url, method: 'GET', code: 'refused', message: 'connection refused' } };
      },
    } as unknown as Exchanges;
    const client = HttpClient.create({ connectTimeoutMs: 100, timeoutMs: 100, maxBodyBytes: 1024, maxRequests: 5, maxRedirects: 1 });
    const http = client.scoped('tls.https-redirect', target.headers);
    const findings = await httpsRedirect.run({ target, exchanges, http, config: configFrom(), signal: new AbortController().signal });
    await client.close();
    expect(findings.map((f) => f.status)).toEqual(['pass']);
    expect(sent.map((r) => [r.url, r.withoutTargetHeaders])).toEqual([['http://app.example.invalid/', true]]);
  });

  it('is skipped for an https target on a non-default port', async () => {
    expect(await run(secure.url, true)).toEqual([
      ['skip', `Not checked: ${secure.url} uses port ${secure.port}, so the plain-HTTP port is unknown (configure the http:// URL as a target to check it).`],
    ]);
  });
});
