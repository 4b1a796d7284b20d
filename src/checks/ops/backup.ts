import type { RepoCheck } from '../../engine/types.js';
import { statefulServices } from './stateful-services.js';
import { dumpOf } from '../data/committed-dump.js';
import { BACKUP_PATH, isSearchedForBackups } from './backup-commands.js';
import { backupCommandScanner } from '../scanners.js';

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
    // In slices, first to last: the first command in file order is the one named, and the search stops once both are found.
    const searched = ctx.files.files.filter((f) => isSearchedForBackups(f.path, f.size));
    const step = ctx.parsed.scanConcurrency;
    for (let start = 0; start < searched.length && !(byCommand && restore); start += step) {
      const slice = searched.slice(start, start + step);
      const found = await Promise.all(slice.map((f) => ctx.parsed.scan(backupCommandScanner, f.path)));
      slice.forEach((file, i) => {
        const hit = found[i];
        if (hit?.backup && !byCommand) byCommand = { path: file.path, line: hit.backup };
        if (hit?.restore && !restore) restore = { path: file.path, line: hit.restore };
      });
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
