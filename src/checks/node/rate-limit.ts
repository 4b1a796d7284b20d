import type { RepoCheck } from '../../engine/types.js';
import { nodeApps, type ServerFramework } from './apps.js';

/** Rate-limiting middleware packages for the Node server frameworks. */
export const RATE_LIMIT_PACKAGES = [
  'express-rate-limit',
  'express-slow-down',
  'express-brute',
  'rate-limiter-flexible',
  '@fastify/rate-limit',
  'fastify-rate-limit',
  '@nestjs/throttler',
  'koa-ratelimit',
  'koa2-ratelimit',
  'bottleneck',
  '@upstash/ratelimit',
];

// The limiter of the framework seen, registered its own way.
const LIMITER_FOR: Record<ServerFramework, string> = {
  express: "`npm install express-rate-limit`, then `app.use('/api/', rateLimit({ windowMs: 60_000, limit: 100 }))` and a stricter one on the login route",
  fastify: "`npm install @fastify/rate-limit`, then `await app.register(import('@fastify/rate-limit'), { max: 100, timeWindow: '1 minute' })`",
  koa: '`npm install koa-ratelimit`, then `app.use(ratelimit({ driver: \'memory\', db: new Map(), duration: 60_000, max: 100 }))`',
  '@nestjs/core': '`npm install @nestjs/throttler`, then `ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100 }])` in the app module with `ThrottlerGuard` as an `APP_GUARD`',
};

export const rateLimit: RepoCheck = {
  id: 'node.rate-limit',
  title: 'Node server apps have a rate limiter',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: `Fails for an Express/Fastify/Koa/NestJS app whose package.json has no rate-limiting dependency (${RATE_LIMIT_PACKAGES.slice(0, 7).join(', ')}...).`,
    why: 'Without a limiter one client can exhaust the service (login brute force, expensive endpoints, scraping); a limiter in front (gateway, nginx) also counts, so this is informative.',
    fix: 'Add a limiter on at least the authentication and expensive routes, or document the one at the edge (and waive this check).',
    snippets: [
      { stack: 'Express', code: "import rateLimit from 'express-rate-limit';\napp.use('/api/', rateLimit({ windowMs: 60_000, limit: 100 }));" },
      { stack: 'Fastify', code: "await app.register(import('@fastify/rate-limit'), { max: 100, timeWindow: '1 minute' });" },
    ],
  },
  async run(ctx) {
    const { apps } = await nodeApps(ctx);
    if (!apps.length) return [{ status: 'skip', message: 'No Node HTTP server application (express, fastify, koa, @nestjs/core) found in package.json dependencies.' }];
    return apps.map((app) => {
      const limiter = RATE_LIMIT_PACKAGES.find((p) => app.dependencies.has(p));
      if (limiter) return { status: 'pass' as const, message: `${app.packageJson} depends on ${limiter}.` };
      return {
        status: 'fail' as const,
        message: `${app.frameworks.join('/')} app ${app.packageJson} has no rate-limiting dependency (${RATE_LIMIT_PACKAGES.slice(0, 7).join(', ')}...).`,
        // NestJS runs on Express or Fastify: its own throttler covers both.
        remediation: `In ${app.dir}, add a limiter: ${LIMITER_FOR[app.frameworks.includes('@nestjs/core') ? '@nestjs/core' : app.frameworks[0]!]}; or, if a gateway or proxy in front limits requests, say so in a waiver of this check.`,
        location: { path: app.packageJson, line: app.frameworkLine },
      };
    });
  },
};
