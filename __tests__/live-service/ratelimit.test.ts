import { afterEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { ratelimitChecks } from '../../src/checks/ratelimit/index.js';
import { limitSignal } from '../../src/checks/ratelimit/signals.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { startApp, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function app(limiter?: ReturnType<typeof rateLimit>): express.Express {
  const a = express();
  if (limiter) a.use('/api', limiter);
  a.get('/api/items', (_req, res) => {
    res.json([{ id: 1 }]);
  });
  a.post('/api/login', (_req, res) => {
    res.status(401).json({ error: 'bad credentials' });
  });
  return a;
}

const apiCalls = (s: TestServer): number => s.requests.filter((r) => r.url.startsWith('/api')).length;

describe('limitSignal (captured responses)', () => {
  const response = (status: number, headerList: Array<[string, string]>) => ({
    status,
    headerList,
    headers: Object.fromEntries(headerList),
  });
  it('sees 429, 503 with Retry-After and advertising headers', () => {
    expect(limitSignal(response(429, []))).toEqual({ kind: 'limited', status: 429 });
    expect(limitSignal(response(503, [['retry-after', '30']]))).toEqual({ kind: 'limited', status: 503, retryAfter: '30' });
    expect(limitSignal(response(503, []))).toBeUndefined();
    expect(limitSignal(response(200, [['ratelimit-policy', '100;w=60']]))).toEqual({ kind: 'advertised', headers: [['ratelimit-policy', '100;w=60']] });
    expect(limitSignal(response(200, [['x-ratelimit-remaining', '9']]))).toEqual({ kind: 'advertised', headers: [['x-ratelimit-remaining', '9']] });
    expect(limitSignal(response(200, [['x-request-id', 'a']]))).toBeUndefined();
  });
});

describe('ratelimit.enforced against real servers', () => {
  it('passes when express-rate-limit answers 429, and says how many went through first', async () => {
    server = await startApp(app(rateLimit({ windowMs: 60_000, limit: 5, standardHeaders: false, legacyHeaders: false })));
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/items'] }, config: { ratelimit: { concurrency: 1 } } });
    const findings = of(result, 'ratelimit.enforced');
    expect(findings.map((f) => [f.status, f.severity, f.message])).toEqual([
      [
        'pass',
        'P1',
        'GET /api/items (the first GET endpoint configured under api) is rate limited: 5 request(s) went through before it answered 429; burst stopped after 6 request(s) sent 1 at a time.',
      ],
    ]);
    expect(apiCalls(server)).toBe(6);
  });

  it('counts every request that went through at the default concurrency, though the quick 429s arrive before the slower successes', async () => {
    const a = express();
    a.use('/api', rateLimit({ windowMs: 60_000, limit: 5, standardHeaders: false, legacyHeaders: false }));
    a.get('/api/items', (_req, res) => {
      setTimeout(() => res.json([{ id: 1 }]), 30);
    });
    server = await startApp(a);
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/items'] }, config: {} });
    const findings = of(result, 'ratelimit.enforced');
    expect(findings.map((f) => f.status)).toEqual(['pass']);
    // How many were sent depends on whether a success or a 429 comes back first
    // to each client (11 when the 429s win); how many went through does not.
    const [, sent] = /^GET \/api\/items \(the first GET endpoint configured under api\) is rate limited: 5 request\(s\) went through before it answered 429; burst stopped after (\d+) request\(s\) sent 10 at a time\.$/.exec(findings[0]!.message) ?? [];
    expect(Number(sent)).toBeGreaterThanOrEqual(11);
    expect(Number(sent)).toBeLessThanOrEqual(15);
    expect(apiCalls(server)).toBe(Number(sent));
  });

  it('stops at the first response when the limiter advertises itself with RateLimit headers', async () => {
    server = await startApp(app(rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false })));
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, 'rate-limited': ['/api/items'] } });
    const [finding] = of(result, 'ratelimit.enforced');
    expect(finding).toMatchObject({ status: 'pass', severity: 'P1' });
    expect(finding!.message).toMatch(
      /^GET \/api\/items \(configured under rate-limited\) advertises a rate limit on its first response \(ratelimit-policy: 100;w=60, ratelimit: limit=100, remaining=99, reset=\d+\); burst stopped after 1 request\(s\)\.$/,
    );
    // The first request goes alone, so nothing else was sent.
    expect(apiCalls(server)).toBe(1);
  });

  it('fails when the whole burst goes through, with the configured severity (an explicitly configured POST)', async () => {
    server = await startApp(app());
    const configured = await runChecks(ratelimitChecks, {
      target: { url: server.url, 'rate-limited': [{ path: '/api/login', method: 'POST', severity: 'P0', body: '{"user":"a","password":"b"}', 'content-type': 'application/json' }] },
      config: { ratelimit: { burst: 20 } },
    });
    expect(of(configured, 'ratelimit.enforced').map((f) => [f.status, f.severity, f.message])).toEqual([
      [
        'fail',
        'P0',
        'No rate limit on POST /api/login (configured under rate-limited): 20 requests sent 10 at a time all went through (401 ×20); no 429, no 503 with Retry-After, no RateLimit or X-RateLimit-* header.',
      ],
    ]);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(20);
  });

  it('discovers an API path when none is configured, and puts a read it found for itself at P2 (the configured endpoints above keep P1)', async () => {
    const a = app();
    a.get('/api', (_req, res) => {
      res.json({ items: [{ id: 1 }] });
    });
    server = await startApp(a);
    const result = await runChecks(ratelimitChecks, { target: server.url, config: { ratelimit: { burst: 15 } } });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.severity, f.message])).toEqual([
      [
        'fail',
        'P2',
        'No rate limit on GET /api (found by probing /api, /api/v1, /api/v2, /v1, /graphql): 15 requests sent 10 at a time all went through (200 ×15); no 429, no 503 with Retry-After, no RateLimit or X-RateLimit-* header. P2: a read the probe found for itself; name the endpoints that need a limit (search, exports, costly or password-guarded ones) under rate-limited: to judge them at P1.',
      ],
    ]);
    // One discovery probe, then the burst.
    expect(server.requests.filter((r) => r.url === '/api')).toHaveLength(16);
  });

  it('does not burst a public document that gives only a version (Jupyter answers GET /api with {"version": ...})', async () => {
    const a = app();
    a.get('/api', (_req, res) => {
      res.json({ version: '7.0.6' });
    });
    server = await startApp(a);
    const result = await runChecks(ratelimitChecks, { target: server.url, config: { ratelimit: { burst: 15 } } });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      [
        'skip',
        'No API path to burst: none is configured (rate-limited: or api:) and none of /api, /api/v1, /api/v2, /v1, /graphql answered as an API (a document giving only a version is not one). Configure the login or API path under rate-limited:.',
      ],
    ]);
    expect(server.requests.filter((r) => r.url === '/api')).toHaveLength(1);
  });

  it('never bursts a POST endpoint that is only listed under api', async () => {
    server = await startApp(app());
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: [{ path: '/api/login', method: 'POST' }] } });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'The configured api endpoints are not GET/HEAD and are never burst unless listed under rate-limited: (with their method).'],
    ]);
    expect(apiCalls(server)).toBe(0);
  });

  it('skips production targets unless allowed, and when disabled', async () => {
    server = await startApp(app());
    const production = await runChecks(ratelimitChecks, { target: { url: server.url, production: true, api: ['/api/items'] } });
    expect(of(production, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'Not burst: the target is marked production: true; set allow-ratelimit: true on it to send this burst.'],
    ]);
    const disabled = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/items'] }, config: { ratelimit: { enabled: false } } });
    expect(of(disabled, 'ratelimit.enforced').map((f) => f.status)).toEqual(['skip']);
    expect(apiCalls(server)).toBe(0);
    const allowed = await runChecks(ratelimitChecks, {
      target: { url: server.url, production: true, 'allow-ratelimit': true, api: ['/api/items'] },
      config: { ratelimit: { burst: 5 } },
    });
    expect(of(allowed, 'ratelimit.enforced').map((f) => [f.status, f.severity])).toEqual([['fail', 'P1']]);
    expect(apiCalls(server)).toBe(5);
  });

  it('never exceeds the audit request budget', async () => {
    server = await startApp(app());
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/items'] }, config: { http: { 'max-requests': 8 } } });
    expect(result.requests).toBe(8);
    expect(of(result, 'ratelimit.enforced')[0]!.message).toBe(
      'No rate limit on GET /api/items (the first GET endpoint configured under api): 7 requests sent 10 at a time (cut short to 7 of 40: the audit request budget, http.max-requests, ran out) all went through (200 ×7); no 429, no 503 with Retry-After, no RateLimit or X-RateLimit-* header.',
    );
    expect(apiCalls(server)).toBe(7);
  });
});

