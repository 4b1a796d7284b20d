import { burstPolicy } from '../../engine/bursts.js';
import type { FindingInput, LiveCheck, LiveCheckContext } from '../../engine/types.js';
import type { HttpRequest, HttpResponse, HttpResult } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints, isSignUpForm, passwordForms, type PasswordForm } from '../../http/endpoints.js';
import { PRODUCTS } from '../../http/products.js';
import { incompleteProbes, isLoopbackVantage, pathProbe } from '../../http/surface.js';
import { askFromVantage, judgeByVantage } from '../../http/vantage.js';
import { MAX_REPO_SIGNUP_PATHS } from '../../model/admin-paths.js';
import { catchAllReferences, isCatchAll } from '../health/discover.js';

const ID = 'auth.open-registration';

/** Sign-up pages the base page links to that are read, at most. */
export const MAX_SIGNUP_LINKS = 2;

const WITH_REGISTRATION = PRODUCTS.filter((p) => p.registration).map((p) => p.name);

/** Link targets and texts that lead to a sign-up page. */
const SIGN_UP_LINK = /regist|sign[\s_-]?up|create[\s_-]+(?:an?[\s_-]+)?account/i;

/** Same-origin links the page gives to a sign-up page (by their path or their text), at most two. */
export function signUpLinks(page: HttpResponse): string[] {
  if (!/html/i.test(page.headers['content-type'] ?? '')) return [];
  const origin = new URL(page.url).origin;
  const out: string[] = [];
  for (const match of page.body.slice(0, 256 * 1024).matchAll(/<a\b[^>]*href\s*=\s*["']([^"'\s<>]{1,200})["'][^>]*>([\s\S]{0,200}?)<\/a>/gi)) {
    let url: URL;
    try {
      url = new URL(match[1]!.replace(/&amp;/g, '&'), page.url);
    } catch {
      continue;
    }
    if (url.origin !== origin || !(SIGN_UP_LINK.test(url.pathname + url.search) || SIGN_UP_LINK.test(match[2]!.replace(/<[^>]*>/g, '')))) continue;
    const path = url.pathname + url.search;
    if (path !== new URL(page.url).pathname + new URL(page.url).search && !out.includes(path)) out.push(path);
    if (out.length >= MAX_SIGNUP_LINKS) break;
  }
  return out;
}

/**
 * What keeps a sign-up form from being open to anyone: a captcha (reCAPTCHA, hCaptcha, Turnstile, a captcha
 * field) or an invitation / registration code the visitor must type. Undefined when nothing does.
 */
export function signUpGate(form: PasswordForm): string | undefined {
  if (/g-recaptcha|h-captcha|cf-turnstile|data-sitekey|captcha/i.test(form.markup)) return 'a captcha';
  const code = form.inputs.find(
    (i) => i.get('type')?.toLowerCase() !== 'hidden' && /invit|(registration|signup|sign_up|access|referral|activation)[_-]?(code|key|token)|^code$|^token$/i.test(i.get('name') ?? ''),
  );
  return code ? `an invitation or registration code (field ${code.get('name')})` : undefined;
}

/** A page read for sign-up forms, and why it was read. */
interface SignUpPage {
  response: HttpResponse;
  source: string;
}

