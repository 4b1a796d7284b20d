// load.ramp against real loopback servers of known capacity: a pool of K
// workers with a fixed service time S holds K concurrent clients at about S
// and queues the rest (Little's law: latency = S x clients / K beyond K), so
// its knee is the stage where the clients exceed K; a server whose latency
// grows with every request it has served drifts in the soak.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { loadRamp } from '../../src/checks/load/ramp.js';
import type { Capacity, PreviousCapacity } from '../../src/core/capacity.js';
import type { Finding } from '../../src/engine/types.js';
import { audit } from '../../src/audit.js';
import { runAudit } from '../../src/engine/run.js';
import { configFrom, of, runChecks } from '../helpers/run-checks.js';
import { makeRepo } from '../helpers/repo.js';
import { startPoolThread, workerPool } from '../helpers/pools.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);

/** Latency grows with every request served: `baseMs` + `leakMs` per request so far (a leak, a list that is never emptied). */
function leaking(baseMs: number, leakMs: number) {
  let served = 0;
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const delay = baseMs + served++ * leakMs;
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), delay);
  };
}

const SERVICE_MS = 100;

const capacityFinding = (findings: Finding[]): Finding => findings.find((f) => f.capacity)!;

/** Answers the audit's first request (the base page, which decides whether the target is reachable) with 200, then `after`. */
function firstThen(after: (req: IncomingMessage, res: ServerResponse) => void) {
  let first = true;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (first) {
      first = false;
      res.writeHead(200).end('ok');
    } else after(req, res);
  };
}

function rampConfig(ramp: Record<string, unknown>, load: Record<string, unknown> = {}, http: Record<string, unknown> = {}) {
  return {
    load: { 'p95-ms': SERVICE_MS * 1.5, 'max-concurrency': 256, ...load, ramp: { enabled: true, 'stage-duration-ms': 1000, 'stage-requests': 4000, 'soak-ms': 0, ...ramp } },
    http: { 'max-requests': 50000, ...http },
  };
}

async function ramp(url: string, config: Record<string, unknown>, previous?: PreviousCapacity) {
  const target = configFrom({ targets: [{ url, load: ['/'] }] }).targets[0]!;
  const result = await runAudit({ config: configFrom(config), checks: [loadRamp], targets: [target], ...(previous ? { previous } : {}) });
  const findings = of(result, 'load.ramp');
  const capacity = findings.find((f) => f.capacity)?.capacity as Capacity;
  return { findings, capacity, requests: result.requests };
}

describe('load.ramp finds the knee of a server of known capacity', () => {
  for (const workers of [8, 32, 128]) {
    it(`K = ${workers} workers of ${SERVICE_MS} ms: holds ${workers} clients, breaks at ${workers * 2} on latency, and stops there`, async () => {
      // 128 concurrent clients on a 2-core machine shared with another test worker add tens of ms of their own:
      // a longer service time keeps the objective (1.5 x S) about the pool, not about the machine's load.
      const serviceMs = workers >= 128 ? 2 * SERVICE_MS : SERVICE_MS;
      const server = await startPoolThread(workers, serviceMs);
      const { findings, capacity } = await ramp(server.url, rampConfig({ stages: [workers / 2, workers, workers * 2, workers * 3] }, { 'max-concurrency': 384, 'p95-ms': serviceMs * 1.5 })).finally(server.close);
      expect(capacity.knee?.users).toBe(workers);
      expect(capacity.broke).toMatchObject({ users: workers * 2, reasons: ['latency'] });
      // Little's law: twice the clients of the pool wait about twice the service time.
      const broke = capacity.stages.find((s) => s.users === workers * 2)!;
      expect(broke.p50!).toBeGreaterThan(serviceMs * 1.6);
      expect(capacity.stages.find((s) => s.users === workers)!.p50!).toBeLessThan(serviceMs * 1.3);
      // The break is clear (p95 about 2 x S against an objective of 1.5 x S): the 4K stage is never sent.
      expect(capacity.stages.map((s) => s.users)).toEqual([workers / 2, workers, workers * 2]);
      expect(capacityFinding(findings)).toMatchObject({ status: 'pass', severity: 'P1' });
      expect(capacityFinding(findings).message).toContain(`holds ${workers} users at p95`);
      expect(capacityFinding(findings).message).toContain(`breaks at ${workers * 2} users: p95`);
    });
  }
});

