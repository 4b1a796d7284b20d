// The load generator: N concurrent clients, each sending one request after
// another over its own keep-alive connection until a request count or a
// duration is reached, whichever comes first. It drives an undici Pool of its
// own through the raw dispatch API (no stream, no AbortSignal per request):
// going through HttpClient.send added 20-45% to p95 at 50 clients, while this
// path stays within a few percent of autocannon (scripts/bench-load.mjs).
// Every request is still taken from the audit's budget first (LoadBudget,
// backed by HttpClient.takeRequest), timed out and never read past its end.
// Latency is per request from dispatch to the last byte of the body.
//
// The runner (I/O) and the summary (pure) are separate so the verdict logic
// can be tested with captured samples.

import { Pool, type Dispatcher } from 'undici';
import type { HttpErrorCode, HttpRequest } from './client.js';

/** More concurrent clients than this is not a readiness test but a stress test. */
export const MAX_LOAD_CONNECTIONS = 128;

export interface LoadOptions {
  /** Requests to cycle through (round robin), e.g. one per configured load endpoint. */
  requests: readonly HttpRequest[];
  concurrency: number;
  /** Upper bound on requests sent (also capped by the budget left). */
  maxRequests: number;
  /** No new request starts after this many milliseconds. */
  durationMs: number;
  signal?: AbortSignal;
}

export interface LoadSample {
  /** Index into `LoadOptions.requests`. */
  request: number;
  /** HTTP status, or undefined when no response arrived. */
  status?: number;
  /** Why no response arrived. */
  error?: HttpErrorCode;
  errorMessage?: string;
  /** Send to last byte, for responses; time to failure otherwise. */
  ms: number;
  /** The client's first request: its time includes opening the connection (TCP, TLS). */
  connecting?: boolean;
}

export interface LoadRun {
  samples: LoadSample[];
  /** Wall time from the first send to the last completion. */
  elapsedMs: number;
  concurrency: number;
  /** Why the run ended. */
  stoppedBy: 'requests' | 'duration' | 'budget' | 'aborted';
}

export interface LoadSummary {
  sent: number;
  /** Responses with a status below 500 other than 429. */
  succeeded: number;
  /** 5xx responses and requests without a response. */
  errors: number;
  /** 429 responses: the service protecting itself, counted apart from errors. */
  rateLimited: number;
  /** errors / (sent - rateLimited); 0 when nothing was sent. */
  errorRate: number;
  /** succeeded / sent. */
  successRate: number;
  /** Completed requests per second over the wall time of the run. */
  throughput: number;
  /**
   * Over every response received (any status); failures without a response are
   * excluded, and so is each client's first request when there are others,
   * because it includes opening the connection (autocannon, too, starts its
   * clock once connected).
   */
  latency: { p50: number; p95: number; p99: number; mean: number; max: number } | undefined;
  /** Status code (or error code such as "timeout") -> count. */
  breakdown: Record<string, number>;
  elapsedMs: number;
}

export function summarizeLoad(run: LoadRun): LoadSummary {
  const breakdown: Record<string, number> = {};
  let succeeded = 0;
  let errors = 0;
  let rateLimited = 0;
  const latencies: number[] = [];
  const connected: number[] = [];
  for (const s of run.samples) {
    const key = s.status !== undefined ? String(s.status) : (s.error ?? 'other');
    breakdown[key] = (breakdown[key] ?? 0) + 1;
    if (s.status === undefined) errors++;
    else {
      latencies.push(s.ms);
      if (!s.connecting) connected.push(s.ms);
      if (s.status === 429) rateLimited++;
      else if (s.status >= 500) errors++;
      else succeeded++;
    }
  }
  const sent = run.samples.length;
  const judged = sent - rateLimited;
  return {
    sent,
    succeeded,
    errors,
    rateLimited,
    errorRate: judged ? errors / judged : 0,
    successRate: sent ? succeeded / sent : 0,
    throughput: run.elapsedMs > 0 ? (sent * 1000) / run.elapsedMs : 0,
    latency: connected.length >= run.concurrency ? latencyStats(connected) : latencies.length ? latencyStats(latencies) : undefined,
    breakdown,
    elapsedMs: run.elapsedMs,
  };
}

