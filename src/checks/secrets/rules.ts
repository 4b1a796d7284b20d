// Credential detection rules, in the manner of gitleaks: each rule has
// cheap keywords (a lower-case substring test, run first) and a regex run
// only when a keyword is present; a match is then validated (documented
// example values, placeholders, allow markers). Pure: text in, hits out.
//
// Deliberate choices (documented in the check):
// - Only live/production key shapes: Stripe `sk_test_` and other test-mode
//   keys are not findings.
// - The generic rule (secret-named key = high-entropy value) needs a value of
//   16+ characters with letters and digits and a Shannon entropy of at least
//   3.5 bits per character (gitleaks' generic-api-key uses 3.5 too); in code
//   files the value must be a quoted string literal, so `password = getPassword()`
//   or `token: tokenFromHeader` are not findings.
// - A line holding `readiness-gate:allow-secret`, `gitleaks:allow` or
//   `pragma: allowlist secret` (detect-secrets) is skipped, as are values
//   containing EXAMPLE (AWS's documented AKIAIOSFODNN7EXAMPLE and
//   wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) and placeholders.

import { createHmac } from 'node:crypto';
import { firebaseClientKey, isCamelIdentifier, isDigestName, isEncodedJson, mapsBrowserKey, publicClientKey, isEncodedWords, isEscapedText, isHashOrIdentifier, isPublicKeyName, isPlaceholder, isReference, isRuleList, isSlug } from '../../model/values.js';
import { isIdentifierKeyName } from '../../repo/classify.js';
import { baseName } from '../../repo/fileset.js';
import { lineOfOffset, lineStartOffsets } from '../../parse/lines.js';

export interface SecretHit {
  rule: string;
  description: string;
  line: number;
  /** The matched secret itself: redact before showing it anywhere. */
  value: string;
  /** Why this hit is only worth a look (P2), when its rule can tell. */
  minor?: string;
  /** The rule matched more often in this file than is listed (MAX_HITS_PER_RULE). */
  more?: boolean;
  /** The line, or a comment just above it, says the value is made up (`// token is randomly generated and not real`). */
  declaredFake?: boolean;
}

/** One file's scan: the hits, and how many values each named filter set aside. */
export interface SecretScan {
  hits: SecretHit[];
  filtered: Record<string, number>;
}

/**
 * Hits of one rule listed per file. A generated or hostile file can hold a
 * token shape thousands of times; past this, one more match adds nothing to
 * the finding and would cost a finding, a redaction and a report line each.
 */
export const MAX_HITS_PER_RULE = 20;

