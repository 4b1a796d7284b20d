// Reads every migration in the repository once per audit (shared by the three
// migrations.* checks): Django migration modules, Alembic revision scripts and
// versioned SQL/Ruby/JS files. Nothing is imported or run.

import type { RepoCheckContext } from '../../engine/types.js';
import { NON_PRODUCT_PATH } from '../ops/project.js';
import type { FileSet } from '../../repo/fileset.js';
import {
  dottedName,
  literalValue,
  parsePythonModule,
  type PyExpr,
  type PyModule,
  type PyStatement,
} from '../../parse/python.js';
import {
  compareText,
  versionedMigration,
  type AlembicRevision,
  type DjangoDependency,
  type DjangoMigration,
  type VersionedMigration,
} from '../../parse/migrations.js';

export interface DjangoMigrationFile extends DjangoMigration {
  /** The `operations = [...]` items that are calls, with their lines. */
  operations: Array<Extract<PyExpr, { kind: 'call' }>>;
}

export interface AlembicScript extends AlembicRevision {
  /** Directory holding env.py / versions: revisions are one graph per script directory. */
  scriptDir: string;
  module: PyModule;
}

export interface MigrationInventory {
  django: DjangoMigrationFile[];
  alembic: AlembicScript[];
  versioned: VersionedMigration[];
  /** Files that looked like migrations but could not be read as such. */
  unreadable: Array<{ path: string; reason: string }>;
}

const cache = new WeakMap<FileSet, Promise<MigrationInventory>>();

