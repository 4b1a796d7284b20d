import { burstPolicy } from '../../engine/bursts.js';
import type { EndpointConfig } from '../../config/schema.js';
import type { FindingInput, LiveCheck, LiveCheckContext } from '../../engine/types.js';
import type { HttpClient, HttpRequest, HttpResponse, HttpResult } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { catchAllReferences, isCatchAll, label, type CatchAllReferences } from '../health/discover.js';
import { limitSignal, rateLimitHeaders, type LimitSignal } from './signals.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { apiProbe, versionDocument } from '../../http/surface.js';

/** API-looking paths probed (once each, shared) when none is configured. */
export const API_CANDIDATES = ['/api', '/api/v1', '/api/v2', '/v1', '/graphql'] as const;

export const ratelimitEnforced: LiveCheck = {
  id: 'ratelimit.enforced',
  title: 'API is rate limited',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  exclusive: true,
  docs: {
    summary:
      'Sends a bounded burst to the rate-limited endpoints (default: the first API path found) and fails when no 429, no 503 with Retry-After and no RateLimit / X-RateLimit-* header appears.',
    why: 'Without a limit, one client can brute-force logins, scrape the API or exhaust the service for everyone; a limiter is the cheapest protection against both abuse and accidental retry storms.',
    fix: 'Put a per-client limit in front of the API and login (in the app, the gateway or the load balancer) that answers 429 with Retry-After and advertises itself with RateLimit headers.',
    snippets: [
      {
        stack: 'Express',
        code: "import { rateLimit } from 'express-rate-limit';\napp.use('/api', rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-8', legacyHeaders: false }));",
      },
      { stack: 'nginx', code: 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nlocation /api/ { limit_req zone=api burst=20 nodelay; limit_req_status 429; }' },
      { stack: 'Django REST framework', code: "REST_FRAMEWORK = {\n  'DEFAULT_THROTTLE_CLASSES': ['rest_framework.throttling.AnonRateThrottle'],\n  'DEFAULT_THROTTLE_RATES': {'anon': '100/min'},\n}" },
    ],
    severityNote:
      'P1 for the endpoints configured under `rate-limited:` or `api:`; P2 for an API read the probe found for itself (no limit on a cheap read is hygiene; logins are judged by auth.login-throttling). An endpoint may carry its own severity, e.g. `rate-limited: [{path: /login, method: POST, severity: P0}]`.',
    traffic:
      'Per endpoint, up to ratelimit.burst requests (default 40, at most 200), ratelimit.concurrency at a time (default 10), stopped at the first sign of a limit or when more requests go unanswered than answered; runs alone after the other checks. Only GET/HEAD unless the endpoint is configured under `rate-limited:`. Sent by default only to loopback and private addresses (and single-label service names); other hosts need `allow-ratelimit: true` or `--allow-bursts`, and `production: true` targets `allow-ratelimit: true`; disabled by `ratelimit.enabled: false`. Without configuration, up to 5 GETs to find an API path (/api, /api/v1, /api/v2, /v1, /graphql), then one per API endpoint the page or a recognised product names (at most 4; burst only when it answers 2xx); a document giving only a version is never burst.',
  },
  async run(ctx) {
    if (!ctx.config.ratelimit.enabled) return [{ status: 'skip', message: 'Disabled by ratelimit.enabled: false.' }];
    const policy = burstPolicy(ctx.target, 'ratelimit');
    if (!policy.allowed) return [{ status: 'skip', message: `Not burst: ${policy.reason}.` }];
    const chosen = await endpointsToBurst(ctx);
    if ('skip' in chosen) return [{ status: 'skip', message: chosen.skip }];
    const findings: FindingInput[] = [];
    for (const endpoint of chosen.endpoints) {
      const budget = ctx.http.requestsRemaining;
      const total = Math.min(ctx.config.ratelimit.burst, budget);
      if (total < 2) {
        findings.push({ status: 'skip', message: `Not burst ${label(endpoint)}: only ${budget} request(s) left in the audit budget (http.max-requests).` });
        continue;
      }
      const request: HttpRequest = {
        url: new URL(endpoint.path, ctx.target.url).toString(),
        method: endpoint.method,
        body: endpoint.body,
        headers: endpoint.contentType ? { 'content-type': endpoint.contentType } : undefined,
        maxBodyBytes: 16 * 1024,
      };
      const result = await burst(ctx.http.forBurst(), request, total, ctx.config.ratelimit.concurrency, ctx.signal);
      const finding = findingForBurst(endpoint, chosen.source, result, ctx.config.ratelimit.burst, total, ctx.config.ratelimit.concurrency, ctx.http);
      findings.push(chosen.configured ? finding : asDiscoveredRead(finding));
    }
    return findings;
  },
};

/** `configured`: the user named the endpoint (rate-limited: or api:), so its limit is expected; else it was found by probing. */
/**
 * An endpoint the probe found for itself is a read anyone may send: without a limit one client can scrape it or
 * load the service, which is hygiene (P2) unless the endpoint is costly or guards a secret, and only the user knows
 * that. Logins are judged by auth.login-throttling; endpoints named under `rate-limited:` keep the check's P1.
 */
function asDiscoveredRead(finding: FindingInput): FindingInput {
  if (finding.status !== 'fail') return finding;
  return {
    ...finding,
    severity: 'P2',
    message: `${finding.message} P2: a read the probe found for itself; name the endpoints that need a limit (search, exports, costly or password-guarded ones) under rate-limited: to judge them at P1.`,
  };
}

type Chosen = { endpoints: EndpointConfig[]; source: string; configured: boolean } | { skip: string };

async function endpointsToBurst(ctx: LiveCheckContext): Promise<Chosen> {
  const { paths } = ctx.target;
  if (paths.rateLimited.length) return { endpoints: paths.rateLimited, source: 'configured under rate-limited', configured: true };
  if (paths.api.length) {
    // Bursting a POST could create data: only explicit `rate-limited:` entries may be non-GET.
    const safe = paths.api.find((e) => e.method === 'GET' || e.method === 'HEAD');
    return safe
      ? { endpoints: [safe], source: 'the first GET endpoint configured under api', configured: true }
      : { skip: 'The configured api endpoints are not GET/HEAD and are never burst unless listed under rate-limited: (with their method).' };
  }
  const references = await catchAllReferences(ctx);
  // The well-known API roots, then the API endpoints the page or a recognised product names (Node-RED's /flows).
  const { api } = await discoverEndpoints(ctx.exchanges, ctx.target);
  const candidates = [...new Set([...API_CANDIDATES, ...api.map((a) => a.path)])];
  for (const path of candidates) {
    const probe = await apiProbe(ctx.exchanges, path);
    if (!probe.ok) continue;
    const discovered = api.find((a) => a.path === path);
    // A discovered endpoint is burst only when it serves something (2xx): one that refuses anonymous callers
    // (Syncthing's API without its key) costs the server nothing per request and guards a key no burst guesses.
    if (discovered && !API_CANDIDATES.includes(path as (typeof API_CANDIDATES)[number]) && !(probe.response.status >= 200 && probe.response.status < 300)) continue;
    if (looksLikeApi(probe.response, references)) {
      return { endpoints: [{ path, method: 'GET' }], source: discovered ? `found in ${discovered.source}` : `found by probing ${API_CANDIDATES.join(', ')}`, configured: false };
    }
  }
  return {
    skip: `No API path to burst: none is configured (rate-limited: or api:) and none of ${candidates.join(', ')} answered as an API (a document giving only a version is not one). Configure the login or API path under rate-limited:.`,
  };
}

/**
 * An API path answers something other than "not here" and other than what the
 * server answers everywhere, or carries rate-limit headers (a limiter mounted
 * on /api runs before routing, so even its 404 shows them). A public document
 * giving only a version (Jupyter's `GET /api` answers `{"version": "7.0.6"}`)
 * is no API worth a burst: nothing behind it costs the server or an account.
 */
export function looksLikeApi(response: HttpResponse, references: CatchAllReferences = {}): boolean {
  if (rateLimitHeaders(response).length || response.status === 429) return true;
  if ([404, 405, 410, 501].includes(response.status)) return false;
  if (response.status >= 300 && response.status < 400) return false;
  return !isCatchAll(response, references) && versionDocument(response) === undefined;
}

export interface BurstResult {
  sent: number;
  /** Responses that completed, in order of arrival, before the first limit. */
  beforeLimit: number;
  /**
   * Responses that were not refused by a limit (429, 503 with Retry-After),
   * in-flight ones included: at concurrency > 1 a limiter's quick 429s arrive
   * before slower successes that it let through first.
   */
  allowed: number;
  /** The first response that showed a limit, with its position in arrival order (1-based). */
  firstLimit?: { response: HttpResponse; signal: LimitSignal; position: number };
  statuses: Record<string, number>;
  /** Requests without a response, by error code. */
  failures: Record<string, number>;
  /** How many requests got no response (the sum of `failures`). */
  unanswered: number;
  lastResponse?: HttpResponse;
  budgetSpent: boolean;
}

/** Sends up to `total` requests, `concurrency` at a time, and stops issuing new ones at the first sign of a limit. */
export async function burst(http: HttpClient, request: HttpRequest, total: number, concurrency: number, signal?: AbortSignal): Promise<BurstResult> {
  const result: BurstResult = { sent: 0, beforeLimit: 0, allowed: 0, statuses: {}, failures: {}, unanswered: 0, budgetSpent: false };
  let arrived = 0;
  // More requests unanswered than answered (or a whole wave of them): the
  // endpoint stopped answering (a tarpit or an overload), and more requests
  // would only wait out their timeouts.
  const stoppedAnswering = (): boolean => result.unanswered > arrived || result.unanswered >= concurrency;
  const stop = (): boolean =>
    result.firstLimit !== undefined || result.budgetSpent || signal?.aborted === true || result.sent >= total || stoppedAnswering();
  /** Records one answer; false when the burst must end (budget spent). */
  const handle = (answer: HttpResult): boolean => {
    if (!answer.ok) {
      if (answer.error.code === 'budget') {
        result.sent--;
        result.budgetSpent = true;
        return false;
      }
      result.failures[answer.error.code] = (result.failures[answer.error.code] ?? 0) + 1;
      result.unanswered++;
      return true;
    }
    arrived++;
    const response = answer.response;
    result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
    result.lastResponse = response;
    const seen = limitSignal(response);
    if (seen?.kind !== 'limited') result.allowed++;
    if (seen && !result.firstLimit) result.firstLimit = { response, signal: seen, position: arrived };
    else if (!result.firstLimit) result.beforeLimit++;
    return true;
  };
  const worker = async (): Promise<void> => {
    while (!stop()) {
      result.sent++;
      if (!handle(await http.send(request))) return;
    }
  };
  // The first request goes alone: a limiter that advertises itself in its
  // headers is then seen after one request instead of `concurrency`.
  result.sent++;
  handle(await http.send(request));
  // No answer to a lone request: bursting a dead or hung endpoint proves nothing.
  if (!result.lastResponse) return result;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, total)) }, worker));
  return result;
}

