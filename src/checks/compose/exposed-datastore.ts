import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { datastoreOf, environmentOf, imageOf, interpolateInFile, isPlainObject, serviceCommand, type ComposeFile, type ComposeService, type Datastore } from '../../parse/compose.js';
import { interpolate, splitOutsideInterpolation } from '../../parse/interpolation.js';
import { classifySecretValue, isWeakValue } from '../../model/values.js';
import { checkComposeServices, serviceLabel } from './common.js';

export interface PublishedPort {
  hostIp?: string;
  hostPort?: string;
  containerPort: string;
}

/**
 * A `ports:` entry in short (`"127.0.0.1:5432:5432"`, `"5432:5432"`, `"5432"`,
 * `"[::1]:5432:5432"`) or long (`{target, published, host_ip}`) syntax.
 */
export function parsePort(entry: unknown): PublishedPort | undefined {
  if (typeof entry === 'number') return { containerPort: String(entry) };
  if (isPlainObject(entry)) {
    if (entry.target === undefined) return undefined;
    return {
      containerPort: String(entry.target),
      ...(entry.published !== undefined ? { hostPort: String(entry.published) } : {}),
      ...(typeof entry.host_ip === 'string' ? { hostIp: entry.host_ip } : {}),
    };
  }
  if (typeof entry !== 'string') return undefined;
  const text = entry.replace(/\/(tcp|udp|sctp)$/i, '');
  let hostIp: string | undefined;
  let rest = text;
  const bracket = /^\[([^\]]+)\]:(.*)$/.exec(text);
  if (bracket) {
    hostIp = bracket[1];
    rest = bracket[2]!;
  }
  const parts = splitOutsideInterpolation(rest);
  if (!bracket && parts.length === 3) return { hostIp: parts[0], hostPort: parts[1], containerPort: parts[2]! };
  if (parts.length === 2) return { ...(hostIp ? { hostIp } : {}), hostPort: parts[0], containerPort: parts[1]! };
  if (parts.length === 1) return { ...(hostIp ? { hostIp } : {}), containerPort: parts[0]! };
  return undefined;
}


export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  return /^127\./.test(ip) || ip === '::1' || ip === 'localhost' || /^\$\{[^}]*:-127\./.test(ip);
}

/**
 * Why the published datastore lets anyone in, when its own configuration
 * shows it: no password at all, trust authentication, the image's default
 * account, or a default or weak password (the user name, `postgres`,
 * `changeme`, an empty `${REDIS_PASSWORD:-}`). Values are read as compose
 * would start them: `${VAR:-default}` through the deployment's `.env`, else
 * its default. Undefined when it asks for a password we cannot see (a
 * variable without a default, a required `${VAR:?}`, a secret file, a mounted
 * configuration).
 */
