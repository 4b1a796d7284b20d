// "Why this severity" (issue 23): every failing repository finding says, in every format, the role of its file, the
// reason and the rule that gave the role, and the severity the role policy lowered it from. The message no longer
// carries an "(At most P2: …)" sentence of its own: the reports show it from the fields.
import { describe, expect, it } from '@jest/globals';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { judgeByRole } from '../../src/engine/run.js';
import type { Finding, RepoCheck } from '../../src/engine/types.js';
import { annotationsFor } from '../../src/github/check-run.js';
import { checkRunSummary, commentBody, jobSummary, stateOf } from '../../src/github/bodies.js';
import { buildRepoModel } from '../../src/model/index.js';
import { loadFileSet } from '../../src/repo/fileset.js';
import { ParsedFiles } from '../../src/parse/parsed.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { finding, reportOf } from '../github/reports.js';
import { makeRepo } from '../helpers/repo.js';

const capped = finding({
  checkId: 'compose.inline-secret',
  severity: 'P2',
  cappedFrom: 'P0',
  location: { path: '.devcontainer/docker-compose.yml', line: 4 },
  role: { role: 'development', reason: 'a development container definition', rule: 'dev-container' },
  message: 'service `db` sets POSTGRES_PASSWORD to a literal value.',
});
const production = finding({
  checkId: 'docker.non-root',
  severity: 'P1',
  location: { path: 'Dockerfile', line: 1 },
  role: { role: 'production', reason: 'built by the release workflow', rule: 'evidence:built-into-image' },
});
const p0 = finding({ checkId: 'secrets.hardcoded', severity: 'P0', location: { path: 'app/settings.py', line: 3 }, role: { role: 'production', reason: 'loaded by the entrypoint', rule: 'evidence:settings-module' } });
const report = reportOf([p0, production, capped]);

describe('the role, its rule and the cap, in every format', () => {
  it('text, without --verbose', () => {
    const text = renderText(report, { color: false, width: 200 });
    expect(text).toContain('P0 because production file: loaded by the entrypoint (rule evidence:settings-module)');
    expect(text).toContain('P1 because production file: built by the release workflow (rule evidence:built-into-image)');
  });

  it('text, with --verbose, says the cap', () => {
    const text = renderText(report, { color: false, width: 200, verbose: true });
    expect(text).toContain('P2 because development file: a development container definition (rule dev-container); lowered from P0');
  });

  it('markdown (job summary and --format markdown)', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('P2 because development file: a development container definition (rule `dev-container`); lowered from P0');
    expect(md).toContain('P1 because production file: built by the release workflow (rule `evidence:built-into-image`)');
    expect(jobSummary(report).text).toContain('lowered from P0');
  });

  it('the check-run summary and the comment', () => {
    expect(checkRunSummary(report, { fullReportAt: 'x' }).text).toContain('P0 because production file: loaded by the entrypoint');
    const comment = commentBody(report, { checkName: 'Gate', state: stateOf(report), fullReportAt: 'x' }).text;
    expect(comment).toContain('P0 because production file: loaded by the entrypoint');
  });

  it('check-run annotations', () => {
    const annotations = annotationsFor(report);
    const dev = annotations.find((a) => a.path === '.devcontainer/docker-compose.yml')!;
    expect(dev.message).toContain('P2 because development file: a development container definition (rule dev-container); lowered from P0');
  });

  it('SARIF properties and JSON fields', () => {
    const sarif = JSON.parse(renderSarif(report, ALL_CHECKS));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'compose.inline-secret');
    expect(result.properties).toEqual({ role: 'development', roleReason: 'a development container definition', roleRule: 'dev-container', cappedFrom: 'P0' });
    const json = JSON.parse(renderJson(report));
    expect(json.findings.find((f: Finding) => f.checkId === 'compose.inline-secret')).toMatchObject({ role: capped.role, cappedFrom: 'P0' });
  });
});

describe('judgeByRole', () => {
  it('records the cap in cappedFrom and leaves the message as the check wrote it', async () => {
    const repo = makeRepo({ '.devcontainer/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' });
    try {
      const files = await loadFileSet(repo.root, { maxFileBytes: 1_000_000 });
      const model = await buildRepoModel(files, { roles: [], parsed: new ParsedFiles(files) });
      const check = ALL_CHECKS.find((c) => c.id === 'compose.inline-secret') as RepoCheck;
      const [out] = judgeByRole(check, [{ status: 'fail', severity: 'P0', message: 'A literal password.', location: { path: '.devcontainer/docker-compose.yml', line: 3 } }], model);
      expect(out).toMatchObject({ severity: 'P2', cappedFrom: 'P0', message: 'A literal password.', role: { role: 'development' } });
    } finally {
      repo.cleanup();
    }
  });
});