export function migrationInventory(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<MigrationInventory> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = collect(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}

export const pythonModule = (ctx: Pick<RepoCheckContext, 'parsed'>, path: string): Promise<PyModule | undefined> =>
  ctx.parsed.memo('python', path, (text) => parsePythonModule(text));

/** Django's MigrationLoader skips module names starting with `_` or `~` (and packages). */
const DJANGO_MIGRATION_PATH = /(^|\/)migrations\/[^/_~][^/]*\.py$/;
const ALEMBIC_PATH = /(^|\/)versions\/(.+\/)?[^/]+\.py$/;

async function collect(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<MigrationInventory> {
  const inventory: MigrationInventory = { django: [], alembic: [], versioned: [], unreadable: [] };
  const product = ctx.files.files.filter((f) => !NON_PRODUCT_PATH.test(f.path));
  for (const file of product) {
    const versioned = versionedMigration(file.path);
    if (versioned) inventory.versioned.push(versioned);
  }
  const pythonFiles = product.filter((f) => f.path.endsWith('.py') && (DJANGO_MIGRATION_PATH.test(f.path) || ALEMBIC_PATH.test(f.path)));
  await Promise.all(
    pythonFiles.map(async (file) => {
      const module = await pythonModule(ctx, file.path);
      if (!module) return;
      if (module.errors.length) {
        // A half-read module would add a false root or head to the graph: leave it out, say so.
        inventory.unreadable.push({ path: file.path, reason: `${module.errors[0]!.message} at line ${module.errors[0]!.line}` });
        return;
      }
      const django = DJANGO_MIGRATION_PATH.test(file.path) ? djangoMigrationOf(file.path, module) : undefined;
      if (django) {
        inventory.django.push(django);
        return;
      }
      const alembic = ALEMBIC_PATH.test(file.path) ? alembicRevisionOf(file.path, module) : undefined;
      if (alembic) inventory.alembic.push(alembic);
    }),
  );
  // Django knows an app by its label, not its folder: an AppConfig in the app's apps.py may set one
  // (`label = "environment_permissions"` for environments/permissions, beside a top-level permissions app).
  const labels = new Map<string, string>();
  for (const appDir of new Set(inventory.django.map((m) => m.dir.slice(0, m.dir.lastIndexOf('/'))))) {
    const path = appDir ? `${appDir}/apps.py` : 'apps.py';
    if (!ctx.files.has(path)) continue;
    const module = await pythonModule(ctx, path);
    const label = module && !module.errors.length ? appConfigLabel(module) : undefined;
    if (label) labels.set(appDir, label);
  }
  for (const m of inventory.django) {
    const label = labels.get(m.dir.slice(0, m.dir.lastIndexOf('/')));
    if (label) m.app = label;
  }
  inventory.django.sort((a, b) => compareText(a.path, b.path));
  inventory.alembic.sort((a, b) => compareText(a.path, b.path));
  return inventory;
}

/**
 * The label of the AppConfig an apps.py declares: its `label`, else the last part of its `name` (Django's default,
 * `features.import_export` → `import_export`). Undefined when the module declares none or several.
 */
export function appConfigLabel(module: PyModule): string | undefined {
  const configs = module.statements.filter((s): s is Extract<PyStatement, { kind: 'class' }> => s.kind === 'class' && s.bases.some((b) => /AppConfig$/.test(exprName(b))));
  if (configs.length !== 1) return undefined;
  const value = (key: string): string | undefined => {
    for (const s of configs[0]!.body) if (s.kind === 'assign' && s.targets[0] === key && s.value.kind === 'str') return s.value.value;
    return undefined;
  };
  return value('label') ?? value('name')?.split('.').pop();
}

function exprName(e: PyExpr): string {
  return e.kind === 'name' ? e.name : e.kind === 'attr' ? `${exprName(e.object)}.${e.name}` : '';
}

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A Django migration module: a module-level `class Migration(...)`. */
export function djangoMigrationOf(path: string, module: PyModule): DjangoMigrationFile | undefined {
  const cls = module.statements.find((s): s is Extract<PyStatement, { kind: 'class' }> => s.kind === 'class' && s.name === 'Migration');
  if (!cls) return undefined;
  const dir = path.slice(0, path.lastIndexOf('/'));
  const appDir = dir.slice(0, dir.lastIndexOf('/'));
  const app = appDir.slice(appDir.lastIndexOf('/') + 1) || appDir;
  const name = baseOf(path).replace(/\.py$/, '');
  const migration: DjangoMigrationFile = { app, dir, name, path, line: cls.line, dependencies: [], replaces: [], operations: [] };
  for (const s of cls.body) {
    if (s.kind !== 'assign') continue;
    const target = s.targets[0];
    if (target === 'dependencies' || target === 'run_before') {
      if (target === 'dependencies') migration.dependencies = dependencyList(s.value);
    } else if (target === 'replaces') {
      migration.replaces = dependencyList(s.value)
        .filter((d) => !d.swappable)
        .map(({ app: a, name: n, line }) => ({ app: a, name: n, line }));
    } else if (target === 'operations' && (s.value.kind === 'list' || s.value.kind === 'tuple')) {
      migration.operations = s.value.items.filter((i): i is Extract<PyExpr, { kind: 'call' }> => i.kind === 'call');
    }
  }
  return migration;
}

function dependencyList(expr: PyExpr): DjangoDependency[] {
  if (expr.kind !== 'list' && expr.kind !== 'tuple') return [];
  const out: DjangoDependency[] = [];
  for (const item of expr.items) {
    if (item.kind === 'call' && /swappable_dependency$/.test(dottedName(item.callee) ?? '')) {
      out.push({ app: '', name: '__first__', line: item.line, swappable: item.args[0] ? (dottedName(item.args[0]) ?? 'setting') : 'setting' });
      continue;
    }
    const value = literalValue(item);
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      out.push({ app: value[0], name: value[1], line: item.line });
    }
  }
  return out;
}

function stringsOf(expr: PyExpr | undefined): string[] {
  if (!expr) return [];
  const value = literalValue(expr);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** An Alembic revision script: module-level `revision` and `down_revision`. */
export function alembicRevisionOf(path: string, module: PyModule): AlembicScript | undefined {
  const assigned = new Map<string, Extract<PyStatement, { kind: 'assign' }>>();
  for (const s of module.statements) if (s.kind === 'assign' && s.targets.length === 1) assigned.set(s.targets[0]!, s);
  const revision = assigned.get('revision');
  const down = assigned.get('down_revision');
  if (!revision || !down) return undefined;
  const id = literalValue(revision.value);
  if (typeof id !== 'string') return undefined;
  const dependsOn = assigned.get('depends_on');
  const versionsAt = path.search(/(^|\/)versions\//);
  const scriptDir = versionsAt <= 0 ? '.' : path.slice(0, versionsAt);
  return {
    path,
    revision: id,
    line: revision.line,
    downRevisions: stringsOf(down.value),
    downLine: down.line,
    dependsOn: stringsOf(dependsOn?.value),
    dependsOnLine: dependsOn?.line ?? down.line,
    branchLabels: stringsOf(assigned.get('branch_labels')?.value),
    scriptDir,
    module,
  };
}