describe('the soak at the knee', () => {
  it('finds the drift of a server whose latency grows with the requests it served', async () => {
    // In a closed loop, latency growing linearly with requests served grows with the square root of time: the last
    // third's p95 is at most about √3 of the first's (+73%), less the base latency and the requests of the stages
    // before. So the stages are short and the leak dominates the base.
    const server = await start(leaking(0.5, 0.1));
    const { findings, capacity } = await ramp(server.url, rampConfig({ stages: [8, 16], 'stage-requests': 32, 'soak-ms': 1500 }, { 'p95-ms': 1000 }));
    expect(capacity.knee?.users).toBe(16);
    expect(capacity.soak?.users).toBe(16);
    expect(capacity.soak!.drift!).toBeGreaterThan(0.25);
    expect(capacity.soak!.thirds[2]!.p50! / capacity.soak!.thirds[0]!.p50!).toBeGreaterThan(1.5);
    const soak = findings.find((f) => f.message.startsWith('Soak'))!;
    expect(soak).toMatchObject({ status: 'fail', severity: 'P1' });
    expect(soak.message).toMatch(/p95 rose from .* in the first third to .* in the last/);
  });

  it('passes a steady server: no drift, no errors, no refusals', async () => {
    const server = await start(workerPool(64, 5));
    const { findings, capacity } = await ramp(server.url, rampConfig({ stages: [4, 8], 'stage-requests': 100, 'soak-ms': 1200 }, { 'p95-ms': 1000 }));
    expect(capacity.soak!.problems).toEqual([]);
    expect(capacity.soak!.thirds.every((t) => t.sent >= 20 && t.errorRate === 0 && t.refused === 0)).toBe(true);
    expect(findings.find((f) => f.message.startsWith('Soak'))).toMatchObject({ status: 'pass' });
  });
});

describe('a service that falls over during the soak', () => {
  it('stops the soak once half of its answers are errors, and fails it', async () => {
    let served = 0;
    const server = await start((_req, res) => {
      if (++served > 150) res.writeHead(503).end('exhausted');
      else setTimeout(() => res.writeHead(200).end('ok'), 2);
    });
    const started = performance.now();
    const { findings, capacity, requests } = await ramp(server.url, rampConfig({ stages: [4], 'stage-requests': 50, 'soak-ms': 5000 }, { 'p95-ms': 1000 }));
    expect(capacity.knee?.users).toBe(4);
    expect(capacity.soak?.stoppedBy).toBe('early');
    expect(performance.now() - started).toBeLessThan(4000);
    expect(requests).toBeLessThan(400);
    expect(findings.find((f) => f.message.startsWith('Soak'))).toMatchObject({ status: 'fail', message: expect.stringContaining("the service failed under the knee's load") });
  });
});

