// Realistic targets for the surface checks: an Express app hardened with
// helmet, cors and safe cookie settings, and the same app with one flaw at a
// time, so each flawed target fails exactly the checks its flaw concerns.

import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import cors from 'cors';

export interface AppOptions {
  /** Replaces the cors middleware (default: only https://app.example.com, with credentials). */
  cors?: RequestHandler;
  /** Replaces helmet's CSP header with this value (or removes it when null). */
  csp?: string | null;
  /** Sent as Content-Security-Policy-Report-Only. */
  cspReportOnly?: string;
  /** Middleware run after the hardening and before the routes (to add a flaw). */
  before?: RequestHandler[];
  /** Extra routes, mounted before the app's own. */
  routes?: (app: Express) => void;
  /** Serve index.html for every unknown GET (a single-page app's catch-all). */
  spaCatchAll?: boolean;
  /** Leave Express's default error handler, which prints stack traces unless NODE_ENV=production. */
  defaultErrorHandler?: boolean;
  /** Let unknown paths throw (reaches the error handler). */
  throwOnUnknown?: boolean;
}

export const INDEX_HTML = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>';

/** An Express app as a careful team ships it. */
export function hardenedApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (options.csp === null) res.removeHeader('Content-Security-Policy');
    else if (options.csp !== undefined) res.setHeader('Content-Security-Policy', options.csp);
    if (options.cspReportOnly) res.setHeader('Content-Security-Policy-Report-Only', options.cspReportOnly);
    next();
  });
  app.use(options.cors ?? cors({ origin: ['https://app.example.com'], credentials: true }));
  for (const middleware of options.before ?? []) app.use(middleware);
  app.use(express.json());
  options.routes?.(app);
  app.get('/', (_req, res) => {
    res.cookie('session', 'c2Vzc2lvbi12YWx1ZS1zZWNyZXQ', { httpOnly: true, secure: true, sameSite: 'lax' });
    res.cookie('theme', 'dark', { secure: true, sameSite: 'lax' });
    res.type('html').send(INDEX_HTML);
  });
  app.get('/api/items', (req, res) => {
    if (!req.headers.authorization) {
      res.status(401).json({ error: 'authentication required' });
      return;
    }
    res.json([{ id: 1 }]);
  });
  app.post('/api/items', (_req, res) => {
    res.status(201).json({ id: 2 });
  });
  app.get('/metrics', (_req, res) => {
    res.status(401).json({ error: 'authentication required' });
  });
  if (options.spaCatchAll) {
    app.use((req, res, next) => (req.method === 'GET' ? res.type('html').send(INDEX_HTML) : next()));
  }
  if (options.throwOnUnknown) {
    app.use(() => {
      throw new Error('no route matched');
    });
  }
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  if (!options.defaultErrorHandler) {
    const safeErrors: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
      void _next;
      res.status(err.status && err.status < 500 ? err.status : 500).json({ error: err.status && err.status < 500 ? 'bad request' : 'internal error' });
    };
    app.use(safeErrors);
  }
  return app;
}

/** A target configuration for an app on `url`, with its API declared. */
export function targetFor(url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url,
    api: [{ path: '/api/items', method: 'POST' }],
    authenticated: ['/api/items'],
    ...extra,
  };
}

/** The headers a hardened app sends, for raw node servers that test one edge case each. */
export const HARDENED_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