interface Rule {
  id: string;
  description: string;
  /** A cheap literal test; the rule's regex runs only when it matches somewhere in the file. */
  keywords: RegExp;
  regex: RegExp;
  /** Index of the capture group holding the secret (0 = whole match). */
  group?: number;
  /** Extra validation of the secret; false drops the match. */
  valid?: (secret: string, match: RegExpExecArray, text: string) => boolean;
  /** A reason the hit is minor (reported at P2), or undefined. */
  minor?: (secret: string, match: RegExpExecArray, text: string) => string | undefined;
  /** The named filter that shows the match is no credential (counted in `repository.setAside`), or undefined. */
  filter?: (secret: string, match: RegExpExecArray, text: string) => string | undefined;
  /** The format ends in a checksum (checksumFilter): one that fails is made up, one that passes is a real token. */
  checksum?: true;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export const GENERIC_ENTROPY_THRESHOLD = 3.5;
export const GENERIC_RULE_ID = 'generic-secret-assignment';
export const GENERIC_MIN_LENGTH = 16;

const ALLOW_MARKER = /readiness-gate:allow-secret|gitleaks:allow|pragma: allowlist secret/;
// jwt.io's sample token signature, printed in countless tutorials.
const DOCUMENTED_JWT_SIGNATURE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

// Words and runs that a random token virtually never contains (a 5-letter word
// in 36 random base62 characters: about 1 in 10^7), but samples always do:
// `ghp_PersonalAccessToken0124567890000000`, `sk_live_XXXXXXXX...`.
const SAMPLE_MARKERS = /example|sample|fake|dummy|placeholder|your_?(?:api_?)?(?:key|token|secret)|token|secret|password|personal|xxxx|0000000|1234567|(.)\1{7,}/i;
// A hand-typed run (`a1B2c3D4e5F6g7H8i9`) in a value only a guessing rule found: what a mock-up or email design
// puts in a link. Provider-format rules keep such values: their format (and checksum) already says token.
const TYPED_RUN = /a1b2c3d4|abcdefgh|12345678/i;

// Keys a provider documents for tests, which accept every request and protect nothing: Google reCAPTCHA's
// test site and secret keys (Turnstile's and hCaptcha's test keys are runs of zeros, caught above).
const PROVIDER_TEST_KEYS = new Set(['6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI', '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe']);

// The random part of tokens a provider prints in its own documentation, which tests and fixtures then copy
// (SEVERITY.md: provider-documented example keys are not credentials). Matched as a substring, so the bot and
// user variants of one sample (`xoxb-…`, `xoxp-…` with the same tail) are both known.
const PROVIDER_DOCUMENTED_SAMPLES: ReadonlyArray<{ provider: string; sample: string }> = [
  // Slack's oauth.v2.access response example (api.slack.com/methods/oauth.v2.access).
  { provider: 'Slack', sample: '17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy' },
  // Stripe's API reference keys (test mode, but also pasted with sk_live_ by hand).
  { provider: 'Stripe', sample: '4eC39HqLyjWDarjtT1zdp7dc' },
  { provider: 'Stripe', sample: 'TYooMQauvdEDq54NiTphI7jx' },
  // GitHub's token-format announcement (github.blog, 2021-04).
  { provider: 'GitHub', sample: '16C7e42F292c6912E7710c838347Ae178B4a' },
  // Azurite's well-known development storage account key (learn.microsoft.com, "Use the Azurite emulator").
  { provider: 'Azure', sample: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' },
];

function isDocumentedExample(value: string): boolean {
  return SAMPLE_MARKERS.test(value) || value.includes(DOCUMENTED_JWT_SIGNATURE) || PROVIDER_TEST_KEYS.has(value) || isRepetitive(value) || PROVIDER_DOCUMENTED_SAMPLES.some((s) => value.includes(s.sample));
}

/** The lines a match stands on and the two above it: what names a key written as a bare value. */
function linesAround(text: string, offset: number): string {
  let start = offset;
  for (let n = 0; n < 3 && start > 0; n++) start = text.lastIndexOf('\n', start - 1);
  return text.slice(Math.max(0, start), offset);
}

/** The line at `offset` and the two after it. */
function linesAfter(text: string, offset: number): string {
  let end = offset;
  for (let n = 0; n < 3 && end >= 0; n++) end = text.indexOf('\n', end + 1);
  return text.slice(offset, end < 0 ? text.length : end);
}

// The words a name says its value is an example with: the key of a generic assignment (`api_secret_key_example`,
// `sampleToken`), or the name just before a provider-format value on its line (`api_secret_key_example: 'sk_live_…'`,
// `placeholderKey: …`, up to the opening quote).
const EXAMPLE_WORDS = 'example|sample|placeholder';
const EXAMPLE_KEY = new RegExp(EXAMPLE_WORDS, 'i');
const EXAMPLE_NAME_BEFORE = new RegExp(`\\b\\w*(?:${EXAMPLE_WORDS})\\w*["']?\\s*(?:[:=]|=>)\\s*["'\`]?$`, 'i');

function namedAsExample(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return EXAMPLE_NAME_BEFORE.test(text.slice(Math.max(lineStart, offset - 120), offset));
}

/** A short run repeated (`github_pat_wrongwrongwrong...`, `abcabcabcabc`): typed by hand, not generated. */
function isRepetitive(value: string): boolean {
  return value.length <= 512 && /(.{2,8})\1{3,}/.test(value);
}

// The value of an API description's `example:` (OpenApiSpex, swagger annotations, OpenAPI YAML), with an optional
// opening quote and auth scheme: supabase/realtime's controllers document their Bearer header so (round 13).
const API_DOC_EXAMPLE = /\bexamples?\s*[:=]\s*(?:\[\s*)?["'`]?(?:Bearer\s+)?$/i;

// Signing secrets everyone knows: jwt.io's default, framework and tutorial defaults. A token they verify was made
// for a sample; it is no credential of anyone's (a server that accepts it has the real problem: a weak key).
const PUBLIC_JWT_SECRETS = ['your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'secret', 'dev', 'test', 'changeme', 'password', 'mysecret', 'supersecret', 'super-secret-jwt-token-with-at-least-32-characters-long'];
const HMAC = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

/** Why an HMAC-signed token is a sample: its signature verifies with a published secret. */
function signedWithPublicSecret(token: string): string | undefined {
  const [head, body, signature] = token.split('.');
  const header = decodeJwtPart(head!) as { alg?: string } | undefined;
  const hash = header && typeof header.alg === 'string' ? HMAC[header.alg as keyof typeof HMAC] : undefined;
  if (!hash || !signature) return undefined;
  for (const key of PUBLIC_JWT_SECRETS) {
    if (createHmac(hash, key).update(`${head}.${body}`).digest('base64url') === signature) return `its signature verifies with the published secret "${key.slice(0, 4)}…": a sample token`;
  }
  return undefined;
}

function decodeJwtPart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why a token's own claims show it opens nothing: its `exp` has passed, or it
 * is a product licence (a signed assertion of what was bought, shipped on
 * purpose; it grants no access to anything).
 */
export function jwtNotLive(claims: unknown, now = Date.now()): string | undefined {
  if (typeof claims !== 'object' || claims === null) return undefined;
  const c = claims as Record<string, unknown>;
  if (typeof c.exp === 'number' && c.exp * 1000 < now) return `its own exp claim says it expired on ${new Date(c.exp * 1000).toISOString().slice(0, 10)}`;
  // A response token (RFC 9701 introspection, a wrapped claim set) carries the expiry one level down.
  for (const value of Object.values(c)) {
    const nested = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).exp : undefined;
    if (typeof nested === 'number' && nested * 1000 < now) return `its own claims say it expired on ${new Date(nested * 1000).toISOString().slice(0, 10)}`;
  }
  if (Object.keys(c).some((k) => /^(edition|licen[cs]e(_?(type|key|id))?|client_limit|seats)$/i.test(k))) return 'its claims describe a product licence (edition, limits), which grants no access';
  // Read-only scopes only (`scopes: ["api_read"]`, TMDB's v4 read token that Radarr ships in its binaries, round 13):
  // an application identifier for a public read API (SEVERITY.md: at most P2).
  const scopes = [c.scopes, c.scope, c.scp].flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+/) : [])).filter((v): v is string => typeof v === 'string' && v !== '');
  if (scopes.length && scopes.every((v) => /(^|[_:.-])read(only)?([_:.-]|$)/i.test(v) && !/write|admin|manage|delete/i.test(v))) return `its only scopes are read-only (${scopes.slice(0, 3).join(', ')}): an application identifier for a read API`;
  // Issued by or for a host of the reserved example domains (RFC 2606): a documentation sample.
  const hosts = [c.iss, ...(Array.isArray(c.aud) ? c.aud : [c.aud])].filter((h): h is string => typeof h === 'string');
  if (hosts.some((h) => /^(https?:\/\/)?([^/]*\.)?(example\.(com|net|org)|[^/]+\.(example|test|invalid|localhost))(?=[:/]|$)/i.test(h))) return 'its issuer or audience is a reserved example domain: a documentation sample';
  // Issued by and for the local machine only (`iss`/`aud` http://localhost:8888): a token for a developer's server,
  // which no deployment reached from elsewhere accepts.
  if (hosts.length && hosts.every((h) => /^(https?:\/\/)?(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?=[:/]|$)/i.test(h))) return 'its issuer and audience are the local machine (localhost): a token for a developer\'s server';
  return undefined;
}

// What documentation writes where a password goes (`postgres://user:pass@host`,
// `http://foo:bar@example.com`): seen by the thousand in READMEs and tests of
// real packages, never a real password.
const WEAK_URL_PASSWORDS = /^(pass|passwd|password|pwd|pw|secret|changeme|change_me|example|placeholder|dummy|bar|baz|qux|xyz|abc|123|1234|12345|test|\*+|x+|\.\.\.)$/i;
const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(?=[:/\s"'`?]|$)/i;
const EXAMPLE_HOST = /@(?:[^/\s]*\.)?(example\.(com|net|org)|[^/\s]*\.(example|test|invalid))(?=[:/\s"'`]|$)/i;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * GitHub (`ghp_`, `gho_`...) and npm (`npm_`) tokens end in a CRC32 of their
 * 30 random characters, base62 in 6 characters: every token the providers
 * issue carries it. One that fails it was typed or generated for a test of a
 * scanner, a redactor or a parser (a made-up value, SEVERITY.md), and grants
 * nothing. Filter `checksum-mismatch`.
 */
export function checksumFilter(token: string): string | undefined {
  const body = /^(?:gh[pousr]|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(token);
  if (!body) return undefined; // another length: a newer format this check cannot verify
  let n = crc32(body[1]!);
  let encoded = '';
  do {
    encoded = BASE62[n % 62]! + encoded;
    n = Math.floor(n / 62);
  } while (n > 0);
  return encoded.padStart(6, '0') === body[2] ? undefined : 'checksum-mismatch';
}

// The body of a PEM block: base64 lines up to the END marker, read through the
// wrappings a key takes in code and docs (comment markers, quotes and string
// concatenation, `\\n` escapes) and past RFC 1421 headers (`Proc-Type:`).
const PEM_BODY_LIMIT = 16 * 1024;
const PEM_LINE_WRAPPING = /^\s*(?:#+|\/\/+|\*+|;+|--|>+|["'`]|\+)*\s*|["'`,;+)\s\\]*$/g;
const MIN_KEY_BODY = 64; // an Ed25519 PKCS#8 key, the smallest in use, is 64 base64 characters

/**
 * Whether key material follows a BEGIN line: at least MIN_KEY_BODY base64
 * characters before the END marker, and nothing else. A commented-out block
 * whose body is `...`, a form placeholder (`[private-key-content]`), a doc
 * comment whose body is `X` or a truncated sample (`MIIEow...`) is no key.
 */
export function hasKeyBody(text: string, from: number): boolean {
  const window = text.slice(from, from + PEM_BODY_LIMIT);
  const end = window.search(/-----END[A-Z0-9 ]{0,40}-----/);
  const body = end === -1 ? window.slice(0, 4096) : window.slice(0, end);
  let base64 = 0;
  for (const raw of body.split(/\r?\n|\\[nr]/)) {
    const line = raw.replace(PEM_LINE_WRAPPING, '');
    if (line === '' || /^[A-Za-z-]+:\s/.test(line)) continue; // blank, or a Proc-Type:/DEK-Info: header
    if (!/^[A-Za-z0-9+/=]+$/.test(line)) {
      if (end === -1 && base64 >= MIN_KEY_BODY) break; // no END marker: the body ends where base64 does
      return false;
    }
    base64 += line.length;
  }
  return base64 >= MIN_KEY_BODY;
}

// Whether a text holds the other parameters of a private key in JSON: a JWK's `kty`, or RSAParameters' `DP` and
// `Modulus`. Once per text (the last one asked about), so a file of many `"d"` values is read once, not per value.
let keyParametersOf: { text: string; holds: boolean } | undefined;
function holdsKeyParameters(text: string): boolean {
  if (keyParametersOf?.text !== text) {
    keyParametersOf = { text, holds: /"kty"\s*:\s*"(RSA|EC|OKP)"/.test(text) || (/"(DP|dp)"\s*:/.test(text) && /"(Modulus|n)"\s*:/.test(text)) };
  }
  return keyParametersOf.holds;
}

export const RULES: Rule[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    keywords: /AKIA|ASIA|ABIA|ACCA/,
    regex: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    group: 1,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: /secret/i,
    regex: /(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    valid: (secret) => shannonEntropy(secret) >= 3.5,
  },
  {
    id: 'private-key',
    description: 'private key block',
    keywords: /PRIVATE KEY/,
    regex: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
    // A header alone (docs, parsers, this very file) is not a key: its body must follow.
    filter: (_secret, match, text) => (hasKeyBody(text, match.index + match[0].length) ? undefined : 'no-key-material'),
  },
  {
    // A private key written as JSON: a JWK (`"kty": "RSA"`, `"d": "…"`) or .NET's RSAParameters
    // (IdentityServer's `tempkey.rsa`/`tempkey.jwk`: `"Parameters": {"D": "…", "DP": "…", "Modulus": "…"}`). The
    // private exponent `d` is the key; a public JWK has none.
    id: 'private-key-json',
    description: 'private key in JSON (JWK or RSA parameters)',
    keywords: /"[dD]"\s*:/,
    regex: /"[dD]"\s*:\s*"([A-Za-z0-9+/_-]{40,}={0,2})"/g,
    group: 1,
    valid: (_secret, _match, text) => holdsKeyParameters(text),
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: /gh[pousr]_/,
    regex: /\b(gh[pousr]_[A-Za-z0-9]{36,251})\b/g,
    group: 1,
    checksum: true,
  },
  {
    id: 'github-fine-grained-token',
    description: 'GitHub fine-grained personal access token',
    keywords: /github_pat_/,
    regex: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
    group: 1,
  },
  { id: 'gitlab-token', description: 'GitLab personal access token', keywords: /glpat-/, regex: /(?<![\w-])(glpat-[A-Za-z0-9_-]{20,})\b/g, group: 1 },
  { id: 'slack-token', description: 'Slack token', keywords: /xox/, regex: /(?<![\w-])(xox[abposr]-[0-9A-Za-z-]{10,})\b/g, group: 1, valid: (s) => /\d/.test(s) },
  { id: 'stripe-live-key', description: 'Stripe live secret key', keywords: /k_live_/, regex: /\b((?:sk|rk)_live_[A-Za-z0-9]{16,247})\b/g, group: 1 },
  { id: 'npm-token', description: 'npm access token', keywords: /npm_/, regex: /\b(npm_[A-Za-z0-9]{36})\b/g, group: 1, checksum: true },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    keywords: /sk-/,
    // Keys embed "T3BlbkFJ" (base64 of "OpenAI"); project/service keys carry their prefix.
    regex: /(?<![\w-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200})\b/g,
    group: 1,
    valid: (s) => s.includes('T3BlbkFJ') || (/^sk-(proj|svcacct|admin)-/.test(s) && s.length >= 60 && /\d/.test(s)),
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    keywords: /AIza/,
    regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    group: 1,
    filter: (secret) => (publicClientKey(secret) ? 'public-client-key' : undefined),
    minor: (secret, match, text) => {
      const near = linesAround(text, match.index);
      if (mapsBrowserKey(secret, near)) return 'a Google Maps key, meant for web pages and restricted by HTTP referrer; make sure it is restricted, or it opens the project\'s other Google APIs';
      // The lines after the key too: a web firebaseConfig names authDomain and messagingSenderId below apiKey.
      if (firebaseClientKey(secret, text, near + linesAfter(text, match.index))) return 'a Firebase client configuration\'s key, built into every app the project ships (security rules guard the data, not the key); restrict it to the app\'s package or domain';
      return undefined;
    },
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: /eyJ/,
    regex: /(?<![\w-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})/g,
    group: 1,
    valid: (s) => {
      const header = decodeJwtPart(s.split('.')[0]!);
      return typeof header === 'object' && header !== null && 'alg' in header;
    },
    minor: (s, match, text) =>
      jwtNotLive(decodeJwtPart(s.split('.')[1]!)) ??
      signedWithPublicSecret(s) ??
      (API_DOC_EXAMPLE.test(linesAround(text, match.index + match[0].indexOf(s))) ? 'it is the `example:` of an API description (OpenAPI), a documentation sample' : undefined),
  },
  {
    id: 'url-credentials',
    description: 'password in a URL',
    keywords: /:\/\//,
    // Starts at `://` and looks behind for the scheme: starting at the scheme costs 30 steps per letter of the file.
    regex: /:\/\/(?<=\b[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:@/'"`<>{}$%]{0,100}):([^\s@/'"`<>]{1,200})@[A-Za-z0-9[._-]/gi,
    group: 2,
    valid: (password, match, text) =>
      password.length >= 3 &&
      !isPlaceholder(password) &&
      !isReference(password) &&
      !WEAK_URL_PASSWORDS.test(password) &&
      password !== match[1] &&
      !/^[$%{:]|[#$%]\{|\{\{|<%/.test(password) && // a template fills it: `${port}`, Ruby `#{port}`, `{{ .Password }}`, `<%= pw %>`
      !EXAMPLE_HOST.test(text.slice(match.index + match[0].length - 2, match.index + match[0].length + 120)),
    // `mongodb://off:off-wger@127.0.0.1`: the password of a service on the same machine, a local tool's default.
    minor: (_secret, match, text) =>
      LOOPBACK_HOST.test(text.slice(match.index + match[0].length - 1, match.index + match[0].length + 20)) ? 'the URL points at a service on the same machine (loopback)' : undefined,
  },
];

/** The rules whose tokens carry a checksum: a hit of one of them passed it. */
export const CHECKSUMMED_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.checksum).map((r) => r.id));

// Anchored on the secret word (not on the start of the key) so the regex only
// starts where a keyword is: KEY=value, KEY: value, "key": "value", key := "value", key => 'value',
// and typed bindings (`const API_TOKEN: &str = "…"`, `const token: string = "…"`).
// Repetitions are bounded: unbounded, a long run of keyword-like words
// (`tokentoken...`) costs quadratic time, each keyword scanning to the run's end.
const GENERIC =
  /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|_keys?(?![a-z])|credentials?)[A-Za-z0-9_-]{0,64}["']?[ \t]{0,64}(?::[ \t]{0,8}&?(?:'static[ \t]+)?[\w.:<>[\]]{1,60}[ \t]{0,8}(?==))?(?::=|=>|=|:)[ \t]{0,64}(["'`]?)([^\s"'`;,)}\]]{16,200})\1/gi;
const KEY_CHAR = /[A-Za-z0-9_.-]/;
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+(\(\))?$/;

/**
 * Why the generic rule sets a value aside, as a named filter in the manner of
 * detect-secrets (each one small, testable, and counted in the report's
 * `repository.setAside` as `secrets-filter:<name>`); undefined when the value
 * is a secret by shape.
 */
export function genericFilter(value: string): string | undefined {
  if (value.length < GENERIC_MIN_LENGTH || !/[A-Za-z]/.test(value) || !/\d/.test(value)) return 'not-letters-and-digits';
  // Keys and tokens are printable ASCII; a value with other letters is text (a translation: `バケット S3 ...`).
  if (/[^\x21-\x7e]/.test(value)) return 'text';
  if (IDENTIFIER_PATH.test(value)) return 'identifier-path';
  if (/^(https?|file):\/\//i.test(value) || /^[./~]/.test(value)) return 'url-or-path';
  if (value.includes('{{') || value.includes('(')) return 'template-or-call';
  // A variable filled in at deploy time inside it (`base64:${SERVICE_BASE64_APP}`): a template, unless what is
  // left around the variables is itself a secret (`Zx81qLm2Vb7TyR4wNp9K${SUFFIX}`).
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*/.test(value)) {
    const rest = value.replace(/\$\{[^}]*\}?/g, '');
    if (rest.length < GENERIC_MIN_LENGTH || genericFilter(rest) !== undefined) return 'template-or-call';
  }
  if (isPlaceholder(value)) return 'placeholder';
  if (isReference(value)) return 'reference';
  if (isHashOrIdentifier(value)) return 'hash-or-identifier';
  if (isSlug(value)) return 'slug';
  if (isRuleList(value)) return 'rule-list';
  if (isEscapedText(value)) return 'escaped-text';
  // The value ran on into the next parameter of a URL query (`db_key=ALL&bibcode=…`): a query string, not one token.
  if (/&[\w%.-]+=/.test(value)) return 'url-or-path';
  if (isEncodedJson(value)) return 'encoded-json';
  if (publicClientKey(value)) return 'public-client-key';
  if (isCamelIdentifier(value)) return 'identifier';
  if (isEncodedWords(value)) return 'encoded-words';
  if (/^[A-Z0-9_]+$/.test(value) && value.includes('_')) return 'constant-name';
  // Like gitleaks' stopwords: a value spelling out one of these is a sample, not a key.
  if (/password|passwd|secret|changeme|example|sample|dummy|placeholder|insecure|random|characters/i.test(value)) return 'stopword';
  // Stripe's test-mode keys (`sk_test_…`) move no money: documentation and examples write them.
  if (/^(sk|pk|rk)_test_/.test(value)) return 'test-mode-key';
  return shannonEntropy(value) >= GENERIC_ENTROPY_THRESHOLD ? undefined : 'low-entropy';
}

/** The generic rule's verdict on a value assigned to a secret-named key. */
export function isHighEntropySecret(value: string): boolean {
  return genericFilter(value) === undefined;
}

/** Why a key name says its value is no secret (`*_id`, `*_path`, a public or digest key), for the generic rule. */
function keyNameFilter(key: string): string | undefined {
  if (/_id$|_file$|_path$|_url$|_name$|_type$|_length$|_expir|_ttl$/i.test(key)) return 'key-names-no-secret';
  // A model's name (`tokenizerModel: "gpt-4o"`, `embedding_model`): the word token there counts text, it guards nothing.
  if (/tokeniz|[_.-]?model$/i.test(key)) return 'key-names-no-secret';
  if (isPublicKeyName(key)) return 'public-key-name';
  if (isDigestName(key)) return 'digest-name';
  if (isIdentifierKeyName(key)) return 'identifier-key-name';
  return undefined;
}

// What a test writes beside a made-up credential.
// ...or that it guards nothing: "This is not actually a secret key" (a scrambling constant), "demo purpose".
// ...or that the project gives it away on purpose: "we intentionally \"expose\" this API key to the community".
const SAYS_FAKE = /\b(fake|dummy|not (a )?real|randomly generated|made[- ]up|bogus|for testing only|not (actually |really )?a secret|not secret|(for )?demo purposes?|demo only|(intentionally|deliberately|purposely|on purpose)\W{1,3}(expos\w*|publish\w*|shar\w*|ship\w*|make (it|this) public))\b/i;
/** A comment line in the languages secrets are written in: `#`, `//`, `/*`, `*`, `--`, `;`, `<!--`. */
const COMMENT_LINE = /^\s*(#|\/\/|\/\*|\*|--|;|<!--)/;
/** Comment lines read above a value, beyond the two lines always read: the block that introduces it. */
const COMMENT_BLOCK_LINES = 12;

// A file whose opening comment says all its credentials are made up: "TEST-ONLY KEYS — NOT REAL CREDENTIALS".
const FILE_SAYS_FAKE = /\b(fake|dummy|not (a )?real|test[- ]only|for tests? only|for testing only|made[- ]up|bogus)\b[^\n]{0,80}\b(keys?|credentials?|secrets?|tokens?|passwords?|values?)\b|\b(not|never) used in production\b/i;
// An identifier that names the value as made up: `TEST_FAKE_RSA_KEY_0`, `dummyToken`, `EXAMPLE_SECRET`.
const FAKE_NAME = /(^|[^a-z])(fake|dummy|mock|example|sample)/i;

/** Whether the lines around a value (its own and the two above) say it is made up or guards nothing. */
export function saysMadeUp(near: string): boolean {
  return SAYS_FAKE.test(near);
}

// A comment that calls a client credential read-only (Squidex: `// The credentials to the app (Readonly).`).
const SAYS_READ_ONLY = /\/\/[^\n]*\bread[- ]?only\b|#[^\n]*\bread[- ]?only\b/i;
const CLIENT_KEY = /client_?(id|secret)|api_?key|access_?key|token/i;

/**
 * A client credential its own comment calls read-only: an application identifier the project ships on purpose
 * for a public read-only API (SEVERITY.md: at most P2). Passwords and connection strings are never this.
 */
export function saysReadOnlyClient(key: string, near: string): boolean {
  return CLIENT_KEY.test(key) && !/pass(word|wd)?|connection/i.test(key) && SAYS_READ_ONLY.test(near);
}

/**
 * The value is declared made up (or given away on purpose): its line, one of the two lines above or the comment
 * block right above them says so, the name it is assigned to says so, or the file's opening comment says every
 * credential in it is.
 */
function declaredFake(text: string, starts: readonly number[], line: number, header: () => boolean): boolean {
  const from = starts[Math.max(0, line - 3)]!;
  const to = line < starts.length ? starts[line]! : text.length;
  const near = text.slice(from, Math.min(to, from + 3000));
  if (SAYS_FAKE.test(near)) return true;
  // The comment block right above (a paragraph explaining why the key is there), read line by line upwards.
  for (let l = line - 3; l >= 1 && l > line - 3 - COMMENT_BLOCK_LINES; l--) {
    const comment = text.slice(starts[l - 1]!, Math.min(starts[l] ?? text.length, starts[l - 1]! + 400));
    if (!COMMENT_LINE.test(comment)) break;
    if (SAYS_FAKE.test(comment)) return true;
  }
  const own = text.slice(starts[line - 1]!, Math.min(to, starts[line - 1]! + 300));
  const name = /^\s*(?:(?:export|const|let|var|static|final|public|private|pub)\s+)*([A-Za-z_$][\w$]*)\s*(?::[^=]{0,40})?[=:]/.exec(own)?.[1];
  return (name !== undefined && FAKE_NAME.test(name)) || header();
}

/** The file's opening comment (its first 1,500 characters) says its credentials are made up. */
function headerSaysFake(text: string): boolean {
  return FILE_SAYS_FAKE.test(text.slice(0, 1500));
}

/**
 * A translation catalogue: its values are interface text in some language
 * ("change password", a Crowdin placeholder `crwdns123:0crwdne123:0`), never a
 * credential the code uses; only credentials by format are looked for there.
 */
export function isTranslationCatalogue(path: string): boolean {
  return /(^|\/)(lang|langs|languages|locales?|translations?|i18n|l10n)\//i.test(path) || /\.(po|pot|xlf|xliff|resx|strings|arb)$/i.test(path) || /(^|\/)messages_[a-z]{2}([_-][A-Za-z]{2})?\.properties$/.test(path);
}

export interface ScanOptions {
  /** Code files: the generic rule needs a quoted string literal. */
  code: boolean;
  /** Counts what each named filter set aside (documented examples, inline allow markers, the generic rule's filters). */
  filtered?: Record<string, number>;
  /** A translation catalogue (isTranslationCatalogue): the generic rule is not run, credentials by format are. */
  translations?: boolean;
}

// One cheap test on the whole file before any rule: most files hold none of these.
// `key` only where a rule needs it (the generic rule's `_key`, `api_key`, `accessKey`...): the bare word is in nearly every code file.
// Any rule's keywords, or a word the generic rule starts from: one pass over a file that holds none ends its scan.
// Built from the rules themselves, so a new rule is never silently skipped by a list kept apart from it.
// Run on the lower-cased text without the `i` flag: V8 tries a case-insensitive alternation much more slowly than
// lower-casing the text once (on the 81 MB realistic bench tree: 265 ms against 171 ms, medians of runs in one process).
const PREFILTER_SOURCES = [...RULES.map((r) => r.keywords.source), 'secret|token|passw|pwd|[_-]key|apikey|accesskey|privatekey|authkey|credential'];
// Lower-casing a source is sound only for literal letters: an escape such as `\S` would change meaning.
if (PREFILTER_SOURCES.some((source) => /\\[A-Z]/.test(source))) throw new Error('a secret rule keyword uses an upper-case escape; the prefilter lower-cases its sources');
const PREFILTER = new RegExp(PREFILTER_SOURCES.join('|').toLowerCase());

// A form field's hint (`placeholder="sk_live_…"`, haml `placeholder: "…"`, `:placeholder => '…'`) shows
// the user what shape to paste: a sample by its position, whatever it looks like.
const PLACEHOLDER_ATTRIBUTE = /placeholder["']?\s*(?:=>?|:)\s*\{?\s*["'`][^"'`\n]{0,12}$/i;

function inPlaceholderAttribute(text: string, offset: number): boolean {
  return PLACEHOLDER_ATTRIBUTE.test(text.slice(Math.max(0, offset - 60), offset));
}

export function scanForSecrets(text: string, options: ScanOptions): SecretHit[] {
  if (!PREFILTER.test(text.toLowerCase())) return [];
  let starts: number[] | undefined;
  const lineAt = (offset: number): number => lineOfOffset((starts ??= lineStartOffsets(text)), offset);
  let header: boolean | undefined;
  const headerFake = (): boolean => (header ??= headerSaysFake(text));
  // Memoised per line: thousands of hits on one long line would each rescan it (quadratic).
  const allowedLines = new Map<number, boolean>();
  const allowed = (offset: number): boolean => {
    const line = lineAt(offset);
    let verdict = allowedLines.get(line);
    if (verdict === undefined) {
      const lineEnd = line < starts!.length ? starts![line]! - 1 : text.length;
      verdict = ALLOW_MARKER.test(text.slice(starts![line - 1]!, lineEnd));
      allowedLines.set(line, verdict);
    }
    return verdict;
  };
  const hits: SecretHit[] = [];
  const filtered = options.filtered;
  const setAside = (filter: string): void => {
    if (filtered) filtered[filter] = (filtered[filter] ?? 0) + 1;
  };
  const specificLines = new Set<number>();
  // Past MAX_HITS_PER_RULE, the last listed hit of the rule says there are more, and the scan of that rule stops.
  const markMore = (rule: string): void => {
    for (let i = hits.length - 1; i >= 0; i--) {
      if (hits[i]!.rule === rule) {
        hits[i]!.more = true;
        return;
      }
    }
  };
  for (const rule of RULES) {
    if (!rule.keywords.test(text)) continue;
    rule.regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    let listed = 0;
    while ((match = rule.regex.exec(text)) !== null) {
      if (listed >= MAX_HITS_PER_RULE) {
        markMore(rule.id);
        break;
      }
      const secret = match[rule.group ?? 0] ?? match[0];
      if (rule.valid && !rule.valid(secret, match, text)) continue;
      const ruleFilter = rule.filter?.(secret, match, text) ?? (rule.checksum ? checksumFilter(secret) : undefined);
      if (ruleFilter) {
        setAside(ruleFilter);
        continue;
      }
      const offset = match.index + Math.max(0, match[0].indexOf(secret));
      if (isDocumentedExample(secret)) {
        setAside('documented-example');
        continue;
      }
      if (inPlaceholderAttribute(text, offset)) {
        setAside('form-placeholder');
        continue;
      }
      if (namedAsExample(text, offset)) {
        setAside('documented-example');
        continue;
      }
      if (allowed(offset)) {
        setAside('inline-allow-marker');
        continue;
      }
      const line = lineAt(offset);
      specificLines.add(line);
      const minor = rule.minor?.(secret, match, text);
      const fake = declaredFake(text, starts!, line, headerFake);
      hits.push({ rule: rule.id, description: rule.description, line, value: secret, ...(minor ? { minor } : {}), ...(fake ? { declaredFake: true } : {}) });
      listed++;
    }
  }
  GENERIC.lastIndex = 0;
  let match: RegExpExecArray | null;
  let genericListed = 0;
  while (!options.translations && (match = GENERIC.exec(text)) !== null) {
    const [whole, quote, value] = match as unknown as [string, string, string];
    if (options.code && !quote) continue;
    let keyStart = match.index;
    while (keyStart > 0 && KEY_CHAR.test(text[keyStart - 1]!)) keyStart--;
    const key = text.slice(keyStart, match.index) + /^[A-Za-z0-9_-]*/.exec(whole)![0];
    const filter = keyNameFilter(key) ?? (isDocumentedExample(value) || TYPED_RUN.test(value) || EXAMPLE_KEY.test(key) ? 'documented-example' : genericFilter(value));
    if (filter) {
      // Short values and plain words are what most assignments hold: counting them would say nothing.
      if (filter !== 'not-letters-and-digits') setAside(filter);
      continue;
    }
    const offset = match.index + whole.lastIndexOf(value);
    const line = lineAt(offset);
    if (specificLines.has(line)) continue;
    if (inPlaceholderAttribute(text, offset)) {
      setAside('form-placeholder');
      continue;
    }
    if (allowed(offset)) {
      setAside('inline-allow-marker');
      continue;
    }
    if (genericListed >= MAX_HITS_PER_RULE) {
      markMore(GENERIC_RULE_ID);
      break;
    }
    const fake = declaredFake(text, (starts ??= lineStartOffsets(text)), line, headerFake);
    hits.push({ rule: GENERIC_RULE_ID, description: `high-entropy value for ${key}`, line, value, ...(fake ? { declaredFake: true } : {}) });
    genericListed++;
  }
  return hits.sort((a, b) => a.line - b.line);
}

// Generated files full of hashes, never hand-written credentials (gitleaks' default path allowlist does the same).
const SKIPPED_NAMES = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|Cargo\.lock|composer\.lock|Gemfile\.lock|go\.sum|go\.work\.sum|packages\.lock\.json|gradle\.lockfile)$/;
const SKIPPED_EXTENSIONS = /\.(min\.js|min\.css|map|svg|lock|snap)$/i;

export function isScannedForSecrets(path: string): boolean {
  const name = baseName(path);
  return !SKIPPED_NAMES.test(name) && !SKIPPED_EXTENSIONS.test(name);
}
