// The whole live battery without bursts (issue 15): at most 40 requests on a
// plain target, and health endpoints at uncommon paths still found, through
// their parent (Spring's probe groups) or because the repository names them.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { AuditResult } from '../../src/engine/run.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';

const BURSTS = new Set(['load.concurrency', 'load.ramp', 'ratelimit.enforced']);
const LIVE = ALL_CHECKS.filter((c) => c.kind === 'live' && !BURSTS.has(c.id));
const FAST = { http: { 'timeout-ms': 3000 } };

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

let server: TestServer | undefined;
let repo: TempRepo | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  repo?.cleanup();
  repo = undefined;
});

/** Each live check's worst outcome: what decides, whatever the wording. */
function verdicts(result: AuditResult): Record<string, string> {
  const rank = { fail: 0, error: 1, pass: 2, skip: 3 } as const;
  const out: Record<string, string> = {};
  for (const check of LIVE) {
    const findings = of(result, check.id).sort((a, b) => rank[a.status] - rank[b.status] || a.severity.localeCompare(b.severity));
    out[check.id] = findings[0] ? `${findings[0].status} ${findings[0].severity}` : 'none';
  }
  return out;
}

/** Health findings as status, severity and the endpoint named (role and path). */
function healthFindings(result: AuditResult): string[] {
  return of(result, 'health.endpoint').map((f) => `${f.status} ${f.severity} ${/^(\w+ endpoint GET \S+)/.exec(f.message)?.[1] ?? f.message.slice(0, 40)}`).sort();
}

const PLAIN_VERDICTS = {
  'http.reachable': 'pass P0',
  'tls.https-redirect': 'skip P1',
  'tls.certificate': 'skip P0',
  'headers.hsts': 'skip P1',
  'headers.csp': 'fail P2',
  // A plain page of text: nothing to click on.
  'headers.frame-options': 'fail P2',
  'headers.content-type-options': 'fail P2',
  'headers.referrer-policy': 'fail P2',
  'headers.permissions-policy': 'fail P2',
  'headers.cross-origin-isolation': 'fail P2',
  'cookies.flags': 'pass P1',
  'cors.policy': 'pass P0',
  'disclosure.server-banner': 'pass P2',
  'disclosure.debug-mode': 'pass P0',
  'disclosure.sensitive-paths': 'pass P0',
  'disclosure.metrics-exposed': 'pass P1',
  'http.trace-method': 'pass P2',
  'errors.not-found': 'pass P2',
  // No health endpoint, and no deployment waiting on one: a gap (P2), not a failing endpoint.
  'health.endpoint': 'fail P2',
  'health.dependencies': 'skip P0',
  'auth.malformed-token': 'skip P1',
  'reliability.graceful-errors': 'skip P2',
  // Issue 26's probes aim at what the page or a recognised product shows: nothing here, so no request.
  'auth.open-admin': 'skip P0',
  'auth.default-credentials': 'skip P0',
  'auth.login-throttling': 'skip P1',
  'disclosure.error-traces': 'skip P0',
  // Reads the base page only: no sign-up form, no link to one.
  'auth.open-registration': 'pass P1',
};

