import { posix } from 'node:path';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { FindingInput, RepoCheck, RepoCheckContext, Severity } from '../../engine/types.js';
import type { RoleInfo } from '../../model/roles.js';
import { redactValue } from '../../core/redact.js';
import { classifySecretValue, isCookieName, isFlagOrNumber, isLocationValue, isPublicKeyName, urlPassword } from '../../model/values.js';
import { defaultOf, findReferences } from '../../parse/interpolation.js';
import type { LiteralFallback } from '../../parse/fallbacks.js';
import { sourceLanguage } from '../../repo/classify.js';
import { mapLimited } from '../../repo/limit.js';
import { hasLiteralFallbacks, literalFallbackScanner } from '../scanners.js';
import { internalStoresProtected, isSecretEnvName } from '../compose/inline-secret.js';

// Keys the application signs or encrypts with (sessions, JWTs, cookies,
// Django's SECRET_KEY, Laravel's APP_KEY): a known fallback lets anyone forge
// a session or a token. OAuth client secrets are excluded: a wrong one fails
// against the provider instead of opening the application.
const SIGNING_KEY =
  /^SECRET$|SECRET_?KEY$|(SESSION|COOKIE|JWT|AUTH|APP|SIGNING|ENCRYPTION|HMAC|NEXTAUTH|TOKEN|SERVER|MASTER)_?SECRET|SIGNING|JWT|(^|_)APP_?KEY$|ENCRYPTION_?KEY|PRIVATE_?KEY|MASTER_?KEY/i;
// Passwords the deployment itself sets up: an admin, default or root account
// of the application (DEFAULT_PASSWORD, FIRST_SUPERUSER_PASSWORD).
const ACCOUNT_PASSWORD = /(ADMIN|DEFAULT|ROOT|SUPERUSER|INITIAL|BOOTSTRAP|OWNER)[A-Z0-9_]*PASS/i;
// In compose, a datastore's own password (the official images create the
// account with it): POSTGRES_PASSWORD, MYSQL_ROOT_PASSWORD, RABBITMQ_DEFAULT_PASS, MINIO_ROOT_PASSWORD.
const DATASTORE_PASSWORD = /^(POSTGRES|PG|MYSQL|MARIADB|MONGO|RABBITMQ|MINIO|REDIS|VALKEY|KEYCLOAK|PGADMIN|ELASTIC|OPENSEARCH|CLICKHOUSE|INFLUXDB|COUCHDB|NEO4J|MEILI)[A-Z0-9_]*PASS/i;

/**
 * Whether a known fallback opens the application itself (P0): a signing or
 * encryption key, an account password the deployment creates, or (in
 * compose, `datastore`) a datastore's own password. A password the
 * application only sends to another server (EMAIL_HOST_PASSWORD, a client's
 * DB_PASSWORD) fails against a server configured otherwise: P1.
 */
export function opensTheApplication(name: string, datastore = false): boolean {
  if (/CLIENT_?SECRET/i.test(name)) return false;
  const signing = SIGNING_KEY.test(name) && !THIRD_PARTY.test(name);
  return signing || ACCOUNT_PASSWORD.test(name) || (datastore && DATASTORE_PASSWORD.test(name));
}

// Credentials of another service (object storage, payment, mail, captcha):
// `S3_SECRET_KEY`, `STRIPE_SECRET_KEY`, `RECAPTCHA_SECRET_KEY` are sent to it,
// not used by the application to sign.
// The sections of a configuration that name another service by kind (`litemall.storage.qiniu.secretKey`,
// `litemall.express.appKey`, a courier API): Chinese cloud and payment vendors (Aliyun OSS, Tencent COS, Qiniu,
// WeChat, Alipay) are common in Spring applications (round 13).
export const THIRD_PARTY = /^(AWS|S3|MINIO|GCS|GCP|GOOGLE|AZURE|DO|SPACES|B2|R2|STRIPE|PAYPAL|TWILIO|SENDGRID|MAILGUN|MAILJET|POSTMARK|SES|ALGOLIA|RECAPTCHA|HCAPTCHA|TURNSTILE|CLOUDINARY|PUSHER|OPENAI|ANTHROPIC|GITHUB|GITLAB|SLACK|DISCORD|SENTRY|FIREBASE|SUPABASE|UNSPLASH|GIPHY|STORAGE|OSS|COS|QINIU|ALIYUN|TENCENT|WX|WECHAT|WEIXIN|ALIPAY|EXPRESS|SMS)_/i;

