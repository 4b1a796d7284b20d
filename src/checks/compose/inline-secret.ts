import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { environmentOf, imageOf, isPlainObject, type ComposeFile, type ComposeService } from '../../parse/compose.js';
import { imageFacts, type ImageFacts } from '../../parse/image-facts.js';
import { isLoopback, parsePort } from './exposed-datastore.js';
import { isSecretVariableName } from '../../repo/classify.js';
import { classifySecretValue, isCredentialByFormat, isCredentialValue, isGeneratedSecret, urlCredentials, urlPassword } from '../../model/values.js';
import { checkComposeServices, serviceLabel } from './common.js';

/** `*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, `API_KEY`...; `*_FILE` (Docker secrets paths) is not. */
export function isSecretEnvName(name: string): boolean {
  return isSecretVariableName(name, /_(FILE|PATH|ID|URL_FILE)$|PUBLIC|PUBLISHABLE|_HOST$|_USER(NAME)?$/i);
}

/**
 * A literal credential by the shared vocabulary: not an interpolation
 * (`${DB_PASSWORD}`), a secret file (`/run/secrets/db`), a placeholder
 * (`changeme`: what runs is a weak default, reported by secrets.weak-default),
 * a hash or a flag value.
 */
export function isLiteralSecret(value: unknown): value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  // An interpolation anywhere in the value (`postgres://u:${PW}@db`) is resolved at deploy time.
  if (/\$\{?[A-Za-z_]/.test(text)) return false;
  return isCredentialValue(text);
}
// `redis-server --requirepass s3cret`, `--password=...`, `--token ...`.
const COMMAND_SECRET = /(?:^|\s)--?(requirepass|masterauth|password|passwd|pass|token|secret|api-?key|auth-token)(?:=|\s+)(["']?)([^\s"']+)\2/i;

// Keys that sign or encrypt what the application trusts: sessions, tokens, cookies.
const APPLICATION_KEY = /SECRET_KEY|KEY_BASE|JWT|SESSION|SIGNING|ENCRYPT|APP_KEY|COOKIE|TOKEN_SECRET|NEXTAUTH|AUTH_SECRET|HMAC|DEFAULT_PASSWORD|ADMIN|SUPERUSER/i;
// A service's own login under a bare name: what the image reads to let clients in.
const OWN_LOGIN_KEY = /^(TOKEN|PASSWORD|PASS|SECRET|API_?KEY|AUTH_?TOKEN|ACCESS_?TOKEN)$/i;
// What a `*_PASSWORD` or a URL password protects, when it is theirs: the stores of parse/image-facts.ts.
const STORE_WORD = /(POSTGRES|PG|DB|DATABASE|MYSQL|MARIADB|MONGO|REDIS|VALKEY|RABBIT|AMQP|MINIO|S3|AWS|CLICKHOUSE|ELASTIC|OPENSEARCH|CASSANDRA|COUCH|NEO4J|NATS|KAFKA|BROKER)/i;

// The stores a key names by its words (`RABBITMQ_PASSWORD` → the broker), by what the image facts say they are.
const STORE_KINDS: ReadonlyArray<[RegExp, (facts: ImageFacts) => boolean]> = [
  [/POSTGRES|(^|_)PG/i, (f) => f.datastore === 'postgres'],
  [/MYSQL|MARIADB/i, (f) => f.datastore === 'mysql' || f.datastore === 'mariadb'],
  [/MONGO/i, (f) => f.datastore === 'mongo'],
  [/REDIS|VALKEY/i, (f) => f.datastore === 'redis'],
  [/RABBIT|AMQP|BROKER/i, (f) => f.datastore === 'rabbitmq'],
  // `AWS_SECRET_KEY` given to a client of the deployment's own S3-compatible store.
  [/MINIO|(^|_)S3|(^|_)AWS_/i, (f) => f.kind === 'object-store'],
  [/CLICKHOUSE/i, (f) => f.kind === 'columnar'],
  [/ELASTIC|OPENSEARCH/i, (f) => f.datastore === 'elasticsearch'],
];

const factsOf = (service: ComposeService): ImageFacts | undefined => imageFacts(imageOf(service));

function isStore(service: ComposeService): boolean {
  return factsOf(service)?.store === true;
}

/** Published on an interface other hosts reach: a `ports:` entry not bound to loopback, or the host's network. */
export function reachableFromOutside(service: ComposeService): boolean {
  if (service.config.network_mode === 'host') return true;
  const ports = service.config.ports;
  return Array.isArray(ports) && ports.some((entry) => {
    const port = parsePort(entry);
    return port !== undefined && !isLoopback(port.hostIp);
  });
}

/**
 * The internal datastores a credential protects, when that is all it
 * protects: the service's own password when it is a datastore, the host of a
 * URL password, or the datastores of the deployment a `DB_PASSWORD`-like key
 * names. Undefined when it may protect anything reachable from outside the
 * host (a published datastore, an external host, an application's own
 * signing key). `service` is undefined for a value in a top-level extension
 * (`x-db-env: &db-env`) that several services merge. SEVERITY.md: a default
 * password of a datastore production reaches only on its internal network is P1.
 */
export function internalStoresProtected(service: ComposeService | undefined, key: string, value: string, file: Pick<ComposeFile, 'services'>, routed: ReadonlySet<string> = new Set()): string[] | undefined {
  // A provider's credential, or a generated random one, is P0 wherever it is committed; the internal-network
  // P1 is for the default and human-chosen passwords (SEVERITY.md).
  if (isCredentialByFormat(value) || isGeneratedSecret(value)) return undefined;
  const reachable = (t: ComposeService): boolean => reachableFromOutside(t) || routed.has(t.name.toLowerCase());
  let targets: ComposeService[];
  const host = urlCredentials(value)?.host;
  if (host !== undefined) {
    const target = file.services.find((s) => s.name === host);
    targets = target ? [target] : [];
  } else if (service && isStore(service)) {
    targets = [service];
  } else if (STORE_WORD.test(key)) {
    // The stores the key names by kind (`RABBITMQ_PASSWORD` → the broker, `POSTGRES_PASSWORD` → the database);
    // a generic `DB_PASSWORD` names the databases, never the object store a proxy may route to.
    const kinds = STORE_KINDS.filter(([word]) => word.test(key)).map(([, kind]) => kind);
    const named = file.services.filter((s) => isStore(s) && kinds.some((kind) => kind(factsOf(s)!)));
    // Only a generic word (`DB_PASSWORD`) falls back to the databases; `AWS_SECRET_KEY` with no store of its own
    // kind in the deployment is for a host outside it.
    const generic = !/AWS/i.test(key);
    targets = named.length ? named : generic ? file.services.filter((s) => isStore(s) && factsOf(s)?.database === true) : [];
  } else {
    // A service's own token (`TOKEN` on a headless browser, copied into the app as `CHROME_TOKEN`): the value
    // protects the services that hold it as their own; one whose key names another holder (`CHROME_TOKEN`
    // beside a `chrome` service) only sends it.
    // Only a bare key (`TOKEN`, `PASSWORD`) on a service this repository does not build is that service's own
    // login; an application's signing, session or admin key opens the application whatever network it sits on.
    if (APPLICATION_KEY.test(key)) return undefined;
    const holders = file.services.map((s) => ({ s, key: s === service ? key : keyHolding(s, value) })).filter((h): h is { s: ComposeService; key: string } => h.key !== undefined);
    const norm = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
    const names = holders.map((h) => norm(h.s.name)).filter((n) => n.length >= 3);
    const clients = holders.filter((h) => names.some((n) => n !== norm(h.s.name) && norm(h.key).includes(n)));
    const owners = holders.filter((h) => !clients.includes(h));
    if (!owners.length || !owners.every((h) => OWN_LOGIN_KEY.test(h.key) && h.s.config.build === undefined) || owners.some((h) => reachable(h.s))) return undefined;
    return owners.map((h) => h.s.name);
  }
  // A store a reverse proxy routes to (`reverse_proxy minio:9000`) is reachable from outside without a published port.
  if (!targets.length || !targets.every(isStore) || targets.some(reachable)) return undefined;
  return targets.map((t) => t.name);
}

/** The secret-named key under which the service sets `value` in its environment, if it does. */
function keyHolding(service: ComposeService, value: string): string | undefined {
  return Object.entries(environmentOf(service)).find(([k, v]) => isSecretEnvName(k) && v === value)?.[0];
}

// The fix for what was seen: the key itself made a required variable, or, for a value on the command line, the
// flag read from a variable the shell of the container expands.
const FIX = {
  environment: (key: string, service: string) =>
    `In service \`${service}\`, reference a variable instead: \`${key}: \${${key}:?set ${key}}\`, set from an untracked \`.env\` or the deployment's environment; or mount it as a compose secret and point \`${key}_FILE\` at \`/run/secrets/…\` where the image reads \`*_FILE\` (postgres, mysql, mariadb, mongo).`,
  command: (flag: string, field: string, service: string) => {
    const variable = flag.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return `In service \`${service}\`, let compose fill the value in from a variable instead of writing it in the ${field}: \`--${flag} \${${variable}:?set ${variable}}\`, set from an untracked \`.env\` or the deployment's environment.`;
  },
};

export const composeInlineSecret: RepoCheck = {
  id: 'compose.inline-secret',
  title: 'Compose files hold no literal secrets',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  docs: {
    summary:
      'Fails for each literal value (not `${VAR}`) of a secret-like key (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, not `*_FILE`) in a service\'s `environment:`, for a URL with an inline password in `environment:`, and for a secret given on the command line (`--requirepass`, `--password=`); one finding per key at its line, value redacted.',
    why: 'The compose file is committed: every clone, fork, CI log and backup now holds the credential, and it cannot be rotated without a commit.',
    fix: 'Reference a variable (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`) set from an untracked `.env` or the deployment environment, or use compose `secrets:` with `*_FILE` variables.',
    severityNote:
      'Values are judged with the shared value vocabulary: references (`${VAR}`, `/run/secrets/...`), hashes and flags pass; a placeholder (`changeme`, `replace-me-...`, `<...>`) is P2, since it is no leaked secret but runs as written. P1 when the value only opens datastores, brokers or object stores that publish no port (their own password, the host of a URL password, or the stores a `DB_PASSWORD`-like key names): SEVERITY.md puts a default password reachable only on the internal network at P1. As every deployment check, at most P2 in development compose files and not judged in test, docs, example or template ones.',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    environment: DB_PASSWORD' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'environment and command lines',
      failClosed: true,
      visit(service, file): FindingInput[] {
        const out: FindingInput[] = [];
        const label = serviceLabel(service);
        // P1 when the value only opens datastores other hosts cannot reach.
        const internal = (finding: FindingInput, key: string, value: string): FindingInput => {
          const stores = internalStoresProtected(service, key, value, file, ctx.model.proxyRoutes);
          if (!stores) return finding;
          return { ...finding, severity: 'P1', message: `${finding.message} P1: it protects ${stores.map((n) => `\`${n}\``).join(', ')}, which publish${stores.length === 1 ? 'es' : ''} no port: reachable only on the deployment's internal network.` };
        };
        const env = service.config.environment;
        if (isPlainObject(env)) {
          for (const [key, value] of Object.entries(env)) {
            if (isSecretEnvName(key) && (typeof value === 'string' || typeof value === 'number') && classifySecretValue(value) === 'placeholder') {
              // Recognised as a placeholder like everywhere else, so not a leaked secret; but a compose value runs as written.
              out.push({ status: 'fail', severity: 'P2', message: `${label} sets ${key} to a placeholder ${redactValue(String(value))}: it runs as the real value unless every deployment overrides it.`, location: service.locate(['environment', key]) });
              continue;
            }
            if (!isLiteralSecret(value)) continue;
            const text = String(value);
            const password = urlPassword(text);
            if (isSecretEnvName(key)) {
              // A generated value is a credential wherever it is committed (SEVERITY.md): no cap for an unknown role.
              out.push(internal({ status: 'fail', message: `${label} sets ${key} to a literal value ${redactValue(text)}.`, remediation: FIX.environment(key, service.name), location: service.locate(['environment', key]), ...(isGeneratedSecret(text) || isCredentialByFormat(text) ? { byFormat: true } : {}) }, key, text));
            } else if (password !== undefined && isLiteralSecret(password)) {
              out.push(internal({ status: 'fail', message: `${label} sets ${key} to a URL with an inline password ${redactValue(password)}.`, remediation: FIX.environment(key, service.name), location: service.locate(['environment', key]) }, key, text));
            }
          }
        }
        for (const field of ['command', 'entrypoint'] as const) {
          const raw = service.config[field];
          const command = Array.isArray(raw) ? raw.map(String).join(' ') : typeof raw === 'string' ? raw : '';
          const match = COMMAND_SECRET.exec(command);
          if (match && isLiteralSecret(match[3])) {
            out.push(internal({ status: 'fail', message: `${label} passes --${match[1]} ${redactValue(match[3]!)} on its ${field}.`, remediation: FIX.command(match[1]!, field, service.name), location: service.locate([field]) }, match[1]!, match[3]!));
          }
        }
        return out;
      },
    });
  },
};
