// The HTTP security surface of one target as named, shared exchanges (as the
// MDN HTTP Observatory's retriever collects a site once): the base page, a
// not-found probe, CORS requests with a foreign `Origin` and preflights. Checks
// read them through these functions, so every check that needs the 404 probe
// gets the same single request from the per-target cache.

import type { TargetConfig, EndpointConfig } from '../config/schema.js';
import type { FindingInput } from '../core/finding.js';
import type { HttpRequest, HttpResponse, HttpResult } from './client.js';
import type { Exchanges } from './exchanges.js';

/** A path no application serves: what the target answers for an unknown URL. */
export const NOT_FOUND_PATH = '/readiness-gate-probe-7f3c9e1d/does-not-exist';

/** An origin the target cannot have allowed on purpose (`.example` is reserved, RFC 2606). */
export const FOREIGN_ORIGIN = 'https://evil.example';

/** Sandboxed iframes, `file:` pages and some redirects send `Origin: null`; anyone can forge it. */
export const NULL_ORIGIN = 'null';

/** Bodies of probes that only need their first bytes (sensitive files, metrics). */
export const PROBE_BODY_BYTES = 64 * 1024;

/** Paths probed for CORS beyond the base page, at most this many. */
const MAX_CORS_PATHS = 4;

export function notFoundProbe(exchanges: Exchanges): Promise<HttpResult> {
  return exchanges.get('not-found', { url: exchanges.url(NOT_FOUND_PATH) });
}

/** The base page and the not-found page: the pages every cookie and banner check reads. */
export async function probedPages(exchanges: Exchanges): Promise<HttpResponse[]> {
  const results = await Promise.all([exchanges.base(), notFoundProbe(exchanges)]);
  return results.flatMap((r) => (r.ok ? [r.response] : []));
}

/**
 * An unauthenticated GET of `path` on the target's origin, redirects not
 * followed, body capped: for files and endpoints that must not be public.
 */
export function pathProbe(exchanges: Exchanges, path: string, owner?: string): Promise<HttpResult> {
  return exchanges.get(
    `path:${path}`,
    { url: exchanges.url(path), withoutTargetHeaders: true, maxBodyBytes: PROBE_BODY_BYTES },
    owner ? { owner } : {},
  );
}

export interface CorsProbe {
  /** Cache key, also used in messages. */
  key: string;
  url: string;
  origin: string;
  /** An OPTIONS preflight rather than a simple GET. */
  preflight: boolean;
  /** The path is configured as an API or authenticated endpoint: any cross-origin read is a finding. */
  sensitive: boolean;
  method: string;
  /** Discovered, not configured: the preflight's method is our guess, not what the endpoint is known to take. */
  discovered?: boolean;
}

/**
 * Which CORS requests to send: on the base page a GET and a preflight with a
 * foreign origin and with `null`; on each configured API / authenticated /
 * protected path, then each discovered API endpoint (at most four in all), a
 * GET and a preflight with a foreign origin. A discovered endpoint's preflight
 * asks for POST: what a foreign page needs to change state there.
 */
export function planCorsProbes(target: TargetConfig, exchanges: Exchanges, discovered: readonly string[] = []): CorsProbe[] {
  const probes: CorsProbe[] = [];
  const add = (url: string, origin: string, sensitive: boolean, method: string, discovered = false): void => {
    for (const preflight of [false, true]) {
      probes.push({ key: `cors:${preflight ? 'OPTIONS' : 'GET'}:${origin}:${url}`, url, origin, preflight, sensitive, method, ...(discovered ? { discovered } : {}) });
    }
  };
  add(target.url, FOREIGN_ORIGIN, false, 'GET');
  add(target.url, NULL_ORIGIN, false, 'GET');
  const seen = new Set<string>([target.url]);
  const endpoints: Array<EndpointConfig & { discovered?: boolean }> = [
    ...target.paths.api,
    ...target.paths.authenticated,
    ...target.paths.protected,
    ...discovered.map((path) => ({ path, method: 'POST', discovered: true })),
  ];
  for (const endpoint of endpoints) {
    const url = exchanges.url(endpoint.path);
    if (seen.has(url) || seen.size > MAX_CORS_PATHS) continue;
    seen.add(url);
    add(url, FOREIGN_ORIGIN, true, endpoint.method, endpoint.discovered);
  }
  return probes;
}

