import { describe, expect, it } from '@jest/globals';
import { callsNamed, envSchemesOf, evaluate, literalValue, parsePythonModule, stringLiterals, type PyStatement } from '../../src/parse/python.js';
import { alembicRevisionOf, djangoMigrationOf } from '../../src/checks/migrations/collect.js';
import { lezerCompatible, topLevelStarts } from '../../src/parse/python/read.js';

const assignments = (source: string) =>
  parsePythonModule(source)
    .statements.filter((s): s is Extract<PyStatement, { kind: 'assign' }> => s.kind === 'assign')
    .map((s) => [s.targets.join(','), s.line, literalValue(s.value)]);

describe('the static Python reader', () => {
  it('reads strings of every kind, comments and continuations without losing lines', () => {
    const source = [
      'A = """a "quoted" # not a comment',
      "still A'''",
      '"""',
      "B = r'\\d+'  # comment with 'quote'",
      'C = ("x"',
      '     "y")',
      'D = 1 + \\',
      '    2',
      "E = b'bytes'; F = u'uni'",
      'G = {"k": [1, 2.5, -3, None, True], "n": {"m": ()}}',
      "H = 'it\\'s'",
    ].join('\n');
    expect(assignments(source)).toEqual([
      ['A', 1, 'a "quoted" # not a comment\nstill A\'\'\'\n'],
      ['B', 4, '\\d+'],
      ['C', 5, 'xy'],
      ['D', 7, undefined],
      ['E', 9, 'bytes'],
      ['F', 9, 'uni'],
      ['G', 10, { k: [1, 2.5, -3, null, true], n: { m: [] } }],
      ['H', 11, "it's"],
    ]);
    expect(parsePythonModule('x = "unterminated\ny = 2\n').errors).toEqual([{ line: 1, message: 'unterminated string' }]);
  });

  it('reads past a syntax error: the statements before and after it are kept, the error is named', () => {
    const source = ['A = 1', 'B = [1, 2', 'C = = 3', 'D = {"k": (4,)}', 'def f(:', '    pass', 'E = "five"'].join('\n');
    // What the grammar guessed inside a broken statement is not taken as its value.
    expect(assignments(source)).toEqual([
      ['A', 1, 1],
      ['B', 2, undefined],
      ['C', 3, undefined],
      ['D', 4, { k: [4] }],
      ['E', 7, 'five'],
    ]);
    expect(parsePythonModule(source).errors.map((e) => `${e.line} ${e.message}`)).toEqual(['3 syntax error', '5 syntax error']);
    expect(parsePythonModule('X = 1\nY = (1,\n').errors).toEqual([{ line: 3, message: 'unclosed bracket at end of file' }]);
    expect(parsePythonModule('X = """never closed\nY = 2\n').errors).toEqual([{ line: 1, message: 'unterminated string' }]);
  });

  it('stops recovering from garbage after a bounded effort, keeping what it read before', () => {
    const started = process.cpuUsage();
    const module = parsePythonModule(`A = 1\n${')'.repeat(500_000)}\nB = 2\n`);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
    expect(assignments(`A = 1\n${'$'.repeat(100)}\n`)).toEqual([['A', 1, 1]]);
    expect(module.statements.map((s) => `${s.kind}@${s.line}`)).toEqual(['assign@1']);
    expect(module.errors[0]).toEqual({ line: 2, message: 'syntax error' });
    expect(module.errors[module.errors.length - 1]).toEqual({ line: 2, message: 'too many syntax errors to read further' });
    // Larger than any hand-written module: not parsed at all (Lezer would take seconds), and said so.
    expect(parsePythonModule(`X = ${'a + '.repeat(150_000)}1\n`).errors).toEqual([{ line: 1, message: 'too large to read as Python (600006 characters, more than 524288)' }]);
  });

  it('finds calls and strings anywhere, also where the statements do not look (returns, lambdas)', () => {
    const module = parsePythonModule(['def handler():', '    return logging.FileHandler("app.log")', 'make = lambda: FileHandler(path)', 'cfg = {"class": "logging.FileHandler"}'].join('\n'));
    expect(callsNamed(module, 'FileHandler').map((c) => c.line)).toEqual([2, 3]);
    expect(stringLiterals(module).filter((s) => s.value === 'logging.FileHandler')).toEqual([{ value: 'logging.FileHandler', line: 4 }]);
  });

  it('keeps module level, class bodies and blocks apart', () => {
    const module = parsePythonModule(
      ['import os', '', '@decorator', 'class Migration(migrations.Migration):', '    atomic = False', '', '    def helper(self):', '        X = 1', '', 'if DEBUG:', '    Y = 2', 'else:', '    Y = 3', 'Z: int = 4', 'W = lambda v: v'].join('\n'),
    );
    expect(module.statements.map((s) => `${s.kind}@${s.line}`)).toEqual(['import@1', 'other@3', 'class@4', 'block@10', 'block@12', 'assign@14', 'assign@15']);
    const cls = module.statements[2] as Extract<PyStatement, { kind: 'class' }>;
    expect(cls.body.map((s) => `${s.kind}@${s.line}`)).toEqual(['assign@5', 'def@7']);
    expect(cls.endLine).toBe(8);
    expect((module.statements[5] as Extract<PyStatement, { kind: 'assign' }>).targets).toEqual(['Z']);
  });

  it('reads Alembic revisions in both templates (annotated and plain, tuple merge points)', () => {
    const annotated = parsePythonModule(
      ['from typing import Sequence, Union', '', 'revision: str = "1975ea83b712"', 'down_revision: Union[str, None] = ("ae1027a6acf", "27c6a30d7c24")', 'branch_labels: Union[str, Sequence[str], None] = None', "depends_on = 'base'"].join('\n'),
    );
    const r = alembicRevisionOf('db/versions/1975_x.py', annotated)!;
    expect([r.revision, r.line, r.downRevisions, r.downLine, r.dependsOn, r.scriptDir]).toEqual(['1975ea83b712', 3, ['ae1027a6acf', '27c6a30d7c24'], 4, ['base'], 'db']);
    expect(alembicRevisionOf('versions/x.py', parsePythonModule('revision = "a"\ndown_revision = None\n'))!.downRevisions).toEqual([]);
  });

  it('reads Django migration dependencies, replaces and operations with lines', () => {
    const m = djangoMigrationOf(
      'shop/migrations/0003_x.py',
      parsePythonModule(
        [
          'class Migration(migrations.Migration):',
          '    replaces = [("shop", "0001_a"), ("shop", "0002_b")]',
          '    dependencies = [',
          '        ("shop", "0001_a"),',
          '        migrations.swappable_dependency(settings.AUTH_USER_MODEL),',
          "        ('auth', '__first__'),",
          '    ]',
          '    operations = [migrations.RemoveField("order", "note"), migrations.DeleteModel(name="Old")]',
        ].join('\n'),
      ),
    )!;
    expect(m.app).toBe('shop');
    expect(m.replaces.map((r) => `${r.app}.${r.name}`)).toEqual(['shop.0001_a', 'shop.0002_b']);
    expect(m.dependencies.map((d) => `${d.swappable ?? `${d.app}.${d.name}`}@${d.line}`)).toEqual(['shop.0001_a@4', 'settings.AUTH_USER_MODEL@5', 'auth.__first__@6']);
    expect(m.operations.map((o) => `${o.line}`)).toEqual(['8', '8']);
  });

  it('evaluates django-environ schemes', () => {
    const statements = parsePythonModule('env = environ.Env(DEBUG=(bool, True), HOSTS=(list, []))\nDEBUG = env("DEBUG")\n').statements as Array<Extract<PyStatement, { kind: 'assign' }>>;
    const call = statements[0]!.value;
    if (call.kind !== 'call') throw new Error('expected a call');
    const scope = { lookup: () => undefined };
    const envSchemes = envSchemesOf(call, scope);
    expect(envSchemes.get('DEBUG')).toEqual({ cast: 'bool', default: { known: true, value: true } });
    expect(evaluate(statements[1]!.value, { ...scope, envSchemes })).toEqual({ known: true, value: true, envVar: 'DEBUG' });
  });
});

