// Kubernetes manifests a documented command applies. A folder name says
// little (`extras/` is auxiliary material in most repositories), but
// `kubectl apply -f ./extras/jwt/jwt-secret.yaml` in the README's quickstart,
// a Makefile, a deploy script or a CI workflow says the file is deployed: it
// is judged as production. Read from the same files as compose `-f` chains (a
// line scan, nothing is executed).

import { posix } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import type { FileRoles, RoleInfo } from './roles.js';

const SOURCES = /(^|\/)(Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|README[\w.-]*|[\w.-]+\.(md|mdx|rst))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;
const MAX_SOURCES = 400;
const KUBECTL_APPLY = /\bkubectl\b[^\n]{0,200}?\s(apply|create|replace)\b/;
const FILE_ARGUMENT = /(?:^|\s)(?:-f|--filename|-k|--kustomize)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * Every line (cut at 2,000 characters) of the scripts and docs whose text
 * passes `mentions`: the one scan both readings below share.
 */
async function documentedLines(files: FileSet, mentions: (text: string) => boolean, visit: (path: string, line: string, index: number) => void): Promise<void> {
  const sources = files.files.map((f) => f.path).filter((p) => SOURCES.test(p)).slice(0, MAX_SOURCES);
  const perFile = await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    return text && mentions(text) ? { path, text } : undefined;
  });
  for (const source of perFile) {
    if (!source) continue;
    const lines = source.text.split('\n');
    for (let i = 0; i < lines.length; i++) visit(source.path, lines[i]!.length > 2000 ? lines[i]!.slice(0, 2000) : lines[i]!, i);
  }
}

/** Files `kubectl apply -f` (or `-k`) names in the repository's scripts and docs, by path, with where it is said. */
async function appliedManifests(files: FileSet): Promise<Map<string, string>> {
  const applied = new Map<string, string>();
  await documentedLines(files, (text) => text.includes('kubectl'), (path, line, i) => {
    const command = KUBECTL_APPLY.exec(line);
    if (!command) return;
    for (const m of line.slice(command.index).matchAll(FILE_ARGUMENT)) {
      const written = m[2]!;
      if (/^[a-z]+:\/\//i.test(written) || /[$%{}*]/.test(written) || written === '-') continue;
      const where = `\`kubectl ${command[1]}\` in ${path}:${i + 1}`;
      // Run from the folder of the file that says it (a README beside its manifests), or from the root.
      for (const base of [posix.dirname(path), '.']) {
        const clean = posix.normalize(posix.join(base, written)).replace(/\/+$/, '');
        if (clean.startsWith('..')) continue;
        if (files.has(clean)) {
          if (!applied.has(clean)) applied.set(clean, where);
          break;
        }
        // A directory: every manifest under it (`kubectl apply -f dir/`, `-k overlay/`).
        const under = files.files.filter((f) => f.path.startsWith(`${clean}/`) && MANIFEST.test(f.path));
        for (const f of under) if (!applied.has(f.path)) applied.set(f.path, where);
        if (under.length) break;
      }
    }
  });
  return applied;
}

/** Manifests a documented command applies, in folders the path table calls tooling (`extras/`): production. */
export async function appliedRoleOverrides(files: FileSet, roles: FileRoles): Promise<Map<string, RoleInfo>> {
  const overrides = new Map<string, RoleInfo>();
  for (const [path, where] of await appliedManifests(files)) {
    if (roles.of(path).role === 'tooling') overrides.set(path, { role: 'production', reason: `applied by ${where}` });
  }
  return overrides;
}

const COPY_COMMAND = /\b(cp|mv|curl|wget|install)\b/;
const EXAMPLE_COMPOSE = /(^|\/)((docker-)?compose[\w.-]*)\.(example|sample|dist)\.ya?ml$|(^|\/)((docker-)?compose)\.(example|sample)[\w.-]*\.ya?ml$/i;

/**
 * An example compose file the documentation copies into place as the
 * deployment (`curl -o compose.yml .../compose.example.yml`, `cp
 * docker-compose.sample.yml docker-compose.yml`): what users run, judged as
 * production. Only compose files: `cp .env.example .env` is the template an
 * operator fills in, and stays an example.
 */
export async function promotedExampleComposeFiles(files: FileSet): Promise<Map<string, RoleInfo>> {
  const examples = files.files.map((f) => f.path).filter((p) => EXAMPLE_COMPOSE.test(p));
  const out = new Map<string, RoleInfo>();
  if (!examples.length) return out;
  await documentedLines(files, (text) => examples.some((e) => text.includes(posix.basename(e))), (path, line, i) => {
    if (!COPY_COMMAND.test(line) || !/(^|[\s/])(docker-)?compose\.ya?ml\b/.test(line)) return;
    for (const example of examples) {
      if (!out.has(example) && line.includes(posix.basename(example))) {
        out.set(example, { role: 'production', reason: `copied into place as the deployment by ${path}:${i + 1}` });
      }
    }
  });
  return out;
}
