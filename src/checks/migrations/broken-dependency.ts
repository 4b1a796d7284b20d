import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { buildAlembicGraph, buildDjangoGraph } from '../../parse/migrations.js';
import { migrationInventory, type AlembicScript } from './collect.js';

export const brokenDependency: RepoCheck = {
  id: 'migrations.broken-dependency',
  title: 'Migration dependencies exist',
  category: 'deployment',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when a Django migration depends on a migration that does not exist in an app of the repository, or an Alembic `down_revision`/`depends_on` names no revision.',
    why: 'The framework builds the whole graph before applying anything: Django raises NodeNotFoundError ("Migration X dependencies reference nonexistent parent node"), Alembic "Revision X referenced from Y is not present". Every deployment of the branch fails.',
    fix: 'Point the dependency at an existing migration (usually the latest one of that app), or restore the deleted migration file; do not delete migrations that other migrations depend on.',
  },
  async run(ctx) {
    const inventory = await migrationInventory(ctx);
    const findings: FindingInput[] = [];
    for (const b of buildDjangoGraph(inventory.django).broken) {
      findings.push({
        status: 'fail',
        message: `Django migration ${b.migration.path} depends on ("${b.dependency.app}", "${b.dependency.name}"), but app "${b.dependency.app}" (${b.appDir}) has no migration ${b.dependency.name}: Django raises NodeNotFoundError before migrating anything.`,
        location: { path: b.migration.path, line: b.dependency.line },
      });
    }
    findings.push(...alembicBroken(inventory.alembic));
    if (findings.length) return findings;
    if (!inventory.django.length && !inventory.alembic.length) return [{ status: 'skip', message: 'No Django or Alembic migrations found.' }];
    return [{ status: 'pass', message: `Every dependency of ${inventory.django.length} Django migration(s) and ${inventory.alembic.length} Alembic revision(s) resolves.` }];
  },
};

function alembicBroken(revisions: readonly AlembicScript[]): FindingInput[] {
  const byDir = new Map<string, AlembicScript[]>();
  for (const r of revisions) byDir.set(r.scriptDir, [...(byDir.get(r.scriptDir) ?? []), r]);
  const findings: FindingInput[] = [];
  for (const [dir, list] of byDir) {
    const graph = buildAlembicGraph(list);
    for (const { revision, missing } of graph.brokenDown) {
      findings.push({
        status: 'fail',
        message: `Alembic revision ${revision.revision} (${revision.path}) has down_revision "${missing}", which is not a revision in ${dir}: alembic stops with "Revision ${missing} referenced from ... is not present".`,
        location: { path: revision.path, line: revision.downLine },
      });
    }
    for (const { revision, missing } of graph.brokenDependsOn) {
      findings.push({
        status: 'fail',
        message: `Alembic revision ${revision.revision} (${revision.path}) has depends_on "${missing}", which is neither a revision nor a branch label in ${dir}.`,
        location: { path: revision.path, line: revision.dependsOnLine },
      });
    }
  }
  return findings;
}
