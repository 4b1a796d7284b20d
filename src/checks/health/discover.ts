// Health endpoints: the configured ones, or the common paths probed once per
// target. Probes go through the shared exchange cache, so health.endpoint,
// health.dependencies and load.concurrency (which loads the first healthy
// one) read the same answers and the target sees each probe once.

import type { EndpointConfig } from '../../config/schema.js';
import type { LiveCheckContext } from '../../engine/types.js';
import type { HttpResponse, HttpResult } from '../../http/client.js';
import { NOT_FOUND_PATH, notFoundProbe } from '../../http/surface.js';
import { recogniseProducts } from '../../http/products.js';
import type { RepoHealth } from '../../model/health-paths.js';

/**
 * Paths frameworks and platforms use by convention (Kubernetes, Spring
 * Actuator, ASP.NET, MicroProfile, Go, Node), most common first: probed on
 * every target without configured paths. Rarer conventions are probed when
 * the repository names them (model/health-paths.ts) or, for nested ones, when
 * their parent answered (NESTED_HEALTH_PATHS).
 */
export const COMMON_HEALTH_PATHS = [
  '/health',
  '/healthz',
  '/livez',
  '/readyz',
  '/health/live',
  '/health/ready',
  '/ready',
  '/live',
  '/ping',
  '/healthcheck',
  '/api/health',
  '/actuator/health',
] as const;

/**
 * Probed only when their parent answered as a health endpoint: Spring Boot
 * serves its probe groups under the health endpoint, never without it.
 */
export const NESTED_HEALTH_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/actuator/health': ['/actuator/health/liveness', '/actuator/health/readiness'],
};

/** Probes in flight at once while discovering, so discovery is never a burst. */
const DISCOVERY_CONCURRENCY = 4;

export type HealthRole = 'liveness' | 'readiness' | 'health';

export interface HealthProbe {
  endpoint: EndpointConfig;
  role: HealthRole;
  result: HttpResult;
  /** The deployment file whose probe or health check calls this path: it is judged whatever it answers. */
  requiredBy?: string;
}

export interface HealthDiscovery {
  /** True when the endpoints come from the configuration (every one is judged). */
  configured: boolean;
  /** Every probe sent, in path order. */
  probes: HealthProbe[];
  /** The probes that look like a health endpoint (all of them when configured). */
  found: HealthProbe[];
  /** How many of the probed paths the repository named (probed first). */
  fromRepository: number;
  /** Products recognised on the base page, whose documented health paths were probed too. */
  products: string[];
  /** What in the repository's deployment waits on a health check that names no path we could probe. */
  waitedOnBy?: RepoHealth['waitedOnBy'];
}

export function roleOf(path: string, configuredAs?: 'health' | 'readiness'): HealthRole {
  if (configuredAs === 'readiness' || /read(y|iness)/i.test(path)) return 'readiness';
  if (/live|liveness|ping/i.test(path)) return 'liveness';
  return 'health';
}

export function label(endpoint: Pick<EndpointConfig, 'method' | 'path'>): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The probe timeout: enough to see a slow answer, never the full request timeout. */
export function probeTimeoutMs(ctx: Pick<LiveCheckContext, 'config'>): number {
  return Math.min(ctx.config.http.timeoutMs, Math.max(2 * ctx.config.health.latencyMs, 2000));
}

