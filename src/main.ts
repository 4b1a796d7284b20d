// The one place that touches the Actions runtime: read inputs, run the audit
// through plain functions, write the reports, set outputs, publish to GitHub,
// and turn any error into core.setFailed.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { audit } from './audit.js';
import { ALL_CHECKS } from './checks/index.js';
import { FAIL_ON, type FailOn } from './config/schema.js';
import { UsageError } from './engine/errors.js';
import { publish } from './github/publish.js';
import { countFailingP0, headline, renderJson, renderMarkdown, renderSarif, type Report } from './report/index.js';

export interface ActionInputs {
  urls: string[];
  repo: string;
  config?: string;
  failOn?: FailOn;
  minScore?: number;
  only: string[];
  skip: string[];
}

export function readInputs(): ActionInputs {
  const failOn = core.getInput('fail-on').trim();
  if (failOn && !(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UsageError(`input fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  }
  const minScoreText = core.getInput('min-score').trim();
  const minScore = minScoreText ? Number(minScoreText) : undefined;
  if (minScore !== undefined && (!Number.isInteger(minScore) || minScore < 0 || minScore > 100)) {
    throw new UsageError('input min-score must be an integer from 0 to 100');
  }
  const listInput = (name: string): string[] =>
    core
      .getInput(name)
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    urls: listInput('url'),
    repo: core.getInput('repo').trim() || '.',
    config: core.getInput('config').trim() || undefined,
    failOn: (failOn || undefined) as FailOn | undefined,
    minScore,
    only: listInput('only'),
    skip: listInput('skip'),
  };
}

/** Writes the JSON report and SARIF into the workspace and returns their paths. */
async function writeArtifacts(report: Report, workspace: string): Promise<{ json: string; sarif: string }> {
  const dir = join(workspace, '.readiness');
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'readiness-report.json');
  const sarif = join(dir, 'readiness.sarif');
  await writeFile(json, renderJson(report));
  await writeFile(sarif, renderSarif(report, ALL_CHECKS));
  return { json, sarif };
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
    const { report } = await audit({
      urls: inputs.urls,
      repo: inputs.repo,
      config: inputs.config,
      failOn: inputs.failOn,
      minScore: inputs.minScore,
      only: inputs.only,
      skip: inputs.skip,
      baseRef: process.env['GITHUB_BASE_REF'] || undefined,
      cwd: workspace,
    });
    const paths = await writeArtifacts(report, workspace);
    core.setOutput('decision', report.decision);
    core.setOutput('score', String(report.score));
    core.setOutput('p0-failures', String(countFailingP0(report)));
    core.setOutput('report-json', paths.json);
    core.setOutput('sarif', paths.sarif);
    await core.summary.addRaw(renderMarkdown(report)).write();
    await publish(report);
    core.info(headline(report));
    if (report.blocking) core.setFailed(`readiness-gate: ${headline(report)}`);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    core.setFailed(err instanceof UsageError ? `readiness-gate: ${message}` : `readiness-gate: internal error: ${message}`);
  }
}
