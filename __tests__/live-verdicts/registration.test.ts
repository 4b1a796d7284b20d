// Issue 26: open self-registration, read-only. A recognised product that says
// anyone may sign up (Gitea's sign-up page, Grafana's frontend settings), and a
// sign-up form with no captcha and no invitation code on the page, a page it
// links to or a route the repository names. Nothing is written unless the
// target sets register-account: true; then exactly one POST.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { signUpGate } from '../../src/checks/auth/open-registration.js';
import { isSignUpForm, passwordForms } from '../../src/http/endpoints.js';
import type { HttpResponse } from '../../src/http/client.js';
import { configSchema } from '../../src/config/schema.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);
const byId = (...ids: string[]) => ALL_CHECKS.filter((c) => ids.includes(c.id));
const REGISTRATION = byId('auth.open-registration');
const html = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
};

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const SIGN_UP_FORM = (extra = ''): string =>
  `<form method="post" action="/register"><input type="hidden" name="_csrf" value="c5rf"><input name="username"><input type="email" name="email">` +
  `<input type="password" name="password"><input type="password" name="password_confirmation">${extra}<button>Create account</button></form>`;

/** A plain app: a home page linking to /register, whose form is `form`; a POST to /register answers 302 to /welcome. */
function appWithSignUp(form: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/') return html(res, 200, '<!doctype html><title>App</title><a href="/login">Log in</a> <a href="/register">Sign up</a>');
    if (req.url === '/register' && req.method === 'GET') return html(res, 200, `<!doctype html><title>Register</title>${form}`, { 'set-cookie': 'sid=abc; Path=/; HttpOnly' });
    if (req.url === '/register' && req.method === 'POST') return void res.writeHead(302, { location: '/welcome' }).end();
    html(res, 404, 'Not Found');
  };
}

