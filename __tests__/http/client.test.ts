import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpClient, isPrivateHost } from '../../src/http/client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { testCertificates } from '../live-surface/certs.js';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const options = { connectTimeoutMs: 1000, timeoutMs: 800, maxBodyBytes: 64 * 1024, maxRequests: 100, maxRedirects: 10 };

describe('the HTTP client', () => {
  let app: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    other = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ authorization: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null, key: req.headers['x-api-key'] ?? null }));
    });
    app = await startServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/hop') return res.writeHead(302, { location: '/final' }).end();
      if (path === '/final') return res.writeHead(200, { 'set-cookie': ['a=1; Secure', 'b=2'] }).end('done');
      if (path === '/away') return res.writeHead(301, { location: other.url.replace('127.0.0.1', 'localhost') + 'echo' }).end();
      if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
      if (path === '/loop-b') return res.writeHead(302, { location: '/loop-a' }).end();
      if (path === '/hang') return; // accepts, never answers
      if (path === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const pump = (): void => {
          while (res.write(chunk)) {
            /* keep the pipe full */
          }
        };
        res.on('drain', pump);
        pump();
        return;
      }
      res.writeHead(200).end('ok');
    });
  });
  afterAll(async () => {
    await app.close();
    await other.close();
  });

  it('follows redirects by hand and records the hops', async () => {
    const client = HttpClient.create(options);
    const result = await client.send({ url: app.url + 'hop', followRedirects: true });
    expect(result.ok && result.response.status).toBe(200);
    if (!result.ok) return;
    expect(result.response.url).toBe(app.url + 'final');
    expect(result.response.redirects).toEqual([expect.objectContaining({ url: app.url + 'hop', status: 302, location: app.url + 'final', crossHost: false })]);
    expect(result.response.setCookies).toEqual(['a=1; Secure', 'b=2']);
    expect(client.requestsSent).toBe(2);
    await client.close();
  });

  it('never forwards credentials or configured headers to another host', async () => {
    const client = HttpClient.create(options).scoped('test', { 'X-Api-Key': 'k-123456789' });
    const result = await client.send({ url: app.url + 'away', followRedirects: true, headers: { authorization: 'Bearer abc', cookie: 'sid=1' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.redirects[0]!.crossHost).toBe(true);
    expect(JSON.parse(result.response.body)).toEqual({ authorization: null, cookie: null, key: null });
  });

  it('reports a redirect loop instead of following it forever', async () => {
    const client = HttpClient.create(options);
    const result = await client.send({ url: app.url + 'loop-a', followRedirects: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('redirect-loop');
    expect(client.requestsSent).toBeLessThanOrEqual(3);
  });

  it('times out a server that never answers', async () => {
    const client = HttpClient.create(options);
    const started = Date.now();
    const result = await client.send({ url: app.url + 'hang' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(!result.ok && result.error).toMatchObject({ code: 'timeout', message: 'no response within 800 ms' });
    await client.close();
  });

  it('caps an endless body instead of buffering it', async () => {
    const client = HttpClient.create(options);
    const result = await client.send({ url: app.url + 'endless' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.truncated).toBe(true);
    expect(result.response.bodyBytes).toBe(64 * 1024);
    expect(result.response.body.length).toBe(64 * 1024);
    await client.close();
  });

  it('classifies a refused connection', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const result = await HttpClient.create(options).send({ url: closed.url });
    expect(!result.ok && result.error.code).toBe('refused');
  });

  it('knows loopback and private hosts', () => {
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '172.20.0.1', '192.168.1.1', '[::1]', 'fd00::1', 'api.internal']) {
      expect(isPrivateHost(host)).toBe(true);
    }
    for (const host of ['example.com', '8.8.8.8', '172.32.0.1', '2001:db8::1']) expect(isPrivateHost(host)).toBe(false);
  });
});

describe('a redirect from HTTPS down to plain HTTP on the same host and port', () => {
  // One port speaking both TLS and plain HTTP (sniffing the first byte), so the
  // downgrade stays on the same host:port, as https://host -> http://host does
  // on the default ports.
  const seenInClear: Array<Record<string, string | undefined>> = [];
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    const { valid } = testCertificates();
    const plain = http.createServer((req, res) => {
      seenInClear.push({ authorization: req.headers.authorization, cookie: req.headers.cookie, key: req.headers['x-api-key'] as string | undefined });
      res.end('landed in clear');
    });
    const secure = https.createServer({ cert: valid.cert, key: valid.key }, (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/landing` }).end();
    });
    server = net.createServer((socket) => {
      socket.once('readable', () => {
        const first = socket.read(1) as Buffer | null;
        if (!first) return socket.destroy();
        socket.unshift(first);
        (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('does not send credentials or configured headers in clear', async () => {
    const client = HttpClient.create(options).scoped('test', { 'X-Api-Key': 'k-123456789' });
    const result = await client.send({ url: `https://127.0.0.1:${port}/`, followRedirects: true, headers: { authorization: 'Bearer abc', cookie: 'sid=1' } });
    await client.close();
    expect(result.ok && result.response.body).toBe('landed in clear');
    expect(seenInClear).toEqual([{ authorization: undefined, cookie: undefined, key: undefined }]);
  });
});
