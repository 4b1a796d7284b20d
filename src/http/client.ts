// The one HTTP client. Every request the audit sends goes through `send`, so
// every request is counted against one budget, timed out (connect and total),
// its body capped, and its redirects followed by hand (with credentials never
// forwarded to another host). Errors are values, never exceptions.

import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { isIP } from 'node:net';
import { readPeerCertificate, type PeerCertificateResult } from './tls.js';

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Follow redirects by hand (default false: the first response is returned). */
  followRedirects?: boolean;
  /** Overrides the configured total timeout for this request. */
  timeoutMs?: number;
  /** Overrides the configured body cap; 0 reads no body. */
  maxBodyBytes?: number;
  /** Leave out the target's configured headers (e.g. to test an unauthenticated call). */
  withoutTargetHeaders?: boolean;
  /**
   * Send from this local address of the machine (the socket is bound to it): to ask a server on this machine
   * whether it answers a non-loopback client too (see http/vantage.ts).
   */
  localAddress?: string;
}

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
  crossHost: boolean;
  /** Cookies set by this hop (a login redirect often sets the session cookie). */
  setCookies?: string[];
}

export interface HttpResponse {
  /** The URL that produced this response (after redirects). */
  url: string;
  method: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", " (except set-cookie). */
  headers: Record<string, string>;
  /** Each value of each header, in order, lower-case names. */
  headerList: Array<[string, string]>;
  setCookies: string[];
  body: string;
  bodyBytes: number;
  /** True when the body was cut at the cap or by the timeout. */
  truncated: boolean;
  redirects: RedirectHop[];
  timings: { ttfbMs: number; totalMs: number };
  /** The request headers actually sent (for evidence; redact before quoting). */
  requestHeaders: Record<string, string>;
}

import type { HttpErrorCode, HttpFailure } from './failure.js';
export type { HttpErrorCode, HttpFailure };

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; error: HttpFailure };

export interface HttpClientOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRequests: number;
  maxRedirects: number;
  userAgent?: string;
}

/** Shared by every client of one audit. */
export class RequestBudget {
  used = 0;
  readonly byCheck = new Map<string, number>();
  constructor(readonly max: number) {}

  take(owner: string): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    this.byCheck.set(owner, (this.byCheck.get(owner) ?? 0) + 1);
    return true;
  }

  remaining(): number {
    return this.max - this.used;
  }
}

/**
 * Connections open at once to one origin, as browsers do (Chromium and Firefox
 * use 6 per host). More opens a burst of SYNs a small server drops (Django's
 * runserver listens with a backlog of 10), and the audit would measure its own
 * queueing as the target's latency.
 */
export const CONNECTIONS_PER_ORIGIN = 6;

class Dispatchers {
  readonly shared: Dispatcher;
  private burstAgent: Dispatcher | undefined;
  /** One small agent per local address requests are sent from (a vantage sends one request per finding). */
  private readonly bound = new Map<string, Dispatcher>();

  constructor(private readonly options: HttpClientOptions) {
    this.shared = Dispatchers.agent(options, CONNECTIONS_PER_ORIGIN);
  }

  burst(): Dispatcher {
    this.burstAgent ??= Dispatchers.agent(this.options, 128);
    return this.burstAgent;
  }