export function findingForBurst(
  endpoint: EndpointConfig,
  source: string,
  result: BurstResult,
  burstSize: number,
  planned: number,
  concurrency: number,
  http: Pick<HttpClient, 'secretHeaderNames'>,
): FindingInput {
  const name = `${label(endpoint)} (${source})`;
  const severity = endpoint.severity ? { severity: endpoint.severity } : {};
  const statuses = Object.entries(result.statuses)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
  const failures = Object.entries(result.failures)
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ');
  const answered = [statuses, failures && `no response: ${failures}`].filter(Boolean).join('; ');
  const secretHeaders = http.secretHeaderNames;
  const limitHeaders = ['content-type', 'retry-after', 'ratelimit', 'ratelimit-policy', 'x-ratelimit-limit'];

  if (result.firstLimit) {
    const { response, signal, position } = result.firstLimit;
    const evidence = describeExchange(response, {
      headers: signal.kind === 'advertised' ? signal.headers.map(([n]) => n) : ['retry-after', ...rateLimitHeaders(response).map(([n]) => n)],
      secretHeaders,
    });
    if (signal.kind === 'limited') {
      const retry = signal.retryAfter ? ` (Retry-After: ${signal.retryAfter})` : '';
      return {
        status: 'pass',
        message: `${name} is rate limited: ${result.allowed} request(s) went through before it answered ${signal.status}${retry}; burst stopped after ${result.sent} request(s) sent ${concurrency} at a time.`,
        url: response.url,
        evidence,
        ...severity,
      };
    }
    const advertised = signal.headers.map(([n, v]) => `${n}: ${v}`).join(', ');
    const when = position === 1 ? 'on its first response' : `from response #${position} on, after ${result.beforeLimit} request(s) went through without`;
    return {
      status: 'pass',
      message: `${name} advertises a rate limit ${when} (${advertised}); burst stopped after ${result.sent} request(s).`,
      url: response.url,
      evidence,
      ...severity,
    };
  }
  if (!result.lastResponse) {
    return {
      status: 'error',
      message: `${name} could not be tested: ${result.budgetSpent ? 'the audit request budget is spent' : `no response to ${result.sent} request(s) (${failures})`}.`,
      ...severity,
    };
  }
  if (result.unanswered * 2 > result.sent) {
    return {
      status: 'error',
      message: `${name} could not be judged: it stopped answering during the burst (${result.unanswered} of ${result.sent} request(s) got no response: ${failures}; answered: ${statuses}), so neither a limit nor its absence was seen; burst stopped after ${result.sent} request(s).`,
      url: result.lastResponse.url,
      ...severity,
    };
  }
  const cut =
    result.sent >= burstSize
      ? ''
      : result.budgetSpent || planned < burstSize
        ? ` (cut short to ${result.sent} of ${burstSize}: the audit request budget, http.max-requests, ran out)`
        : ` (cut short to ${result.sent} of ${burstSize}: the check was stopped)`;
  return {
    status: 'fail',
    message: `No rate limit on ${name}: ${result.sent} requests sent ${concurrency} at a time${cut} all went through (${answered}); no 429, no 503 with Retry-After, no RateLimit or X-RateLimit-* header.`,
    url: result.lastResponse.url,
    evidence: describeExchange(result.lastResponse, { headers: limitHeaders, secretHeaders }),
    ...severity,
  };
}
