import { describe, expect, it } from '@jest/globals';
import { buildAlembicGraph, buildDjangoGraph, normaliseFlywayVersion, versionedMigration, type AlembicRevision, type DjangoMigration } from '../../src/parse/migrations.js';

const mig = (dir: string, name: string, deps: Array<[string, string]>, replaces: Array<[string, string]> = []): DjangoMigration => ({
  app: dir.split('/').slice(-2)[0]!,
  dir,
  name,
  path: `${dir}/${name}.py`,
  line: 4,
  dependencies: deps.map(([app, n], i) => ({ app, name: n, line: 10 + i })),
  replaces: replaces.map(([app, n]) => ({ app, name: n, line: 6 })),
});

describe('Django migration graph (pure)', () => {
  it('resolves __first__ and __latest__ across apps without touching same-app leaves', () => {
    const graph = buildDjangoGraph([
      mig('shop/migrations', '0001_initial', []),
      mig('shop/migrations', '0002_price', [['shop', '0001_initial']]),
      mig('billing/migrations', '0001_initial', [['shop', '__first__']]),
      mig('billing/migrations', '0002_invoice', [['billing', '0001_initial'], ['shop', '__latest__']]),
    ]);
    expect(graph.broken).toEqual([]);
    expect(graph.apps.map((a) => `${a.label}: ${a.leaves.map((l) => l.name).join(',')}`)).toEqual(['billing: 0002_invoice', 'shop: 0002_price']);
  });

  it('keeps several projects reusing an app label apart (closest directory wins)', () => {
    const graph = buildDjangoGraph([
      mig('one/users/migrations', '0001_initial', []),
      mig('one/users/migrations', '0002_a', [['users', '0001_initial']]),
      mig('two/users/migrations', '0001_initial', []),
      mig('two/users/migrations', '0002_b', [['users', '0001_initial']]),
    ]);
    expect(graph.apps.map((a) => `${a.dir}: ${a.leaves.map((l) => l.name).join(',')}`)).toEqual(['one/users/migrations: 0002_a', 'two/users/migrations: 0002_b']);
  });

  it('drops replaced migrations and remaps dependencies on them to the squashed one', () => {
    const squashed = mig('shop/migrations', '0001_squashed_0002', [], [['shop', '0001_initial'], ['shop', '0002_price']]);
    const graph = buildDjangoGraph([mig('shop/migrations', '0001_initial', []), mig('shop/migrations', '0002_price', [['shop', '0001_initial']]), squashed, mig('shop/migrations', '0003_tax', [['shop', '0002_price']])]);
    const shop = graph.apps[0]!;
    expect(shop.nodes.map((n) => n.name)).toEqual(['0001_squashed_0002', '0003_tax']);
    expect(shop.leaves.map((n) => n.name)).toEqual(['0003_tax']);
    expect(shop.replaced.map((r) => `${r.name}->${r.by.name}`)).toEqual(['0001_initial->0001_squashed_0002', '0002_price->0001_squashed_0002']);
  });
});

describe('Alembic graph (pure)', () => {
  const rev = (revision: string, down: string[], extra: Partial<AlembicRevision> = {}): AlembicRevision => ({ path: `v/${revision}.py`, revision, line: 1, downRevisions: down, downLine: 2, dependsOn: [], dependsOnLine: 2, branchLabels: [], ...extra });
  it('counts heads by down_revision only (depends_on does not merge)', () => {
    const graph = buildAlembicGraph([rev('a', []), rev('b', ['a']), rev('c', ['a'], { dependsOn: ['b'] })]);
    expect(graph.heads.map((h) => h.revision)).toEqual(['b', 'c']);
    expect(graph.brokenDependsOn).toEqual([]);
  });
  it('groups heads by configured branch labels inherited from ancestors', () => {
    const graph = buildAlembicGraph([rev('a', []), rev('b', ['a']), rev('x', [], { branchLabels: ['audit'] }), rev('y', ['x'])], ['audit']);
    expect([...graph.headsByBranch.entries()].map(([k, v]) => `${k || '(none)'}: ${v.map((h) => h.revision).join(',')}`)).toEqual(['(none): b', 'audit: y']);
  });
});

describe('versioned migration names', () => {
  it('normalises Flyway versions and recognises each tool by its naming scheme', () => {
    expect(['1', '1.0', '1_1', '1.01', '2.0.0'].map(normaliseFlywayVersion)).toEqual(['1', '1', '1.1', '1.1', '2']);
    expect(['db/migration/V2__x.sql', 'migrations/1_init.up.sql', 'db/migrate/20240101000000_x.rb', 'db/migrations/20240101000000_x.sql', 'src/migrations/1700000000000-Init.ts', 'prisma/migrations/20240101000000_init/migration.sql', 'src/app.rb', 'V1__x.txt'].map((p) => versionedMigration(p)?.tool ?? '-')).toEqual([
      'flyway',
      'golang-migrate',
      'rails',
      'dbmate',
      'knex/sequelize/typeorm',
      'prisma',
      '-',
      '-',
    ]);
  });
});
