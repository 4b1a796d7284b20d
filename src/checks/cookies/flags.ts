import type { FindingInput, LiveCheck, Severity } from '../../engine/types.js';
import type { HttpClient, HttpResponse } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { probedPages } from '../../http/surface.js';
import { redactSetCookie } from '../../core/redact.js';
import { frameworkName, servedBy, type Framework, type ServedBy } from '../served-by.js';

export interface SetCookie {
  name: string;
  /** Lower-case attribute names; flag attributes map to ''. */
  attributes: Map<string, string>;
}

/** RFC 6265, section 5.2: name=value, then `;`-separated attributes, names case-insensitive. */
export function parseSetCookie(header: string): SetCookie | undefined {
  const [pair, ...rest] = header.split(';');
  const eq = pair!.indexOf('=');
  const name = (eq < 0 ? '' : pair!.slice(0, eq)).trim();
  if (!name) return undefined;
  const attributes = new Map<string, string>();
  for (const raw of rest) {
    const i = raw.indexOf('=');
    const key = (i < 0 ? raw : raw.slice(0, i)).trim().toLowerCase();
    if (key && !attributes.has(key)) attributes.set(key, i < 0 ? '' : raw.slice(i + 1).trim());
  }
  return { name, attributes };
}

/** Names that usually carry a session or credential. */
export const SESSION_LIKE = /sess|session|sid|auth|token|jwt|login/i;

/**
 * Anti-CSRF cookies (`XSRF-TOKEN`, `csrftoken`) are meant to be read by the
 * page's own script (double-submit pattern: Angular, Axios, Laravel, Django),
 * so HttpOnly would break them; the MDN Observatory tells them apart too.
 */
export const ANTI_CSRF = /csrf|xsrf/i;

/** A cookie sent only to remove itself (Max-Age<=0 or an Expires in the past) carries nothing to protect. */
export function isDeletion(cookie: SetCookie, now: Date = new Date()): boolean {
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge) <= 0;
  const expires = cookie.attributes.get('expires');
  if (expires !== undefined) {
    const when = Date.parse(expires);
    return !Number.isNaN(when) && when < now.getTime();
  }
  return false;
}

/**
 * What a cookie is for, by its name and attributes: a `session` cookie carries a credential (a session-like name,
 * or HttpOnly set by the application itself); a `csrf` token is a double-submit token the page's script must read
 * (`_xsrf` of Tornado and Jupyter, `csrftoken`, `XSRF-TOKEN`, Syncthing's `CSRF-Token-<id>`); anything else is a
 * `preference` (language, theme, consent).
 */
export type CookiePurpose = 'session' | 'csrf' | 'preference';

export function cookiePurpose(cookie: SetCookie): CookiePurpose {
  if (ANTI_CSRF.test(cookie.name)) return 'csrf';
  if (SESSION_LIKE.test(cookie.name) || cookie.attributes.has('httponly')) return 'session';
  return 'preference';
}

/** What is missing on one cookie for its purpose; `https` is whether the page that set it was served over HTTPS. */
export function cookieProblems(cookie: SetCookie, https: boolean): string[] {
  const problems: string[] = [];
  const purpose = cookiePurpose(cookie);
  const secure = cookie.attributes.has('secure');
  const sameSite = cookie.attributes.get('samesite')?.toLowerCase();
  if (https && !secure) problems.push('no Secure (it would also be sent over plain HTTP)');
  // Production apps sit behind a TLS proxy and set Secure whatever the scheme
  // the app sees (Django SESSION_COOKIE_SECURE); the MDN Observatory fails a
  // session cookie without it on any scheme too.
  else if (!secure && purpose !== 'preference') {
    problems.push(`no Secure on a ${purpose === 'session' ? 'session' : 'CSRF-token'} cookie (required whatever the scheme: behind a TLS proxy the app still sees HTTP)`);
  }
  // A CSRF token must be readable by the page's script (double submit): HttpOnly would break it, and it is no credential.
  if (purpose === 'session' && !cookie.attributes.has('httponly')) problems.push('no HttpOnly on a session-like cookie (readable by any injected script)');
  if (sameSite === undefined) problems.push('no SameSite');
  else if (!['strict', 'lax', 'none'].includes(sameSite)) problems.push(`SameSite=${cookie.attributes.get('samesite')} is not Strict, Lax or None`);
  else if (sameSite === 'none' && !secure) problems.push('SameSite=None without Secure (browsers reject it)');
  return problems;
}

