import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { pyRepr, truthy } from '../../parse/python.js';
import { forEachSettingsModule, readFrom } from './common.js';
import { whenUnset, type SettingsModule } from './settings.js';

/**
 * The settings `manage.py check --deploy` wants for HTTPS, with its warning
 * ids and severity. Only the application can mark its session cookie Secure
 * (P1); the redirect and HSTS are as often set by the TLS-terminating proxy,
 * and the CSRF cookie guards no session on its own (P2: SEVERITY.md).
 */
export const HTTPS_SETTINGS = [
  { name: 'SECURE_SSL_REDIRECT', id: 'security.W008', want: 'True', severity: 'P2', effect: 'plain HTTP requests are served instead of redirected to HTTPS (unless the proxy in front redirects)' },
  { name: 'SESSION_COOKIE_SECURE', id: 'security.W012', want: 'True', severity: 'P1', effect: 'the session cookie is also sent over plain HTTP, where it can be sniffed; only the application can mark it Secure' },
  { name: 'CSRF_COOKIE_SECURE', id: 'security.W016', want: 'True', severity: 'P2', effect: 'the CSRF cookie is also sent over plain HTTP' },
  { name: 'SECURE_HSTS_SECONDS', id: 'security.W004', want: 'a positive number such as 31536000', severity: 'P2', effect: 'browsers are not told to insist on HTTPS (no Strict-Transport-Security header, unless the proxy in front sends one)' },
] as const;

export const https: RepoCheck = {
  id: 'django.https',
  title: 'Django enforces HTTPS',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails once per setting missing or off in the production settings: SECURE_SSL_REDIRECT (security.W008), SESSION_COOKIE_SECURE (security.W012), CSRF_COOKIE_SECURE (security.W016), SECURE_HSTS_SECONDS (security.W004). As in Django\'s own checks, the session cookie is judged only when the sessions app or middleware is used, and the CSRF cookie only with CsrfViewMiddleware (a headless API has neither).',
    why: 'Without them session and CSRF cookies travel over plain HTTP and a network attacker can downgrade users to HTTP; `manage.py check --deploy` warns about each.',
    fix: 'Set them in the production settings (behind a TLS-terminating proxy also set SECURE_PROXY_SSL_HEADER).',
    severityNote: 'P1 for SESSION_COOKIE_SECURE, which only the application can set; P2 for SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS (the TLS-terminating proxy often provides them) and CSRF_COOKIE_SECURE.',
    snippets: [
      {
        stack: 'Django',
        code: 'SECURE_SSL_REDIRECT = True\nSESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\nSECURE_HSTS_SECONDS = 31536000\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
      },
    ],
  },
  run: (ctx) => forEachSettingsModule(ctx, httpsVerdict),
};

export function httpsVerdict(module: SettingsModule): FindingInput[] {
  const findings: FindingInput[] = [];
  const good: string[] = [];
  for (const spec of HTTPS_SETTINGS) {
    // As Django's own deploy checks: the session cookie matters only with the sessions app or
    // middleware (W012), the CSRF cookie only with CsrfViewMiddleware (W016). A headless API has neither.
    if (spec.name === 'SESSION_COOKIE_SECURE' && lacks(module, 'MIDDLEWARE', SESSION_MIDDLEWARE) && lacks(module, 'INSTALLED_APPS', 'django.contrib.sessions')) continue;
    if (spec.name === 'CSRF_COOKIE_SECURE' && lacks(module, 'MIDDLEWARE', CSRF_MIDDLEWARE)) continue;
    const s = module.settings.get(spec.name);
    const remediation = `Set ${spec.name} = ${spec.want} in ${module.path}.`;
    if (!s) {
      findings.push({ status: 'fail', severity: spec.severity, message: `${spec.name} is not set in ${readFrom(module)} (check --deploy: ${spec.id}): ${spec.effect}.`, file: module.path, remediation });
      continue;
    }
    const v = s.value;
    const on = v.known && (spec.name === 'SECURE_HSTS_SECONDS' ? typeof v.value === 'number' && v.value > 0 : truthy(v.value));
    if (v.known && !on && !s.conditional) {
      const fallback = whenUnset(v);
      findings.push({ status: 'fail', severity: spec.severity, message: `${spec.name} is ${pyRepr(v.value)}${fallback} at ${s.path}:${s.line} (check --deploy: ${spec.id}): ${spec.effect}.`, location: { path: s.path, line: s.line }, remediation });
    } else good.push(spec.name);
  }
  if (!findings.length) return [{ status: 'pass', message: `${good.join(', ')} are set in ${readFrom(module)}.` }];
  return findings;
}

const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';

/** The setting is a known list without `entry` (unknown or computed lists are not taken to lack anything). */
function lacks(module: SettingsModule, name: string, entry: string): boolean {
  const s = module.settings.get(name);
  return !!s && s.value.known && Array.isArray(s.value.value) && !s.value.value.includes(entry);
}