function latencyStats(values: number[]): NonNullable<LoadSummary['latency']> {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sum / sorted.length,
    max: sorted[sorted.length - 1]!,
  };
}

/** Nearest-rank percentile of an ascending list (the definition HDR histograms approximate). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Takes one request from the audit's budget; false when it is spent. */
export interface LoadBudget {
  take(): boolean;
}

export interface PoolLoadOptions extends LoadOptions {
  /** Sent with every request (the target's configured headers, user-agent...). */
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Per request, send to last byte. */
  timeoutMs: number;
}

/** Runs the load over a keep-alive undici Pool of its own (one connection per client); never throws (failures are samples). */
export async function runLoadOnPool(budget: LoadBudget, options: PoolLoadOptions): Promise<LoadRun> {
  const concurrency = Math.max(1, Math.min(options.concurrency, MAX_LOAD_CONNECTIONS));
  const first = new URL(options.requests[0]!.url);
  const pool = new Pool(first.origin, {
    connections: concurrency,
    pipelining: 1,
    keepAliveTimeout: 4000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    // As the shared client: the certificate is tls.certificate's business.
    connect: { timeout: options.connectTimeoutMs, rejectUnauthorized: false },
  });
  const plans = options.requests.map((r) => {
    const url = new URL(r.url);
    const headers = { ...lowerKeys(options.headers), ...lowerKeys(r.headers ?? {}) };
    return { path: url.pathname + url.search, method: (r.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod, headers, body: r.body };
  });
  const samples: LoadSample[] = [];
  let issued = 0;
  let stoppedBy: LoadRun['stoppedBy'] = 'requests';
  const started = performance.now();
  const deadline = started + options.durationMs;
  const onAbort = (): void => void pool.destroy().catch(() => undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const nextIndex = (): number | undefined => {
    if (options.signal?.aborted) {
      stoppedBy = 'aborted';
      return undefined;
    }
    if (issued >= options.maxRequests) return undefined;
    if (performance.now() >= deadline) {
      stoppedBy = 'duration';
      return undefined;
    }
    if (!budget.take()) {
      stoppedBy = 'budget';
      issued = options.maxRequests;
      return undefined;
    }
    return issued++;
  };

  const client = async (): Promise<void> => {
    let connecting = true;
    for (let n = nextIndex(); n !== undefined; n = nextIndex(), connecting = false) {
      const which = n % plans.length;
      const sample = await dispatchOne(pool, plans[which]!, options.timeoutMs);
      if (sample.error === 'aborted') {
        stoppedBy = 'aborted';
        return;
      }
      sample.request = which;
      if (connecting) sample.connecting = true;
      samples.push(sample);
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close().catch(() => undefined);
  }
  return { samples, elapsedMs: performance.now() - started, concurrency, stoppedBy };
}

function dispatchOne(pool: Pool, plan: Dispatcher.DispatchOptions, timeoutMs: number): Promise<LoadSample> {
  return new Promise((resolve) => {
    const started = performance.now();
    let status: number | undefined;
    let controller: Dispatcher.DispatchController | undefined;
    let done = false;
    const finish = (sample: Omit<LoadSample, 'request'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ request: 0, ...sample });
    };
    const timeout = (): Error => Object.assign(new Error(`no response within ${timeoutMs} ms`), { code: 'RG_TIMEOUT' });
    const timer = setTimeout(() => {
      if (controller) controller.abort(timeout());
      else finish({ error: 'timeout', errorMessage: `no response within ${timeoutMs} ms`, ms: performance.now() - started });
    }, timeoutMs);
    pool.dispatch(plan, {
      onRequestStart(c) {
        controller = c;
        if (done) c.abort(timeout());
      },
      onResponseStart(_c, statusCode) {
        status = statusCode;
      },
      onResponseData() {
        // Read to the last byte, keep nothing: only its timing matters here.
      },
      onResponseEnd() {
        finish({ status, ms: performance.now() - started });
      },
      onResponseError(_c, err) {
        finish({ error: errorCode(err), errorMessage: err.message, ms: performance.now() - started });
      },
    });
  });
}

function errorCode(err: Error): HttpErrorCode {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'RG_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_ABORTED' || err.name === 'AbortError') return 'aborted';
  return 'other';
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
