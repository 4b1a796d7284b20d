import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { migrationsChecks } from '../../src/checks/migrations/index.js';
import * as fx from './fixtures.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: fx.Files, options: { config?: Record<string, unknown> } = {}) {
  const repo = makeRepo(files);
  repos.push(repo);
  return runChecks(migrationsChecks, { repo: repo.root, config: options.config });
}

// Evidence that production applies the migrations (SEVERITY.md: what production runs): the migration image a
// release workflow publishes copies the Flyway folder; a Rails application's Gemfile declares its db/ folder.
const FLYWAY_IMAGE: fx.Files = {
  'Dockerfile': 'FROM flyway/flyway:10.17.0\nCOPY db/migration /flyway/sql\n',
  '.github/workflows/release.yml': 'jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ./Dockerfile\n          push: true\n          tags: ghcr.io/org/migrations:latest\n',
};
const GEMFILE: fx.Files = { Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n' };

const brief = (findings: Array<{ status: string; location?: { path: string; line: number }; file?: string }>) =>
  findings.map((f) => `${f.status} ${f.location ? `${f.location.path}:${f.location.line}` : (f.file ?? '-')}`);

describe('migrations.conflict', () => {
  it('names both leaves of a two-leaf Django app (P0)', async () => {
    const result = await audit(fx.djangoConflict());
    const [finding, ...rest] = of(result, 'migrations.conflict');
    expect(rest).toHaveLength(0);
    expect(finding!.status).toBe('fail');
    expect(finding!.severity).toBe('P0');
    expect(finding!.location).toEqual({ path: 'shop/migrations/0002_order_status.py', line: 4 });
    expect(finding!.message).toContain('Django app "shop" (shop/migrations) has 2 leaf migrations: 0002_order_note (shop/migrations/0002_order_note.py:4), 0002_order_status (shop/migrations/0002_order_status.py:4)');
    expect(finding!.remediation).toContain('python manage.py makemigrations --merge shop');
  });

  it('passes once a merge migration depends on both leaves', async () => {
    const result = await audit(fx.djangoMerged());
    expect(brief(of(result, 'migrations.conflict'))).toEqual(['pass -']);
    expect(of(result, 'migrations.conflict')[0]!.message).toBe('Read 4 Django migration(s) in 1 app(s): each app/directory has a single line of migrations.');
  });

  it('follows squashed migrations: replaced nodes leave the graph and dependencies on them are remapped', async () => {
    const result = await audit(fx.djangoSquashed());
    expect(brief(of(result, 'migrations.conflict'))).toEqual(['pass -']);
    expect(brief(of(result, 'migrations.broken-dependency'))).toEqual(['pass -']);
  });

  it('finds two Alembic heads and accepts them once merged', async () => {
    const two = of(await audit(fx.alembicTwoHeads()), 'migrations.conflict');
    expect(brief(two)).toEqual(['fail alembic/versions/c3_add_name.py:9']);
    expect(two[0]!.message).toContain('Alembic script directory alembic has 2 heads: b2c3d4e5f6a7 (alembic/versions/b2_add_email.py:9), c3d4e5f6a7b8 (alembic/versions/c3_add_name.py:9)');
    expect(two[0]!.remediation).toContain('alembic merge b2c3d4e5f6a7 c3d4e5f6a7b8');
    expect(brief(of(await audit(fx.alembicMerged()), 'migrations.conflict'))).toEqual(['pass -']);
  });

  it('allows several heads on branch labels configured as separate branches', async () => {
    const files = fx.alembicTwoHeads();
    files['alembic/versions/b2_add_email.py'] = files['alembic/versions/b2_add_email.py']!.replace('\n\n\ndef upgrade', '\nbranch_labels = ("audit",)\n\ndef upgrade');
    expect(brief(of(await audit(files), 'migrations.conflict'))).toEqual(['fail alembic/versions/c3_add_name.py:9']);
    expect(brief(of(await audit(files, { config: { repo: { 'alembic-branches': ['audit'] } } }), 'migrations.conflict'))).toEqual(['pass -']);
  });

  it('finds a duplicated Alembic revision id', async () => {
    const files = { ...fx.alembicTwoHeads(), 'alembic/versions/e5_copy.py': fx.alembicTwoHeads()['alembic/versions/c3_add_name.py']! };
    const findings = of(await audit(files), 'migrations.conflict');
    expect(brief(findings)).toEqual(['fail alembic/versions/e5_copy.py:9', 'fail alembic/versions/e5_copy.py:9']);
    expect(findings[0]!.message).toContain('Alembic revision id "c3d4e5f6a7b8" is defined 2 times in alembic: alembic/versions/c3_add_name.py:9, alembic/versions/e5_copy.py:9');
  });

  it('reads pop migrations (one file per database: `.mysql.up.sql`) as alternatives, and still finds two for the same database', async () => {
    const sql = 'CREATE TABLE networks (id UUID PRIMARY KEY);\n';
    const per = (version: string, name: string): fx.Files =>
      Object.fromEntries(['cockroach', 'mysql', 'postgres', 'sqlite3'].flatMap((db) => ['up', 'down'].map((dir) => [`persistence/sql/migrations/sql/${version}_${name}.${db}.${dir}.sql`, sql])));
    const clean = {
      ...per('20150100000001000000', 'networks'),
      ...per('20210410175418000000', 'identities'),
      // A file with no dialect is for every database; `.autocommit` runs outside a transaction.
      'persistence/sql/migrations/sql/20250708190000000001_identities_index.up.sql': sql,
      'persistence/sql/migrations/sql/20250708190000000001_identities_index.down.sql': sql,
      'persistence/sql/migrations/sql/20250708190000000000_external_id.cockroach.autocommit.up.sql': sql,
      'persistence/sql/migrations/sql/20250708190000000000_external_id.postgres.up.sql': sql,
      'go.mod': 'module example.com/identity\n\ngo 1.22\n',
    };
    expect(brief(of(await audit(clean), 'migrations.conflict'))).toEqual(['pass -']);
    const twice = { ...clean, 'persistence/sql/migrations/sql/20150100000001000000_courier.mysql.up.sql': sql };
    const findings = of(await audit(twice), 'migrations.conflict');
    expect(brief(findings)).toEqual(['fail persistence/sql/migrations/sql/20150100000001000000_networks.mysql.up.sql']);
    expect(findings[0]!.message).toContain('pop directory persistence/sql/migrations/sql has 2 migrations with version 20150100000001000000');
  });

  it('finds a duplicated Flyway version (1.1 = 1_1) and passes distinct versions', async () => {
    const findings = of(await audit({ ...fx.flywayDuplicate(), ...FLYWAY_IMAGE }), 'migrations.conflict');
    expect(brief(findings)).toEqual(['fail db/migration/V1_1__add_phone.sql']);
    expect([findings[0]!.severity, findings[0]!.role?.rule]).toEqual(['P0', 'evidence:copied-into-image']);
    expect(findings[0]!.message).toBe(
      'flyway directory db/migration has 2 migrations with version 1.1: db/migration/V1.1__add_email.sql, db/migration/V1_1__add_phone.sql; Flyway stops with "Found more than one migration with version".',
    );
    expect(brief(of(await audit({ ...fx.flywayClean(), ...FLYWAY_IMAGE }), 'migrations.conflict'))).toEqual(['pass -']);
  });

  it('finds a duplicated Rails timestamp and passes distinct ones', async () => {
    const findings = of(await audit(fx.railsDuplicate()), 'migrations.conflict');
    expect(brief(findings)).toEqual(['fail db/migrate/20240102090000_remove_name_from_users.rb']);
    expect(findings[0]!.message).toContain('rails directory db/migrate has 2 migrations with version 20240102090000');
    expect(brief(of(await audit(fx.railsClean()), 'migrations.conflict'))).toEqual(['pass -']);
  });

  it('finds duplicated Prisma and Knex timestamps', async () => {
    const findings = of(
      await audit({
        'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "User" (id int);\n',
        'prisma/migrations/20240101000000_add_email/migration.sql': 'ALTER TABLE "User" ADD COLUMN email text;\n',
        'db/migrations/20240105120000_create_orders.js': 'exports.up = () => {};\n',
        'db/migrations/20240105120000_create_items.js': 'exports.up = () => {};\n',
        'db/migrations/20240106120000_create_users.js': 'exports.up = () => {};\n',
      }),
      'migrations.conflict',
    );
    expect(findings.map((f) => `${f.file} ${f.message.split(':')[0]}`)).toEqual([
      'db/migrations/20240105120000_create_orders.js knex/sequelize/typeorm directory db/migrations has 2 migrations with version 20240105120000',
      'prisma/migrations/20240101000000_init/migration.sql prisma directory prisma/migrations has 2 migrations with version 20240101000000',
    ]);
  });

  it('reports a migration file it cannot read as an error, not as a verdict', async () => {
    const findings = of(await audit({ ...fx.djangoMerged(), 'shop/migrations/0004_broken.py': 'class Migration(migrations.Migration:\n    dependencies = [("shop", "0003_merge")\n' }), 'migrations.conflict');
    expect(findings.map((f) => `${f.status} ${f.file}`)).toEqual(['error shop/migrations/0004_broken.py']);
    expect(findings[0]!.message).toBe('shop/migrations/0004_broken.py could not be read as Python (unclosed bracket at end of file at line 3); it is left out of the migration graph.');
  });

  it('leaves migrations in test fixtures out (they conflict on purpose)', async () => {
    const fixture = Object.fromEntries(Object.entries(fx.djangoConflict()).map(([p, c]) => [`tests/fixtures/${p}`, c]));
    const result = await audit({ ...fx.djangoMerged(), ...fixture });
    expect(of(result, 'migrations.conflict').map((f) => [f.status, f.message])).toEqual([['pass', 'Read 4 Django migration(s) in 1 app(s): each app/directory has a single line of migrations.']]);
  });

  it('finds two Rails migrations with the same class name, once even when the version collides too', async () => {
    const body = 'class AddEmailToUsers < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :email, :string\n  end\nend\n';
    const byName = of(await audit({ 'db/migrate/20240101000000_add_email_to_users.rb': body, 'db/migrate/20240201000000_add_email_to_users.rb': body, ...GEMFILE }), 'migrations.conflict');
    expect(byName.map((f) => f.message)).toEqual([
      'rails directory db/migrate has 2 migrations with migration name add_email_to_users: db/migrate/20240101000000_add_email_to_users.rb, db/migrate/20240201000000_add_email_to_users.rb; Rails stops with "Multiple migrations have the name".',
    ]);
    const both = of(await audit({ 'db/migrate/20240101000000_add_email_to_users.rb': body, 'db/migrate/20240101000000_add_email_to_users_again.rb': body.replace('AddEmailToUsers', 'AddEmailToUsersAgain'), ...GEMFILE }), 'migrations.conflict');
    expect(both).toHaveLength(1);
  });

  it('finds duplicated golang-migrate versions but not an up/down pair', async () => {
    const files = {
      'migrations/000001_init.up.sql': 'CREATE TABLE t (id int);\n',
      'migrations/000001_init.down.sql': 'DROP TABLE t;\n',
      'migrations/000002_a.up.sql': 'SELECT 1;\n',
      'migrations/2_b.up.sql': 'SELECT 2;\n',
    };
    const findings = of(await audit(files), 'migrations.conflict');
    expect(brief(findings)).toEqual(['fail migrations/2_b.up.sql']);
    expect(findings[0]!.message).toContain('golang-migrate directory migrations has 2 migrations with version 000002');
  });

  it("reads a migration's reverse half (`_reverse.sql`, `_down.sql`) as the same migration undone, and still finds two forward ones of a version (Flagsmith's segments SQL)", async () => {
    const files = {
      'api/segments/migrations/sql/0023_add_versioning.sql': 'ALTER TABLE s ADD COLUMN v int;\n',
      'api/segments/migrations/sql/0023_add_versioning_reverse.sql': 'ALTER TABLE s DROP COLUMN v;\n',
      'db/migrations/0024_a.sql': 'SELECT 1;\n',
      'db/migrations/0024_b.sql': 'SELECT 2;\n',
    };
    expect(brief(of(await audit(files), 'migrations.conflict'))).toEqual(['fail db/migrations/0024_b.sql']);
  });

  it("knows a Django app by the label its AppConfig sets, not its folder: two permissions folders, each its own app, and dependencies by label (Flagsmith)", async () => {
    const migration = (deps: string) => `from django.db import migrations\n\nclass Migration(migrations.Migration):\n    dependencies = [${deps}]\n    operations = []\n`;
    const files = {
      'api/permissions/__init__.py': '',
      'api/permissions/migrations/__init__.py': '',
      'api/permissions/migrations/0001_initial.py': migration(''),
      'api/permissions/migrations/0002_more.py': migration('("permissions", "0001_initial")'),
      'api/environments/permissions/__init__.py': '',
      'api/environments/permissions/apps.py': 'from django.apps import AppConfig\n\nclass EnvironmentPermissionsConfig(AppConfig):\n    name = "environments.permissions"\n    label = "environment_permissions"\n',
      'api/environments/permissions/migrations/__init__.py': '',
      'api/environments/permissions/migrations/0001_initial.py': migration('("permissions", "0002_more")'),
      'api/environments/permissions/migrations/0002_next.py': migration('("environment_permissions", "0001_initial")'),
      'api/features/import_export/apps.py': 'from django.apps import AppConfig\n\nclass FeaturesImportExport(AppConfig):\n    name = "features.import_export"\n    label = "features_import_export"\n',
      'api/features/import_export/migrations/__init__.py': '',
      'api/features/import_export/migrations/0001_initial.py': migration(''),
      'api/features/import_export/migrations/0002_next.py': migration('("features_import_export", "0001_initial")'),
    };
    const result = await audit(files);
    expect(brief(of(result, 'migrations.conflict'))).toEqual(['pass -']);
    expect(brief(of(result, 'migrations.broken-dependency'))).toEqual(['pass -']);
    // The twin: a dependency on a migration the labelled app does not have is still broken.
    files['api/environments/permissions/migrations/0002_next.py'] = migration('("environment_permissions", "0001_gone")');
    expect(brief(of(await audit(files), 'migrations.broken-dependency'))).toEqual(['fail api/environments/permissions/migrations/0002_next.py:4']);
  });
});

describe('migrations.broken-dependency', () => {
  it('finds a Django dependency on a deleted migration, at the line of the dependency', async () => {
    const findings = of(await audit(fx.djangoMissingDependency()), 'migrations.broken-dependency');
    expect(brief(findings)).toEqual(['fail shop/migrations/0002_order_note.py:7']);
    expect(findings[0]!.message).toBe(
      'Django migration shop/migrations/0002_order_note.py depends on ("shop", "0001_initial_old"), but app "shop" (shop/migrations) has no migration 0001_initial_old: Django raises NodeNotFoundError before migrating anything.',
    );
    expect(findings[0]!.severity).toBe('P0');
  });

  it('ignores dependencies on apps outside the repository and swappable dependencies', async () => {
    const files = fx.djangoConflict();
    files['shop/migrations/0002_order_note.py'] = files['shop/migrations/0002_order_note.py']!.replace(
      '("shop", "0001_initial"),',
      '("shop", "0001_initial"),\n        ("auth", "0012_alter_user_first_name_max_length"),\n        migrations.swappable_dependency(settings.AUTH_USER_MODEL),',
    );
    expect(brief(of(await audit(files), 'migrations.broken-dependency'))).toEqual(['pass -']);
  });

  it('finds an Alembic down_revision that names no revision', async () => {
    const findings = of(await audit(fx.alembicBrokenDown()), 'migrations.broken-dependency');
    expect(brief(findings)).toEqual(['fail alembic/versions/b2_add_email.py:10']);
    expect(findings[0]!.message).toContain('has down_revision "ffffffffffff", which is not a revision in alembic');
    expect(brief(of(await audit(fx.alembicMerged()), 'migrations.broken-dependency'))).toEqual(['pass -']);
  });

  it('skips a repository without Django or Alembic migrations', async () => {
    const result = await audit({ 'README.md': '# nothing\n' });
    expect(of(result, 'migrations.broken-dependency').map((f) => [f.status, f.message])).toEqual([['skip', 'No Django or Alembic migrations found.']]);
    expect(result.findings.map((f) => f.status)).toEqual(['skip', 'skip', 'skip']);
  });
});

describe('migrations.unsafe-operation', () => {
  it('names SQL operations by file and line (statements spanning lines start at their first line)', async () => {
    const findings = of(await audit(fx.flywayDuplicate()), 'migrations.unsafe-operation');
    expect(findings.map((f) => `${f.status} ${f.severity} ${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual([
      'fail P2 db/migration/V1_1__add_phone.sql:2 ADD COLUMN NOT NULL without DEFAULT',
      'fail P2 db/migration/V1_1__add_phone.sql:4 CREATE INDEX without CONCURRENTLY',
    ]);
  });

  it('does not ask MySQL for CONCURRENTLY, but still flags its column drops', async () => {
    const findings = of(await audit({ 'db/migration/V3__mysql.sql': 'CREATE INDEX idx_name ON `users` (`name`);\nALTER TABLE `users` DROP COLUMN `legacy`;\n' }), 'migrations.unsafe-operation');
    expect(findings.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual(['db/migration/V3__mysql.sql:2 DROP COLUMN']);
  });

  it('passes concurrent index builds and indexes on tables created in the same file', async () => {
    expect(brief(of(await audit(fx.flywayClean()), 'migrations.unsafe-operation'))).toEqual(['pass -']);
    expect(brief(of(await audit(fx.railsClean()), 'migrations.unsafe-operation'))).toEqual(['pass -']);
  });

  it('reads Rails, Alembic and Django operations', async () => {
    const rails = of(await audit(fx.railsDuplicate()), 'migrations.unsafe-operation');
    expect(rails.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual([
      'db/migrate/20240102090000_add_email_to_users.rb:4 add_index without algorithm: :concurrently',
      'db/migrate/20240102090000_remove_name_from_users.rb:3 remove_column',
    ]);
    const alembic = of(await audit(fx.alembicTwoHeads()), 'migrations.unsafe-operation');
    expect(alembic.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual([
      'alembic/versions/c3_add_name.py:14 op.add_column NOT NULL without server_default',
      'alembic/versions/c3_add_name.py:15 op.create_index without postgresql_concurrently=True',
    ]);
    const files = fx.djangoMerged();
    files['shop/migrations/0004_risky.py'] = `from django.db import migrations, models


def forwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_merge")]
    operations = [
        migrations.RemoveField(model_name="order", name="note"),
        migrations.AddField("order", "code", models.CharField(max_length=5)),
        migrations.AddField("order", "ref", models.CharField(max_length=5, null=True)),
        migrations.AddIndex(model_name="order", index=models.Index(fields=["total"], name="total_idx")),
        migrations.RunPython(forwards),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RunSQL("ALTER TABLE shop_order DROP COLUMN total"),
    ]
`;
    const django = of(await audit(files), 'migrations.unsafe-operation');
    expect(django.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual([
      'shop/migrations/0004_risky.py:11 RemoveField order.note',
      'shop/migrations/0004_risky.py:12 AddField order.code NOT NULL without default',
      'shop/migrations/0004_risky.py:14 AddIndex outside AddIndexConcurrently',
      'shop/migrations/0004_risky.py:15 RunPython without reverse_code',
      'shop/migrations/0004_risky.py:17 RunSQL: DROP COLUMN',
    ]);
  });

  it('reads only the up section of dbmate files and SQL run by Alembic op.execute', async () => {
    const dbmate = of(
      await audit({ 'db/migrations/20240101000000_users.sql': '-- migrate:up\nALTER TABLE users RENAME COLUMN name TO full_name;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN full_name;\n' }),
      'migrations.unsafe-operation',
    );
    expect(dbmate.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual(['db/migrations/20240101000000_users.sql:2 RENAME COLUMN']);
    const files = fx.alembicMerged();
    files['alembic/versions/e5_drop.py'] = files['alembic/versions/d4_merge.py']!.replace(/d4e5f6a7b8c9/g, 'e5f6a7b8c9d0').replace('("b2c3d4e5f6a7", "c3d4e5f6a7b8")', '"d4e5f6a7b8c9"').replace('def upgrade():\n    pass', 'def upgrade():\n    op.execute("ALTER TABLE users ALTER COLUMN email TYPE varchar(320)")\n    with op.batch_alter_table("users") as batch_op:\n        batch_op.drop_column("name")');
    const alembic = of(await audit(files), 'migrations.unsafe-operation').filter((f) => f.location!.path.endsWith('e5_drop.py'));
    expect(alembic.map((f) => `${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual(['14 op.execute: ALTER COLUMN TYPE', '16 op.drop_column']);
  });

  it('in a pull request reads only the changed migrations', async () => {
    const repo = makeRepo(fx.flywayClean(), { git: true });
    repos.push(repo);
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]) => execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { stdio: 'pipe' });
    git('checkout', '-q', '-b', 'feature');
    repo.write('db/migration/V3__drop.sql', 'ALTER TABLE users DROP COLUMN name;\n');
    repo.write('db/migration/V1__init.sql', 'CREATE INDEX late ON users (id);\n'); // changed too
    git('add', '-A');
    git('commit', '-q', '-m', 'feature');
    const result = await runChecks(migrationsChecks, { repo: repo.root, baseRef: 'main' });
    const findings = of(result, 'migrations.unsafe-operation');
    expect(findings.map((f) => `${f.location!.path}:${f.location!.line} ${f.message.split(' in ')[0]}`)).toEqual([
      'db/migration/V1__init.sql:1 CREATE INDEX without CONCURRENTLY',
      'db/migration/V3__drop.sql:1 DROP COLUMN',
    ]);
  });
});

describe('generated Python that nests deeper than any hand-written code', () => {
  it('still finds the conflict when another migration nests 3,000 brackets and a + chain of 5,000 terms', async () => {
    const files = {
      ...fx.djangoConflict(),
      'shop/migrations/0001_deep_data.py': `from django.db import migrations\nDATA = ${'('.repeat(3000)}1${')'.repeat(3000)}\nNAMES = ${Array(5000).fill('"a"').join(' + ')}\n`,
    };
    const result = await audit(files);
    expect(brief(of(result, 'migrations.conflict'))).toEqual(['fail shop/migrations/0002_order_status.py:4']);
  });
});