export const openRegistration: LiveCheck = {
  id: ID,
  title: 'Anyone cannot create an account',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary: `Fails when a well-known product recognised on the base page says, to an anonymous GET, that anyone may sign up (${WITH_REGISTRATION.join(', ')}: its settings endpoint or its sign-up page), or when a sign-up form (a password field with a confirmation, or a form that says sign up / register / create account) with no captcha and no invitation code is shown on the base page, on a sign-up page it links to, or at a sign-up route the repository's code names. Read-only: nothing is submitted unless the target sets \`register-account: true\`.`,
    why: 'Open self-registration turns "who may log in" into "anyone": an internal tool (code hosting, dashboards, chat) then shows its data to whoever signs up, and a public sign-up with no captcha or invitation is filled by bots.',
    fix: 'Turn sign-up off where accounts should be created by an administrator (Gitea `DISABLE_REGISTRATION = true`, Grafana `allow_sign_up = false`, GitLab\'s sign-up restrictions, Mattermost `EnableOpenServer: false`), or require an invitation, an approval or a captcha.',
    snippets: [
      { stack: 'Gitea', code: '[service]\nDISABLE_REGISTRATION = true' },
      { stack: 'Grafana', code: '[users]\nallow_sign_up = false' },
    ],
    severityNote:
      'P1 for a recognised self-hosted product (an internal tool whose accounts see its data; what a new account may do is the precondition); seen from loopback on a product whose default serves local clients only (Debian\'s DokuWiki), the GET is repeated from another address of this machine as auth.open-admin does: refused there, P2. P2 for a sign-up form on another application: public sign-up is often the product itself, and the missing captcha or invitation is defence against bots. A form with a captcha or an invitation code passes.',
    traffic: `Reads the shared base page; one GET for a recognised product's registration endpoint, one per sign-up page the base page links to (at most ${MAX_SIGNUP_LINKS}) and per sign-up route the repository names (at most ${MAX_REPO_SIGNUP_PATHS}), without the configured headers. With \`register-account: true\` (and only where active probes may go: loopback and private hosts, or allow-probes: true), one POST through the first open sign-up form, creating one account named readiness-gate-probe-… with an @example.invalid address.`,
  },
  async run(ctx) {
    const { exchanges, target, repository } = ctx;
    const [{ products, page }, routes] = await Promise.all([discoverEndpoints(exchanges, target), repository?.signUpRoutes() ?? Promise.resolve([])]);
    if (!page) return [{ status: 'skip', message: 'Not checked: the base page gave no response.' }];
    const registering = products.filter((p) => p.registration);
    // A recognised product's own registration endpoint says it all: the page's sign-up links are not read then.
    const paths = [
      ...(registering.length ? [] : signUpLinks(page)).map((path) => ({ path, source: `linked from ${new URL(page.url).pathname}` })),
      ...routes.map((r) => ({ path: r.path, source: `a sign-up route named in ${r.file}` })),
    ].filter((p, i, all) => all.findIndex((q) => q.path === p.path) === i);
    const [productResults, pageResults, references] = await Promise.all([
      Promise.all(registering.map(async (product) => ({ product, result: await pathProbe(exchanges, product.registration!.path, ID) }))),
      Promise.all(paths.map(async (p) => ({ ...p, result: await pathProbe(exchanges, p.path, ID) }))),
      paths.length ? catchAllReferences(ctx) : Promise.resolve({}),
    ]);
    const findings: FindingInput[] = [];
    const evidenceOf = (response: HttpResponse): string => describeExchange(response, { headers: ['content-type'], bodyExcerpt: 300, bodyMatch: /password|allowUserSignUp|EnableOpenServer/i, secretHeaders: ctx.http.secretHeaderNames });
    for (const { product, result } of productResults) {
      const registration = product.registration!;
      if (!result.ok || !registration.open(result.response)) continue;
      const localOnly = isLoopbackVantage(target.url) ? product.localOnlyByDefault : undefined;
      const judged = localOnly
        ? judgeByVantage(await askFromVantage(exchanges, { targetUrl: target.url, setting: ctx.config.http.localVantage, path: registration.path, localOnly, owner: ID }, registration.open), localOnly)
        : undefined;
      findings.push({
        status: 'fail',
        ...(judged?.severity ? { severity: judged.severity } : {}),
        message: `${product.name}'s sign-up is open to anyone: ${registration.path} answers ${result.response.status} and ${registration.what}.${judged?.note ?? ''}`,
        url: result.response.url,
        evidence: evidenceOf(result.response),
      });
    }
    // A product's own sign-up page is judged above; its forms are not reported twice.
    const pages: SignUpPage[] = [{ response: page, source: 'the base page' }];
    for (const { path, source, result } of pageResults) {
      if (!result.ok || result.response.status < 200 || result.response.status >= 300 || isCatchAll(result.response, references)) continue;
      if (registering.some((p) => p.registration!.path === path)) continue;
      pages.push({ response: result.response, source });
    }
    const gated: string[] = [];
    const seen = new Set<string>();
    let confirmable: { form: PasswordForm; finding: FindingInput } | undefined;
    if (!findings.length) {
      for (const { response, source } of pages) {
        for (const form of passwordForms(response).filter(isSignUpForm)) {
          const key = `${form.method} ${form.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const where = new URL(response.url).pathname;
          const gate = signUpGate(form);
          if (gate) {
            gated.push(`${where} (${gate})`);
            continue;
          }
          const finding: FindingInput = {
            status: 'fail',
            severity: 'P2',
            message: `Anyone can create an account: the sign-up form on ${where} (${source}; ${key}) asks for a password and has no captcha and no invitation code.`,
            url: response.url,
            evidence: evidenceOf(response),
          };
          findings.push(finding);
          confirmable ??= { form, finding };
        }
      }
    }
    if (confirmable && target.registerAccount) await confirmBySigningUp(ctx, confirmable.form, confirmable.finding);
    if (findings.length) return findings;
    const incomplete = incompleteProbes([...productResults, ...pageResults].map((r) => r.result), 'sign-up');
    if (incomplete && (productResults.length || pageResults.length)) return [incomplete];
    if (gated.length) return [{ status: 'pass', message: `Sign-up is gated: ${gated.join(', ')}.` }];
    const looked = [
      ...productResults.map(({ product, result }) => `${product.name}'s ${product.registration!.path} (${answer(result)})`),
      'the base page',
      ...pageResults.map(({ path, result }) => `${path} (${answer(result)})`),
    ];
    return [{ status: 'pass', message: `No open sign-up found in ${looked.join(', ')}.` }];
  },
};

function answer(result: HttpResult): string {
  return result.ok ? String(result.response.status) : result.error.code;
}

/** One throwaway account through `form`: only when the target sets register-account: true and probes may go there. */
async function confirmBySigningUp(ctx: LiveCheckContext, form: PasswordForm, finding: FindingInput): Promise<void> {
  const policy = burstPolicy(ctx.target, 'probes');
  if (!policy.allowed) {
    finding.message += ` Not confirmed by signing up (register-account: true): ${policy.reason}.`;
    return;
  }
  const request = signUpRequest(form, ctx.exchanges.url(form.path));
  const result = await ctx.http.send(request.request);
  if (!result.ok) {
    finding.message += ` Signing up ${request.username} (register-account: true) got no answer (${result.error.message}).`;
    return;
  }
  const accepted = signUpAccepted(result.response, form);
  finding.message += accepted
    ? ` Confirmed (register-account: true): the form accepted a new account ${request.username} (answered ${result.response.status}); delete it.`
    : ` Not confirmed (register-account: true): the form answered ${result.response.status} to ${request.username} with what looks like a refusal (a confirmation step, a validation error).`;
  finding.evidence = `${finding.evidence ?? ''}\n\n${describeExchange(result.response, { headers: ['content-type', 'location'], bodyExcerpt: 200, secretHeaders: ctx.http.secretHeaderNames })}`;
}

/** The one sign-up POST: hidden fields kept, a throwaway name, an @example.invalid address (RFC 2606), a random password. */
export function signUpRequest(form: PasswordForm, url: string): { request: HttpRequest; username: string } {
  const suffix = Math.random().toString(36).slice(2, 10);
  const username = `readiness-gate-probe-${suffix}`;
  const password = `Rg-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
  const fields = new URLSearchParams();
  for (const input of form.inputs) {
    const name = input.get('name');
    if (!name) continue;
    const type = (input.get('type') ?? 'text').toLowerCase();
    if (type === 'hidden') fields.set(name, input.get('value') ?? '');
    else if (type === 'password') fields.set(name, password);
    else if (type === 'email' || /mail/i.test(name)) fields.set(name, `${username}@example.invalid`);
    else if (type === 'checkbox' || type === 'radio') {
      if (input.has('required') || input.has('checked')) fields.set(name, input.get('value') || 'on');
    } else if (type === 'text' || type === '') fields.set(name, username);
  }
  const headers: Record<string, string> = form.cookie ? { cookie: form.cookie } : {};
  const request: HttpRequest =
    form.method === 'GET'
      ? { url: `${url}${url.includes('?') ? '&' : '?'}${fields}`, headers, withoutTargetHeaders: true, maxBodyBytes: 64 * 1024 }
      : { url, method: 'POST', body: fields.toString(), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, withoutTargetHeaders: true, maxBodyBytes: 64 * 1024 };
  return { request, username };
}

/**
 * The form took the account: a redirect away from it (Post/Redirect/Get to a welcome or login page), or a 2xx
 * page that no longer asks for a password and says nothing of an error.
 */
export function signUpAccepted(response: HttpResponse, form: PasswordForm): boolean {
  if (response.status >= 300 && response.status < 400) {
    try {
      return new URL(response.headers['location'] ?? '', response.url).pathname !== new URL(form.path, response.url).pathname;
    } catch {
      // A Location no URL parser takes says nothing about the account.
      return false;
    }
  }
  if (response.status < 200 || response.status >= 300) return false;
  return !passwordForms(response).some(isSignUpForm) && !/error|invalid|already|required|must|failed/i.test(response.body.slice(0, 64 * 1024));
}
