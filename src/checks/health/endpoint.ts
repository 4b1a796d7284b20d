import type { FindingInput, LiveCheck, LiveCheckContext } from '../../engine/types.js';
import type { HttpClient } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';
import { isOwnLimit } from '../../http/surface.js';
import { COMMON_HEALTH_PATHS, discoverHealth, judgeHealth, label, parseJson, probeTimeoutMs, roleName, type HealthDiscovery, type HealthProbe } from './discover.js';
import { dependenciesOf } from './payload.js';
import { MAX_REPO_HEALTH_PATHS } from '../../model/health-paths.js';

export const healthEndpoint: LiveCheck = {
  id: 'health.endpoint',
  title: 'Health endpoint answers healthy',
  category: 'reliability',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Fails when no health endpoint is found (P2, or P1, see below), or when a health/readiness endpoint (configured, called by the deployment\'s probe or health check, or found) answers non-2xx (a 404 at the path a Kubernetes probe or health check calls is a failing endpoint), slower than health.latency-ms (default 1000 ms), or with a JSON status field (status, state, health) that is not healthy. An endpoint whose payload names the dependency that is down (e.g. 503 `{"dependencies":{"redis":"down"}}`) passes: it works as designed, and health.dependencies reports the dependency.',
    why: 'Orchestrators and load balancers route traffic and restart containers on what the health endpoints say; without one, a hung or half-started instance keeps receiving traffic and nobody is alerted.',
    fix: 'Expose a cheap liveness endpoint (process is up) and a readiness endpoint (dependencies reachable), answering 200 with {"status":"ok"} when healthy and 503 otherwise, and configure their paths under `health:` / `readiness:`.',
    snippets: [
      {
        stack: 'Express',
        code: "app.get('/livez', (_req, res) => res.json({ status: 'ok' }));\napp.get('/readyz', async (_req, res) => {\n  const db = await pingDb().then(() => 'up', () => 'down');\n  res.status(db === 'up' ? 200 : 503).json({ status: db === 'up' ? 'ok' : 'fail', checks: { database: { status: db } } });\n});",
      },
      { stack: 'Spring Boot', code: 'management.endpoint.health.probes.enabled=true\n# /actuator/health/liveness and /actuator/health/readiness' },
      { stack: 'Kubernetes', code: 'livenessProbe:\n  httpGet: { path: /livez, port: 8080 }\nreadinessProbe:\n  httpGet: { path: /readyz, port: 8080 }' },
    ],
    severityNote:
      'A failing health endpoint is P0. No health endpoint at all is a gap: P2, or P1 when the repository\'s deployment waits on a health check (an exec or tcpSocket probe, a HEALTHCHECK, `condition: service_healthy`). A configured endpoint may carry its own severity (`health: [{path: /status, severity: P1}]`).',
    traffic: `Without configured paths, one GET of each health path the repository names (Kubernetes probes, compose and Dockerfile health checks, routes in the code; at most ${MAX_REPO_HEALTH_PATHS}), then of the documented health paths of a product recognised on the base page (Syncthing, Verdaccio, Grafana, Prometheus...), then of each of ${COMMON_HEALTH_PATHS.length} common health paths (${COMMON_HEALTH_PATHS.join(', ')}; 4 at a time, redirects followed), then /actuator/health/liveness and /readiness when /actuator/health answered; shared with health.dependencies and load.concurrency; otherwise one request per configured endpoint. Then each endpoint found is requested again, alone, after the concurrent checks (twice when the first answer is slower than health.latency-ms): that answer is judged.`,
  },
  quiet: true,
  async run(ctx) {
    const discovery = await discoverHealth(ctx);
    return findingsForHealth(await measuredQuietly(discovery, ctx), ctx.config.health.latencyMs, ctx.http);
  },
};

/**
 * The endpoints found, each requested again now that the concurrent checks are
 * done (the engine runs this check in its quiet phase), on an idle keep-alive
 * connection; once more when that answer is too slow, so one stall (a dropped
 * SYN costs a 1 s retransmission) is not a failure. The discovery probes ran
 * among dozens of other requests: their timings measure the audit, not the target.
 */
async function measuredQuietly(discovery: HealthDiscovery, ctx: Pick<LiveCheckContext, 'http' | 'exchanges' | 'config'>): Promise<HealthDiscovery> {
  const latencyMs = ctx.config.health.latencyMs;
  const found: HealthProbe[] = [];
  for (const probe of discovery.found) {
    const request = {
      url: ctx.exchanges.url(probe.endpoint.path),
      method: probe.endpoint.method,
      body: probe.endpoint.body,
      headers: probe.endpoint.contentType ? { 'content-type': probe.endpoint.contentType } : undefined,
      followRedirects: true,
      timeoutMs: probeTimeoutMs(ctx),
      maxBodyBytes: 64 * 1024,
    };
    let result = await ctx.http.send(request);
    if (result.ok && result.response.timings.totalMs > latencyMs) result = await ctx.http.send(request);
    // Our own limits (budget spent, check stopped) say nothing: keep what discovery saw.
    found.push(isOwnLimit(result) ? probe : { ...probe, result });
  }
  return { ...discovery, found };
}

