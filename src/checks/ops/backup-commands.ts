// The text half of ops.backup: whether a file holds a backup or restore
// command. Pure, so the scan pool may run it in a worker thread.

import { lineOfOffset, lineStartOffsets } from '../../parse/lines.js';

/** Tools and commands that take or restore database backups. */
export const BACKUP_COMMAND =
  /\b(pg_dump(all)?|pg_basebackup|pg_restore|pgbackrest|wal-g|wal-e|barman|mysqldump|mariadb-dump|mariabackup|xtrabackup|mydumper|myloader|mongodump|mongorestore|velero|restic|borg(backup)?|litestream|k8up|cnpg\s+backup|elasticsearch-snapshot|_snapshot)\b|(postgres|db|mysql|mongo)[-_]?backup/i;
// Bounded repetitions: `psql[^\n]*<\s*\S+` is quadratic on a long line of `psql<psql<...`.
const RESTORE_COMMAND = /\b(pg_restore|mongorestore|myloader|restore)\b|psql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql|mysql[^\n]{0,200}<\s{0,20}\S{1,200}\.sql/i;
/** A backups/ directory, or a script or document named for backup or restore (not any source file that mentions it). */
export const BACKUP_PATH = /(^|\/)(backups?|restore)\/|(^|\/)[^/]*(backup|restore)[^/]*\.(sh|bash|ps1|md|rst|txt|adoc|ya?ml|sql|py)$/i;
// A literal from every alternative of BACKUP_COMMAND: a file without one cannot
// match, and this test is about three times cheaper than the expression itself.
const MENTIONS_BACKUP_TOOL = /pg_|backup|backrest|wal-[ge]|barman|mysqldump|mariadb-dump|mydumper|mongodump|myloader|mongorestore|velero|restic|borg|litestream|k8up|snapshot/i;
const SEARCHED_TEXT = /\.(md|rst|txt|adoc|sh|bash|ya?ml|toml|json|py|js|ts|rb|go)$|(^|\/)(Makefile|Justfile|Taskfile|Procfile|Dockerfile[^/]*)$/;

export function isSearchedForBackups(path: string, size: number): boolean {
  return SEARCHED_TEXT.test(path) && size <= 512 * 1024;
}

/** 1-based lines of the first backup command and of the first restore command (looked for only in a file with a backup command or a backup-named path). */
export function backupCommands(text: string, path: string): { backup?: number; restore?: number } {
  const b = MENTIONS_BACKUP_TOOL.test(text) ? BACKUP_COMMAND.exec(text) : null;
  const r = b || BACKUP_PATH.test(path) ? RESTORE_COMMAND.exec(text) : null;
  if (!b && !r) return {};
  const starts = lineStartOffsets(text);
  return { ...(b ? { backup: lineOfOffset(starts, b.index) } : {}), ...(r ? { restore: lineOfOffset(starts, r.index) } : {}) };
}