export async function discoverHealth(ctx: Pick<LiveCheckContext, 'target' | 'exchanges' | 'config' | 'repository'>): Promise<HealthDiscovery> {
  const configured: Candidate[] = [
    ...ctx.target.paths.health.map((endpoint) => ({ endpoint, role: roleOf(endpoint.path, 'health') })),
    ...ctx.target.paths.readiness.map((endpoint) => ({ endpoint, role: roleOf(endpoint.path, 'readiness') })),
  ];
  if (configured.length) {
    const probes = await probeAll(ctx, configured);
    return { configured: true, probes, found: probes, fromRepository: 0, products: [] };
  }
  // The repository's own probes and routes first, then the recognised product's documented paths, then the common ones.
  const [repoHealth, base] = await Promise.all([ctx.repository?.health() ?? Promise.resolve<RepoHealth>({ paths: [] }), ctx.exchanges.base()]);
  const products = recogniseProducts(base.ok ? base.response : undefined);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const add = (path: string, role: HealthRole, requiredBy?: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    candidates.push({ endpoint: { path, method: 'GET' } as EndpointConfig, role, ...(requiredBy ? { requiredBy } : {}) });
  };
  for (const entry of repoHealth.paths) add(entry.path, entry.role ?? roleOf(entry.path), entry.declared ? entry.file : undefined);
  const fromRepository = candidates.length;
  const documenting = products.filter((p) => p.health?.length);
  for (const product of documenting) for (const path of product.health!) add(path, roleOf(path));
  for (const path of COMMON_HEALTH_PATHS) add(path, roleOf(path));
  const [probes, references] = await Promise.all([probeAll(ctx, candidates), catchAllReferences(ctx)]);
  const isHealth = (p: HealthProbe): boolean => p.result.ok && looksLikeHealth(p.result.response, references);
  const nested: Candidate[] = [];
  for (const probe of probes.filter(isHealth)) {
    for (const path of NESTED_HEALTH_PATHS[probe.endpoint.path] ?? []) {
      if (seen.has(path)) continue;
      seen.add(path);
      nested.push({ endpoint: { path, method: 'GET' } as EndpointConfig, role: roleOf(path) });
    }
  }
  if (nested.length) probes.push(...(await probeAll(ctx, nested)));
  return {
    configured: false,
    probes,
    // A path the deployment's own probe calls is judged whatever it answers: a 404 there fails that probe.
    found: probes.filter((p) => p.requiredBy !== undefined || isHealth(p)),
    fromRepository,
    products: documenting.map((p) => p.name),
    ...(repoHealth.waitedOnBy ? { waitedOnBy: repoHealth.waitedOnBy } : {}),
  };
}

interface Candidate {
  endpoint: EndpointConfig;
  role: HealthRole;
  requiredBy?: string;
}

async function probeAll(ctx: Pick<LiveCheckContext, 'exchanges' | 'config'>, candidates: readonly Candidate[]): Promise<HealthProbe[]> {
  const timeoutMs = probeTimeoutMs(ctx);
  return mapBounded(candidates, DISCOVERY_CONCURRENCY, async ({ endpoint, role, requiredBy }) => ({
    endpoint,
    role,
    ...(requiredBy ? { requiredBy } : {}),
    result: await ctx.exchanges.get(`health ${label(endpoint)}`, {
      url: ctx.exchanges.url(endpoint.path),
      method: endpoint.method,
      body: endpoint.body,
      headers: endpoint.contentType ? { 'content-type': endpoint.contentType } : undefined,
      followRedirects: true,
      timeoutMs,
      maxBodyBytes: HEALTH_BODY_BYTES,
    }),
  }));
}

/**
 * The base page and what the server answers for a path it cannot have: the
 * not-found probe every check shares (errors.not-found, the disclosure
 * checks), so the target sees it once. A catch-all (an SPA's index, a
 * maintenance 503 for every path) answers the same everywhere. Health probes
 * follow redirects, so when the not-found probe is redirected (to a login
 * page, to an SPA's index) the followed answer is fetched as well.
 */
export async function catchAllReferences(ctx: Pick<LiveCheckContext, 'exchanges' | 'config'>): Promise<CatchAllReferences> {
  const [base, notFound] = await Promise.all([ctx.exchanges.base(), notFoundProbe(ctx.exchanges)]);
  let nowhere = notFound.ok ? notFound.response : undefined;
  if (nowhere && nowhere.status >= 300 && nowhere.status < 400 && nowhere.headers['location']) {
    const followed = await ctx.exchanges.get('not-found followed', {
      url: ctx.exchanges.url(NOT_FOUND_PATH),
      followRedirects: true,
      timeoutMs: probeTimeoutMs(ctx),
      maxBodyBytes: HEALTH_BODY_BYTES,
    });
    nowhere = followed.ok ? followed.response : undefined;
  }
  return { basePage: base.ok ? base.response : undefined, nowhere: nowhere && capBody(nowhere, HEALTH_BODY_BYTES) };
}

/** Bodies of health probes (and of the references they are compared with) are read up to this many bytes. */
const HEALTH_BODY_BYTES = 64 * 1024;

/** `response` as a probe capped at `bytes` would have read it, so bodies compare equal. */
function capBody(response: HttpResponse, bytes: number): HttpResponse {
  if (response.bodyBytes <= bytes) return response;
  return { ...response, body: Buffer.from(response.body, 'utf8').subarray(0, bytes).toString('utf8'), bodyBytes: bytes, truncated: true };
}

/** What the server answers for its home page and for a path that cannot exist. */
export interface CatchAllReferences {
  basePage?: HttpResponse;
  nowhere?: HttpResponse;
}

/**
 * A discovered path counts as a health endpoint when it answers 2xx, 503 or
 * a 5xx health payload, and not merely what the server answers everywhere.
 */
