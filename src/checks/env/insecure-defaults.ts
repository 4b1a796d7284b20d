import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import type { EnvEntry } from '../../parse/dotenv.js';
import { isProductionName, isRealEnvFile, isSecretAttributeName } from '../../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../../repo/limit.js';
import { loadEnvFile, loadTemplates } from './common.js';

// Values that are secrets only in name: from framework docs, tutorials and password lists.
const WEAK_SECRETS = /^(change[-_ ]?me|changeit|secret|password|passw0rd|pass|admin|root|test|testing|default|dev|development|local|qwerty|letmein|12345678?|123456789|1234|0000|mysecret|supersecret|secretkey|secret[-_]key|s3cr3t|keyboard cat|your[-_ ]?secret[-_ ]?key)$/i;
const ANGLE_PLACEHOLDER = /^(<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)$/;

function isSigningSecretName(key: string): boolean {
  if (isSecretAttributeName(key) || /_(ID|FILE|PATH|HOST|NAME|REGION)$/i.test(key) || /PUBLIC|PUBLISHABLE|GPG/i.test(key)) return false;
  return /SECRET|(^|_)KEY($|_)/i.test(key);
}

// The application's own keys and logins, which a default in what production runs hands to anyone who reads the
// template: session, signing and encryption keys, an admin password. A placeholder for a third party's key
// (an email API key, an OAuth client secret) protects nothing of the deployment: the feature just fails.
const OWN_SECRET = /(^|_)(SECRET_KEY(_BASE)?|APP_KEY|APP_SECRET(_TOKEN)?|SECRET_TOKEN|ENCRYPTION(_SECONDARY)?_KEY|JWT_SECRET|SESSION_SECRET|AUTH_SECRET|NEXTAUTH_SECRET|COOKIE_SECRET|ADMIN_PASS(WORD)?|SUPERUSER_PASSWORD)$/i;

const THIRD_PARTY_CREDENTIAL = /API_?KEY|ACCESS_?KEY|CLIENT_?SECRET|APP_?SECRET_?KEY|_TOKEN$|SSL_?KEY|TLS_?KEY/i;

/** Why a production entry is an insecure default, or undefined. */
export function insecureDefault(entry: EnvEntry): string | undefined {
  const key = entry.key.toUpperCase();
  const value = entry.value.trim();
  if (/(^|_)DEBUG$/.test(key) && /^(true|1|yes|on)$/i.test(value)) return `${entry.key}=${value} enables debug mode`;
  if (/ALLOWED_HOSTS$/.test(key) && value.split(/[\s,]+/).includes('*')) return `${entry.key}=* accepts any Host header`;
  if (/^CORS_(ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)$/.test(key) && /^(true|1|yes|on)$/i.test(value)) return `${entry.key}=${value} allows every origin`;
  if (/^CORS_(ALLOWED_)?ORIGINS?$/.test(key) && value === '*') return `${entry.key}=* allows every origin`;
  if (value === '' || ANGLE_PLACEHOLDER.test(value)) return undefined;
  const secretish = isSigningSecretName(key) || (/PASSWORD|PASSWD|TOKEN/.test(key) && !isSecretAttributeName(key));
  if (!secretish) return undefined;
  if (WEAK_SECRETS.test(value)) return `${entry.key} is a well-known weak value (${redactValue(value)})`;
  if (/^django-insecure-/i.test(value)) return `${entry.key} is Django's generated development key (django-insecure-…)`;
  // A short value is weak for the application's own keys; a third party's API key or client secret is as long as
  // its provider makes it, and a placeholder for it protects nothing of the deployment.
  if (isSigningSecretName(key) && !THIRD_PARTY_CREDENTIAL.test(key) && !/^(null|none|nil|~)$/i.test(value) && value.length < 32) return `${entry.key} is shorter than 32 characters (${redactValue(value)})`;
  return undefined;
}

/** The fix for one entry, by what is wrong with it: the line to write instead, in that file. */
export function insecureDefaultFix(entry: EnvEntry, path: string, template: boolean): string {
  const key = entry.key.toUpperCase();
  const line = (value: string) => `In ${path}, write \`${entry.key}=${value}\``;
  if (/(^|_)DEBUG$/.test(key)) return `${line('false')}; turn debug on only in a development env file.`;
  if (/ALLOWED_HOSTS$/.test(key)) return `${line('example.com,www.example.com')}: the host names production serves.`;
  if (/^CORS_(ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)$/.test(key)) return `${line('false')} and list the front-end origins in \`CORS_ALLOWED_ORIGINS=https://app.example.com\`.`;
  if (/^CORS_/.test(key)) return `${line('https://app.example.com')}: the front-end origins, comma-separated.`;
  return template
    ? `${line('')} (empty) with a comment above it saying how to make one: \`# ${entry.key}: openssl rand -hex 32\`.`
    : `Set ${entry.key} in ${path} to a generated value (\`openssl rand -hex 32\`) from the secret store, and rotate the one committed here.`;
}

