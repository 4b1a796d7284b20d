// What a database dump or database file looks like from its first bytes.
// Content decides; a name only ever confirms what the content says (a `.db`
// file that is not SQLite is nothing, a `backup.sql` of SQL statements is a
// dump). Only what the header and a bounded prefix tell cheaply is reported
// (format, database name, versions, table names and counts), never a value.
//
// Formats and their references:
// - pg_dump custom/directory archive: "PGDMP" + archive version, int/offset
//   sizes, format, compression, creation time, dbname, server and pg_dump
//   versions, then the table of contents (PostgreSQL src/bin/pg_dump/
//   pg_backup_archiver.c, WriteHead/WriteToc); pg_dump tar format: a tar
//   whose first member is `toc.dat`.
// - plain SQL dumps: the comment pg_dump, pg_dumpall, mysqldump, mariadb-dump,
//   phpMyAdmin and Adminer write on their first lines; sqlite3 `.dump`.
// - SQLite: "SQLite format 3\0", page size at offset 16, page count at 28,
//   application id at 68 (sqlite.org/fileformat.html §1.3).
// - Redis RDB: "REDIS" + four-digit version.
// - mongodump --archive: magic 0x8199e26d, little-endian (mongo-tools
//   common/archive/archive.go).
// - gzip (1f 8b): a bounded prefix is decompressed and recognised again.
// - zstd (28 b5 2f fd), bzip2 ("BZh"), xz (fd 37 7a 58 5a 00): Node has no
//   decompressor at hand, so only a dump-like name plus the magic count.

import { createGunzip, constants as zlibConstants } from 'node:zlib';
import { baseName } from '../../repo/fileset.js';

export type DumpFormat =
  | 'pg_dump custom archive'
  | 'pg_dump tar archive'
  | 'PostgreSQL SQL dump'
  | 'MySQL/MariaDB SQL dump'
  | 'SQL dump'
  | 'SQLite database'
  | 'Redis RDB snapshot'
  | 'mongodump archive'
  | 'mongodump BSON collection'
  | 'Django dumpdata fixture'
  | 'Redis append-only file'
  | 'dump by its name';

export interface DumpDescription {
  format: DumpFormat;
  /** What the header says, for the message: dbname, versions, tables, rows. */
  details: string[];
  /**
   * Holds rows: `false` for a schema-only dump or an empty database,
   * `undefined` when the header cannot tell (compressed with an unread
   * codec): judged as data, since a reviewer cannot rule it out either.
   */
  hasData: boolean | undefined;
  /** Why it weighs at most P2 although it holds rows. */
  lowRisk?: string;
  /** `gzip` when recognised inside a gzip stream. */
  compression?: string;
}

/** Bytes read first from every candidate: enough for every magic number and the tar header. */
export const FIRST_BYTES = 1024;
/** Bytes read from an SQLite file, for the table names of its schema page(s). */
export const HEAD_BYTES = 64 * 1024;
/** The prefix of a SQL dump (or a decompressed gzip stream) in which tables and rows are counted. */
export const SQL_PREFIX = 1024 * 1024;
/** A SQLite file up to this size is read whole, to count the rows of each table. */
const SQLITE_WHOLE = 4 * 1024 * 1024;

/** The size a SQLite header gives: page size times page count. */
function sqliteBytes(first: Buffer): number {
  const raw = first.readUInt16BE(16);
  return (raw === 1 ? 65536 : raw) * first.readUInt32BE(28);
}

const PGDMP = Buffer.from('PGDMP');
const SQLITE = Buffer.from('SQLite format 3\0', 'latin1');
const MONGO_ARCHIVE = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);
const GZIP = Buffer.from([0x1f, 0x8b]);
const ZSTD = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const XZ = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

