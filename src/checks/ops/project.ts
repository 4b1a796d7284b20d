// Facts about the repository as a project, shared by the ops.* checks: its
// manifests, its CI configuration and the strings the CI runs.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { isMap, isScalar, isSeq } from '../../parse/yaml.js';

type Ctx = Pick<RepoCheckContext, 'files' | 'parsed'>;

/**
 * Directories whose files are not the product: tests, fixtures, examples and
 * documentation. Test settings (`tests/settings.py` with DEBUG on), fixture
 * migrations that conflict on purpose and example manifests are left out.
 */
export const NON_PRODUCT_PATH = /(^|\/)(__tests__|tests?|testing|spec|fixtures?|testdata|test_data|examples?|samples?|docs?)\//i;

/** pip requirements: `requirements.txt`, `requirements-dev.txt`, and `requirements/base.txt` (cookiecutter-django's layout). */
export const REQUIREMENTS_FILE = /(^|\/)(requirements[^/]*|requirements\/[^/]+)\.txt$/;

/** Any dependency manifest anywhere: the repository holds an application or library. */
export const MANIFEST = /(^|\/)(package\.json|pyproject\.toml|requirements[^/]*\.txt|requirements\/[^/]+\.txt|setup\.py|Pipfile|go\.mod|Cargo\.toml|Gemfile|pom\.xml|build\.gradle(\.kts)?|composer\.json|[^/]+\.csproj)$/;

export const CI_FILE =
  /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab-ci\/.+\.ya?ml|\.circleci\/config\.ya?ml|(.*\/)?Jenkinsfile[^/]*|azure-pipelines\.ya?ml|\.azure-pipelines\/.+\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.buildkite\/.+\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/.+\.ya?ml|appveyor\.ya?ml|(.*\/)?cloudbuild[\w.-]*\.ya?ml|(.*\/)?cloudbuild\/[^/]+\.ya?ml|buildspec\.ya?ml|\.tekton\/.+\.ya?ml)$/;

export function ciFiles(files: FileSet): string[] {
  return files.files.map((f) => f.path).filter((p) => CI_FILE.test(p));
}

export interface CiString {
  path: string;
  line: number;
  text: string;
  /** YAML only: the key this string is the value of (`run`, `script`, `uses`, `name`...), or `(key)` for a map key itself. */
  key?: string;
}

/** Every string a CI file holds (YAML scalars with their lines; Jenkinsfile lines). */
export async function ciStrings(ctx: Ctx, path: string): Promise<CiString[]> {
  if (!/\.ya?ml$/.test(path)) {
    const text = await ctx.files.read(path);
    if (text === undefined) return [];
    return text.split('\n').map((line, i) => ({ path, line: i + 1, text: line.replace(/\/\/.*$/, '') }));
  }
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return [];
  const out: CiString[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (isMap(node)) for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (isScalar(pair.key)) out.push({ path, line: yaml.lineOf(pair.key), text: String(pair.key.value), key: '(key)' });
      visit(pair.value, name);
    }
    else if (isSeq(node)) for (const item of node.items) visit(item, key);
    else if (isScalar(node) && node.value !== null && node.value !== undefined) {
      // A multi-line `run: |` block: report the line of the matching command, not of the block.
      const text = String(node.value);
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0;
      const first = yaml.lineOf(node) + block;
      text.split('\n').forEach((line, i) => out.push({ path, line: first + i, text: line, ...(key === undefined ? {} : { key }) }));
    }
  };
  for (const doc of yaml.documents) visit(doc.contents, undefined);
  return out;
}

/**
 * Commands that run a test suite, by ecosystem. Package managers may carry
 * workspace options first (`pnpm -r test`, `pnpm --filter api test`,
 * `yarn workspace api test`, `npm -w api test`); monorepo runners (turbo, nx)
 * name the task; package runners (`npx`, `bunx`, `pnpm exec`, `yarn`) start
 * a JS test runner by name. A toolchain selector may sit between cargo and its
 * subcommand (`cargo +nightly test`); a project's own script takes the suite as
 * its argument (`./build.sh Test`, `webodm.sh test`); Cypress's own image runs
 * the end-to-end suite (`docker run cypress/included`); sbt takes its tasks as
 * arguments (`./sbt scalafmtCheckAll test doc`); a gulp `test` or `coverage` task
 * runs the suite it wraps (Baby Buddy's runs manage.py test); a make target may
 * name its suite after a prefix (`make all_tests`, `make unittest`), and a wrapper
 * script may end in the runner's name (`bin/knapsack_pro_rspec`). Rails runs the tasks it is given
 * in order (`bin/rails db:setup test`); ex_check (`mix check`) runs ExUnit among its tools; task runners
 * (just, Task, Python's Invoke: `invoke tests`) run the task named for the suite.
 */
export const TEST_COMMAND =
  /\b(npm|pnpm|yarn|bun)\s+((-r|--recursive|-ws|--workspaces|(-w|--workspace|--filter|-F|--prefix|-C|--dir)(=|\s+)\S+|workspace\s+\S+|workspaces\s+foreach(\s+-[\w-]+)*)\s+)*(run\s+)?(test|tests|test:[\w:-]+|ci:test|e2e)\b|\bturbo\s+(run\s+)?test\b|\bnx\s+(test\b|(affected|run-many)\b[^\n]*(-t|--targets?)(=|\s+)[\w,]*\btest\b)|\bphp\s+artisan\s+test\b|(^|[\s/])pest(\s|$)|\bhatch\s+(run\s+)?test\b|\b(just|task|invoke|inv)\s+(test|tests|unittests?|unit[-_]tests?)\b|\b(npx|bunx|pnpx|pnpm\s+(exec|dlx)|yarn(\s+dlx)?|bun\s+x)\s+(jest|vitest|mocha|ava|playwright\s+test|cypress\s+run)\b|(^|[\s;&|])(jest|vitest|mocha|ava)(\s|$)|\bpytest\b|\bpython[\d.]*\s+-m\s+(pytest|unittest)\b|manage\.py\s+test\b|(^|[\s;&|])(tox|nox)(\s|$)|\bgo\s+test\b|\bcargo(\s+\+\S+)?\s+(test|nextest|llvm-cov)\b|\bmvnw?\b[^\n]*\b(test|verify|install)\b|\bgradlew?\b[^\n]*\b(test|check|build)\b|(\b|[_/-])rspec\b|\brake\b(\s+-[-\w]+)*\s+(test|spec|ci|cucumber|jasmine)\b|\brails\s+([\w:-]+\s+){0,6}(test|spec)(:[\w:-]+)?(\s|$)|\bmake\b(\s+(-[-\w]+|\w+=\S*))*\s+([\w.:-]*[_.:-])?(unit|integration|e2e|all)?(test|tests|check)\b|\bcrystal\s+spec\b|(^|[\s/])sbt\b[^\n]*\s(test|testOnly|it:test)\b|\bgulp\s+(test|tests|coverage)\b|(^|[\s/])[\w.-]+\.(sh|ps1|cmd)\s+(-\S+\s+)*[A-Za-z]*(Tests?|test)\b|\bcypress\/included\b|\bdotnet\s+test\b|\bphpunit\b|\bcomposer\s+(run(-script)?\s+)?test\b|\bmix\s+(test|check|coveralls(\.\w+)?)\b|\bdeno\s+test\b|\bctest\b|\bflutter\s+test\b|\bskaffold\s+test\b|\.github\/workflows\/[\w.-]*test[\w.-]*\.ya?ml/;
