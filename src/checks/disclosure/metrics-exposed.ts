import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpResponse } from '../../http/client.js';
import { describeExchange, excerpt } from '../../http/evidence.js';
import { incompleteProbes, pathProbe } from '../../http/surface.js';

export const METRICS_PATHS = ['/metrics', '/api/metrics', '/actuator/prometheus', '/actuator/metrics', '/actuator', '/debug/pprof/'] as const;

// Prometheus text exposition format: `# TYPE name kind` or `name{labels} value` lines.
const PROM_TYPE = /^# TYPE [a-zA-Z_:][\w:]* (counter|gauge|histogram|summary|untyped)\s*$/m;
const PROM_SAMPLE = /^[a-zA-Z_:][\w:]*(\{[^}\n]*\})? [-+]?(\d[\d.eE+-]*|NaN|\+?Inf)( \d+)?\s*$/gm;

/** What kind of metrics this body is, or undefined when it is not real metrics content. */
export function metricsContent(body: string): string | undefined {
  if (/^\s*</.test(body)) {
    return /Types of profiles available|goroutine\?debug=/i.test(body) ? 'Go pprof profiles index' : undefined;
  }
  if (PROM_TYPE.test(body) || (body.match(PROM_SAMPLE)?.length ?? 0) >= 3) return 'Prometheus metrics';
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (Array.isArray(json['names']) && json['names'].length) return 'Spring Boot actuator metric names';
    const links = json['_links'] as Record<string, unknown> | undefined;
    if (links && typeof links === 'object' && Object.keys(links).some((k) => k !== 'self' && k !== 'health' && k !== 'info')) {
      return `Spring Boot actuator index (${Object.keys(links).join(', ')})`;
    }
  } catch {
    // Not JSON: not metrics.
  }
  return undefined;
}

export function exposesMetrics(response: HttpResponse): string | undefined {
  return response.status >= 200 && response.status < 300 ? metricsContent(response.body) : undefined;
}

const ID = 'disclosure.metrics-exposed';

export const metricsExposed: LiveCheck = {
  id: ID,
  title: 'Metrics endpoints are not public',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary: `Fails when ${METRICS_PATHS.map((p) => '`' + p + '`').join(', ')} answers without authentication with real metrics content (Prometheus exposition, actuator metric names or index, pprof).`,
    why: 'Public metrics reveal internal routes, traffic, user counts, versions and sometimes labels with personal data, and profiling endpoints can be used to load the service.',
    fix: 'Serve metrics on a separate internal port or behind authentication, and expose only `health` on public actuator endpoints.',
    snippets: [
      { stack: 'Spring Boot', code: 'management.server.port=9090\nmanagement.endpoints.web.exposure.include=health' },
      { stack: 'Express', code: "metricsApp.get('/metrics', handler); metricsApp.listen(9100, '127.0.0.1'); // not on the public app" },
      { stack: 'nginx', code: 'location /metrics { allow 10.0.0.0/8; deny all; }' },
    ],
    traffic: `${METRICS_PATHS.length} GETs without configured credentials, redirects not followed, bodies capped at 64 KiB.`,
  },
  async run({ exchanges, http }) {
    const results = await Promise.all(METRICS_PATHS.map((path) => pathProbe(exchanges, path, ID)));
    const findings: FindingInput[] = [];
    for (const result of results) {
      if (!result.ok) continue;
      const kind = exposesMetrics(result.response);
      if (!kind) continue;
      const r = result.response;
      findings.push({
        status: 'fail',
        message: `${new URL(r.url).pathname} serves ${kind} without authentication (${r.status}).`,
        url: r.url,
        evidence: `${describeExchange(r, { headers: ['content-type'], secretHeaders: http.secretHeaderNames })}\n\n${excerpt(r.body, 300)}`,
      });
    }
    if (findings.length) return findings;
    // A path never requested (budget spent, check stopped) was not shown to be private.
    const incomplete = incompleteProbes(results, 'metrics');
    if (incomplete) return [incomplete];
    const statuses = results.map((r, i) => `${METRICS_PATHS[i]} ${r.ok ? r.response.status : 'no answer'}`).join(', ');
    return [{ status: 'pass', message: `No public metrics endpoint: ${statuses}.` }];
  },
};
