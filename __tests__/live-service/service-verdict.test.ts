// The "done when": a deployment whose health endpoints all answer
// 404, without rate limiting, that fails most requests under 50 concurrent
// users is NO-GO with exactly those findings; a well-behaved one is clean.
import { afterEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authChecks } from '../../src/checks/auth/index.js';
import { healthChecks } from '../../src/checks/health/index.js';
import { reachable } from '../../src/checks/http/reachable.js';
import { loadChecks } from '../../src/checks/load/index.js';
import { ratelimitChecks } from '../../src/checks/ratelimit/index.js';
import { reliabilityChecks } from '../../src/checks/reliability/index.js';
import { verdict } from '../../src/engine/score.js';
import { runChecks } from '../helpers/run-checks.js';
import { startApp, startServer, type TestServer } from '../helpers/server.js';

// The malformed-token check only: issue 26's auth probes aim at products and logins these services do not have; load.ramp is opt-in (its own tests: ramp.test.ts).
const CHECKS = [reachable, ...healthChecks, ...ratelimitChecks, ...authChecks.filter((c) => c.id === 'auth.malformed-token'), ...loadChecks.filter((c) => c.id !== 'load.ramp'), ...reliabilityChecks];
const CONFIG = { load: { requests: 200 }, ratelimit: { burst: 20 }, http: { 'timeout-ms': 1500 } };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('service behaviour verdict', () => {
  it('is NO-GO for 404 health endpoints, no rate limit and collapse under load — with exactly those findings', async () => {
    let busy = 0;
    const server = await startServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/api') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
      if (req.url !== '/') return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      // One worker, 20 ms per request, no queue.
      if (busy >= 1) return res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      busy++;
      setTimeout(() => {
        busy--;
        res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>shop</h1>');
      }, 20);
    });
    servers.push(server);
    const result = await runChecks(CHECKS, { target: server.url, config: CONFIG });
    const failing = result.findings.filter((f) => f.status === 'fail' || f.status === 'error');
    // No health endpoint and nothing waiting on one: a gap (P2) by the rubric (issue 26), not a failing endpoint.
    expect(failing.map((f) => [f.checkId, f.severity])).toEqual([
      ['load.concurrency', 'P0'],
      ['health.endpoint', 'P2'],
      ['ratelimit.enforced', 'P2'],
    ]);
    expect(failing[1]!.message).toMatch(/^No health endpoint answers: none of \d+ common paths/);
    expect(failing[0]!.message).toMatch(/^GET \/ \(no healthy health endpoint, so the root\) does not hold up: /);
    // A read the probe found for itself (not configured under rate-limited:): hygiene.
    expect(failing[2]!.message).toMatch(/^No rate limit on GET \/api \(found by probing/);
    expect(result.findings.filter((f) => f.status === 'pass').map((f) => f.checkId)).toEqual(['http.reachable']);
    expect(result.findings.filter((f) => f.status === 'skip').map((f) => f.checkId).sort()).toEqual([
      'auth.malformed-token',
      'health.dependencies',
      'reliability.graceful-errors',
    ]);
    const decision = verdict(result.findings, { minScore: 0, failOn: 'p0' });
    expect(decision.decision).toBe('NO-GO');
    expect(decision.reasons[0]).toBe('1 failing P0 finding(s): load.concurrency');
    expect(result.requests).toBeLessThanOrEqual(1000);
  });

  it('is GO for a well-behaved service, every check passing', async () => {
    const app = express();
    app.use(express.json());
    app.get('/livez', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', (_req, res) => {
      res.json({ status: 'pass', checks: { 'postgres:connections': [{ status: 'pass' }] } });
    });
    app.use('/api', rateLimit({ windowMs: 60_000, limit: 1000, standardHeaders: 'draft-8', legacyHeaders: false }));
    app.use('/api', (req, res, next) => {
      if (req.headers.authorization !== 'Bearer good') {
        res.status(401).set('www-authenticate', 'Bearer').json({ error: 'unauthorized' });
        return;
      }
      next();
    });
    app.get('/api/items', (_req, res) => {
      res.json([]);
    });
    app.post('/api/items', (req, res) => {
      res.status(201).json(req.body);
    });
    app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).json({ error: 'bad request' });
    });
    const server = await startApp(app);
    servers.push(server);
    const result = await runChecks(CHECKS, {
      target: { url: server.url, headers: { Authorization: 'Bearer good' }, api: ['/api/items'], protected: ['/api/items'], json: ['/api/items'] },
      config: CONFIG,
    });
    expect(result.findings.filter((f) => f.status !== 'pass').map((f) => [f.checkId, f.status, f.message])).toEqual([]);
    expect([...new Set(result.findings.map((f) => f.checkId))].sort()).toEqual([
      'auth.malformed-token',
      'health.dependencies',
      'health.endpoint',
      'http.reachable',
      'load.concurrency',
      'ratelimit.enforced',
      'reliability.graceful-errors',
    ]);
    expect(verdict(result.findings, { minScore: 0, failOn: 'p0' })).toMatchObject({ decision: 'GO', score: 100 });
    // The limiter advertises itself on the first response: one request, no burst.
    expect(result.requestsByCheck['ratelimit.enforced']).toBe(1);
  });
});
