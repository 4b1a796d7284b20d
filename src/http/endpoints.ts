// Endpoints the live probes aim at beyond the configured ones, found without
// sending a request of their own: the products the base page names (and their
// documented API and admin paths), same-origin API links in the page, and the
// login forms it shows (a form with a password field, or Basic auth on the
// page itself). Computed once per target from the shared base page.

import type { TargetConfig } from '../config/schema.js';
import type { HttpResponse } from './client.js';
import type { Exchanges } from './exchanges.js';
import { recogniseProducts, type Product } from './products.js';

export interface LoginEndpoint {
  /** Path (with query) the credentials go to. */
  path: string;
  method: 'GET' | 'POST';
  kind: 'form' | 'basic';
  /** Form field names; hidden fields are sent back with their values (a CSRF token among them). */
  usernameField?: string;
  passwordField?: string;
  hidden?: Record<string, string>;
  /** Cookies the page set, sent back so a CSRF token cookie matches its hidden field. */
  cookie?: string;
  source: string;
}

export interface ApiEndpoint {
  path: string;
  source: string;
}

export interface DiscoveredEndpoints {
  products: Product[];
  api: ApiEndpoint[];
  logins: LoginEndpoint[];
  /** The page everything was read from, when the base page answered. */
  page?: HttpResponse;
}

/** At most this many API endpoints are probed for CORS and error traces per target. */
export const MAX_DISCOVERED_API = 4;

const cache = new WeakMap<Exchanges, Promise<DiscoveredEndpoints>>();

export function discoverEndpoints(exchanges: Exchanges, target: TargetConfig): Promise<DiscoveredEndpoints> {
  let pending = cache.get(exchanges);
  if (!pending) {
    pending = exchanges.base().then((base) => endpointsOf(base.ok ? base.response : undefined, target));
    cache.set(exchanges, pending);
  }
  return pending;
}

/** Pure: what the base page (after redirects) tells about the target's endpoints. */
export function endpointsOf(page: HttpResponse | undefined, target: Pick<TargetConfig, 'url'>): DiscoveredEndpoints {
  if (!page) return { products: [], api: [], logins: [] };
  const products = recogniseProducts(page);
  const api: ApiEndpoint[] = [];
  const add = (path: string, source: string): void => {
    if (api.length < MAX_DISCOVERED_API && !api.some((a) => a.path === path)) api.push({ path, source });
  };
  for (const product of products) for (const path of product.api ?? []) add(path, `${product.name}'s API`);
  const isHtml = /html/i.test(page.headers['content-type'] ?? '');
  if (isHtml) for (const path of apiLinks(page.body, page.url, target.url)) add(path, 'a link in the page');
  return { products, api, logins: loginsOf(page, isHtml), page };
}