export const envInsecureDefaults: RepoCheck = {
  id: 'env.insecure-defaults',
  title: 'Production env files have no insecure defaults',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  roles: 'own',
  docs: {
    summary:
      'Fails for each entry of a production env template (by name, or copied or downloaded into place as the env file by a documented install step: `cp .env.example .env`), production env file (name containing prod/production) or env file loaded by `env_file:` in a production compose deployment (model/deployments.ts) that sets `DEBUG`/`*_DEBUG` to true/1, a known-weak secret (`changeme`, `secret`, `password`, `django-insecure-…`), a `*SECRET*`/`*KEY*` value shorter than 32 characters, `ALLOWED_HOSTS=*`, `CORS_ALLOW_ALL_ORIGINS=true` (or `CORS_ORIGIN_ALLOW_ALL`) or `CORS_ORIGINS=*`. Empty values, `<…>` and `${VAR}` placeholders pass.',
    why: 'Templates get copied as they are: a production deploy then runs with debug pages that leak settings, a guessable signing key (forged sessions) or a wide-open CORS/host policy.',
    fix: 'Leave secrets empty or as `<generate: openssl rand -hex 32>` in the template, and set `DEBUG=false`, explicit `ALLOWED_HOSTS` and CORS origins for production.',
    severityNote: 'P1; P0 for debug mode or a weak value of the application\'s own session, signing or encryption key or admin password (`SECRET_KEY`, `APP_KEY`, `*_ENCRYPTION_KEY`, `*_JWT_SECRET`, `*_SESSION_SECRET`, `NEXTAUTH_SECRET`, `ADMIN_PASSWORD`...) in a file evidence shows production runs with: a template the install docs copy into place as the env file (`cp .env.example .env` under an install, deploy, self-host, quick-start or setup heading, or in a production script), or an env file a production deployment loads: production runs with it, and nothing forces a change (SEVERITY.md). Third-party keys, hosts and CORS defaults stay P1.',
  },
  async run(ctx) {
    // A file evidence shows production runs with: a template the install docs copy or download into place as the
    // env file (`cp .env.example .env`, model/invocations.ts), an env file a production deployment loads. Its
    // secrets are the deployment's defaults.
    const inPlace = (path: string): string | undefined => {
      const role = ctx.model.roles.of(path);
      return role.role === 'production' && role.rule?.startsWith('evidence:') ? role.reason : undefined;
    };
    const templates = (await loadTemplates(ctx)).filter((t) => t.production || inPlace(t.path) !== undefined);
    const realPaths = ctx.files.files.filter((f) => isRealEnvFile(f.path) && isProductionName(f.path) && !ctx.model.roles.is(f.path, 'test')).map((f) => f.path);
    // Env files a production compose deployment loads with `env_file:` are production env, whatever their name.
    const loadedBy = new Map<string, string>();
    for (const deployment of ctx.model.deployments.list) {
      if (deployment.role.role !== 'production') continue;
      for (const use of deployment.envFiles) {
        if (!loadedBy.has(use.path) && !realPaths.includes(use.path) && !templates.some((t) => t.path === use.path)) {
          loadedBy.set(use.path, `loaded by \`env_file\` of service \`${use.service}\` in production deployment ${deployment.name}`);
        }
      }
    }
    const real = (await mapLimited([...realPaths, ...loadedBy.keys()], READ_CONCURRENCY, (p) => loadEnvFile(ctx, p))).filter((f) => f !== undefined);
    const files = [...templates, ...real];
    if (files.length === 0) return [{ status: 'skip', message: 'No production env template, env file (name containing prod/production) or env file loaded by a production compose deployment.' }];
    const findings: FindingInput[] = [];
    for (const file of files) {
      for (const entry of file.env.entries) {
        const why = insecureDefault(entry);
        const copied = inPlace(file.path);
        const via = loadedBy.get(file.path) ?? copied;
        if (!why) continue;
        // SEVERITY.md: a default secret of the app's own signing or login, or debug mode, in what production runs,
        // with nothing forcing a change, is P0; a host or CORS default is a weakness with a precondition.
        // A merely short key stays P1: frameworks refuse many of them at start (Phoenix's 64-byte SECRET_KEY_BASE).
        const p0 = copied !== undefined && (/(^|_)DEBUG$/i.test(entry.key) || (OWN_SECRET.test(entry.key) && !/shorter than/.test(why)));
        findings.push({
          status: 'fail',
          ...(p0 ? { severity: 'P0' as const } : {}),
          message: `${file.path}${via ? ` (${via})` : ''}: ${why}.${p0 ? ' P0: production runs with this value, and nothing forces a change.' : ''}`,
          location: { path: file.path, line: entry.line },
          remediation: insecureDefaultFix(entry, file.path, templates.includes(file)),
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'pass', message: `No insecure default in ${files.map((f) => f.path).join(', ')}.` });
    return findings;
  },
};
