import picomatch from 'picomatch';
import type { FindingInput, RepoCheck } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { NON_PRODUCT_PATH, REQUIREMENTS_FILE } from './project.js';

export const lockfile: RepoCheck = {
  id: 'ops.lockfile',
  title: 'Dependencies are locked',
  category: 'reliability',
  severity: 'P1',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary:
      'Fails for a dependency manifest without its lockfile: package.json without package-lock/yarn.lock/pnpm-lock (here or in a parent workspace), pyproject.toml with dependencies but no poetry.lock/uv.lock/pdm.lock beside it or at the root of a uv/Poetry workspace that lists it as a member, Pipfile without Pipfile.lock or a requirements file beside it, requirements*.txt or requirements/*.txt with unpinned lines, go.mod without go.sum, a Cargo application without Cargo.lock, Gemfile/composer.json without their locks (a composer.json of `"type": "library"`, a bundle or plugin, and a gem\'s Gemfile that reads its `gemspec`, are not judged: the projects that install them lock them; a package of the root project\'s Composer path repository is locked by the root\'s composer.lock). A member of a pnpm (`pnpm-workspace.yaml`), yarn or npm (`workspaces`) workspace is locked by the root\'s lockfile. Unrendered cookiecutter/Jinja templates (a `{{ ... }}` directory, `{% if %}` lines) are not judged: they are locked once rendered.',
    severityNote: 'P2 when every direct dependency of a package.json or composer.json is pinned to an exact version (only transitive ones float), and for unpinned development requirements (`requirements-dev.txt`, `requirements/local.txt`, `requirements-test.txt`, lint/docs/Read the Docs/typing) and manifests of the CI\'s or the developers\' own tools (by their role): they are not installed in the deployed image.',
    why: 'Without a lock every build resolves dependencies anew: the image that is deployed is not the one that was tested, and a compromised or broken release of a dependency ships without any change in the repository.',
    fix: 'Commit the lockfile your package manager writes (npm install, poetry lock, uv lock, pipenv lock, go mod tidy, cargo generate-lockfile, bundle lock) and install from it in CI and images (npm ci, pip install -r with pins, --frozen-lockfile).',
  },
  async run(ctx) {
    const findings: FindingInput[] = [];
    const checked: string[] = [];
    const templates: string[] = [];
    for (const file of ctx.files.files) {
      if (NON_PRODUCT_PATH.test(file.path)) continue;
      const base = file.path.slice(file.path.lastIndexOf('/') + 1);
      const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
      // A cookiecutter/Jinja manifest is locked once rendered; its `{%- endif %}` lines are not requirements.
      const template = ctx.model.roles.of(file.path).role === 'template';
      const verdict = await manifestVerdict(ctx.files, file.path, base, dir);
      if (verdict === undefined) continue;
      if (template) templates.push(file.path);
      else {
        checked.push(file.path);
        // A manifest of the CI's or the developers' own tools (`.github/workflows/x/requirements.txt`) is not
        // what the deployed image installs.
        const role = ctx.model.roles.of(file.path);
        const tooling = role.role === 'tooling' || role.role === 'development';
        if (verdict && tooling && verdict.severity !== 'P2') findings.push({ ...verdict, severity: 'P2', message: `${verdict.message} P2: ${role.reason}, not what the deployed image installs.` });
        else if (verdict) findings.push(verdict);
      }
    }
    const note = templates.length ? [{ status: 'skip' as const, message: `Not judged: ${listed(templates)} (unrendered cookiecutter/Jinja templates).` }] : [];
    if (!checked.length) return note.length ? note : [{ status: 'skip', message: 'No dependency manifest found.' }];
    return [...(findings.length ? findings : [{ status: 'pass' as const, message: `Locked: ${listed(checked)}.` }]), ...note];
  },
};

const listed = (paths: string[]): string => `${paths.slice(0, 8).join(', ')}${paths.length > 8 ? ` and ${paths.length - 8} more` : ''}`;

