// The pure verdict functions of the surface checks, fed captured header
// values and bodies (as the MDN Observatory's analyzer tests are).

import { describe, expect, it } from '@jest/globals';
import { judgeHsts } from '../../src/checks/headers/hsts.js';
import { cspProblems, enforcedProblems, metaCspPolicies, parseCspHeader } from '../../src/checks/headers/csp-policy.js';
import { judgeFraming } from '../../src/checks/headers/frame-options.js';
import { isNosniff } from '../../src/checks/headers/content-type-options.js';
import { invalidPermissionsMember } from '../../src/checks/headers/permissions-policy.js';
import { judgeReferrerPolicy } from '../../src/checks/headers/referrer-policy.js';
import { COOP_VALUES, CORP_VALUES, isolationProblem } from '../../src/checks/headers/cross-origin-isolation.js';
import { cookieProblems, isDeletion, parseSetCookie } from '../../src/checks/cookies/flags.js';
import { judgeCors } from '../../src/checks/cors/policy.js';
import { revealingBanners } from '../../src/checks/disclosure/server-banner.js';
import { findDebugTell } from '../../src/checks/disclosure/debug-mode.js';
import { SENSITIVE_PATHS, envKeys, isSqlDump } from '../../src/checks/disclosure/sensitive-paths.js';
import { metricsContent } from '../../src/checks/disclosure/metrics-exposed.js';
import { judgeNotFound } from '../../src/checks/errors/not-found.js';
import { echoesTrace } from '../../src/checks/http/trace-method.js';
import { judgeHttpsRedirect, upgradeHop } from '../../src/checks/tls/https-redirect.js';
import { judgeCertificate } from '../../src/checks/tls/certificate.js';
import type { PeerCertificate } from '../../src/http/tls.js';
import type { HttpResponse } from '../../src/http/client.js';

const keys = (value: string) => enforcedProblems(parseCspHeader(value)).map((p) => p.key);

describe('headers.hsts', () => {
  it.each([
    ['max-age=31536000; includeSubDomains; preload', { ok: true, maxAge: 31536000, includeSubDomains: true, preload: true }],
    ['max-age="15552000"', { ok: true, maxAge: 15552000, includeSubDomains: false, preload: false }],
    ['max-age=15551999', { ok: false, reason: 'Strict-Transport-Security max-age=15551999 (179 days) is below 15552000 (180 days)' }],
    ['max-age=abc', { ok: false, reason: 'Strict-Transport-Security "max-age=abc" has no valid max-age, so browsers ignore it' }],
    ['includeSubDomains', { ok: false, reason: 'Strict-Transport-Security "includeSubDomains" has no valid max-age, so browsers ignore it' }],
    ['max-age=31536000; max-age=1', { ok: false, reason: 'Strict-Transport-Security "max-age=31536000; max-age=1" repeats max-age, so browsers ignore it' }],
    ['max-age=31536000, includeSubDomains', { ok: false, reason: 'Strict-Transport-Security "max-age=31536000, includeSubDomains" is not parsable (at "max-age=31536000, includeSubDomains")' }],
  ])('%s', (value, expected) => {
    expect(judgeHsts(value)).toEqual(expected);
  });

  it('fails when missing', () => {
    expect(judgeHsts(undefined)).toEqual({ ok: false, reason: 'No Strict-Transport-Security header on an HTTPS page' });
  });
});

