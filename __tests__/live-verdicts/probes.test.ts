// Issue 26 on real loopback servers: health by the rubric, the vantage cap,
// cookies by purpose, and the new probes (login throttling, default accounts,
// error traces), each bounded and counted.

import { afterEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { LOGIN_ATTEMPTS } from '../../src/checks/auth/login-throttling.js';
import { burstPolicy } from '../../src/engine/bursts.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { serversClosedAfterEach, startApp, type TestServer } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);
const byId = (...ids: string[]) => ALL_CHECKS.filter((c) => ids.includes(c.id));
// The repository's hints reach the live checks when a repository check runs beside them.
const HEALTH_WITH_REPO = byId('health.endpoint', 'docker.healthcheck');
const html = (res: ServerResponse, status: number, body = '<!doctype html><title>app</title>'): void => {
  res.writeHead(status, { 'content-type': 'text/html' }).end(body);
};
const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

let repo: TempRepo | undefined;
let app: TestServer | undefined;
afterEach(async () => {
  repo?.cleanup();
  repo = undefined;
  await app?.close();
  app = undefined;
});

describe('health.endpoint by the rubric', () => {
  it('a 404 at the path the deployment\'s probe calls is a failing health endpoint (P0)', async () => {
    const server = await start((req, res) => (req.url === '/' ? html(res, 200) : html(res, 404, 'Not Found')));
    repo = makeRepo({
      'deploy/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0.0\n          readinessProbe:\n            httpGet:\n              path: /ready-check\n              port: 8000\n',
    });
    const result = await runChecks(HEALTH_WITH_REPO, { target: server.url, repo: repo.root });
    expect(of(result, 'health.endpoint').map((f) => [f.status, f.severity, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['fail', 'P0', 'Readiness endpoint GET /ready-check (called by the health check in deploy/app.yaml) answered 404 in N ms.'],
    ]);
  });

  it('no endpoint while the deployment waits on a health check it names no path for is P1', async () => {
    const server = await start((req, res) => (req.url === '/' ? html(res, 200) : html(res, 404, 'Not Found')));
    repo = makeRepo({ Dockerfile: 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "check.js"]\nCMD ["node", "server.js"]\n' });
    const result = await runChecks(HEALTH_WITH_REPO, { target: server.url, repo: repo.root });
    const [finding] = of(result, 'health.endpoint');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P1']);
    expect(finding!.message).toContain('The deployment needs one: its Dockerfile declares a HEALTHCHECK (Dockerfile), so this is P1.');
  });

  it("finds a recognised product's documented health path (Verdaccio's /-/ping), with no request on other products' paths", async () => {
    const server = await start((req, res) => {
      res.setHeader('x-powered-by', 'verdaccio/6');
      if (req.url === '/') return html(res, 200, '<!doctype html><title>Verdaccio</title>');
      if (req.url === '/-/ping') return json(res, 200, {});
      html(res, 404, 'Not Found');
    });
    const result = await runChecks(byId('health.endpoint'), { target: server.url });
    expect(of(result, 'health.endpoint').map((f) => [f.status, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['pass', 'Liveness endpoint GET /-/ping (found among 13 paths (those Verdaccio documents)) answered 200 in N ms.'],
    ]);
    expect(server.requests.map((r) => r.url)).not.toContain('/rest/noauth/health');
  });
});

describe('vantage', () => {
  it('an Apache /server-status seen from a loopback client, with no other address to ask from, says so and is P1, not P0', async () => {
    const server = await start((req, res) => {
      if (req.url === '/server-status') return html(res, 200, '<html><h1>Apache Server Status for localhost</h1><dl><dt>Server uptime: 2 days</dt><dt>Total accesses: 10</dt></dl>');
      html(res, req.url === '/' ? 200 : 404);
    });
    const result = await runChecks(byId('disclosure.sensitive-paths'), { target: server.url, config: { http: { 'local-vantage': 'none' } } });
    const [finding] = of(result, 'disclosure.sensitive-paths');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P1']);
    expect(finding!.message).toMatch(/^\/server-status is served \(200\) to this loopback client: .*Require local.*http\.local-vantage is none, so P1 at most from this vantage/);
  });
});

describe('cookies by purpose', () => {
  it('a Tornado/Jupyter _xsrf cookie is a CSRF token: never asked for HttpOnly, P2', async () => {
    const server = await start((_req, res) => {
      res.setHeader('set-cookie', ['_xsrf=2|abc|def|123; Path=/; SameSite=Lax', 'XSRF-TOKEN=tok; Path=/']);
      html(res, 200);
    });
    const result = await runChecks(byId('cookies.flags'), { target: server.url });
    expect(of(result, 'cookies.flags').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P2', 'CSRF-token cookie _xsrf: no Secure on a CSRF-token cookie (required whatever the scheme: behind a TLS proxy the app still sees HTTP).'],
      ['fail', 'P2', 'CSRF-token cookie XSRF-TOKEN: no Secure on a CSRF-token cookie (required whatever the scheme: behind a TLS proxy the app still sees HTTP); no SameSite.'],
    ]);
  });
});

/** An app with a login form on / that refuses every password. */
function loginApp(guard?: express.RequestHandler): express.Express {
  const server = express();
  server.use(express.urlencoded({ extended: false }));
  server.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><form method="post" action="/login"><input name="csrf" type="hidden" value="t0k"><input name="username"><input type="password" name="password"><button>Sign in</button></form>');
  });
  const refuse: express.RequestHandler = (req, res) => {
    if (req.body.csrf !== 't0k' || req.body.username !== 'readiness-gate-probe') return res.status(400).send('bad form');
    res.status(401).type('html').send('<p>Wrong username or password</p>');
  };
  server.post('/login', ...(guard ? [guard, refuse] : [refuse]));
  return server;
}

describe('auth.login-throttling', () => {
  const check = byId('auth.login-throttling');

  it(`fails P1 when a login form takes ${LOGIN_ATTEMPTS} wrong passwords with the same quick 401`, async () => {
    app = await startApp(loginApp());
    const result = await runChecks(check, { target: app.url });
    expect(of(result, 'auth.login-throttling').map((f) => [f.status, f.severity, f.message.replace(/in \d+ ms/, 'in N ms')])).toEqual([
      ['fail', 'P1', `login POST /login (the login form on /) took ${LOGIN_ATTEMPTS} wrong passwords in a row (answers 401, the slowest in N ms) with no 429, no Retry-After or RateLimit header, no lockout and no delay.`],
    ]);
    // The form's own fields (the hidden CSRF value, the user name) were sent back; exactly the bounded number.
    expect(app.requests.filter((r) => r.method === 'POST')).toHaveLength(LOGIN_ATTEMPTS);
    expect(result.requestsByCheck['auth.login-throttling']).toBe(LOGIN_ATTEMPTS);
  });

  it('follows the base page\'s login link (a wiki whose login is one click away, its text in a span beside an icon as DokuWiki draws it), one GET, and judges the form there', async () => {
    const wiki = express();
    wiki.use(express.urlencoded({ extended: false }));
    wiki.get('/', (req, res) => {
      if (req.query.do === 'login') {
        res.type('html').send('<!doctype html><form method="post" action="/?do=login"><input name="u"><input type="password" name="p"><button>Log In</button></form>');
        return;
      }
      res.type('html').send('<!doctype html><h1>Wiki</h1><a href="/?do=recent">Recent changes</a> <a href="/?do=login&amp;sectok=" title="Log In" rel="nofollow"><span>Log In</span><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M10 17.25V14H3v-4h7V6.75L15.25 12z"/></svg></a>');
    });
    wiki.post('/', (_req, res) => {
      res.status(200).type('html').send('<p>Sorry, username or password was wrong.</p>');
    });
    app = await startApp(wiki);
    const result = await runChecks(check, { target: app.url });
    const [finding] = of(result, 'auth.login-throttling');
    expect([finding!.status, finding!.severity]).toEqual(['fail', 'P1']);
    expect(finding!.message).toContain('linked from the base page');
    expect(result.requestsByCheck['auth.login-throttling']).toBe(LOGIN_ATTEMPTS + 1);
    // The twin: a page with no login link is not searched further.
    const plain = express();
    plain.get('/', (_req, res) => res.type('html').send('<!doctype html><a href="/about">About</a>'));
    await app.close();
    app = await startApp(plain);
    const none = await runChecks(check, { target: app.url });
    expect(of(none, 'auth.login-throttling').map((f) => f.status)).toEqual(['skip']);
    expect(none.requestsByCheck['auth.login-throttling'] ?? 0).toBe(0);
  });

  it('passes at the first 429 and stops there', async () => {
    app = await startApp(loginApp(rateLimit({ windowMs: 60_000, limit: 5, standardHeaders: false, legacyHeaders: false })));
    const result = await runChecks(check, { target: app.url });
    expect(of(result, 'auth.login-throttling').map((f) => [f.status, f.message])).toEqual([['pass', 'login POST /login (the login form on /) answered 429 after 6 wrong password(s).']]);
    expect(app.requests.filter((r) => r.method === 'POST')).toHaveLength(6);
  });

  it('passes on a lockout (423 after 5 failures)', async () => {
    let failures = 0;
    app = await startApp(loginApp((_req, res, next) => (++failures > 5 ? res.status(423).send('Account locked') : next())));
    const result = await runChecks(check, { target: app.url });
    expect(of(result, 'auth.login-throttling').map((f) => [f.status, f.message])).toEqual([['pass', 'login POST /login (the login form on /) locked out (401 became 423) after 6 wrong password(s).']]);
  });

  it('does not judge a Post/Redirect/Get login (every wrong password answered 302, the refusal on the next page): skip, saying why', async () => {
    app = await startApp(loginApp((_req, res) => res.redirect(302, '/?login=failed')));
    const result = await runChecks(check, { target: app.url });
    expect(of(result, 'auth.login-throttling').map((f) => [f.status, f.message])).toEqual([
      [
        'skip',
        `login POST /login (the login form on /) answered all ${LOGIN_ATTEMPTS} wrong passwords with a redirect (302 to /?login=failed) and no sign of a limit: the login is judged on the page the redirect leads to, which this probe does not follow, so its throttling is not judged.`,
      ],
    ]);
  });

  it('is sent by default only to loopback and private targets', () => {
    const target = { production: false, allowLoad: undefined, allowRatelimit: undefined };
    expect(burstPolicy({ ...target, url: 'http://127.0.0.1:8080/' }, 'probes').allowed).toBe(true);
    expect(burstPolicy({ ...target, url: 'https://staging.example.com/' }, 'probes')).toEqual({
      allowed: false,
      reason: 'staging.example.com is not a loopback or private address, and active probes go by default only to those; pass --allow-bursts (Action input allow-bursts: true) or set allow-probes: true on the target to send them',
    });
    expect(burstPolicy({ ...target, url: 'https://staging.example.com/', allowProbes: true }, 'probes').allowed).toBe(true);
  });
});

describe('auth.default-credentials and disclosure.error-traces', () => {
  it("fails P0 when a recognised RabbitMQ management API takes guest/guest, with one request and the password never quoted", async () => {
    const server = await start((req, res) => {
      if (req.url === '/') return html(res, 200, '<!doctype html><title>RabbitMQ Management</title>');
      if (req.url === '/api/whoami') {
        const ok = req.headers.authorization === `Basic ${Buffer.from('guest:guest').toString('base64')}`;
        return ok ? json(res, 200, { name: 'guest', tags: ['administrator'] }) : json(res, 401, { error: 'not_authorised' });
      }
      html(res, 404);
    });
    const result = await runChecks(byId('auth.default-credentials'), { target: server.url });
    const findings = of(result, 'auth.default-credentials');
    expect(findings.map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P0', 'RabbitMQ management accepts its documented default account guest / ***** on GET /api/whoami (answered 200).'],
    ]);
    expect(findings[0]!.evidence).not.toContain(Buffer.from('guest:guest').toString('base64'));
    expect(result.requestsByCheck['auth.default-credentials']).toBe(1);
  });

  it('reports a trace printed for a wrong-typed query parameter on an API endpoint the page links to', async () => {
    const server = await start((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') return html(res, 200, '<!doctype html><a href="/api/reports">reports</a>');
      if (url.pathname === '/api/reports') {
        if (url.searchParams.get('date') === 'not-a-date') {
          return res.writeHead(500, { 'content-type': 'text/plain' }).end('Traceback (most recent call last):\n  File "/srv/app/views.py", line 12, in reports\nValueError: invalid date');
        }
        return json(res, req.method === 'POST' ? 400 : 200, { error: req.method === 'POST' ? 'bad json' : undefined });
      }
      html(res, 404);
    });
    const result = await runChecks(byId('disclosure.error-traces'), { target: server.url });
    expect(of(result, 'disclosure.error-traces').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P0', 'GET /api/reports with wrong-typed parameters answers 500 with a Python traceback: "Traceback (most recent call last):".'],
    ]);
    expect(result.requestsByCheck['disclosure.error-traces']).toBe(2);
  });
});