/** Same-origin `href`/`src`/`action`/`fetch(...)` URLs under /api/ or ending in .json. */
export function apiLinks(html: string, pageUrl: string, targetUrl: string): string[] {
  const origin = safeOrigin(targetUrl);
  const out: string[] = [];
  const text = html.slice(0, 256 * 1024);
  for (const match of text.matchAll(/(?:href|src|action)\s*=\s*["']([^"'\s<>]{1,200})["']|fetch\(\s*["'`]([^"'`\s<>]{1,200})["'`]/gi)) {
    const raw = match[1] ?? match[2]!;
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    if (!/(^|\/)api(\/|$)|\.json$/i.test(url.pathname)) continue;
    const path = url.pathname + url.search;
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** A same-origin form with a password field, as the page shows it. */
export interface PasswordForm {
  /** Path (with query) the form is sent to. */
  path: string;
  method: 'GET' | 'POST';
  /** Attributes of each `<input>`, lower-case names. */
  inputs: Array<Map<string, string>>;
  /** The form's own attributes (action, id, class...). */
  attributes: Map<string, string>;
  /** The form's markup, for the words on its buttons and labels. */
  markup: string;
  hidden: Record<string, string>;
  /** Cookies the page set, sent back so a CSRF token cookie matches its hidden field. */
  cookie?: string;
}

/** Words a sign-up form, its action or its button says (and a login form does not). */
const SIGN_UP = /regist|sign[\s_-]?up|create[\s_-]+(?:an?[\s_-]+|your[\s_-]+)?account|join\b|enrol/i;

/**
 * A sign-up form rather than a login: a second password field (the confirmation), or an action, id, class or
 * button that says sign up / register / create account.
 */
export function isSignUpForm(form: PasswordForm): boolean {
  const passwords = form.inputs.filter((i) => i.get('type')?.toLowerCase() === 'password').length;
  if (passwords >= 2) return true;
  const named = [form.path, form.attributes.get('id'), form.attributes.get('class'), form.attributes.get('name')].filter(Boolean).join(' ');
  const buttons = [...form.markup.matchAll(/<button\b[^>]*>([\s\S]{0,200}?)<\/button>|<input\b[^>]*type\s*=\s*["']?submit[^>]*>/gi)].map((m) => m[1] ?? attributes(m[0]).get('value') ?? '').join(' ');
  return SIGN_UP.test(named) || SIGN_UP.test(buttons);
}

/** The same-origin forms with a named password field on an HTML page (at most 4). */
export function passwordForms(page: HttpResponse): PasswordForm[] {
  if (!/html/i.test(page.headers['content-type'] ?? '')) return [];
  const forms: PasswordForm[] = [];
  const cookie = page.setCookies.map((c) => c.split(';')[0]!.trim()).filter((c) => c.includes('=')).join('; ');
  for (const form of page.body.slice(0, 256 * 1024).matchAll(/<form\b([^>]*)>([\s\S]{0,20000}?)<\/form>/gi)) {
    const inputs = [...form[2]!.matchAll(/<input\b([^>]*)>/gi)].map((m) => attributes(m[1]!));
    if (!inputs.some((i) => i.get('type')?.toLowerCase() === 'password' && i.get('name'))) continue;
    const formAttributes = attributes(form[1]!);
    let action: URL;
    try {
      action = new URL(formAttributes.get('action') || page.url, page.url);
    } catch {
      continue;
    }
    if (action.origin !== new URL(page.url).origin) continue;
    const hidden: Record<string, string> = {};
    for (const input of inputs) if (input.get('type')?.toLowerCase() === 'hidden' && input.get('name')) hidden[input.get('name')!] = input.get('value') ?? '';
    forms.push({
      path: action.pathname + action.search,
      method: (formAttributes.get('method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
      inputs,
      attributes: formAttributes,
      markup: form[2]!,
      hidden,
      ...(cookie ? { cookie } : {}),
    });
    if (forms.length >= 4) break;
  }
  return forms;
}

// A link to the login page: its address or its text says log in / sign in (`/login`, `?do=login`, "Sign in").
const LOGIN_HREF = /(^|[/?&=_.-])(log-?in|sign-?in|signon|auth\/login|users?\/login|session\/new)([/?&#=_.-]|$)/i;
const LOGIN_TEXT = /^\s*(log\s*in|login|sign\s*in|se connecter|anmelden|iniciar sesi[oó]n|accedi)\s*$/i;

/**
 * The same-origin page a login link of the base page leads to, when the base page shows no login form itself
 * (a wiki or a CMS whose login is one click away). Pure: the path, or undefined.
 */
export function loginLink(page: Pick<HttpResponse, 'body' | 'url' | 'headers'>): string | undefined {
  if (!/html/i.test(page.headers['content-type'] ?? '')) return undefined;
  const origin = safeOrigin(page.url);
  const body = page.body.slice(0, 512 * 1024);
  const lower = body.toLowerCase();
  // The next `</a>` at or after a link's start: the links come in order, so the search only moves forward (linear).
  let close = -1;
  for (const m of body.matchAll(/<a\b([^>]{0,2000})>/gi)) {
    const attrs = attributes(m[1]!);
    const href = attrs.get('href');
    if (!href || /^(javascript|mailto):/i.test(href)) continue;
    const start = m.index! + m[0].length;
    if (close < start) {
      const at = lower.indexOf('</a>', start);
      close = at < 0 ? Infinity : at;
    }
    // The link's text with its markup left out (`<span>Log In</span><svg…>`), or its title.
    const inner = close - start <= 2000 ? body.slice(start, close) : '';
    const text = inner.replace(/<svg\b[\s\S]*?<\/svg>|<[^>]*>/gi, ' ').replace(/&nbsp;/g, ' ');
    if (!LOGIN_HREF.test(href) && !LOGIN_TEXT.test(text) && !LOGIN_TEXT.test(attrs.get('title') ?? '')) continue;
    let url: URL;
    try {
      url = new URL(href.replace(/&amp;/g, '&'), page.url);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    return url.pathname + url.search;
  }
  return undefined;
}

/** The logins a page shows: HTTP Basic on it, or its login forms (sign-up forms left out). */
export function loginsOnPage(page: HttpResponse): LoginEndpoint[] {
  return loginsOf(page, /html/i.test(page.headers['content-type'] ?? ''));
}

function loginsOf(page: HttpResponse, isHtml: boolean): LoginEndpoint[] {
  const logins: LoginEndpoint[] = [];
  const path = new URL(page.url).pathname + new URL(page.url).search;
  if (page.status === 401 && /^\s*basic\b/i.test(page.headers['www-authenticate'] ?? '')) {
    logins.push({ path, method: 'GET', kind: 'basic', source: 'the page asks for HTTP Basic credentials' });
  }
  if (!isHtml) return logins;
  // A sign-up form is no login: wrong passwords sent there would create accounts.
  for (const form of passwordForms(page).filter((f) => !isSignUpForm(f))) {
    const password = form.inputs.find((i) => i.get('type')?.toLowerCase() === 'password' && i.get('name'))!;
    const username = form.inputs.find((i) => /^(text|email)?$/i.test(i.get('type') ?? '') && i.get('name') && i !== password);
    logins.push({
      path: form.path,
      method: form.method,
      kind: 'form',
      passwordField: password.get('name')!,
      ...(username ? { usernameField: username.get('name')! } : {}),
      hidden: form.hidden,
      ...(form.cookie ? { cookie: form.cookie } : {}),
      source: `the login form on ${new URL(page.url).pathname}`,
    });
    if (logins.length >= 2) break;
  }
  return logins;
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([a-zA-Z_:][\w:.-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  return out;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