/** A name that says "database dump" (used only to confirm SQL statements or an opaque compressed stream). */
export const DUMP_NAME = /(^|[._-])(dump|dumps|backup|backups|bak|snapshot|pgdump|mysqldump|db[-_]?backup)([._-]|$)|\.(dump|pgdump|psql|pgsql|sql|sqlite3?|db|rdb|bson|archive)(\.(gz|zst|bz2|xz))?$/i;
/** A directory for dumps or backups: confirms SQL statements or an opaque compressed stream as a dump. */
const DUMP_DIRECTORY = /(^|\/)(dumps?|backups?|db[-_]?backups?)\//i;

/**
 * Formats whose tables and rows are counted in a longer prefix than the head:
 * pg_dump archives (their table of contents), gzip streams and SQL text.
 */
function wantsLongerPrefix(head: Buffer): boolean {
  return head.subarray(0, 5).equals(PGDMP) || head.subarray(0, 2).equals(GZIP) || looksLikeSqlText(head) || looksLikeDjangoFixture(head);
}

/** How many bytes to read to describe the file that starts with `first` (FIRST_BYTES of it). */
export function prefixWanted(first: Buffer): number {
  if (wantsLongerPrefix(first) || isTar(first)) return SQL_PREFIX;
  // A SQLite file is read whole when it is small (its rows are told by every table's root page, anywhere in it).
  if (first.subarray(0, 16).equals(SQLITE)) return first.length >= 32 ? Math.max(HEAD_BYTES, Math.min(SQLITE_WHOLE, sqliteBytes(first))) : HEAD_BYTES;
  return first.length;
}

/**
 * What `head` (the first bytes of the file at `path`) is, or undefined when
 * it is not a dump or database file.
 */
export async function recogniseDump(path: string, head: Buffer, compressed = false): Promise<DumpDescription | undefined> {
  if (head.subarray(0, 5).equals(PGDMP)) return pgCustomArchive(head);
  if (isPgTarArchive(head)) return { format: 'pg_dump tar archive', details: ['tar archive whose first member is toc.dat'], hasData: undefined };
  if (isTar(head)) {
    // A backup tarball (`backup.tar.gz` holding `db.sql`): its first member is judged by its own name and content.
    const member = tarMemberName(head);
    // The member ends at its size (octal, offset 124); NUL padding follows.
    const size = parseInt(head.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim(), 8);
    const content = head.subarray(512, Number.isFinite(size) ? 512 + size : undefined);
    const inner = member ? await recogniseDump(member, content, compressed) : undefined;
    return inner ? { ...inner, details: [`in a tar archive, first member ${printable(member!)}`, ...inner.details] } : undefined;
  }
  if (head.subarray(0, 16).equals(SQLITE)) return sqliteDatabase(head);
  if (/^REDIS\d{4}/.test(head.subarray(0, 9).toString('latin1'))) {
    return { format: 'Redis RDB snapshot', details: [`RDB version ${Number(head.subarray(5, 9).toString('latin1'))}`], hasData: true };
  }
  if (head.subarray(0, 4).equals(MONGO_ARCHIVE)) return { format: 'mongodump archive', details: [], hasData: true };
  if (head.subarray(0, 2).equals(GZIP)) {
    const inner = await gunzipPrefix(head, SQL_PREFIX);
    if (inner.length === 0) return undefined;
    const found = await recogniseDump(path.replace(/\.gz$/i, ''), inner, true);
    return found && found.format !== 'dump by its name' ? { ...found, compression: 'gzip' } : undefined;
  }
  const codec = head.subarray(0, 4).equals(ZSTD) ? 'zstd' : head.subarray(0, 3).toString('latin1') === 'BZh' && /[1-9]/.test(String.fromCharCode(head[3] ?? 0)) ? 'bzip2' : head.subarray(0, 6).equals(XZ) ? 'xz' : undefined;
  if (codec) {
    if (!DUMP_NAME.test(baseName(path).replace(/\.(zst|zstd|bz2|xz)$/i, '')) && !DUMP_DIRECTORY.test(path)) return undefined;
    return { format: 'dump by its name', details: [`content not inspected: no ${codec} decompressor here`], hasData: undefined, compression: codec };
  }
  if (/\.bson$/i.test(path)) return bsonCollection(head);
  // Redis AOF: the write commands in RESP (`*3\r\n$3\r\nSET...`), or an RDB preamble (handled above).
  if (/\.aof$/i.test(path) && /^\*\d+\r\n\$\d+\r\n/.test(head.subarray(0, 32).toString('latin1'))) return { format: 'Redis append-only file', details: [], hasData: true };
  if (looksLikeDjangoFixture(head)) return djangoFixture(head.toString('utf8'));
  if (looksLikeSqlText(head)) return sqlDump(path, head.toString('utf8'), compressed);
  return undefined;
}