/**
 * The lockfile of a Python workspace that has `dir` as a member: an ancestor
 * pyproject.toml that lists it in `[tool.uv.workspace] members` (globs, minus
 * `exclude`) or depends on it by path (`{ path = "packages/x" }` in Poetry or
 * `[tool.uv.sources]`), with its lock beside it. uv and Poetry resolve such a
 * member from the root's lock (docs.astral.sh/uv/concepts/projects/workspaces).
 */
async function pythonWorkspaceLock(files: FileSet, dir: string): Promise<string | undefined> {
  const member = dir.replace(/\/$/, '');
  const parts = member.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const root = parts.slice(0, i).join('/');
    const rootDir = root ? `${root}/` : '';
    const text = files.has(`${rootDir}pyproject.toml`) ? await files.read(`${rootDir}pyproject.toml`) : undefined;
    if (!text) continue;
    const relative = member.slice(rootDir.length);
    const members = tomlArray(text, 'tool.uv.workspace', 'members');
    const excluded = tomlArray(text, 'tool.uv.workspace', 'exclude');
    const inUvWorkspace = members.length > 0 && picomatch(members)(relative) && !(excluded.length > 0 && picomatch(excluded)(relative));
    const byPath = [...text.matchAll(/\bpath\s*=\s*["']([^"']+)["']/g)].some((m) => normalise(m[1]!) === relative);
    if (!inUvWorkspace && !byPath) continue;
    const lock = ['uv.lock', 'poetry.lock', 'pdm.lock'].map((n) => rootDir + n).find((p) => files.has(p));
    if (lock) return lock;
  }
  return undefined;
}

const EXACT_NPM_VERSION = /^(npm:[\w@/.-]+@)?\d+\.\d+\.\d+([-+][\w.-]+)?$|^(workspace|file|link):/;
const EXACT_COMPOSER_VERSION = /^v?\d+\.\d+\.\d+([-+][\w.-]+)?$|^(ext|php|lib)-/;

/** Every direct dependency of these manifest sections is an exact version (or a local workspace link). */
function allPinned(json: Record<string, unknown>, sections: readonly string[], exact: RegExp): boolean {
  const versions = sections.flatMap((k) => Object.entries((json[k] as Record<string, unknown> | undefined) ?? {}));
  return versions.length > 0 && versions.every(([name, v]) => typeof v === 'string' && (exact.test(v.trim()) || /^(php|ext-)/.test(name)));
}

