import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { compareText } from '../../parse/migrations.js';
import { calleeName, callsInStatements, dottedName, literalValue, type PyExpr, type PyStatement } from '../../parse/python.js';
import { migrationInventory, type AlembicScript, type DjangoMigrationFile } from './collect.js';
import { dbmateUpSection, unsafeSqlOperations, type UnsafeOperation } from './unsafe-sql.js';

/** Outside a pull request every migration is read; this many findings are listed at most. */
export const UNSAFE_FINDINGS_CAP = 30;

type Call = Extract<PyExpr, { kind: 'call' }>;

export const unsafeOperation: RepoCheck = {
  id: 'migrations.unsafe-operation',
  title: 'Migrations avoid locking or breaking operations',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary:
      'Lists operations in migrations (those changed in the pull request, or all of them outside one) that lock a table or break the release still running: dropping or renaming a column or table, a NOT NULL column without default, a column type change, an index built without CONCURRENTLY, RunPython without a reverse.',
    why: 'During a rolling deployment the previous release keeps running against the migrated schema; a dropped or renamed column breaks it, and table rewrites or non-concurrent index builds block writes for as long as they take (the rules of strong_migrations, django-migration-linter and squawk).',
    fix: 'Split the change into expand and contract steps (add, backfill, switch code, then drop in a later release), build indexes concurrently, and give data migrations a reverse.',
    snippets: [
      { stack: 'Django', code: 'from django.contrib.postgres.operations import AddIndexConcurrently\n\nclass Migration(migrations.Migration):\n    atomic = False\n    operations = [AddIndexConcurrently("order", models.Index(fields=["created"], name="order_created_idx"))]' },
      { stack: 'Postgres SQL', code: 'CREATE INDEX CONCURRENTLY order_created_idx ON orders (created);\nALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT \'new\';' },
      { stack: 'Rails', code: 'disable_ddl_transaction!\nadd_index :orders, :created_at, algorithm: :concurrently' },
    ],
  },
  async run(ctx) {
    const inventory = await migrationInventory(ctx);
    if (!inventory.django.length && !inventory.alembic.length && !inventory.versioned.length) return [{ status: 'skip', message: 'No migrations found.' }];
    const inScope = (path: string): boolean => !ctx.changedFiles || ctx.changedFiles.has(path);
    const found: Array<{ path: string } & UnsafeOperation> = [];

    for (const m of inventory.django) if (inScope(m.path)) found.push(...djangoUnsafeOperations(m).map((op) => ({ path: m.path, ...op })));
    for (const r of inventory.alembic) if (inScope(r.path)) found.push(...alembicUnsafeOperations(r).map((op) => ({ path: r.path, ...op })));
    for (const v of inventory.versioned) {
      if (!inScope(v.path)) continue;
      if (v.direction === 'down') continue;
      const text = await ctx.files.read(v.path);
      if (text === undefined) continue;
      if (v.path.endsWith('.sql')) {
        const section = v.tool === 'dbmate' ? dbmateUpSection(text) : { text, firstLine: 1 };
        found.push(...unsafeSqlOperations(section.text, section.firstLine).map((op) => ({ path: v.path, ...op })));
      } else if (v.tool === 'rails') {
        found.push(...railsUnsafeOperations(text).map((op) => ({ path: v.path, ...op })));
      }
    }
    return findingsFor(found, ctx);
  },
};

function findingsFor(found: Array<{ path: string } & UnsafeOperation>, ctx: RepoCheckContext): FindingInput[] {
  const scope = ctx.changedFiles ? 'migrations changed in this pull request' : 'all migrations (no pull request)';
  if (!found.length) return [{ status: 'pass', message: `No locking or breaking operations in ${scope}.` }];
  found.sort((a, b) => compareText(a.path, b.path) || a.line - b.line);
  const shown = found.slice(0, UNSAFE_FINDINGS_CAP);
  const findings: FindingInput[] = shown.map((op) => ({
    status: 'fail',
    message: `${op.operation} in ${op.path}:${op.line}: ${op.why}.`,
    location: { path: op.path, line: op.line },
  }));
  if (found.length > shown.length) {
    const last = findings[findings.length - 1]!;
    last.message += ` (${found.length - shown.length} more not listed: at most ${UNSAFE_FINDINGS_CAP} findings are reported for ${scope}.)`;
  }
  return findings;
}

const kw = (call: Call, name: string, position?: number): PyExpr | undefined =>
  call.kwargs[name] ?? (position === undefined ? undefined : call.args[position]);

