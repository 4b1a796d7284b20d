import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { FindingInput, RepoCheck, Severity } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { mapLimited, READ_CONCURRENCY } from '../../repo/limit.js';
import { FIRST_BYTES, prefixWanted, recogniseDump, type DumpDescription } from './recognise.js';
import type { RoleInfo } from '../../model/roles.js';

// Source, markup and media files are never dumps: their first bytes are not read.
// Everything else (no extension, .dump, .sql, .db, .gz, .bak, .json for Django
// dumpdata, ...) is recognised by content, from its first kilobyte.
const NEVER_A_DUMP = /\.(py|pyi|js|mjs|cjs|jsx|ts|tsx|vue|svelte|go|rb|php|java|kt|scala|rs|c|h|cc|cpp|hpp|cs|swift|m|sh|bash|ps1|md|mdx|rst|adoc|html?|css|scss|sass|less|ya?ml|toml|ini|cfg|conf|xml|svg|png|jpe?g|gif|webp|avif|ico|bmp|tiff?|woff2?|ttf|otf|eot|mp3|mp4|webm|ogg|wav|pdf|lock|map|po|mo|csv|tsv|ipynb|pyc|class|jar|wasm|snap)$/i;

/** Roles where committed data is a fixture or a sample (Chinook, Northwind), kept at most P2. */
const FIXTURE_ROLES = new Set(['test', 'example', 'docs', 'template']);

/** A file that loads test or demo databases: a test, example, docs or template file, or one of the CI configuration folder (`.github/workflows/v3.sql`, the database a workflow tests against). */
function holdsFixtures(role: RoleInfo): boolean {
  return FIXTURE_ROLES.has(role.role) || role.rule === 'ci-dir';
}


const recognised = new WeakMap<FileSet, Map<string, Promise<DumpDescription | undefined>>>();

/**
 * What the file at `path` is as a dump or database file, or undefined.
 * Memoised per file set: `ops.backup` asks about the same files.
 */
export function dumpOf(files: FileSet, path: string): Promise<DumpDescription | undefined> {
  let byPath = recognised.get(files);
  if (!byPath) recognised.set(files, (byPath = new Map()));
  let pending = byPath.get(path);
  if (!pending) {
    pending = (async () => {
      const first = await files.readHead(path, FIRST_BYTES);
      if (!first || first.length < 16) return undefined;
      const wanted = first.length < FIRST_BYTES ? first.length : prefixWanted(first);
      const head = wanted > first.length ? ((await files.readHead(path, wanted)) ?? first) : first;
      return recogniseDump(path, head);
    })();
    byPath.set(path, pending);
  }
  return pending;
}

/** Paths worth reading the head of: every file of the set and every file skipped for its size, except source, markup and media. */
export function dumpCandidates(files: FileSet): Array<{ path: string; size?: number; tracked?: boolean }> {
  const listed = files.files.filter((f) => f.size >= 16 && !NEVER_A_DUMP.test(f.path));
  const oversized = files.skipped.filter((s) => s.unread === 'oversized' && !NEVER_A_DUMP.test(s.path)).map((s) => ({ path: s.path }));
  return [...listed, ...oversized];
}

/**
 * A database server's data directory committed whole (a Docker volume folder
 * added by mistake), recognised by the files only such a directory holds.
 */
const DATA_DIRECTORIES: Array<{ marker: RegExp; format: string; confirms: string[] }> = [
  { marker: /(^|\/)PG_VERSION$/, format: 'PostgreSQL data directory', confirms: ['global/pg_control', 'base/', 'pg_wal/', 'pg_xlog/'] },
  { marker: /(^|\/)ibdata1$/, format: 'MySQL/MariaDB data directory', confirms: ['mysql.ibd', 'mysql/', 'ib_logfile0', '#innodb_redo/'] },
  { marker: /(^|\/)WiredTiger$/, format: 'MongoDB data directory', confirms: ['WiredTiger.wt', '_mdb_catalog.wt'] },
];

