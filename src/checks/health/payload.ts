// Dependencies listed in a health payload, across the shapes in common use.
// Pure: JSON in, a flat list of named dependencies out.
//
// - Spring Boot Actuator: {"status":"DOWN","components":{"db":{"status":"DOWN"}}}
//   (Boot 1.x: "details" instead of "components"; components nest).
// - IETF draft-inadarei-api-health-check: {"status":"fail","checks":{"postgres:responseTime":[{"status":"fail"}]}}
// - NestJS Terminus: {"status":"error","info":{...},"error":{"database":{"status":"down"}},"details":{...}}
// - ASP.NET Core HealthChecks UI writer: {"status":"Unhealthy","entries":{"sql":{"status":"Unhealthy"}}}
// - nested: {"checks":{"redis":{"status":"fail"}}}; lists: {"checks":[{"name":"db","status":"fail"}]}
// - flat: {"database":"down","cache":"up"}; django-health-check: {"DatabaseBackend":"working"}

import { classifyStatusValue, isObject, type HealthWord } from './discover.js';

export interface Dependency {
  name: string;
  word: HealthWord;
  /** The status value as the payload says it. */
  value: string;
}

/** Keys under which payloads list their dependencies. */
const CONTAINER_KEYS = ['components', 'checks', 'details', 'entries', 'dependencies', 'services', 'info', 'error', 'results', 'resources'];
const STATUS_KEYS = ['status', 'state', 'health', 'healthy', 'up', 'ok'];
const NAME_KEYS = ['name', 'componentId', 'componentid', 'component', 'id', 'service'];
/** Top-level keys that describe the whole service, never a dependency. */
const SELF_KEYS = new Set(['status', 'state', 'health', 'healthy', 'ok', 'up', 'alive', 'ready', 'live', 'success', 'version', 'uptime', 'timestamp', 'time', 'description', 'message', 'notes', 'output', 'serviceid', 'releaseid', 'links', 'groups', 'totalduration', 'duration']);

/** Flat boolean keys that name a condition of the service (true is the bad value). */
const CONDITION_FLAG = /maint|degrad|error|fail|shut|drain|read.?only|debug|disabled|paused|locked|stale/i;

export function dependenciesOf(payload: unknown): Dependency[] {
  const found = new Map<string, Dependency>();
  const add = (dep: Dependency): void => {
    const known = found.get(dep.name);
    // The same dependency may appear twice (Terminus lists failures under
    // "error" and everything under "details"): the unhealthy reading wins.
    if (!known || (known.word !== 'unhealthy' && dep.word === 'unhealthy')) found.set(dep.name, dep);
  };
  if (!isObject(payload)) return [];
  let listed = false;
  for (const key of CONTAINER_KEYS) {
    const container = payload[key];
    if (container === undefined) continue;
    const before = found.size;
    collect(container, '', add, 0);
    if (found.size > before) listed = true;
  }
  if (!listed) {
    // Flat shape: any top-level key whose value is a status word (or an
    // object with a status) names a dependency.
    for (const [key, value] of Object.entries(payload)) {
      if (SELF_KEYS.has(key.toLowerCase())) continue;
      // `maintenance: false`, `shuttingDown: false`: a flag about the service
      // whose good value is false, not a dependency that is down.
      if (typeof value === 'boolean' && CONDITION_FLAG.test(key)) continue;
      const dep = readDependency(key, value);
      if (dep) add(dep);
    }
  }
  return [...found.values()];
}

function collect(container: unknown, prefix: string, add: (dep: Dependency) => void, depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(container)) {
    container.forEach((item, index) => {
      if (!isObject(item)) return;
      const named = NAME_KEYS.map((k) => item[k]).find((v): v is string => typeof v === 'string');
      const name = named ?? (prefix ? `${prefix}[${index}]` : `#${index + 1}`);
      const dep = readDependency(prefix && named ? `${prefix}/${named}` : name, item);
      if (dep) add(dep);
    });
    return;
  }
  if (!isObject(container)) return;
  for (const [key, value] of Object.entries(container)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      // IETF draft: "component:measurement" -> list of observations, one per instance.
      const items = value.filter(isObject);
      const statuses = items.map((item) => statusOf(item)).filter((s): s is { value: string; word: HealthWord } => s !== undefined);
      if (statuses.length) {
        const worst = statuses.find((s) => s.word === 'unhealthy') ?? statuses.find((s) => s.word === 'unknown') ?? statuses[0]!;
        add({ name, ...worst });
      }
      continue;
    }
    const dep = readDependency(name, value);
    if (dep) add(dep);
    // Spring nests components ({"db":{"components":{"primary":{...}}}}).
    if (isObject(value) && isObject(value['components'])) collect(value['components'], name, add, depth + 1);
  }
}

function readDependency(name: string, value: unknown): Dependency | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') {
    const word = classifyStatusValue(value);
    return word === 'unknown' ? undefined : { name, word, value: String(value) };
  }
  if (isObject(value)) {
    const status = statusOf(value);
    return status ? { name, ...status } : undefined;
  }
  return undefined;
}

function statusOf(object: Record<string, unknown>): { value: string; word: HealthWord } | undefined {
  for (const key of STATUS_KEYS) {
    const value = object[key];
    if (typeof value === 'string' || typeof value === 'boolean') {
      // `up: true` / `ok: false` are booleans about health; `status: "UP"` is a word.
      return { value: String(value), word: classifyStatusValue(value) };
    }
  }
  return undefined;
}