// --- pg_dump custom format -------------------------------------------------

function pgCustomArchive(head: Buffer): DumpDescription {
  const details: string[] = [];
  const reader = new ArchiveReader(head);
  try {
    const [vmaj, vmin] = [head[5]!, head[6]!];
    reader.offset = 8;
    const intSize = reader.byte();
    reader.byte(); // offSize
    reader.byte(); // format: 1 custom, 3 directory (toc.dat), 5 tar
    reader.intSize = intSize;
    // Archive 1.15 (PostgreSQL 16) writes the compression algorithm as a byte, older ones a level as an int.
    if (vmaj > 1 || vmin >= 15) reader.byte();
    else reader.int();
    for (let i = 0; i < 7; i++) reader.int(); // creation time
    const dbname = reader.str();
    const server = reader.str();
    const dumper = reader.str();
    if (dbname) details.push(`database "${printable(dbname)}"`);
    if (server) details.push(`server ${printable(server)}`);
    if (dumper) details.push(`pg_dump ${printable(dumper)}`);
  } catch {
    // A header cut short: the magic alone says what it is.
  }
  // Table-of-contents entries carry their kind as a length-prefixed string:
  // "TABLE" for a table's definition, "TABLE DATA" for its rows.
  const tables = countBytes(head, TOC_TABLE);
  const withData = countBytes(head, TOC_TABLE_DATA);
  if (tables) details.push(`${tables} table(s)`);
  details.push(withData ? `data entries for ${withData} table(s)` : 'no table data in its table of contents');
  // A table of contents longer than the part read may list its data entries further on.
  return { format: 'pg_dump custom archive', details, hasData: withData > 0 ? true : head.length >= SQL_PREFIX ? undefined : false };
}

// WriteStr("TABLE") followed by the section int's sign byte; WriteStr("TABLE DATA").
const TOC_TABLE = Buffer.from('\x05\x00\x00\x00TABLE\x00', 'latin1');
const TOC_TABLE_DATA = Buffer.from('\x0a\x00\x00\x00TABLE DATA', 'latin1');

