// The HTTP client behaviours the surface checks rely on: redirects followed by
// hand (credentials kept on their host, 303/POST turned into GET, cookies of
// each hop kept), exchanges shared and counted per owner, TLS handshakes
// counted against the same budget.

import { afterAll, describe, expect, it } from '@jest/globals';
import { startServer, type TestServer } from '../helpers/server.js';
import { HttpClient } from '../../src/http/client.js';
import { Exchanges } from '../../src/http/exchanges.js';
import { testCertificates } from './certs.js';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

const options = { connectTimeoutMs: 1000, timeoutMs: 1500, maxBodyBytes: 1024 * 1024, maxRequests: 100, maxRedirects: 10 };

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

describe('HttpClient redirects', () => {
  it('never forwards configured or credential headers to another host, and records the hop', async () => {
    const other = await serve((_req, res) => res.end('other'));
    const first = await serve((_req, res) => {
      res.writeHead(302, { location: other.url, 'set-cookie': 'sid=abc; HttpOnly' });
      res.end();
    });
    const client = HttpClient.create(options).scoped('test', { authorization: 'Bearer s3cr3t-token-value', 'x-tenant': 'acme' });
    const result = await client.send({ url: first.url, followRedirects: true, headers: { cookie: 'a=b' } });
    await client.close();
    expect(result.ok && result.response.redirects).toEqual([{ url: first.url, status: 302, location: other.url, crossHost: true, setCookies: ['sid=abc; HttpOnly'] }]);
    expect(first.requests[0]!.headers.authorization).toBe('Bearer s3cr3t-token-value');
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
    expect(other.requests[0]!.headers['x-tenant']).toBeUndefined();
    expect(other.requests[0]!.headers.cookie).toBeUndefined();
  });

  it('follows a 303 (and a 302 after POST) with a GET without body', async () => {
    const bodies: string[] = [];
    const server = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(`${req.method} ${req.url} ${body}`);
        if (req.url === '/login') res.writeHead(302, { location: '/home' }).end();
        else if (req.url === '/form') res.writeHead(303, { location: '/done' }).end();
        else res.end('ok');
      });
    });
    const client = HttpClient.create(options);
    await client.send({ url: `${server.url}login`, method: 'POST', body: 'user=a', headers: { 'content-type': 'application/x-www-form-urlencoded' }, followRedirects: true });
    await client.send({ url: `${server.url}form`, method: 'PUT', body: 'x', followRedirects: true });
    await client.close();
    expect(bodies).toEqual(['POST /login user=a', 'GET /home ', 'PUT /form x', 'GET /done ']);
    expect(server.requests.find((r) => r.url === '/home')!.headers['content-type']).toBeUndefined();
  });

  it('reports a redirect loop as an error value', async () => {
    const server = await serve((req, res) => res.writeHead(302, { location: req.url === '/' ? '/a' : '/' }).end());
    const client = HttpClient.create(options);
    const result = await client.send({ url: server.url, followRedirects: true });
    await client.close();
    expect(!result.ok && [result.error.code, result.error.message]).toEqual(['redirect-loop', `redirect loop: ${server.url} was already visited after 2 hops`]);
  });
});

describe('Exchanges and the budget', () => {
  it('sends a shared exchange once and counts it under its owner', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const client = HttpClient.create(options);
    const exchanges = new Exchanges(server.url, client.scoped('collect', {}));
    const [a, b] = await Promise.all([
      exchanges.get('probe', { url: exchanges.url('/x') }, { owner: 'some.check' }),
      exchanges.get('probe', { url: exchanges.url('/x') }, { owner: 'other.check' }),
    ]);
    await exchanges.base();
    expect(a).toBe(b);
    expect(server.requests.map((r) => r.url)).toEqual(['/x', '/']);
    expect(Object.fromEntries(client.requestsByOwner)).toEqual({ 'some.check': 1, collect: 1 });
    await client.close();
  });

  it('counts a TLS handshake as a request, and refuses it when the budget is spent', async () => {
    const { valid } = testCertificates();
    const server = await startServer((_req, res) => res.end('ok'), { tls: { cert: valid.cert, key: valid.key } });
    servers.push(server);
    const client = HttpClient.create({ ...options, maxRequests: 1 });
    const first = await client.scoped('tls.certificate', {}).peerCertificate(server.url);
    const second = await client.scoped('tls.certificate', {}).peerCertificate(server.url);
    await client.close();
    expect(first.ok && [first.certificate.subject, first.certificate.chainTrusted, first.certificate.chainError]).toEqual([
      'CN=127.0.0.1, O=readiness-gate tests',
      false,
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    ]);
    expect(!second.ok && second.error.code).toBe('budget');
    expect(client.requestsSent).toBe(1);
  });

  it('takeRequest() counts traffic sent outside send() under the owner, and refuses once the budget is spent or the check cancelled', async () => {
    const client = HttpClient.create({ ...options, maxRequests: 3 });
    const load = client.scoped('load.concurrency', {});
    const cancelled = new AbortController();
    cancelled.abort();
    expect(client.scoped('other', {}, cancelled.signal).takeRequest()).toBe(false);
    expect([load.takeRequest(), load.takeRequest(), load.takeRequest(), load.takeRequest()]).toEqual([true, true, true, false]);
    expect(Object.fromEntries(client.requestsByOwner)).toEqual({ 'load.concurrency': 3 });
    await client.close();
  });

  it('gives a refused TLS connection as an error value', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const url = `https://127.0.0.1:${server.port}/`;
    await server.close();
    const client = HttpClient.create(options);
    const result = await client.peerCertificate(url);
    await client.close();
    expect(!result.ok && result.error.code).toBe('refused');
  });
});
