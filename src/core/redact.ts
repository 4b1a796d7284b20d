// The one redaction module. Secrets never appear in findings, evidence or
// logs: a value is shown as its first four characters and its length, which
// is enough to recognise it and useless to an attacker.

/** `sk_live_abc...` -> `sk_l[redacted, 40 chars]`. Short values show no characters at all. */
export function redactValue(value: string): string {
  if (value.length === 0) return '(empty)';
  // A marker of its own, not an ellipsis: a reader must not take a redacted value for a cut one.
  if (value.length < 12) return `[redacted, ${value.length} chars]`;
  return `${value.slice(0, 4)}[redacted, ${value.length} chars]`;
}

/** The start of the marker redactValue leaves: a value cut at a comma still shows it was redacted. */
const REDACTED_MARKER = '[redacted';

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

// Every pattern below is linear: repetitions are bounded, and a pattern that
// starts with a name or scheme is anchored by a lookbehind so it cannot
// restart inside a long run of the same characters (a 2 MB single-line body
// must not stall the audit). Checked by a test.

// Token shapes that are secrets wherever they appear (documented prefixes).
const TOKEN_PATTERNS: RegExp[] = [
  /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,255}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,255}/g,
  /\b[rs]k_(live|test)_[A-Za-z0-9]{16,255}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk-(proj-|svcacct-|ant-)?[A-Za-z0-9_-]{20,255}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,4096}/g,
  // Incoming webhooks carry their secret in the path (Slack, Discord, Teams).
  /(?<=\bhooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9_/-]{8,256}/g,
  /(?<=\bdiscord(?:app)?\.com\/api\/webhooks\/)[0-9]{1,32}\/[A-Za-z0-9_-]{20,256}/g,
  // A bare hex token of 32, 64, 96 or 128 digits (API keys, Django/Rails secret
  // keys); not a digest written as `sha256:<hex>`.
  /(?<![0-9A-Za-z:])(?:[0-9a-f]{32}){1,4}(?![0-9A-Za-z])|(?<![0-9A-Za-z:])(?:[0-9A-F]{32}){1,4}(?![0-9A-Za-z])/g,
];

// `scheme://user:password@` and `scheme://:password@` (Redis has no user).
const URL_CREDENTIALS = /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]{0,30}:\/\/)([^/\s:@]{0,256}):([^/\s@]{1,256})@/gi;

// `KEY=value`, `KEY: value`, `"key": "value"` (quoted or not) in free text. A
// bare value ends at `?` and `&` so a URL's query parameters are judged one by
// one, and `scheme://` is not an assignment.
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.$-])(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,127})\1([ \t]{0,8}(?:=|:(?!\/\/))[ \t]{0,8})(?:"((?:[^"\\\r\n]|\\.){0,4096})"|'([^'\r\n]{0,4096})'|([^\s"'`,;}&<>?]{1,4096}))/g;