function countBytes(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

class ArchiveReader {
  offset = 0;
  intSize = 4;
  constructor(private readonly buffer: Buffer) {}
  byte(): number {
    if (this.offset >= this.buffer.length) throw new RangeError('short header');
    return this.buffer[this.offset++]!;
  }
  /** pg_dump's WriteInt: a sign byte, then `intSize` bytes little-endian. */
  int(): number {
    const negative = this.byte() !== 0;
    let value = 0;
    for (let i = 0; i < this.intSize; i++) value += this.byte() * 2 ** (8 * i);
    return negative ? -value : value;
  }
  /** pg_dump's WriteStr: a length (-1 for NULL), then the bytes. */
  str(): string | undefined {
    const length = this.int();
    if (length < 0) return undefined;
    if (length > 256 || this.offset + length > this.buffer.length) throw new RangeError('short header');
    const text = this.buffer.subarray(this.offset, this.offset + length).toString('utf8');
    this.offset += length;
    return text;
  }
}

function isTar(head: Buffer): boolean {
  return head.length >= 512 && head.subarray(257, 262).toString('latin1') === 'ustar';
}

function tarMemberName(head: Buffer): string | undefined {
  const name = head.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
  return name || undefined;
}

function isPgTarArchive(head: Buffer): boolean {
  return isTar(head) && tarMemberName(head) === 'toc.dat';
}

// --- SQLite ----------------------------------------------------------------

// Data formats built on SQLite that are shipped on purpose (GeoPackage, MBTiles):
// their application id says so (sqlite.org/src/artifact/magic.txt).
const SQLITE_DATA_FORMATS = new Map([
  [0x47504b47, 'GeoPackage'],
  [0x47503130, 'GeoPackage'],
  [0x4d504258, 'MBTiles'],
]);

function sqliteDatabase(head: Buffer): DumpDescription | undefined {
  if (head.length >= 72 && SQLITE_DATA_FORMATS.has(head.readUInt32BE(68))) return undefined;
  const details: string[] = [];
  if (head.length >= 32) {
    const rawPageSize = head.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = head.readUInt32BE(28);
    details.push(`${pages} page(s) of ${pageSize} bytes`);
  }
  // The schema table (sqlite_schema) starts on page 1: its CREATE statements are plain text there.
  const names = new Set<string>();
  const searchTables = new Set<string>();
  for (const m of head.toString('latin1').matchAll(/CREATE (VIRTUAL )?TABLE (?:IF NOT EXISTS )?["'`[]?([A-Za-z_][\w$]*)["'`\]]?(\s+USING\s+fts\d)?/gi)) {
    const name = m[2]!;
    if (name.startsWith('sqlite_')) continue;
    names.add(name);
    if (m[1] && m[3]) searchTables.add(name);
  }
  if (names.size) details.push(`tables seen in its schema: ${listSome([...names])}`);
  else details.push('no table in the first page of its schema');
  // Only full-text search tables (FTS3/4/5) and their shadow tables: a search
  // index generated from content (documentation search), not an application's records.
  const shadow = (name: string): boolean => [...searchTables].some((t) => new RegExp(`^${t}_(data|idx|content|docsize|config|segments|segdir|stat)$`).test(name));
  if (searchTables.size && [...names].every((n) => searchTables.has(n) || shadow(n))) {
    return { format: 'SQLite database', details: [...details, 'only full-text search tables: a search index'], hasData: false, lowRisk: 'it only holds a full-text search index; check that it indexes public content only' };
  }
  // Every table is a test or coverage tool's bookkeeping (coverage.py: meta, file, context, line_bits, arc, tracer;
  // pytest-monitor: TEST_SESSIONS, TEST_METRICS, EXECUTION_CONTEXTS): measurements of a test run, not records.
  if (names.size && [...names].every((n) => TEST_TOOL_TABLE.test(n))) {
    return { format: 'SQLite database', details, hasData: false, lowRisk: 'its tables are a test or coverage tool\'s (measurements of test runs, not records); it belongs in .gitignore' };
  }
  if (names.size) {
    const rows = sqliteTableRows(head);
    // Every table's b-tree read and empty: a schema template the application copies on first start.
    if (rows && rows.size && [...rows.values()].every((n) => n === 0)) {
      return { format: 'SQLite database', details: [...details, `every one of its ${rows.size} table(s) holds 0 rows`], hasData: false };
    }
    // Only its settings and bookkeeping hold rows (preferences, a library id, a search index's configuration,
    // migration versions), every other table empty: an empty database the application ships to start from (an
    // e-book manager's empty library), not records.
    const filled = rows ? [...rows].filter(([, n]) => n > 0).map(([name]) => name) : [];
    if (rows && filled.length < rows.size && filled.every((n) => SETTINGS_TABLE.test(n) || MIGRATION_BOOKKEEPING.test(n) || searchTables.has(n) || shadow(n))) {
      return {
        format: 'SQLite database',
        details: [...details, `${rows.size - filled.length} of its ${rows.size} tables hold 0 rows; only ${listSome(filled)} hold any`],
        hasData: false,
        lowRisk: `only its settings and bookkeeping tables (${listSome(filled)}) hold rows: an empty database to start from; check those settings hold no secret`,
      };
    }
  }
  return { format: 'SQLite database', details, hasData: names.size > 0 };
}

// (SQLite's own tables, `sqlite_sequence` among them, are never counted: sqliteTableRows leaves them out.)
const SETTINGS_TABLE = /^(preferences|settings|config(uration)?|options|properties|library_id|db_?version|schema_info|meta(data)?)$/i;
const TEST_TOOL_TABLE = /^(coverage_schema|meta|file|context|line_bits|arc|tracer|test_\w+|\w*_metrics?|execution_contexts?)$/i;

/** A SQLite varint (1 to 9 bytes, big-endian, 7 bits per byte but the ninth): its value and length. */
function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i];
    if (byte === undefined) return [value, i + 1];
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return [value, i + 1];
  }
  return [value * 256 + (buf[at + 8] ?? 0), 9];
}