type Verdict = { kind: 'weak' | 'literal'; shown: string; viaUrl: boolean } | undefined;

/** How a fallback value is judged by the shared vocabulary: weak (or a placeholder), a literal credential, or nothing to report. */
export function judgeFallback(name: string, value: string): Verdict {
  // `0`, `false`, `-1`: a sentinel for "not configured", no credential anyone can use; but a password of digits
  // (`password: 123456`, mall's datasource, round 12) is the commonest weak password there is.
  if (/^\d{4,}$/.test(value) && /PASS(WORD|WD)?(_|$)/i.test(name) && isSecretEnvName(name)) return { kind: 'weak', shown: value, viaUrl: false };
  if (isFlagOrNumber(value) || /^-?\d+$/.test(value)) return undefined;
  const password = urlPassword(value);
  if (password === undefined && isLocationValue(value)) return undefined;
  if (password !== undefined) {
    const kind = classifySecretValue(password);
    return kind === 'weak' || kind === 'placeholder' ? { kind: 'weak', shown: password, viaUrl: true } : kind === 'literal' ? { kind: 'literal', shown: password, viaUrl: true } : undefined;
  }
  // Keys public by design (a PostHog project key, a site key) are sent to every browser: no secret to fall back to.
  if (!isSecretEnvName(name) || isPublicKeyName(name)) return undefined;
  if (isCookieName(name, value)) return undefined;
  const kind = classifySecretValue(value);
  if (kind === 'weak' || kind === 'placeholder') return { kind: 'weak', shown: value, viaUrl: false };
  if (kind === 'literal') return { kind: 'literal', shown: value, viaUrl: false };
  return undefined;
}

function severityFor(names: readonly string[], verdict: NonNullable<Verdict>, datastore = false): Severity {
  // A URL's password usually repeats the datastore's own password default, reported at that key.
  return !verdict.viaUrl && names.some((n) => opensTheApplication(n, datastore)) ? 'P0' : 'P1';
}

function describe(verdict: NonNullable<Verdict>): string {
  const value = redactValue(verdict.shown);
  const what = verdict.viaUrl ? `a URL whose password is ${verdict.kind === 'weak' ? 'weak' : 'a committed literal'} (${value})` : verdict.kind === 'weak' ? `a weak literal (${value})` : `a committed literal (${value})`;
  return what;
}

// The fix for what was seen, in its own language and format (docs.fix covers all four at once).
const FIX = {
  compose: (name: string) =>
    `Make ${name} required instead of defaulted: \`\${${name}:?set ${name}}\` in the compose file, set from the deployment's environment or an untracked \`.env\`. Keep a development default in a development-only compose file.`,
  python: (name: string) =>
    `Read it without a fallback, so the service refuses to start when ${name} is not set: \`os.environ["${name}"]\` (or \`env("${name}")\` with django-environ, \`config("${name}")\` with decouple). Keep a development default in a development-only settings file.`,
  js: (name: string) =>
    `Drop the fallback and fail at startup when the variable is missing: \`const value = process.env.${name}; if (!value) throw new Error('${name} is required');\`. Keep a development default in a development-only \`.env\`.`,
  elixir: (name: string) =>
    `Read it without a fallback, so the release refuses to start when ${name} is not set: \`System.fetch_env!("${name}")\` (in config/runtime.exs for configuration).`,
  nodeConfig: (key: string, variable: string | undefined) =>
    variable
      ? `Leave \`${key}\` out of \`config/default.*\` and \`config/production.*\`: \`custom-environment-variables.*\` already maps it to ${variable}, so node-config then fails when it is not set (\`config.get\` throws for an undefined key).`
      : `Leave \`${key}\` out of \`config/default.*\` and \`config/production.*\`, and map it to a variable in \`config/custom-environment-variables.*\` (\`config.get\` throws when it is not set).`,
};

