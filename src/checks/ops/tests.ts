import type { FindingInput, RepoCheck } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';

interface Language {
  name: string;
  source: RegExp;
  /** Sources that are configuration or generated, not code to test. */
  ignore?: RegExp;
  test: RegExp;
  manifest: RegExp;
}

export const LANGUAGES: Language[] = [
  {
    name: 'Python',
    source: /\.py$/,
    ignore: /(^|\/)(setup|manage|wsgi|asgi|conftest|noxfile|__init__)\.py$|(^|\/)(migrations|settings|alembic|docs)\//,
    test: /(^|\/)(test_[^/]*|[^/]*_test|tests?)\.py$|(^|\/)tests?\/.+\.py$/,
    manifest: /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile)$/,
  },
  {
    name: 'JavaScript/TypeScript',
    source: /\.(c|m)?(j|t)sx?$/,
    ignore: /(^|\/)[^/]*\.config\.[cm]?[jt]s$|(^|\/)\.[^/]+rc\.[cm]?js$|\.d\.ts$|(^|\/)(public|static|assets)\//,
    test: /\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(__tests__|tests?|e2e|cypress|playwright)\/.+\.[cm]?[jt]sx?$/,
    manifest: /(^|\/)package\.json$/,
  },
  { name: 'Go', source: /\.go$/, test: /_test\.go$/, manifest: /(^|\/)go\.mod$/ },
  { name: 'Ruby', source: /\.rb$/, ignore: /(^|\/)(db|config)\/|(^|\/)(Rakefile|Gemfile)$/, test: /_(spec|test)\.rb$|(^|\/)(spec|test)\/.+\.rb$/, manifest: /(^|\/)Gemfile$/ },
  { name: 'Java/Kotlin', source: /\.(java|kt)$/, test: /(^|\/)src\/test\/|Tests?\.(java|kt)$/, manifest: /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/ },
  { name: 'Rust', source: /\.rs$/, ignore: /(^|\/)build\.rs$/, test: /(^|\/)tests\/.+\.rs$/, manifest: /(^|\/)Cargo\.toml$/ },
  { name: 'PHP', source: /\.php$/, ignore: /(^|\/)(config|database|resources|public)\//, test: /Test\.php$|(^|\/)tests?\/.+\.php$/, manifest: /(^|\/)composer\.json$/ },
  { name: 'C#', source: /\.cs$/, test: /Tests?\.cs$|(^|\/)[^/]*Tests?\/.+\.cs$/, manifest: /\.csproj$/ },
];

/** A language counts as present with one source file next to its manifest, or three without. */
const MIN_SOURCES_WITHOUT_MANIFEST = 3;

export const tests: RepoCheck = {
  id: 'ops.tests',
  title: 'Every language in the repository has tests',
  category: 'quality',
  // SEVERITY.md: a gap in one language's tests is hygiene (P2); a repository with no tests at all is P1.
  severity: 'P2',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary: 'Fails once per language present (Python, JavaScript/TypeScript, Go, Ruby, Java/Kotlin, Rust, PHP, C#) that has source files but no test files by that ecosystem\'s conventions. Only the application\'s own code counts: files whose role is test, docs, example, template (a cookiecutter tree) or tooling are not sources.',
    why: 'Code without tests is changed blind: regressions reach production instead of CI.',
    severityNote: 'P2 when another language of the repository has tests (end-to-end suites often cover the rest), including test files of a language this check does not count (Swift, Elixir, Haskell, Kotlin...); P1 when nothing is tested at all.',
    fix: 'Add at least smoke tests for the main paths (start-up, health endpoint, one request per route) with the ecosystem\'s test runner and run them in CI.',
  },
  async run(ctx) {
    // The application's own code: tests, fixtures, docs, examples, templates and CI tooling need no tests of their own.
    const isProductCode = (path: string): boolean => ctx.model.roles.isDeployed(path);
    const findings: FindingInput[] = [];
    const present: string[] = [];
    const rustInlineTests = await hasRustInlineTests(ctx.files);
    for (const lang of LANGUAGES) {
      const paths = ctx.files.files.map((f) => f.path).filter((p) => lang.source.test(p));
      const testFiles = paths.filter((p) => lang.test.test(p));
      const sources = paths.filter((p) => !lang.test.test(p) && !lang.ignore?.test(p) && isProductCode(p));
      const manifest = ctx.files.files.find((f) => lang.manifest.test(f.path) && isProductCode(f.path))?.path;
      if (!sources.length || (!manifest && sources.length < MIN_SOURCES_WITHOUT_MANIFEST)) continue;
      present.push(lang.name);
      if (testFiles.length || (lang.name === 'Rust' && rustInlineTests)) continue;
      findings.push({
        status: 'fail',
        message: `${lang.name}: ${sources.length} source file(s) (e.g. ${sources.slice(0, 3).join(', ')}) and no test files.`,
        ...(manifest ? { file: manifest } : {}),
      });
    }
    if (!present.length) return [{ status: 'skip', message: 'No application source files found.' }];
    // Nothing in the repository is tested at all: that is the P1 the rubric names. Tests of a language this check
    // does not list (Swift's Tests/, Elixir's test/, Haskell's test suites) are tests too: the test folders say so.
    const otherTests = findings.length === present.length ? ctx.files.files.find((f) => ctx.model.roles.of(f.path).role === 'test' && !LANGUAGES.some((l) => l.source.test(f.path)) && TEST_CODE.test(f.path)) : undefined;
    if (otherTests) for (const f of findings) f.message += ` Other tests exist (${otherTests.path}, in a language this check does not count), so P2.`;
    else if (findings.length === present.length) for (const f of findings) f.severity = 'P1';
    return findings.length ? findings : [{ status: 'pass', message: `Test files exist for ${present.join(', ')}.` }];
  },
};

// Source code of languages the table above does not list, whose test files count as tests of the repository.
const TEST_CODE = /\.(swift|ex|exs|hs|scala|kt|kts|cr|dart|clj|cljs|erl|ml|fs|elm|lua|nim|zig|cpp|cc|c|m|mm|pl|r|jl)$/i;

async function hasRustInlineTests(files: FileSet): Promise<boolean> {
  for (const f of files.files.filter((x) => x.path.endsWith('.rs')).slice(0, 300)) {
    const text = await files.read(f.path);
    if (text && /#\[(cfg\(test\)|test|tokio::test)\]/.test(text)) return true;
  }
  return false;
}