describe('headers.csp policy judgement', () => {
  it.each([
    ["default-src 'self'; object-src 'none'", []],
    ["default-src 'none'", []],
    ["script-src 'self'; object-src 'none'", []],
    ["object-src 'none'", ['no-script-src']],
    ["default-src 'self' 'unsafe-inline'", ['unsafe-inline', 'object-src']],
    ["script-src 'self' 'unsafe-inline' 'nonce-abc'; object-src 'none'", []],
    ["script-src 'unsafe-inline' 'sha256-AAAA'; object-src 'none'", []],
    // An empty nonce or hash is not a valid source (CSP3 grammar: base64-value is 1*), so 'unsafe-inline' stays in force.
    ["script-src 'self' 'unsafe-inline' 'nonce-'; object-src 'none'", ['unsafe-inline']],
    ["script-src 'unsafe-inline' 'sha256-'; object-src 'none'", ['unsafe-inline']],
    ["script-src 'unsafe-inline' 'nonce-{{nonce}}'; object-src 'none'", ['unsafe-inline']],
    ["script-src 'unsafe-inline' 'nonce-rAnd0m+/_-=='; object-src 'none'", []],
    ["script-src 'self' 'unsafe-eval'; object-src 'none'", ['unsafe-eval']],
    ["script-src *; object-src 'none'", ['any-source:*']],
    ["script-src 'self' http:; object-src 'none'", ['any-source:http:']],
    ["script-src 'self' https://*; object-src 'none'", ['any-source:https://*']],
    ["script-src 'nonce-abc' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'", []],
    ["script-src 'strict-dynamic' https:; object-src 'none'", ['any-source:https:']],
    ["default-src 'self'; script-src https://cdn.example.com; object-src 'self'", ['object-src']],
  ])('%s', (value, expected) => {
    expect(keys(value)).toEqual(expected);
  });

  it('names the directive and source at fault', () => {
    const [problem] = cspProblems(parseCspHeader("default-src 'self' 'unsafe-eval'; object-src 'none'")[0]!);
    expect(problem).toEqual({
      key: 'unsafe-eval',
      directive: 'default-src',
      severity: 'P1',
      source: "'unsafe-eval'",
      message: "default-src allows 'unsafe-eval' (eval() and new Function() on attacker-controlled strings)",
    });
  });

  it('counts a weakness only when every enforced policy has it', () => {
    expect(keys("script-src 'unsafe-inline'; object-src 'none', script-src 'self'")).toEqual([]);
    expect(enforcedProblems([...parseCspHeader("script-src 'unsafe-eval'; object-src 'none'"), ...parseCspHeader("script-src 'self' 'unsafe-eval'")]).map((p) => p.key)).toEqual(['unsafe-eval']);
  });

  it('ignores a repeated directive, as browsers do', () => {
    expect(keys("script-src 'self'; script-src *; object-src 'none'")).toEqual([]);
  });

  it('reads <meta http-equiv> policies but drops frame-ancestors there', () => {
    const html = `<html><head><meta charset="utf-8"><meta content="default-src 'self'; frame-ancestors 'none'" http-equiv="Content-Security-Policy"></head></html>`;
    const [policy] = metaCspPolicies(html);
    expect([...policy!.keys()]).toEqual(['default-src']);
    expect(metaCspPolicies('<meta name="viewport" content="width=device-width">')).toEqual([]);
  });
});

describe('headers.frame-options', () => {
  it.each([
    ['DENY', undefined, true],
    ['sameorigin', undefined, true],
    ['ALLOW-FROM https://a.example', undefined, false],
    [undefined, ["'none'"], true],
    [undefined, ["'self'", 'https://partner.example'], true],
    [undefined, ['*'], false],
    [undefined, ["'self'", 'https://*'], false],
    [undefined, ['HTTPS:'], false],
    ['DENY', ['https:'], false],
    [undefined, undefined, false],
    // Sent twice (app and proxy), joined by the client: the HTML standard dedupes the values.
    ['SAMEORIGIN, SAMEORIGIN', undefined, true],
    ['DENY, deny', undefined, true],
    // Conflicting values block framing altogether (HTML standard, X-Frame-Options processing).
    ['DENY, SAMEORIGIN', undefined, true],
    ['SAMEORIGIN, ALLOW-FROM https://a.example', undefined, true],
    ['ALLOWALL', undefined, false],
  ])('X-Frame-Options %s, frame-ancestors %j -> ok %s', (xfo, ancestors, ok) => {
    expect(judgeFraming(xfo, ancestors).ok).toBe(ok);
  });
});

describe('headers.permissions-policy syntax', () => {
  it.each([
    ['camera=(), microphone=()', undefined],
    ['geolocation=(self "https://maps.example"), fullscreen=*, interest-cohort=()', undefined],
    ['camera=(self);report-to=default', undefined],
    // Feature-Policy syntax in Permissions-Policy: not a structured-field dictionary, so browsers ignore it.
    ["camera 'none'; microphone 'none'", "camera 'none'; microphone 'none'"],
    ['camera=(), microphone none', 'microphone none'],
  ])('%s', (value, invalid) => {
    expect(invalidPermissionsMember(value)).toBe(invalid);
  });
});

