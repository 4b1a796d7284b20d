// `readiness-gate roles [--repo DIR] [--config FILE] [--format text|json] [PATH...]`:
// the role of each file of the repository and what gave it (a role rule's
// id, a piece of evidence, the configuration), computed by the same model the
// audit uses. With PATHs, only those files (or the files under those folders).

import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config/load.js';
import { UsageError } from './core/errors.js';
import { loadFileSet } from './repo/fileset.js';
import { buildRepoModel } from './model/index.js';
import type { RoleInfo } from './model/roles.js';
import { terminalText } from './report/escape.js';

export interface RolesOptions {
  repo: string;
  config?: string;
  paths: readonly string[];
  format: 'text' | 'json';
}

export interface RoleRow {
  path: string;
  role: RoleInfo['role'];
  rule: string;
  reason: string;
}

/** Every file's role, or those of `paths` (files, or folders: every file under them). */
export async function fileRoles(options: Omit<RolesOptions, 'format'>): Promise<RoleRow[]> {
  const root = resolve(options.repo);
  const configPath = options.config !== undefined ? resolve(options.config) : join(root, DEFAULT_CONFIG_PATH);
  const { config } = await loadConfig(configPath, { explicit: options.config !== undefined });
  const files = await loadFileSet(root, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore });
  const model = await buildRepoModel(files, { roles: config.repo.roles });
  const wanted = options.paths.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
  const selected = wanted.length
    ? files.files.filter((f) => wanted.some((w) => w === '' || w === '.' || f.path === w || f.path.startsWith(`${w}/`)))
    : files.files;
  const missing = wanted.filter((w) => w !== '' && w !== '.' && !files.files.some((f) => f.path === w || f.path.startsWith(`${w}/`)));
  if (missing.length) throw new UsageError(`not in the repository (or ignored): ${missing.join(', ')}`);
  return selected.map((f) => {
    const info = model.roles.of(f.path);
    return { path: f.path, role: info.role, rule: info.rule ?? 'unknown', reason: info.reason };
  });
}

export function renderRoles(rows: readonly RoleRow[], format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.min(12, Math.max(...rows.map((r) => r.role.length), 4));
  const lines = rows.map((r) => `${r.role.padEnd(width)}  ${terminalText(r.path)}  [${r.rule}] ${terminalText(r.reason)}`);
  const byRole = new Map<string, number>();
  for (const r of rows) byRole.set(r.role, (byRole.get(r.role) ?? 0) + 1);
  const summary = [...byRole].sort((a, b) => b[1] - a[1]).map(([role, n]) => `${n} ${role}`).join(', ');
  return `${lines.join('\n')}\n\n${rows.length} file(s): ${summary}.\n`;
}
