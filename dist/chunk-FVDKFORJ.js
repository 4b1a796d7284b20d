import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  baseName,
  import_yaml,
  isComposeFile,
  isIdentifierKeyName,
  isQuotedLiteralSource,
  lineOfOffset,
  lineStartOffsets,
  sourceLanguage
} from "./chunk-P7AGYOMS.js";

// src/checks/secrets/rules.ts
import { createHmac } from "node:crypto";

// src/model/values.ts
var MAX_VALUE = 4096;
function clip(value) {
  const v = value.trim();
  return v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v;
}
function isPlaceholder(value) {
  const v = clip(value);
  if (v === "") return true;
  if (/^<[^<>]{0,200}>$/.test(v) || /^\{\{.{0,200}\}\}$/.test(v) || /^\[[^\]]{0,200}\]$/.test(v)) return true;
  if (/^(x+|\*+|\.+|-+|_+|0+|#+|\?+)$/i.test(v)) return true;
  if (/^(#[A-Z][A-Z0-9_]{2,}#|@[A-Z][A-Z0-9_]{2,}@|%[A-Z][A-Z0-9_]{2,}%|__[A-Z][A-Z0-9_]{2,}__)$/.test(v)) return true;
  if (/^(your|my|insert|enter|put|add|set|fill|generate)[-_ .]/i.test(v) || /^(your|my)[A-Z]/.test(v)) return true;
  if (/^(change|replace)([-_ .]?(me|it|this|that)|[-_ .]with[-_ .])/i.test(v)) return true;
  if (/^(some|a|any)[-_ .]?(random|long|secret|strong)[-_ .]?[A-Za-z]/i.test(v)) return true;
  if (/^no[-_ ]?(key|secret|password|passwd|pass|token)s?$/i.test(v)) return true;
  if (isUrlTemplate(v)) return true;
  if (/^(to[-_ ]?do|fixme|tbd|placeholder|redacted|not[-_ ]?set|none|null|nil|undefined|unset|empty|example|dummy|fake|sample)([-_ .:]|$)/i.test(v)) return true;
  if (/(change[-_ ]?me|change[-_ ]?it|change[-_ ]?this|replace[-_ ]?me|replace[-_ ]?this|to[-_ ]?do|fixme|placeholder|redacted|example|dummy|fake|sample|not[-_ ]?set|none|null|undefined|tbd|[-_ ]here)$/i.test(v)) return true;
  return false;
}
function isUrlTemplate(v) {
  const m = /^[a-z][a-z0-9+.-]{0,20}:\/\/[^\s/@]{0,200}@([^\s/:?#]{1,200})(?::([^\s/?#]{1,20}))?(?:[/?#]|$)/i.exec(v);
  if (!m) return false;
  return /^(host(name)?|server|domain|ip|address|your[-_.]?[\w.-]*|my[-_.]?host|db[-_.]?host|database[-_.]?host|<[^>]*>|\[[^\]]*\])$/i.test(m[1]) || m[2] !== void 0 && /^port$/i.test(m[2]);
}
function isReference(value) {
  const v = clip(value);
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*/.test(v) || /^%\([A-Za-z_][A-Za-z0-9_]*\)s$/.test(v)) return true;
  if (/^\/(run|var\/run)\/secrets\//.test(v) || /^\/(etc|mnt|var)\/[\w./-]*secrets?\//.test(v)) return true;
  if (/^(vault|op|akv|sm|gcp-sm|secretsmanager|ssm|awssm|doppler|infisical):/i.test(v) || /^arn:aws:(secretsmanager|ssm):/.test(v)) return true;
  if (/^projects\/[^/\s]+\/secrets\//.test(v)) return true;
  return isEncrypted(v);
}
function isEncrypted(value) {
  const v = clip(value);
  return /^encrypted:[A-Za-z0-9+/=]{16,}$/.test(v) || /^ENC\[[A-Z0-9_]+,data:/.test(v) || v.startsWith("$ANSIBLE_VAULT;");
}
function isUuid(value) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clip(value));
}
function isPasswordHash(value) {
  const v = clip(value);
  return /^(pbkdf2_sha(1|256|512)|bcrypt(_sha256)?|argon2|scrypt|sha1|md5|unsalted_(sha1|md5)|crypt)\$/.test(v) || /^\$(2[abxy]?|5|6|argon2(id|i|d)|scrypt|y|7|pbkdf2(-sha(256|512))?)\$/.test(v) || /^(pbkdf2|scrypt):[a-z0-9]+(:\d+)*\$/i.test(v) || // ASP.NET Core Identity: base64 of a format marker and PBKDF2's salt and subkey; v3 (0x01, its PRF, iteration
  // count and salt length: 61 bytes, 84 characters), v2 (0x00: 49 bytes, 68 characters).
  /^AQAAAA[A-Za-z0-9+/]{76}==$|^AA[A-Za-z0-9+/]{64}==$/.test(v) || isEncodedPasswordHash(v);
}
function isEncodedPasswordHash(v) {
  if (!/^J[A-Za-z0-9+/]{39,}={0,2}$/.test(v)) return false;
  const head = Buffer.from(v.slice(0, 24), "base64").toString("latin1");
  return /^\$(2[abxy]?|5|6|argon2(id|i|d)|scrypt|y|7|pbkdf2(-sha(256|512))?)\$/.test(head);
}
function isDigest(value) {
  return /^(sha(1|224|256|384|512)|md5|blake2b?)[-:][A-Za-z0-9+/=_-]{16,}$/i.test(clip(value));
}
function isHashOrIdentifier(value) {
  return isUuid(value) || isPasswordHash(value) || isDigest(value);
}
var CREDENTIAL_FORMAT = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{30,}|glpat-[\w-]{20}|xox[baprs]-[\w-]{10,}|[sr]k_live_\w{20,}|AKIA[0-9A-Z]{16}|AIza[\w-]{35}|npm_\w{36})/;
function isCredentialByFormat(value) {
  return CREDENTIAL_FORMAT.test(value);
}
function isGeneratedSecret(value) {
  if (value.length < 20 || value.length > 512 || !/^[A-Za-z0-9+/=_\-.~!@#$%^&*]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (isPlaceholder(value) || isReference(value) || isHashOrIdentifier(value) || isSlug(value) || isWeakValue(value) || isEncodedWords(value) || isEncodedBasicAuth(value)) return false;
  if (/password|passwd|secret|changeme|example|sample|dummy|placeholder|insecure|default|token|replace|your|random|characters/i.test(value)) return false;
  if (/^\d*(?:[A-Z][a-z]+\d*)+$/.test(value) && (value.match(/[A-Z][a-z]{2,}/g)?.length ?? 0) >= 3) return false;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= n / value.length * Math.log2(n / value.length);
  if (entropy >= 4) return true;
  return value.length < 32 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && counts.size >= value.length * 0.6;
}
function isGeneratedHexSecret(name, value) {
  if (!/^[0-9a-f]{32,128}$/i.test(value) || !/[a-f]/i.test(value) || !/\d/.test(value) || isDigestName(name)) return false;
  return new Set(value.toLowerCase()).size >= 10 && /secret|key|token|pass/i.test(name);
}
function isSlug(value) {
  if (!/^[a-z0-9]+([-_.:][a-z0-9]*)+$/.test(value)) return false;
  const parts = value.split(/[-_.:]/).filter(Boolean);
  const words = parts.filter((p) => /^[a-z]{2,}$/.test(p));
  const others = parts.filter((p) => !/^[a-z]{2,}$/.test(p));
  if (!others.every((p) => /^(v?\d+)$/.test(p) || /^[a-z]*\d{1,2}[a-z]*$/.test(p) && /[a-z]{2}|^\d[a-z]$/.test(p) || /^[a-z]{1,4}\d{3,5}[a-z]{0,4}$/.test(p) || /^[a-z]\d{1,2}[a-z]$/.test(p))) return false;
  return words.length >= 3 || words.length >= 2 && (/[:]|(^|[-_.:])v\d+$/.test(value) || /^[a-z0-9]+(\.[a-z0-9]+)+$/.test(value));
}
function isEncodedWords(value) {
  if (value.length < 24 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1").trim();
  if (decoded.length < 16 || !/^[A-Za-z0-9 .,_'-]+$/.test(decoded)) return false;
  return decoded.split(/[-_ .,]+/).filter((w) => /^[A-Za-z]{2,}$/.test(w)).length >= 4;
}
function isEncodedBasicAuth(value) {
  if (value.length < 8 || value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return /^[\w.@+-]{1,64}:[\x21-\x7e]{1,64}$/.test(Buffer.from(value, "base64").toString("latin1"));
}
function isEscapedText(value) {
  return /\\u[0-9a-fA-F]{4}/.test(value);
}
function isEncodedJson(value) {
  if (value.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || !/^[eW][w-z0-3]/.test(value)) return false;
  const decoded = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  try {
    const parsed = JSON.parse(decoded);
    return typeof parsed === "object" && parsed !== null;
  } catch {
    return false;
  }
}
var PUBLIC_CLIENT_KEYS = /* @__PURE__ */ new Set(["AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8"]);
function publicClientKey(value) {
  if (PUBLIC_CLIENT_KEYS.has(value)) return "a provider's public web-client key";
  if (/^phc_[A-Za-z0-9]{20,}$/.test(value)) return "a PostHog project key (ingestion only, public by design)";
  if (/^pk\.eyJ[\w-]{10,}\.[\w-]{10,}$/.test(value)) return "a Mapbox public token (pk., meant for browser code; secret tokens are sk.)";
  return void 0;
}
function mapsBrowserKey(value, context) {
  return /^AIza/.test(value) && (/maps/i.test(context) || /(?<![a-z])map(?![a-z])/i.test(context));
}
function firebaseClientKey(value, file, near) {
  if (!/^AIza/.test(value)) return false;
  return /"current_key"/.test(near) && file.includes('"mobilesdk_app_id"') || /<key>API_KEY<\/key>/.test(near) && file.includes("<key>GOOGLE_APP_ID</key>") || /\b(authDomain|messagingSenderId)\b/.test(near);
}
function isCamelIdentifier(value) {
  const m = /^[a-z][a-z0-9]*((?:[A-Z][a-z]{2,}[0-9]?)+)$/.exec(value);
  return m !== null && (m[1].match(/[A-Z]/g) ?? []).length >= 2;
}
function isCookieName(name, value) {
  return /COOKIE/i.test(name) && /^[a-z]+([_.-][a-z]+){0,3}$/.test(value) && !/secret|key|pass|pwd|token/.test(value) && !isWeakValue(value);
}
function isRuleList(value) {
  return /^[a-z_]+(:[\w,.]+)?(\|[a-z_]+(:[\w,.]+)?)+$/i.test(value);
}
function isPublicKeyName(name) {
  return /public|publishable|site_?key|write_?key|ingest(ion)?_?key|client_?id|posthog|segment|rudder|mixpanel|amplitude|plausible|umami|matomo|heap|hotjar|gtm|recaptcha|turnstile|hcaptcha|sentry_?dsn|nx_?cloud_?access_?token|website_?token|chatwoot/i.test(name);
}
function isDigestName(name) {
  return /(^|[_.-])(sha(1|256|512)?|md5|checksum|digest|hash|etag|integrity|fingerprint|commit|revision|rev)$/i.test(name) || // The value is said to be hashed: `hashed_secret` (detect-secrets' baseline), `hashedPassword`.
  /(^|[_.-])hashed([_.-]|[A-Z]|$)|^hashed/i.test(name) || // camelCase: `tokenHash`, `fileSha256`, `contentDigest`.
  /[a-z0-9](Sha(1|256|512)?|SHA(1|256|512)?|Md5|MD5|Checksum|Digest|Hash|Etag|ETag|Integrity|Fingerprint)$/.test(name);
}
var WEAK_WORDS = /^(pass(word|wd|e)?|secret|admin(istrator)?|root|toor|default|changeme|letmein|welcome|qwerty|azerty|abc|test(ing)?|guest|user|demo|postgres|mysql|redis|mongo(db)?|rabbitmq|minio(admin)?|django|flask|rails|node|app|dev|development|local|master|super(user|secret)?|private|key|token|jwt|insecure|supersecret|mysecret|s3cr3t|p@ss(w0rd|word)?|passw0rd)$/i;
function isWeakValue(value) {
  const v = clip(value);
  if (v.length < 8) return true;
  if (isPlaceholder(v)) return true;
  const word = v.replace(/[\d!@#$%^&*_.\-+=~]+$/, "").replace(/^[\d!@#$%^&*_.\-+=~]+/, "");
  if (WEAK_WORDS.test(word)) return true;
  const parts = word.split(/[-_. ]+/).filter((p) => !/^\d*$/.test(p));
  if (parts.length > 1 && parts.length <= 4 && parts.every((p) => WEAK_WORDS.test(p) || /^(my|the|very|so|not|your|our)$/i.test(p))) return true;
  if (/^(.)\1+$/.test(v) || /^(0?123456789?0?|987654321|abcdefgh?|qwertyui?o?p?)$/i.test(v)) return true;
  if (/^django-insecure-/.test(v) || /insecure|not[-_]?secure|do[-_]?not[-_]?use|dev[-_]?only|development/i.test(v)) return true;
  return false;
}
function isFlagOrNumber(value) {
  return /^(true|false|yes|no|on|off|\d{1,6})$/i.test(clip(value));
}
function classifySecretValue(value) {
  if (value === null || value === void 0) return "absent";
  if (typeof value === "boolean") return "flag";
  const text = String(value).trim();
  if (text === "") return "absent";
  if (isReference(text)) return "reference";
  if (isPlaceholder(text)) return "placeholder";
  if (isHashOrIdentifier(text)) return "hash";
  if (isFlagOrNumber(text)) return "flag";
  if (isWeakValue(text)) return "weak";
  return "literal";
}
function isCredentialValue(value) {
  const kind = classifySecretValue(value);
  return kind === "weak" || kind === "literal";
}
function urlPassword(value) {
  return urlCredentials(value)?.password;
}
function urlCredentials(value) {
  const v = clip(value);
  const scheme = v.indexOf("://");
  if (scheme < 1 || !/^[a-z][a-z0-9+.-]*$/i.test(v.slice(Math.max(0, v.lastIndexOf(" ", scheme) + 1), scheme))) return void 0;
  const rest = v.slice(scheme + 3);
  const end = rest.search(/[/\s?#"']/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  if (at < 0) return void 0;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(":");
  if (colon < 0) return void 0;
  const password = userinfo.slice(colon + 1);
  const host = authority.slice(at + 1).replace(/:\d*$/, "");
  return password === "" ? void 0 : { password, host };
}
function isLocationValue(value) {
  const v = clip(value);
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i.exec(v);
  if (url) return !url[1].includes("@");
  return /^(~|\.{1,2})?\/[\w.@/-]*$/.test(v) && v.includes("/");
}

// src/checks/secrets/rules.ts
var MAX_HITS_PER_RULE = 20;
function shannonEntropy(value) {
  if (!value) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
var GENERIC_ENTROPY_THRESHOLD = 3.5;
var GENERIC_RULE_ID = "generic-secret-assignment";
var GENERIC_MIN_LENGTH = 16;
var ALLOW_MARKER = /readiness-gate:allow-secret|gitleaks:allow|pragma: allowlist secret/;
var DOCUMENTED_JWT_SIGNATURE = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
var SAMPLE_MARKERS = /example|sample|fake|dummy|placeholder|your_?(?:api_?)?(?:key|token|secret)|token|secret|password|personal|xxxx|0000000|1234567|(.)\1{7,}/i;
var TYPED_RUN = /a1b2c3d4|abcdefgh|12345678/i;
var PROVIDER_TEST_KEYS = /* @__PURE__ */ new Set(["6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"]);
var PROVIDER_DOCUMENTED_SAMPLES = [
  // Slack's oauth.v2.access response example (api.slack.com/methods/oauth.v2.access).
  { provider: "Slack", sample: "17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy" },
  // Stripe's API reference keys (test mode, but also pasted with sk_live_ by hand).
  { provider: "Stripe", sample: "4eC39HqLyjWDarjtT1zdp7dc" },
  { provider: "Stripe", sample: "TYooMQauvdEDq54NiTphI7jx" },
  // GitHub's token-format announcement (github.blog, 2021-04).
  { provider: "GitHub", sample: "16C7e42F292c6912E7710c838347Ae178B4a" },
  // Azurite's well-known development storage account key (learn.microsoft.com, "Use the Azurite emulator").
  { provider: "Azure", sample: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" }
];
function isDocumentedExample(value) {
  return SAMPLE_MARKERS.test(value) || value.includes(DOCUMENTED_JWT_SIGNATURE) || PROVIDER_TEST_KEYS.has(value) || isRepetitive(value) || PROVIDER_DOCUMENTED_SAMPLES.some((s) => value.includes(s.sample));
}
function linesAround(text, offset) {
  let start = offset;
  for (let n = 0; n < 3 && start > 0; n++) start = text.lastIndexOf("\n", start - 1);
  return text.slice(Math.max(0, start), offset);
}
function linesAfter(text, offset) {
  let end = offset;
  for (let n = 0; n < 3 && end >= 0; n++) end = text.indexOf("\n", end + 1);
  return text.slice(offset, end < 0 ? text.length : end);
}
var EXAMPLE_WORDS = "example|sample|placeholder";
var EXAMPLE_KEY = new RegExp(EXAMPLE_WORDS, "i");
var EXAMPLE_NAME_BEFORE = new RegExp(`\\b\\w*(?:${EXAMPLE_WORDS})\\w*["']?\\s*(?:[:=]|=>)\\s*["'\`]?$`, "i");
function namedAsExample(text, offset) {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return EXAMPLE_NAME_BEFORE.test(text.slice(Math.max(lineStart, offset - 120), offset));
}
function isRepetitive(value) {
  return value.length <= 512 && /(.{2,8})\1{3,}/.test(value);
}
var API_DOC_EXAMPLE = /\bexamples?\s*[:=]\s*(?:\[\s*)?["'`]?(?:Bearer\s+)?$/i;
var PUBLIC_JWT_SECRETS = ["your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "secret", "dev", "test", "changeme", "password", "mysecret", "supersecret", "super-secret-jwt-token-with-at-least-32-characters-long"];
var HMAC = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };
function signedWithPublicSecret(token) {
  const [head, body, signature] = token.split(".");
  const header = decodeJwtPart(head);
  const hash = header && typeof header.alg === "string" ? HMAC[header.alg] : void 0;
  if (!hash || !signature) return void 0;
  for (const key of PUBLIC_JWT_SECRETS) {
    if (createHmac(hash, key).update(`${head}.${body}`).digest("base64url") === signature) return `its signature verifies with the published secret "${key.slice(0, 4)}\u2026": a sample token`;
  }
  return void 0;
}
function decodeJwtPart(part) {
  try {
    return JSON.parse(Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8"));
  } catch {
    return void 0;
  }
}
function jwtNotLive(claims, now = Date.now()) {
  if (typeof claims !== "object" || claims === null) return void 0;
  const c = claims;
  if (typeof c.exp === "number" && c.exp * 1e3 < now) return `its own exp claim says it expired on ${new Date(c.exp * 1e3).toISOString().slice(0, 10)}`;
  for (const value of Object.values(c)) {
    const nested = typeof value === "object" && value !== null ? value.exp : void 0;
    if (typeof nested === "number" && nested * 1e3 < now) return `its own claims say it expired on ${new Date(nested * 1e3).toISOString().slice(0, 10)}`;
  }
  if (Object.keys(c).some((k) => /^(edition|licen[cs]e(_?(type|key|id))?|client_limit|seats)$/i.test(k))) return "its claims describe a product licence (edition, limits), which grants no access";
  const scopes = [c.scopes, c.scope, c.scp].flatMap((v) => Array.isArray(v) ? v : typeof v === "string" ? v.split(/\s+/) : []).filter((v) => typeof v === "string" && v !== "");
  if (scopes.length && scopes.every((v) => /(^|[_:.-])read(only)?([_:.-]|$)/i.test(v) && !/write|admin|manage|delete/i.test(v))) return `its only scopes are read-only (${scopes.slice(0, 3).join(", ")}): an application identifier for a read API`;
  const hosts = [c.iss, ...Array.isArray(c.aud) ? c.aud : [c.aud]].filter((h) => typeof h === "string");
  if (hosts.some((h) => /^(https?:\/\/)?([^/]*\.)?(example\.(com|net|org)|[^/]+\.(example|test|invalid|localhost))(?=[:/]|$)/i.test(h))) return "its issuer or audience is a reserved example domain: a documentation sample";
  if (hosts.length && hosts.every((h) => /^(https?:\/\/)?(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?=[:/]|$)/i.test(h))) return "its issuer and audience are the local machine (localhost): a token for a developer's server";
  return void 0;
}
var WEAK_URL_PASSWORDS = /^(pass|passwd|password|pwd|pw|secret|changeme|change_me|example|placeholder|dummy|bar|baz|qux|xyz|abc|123|1234|12345|test|\*+|x+|\.\.\.)$/i;
var LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(?=[:/\s"'`?]|$)/i;
var EXAMPLE_HOST = /@(?:[^/\s]*\.)?(example\.(com|net|org)|[^/\s]*\.(example|test|invalid))(?=[:/\s"'`]|$)/i;
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) crc = crc >>> 8 ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255];
  return (crc ^ 4294967295) >>> 0;
}
function checksumFilter(token) {
  const body = /^(?:gh[pousr]|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(token);
  if (!body) return void 0;
  let n = crc32(body[1]);
  let encoded = "";
  do {
    encoded = BASE62[n % 62] + encoded;
    n = Math.floor(n / 62);
  } while (n > 0);
  return encoded.padStart(6, "0") === body[2] ? void 0 : "checksum-mismatch";
}
var PEM_BODY_LIMIT = 16 * 1024;
var PEM_LINE_WRAPPING = /^\s*(?:#+|\/\/+|\*+|;+|--|>+|["'`]|\+)*\s*|["'`,;+)\s\\]*$/g;
var MIN_KEY_BODY = 64;
function hasKeyBody(text, from) {
  const window = text.slice(from, from + PEM_BODY_LIMIT);
  const end = window.search(/-----END[A-Z0-9 ]{0,40}-----/);
  const body = end === -1 ? window.slice(0, 4096) : window.slice(0, end);
  let base64 = 0;
  for (const raw of body.split(/\r?\n|\\[nr]/)) {
    const line = raw.replace(PEM_LINE_WRAPPING, "");
    if (line === "" || /^[A-Za-z-]+:\s/.test(line)) continue;
    if (!/^[A-Za-z0-9+/=]+$/.test(line)) {
      if (end === -1 && base64 >= MIN_KEY_BODY) break;
      return false;
    }
    base64 += line.length;
  }
  return base64 >= MIN_KEY_BODY;
}
var keyParametersOf;
function holdsKeyParameters(text) {
  if (keyParametersOf?.text !== text) {
    keyParametersOf = { text, holds: /"kty"\s*:\s*"(RSA|EC|OKP)"/.test(text) || /"(DP|dp)"\s*:/.test(text) && /"(Modulus|n)"\s*:/.test(text) };
  }
  return keyParametersOf.holds;
}
var RULES = [
  {
    id: "aws-access-key-id",
    description: "AWS access key id",
    keywords: /AKIA|ASIA|ABIA|ACCA/,
    regex: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    group: 1
  },
  {
    id: "aws-secret-access-key",
    description: "AWS secret access key",
    keywords: /secret/i,
    regex: /(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    valid: (secret) => shannonEntropy(secret) >= 3.5
  },
  {
    id: "private-key",
    description: "private key block",
    keywords: /PRIVATE KEY/,
    regex: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
    // A header alone (docs, parsers, this very file) is not a key: its body must follow.
    filter: (_secret, match, text) => hasKeyBody(text, match.index + match[0].length) ? void 0 : "no-key-material"
  },
  {
    // A private key written as JSON: a JWK (`"kty": "RSA"`, `"d": "…"`) or .NET's RSAParameters
    // (IdentityServer's `tempkey.rsa`/`tempkey.jwk`: `"Parameters": {"D": "…", "DP": "…", "Modulus": "…"}`). The
    // private exponent `d` is the key; a public JWK has none.
    id: "private-key-json",
    description: "private key in JSON (JWK or RSA parameters)",
    keywords: /"[dD]"\s*:/,
    regex: /"[dD]"\s*:\s*"([A-Za-z0-9+/_-]{40,}={0,2})"/g,
    group: 1,
    valid: (_secret, _match, text) => holdsKeyParameters(text)
  },
  {
    id: "github-token",
    description: "GitHub token",
    keywords: /gh[pousr]_/,
    regex: /\b(gh[pousr]_[A-Za-z0-9]{36,251})\b/g,
    group: 1,
    checksum: true
  },
  {
    id: "github-fine-grained-token",
    description: "GitHub fine-grained personal access token",
    keywords: /github_pat_/,
    regex: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
    group: 1
  },
  { id: "gitlab-token", description: "GitLab personal access token", keywords: /glpat-/, regex: /(?<![\w-])(glpat-[A-Za-z0-9_-]{20,})\b/g, group: 1 },
  { id: "slack-token", description: "Slack token", keywords: /xox/, regex: /(?<![\w-])(xox[abposr]-[0-9A-Za-z-]{10,})\b/g, group: 1, valid: (s) => /\d/.test(s) },
  { id: "stripe-live-key", description: "Stripe live secret key", keywords: /k_live_/, regex: /\b((?:sk|rk)_live_[A-Za-z0-9]{16,247})\b/g, group: 1 },
  { id: "npm-token", description: "npm access token", keywords: /npm_/, regex: /\b(npm_[A-Za-z0-9]{36})\b/g, group: 1, checksum: true },
  {
    id: "openai-api-key",
    description: "OpenAI API key",
    keywords: /sk-/,
    // Keys embed "T3BlbkFJ" (base64 of "OpenAI"); project/service keys carry their prefix.
    regex: /(?<![\w-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200})\b/g,
    group: 1,
    valid: (s) => s.includes("T3BlbkFJ") || /^sk-(proj|svcacct|admin)-/.test(s) && s.length >= 60 && /\d/.test(s)
  },
  {
    id: "google-api-key",
    description: "Google API key",
    keywords: /AIza/,
    regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    group: 1,
    filter: (secret) => publicClientKey(secret) ? "public-client-key" : void 0,
    minor: (secret, match, text) => {
      const near = linesAround(text, match.index);
      if (mapsBrowserKey(secret, near)) return "a Google Maps key, meant for web pages and restricted by HTTP referrer; make sure it is restricted, or it opens the project's other Google APIs";
      if (firebaseClientKey(secret, text, near + linesAfter(text, match.index))) return "a Firebase client configuration's key, built into every app the project ships (security rules guard the data, not the key); restrict it to the app's package or domain";
      return void 0;
    }
  },
  {
    id: "jwt",
    description: "JSON Web Token",
    keywords: /eyJ/,
    regex: /(?<![\w-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})/g,
    group: 1,
    valid: (s) => {
      const header = decodeJwtPart(s.split(".")[0]);
      return typeof header === "object" && header !== null && "alg" in header;
    },
    minor: (s, match, text) => jwtNotLive(decodeJwtPart(s.split(".")[1])) ?? signedWithPublicSecret(s) ?? (API_DOC_EXAMPLE.test(linesAround(text, match.index + match[0].indexOf(s))) ? "it is the `example:` of an API description (OpenAPI), a documentation sample" : void 0)
  },
  {
    id: "url-credentials",
    description: "password in a URL",
    keywords: /:\/\//,
    // Starts at `://` and looks behind for the scheme: starting at the scheme costs 30 steps per letter of the file.
    regex: /:\/\/(?<=\b[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:@/'"`<>{}$%]{0,100}):([^\s@/'"`<>]{1,200})@[A-Za-z0-9[._-]/gi,
    group: 2,
    valid: (password, match, text) => password.length >= 3 && !isPlaceholder(password) && !isReference(password) && !WEAK_URL_PASSWORDS.test(password) && password !== match[1] && !/^[$%{:]|[#$%]\{|\{\{|<%/.test(password) && // a template fills it: `${port}`, Ruby `#{port}`, `{{ .Password }}`, `<%= pw %>`
    !EXAMPLE_HOST.test(text.slice(match.index + match[0].length - 2, match.index + match[0].length + 120)),
    // `mongodb://off:off-wger@127.0.0.1`: the password of a service on the same machine, a local tool's default.
    minor: (_secret, match, text) => LOOPBACK_HOST.test(text.slice(match.index + match[0].length - 1, match.index + match[0].length + 20)) ? "the URL points at a service on the same machine (loopback)" : void 0
  }
];
var CHECKSUMMED_RULES = new Set(RULES.filter((r) => r.checksum).map((r) => r.id));
var GENERIC = /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|_keys?(?![a-z])|credentials?)[A-Za-z0-9_-]{0,64}["']?[ \t]{0,64}(?::[ \t]{0,8}&?(?:'static[ \t]+)?[\w.:<>[\]]{1,60}[ \t]{0,8}(?==))?(?::=|=>|=|:)[ \t]{0,64}(["'`]?)([^\s"'`;,)}\]]{16,200})\1/gi;
var KEY_CHAR = /[A-Za-z0-9_.-]/;
var IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+(\(\))?$/;
function genericFilter(value) {
  if (value.length < GENERIC_MIN_LENGTH || !/[A-Za-z]/.test(value) || !/\d/.test(value)) return "not-letters-and-digits";
  if (/[^\x21-\x7e]/.test(value)) return "text";
  if (IDENTIFIER_PATH.test(value)) return "identifier-path";
  if (/^(https?|file):\/\//i.test(value) || /^[./~]/.test(value)) return "url-or-path";
  if (value.includes("{{") || value.includes("(")) return "template-or-call";
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*/.test(value)) {
    const rest = value.replace(/\$\{[^}]*\}?/g, "");
    if (rest.length < GENERIC_MIN_LENGTH || genericFilter(rest) !== void 0) return "template-or-call";
  }
  if (isPlaceholder(value)) return "placeholder";
  if (isReference(value)) return "reference";
  if (isHashOrIdentifier(value)) return "hash-or-identifier";
  if (isSlug(value)) return "slug";
  if (isRuleList(value)) return "rule-list";
  if (isEscapedText(value)) return "escaped-text";
  if (/&[\w%.-]+=/.test(value)) return "url-or-path";
  if (isEncodedJson(value)) return "encoded-json";
  if (publicClientKey(value)) return "public-client-key";
  if (isCamelIdentifier(value)) return "identifier";
  if (isEncodedWords(value)) return "encoded-words";
  if (/^[A-Z0-9_]+$/.test(value) && value.includes("_")) return "constant-name";
  if (/password|passwd|secret|changeme|example|sample|dummy|placeholder|insecure|random|characters/i.test(value)) return "stopword";
  if (/^(sk|pk|rk)_test_/.test(value)) return "test-mode-key";
  return shannonEntropy(value) >= GENERIC_ENTROPY_THRESHOLD ? void 0 : "low-entropy";
}
function keyNameFilter(key) {
  if (/_id$|_file$|_path$|_url$|_name$|_type$|_length$|_expir|_ttl$/i.test(key)) return "key-names-no-secret";
  if (/tokeniz|[_.-]?model$/i.test(key)) return "key-names-no-secret";
  if (isPublicKeyName(key)) return "public-key-name";
  if (isDigestName(key)) return "digest-name";
  if (isIdentifierKeyName(key)) return "identifier-key-name";
  return void 0;
}
var SAYS_FAKE = /\b(fake|dummy|not (a )?real|randomly generated|made[- ]up|bogus|for testing only|not (actually |really )?a secret|not secret|(for )?demo purposes?|demo only|(intentionally|deliberately|purposely|on purpose)\W{1,3}(expos\w*|publish\w*|shar\w*|ship\w*|make (it|this) public))\b/i;
var COMMENT_LINE = /^\s*(#|\/\/|\/\*|\*|--|;|<!--)/;
var COMMENT_BLOCK_LINES = 12;
var FILE_SAYS_FAKE = /\b(fake|dummy|not (a )?real|test[- ]only|for tests? only|for testing only|made[- ]up|bogus)\b[^\n]{0,80}\b(keys?|credentials?|secrets?|tokens?|passwords?|values?)\b|\b(not|never) used in production\b/i;
var FAKE_NAME = /(^|[^a-z])(fake|dummy|mock|example|sample)/i;
function saysMadeUp(near) {
  return SAYS_FAKE.test(near);
}
var SAYS_READ_ONLY = /\/\/[^\n]*\bread[- ]?only\b|#[^\n]*\bread[- ]?only\b/i;
var CLIENT_KEY = /client_?(id|secret)|api_?key|access_?key|token/i;
function saysReadOnlyClient(key, near) {
  return CLIENT_KEY.test(key) && !/pass(word|wd)?|connection/i.test(key) && SAYS_READ_ONLY.test(near);
}
function declaredFake(text, starts, line, header) {
  const from = starts[Math.max(0, line - 3)];
  const to = line < starts.length ? starts[line] : text.length;
  const near = text.slice(from, Math.min(to, from + 3e3));
  if (SAYS_FAKE.test(near)) return true;
  for (let l = line - 3; l >= 1 && l > line - 3 - COMMENT_BLOCK_LINES; l--) {
    const comment = text.slice(starts[l - 1], Math.min(starts[l] ?? text.length, starts[l - 1] + 400));
    if (!COMMENT_LINE.test(comment)) break;
    if (SAYS_FAKE.test(comment)) return true;
  }
  const own = text.slice(starts[line - 1], Math.min(to, starts[line - 1] + 300));
  const name = /^\s*(?:(?:export|const|let|var|static|final|public|private|pub)\s+)*([A-Za-z_$][\w$]*)\s*(?::[^=]{0,40})?[=:]/.exec(own)?.[1];
  return name !== void 0 && FAKE_NAME.test(name) || header();
}
function headerSaysFake(text) {
  return FILE_SAYS_FAKE.test(text.slice(0, 1500));
}
function isTranslationCatalogue(path) {
  return /(^|\/)(lang|langs|languages|locales?|translations?|i18n|l10n)\//i.test(path) || /\.(po|pot|xlf|xliff|resx|strings|arb)$/i.test(path) || /(^|\/)messages_[a-z]{2}([_-][A-Za-z]{2})?\.properties$/.test(path);
}
var PREFILTER_SOURCES = [...RULES.map((r) => r.keywords.source), "secret|token|passw|pwd|[_-]key|apikey|accesskey|privatekey|authkey|credential"];
if (PREFILTER_SOURCES.some((source) => /\\[A-Z]/.test(source))) throw new Error("a secret rule keyword uses an upper-case escape; the prefilter lower-cases its sources");
var PREFILTER = new RegExp(PREFILTER_SOURCES.join("|").toLowerCase());
var PLACEHOLDER_ATTRIBUTE = /placeholder["']?\s*(?:=>?|:)\s*\{?\s*["'`][^"'`\n]{0,12}$/i;
function inPlaceholderAttribute(text, offset) {
  return PLACEHOLDER_ATTRIBUTE.test(text.slice(Math.max(0, offset - 60), offset));
}
function scanForSecrets(text, options) {
  if (!PREFILTER.test(text.toLowerCase())) return [];
  let starts;
  const lineAt = (offset) => lineOfOffset(starts ??= lineStartOffsets(text), offset);
  let header;
  const headerFake = () => header ??= headerSaysFake(text);
  const allowedLines = /* @__PURE__ */ new Map();
  const allowed = (offset) => {
    const line = lineAt(offset);
    let verdict = allowedLines.get(line);
    if (verdict === void 0) {
      const lineEnd = line < starts.length ? starts[line] - 1 : text.length;
      verdict = ALLOW_MARKER.test(text.slice(starts[line - 1], lineEnd));
      allowedLines.set(line, verdict);
    }
    return verdict;
  };
  const hits = [];
  const filtered = options.filtered;
  const setAside = (filter) => {
    if (filtered) filtered[filter] = (filtered[filter] ?? 0) + 1;
  };
  const specificLines = /* @__PURE__ */ new Set();
  const markMore = (rule) => {
    for (let i = hits.length - 1; i >= 0; i--) {
      if (hits[i].rule === rule) {
        hits[i].more = true;
        return;
      }
    }
  };
  for (const rule of RULES) {
    if (!rule.keywords.test(text)) continue;
    rule.regex.lastIndex = 0;
    let match2;
    let listed = 0;
    while ((match2 = rule.regex.exec(text)) !== null) {
      if (listed >= MAX_HITS_PER_RULE) {
        markMore(rule.id);
        break;
      }
      const secret = match2[rule.group ?? 0] ?? match2[0];
      if (rule.valid && !rule.valid(secret, match2, text)) continue;
      const ruleFilter = rule.filter?.(secret, match2, text) ?? (rule.checksum ? checksumFilter(secret) : void 0);
      if (ruleFilter) {
        setAside(ruleFilter);
        continue;
      }
      const offset = match2.index + Math.max(0, match2[0].indexOf(secret));
      if (isDocumentedExample(secret)) {
        setAside("documented-example");
        continue;
      }
      if (inPlaceholderAttribute(text, offset)) {
        setAside("form-placeholder");
        continue;
      }
      if (namedAsExample(text, offset)) {
        setAside("documented-example");
        continue;
      }
      if (allowed(offset)) {
        setAside("inline-allow-marker");
        continue;
      }
      const line = lineAt(offset);
      specificLines.add(line);
      const minor = rule.minor?.(secret, match2, text);
      const fake = declaredFake(text, starts, line, headerFake);
      hits.push({ rule: rule.id, description: rule.description, line, value: secret, ...minor ? { minor } : {}, ...fake ? { declaredFake: true } : {} });
      listed++;
    }
  }
  GENERIC.lastIndex = 0;
  let match;
  let genericListed = 0;
  while (!options.translations && (match = GENERIC.exec(text)) !== null) {
    const [whole, quote, value] = match;
    if (options.code && !quote) continue;
    let keyStart = match.index;
    while (keyStart > 0 && KEY_CHAR.test(text[keyStart - 1])) keyStart--;
    const key = text.slice(keyStart, match.index) + /^[A-Za-z0-9_-]*/.exec(whole)[0];
    const filter = keyNameFilter(key) ?? (isDocumentedExample(value) || TYPED_RUN.test(value) || EXAMPLE_KEY.test(key) ? "documented-example" : genericFilter(value));
    if (filter) {
      if (filter !== "not-letters-and-digits") setAside(filter);
      continue;
    }
    const offset = match.index + whole.lastIndexOf(value);
    const line = lineAt(offset);
    if (specificLines.has(line)) continue;
    if (inPlaceholderAttribute(text, offset)) {
      setAside("form-placeholder");
      continue;
    }
    if (allowed(offset)) {
      setAside("inline-allow-marker");
      continue;
    }
    if (genericListed >= MAX_HITS_PER_RULE) {
      markMore(GENERIC_RULE_ID);
      break;
    }
    const fake = declaredFake(text, starts ??= lineStartOffsets(text), line, headerFake);
    hits.push({ rule: GENERIC_RULE_ID, description: `high-entropy value for ${key}`, line, value, ...fake ? { declaredFake: true } : {} });
    genericListed++;
  }
  return hits.sort((a, b) => a.line - b.line);
}
var SKIPPED_NAMES = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|Cargo\.lock|composer\.lock|Gemfile\.lock|go\.sum|go\.work\.sum|packages\.lock\.json|gradle\.lockfile)$/;
var SKIPPED_EXTENSIONS = /\.(min\.js|min\.css|map|svg|lock|snap)$/i;
function isScannedForSecrets(path) {
  const name = baseName(path);
  return !SKIPPED_NAMES.test(name) && !SKIPPED_EXTENSIONS.test(name);
}

// src/checks/ops/backup-commands.ts
var BACKUP_COMMAND = /\b(pg_dump(all)?|pg_basebackup|pg_restore|pgbackrest|wal-g|wal-e|barman|mysqldump|mariadb-dump|mariabackup|xtrabackup|mydumper|myloader|mongodump|mongorestore|velero|restic|borg(backup)?|litestream|k8up|cnpg\s+backup|elasticsearch-snapshot|_snapshot)\b|(postgres|db|mysql|mongo)[-_]?backup/i;
var RESTORE_COMMAND = /\b(pg_restore|mongorestore|myloader|restore)\b|psql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql|mysql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql/i;
var BACKUP_PATH = /(^|\/)(backups?|restore)\/|(^|\/)[^/]*(backup|restore)[^/]*\.(sh|bash|ps1|md|rst|txt|adoc|ya?ml|sql|py)$/i;
var MENTIONS_BACKUP_TOOL = /pg_|backup|backrest|wal-[ge]|barman|mysqldump|mariadb-dump|mydumper|mongodump|myloader|mongorestore|velero|restic|borg|litestream|k8up|snapshot/i;
var SEARCHED_TEXT = /\.(md|rst|txt|adoc|sh|bash|ya?ml|toml|json|py|js|ts|rb|go)$|(^|\/)(Makefile|Justfile|Taskfile|Procfile|Dockerfile[^/]*)$/;
function isSearchedForBackups(path, size) {
  return SEARCHED_TEXT.test(path) && size <= 512 * 1024;
}
function backupCommands(text, path) {
  const b = MENTIONS_BACKUP_TOOL.test(text) ? BACKUP_COMMAND.exec(text) : null;
  const r = b || BACKUP_PATH.test(path) ? RESTORE_COMMAND.exec(text) : null;
  if (!b && !r) return {};
  const starts = lineStartOffsets(text);
  return { ...b ? { backup: lineOfOffset(starts, b.index) } : {}, ...r ? { restore: lineOfOffset(starts, r.index) } : {} };
}

// src/checks/ops/project.ts
var NON_PRODUCT_PATH = /(^|\/)(__tests__|tests?|testing|spec|fixtures?|testdata|test_data|examples?|samples?|docs?)\//i;
var REQUIREMENTS_FILE = /(^|\/)(requirements[^/]*|requirements\/[^/]+)\.txt$/;
var MANIFEST = /(^|\/)(package\.json|pyproject\.toml|requirements[^/]*\.txt|requirements\/[^/]+\.txt|setup\.py|Pipfile|go\.mod|Cargo\.toml|Gemfile|pom\.xml|build\.gradle(\.kts)?|composer\.json|[^/]+\.csproj)$/;
var CI_FILE = /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab-ci\/.+\.ya?ml|\.circleci\/config\.ya?ml|(.*\/)?Jenkinsfile[^/]*|azure-pipelines\.ya?ml|\.azure-pipelines\/.+\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.buildkite\/.+\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/.+\.ya?ml|appveyor\.ya?ml|(.*\/)?cloudbuild[\w.-]*\.ya?ml|(.*\/)?cloudbuild\/[^/]+\.ya?ml|buildspec\.ya?ml|\.tekton\/.+\.ya?ml)$/;
function ciFiles(files) {
  return files.files.map((f) => f.path).filter((p) => CI_FILE.test(p));
}
async function ciStrings(ctx, path) {
  if (!/\.ya?ml$/.test(path)) {
    const text = await ctx.files.read(path);
    if (text === void 0) return [];
    return text.split("\n").map((line, i) => ({ path, line: i + 1, text: line.replace(/\/\/.*$/, "") }));
  }
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return [];
  const out = [];
  const visit = (node, key) => {
    if ((0, import_yaml.isMap)(node)) for (const pair of node.items) {
      const name = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : void 0;
      if ((0, import_yaml.isScalar)(pair.key)) out.push({ path, line: yaml.lineOf(pair.key), text: String(pair.key.value), key: "(key)" });
      visit(pair.value, name);
    }
    else if ((0, import_yaml.isSeq)(node)) for (const item of node.items) visit(item, key);
    else if ((0, import_yaml.isScalar)(node) && node.value !== null && node.value !== void 0) {
      const text = String(node.value);
      const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" ? 1 : 0;
      const first = yaml.lineOf(node) + block;
      text.split("\n").forEach((line, i) => out.push({ path, line: first + i, text: line, ...key === void 0 ? {} : { key } }));
    }
  };
  for (const doc of yaml.documents) visit(doc.contents, void 0);
  return out;
}
var TEST_COMMAND = /\b(npm|pnpm|yarn|bun)\s+((-r|--recursive|-ws|--workspaces|(-w|--workspace|--filter|-F|--prefix|-C|--dir)(=|\s+)\S+|workspace\s+\S+|workspaces\s+foreach(\s+-[\w-]+)*)\s+)*(run\s+)?(test|tests|test:[\w:-]+|ci:test|e2e)\b|\bturbo\s+(run\s+)?test\b|\bnx\s+(test\b|(affected|run-many)\b[^\n]*(-t|--targets?)(=|\s+)[\w,]*\btest\b)|\bphp\s+artisan\s+test\b|(^|[\s/])pest(\s|$)|\bhatch\s+(run\s+)?test\b|\b(just|task|invoke|inv)\s+(test|tests|unittests?|unit[-_]tests?)\b|\b(npx|bunx|pnpx|pnpm\s+(exec|dlx)|yarn(\s+dlx)?|bun\s+x)\s+(jest|vitest|mocha|ava|playwright\s+test|cypress\s+run)\b|(^|[\s;&|])(jest|vitest|mocha|ava)(\s|$)|\bpytest\b|\bpython[\d.]*\s+-m\s+(pytest|unittest)\b|manage\.py\s+test\b|(^|[\s;&|])(tox|nox)(\s|$)|\bgo\s+test\b|\bcargo(\s+\+\S+)?\s+(test|nextest|llvm-cov)\b|\bmvnw?\b[^\n]*\b(test|verify|install)\b|\bgradlew?\b[^\n]*\b(test|check|build)\b|(\b|[_/-])rspec\b|\brake\b(\s+-[-\w]+)*\s+(test|spec|ci|cucumber|jasmine)\b|\brails\s+([\w:-]+\s+){0,6}(test|spec)(:[\w:-]+)?(\s|$)|\bmake\b(\s+(-[-\w]+|\w+=\S*))*\s+([\w.:-]*[_.:-])?(unit|integration|e2e|all)?(test|tests|check)\b|\bcrystal\s+spec\b|(^|[\s/])sbt\b[^\n]*\s(test|testOnly|it:test)\b|\bgulp\s+(test|tests|coverage)\b|(^|[\s/])[\w.-]+\.(sh|ps1|cmd)\s+(-\S+\s+)*[A-Za-z]*(Tests?|test)\b|\bcypress\/included\b|\bdotnet\s+test\b|\bphpunit\b|\bcomposer\s+(run(-script)?\s+)?test\b|\bmix\s+(test|check|coveralls(\.\w+)?)\b|\bdeno\s+test\b|\bctest\b|\bflutter\s+test\b|\bskaffold\s+test\b|\.github\/workflows\/[\w.-]*test[\w.-]*\.ya?ml/;

// src/checks/ops/logging-apis.ts
var NOT_APP = /(^|\/)(tests?|__tests__|spec|docs|examples?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$/;
function isLoggingCandidate(path) {
  return loggingFileKind(path) !== void 0 && !NOT_APP.test(path) && !NON_PRODUCT_PATH.test(path);
}
function loggingFileKind(path) {
  if (path.endsWith(".py")) return "python";
  if (/\.[cm]?[jt]sx?$/.test(path) && !path.endsWith(".d.ts")) return "js";
  if (/\.(ya?ml|ini|conf|cfg|json|toml)$/.test(path) && /log/i.test(path)) return "config";
  return void 0;
}
var MENTIONS_FILE_LOGGING = /FileHandler|basicConfig|transports\.File|destination|createWriteStream/;

// src/checks/python/frameworks.ts
var MENTIONS_WEB_FRAMEWORK = /\b(flask|fastapi|starlette|quart)\b/i;
var NOT_APP2 = /(^|\/)(tests?|migrations|docs|examples?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;
function isWebAppCandidate(path) {
  return path.endsWith(".py") && !NOT_APP2.test(path) && !NON_PRODUCT_PATH.test(path);
}

// src/parse/fallbacks.ts
var MAX_LINE = 2e3;
var NAME = "([A-Za-z_][A-Za-z0-9_]*)";
var PY_STRING = `(?<![fF])(["'])([^"'\\\\\\n]{0,200})`;
var PY_POSITIONAL = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|os\\.environ\\.setdefault|getenv|env\\.str|config)\\(\\s*(["'])${NAME}\\2\\s*,\\s*${PY_STRING}\\4\\s*[,)]`, "g");
var PY_KEYWORD = new RegExp(`\\b(env(?:\\.str)?|config|os\\.getenv|os\\.environ\\.get)\\(\\s*(["'])${NAME}\\2\\s*,[^()\\n]{0,200}?\\bdefault\\s*=\\s*${PY_STRING}\\4\\s*[,)]`, "g");
var PY_OR = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|getenv)\\(\\s*(["'])${NAME}\\2\\s*\\)\\s+or\\s+${PY_STRING}\\4`, "g");
var JS_READ = `(?:process\\.env|import\\.meta\\.env)(?:\\.${NAME}|\\[\\s*(["'\`])${NAME}\\2\\s*\\])`;
var JS_FALLBACK = new RegExp(`\\b${JS_READ}\\s*(\\|\\||\\?\\?)\\s*(["'\`])([^"'\`\\\\\\n$]{0,200})\\5`, "g");
var JS_FALLBACK_CONSTANT = new RegExp(`\\b${JS_READ}\\s*(\\|\\||\\?\\?)\\s*([A-Za-z_$][\\w$]{0,80})(?![\\w$]|\\s*[.([])`, "g");
var JS_CONSTANT = /^[ \t]{0,8}(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]{0,80})[ \t]*(?::[ \t]*[\w$.<>[\]| ]{1,60})?=[ \t]*\n?[ \t]{0,16}(["'`])([^"'`\\\n$]{0,200})\2/gm;
var PY_CONSTANT = /^([A-Za-z_][A-Za-z0-9_]{0,80})[ \t]*(?::[ \t]*[\w.[\]| ]{1,60})?=[ \t]*(?<![fF])(["'])([^"'\\\n]{0,200})\2[ \t]*(?:#.*)?$/gm;
var PY_IDENT = "([A-Za-z_][A-Za-z0-9_]{0,80})(?![\\w.(\\[])";
var PY_POSITIONAL_CONSTANT = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|os\\.environ\\.setdefault|getenv|env\\.str|config)\\(\\s*(["'])${NAME}\\2\\s*,\\s*${PY_IDENT}\\s*[,)]`, "g");
var PY_KEYWORD_CONSTANT = new RegExp(`\\b(env(?:\\.str)?|config|os\\.getenv|os\\.environ\\.get)\\(\\s*(["'])${NAME}\\2\\s*,[^()\\n]{0,200}?\\bdefault\\s*=\\s*${PY_IDENT}\\s*[,)]`, "g");
var PY_OR_CONSTANT = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|getenv)\\(\\s*(["'])${NAME}\\2\\s*\\)\\s+or\\s+${PY_IDENT}`, "g");
var EX_STRING = '"((?:[^"\\\\\\n#]|#(?!\\{)){0,200})"';
var EX_GET_ENV = new RegExp(`\\bSystem\\.get_env\\(\\s*"${NAME}"\\s*,\\s*${EX_STRING}\\s*\\)`, "g");
var EX_OR = new RegExp(`\\bSystem\\.get_env\\(\\s*"${NAME}"\\s*\\)\\s*(?:\\|\\||\\bor\\b)\\s*${EX_STRING}`, "g");
function isElixirCode(path) {
  return /\.exs?$/.test(path) && !/(^|\/)config\/[^/]+\.exs$/.test(path);
}
function elixirFallbacks(text) {
  if (!text.includes("System.get_env")) return [];
  const out = [];
  forEachLogicalLine(text, "#", (line, lineNo) => {
    if (!line.includes("System.get_env")) return;
    for (const [regex, form] of [[EX_GET_ENV, 'System.get_env("%s", \u2026)'], [EX_OR, 'System.get_env("%s") || \u2026']]) {
      regex.lastIndex = 0;
      let m;
      while ((m = regex.exec(line)) !== null) out.push({ name: m[1], value: m[2], line: lineNo, form: form.replace("%s", m[1]) });
    }
  });
  return dedupe(out);
}
function pythonFallbacks(text) {
  if (!/getenv|environ|env|config/.test(text)) return [];
  const out = [];
  let constants;
  forEachLogicalLine(text, "#", (line, lineNo) => {
    for (const [regex, form] of [
      [PY_POSITIONAL, (fn, name) => `${fn}("${name}", \u2026)`],
      [PY_KEYWORD, (fn, name) => `${fn}("${name}", default=\u2026)`],
      [PY_OR, (fn, name) => `${fn}("${name}") or \u2026`]
    ]) {
      regex.lastIndex = 0;
      let m;
      while ((m = regex.exec(line)) !== null) {
        if (regex === PY_POSITIONAL && m[1] === "env") continue;
        out.push({ name: m[3], value: m[5], line: lineNo, form: form(m[1], m[3]) });
      }
    }
    for (const [regex, form] of [
      [PY_POSITIONAL_CONSTANT, (fn, name, constant) => `${fn}("${name}", ${constant})`],
      [PY_KEYWORD_CONSTANT, (fn, name, constant) => `${fn}("${name}", default=${constant})`],
      [PY_OR_CONSTANT, (fn, name, constant) => `${fn}("${name}") or ${constant}`]
    ]) {
      regex.lastIndex = 0;
      let m;
      while ((m = regex.exec(line)) !== null) {
        if (regex === PY_POSITIONAL_CONSTANT && m[1] === "env") continue;
        constants ??= moduleConstants(text, PY_CONSTANT);
        const constant = constants.get(m[4]);
        if (constant) out.push({ name: m[3], value: constant.value, line: lineNo, form: `${form(m[1], m[3], m[4])} (the constant at line ${constant.line})` });
      }
    }
  });
  return dedupe(out);
}
function jsFallbacks(text) {
  if (!text.includes(".env")) return [];
  const out = [];
  let constants;
  forEachLogicalLine(text, "//", (line, lineNo) => {
    if (!line.includes(".env")) return;
    JS_FALLBACK.lastIndex = 0;
    let m;
    while ((m = JS_FALLBACK.exec(line)) !== null) {
      const name = m[1] ?? m[3];
      out.push({ name, value: m[6], line: lineNo, form: `process.env.${name} ${m[4]} \u2026` });
    }
    JS_FALLBACK_CONSTANT.lastIndex = 0;
    while ((m = JS_FALLBACK_CONSTANT.exec(line)) !== null) {
      const name = m[1] ?? m[3];
      constants ??= moduleConstants(text, JS_CONSTANT);
      const constant = constants.get(m[5]);
      if (constant) out.push({ name, value: constant.value, line: lineNo, form: `process.env.${name} ${m[4]} ${m[5]} (the constant at line ${constant.line})` });
    }
  });
  return dedupe(out);
}
function moduleConstants(text, regex) {
  const found = /* @__PURE__ */ new Map();
  let starts;
  for (const m of text.matchAll(regex)) {
    const name = m[1];
    found.set(name, found.has(name) ? null : { value: m[3], line: lineOfOffset(starts ??= lineStartOffsets(text), m.index) });
  }
  const out = /* @__PURE__ */ new Map();
  for (const [name, constant] of found) if (constant) out.set(name, constant);
  return out;
}
function forEachLogicalLine(text, comment, visit) {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
    const trimmed = line.trimStart();
    if (trimmed.startsWith(comment) || trimmed.startsWith("*") || trimmed.startsWith("/*")) continue;
    for (let n = 1; n <= 3 && i + n < lines.length && openParens(line) > 0; n++) line += ` ${lines[i + n].slice(0, MAX_LINE).trim()}`;
    visit(line, i + 1);
  }
}
function openParens(line) {
  let depth = 0;
  for (const c of line) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  return depth;
}
function dedupe(list) {
  const last = /* @__PURE__ */ new Map();
  return list.sort((a, b) => a.line - b.line).filter((f) => {
    const key = `${f.name}\0${f.value}`;
    const previous = last.get(key);
    if (previous !== void 0 && f.line - previous <= 3 && f.line !== previous) return false;
    if (previous !== void 0 && f.line === previous) return false;
    last.set(key, f.line);
    return true;
  });
}

// src/parse/env-usage.ts
var NAME2 = "([A-Za-z_][A-Za-z0-9_]*)";
var Q = `["'\`]`;
var defaultKeyword = (after) => /^[^)]*\bdefault\s*=/.test(after);
var secondArgument = (after) => /^\s*,\s*(?![A-Za-z_]\w*\s*=[^=])(?!\))\S/.test(after) || defaultKeyword(after);
var jsFallback = (after) => /^\s*(\?\?|\|\|)/.test(after);
var tsNonNull = (after) => /^!(?!=)/.test(after);
var VITE_BUILTINS = /* @__PURE__ */ new Set(["MODE", "BASE_URL", "PROD", "DEV", "SSR"]);
var PATTERNS = {
  js: [
    { regex: new RegExp(`\\bprocess\\.env\\.${NAME2}\\b`, "g"), defaultAfter: jsFallback, assertedAfter: tsNonNull },
    { regex: new RegExp(`\\bprocess\\.env\\[\\s*${Q}${NAME2}${Q}\\s*\\]`, "g"), defaultAfter: jsFallback, assertedAfter: tsNonNull },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\.${NAME2}\\b`, "g"), defaultAfter: jsFallback, assertedAfter: tsNonNull, builtins: VITE_BUILTINS },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\[\\s*${Q}${NAME2}${Q}\\s*\\]`, "g"), defaultAfter: jsFallback, assertedAfter: tsNonNull, builtins: VITE_BUILTINS }
  ],
  python: [
    // KeyError when unset.
    { regex: new RegExp(`\\bos\\.environ\\[\\s*${Q}${NAME2}${Q}\\s*\\]`, "g"), defaultAfter: () => false, raisesWhenUnset: true },
    { regex: new RegExp(`\\bos\\.(?:environ\\.get|getenv)\\(\\s*${Q}${NAME2}${Q}`, "g"), defaultAfter: secondArgument }
  ],
  ruby: [
    { regex: new RegExp(`\\bENV\\[\\s*${Q}${NAME2}${Q}\\s*\\]`, "g"), defaultAfter: (after) => /^\s*(\|\||or\b)/.test(after) },
    // KeyError when unset and neither a default nor a block is given.
    { regex: new RegExp(`\\bENV\\.fetch\\(\\s*${Q}${NAME2}${Q}`, "g"), defaultAfter: (after) => secondArgument(after) || /^\s*\)\s*(\{|do\b)/.test(after), raisesWhenUnset: true }
  ],
  java: [{ regex: new RegExp(`\\bSystem\\.getenv\\(\\s*"${NAME2}"\\s*\\)`, "g"), defaultAfter: () => false }],
  go: [{ regex: new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME2}"\\s*\\)`, "g"), defaultAfter: () => false }],
  php: [
    { regex: new RegExp(`\\bgetenv\\(\\s*${Q}${NAME2}${Q}\\s*\\)`, "g"), defaultAfter: (after) => /^\s*(\?:|\?\?)/.test(after) },
    { regex: new RegExp(`\\$_(?:ENV|SERVER)\\[\\s*${Q}${NAME2}${Q}\\s*\\]`, "g"), defaultAfter: (after) => /^\s*\?\?/.test(after) }
  ]
};
var DJANGO_ENVIRON = new RegExp(`\\benv(?:\\.(?:str|bool|int|float|list|tuple|dict|url|db|db_url|cache|cache_url|email|email_url|search_url|json|path|decimal|bytes))?\\(\\s*${Q}${NAME2}${Q}`, "g");
var DECOUPLE = new RegExp(`\\bconfig\\(\\s*${Q}${NAME2}${Q}`, "g");
var MENTIONS_ENV = /env|getenv|ENV|config\(/;
function findEnvUsages(text, language) {
  if (!MENTIONS_ENV.test(text)) return [];
  const patterns = [...PATTERNS[language]];
  if (language === "python") {
    if (/^\s*(import environ\b|from environ import)/m.test(text)) {
      const schemeDefault = (name) => new RegExp(`\\b${name}\\s*=\\s*\\(\\s*[\\w.]+\\s*,`).test(text);
      patterns.push({ regex: DJANGO_ENVIRON, defaultAfter: (after, match) => secondArgument(after) || schemeDefault(match[1]), raisesWhenUnset: true });
    }
    if (/^\s*from decouple import\b/m.test(text)) patterns.push({ regex: DECOUPLE, defaultAfter: defaultKeyword, raisesWhenUnset: true });
  }
  const usages = collect(text, patterns);
  if (language === "js") {
    usages.push(...destructuredReads(text));
    usages.sort((a, b) => a.line - b.line);
  }
  return usages;
}
var DESTRUCTURING = /\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b(?!\s*[.[])/g;
function destructuredReads(text) {
  if (!text.includes("} = process.env") && !/\}\s*=\s*(process|import\.meta)\.env\b/.test(text)) return [];
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out = [];
  DESTRUCTURING.lastIndex = 0;
  let match;
  while ((match = DESTRUCTURING.exec(text)) !== null) {
    const lineStart = starts[lineOfOffset(starts, match.index) - 1];
    if (isCommentOrString(text, Math.max(lineStart, match.index - LINE_WINDOW), match.index, marks)) continue;
    const bodyOffset = match.index + match[0].indexOf("{") + 1;
    let offset = bodyOffset;
    for (const part of match[1].split(",")) {
      const property = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[A-Za-z_$][\w$]*\s*)?(=)?/.exec(part);
      if (property) out.push({ name: property[2], line: lineOfOffset(starts, offset + property[1].length), hasDefault: property[3] !== void 0, required: false });
      offset += part.length + 1;
    }
  }
  return out;
}
var COMPOSE_VARIABLE = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?=[}:?+-])(:?[-?+])?|([A-Za-z_][A-Za-z0-9_]*))/g;
function findComposeVariables(text) {
  if (!text.includes("$")) return [];
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  let match;
  COMPOSE_VARIABLE.lastIndex = 0;
  while ((match = COMPOSE_VARIABLE.exec(text)) !== null) {
    if (match[1] === "$") continue;
    const key = `${match[2] ?? match[4]}\0${match[3] ?? ""}`;
    if (seen.has(key)) continue;
    const line = lineOfOffset(starts, match.index);
    if (marks.hasHashComment(Math.max(starts[line - 1], match.index - LINE_WINDOW), match.index)) continue;
    seen.add(key);
    const name = match[2] ?? match[4];
    const operator = match[3];
    out.push({ name, line, hasDefault: operator === "-" || operator === ":-" || operator === "+" || operator === ":+", required: operator === "?" || operator === ":?" });
  }
  return out;
}
var LINE_WINDOW = 2e3;
function collect(text, patterns) {
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out = [];
  for (const { regex, defaultAfter, builtins, raisesWhenUnset, assertedAfter } of patterns) {
    regex.lastIndex = 0;
    let match;
    while ((match = regex.exec(text)) !== null) {
      if (builtins?.has(match[1])) continue;
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 240);
      if (isDynamicName(match[1], match[0], after) || isWrite(after)) continue;
      const line = lineOfOffset(starts, match.index);
      const before = text.slice(Math.max(starts[line - 1], match.index - LINE_WINDOW), match.index);
      if (isCommentOrString(text, Math.max(starts[line - 1], match.index - LINE_WINDOW), match.index, marks)) continue;
      const hasDefault = defaultAfter(after, match);
      const name = match[1];
      let required = !hasDefault && (raisesWhenUnset === true && !guardedByPresenceTest(text, starts, line, name) || assertedAfter?.(after) === true);
      if (!required && !hasDefault) required = failsWhenUnset(text, starts, line, name, before, after);
      out.push({ name, line, hasDefault, required });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
function isDynamicName(name, match, after) {
  if (name.endsWith("_") || /^[$`{]/.test(after)) return true;
  return /["'`]$/.test(match) && /^\s*\+/.test(after);
}
function isWrite(after) {
  return /^\s*(=(?!=)|\+=)/.test(after);
}
var GUARD_LINES = 3;
function linesAround2(text, starts, from, to) {
  const out = [];
  for (let line = Math.max(1, from); line <= Math.min(starts.length, to); line++) {
    const end = line < starts.length ? starts[line] - 1 : text.length;
    out.push(text.slice(starts[line - 1], Math.min(end, starts[line - 1] + LINE_WINDOW)));
  }
  return out;
}
function guardedByPresenceTest(text, starts, line, name) {
  const quoted = `["']${name}["']`;
  const test = new RegExp(`(?<!not\\s)${quoted}\\s+in\\s+os\\.environ\\b|\\bif\\b[^\\n]*\\bos\\.(environ\\.get|getenv)\\(\\s*${quoted}|(?<!!\\s*)\\bENV\\.(key|has_key|include|member)\\?\\(?\\s*${quoted}`);
  if (linesAround2(text, starts, line - GUARD_LINES, line).some((l) => test.test(l))) return true;
  return linesAround2(text, starts, line + 1, line + 2).some((l) => /^\s*\)?\s*if\b/.test(l) && test.test(l));
}
var STATEMENT_TAIL = 120;
var FAILS = /\b(raise|throw|sys\.exit|process\.exit|panic|log\.Fatal\w*|os\.Exit)\b/;
function failsWhenUnset(text, starts, line, name, before, after) {
  const following = [after.split("\n", 1)[0], ...linesAround2(text, starts, line + 1, line + GUARD_LINES)];
  if (!following.some((l) => FAILS.test(l))) return false;
  const failsWithin = (from) => following.slice(from, from + 2).some((l) => FAILS.test(l));
  const tail = before.slice(-STATEMENT_TAIL);
  if (/\bif\s*\(?\s*(!|\bnot\s+)\s*$/.test(tail)) return failsWithin(0);
  const assigned = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>|[\] ]{1,40})?=\s*$/.exec(tail)?.[1];
  const subjects = [name, ...assigned ? [assigned] : []].map((s) => s.replace(/\$/g, "\\$")).join("|");
  const unsetTest = new RegExp(`\\bif\\b[^\\n]*((!|\\bnot\\s+)\\s*\\(?\\s*(${subjects})\\b|\\b(${subjects})\\s*(is\\s+None|==\\s*None|===?\\s*(undefined|null|''|""))|["']${name}["']\\s+not\\s+in\\s+os\\.environ)`);
  for (let i = 1; i < following.length; i++) if (unsetTest.test(following[i])) return failsWithin(i);
  return false;
}
function isCommentOrString(text, from, to, marks) {
  const before = text.slice(from, to);
  if (/^\s*(\*|\/\*|#)/.test(before) || before.startsWith("//") || marks.hasComment(from, to)) return true;
  for (const quote of ["'", '"', "`"]) {
    const count = marks.quotes(quote, from, to);
    if (count % 2 === 1) {
      const sinceQuote = before.slice(before.lastIndexOf(quote) + 1);
      const open = sinceQuote.lastIndexOf("${");
      if (quote === "`" && open >= 0 && !sinceQuote.slice(open).includes("}")) continue;
      return true;
    }
  }
  return false;
}
var LineMarks = class {
  constructor(text) {
    this.text = text;
  }
  text;
  quoteOffsets = /* @__PURE__ */ new Map();
  commentOffsets;
  /** Unescaped `quote`s in [from, to). */
  quotes(quote, from, to) {
    let list = this.quoteOffsets.get(quote);
    if (!list) {
      list = [];
      for (let i = this.text.indexOf(quote); i !== -1; i = this.text.indexOf(quote, i + 1)) if (this.text[i - 1] !== "\\") list.push(i);
      this.quoteOffsets.set(quote, list);
    }
    const escapedAtStart = from > 0 && from < to && this.text[from] === quote && this.text[from - 1] === "\\" ? 1 : 0;
    return lowerBound(list, to) - lowerBound(list, from) + escapedAtStart;
  }
  /** [from, to) holds whitespace then `//`, or whitespace, `#`, whitespace (all three characters inside). */
  hasComment(from, to) {
    if (!this.commentOffsets) {
      const offsets = (re) => [...this.text.matchAll(re)].map((m) => m.index);
      this.commentOffsets = { slashes: offsets(/\s(?=\/\/)/g), hashes: offsets(/\s(?=#\s)/g), anyHash: offsets(/\s(?=#)/g) };
    }
    const { slashes, hashes } = this.commentOffsets;
    return this.within(slashes, from, to, 3) || this.within(hashes, from, to, 3);
  }
  /** [from, to) starts with `#` or holds whitespace then `#` (a YAML comment). */
  hasHashComment(from, to) {
    if (from < to && this.text[from] === "#") return true;
    this.hasComment(from, from);
    return this.within(this.commentOffsets.anyHash, from, to, 2);
  }
  /** Some offset of `list` at or after `from` whose `length` characters end by `to`. */
  within(list, from, to, length) {
    const at = list[lowerBound(list, from)];
    return at !== void 0 && at + length <= to;
  }
};
function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/checks/secrets/seeded-accounts.ts
var SEED_DATA = /\.(sql|json|ya?ml|csv)$/i;
var EXTRA_SOURCE = /\.cs$/i;
var MAY_HOLD_PASSWORD = /pass|\$2[abxy]?\$|pbkdf2|\$argon2|(?:user|account|owner|admin)\s*\(|CreateAsync/i;
var MAX_PER_FILE = 5;
var MAX_CANDIDATES = 500;
var RECORD_REACH = 2e3;
var BEFORE_REACH = 800;
var HASH_TOKEN = /\bAQAAAA[A-Za-z0-9+/]{76}==|\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}|pbkdf2_sha(?:1|256|512)\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/=]+|\$argon2(?:id|i|d)\$[A-Za-z0-9=,$+/]{20,200}|\$[56]\$[./A-Za-z0-9$]{20,200}|(?:pbkdf2|scrypt):[a-z0-9]+(?::\d+)*\$[A-Za-z0-9$./+=]{10,200}/g;
var HASHED_LITERAL = /\b(?:bcrypt|Hash::make|password_hash|make_password|set_password|setPassword|generate_password_hash|hashpw|bcrypt(?:js)?\.hash(?:Sync)?|argon2\.hash|(?:password|passwd)?[Ee]ncoder\.encode|hash_?[Pp]assword|HashPassword)\s*\(\s*b?(["'`])([^"'`\n\\]{1,200})\1/g;
var PASSWORD_VALUE = /\b([A-Za-z_]*(?:pass(?:word|wd)?|Pass(?:word|wd)?|PASS(?:WORD|WD)?))["']?\s*(?:=>|:=|=|:)\s*b?(["'`])([^"'`\n\\]{1,200})\2/g;
var GO_TAG_DEFAULT = /\b(\w*(?:Pass(?:word|wd)?|PASSWORD))\s+string\s+`[^`\n]{0,300}?\bdefault:"([^"\n\\]{1,200})"/g;
var ACCOUNT_CALL = /\b((?:create|add|ensure|seed|make|register|insert|new)_?[A-Za-z_]{0,30}?(?:user|admin|account|owner|superuser)(?![A-Za-z_]{0,20}?(?:To|From|In|Group|Role|Team|Member|Permission|Right)s?\b)[A-Za-z_]{0,20}|CreateAsync)\s*\(([^()\n]{0,300})\)/gi;
var DEFINITION_BEFORE = /\b(def|function|func|fn|sub)\s+$|\bpublic\s+(static\s+)?[\w<>]+\s+$/;
var VALUES_INSERT = /\binsert\s+into\s+([\w."`[\]]+)\s*(?:\(([^()]{1,1000})\)\s*)?values\s*\(/gi;
var STRING_LITERAL = /b?(["'`])([^"'`\n\\]{0,200})\1/g;
var VALUE_LITERAL = /b?(["'`])([^"'`\n\\]{0,200})\1(?!\s*(?:=>|:(?!:)))/g;
var ADMIN_WORD = /(?<![a-z])(admin(?:istrator)?|root|owner|super_?user|super_?admin|sys_?admin)(?![a-z])/i;
var ADMIN_FLAG = /\b(?:is_?)?(?:super_?user|admin|superadmin|owner)["'`]?\s*(?:=>|:=|=|:)\s*(?:true|True|TRUE|1)\b/i;
var FIRST_ACCOUNT = /\b(?:user|account|owner)s?_?count\s*(?:===?|<)\s*[01]\b|!\s*(?:await\s+)?[\w.]*(?:user|account|owner)s?\w*\.(?:Any|any|exists|length)\b|\b(?:not|!)\s*[\w.]*(?:User|Account)\w*\.objects\.exists\(\)|(?:user|account|owner)s?\w*(?:\.\w+)*\.(?:length|size\(\)|count\(\)|Count\(\))\s*===?\s*0|(?:user|account|owner)s?\w*(?:\.\w+)*\.isEmpty\(\)|len\([\w.]*(?:user|account)s?(?!name|_name|email|pass|id\b)\w*\)\s*==\s*0|no (?:users?|accounts?|admins?) (?:exists?|yet)\b/i;
var FIRST_REACH = 300;
var BARE_ZERO_COUNT = /\bcount\b[^\n]{0,20}?(?:===?|<=?)\s*0\b/i;
var ACCOUNT_WORD = /user|account|owner|admin/i;
var FORCED_CHANGE = /(?:must|force[sd]?|requires?|needs?)_?(?:to_?)?(?:change|reset|update)_?(?:the_?)?pass(?:word)?|pass(?:word)?_?(?:change|reset|update)_?(?:required|needed|pending|on_?(?:next_?|first_?)?login)|change_?pass(?:word)?_?(?:required|on_?(?:next_?|first_?)?login)/i;
var TRUE_VALUE = /^\s*(?:["'`]?\s*(?:=>|:=|=|:)\s*)?["'`]?(?:true|t|1|yes)["'`]?\s*$/i;
var NAME_VALUE = /\b["']?((?:user_?name|UserName|login|email|Email|name|Name|[A-Za-z]*User(?:name)?|[a-z_]*user(?:name)?))["']?\s*(?:=>|:=|=|:)\s*(["'`])([^"'`\n\\]{1,100})\2/g;
var CONNECTION_KEY = /\b["']?(?:host(?:name)?|port|addr(?:ess)?|database|db_?name|dsn|datasource|data_source|server|endpoint|url)["']?\s*(?:=>|:=|=|:)/i;
var NAME_COLUMN = /^(?:[a-z]+_)?(?:user_?name|login(?:_?name)?|email|user|account|nick_?name|mail)$|^name$/i;
var ADMIN_TABLE = /(^|[._])(\w+_)?(admin|administrator|sys_?admin)s?(_(users?|accounts?))?$/i;
var ROLE_COLUMN = /role|authorit|group|type|level|rank/i;
var FLAG_COLUMN = /^(?:is_?)?(?:super_?user|admin|superadmin|owner)$/i;
var ACCOUNT_CODE_PATH = /seed|migrat|fixture|init|setup|install|bootstrap|provision|admin|user|account|owner|member|auth|identity|config|default|database|(^|\/)db\/|data|startup|program\.cs|main\.|server\.|app\.|(^|\/)cmd\/|command|task|manage|const/i;
function mayHoldSeed(path) {
  if (isTranslationCatalogue(path)) return false;
  if (/(\.Designer|ModelSnapshot)\.cs$/.test(path)) return false;
  if (SEED_DATA.test(path)) return true;
  return (sourceLanguage(path) !== void 0 || EXTRA_SOURCE.test(path)) && ACCOUNT_CODE_PATH.test(path);
}
function seededAccounts(path, text) {
  const lines = lineStartOffsets(text);
  const csv = /\.csv$/i.test(path);
  const out = [];
  const seenLines = /* @__PURE__ */ new Set();
  let judgedCount = 0;
  for (const candidate of candidates(text)) {
    if (out.length >= MAX_PER_FILE || ++judgedCount > MAX_CANDIDATES) break;
    const line = lineOfOffset(lines, candidate.at);
    if (seenLines.has(line)) continue;
    const kind = classifySecretValue(candidate.value);
    if (kind === "reference" || kind === "placeholder" || kind === "absent") continue;
    if (/^[!*]/.test(candidate.value)) continue;
    if (isLocationValue(candidate.value) || isMessageKey(candidate.value) || isInterfaceText(candidate.value)) continue;
    if (isCommentLine(text, lines, line)) continue;
    const judged = csv ? judgeCsvRow(text, lines, line, candidate) : judgeRecord(text, candidate);
    if (!judged) continue;
    seenLines.add(line);
    out.push({ line, value: candidate.value, hash: isPasswordHash(candidate.value) || /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i.test(candidate.value), ...judged });
  }
  return out;
}
function isInterfaceText(value) {
  return /^[A-Za-z][a-z]*(?: [A-Za-z][a-z]*)+$/.test(value.trim());
}
function isCommentLine(text, lines, line) {
  const start = lines[line - 1] ?? 0;
  return /^\s*(#|\/\/|--|\*|;)/.test(text.slice(start, start + 200));
}
function isMessageKey(value) {
  return /^[a-z][a-z_-]*(\.[a-z][a-z_-]*)+$/i.test(value);
}
var DEFAULT_ACCOUNT_CONSTANT = /^(?:DEFAULT|INITIAL|FIRST|ADMIN|SUPERUSER|SUPER_USER)_(?:(?:ADMIN|USER|LOGIN|ACCOUNT)_)?(?:PASSWORD|PASSWD|PASS|PWD)$/;
function* candidates(text) {
  for (const m of text.matchAll(HASH_TOKEN)) {
    if (isPasswordHash(m[0])) yield { at: m.index, end: m.index + m[0].length, value: m[0] };
  }
  for (const m of text.matchAll(VALUES_INSERT)) {
    const columns = m[2] !== void 0 ? splitOutsideQuotes(m[2]).map((c) => c.trim().replace(/^["`[]|["`\]]$/g, "")) : createdColumns(text, m[1]);
    const index = columns?.findIndex((c) => PASSWORD_COLUMN.test(c)) ?? -1;
    if (index < 0) continue;
    const open = m.index + m[0].length - 1;
    const close = text.indexOf(")", open);
    if (close < 0 || close - open > 4e3) continue;
    const values = splitOutsideQuotes(text.slice(open + 1, close));
    const value = values[index];
    const literal = value === void 0 ? void 0 : /^\s*'([^']{1,200})'\s*$/.exec(value)?.[1];
    if (literal === void 0) continue;
    const at = open + 1 + values.slice(0, index).reduce((n, v) => n + v.length + 1, 0) + value.indexOf("'") + 1;
    yield { at, end: at + literal.length, value: literal };
  }
  for (const m of text.matchAll(HASHED_LITERAL)) yield { at: m.index, end: m.index + m[0].length, value: m[2] };
  for (const m of text.matchAll(GO_TAG_DEFAULT)) yield { at: m.index + m[0].lastIndexOf(m[2]), end: m.index + m[0].length, value: m[2] };
  for (const m of text.matchAll(PASSWORD_VALUE)) {
    if (/\?\s*["'`]?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (/confirm|hash|salt|field|column|label|placeholder|policy|length|regex|message|reset|old|current|new/i.test(m[1])) continue;
    if (/demo|test|example|sample|fake|dummy/i.test(m[1])) continue;
    if (labelOfKey(m[1], m[3]) || nameOfKey(m[1], m[3])) continue;
    yield { at: m.index, end: m.index + m[0].length, value: m[3], key: m[1] };
  }
  for (const m of text.matchAll(ACCOUNT_CALL)) {
    if (DEFINITION_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const keywordOf = (at) => /(\w+)\s*=\s*b?$/.exec(m[2].slice(Math.max(0, at - 40), at))?.[1];
    const args = [...m[2].matchAll(STRING_LITERAL)].filter((s) => {
      const keyword = keywordOf(s.index);
      return keyword === void 0 || /pass/i.test(keyword);
    }).map((s) => ({ value: s[2], at: m.index + m[0].indexOf("(") + 1 + s.index }));
    const last = args[args.length - 1];
    if (!last) continue;
    const firstArgIsLiteral = /^\s*b?["'`]/.test(m[2]);
    if (args.length === 1 && firstArgIsLiteral) continue;
    if (last.value.includes("@") || /^(true|false)$/i.test(last.value)) continue;
    yield { at: last.at, end: last.at + last.value.length + 2, value: last.value, account: args.length > 1 ? args[0].value : void 0, call: m[1] };
  }
}
function letters(text) {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function nameOfKey(key, value) {
  const v = letters(value);
  return v.length >= 6 && /pass/.test(v) && letters(key).endsWith(v);
}
function labelOfKey(key, value) {
  return (/\s/.test(value.trim()) || /^[A-Z][a-z]/.test(value)) && letters(value).length > 0 && letters(key).endsWith(letters(value));
}
function judgeRecord(text, candidate) {
  const record = enclosingGroup(text, candidate.at, candidate.end);
  const head = text.slice(Math.max(0, record.from - 120), record.from);
  const before = text.slice(Math.max(0, record.from - BEFORE_REACH), record.from);
  const body = text.slice(record.from, record.to);
  const sql = sqlRow(text, record, head);
  if (!sql && CONNECTION_KEY.test(body)) return void 0;
  const literals = [...body.matchAll(VALUE_LITERAL)].filter((s) => record.from + s.index + s[0].length <= candidate.at || record.from + s.index >= candidate.end).map((s) => s[2]);
  const account = sql?.account ?? candidate.account ?? nameIn(body) ?? lastNameIn(before);
  const admin = sql?.admin ?? (candidate.key !== void 0 && DEFAULT_ACCOUNT_CONSTANT.test(candidate.key) && classifySecretValue(candidate.value) !== "flag" || literals.some((v) => ADMIN_WORD.test(v)) || ADMIN_FLAG.test(body) || candidate.call !== void 0 && ADMIN_WORD.test(candidate.call) || account !== void 0 && ADMIN_WORD.test(account));
  const context = text.slice(Math.max(0, record.from - FIRST_REACH), record.from) + head;
  const firstAccount = !admin && (FIRST_ACCOUNT.test(context) || BARE_ZERO_COUNT.test(context) && ACCOUNT_WORD.test(context));
  if (!admin && !firstAccount) return void 0;
  return { account, forced: sql?.forced ?? forcedIn(body), firstAccount };
}
function judgeCsvRow(text, lines, line, candidate) {
  const header = text.slice(0, (lines[1] ?? text.length + 1) - 1);
  const row = text.slice(lines[line - 1], (lines[line] ?? text.length + 1) - 1);
  const separator = header.includes(";") ? ";" : ",";
  const judged = judgeColumns(header.split(separator), row.split(separator), candidate.value);
  if (!judged?.admin) return void 0;
  return { account: judged.account, forced: judged.forced, firstAccount: false };
}
function judgeColumns(columns, values, password) {
  if (columns.length !== values.length) return void 0;
  const clean = (s) => s.trim().replace(/^["'`[]|["'`\]]$/g, "");
  const named = columns.map((c, i) => ({ column: clean(c), value: clean(values[i]) }));
  const account = named.find((c) => NAME_COLUMN.test(c.column) && c.value && c.value !== password)?.value;
  const admin = account !== void 0 && ADMIN_WORD.test(account) || named.some((c) => ROLE_COLUMN.test(c.column) && ADMIN_WORD.test(c.value) || FLAG_COLUMN.test(c.column) && TRUE_VALUE.test(c.value));
  const forced = named.some((c) => FORCED_CHANGE.test(c.column) && TRUE_VALUE.test(c.value));
  return { account, admin, forced };
}
function sqlRow(text, record, head) {
  if (text[record.from] !== "(") return void 0;
  const start = Math.max(0, record.from - RECORD_REACH);
  const window = text.slice(start, record.from);
  const insert = window.lastIndexOf("INSERT") >= 0 ? window.lastIndexOf("INSERT") : window.toLowerCase().lastIndexOf("insert");
  if (insert < 0 || !/values|\),\s*$/i.test(head + window.slice(-40))) return void 0;
  const statement = window.slice(insert);
  const listed = /^insert\s+into\s+[\w."`[\]]+\s*\(([^()]{1,1000})\)\s*values/i.exec(statement)?.[1];
  const table = listed ? void 0 : /^insert\s+into\s+([\w."`[\]]+)\s+values\b/i.exec(statement)?.[1];
  const columns = listed ? splitOutsideQuotes(listed) : table ? createdColumns(text, table) : void 0;
  if (!columns) return void 0;
  const verdict = judgeColumns(columns, splitOutsideQuotes(text.slice(record.from + 1, record.to - 1)), "");
  const into = /^insert\s+into\s+([\w."`[\]]+)/i.exec(statement)?.[1] ?? "";
  return verdict && ADMIN_TABLE.test(into.replace(/["`[\]]/g, "")) ? { ...verdict, admin: true } : verdict ?? void 0;
}
var createdColumnsMemo = /* @__PURE__ */ new Map();
var createdColumnsText;
function createdColumns(text, table) {
  if (createdColumnsText !== text) {
    createdColumnsText = text;
    createdColumnsMemo.clear();
  }
  const name = table.replace(/["`[\]]/g, "").split(".").pop().toLowerCase();
  if (createdColumnsMemo.has(name)) return createdColumnsMemo.get(name);
  const create = new RegExp(`create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:[\\w"\`]+\\.)?["\`\\[]?${name.replace(/[^\w]/g, "")}["\`\\]]?\\s*\\(`, "i").exec(text);
  let columns;
  if (create) {
    columns = [];
    let depth = 1;
    let i = create.index + create[0].length;
    let part = "";
    const end = Math.min(text.length, i + 2e4);
    for (; i < end && depth > 0; i++) {
      const ch = text[i];
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
      if (ch === "," && depth === 1 || depth === 0) {
        const column = /^\s*["`[]?([A-Za-z_]\w*)["`\]]?\s+\w/.exec(part.replace(/--[^\n]*/g, ""))?.[1];
        if (column && !/^(primary|key|unique|constraint|index|foreign|check|fulltext|spatial)$/i.test(column)) columns.push(column);
        part = "";
      } else part += ch;
    }
    if (!columns.length || depth > 0) columns = void 0;
  }
  createdColumnsMemo.set(name, columns);
  return columns;
}
var PASSWORD_COLUMN = /^(?:[a-z]+_?)?pass(?:word|wd)?(?:_?(?:hash|digest|md5))?$|^pwd$/i;
function splitOutsideQuotes(list) {
  const out = [];
  let quote = "";
  let current = "";
  for (const ch of list) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === ",") {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}
function enclosingGroup(text, at, end) {
  const open = "({[";
  const close = ")}]";
  let depth = 0;
  let from = -1;
  for (let i = at - 1; i >= Math.max(0, at - RECORD_REACH); i--) {
    const ch = text[i];
    if (close.includes(ch)) depth++;
    else if (open.includes(ch)) {
      if (depth === 0) {
        from = i;
        break;
      }
      depth--;
    }
  }
  if (from >= 0) {
    depth = 0;
    for (let i = end; i < Math.min(text.length, end + RECORD_REACH); i++) {
      const ch = text[i];
      if (open.includes(ch)) depth++;
      else if (close.includes(ch)) {
        if (depth === 0) return { from, to: i + 1 };
        depth--;
      }
    }
  }
  let lineFrom = at;
  for (let n = 0; n < 7 && lineFrom > 0; n++) lineFrom = text.lastIndexOf("\n", lineFrom - 1);
  let lineTo = end;
  for (let n = 0; n < 6 && lineTo >= 0 && lineTo < text.length; n++) lineTo = text.indexOf("\n", lineTo + 1);
  return { from: Math.max(0, lineFrom), to: lineTo < 0 ? text.length : lineTo };
}
function nameIn(body) {
  let best;
  for (const m of body.matchAll(NAME_VALUE)) {
    const key = m[1];
    if (/pass/i.test(key)) continue;
    const rank = /user_?name|login/i.test(key) ? 0 : /mail/i.test(key) ? 1 : /user/i.test(key) ? 2 : 3;
    if (!best || rank < best.rank) best = { rank, name: m[3] };
  }
  return best?.name;
}
function lastNameIn(before) {
  const lines = before.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const name = nameIn(lines[i]);
    if (name !== void 0) return name;
  }
  return void 0;
}
function forcedIn(body) {
  const m = FORCED_CHANGE.exec(body);
  if (!m) return false;
  return /^["'`]?\s*(?:=>|:=|=|:)\s*(?:true|True|TRUE|1)\b/.test(body.slice(m.index + m[0].length, m.index + m[0].length + 20).replace(/^[A-Za-z_]*/, ""));
}

// src/checks/scanners.ts
var secretScanner = {
  name: "secrets",
  wants: isScannedForSecrets,
  run: (text, path) => {
    const filtered = {};
    const hits = scanForSecrets(text, { code: isQuotedLiteralSource(path), translations: isTranslationCatalogue(path), filtered });
    return { hits, filtered };
  }
};
var backupCommandScanner = {
  name: "backup-commands",
  wants: (path) => isSearchedForBackups(path, 0),
  run: backupCommands
};
var literalFallbackScanner = {
  name: "literal-fallbacks",
  wants: hasLiteralFallbacks,
  run: (text, path) => isElixirCode(path) ? elixirFallbacks(text) : sourceLanguage(path) === "python" ? pythonFallbacks(text) : jsFallbacks(text)
};
function hasLiteralFallbacks(path) {
  const language = sourceLanguage(path);
  return language === "python" || language === "js" || isElixirCode(path);
}
var envUsageScanner = {
  name: "env-usage",
  wants: (path) => sourceLanguage(path) !== void 0 || isComposeFile(path),
  run: (text, path) => {
    const language = sourceLanguage(path);
    return language ? findEnvUsages(text, language) : findComposeVariables(text);
  }
};
var webFrameworkScanner = {
  name: "web-framework",
  wants: isWebAppCandidate,
  run: (text) => MENTIONS_WEB_FRAMEWORK.test(text)
};
var fileLoggingScanner = {
  name: "file-logging",
  wants: isLoggingCandidate,
  run: (text) => MENTIONS_FILE_LOGGING.test(text)
};
var seededAccountScanner = {
  name: "seeded-accounts",
  wants: mayHoldSeed,
  run: (text, path) => MAY_HOLD_PASSWORD.test(text) ? seededAccounts(path, text) : []
};
var SCANNERS = new Map([secretScanner, backupCommandScanner, literalFallbackScanner, envUsageScanner, webFrameworkScanner, fileLoggingScanner, seededAccountScanner].map((s) => [s.name, s]));

export {
  isPlaceholder,
  isReference,
  isEncrypted,
  isCredentialByFormat,
  isGeneratedSecret,
  isGeneratedHexSecret,
  isEncodedWords,
  publicClientKey,
  mapsBrowserKey,
  isCookieName,
  isPublicKeyName,
  isWeakValue,
  isFlagOrNumber,
  classifySecretValue,
  isCredentialValue,
  urlPassword,
  urlCredentials,
  isLocationValue,
  MAX_HITS_PER_RULE,
  GENERIC_ENTROPY_THRESHOLD,
  GENERIC_RULE_ID,
  CHECKSUMMED_RULES,
  saysMadeUp,
  saysReadOnlyClient,
  isScannedForSecrets,
  BACKUP_PATH,
  isSearchedForBackups,
  NON_PRODUCT_PATH,
  REQUIREMENTS_FILE,
  MANIFEST,
  ciFiles,
  ciStrings,
  TEST_COMMAND,
  isLoggingCandidate,
  loggingFileKind,
  isWebAppCandidate,
  MAX_PER_FILE,
  mayHoldSeed,
  secretScanner,
  backupCommandScanner,
  literalFallbackScanner,
  hasLiteralFallbacks,
  envUsageScanner,
  webFrameworkScanner,
  fileLoggingScanner,
  seededAccountScanner,
  SCANNERS
};