describe('single-value headers', () => {
  it('X-Content-Type-Options must be nosniff', () => {
    expect([isNosniff('nosniff'), isNosniff(' NoSniff '), isNosniff('nosniff, nosniff'), isNosniff('sniff'), isNosniff(undefined)]).toEqual([true, true, true, false, false]);
  });

  it.each([
    ['strict-origin-when-cross-origin', true],
    ['no-referrer', true],
    ['unsafe-url', false],
    ['no-referrer-when-downgrade', false],
    ['no-referrer, unsafe-url', false],
    ['unsafe-url, strict-origin', true],
    ['strict-origin, made-up', true],
    ['made-up', false],
  ])('Referrer-Policy %s -> ok %s', (value, ok) => {
    expect(judgeReferrerPolicy(value).ok).toBe(ok);
  });

  it('Referrer-Policy missing or invalid is explained', () => {
    expect(judgeReferrerPolicy(undefined)).toEqual({ ok: false, reason: 'No Referrer-Policy header' });
    expect(judgeReferrerPolicy('origin-only')).toEqual({ ok: false, reason: 'Referrer-Policy "origin-only" holds no valid policy, so browsers ignore it' });
  });

  it('Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy values', () => {
    expect(isolationProblem('Cross-Origin-Opener-Policy', 'same-origin; report-to="coop"', COOP_VALUES)).toBeUndefined();
    expect(isolationProblem('Cross-Origin-Resource-Policy', 'same-site', CORP_VALUES)).toBeUndefined();
    expect(isolationProblem('Cross-Origin-Resource-Policy', 'same_site', CORP_VALUES)).toBe(
      'Cross-Origin-Resource-Policy "same_site" is not one of same-origin, same-site, cross-origin',
    );
    expect(isolationProblem('Cross-Origin-Opener-Policy', undefined, COOP_VALUES)).toBe('no Cross-Origin-Opener-Policy header');
  });
});

