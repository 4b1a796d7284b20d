// The load generator (raw keep-alive connections of its own), driven
// directly: it takes every request from the budget it is given.
import { afterEach, describe, expect, it } from '@jest/globals';
import { HttpClient } from '../../src/http/client.js';
import { runLoadOnPool, summarizeLoad, type LoadBudget } from '../../src/http/load.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);

function budgetOf(max: number): LoadBudget & { used: number } {
  return {
    used: 0,
    take() {
      if (this.used >= max) return false;
      this.used++;
      return true;
    },
  };
}

const options = (url: string, extra: Partial<Parameters<typeof runLoadOnPool>[1]> = {}) => ({
  requests: [{ url }],
  concurrency: 50,
  maxRequests: 200,
  durationMs: 10_000,
  headers: { 'user-agent': 'readiness-gate-test', authorization: 'Bearer configured' },
  connectTimeoutMs: 1000,
  timeoutMs: 1500,
  ...extra,
});

describe('runLoadOnPool', () => {
  it('sends exactly the requests it takes from the budget, with the configured headers, over at most 50 connections', async () => {
    const sockets = new Set<unknown>();
    const server = await start((req, res) => {
      sockets.add(req.socket);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    const budget = budgetOf(1000);
    const run = await runLoadOnPool(budget, options(`${server.url}healthz?probe=1`));
    const summary = summarizeLoad(run);
    expect(budget.used).toBe(200);
    expect(server.requests).toHaveLength(200);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/healthz?probe=1', headers: { 'user-agent': 'readiness-gate-test', authorization: 'Bearer configured' } });
    expect(sockets.size).toBeLessThanOrEqual(50);
    expect(summary).toMatchObject({ sent: 200, succeeded: 200, errors: 0, breakdown: { '200': 200 } });
    expect(run.samples.filter((s) => s.connecting).length).toBeLessThanOrEqual(50);
  });

  it('frames chunked, empty, HEAD and connection-closing responses, and reports its own CPU time', async () => {
    const server = await start((req, res) => {
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a'.repeat(5000));
        setImmediate(() => res.end('b'.repeat(70000)));
      } else if (req.url === '/close') res.writeHead(200, { connection: 'close', 'content-length': '2' }).end('ok');
      else if (req.url === '/empty') res.writeHead(204).end();
      else res.writeHead(200, { 'content-length': '10' }).end(req.method === 'HEAD' ? undefined : '0123456789');
    });
    const requests = [{ url: `${server.url}chunked` }, { url: `${server.url}close` }, { url: `${server.url}empty` }, { url: `${server.url}head`, method: 'HEAD' }];
    const run = await runLoadOnPool(budgetOf(1000), { ...options(server.url), requests, concurrency: 4, maxRequests: 40 });
    expect(summarizeLoad(run)).toMatchObject({ sent: 40, errors: 0, breakdown: { '200': 30, '204': 10 } });
    expect(server.requests.map((r) => r.method).filter((m) => m === 'HEAD')).toHaveLength(10);
    expect(run.cpuMs).toBeGreaterThan(0);
    expect(typeof run.clientBound).toBe('boolean');
  });

  it('stops when the budget is spent', async () => {
    const server = await start((_req, res) => res.writeHead(200).end('ok'));
    const budget = budgetOf(70);
    const run = await runLoadOnPool(budget, options(server.url));
    expect(run.stoppedBy).toBe('budget');
    expect(run.samples).toHaveLength(70);
    expect(server.requests).toHaveLength(70);
  });

  it('sheds load the same way as send: a tiny worker pool answers 503 to most of 50 clients', async () => {
    let busy = 0;
    const server = await start((_req, res) => {
      if (busy >= 2) return res.writeHead(503).end('busy');
      busy++;
      setTimeout(() => {
        busy--;
        res.writeHead(200).end('ok');
      }, 20);
    });
    const summary = summarizeLoad(await runLoadOnPool(budgetOf(1000), options(server.url)));
    expect(summary.sent).toBe(200);
    expect(summary.successRate).toBeLessThan(0.5);
    expect(summary.breakdown['503']).toBe(summary.errors);
  });

  it('times out a hung request and reports it without a response', async () => {
    const server = await start((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.writeHead(200).end('ok');
    });
    const run = await runLoadOnPool(budgetOf(1000), options(`${server.url}hang`, { concurrency: 2, maxRequests: 2, timeoutMs: 300 }));
    expect(run.samples.map((s) => [s.status, s.error])).toEqual([
      [undefined, 'timeout'],
      [undefined, 'timeout'],
    ]);
    expect(summarizeLoad(run)).toMatchObject({ errors: 2, errorRate: 1, latency: undefined, breakdown: { timeout: 2 } });
  });

  it('stops at once when cancelled', async () => {
    const server = await start(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('check stopped')), 100);
    const run = await runLoadOnPool(budgetOf(1000), options(server.url, { signal: controller.signal, timeoutMs: 5000 }));
    expect(run.stoppedBy).toBe('aborted');
    expect(run.samples).toEqual([]);
  });
});

describe('the duration bound', () => {
  it('stops issuing requests once load.duration-ms has passed', async () => {
    const server = await start((_req, res) => setTimeout(() => res.writeHead(200).end('ok'), 30));
    const pool = await runLoadOnPool(budgetOf(10_000), options(server.url, { concurrency: 2, maxRequests: 10_000, durationMs: 150 }));
    expect(pool.stoppedBy).toBe('duration');
    // Two clients at 30 ms a request cannot come near the request bound in 150 ms.
    expect(pool.samples.length).toBeLessThan(50);
    expect(server.requests.length).toBe(pool.samples.length);
  });

  it('takes every request from the audit budget through HttpClient.takeRequest', async () => {
    const server = await start((_req, res) => res.writeHead(200).end('ok'));
    const client = HttpClient.create({ connectTimeoutMs: 1000, timeoutMs: 1500, maxBodyBytes: 1024, maxRequests: 25, maxRedirects: 0 });
    try {
      const http = client.scoped('load.concurrency', {});
      const run = await runLoadOnPool({ take: () => http.takeRequest() }, options(server.url, { concurrency: 5, maxRequests: 1000, durationMs: 5000 }));
      expect(run.stoppedBy).toBe('budget');
      expect(run.samples.length).toBe(25);
      expect(client.requestsByOwner.get('load.concurrency')).toBe(25);
      expect(server.requests.length).toBe(25);
    } finally {
      await client.close();
    }
  });
});