/** Bytes a record column of this serial type takes (sqlite.org/fileformat.html §2.1). */
function serialSize(type: number): number {
  if (type >= 12) return Math.floor((type - (type % 2 ? 13 : 12)) / 2);
  return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][type] ?? 0;
}

/**
 * Rows per user table of a SQLite file held whole in `head`: the schema's
 * records on page 1 give each table's root page, and a root page that is an
 * empty leaf (type 0x0D or 0x0A with no cell) holds no row; 1 stands for "some".
 * Undefined when it cannot tell: the file is larger than `head`, the schema
 * spans more than page 1, or a record does not read.
 */
export function sqliteTableRows(head: Buffer): Map<string, number> | undefined {
  if (head.length < 112) return undefined;
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  if (pages * pageSize > head.length || pageSize < 512) return undefined;
  // The sqlite_schema table: a leaf on page 1 (its b-tree header at offset 100), or, with many tables, an interior
  // page whose children are leaves (followed a few levels down, each page once).
  const leaves: number[] = [];
  const seen = new Set<number>();
  const visit = (page: number, depth: number): boolean => {
    if (page < 1 || page > pages || seen.has(page) || depth > 4) return false;
    seen.add(page);
    const base = (page - 1) * pageSize;
    const header = page === 1 ? 100 : base;
    const type = head[header];
    if (type === 0x0d) {
      leaves.push(page);
      return true;
    }
    if (type !== 0x05) return false;
    const cells = head.readUInt16BE(header + 3);
    for (let c = 0; c < cells; c++) {
      const at = base + head.readUInt16BE(header + 12 + 2 * c);
      if (!visit(head.readUInt32BE(at), depth + 1)) return false;
    }
    return visit(head.readUInt32BE(header + 8), depth + 1);
  };
  if (!visit(1, 0)) return undefined;
  const out = new Map<string, number>();
  for (const page of leaves) {
    const base = (page - 1) * pageSize;
    const header = page === 1 ? 100 : base;
    const cells = head.readUInt16BE(header + 3);
    for (let c = 0; c < cells; c++) {
      let at = base + head.readUInt16BE(header + 8 + 2 * c);
      const [, l1] = varint(head, at); // payload length
      at += l1;
      const [, l2] = varint(head, at); // rowid
      at += l2;
      const recordStart = at;
      const [headerSize, l3] = varint(head, at);
      let typeAt = at + l3;
      const types: number[] = [];
      while (typeAt < recordStart + headerSize && types.length < 5) {
        const [t, l] = varint(head, typeAt);
        types.push(t);
        typeAt += l;
      }
      if (types.length < 4) return undefined;
      let valueAt = recordStart + headerSize;
      const values: Array<string | number> = [];
      for (const t of types.slice(0, 4)) {
        const size = serialSize(t);
        if (valueAt + size > head.length) return undefined;
        if (t >= 13 && t % 2) values.push(head.toString('utf8', valueAt, valueAt + size));
        else if (t >= 1 && t <= 6) values.push(head.readUIntBE(valueAt, size));
        else if (t === 8 || t === 9) values.push(t - 8);
        else values.push('');
        valueAt += size;
      }
      const [kind, name, , root] = values;
      if (kind !== 'table' || typeof name !== 'string' || name.startsWith('sqlite_')) continue;
      // A virtual table (full-text search) has root page 0: its rows live in its shadow tables, counted themselves.
      if (root === 0) continue;
      if (typeof root !== 'number' || root < 1 || root > pages) return undefined;
      const pageAt = (root - 1) * pageSize;
      const type = head[pageAt];
      if (type === 0x0d || type === 0x0a) out.set(name, head.readUInt16BE(pageAt + 3) > 0 ? 1 : 0);
      else if (type === 0x05 || type === 0x02) out.set(name, 1);
      else return undefined;
    }
  }
  return out;
}

