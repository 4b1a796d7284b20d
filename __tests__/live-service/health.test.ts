import { afterEach, describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { healthChecks } from '../../src/checks/health/index.js';
import { classifyStatusValue, COMMON_HEALTH_PATHS, healthStatusOf } from '../../src/checks/health/discover.js';
import { dependenciesOf } from '../../src/checks/health/payload.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { startServer, type TestServer } from '../helpers/server.js';

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('health payload parsing (captured payloads)', () => {
  it('reads Spring Boot Actuator components, nested components included', () => {
    const spring = {
      status: 'DOWN',
      components: {
        db: { status: 'DOWN', details: { error: 'org.springframework.jdbc.CannotGetJdbcConnectionException' } },
        diskSpace: { status: 'UP', details: { total: 1, free: 1 } },
        redis: { status: 'UP', components: { primary: { status: 'UP' }, replica: { status: 'OUT_OF_SERVICE' } } },
      },
    };
    expect(dependenciesOf(spring)).toEqual([
      { name: 'db', word: 'unhealthy', value: 'DOWN' },
      { name: 'diskSpace', word: 'healthy', value: 'UP' },
      { name: 'redis', word: 'healthy', value: 'UP' },
      { name: 'redis.primary', word: 'healthy', value: 'UP' },
      { name: 'redis.replica', word: 'unhealthy', value: 'OUT_OF_SERVICE' },
    ]);
  });

  it('reads the IETF health-check draft (checks of observation lists)', () => {
    const ietf = {
      status: 'fail',
      checks: {
        'postgres:responseTime': [
          { componentId: 'a', status: 'pass' },
          { componentId: 'b', status: 'fail', output: 'timeout' },
        ],
        'uptime': [{ status: 'pass' }],
      },
    };
    expect(dependenciesOf(ietf)).toEqual([
      { name: 'postgres:responseTime', word: 'unhealthy', value: 'fail' },
      { name: 'uptime', word: 'healthy', value: 'pass' },
    ]);
  });

  it('reads nested checks, lists, flat maps, Terminus and ASP.NET entries', () => {
    expect(dependenciesOf({ checks: { redis: { status: 'fail' }, db: { status: 'ok' } } })).toEqual([
      { name: 'redis', word: 'unhealthy', value: 'fail' },
      { name: 'db', word: 'healthy', value: 'ok' },
    ]);
    expect(dependenciesOf({ checks: [{ name: 'queue', status: 'down' }] })).toEqual([{ name: 'queue', word: 'unhealthy', value: 'down' }]);
    expect(dependenciesOf({ database: 'down', cache: 'up', version: '1.2.3' })).toEqual([
      { name: 'database', word: 'unhealthy', value: 'down' },
      { name: 'cache', word: 'healthy', value: 'up' },
    ]);
    expect(dependenciesOf({ DatabaseBackend: 'working', CacheBackend: 'unavailable' })).toEqual([
      { name: 'DatabaseBackend', word: 'healthy', value: 'working' },
      { name: 'CacheBackend', word: 'unhealthy', value: 'unavailable' },
    ]);
    const terminus = { status: 'error', info: { memory: { status: 'up' } }, error: { database: { status: 'down', message: 'refused' } }, details: { memory: { status: 'up' }, database: { status: 'down' } } };
    expect(dependenciesOf(terminus)).toEqual([
      { name: 'memory', word: 'healthy', value: 'up' },
      { name: 'database', word: 'unhealthy', value: 'down' },
    ]);
    expect(dependenciesOf({ status: 'Unhealthy', entries: { sql: { status: 'Unhealthy' } } })).toEqual([{ name: 'sql', word: 'unhealthy', value: 'Unhealthy' }]);
  });

  it('finds no dependency in a plain status payload or non-objects', () => {
    expect(dependenciesOf({ status: 'ok', uptime: 12, version: '1' })).toEqual([]);
    expect(dependenciesOf({ ok: true })).toEqual([]);
    // Flags that name a condition of the service, not a dependency: false is the good value.
    expect(dependenciesOf({ status: 'ok', maintenance: false, shuttingDown: false, readOnly: false, degraded: false, database: true })).toEqual([
      { name: 'database', word: 'healthy', value: 'true' },
    ]);
    expect(dependenciesOf('OK')).toEqual([]);
    expect(dependenciesOf([{ status: 'down' }])).toEqual([]);
  });

  it('classifies status fields and values', () => {
    expect(healthStatusOf({ status: 'UP' })).toEqual({ key: 'status', value: 'UP', word: 'healthy' });
    expect(healthStatusOf({ state: 'not_ready' })).toEqual({ key: 'state', value: 'not_ready', word: 'unhealthy' });
    expect(healthStatusOf({ health: true })).toEqual({ key: 'health', value: 'true', word: 'healthy' });
    expect(healthStatusOf({ uptime: 3 })).toBeUndefined();
    expect(classifyStatusValue('pass')).toBe('healthy');
    expect(classifyStatusValue('warn')).toBe('healthy');
    expect(classifyStatusValue('maintenance')).toBe('unknown');
  });
});

describe('health.endpoint and health.dependencies against real servers', () => {
  it('finds liveness and readiness, reports the dependency down, then up', async () => {
    let databaseUp = false;
    server = await startServer((req, res) => {
      if (req.url === '/livez') return json(res, 200, { status: 'ok' });
      if (req.url === '/readyz') {
        return json(res, databaseUp ? 200 : 503, { status: databaseUp ? 'ok' : 'fail', checks: { database: { status: databaseUp ? 'up' : 'down' }, cache: { status: 'up' } } });
      }
      if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>app</h1>');
      res.writeHead(404).end('not found');
    });
    const down = await runChecks(healthChecks, { target: server.url });
    // One cause, one finding: the readiness endpoint answering 503 for its database works as designed (issue 13).
    expect(of(down, 'health.endpoint').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['pass', 'P0', `Liveness endpoint GET /livez (found among ${COMMON_HEALTH_PATHS.length} common paths) answered 200 (status: "ok") in ${msOf(of(down, 'health.endpoint')[0]!.message)} ms.`],
      ['pass', 'P0', `Readiness endpoint GET /readyz (found among ${COMMON_HEALTH_PATHS.length} common paths) answered 503 in ${msOf(of(down, 'health.endpoint')[1]!.message)} ms because database is down: it reports its state as designed; the dependency is reported by health.dependencies.`],
    ]);
    expect(of(down, 'health.dependencies').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P0', 'Readiness endpoint GET /readyz reports 1 of 2 dependencies not healthy: database ("down").'],
    ]);
    // Every common path once, shared by both checks (cached), plus the base page and one nonsense path,
    // plus one quiet re-measurement of each of the two endpoints found.
    expect(down.requests).toBe(COMMON_HEALTH_PATHS.length + 2 + 2);

    databaseUp = true;
    const up = await runChecks(healthChecks, { target: server.url });
    expect(of(up, 'health.endpoint').map((f) => f.status)).toEqual(['pass', 'pass']);
    expect(of(up, 'health.dependencies').map((f) => [f.status, f.message])).toEqual([
      ['pass', 'Readiness endpoint GET /readyz reports 2 dependencies, all healthy: database, cache.'],
    ]);
  });

  it('fails P2 (a gap, not a failing endpoint) when every health path answers 404 and nothing waits on one, and skips dependencies', async () => {
    server = await startServer((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('nope'));
    const result = await runChecks(healthChecks, { target: server.url });
    const [finding] = of(result, 'health.endpoint');
    expect(of(result, 'health.endpoint')).toHaveLength(1);
    expect(finding).toMatchObject({ status: 'fail', severity: 'P2' });
    expect(finding!.message).toBe(
      `No health endpoint answers: none of ${COMMON_HEALTH_PATHS.length} common paths (/health, /healthz, /livez, /readyz, /health/live, /health/ready, …) gave a health response (${COMMON_HEALTH_PATHS.length} answered 404). Nothing in the deployment waits on one, so this is a gap (P2), not a failing endpoint. If the service has one elsewhere, configure it under \`health:\`.`,
    );
    expect(of(result, 'health.dependencies').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'No health endpoint answered, so no payload to read (see health.endpoint).'],
    ]);
  });

  it('reports an error, not a missing or failing health endpoint, when the request budget runs out before the probes', async () => {
    server = await startServer((req, res) => (/^\/(actuator\/health|up\d)$/.test(req.url ?? '') ? json(res, 200, { status: 'UP' }) : res.writeHead(404).end()));
    const config = { http: { 'max-requests': 4 } };
    const discovered = await runChecks(healthChecks, { target: server.url, config });
    expect(of(discovered, 'health.endpoint').map((f) => [f.status, f.message.startsWith('Incomplete: ')])).toEqual([['error', true]]);
    // Five healthy configured endpoints, budget for three of them after the base page.
    const configured = await runChecks(healthChecks, { target: { url: server.url, health: ['/up1', '/up2', '/up3', '/up4', '/up5'] }, config });
    expect(of(configured, 'health.endpoint').map((f) => f.status).sort()).toEqual(['error', 'error', 'pass', 'pass', 'pass']);
  });

  it('does not take a single-page app that serves its index for every path as a health endpoint', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><div id="root"></div>'));
    const result = await runChecks(healthChecks, { target: server.url });
    expect(of(result, 'health.endpoint').map((f) => [f.status, f.severity])).toEqual([['fail', 'P2']]);
    expect(of(result, 'health.endpoint')[0]!.message).toContain(`(${COMMON_HEALTH_PATHS.length} answered 200)`);
  });

  it('does not take an SPA whose index differs on every request (a nonce), nor a 503 served everywhere, as health endpoints', async () => {
    let nonce = 0;
    server = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><script nonce="${++nonce}"></script><div id="root"></div>`),
    );
    const spa = await runChecks(healthChecks, { target: server.url });
    expect(of(spa, 'health.endpoint').map((f) => [f.status, f.severity])).toEqual([['fail', 'P2']]);
    await server.close();

    server = await startServer((req, res) =>
      req.url === '/' ? res.writeHead(200).end('home') : res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable'),
    );
    const maintenance = await runChecks(healthChecks, { target: server.url });
    expect(of(maintenance, 'health.endpoint').map((f) => [f.status, f.severity])).toEqual([['fail', 'P2']]);
    expect(of(maintenance, 'health.endpoint')[0]!.message).toContain(`(${COMMON_HEALTH_PATHS.length} answered 503)`);
  });

  it('keeps a JSON health endpoint even when the root answers the same JSON', async () => {
    server = await startServer((req, res) =>
      req.url === '/' || req.url === '/healthz' ? json(res, 200, { status: 'ok' }) : res.writeHead(404).end(),
    );
    const result = await runChecks(healthChecks, { target: server.url });
    expect(of(result, 'health.endpoint').map((f) => [f.status, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['pass', `Health endpoint GET /healthz (found among ${COMMON_HEALTH_PATHS.length} common paths) answered 200 (status: "ok") in N ms.`],
    ]);
  });

  it('judges configured endpoints only: unhealthy status field, slow answer, per-endpoint severity', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/status') return json(res, 200, { state: 'DOWN' });
      if (req.url === '/slow') return setTimeout(() => json(res, 200, { status: 'ok' }), 300);
      if (req.url === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      res.writeHead(404).end();
    });
    const result = await runChecks(healthChecks, {
      target: { url: server.url, health: [{ path: '/status', severity: 'P1' }, '/slow', '/ok'] },
      config: { health: { 'latency-ms': 150 } },
    });
    const findings = of(result, 'health.endpoint');
    expect(findings.map((f) => [f.status, f.severity, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['fail', 'P0', 'Health endpoint GET /slow (configured) answered 200 (status: "ok") in N ms, slower than the 150 ms threshold (health.latency-ms).'],
      ['fail', 'P1', 'Health endpoint GET /status (configured) answered 200 in N ms but its state field says "DOWN".'],
      ['pass', 'P0', 'Health endpoint GET /ok (configured) answered 200 in N ms.'],
    ]);
    // Only the three configured paths and the base page: no discovery. Each is then measured
    // again alone, /slow twice (too slow the first time).
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/', '/ok', '/ok', '/slow', '/slow', '/slow', '/status', '/status']);
    expect(of(result, 'health.dependencies').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'No health payload lists dependencies (read /status, /slow, /ok).'],
    ]);
  });
});

function msOf(message: string): string {
  return /in (\d+) ms/.exec(message)?.[1] ?? 'none';
}