describe('cookies.flags', () => {
  const problems = (header: string, https = true) => cookieProblems(parseSetCookie(header)!, https);

  it.each([
    ['session=abc; Path=/; Secure; HttpOnly; SameSite=Lax', true, []],
    ['theme=dark; Secure; SameSite=Strict', true, []],
    ['theme=dark; SameSite=Lax', true, ['no Secure (it would also be sent over plain HTTP)']],
    ['theme=dark; SameSite=Lax', false, []],
    ['JSESSIONID=abc; Secure; SameSite=Lax', true, ['no HttpOnly on a session-like cookie (readable by any injected script)']],
    ['auth_token=abc; secure; httponly', true, ['no SameSite']],
    ['id=abc; Secure; SameSite=None', true, []],
    ['id=abc; SameSite=None', false, ['SameSite=None without Secure (browsers reject it)']],
    ['id=abc; Secure; SameSite=Sometimes', true, ['SameSite=Sometimes is not Strict, Lax or None']],
    // Anti-CSRF cookies are read by the page's own script by design (double-submit:
    // Angular, Axios, Laravel's XSRF-TOKEN, Django's csrftoken), as the MDN Observatory tells them apart.
    ['XSRF-TOKEN=abc; Path=/; Secure; SameSite=Lax', true, []],
    ['csrftoken=abc; Path=/; Secure; SameSite=Lax', true, []],
    ['csrf_token=abc; Path=/; Secure', true, ['no SameSite']],
  ])('%s (https %s)', (header, https, expected) => {
    expect(problems(header, https)).toEqual(expected);
  });

  it('parses attributes case-insensitively and recognises deletions', () => {
    const cookie = parseSetCookie('a=b=c; PATH=/; MAX-AGE=0; HTTPONLY')!;
    expect(cookie.name).toBe('a');
    expect([...cookie.attributes]).toEqual([
      ['path', '/'],
      ['max-age', '0'],
      ['httponly', ''],
    ]);
    expect(isDeletion(cookie)).toBe(true);
    expect(isDeletion(parseSetCookie('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!)).toBe(true);
    expect(isDeletion(parseSetCookie('a=b; Max-Age=3600')!)).toBe(false);
    expect(parseSetCookie('no-equals-sign')).toBeUndefined();
  });
});

describe('cors.policy judgement', () => {
  const h = (headers: Record<string, string>) => ({ headers });
  const evil = 'https://evil.example';
  it.each([
    [{}, evil, true, true, undefined],
    [{ 'access-control-allow-origin': 'https://app.example.com', 'access-control-allow-credentials': 'true' }, evil, true, true, undefined],
    [{ 'access-control-allow-origin': evil, 'access-control-allow-credentials': 'true' }, evil, false, false, 'P0'],
    [{ 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'TRUE' }, 'null', false, false, 'P0'],
    [{ 'access-control-allow-origin': 'null' }, 'null', false, false, 'P1'],
    [{ 'access-control-allow-origin': evil }, evil, true, false, 'P1'],
    [{ 'access-control-allow-origin': evil }, evil, false, true, undefined],
    [{ 'access-control-allow-origin': '*' }, evil, true, false, 'P1'],
    [{ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }, evil, false, true, undefined],
  ])('%j for Origin %s (sensitive %s)', (headers, origin, sensitive, ok, severity) => {
    const verdict = judgeCors(h(headers), origin, sensitive);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.severity).toBe(severity);
  });
});

describe('cors.policy with several Access-Control-Allow-Origin values', () => {
  it('says browsers reject the answer instead of calling it restricted', () => {
    const headers = { 'access-control-allow-origin': 'https://evil.example, https://evil.example', 'access-control-allow-credentials': 'true' };
    expect(judgeCors({ headers }, 'https://evil.example', true)).toEqual({
      ok: true,
      note: 'several Access-Control-Allow-Origin values (https://evil.example, https://evil.example), which browsers reject',
    });
  });
});

describe('disclosure.server-banner', () => {
  it.each([
    [{ server: 'nginx/1.22.1' }, ['server']],
    [{ server: 'Apache/2.4.57 (Debian) OpenSSL/3.0.11' }, ['server']],
    [{ server: 'Werkzeug/3.0.1 Python/3.12.1' }, ['server']],
    [{ server: 'Microsoft-IIS/10.0', 'x-aspnet-version': '4.0.30319', 'x-powered-by': 'ASP.NET' }, ['server', 'x-aspnet-version', 'x-powered-by']],
    // By value: a product-named header with an exact version (Syncthing), any header whose name says version.
    [{ 'x-syncthing-version': 'v1.19.2-ds1' }, ['x-syncthing-version']],
    [{ 'x-app-version': '2.3' }, ['x-app-version']],
    [{ 'x-product-version': 'v1.19.2' }, ['x-product-version']],
    // A placeholder says nothing; structure, protocol versions, durations and ids are no software versions.
    [{ 'x-powered-by': 'hidden' }, []],
    [{ via: '1.1 vegur', 'server-timing': 'db;dur=53.2, app;dur=47.24', etag: 'W/"1.2.3"', 'x-request-id': '1.2.3' }, []],
    [{ 'content-disposition': 'attachment; filename="tool-1.2.3.tar.gz"', 'x-response-time': '12.345ms' }, []],
    [{ 'x-powered-by': 'PHP/8.1.2' }, ['x-powered-by']],
    [{ 'x-runtime': '0.012345' }, ['x-runtime']],
    [{ server: 'nginx' }, []],
    [{ server: 'cloudflare' }, []],
    [{ server: 'gunicorn' }, []],
    // An edge node id, not a product version (example.com's Edgecast banner).
    [{ server: 'ECS (dcb/7F84)' }, []],
    [{ server: 'nginx/1.25.3-alpine' }, ['server']],
  ])('%j', (headers, expected) => {
    expect(revealingBanners(headers).map((b) => b.header)).toEqual(expected);
  });
});

describe('disclosure.debug-mode tells (captured fragments)', () => {
  it.each([
    ["<p>You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p>", 'Django technical error page (DEBUG = True)'],
    ['<table class="meta"><tr><th scope="row">Django Version:</th><td>5.0.1</td></tr>', 'Django technical error page (DEBUG = True)'],
    ['<p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns</p>', 'Django technical 404 page (DEBUG = True)'],
    ['<title>ZeroDivisionError // Werkzeug Debugger</title>', 'Werkzeug / Flask interactive debugger'],
    ['Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>', 'Python traceback'],
    ['<pre>Error: boom<br> &nbsp; &nbsp;at /srv/app/index.js:12:9<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)</pre>', 'Node.js stack trace'],
    ['{"error":"x","stack":"TypeError: x is not a function\\n    at handler (/app/dist/server.js:10:3)"}', 'Node.js stack trace'],
    ['<header><h1>Routing Error</h1></header><p>Rails.root: /app</p>', 'Ruby on Rails development error page'],
    ['<div class="exception">Illuminate\\Database\\QueryException</div>', 'Laravel Ignition / Whoops error page'],
    ['<h1>Whitelabel Error Page</h1><div>java.lang.NullPointerException\n\tat com.example.web.Controller.show(Controller.java:42)</div>', 'Java stack trace (e.g. Spring Whitelabel page with trace)'],
    ['{"timestamp":"2024-01-01","status":500,"trace":"java.lang.IllegalStateException: boom"}', 'Spring Boot error with trace'],
    ["<h1>Server Error in '/' Application.</h1>", 'ASP.NET detailed error page (yellow screen)'],
    ['<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/html/index.php</b> on line <b>7</b><br />', 'PHP error with file path'],
    ['panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()', 'Go panic'],
  ])('%s', (body, framework) => {
    expect(findDebugTell(body)?.framework).toBe(framework);
  });

  it.each([
    ['<h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error.</p>'],
    ['{"error":"not found","status":404}'],
    ['<p>Meet us at the station (platform 3) at 10:30.</p>'],
    ['<script src="/static/js/main.3f2a.js"></script>'],
  ])('is silent on an ordinary page: %s', (body) => {
    expect(findDebugTell(body)).toBeUndefined();
  });
});

describe('disclosure.sensitive-paths content recognition', () => {
  const response = (body: string, contentType = 'text/plain'): HttpResponse =>
    ({ status: 200, body, bodyBytes: body.length, headers: { 'content-type': contentType } }) as unknown as HttpResponse;
  const entry = (path: string) => SENSITIVE_PATHS.find((p) => p.path === path)!;
  const spa = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>';

  it('does not mistake a catch-all index.html for any sensitive file', () => {
    for (const item of SENSITIVE_PATHS) expect([item.path, item.matches(spa, response(spa, 'text/html'))]).toEqual([item.path, false]);
  });

  it('does not mistake an index.html without a doctype (multi-line tags, inline script assignments) for a text file', () => {
    const bare = '<meta charset="utf-8">\n<meta\n  name="viewport"\n  content="width=device-width"\n/>\n<script>\n  window.API_URL = "/api";\n  window.VERSION = "1.2.3";\n</script>\n';
    const textFiles = ['/.env', '/.git/config', '/.aws/credentials', '/.npmrc', '/.htpasswd', '/backup.sql', '/dump.sql'];
    for (const path of textFiles) expect([path, entry(path).matches(bare, response(bare, 'text/html'))]).toEqual([path, false]);
    // Served as HTML, a body is a page about the file, never the file itself.
    const envLike = 'APP_KEY=base64:abc\nDB_PASSWORD=secret\n';
    expect(entry('/.env').matches(envLike, response(envLike, 'text/html; charset=utf-8'))).toBe(false);
  });

  it('recognises the real files', () => {
    expect(entry('/.env').matches('APP_KEY=base64:abc\nDB_PASSWORD=secret\n', response(''))).toBe(true);
    expect(envKeys('# comment\nexport A=1\nB = 2\n')).toEqual(['A', 'B']);
    expect(entry('/.env').matches('ONLY=one\n', response(''))).toBe(false);
    expect(entry('/.git/HEAD').matches('ref: refs/heads/main\n', response(''))).toBe(true);
    expect(entry('/.git/HEAD').matches('0123456789abcdef0123456789abcdef01234567', response(''))).toBe(true);
    expect(entry('/.DS_Store').matches('\u0000\u0000\u0000\u0001Bud1\u0000\u0000', response(''))).toBe(true);
    expect(entry('/.aws/credentials').matches('[default]\naws_access_key_id = AKIA...\n', response(''))).toBe(true);
    expect(entry('/actuator/env').matches('{"activeProfiles":[],"propertySources":[]}', response(''))).toBe(true);
    expect(entry('/debug/vars').matches('{"cmdline":["/app"],"memstats":{}}', response(''))).toBe(true);
    expect(entry('/server-status').matches('<h1>Apache Server Status for example.com</h1>', response(''))).toBe(true);
    expect(isSqlDump('-- MySQL dump 10.13\nCREATE TABLE `users` (')).toBe(true);
    expect(isSqlDump('<html>CREATE TABLE is a statement</html>')).toBe(false);
  });
});

describe('disclosure.metrics-exposed content recognition', () => {
  it.each([
    ['# HELP process_cpu_seconds_total CPU.\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1.5\n', 'Prometheus metrics'],
    ['up 1\nhttp_requests_total{code="200"} 10\nnodejs_heap_size_total_bytes 1.2e+07\n', 'Prometheus metrics'],
    ['{"names":["jvm.memory.used","http.server.requests"]}', 'Spring Boot actuator metric names'],
    ['{"_links":{"self":{"href":"/actuator"},"health":{"href":"/actuator/health"}}}', undefined],
    ['{"status":"UP"}', undefined],
    ['<html><body>Not found</body></html>', undefined],
    ['<html><p>Types of profiles available:</p></html>', 'Go pprof profiles index'],
    ['ok', undefined],
  ])('%s', (body, expected) => {
    expect(metricsContent(body)).toBe(expected);
  });
});

describe('errors.not-found, http.trace-method, tls.https-redirect', () => {
  it('judges the status of an unknown path', () => {
    expect([404, 410, 401, 302, 200, 500, 503].map((s) => judgeNotFound(s).ok)).toEqual([true, true, true, true, false, false, false]);
  });

  it('recognises an echoed TRACE', () => {
    expect(echoesTrace({ status: 200, headers: { 'content-type': 'message/http' }, body: '' })).toBe(true);
    expect(echoesTrace({ status: 200, headers: {}, body: 'TRACE / HTTP/1.1\r\nhost: x' })).toBe(true);
    expect(echoesTrace({ status: 405, headers: {}, body: 'TRACE / HTTP/1.1' })).toBe(false);
    expect(echoesTrace({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>home</html>' })).toBe(false);
  });

  it.each([
    [301, 'https://example.com/', true],
    [308, 'https://www.example.com/', true],
    [302, 'https://example.com/login', true],
    [301, 'http://example.com/other', false],
    [301, 'https://elsewhere.example/', false],
    [200, undefined, false],
  ])('%s to %s -> ok %s', (status, location, ok) => {
    expect(judgeHttpsRedirect('http://example.com/', status, location).ok).toBe(ok);
  });

  it('judges the hop that leaves plain HTTP, after same-host path tidying', () => {
    const tidy = { url: 'http://example.com/app', location: 'http://example.com/app/' };
    const upgrade = { url: 'http://example.com/app/', location: 'https://example.com/app/' };
    expect(upgradeHop([tidy, upgrade])).toBe(upgrade);
    expect(upgradeHop([tidy])).toBe(tidy);
    expect(upgradeHop([])).toBeUndefined();
  });
});

describe('tls.certificate judgement', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const cert = (overrides: Partial<PeerCertificate>): PeerCertificate => ({
    subject: 'CN=example.com',
    issuer: "CN=R11, O=Let's Encrypt, C=US",
    validFrom: new Date('2026-04-01T00:00:00Z'),
    validTo: new Date('2026-08-30T00:00:00Z'),
    subjectAltName: 'DNS:example.com',
    fingerprint256: 'AA',
    selfSigned: false,
    chainTrusted: true,
    hostname: 'example.com',
    ...overrides,
  });

  it('passes a trusted certificate with room before expiry, giving date and issuer', () => {
    expect(judgeCertificate(cert({}), { now, caConfigured: false })).toEqual({
      problems: [],
      summary: "expires 2026-08-30 (90 days left), issued by CN=R11, O=Let's Encrypt, C=US to CN=example.com",
    });
  });

  it.each([
    [{ validTo: new Date('2026-06-20T00:00:00Z') }, 'P1', ['expires within 30 days']],
    [{ validTo: new Date('2026-05-01T00:00:00Z'), chainTrusted: false, chainError: 'CERT_HAS_EXPIRED' }, 'P0', ['expired on 2026-05-01']],
    [{ validFrom: new Date('2026-07-01T00:00:00Z'), chainTrusted: false, chainError: 'CERT_NOT_YET_VALID' }, 'P0', ['not valid before 2026-07-01']],
    [{ selfSigned: true, chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'P0', ['self-signed (no CA is configured for this target)']],
    [{ chainTrusted: false, chainError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'P0', ['its chain does not verify (UNABLE_TO_VERIFY_LEAF_SIGNATURE)']],
    [{ hostnameError: "Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:example.com", hostname: 'api.example.com' }, 'P0', ["not valid for api.example.com: Host: api.example.com. is not in the cert's altnames: DNS:example.com"]],
  ])('%j -> %s', (overrides, severity, problems) => {
    const verdict = judgeCertificate(cert(overrides), { now, caConfigured: false });
    expect([verdict.severity, verdict.problems]).toEqual([severity, problems]);
  });
});