describe('auth.open-registration, read-only', () => {
  it("Gitea's shipped default shows the sign-up form to anyone: P1, from one GET of /user/sign_up", async () => {
    const server = await start((req, res) => {
      if (req.url === '/') return html(res, 200, '<!doctype html><title>Gitea: Git with a cup of tea</title><footer>Powered by Gitea</footer>', { 'set-cookie': 'i_like_gitea=x; Path=/' });
      if (req.url === '/user/sign_up') return html(res, 200, `<title>Register - Gitea</title>${SIGN_UP_FORM()}`);
      html(res, 404, 'Not Found');
    });
    const result = await runChecks(REGISTRATION, { target: server.url });
    expect(of(result, 'auth.open-registration').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P1', "Gitea's sign-up is open to anyone: /user/sign_up answers 200 and its sign-up page shows the registration form."],
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /', 'GET /user/sign_up']);
  });

  it('Gitea with DISABLE_REGISTRATION passes', async () => {
    const server = await start((req, res) => {
      if (req.url === '/') return html(res, 200, '<!doctype html><title>Gitea</title><footer>Powered by Gitea</footer>');
      if (req.url === '/user/sign_up') return html(res, 200, '<title>Register - Gitea</title><p>Registration is disabled. Please contact your site administrator.</p>');
      html(res, 404, 'Not Found');
    });
    const result = await runChecks(REGISTRATION, { target: server.url });
    expect(of(result, 'auth.open-registration').map((f) => [f.status, f.message])).toEqual([['pass', "No open sign-up found in Gitea's /user/sign_up (200), the base page."]]);
  });

  it("Grafana's frontend settings saying allowUserSignUp: true is P1; false passes", async () => {
    for (const allow of [true, false]) {
      const server = await start((req, res) => {
        if (req.url === '/') return html(res, 200, '<!doctype html><title>Grafana</title><script>window.grafanaBootData = {}</script><link href="public/build/grafana.css">');
        if (req.url === '/api/frontend/settings') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ allowUserSignUp: allow, buildInfo: {} }));
        html(res, 404, 'Not Found');
      });
      const result = await runChecks(REGISTRATION, { target: server.url });
      const [finding] = of(result, 'auth.open-registration');
      expect([finding!.status, finding!.severity]).toEqual(allow ? ['fail', 'P1'] : ['pass', 'P1']);
      if (allow) expect(finding!.message).toBe("Grafana's sign-up is open to anyone: /api/frontend/settings answers 200 and its frontend settings say allowUserSignUp: true.");
    }
  });

  it('a sign-up form linked from the home page, with no captcha and no invitation code, is P2; nothing is posted', async () => {
    const server = await start(appWithSignUp(SIGN_UP_FORM()));
    const result = await runChecks(REGISTRATION, { target: server.url });
    expect(of(result, 'auth.open-registration').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P2', 'Anyone can create an account: the sign-up form on /register (linked from /; POST /register) asks for a password and has no captcha and no invitation code.'],
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /', 'GET /register', 'GET /readiness-gate-probe-7f3c9e1d/does-not-exist']);
  });

  it('a captcha or an invitation code gates the form: it passes and says why', async () => {
    for (const [extra, why] of [
      ['<div class="g-recaptcha" data-sitekey="6Lc"></div>', '/register (a captcha)'],
      ['<input name="invite_code">', '/register (an invitation or registration code (field invite_code))'],
    ]) {
      const server = await start(appWithSignUp(SIGN_UP_FORM(extra)));
      const result = await runChecks(REGISTRATION, { target: server.url });
      expect(of(result, 'auth.open-registration').map((f) => [f.status, f.message])).toEqual([['pass', `Sign-up is gated: ${why}.`]]);
    }
  });

  it('a sign-up route the repository names is read too', async () => {
    repo = makeRepo({ 'package.json': '{"name":"app"}', 'src/server.js': "app.get('/signup', (req, res) => res.render('signup'));\n" });
    const server = await start((req, res) => {
      if (req.url === '/') return html(res, 200, '<!doctype html><title>App</title><p>hello</p>');
      if (req.url === '/signup') return html(res, 200, SIGN_UP_FORM().replace('/register', '/signup'));
      html(res, 404, 'Not Found');
    });
    const result = await runChecks([...REGISTRATION, ...byId('docker.healthcheck')], { target: server.url, repo: repo.root });
    expect(of(result, 'auth.open-registration').map((f) => f.message)).toEqual([
      'Anyone can create an account: the sign-up form on /signup (a sign-up route named in src/server.js; POST /signup) asks for a password and has no captcha and no invitation code.',
    ]);
  });

  it("DokuWiki under a prefix, served to local clients only as Debian's apache.conf does: its register form read at doku.php?do=register, P2 once 127.0.0.2 is refused", async () => {
    const server = await start((req, res) => {
      if (req.socket.remoteAddress !== '127.0.0.1') return html(res, 403, '<title>403 Forbidden</title>');
      if (req.url === '/dokuwiki/') return html(res, 200, '<!doctype html><meta name="generator" content="DokuWiki"/><a href="/dokuwiki/doku.php?id=start&amp;do=register">Register</a>');
      if (req.url === '/dokuwiki/doku.php?do=register') return html(res, 200, '<form id="dw__register" method="post"><input name="login"><input name="email" type="email"><button>Register</button></form>');
      html(res, 404, 'Not Found');
    });
    const result = await runChecks(REGISTRATION, { target: `${server.url}dokuwiki/`, config: { http: { 'local-vantage': '127.0.0.2' } } });
    expect(of(result, 'auth.open-registration').map((f) => [f.status, f.severity, f.message])).toEqual([
      [
        'fail',
        'P2',
        "DokuWiki's sign-up is open to anyone: doku.php?do=register answers 200 and its register action shows the sign-up form. Local clients only: asked again from 127.0.0.2, a non-loopback address of this machine, it answered 403 without it (Debian's dokuwiki package serves it to local clients only (its apache.conf: Allow from localhost 127.0.0.1 ::1)), so P2.",
      ],
    ]);
    // The product's own endpoint, once from each address; its page's Register link is not read again.
    expect(server.requests.map((r) => r.url)).toEqual(['/dokuwiki/', '/dokuwiki/doku.php?do=register', '/dokuwiki/doku.php?do=register']);
  });

  it('a sign-up form is never taken for a login: no wrong passwords are sent to it', async () => {
    const server = await start((req, res) => (req.url === '/' ? html(res, 200, `<!doctype html>${SIGN_UP_FORM()}`) : html(res, 404, 'Not Found')));
    const result = await runChecks(byId('auth.login-throttling', 'auth.open-registration'), { target: server.url });
    expect(of(result, 'auth.login-throttling').map((f) => f.status)).toEqual(['skip']);
    expect(of(result, 'auth.open-registration').map((f) => [f.status, f.severity])).toEqual([['fail', 'P2']]);
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('register-account: true, the one opt-in write', () => {
  it('is off by default and documented in the schema', () => {
    expect(configSchema.parse({ targets: [{ url: 'http://127.0.0.1/' }] }).targets[0]!.registerAccount).toBe(false);
    expect(() => configSchema.parse({ targets: [{ url: 'http://127.0.0.1/', 'register-account': 'yes' }] })).toThrow();
  });

  it('signs up one throwaway account through the open form, its hidden fields and cookie kept, and says it was accepted', async () => {
    const server = await start(appWithSignUp(SIGN_UP_FORM()));
    let posted = '';
    server.server.prependListener('request', (req: IncomingMessage) => {
      if (req.method === 'POST') req.on('data', (d: Buffer) => (posted += d.toString()));
    });
    const result = await runChecks(REGISTRATION, { target: { url: server.url, 'register-account': true } });
    const [finding] = of(result, 'auth.open-registration');
    expect(finding!.message).toMatch(/Confirmed \(register-account: true\): the form accepted a new account readiness-gate-probe-\w+ \(answered 302\); delete it\.$/);
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.cookie).toBe('sid=abc');
    const fields = new URLSearchParams(posted);
    expect(fields.get('_csrf')).toBe('c5rf');
    expect(fields.get('email')).toMatch(/^readiness-gate-probe-\w+@example\.invalid$/);
    expect(fields.get('password')).toBe(fields.get('password_confirmation'));
  });

  it('reads the form the way the probe would send it: an access-code field is a gate (pure)', () => {
    const form = passwordForms({
      url: 'http://127.0.0.1/register',
      headers: { 'content-type': 'text/html' },
      setCookies: [],
      body: SIGN_UP_FORM('<input name="access_code">'),
    } as unknown as HttpResponse)[0]!;
    expect(isSignUpForm(form)).toBe(true);
    expect(signUpGate(form)).toBe('an invitation or registration code (field access_code)');
  });
});
