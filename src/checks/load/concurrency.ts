import { burstPolicy } from '../../engine/bursts.js';
import type { EndpointConfig } from '../../config/schema.js';
import type { FindingInput, LiveCheck, LiveCheckContext, Severity } from '../../engine/types.js';
import { DEFAULT_USER_AGENT, type HttpRequest } from '../../http/client.js';
import { MAX_LOAD_CONNECTIONS, runLoadOnPool, summarizeLoad, type LoadRun, type LoadSummary, type PoolLoadOptions } from '../../http/load.js';
import { discoverHealth, judgeHealth, label } from '../health/discover.js';

export const loadConcurrency: LiveCheck = {
  id: 'load.concurrency',
  title: 'Service holds up under concurrent clients',
  category: 'performance',
  severity: 'P1',
  kind: 'live',
  exclusive: true,
  docs: {
    summary:
      'Runs load.concurrency keep-alive clients (default 50) for load.requests requests or load.duration-ms (default 500 or 10 s, whichever comes first) and fails when more than load.max-error-rate (1%) fail or p95 latency exceeds load.p95-ms (1000 ms).',
    why: 'A service that answers one user fine can still collapse with fifty: a small worker pool, a connection pool of five or a blocking call turns a launch or a traffic spike into an outage.',
    fix: 'Find the bottleneck the status breakdown points to (5xx from an exhausted pool, timeouts from blocking work), size worker and connection pools for the expected concurrency, and put slow work behind a queue or a cache.',
    severityNote:
      'P0 when fewer than half of the requests succeed. 429 answers are counted apart as "rate limited", not as errors: ratelimit.enforced runs just before (registry order) and may have tripped a limiter shared by every path.',
    traffic:
      'Up to load.requests requests (default 500, never more than the budget left) from load.concurrency clients (default 50, at most 128 and load.max-concurrency), for at most load.duration-ms; runs alone after the other checks. Target: the endpoints under `load:`, else the first healthy health endpoint, else `/`. Sent by default only to loopback and private addresses (and single-label service names); other hosts need `allow-load: true` or `--allow-bursts`, and `production: true` targets `allow-load: true`; disabled by `load.enabled: false`. Latency is measured per request from send to last byte over keep-alive connections; each client\'s first request (connection setup) is left out of the percentiles; scripts/bench-load.mjs compares the figures with autocannon.',
  },
  async run(ctx) {
    const { load } = ctx.config;
    const chosen = await loadTargetOf(ctx);
    if ('skip' in chosen) return [chosen.skip];
    const { endpoints, source } = chosen;
    const left = ctx.http.requestsRemaining;
    const requests = Math.min(load.requests, left);
    const concurrency = Math.min(load.concurrency, MAX_LOAD_CONNECTIONS, load.maxConcurrency);
    if (requests < concurrency) {
      return [
        {
          status: 'skip',
          message: `Not loaded: only ${left} request(s) left in the audit budget (http.max-requests), fewer than the ${concurrency} concurrent clients.`,
        },
      ];
    }
    const options = {
      requests: endpoints.map((e) => requestFor(e, ctx.target.url)),
      concurrency,
      maxRequests: requests,
      durationMs: load.durationMs,
      signal: ctx.signal,
    };
    const run = await runLoadOnPool({ take: () => ctx.http.takeRequest() }, { ...options, ...connectionSettings(ctx) });
    return [
      findingForLoad(run, summarizeLoad(run), {
        target: `${endpoints.map(label).join(', ')} (${source})`,
        url: new URL(endpoints[0]!.path, ctx.target.url).toString(),
        p95Ms: load.p95Ms,
        maxErrorRate: load.maxErrorRate,
        requested: { concurrency: load.concurrency, requests: load.requests, ...(requests < load.requests ? { budgetLeft: left } : {}) },
      }),
    ];
  },
};

/**
 * What every load check starts with: whether it may send its burst (load.enabled, engine/bursts.ts), and then the
 * endpoints to load; a skip finding when it may not.
 */
export async function loadTargetOf(ctx: LiveCheckContext): Promise<{ skip: FindingInput } | { endpoints: EndpointConfig[]; source: string }> {
  if (!ctx.config.load.enabled) return { skip: { status: 'skip', message: 'Disabled by load.enabled: false.' } };
  const policy = burstPolicy(ctx.target, 'load');
  if (!policy.allowed) return { skip: { status: 'skip', message: `Not loaded: ${policy.reason}.` } };
  return loadEndpoints(ctx);
}

