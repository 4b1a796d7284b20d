import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { buildAlembicGraph, buildDjangoGraph, compareText, duplicateVersions, type DuplicateVersion } from '../../parse/migrations.js';
import { migrationInventory, type AlembicScript, type MigrationInventory } from './collect.js';

export const conflict: RepoCheck = {
  id: 'migrations.conflict',
  title: 'Migrations form a single line per app',
  category: 'deployment',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when a Django app has more than one leaf migration, an Alembic script directory has more than one head (or a revision id defined twice), or a Flyway/Rails/golang-migrate/pop/dbmate/Knex/Prisma directory holds two migrations with the same version (pop files carry their database, `.mysql.up.sql`: only files for the same database and direction collide).',
    why: 'Two branches that each added a migration merge cleanly in git but not in the database: Django refuses to migrate ("Conflicting migrations detected; multiple leaf nodes"), Alembic stops with "Multiple head revisions are present", Flyway with "Found more than one migration with version". The deployment fails after CI was green.',
    fix: 'Merge the branches of the migration graph: `python manage.py makemigrations --merge` (Django), `alembic merge heads -m "merge"` (Alembic), or renumber one of the duplicated versioned files.',
    snippets: [
      { stack: 'Django', code: 'python manage.py makemigrations --merge\npython manage.py makemigrations --check --dry-run  # in CI' },
      { stack: 'Alembic', code: 'alembic merge heads -m "merge heads"\ntest "$(alembic heads | wc -l)" -eq 1  # in CI' },
    ],
  },
  async run(ctx) {
    const inventory = await migrationInventory(ctx);
    const findings = [
      ...djangoConflicts(inventory),
      ...alembicConflicts(inventory.alembic, ctx.config.repo.alembicBranches),
      ...duplicateVersions(inventory.versioned).map(duplicateFinding),
      ...inventory.unreadable.map((u): FindingInput => ({
        status: 'error',
        message: `${u.path} could not be read as Python (${u.reason}); it is left out of the migration graph.`,
        file: u.path,
      })),
    ];
    if (findings.length) return findings;
    if (!inventory.django.length && !inventory.alembic.length && !inventory.versioned.length) return [{ status: 'skip', message: describeInventory(inventory) }];
    return [{ status: 'pass', message: describeInventory(inventory) }];
  },
};

export function describeInventory(inventory: MigrationInventory): string {
  const parts: string[] = [];
  const djangoApps = new Set(inventory.django.map((m) => m.dir));
  if (djangoApps.size) parts.push(`${inventory.django.length} Django migration(s) in ${djangoApps.size} app(s)`);
  const alembicDirs = new Set(inventory.alembic.map((r) => r.scriptDir));
  if (alembicDirs.size) parts.push(`${inventory.alembic.length} Alembic revision(s) in ${alembicDirs.size} script director${alembicDirs.size === 1 ? 'y' : 'ies'}`);
  const tools = new Map<string, number>();
  for (const v of inventory.versioned) tools.set(v.tool, (tools.get(v.tool) ?? 0) + 1);
  for (const [tool, count] of tools) parts.push(`${count} ${tool} migration file(s)`);
  if (!parts.length) return 'No migrations found (Django, Alembic, Flyway, Rails, golang-migrate, pop, dbmate, Knex/Sequelize/TypeORM, Prisma).';
  return `Read ${parts.join(', ')}: each app/directory has a single line of migrations.`;
}

export function djangoConflicts(inventory: MigrationInventory): FindingInput[] {
  const graph = buildDjangoGraph(inventory.django);
  const findings: FindingInput[] = [];
  for (const app of graph.apps) {
    if (app.leaves.length < 2) continue;
    // A dependency on a missing migration cuts the line in two; Django stops at
    // NodeNotFoundError before it looks for leaves, and so does migrations.broken-dependency.
    if (graph.broken.some((b) => b.migration.dir === app.dir && b.appDir === app.dir)) continue;
    const leaves = app.leaves.map((l) => `${l.name} (${l.path}:${l.line})`).join(', ');
    const last = app.leaves[app.leaves.length - 1]!;
    findings.push({
      status: 'fail',
      message: `Django app "${app.label}" (${app.dir}) has ${app.leaves.length} leaf migrations: ${leaves}. \`manage.py migrate\` stops with "Conflicting migrations detected; multiple leaf nodes in the migration graph".`,
      location: { path: last.path, line: last.line },
      evidence: app.leaves.map((l) => `${l.path}: depends on ${l.dependencies.filter((d) => !d.swappable).map((d) => `${d.app}.${d.name}`).join(', ') || '(nothing)'}`).join('\n'),
      remediation: `Run \`python manage.py makemigrations --merge ${app.label}\` to add a merge migration depending on ${app.leaves.map((l) => l.name).join(' and ')}, or make one of them depend on the other.`,
    });
  }
  return findings;
}