describe('the live battery without bursts', () => {
  it('sends at most 40 requests to a plain target (404 everywhere but /), with the same verdicts', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title><p>hello</p>');
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    });
    const result = await runChecks(LIVE, { target: server.url, config: FAST });
    expect(result.requests).toBeLessThanOrEqual(40);
    expect(server.requests).toHaveLength(result.requests);
    // base 1 + the one not-found probe 1 (shared by errors.not-found, the disclosure checks and health discovery)
    // + 12 common health paths; CORS 4, TRACE 1, malformed URL 1, sensitive paths 14, metrics 6.
    expect(result.requestsByCheck).toEqual({
      collect: 14,
      'cors.policy': 4,
      'http.trace-method': 1,
      'disclosure.debug-mode': 1,
      'disclosure.sensitive-paths': 14,
      'disclosure.metrics-exposed': 6,
    });
    expect(verdicts(result)).toEqual(PLAIN_VERDICTS);
    // The not-found probe went out once, whatever number of checks read it.
    expect(server.requests.filter((r) => r.url.startsWith('/readiness-gate-')).map((r) => r.url)).toEqual([
      '/readiness-gate-probe-7f3c9e1d/does-not-exist',
      '/readiness-gate-probe-7f3c9e1d/%E0%A4%A',
    ]);
  });

  it('finds Spring Boot probe groups under /actuator/health', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>app</h1>');
      if (req.url === '/actuator/health') return json(res, 200, { status: 'UP', groups: ['liveness', 'readiness'] });
      if (req.url === '/actuator/health/liveness') return json(res, 200, { status: 'UP' });
      if (req.url === '/actuator/health/readiness') return json(res, 503, { status: 'OUT_OF_SERVICE' });
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404,"error":"Not Found"}');
    });
    const result = await runChecks(LIVE, { target: server.url, config: FAST });
    expect(healthFindings(result)).toEqual([
      'fail P0 Readiness endpoint GET /actuator/health/readiness',
      'pass P0 Health endpoint GET /actuator/health',
      'pass P0 Liveness endpoint GET /actuator/health/liveness',
    ]);
    expect(result.requests).toBeLessThanOrEqual(40 + 2 + 3);
  });

  it('finds health endpoints at paths the repository names (Kubernetes probes, a Dockerfile HEALTHCHECK, a Django route)', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>app</h1>');
      if (req.url === '/ht/') return json(res, 200, { 'Cache backend: default': 'working', DatabaseBackend: 'working' });
      if (req.url === '/api/system/health/live/') return json(res, 200, { status: 'ok' });
      if (req.url === '/api/system/readiness/') return json(res, 503, { status: 'fail', checks: { database: { status: 'down' } } });
      if (req.url === '/__health') return json(res, 200, { status: 'pass' });
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    });
    repo = makeRepo({
      'app/urls.py': "from django.urls import include, path\n\nurlpatterns = [\n    path('ht/', include('health_check.urls')),\n]\n",
      'deploy/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: app }',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: app:1.2.3',
        '          livenessProbe:',
        '            httpGet:',
        '              path: /api/system/health/live/',
        '              port: 8000',
        '          readinessProbe:',
        '            httpGet:',
        '              path: /api/system/readiness/',
        '              port: 8000',
        '',
      ].join('\n'),
      Dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -fsS http://localhost:8000/__health || exit 1\nCMD ["gunicorn", "app.wsgi"]\n',
      'tests/test_health.py': "def test_health(client):\n    assert client.get('/internal/healthz/').status_code == 200\n",
    });
    const k8sProbes = ALL_CHECKS.filter((c) => c.id === 'k8s.probes');
    const result = await runChecks([...LIVE, ...k8sProbes], { target: server.url, config: FAST, repo: repo.root });
    expect(healthFindings(result)).toEqual([
      'pass P0 Health endpoint GET /__health',
      'pass P0 Health endpoint GET /ht/',
      'pass P0 Liveness endpoint GET /api/system/health/live/',
      'pass P0 Readiness endpoint GET /api/system/readiness/',
    ]);
    expect(of(result, 'health.dependencies').map((f) => f.status)).toEqual(['fail', 'pass']);
    // The repository's paths went out first; a path only a test names was not probed.
    const paths = server.requests.map((r) => r.url);
    expect(paths).not.toContain('/internal/healthz/');
    // Paths the deployment calls (the probes, the HEALTHCHECK) say so; a route in the code is a discovered candidate.
    const messages = of(result, 'health.endpoint').map((f) => f.message);
    expect(messages.find((m) => m.includes('GET /ht/'))).toContain('(found among 16 paths (4 named by the repository))');
    expect(messages.find((m) => m.includes('GET /__health'))).toContain('(called by the health check in Dockerfile)');
    expect(messages.find((m) => m.includes('GET /api/system/readiness/'))).toContain('(called by the health check in deploy/deployment.yaml)');
  });
});
