import type { RepoCheck } from '../../engine/types.js';
import { ciFiles, ciStrings, TEST_COMMAND } from './project.js';

export const ci: RepoCheck = {
  id: 'ops.ci',
  title: 'CI runs the tests',
  category: 'quality',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the repository has no CI configuration (GitHub Actions, GitLab CI, CircleCI, Jenkinsfile, Azure Pipelines, Travis, Bitbucket, Drone, Buildkite...) or none of its jobs runs a test command (npm test, pytest, go test, cargo test, mvn verify, rspec...).',
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
      // About the repository as a whole: no file, no line.
      return [{ status: 'fail', message: 'No CI configuration found (.github/workflows, .gitlab-ci.yml, .circleci/config.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml...).' }];
    }
    for (const path of files) {
      for (const s of await ciStrings(ctx, path)) {
        const m = TEST_COMMAND.exec(s.text);
        if (m) return [{ status: 'pass', message: `Tests run in CI: ${s.path}:${s.line} (\`${s.text.trim().slice(0, 120)}\`).` }];
      }
    }
    return [
      {
        status: 'fail',
        message: `CI is configured (${files.join(', ')}) but none of its jobs runs a test command (npm test, pytest, go test, cargo test, mvn verify, rspec, make test...).`,
        file: files[0]!,
      },
    ];
  },
};
