import type { RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { ciFiles, ciStrings, TEST_COMMAND, type CiString } from './project.js';
import { followCiString, isCommandString, joinContinuations, packageScriptCalls, resolvePackageScript } from './ci-follow.js';

export const ci: RepoCheck = {
  id: 'ops.ci',
  title: 'CI runs the tests',
  category: 'quality',
  severity: 'P1',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary:
      'Fails when the repository has no CI configuration (GitHub Actions, GitLab CI, CircleCI, Jenkinsfile, Azure Pipelines, Travis, Bitbucket, Drone, Buildkite...) or none of its jobs runs a test command (npm test, pytest, go test, cargo test, mvn verify, rspec, tox, nox, bunx playwright test...), either in the CI file or one level down: a script it runs (`./scripts/test.sh`; a script named like `unit-test.sh` counts by its name), a Makefile target (`make ci`), a package.json script (`npm run ci`; npm\'s "no test specified" placeholder does not count) or a local composite action (`uses: ./.github/actions/test`). Step names are labels, not commands. Google Cloud Build files anywhere (`cloudbuild*.yaml`, `cloudbuild/*.yaml`) are CI; `skaffold test` is a test command. A repository with no CI and no application code (only configuration and documentation) is skipped.',
    why: 'Without CI that runs the tests, nothing stops a change that breaks the service from being merged and deployed.',
    fix: 'Add a workflow that installs the dependencies and runs the test suite on every pull request.',
    snippets: [
      {
        stack: 'GitHub Actions (Node)',
        code: 'on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: { node-version: 20, cache: npm }\n      - run: npm ci\n      - run: npm test',
      },
    ],
  },
  async run(ctx) {
    const files = ciFiles(ctx.files);
    if (!files.length) {
      // A repository of configuration and documentation (a compose file, a Helm chart, a deployment guide) has nothing to test.
      const code = ctx.files.files.find((f) => CODE_FILE.test(f.path) && ctx.model.roles.isDeployed(f.path));
      if (!code) return [{ status: 'skip', message: 'No CI configuration, and the repository holds no application code to test (no source files outside tests, docs and examples).' }];
      // About the repository as a whole: no file, no line.
      return [{ status: 'fail', message: 'No CI configuration found (.github/workflows, .gitlab-ci.yml, .circleci/config.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml...).' }];
    }
    const strings = joinContinuations((await Promise.all(files.map((path) => ciStrings(ctx, path)))).flat().filter(isCommandString));
    // A test command written in CI is the most direct evidence; only without one do we look one level down.
    for (const s of strings) {
      if (!TEST_COMMAND.test(s.text)) continue;
      const runs = await directRun(ctx, s);
      if (runs !== null) return [{ status: 'pass', message: `Tests run in CI: ${s.path}:${s.line} (\`${shown(s.text)}\`)${runs}.` }];
    }
    for (const s of strings) {
      const followed = await followCiString(ctx, s);
      if (!followed) continue;
      const found = followed.command === undefined ? `, a test script by its name (${followed.where})` : `, which runs \`${shown(followed.command)}\` (${followed.where})`;
      return [{ status: 'pass', message: `Tests run in CI: ${s.path}:${s.line} runs \`${shown(followed.target)}\`${found}.` }];
    }
    return [
      {
        status: 'fail',
        message: `CI is configured (${files.join(', ')}) but none of its jobs runs a test command (npm test, pytest, go test, cargo test, mvn verify, rspec, make test...), directly or through a script, Makefile target, package.json script or local action it calls.`,
        file: files[0]!,
      },
    ];
  },
};

/** Source files of a programming language, or a project manifest (not configuration, markup or shell glue). */
const CODE_FILE = /(^|\/)(package\.json|pyproject\.toml|setup\.py|requirements[\w.-]*\.txt|Pipfile|go\.mod|Cargo\.toml|Gemfile|pom\.xml|build\.gradle(\.kts)?|composer\.json|mix\.exs|[\w.-]+\.csproj)$|\.(py|[cm]?[jt]sx?|rb|java|kt|kts|scala|go|php|rs|cs|fs|vb|ex|exs|erl|swift|m|mm|c|cc|cpp|cxx|h|hpp|dart|lua|clj|hs|ml|r|jl|zig|nim|cr|groovy)$/i;

const shown = (text: string): string => text.trim().slice(0, 120);

/**
 * For a CI line that matches a test command: when it runs a package.json
 * script (`npm test`), what that script runs (`, which runs \`jest\``); null
 * when the script is npm's "no test specified" placeholder, which runs nothing.
 */
async function directRun(ctx: RepoCheckContext, s: CiString): Promise<string | null> {
  for (const call of packageScriptCalls(s.text)) {
    const resolved = await resolvePackageScript(ctx, call);
    if (!resolved || !TEST_COMMAND.test(call.text)) continue;
    if (resolved.placeholder) return null;
    return `, which runs \`${shown(resolved.script)}\` (${resolved.path} script "${call.name}")`;
  }
  return '';
}
