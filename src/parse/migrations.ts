// Migration graphs as pure functions over what the readers extracted from the
// files: Django (per-app leaves, squashed `replaces`, `__first__`/`__latest__`),
// Alembic (heads, merge points, branch labels), and versioned file naming
// schemes (Flyway, Rails, golang-migrate, dbmate, Knex/TypeORM/Sequelize, Prisma).
// The rules follow the frameworks' own loaders: django.db.migrations.loader
// (build_graph, detect_conflicts), alembic.script.revision.RevisionMap.

export interface Position {
  path: string;
  line: number;
}

// ---------------------------------------------------------------------------
// Django

export interface DjangoDependency {
  /** App label and migration name; `swappable` for swappable_dependency(settings.X). */
  app: string;
  name: string;
  line: number;
  swappable?: string;
}

export interface DjangoMigration {
  /** App label: the name of the directory that holds `migrations/`. */
  app: string;
  /** Directory of the migrations package, e.g. `shop/orders/migrations`. */
  dir: string;
  /** File name without `.py`. */
  name: string;
  path: string;
  /** Line of `class Migration`. */
  line: number;
  dependencies: DjangoDependency[];
  replaces: Array<{ app: string; name: string; line: number }>;
}

export interface DjangoApp {
  label: string;
  dir: string;
  /** Migrations in the graph (squashed-away ones removed). */
  nodes: DjangoMigration[];
  leaves: DjangoMigration[];
  /** Migrations replaced by a squashed migration and therefore not in the graph. */
  replaced: Array<{ name: string; by: DjangoMigration }>;
}

export interface BrokenDjangoDependency {
  migration: DjangoMigration;
  dependency: DjangoDependency;
  /** The app directory the dependency was looked up in. */
  appDir: string;
}

export interface DjangoGraph {
  apps: DjangoApp[];
  broken: BrokenDjangoDependency[];
}

