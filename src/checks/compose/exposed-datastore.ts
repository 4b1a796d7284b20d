import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { datastoreOf, imageOf, isPlainObject } from '../../parse/compose.js';
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
          out.push({
            status: 'fail',
            message: `${label} (${store}) publishes container port ${port.containerPort} on ${where} on all interfaces.`,
            location: service.locate(['ports', typeof entry === 'string' || typeof entry === 'number' ? String(entry) : index]),
          });
        });
        return out;
      },
    });
  },
};
