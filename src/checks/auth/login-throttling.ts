import { burstPolicy } from '../../engine/bursts.js';
import type { FindingInput, LiveCheck, LiveCheckContext } from '../../engine/types.js';
import type { HttpRequest, HttpResponse } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints, loginLink, loginsOnPage, type LoginEndpoint } from '../../http/endpoints.js';
import { limitSignal } from '../ratelimit/signals.js';
import { isLoopbackVantage } from '../../http/surface.js';
import { askFromVantage, judgeByVantage } from '../../http/vantage.js';

const ID = 'auth.login-throttling';

/** Wrong passwords sent per login, one after another: enough for any sane limiter (OWASP suggests a lockout or delay after 3 to 10). */
export const LOGIN_ATTEMPTS = 20;

/** The account the wrong passwords are for: a name no real user has, so nobody is locked out. */
export const PROBE_USER = 'readiness-gate-probe';

/** Words a login says when it locks an account or asks the client to slow down. */
const LOCKED = /locked|too many|try again later|temporarily|captcha|slow down|rate limit/i;

/** An answer slower than this and than 4 times the first answers is a deliberate delay (a tarpit). */
const DELAY_MS = 1000;

export type ThrottleVerdict = { throttled: true; how: string; after: number } | { throttled: false };

/**
 * Pure: did the answers to consecutive wrong passwords show a limit (429, Retry-After, RateLimit headers), a
 * lockout (the answer changes to 403/423 or says the account is locked) or a growing delay?
 */
export function judgeThrottling(answers: readonly HttpResponse[]): ThrottleVerdict {
  const first = answers[0];
  if (!first) return { throttled: false };
  const baseline = Math.max(...answers.slice(0, 3).map((a) => a.timings.totalMs));
  for (const [i, answer] of answers.entries()) {
    const signal = limitSignal(answer);
    if (signal) return { throttled: true, how: signal.kind === 'limited' ? `answered ${signal.status}${signal.retryAfter ? ` with Retry-After: ${signal.retryAfter}` : ''}` : `advertised ${signal.headers.map(([n]) => n).join(', ')}`, after: i + 1 };
    if (i > 0 && answer.status !== first.status && [403, 423].includes(answer.status)) return { throttled: true, how: `locked out (${first.status} became ${answer.status})`, after: i + 1 };
    if (LOCKED.test(answer.body.slice(0, 64 * 1024)) && !LOCKED.test(first.body.slice(0, 64 * 1024))) return { throttled: true, how: 'said the account is locked or asked to wait', after: i + 1 };
    if (i >= 3 && answer.timings.totalMs > DELAY_MS && answer.timings.totalMs > 4 * baseline) return { throttled: true, how: `slowed down to ${Math.round(answer.timings.totalMs)} ms`, after: i + 1 };
  }
  return { throttled: false };
}

/** The request carrying one wrong password to `login`. */
export function wrongPasswordRequest(login: LoginEndpoint, url: string, attempt: number): HttpRequest {
  const password = `readiness-gate-wrong-${attempt}-${Math.random().toString(36).slice(2, 10)}`;
  if (login.kind === 'basic') {
    return { url, withoutTargetHeaders: true, headers: { authorization: `Basic ${Buffer.from(`${PROBE_USER}:${password}`).toString('base64')}` }, maxBodyBytes: 16 * 1024 };
  }
  const fields = new URLSearchParams({ ...(login.hidden ?? {}), ...(login.usernameField ? { [login.usernameField]: PROBE_USER } : {}), [login.passwordField!]: password });
  const headers: Record<string, string> = login.cookie ? { cookie: login.cookie } : {};
  if (login.method === 'GET') return { url: `${url}${url.includes('?') ? '&' : '?'}${fields}`, headers, withoutTargetHeaders: true, maxBodyBytes: 16 * 1024 };
  return { url, method: 'POST', body: fields.toString(), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, withoutTargetHeaders: true, maxBodyBytes: 16 * 1024 };
}

