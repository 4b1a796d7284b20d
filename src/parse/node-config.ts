// node-config (the `config` package): an app's settings live in
// `config/default.*`, overridden by `config/production.*` when
// NODE_ENV=production, and by environment variables listed in
// `config/custom-environment-variables.*`
// (https://github.com/node-config/node-config/wiki/Configuration-Files).
// Read statically like the Django settings: a value mapped to an environment
// variable resolves to the file value, which is what runs when the variable
// is unset. JSON and YAML files are read (JSON through the YAML loader, which
// keeps lines); JavaScript config files are not evaluated.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileSet } from '../repo/fileset.js';
import { parseYaml, type YamlFile } from './yaml.js';

export interface ConfigValue {
  value: unknown;
  /** The file and line that set it (production.* over default.*). */
  path: string;
  line: number;
  /** Mapped in custom-environment-variables: the variable that overrides it. */
  envVar?: string;
}

export interface NodeConfig {
  dir: string;
  /** Files read, lowest precedence first. */
  files: string[];
  /** Config files that could not be parsed (their values are missing from `get`), at the parser's line. */
  problems: Array<{ path: string; line: number; message: string }>;
  get(key: string): ConfigValue | undefined;
}

const EXTENSIONS = ['json', 'yml', 'yaml', 'json5'];

/** The node-config of the app in `appDir` (its `config/` directory), or undefined when it has none. */
export async function loadNodeConfig(files: FileSet, appDir: string): Promise<NodeConfig | undefined> {
  const dir = `${appDir === '.' || appDir === '' ? '' : `${appDir}/`}config`;
  const find = (stem: string): string | undefined => EXTENSIONS.map((e) => `${dir}/${stem}.${e}`).find((p) => files.has(p));
  const layers = ['default', 'production'].map(find).filter((p): p is string => p !== undefined);
  if (!layers.length) return undefined;
  const values = new Map<string, ConfigValue>();
  const problems: NodeConfig['problems'] = [];
  const readYaml = async (path: string): Promise<YamlFile | undefined> => {
    const text = await files.read(path);
    if (text === undefined) return undefined;
    const yaml = parseYaml(text);
    if (!yaml.errors.length) return yaml;
    problems.push({ path, line: yaml.errors[0]!.line, message: yaml.errors[0]!.message });
    return undefined;
  };
  for (const path of layers) {
    const yaml = await readYaml(path);
    if (yaml) flatten(yaml, yaml.documents[0]?.contents as Node | null | undefined, '', path, values);
  }
  const envPath = find('custom-environment-variables');
  const envNames = new Map<string, string>();
  if (envPath) {
    const yaml = await readYaml(envPath);
    const mapped = new Map<string, ConfigValue>();
    if (yaml) flatten(yaml, yaml.documents[0]?.contents as Node | null | undefined, '', envPath, mapped);
    for (const [key, v] of mapped) {
      // `{ __name: "PORT", __format: "number" }` flattens to key.__name.
      const name = key.endsWith('.__name') ? key.slice(0, -'.__name'.length) : key.endsWith('.__format') ? undefined : key;
      if (name && typeof v.value === 'string') envNames.set(name, v.value);
    }
  }
  return {
    dir,
    files: [...layers, ...(envPath ? [envPath] : [])],
    problems,
    get(key) {
      const found = values.get(key) ?? objectAt(values, key);
      if (!found) return undefined;
      const envVar = envNames.get(key);
      return envVar ? { ...found, envVar } : found;
    },
  };
}

/** Leaves as `a.b.c` (maps are rebuilt from them, so layers merge deeply as node-config does). */
function flatten(yaml: YamlFile, node: Node | null | undefined, prefix: string, path: string, out: Map<string, ConfigValue>): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const child = pair.value as Node | null;
      if (isMap(child)) flatten(yaml, child, prefix ? `${prefix}.${key}` : key, path, out);
      else out.set(prefix ? `${prefix}.${key}` : key, { value: isScalar(child) || isSeq(child) ? (child as { toJSON(): unknown }).toJSON() : null, path, line: yaml.lineOf(pair) });
    }
  }
}

/** `config.get("cors")`: the object rebuilt from the merged leaves under it, located at its first leaf. */
function objectAt(values: ReadonlyMap<string, ConfigValue>, key: string): ConfigValue | undefined {
  const prefix = `${key}.`;
  let first: ConfigValue | undefined;
  const object: Record<string, unknown> = {};
  for (const [k, v] of values) {
    if (!k.startsWith(prefix)) continue;
    first ??= v;
    const parts = k.slice(prefix.length).split('.');
    let at = object;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = v.value;
  }
  return first ? { value: object, path: first.path, line: first.line } : undefined;
}