const keyOf = (dir: string, name: string): string => `${dir}\u0000${name}`;

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function buildDjangoGraph(migrations: readonly DjangoMigration[]): DjangoGraph {
  const byDir = new Map<string, DjangoMigration[]>();
  for (const m of migrations) {
    const list = byDir.get(m.dir) ?? [];
    list.push(m);
    byDir.set(m.dir, list);
  }
  const dirsByLabel = new Map<string, string[]>();
  for (const [dir, list] of byDir) {
    const label = list[0]!.app;
    dirsByLabel.set(label, [...(dirsByLabel.get(label) ?? []), dir]);
  }
  /** Several projects in one repository may reuse a label: take the closest directory. */
  const dirFor = (label: string, from: string): string | undefined => {
    const dirs = dirsByLabel.get(label);
    if (!dirs?.length) return undefined;
    return [...dirs].sort((a, b) => commonPrefixLength(b, from) - commonPrefixLength(a, from) || compareText(a, b))[0];
  };

  // Squashed migrations: on a fresh database (the static view) Django uses the
  // replacing migration and drops the replaced ones, remapping dependencies on them.
  const remap = new Map<string, DjangoMigration>();
  const replacedBy = new Map<string, Array<{ name: string; by: DjangoMigration }>>();
  for (const m of migrations) {
    for (const r of m.replaces) {
      const dir = dirFor(r.app, m.dir) ?? m.dir;
      remap.set(keyOf(dir, r.name), m);
      replacedBy.set(dir, [...(replacedBy.get(dir) ?? []), { name: r.name, by: m }]);
    }
  }
  const present = new Map<string, DjangoMigration>();
  for (const m of migrations) {
    const k = keyOf(m.dir, m.name);
    const replacer = remap.get(k);
    if (replacer && replacer !== m) continue;
    present.set(k, m);
  }

  const broken: BrokenDjangoDependency[] = [];
  const parents = new Map<DjangoMigration, DjangoMigration[]>();
  const pending: Array<{ m: DjangoMigration; dep: DjangoDependency; dir: string }> = [];
  for (const m of present.values()) {
    parents.set(m, []);
    for (const dep of m.dependencies) {
      if (dep.swappable) continue; // resolved by settings at run time (AUTH_USER_MODEL): not decidable statically
      const dir = dirFor(dep.app, m.dir);
      if (!dir) continue; // an app outside the repository (django.contrib.*, a package)
      if (dep.name === '__first__' || dep.name === '__latest__') {
        pending.push({ m, dep, dir });
        continue;
      }
      const target = present.get(keyOf(dir, dep.name)) ?? remap.get(keyOf(dir, dep.name));
      if (!target) {
        broken.push({ migration: m, dependency: dep, appDir: dir });
        continue;
      }
      if (target !== m) parents.get(m)!.push(target);
    }
  }
  const nodesOf = (dir: string): DjangoMigration[] =>
    [...present.values()].filter((m) => m.dir === dir).sort((a, b) => compareText(a.name, b.name));
  const sameAppLeaves = (dir: string): DjangoMigration[] => {
    const nodes = nodesOf(dir);
    const hasChildInApp = new Set<DjangoMigration>();
    for (const n of nodes) for (const p of parents.get(n) ?? []) if (p.dir === dir) hasChildInApp.add(p);
    return nodes.filter((n) => !hasChildInApp.has(n));
  };
  const roots = (dir: string): DjangoMigration[] =>
    nodesOf(dir).filter((n) => !(parents.get(n) ?? []).some((p) => p.dir === dir));
  // `__first__` is the app's root node, `__latest__` its (first) leaf, as in MigrationLoader.check_key.
  for (const { m, dep, dir } of pending) {
    const target = dep.name === '__first__' ? roots(dir)[0] : sameAppLeaves(dir)[0];
    if (target && target !== m) parents.get(m)!.push(target);
  }

  const apps: DjangoApp[] = [...byDir.keys()].sort().map((dir) => ({
    label: byDir.get(dir)![0]!.app,
    dir,
    nodes: nodesOf(dir),
    leaves: sameAppLeaves(dir),
    replaced: replacedBy.get(dir) ?? [],
  }));
  return { apps, broken };
}

// ---------------------------------------------------------------------------
// Alembic

export interface AlembicRevision {
  path: string;
  revision: string;
  line: number;
  downRevisions: string[];
  downLine: number;
  dependsOn: string[];
  dependsOnLine: number;
  branchLabels: string[];
}

export interface AlembicGraph {
  heads: AlembicRevision[];
  duplicates: Array<{ revision: string; files: AlembicRevision[] }>;
  brokenDown: Array<{ revision: AlembicRevision; missing: string }>;
  brokenDependsOn: Array<{ revision: AlembicRevision; missing: string }>;
  /** Heads grouped by the configured branch label they descend from (`''` = none). */
  headsByBranch: Map<string, AlembicRevision[]>;
}

/**
 * Heads are revisions that no other revision names as `down_revision`
 * (`depends_on` does not make a head: alembic's `Revision.is_head` only counts
 * versioned down revisions).
 */