/** Django operations, as django-migration-linter classifies them. */
export function djangoUnsafeOperations(m: DjangoMigrationFile): UnsafeOperation[] {
  const out: UnsafeOperation[] = [];
  const createdModels = new Set<string>();
  for (const op of m.operations) {
    const name = calleeName(op);
    const modelName = String(literalValue(kw(op, 'model_name', 0) ?? { kind: 'none', line: 0 }) ?? '').toLowerCase();
    switch (name) {
      case 'CreateModel': {
        const created = literalValue(kw(op, 'name', 0) ?? { kind: 'none', line: 0 });
        if (typeof created === 'string') createdModels.add(created.toLowerCase());
        break;
      }
      case 'RemoveField':
        out.push({ line: op.line, operation: `RemoveField ${modelName}.${String(literalValue(kw(op, 'name', 1) ?? { kind: 'none', line: 0 }))}`, why: 'drops the column while the previous release still selects it (remove it from the model one release earlier, e.g. with SeparateDatabaseAndState)' });
        break;
      case 'DeleteModel':
        out.push({ line: op.line, operation: `DeleteModel ${String(literalValue(kw(op, 'name', 0) ?? { kind: 'none', line: 0 }))}`, why: 'drops the table while the previous release still uses it' });
        break;
      case 'RenameField':
      case 'RenameModel':
        out.push({ line: op.line, operation: name, why: 'the previous release still uses the old name' });
        break;
      case 'AlterField':
        if (!createdModels.has(modelName)) out.push({ line: op.line, operation: `AlterField ${modelName}.${String(literalValue(kw(op, 'name', 1) ?? { kind: 'none', line: 0 }))}`, why: 'a type or constraint change may rewrite or lock the table; check the SQL with `manage.py sqlmigrate`' });
        break;
      case 'AddField': {
        if (createdModels.has(modelName)) break;
        const field = kw(op, 'field', 2);
        if (field?.kind === 'call' && notNullWithoutDefault(field)) {
          out.push({ line: op.line, operation: `AddField ${modelName}.${String(literalValue(kw(op, 'name', 1) ?? { kind: 'none', line: 0 }))} NOT NULL without default`, why: 'fails on a table with rows, and inserts by the previous release (which does not know the column) fail' });
        }
        break;
      }
      case 'AddIndex':
      case 'AddConstraint':
        if (name === 'AddIndex' && !createdModels.has(modelName)) {
          out.push({ line: op.line, operation: 'AddIndex outside AddIndexConcurrently', why: 'blocks writes to the table while the index builds (use django.contrib.postgres.operations.AddIndexConcurrently in a non-atomic migration)' });
        }
        break;
      case 'RunPython':
        if (!kw(op, 'reverse_code', 1)) out.push({ line: op.line, operation: 'RunPython without reverse_code', why: 'the migration cannot be reversed, so a failed release cannot roll back past it (pass migrations.RunPython.noop if nothing needs undoing)' });
        break;
      case 'RunSQL': {
        const sql = literalValue(kw(op, 'sql', 0) ?? { kind: 'none', line: 0 });
        if (typeof sql === 'string') out.push(...unsafeSqlOperations(sql).map((u) => ({ ...u, line: op.line, operation: `RunSQL: ${u.operation}` })));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A model field that is NOT NULL (Django's default) with neither `default` nor `db_default`. */
function notNullWithoutDefault(field: Call): boolean {
  const type = calleeName(field) ?? '';
  if (/ManyToMany|GenericRelation|GeneratedField/.test(type)) return false;
  const nullable = field.kwargs.null;
  if (nullable?.kind === 'bool' && nullable.value) return false;
  if (nullable && nullable.kind !== 'bool') return false; // computed: not decidable
  return !('default' in field.kwargs) && !('db_default' in field.kwargs);
}

/** Alembic `op.*` calls inside `upgrade()` (downgrade is expected to drop things). */
export function alembicUnsafeOperations(script: AlembicScript): UnsafeOperation[] {
  const upgrade = script.module.statements.find((s): s is Extract<PyStatement, { kind: 'def' }> => s.kind === 'def' && s.name === 'upgrade');
  if (!upgrade) return [];
  const out: UnsafeOperation[] = [];
  const createdTables = new Set<string>();
  for (const call of callsInStatements(upgrade.body)) {
    const name = dottedName(call.callee) ?? '';
    const op = name.replace(/^(op|batch_op)\./, '');
    if (!/^(op|batch_op)\./.test(name)) continue;
    const table = literalValue(call.args[0] ?? { kind: 'none', line: 0 });
    switch (op) {
      case 'create_table':
        if (typeof table === 'string') createdTables.add(table);
        break;
      case 'drop_column':
        out.push({ line: call.line, operation: 'op.drop_column', why: 'code still running the previous release selects or writes the column and fails' });
        break;
      case 'drop_table':
        out.push({ line: call.line, operation: 'op.drop_table', why: 'the previous release still reads and writes the table' });
        break;
      case 'rename_table':
        out.push({ line: call.line, operation: 'op.rename_table', why: 'the previous release still uses the old name' });
        break;
      case 'alter_column':
        if (call.kwargs.new_column_name) out.push({ line: call.line, operation: 'op.alter_column(new_column_name=...)', why: 'the previous release still uses the old name' });
        if (call.kwargs.type_) out.push({ line: call.line, operation: 'op.alter_column(type_=...)', why: 'most type changes rewrite the table under an ACCESS EXCLUSIVE lock' });
        break;
      case 'add_column': {
        if (typeof table === 'string' && createdTables.has(table)) break;
        const column = call.args.find((a): a is Call => a.kind === 'call' && /Column$/.test(calleeName(a) ?? '')) ?? (call.kwargs.column?.kind === 'call' ? call.kwargs.column : undefined);
        const nullable = column?.kwargs.nullable;
        if (column && nullable?.kind === 'bool' && !nullable.value && !column.kwargs.server_default && !column.kwargs.server_onupdate) {
          out.push({ line: call.line, operation: 'op.add_column NOT NULL without server_default', why: 'fails on a table with rows, and inserts by the previous release fail' });
        }
        break;
      }
      case 'create_index': {
        // op.create_index(name, table, columns): an index on a table created in this revision is free.
        const indexTable = call.args[1] ? literalValue(call.args[1]) : call.kwargs.table_name ? literalValue(call.kwargs.table_name) : undefined;
        if (typeof indexTable === 'string' && createdTables.has(indexTable)) break;
        const concurrently = call.kwargs.postgresql_concurrently;
        if (!(concurrently?.kind === 'bool' && concurrently.value)) {
          out.push({ line: call.line, operation: 'op.create_index without postgresql_concurrently=True', why: 'blocks writes to the table while the index builds (Postgres)' });
        }
        break;
      }
      case 'execute': {
        const sql = literalValue(call.args[0] ?? { kind: 'none', line: 0 });
        if (typeof sql === 'string') out.push(...unsafeSqlOperations(sql).map((u) => ({ ...u, line: call.line, operation: `op.execute: ${u.operation}` })));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Rails migrations: the `change`/`up` methods (a `down` method is expected to drop things). */
export function railsUnsafeOperations(source: string): UnsafeOperation[] {
  const out: UnsafeOperation[] = [];
  const lines = source.split('\n');
  let inDown: number | undefined;
  const createdTables = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const code = raw.replace(/#.*$/, '');
    const indent = raw.length - raw.trimStart().length;
    if (inDown !== undefined) {
      if (/^\s*end\b/.test(code) && indent <= inDown) inDown = undefined;
      continue;
    }
    if (/^\s*def\s+(self\.)?down\b/.test(code)) {
      inDown = indent;
      continue;
    }
    // A call may continue on the next lines after a trailing comma.
    let call = code;
    for (let k = i + 1; /,\s*$/.test(call) && k < lines.length; k++) call += ' ' + lines[k]!.replace(/#.*$/, '');
    const line = i + 1;
    const table = /^\s*(?:t\.)?\w+\s*\(?\s*:(\w+)/.exec(call)?.[1];
    const created = /^\s*create_table\s*\(?\s*[:"'](\w+)/.exec(call);
    if (created) createdTables.add(created[1]!);
    if (/^\s*remove_column\b/.test(call) || /^\s*remove_columns\b/.test(call)) out.push({ line, operation: 'remove_column', why: 'the previous release still selects the column (ignore it in the model first: self.ignored_columns)' });
    else if (/^\s*rename_column\b/.test(call)) out.push({ line, operation: 'rename_column', why: 'the previous release still uses the old name' });
    else if (/^\s*change_column\b(?!_)/.test(call)) out.push({ line, operation: 'change_column', why: 'a type change rewrites the table under an exclusive lock' });
    else if (/^\s*drop_table\b/.test(call)) out.push({ line, operation: 'drop_table', why: 'the previous release still reads and writes the table' });
    else if (/^\s*rename_table\b/.test(call)) out.push({ line, operation: 'rename_table', why: 'the previous release still uses the old name' });
    else if (/^\s*add_index\b/.test(call) && !/algorithm:\s*:concurrently|:algorithm\s*=>\s*:concurrently/.test(call) && !(table && createdTables.has(table))) {
      out.push({ line, operation: 'add_index without algorithm: :concurrently', why: 'blocks writes to the table while the index builds (Postgres)' });
    } else if (/^\s*add_column\b/.test(call) && /null:\s*false/.test(call) && !/default:/.test(call)) {
      out.push({ line, operation: 'add_column null: false without default', why: 'fails on a table with rows, and inserts by the previous release fail' });
    }
  }
  return out;
}