// --- plain SQL -------------------------------------------------------------

const SQL_DUMP_HEADER: Array<[RegExp, DumpFormat]> = [
  [/^--\s*PostgreSQL database (cluster )?dump\b|^--\s*Dumped (from database version|by pg_dump)/m, 'PostgreSQL SQL dump'],
  [/^--\s*(MySQL|MariaDB) dump\b|^--\s*mysqldump\b|^--\s*phpMyAdmin SQL Dump\b|^--\s*Adminer \S+ (MySQL|MariaDB) dump\b|^--\s*HeidiSQL\b|^\/\*!40101 SET @OLD_CHARACTER_SET_CLIENT/m, 'MySQL/MariaDB SQL dump'],
  [/^PRAGMA foreign_keys=OFF;\s*\nBEGIN TRANSACTION;/m, 'SQL dump'],
];

/** Starts like SQL text (comments, SET, CREATE, INSERT...), not like code or markup. */
function looksLikeSqlText(head: Buffer): boolean {
  if (head.subarray(0, 8000).includes(0)) return false;
  const start = head.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^(--|\/\*|SET\s|CREATE\s|INSERT\s|COPY\s|DROP\s|BEGIN|START TRANSACTION|PRAGMA\s|LOCK TABLES|USE\s|\\connect)/i.test(start);
}