describe('apps that answer everything the same way are recognised, not reported', () => {
  const LIVE = ALL_CHECKS.filter((c) => c.kind === 'live' && c.id !== 'load.concurrency' && c.id !== 'ratelimit.enforced');
  const failing = (result: Awaited<ReturnType<typeof runChecks>>): string[] =>
    [...new Set(result.findings.filter((f) => f.status === 'fail' || f.status === 'error').map((f) => `${f.severity} ${f.checkId}`))].sort();
  const HEADERS_SET = {
    'content-security-policy': "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };

  it('a soft 404 (200 and the same page for every path, with an /api/ link) is said once (errors.not-found, P2), and gets no other finding beyond the missing health endpoint', async () => {
    const server = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', ...HEADERS_SET }).end('<!doctype html><div id="app"></div><a href="/api/things">things</a>');
    });
    const result = await runChecks(LIVE, { target: server.url });
    expect(failing(result)).toEqual(['P2 errors.not-found', 'P2 health.endpoint']);
    expect(of(result, 'errors.not-found')[0]!.message).toMatch(/^An unknown path answers 200/);
    expect(result.requests).toBeLessThanOrEqual(50);
  });

  it('a huge body everywhere (3 MiB per answer) is read up to the caps and judged like any page', async () => {
    const huge = `<!doctype html><title>big</title>${'<p>lorem ipsum</p>'.repeat(3 * 1024 * 1024 / 18)}`;
    const server = await start((req, res) => {
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html', ...HEADERS_SET }).end(huge);
    });
    const result = await runChecks(LIVE, { target: server.url });
    expect(failing(result)).toEqual(['P2 health.endpoint']);
  });

  it('a login page for every path: the login is probed (and found unthrottled), nothing else is reported', async () => {
    const server = await start((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/login') return res.writeHead(302, { location: '/login', ...HEADERS_SET }).end();
      if (req.method === 'POST') return res.writeHead(401, { 'content-type': 'text/html', ...HEADERS_SET }).end('<p>Invalid credentials</p>');
      res.writeHead(200, { 'content-type': 'text/html', ...HEADERS_SET }).end('<!doctype html><form method="post"><input name="user"><input type="password" name="pass"></form>');
    });
    const result = await runChecks(LIVE, { target: server.url });
    expect(failing(result)).toEqual(['P1 auth.login-throttling', 'P2 health.endpoint']);
    expect(of(result, 'auth.login-throttling')[0]!.message).toMatch(/^login POST \/login \(the login form on \/login\) took 20 wrong passwords in a row \(answers 401/);
  });
});

