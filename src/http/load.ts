// The load generator: N concurrent clients, each sending one request after
// another over its own keep-alive connection until a request count or a
// duration is reached, whichever comes first. It drives raw sockets of its
// own (one serialised request buffer, responses framed without objects): an
// undici Pool cost about twice autocannon's CPU per request and, on a 2-core
// machine, the client became the bottleneck (scripts/bench-load.mjs).
// Every request is still taken from the audit's budget first (LoadBudget,
// backed by HttpClient.takeRequest), timed out and never read past its end.
// The run reports its own CPU time, and whether it used most of a core.
// Latency is per request from dispatch to the last byte of the body.
//
// The runner (I/O) and the summary (pure) are separate so the verdict logic
// can be tested with captured samples.

import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
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
  /** Connections at most (default MAX_LOAD_CONNECTIONS): the ramp passes load.max-concurrency. */
  maxConnections?: number;
  /** Told every sample as it completes; `'stop'` starts no further request (the answer is known: stoppedBy `early`). */
  onSample?: (sample: LoadSample) => 'stop' | void;
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
  /** When it completed, in ms from the start of the run (the soak's drift compares thirds of the run). */
  at?: number;
}

export interface LoadRun {
  samples: LoadSample[];
  /** Wall time from the first send to the last completion. */
  elapsedMs: number;
  concurrency: number;
  /** Why the run ended. */
  stoppedBy: 'requests' | 'duration' | 'budget' | 'aborted' | 'early';
  /** CPU time (user+sys) of this process during the run: the generator's own cost. */
  cpuMs?: number;
  /** The generator used most of a CPU: it, not only the server, limited the pace, so latencies are an upper bound. */
  clientBound?: boolean;
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

/**
 * Runs the load over keep-alive connections of its own (one per client), on
 * raw sockets: each request is serialised once, written as one buffer, and
 * the response is framed (Content-Length, chunked, or until close) without
 * building objects for it. An undici Pool cost twice autocannon's CPU per
 * request, which on a small machine made the client the bottleneck and
 * doubled the latencies it reported. Never throws (failures are samples).
 */
export async function runLoadOnPool(budget: LoadBudget, options: PoolLoadOptions): Promise<LoadRun> {
  const concurrency = Math.max(1, Math.min(options.concurrency, options.maxConnections ?? MAX_LOAD_CONNECTIONS));
  const first = new URL(options.requests[0]!.url);
  const plans = options.requests.map((r) => serialiseRequest(r, options.headers));
  const endpoint = { https: first.protocol === 'https:', host: first.hostname.replace(/^\[|\]$/g, ''), port: Number(first.port) || (first.protocol === 'https:' ? 443 : 80) };
  const samples: LoadSample[] = [];
  let issued = 0;
  let stoppedBy: LoadRun['stoppedBy'] = 'requests';
  let stopEarly = false;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const open = new Set<LoadConnection>();
  const onAbort = (): void => open.forEach((c) => c.destroy('aborted', 'the load run was cancelled'));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const nextIndex = (): number | undefined => {
    if (options.signal?.aborted) {
      stoppedBy = 'aborted';
      return undefined;
    }
    if (issued >= options.maxRequests) return undefined;
    if (stopEarly) {
      stoppedBy = 'early';
      return undefined;
    }
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
    let connection: LoadConnection | undefined;
    try {
      for (let n = nextIndex(); n !== undefined; n = nextIndex()) {
        const which = n % plans.length;
        const connecting = !connection || connection.closed;
        if (connecting) {
          connection?.destroy('aborted', 'replaced');
          if (connection) open.delete(connection);
          connection = new LoadConnection(endpoint, options.connectTimeoutMs, options.timeoutMs);
          open.add(connection);
        }
        const sample = await connection!.send(plans[which]!);
        if (sample.error === 'aborted' || options.signal?.aborted) {
          stoppedBy = 'aborted';
          return;
        }
        sample.request = which;
        if (connecting) sample.connecting = true;
        sample.at = performance.now() - started;
        samples.push(sample);
        if (options.onSample?.(sample) === 'stop') stopEarly = true;
      }
    } finally {
      connection?.destroy('aborted', 'the load run is over');
      if (connection) open.delete(connection);
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { samples, elapsedMs, concurrency, stoppedBy, cpuMs, clientBound: elapsedMs > 0 && cpuMs / elapsedMs >= CLIENT_BOUND_CPU_SHARE };
}

/**
 * The generator runs on one thread: when its process used this share of one
 * CPU over the run, requests waited for the client as well as for the server,
 * and the latencies are an upper bound of the server's.
 */
export const CLIENT_BOUND_CPU_SHARE = 0.8;

interface RequestPlan {
  bytes: Buffer;
  /** A HEAD response has no body whatever its headers say (RFC 9110 §9.3.2). */
  head: boolean;
}

function serialiseRequest(request: HttpRequest, common: Record<string, string>): RequestPlan {
  const url = new URL(request.url);
  const method = (request.method ?? 'GET').toUpperCase();
  const headers = { ...lowerKeys(common), ...lowerKeys(request.headers ?? {}) };
  // Framing is ours to decide; a CR or LF in a configured value would split the request.
  for (const name of ['host', 'content-length', 'transfer-encoding', 'connection']) delete headers[name];
  const clean = (v: string): string => v.replace(/[\r\n]/g, ' ');
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${clean(name)}: ${clean(value)}`);
  if (body || method === 'POST' || method === 'PUT' || method === 'PATCH') lines.push(`content-length: ${body?.length ?? 0}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return { bytes: body ? Buffer.concat([head, body]) : head, head: method === 'HEAD' };
}

type Sample = Omit<LoadSample, 'request'> & { request: number };

/** One keep-alive connection sending one request at a time (no pipelining). */
class LoadConnection {
  closed = false;
  private readonly socket: Socket;
  private readonly reader = new ResponseReader();
  private inFlight?: { started: number; resolve: (sample: Sample) => void };
  private readonly timer: NodeJS.Timeout;
  private connected = false;

  constructor(
    endpoint: { https: boolean; host: string; port: number },
    private readonly connectTimeoutMs: number,
    private readonly timeoutMs: number,
  ) {
    this.socket = endpoint.https
      ? tlsConnect({ host: endpoint.host, port: endpoint.port, servername: isIP(endpoint.host) ? undefined : endpoint.host, rejectUnauthorized: false })
      : netConnect({ host: endpoint.host, port: endpoint.port });
    this.socket.setNoDelay(true);
    this.socket.once(endpoint.https ? 'secureConnect' : 'connect', () => (this.connected = true));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.fail(socketErrorCode(err), err.message));
    this.socket.on('close', () => {
      // A response framed by the end of the connection is complete now.
      if (this.inFlight && this.reader.endsAtClose()) this.complete();
      else this.fail('reset', 'the server closed the connection before the response ended');
    });
    // One timer per connection ticking at a quarter of the shorter timeout
    // while a request is in flight (re-armed by refresh(), no allocation):
    // a timeout is reported within 125% of its value.
    this.timer = setTimeout(() => this.onTimer(), Math.max(1, Math.min(connectTimeoutMs, timeoutMs) / 4));
    this.timer.unref();
  }

  send(plan: RequestPlan): Promise<Sample> {
    return new Promise((resolve) => {
      if (this.closed) return resolve({ request: 0, error: 'reset', errorMessage: 'connection closed', ms: 0 });
      this.inFlight = { started: performance.now(), resolve };
      this.reader.reset(plan.head);
      this.timer.refresh();
      this.socket.write(plan.bytes);
    });
  }

  destroy(code: HttpErrorCode, message: string): void {
    this.fail(code, message);
  }

  private onTimer(): void {
    if (!this.inFlight) {
      if (!this.connected && !this.closed) this.fail('timeout', `no connection within ${this.connectTimeoutMs} ms`);
      return;
    }
    const waited = performance.now() - this.inFlight.started;
    const limit = this.connected ? this.timeoutMs : Math.min(this.timeoutMs, this.connectTimeoutMs);
    if (waited >= limit - 1) this.fail('timeout', this.connected ? `no response within ${this.timeoutMs} ms` : `no connection within ${this.connectTimeoutMs} ms`);
    else this.timer.refresh();
  }

  private onData(chunk: Buffer): void {
    if (!this.inFlight) return; // bytes nobody asked for: ignored, the next request resets the reader
    const outcome = this.reader.feed(chunk);
    if (outcome === 'more') return;
    if (outcome === 'invalid') return this.fail('other', 'the response is not valid HTTP/1.1');
    this.complete();
  }

  private complete(): void {
    const flight = this.inFlight!;
    this.inFlight = undefined;
    const sample: Sample = { request: 0, status: this.reader.status, ms: performance.now() - flight.started };
    if (this.reader.closeAfter) this.close();
    flight.resolve(sample);
  }

  private fail(code: HttpErrorCode, message: string): void {
    const flight = this.inFlight;
    this.inFlight = undefined;
    this.close();
    flight?.resolve({ request: 0, error: code, errorMessage: message, ms: performance.now() - flight.started });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.socket.destroy();
  }
}

/**
 * Frames one HTTP/1.1 response (RFC 9112 §6.3): status line and headers,
 * then a body by Content-Length, chunked transfer coding, or until the
 * connection closes; the body is counted, not kept.
 */
class ResponseReader {
  status?: number;
  closeAfter = false;
  private state: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done' = 'head';
  private headBytes: Buffer[] = [];
  private headLength = 0;
  private remaining = 0;
  private line = '';
  private headRequest = false;

  reset(headRequest: boolean): void {
    this.status = undefined;
    this.closeAfter = false;
    this.state = 'head';
    this.headBytes = [];
    this.headLength = 0;
    this.headRequest = headRequest;
  }

  endsAtClose(): boolean {
    return this.state === 'until-close';
  }

  feed(chunk: Buffer): 'more' | 'done' | 'invalid' {
    let at = 0;
    while (at < chunk.length || this.state === 'done') {
      switch (this.state) {
        case 'done':
          return 'done';
        case 'head': {
          const searchFrom = Math.max(0, this.headLength - 3);
          this.headBytes.push(at ? chunk.subarray(at) : chunk);
          this.headLength += chunk.length - at;
          const head = this.headBytes.length === 1 ? this.headBytes[0]! : Buffer.concat(this.headBytes);
          this.headBytes = [head];
          const end = head.indexOf('\r\n\r\n', searchFrom, 'latin1');
          if (end < 0) {
            if (this.headLength > 64 * 1024) return 'invalid';
            return 'more';
          }
          if (!this.readHead(head.toString('latin1', 0, end))) return 'invalid';
          // The bytes after the head belong to the body (or to the final head after a 1xx).
          chunk = head.subarray(end + 4);
          at = 0;
          this.headBytes = [];
          this.headLength = 0;
          break;
        }
        case 'length': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) return 'done';
          break;
        }
        case 'until-close':
          return 'more';
        case 'chunk-data': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.state = 'chunk-end';
          break;
        }
        case 'chunk-size':
        case 'chunk-end':
        case 'trailers': {
          const newline = chunk.indexOf(10, at);
          const upTo = newline < 0 ? chunk.length : newline;
          this.line += chunk.toString('latin1', at, upTo);
          if (this.line.length > 8192) return 'invalid';
          at = upTo;
          if (newline < 0) break;
          at++;
          const line = this.line.replace(/\r$/, '');
          this.line = '';
          if (this.state === 'chunk-end') this.state = 'chunk-size';
          else if (this.state === 'trailers') {
            if (line === '') return 'done';
          } else {
            const size = parseInt(line.split(';')[0]!.trim(), 16);
            if (!Number.isFinite(size) || size < 0) return 'invalid';
            if (size === 0) this.state = 'trailers';
            else {
              this.remaining = size;
              this.state = 'chunk-data';
            }
          }
          break;
        }
      }
    }
    return 'more';
  }

  /** Status and framing from the head; false when it is not an HTTP response. */
  private readHead(head: string): boolean {
    const lines = head.split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0]!);
    if (!statusLine) return false;
    const status = Number(statusLine[2]);
    let length: number | undefined;
    let chunked = false;
    let connection = '';
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i]!.indexOf(':');
      if (colon < 0) continue;
      const name = lines[i]!.slice(0, colon).trim().toLowerCase();
      const value = lines[i]!.slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = /(^|,)\s*chunked\s*$/i.test(value);
      else if (name === 'connection') connection = value.toLowerCase();
    }
    // An interim response (100 Continue, 103 Early Hints): the real one follows.
    if (status >= 100 && status < 200 && status !== 101) {
      this.state = 'head';
      return true;
    }
    this.status = status;
    this.closeAfter = connection.includes('close') || (statusLine[1] === '0' && !connection.includes('keep-alive'));
    if (this.headRequest || status === 204 || status === 304) this.state = 'done';
    else if (chunked) this.state = 'chunk-size';
    else if (length !== undefined && Number.isFinite(length) && length >= 0) {
      this.remaining = length;
      this.state = length === 0 ? 'done' : 'length';
    } else {
      this.state = 'until-close';
      this.closeAfter = true;
    }
    return true;
  }
}

function socketErrorCode(err: NodeJS.ErrnoException): HttpErrorCode {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|ssl|tls/i.test(err.message)) return 'tls';
  return 'other';
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