export function buildAlembicGraph(revisions: readonly AlembicRevision[], allowedBranches: readonly string[] = []): AlembicGraph {
  const byId = new Map<string, AlembicRevision[]>();
  for (const r of revisions) byId.set(r.revision, [...(byId.get(r.revision) ?? []), r]);
  const duplicates = [...byId.entries()].filter(([, files]) => files.length > 1).map(([revision, files]) => ({ revision, files }));
  const labels = new Set(revisions.flatMap((r) => r.branchLabels));
  const referenced = new Set(revisions.flatMap((r) => r.downRevisions));
  const heads = revisions.filter((r) => !referenced.has(r.revision));
  const brokenDown = revisions.flatMap((r) => r.downRevisions.filter((d) => !byId.has(d)).map((missing) => ({ revision: r, missing })));
  const brokenDependsOn = revisions.flatMap((r) =>
    r.dependsOn.filter((d) => !byId.has(d) && !labels.has(d) && !revisions.some((x) => x.revision.startsWith(d) && d.length >= 4)).map((missing) => ({ revision: r, missing })),
  );

  // Branch labels are inherited by every descendant; find each head's labels by walking down.
  const labelsOf = (r: AlembicRevision, seen = new Set<string>()): Set<string> => {
    const out = new Set(r.branchLabels);
    if (seen.has(r.revision)) return out;
    seen.add(r.revision);
    for (const d of r.downRevisions) for (const parent of byId.get(d) ?? []) for (const l of labelsOf(parent, seen)) out.add(l);
    return out;
  };
  const headsByBranch = new Map<string, AlembicRevision[]>();
  for (const head of heads) {
    const allowed = [...labelsOf(head)].filter((l) => allowedBranches.includes(l)).sort();
    const group = allowed[0] ?? '';
    headsByBranch.set(group, [...(headsByBranch.get(group) ?? []), head]);
  }
  return { heads, duplicates, brokenDown, brokenDependsOn, headsByBranch };
}

// ---------------------------------------------------------------------------
// Versioned file names

export type MigrationTool = 'flyway' | 'rails' | 'golang-migrate' | 'pop' | 'dbmate' | 'knex/sequelize/typeorm' | 'prisma';

export interface VersionedMigration {
  tool: MigrationTool;
  /** The directory the tool reads: duplicates are only meaningful within it. */
  dir: string;
  path: string;
  /** Normalised version used for comparison. */
  version: string;
  /** Version as written in the name. */
  rawVersion: string;
  /** golang-migrate and pop: `up`/`down` files of one version are a pair, not duplicates. */
  direction?: 'up' | 'down';
  /** pop: the database the file is for (`.mysql.up.sql`); the files of one version for other databases are alternatives. */
  dialect?: string;
  /** Rails: the class name also has to be unique. */
  name?: string;
}

const FLYWAY = /^V(\d+(?:[._]\d+)*)__.+\.sql$/;
const GOLANG_MIGRATE = /^(\d+)_.+\.(up|down)\.sql$/;
// gobuffalo/pop (and ory/popx): `<version>_<name>.<dialect>[.autocommit].(up|down).(sql|fizz)`, one file per
// database; the migrator loads only the files of the dialect it connects to, and a file with no dialect part
// beside them is for every database (golang-migrate has no dialect part at all).
const POP = /^(\d+)_.+?\.(mysql|postgres|postgresql|cockroach|cockroachdb|sqlite|sqlite3|mssql|sqlserver)(?:\.autocommit)?\.(up|down)\.(sql|fizz)$/;
const DBMATE = /^(\d+)_.+\.sql$/;
const REVERSE_HALF = /[._-](reverse|down|rollback|revert|undo)\.sql$/i;
const RAILS = /^(\d+)_(\w+)\.rb$/;
const JS_MIGRATION = /^(\d{8,})[-_].+\.(js|ts|cjs|mjs)$/;
const PRISMA = /^(.*\/)?migrations\/(\d{8,})_[^/]+\/migration\.sql$/;

