import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { datastoreOf, environmentOf, imageOf, isPlainObject, serviceCommand, type ComposeService, type Datastore } from '../../parse/compose.js';
import { isWeakValue } from '../../model/values.js';
import { splitOutsideInterpolation } from '../../parse/interpolation.js';
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
 * shows it: no password at all, trust authentication, or a default or weak
 * one (the user name, `postgres`, `changeme`...). Undefined when it asks for
 * a password we cannot see (a variable without a default, a secret file).
 */
export function openLogin(store: Datastore, service: ComposeService): string | undefined {
  const env = environmentOf(service);
  const command = serviceCommand(service);
  const weak = (name: string, user?: string): string | undefined => {
    const value = env[name];
    if (value === undefined || /\$\{?[A-Za-z_]|^\/run\/secrets\//.test(value)) return undefined;
    if (value === '') return `${name} is empty`;
    if ((user !== undefined && value === user) || isWeakValue(value)) return `${name} is a default or weak value`;
    return undefined;
  };
  switch (store) {
    case 'redis':
    case 'memcached':
      return /--requirepass|--aclfile|--sasl/.test(command) || Object.keys(env).some((k) => /PASSWORD/i.test(k)) ? undefined : 'it asks for no password (no --requirepass)';
    case 'postgres':
      if (/^trust$/i.test(env.POSTGRES_HOST_AUTH_METHOD ?? '')) return 'POSTGRES_HOST_AUTH_METHOD is trust';
      return weak('POSTGRES_PASSWORD', env.POSTGRES_USER ?? 'postgres');
    case 'mysql':
    case 'mariadb':
      if (/^(yes|true|1)$/i.test(env.MYSQL_ALLOW_EMPTY_PASSWORD ?? env.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD ?? '')) return 'an empty root password is allowed';
      return weak('MYSQL_ROOT_PASSWORD', 'root') ?? weak('MARIADB_ROOT_PASSWORD', 'root') ?? weak('MYSQL_PASSWORD', env.MYSQL_USER);
    case 'mongo':
      if (env.MONGO_INITDB_ROOT_PASSWORD === undefined && env.MONGO_INITDB_ROOT_PASSWORD_FILE === undefined && !/--auth\b/.test(command)) return 'it starts without authentication (no MONGO_INITDB_ROOT_PASSWORD)';
      return weak('MONGO_INITDB_ROOT_PASSWORD', env.MONGO_INITDB_ROOT_USERNAME);
    case 'elasticsearch':
      return /^false$/i.test(env['xpack.security.enabled'] ?? '') ? 'xpack.security.enabled is false' : undefined;
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
  docs: {
    summary:
      'Fails for each `ports:` entry of a database, cache or broker service (image postgres, mysql, mariadb, mongo, redis, rabbitmq, elasticsearch/opensearch, memcached and common variants) that publishes on all interfaces: no host IP, `0.0.0.0` or `::`; also `network_mode: host` on such a service.',
    why: 'Docker writes its own iptables rules, so a published port bypasses host firewalls such as ufw: a database reachable from the internet is found by scanners within hours, often with a default or weak password.',
    fix: 'Do not publish datastore ports at all (services reach it on the compose network by name), or bind them to loopback for local tools: `"127.0.0.1:5432:5432"`.',
    severityNote: 'P0 when the service\'s own configuration shows anyone can log in: no password (redis without --requirepass, mongo without MONGO_INITDB_ROOT_PASSWORD, elasticsearch with security off), trust authentication, or a default or weak password (the user name, `postgres`, `changeme`...); P1 when it asks for a password we cannot see.',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"   # or no ports at all' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'published ports of datastores',
      applies: (service) => datastoreOf(imageOf(service)) !== undefined,
      visit(service): FindingInput[] {
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
          const open = openLogin(store, service);
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