describe('ratelimit.enforced on a hung endpoint', () => {
  it('does not burst when the first request gets no answer', async () => {
    const hung = express();
    hung.get('/api/slow', () => undefined); // never answers
    server = await startApp(hung);
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/slow'] }, config: { http: { 'timeout-ms': 300 } } });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      ['error', 'GET /api/slow (the first GET endpoint configured under api) could not be tested: no response to 1 request(s) (timeout ×1).'],
    ]);
    expect(apiCalls(server)).toBe(1);
  });
});

describe('ratelimit.enforced against an endpoint that stops answering', () => {
  it('stops after a wave of unanswered requests and does not claim they went through', async () => {
    let answered = 0;
    const tarpit = express();
    // Answers once, then holds every request open (a limiter that drops, or an overload).
    tarpit.get('/api/items', (_req, res) => {
      if (answered++ === 0) res.json([{ id: 1 }]);
    });
    server = await startApp(tarpit);
    const result = await runChecks(ratelimitChecks, { target: { url: server.url, api: ['/api/items'] }, config: { http: { 'timeout-ms': 300 } } });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      [
        'error',
        'GET /api/items (the first GET endpoint configured under api) could not be judged: it stopped answering during the burst (11 of 12 request(s) got no response: timeout ×11; answered: 200 ×1), so neither a limit nor its absence was seen; burst stopped after 12 request(s).',
      ],
    ]);
    expect(apiCalls(server)).toBe(12);
  });
});

describe('ratelimit.enforced API discovery', () => {
  it('does not burst a single-page app that answers its index for every path', async () => {
    let nonce = 0;
    const spa = express();
    spa.use((_req, res) => {
      res.type('html').send(`<!doctype html><script nonce="${++nonce}"></script><div id="root"></div>`);
    });
    server = await startApp(spa);
    const result = await runChecks(ratelimitChecks, { target: server.url });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      [
        'skip',
        'No API path to burst: none is configured (rate-limited: or api:) and none of /api, /api/v1, /api/v2, /v1, /graphql answered as an API (a document giving only a version is not one). Configure the login or API path under rate-limited:.',
      ],
    ]);
    // The base page, one nonsense path and the five candidates: no burst.
    expect(server.requests).toHaveLength(7);
  });
});