describe('valid Python the Lezer grammar does not read, read as CPython reads it (scripts/python-agreement.mjs)', () => {
  it('reads a bare yield, an empty class pattern and parenthesized with items without errors, lines unchanged', () => {
    const source = [
      'import contextlib',
      '@contextlib.contextmanager',
      'def scope():',
      '    try:',
      '        yield',
      '    finally:',
      '        pass',
      'def kind(x):',
      '    match x:',
      '        case Device():',
      '            return 1',
      '        case bytes() if x:',
      '            return 2',
      'def copy(a, b):',
      '    with (',
      '        open(a, "rb") as src,  # the source',
      '        open(b, "wb") as dst,',
      '    ):',
      '        dst.write(src.read())',
      'DEBUG = os.environ.get("DEBUG", "0") == "1"',
      '',
    ].join('\n');
    const module = parsePythonModule(source);
    expect(module.errors).toEqual([]);
    expect(module.statements.map((s) => s.line)).toEqual([1, 2, 3, 8, 14, 20]);
    expect(lezerCompatible(source).split('\n')).toHaveLength(source.split('\n').length);
  });

  it('still reports a real syntax error', () => {
    expect(parsePythonModule('def f(:\n    pass\nX = 1\n').errors.length).toBeGreaterThan(0);
  });

  it('cuts a module at its top-level statements only: not inside brackets, strings, continuations or compound clauses', () => {
    const source = ['A = [', '1,', ']', 'B = """', 'x = 1', '"""', 'if A:', '    pass', 'else:', '    pass', '@dec', 'def f():', '    pass', 'C = 1 + \\', '2', ''].join('\n');
    expect(topLevelStarts(source)).toEqual([1, 4, 7, 11, 14]);
  });
});
