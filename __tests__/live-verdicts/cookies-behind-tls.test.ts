// cookies.flags over plain HTTP: an app that sets Secure itself once its TLS
// proxy says the request came over HTTPS (X-Forwarded-Proto) is not asked for
// it on the plain-HTTP probe, and SameSite alone missing is P2.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { serversClosedAfterEach } from '../helpers/server.js';

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

  it('keeps P1 for a session cookie the app never marks Secure, and passes one that has every flag behind the proxy', async () => {
    const never = await start(page(false));
    const [finding] = of(await runChecks(cookies, { target: never.url }), 'cookies.flags');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P1']);
    expect(finding!.message).toMatch(/no Secure on a session cookie/);
    const complete = await start(page(true, '; SameSite=Lax'));
    expect(of(await runChecks(cookies, { target: complete.url }), 'cookies.flags').map((f) => f.status)).toEqual(['pass']);
  });
});