export const secretsWeakDefault: RepoCheck = {
  id: 'secrets.weak-default',
  title: 'Secrets have no literal fallback',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  scansEveryFile: [literalFallbackScanner],
  supersedes: ['secrets.hardcoded'],
  docs: {
    summary:
      'Fails for each secret-named setting whose fallback, used when the variable is not set, is a literal: compose `${DB_PASSWORD:-passe123}` (unless the committed `.env` beside the file sets it), Python `os.getenv("SECRET_KEY", "dev")`, `os.environ.get("X", "y")`, `os.environ.get("X") or "y"`, django-environ `env("X", default="y")`, decouple `config("X", default="y")`, JS/TS `process.env.JWT_SECRET || \'superSecret\'` / `?? \'changeme\'`, a fallback naming a module constant declared once with a literal (`process.env.SESSION_SECRET || DEFAULT_SESSION_SECRET`, `os.getenv("SECRET_KEY", DEFAULT_KEY)`), Elixir application code and seeds `System.get_env("API_JWT_SECRET", "…")` / `System.get_env("X") || "…"` (config/*.exs: phoenix.env-fallback), and node-config `config/default.*` or `config/production.*` secret-named keys (`secret: secret`), which node-config loads in production (as the fallback when `custom-environment-variables.*` maps the key to a variable). Weak values and placeholders (`password`, `changeme`, short values) fail, and so does a long random-looking literal: it is a committed secret. A URL default with an inline password (`postgres://u:pw@db/x`) is judged by its password. `${VAR}` and `${VAR:?required}` never fail. The variable name and the line are reported, the value redacted.',
    why: 'A fallback is what runs the day the variable is forgotten, and nothing says so: the service starts with a password or signing key everyone who can read the repository knows, so sessions and tokens can be forged and the database opened.',
    fix: 'Make the variable required instead of defaulted: `${DB_PASSWORD:?set DB_PASSWORD}` in compose, `os.environ["SECRET_KEY"]` (or `env("SECRET_KEY")` with no default) in Python, a startup check that throws when `process.env.JWT_SECRET` is missing in Node, and no secret in `config/default.*` (map it in `custom-environment-variables.*` and leave the default out). Keep development defaults in a development-only file.',
    snippets: [
      { stack: 'Compose', code: 'environment:\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}' },
      { stack: 'Django', code: 'SECRET_KEY = os.environ["SECRET_KEY"]  # fails fast when unset' },
      { stack: 'Node', code: "const secret = process.env.JWT_SECRET;\nif (!secret) throw new Error('JWT_SECRET is required');" },
    ],
    severityNote:
      'P0 in production files when the fallback opens the application itself: signing and encryption keys (`SECRET_KEY`, `*JWT*`, `SESSION_SECRET`, `APP_KEY`, `*PRIVATE_KEY*`), account passwords the deployment creates (`DEFAULT_PASSWORD`, `ADMIN_PASSWORD`, `*ROOT*PASSWORD`) and, in compose, a datastore\'s own password (`POSTGRES_PASSWORD`, `RABBITMQ_DEFAULT_PASS`, `MINIO_ROOT_PASSWORD`). P1 for passwords the application only sends to another server (`EMAIL_HOST_PASSWORD`, a client `DB_PASSWORD`: they fail against a server configured otherwise), API tokens, OAuth client secrets, and passwords inside a URL default (the datastore\'s own password default is reported at its key). Numeric and boolean fallbacks (`"0"`) are sentinels, not credentials. A compose file is judged under the highest role of the deployments that run it (model/deployments.ts); development files at most P2, test/docs/example files not at all.',
  },
  async run(ctx) {
    const findings = [...(await composeDefaults(ctx)), ...(await codeDefaults(ctx)), ...(await nodeConfigDefaults(ctx))];
    if (findings.length === 0) return [{ status: 'pass', message: 'No secret-named setting falls back to a literal value.' }];
    return findings;
  },
};