export const loginThrottling: LiveCheck = {
  id: ID,
  title: 'Logins slow down or lock out repeated wrong passwords',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  exclusive: true,
  docs: {
    summary: `Sends ${LOGIN_ATTEMPTS} wrong passwords for a user that does not exist, one after another, to each login discovered on the base page (a form with a password field, HTTP Basic on the page; at most 2), or on the page the base page's login link leads to (one GET) when it shows none and fails when none of them shows a 429, a Retry-After or RateLimit header, a lockout (403/423, "locked", "too many") or a deliberate delay.`,
    why: 'A login that takes unlimited wrong passwords at full speed is open to password guessing and credential stuffing; a limiter, a growing delay or a lockout is what makes a weak password survive.',
    fix: 'Limit failed logins per account and per client (429 with Retry-After, or an exponential delay), and log them.',
    snippets: [
      { stack: 'Express', code: "app.post('/login', rateLimit({ windowMs: 15 * 60_000, limit: 10, skipSuccessfulRequests: true }), login);" },
      { stack: 'Django', code: "# django-axes\nAXES_FAILURE_LIMIT = 5\nAXES_COOLOFF_TIME = 1  # hours" },
    ],
    severityNote:
      "P1: a login that takes unlimited wrong passwords. Seen from loopback on a product whose default serves local clients only (Debian's DokuWiki), the login is asked again from another address of this machine, as auth.open-admin does: refused there, P2 (nobody guesses passwords at a login they cannot reach); not told apart, P1 saying why.",
    traffic: `One GET of the page the base page links as its login when the base page shows none; then up to ${LOGIN_ATTEMPTS} requests per login (at most 2 logins), one at a time, stopped at the first sign of a limit, and for a product local to loopback by default one GET of the failing login from another address of this machine; runs alone after the other checks. Sent by default only to loopback and private addresses (allow-probes: true or --allow-bursts for others).`,
  },
  async run(ctx) {
    const policy = burstPolicy(ctx.target, 'probes');
    if (!policy.allowed) return [{ status: 'skip', message: `Not probed: ${policy.reason}.` }];
    const discovered = await discoverEndpoints(ctx.exchanges, ctx.target);
    let logins = discovered.logins;
    // No login on the base page: the page its login link leads to (one GET), as a user would click.
    const linked = !logins.length && discovered.page ? loginLink(discovered.page) : undefined;
    if (linked) {
      const result = await ctx.exchanges.get(`login-page:${linked}`, { url: ctx.exchanges.url(linked), followRedirects: true, withoutTargetHeaders: true }, { owner: ID });
      if (result.ok) logins = loginsOnPage(result.response).map((l) => ({ ...l, source: `${l.source}, linked from the base page` }));
    }
    if (!logins.length) return [{ status: 'skip', message: `No login found on the base page (no form with a password field, no HTTP Basic challenge)${linked ? ` nor on ${linked}, which its login link leads to` : ''}, so no wrong password to send.` }];
    const findings: FindingInput[] = [];
    // A product whose default serves local clients only (Debian's DokuWiki) is asked the login page again from
    // another address of this machine, as auth.open-admin does: nobody guesses passwords at a login they cannot reach.
    const localOnly = isLoopbackVantage(ctx.target.url) ? discovered.products.find((p) => p.localOnlyByDefault)?.localOnlyByDefault : undefined;
    for (const login of logins.slice(0, 2)) {
      const finding = await probeLogin(ctx, login);
      if (finding.status !== 'fail' || !localOnly) {
        findings.push(finding);
        continue;
      }
      // The login answers (a page, a refusal, an HTTP Basic challenge) where it is reachable; 403 or no connection where not.
      const reachable = (r: HttpResponse): boolean => r.status < 400 || r.status === 401;
      const judged = judgeByVantage(await askFromVantage(ctx.exchanges, { targetUrl: ctx.target.url, setting: ctx.config.http.localVantage, path: login.path, localOnly, owner: ID }, reachable), localOnly);
      findings.push({ ...finding, ...(judged.severity ? { severity: judged.severity } : {}), message: `${finding.message}${judged.note}` });
    }
    return findings;
  },
};

async function probeLogin(ctx: LiveCheckContext, login: LoginEndpoint): Promise<FindingInput> {
  const url = ctx.exchanges.url(login.path);
  const name = `${login.kind === 'basic' ? 'HTTP Basic login' : 'login'} ${login.method} ${login.path} (${login.source})`;
  const answers: HttpResponse[] = [];
  for (let attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
    const result = await ctx.http.send(wrongPasswordRequest(login, url, attempt));
    if (!result.ok) {
      if (result.error.code === 'budget' || result.error.code === 'aborted') {
        return { status: 'error', message: `${name}: only ${answers.length} of ${LOGIN_ATTEMPTS} wrong passwords were sent (${result.error.message}).` };
      }
      // A login that stops answering under a handful of sequential requests has cut us off.
      return answers.length >= 3
        ? { status: 'pass', message: `${name} stopped answering after ${answers.length} wrong passwords (${result.error.message}): treated as a cut-off.` }
        : { status: 'error', message: `${name} gave no answer (${result.error.message}).` };
    }
    answers.push(result.response);
    const first = answers[0]!;
    if (attempt === 1 && first.status === 403 && /csrf/i.test(first.body)) {
      return { status: 'skip', message: `${name} refused the first attempt as a CSRF failure (403), so its answer to wrong passwords cannot be judged.` };
    }
    const verdict = judgeThrottling(answers);
    if (verdict.throttled) {
      return { status: 'pass', message: `${name} ${verdict.how} after ${verdict.after} wrong password(s).`, url, evidence: describeExchange(result.response, { headers: ['retry-after', 'ratelimit', 'x-ratelimit-remaining'], secretHeaders: ctx.http.secretHeaderNames }) };
    }
  }
  const statuses = [...new Set(answers.map((a) => a.status))].join(', ');
  // Post/Redirect/Get (Adminer, many PHP logins): the wrong password is checked, counted and refused on the page
  // the redirect leads to, with the session it sets; a lockout there never shows in these answers.
  if (answers.every((a) => a.status >= 300 && a.status < 400)) {
    const location = answers.at(-1)!.headers['location'] ?? '(no Location)';
    return {
      status: 'skip',
      message: `${name} answered all ${LOGIN_ATTEMPTS} wrong passwords with a redirect (${statuses} to ${location}) and no sign of a limit: the login is judged on the page the redirect leads to, which this probe does not follow, so its throttling is not judged.`,
      url,
    };
  }
  const slowest = Math.round(Math.max(...answers.map((a) => a.timings.totalMs)));
  return {
    status: 'fail',
    message: `${name} took ${LOGIN_ATTEMPTS} wrong passwords in a row (answers ${statuses}, the slowest in ${slowest} ms) with no 429, no Retry-After or RateLimit header, no lockout and no delay.`,
    url,
    evidence: describeExchange(answers.at(-1)!, { headers: ['content-type', 'retry-after'], bodyExcerpt: 200, secretHeaders: ctx.http.secretHeaderNames }),
  };
}
