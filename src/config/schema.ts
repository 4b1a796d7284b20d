// The configuration file (`.github/readiness.yml`) as a zod schema. Keys are
// kebab-case like every GitHub YAML file; the parsed result is camelCase.
// Objects are strict so a typo is an error (with a "did you mean"), not a
// silently ignored setting.

import { FILE_ROLES } from '../model/role-rules.js';
import { z } from 'zod';
import { SEVERITIES } from '../core/finding.js';

const severity = z.enum(SEVERITIES);

/**
 * Node fires a timer longer than 2^31-1 ms after 1 ms (TimersOverflowWarning):
 * a bigger timeout would stop every request at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
const milliseconds = (fallback: number, max = MAX_TIMER_MS) => z.number().int().positive().max(max).default(fallback);

/**
 * A glob from the repository's own configuration, matched against every path
 * by picomatch, whose regular expressions backtrack: `*a*a*a...*b` with 20
 * stars blocks the event loop. Bounded in length, in stars per path segment and
 * in globstars: with two stars a 250-character file name matches in 0.1 ms,
 * with three already in 10 ms, with 13 not within a minute.
 */
export const MAX_GLOB_LENGTH = 200;
export const MAX_STARS_PER_SEGMENT = 2;
export const MAX_GLOBSTARS = 4;
const glob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH, { message: `a glob may be at most ${MAX_GLOB_LENGTH} characters long` })
  .refine((g) => g.split('/').every((segment) => segment === '**' || (segment.match(/\*/g) ?? []).length <= MAX_STARS_PER_SEGMENT), {
    message: `a glob may have at most ${MAX_STARS_PER_SEGMENT} * per path segment (matching is slow otherwise)`,
  })
  .refine((g) => g.split('/').filter((segment) => segment.includes('**')).length <= MAX_GLOBSTARS, {
    message: `a glob may have at most ${MAX_GLOBSTARS} ** segments`,
  });
const path = z.string().startsWith('/', { message: 'must be a path starting with "/"' });
const method = z
  .string()
  .regex(/^[A-Za-z]+$/, { message: 'must be an HTTP method such as GET or POST' })
  .transform((m) => m.toUpperCase());

/** `"/login"` or `{ path: "/login", method: "POST", severity: "P0", body: "..." }`. */
const endpoint = z
  .union([
    path,
    z
      .object({
        path,
        method: method.optional(),
        severity: severity.optional(),
        body: z.string().optional(),
        'content-type': z.string().optional(),
      })
      .strict(),
  ])
  .transform((e) =>
    typeof e === 'string'
      ? { path: e, method: 'GET' }
      : {
          path: e.path,
          method: e.method ?? 'GET',
          severity: e.severity,
          body: e.body,
          contentType: e['content-type'],
        },
  );
export type EndpointConfig = z.output<typeof endpoint>;

const endpoints = z.array(endpoint).default([]);

const target = z
  .object({
    url: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
    name: z.string().optional(),
    /** A production deployment: bursts (load, rate limits) only when allowed below. */
    production: z.boolean().default(false),
    /** Extra request headers; values may reference environment variables as ${NAME}. */
    headers: z.record(z.string(), z.string()).default({}),
    /** PEM file of a CA to trust for this target (relative to the repository). */
    ca: z.string().optional(),
    /** Check the HTTP->HTTPS redirect even for a loopback or private host. */
    'https-redirect': z.boolean().optional(),
    health: endpoints,
    readiness: endpoints,
    api: endpoints,
    authenticated: endpoints,
    protected: endpoints,
    'rate-limited': endpoints,
    json: endpoints,
    load: endpoints,
    'allow-load': z.boolean().optional(),
    'allow-ratelimit': z.boolean().optional(),
    /** Active probes (wrong passwords, default accounts, malformed bodies) beyond loopback and private hosts. */
    'allow-probes': z.boolean().optional(),
    /**
     * auth.open-registration: actually sign up one throwaway account through an open sign-up form to confirm it
     * (a write: off by default; sent only where active probes may go).
     */
    'register-account': z.boolean().default(false),
  })
  .strict()
  .transform((t) => ({
    url: t.url,
    name: t.name,
    production: t.production,
    headers: t.headers,
    ca: t.ca,
    httpsRedirect: t['https-redirect'],
    paths: {
      health: t.health,
      readiness: t.readiness,
      api: t.api,
      authenticated: t.authenticated,
      protected: t.protected,
      rateLimited: t['rate-limited'],
      json: t.json,
      load: t.load,
    },
    allowLoad: t['allow-load'],
    allowRatelimit: t['allow-ratelimit'],
    allowProbes: t['allow-probes'],
    registerAccount: t['register-account'],
  }));
export type TargetConfig = z.output<typeof target>;
export const targetSchema = target;