/** `${NAME:-literal}` in compose files, judged under the role their deployments run with. */
async function composeDefaults(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const file of ctx.model.deployments.files) {
    if (file.error) continue;
    // A compose file a docs page writes out: its block only, at the page's lines.
    const text = file.text ?? (await ctx.files.read(file.path));
    if (!text || !text.includes('$')) continue;
    const role: RoleInfo = ctx.model.deployments.roleOf(file.path);
    // The deployment (production first) whose project `.env` interpolates this file.
    const deployment = ctx.model.deployments.list.find((d) => d.files.includes(file.path));
    const lines = text.split('\n');
    // The service each line belongs to: the last one declared at or above it.
    const lastFirst = (deployment?.services ?? file.services).filter((s) => s.locate([]).path === file.path).map((s) => ({ service: s, line: s.locate([]).line })).sort((a, b) => b.line - a.line);
    const serviceAt = (line: number) => lastFirst.find((s) => s.line <= line)?.service;
    lines.forEach((raw, index) => {
      const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
      if (/^\s*#/.test(line) || !line.includes('${')) return;
      const key = /^\s*-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*[:=]/.exec(line)?.[1];
      for (const ref of findReferences(line)) {
        const fallback = defaultOf(ref);
        if (fallback === undefined || fallback.trim() === '' || fallback.includes('$')) continue;
        // The committed `.env` of the project sets it: the default is not what runs (the .env is judged by the env checks).
        if (deployment && deployment.interpolate(`\${${ref.name}${ref.operator}\u0000}`).value !== '\u0000') continue;
        const name = isSecretEnvName(ref.name) || !key ? ref.name : key;
        const verdict = judgeFallback(name, fallback.trim());
        if (!verdict) continue;
        let severity = severityFor(key ? [ref.name, key] : [ref.name], verdict, true);
        // SEVERITY.md: a default password of a datastore reached only on the internal network is P1.
        const service = serviceAt(index + 1);
        const stores = severity === 'P0' ? internalStoresProtected(service, key ?? ref.name, fallback, { services: deployment?.services ?? file.services }, ctx.model.proxyRoutes) : undefined;
        if (stores) severity = 'P1';
        out.push({
          status: 'fail',
          severity,
          message: `${file.path}:${index + 1}: \${${ref.name}${ref.operator}…} falls back to ${describe(verdict)} when ${ref.name} is not set.${stores ? ` P1: it protects ${stores.map((n) => `\`${n}\``).join(', ')}, which publish${stores.length === 1 ? 'es' : ''} no port.` : ''}`,
          remediation: FIX.compose(ref.name),
          location: { path: file.path, line: index + 1 },
          role,
        });
      }
    });
  }
  return out;
}

/** Python, JS/TS and Elixir reads with a literal fallback, in files a deployment runs (tests are not judged by the role policy). */
async function codeDefaults(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const paths = ctx.files.files.map((f) => f.path).filter((p) => hasLiteralFallbacks(p) && ctx.model.roles.isDeployed(p));
  const perFile = await mapLimited(paths, ctx.parsed.scanConcurrency, async (path) => ({
    path,
    fallbacks: (await ctx.parsed.scan(literalFallbackScanner, path)) ?? [],
  }));
  const out: FindingInput[] = [];
  for (const { path, fallbacks } of perFile) {
    for (const fallback of fallbacks) {
      const finding = codeFinding(path, fallback);
      if (finding) out.push(finding);
    }
  }
  return out;
}