export function dataDirectories(paths: readonly string[]): Array<{ dir: string; format: string; files: string[]; marker: string }> {
  const out: Array<{ dir: string; format: string; files: string[]; marker: string }> = [];
  for (const { marker, format, confirms } of DATA_DIRECTORIES) {
    for (const path of paths.filter((p) => marker.test(p))) {
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      const inside = paths.filter((p) => p.startsWith(dir));
      if (!confirms.some((c) => (c.endsWith('/') ? inside.some((p) => p.startsWith(dir + c)) : inside.includes(dir + c)))) continue;
      out.push({ dir: dir || './', format, files: inside, marker: path });
    }
  }
  return out;
}

export const committedDump: RepoCheck = {
  id: 'data.committed-dump',
  title: 'No database dump or database file is committed',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  // Committed data leaks wherever it sits: the check weighs the role itself
  // (fixtures and samples are kept, at P2), rather than ignoring non-production files.
  roles: 'own',
  docs: {
    summary:
      'Fails for each file in the repository that is a database dump or a live database file, recognised by its content: pg_dump archives (`PGDMP`, directory `toc.dat`, tar), plain SQL dumps from pg_dump/pg_dumpall/mysqldump/mariadb-dump/phpMyAdmin/Adminer, SQLite databases, Redis RDB snapshots and AOF files, mongodump archives and BSON collections, Django `dumpdata` JSON holding password hashes, and the same inside gzip; for a PostgreSQL, MySQL/MariaDB or MongoDB data directory committed whole; zstd/bzip2/xz files count when their name says dump. A name (`*.dump`, `*.sql.gz`, `*.db`, `backup*.sql`) alone never fails: a `.db` file that is not a database is nothing.',
    why: 'A dump holds what the database held: accounts, password hashes, personal data, tokens. Once pushed it is in every clone and fork and in the history for good, and it is often a copy of production ("counts match production"). Git history cannot be un-shared; the data must be treated as disclosed.',
    fix: 'Remove the file from the repository and from its history (`git filter-repo --path <file> --invert-paths`), treat its content as leaked (rotate credentials, reset password hashes and tokens, assess the personal data disclosed), ignore dump names in `.gitignore`, and keep backups in encrypted object storage with access control. Tests use small synthetic fixtures or factories instead.',
    snippets: [
      { stack: 'git', code: '# remove from every commit, then force-push and ask every clone to re-clone\ngit filter-repo --invert-paths --path proofs/backups/db_2024-05-01.dump\n\n# .gitignore\n*.dump\n*.sql.gz\n*.sqlite3\n*.db\ndump.rdb\nbackups/' },
      { stack: 'PostgreSQL', code: '# backups go to encrypted object storage, never to the repository\npg_dump -Fc "$DATABASE_URL" | age -r "$BACKUP_PUBKEY" | aws s3 cp - "s3://backups/db-$(date +%F).dump.age"' },
      { stack: 'Django', code: '# synthetic test data instead of a copy of the database\n# tests/factories.py\nclass UserFactory(factory.django.DjangoModelFactory):\n    class Meta:\n        model = User\n    email = factory.Sequence(lambda n: f"user{n}@example.test")' },
      { stack: 'SQLite', code: '# .gitignore\ndb.sqlite3\n*.sqlite3-journal\n*.db-wal' },
    ],
    severityNote:
      'P2 for a dump that holds no rows (a schema-only SQL or pg_dump file, an SQLite file with no table or whose tables are all empty), for the SQLite file of a test or coverage tool (every table coverage.py\'s or pytest-monitor\'s), for a numbered script of an install sequence (at least three `NN_name.sql` scripts in one folder, none named dump or backup), for a schema script that fills at most a third of the tables it creates with at most 20 rows in all (install defaults; the accounts it seeds are judged by secrets.default-account), for an SQLite file of full-text search tables only and for files whose role is test, example, docs or template, or that sit in the CI configuration folder, and demo or sample database files by the role table (fixtures, sample databases, a workflow\'s test database, `multi-tenant-demo-backups/`); P0 otherwise, in any other role, because data leaks wherever it is committed. A compressed file that cannot be opened here (zstd, bzip2, xz) counts as data.',
  },
  async run(ctx) {
    const candidates = dumpCandidates(ctx.files);
    const found = await mapLimited(candidates, READ_CONCURRENCY, async (file) => ({ file, dump: await dumpOf(ctx.files, file.path) }));
    const findings: FindingInput[] = [];
    const allPaths = [...ctx.files.files.map((f) => f.path), ...ctx.files.skipped.filter((s) => s.unread === 'oversized').map((s) => s.path)];
    const directories = dataDirectories(allPaths);
    for (const directory of directories) {
      const role = ctx.model.roles.of(directory.marker);
      const fixture = holdsFixtures(role);
      let bytes = 0;
      for (const path of directory.files) bytes += ctx.files.get(path)?.size ?? (await sizeOf(ctx.files.root, path)) ?? 0;
      findings.push({
        status: 'fail',
        severity: fixture ? 'P2' : 'P0',
        message: `\`${directory.dir}\` is a ${directory.format} (${directory.files.length} file(s), ${formatSize(bytes)}) in the repository: the database's own files, every table included.${fixture ? ` At most P2: ${/^[aeiou]/.test(role.role) ? 'an' : 'a'} ${role.role} file (${role.reason}); check that it is synthetic data.` : ' Its data is disclosed to everyone with the repository and stays in the history.'}`,
        location: { path: directory.marker, line: 1 },
      });
    }
    const inDirectory = (path: string): boolean => directories.some((d) => path.startsWith(d.dir === './' ? '' : d.dir));
    const sequences = installSequences(allPaths);
    for (const { file, dump: recognisedDump } of found) {
      if (!recognisedDump || inDirectory(file.path)) continue;
      const sequence = sequences.get(posix.dirname(file.path));
      const dump = sequence && SEQUENCE_MEMBER.test(posix.basename(file.path)) && !DUMP_WORD.test(posix.basename(file.path))
        ? { ...recognisedDump, lowRisk: recognisedDump.lowRisk ?? `it is one of ${sequence} numbered SQL scripts in \`${posix.dirname(file.path)}/\`, a schema install sequence the application applies in order; check its rows are the application's own reference data` }
        : recognisedDump;
      const role = ctx.model.roles.of(file.path);
      const size = file.size ?? (await sizeOf(ctx.files.root, file.path));
      const fixture = holdsFixtures(role);
      const severity: Severity = fixture || dump.hasData === false || dump.lowRisk !== undefined ? 'P2' : 'P0';
      const how = dump.compression ? `${dump.compression}-compressed ${dump.format}` : dump.format;
      const facts = dump.details.length ? ` (${dump.details.join('; ')})` : '';
      const where = !ctx.files.isGitRepository ? 'in the repository' : file.tracked === false ? 'in the work tree and not ignored by git' : 'committed to git';
      const sizeText = size !== undefined ? `, ${formatSize(size)}` : '';
      const why = fixture
        ? ` At most P2: ${/^[aeiou]/.test(role.role) ? 'an' : 'a'} ${role.role} file (${role.reason}); check that it is synthetic data, not a copy of a real database.`
        : dump.lowRisk
          ? ` At most P2: ${dump.lowRisk}.`
          : dump.hasData === false
            ? ' At most P2: it holds no rows (schema only), but dumps belong outside the repository.'
            : ' Its data is disclosed to everyone with the repository and stays in the history.';
      findings.push({
        status: 'fail',
        severity,
        message: `\`${file.path}\` is a ${how}${facts}${sizeText}, ${where}.${why}`,
        location: { path: file.path, line: 1 },
      });
    }
    if (findings.length) return findings;
    return [{ status: 'pass', message: `No database dump or database file among ${candidates.length} file(s) whose first bytes were read.` }];
  },
};

// `00_schema.sql`, `10_functions.sql`: scripts numbered for the order an installer applies them in.
const SEQUENCE_MEMBER = /^\d{2,4}[_-][\w.-]+\.sql$/i;
const DUMP_WORD = /dump|backup|export|snapshot/i;

/** Folders holding at least three numbered SQL scripts, with how many: install sequences. */
function installSequences(paths: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) if (SEQUENCE_MEMBER.test(posix.basename(path))) counts.set(posix.dirname(path), (counts.get(posix.dirname(path)) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n >= 3));
}

/** Files skipped for their size carry no size in the file set. */
async function sizeOf(root: string, path: string): Promise<number | undefined> {
  try {
    return (await stat(join(root, path))).size;
  } catch {
    return undefined;
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}