export function looksLikeHealth(response: HttpResponse, references: CatchAllReferences = {}): boolean {
  if (isCatchAll(response, references)) return false;
  if (is2xx(response.status)) return true;
  if (response.status === 503) return true;
  return response.status >= 500 && healthStatusOf(parseJson(response)) !== undefined;
}

/**
 * A catch-all route, not an endpoint: the same answer as a path that cannot
 * exist (a maintenance 503 everywhere, an SPA's index), the home page's HTML
 * again, or any 2xx HTML page on a server that answers 2xx HTML for nonsense
 * paths (an SPA whose index carries a per-request nonce differs every time).
 * A JSON root identical to /health is not a catch-all: both may be health.
 */
export function isCatchAll(response: HttpResponse, { basePage, nowhere }: CatchAllReferences): boolean {
  if (nowhere && response.status === nowhere.status && response.body === nowhere.body) return true;
  if (!isHtml(response)) return false;
  if (basePage && response.status === basePage.status && response.body === basePage.body) return true;
  return nowhere !== undefined && isHtml(nowhere) && is2xx(nowhere.status) && is2xx(response.status);
}

function isHtml(response: HttpResponse): boolean {
  return /html/i.test(response.headers['content-type'] ?? '');
}

function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}

export function parseJson(response: HttpResponse): unknown {
  const type = response.headers['content-type'] ?? '';
  const text = response.body.trim();
  if (!/json/i.test(type) && !/^[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const HEALTHY = new Set(['ok', 'up', 'pass', 'passed', 'passing', 'healthy', 'ready', 'alive', 'live', 'green', 'true', 'success', 'available', 'running', 'working', 'serving', 'online', 'warn', 'degraded']);
const UNHEALTHY = new Set(['down', 'fail', 'failed', 'failing', 'failure', 'error', 'unhealthy', 'critical', 'red', 'false', 'not_ready', 'notready', 'not ready', 'unavailable', 'out_of_service', 'outofservice', 'not_serving', 'offline', 'dead', 'unknown', 'timeout', 'disconnected', 'broken']);

export type HealthWord = 'healthy' | 'unhealthy' | 'unknown';

/** How a status value reads: IETF draft (pass/warn/fail), Spring (UP/DOWN/OUT_OF_SERVICE), booleans, and the usual words. */
export function classifyStatusValue(value: unknown): HealthWord {
  if (typeof value === 'boolean') return value ? 'healthy' : 'unhealthy';
  if (typeof value !== 'string' && typeof value !== 'number') return 'unknown';
  const word = String(value).trim().toLowerCase();
  if (HEALTHY.has(word)) return 'healthy';
  if (UNHEALTHY.has(word)) return 'unhealthy';
  return 'unknown';
}

const STATUS_KEYS = ['status', 'state', 'health'];

/** The top-level status field of a health payload, when it has one. */
export function healthStatusOf(payload: unknown): { key: string; value: string; word: HealthWord } | undefined {
  if (!isObject(payload)) return undefined;
  for (const [key, value] of Object.entries(payload)) {
    if (!STATUS_KEYS.includes(key.toLowerCase())) continue;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      return { key, value: String(value), word: classifyStatusValue(value) };
    }
  }
  return undefined;
}

export interface HealthJudgement {
  healthy: boolean;
  /** Why, in words that fit after "answered 200 in 3 ms". */
  detail: string;
}

/** A health endpoint passes with a 2xx within the latency threshold and, for JSON, a healthy status field. */
export function judgeHealth(response: HttpResponse, latencyMs: number): HealthJudgement {
  const ms = Math.round(response.timings.totalMs);
  const status = healthStatusOf(parseJson(response));
  const said = status ? ` (${status.key}: "${status.value}")` : '';
  if (response.status < 200 || response.status >= 300) {
    return { healthy: false, detail: `answered ${response.status}${said} in ${ms} ms` };
  }
  if (status && status.word !== 'healthy') {
    return { healthy: false, detail: `answered ${response.status} in ${ms} ms but its ${status.key} field says "${status.value}"` };
  }
  if (response.timings.totalMs > latencyMs) {
    return { healthy: false, detail: `answered ${response.status}${said} in ${ms} ms, slower than the ${latencyMs} ms threshold (health.latency-ms)` };
  }
  return { healthy: true, detail: `answered ${response.status}${said} in ${ms} ms` };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function roleName(role: HealthRole): string {
  return role === 'liveness' ? 'Liveness endpoint' : role === 'readiness' ? 'Readiness endpoint' : 'Health endpoint';
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