export function alembicConflicts(revisions: readonly AlembicScript[], allowedBranches: readonly string[]): FindingInput[] {
  const byDir = new Map<string, AlembicScript[]>();
  for (const r of revisions) byDir.set(r.scriptDir, [...(byDir.get(r.scriptDir) ?? []), r]);
  const findings: FindingInput[] = [];
  for (const [dir, list] of [...byDir.entries()].sort(([a], [b]) => compareText(a, b))) {
    const graph = buildAlembicGraph(list, allowedBranches);
    for (const dup of graph.duplicates) {
      const [, second] = dup.files;
      findings.push({
        status: 'fail',
        message: `Alembic revision id "${dup.revision}" is defined ${dup.files.length} times in ${dir}: ${dup.files.map((f) => `${f.path}:${f.line}`).join(', ')}. Alembic cannot tell the scripts apart.`,
        location: { path: second!.path, line: second!.line },
        remediation: `Give ${second!.path} a new revision id (and update any down_revision that meant it).`,
      });
    }
    for (const [branch, heads] of graph.headsByBranch) {
      if (heads.length < 2) continue;
      const sorted = [...heads].sort((a, b) => compareText(a.path, b.path));
      const last = sorted[sorted.length - 1]!;
      const where = branch ? ` on branch "${branch}"` : '';
      findings.push({
        status: 'fail',
        message: `Alembic script directory ${dir} has ${heads.length} heads${where}: ${sorted.map((h) => `${h.revision} (${h.path}:${h.line})`).join(', ')}. \`alembic upgrade head\` stops with "Multiple head revisions are present".`,
        location: { path: last.path, line: last.line },
        evidence: sorted.map((h) => `${h.path}: revision ${h.revision}, down_revision ${h.downRevisions.join(', ') || 'None'}`).join('\n'),
        remediation: `Run \`alembic merge ${sorted.map((h) => h.revision).join(' ')} -m "merge heads"\` (or \`alembic merge heads\`); if these are separate branches on purpose, give them branch_labels and list them under repo.alembic-branches.`,
      });
    }
  }
  return findings;
}

function duplicateFinding(dup: DuplicateVersion): FindingInput {
  const second = dup.files[1]!;
  const subject = dup.what === 'version' ? `version ${dup.value}` : `migration name ${dup.value}`;
  const consequence: Record<DuplicateVersion['tool'], string> = {
    flyway: 'Flyway stops with "Found more than one migration with version".',
    rails: dup.what === 'version' ? 'Rails stops with "Multiple migrations have the version number".' : 'Rails stops with "Multiple migrations have the name".',
    'golang-migrate': 'golang-migrate refuses to read the directory ("duplicate migration file").',
    pop: 'pop refuses to load the migrations of that database ("duplicate migration").',
    dbmate: 'dbmate records one version per migration: only one of the files is ever applied.',
    'knex/sequelize/typeorm': 'the run order of the two files depends on their full names, and a timestamp meant to order them does not.',
    prisma: 'Prisma orders migrations by directory name; two with the same timestamp apply in an accidental order.',
  };
  // These tools run every file, in the order of its full name: a shared timestamp makes an order nobody chose,
  // but both apply (SEVERITY.md's P0 is migrations that cannot apply).
  const appliesBoth = dup.tool === 'knex/sequelize/typeorm' || dup.tool === 'prisma';
  return {
    status: 'fail',
    ...(appliesBoth ? { severity: 'P2' as const } : {}),
    message: `${dup.tool} directory ${dup.dir || '.'} has ${dup.files.length} migrations with ${subject}: ${dup.files.map((f) => f.path).join(', ')}; ${consequence[dup.tool]}${appliesBoth ? ' Both apply: P2, unless one depends on the other.' : ''}`,
    file: second.path,
    remediation: `Renumber ${second.path} to a version after the newest migration (and keep applied files unchanged).`,
  };
}
