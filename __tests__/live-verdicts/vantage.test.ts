// Issue 26, the vantage: a finding that may hold for local clients only is
// asked again from another address of this machine. The tests use the
// 127.0.0.2 loopback alias as that address (on Linux all of 127.0.0.0/8 is
// loopback), injected through http.local-vantage, so no packet leaves
// loopback: a server that serves /server-status to 127.0.0.1 only stands for
// Apache's `Require local`, and a server bound to 127.0.0.1 for a product's
// loopback default.

import { afterEach, describe, expect, it } from '@jest/globals';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { chooseVantage, vantageUrl, verdictOf } from '../../src/http/vantage.js';
import { of, runChecks } from '../helpers/run-checks.js';

const byId = (...ids: string[]) => ALL_CHECKS.filter((c) => ids.includes(c.id));
const ALIAS = { http: { 'local-vantage': '127.0.0.2' } };
const STATUS_PAGE = '<html><h1>Apache Server Status for localhost</h1><dl><dt>Server uptime: 2 days</dt><dt>Total accesses: 10</dt></dl>';

interface Served {
  url: string;
  /** Client address of every request, in order. */
  clients: string[];
  close(): Promise<void>;
}

const open: Served[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A server on `host` (127.0.0.1, or 0.0.0.0 for "every interface"), reached in the tests through 127.0.0.1. */
async function serve(host: string, handler: (client: string, url: string, res: ServerResponse) => void): Promise<Served> {
  const clients: string[] = [];
  const server = http.createServer((req, res) => {
    const client = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
    clients.push(client);
    handler(client, req.url ?? '/', res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const served: Served = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    clients,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(served);
  return served;
}

const html = (res: ServerResponse, status: number, body = '<!doctype html><title>app</title>'): void => {
  res.writeHead(status, { 'content-type': 'text/html' }).end(body);
};

/** Apache's `Require local`, by the client's address: the status page for 127.0.0.1, 403 for anyone else. */
const statusForLocalClients = (client: string, url: string, res: ServerResponse): void => {
  if (url === '/server-status') return client === '127.0.0.1' ? html(res, 200, STATUS_PAGE) : html(res, 403, '<title>403 Forbidden</title>');
  html(res, url === '/' ? 200 : 404);
};

/** JSON Server's home page and its open /db. */
const jsonServer = (_client: string, url: string, res: ServerResponse): void => {
  if (url === '/db') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"posts":[]}');
  html(res, url === '/' ? 200 : 404, '<!doctype html><title>JSON Server</title><a href="https://github.com/typicode/json-server">json-server</a>');
};

describe('the vantage repeats a loopback-only finding from another local address', () => {
  it('/server-status served to 127.0.0.1 only: refused from 127.0.0.2, so local clients only, P2 with the reason', async () => {
    const app = await serve('127.0.0.1', statusForLocalClients);
    const result = await runChecks(byId('disclosure.sensitive-paths'), { target: app.url, config: ALIAS });
    const [finding] = of(result, 'disclosure.sensitive-paths');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P2']);
    expect(finding!.message).toBe(
      "/server-status is served (200) to this loopback client: Apache mod_status page (client IPs, requested URLs). Local clients only: asked again from 127.0.0.2, a non-loopback address of this machine, it answered 403 without it (Apache's status.conf (Debian, Ubuntu, the httpd image) serves it with `Require local`), so P2.",
    );
    // One extra request, and only that one, came from the vantage.
    expect(app.clients.filter((c) => c === '127.0.0.2')).toHaveLength(1);
    expect(result.requestsByCheck['disclosure.sensitive-paths']).toBe(15);
  });

  it('/server-status served to everyone: answered from 127.0.0.2 too, so the public-exposure severity (P0)', async () => {
    const app = await serve('127.0.0.1', (_client, url, res) => (url === '/server-status' ? html(res, 200, STATUS_PAGE) : html(res, url === '/' ? 200 : 404)));
    const result = await runChecks(byId('disclosure.sensitive-paths'), { target: app.url, config: ALIAS });
    const [finding] = of(result, 'disclosure.sensitive-paths');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P0']);
    expect(finding!.message).toContain('Asked again from 127.0.0.2, a non-loopback address of this machine, it answers the same: not only local clients get it');
  });

  it('a product bound to 127.0.0.1 by default (JSON Server): the connection to 127.0.0.2 is refused, so P2', async () => {
    const app = await serve('127.0.0.1', jsonServer);
    const result = await runChecks(byId('auth.open-admin'), { target: app.url, config: ALIAS });
    const [finding] = of(result, 'auth.open-admin');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P2']);
    expect(finding!.message).toMatch(/^JSON Server's \/db answers 200 without credentials: .* Local clients only: asked again from 127\.0\.0\.2, .* it refused the connection to 127\.0\.0\.2 \(it listens on loopback only\)/);
  });

  it('the same product listening on every interface (0.0.0.0): it answers on 127.0.0.2 too, so P0', async () => {
    const app = await serve('0.0.0.0', jsonServer);
    const result = await runChecks(byId('auth.open-admin'), { target: app.url, config: ALIAS });
    const [finding] = of(result, 'auth.open-admin');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P0']);
    expect(app.clients).toContain('127.0.0.2');
  });

  it('with no other address (http.local-vantage: none) the finding says so and stays P1, with no extra request', async () => {
    const app = await serve('127.0.0.1', jsonServer);
    const result = await runChecks(byId('auth.open-admin'), { target: app.url, config: { http: { 'local-vantage': 'none' } } });
    const [finding] = of(result, 'auth.open-admin');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P1']);
    expect(finding!.message).toContain('this may hold for local clients only, and http.local-vantage is none, so P1 at most from this vantage');
    expect(app.clients.every((c) => c === '127.0.0.1')).toBe(true);
  });

  it('a configured address that is not this machine\'s is no answer: P1, saying why', async () => {
    const app = await serve('127.0.0.1', statusForLocalClients);
    // An address no interface of this machine has: the bind fails (EADDRNOTAVAIL) before any packet is sent.
    const result = await runChecks(byId('disclosure.sensitive-paths'), { target: app.url, config: { http: { 'local-vantage': '192.0.2.251' } } });
    const [finding] = of(result, 'disclosure.sensitive-paths');
    expect(finding!.severity).toBe('P1');
    expect(finding!.message).toMatch(/asked again from 192\.0\.2\.251, no answer could tell/);
  });
});

describe('choosing the vantage (pure)', () => {
  const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as never;

  it('the first non-internal address of the target\'s family, never link-local; none when there is none', () => {
    const interfaces = { lo: [iface('127.0.0.1', 'IPv4', true)], eth0: [iface('169.254.1.2', 'IPv4'), iface('fe80::1', 'IPv6'), iface('10.1.2.3', 'IPv4'), iface('fd00::5', 'IPv6')] };
    expect(chooseVantage(undefined, 'http://127.0.0.1:8080/', interfaces)).toEqual({ address: '10.1.2.3', source: 'detected' });
    expect(chooseVantage(undefined, 'http://[::1]:8080/', interfaces)).toEqual({ address: 'fd00::5', source: 'detected' });
    expect(chooseVantage(undefined, 'http://localhost:8080/', { lo: [iface('127.0.0.1', 'IPv4', true)] })).toEqual({ none: 'this machine has no IPv4 address outside loopback to ask from' });
    expect(chooseVantage('127.0.0.2', 'http://127.0.0.1/', interfaces)).toEqual({ address: '127.0.0.2', source: 'configured' });
    expect(chooseVantage('none', 'http://127.0.0.1/', interfaces)).toEqual({ none: 'http.local-vantage is none' });
  });

  it('client-address keeps the URL; listen-address moves it to the vantage, same port', () => {
    expect(vantageUrl('http://127.0.0.1:8080/db', 'client-address', '10.1.2.3')).toBe('http://127.0.0.1:8080/db');
    expect(vantageUrl('http://localhost:8080/db', 'listen-address', '10.1.2.3')).toBe('http://10.1.2.3:8080/db');
    expect(vantageUrl('http://[::1]:8080/db', 'listen-address', 'fd00::5')).toBe('http://[fd00::5]:8080/db');
  });

  it('a refused connection means loopback only for a bind address, but tells nothing about a client-address rule', () => {
    const refused = { ok: false as const, error: { url: 'http://10.1.2.3:8080/db', method: 'GET', code: 'refused' as const, message: 'connection refused by 10.1.2.3:8080' } };
    expect(verdictOf(refused, '10.1.2.3', 'listen-address', () => true).kind).toBe('local-only');
    expect(verdictOf(refused, '10.1.2.3', 'client-address', () => true).kind).toBe('unknown');
  });
});
