// Statement-level reading of SQL migrations for operations that lock a busy
// table or break the code still running during a rolling deployment, after
// squawk's rules (ban-drop-column, renaming-column, changing-column-type,
// adding-required-field, require-concurrent-index-creation).

export interface UnsafeOperation {
  line: number;
  /** Short name of the operation, e.g. `DROP COLUMN`. */
  operation: string;
  why: string;
}

interface SqlStatement {
  text: string;
  line: number;
}

/** Splits SQL into statements with their first line; comments and string contents are blanked. */
export function sqlStatements(sql: string, firstLine = 1): SqlStatement[] {
  const out: SqlStatement[] = [];
  let line = firstLine;
  let current = '';
  let startLine: number | undefined;
  let i = 0;
  const push = (): void => {
    if (current.trim()) out.push({ text: current.trim(), line: startLine ?? line });
    current = '';
    startLine = undefined;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '\n') line++;
    if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      for (let k = i; k < stop; k++) if (sql[k] === '\n') line++;
      i = stop;
      current += ' ';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      // Keep identifiers' quotes out, strings blank: only structure matters here.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) {
        if (sql[j] === ch && sql[j + 1] === ch) j++;
        if (sql[j] === '\n') line++;
        j++;
      }
      if (startLine === undefined) startLine = line;
      current += ch === "'" ? "''" : sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        const stop = end < 0 ? sql.length : end + tag[0].length;
        for (let k = i; k < stop; k++) if (sql[k] === '\n') line++;
        current += "''";
        i = stop;
        continue;
      }
    }
    if (ch === ';') {
      push();
      i++;
      continue;
    }
    if (startLine === undefined && !/\s/.test(ch)) startLine = line;
    current += ch;
    i++;
  }
  push();
  return out;
}

const WORD = (s: string): RegExp => new RegExp(s, 'i');

/** MySQL/MariaDB builds InnoDB indexes online and has no CONCURRENTLY: recognise its dialect. */
export function looksLikeMySql(sql: string): boolean {
  return /`\w+`|\bAUTO_INCREMENT\b|\bENGINE\s*=|\bUNSIGNED\b|\bALGORITHM\s*=\s*(INPLACE|INSTANT)\b/i.test(sql);
}

export function unsafeSqlOperations(sql: string, firstLine = 1): UnsafeOperation[] {
  const statements = sqlStatements(sql, firstLine);
  const mysql = looksLikeMySql(sql);
  const created = new Set<string>();
  const out: UnsafeOperation[] = [];
  for (const { text, line } of statements) {
    const s = text.replace(/\s+/g, ' ');
    const createTable = /^create (?:unlogged |temp(?:orary)? )?table (?:if not exists )?([\w."`]+)/i.exec(s);
    if (createTable) {
      created.add(bareName(createTable[1]!));
      continue;
    }
    const alter = /^alter table (?:if exists )?(?:only )?([\w."`]+) (.*)$/i.exec(s);
    if (alter) {
      if (created.has(bareName(alter[1]!))) continue;
      const body = alter[2]!;
      if (WORD('\\bdrop (?:column\\b|(?!constraint\\b|default\\b|not\\b|index\\b|primary\\b|foreign\\b|check\\b)\\w+)').test(body)) {
        out.push({ line, operation: 'DROP COLUMN', why: 'code still running the previous release selects or writes the column and fails' });
      }
      if (WORD('\\brename (?:column )?\\w+ to\\b').test(body) && !WORD('^rename to\\b').test(body)) {
        out.push({ line, operation: 'RENAME COLUMN', why: 'the previous release still uses the old name' });
      } else if (WORD('^rename to\\b').test(body)) {
        out.push({ line, operation: 'RENAME TABLE', why: 'the previous release still uses the old name' });
      }
      if (WORD('\\balter (?:column )?[\\w"`]+ (?:set data )?type\\b').test(body) || WORD('\\b(?:modify|change) (?:column )?[\\w"`]+').test(body)) {
        out.push({ line, operation: 'ALTER COLUMN TYPE', why: 'most type changes rewrite the table under an ACCESS EXCLUSIVE lock' });
      }
      for (const add of body.split(/,(?![^(]*\))/)) {
        if (WORD('\\badd (?:column )?(?!constraint\\b|index\\b|primary\\b|unique\\b|foreign\\b|check\\b)').test(add.trim()) && WORD('\\bnot null\\b').test(add) && !WORD('\\bdefault\\b').test(add) && !WORD('\\bgenerated\\b').test(add)) {
          out.push({ line, operation: 'ADD COLUMN NOT NULL without DEFAULT', why: 'fails on a table with rows, and inserts by the previous release fail' });
          break;
        }
      }
      continue;
    }
    if (/^drop table\b/i.test(s)) {
      out.push({ line, operation: 'DROP TABLE', why: 'the previous release still reads and writes the table' });
      continue;
    }
    if (/^rename table\b/i.test(s)) {
      out.push({ line, operation: 'RENAME TABLE', why: 'the previous release still uses the old name' });
      continue;
    }
    const index = /^create (?:unique )?index (concurrently )?(?:if not exists )?(?:[\w."`]+ )?on (?:only )?([\w."`]+)/i.exec(s);
    if (index && !index[1] && !mysql && !created.has(bareName(index[2]!))) {
      out.push({ line, operation: 'CREATE INDEX without CONCURRENTLY', why: 'blocks writes to the table while the index builds (Postgres)' });
    }
  }
  return out;
}

function bareName(name: string): string {
  const parts = name.replace(/["`]/g, '').toLowerCase().split('.');
  return parts[parts.length - 1]!;
}

/** dbmate files hold both directions: only the `-- migrate:up` part runs on deploy. */
export function dbmateUpSection(sql: string): { text: string; firstLine: number } {
  const lines = sql.split('\n');
  const up = lines.findIndex((l) => /^--\s*migrate:up/.test(l.trim()));
  if (up < 0) return { text: sql, firstLine: 1 };
  const down = lines.findIndex((l, i) => i > up && /^--\s*migrate:down/.test(l.trim()));
  return { text: lines.slice(up + 1, down < 0 ? undefined : down).join('\n'), firstLine: up + 2 };
}