  from(localAddress: string): Dispatcher {
    let agent = this.bound.get(localAddress);
    if (!agent) {
      agent = Dispatchers.agent(this.options, 1, localAddress);
      this.bound.set(localAddress, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    await Promise.all([this.shared, this.burstAgent, ...this.bound.values()].map((d) => d?.close().catch(() => undefined)));
  }

  private static agent(options: HttpClientOptions, connections: number, localAddress?: string): Dispatcher {
    return new Agent({
      // undici binds the socket's source address with the Agent's own option (not connect's).
      ...(localAddress ? { localAddress } : {}),
      connect: {
        timeout: options.connectTimeoutMs,
        // The audit reads the answer of any server, valid certificate or not;
        // `tls.certificate` judges the certificate separately.
        rejectUnauthorized: false,
      },
      keepAliveTimeout: 4000,
      // undici's Agent keeps one Pool per origin: this caps each origin.
      connections,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

export const DEFAULT_USER_AGENT = 'readiness-gate (+https://github.com/readiness-gate/readiness-gate)';

export class HttpClient {
  private constructor(
    private readonly options: HttpClientOptions,
    private readonly budget: RequestBudget,
    private readonly dispatchers: Dispatchers,
    private readonly targetHeaders: Record<string, string>,
    private readonly owner: string,
    private readonly signal: AbortSignal | undefined,
    private readonly bursting = false,
  ) {}

  static create(options: HttpClientOptions): HttpClient {
    return new HttpClient(options, new RequestBudget(options.maxRequests), new Dispatchers(options), {}, 'audit', undefined);
  }

  /** The same client, with a target's headers, counting under `owner`, cancelled by `signal`. */
  scoped(owner: string, targetHeaders: Record<string, string>, signal?: AbortSignal): HttpClient {
    return new HttpClient(this.options, this.budget, this.dispatchers, targetHeaders, owner, signal);
  }

  /** The same client (headers, cancellation) counting its requests under another owner. */
  countingAs(owner: string): HttpClient {
    return new HttpClient(this.options, this.budget, this.dispatchers, this.targetHeaders, owner, this.signal, this.bursting);
  }

  /**
   * The same client on a pool of its own, not held to the per-origin cap: for
   * a check that sends a deliberate burst (rate limits) while running alone.
   */
  forBurst(): HttpClient {
    return new HttpClient(this.options, this.budget, this.dispatchers, this.targetHeaders, this.owner, this.signal, true);
  }

  private get dispatcher(): Dispatcher {
    return this.bursting ? this.dispatchers.burst() : this.dispatchers.shared;
  }

  /**
   * Takes one request from the audit budget, counted under this client's
   * owner, for traffic sent outside `send` (a TLS handshake, the load
   * generator's own connection pool). False when the budget is spent or the
   * check was cancelled: then the request must not be sent.
   */
  takeRequest(): boolean {
    if (this.signal?.aborted) return false;
    return this.budget.take(this.owner);
  }

  /**
   * One TLS handshake with `url`'s host, counted as a request: the certificate
   * the server presents, whatever its validity. `ca` is extra PEM to trust.
   */
  async peerCertificate(url: string, options: { ca?: string } = {}): Promise<PeerCertificateResult> {
    if (this.signal?.aborted) return { ok: false, error: { url, method: 'TLS', code: 'aborted', message: 'the check was cancelled' } };
    if (!this.takeRequest()) {
      return { ok: false, error: { url, method: 'TLS', code: 'budget', message: `request budget of ${this.budget.max} requests is spent` } };
    }
    return readPeerCertificate(url, { ca: options.ca, timeoutMs: this.options.connectTimeoutMs, signal: this.signal });
  }

  get requestsSent(): number {
    return this.budget.used;
  }

  get requestsByOwner(): ReadonlyMap<string, number> {
    return this.budget.byCheck;
  }

  get requestsRemaining(): number {
    return this.budget.remaining();
  }

  /** Names of configured headers, to hide in evidence. */
  get secretHeaderNames(): ReadonlySet<string> {
    return new Set(Object.keys(this.targetHeaders).map((h) => h.toLowerCase()));
  }

  get config(): Readonly<HttpClientOptions> {
    return this.options;
  }

  async close(): Promise<void> {
    await this.dispatchers.close();
  }

  async send(req: HttpRequest): Promise<HttpResult> {
    let method = (req.method ?? 'GET').toUpperCase();
    let current = req;
    const redirects: RedirectHop[] = [];
    const seen = new Set<string>();
    let url = req.url;
    let headers: Record<string, string> = {
      'user-agent': this.options.userAgent ?? DEFAULT_USER_AGENT,
      accept: '*/*',
      ...(req.withoutTargetHeaders ? {} : lowerKeys(this.targetHeaders)),
      ...lowerKeys(req.headers ?? {}),
    };
    const originalHost = hostOf(req.url);
    for (let hop = 0; ; hop++) {
      const result = await this.sendOnce(url, method, headers, current);
      if (!result.ok || !req.followRedirects) {
        if (result.ok) result.response.redirects = redirects;
        return result;
      }
      const response = result.response;
      const location = response.headers['location'];
      if (!(response.status >= 300 && response.status < 400 && location)) {
        response.redirects = redirects;
        return result;
      }
      let next: string;
      try {
        next = new URL(location, url).toString();
      } catch {
        response.redirects = redirects;
        return result;
      }
      const crossHost = hostOf(next) !== hostOf(url);
      redirects.push({ url, status: response.status, location: next, crossHost, setCookies: response.setCookies });
      if (seen.has(next) || hop + 1 > this.options.maxRedirects) {
        return {
          ok: false,
          error: {
            url: req.url,
            method,
            code: 'redirect-loop',
            message: seen.has(next)
              ? `redirect loop: ${next} was already visited after ${redirects.length} hops`
              : `more than ${this.options.maxRedirects} redirects`,
          },
        };
      }
      seen.add(url);
      // As browsers do (Fetch standard, HTTP-redirect fetch): a 303, or a 301/302
      // answering a POST, is followed with a GET without the body.
      if ((response.status === 303 && method !== 'GET' && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        current = { ...current, body: undefined };
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-type' && name !== 'content-length'));
      }
      // A downgrade from https to http would send them in clear, even on the same host.
      const downgrade = url.startsWith('https:') && next.startsWith('http:');
      if (hostOf(next) !== originalHost || downgrade) {
        // Credentials and configured headers stay with the host (and the encryption) they were meant for.
        const configured = new Set(Object.keys(this.targetHeaders).map((h) => h.toLowerCase()));
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name) && !configured.has(name)),
        );
      }
      url = next;
    }
  }

  private async sendOnce(url: string, method: string, headers: Record<string, string>, req: HttpRequest): Promise<HttpResult> {
    if (this.signal?.aborted) return failure(url, method, 'aborted', 'the check was cancelled');
    if (!this.budget.take(this.owner)) {
      return failure(url, method, 'budget', `request budget of ${this.budget.max} requests is spent`);
    }
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    const started = performance.now();
    let response: Dispatcher.ResponseData;
    try {
      response = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body: req.body,
        dispatcher: req.localAddress ? this.dispatchers.from(req.localAddress) : this.dispatcher,
        signal,
      });
    } catch (err) {
      return { ok: false, error: classify(err, url, method, timeoutMs, timeout.aborted) };
    }
    const ttfbMs = performance.now() - started;
    const cap = req.maxBodyBytes ?? this.options.maxBodyBytes;
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    let truncated = false;
    if (method !== 'HEAD' && cap > 0) {
      try {
        for await (const chunk of response.body) {
          const buffer = chunk as Buffer;
          const room = cap - bodyBytes;
          if (buffer.length >= room) {
            chunks.push(buffer.subarray(0, room));
            bodyBytes += room;
            truncated = true;
            break;
          }
          chunks.push(buffer);
          bodyBytes += buffer.length;
        }
      } catch {
        // The body stalled or the stream died after the headers: keep what arrived.
        truncated = true;
      }
    }
    // Never read an endless or unwanted body to its end. A body never read (maxBodyBytes 0) reports its
    // destruction as an error: nobody listens for it, so it must not become an unhandled one.
    response.body.on('error', () => undefined);
    response.body.destroy();
    const totalMs = performance.now() - started;
    const headerList: Array<[string, string]> = [];
    const joined: Record<string, string> = {};
    const setCookies: string[] = [];
    for (const [rawName, rawValue] of Object.entries(response.headers)) {
      const name = rawName.toLowerCase();
      const values = Array.isArray(rawValue) ? rawValue : rawValue === undefined ? [] : [String(rawValue)];
      for (const value of values) headerList.push([name, value]);
      if (name === 'set-cookie') setCookies.push(...values);
      else joined[name] = values.join(', ');
    }
    return {
      ok: true,
      response: {
        url,
        method,
        status: response.statusCode,
        headers: joined,
        headerList,
        setCookies,
        body: Buffer.concat(chunks).toString('utf8'),
        bodyBytes,
        truncated,
        redirects: [],
        timings: { ttfbMs, totalMs },
        requestHeaders: headers,
      },
    };
  }
}

function failure(url: string, method: string, code: HttpErrorCode, message: string): HttpResult {
  return { ok: false, error: { url, method, code, message } };
}

function classify(err: unknown, url: string, method: string, timeoutMs: number, timedOut: boolean): HttpFailure {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.message ?? String(err);
  const base = { url, method };
  if (timedOut || e.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { ...base, code: 'timeout', message: `no response within ${timeoutMs} ms` };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { ...base, code: 'timeout', message: `connection not established in time (${message})` };
  if (e.name === 'AbortError') return { ...base, code: 'aborted', message: 'the check was cancelled' };
  if (code === 'ECONNREFUSED') return { ...base, code: 'refused', message: `connection refused by ${hostOf(url)}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ...base, code: 'dns', message: `cannot resolve host ${new URL(url).hostname}` };
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO' || /ssl|tls/i.test(message)) {
    return { ...base, code: 'tls', message: `TLS handshake failed: ${message}` };
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return { ...base, code: 'reset', message: `connection closed without a response (${code})` };
  }
  return { ...base, code: 'other', message: `${code ? code + ': ' : ''}${message}` };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** Loopback, private, link-local and unique-local addresses, and `localhost`. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const version = isIP(host);
  if (version === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
  }
  if (version === 6) {
    return host === '::1' || host === '::' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80') || host.startsWith('::ffff:127.');
  }
  return false;
}