describe('bad targets end the ramp with the stage and the reason, within the budget', () => {
  it('a server that resets every connection: the first stage breaks on resets, stopped after a few requests, P0', async () => {
    const server = await start(firstThen((req) => req.socket.resetAndDestroy()));
    const started = performance.now();
    const { findings, capacity, requests } = await ramp(server.url, rampConfig({ stages: [5, 10, 20] }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(capacity.stages).toHaveLength(1);
    expect(capacity.broke).toMatchObject({ users: 5, reasons: ['resets'], clear: true });
    // Half of at least 20 answers failed: the stage stopped, far from its 4,000 requests.
    expect(requests).toBeLessThan(100);
    expect(capacityFinding(findings)).toMatchObject({ status: 'fail', severity: 'P0' });
    expect(capacityFinding(findings).message).toContain('does not hold even the first stage, 5 users');
  });

  it('a server that stops answering mid-ramp: the next stage breaks on refused connections', async () => {
    let served = 0;
    const server = await start((_req, res) => {
      res.writeHead(200).end('ok');
      // After the first stage's requests, the service goes away.
      if (++served === 200) setImmediate(() => void server.close());
    });
    const { capacity } = await ramp(server.url, rampConfig({ stages: [4, 8], 'stage-requests': 200 }, { 'p95-ms': 1000 }));
    expect(capacity.knee?.users).toBe(4);
    expect(capacity.broke?.users).toBe(8);
    expect(capacity.broke?.reasons).toContain('refused');
  });

  it('a server that answers too slowly: timeouts, and the ramp ends within its time budget', async () => {
    const server = await start(firstThen((_req, res) => void setTimeout(() => res.writeHead(200).end('late'), 5000)));
    const started = performance.now();
    const { capacity } = await ramp(server.url, rampConfig({ stages: [4, 8], 'max-duration-ms': 1500 }, {}, { 'timeout-ms': 400 }));
    const elapsed = performance.now() - started;
    expect(capacity.broke).toMatchObject({ users: 4, reasons: ['timeouts'] });
    expect(capacity.stages).toHaveLength(1);
    expect(elapsed).toBeLessThan(2500);
  });

  it('a hung server cannot hold the ramp past load.ramp.max-duration-ms, whatever http.timeout-ms says', async () => {
    const server = await start(firstThen(() => undefined));
    const started = performance.now();
    const { capacity, findings } = await ramp(server.url, rampConfig({ stages: [2, 4], 'max-duration-ms': 1200 }, {}, { 'timeout-ms': 60000 }));
    expect(performance.now() - started).toBeLessThan(2200);
    expect(capacity.budget.stoppedBy).toContain("the ramp's time budget");
    expect(capacityFinding(findings).status).toBe('error');
  });
});

describe('good citizen', () => {
  it('never opens more than load.max-concurrency connections, and counts every request against both budgets', async () => {
    const server = await start(workerPool(4, 2));
    let open = 0;
    let peak = 0;
    server.server.on('connection', (socket: Socket) => {
      peak = Math.max(peak, ++open);
      socket.on('close', () => open--);
    });
    const { capacity, requests } = await ramp(server.url, rampConfig({ stages: [5, 10, 20], 'stage-requests': 300, 'max-requests': 500 }, { 'max-concurrency': 20, 'p95-ms': 1000 }));
    expect(peak).toBeLessThanOrEqual(20);
    expect(capacity.budget.sent).toBeLessThanOrEqual(500);
    // The base page (one request) and the ramp's requests, each taken from the audit's budget too.
    expect(requests).toBe(capacity.budget.sent + 1);
    expect(capacity.budget.stoppedBy).toContain('load.ramp.max-requests 500');
  });

  it('is opt-in, and skips hosts that are not loopback or private like every burst', async () => {
    const server = await start(workerPool(4, 1));
    const off = await runChecks([loadRamp], { target: server.url });
    expect(of(off, 'load.ramp')[0]).toMatchObject({ status: 'skip', message: expect.stringContaining('opt-in (load.ramp.enabled: true)') });
    expect(server.requests).toHaveLength(1);
    const result = await runAudit({
      config: configFrom(rampConfig({ stages: [2] })),
      checks: [loadRamp],
      targets: [configFrom({ targets: [{ url: server.url.replace('127.0.0.1', 'localhost'), load: ['/'] }] }).targets[0]!],
    });
    expect(of(result, 'load.ramp')[0]!.status).not.toBe('skip');
    const remote = configFrom({ targets: [{ url: 'https://shop.example.com/', load: ['/'] }] }).targets[0]!;
    const { burstPolicy } = await import('../../src/engine/bursts.js');
    expect(burstPolicy(remote, 'load').allowed).toBe(false);
  });
});

describe('bursts not sent', () => {
  it('lists the ramp only when it was asked for: off by default is not a burst someone missed', async () => {
    const server = await start(workerPool(4, 1));
    const off = makeRepo({ 'package.json': '{}\n' });
    const on = makeRepo({ 'package.json': '{}\n', '.github/readiness.yml': `targets:\n  - url: ${server.url}\n    production: true\nload:\n  ramp:\n    enabled: true\n` });
    try {
      const quiet = await audit({ urls: [server.url], repo: off.root, only: ['load.ramp'] });
      expect(quiet.report.skippedBursts).toBeUndefined();
      const refused = await audit({ urls: [server.url], repo: on.root, only: ['load.ramp'] });
      expect(refused.report.skippedBursts).toEqual([{ checkId: 'load.ramp', url: server.url, reason: expect.stringContaining('production: true') }]);
      // Neither sent anything but the base page.
      expect(server.requests).toHaveLength(2);
    } finally {
      off.cleanup();
      on.cleanup();
    }
  });
});

describe('against the previous run', () => {
  it('a drop of one stage is a finding at load.ramp.drop-severity, named after the previous run', async () => {
    const server = await start(workerPool(8, SERVICE_MS));
    const previous: PreviousCapacity = { label: 'main', targets: [{ url: server.url, users: 16 }] };
    const { findings, capacity } = await ramp(server.url, rampConfig({ stages: [8, 16], 'drop-severity': 'P0' }), previous);
    expect(capacity.previous).toEqual({ url: server.url, users: 16, label: 'main' });
    expect(capacityFinding(findings).message).toContain('holds 8 users at p95');
    expect(capacityFinding(findings).message).toContain('(main: 16 users)');
    const drop = findings.find((f) => f.message.startsWith('capacity fell'))!;
    expect(drop).toMatchObject({ status: 'fail', severity: 'P0' });
    expect(drop.message).toBe('capacity fell from 16 users (main) to 8 users: 1 stage lower.');
  });

  it('holding the previous capacity passes', async () => {
    const server = await start(workerPool(8, SERVICE_MS));
    const previous: PreviousCapacity = { label: 'previous run (abc1234)', targets: [{ url: 'http://127.0.0.1:1/', users: 8 }] };
    const { findings } = await ramp(server.url, rampConfig({ stages: [8, 16] }), previous);
    // One target then and now: compared although the URL changed (preview deployments).
    expect(findings.find((f) => f.message.startsWith('capacity holds'))).toMatchObject({ status: 'pass', message: 'capacity holds at 8 users (previous run (abc1234): 8 users).' });
  });
});