function sqlDump(path: string, text: string, compressed: boolean): DumpDescription | undefined {
  const header = text.slice(0, 4096);
  const byHeader = SQL_DUMP_HEADER.find(([pattern]) => pattern.test(header))?.[1];
  // Without a dump tool's header, only a name that says dump/backup (or a gzip'd
  // `.sql`: nobody compresses a migration) makes SQL statements a dump;
  // `schema.sql`, `seed.sql` and migrations are not.
  // A script in a migrations folder (`PostgresMigrations/Scripts/2022-12-26_00_x.psql`) is a migration, whatever its extension.
  const named = !MIGRATION_DIRECTORY.test(path) && (DUMP_NAME.test(baseName(path).replace(/\.sql$/i, '')) || DUMP_DIRECTORY.test(path) || (compressed && /\.sql$/i.test(path)));
  if (!byHeader && !named) return undefined;
  const created = new Set<string>();
  const copied = new Map<string, number>();
  const inserted = new Map<string, number>();
  let copying: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (copying !== undefined) {
      if (line === '\\.' || line === '\\.\r') copying = undefined;
      else copied.set(copying, (copied.get(copying) ?? 0) + 1);
      continue;
    }
    const create = /^CREATE TABLE (?:IF NOT EXISTS )?((?:["`[]?[\w$]+["`\]]?\.)?["`[]?[\w$]+)/i.exec(line);
    if (create) created.add(tableName(create[1]!));
    const copy = /^COPY ((?:"?[\w$]+"?\.)?"?[\w$]+"?)\s*(\([^)]*\))?\s*FROM stdin/i.exec(line);
    if (copy) {
      copying = tableName(copy[1]!);
      copied.set(copying, copied.get(copying) ?? 0);
      continue;
    }
    const insert = /^INSERT INTO ((?:["`[]?[\w$]+["`\]]?\.)?["`[]?[\w$]+)/i.exec(line);
    // `INSERT INTO t (...) SELECT ... FROM u` moves rows the database already holds: no data in the file.
    if (insert && !insertsSelected(lines, i)) {
      const name = tableName(insert[1]!);
      // mysqldump writes extended inserts: one statement, many `(...)` tuples.
      inserted.set(name, (inserted.get(name) ?? 0) + Math.max(1, countMatches(line, /\),\(/g) + 1));
    }
  }
  if (!byHeader && created.size === 0 && copied.size === 0 && inserted.size === 0) return undefined;
  const details: string[] = [];
  if (created.size) details.push(`${created.size} CREATE TABLE`);
  const withRows = [...copied.entries(), ...inserted.entries()].filter(([name, rows]) => rows > 0 && !MIGRATION_BOOKKEEPING.test(name));
  const rows = withRows.reduce((sum, [, n]) => sum + n, 0);
  // pg_dump writes every CREATE TABLE before the data: a dump longer than the
  // part read may hold rows further on, so it cannot be called schema-only.
  const cut = text.length >= SQL_PREFIX;
  const within = cut ? ` in the first ${SQL_PREFIX / 1024} KiB` : '';
  if (withRows.length) details.push(`rows for ${withRows.length} table(s) (${listSome(withRows.map(([name]) => name))}), ${rows} row(s)${within}`);
  else details.push(`no COPY/INSERT data${within}`);
  if (!withRows.length && cut) details.push(`longer than the ${SQL_PREFIX / 1024} KiB read: rows may follow`);
  // A schema script with a few default rows (an install script: every table created, a config row and an admin
  // account inserted) is not a copy of records: most of its tables stay empty, and a handful of rows is seed data.
  // The accounts it seeds are judged by secrets.default-account.
  const seedOnly = !cut && withRows.length > 0 && created.size >= 3 && withRows.length * 3 <= created.size && withRows.every(([name, n]) => n <= (PEOPLE_TABLE.test(name) ? SEED_PEOPLE : SEED_ROWS));
  if (seedOnly) {
    return { format: byHeader ?? 'SQL dump', details, hasData: true, lowRisk: `it is a schema script that creates ${created.size} tables and inserts only ${rows} row(s) into ${withRows.length} of them (at most ${SEED_ROWS} in a table, at most ${SEED_PEOPLE} in a table of people): install defaults, not a copy of records; check those rows are defaults` };
  }
  return { format: byHeader ?? 'SQL dump', details, hasData: withRows.length > 0 ? true : cut ? undefined : false };
}

/**
 * Rows a schema script may insert into one table and still be an install script: default settings, link types and
 * other reference rows come by the dozen (Kanboard's 25 settings); a table of people holds at most the first
 * accounts (an admin), which secrets.default-account judges. Records are many rows in tables of people.
 */
const SEED_ROWS = 50;
const SEED_PEOPLE = 3;
const PEOPLE_TABLE = /(^|[._])(users?|accounts?|members?|customers?|clients?|people|persons?|profiles?|employees?|contacts?|subscribers?|patients?|students?|auth_user)$/i;

// Tables where migration tools record which migrations ran: a schema dump
// (Rails `structure.sql`, `pg_dump -s` plus versions) inserts into them without holding any data.
const MIGRATION_DIRECTORY = /(^|\/)([\w-]*migrations?|migrate|[\w-]*Migrations)\//i;

/** The INSERT at `i` takes its rows from a SELECT (before any VALUES), within its next few lines. */
function insertsSelected(lines: readonly string[], i: number): boolean {
  const statement = lines.slice(i, i + 8).join(' ').slice(0, 4000);
  const end = statement.indexOf(';');
  const text = end >= 0 ? statement.slice(0, end) : statement;
  const select = text.search(/\bSELECT\b/i);
  const values = text.search(/\bVALUES\b/i);
  return select >= 0 && (values < 0 || select < values);
}

// Bookkeeping tables, also under an application prefix (`app_migrations`, `wp_migrations`).
const MIGRATION_BOOKKEEPING = /(^|[._])(schema_migrations|ar_internal_metadata|django_migrations|alembic_version|knex_migrations(_lock)?|flyway_schema_history|_prisma_migrations|SequelizeMeta|migrations|doctrine_migration_versions|goose_db_version|schema_version|__EFMigrationsHistory)$/i;

function tableName(raw: string): string {
  return raw.replace(/["`[\]]/g, '');
}

// --- mongodump directory output and Django dumpdata -------------------------

// BSON element types (bsonspec.org): a document starts with its int32 length, then an element type.
const BSON_TYPES = new Set([...Array.from({ length: 0x13 }, (_, i) => i + 1), 0x7f, 0xff]);

/** `dump/<db>/<collection>.bson`: documents one after the other, each length-prefixed and NUL-terminated. */
function bsonCollection(head: Buffer): DumpDescription | undefined {
  if (head.length < 5) return undefined;
  const length = head.readInt32LE(0);
  if (length < 5 || length > 16 * 1024 * 1024 || !BSON_TYPES.has(head[4]!)) return undefined;
  if (length <= head.length && head[length - 1] !== 0) return undefined;
  return { format: 'mongodump BSON collection', details: [], hasData: true };
}

/** `manage.py dumpdata` output: a JSON list of `{"model": "app.model", "pk": ..., "fields": {...}}`. */
function looksLikeDjangoFixture(head: Buffer): boolean {
  return /^\s*\[\s*\{\s*"model"\s*:\s*"\w+\.\w+"/.test(head.subarray(0, 512).toString('utf8'));
}

// Django's password hasher prefixes (django.contrib.auth.hashers), and unsalted legacy ones.
const PASSWORD_HASH = /"password"\s*:\s*"(pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt|sha1|md5|unsalted_md5|unsalted_sha1|crypt)\$/g;

/**
 * A dumpdata fixture is initial data (categories, countries) as often as a
 * copy of a database; it is a dump when it holds accounts with password hashes.
 */
function djangoFixture(text: string): DumpDescription | undefined {
  const hashes = countMatches(text, PASSWORD_HASH);
  if (hashes === 0) return undefined;
  const models = new Set([...text.matchAll(/"model"\s*:\s*"(\w+\.\w+)"/g)].map((m) => m[1]!));
  const records = countMatches(text, /"model"\s*:\s*"\w+\.\w+"/g);
  const within = text.length >= SQL_PREFIX ? ` in the first ${SQL_PREFIX / 1024} KiB` : '';
  return { format: 'Django dumpdata fixture', details: [`${records} record(s) of ${models.size} model(s) (${listSome([...models])})${within}`, `${hashes} password hash(es)`], hasData: true };
}

// --- helpers ---------------------------------------------------------------

/**
 * At most `limit` bytes of the stream that starts in `compressed`, which may be
 * cut short. The inflater is stopped once `limit` is reached, so a
 * compression bomb costs `limit` bytes, not its expanded size.
 */
export function gunzipPrefix(compressed: Buffer, limit: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const gunzip = createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: 16 * 1024 });
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= limit) done();
    });
    gunzip.on('error', done);
    gunzip.on('end', done);
    gunzip.on('close', done);
    gunzip.end(compressed);
  });
}

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

function listSome(names: string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Header strings are untrusted: keep them short and printable. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}