export function findingsForHealth(discovery: HealthDiscovery, latencyMs: number, http: Pick<HttpClient, 'secretHeaderNames'>): FindingInput[] {
  if (!discovery.found.length) {
    // Paths never requested (budget spent, check stopped) say nothing about the service.
    const unsent = discovery.probes.filter((p) => isOwnLimit(p.result));
    const first = unsent[0]?.result;
    if (first && !first.ok) {
      return [{ status: 'error', message: `Incomplete: ${unsent.length} of ${discovery.probes.length} health probes were not sent (${first.error.message}), and none of the others found a health endpoint.` }];
    }
    return [noEndpointFound(discovery)];
  }
  const how = discovery.configured ? 'configured' : `found among ${probedPaths(discovery)}`;
  return discovery.found.map((probe) => findingForProbe(probe, latencyMs, probe.requiredBy ? `called by the health check in ${probe.requiredBy}` : how, http));
}

function findingForProbe(
  probe: HealthProbe,
  latencyMs: number,
  how: string,
  http: Pick<HttpClient, 'secretHeaderNames'>,
): FindingInput {
  // The role (liveness, readiness or plain health) is named from the path or
  // from the key it was configured under, so both kinds read apart.
  const name = `${roleName(probe.role)} ${label(probe.endpoint)} (${how})`;
  const severity = probe.endpoint.severity;
  if (!probe.result.ok) {
    return {
      status: isOwnLimit(probe.result) ? 'error' : 'fail',
      message: `${name} gave no response: ${probe.result.error.message}.`,
      url: probe.result.error.url,
      evidence: describeFailure(probe.result.error),
      ...(severity ? { severity } : {}),
    };
  }
  const response = probe.result.response;
  const judgement = judgeHealth(response, latencyMs);
  const down = dependenciesOf(parseJson(response)).filter((d) => d.word === 'unhealthy');
  if (!judgement.healthy && down.length && response.timings.totalMs <= latencyMs) {
    // A readiness endpoint answering 503 because its database is down works
    // as designed: the dependency is the one finding (health.dependencies).
    return {
      status: 'pass',
      message: `${name} answered ${response.status} in ${Math.round(response.timings.totalMs)} ms because ${down.map((d) => d.name).join(', ')} ${down.length === 1 ? 'is' : 'are'} down: it reports its state as designed; the dependency is reported by health.dependencies.`,
      url: response.url,
      evidence: describeExchange(response, { headers: ['content-type', 'cache-control'], bodyExcerpt: 300, secretHeaders: http.secretHeaderNames }),
    };
  }
  return {
    status: judgement.healthy ? 'pass' : 'fail',
    message: `${name} ${judgement.detail}.`,
    url: response.url,
    evidence: describeExchange(response, { headers: ['content-type', 'cache-control'], bodyExcerpt: 300, secretHeaders: http.secretHeaderNames }),
    ...(severity ? { severity } : {}),
  };
}

/**
 * No health endpoint: a gap, not a failing endpoint (SEVERITY.md). P1 when the repository's deployment waits on a
 * health check it cannot reach over HTTP here, P2 otherwise; configured paths are judged one by one instead.
 */
function noEndpointFound(discovery: HealthDiscovery): FindingInput {
  const byOutcome = new Map<string, string[]>();
  for (const probe of discovery.probes) {
    const outcome = probe.result.ok ? String(probe.result.response.status) : probe.result.error.code;
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), probe.endpoint.path]);
  }
  const outcomes = [...byOutcome.entries()].map(([outcome, paths]) => `${paths.length} answered ${outcome}`).join(', ');
  const evidence = [...byOutcome.entries()].map(([outcome, paths]) => `${outcome}: ${paths.join(' ')}`).join('\n');
  if (discovery.configured) return { status: 'fail', message: `No configured health endpoint answers (${outcomes}).`, evidence };
  const waited = discovery.waitedOnBy;
  const why = waited
    ? ` The deployment needs one: ${waited.what} (${waited.file}), so this is P1.`
    : ' Nothing in the deployment waits on one, so this is a gap (P2), not a failing endpoint.';
  return {
    status: 'fail',
    severity: waited ? 'P1' : 'P2',
    message: `No health endpoint answers: none of ${probedPaths(discovery)} (${discovery.probes.slice(0, 6).map((p) => p.endpoint.path).join(', ')}, …) gave a health response (${outcomes}).${why} If the service has one elsewhere, configure it under \`health:\`.`,
    evidence,
  };
}

/** "12 common paths", or "14 paths (2 named by the repository)". */
function probedPaths(discovery: HealthDiscovery): string {
  const n = discovery.probes.length;
  const sources = [
    discovery.fromRepository ? `${discovery.fromRepository} named by the repository` : '',
    discovery.products.length ? `those ${discovery.products.join(', ')} documents` : '',
  ].filter(Boolean);
  return sources.length ? `${n} paths (${sources.join(', ')})` : `${n} common paths`;
}
