import { afterEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadChecks } from '../../src/checks/load/index.js';
import { findingForLoad, judgeLoad } from '../../src/checks/load/concurrency.js';
import { percentile, summarizeLoad, type LoadRun } from '../../src/http/load.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);

/** A service with a worker pool of `workers`, `delayMs` per request and no queue: 503 when every worker is busy. */
function tinyPool(workers: number, delayMs: number) {
  let busy = 0;
  return (_req: IncomingMessage, res: ServerResponse): void => {
    if (busy >= workers) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no worker available');
      return;
    }
    busy++;
    setTimeout(() => {
      busy--;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    }, delayMs);
  };
}

const fast = (_req: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
};

const SMALL = { load: { requests: 200 } };

const run = (samples: LoadRun['samples'], elapsedMs = 1000): LoadRun => ({ samples, elapsedMs, concurrency: 50, stoppedBy: 'requests' });

describe('load summary and verdict (captured samples)', () => {
  it('computes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
  });

  it('counts 5xx and missing responses as errors and 429 apart', () => {
    const samples = [
      ...Array.from({ length: 90 }, () => ({ request: 0, status: 200, ms: 10 })),
      ...Array.from({ length: 5 }, () => ({ request: 0, status: 503, ms: 2 })),
      { request: 0, error: 'timeout' as const, errorMessage: 'no response within 1500 ms', ms: 1500 },
      ...Array.from({ length: 4 }, () => ({ request: 0, status: 429, ms: 1 })),
    ];
    const summary = summarizeLoad(run(samples, 2000));
    expect(summary).toMatchObject({ sent: 100, succeeded: 90, errors: 6, rateLimited: 4, throughput: 50, breakdown: { '200': 90, '503': 5, '429': 4, timeout: 1 } });
    expect(summary.errorRate).toBeCloseTo(6 / 96);
    expect(summary.latency).toMatchObject({ p50: 10, p95: 10, p99: 10, max: 10 });
    expect(judgeLoad(summary, { p95Ms: 1000, maxErrorRate: 0.01 })).toEqual({ status: 'fail', severity: 'P1', problems: ['6.3% of requests failed (load.max-error-rate 1.0%)'] });
    const finding = findingForLoad(run(samples, 2000), summary, {
      target: 'GET /healthz (the first healthy health endpoint)',
      url: 'http://127.0.0.1:1/healthz',
      p95Ms: 1000,
      maxErrorRate: 0.01,
      requested: { concurrency: 50, requests: 100 },
    });
    expect(finding.message).toBe(
      "GET /healthz (the first healthy health endpoint) does not hold up: 6.3% of requests failed (load.max-error-rate 1.0%). 50 concurrent keep-alive clients sent 100 requests in 2.0 s (50 req/s); latency p50 10 ms, p95 10 ms, p99 10 ms; error rate 6.3% (threshold 1.0%); statuses 200 ×90, 503 ×5, 429 ×4, timeout ×1. Note: 4 response(s) were 429 (rate limited) and are counted apart, not as errors; the limiter may have been tripped by ratelimit.enforced's burst just before.",
    );
  });

  it('fails on p95 alone, P0 under half success, skips when everything is rate limited', () => {
    const slow = summarizeLoad(run(Array.from({ length: 20 }, (_, i) => ({ request: 0, status: 200, ms: i < 18 ? 100 : 3000 }))));
    expect(judgeLoad(slow, { p95Ms: 1000, maxErrorRate: 0.01 })).toEqual({ status: 'fail', severity: 'P1', problems: ['p95 latency 3000 ms exceeds 1000 ms (load.p95-ms)'] });
    const broken = summarizeLoad(run(Array.from({ length: 10 }, (_, i) => ({ request: 0, status: i < 4 ? 200 : 500, ms: 5 }))));
    expect(judgeLoad(broken, { p95Ms: 1000, maxErrorRate: 0.01 })).toMatchObject({ status: 'fail', severity: 'P0' });
    const limited = summarizeLoad(run(Array.from({ length: 10 }, () => ({ request: 0, status: 429, ms: 1 }))));
    expect(judgeLoad(limited, { p95Ms: 1000, maxErrorRate: 0.01 }).status).toBe('skip');
    expect(judgeLoad(summarizeLoad(run([])), { p95Ms: 1000, maxErrorRate: 0.01 }).status).toBe('error');
  });
});