describe('auth.open-admin on routes the repository names', () => {
  const CHECKS = byId('auth.open-admin', 'docker.healthcheck');
  const code = "const app = express();\napp.get('/api/admin/users', listUsers);\napp.get('/admin/settings', requireLogin, settings);\napp.get('/api/items', items);\n";

  it('fails P1 for an admin route answering JSON without credentials, not for one answering 401, and probes no other route', async () => {
    const server = await start((req, res) => {
      if (req.url === '/api/admin/users') return json(res, 200, [{ id: 1, email: 'a@example.com', role: 'admin' }]);
      if (req.url === '/admin/settings') return json(res, 401, { error: 'login required' });
      html(res, req.url === '/' ? 200 : 404);
    });
    repo = makeRepo({ 'src/server.js': code, 'test/admin.test.js': "request(app).get('/api/admin/debug')\n" });
    const result = await runChecks(CHECKS, { target: server.url, repo: repo.root });
    expect(of(result, 'auth.open-admin').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P1', '/api/admin/users (an admin route named in src/server.js) answers 200 with JSON data without credentials.'],
    ]);
    const probed = server.requests.map((r) => r.url);
    expect(probed).toEqual(expect.arrayContaining(['/api/admin/users', '/admin/settings']));
    expect(probed).not.toContain('/api/admin/debug');
    expect(probed).not.toContain('/api/items');
  });

  it('passes when the server answers the same JSON for every path (a catch-all, not an admin API)', async () => {
    const server = await start((_req, res) => json(res, 200, { message: 'hello' }));
    repo = makeRepo({ 'src/server.js': code });
    const result = await runChecks(CHECKS, { target: server.url, repo: repo.root });
    expect(of(result, 'auth.open-admin').map((f) => f.status)).toEqual(['pass']);
  });
});
