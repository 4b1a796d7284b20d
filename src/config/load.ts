// Reads and validates the configuration file. Every problem becomes a
// ConfigError whose message is one line naming the file, the line (where the
// YAML parser knows it) and the key path: the CLI prints it and exits 2.

import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { configSchema, defaultConfig, type ResolvedConfig, type TargetConfig } from './schema.js';
import { parseYaml, nodeAt } from '../parse/yaml.js';
import { closest } from './did-you-mean.js';
import { UsageError } from '../core/errors.js';

export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

export const DEFAULT_CONFIG_PATH = '.github/readiness.yml';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file read, or undefined when the defaults apply. */
  source?: string;
}

/**
 * Loads `file`. A missing file is an error only when the path was given
 * explicitly; the default path may be absent.
 */
export async function loadConfig(
  file: string,
  options: { explicit: boolean },
): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.explicit) return { config: defaultConfig() };
    if (code === 'ENOENT') throw new ConfigError(`${file}: configuration file not found`);
    if (code === 'EISDIR') throw new ConfigError(`${file}: is a directory, not a configuration file`);
    throw new ConfigError(`${file}: cannot read configuration file (${code ?? String(err)})`);
  }
  return { config: parseConfigText(text, file), source: file };
}

/** The file's settings; `${NAME}` in target headers stays as written until `expandHeaderVariables`. */
export function parseConfigText(text: string, file: string): ResolvedConfig {
  if (text.includes('\u0000')) throw new ConfigError(`${file}: is a binary file, not YAML`);
  const yaml = parseYaml(text);
  if (yaml.errors.length > 0) {
    const first = yaml.errors[0]!;
    throw new ConfigError(`${file}:${first.line}: invalid YAML: ${first.message}`);
  }
  if (yaml.documents.length > 1) {
    throw new ConfigError(`${file}:${yaml.lineOf(yaml.documents[1]!.contents)}: expected one YAML document, found ${yaml.documents.length}`);
  }
  const doc = yaml.documents[0];
  let raw: unknown;
  try {
    raw = doc ? doc.toJS({ maxAliasCount: 1000 }) : {};
  } catch (err) {
    // e.g. an alias bomb: "Excessive alias count indicates a resource exhaustion attack".
    throw new ConfigError(`${file}: invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError(`${file}:1: the configuration must be a mapping of keys to values`);
  }
  const result = configSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(describeIssue(issue, file, (keyPath) => (doc ? lineOfPath(doc, keyPath, yaml.lineOf) : undefined)));
  }
  return result.data;
}

function lineOfPath(
  doc: Parameters<typeof nodeAt>[0],
  keyPath: ReadonlyArray<PropertyKey>,
  lineOf: (node: unknown) => number,
): number | undefined {
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let n = keyPath.length; n >= 0; n--) {
    const node = nodeAt(doc, keyPath.slice(0, n).map((k) => (typeof k === 'symbol' ? String(k) : k)) as (string | number)[]);
    if (node !== undefined) return lineOf(node);
  }
  return undefined;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  file: string,
  lineFor: (keyPath: ReadonlyArray<PropertyKey>) => number | undefined,
): string {
  const keyPath = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const full = [...keyPath, key];
    const known = knownKeysAt(keyPath);
    const suggestion = closest(key, known);
    const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? ` (known keys: ${known.join(', ')})` : '';
    return `${where(file, lineFor(full))}: ${formatPath(full)}: unknown key${hint}`;
  }
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    message = issue.input === undefined ? `expected ${issue.expected}, but it is missing` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  }
  return `${where(file, lineFor(keyPath))}: ${formatPath(keyPath) || '(top level)'}: ${message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  return String(value);
}

function where(file: string, line: number | undefined): string {
  return line ? `${file}:${line}` : file;
}

export function formatPath(keyPath: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of keyPath) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

// The keys each object of the schema accepts, found by walking zod's own
// definitions so the hint can never drift from the schema.
function knownKeysAt(keyPath: ReadonlyArray<PropertyKey>): string[] {
  let schema: unknown = configSchema;
  for (const key of keyPath) {
    schema = unwrap(schema);
    const def = defOf(schema);
    if (def?.type === 'object') schema = (def.shape as Record<string, unknown>)[String(key)];
    else if (def?.type === 'array') schema = def.element;
    else if (def?.type === 'record') schema = def.valueType;
    else return [];
  }
  const def = defOf(unwrap(schema));
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

type Def = { type: string; [key: string]: unknown };
function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema);
    if (!def) return schema;
    if (def.type === 'pipe') schema = def.in;
    else if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') schema = def.innerType;
    else if (def.type === 'union') {
      // For `"/path" | { path, ... }` the object branch carries the keys.
      const options = def.options as unknown[];
      schema = options.find((o) => defOf(unwrap(o))?.type === 'object') ?? options[0];
    } else return schema;
  }
  return schema;
}

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface EnvRule {
  /** Variables the workflow lists (`allow-env` input, `--allow-env`). */
  allowEnv: readonly string[];
  /** Origins of the URLs the workflow gives (`url` input, `--url`). */
  workflowOrigins: readonly string[];
}

/**
 * Header values may say `Bearer ${API_TOKEN}`; the value never reaches a report.
 * On a pull request the configuration file comes from the pull request's head:
 * a header `X: ${ANY_SECRET}` on a target of its choosing would send any
 * secret of the runner to any host. So a variable is read only when the
 * workflow (not the file) allows both: the variable is listed in `allow-env`,
 * and the target's origin is one the workflow named with `url`. Anything else
 * is a configuration error, before any request is sent.
 */
export function expandHeaderVariables(targets: readonly TargetConfig[], file: string, env: NodeJS.ProcessEnv, rule: EnvRule): TargetConfig[] {
  const allowed = new Set(rule.allowEnv);
  const origins = new Set(rule.workflowOrigins);
  return targets.map((target, index) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(target.headers)) {
      const where = `${file}: targets[${index}].headers.${name}`;
      headers[name] = value.replace(ENV_REFERENCE, (_, variable: string) => {
        if (!allowed.has(variable)) {
          throw new ConfigError(
            `${where}: references \${${variable}}, which the workflow does not allow: list it in the allow-env input (CLI: --allow-env ${variable}); the configuration file alone may not read the environment`,
          );
        }
        if (!origins.has(originOf(target.url))) {
          throw new ConfigError(
            `${where}: references \${${variable}} for ${originOf(target.url)}, a target the workflow did not name: give it as the url input (CLI: --url) to send the variable there`,
          );
        }
        const resolved = env[variable];
        if (resolved === undefined) {
          throw new ConfigError(`${where}: references \${${variable}}, which is not set in the environment`);
        }
        return resolved;
      });
    }
    return { ...target, headers };
  });
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