const http = z
  .object({
    'connect-timeout-ms': milliseconds(3000, 600_000),
    'timeout-ms': milliseconds(10000, 600_000),
    'max-body-bytes': z.number().int().positive().default(1024 * 1024),
    'max-requests': z.number().int().positive().max(100000).default(1000),
    'max-redirects': z.number().int().min(0).max(20).default(10),
    'user-agent': z.string().optional(),
    /**
     * The local address a finding that may hold for local clients only is checked again from (http/vantage.ts):
     * an address of this machine, or `none`; by default the machine's first non-loopback address.
     */
    'local-vantage': z.union([z.ipv4(), z.ipv6(), z.literal('none')], { message: 'must be an IP address of this machine, or none' }).optional(),
  })
  .strict()
  .prefault({})
  .transform((h) => ({
    connectTimeoutMs: h['connect-timeout-ms'],
    timeoutMs: h['timeout-ms'],
    maxBodyBytes: h['max-body-bytes'],
    maxRequests: h['max-requests'],
    maxRedirects: h['max-redirects'],
    userAgent: h['user-agent'],
    localVantage: h['local-vantage'],
  }));

/** The load ramp's stages when none are configured: the user counts readiness reports test with. */
export const DEFAULT_RAMP_STAGES = [10, 25, 50, 100, 200] as const;
/** Connections no load check may exceed, whatever `load.max-concurrency` says. */
export const MAX_LOAD_CONCURRENCY = 1000;

// load.ramp (checks/load/ramp.ts): opt-in, because it sends thousands of requests for up to a minute.
const ramp = z
  .object({
    enabled: z.boolean().default(false),
    /** Concurrent clients per stage, strictly increasing, at most load.max-concurrency (checked with it below). */
    stages: z.array(z.number().int().positive({ message: 'a stage needs at least 1 client' })).min(1).max(20).optional(),
    'stage-requests': z.number().int().positive().max(100_000).default(2000),
    'stage-duration-ms': z.number().int().positive().max(120_000).default(5000),
    'soak-ms': z.number().int().min(0).max(600_000).default(30_000),
    'max-requests': z.number().int().positive().max(100_000).default(20_000),
    'max-duration-ms': z.number().int().positive().max(MAX_TIMER_MS).default(55_000),
    /** Rise of the soak's p95 (last third against the first) that fails: 0.25 = 25%. A linear leak under a closed loop rises at most ~73% (√3) between thirds. */
    'max-drift': z.number().positive().max(100).default(0.25),
    'drop-severity': severity.default('P1'),
  })
  .strict()
  .prefault({});

const load = z
  .object({
    enabled: z.boolean().default(true),
    concurrency: z.number().int().positive().max(500).default(50),
    requests: z.number().int().positive().max(20000).default(500),
    'duration-ms': z.number().int().positive().max(120000).default(10000),
    'p95-ms': z.number().positive().max(600_000).default(1000),
    'max-error-rate': z.number().min(0).max(1).default(0.01),
    /** Open connections no load check exceeds (load.concurrency and every ramp stage). */
    'max-concurrency': z.number().int().positive().max(MAX_LOAD_CONCURRENCY).default(200),
    ramp,
  })
  .strict()
  .superRefine((l, ctx) => {
    const stages = l.ramp.stages ?? [];
    stages.forEach((users, i) => {
      const path = ['ramp', 'stages', i];
      if (users > l['max-concurrency']) ctx.addIssue({ code: 'custom', path, message: `${users} clients is above load.max-concurrency (${l['max-concurrency']})` });
      else if (i > 0 && users <= stages[i - 1]!) ctx.addIssue({ code: 'custom', path, message: `stages must increase: ${users} comes after ${stages[i - 1]}` });
    });
    // Each client's first request opens its connection and is not measured: a stage needs two per client.
    const largest = Math.max(...stages, ...(stages.length ? [] : cappedStages(DEFAULT_RAMP_STAGES, l['max-concurrency'])));
    if (l.ramp['stage-requests'] < largest * 2) {
      ctx.addIssue({ code: 'custom', path: ['ramp', 'stage-requests'], message: `${l.ramp['stage-requests']} is fewer than two requests per client of the largest stage (${largest} clients)` });
    }
  })
  .prefault({})
  .transform((l) => ({
    enabled: l.enabled,
    concurrency: l.concurrency,
    requests: l.requests,
    durationMs: l['duration-ms'],
    p95Ms: l['p95-ms'],
    maxErrorRate: l['max-error-rate'],
    maxConcurrency: l['max-concurrency'],
    ramp: {
      enabled: l.ramp.enabled,
      // The default stages stop at the cap (the cap itself becomes the last stage); configured ones were checked above.
      stages: l.ramp.stages ?? cappedStages(DEFAULT_RAMP_STAGES, l['max-concurrency']),
      stageRequests: l.ramp['stage-requests'],
      stageDurationMs: l.ramp['stage-duration-ms'],
      soakMs: l.ramp['soak-ms'],
      maxRequests: l.ramp['max-requests'],
      maxDurationMs: l.ramp['max-duration-ms'],
      maxDrift: l.ramp['max-drift'],
      dropSeverity: l.ramp['drop-severity'],
    },
  }));