/** Flyway compares versions numerically part by part: `1.01` = `1_1`, `1.0` = `1`. */
export function normaliseFlywayVersion(raw: string): string {
  const parts = raw.split(/[._]/).map((p) => BigInt(p).toString());
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

/** Recognises a migration file by its tool's naming scheme, or undefined. */
export function versionedMigration(path: string): VersionedMigration | undefined {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const base = path.slice(slash + 1);
  const inMigrationDir = /(^|\/)(db\/)?migrat(e|ions?)(\/|$)/i.test(dir) || /(^|\/)(sql|schema|db)(\/|$)/i.test(dir);
  const prisma = PRISMA.exec(path);
  if (prisma) {
    const prismaDir = `${prisma[1] ?? ''}migrations`;
    return { tool: 'prisma', dir: prismaDir, path, version: BigInt(prisma[2]!).toString(), rawVersion: prisma[2]! };
  }
  let m = FLYWAY.exec(base);
  if (m) return { tool: 'flyway', dir, path, version: normaliseFlywayVersion(m[1]!), rawVersion: m[1]! };
  if (!inMigrationDir) return undefined;
  m = POP.exec(base);
  if (m) return { tool: 'pop', dir, path, version: BigInt(m[1]!).toString(), rawVersion: m[1]!, direction: m[3] as 'up' | 'down', dialect: m[2]!.replace(/^postgresql$/, 'postgres').replace(/^cockroachdb$/, 'cockroach').replace(/^sqlite3$/, 'sqlite') };
  m = GOLANG_MIGRATE.exec(base);
  if (m) return { tool: 'golang-migrate', dir, path, version: BigInt(m[1]!).toString(), rawVersion: m[1]!, direction: m[2] as 'up' | 'down' };
  m = RAILS.exec(base);
  if (m && /(^|\/)db\/migrate$/.test(dir)) return { tool: 'rails', dir, path, version: BigInt(m[1]!).toString(), rawVersion: m[1]!, name: m[2]! };
  m = DBMATE.exec(base);
  // The reverse half of a migration (`0023_add_x_reverse.sql` beside `0023_add_x.sql`, `_down`, `_rollback`) is
  // the same migration undone, not a second one of that version.
  if (m && m[1]!.length >= 3) return { tool: 'dbmate', dir, path, version: BigInt(m[1]!).toString(), rawVersion: m[1]!, direction: REVERSE_HALF.test(base) ? 'down' : 'up' };
  m = JS_MIGRATION.exec(base);
  if (m && /migrations?$/i.test(dir)) return { tool: 'knex/sequelize/typeorm', dir, path, version: BigInt(m[1]!).toString(), rawVersion: m[1]! };
  return undefined;
}

export interface DuplicateVersion {
  tool: MigrationTool;
  dir: string;
  /** What collides: a version, or (Rails) a migration class name. */
  what: 'version' | 'name';
  value: string;
  files: VersionedMigration[];
}

/** Two migrations with the same version (or Rails class name) in one directory. */
export function duplicateVersions(found: readonly VersionedMigration[]): DuplicateVersion[] {
  // A directory that holds pop files is read by pop: its files with no dialect part are for every database.
  const popDirs = new Set(found.filter((m) => m.tool === 'pop').map((m) => m.dir));
  const migrations = found.map((m) => (m.tool === 'golang-migrate' && popDirs.has(m.dir) ? { ...m, tool: 'pop' as const, dialect: 'all' } : m));
  const groups = new Map<string, VersionedMigration[]>();
  const add = (key: string, m: VersionedMigration): void => {
    groups.set(key, [...(groups.get(key) ?? []), m]);
  };
  for (const m of migrations) {
    add(`version\u0000${m.tool}\u0000${m.dir}\u0000${m.direction ?? ''}${m.dialect ? `.${m.dialect}` : ''}\u0000${m.version}`, m);
    if (m.name) add(`name\u0000${m.tool}\u0000${m.dir}\u0000\u0000${m.name}`, m);
  }
  const out: DuplicateVersion[] = [];
  const reported = new Set<string>();
  for (const [key, files] of groups) {
    if (files.length < 2) continue;
    const [what, tool, dir, , value] = key.split('\u0000') as [DuplicateVersion['what'], MigrationTool, string, string, string];
    // The same files colliding on version and on name are one problem.
    const fileKey = files.map((f) => f.path).sort().join('\u0000');
    if (reported.has(fileKey)) continue;
    reported.add(fileKey);
    out.push({ tool, dir, what, value: what === 'version' ? files[0]!.rawVersion : value, files: [...files].sort((a, b) => compareText(a.path, b.path)) });
  }
  return out.sort((a, b) => compareText(a.files[1]!.path, b.files[1]!.path));
}

/** Code-point order, independent of locale (so `V1.1` sorts before `V1_1` everywhere). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
