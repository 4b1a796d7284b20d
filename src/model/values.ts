// The one value vocabulary. Every check that judges a value (env files,
// compose `environment:`, Dockerfile ENV/ARG, Kubernetes Secrets, the secret
// scanner, interpolation defaults) asks these small named predicates, in the
// manner of detect-secrets' heuristic filters: a placeholder recognised by one
// check is a placeholder for all of them. A check adds only the exclusions
// that are truly its own.
//
// Every expression here is anchored or bounded: values come from files anyone
// can commit to a pull request.

/** Longest value these predicates read; a longer one is judged on its first part. */
const MAX_VALUE = 4096;

function clip(value: string): string {
  const v = value.trim();
  return v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v;
}

/**
 * Values that stand for "fill me in": empty, `CHANGE_ME`, `changethis`,
 * `CHANGE_THIS_TO_STRONG_PASSWORD`, `YOUR_API_KEY`, `your-secret-here`,
 * `<token>`, `{{ value }}`, `[secret]`, `xxx`, `***`, `example`, `dummy`, `todo`.
 */
export function isPlaceholder(value: string): boolean {
  const v = clip(value);
  if (v === '') return true;
  if (/^<[^<>]{0,200}>$/.test(v) || /^\{\{.{0,200}\}\}$/.test(v) || /^\[[^\]]{0,200}\]$/.test(v)) return true;
  if (/^(x+|\*+|\.+|-+|_+|0+|#+|\?+)$/i.test(v)) return true;
  // A name a deploy script substitutes: `#DD_SECRET_KEY#`, `@DB_PASSWORD@`, `%API_TOKEN%`, `__JWT_SECRET__`.
  if (/^(#[A-Z][A-Z0-9_]{2,}#|@[A-Z][A-Z0-9_]{2,}@|%[A-Z][A-Z0-9_]{2,}%|__[A-Z][A-Z0-9_]{2,}__)$/.test(v)) return true;
  if (/^(your|my|insert|enter|put|add|set|fill|generate)[-_ .]/i.test(v) || /^(your|my)[A-Z]/.test(v)) return true;
  if (/^(change|replace)([-_ .]?(me|it|this|that)|[-_ .]with[-_ .])/i.test(v)) return true;
  // A description of what to put there: `someRandomStringWith32Characters`, `a-long-random-string`, `any_secret_value`.
  if (/^(some|a|any)[-_ .]?(random|long|secret|strong)[-_ .]?[A-Za-z]/i.test(v)) return true;
  // A value that says there is none: `nokey`, `no-secret`, `nopassword` (NervesHub's build-time SECRET_KEY_BASE).
  if (/^no[-_ ]?(key|secret|password|passwd|pass|token)s?$/i.test(v)) return true;
  if (isUrlTemplate(v)) return true;
  if (/^(to[-_ ]?do|fixme|tbd|placeholder|redacted|not[-_ ]?set|none|null|nil|undefined|unset|empty|example|dummy|fake|sample)([-_ .:]|$)/i.test(v)) return true;
  if (/(change[-_ ]?me|change[-_ ]?it|change[-_ ]?this|replace[-_ ]?me|replace[-_ ]?this|to[-_ ]?do|fixme|placeholder|redacted|example|dummy|fake|sample|not[-_ ]?set|none|null|undefined|tbd|[-_ ]here)$/i.test(v)) return true;
  return false;
}

/**
 * A URL written as the template of its parts, for the reader to fill in: `postgresql://user:pass@host:port/db`,
 * `mysql://username:password@hostname/dbname`, `redis://:password@your-redis-host:6379`. The host is a word that
 * names the part (or a `:port` word stands where the port number goes).
 */
function isUrlTemplate(v: string): boolean {
  const m = /^[a-z][a-z0-9+.-]{0,20}:\/\/[^\s/@]{0,200}@([^\s/:?#]{1,200})(?::([^\s/?#]{1,20}))?(?:[/?#]|$)/i.exec(v);
  if (!m) return false;
  return /^(host(name)?|server|domain|ip|address|your[-_.]?[\w.-]*|my[-_.]?host|db[-_.]?host|database[-_.]?host|<[^>]*>|\[[^\]]*\])$/i.test(m[1]!) || (m[2] !== undefined && /^port$/i.test(m[2]));
}

/**
 * Values that point at the secret instead of holding it: an interpolation
 * (`${VAR}`, `$VAR`, `%(VAR)s`), a Docker/Kubernetes secret file
 * (`/run/secrets/db-password`, the recommended pattern), a secret manager URI
 * (`vault:`, `arn:aws:secretsmanager:`, `projects/*\/secrets/`, `op://`,
 * `akv://`, `sm://`) or an encrypted value (see `isEncrypted`).
 */
export function isReference(value: string): boolean {
  const v = clip(value);
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*/.test(v) || /^%\([A-Za-z_][A-Za-z0-9_]*\)s$/.test(v)) return true;
  if (/^\/(run|var\/run)\/secrets\//.test(v) || /^\/(etc|mnt|var)\/[\w./-]*secrets?\//.test(v)) return true;
  if (/^(vault|op|akv|sm|gcp-sm|secretsmanager|ssm|awssm|doppler|infisical):/i.test(v) || /^arn:aws:(secretsmanager|ssm):/.test(v)) return true;
  if (/^projects\/[^/\s]+\/secrets\//.test(v)) return true;
  return isEncrypted(v);
}

/**
 * Values encrypted on purpose so the file can be committed: dotenvx
 * (`encrypted:BKNB4Ym...`, decrypted with a key kept out of git), SOPS
 * (`ENC[AES256_GCM,data:...,type:str]`), Ansible Vault and sealed secrets
 * (`AgB...` long base64 under a SealedSecret is the check's own business).
 * Ciphertext is not a leaked credential.
 */
export function isEncrypted(value: string): boolean {
  const v = clip(value);
  return /^encrypted:[A-Za-z0-9+/=]{16,}$/.test(v) || /^ENC\[[A-Z0-9_]+,data:/.test(v) || v.startsWith('$ANSIBLE_VAULT;');
}

/** `550e8400-e29b-41d4-a716-446655440000`: identifiers (Wagtail translation keys, ids), not credentials. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clip(value));
}

/**
 * One-way password hashes: Django's `pbkdf2_sha256$600000$salt$hash`, bcrypt
 * `$2b$12$...`, argon2 `$argon2id$v=19$...`, scrypt, sha512-crypt `$6$...`,
 * Werkzeug's `pbkdf2:sha256:...`. A hash in a fixture is not a credential.
 */
export function isPasswordHash(value: string): boolean {
  const v = clip(value);
  return (
    /^(pbkdf2_sha(1|256|512)|bcrypt(_sha256)?|argon2|scrypt|sha1|md5|unsalted_(sha1|md5)|crypt)\$/.test(v) ||
    /^\$(2[abxy]?|5|6|argon2(id|i|d)|scrypt|y|7|pbkdf2(-sha(256|512))?)\$/.test(v) ||
    /^(pbkdf2|scrypt):[a-z0-9]+(:\d+)*\$/i.test(v) ||
    // ASP.NET Core Identity: base64 of a format marker and PBKDF2's salt and subkey; v3 (0x01, its PRF, iteration
    // count and salt length: 61 bytes, 84 characters), v2 (0x00: 49 bytes, 68 characters).
    /^AQAAAA[A-Za-z0-9+/]{76}==$|^AA[A-Za-z0-9+/]{64}==$/.test(v) ||
    isEncodedPasswordHash(v)
  );
}

/**
 * A PHC-format hash stored base64-encoded so that its `$` survive a TOML or env file (`JGFyZ29uMmlk…` is
 * `$argon2id…`, rauthy's `password_dashboard`): still a one-way hash, not the password.
 */
function isEncodedPasswordHash(v: string): boolean {
  if (!/^J[A-Za-z0-9+/]{39,}={0,2}$/.test(v)) return false;
  const head = Buffer.from(v.slice(0, 24), 'base64').toString('latin1');
  return /^\$(2[abxy]?|5|6|argon2(id|i|d)|scrypt|y|7|pbkdf2(-sha(256|512))?)\$/.test(head);
}

/**
 * Content digests, not secrets: npm/yarn integrity (`sha512-...`), Docker
 * digests (`sha256:...`), Subresource Integrity, `sha1-`/`md5-` prefixed.
 */
export function isDigest(value: string): boolean {
  return /^(sha(1|224|256|384|512)|md5|blake2b?)[-:][A-Za-z0-9+/=_-]{16,}$/i.test(clip(value));
}

/** Hashes and identifiers that carry no secret by their shape. */
export function isHashOrIdentifier(value: string): boolean {
  return isUuid(value) || isPasswordHash(value) || isDigest(value);
}

// A private key block or a token with a provider's prefix (the shapes secrets.hardcoded knows by format).
const CREDENTIAL_FORMAT = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{30,}|glpat-[\w-]{20}|xox[baprs]-[\w-]{10,}|[sr]k_live_\w{20,}|AKIA[0-9A-Z]{16}|AIza[\w-]{35}|npm_\w{36})/;

/** A credential recognised by its format: P0 wherever it is committed (SEVERITY.md), whatever the file's role. */
export function isCredentialByFormat(value: string): boolean {
  return CREDENTIAL_FORMAT.test(value);
}

/**
 * A value a generator made, not a person: 20 characters or more of letters and digits (and the symbols of
 * base64 and URL-safe alphabets), with no word, placeholder, slug or reference shape, and the spread of
 * characters random output has (Shannon entropy at least 4 bits per character). SEVERITY.md counts a
 * generated random password or token committed anywhere as a credential, like a provider's format.
 */
export function isGeneratedSecret(value: string): boolean {
  if (value.length < 20 || value.length > 512 || !/^[A-Za-z0-9+/=_\-.~!@#$%^&*]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (isPlaceholder(value) || isReference(value) || isHashOrIdentifier(value) || isSlug(value) || isWeakValue(value) || isEncodedWords(value) || isEncodedBasicAuth(value)) return false;
  if (/password|passwd|secret|changeme|example|sample|dummy|placeholder|insecure|default|token|replace|your|random|characters/i.test(value)) return false;
  // Capitalised words run together (`SomeRandomStringOf32CharsExactly`, firefly-iii's APP_KEY hint): typed, not generated.
  if (/^\d*(?:[A-Z][a-z]+\d*)+$/.test(value) && (value.match(/[A-Z][a-z]{2,}/g)?.length ?? 0) >= 3) return false;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / value.length) * Math.log2(n / value.length);
  if (entropy >= 4) return true;
  // Under 32 characters, 4 bits per character is near the most a string that short can show (24 distinct characters
  // give 4.58): a short token (an OAuth client secret of 24) counts when it mixes cases and digits and barely repeats
  // a character, as random output does and a typed word does not.
  return value.length < 32 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && counts.size >= value.length * 0.6;
}

/**
 * A hex string a generator made (an app secret of 32 hex digits): what a digest looks like too, so only where the key
 * names a secret and not a digest (`AppSecret`, not `sha256`), with the spread of random hex (10 of the 16 digits).
 */
export function isGeneratedHexSecret(name: string, value: string): boolean {
  if (!/^[0-9a-f]{32,128}$/i.test(value) || !/[a-f]/i.test(value) || !/\d/.test(value) || isDigestName(name)) return false;
  return new Set(value.toLowerCase()).size >= 10 && /secret|key|token|pass/i.test(name);
}

/**
 * A slug or key name: lower-case words joined by hyphens, underscores, dots or
 * colons, with at most a number or a version among them
 * (`pm-4516-devices-add-last-activity-date`, a feature flag; `flag-reminders:v1`,
 * a browser storage key; `pf:services:reblogs:v1:post:`, a cache key).
 * Generated secrets are not made of words.
 */
export function isSlug(value: string): boolean {
  if (!/^[a-z0-9]+([-_.:][a-z0-9]*)+$/.test(value)) return false;
  const parts = value.split(/[-_.:]/).filter(Boolean);
  const words = parts.filter((p) => /^[a-z]{2,}$/.test(p));
  const others = parts.filter((p) => !/^[a-z]{2,}$/.test(p));
  // Every other part is a number, a version (`4516`, `v1`) or a word with a digit or two (`trace2`, `7rem`,
  // `4o`), or an algorithm's name (`es256`, `rs256`, `a128gcm`, `s256`, `x25519`: kanidm's attribute names,
  // `key_object_jwt_es256`, round 14): no random run of letters and digits.
  // Numeronyms count as words (`e2e`, `k8s`, `i18n`, `a11y`).
  if (!others.every((p) => /^(v?\d+)$/.test(p) || (/^[a-z]*\d{1,2}[a-z]*$/.test(p) && /[a-z]{2}|^\d[a-z]$/.test(p)) || /^[a-z]{1,4}\d{3,5}[a-z]{0,4}$/.test(p) || /^[a-z]\d{1,2}[a-z]$/.test(p))) return false;
  // Words joined by dots alone are a namespaced name (a syntax highlighter's token scope `markup.heading.1`, a
  // message key), never a generated value.
  return words.length >= 3 || (words.length >= 2 && (/[:]|(^|[-_.:])v\d+$/.test(value) || /^[a-z0-9]+(\.[a-z0-9]+)+$/.test(value)));
}

/**
 * Base64 of words, not of random bytes: JHipster's default JWT secret decodes to "my-secret-key-which-should-be-
 * changed-in-production...". A key derived from random bytes never decodes to letters, hyphens and spaces.
 */
export function isEncodedWords(value: string): boolean {
  if (value.length < 24 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1').trim();
  if (decoded.length < 16 || !/^[A-Za-z0-9 .,_'-]+$/.test(decoded)) return false;
  return decoded.split(/[-_ .,]+/).filter((w) => /^[A-Za-z]{2,}$/.test(w)).length >= 4;
}

/**
 * Base64 of a Basic-auth pair of typed text (`bWlmb3M6cGFzc3dvcmQ=` is `mifos:password`, the header of a documented
 * demo login): what a person wrote, encoded, not random bytes; its password is judged as written where it matters.
 */
export function isEncodedBasicAuth(value: string): boolean {
  if (value.length < 8 || value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return /^[\w.@+-]{1,64}:[\x21-\x7e]{1,64}$/.test(Buffer.from(value, 'base64').toString('latin1'));
}

/** Text written with JSON/JS unicode escapes (`\u66f4\u6539`, `\u0002`): a translated word or a template, not a key. */
export function isEscapedText(value: string): boolean {
  return /\\u[0-9a-fA-F]{4}/.test(value);
}

/**
 * Base64 of a data structure, not of random bytes: a pagination cursor or a
 * content reference (`eyJvZmZzZXQiOiIxMDAiLCJ2IjoyfQ` is `{"offset":"100","v":2}`).
 * A JWT has dots and a signature, and is judged by its own rule. (`{` and `[` followed by any JSON text
 * encode as `e` or `W`, then one of w-z, 0-3.)
 */
export function isEncodedJson(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || !/^[eW][w-z0-3]/.test(value)) return false;
  const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  try {
    const parsed: unknown = JSON.parse(decoded);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

// Keys a provider embeds in its own public web pages for every visitor, which clients of its public endpoints
// copy (SEVERITY.md: an application identifier, not a credential): YouTube's InnerTube web-client key.
const PUBLIC_CLIENT_KEYS = new Set(['AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8']);

/**
 * Why a value is a public client key, public by design, or undefined: YouTube's InnerTube web key, PostHog
 * project keys (`phc_`: ingestion only, sent by every browser that loads the page).
 */
export function publicClientKey(value: string): string | undefined {
  if (PUBLIC_CLIENT_KEYS.has(value)) return 'a provider\'s public web-client key';
  if (/^phc_[A-Za-z0-9]{20,}$/.test(value)) return 'a PostHog project key (ingestion only, public by design)';
  // Mapbox's public tokens (`pk.` + a base64url JWT-like body) are meant for browser code; its secret ones are `sk.`.
  if (/^pk\.eyJ[\w-]{10,}\.[\w-]{10,}$/.test(value)) return 'a Mapbox public token (pk., meant for browser code; secret tokens are sk.)';
  return undefined;
}

/**
 * A Google key named for Maps (`googleMaps: { key`, `MAPS_API_KEY`, by its key or the lines around it): the
 * Maps JavaScript API's keys are embedded in web pages and restricted by HTTP referrer, like a publishable key;
 * the same key unrestricted opens the project's other Google APIs. Worth a look (P2), not a block.
 */
export function mapsBrowserKey(value: string, context: string): boolean {
  // `googleMaps`, `MAPS_API_KEY`, `GOOGLE_MAP_API_KEY`; not `sitemap`.
  return /^AIza/.test(value) && (/maps/i.test(context) || /(?<![a-z])map(?![a-z])/i.test(context));
}

/**
 * A Firebase client configuration's API key: `google-services.json` (Android: `current_key` beside
 * `mobilesdk_app_id`), `GoogleService-Info.plist` (iOS: `API_KEY` beside `GOOGLE_APP_ID`) or a web `firebaseConfig`
 * (`apiKey` with `authDomain`/`messagingSenderId` around it). Firebase builds it into every app it ships: it
 * identifies the project to Google, and the project's security rules, not the key, guard its data (Firebase docs,
 * "API keys for Firebase"). Worth a restriction (P2), not a block.
 */
export function firebaseClientKey(value: string, file: string, near: string): boolean {
  if (!/^AIza/.test(value)) return false;
  return (/"current_key"/.test(near) && file.includes('"mobilesdk_app_id"')) || (/<key>API_KEY<\/key>/.test(near) && file.includes('<key>GOOGLE_APP_ID</key>')) || /\b(authDomain|messagingSenderId)\b/.test(near);
}

/** A camelCase identifier of words (`k8sEntityEventsExpression`, `userProfileQueryKey`): a name, not a generated value. */
export function isCamelIdentifier(value: string): boolean {
  const m = /^[a-z][a-z0-9]*((?:[A-Z][a-z]{2,}[0-9]?)+)$/.exec(value);
  return m !== null && (m[1]!.match(/[A-Z]/g) ?? []).length >= 2;
}

/**
 * A cookie-named setting whose value is a cookie's name (`AUTH_COOKIE_KEY || 'polar_session'`, round 14): lower-case
 * words, which a signing key never is. A value that says secret or key (`cookie_secret`) is still judged as one.
 */
export function isCookieName(name: string, value: string): boolean {
  return /COOKIE/i.test(name) && /^[a-z]+([_.-][a-z]+){0,3}$/.test(value) && !/secret|key|pass|pwd|token/.test(value) && !isWeakValue(value);
}

/** A validation-rule list (`required|string|min:6`, Laravel and its kin): a format, not a value. */
export function isRuleList(value: string): boolean {
  return /^[a-z_]+(:[\w,.]+)?(\|[a-z_]+(:[\w,.]+)?)+$/i.test(value);
}

/**
 * Key names of keys that are public by design: publishable and site keys, and
 * analytics ingestion keys that browsers send with every event (PostHog
 * `phc_` project keys, Segment/RudderStack write keys, Mixpanel/Amplitude
 * project tokens, reCAPTCHA/Turnstile site keys, Sentry DSNs' public part).
 */
export function isPublicKeyName(name: string): boolean {
  // Nx Cloud: nx.json holds the workspace's read-only access token by design (nx.dev, "nxCloudAccessToken").
  // Chat widgets: Chatwoot's `websiteToken` names the inbox every visitor's browser loads.
  return /public|publishable|site_?key|write_?key|ingest(ion)?_?key|client_?id|posthog|segment|rudder|mixpanel|amplitude|plausible|umami|matomo|heap|hotjar|gtm|recaptcha|turnstile|hcaptcha|sentry_?dsn|nx_?cloud_?access_?token|website_?token|chatwoot/i.test(name);
}

/** Key names that say their value is a hash or checksum (`sha256`, `checksum`, `etag`, `integrity`, `fingerprint`). */
export function isDigestName(name: string): boolean {
  return (
    /(^|[_.-])(sha(1|256|512)?|md5|checksum|digest|hash|etag|integrity|fingerprint|commit|revision|rev)$/i.test(name) ||
    // The value is said to be hashed: `hashed_secret` (detect-secrets' baseline), `hashedPassword`.
    /(^|[_.-])hashed([_.-]|[A-Z]|$)|^hashed/i.test(name) ||
    // camelCase: `tokenHash`, `fileSha256`, `contentDigest`.
    /[a-z0-9](Sha(1|256|512)?|SHA(1|256|512)?|Md5|MD5|Checksum|Digest|Hash|Etag|ETag|Integrity|Fingerprint)$/.test(name)
  );
}

// The words that default credentials, tutorials and leaked-password lists are made of.
const WEAK_WORDS =
  /^(pass(word|wd|e)?|secret|admin(istrator)?|root|toor|default|changeme|letmein|welcome|qwerty|azerty|abc|test(ing)?|guest|user|demo|postgres|mysql|redis|mongo(db)?|rabbitmq|minio(admin)?|django|flask|rails|node|app|dev|development|local|master|super(user|secret)?|private|key|token|jwt|insecure|supersecret|mysecret|s3cr3t|p@ss(w0rd|word)?|passw0rd)$/i;

/**
 * Values nobody should ship as a credential: dictionary defaults (`password`,
 * `secret`, `admin`, `changeme`), those words with digits or punctuation
 * (`passe123`, `admin2024!`, `Password1`) or joined (`secret-key`,
 * `super_secret`), repeated or sequential runs
 * (`123456`, `aaaaaa`), and anything shorter than 8 characters. Also every
 * placeholder: a placeholder that reaches production is a weak value.
 */
export function isWeakValue(value: string): boolean {
  const v = clip(value);
  if (v.length < 8) return true;
  if (isPlaceholder(v)) return true;
  const word = v.replace(/[\d!@#$%^&*_.\-+=~]+$/, '').replace(/^[\d!@#$%^&*_.\-+=~]+/, '');
  if (WEAK_WORDS.test(word)) return true;
  // Dictionary words joined: `secret-key`, `super_secret`, `my.password`, `admin-pass-123`.
  const parts = word.split(/[-_. ]+/).filter((p) => !/^\d*$/.test(p));
  if (parts.length > 1 && parts.length <= 4 && parts.every((p) => WEAK_WORDS.test(p) || /^(my|the|very|so|not|your|our)$/i.test(p))) return true;
  if (/^(.)\1+$/.test(v) || /^(0?123456789?0?|987654321|abcdefgh?|qwertyui?o?p?)$/i.test(v)) return true;
  // Django's startproject key says so itself.
  if (/^django-insecure-/.test(v) || /insecure|not[-_]?secure|do[-_]?not[-_]?use|dev[-_]?only|development/i.test(v)) return true;
  return false;
}

/** A value that is only a flag or a small number: `true`, `off`, `0`, `3600`. */
export function isFlagOrNumber(value: string): boolean {
  return /^(true|false|yes|no|on|off|\d{1,6})$/i.test(clip(value));
}

/**
 * What a secret-named key's value is, in one word, for every check: a value
 * that is `absent`, a `placeholder`, a `reference` to the secret, a `hash` or
 * identifier, a `flag`, a `weak` literal, or a `literal` credential.
 */
export type ValueKind = 'absent' | 'placeholder' | 'reference' | 'hash' | 'flag' | 'weak' | 'literal';

export function classifySecretValue(value: string | number | boolean | null | undefined): ValueKind {
  if (value === null || value === undefined) return 'absent';
  if (typeof value === 'boolean') return 'flag';
  const text = String(value).trim();
  if (text === '') return 'absent';
  if (isReference(text)) return 'reference';
  if (isPlaceholder(text)) return 'placeholder';
  if (isHashOrIdentifier(text)) return 'hash';
  if (isFlagOrNumber(text)) return 'flag';
  if (isWeakValue(text)) return 'weak';
  return 'literal';
}

/** Whether a secret-named key's value is a credential to report (weak or literal). */
export function isCredentialValue(value: string | number | boolean | null | undefined): boolean {
  const kind = classifySecretValue(value);
  return kind === 'weak' || kind === 'literal';
}

/**
 * The password of a URL with userinfo (`postgres://user:pass@host/db`,
 * `redis://:pass@host`), or undefined. A linear scan: the scheme is found by
 * `://`, userinfo ends at the first `@` before any `/`.
 */
export function urlPassword(value: string): string | undefined {
  return urlCredentials(value)?.password;
}

/**
 * The password and host of a URL with userinfo (`postgres://app:pw@db:5432/x` → `pw`, `db`), or undefined:
 * what a credential in a URL opens, for the checks that weigh it by where that host is reachable.
 */
export function urlCredentials(value: string): { password: string; host: string } | undefined {
  const v = clip(value);
  const scheme = v.indexOf('://');
  if (scheme < 1 || !/^[a-z][a-z0-9+.-]*$/i.test(v.slice(Math.max(0, v.lastIndexOf(' ', scheme) + 1), scheme))) return undefined;
  const rest = v.slice(scheme + 3);
  const end = rest.search(/[/\s?#"']/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at < 0) return undefined;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return undefined;
  const password = userinfo.slice(colon + 1);
  const host = authority.slice(at + 1).replace(/:\d*$/, '');
  return password === '' ? undefined : { password, host };
}

/**
 * A URL with no userinfo (`https://auth.example.com/oauth/token`) or a file
 * path (`/etc/app/jwt.pem`, `./keys/dev.pem`): where a secret is, not the
 * secret. A URL with userinfo (`https://key@sentry.io/1`, `redis://:pw@host`)
 * is not this: its userinfo is a credential.
 */
export function isLocationValue(value: string): boolean {
  const v = clip(value);
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i.exec(v);
  if (url) return !url[1]!.includes('@');
  return /^(~|\.{1,2})?\/[\w.@/-]*$/.test(v) && v.includes('/');
}