function codeFinding(path: string, fallback: LiteralFallback): FindingInput | undefined {
  const verdict = judgeFallback(fallback.name, fallback.value.trim());
  if (!verdict) return undefined;
  return {
    status: 'fail',
    severity: severityFor([fallback.name], verdict),
    message: `${path}:${fallback.line}: ${fallback.form} falls back to ${describe(verdict)} when ${fallback.name} is not set.`,
    remediation: /\.exs?$/.test(path) ? FIX.elixir(fallback.name) : sourceLanguage(path) === 'python' ? FIX.python(fallback.name) : FIX.js(fallback.name),
    location: { path, line: fallback.line },
  };
}

// node-config (github.com/node-config/node-config): config/default.* is always
// loaded, config/production.* when NODE_ENV=production, and
// custom-environment-variables.* maps keys to environment variables that
// override both.
const NODE_CONFIG_FILE = /(^|\/)config\/(default|production)\.(json|ya?ml)$/;
const NODE_CONFIG_ENV = /(^|\/)config\/custom-environment-variables\.(json|ya?ml)$/;

async function nodeConfigDefaults(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const { path } of ctx.files.files) {
    if (!NODE_CONFIG_FILE.test(path)) continue;
    const configDir = posix.dirname(path);
    if (!(await usesNodeConfig(ctx, posix.dirname(configDir)))) continue;
    const yaml = await ctx.parsed.yaml(path);
    const doc = yaml?.documents[0];
    if (!yaml || !doc || yaml.errors.length) continue;
    const mapped = await environmentMapping(ctx, configDir);
    walk(doc, doc.contents, [], (keyPath, value, node) => {
      const key = keyPath[keyPath.length - 1]!;
      const verdict = judgeFallback(key, value.trim());
      if (!verdict) return;
      const variable = mapped.get(keyPath.join('.'));
      const how = variable ? `the fallback when ${variable} is not set (custom-environment-variables)` : 'the value in production (no custom-environment-variables mapping)';
      out.push({
        status: 'fail',
        severity: severityFor([key], verdict),
        message: `${path}:${yaml.lineOf(node)}: node-config \`${keyPath.join('.')}\` is ${describe(verdict)}, ${how}.`,
        remediation: FIX.nodeConfig(keyPath.join('.'), variable),
        location: { path, line: yaml.lineOf(node) },
      });
    });
  }
  return out;
}

/** The package.json beside `config/` depends on `config` (node-config). */
async function usesNodeConfig(ctx: RepoCheckContext, projectDir: string): Promise<boolean> {
  const pkg = projectDir === '.' ? 'package.json' : `${projectDir}/package.json`;
  if (!ctx.files.has(pkg)) return false;
  const text = await ctx.files.read(pkg);
  return text !== undefined && /"config"\s*:\s*"[\^~>=<\s]*\d/.test(text);
}

/** `a.b.c` → variable name from custom-environment-variables (`__name` long form too). */
async function environmentMapping(ctx: RepoCheckContext, configDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const file = ctx.files.files.find((f) => posix.dirname(f.path) === configDir && NODE_CONFIG_ENV.test(f.path));
  if (!file) return out;
  const yaml = await ctx.parsed.yaml(file.path);
  const doc = yaml?.documents[0];
  if (!doc) return out;
  const collect = (node: unknown, keyPath: string[]): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key === '__name' && isScalar(pair.value)) out.set(keyPath.join('.'), String(pair.value.value));
      else if (isScalar(pair.value) && typeof pair.value.value === 'string') out.set([...keyPath, key].join('.'), pair.value.value);
      else collect(pair.value, [...keyPath, key]);
    }
  };
  collect(doc.contents, []);
  return out;
}

function walk(doc: Document.Parsed, node: unknown, keyPath: string[], visit: (keyPath: string[], value: string, node: unknown) => void, depth = 0): void {
  if (depth > 20) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (isScalar(pair.value) && typeof pair.value.value === 'string') visit([...keyPath, key], pair.value.value, pair);
      else walk(doc, pair.value, [...keyPath, key], visit, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(doc, item, [...keyPath, String(i)], visit, depth + 1));
  }
}
