// The one redaction module. Secrets never appear in findings, evidence or
// logs: a value is shown as its first four characters and its length, which
// is enough to recognise it and useless to an attacker.

/** `sk_live_abc...` -> `sk_l…(40 chars)`. Short values show no characters at all. */
export function redactValue(value: string): string {
  if (value.length === 0) return '(empty)';
  if (value.length < 12) return `…(${value.length} chars)`;
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

/** Key names whose values are secrets whatever they look like. */
export const SECRET_KEY_PATTERN =
  /(pass(word|wd|phrase)?|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credential|auth|session|cookie|jwt|signature|salt|dsn|_key$|^key$)/i;

export function isSecretKey(name: string): boolean {
  return SECRET_KEY_PATTERN.test(name);
}

/** Request and response headers whose values are always hidden. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'x-auth-token',
  'x-csrf-token',
  'x-xsrf-token',
]);

// Header names whose values are credentials. Narrower than isSecretKey on
// purpose: standard protocol headers such as Access-Control-Allow-Credentials
// or WWW-Authenticate carry keywords evidence must show, not secrets.
const SECRET_HEADER_NAME = /(token|secret|api[-_]?key|passw(or)?d|session|signature|csrf|xsrf|private)/i;

export function redactHeaderValue(name: string, value: string, alsoSecret: ReadonlySet<string> = new Set()): string {
  const lower = name.toLowerCase();
  if (lower === 'set-cookie') return redactSetCookie(value);
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const [scheme, ...rest] = value.split(' ');
    return rest.length ? `${scheme} ${redactValue(rest.join(' '))}` : redactValue(value);
  }
  if (lower === 'cookie') {
    return value
      .split(';')
      .map((part) => {
        const eq = part.indexOf('=');
        return eq < 0 ? part : `${part.slice(0, eq)}=${redactValue(part.slice(eq + 1).trim())}`;
      })
      .join(';');
  }
  if (SECRET_HEADERS.has(lower) || alsoSecret.has(lower) || SECRET_HEADER_NAME.test(lower)) return redactValue(value);
  return redactText(value);
}

/** Keeps a cookie's name and attributes, hides its value. */
export function redactSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const pair = semi < 0 ? value : value.slice(0, semi);
  const attributes = semi < 0 ? '' : value.slice(semi);
  const eq = pair.indexOf('=');
  if (eq < 0) return value;
  return `${pair.slice(0, eq)}=${redactValue(pair.slice(eq + 1).trim())}${attributes}`;
}

// Token shapes that are secrets wherever they appear (documented prefixes).
const TOKEN_PATTERNS: RegExp[] = [
  /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\b[rs]k_(live|test)_[A-Za-z0-9]{16,}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk-(proj-|svcacct-|ant-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END \1PRIVATE KEY( BLOCK)?-----|$)/g;
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]+):([^/\s@]+)@/gi;
// KEY=value, KEY: value, "key": "value" where the key is secret-like.
const SECRET_ASSIGNMENT =
  /(["']?)([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credential|_key)[A-Za-z0-9_.-]*)\1(\s*[:=]\s*)(["']?)([^\s"',;}&]{4,})\4/gi;

/** Hides anything that looks like a secret inside free text (bodies, file excerpts). */
export function redactText(text: string): string {
  let out = text.replace(PRIVATE_KEY_BLOCK, (_m, kind: string) => `-----BEGIN ${kind}PRIVATE KEY----- …(redacted)`);
  out = out.replace(URL_CREDENTIALS, (_m, scheme: string, user: string, password: string) => `${scheme}${user}:${redactValue(password)}@`);
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, (m) => redactValue(m));
  out = out.replace(
    SECRET_ASSIGNMENT,
    (m, q1: string, key: string, sep: string, q2: string, value: string) =>
      value.includes('…(') || /^\$\{?[A-Za-z_]/.test(value) ? m : `${q1}${key}${q1}${sep}${q2}${redactValue(value)}${q2}`,
  );
  return out;
}