const normalise = (path: string): string => path.replace(/^\.\//, '').replace(/\/+$/, '');

/** Undefined: not a manifest (or nothing to lock); null: locked; otherwise the failure. */
async function manifestVerdict(files: FileSet, path: string, base: string, dir: string): Promise<FindingInput | null | undefined> {
  const text = (): Promise<string> => files.read(path).then((t) => t ?? '');
  const fail = (message: string, line = 1): FindingInput => ({ status: 'fail', message, location: { path, line } });
  const lockUp = (names: string[]): string | undefined => {
    const parts = dir.split('/').filter(Boolean);
    for (let i = parts.length; i >= 0; i--) {
      const prefix = parts.slice(0, i).join('/');
      const found = names.map((n) => (prefix ? `${prefix}/${n}` : n)).find((p) => files.has(p));
      if (found) return found;
    }
    return undefined;
  };
  switch (base) {
    case 'package.json': {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(await text()) as Record<string, unknown>;
      } catch {
        return undefined;
      }
      const count = ['dependencies', 'devDependencies', 'optionalDependencies'].reduce((n, k) => n + Object.keys((json[k] as object | undefined) ?? {}).length, 0);
      if (!count) return undefined;
      if (lockUp(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'])) return null;
      const finding = fail(`${path} declares ${count} dependencies but there is no package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock beside it or in a parent workspace.`);
      // SEVERITY.md: production dependencies without a lock *or pins* is P1; exact pins leave only transitive drift.
      return allPinned(json, ['dependencies', 'devDependencies', 'optionalDependencies'], EXACT_NPM_VERSION) ? { ...finding, severity: 'P2', message: `${finding.message} P2: every direct dependency is pinned to an exact version; only transitive ones float.` } : finding;
    }
    case 'pyproject.toml': {
      const t = await text();
      const poetry = tomlSectionKeys(t, 'tool.poetry.dependencies').some((k) => k !== 'python');
      const pep621 = /^dependencies\s*=\s*\[\s*["']/m.test(t);
      if (!poetry && !pep621) return undefined;
      const lock = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'requirements.lock', 'pylock.toml'].map((n) => dir + n).find((p) => files.has(p));
      if (lock || (dir && (await pythonWorkspaceLock(files, dir)))) return null;
      return requirementsBeside(files, dir) ? null : fail(`${path} declares dependencies but there is no poetry.lock, uv.lock or pdm.lock (or pinned requirements file) beside it, nor a workspace root that lists it as a member with its lock.`);
    }
    case 'Pipfile': {
      if (files.has(`${dir}Pipfile.lock`)) return null;
      // A requirements file beside it (exported from the Pipfile, Baby Buddy's) is what gets installed; its own
      // pins are judged as a requirements file, as for pyproject.toml above.
      return requirementsBeside(files, dir) ? null : fail(`${path} has no Pipfile.lock beside it (nor a requirements file).`);
    }
    case 'go.mod':
      return /^\s*require\b/m.test(await text()) ? (files.has(`${dir}go.sum`) ? null : fail(`${path} requires modules but there is no go.sum beside it.`)) : undefined;
    case 'Cargo.toml': {
      const t = await text();
      const application = /^\[\[bin\]\]/m.test(t) || files.has(`${dir}src/main.rs`);
      if (!application) return undefined;
      return lockUp(['Cargo.lock']) ? null : fail(`${path} builds a binary but there is no Cargo.lock (Cargo recommends committing it for applications).`);
    }
    case 'Gemfile':
      if (files.has(`${dir}Gemfile.lock`)) return null;
      // A gem's own Gemfile (`gemspec`: its dependencies come from the .gemspec): the applications that install the
      // gem resolve and lock them (Bundler's guidance for gems), like a Composer library.
      if (/^\s*gemspec\b/m.test(await text())) return undefined;
      return fail(`${path} has no Gemfile.lock beside it.`);
    case 'composer.json': {
      const raw = await text();
      if (!/"require"\s*:\s*\{\s*"/.test(raw)) return undefined;
      if (files.has(`${dir}composer.lock`)) return null;
      // A package of the root project's own path repository (`"repositories": [{"type": "path", "url": "packages/*/*"}]`):
      // the root's composer.lock records it and its requirements.
      if (dir && (await composerPathRepositoryLock(files, dir))) return null;
      const finding = fail(`${path} has no composer.lock beside it.`);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return finding;
      }
      // A library package (`"type": "library"`, a bundle or plugin) is installed into its users' projects, which
      // resolve and lock its requirements: Composer leaves committing its lock to the library's authors.
      if (typeof json.type === 'string' && /^(library|symfony-bundle|[\w-]+-(plugin|bundle|module|extension))$/.test(json.type)) return undefined;
      return allPinned(json, ['require'], EXACT_COMPOSER_VERSION) ? { ...finding, severity: 'P2', message: `${finding.message} P2: every direct requirement is pinned to an exact version; only transitive ones float.` } : finding;
    }
    default:
      if (REQUIREMENTS_FILE.test(path)) {
        const unpinned = unpinnedRequirements(await text());
        if (!unpinned.length) return null;
        const names = unpinned.map((u) => u.name);
        const development = isDevelopmentRequirements(path);
        return {
          ...fail(`${path} has ${unpinned.length} unpinned requirement(s): ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''} (first at line ${unpinned[0]!.line}); pin them with == (pip-compile, uv pip compile or pip freeze)${development ? '. Development requirements: not installed in the deployed image' : ''}.`, unpinned[0]!.line),
          ...(development ? { severity: 'P2' as const } : {}),
        };
      }
      return undefined;
  }
}

/** A pip requirements file in `dir` (`requirements.txt`, `requirements-prod.txt`, `requirements/base.txt`): what pip installs, judged for its own pins. */
function requirementsBeside(files: FileSet, dir: string): boolean {
  return files.files.some((f) => f.path.startsWith(dir) && /^(requirements[^/]*|requirements\/[^/]+)\.txt$/.test(f.path.slice(dir.length)));
}

/**
 * Requirements for development, tests, linting or docs (`requirements-dev.txt`,
 * `requirements/local.txt`, cookiecutter-django's layout): what they leave
 * unpinned never reaches the deployed image.
 */
export function isDevelopmentRequirements(path: string): boolean {
  return /(^|\/)requirements([-_.]|\/)(dev|devel|development|local|test|tests|testing|lint|linting|docs|readthedocs|rtd|ci|typing|types|style)([-_.][^/]*)?\.txt$/i.test(path);
}

/** Requirement lines without an exact `==` pin (options, includes, URLs and local paths are not requirements to pin). */
export function unpinnedRequirements(text: string): Array<{ name: string; line: number }> {
  const out: Array<{ name: string; line: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // `pkg==1.0 \` continues with `--hash=...` lines, which start with `-` and are skipped below.
    const line = lines[i]!.replace(/\s+#.*$/, '').replace(/^#.*$/, '').replace(/\\$/, '').trim();
    if (!line || line.startsWith('-') || line.startsWith('.') || line.startsWith('/') || /^[a-z+]+:\/\//i.test(line) || /\s@\s/.test(line) || line.includes('://')) continue;
    const spec = line.split(';')[0]!;
    if (/===?/.test(spec)) continue;
    out.push({ name: /^[A-Za-z0-9._-]+(\[[^\]]*\])?/.exec(spec)?.[0] ?? spec, line: i + 1 });
  }
  return out;
}

/** Keys of one `[section]` of a TOML file (enough for manifests; no TOML parser is bundled). */
export function tomlSectionKeys(text: string, section: string): string[] {
  const keys: string[] = [];
  let inside = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      inside = header[1]!.trim() === section;
      continue;
    }
    const key = inside ? /^["']?([\w.-]+)["']?\s*=/.exec(line) : null;
    if (key) keys.push(key[1]!);
  }
  return keys;
}

/** The strings of an array `key = [ ... ]` (one or several lines) in one `[section]` of a TOML file. */
export function tomlArray(text: string, section: string, key: string): string[] {
  let inside = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      inside = header[1]!.trim() === section;
      continue;
    }
    if (!inside || !new RegExp(`^["']?${key}["']?\\s*=\\s*\\[`).test(line)) continue;
    let body = line.slice(line.indexOf('[') + 1);
    while (!body.replace(/#.*$/gm, '').includes(']') && i + 1 < lines.length) body += `\n${lines[++i]!}`;
    body = body.replace(/#.*$/gm, '');
    return [...body.slice(0, body.indexOf(']')).matchAll(/["']([^"']*)["']/g)].map((m) => m[1]!);
  }
  return [];
}

/** Whether a composer.json with a composer.lock above `dir` lists `dir` in a path repository. */
async function composerPathRepositoryLock(files: FileSet, dir: string): Promise<boolean> {
  const parts = dir.replace(/\/$/, '').split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const prefix = parts.slice(0, i).join('/');
    const root = prefix ? `${prefix}/` : '';
    if (!files.has(`${root}composer.json`) || !files.has(`${root}composer.lock`)) continue;
    let json: { repositories?: unknown };
    try {
      json = JSON.parse((await files.read(`${root}composer.json`)) ?? '') as { repositories?: unknown };
    } catch {
      continue;
    }
    const repositories = Array.isArray(json.repositories) ? json.repositories : json.repositories && typeof json.repositories === 'object' ? Object.values(json.repositories) : [];
    const relative = parts.slice(i).join('/');
    for (const r of repositories as Array<{ type?: unknown; url?: unknown }>) {
      if (r?.type === 'path' && typeof r.url === 'string' && picomatch(r.url.replace(/^\.\//, '').replace(/\/$/, ''))(relative)) return true;
    }
  }
  return false;
}