/**
 * Cookies set over plain HTTP without Secure whose app sets Secure itself when the request came over HTTPS
 * (PHP apps reading `HTTPS`/`X-Forwarded-Proto`, frameworks trusting the proxy): asked once more per page that set
 * one, with `X-Forwarded-Proto: https`, the way a TLS proxy in front forwards it. Name -> how it was seen.
 */
async function secureBehindTls(cookies: readonly SeenCookie[], http: HttpClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const pages = [...new Set(cookies.filter(({ cookie, setBy }) => setBy.startsWith('http:') && !cookie.attributes.has('secure') && cookiePurpose(cookie) !== 'preference').map((c) => c.setBy))];
  for (const url of pages.slice(0, 2)) {
    const result = await http.send({ url, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-ssl': 'on' }, maxBodyBytes: 0 });
    if (!result.ok) continue;
    for (const header of result.response.setCookies) {
      const again = parseSetCookie(header);
      if (again?.attributes.has('secure')) out.set(again.name, `seen with X-Forwarded-Proto: https at ${url}`);
    }
  }
  return out;
}

/** A session cookie's weakness is P1; a CSRF token's or a preference cookie's is defence in depth (P2). */
export function severityForPurpose(purpose: CookiePurpose): Severity {
  return purpose === 'session' ? 'P1' : 'P2';
}

function describeFlags(cookie: SetCookie): string {
  const flags = [cookie.attributes.has('secure') ? 'Secure' : '', cookie.attributes.has('httponly') ? 'HttpOnly' : ''];
  const sameSite = cookie.attributes.get('samesite');
  if (sameSite !== undefined) flags.push(`SameSite=${sameSite}`);
  return flags.filter(Boolean).join(', ');
}

interface SeenCookie {
  cookie: SetCookie;
  header: string;
  response: HttpResponse;
  /** The URL whose response set it (a redirect hop or the page itself). */
  setBy: string;
}

/** Every cookie the pages set (redirect hops included), first occurrence per name. */
export function cookiesOf(pages: readonly HttpResponse[]): SeenCookie[] {
  const seen = new Map<string, SeenCookie>();
  for (const response of pages) {
    const sources = [...response.redirects.map((hop) => ({ url: hop.url, headers: hop.setCookies ?? [] })), { url: response.url, headers: response.setCookies }];
    for (const source of sources) {
      for (const header of source.headers) {
        const cookie = parseSetCookie(header);
        if (cookie && !seen.has(cookie.name)) seen.set(cookie.name, { cookie, header, response, setBy: source.url });
      }
    }
  }
  return [...seen.values()];
}

// The fix in the framework that set the cookie, when its cookies or headers say which (checks/served-by.ts): where
// that framework sets the flags of its session and CSRF cookies; otherwise the attributes on the Set-Cookie header.
const FIX: Record<Framework, (cookie: string, purpose: CookiePurpose) => string> = {
  django: (cookie, purpose) =>
    purpose === 'csrf' || cookie === 'csrftoken'
      ? 'In the production settings: `CSRF_COOKIE_SECURE = True` and `CSRF_COOKIE_SAMESITE = "Lax"` (CSRF_COOKIE_HTTPONLY stays False: the page reads the token).'
      : cookie === 'sessionid'
        ? 'In the production settings: `SESSION_COOKIE_SECURE = True`, `SESSION_COOKIE_HTTPONLY = True` (the default) and `SESSION_COOKIE_SAMESITE = "Lax"`.'
        : `Where the view sets it: \`response.set_cookie("${cookie}", value, secure=True, httponly=True, samesite="Lax")\`.`,
  flask: (cookie) =>
    cookie === 'session'
      ? 'Configure the session cookie: `app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")`.'
      : `Where the view sets it: \`response.set_cookie("${cookie}", value, secure=True, httponly=True, samesite="Lax")\`.`,
  starlette: (cookie) =>
    `Where it is set: \`SessionMiddleware(app, secret_key=…, https_only=True, same_site="lax")\` for the session, or \`response.set_cookie("${cookie}", value, secure=True, httponly=True, samesite="lax")\`.`,
  express: (cookie) =>
    cookie === 'connect.sid'
      ? "Give express-session the flags: `session({ cookie: { secure: true, httpOnly: true, sameSite: 'lax' } })`, with `app.set('trust proxy', 1)` behind a TLS proxy."
      : `Where it is set: \`res.cookie('${cookie}', value, { secure: true, httpOnly: true, sameSite: 'lax' })\`.`,
  nextjs: (cookie) => `Where it is set: \`cookies().set('${cookie}', value, { secure: true, httpOnly: true, sameSite: 'lax' })\` (or the same options on \`NextResponse.cookies.set\`).`,
  rails: () => 'Set the session cookie\'s flags: `Rails.application.config.session_store :cookie_store, secure: true, httponly: true, same_site: :lax` (and `config.force_ssl = true` in production).',
  laravel: () => "In `config/session.php`: `'secure' => env('SESSION_SECURE_COOKIE', true)`, `'http_only' => true`, `'same_site' => 'lax'`.",
  php: () => "Before `session_start()`: `session_set_cookie_params(['secure' => true, 'httponly' => true, 'samesite' => 'Lax'])` (or `session.cookie_secure=1`, `session.cookie_httponly=1`, `session.cookie_samesite=Lax` in php.ini).",
  spring: () => 'In `application.properties`: `server.servlet.session.cookie.secure=true`, `server.servlet.session.cookie.http-only=true`, `server.servlet.session.cookie.same-site=lax`.',
  aspnet: () => 'In the cookie options: `options.Cookie.SecurePolicy = CookieSecurePolicy.Always; options.Cookie.HttpOnly = true; options.Cookie.SameSite = SameSiteMode.Lax;`.',
};

/** The fix for one cookie: its framework's setting when known, else the attributes to add to its Set-Cookie header. */
export function cookieFix(cookie: SetCookie, served: ServedBy | undefined): string {
  const purpose = cookiePurpose(cookie);
  if (served) return `${FIX[served.framework](cookie.name, purpose)} (${frameworkName(served)}.)`;
  const want = purpose === 'session' ? 'Secure; HttpOnly; SameSite=Lax' : 'Secure; SameSite=Lax';
  return `Set the cookie as \`Set-Cookie: ${cookie.name}=…; Path=/; ${want}\` wherever the application or the proxy in front of it writes it${purpose === 'csrf' ? ' (no HttpOnly: the page reads the token)' : ''}.`;
}

export const cookieFlags: LiveCheck = {
  id: 'cookies.flags',
  title: 'Cookies carry Secure, HttpOnly and SameSite',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary:
      'Judges each cookie set by the probed pages by its purpose. A session cookie (names with sess, session, sid, auth, token, jwt, login, or set HttpOnly) fails without Secure (on any scheme), HttpOnly or SameSite. A CSRF-token cookie (csrf, xsrf: `_xsrf`, `csrftoken`, `XSRF-TOKEN`, `CSRF-Token-*`), which the page\'s script must read, is never asked for HttpOnly, only for Secure (on any scheme) and SameSite; a preference cookie fails without Secure on HTTPS or without SameSite; any cookie with SameSite=None without Secure fails.',
    why: 'A session cookie without Secure leaks over plain HTTP, without HttpOnly it is stolen by any XSS, and without SameSite it rides along on cross-site requests (CSRF).',
    fix: 'Set session cookies with `Secure; HttpOnly; SameSite=Lax` (or Strict), and every other cookie with at least Secure and SameSite.',
    snippets: [
      { stack: 'Express', code: "app.use(session({ cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));\nres.cookie('name', value, { secure: true, httpOnly: true, sameSite: 'lax' });" },
      { stack: 'Django', code: "SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\nSESSION_COOKIE_SAMESITE = 'Lax'" },
    ],
    severityNote: 'One finding per cookie, naming it and every missing attribute: P1 for a session cookie, P2 for a CSRF-token or preference cookie, and P2 when SameSite is all that is missing (browsers treat such a cookie as Lax on cross-site POSTs). Over plain HTTP, Secure is not asked of a cookie the app sets with Secure once told the request came over HTTPS, and a missing Secure alone is P2 there (whether the app adds it when it serves HTTPS itself cannot be seen; on the HTTPS URL it is P1).',
    traffic: 'Reads the shared base page (and its redirects) and the not-found probe; over plain HTTP, when a session or CSRF cookie lacks Secure, asks the page that set it once more with `X-Forwarded-Proto: https` (at most 2 requests) to see whether the app sets Secure itself behind a TLS proxy.',
  },
  async run({ exchanges, http }) {
    const pages = await probedPages(exchanges);
    const cookies = cookiesOf(pages).filter((c) => !isDeletion(c.cookie));
    if (!cookies.length) {
      return [{ status: 'pass', message: `No cookies are set by the ${pages.length} probed page(s).` }];
    }
    const served = servedBy(pages);
    const securedBehindTls = await secureBehindTls(cookies, http);
    return cookies.map(({ cookie, header, response, setBy }): FindingInput => {
      const byTheApp = securedBehindTls.get(cookie.name);
      const problems = cookieProblems(cookie, setBy.startsWith('https:')).filter((p) => !(byTheApp && p.startsWith('no Secure')));
      const purpose = cookiePurpose(cookie);
      const what = purpose === 'csrf' ? 'CSRF-token cookie' : 'Cookie';
      const evidence = [
        describeExchange(response, { headers: ['set-cookie'], secretHeaders: http.secretHeaderNames }),
        ...(setBy !== response.url ? ['', `(set by the redirect from ${setBy}: set-cookie: ${redactSetCookie(header)})`] : []),
      ].join('\n');
      // Browsers send a cookie without SameSite as Lax on cross-site POSTs (Chrome since 2020): alone, its absence is defence in depth.
      const onlySameSite = problems.every((p) => p === 'no SameSite');
      // Over plain HTTP a missing Secure is not the whole story: many apps add it when they serve HTTPS themselves
      // ($_SERVER['HTTPS'] in PHP, Adminer), which no header sent here can show. Judged on the HTTPS URL, it is P1.
      const plainHttp = !setBy.startsWith('https:');
      const unsure = plainHttp && !onlySameSite && problems.every((p) => p === 'no SameSite' || p.startsWith('no Secure on a'));
      const note = byTheApp ? ` (Secure is left out over plain HTTP only: the app sets it when told the request came over HTTPS, ${byTheApp})` : '';
      const why = onlySameSite && purpose === 'session'
        ? ' P2: browsers treat a cookie without SameSite as Lax for cross-site POSTs.'
        : unsure && purpose === 'session'
          ? ' P2 over plain HTTP: the app did not add Secure for X-Forwarded-Proto: https, but whether it adds it when it serves HTTPS itself cannot be seen here; audit the HTTPS URL, where a session cookie without Secure is P1.'
          : '';
      return problems.length
        ? { status: 'fail', severity: onlySameSite || unsure ? 'P2' : severityForPurpose(purpose), message: `${what} ${cookie.name}: ${problems.join('; ')}${note}.${why}`, remediation: cookieFix(cookie, served), url: setBy, evidence }
        : { status: 'pass', message: `${what} ${cookie.name} is set with ${describeFlags(cookie)}.`, url: setBy, evidence };
    });
  },
};