/**
 * A simple GET carries the target's headers (a credentialed request, as a
 * browser sends cookies); a preflight never carries credentials (Fetch
 * standard, CORS-preflight request), so it goes without them.
 */
export function sendCorsProbe(exchanges: Exchanges, probe: CorsProbe, owner?: string): Promise<HttpResult> {
  const counting = owner ? { owner } : {};
  if (!probe.preflight) {
    return exchanges.get(probe.key, { url: probe.url, headers: { origin: probe.origin }, maxBodyBytes: PROBE_BODY_BYTES }, counting);
  }
  const preflight: HttpRequest = {
    url: probe.url,
    method: 'OPTIONS',
    withoutTargetHeaders: true,
    maxBodyBytes: PROBE_BODY_BYTES,
    headers: {
      origin: probe.origin,
      // What a script reading the endpoint with an Authorization header asks for.
      'access-control-request-method': probe.method,
      'access-control-request-headers': 'authorization, content-type',
    },
  };
  return exchanges.get(probe.key, preflight, counting);
}

/**
 * A GET of an API-looking path (`/api`, an API root the page links to), redirects not followed, shared: the
 * rate-limit burst looks for a path worth bursting among them, the banner check for a version document.
 */
export function apiProbe(exchanges: Exchanges, path: string): Promise<HttpResult> {
  return exchanges.get(`api-probe GET ${path}`, { url: exchanges.url(path), timeoutMs: 5000, maxBodyBytes: PROBE_BODY_BYTES });
}

/**
 * The fields of a small JSON object of version and build facts only (Jupyter's `GET /api` answers
 * `{"version": "7.0.6"}`; `{"name": "x", "version": "1.2"}`), or undefined for anything else.
 */
export function versionDocument(response: Pick<HttpResponse, 'body'>): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const onlyFacts =
    keys.length > 0 && keys.length <= 4 && keys.some((k) => /version/i.test(k)) && keys.every((k) => /^(version|\w*_?version|build|commit|revision|name|product|release)$/i.test(k));
  return onlyFacts ? (value as Record<string, unknown>) : undefined;
}

/**
 * The base page, or why there is none to judge (the runner skips live checks
 * when the target does not answer, but a redirect loop still leaves no page).
 */
export async function basePage(exchanges: Exchanges): Promise<{ response: HttpResponse } | { skip: FindingInput }> {
  const base = await exchanges.base();
  if (base.ok) return { response: base.response };
  return { skip: { status: 'skip', message: `Not checked: the base page gave no response (${base.error.message}).`, url: base.error.url } };
}

/**
 * Whether the audit reaches the target from the same machine (a loopback address or `localhost`): then the
 * target sees a local client, and whatever a server serves to local clients only (Apache's `Require local` on
 * /server-status in Debian's default configuration) says nothing about what the rest of the network gets.
 */
export function isLoopbackVantage(targetUrl: string): boolean {
  let host: string;
  try {
    host = new URL(targetUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host) || host.startsWith('::ffff:127.');
}

/** The request was not sent because of our own limits (budget spent, check cancelled): it says nothing about the target. */
export function isOwnLimit(result: HttpResult): boolean {
  return !result.ok && (result.error.code === 'budget' || result.error.code === 'aborted');
}

/**
 * The `error` finding for a set of probes that cannot vouch for the target:
 * some were never sent (our own limits), or none got a response. Undefined
 * when every probe was sent and at least one was answered.
 */
export function incompleteProbes(results: readonly HttpResult[], what: string): FindingInput | undefined {
  const unsent = results.filter(isOwnLimit);
  const first = unsent[0];
  if (first && !first.ok) {
    return { status: 'error', message: `Incomplete: ${unsent.length} of ${results.length} ${what} probes were not sent (${first.error.message}).` };
  }
  const failed = results.find((r) => !r.ok);
  if (results.every((r) => !r.ok) && failed && !failed.ok) {
    return { status: 'error', message: `None of the ${results.length} ${what} probes got a response (${failed.error.message}).` };
  }
  return undefined;
}