/** The endpoints the load checks send to, and where they came from (load.ramp uses the same). */
export async function loadEndpoints(ctx: LiveCheckContext): Promise<{ endpoints: EndpointConfig[]; source: string }> {
  if (ctx.target.paths.load.length) return { endpoints: ctx.target.paths.load, source: 'configured under load' };
  const discovery = await discoverHealth(ctx);
  const healthy = discovery.found.find(
    (p) => p.result.ok && (p.endpoint.method === 'GET' || p.endpoint.method === 'HEAD') && judgeHealth(p.result.response, ctx.config.health.latencyMs).healthy,
  );
  if (healthy) {
    // Discovery followed redirects (`/health` -> `/health/`): load the URL that
    // answered, not a redirect, when it stays on the target's origin.
    const answered = healthy.result.ok ? new URL(healthy.result.response.url) : undefined;
    const path = answered && answered.origin === new URL(ctx.target.url).origin ? answered.pathname + answered.search : healthy.endpoint.path;
    return { endpoints: [{ path, method: healthy.endpoint.method }], source: 'the first healthy health endpoint' };
  }
  return { endpoints: [{ path: '/', method: 'GET' }], source: 'no healthy health endpoint, so the root' };
}

export function requestFor(endpoint: EndpointConfig, targetUrl: string): HttpRequest {
  return {
    url: new URL(endpoint.path, targetUrl).toString(),
    method: endpoint.method,
    body: endpoint.body,
    headers: endpoint.contentType ? { 'content-type': endpoint.contentType } : undefined,
  };
}

/** Headers and timeouts of every load connection: the target's headers, the audit's user agent and timeouts. */
export function connectionSettings(ctx: LiveCheckContext): Pick<PoolLoadOptions, 'headers' | 'connectTimeoutMs' | 'timeoutMs'> {
  return {
    headers: { 'user-agent': ctx.http.config.userAgent ?? DEFAULT_USER_AGENT, accept: '*/*', ...ctx.target.headers },
    connectTimeoutMs: ctx.http.config.connectTimeoutMs,
    timeoutMs: ctx.http.config.timeoutMs,
  };
}

export interface LoadContext {
  target: string;
  url: string;
  p95Ms: number;
  maxErrorRate: number;
  requested: { concurrency: number; requests: number; budgetLeft?: number };
}

export interface LoadVerdict {
  status: 'pass' | 'fail' | 'skip' | 'error';
  severity?: Severity;
  /** What is wrong, each a short clause. */
  problems: string[];
}

/**
 * The verdict, pure. 429s are the service protecting itself (and may come from
 * a limiter that ratelimit.enforced's burst tripped just before), so they are
 * counted apart and left out of both rates.
 */
export function judgeLoad(summary: LoadSummary, thresholds: { p95Ms: number; maxErrorRate: number }): LoadVerdict {
  if (!summary.sent) return { status: 'error', problems: ['no request could be sent'] };
  const judged = summary.sent - summary.rateLimited;
  if (judged === 0) return { status: 'skip', problems: ['every response was 429 (rate limited), so the service itself was not measured'] };
  const problems: string[] = [];
  const successRate = summary.succeeded / judged;
  if (summary.errorRate > thresholds.maxErrorRate) {
    problems.push(`${pct(summary.errorRate)} of requests failed (load.max-error-rate ${pct(thresholds.maxErrorRate)})`);
  }
  if (summary.latency && summary.latency.p95 > thresholds.p95Ms) {
    problems.push(`p95 latency ${ms(summary.latency.p95)} exceeds ${ms(thresholds.p95Ms)} (load.p95-ms)`);
  }
  if (!problems.length) return { status: 'pass', problems };
  return { status: 'fail', severity: successRate < 0.5 ? 'P0' : 'P1', problems };
}

