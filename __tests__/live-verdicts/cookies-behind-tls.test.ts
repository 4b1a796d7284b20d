// cookies.flags over plain HTTP: an app that sets Secure itself once its TLS
// proxy says the request came over HTTPS (X-Forwarded-Proto) is not asked for
// it on the plain-HTTP probe, and SameSite alone missing is P2; a Secure never
// added is P2 over plain HTTP (the app may add it when it serves HTTPS) and P1
// on HTTPS.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { serversClosedAfterEach, startServer } from '../helpers/server.js';
import { testCertificates } from '../live-surface/certs.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const start = serversClosedAfterEach(afterEach);
const cookies = ALL_CHECKS.filter((c) => c.id === 'cookies.flags');

const page = (secureBehindProxy: boolean, extra = '') => (req: IncomingMessage, res: ServerResponse): void => {
  const https = req.headers['x-forwarded-proto'] === 'https';
  const secure = secureBehindProxy && https ? '; secure' : '';
  res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `PHPSESSID=k3j2h1; path=/; HttpOnly${extra}${secure}` }).end('<!doctype html><title>app</title>');
};

describe('cookies.flags behind a TLS proxy', () => {
  it('takes Secure as set when the app adds it under X-Forwarded-Proto: https, and puts SameSite alone at P2', async () => {
    const server = await start(page(true));
    const result = await runChecks(cookies, { target: server.url });
    const [finding] = of(result, 'cookies.flags');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P2']);
    expect(finding!.message).toMatch(/PHPSESSID: no SameSite \(Secure is left out over plain HTTP only: the app sets it when told the request came over HTTPS/);
    expect(server.requests.filter((r) => r.headers['x-forwarded-proto'] === 'https')).toHaveLength(1);
  });

  it('over plain HTTP, puts a session cookie the app never marks Secure at P2 saying why (Adminer adds Secure when it serves HTTPS itself); on HTTPS it is P1; a missing HttpOnly stays P1 on any scheme', async () => {
    const never = await start(page(false));
    const [plain] = of(await runChecks(cookies, { target: never.url }), 'cookies.flags');
    expect([plain!.status, plain!.severity]).toEqual(['fail', 'P2']);
    expect(plain!.message).toMatch(/no Secure on a session cookie .*P2 over plain HTTP: the app did not add Secure for X-Forwarded-Proto: https/);
    // The twin on HTTPS: the cookie came over TLS without Secure, which is what the app does in production.
    const certs = testCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'rg-cookie-tls-'));
    writeFileSync(join(dir, 'ca.pem'), certs.ca.cert);
    const tls = await startServer(page(false), { tls: { cert: certs.valid.cert, key: certs.valid.key } });
    try {
      const [overTls] = of(await runChecks(cookies, { target: { url: tls.url, ca: join(dir, 'ca.pem') } }), 'cookies.flags');
      expect([overTls!.status, overTls!.severity]).toEqual(['fail', 'P1']);
      expect(overTls!.message).toMatch(/no Secure \(it would also be sent over plain HTTP\)/);
    } finally {
      await tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // No HttpOnly on a session cookie is judged the same on plain HTTP: any injected script reads it.
    const readable = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'PHPSESSID=k3j2h1; path=/; SameSite=Lax' }).end('<!doctype html><title>app</title>');
    });
    const [noHttpOnly] = of(await runChecks(cookies, { target: readable.url }), 'cookies.flags');
    expect([noHttpOnly!.status, noHttpOnly!.severity]).toEqual(['fail', 'P1']);
    const complete = await start(page(true, '; SameSite=Lax'));
    expect(of(await runChecks(cookies, { target: complete.url }), 'cookies.flags').map((f) => f.status)).toEqual(['pass']);
  });
});