export type LoadConfig = z.output<typeof load>;

function cappedStages(stages: readonly number[], cap: number): number[] {
  const kept = stages.filter((s) => s <= cap);
  return kept.length === stages.length || kept[kept.length - 1] === cap ? kept : [...kept, cap];
}

const ratelimit = z
  .object({
    enabled: z.boolean().default(true),
    burst: z.number().int().positive().max(200).default(40),
    concurrency: z.number().int().positive().max(50).default(10),
  })
  .strict()
  .prefault({});

const health = z
  .object({
    'latency-ms': z.number().positive().max(600_000).default(1000),
  })
  .strict()
  .prefault({})
  .transform((h) => ({ latencyMs: h['latency-ms'] }));

const repo = z
  .object({
    /** Globs (relative to the repository) left out of every repository check. */
    ignore: z.array(glob).max(100).default([]),
    // Every file up to this size may be held in memory at once by the checks: 64 MiB at most.
    'max-file-bytes': z.number().int().positive().max(64 * 1024 * 1024).default(2 * 1024 * 1024),
    /** Variables the production env template must define. */
    'required-env': z.array(z.string()).default([]),
    /** Alembic branch labels meant as separate branches (several heads allowed). */
    'alembic-branches': z.array(z.string()).default([]),
    /**
     * File roles by glob, over the built-in rules: `{ "deploy/dev/**": development }`.
     * Roles: production, development, test, docs, example, template, tooling.
     */
    roles: z.record(z.string().min(1).max(500), z.enum(FILE_ROLES)).default({}),
  })
  .strict()
  .prefault({})
  .transform((r) => ({
    ignore: r.ignore,
    roles: Object.entries(r.roles).map(([glob, role]) => ({ glob, role })),
    maxFileBytes: r['max-file-bytes'],
    requiredEnv: r['required-env'],
    alembicBranches: r['alembic-branches'],
  }));

const checks = z
  .object({
    /** Check ids or family prefixes (`headers`, `headers.hsts`). */
    only: z.array(z.string()).default([]),
    skip: z.array(z.string()).default([]),
  })
  .strict()
  .prefault({});

const waiver = z
  .object({
    check: z.string(),
    /** Glob matched against a finding's location path. */
    path: glob.optional(),
    /** Prefix of (or equal to) a finding's URL. */
    url: z.string().optional(),
    reason: z.string().min(3, { message: 'a waiver needs a reason' }),
    expires: z.iso.date({ message: 'must be a date such as 2026-12-31' }).optional(),
  })
  .strict();
export type WaiverConfig = z.output<typeof waiver>;

const timeouts = z
  .object({
    'check-ms': milliseconds(60000),
    'audit-ms': milliseconds(600000),
  })
  .strict()
  .prefault({})
  .transform((t) => ({ checkMs: t['check-ms'], auditMs: t['audit-ms'] }));

export const FAIL_ON = ['p0', 'p1', 'p2', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** `all`: decide on every finding; `new`: on a pull request, only on what the change adds (see engine/gate.ts). */
export const GATES = ['all', 'new'] as const;
export type Gate = (typeof GATES)[number];

export const configSchema = z
  .object({
    version: z.literal(1).optional(),
    targets: z.array(target).default([]),
    http,
    load,
    ratelimit,
    health,
    repo,
    checks,
    severity: z.record(z.string(), severity).default({}),
    waivers: z.array(waiver).default([]),
    'min-score': z.number().int().min(0).max(100).default(0),
    'fail-on': z.enum(FAIL_ON).default('p0'),
    gate: z.enum(GATES).default('all'),
    timeouts,
  })
  .strict()
  .transform((c) => ({
    targets: c.targets,
    http: c.http,
    load: c.load,
    ratelimit: c.ratelimit,
    health: c.health,
    repo: c.repo,
    checks: c.checks,
    severity: c.severity,
    waivers: c.waivers,
    minScore: c['min-score'],
    failOn: c['fail-on'],
    gate: c.gate,
    timeouts: c.timeouts,
  }));

export type ResolvedConfig = z.output<typeof configSchema>;

/** Every key the file may hold, by object path, for "did you mean" hints. */
export function defaultConfig(): ResolvedConfig {
  return configSchema.parse({});
}

export function defaultTarget(url: string): TargetConfig {
  return target.parse({ url });
}