export function findingForLoad(run: LoadRun, summary: LoadSummary, context: LoadContext): FindingInput {
  const verdict = judgeLoad(summary, context);
  const figures = describeFigures(run, summary, context);
  const notes: string[] = [];
  if (summary.rateLimited) {
    notes.push(
      `${summary.rateLimited} response(s) were 429 (rate limited) and are counted apart, not as errors; the limiter may have been tripped by ratelimit.enforced's burst just before`,
    );
  }
  // Capped at MAX_LOAD_CONNECTIONS and load.max-concurrency, whichever is lower.
  if (context.requested.concurrency > run.concurrency) notes.push(`load.concurrency ${context.requested.concurrency} capped at ${run.concurrency} connections`);
  if (context.requested.budgetLeft !== undefined) {
    notes.push(`load.requests ${context.requested.requests} was cut to the ${context.requested.budgetLeft} request(s) left in the audit budget`);
  }
  if (run.stoppedBy === 'budget') notes.push('the audit request budget ran out during the run');
  if (run.stoppedBy === 'aborted') notes.push('the run was cancelled before it finished');
  if (run.clientBound && run.cpuMs !== undefined) {
    notes.push(`the load generator itself used ${generatorShare(run)} of a CPU, so it may have set the pace: the latencies are an upper bound of the service's`);
  }
  const noteText = notes.length ? ` Note: ${notes.join('; ')}.` : '';
  const lead =
    verdict.status === 'pass'
      ? `${context.target} held up`
      : verdict.status === 'fail'
        ? `${context.target} does not hold up: ${verdict.problems.join('; ')}${verdict.severity === 'P0' ? `; only ${summary.succeeded} of ${summary.sent - summary.rateLimited} requests succeeded` : ''}`
        : `${context.target} could not be judged: ${verdict.problems.join('; ')}`;
  return {
    status: verdict.status,
    ...(verdict.severity ? { severity: verdict.severity } : {}),
    message: `${lead}. ${figures}.${noteText}`,
    url: context.url,
    evidence: describeLoadEvidence(run, summary, context),
  };
}

function describeFigures(run: LoadRun, summary: LoadSummary, context: LoadContext): string {
  const latency = summary.latency
    ? `latency p50 ${ms(summary.latency.p50)}, p95 ${ms(summary.latency.p95)}, p99 ${ms(summary.latency.p99)}`
    : 'no response, so no latency';
  return [
    `${run.concurrency} concurrent keep-alive clients sent ${summary.sent} requests in ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.throughput.toFixed(0)} req/s)`,
    latency,
    `error rate ${pct(summary.errorRate)} (threshold ${pct(context.maxErrorRate)})`,
    // The client's own cost, so a reader can tell a slow service from a busy generator.
    ...(run.cpuMs !== undefined ? [`load generator CPU ${ms(run.cpuMs)} (${generatorShare(run)} of one core)`] : []),
    `statuses ${breakdownText(summary)}`,
  ].join('; ');
}

function describeLoadEvidence(run: LoadRun, summary: LoadSummary, context: LoadContext): string {
  const lines = [
    `target: ${context.target}`,
    `clients: ${run.concurrency}, requests: ${summary.sent}, wall time: ${ms(summary.elapsedMs)}, stopped by: ${run.stoppedBy}`,
    `throughput: ${summary.throughput.toFixed(1)} req/s`,
  ];
  if (summary.latency) {
    const l = summary.latency;
    lines.push(`latency (send to last byte): p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  mean ${ms(l.mean)}  max ${ms(l.max)}`);
  }
  lines.push(`succeeded: ${summary.succeeded}, errors: ${summary.errors}, rate limited (429): ${summary.rateLimited}`);
  if (run.cpuMs !== undefined) {
    lines.push(`load generator CPU: ${ms(run.cpuMs)} (${generatorShare(run)} of one core)${run.clientBound ? ', client-bound: latencies are an upper bound' : ''}`);
  }
  lines.push(`statuses: ${breakdownText(summary)}`);
  const firstError = run.samples.find((s) => s.errorMessage);
  if (firstError) lines.push(`first failure without a response: ${firstError.errorMessage}`);
  return lines.join('\n');
}

function breakdownText(summary: LoadSummary): string {
  return Object.entries(summary.breakdown)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ×${n}`)
    .join(', ');
}

function generatorShare(run: LoadRun): string {
  return pct(run.elapsedMs > 0 ? (run.cpuMs ?? 0) / run.elapsedMs : 0);
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