describe('load.concurrency against real servers', () => {
  it('fails P0 on a service with a tiny worker pool that sheds most of 50 concurrent clients', async () => {
    const server = await start(tinyPool(2, 20));
    const result = await runChecks(loadChecks, { target: { url: server.url, load: ['/work'] }, config: SMALL });
    const [finding] = of(result, 'load.concurrency');
    expect(of(result, 'load.concurrency')).toHaveLength(1);
    expect(finding).toMatchObject({ status: 'fail', severity: 'P0', category: 'performance' });
    expect(finding!.message).toMatch(
      /^GET \/work \(configured under load\) does not hold up: \d+(\.\d)?% of requests failed \(load\.max-error-rate 1\.0%\); only \d+ of 200 requests succeeded\. 50 concurrent keep-alive clients sent 200 requests in /,
    );
    // The client-bound note depends on the machine (the test server shares this process's CPU).
    expect(finding!.message).toMatch(/statuses 503 ×\d+, 200 ×\d+\.( Note: the load generator itself used [\d.]+% of a CPU, .*)?$/);
    // Every request counted: 200 load requests plus the base page.
    expect(result.requests).toBe(201);
    expect(server.requests.filter((r) => r.url === '/work')).toHaveLength(200);
  });

  it('passes a service that stays fast, loading its healthy health endpoint by default', async () => {
    const server = await start((req, res) => (req.url === '/healthz' ? fast(req, res) : res.writeHead(404).end()));
    const result = await runChecks(loadChecks, { target: server.url, config: SMALL });
    const [finding] = of(result, 'load.concurrency');
    expect(finding).toMatchObject({ status: 'pass', severity: 'P1' });
    expect(finding!.message).toMatch(
      /^GET \/healthz \(the first healthy health endpoint\) held up\. 50 concurrent keep-alive clients sent 200 requests in \d+\.\d s \(\d+ req\/s\); latency p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms; error rate 0% \(threshold 1\.0%\); load generator CPU [\d.]+ ms \(\d+(\.\d)?% of one core\); statuses 200 ×200\.( Note: the load generator itself used [\d.]+% of a CPU, .*)?$/,
    );
    expect(server.requests.filter((r) => r.url === '/healthz')).toHaveLength(201);
  });

  it('loads where a redirecting health endpoint really answers, not its redirect', async () => {
    // /health answers 301 to /health/, which is the endpoint discovery judged healthy.
    const server = await start((req, res) =>
      req.url === '/health' ? res.writeHead(301, { location: '/health/' }).end() : req.url === '/health/' ? fast(req, res) : res.writeHead(404).end(),
    );
    const result = await runChecks(loadChecks, { target: server.url, config: SMALL });
    const [finding] = of(result, 'load.concurrency');
    expect(finding!.message).toMatch(/^GET \/health\/ \(the first healthy health endpoint\) held up\. .*; statuses 200 ×200\.( Note: the load generator itself used [\d.]+% of a CPU, .*)?$/);
    expect(server.requests.filter((r) => r.url === '/health/')).toHaveLength(201);
  });

  it('loads the root when no health endpoint is healthy, and stays within the budget', async () => {
    // Every common health path answers 404: nothing healthy to load, so the root is loaded.
    const rootOnly = await start((req, res) => (req.url === '/' ? fast(req, res) : res.writeHead(404).end()));
    const result = await runChecks(loadChecks, { target: rootOnly.url, config: { load: { requests: 500 }, http: { 'max-requests': 120 } } });
    const [finding] = of(result, 'load.concurrency');
    expect(finding!.status).toBe('pass');
    expect(finding!.message).toContain('GET / (no healthy health endpoint, so the root) held up.');
    expect(finding!.message).toContain('Note: load.requests 500 was cut to the');
    expect(result.requests).toBe(120);
  });

  it('skips production targets unless allowed, and when disabled', async () => {
    const server = await start(fast);
    const production = await runChecks(loadChecks, { target: { url: server.url, production: true }, config: SMALL });
    expect(of(production, 'load.concurrency').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'Not loaded: the target is marked production: true; set allow-load: true on it to send this burst.'],
    ]);
    const disabled = await runChecks(loadChecks, { target: server.url, config: { load: { enabled: false } } });
    expect(of(disabled, 'load.concurrency').map((f) => [f.status, f.message])).toEqual([['skip', 'Disabled by load.enabled: false.']]);
    expect(server.requests).toHaveLength(2);
    const allowed = await runChecks(loadChecks, { target: { url: server.url, production: true, 'allow-load': true, load: ['/'] }, config: { load: { requests: 60 } } });
    expect(of(allowed, 'load.concurrency').map((f) => f.status)).toEqual(['pass']);
  });

  it('counts 429 answers as rate limited, not as errors', async () => {
    let n = 0;
    const server = await start((_req, res) => (n++ % 4 === 3 ? res.writeHead(429, { 'retry-after': '1' }).end() : fast(_req, res)));
    const result = await runChecks(loadChecks, { target: { url: server.url, load: ['/items'] }, config: SMALL });
    const [finding] = of(result, 'load.concurrency');
    expect(finding!.status).toBe('pass');
    expect(finding!.message).toContain('error rate 0%');
    expect(finding!.message).toMatch(/statuses 200 ×150, 429 ×50\. Note: 50 response\(s\) were 429 \(rate limited\) and are counted apart, not as errors/);
  });
});
