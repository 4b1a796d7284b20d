import type { RepoCheck } from '../../engine/types.js';
import { statefulServices } from './stateful-services.js';
import { dumpOf } from '../data/committed-dump.js';

/** Tools and commands that take or restore database backups. */
export const BACKUP_COMMAND =
  /\b(pg_dump(all)?|pg_basebackup|pg_restore|pgbackrest|wal-g|wal-e|barman|mysqldump|mariadb-dump|mariabackup|xtrabackup|mydumper|myloader|mongodump|mongorestore|velero|restic|borg(backup)?|litestream|k8up|cnpg\s+backup|elasticsearch-snapshot|_snapshot)\b|(postgres|db|mysql|mongo)[-_]?backup/i;
// Bounded repetitions: `psql[^\n]*<\s*\S+` is quadratic on a long line of `psql<psql<...`.
const RESTORE_COMMAND = /\b(pg_restore|mongorestore|myloader|restore)\b|psql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql|mysql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql/i;
/** A backups/ directory, or a script or document named for backup or restore (not any source file that mentions it). */
const BACKUP_PATH = /(^|\/)(backups?|restore)\/|(^|\/)[^/]*(backup|restore)[^/]*\.(sh|bash|ps1|md|rst|txt|adoc|ya?ml|sql|py)$/i;
// A literal from every alternative of BACKUP_COMMAND: a file without one cannot
// match, and this test is about three times cheaper than the expression itself.
const MENTIONS_BACKUP_TOOL = /pg_|backup|backrest|wal-[ge]|barman|mysqldump|mariadb-dump|mydumper|mongodump|myloader|mongorestore|velero|restic|borg|litestream|k8up|snapshot/i;
const SEARCHED_TEXT = /\.(md|rst|txt|adoc|sh|bash|ya?ml|toml|json|py|js|ts|rb|go)$|(^|\/)(Makefile|Justfile|Taskfile|Procfile|Dockerfile[^/]*)$/;

export const backup: RepoCheck = {
  id: 'ops.backup',
  title: 'Databases have a backup and restore procedure',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary:
      'Fails when compose files or Kubernetes manifests run a database (Postgres, MySQL/MariaDB, MongoDB, Elasticsearch...) and the repository holds no backup or restore procedure: no backup/restore script or document, no pg_dump/mysqldump/mongodump/pgBackRest/WAL-G/Velero command, no backup section in a Postgres operator cluster.',
    why: 'A database without tested backups turns a bad migration, a deleted volume or ransomware into permanent data loss; the procedure has to exist before it is needed.',
    fix: 'Add a scheduled backup (a CronJob running pg_dump to object storage, pgBackRest/WAL-G, the operator\'s backup section, or a managed database with point-in-time recovery) and a documented, tested restore command.',
    snippets: [{ stack: 'Kubernetes', code: 'kind: CronJob\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: backup\n              image: postgres:16\n              command: ["sh", "-c", "pg_dump \\"$DATABASE_URL\\" | gzip > /backup/db-$(date +%F).sql.gz"]' }],
  },
  async run(ctx) {
    const services = await statefulServices(ctx);
    if (!services.length) return [{ status: 'skip', message: 'No database service found in compose files or Kubernetes manifests.' }];
    const operator = services.filter((s) => s.backupConfigured);
    // A committed dump under backups/ is a leak (data.committed-dump), not a backup procedure.
    let byPath: string | undefined;
    for (const f of ctx.files.files) {
      if (!BACKUP_PATH.test(f.path) || (await dumpOf(ctx.files, f.path))) continue;
      byPath = f.path;
      break;
    }
    let byCommand: { path: string; line: number } | undefined;
    let restore: { path: string; line: number } | undefined;
    for (const file of ctx.files.files) {
      if (!SEARCHED_TEXT.test(file.path) || file.size > 512 * 1024) continue;
      const text = await ctx.files.read(file.path);
      if (!text) continue;
      const b = MENTIONS_BACKUP_TOOL.test(text) ? BACKUP_COMMAND.exec(text) : null;
      if (b && !byCommand) byCommand = { path: file.path, line: text.slice(0, b.index).split('\n').length };
      const r = !restore && (b || BACKUP_PATH.test(file.path)) ? RESTORE_COMMAND.exec(text) : null;
      if (r) restore = { path: file.path, line: text.slice(0, r.index).split('\n').length };
      if (byCommand && restore) break;
    }
    const list = services.map((s) => `${s.name} (${s.image}, ${s.path}:${s.line})`).join(', ');
    if (byPath || byCommand || operator.length) {
      const evidence = [byPath && `backup file ${byPath}`, byCommand && `backup command at ${byCommand.path}:${byCommand.line}`, operator.length && `backup section in ${operator.map((o) => o.name).join(', ')}`].filter(Boolean).join('; ');
      const restoreNote = restore ? ` Restore: ${restore.path}:${restore.line}.` : ' No restore command was found: document and test one.';
      return [{ status: 'pass', message: `Databases ${list} have a backup procedure (${evidence}).${restoreNote}` }];
    }
    const first = services[0]!;
    return [
      {
        status: 'fail',
        message: `The repository runs ${services.length === 1 ? 'a database' : `${services.length} databases`}: ${list}, and holds no backup or restore procedure (no backup/restore script or document, no pg_dump/mysqldump/mongodump/pgBackRest/WAL-G/Velero command).`,
        location: { path: first.path, line: first.line },
      },
    ];
  },
};