// Spring Boot Actuator `/actuator/env`: `"spring.datasource.password":{"value":"..."}`.
const JSON_NESTED_VALUE =
  /"([^"\\\r\n]{1,256})"([ \t\r\n]{0,8}:[ \t\r\n]{0,8}\{[ \t\r\n]{0,8}"value"[ \t\r\n]{0,8}:[ \t\r\n]{0,8})"((?:[^"\\\r\n]|\\.){0,4096})"/g;

// Name/value lists (Kubernetes env, old Actuator): `{"name":"DB_PASSWORD","value":"..."}`.
const JSON_NAME_VALUE =
  /("name"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}"([^"\\\r\n]{1,256})"[ \t\r\n]{0,8},[ \t\r\n]{0,8}"value"[ \t\r\n]{0,8}:[ \t\r\n]{0,8})"((?:[^"\\\r\n]|\\.){0,4096})"/g;

// HTML tables of settings (phpinfo, Django's debug page, Symfony's profiler):
// `<td class="e">DB_PASSWORD </td><td class="v">value </td>`.
// Django's debug page: `<td>DB_PASSWORD</td><td class="code"><pre>&#x27;value&#x27;</pre></td>`.
const HTML_CELL_PAIR =
  /(<t[dh](?:\s[^<>]{0,200})?>)([^<>]{1,256})(<\/t[dh]>[ \t\r\n]{0,16}<t[dh](?:\s[^<>]{0,200})?>(?:<pre(?:\s[^<>]{0,100})?>)?)([^<]{1,4096})(?=(?:<\/pre>)?<\/t[dh]>)/gi;
// HTML-escaped quotes around a value (`&#x27;hunter2&#x27;`).
const QUOTED = /^(&#x27;|&#39;|&quot;|'|")([^]{0,4096}?)\1$/;

/** Names whose values are secrets in a `KEY=value` assignment inside free text. */
const ASSIGNED_SECRET_NAME =
  /pass(?:word|wd|phrase)?(?![a-z])|passwd|pwd$|secret|token|api[-_.]?key|apikey|access[-_.]?key|private[-_.]?key|credential|[-_.]key$|^key$|signature|^sig$|dsn$|authori[sz]ation|webhook/i;

/** `AccountKey`, `SharedAccessKey`, `masterKey`: camelCase names ending in Key (Azure connection strings). */
const CAMEL_KEY_NAME = /[a-z]Key$/;

function isAssignedSecretName(name: string): boolean {
  return ASSIGNED_SECRET_NAME.test(name) || CAMEL_KEY_NAME.test(name);
}

/** A value the redaction leaves alone: already redacted, a reference to a variable, a flag, a mask. */
function isInertValue(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    v.includes('…') ||
    v.includes(REDACTED_MARKER) ||
    /^\$\{?[A-Za-z_]/.test(v) ||
    // Code that reads the value from elsewhere.
    /^(os\.environ|os\.getenv|getenv\(|env\(|process\.env|ENV\[|System\.getenv|config\(|settings\.)/.test(v) ||
    /^(true|false|null|none|nil|yes|no|on|off|undefined)$/i.test(v) ||
    // An authorization scheme before its (separately redacted) credentials.
    /^(bearer|basic|token|digest|negotiate)$/i.test(v) ||
    /^\*+$/.test(v) ||
    /^\{\{.*\}\}$/.test(v)
  );
}

/**
 * A random-looking value under a neutral name (`BLOB=Zk3vQ9...`): `minLength` (20) or more characters of a token
 * alphabet, with lower case, upper case and digits mixed (words, paths and host names are not), or 32+ hex digits.
 */
export function looksHighEntropy(value: string, minLength = 20): boolean {
  const v = value.trim();
  if (v.length < minLength || v.length > 4096 || !/^[A-Za-z0-9+/=_-]+$/.test(v) || v.startsWith('/')) return false;
  if (/^[0-9a-fA-F]{32,}$/.test(v) && /[0-9]/.test(v) && /[a-fA-F]/.test(v)) return true;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v)) return false;
  let changes = 0;
  for (let i = 1; i < v.length; i++) if (charClass(v[i]!) !== charClass(v[i - 1]!)) changes++;
  return changes / (v.length - 1) >= 0.4 && shannonEntropy(v) >= 3.5;
}

/** A value that looks generated after a flag: 16 characters are enough where a flag, not prose, stands before it. */
const GENERATED_AFTER_FLAG = 16;

function charClass(c: string): number {
  return c >= 'a' && c <= 'z' ? 0 : c >= 'A' && c <= 'Z' ? 1 : c >= '0' && c <= '9' ? 2 : 3;
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

// `--password VALUE`, `-seed=VALUE`, and in a JSON or Python argv list `"-seed", "VALUE"` (expvar's `cmdline`,
// /proc/self/cmdline echoed by a debug page). Anchored by the lookbehind so it cannot restart inside `---…`.
const FLAG = /(?<![A-Za-z0-9_-])(--?)([A-Za-z][A-Za-z0-9_.-]{0,63})(=|[ \t]{1,8}|(["'])[ \t]{0,8},[ \t]{0,8}\4)([^\s"'`,;}&<>]{1,4096})/g;

/** Flags whose value is a secret whatever it looks like: the assignment names, and seeds (a seed regenerates secrets). */
function isSecretFlag(name: string): boolean {
  return isAssignedSecretName(name) || /(^|[-_.])seed$/i.test(name);
}

function hidesAfterFlag(name: string, value: string): boolean {
  // Another flag, a path or a variable is not the value of this one.
  if (isInertValue(value) || /^[-/.~]/.test(value)) return false;
  if (looksHighEntropy(value, GENERATED_AFTER_FLAG)) return true;
  // "set --password to a strong value" is prose: a secret flag's value must not be a plain word.
  return isSecretFlag(name) && value.length >= 8 && !/^[A-Za-z]+$/.test(value);
}

function hides(name: string, value: string, broadNames: boolean): boolean {
  if (isInertValue(value)) return false;
  return (broadNames ? isSecretKey(name) || isAssignedSecretName(name) : isAssignedSecretName(name)) || looksHighEntropy(value);
}

/** Hides a private key block from its BEGIN line to its END line (or the end of the text). One pass, no backtracking. */
function redactPrivateKeys(text: string): string {
  const begin = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----/g;
  let out = '';
  let from = 0;
  for (let m = begin.exec(text); m; m = begin.exec(text)) {
    out += text.slice(from, m.index) + `-----BEGIN ${m[1] ?? ''}PRIVATE KEY----- [redacted]`;
    const end = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/g;
    end.lastIndex = begin.lastIndex;
    const closing = end.exec(text);
    if (!closing) return out;
    from = end.lastIndex;
    begin.lastIndex = from;
  }
  return out + text.slice(from);
}

/**
 * Hides anything that looks like a secret inside free text (bodies, file
 * excerpts, messages): private keys, credentials in URLs, documented token
 * shapes, values of secret-named keys in `KEY=value`, JSON and HTML tables,
 * and random-looking values under any name in those structures. Idempotent.
 */
export function redactText(text: string): string {
  if (!text) return text;
  let out = redactPrivateKeys(text);
  out = out.replace(URL_CREDENTIALS, (m, scheme: string, user: string, password: string) =>
    isInertValue(password) ? m : `${scheme}${user}:${redactValue(password)}@`,
  );
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, (m) => redactValue(m));
  out = out.replace(JSON_NESTED_VALUE, (m, key: string, middle: string, value: string) =>
    hides(key, value, true) ? `"${key}"${middle}"${redactValue(value)}"` : m,
  );
  out = out.replace(JSON_NAME_VALUE, (m, head: string, name: string, value: string) =>
    hides(name, value, true) ? `${head}"${redactValue(value)}"` : m,
  );
  out = out.replace(HTML_CELL_PAIR, (m, open: string, key: string, middle: string, cell: string) => {
    const name = key.trim().replace(/^\$_\w+\[['"]?|['"]?\]$/g, '').replace(/&#x27;|&#39;|&quot;/g, '');
    const trimmed = cell.trim();
    const quoted = QUOTED.exec(trimmed);
    const value = quoted ? quoted[2]! : trimmed;
    if (!hides(name, value, true)) return m;
    return `${open}${key}${middle}${quoted ? `${quoted[1]}${redactValue(value)}${quoted[1]}` : redactValue(value)}`;
  });
  out = out.replace(FLAG, (m, dashes: string, name: string, sep: string, _quote: string | undefined, value: string) => {
    // Prose punctuation after a value is not part of it.
    const trail = /[.:!)\]]+$/.exec(value)?.[0] ?? '';
    const bare = value.slice(0, value.length - trail.length);
    return hidesAfterFlag(name, bare) ? `${dashes}${name}${sep}${redactValue(bare)}${trail}` : m;
  });
  return redactAssignments(out, 0);
}

/** `KEY=value` pairs; inside a quoted value that is not itself hidden, the pairs it holds (`AZURE = 'AccountKey=…'`). */
function redactAssignments(text: string, depth: number): string {
  return text.replace(
    ASSIGNMENT,
    (m, q1: string, key: string, sep: string, dq: string | undefined, sq: string | undefined, bare: string | undefined, offset: number) => {
      // `certs/server.key:12`, `src/secrets.rs:89`: a file's path and line in a message, not an assignment.
      if (sep === ':' && bare !== undefined && /^\d{1,7}[.:)\]]*$/.test(bare) && (key.includes('.') || text[offset - 1] === '/')) return m;
      // Prose punctuation after a bare value is not part of it ("credentials: true.").
      const trail = bare !== undefined ? (/[.:!)\]]+$/.exec(bare)?.[0] ?? '') : '';
      const value = dq ?? sq ?? bare?.slice(0, bare.length - trail.length) ?? '';
      const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
      // A quoted key (JSON, YAML) is data whatever its name; a bare word before
      // a colon in prose is judged by the narrower list.
      if (!hides(key, value, q1 !== '')) {
        // A connection string in quotes: its own pairs are judged one by one (one level deep: the text only shrinks).
        return quote && depth === 0 && value.includes('=') ? `${q1}${key}${q1}${sep}${quote}${redactAssignments(value, depth + 1)}${quote}` : m;
      }
      // "token: it answered": after a colon, a short plain word is prose, not a secret.
      if (bare !== undefined && sep.includes(':') && /^[A-Za-z]{1,7}$/.test(value)) return m;
      return `${q1}${key}${q1}${sep}${quote}${redactValue(value)}${quote}${trail}`;
    },
  );
}

/**
 * The values of the target's configured headers (tokens, cookies) and their
 * parts: an application may echo them anywhere (a PHP warning in a message,
 * a debug page), where no pattern recognises an opaque token.
 */
export function configuredSecretValues(headers: Iterable<string>): string[] {
  const values: string[] = [];
  for (const value of headers) {
    values.push(value, ...value.split(/[\s;,]+/), ...value.split(/[\s;,]+/).map((part) => part.slice(part.indexOf('=') + 1)));
  }
  // Longest first, so a whole value goes before its parts; short pieces (a
  // scheme, a cookie name) are not secrets and would only mangle the text.
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 8))].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each known secret value, and of any piece of 8 characters or more that begins or ends
 * it (a check that cut a quoted text in the middle of the value), then applies `redactText`.
 */
export function redactWith(text: string, knownSecrets: readonly string[]): string {
  if (!text) return text;
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(redactValue(secret));
    // Pieces only of opaque values: `session=abc…` would match every `session=` in a cookie's evidence.
    if (/^[^\s;,=]+=*$/.test(secret)) out = hidePieces(out, secret);
  }
  return redactText(out);
}

const PIECE = 8;

/** Hides prefixes and suffixes of `secret` of PIECE characters or more that `text` still shows. */
function hidePieces(text: string, secret: string): string {
  if (secret.length <= PIECE) return text;
  const head = secret.slice(0, PIECE);
  const tail = secret.slice(-PIECE);
  if (!text.includes(head) && !text.includes(tail)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith(head, i)) {
      let n = PIECE;
      while (n < secret.length && text[i + n] === secret[n]) n++;
      out += redactValue(secret.slice(0, n));
      i += n;
      continue;
    }
    if (text.startsWith(tail, i)) {
      // Extend backwards over what is already in `out`.
      let n = PIECE;
      while (n < secret.length && out.length - (n - PIECE) > 0 && out[out.length - 1 - (n - PIECE)] === secret[secret.length - 1 - n]) n++;
      out = out.slice(0, out.length - (n - PIECE)) + redactValue(secret.slice(secret.length - n));
      i += PIECE;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}