export function openLogin(store: Datastore, service: ComposeService, file?: ComposeFile, tracked: (path: string) => boolean = () => false): string | undefined {
  const env = environmentOf(service);
  const resolve = (value: string): string | undefined => {
    if (!value.includes('$')) return value;
    const done = interpolateInFile(file, value);
    return done.unresolved.length || done.required.length ? undefined : done.value;
  };
  const command = serviceCommand(service);
  const mounted = (pattern: RegExp): boolean => (Array.isArray(service.config.volumes) ? service.config.volumes : []).some((v) => pattern.test(typeof v === 'string' ? v : JSON.stringify(v)));
  const weak = (name: string, user?: string): string | undefined => {
    const written = env[name];
    if (written === undefined || /^\/run\/secrets\//.test(written)) return undefined;
    const value = resolve(written);
    if (value === undefined) return undefined;
    const how = written.includes('$') ? ' by default' : '';
    if (value === '') return `${name} is empty${how}`;
    if ((user !== undefined && value === user) || isWeakValue(value)) return `${name} is a default or weak value${how}`;
    // Any literal the repository commits is the default every install starts with, known to whoever reads it
    // (SEVERITY.md: a default secret protecting something reachable from outside, operators not forced to replace it):
    // written in the compose file, its variable's default, or a value of an env file git tracks. An untracked `.env`
    // is the operator's own.
    if (classifySecretValue(value) === 'literal') {
      const fromDefault = !written.includes('$') || interpolate(written).value === value;
      const fromTracked = !fromDefault && (file?.deployment?.envPaths ?? []).some(tracked);
      if (fromDefault || fromTracked) return `${name} is a literal committed in the repository${fromTracked ? ` (through ${file!.deployment!.envPaths.join(', ')})` : written.includes('$') ? ' (its default)' : ''}, the same on every install that keeps it`;
    }
    return undefined;
  };
  switch (store) {
    case 'redis':
    case 'memcached': {
      const pass = /--requirepass[\s=]+("[^"]*"|'[^']*'|\S+)/.exec(command);
      if (pass) {
        const value = resolve(pass[1]!.replace(/^["']|["']$/g, ''));
        if (value === '') return `its --requirepass is empty${pass[1]!.includes('$') ? ' by default' : ''}`;
        if (value !== undefined && isWeakValue(value)) return 'its --requirepass is a default or weak value';
        return undefined;
      }
      if (/--aclfile|--sasl/.test(command) || mounted(/redis\.conf|users\.acl/)) return undefined;
      // A password variable the image reads (REDIS_PASSWORD, FALKORDB_PASSWORD...): open only when every one is empty as started.
      const passwords = Object.keys(env).filter((k) => /PASSWORD/i.test(k));
      if (!passwords.length) return 'it asks for no password (no --requirepass)';
      return passwords.every((k) => resolve(env[k]!) === '') ? `${passwords.join(', ')} ${passwords.length > 1 ? 'are' : 'is'} empty by default` : undefined;
    }
    case 'postgres':
      if (/^trust$/i.test(resolve(env.POSTGRES_HOST_AUTH_METHOD ?? '') ?? '')) return 'POSTGRES_HOST_AUTH_METHOD is trust';
      return weak('POSTGRES_PASSWORD', env.POSTGRES_USER ?? 'postgres');
    case 'mysql':
    case 'mariadb':
      if (/^(yes|true|1)$/i.test(resolve(env.MYSQL_ALLOW_EMPTY_PASSWORD ?? env.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD ?? '') ?? '')) return 'an empty root password is allowed';
      return weak('MYSQL_ROOT_PASSWORD', 'root') ?? weak('MARIADB_ROOT_PASSWORD', 'root') ?? weak('MYSQL_PASSWORD', env.MYSQL_USER);
    case 'mongo':
      if (env.MONGO_INITDB_ROOT_PASSWORD === undefined && env.MONGO_INITDB_ROOT_PASSWORD_FILE === undefined && !/--auth\b/.test(command)) return 'it starts without authentication (no MONGO_INITDB_ROOT_PASSWORD)';
      return weak('MONGO_INITDB_ROOT_PASSWORD', env.MONGO_INITDB_ROOT_USERNAME);
    case 'rabbitmq':
      // The official image lets its `guest` account log in from other hosts (loopback_users.guest = false).
      if (env.RABBITMQ_DEFAULT_PASS === undefined && env.RABBITMQ_DEFAULT_PASS_FILE === undefined && !mounted(/rabbitmq\.conf|definitions\.json|\/etc\/rabbitmq/)) return "it keeps the image's default guest/guest account (no RABBITMQ_DEFAULT_PASS)";
      return weak('RABBITMQ_DEFAULT_PASS', env.RABBITMQ_DEFAULT_USER ?? 'guest');
    case 'minio':
      // MinIO starts with minioadmin/minioadmin when no root password is given.
      if (env.MINIO_ROOT_PASSWORD === undefined && env.MINIO_SECRET_KEY === undefined && env.MINIO_ROOT_PASSWORD_FILE === undefined) return "it keeps MinIO's default minioadmin account (no MINIO_ROOT_PASSWORD)";
      return weak('MINIO_ROOT_PASSWORD', env.MINIO_ROOT_USER ?? 'minioadmin') ?? weak('MINIO_SECRET_KEY', env.MINIO_ACCESS_KEY ?? 'minioadmin');
    case 'elasticsearch':
      if (/^false$/i.test(resolve(env['xpack.security.enabled'] ?? '') ?? '')) return 'xpack.security.enabled is false';
      if (/^true$/i.test(resolve(env.DISABLE_SECURITY_PLUGIN ?? env['plugins.security.disabled'] ?? '') ?? '')) return 'its security plugin is disabled';
      return undefined;
    default:
      return undefined;
  }
}

// The fix for the port seen: drop it, or bind that same port to loopback.
const fixFor = (service: string, containerPort: string | number, hostPort: string | number | undefined) =>
  `Remove the \`ports:\` entry of service \`${service}\` (the other services reach it on the compose network as \`${service}:${containerPort}\`), or, for local tools, bind it to loopback: \`"127.0.0.1:${hostPort ?? containerPort}:${containerPort}"\`.`;

export const composeExposedDatastore: RepoCheck = {
  id: 'compose.exposed-datastore',
  title: 'Datastores are not published on all interfaces',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  productionOnly: true,
  docs: {
    summary:
      'Fails for each `ports:` entry of a database, cache or broker service (image postgres, mysql, mariadb, mongo, redis and the servers that speak its protocol (valkey, keydb, falkordb, dragonfly), rabbitmq, elasticsearch/opensearch, memcached, minio and common variants) that publishes on all interfaces: no host IP, `0.0.0.0` or `::`; also `network_mode: host` on such a service.',
    why: 'Docker writes its own iptables rules, so a published port bypasses host firewalls such as ufw: a database reachable from the internet is found by scanners within hours, often with a default or weak password.',
    fix: 'Do not publish datastore ports at all (services reach it on the compose network by name), or bind them to loopback for local tools: `"127.0.0.1:5432:5432"`.',
    severityNote: 'P0 when the service\'s own configuration shows anyone can log in: no password (redis without --requirepass or with an empty one, mongo without MONGO_INITDB_ROOT_PASSWORD, elasticsearch with xpack security off, opensearch with its security plugin disabled), rabbitmq keeping the image\'s guest/guest account, minio keeping minioadmin, trust authentication, or a default, weak or committed password (the user name, `postgres`, `changeme`, any literal the compose file, its variable\'s default or a `.env` git tracks sets). Values are read as compose starts them: `${VAR:-default}` through the deployment\'s `.env`, else its default (`--requirepass ${REDIS_PASSWORD:-}` is empty). P1 when it asks for a password we cannot see (a variable without a default, a required `${VAR:?}`, a secret file, a mounted configuration).',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"   # or no ports at all' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'published ports of datastores',
      applies: (service) => datastoreOf(imageOf(service)) !== undefined,
      visit(service, file): FindingInput[] {
        const store = datastoreOf(imageOf(service))!;
        const label = serviceLabel(service);
        const out: FindingInput[] = [];
        if (service.config.network_mode === 'host') {
          out.push({ status: 'fail', message: `${label} (${store}) uses \`network_mode: host\`: it listens on every host interface.`, location: service.locate(['network_mode']) });
        }
        const ports = Array.isArray(service.config.ports) ? service.config.ports : [];
        ports.forEach((entry, index) => {
          const port = parsePort(entry);
          if (!port || isLoopback(port.hostIp)) return;
          if (port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::' && !port.hostIp.startsWith('$')) return;
          const where = port.hostPort ? `host port ${port.hostPort}` : 'a random host port';
          // SEVERITY.md: published on all interfaces with no authentication or the default login is P0.
          const open = openLogin(store, service, file, (path) => ctx.files.get(path)?.tracked === true);
          out.push({
            status: 'fail',
            ...(open ? { severity: 'P0' as const } : {}),
            message: `${label} (${store}) publishes container port ${port.containerPort} on ${where} on all interfaces.${open ? ` P0: ${open}, so anyone who reaches the host can log in.` : ''}`,
            remediation: fixFor(service.name, port.containerPort, port.hostPort),
            location: service.locate(['ports', typeof entry === 'string' || typeof entry === 'number' ? String(entry) : index]),
          });
        });
        return out;
      },
    });
  },
};
