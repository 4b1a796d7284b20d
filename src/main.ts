// The one place that touches the Actions runtime: read inputs, open the check
// run, run the audit (or read a report, in report mode) through plain
// functions, write the reports, set outputs, publish to GitHub, and turn any
// error into core.setFailed.

import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { audit, readPreviousCapacity } from './audit.js';
import { ALL_CHECKS } from './checks/index.js';
import { FAIL_ON, GATES, type FailOn, type Gate } from './config/schema.js';
import { UsageError } from './core/errors.js';
import { jobSummary, previousCapacityOfState } from './github/bodies.js';
import { repositoryPath } from './github/check-run.js';
import { COMMENT_MODES, type CommentMode } from './github/comment.js';
import { githubContext } from './github/context.js';
import { linksOf, startPublishing, type PublishSession } from './github/publish.js';
import { readReportFile } from './github/report-file.js';
import { countFailingP0, headline, renderJson, renderSarif, type Report } from './report/index.js';
import { markdownText } from './report/escape.js';
import { startApp, StartError, type StartedApp } from './start.js';

export const MODES = ['audit', 'report'] as const;
export type Mode = (typeof MODES)[number];

export interface ActionInputs {
  urls: string[];
  repo: string;
  config?: string;
  failOn?: FailOn;
  minScore?: number;
  only: string[];
  skip: string[];
  /** Variables the configuration's target headers may read as `${NAME}`. */
  allowEnv: string[];
  githubToken?: string;
  checkName: string;
  comment: CommentMode;
  mode: Mode;
  /** Report mode: the JSON report to publish. */
  report?: string;
  issue: boolean;
  /** Send the load and rate-limit bursts to hosts that are not loopback or private. */
  allowBursts: boolean;
  /** Decide on every finding or on what the pull request adds; undefined: the configuration's `gate`. */
  gate?: Gate;
  /** A command that starts the app in the background, stopped after the audit. */
  start?: string;
  /** The URL polled until it answers before the audit (default with `start`: the first `url`). */
  waitFor?: string;
  /** How long `wait-for` may take, in milliseconds. */
  waitTimeoutMs: number;
  /** The base branch's JSON report, for load.ramp's capacity comparison. */
  previous?: string;
}

const DEFAULT_WAIT_TIMEOUT_S = 60;

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`input ${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
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
  // YAML 1.2 core booleans, as core.getBooleanInput reads them, but an absent input is false.
  const issueText = core.getInput('issue').trim();
  if (issueText && !/^(true|false)$/i.test(issueText)) throw new UsageError(`input issue must be true or false, not "${issueText}"`);
  const burstsText = core.getInput('allow-bursts').trim();
  if (burstsText && !/^(true|false)$/i.test(burstsText)) throw new UsageError(`input allow-bursts must be true or false, not "${burstsText}"`);
  const mode = oneOf('mode', MODES, 'audit');
  const report = core.getInput('report').trim() || undefined;
  if (mode === 'report' && !report) throw new UsageError('mode: report needs the input report (path of a JSON report written by an earlier run)');
  const checkName = core.getInput('check-name').trim() || 'Production Readiness';
  const waitTimeoutText = core.getInput('wait-timeout').trim();
  const waitTimeout = waitTimeoutText ? Number(waitTimeoutText) : DEFAULT_WAIT_TIMEOUT_S;
  if (!Number.isInteger(waitTimeout) || waitTimeout < 1 || waitTimeout > 3600) throw new UsageError(`input wait-timeout must be a whole number of seconds from 1 to 3600, not "${waitTimeoutText}"`);
  const urls = listInput('url');
  const start = core.getInput('start').trim() || undefined;
  const waitFor = core.getInput('wait-for').trim() || (start ? urls[0] : undefined);
  if (waitFor !== undefined && !/^https?:\/\/[^\s]+$/.test(waitFor)) throw new UsageError(`input wait-for must be an http:// or https:// URL, not "${waitFor}"`);
  return {
    urls,
    repo: core.getInput('repo').trim() || '.',
    config: core.getInput('config').trim() || undefined,
    failOn: (failOn || undefined) as FailOn | undefined,
    minScore,
    only: listInput('only'),
    skip: listInput('skip'),
    allowEnv: listInput('allow-env'),
    githubToken: core.getInput('github-token').trim() || undefined,
    checkName,
    comment: oneOf('comment', COMMENT_MODES, 'always'),
    mode,
    report,
    issue: /^true$/i.test(issueText),
    allowBursts: /^true$/i.test(burstsText),
    ...(core.getInput('gate').trim() ? { gate: oneOf('gate', GATES, 'all') } : {}),
    ...(start ? { start } : {}),
    ...(waitFor ? { waitFor } : {}),
    waitTimeoutMs: waitTimeout * 1000,
    ...(core.getInput('previous').trim() ? { previous: core.getInput('previous').trim() } : {}),
  };
}

/** The environment of the `start` command: the job's, without the Action's inputs (the token among them). */
function startEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}

/** Starts and waits for the app (`start`, `wait-for`); its log is printed in a group when it stops, or when it fails. */
async function startTheApp(inputs: ActionInputs, workspace: string): Promise<StartedApp | undefined> {
  if (!inputs.start && !inputs.waitFor) return undefined;
  const logFile = join(process.env['RUNNER_TEMP'] || workspace, `readiness-start-${process.pid}.log`);
  core.info(`readiness-gate: ${inputs.start ? `starting \`${inputs.start}\`` : 'waiting'}${inputs.waitFor ? `${inputs.start ? ', then waiting' : ''} for ${inputs.waitFor} (up to ${inputs.waitTimeoutMs / 1000} s)` : ''}`);
  try {
    return await startApp({ command: inputs.start, cwd: workspace, env: startEnv(process.env), waitFor: inputs.waitFor, timeoutMs: inputs.waitTimeoutMs, logFile });
  } catch (error) {
    if (error instanceof StartError) {
      core.startGroup(`readiness-gate: start log (last lines)`);
      core.info(error.logTail || '(the command printed nothing)');
      core.endGroup();
    }
    throw error;
  }
}

async function stopTheApp(app: StartedApp | undefined): Promise<void> {
  if (!app) return;
  const { exit, log } = await app.stop();
  if (!log) return;
  core.startGroup(`readiness-gate: start (the app's log; it ${exit === 'was not started' ? 'was not started' : exit})`);
  core.info(log.trimEnd());
  core.endGroup();
}

/**
 * The report with locations relative to the repository root instead of the
 * audited directory: code scanning resolves SARIF paths against the repository.
 */
export function relocated(report: Report, pathPrefix: string): Report {
  if (!pathPrefix) return report;
  return {
    ...report,
    findings: report.findings.map((f) =>
      f.location
        ? { ...f, location: { ...f.location, path: repositoryPath(pathPrefix, f.location.path) } }
        : f.file
          ? { ...f, file: repositoryPath(pathPrefix, f.file) }
          : f,
    ),
  };
}

/** Writes the JSON report (paths relative to the audited directory, the report's contract) and SARIF into the workspace. */
async function writeArtifacts(report: Report, workspace: string, options: { json: boolean; pathPrefix: string }): Promise<{ json?: string; sarif: string }> {
  const dir = join(workspace, '.readiness');
  await mkdir(dir, { recursive: true });
  const sarif = join(dir, 'readiness.sarif');
  await writeFile(sarif, renderSarif(relocated(report, options.pathPrefix), ALL_CHECKS));
  if (!options.json) return { sarif };
  const json = join(dir, 'readiness-report.json');
  await writeFile(json, renderJson(report));
  return { json, sarif };
}

function readEventPayload(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The audited directory's place in the repository, so annotations and SARIF point at files GitHub knows. The
 * repository root is the nearest directory with a `.git` from the audited one up to the workspace (a checkout
 * with actions/checkout's `path:` is not at the workspace root), else the workspace.
 */
export function pathPrefixOf(workspace: string, repo: string): string {
  const audited = resolve(workspace, repo);
  let root = resolve(workspace);
  for (let dir = audited; !relative(root, dir).startsWith('..') && !isAbsolute(relative(root, dir)); dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dir === root) break;
  }
  const rel = relative(root, audited);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return '';
  return rel.split(sep).join('/');
}

function oneLine(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/**
 * The runner cancels a step (a cancelled workflow run, `timeout-minutes`) with SIGINT, then SIGTERM 7.5 s later,
 * then kills it: close the open check run first, so a required check does not stay "in progress" forever.
 */
function onCancel(open: () => PublishSession | undefined): void {
  const stop = (signal: NodeJS.Signals) => {
    const session = open();
    core.info(`readiness-gate: ${signal} received, the step is being cancelled.`);
    void (session?.cancel(signal) ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(1));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
}

export async function run(): Promise<void> {
  let session: PublishSession | undefined;
  let app: StartedApp | undefined;
  // Until the check run is completed, whatever finish() is doing when the signal comes.
  let cancellable: PublishSession | undefined;
  onCancel(() => {
    const open = cancellable;
    cancellable = undefined;
    return open;
  });
  try {
    const inputs = readInputs();
    const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
    const pathPrefix = pathPrefixOf(workspace, inputs.repo);
    const context = githubContext(process.env, readEventPayload(process.env['GITHUB_EVENT_PATH']));
    if (context?.deployment && inputs.mode === 'audit') {
      // Preview deployments: only a deployment that succeeded serves something to audit (the others report too).
      if (context.deployment.state !== 'success') {
        core.info(`readiness-gate: the deployment is ${context.deployment.state}; only successful deployments are audited.`);
        return;
      }
      if (!inputs.urls.length) {
        if (!context.deployment.environmentUrl) throw new UsageError('the deployment_status event has no environment_url: set the url input');
        inputs.urls = [context.deployment.environmentUrl];
      }
    }
    const publishing = () =>
      startPublishing({
        token: inputs.githubToken,
        checkName: inputs.checkName,
        comment: inputs.comment,
        issue: inputs.issue,
        pathPrefix,
        context,
        log: core,
      });

    let report: Report;
    let reportJson: string;
    if (inputs.mode === 'report') {
      reportJson = resolve(workspace, inputs.report!);
      report = await readReportFile(reportJson);
      session = cancellable = await publishing();
    } else {
      // The check run shows "in progress" for as long as the audit runs.
      session = cancellable = await publishing();
      app = await startTheApp(inputs, workspace);
      // The capacity to compare with: the base branch's report when given, else what this pull request's previous run kept.
      const publishingSession = session;
      const previous = inputs.previous
        ? await readPreviousCapacity(resolve(workspace, inputs.previous), process.env['GITHUB_BASE_REF'] || 'base branch')
        : async () => previousCapacityOfState(await publishingSession.previousState());
      core.startGroup('readiness-gate: audit');
      ({ report } = await audit({
        urls: inputs.urls,
        repo: inputs.repo,
        config: inputs.config,
        failOn: inputs.failOn,
        minScore: inputs.minScore,
        only: inputs.only,
        skip: inputs.skip,
        allowEnv: inputs.allowEnv,
        baseRef: process.env['GITHUB_BASE_REF'] || undefined,
        // actions/checkout is shallow by default: fetch the merge base for gate: new rather than decide on everything.
        fetchBase: true,
        allowBursts: inputs.allowBursts,
        ...(inputs.gate ? { gate: inputs.gate } : {}),
        ...(previous ? { previous } : {}),
        cwd: workspace,
        onFamilyDone: ({ name, checks, failing, done, total }) =>
          core.info(`${failing ? '✗' : '✓'} ${name}: ${checks} check run(s), ${failing ? `${failing} failing finding(s)` : 'nothing failing'} [${done}/${total}]`),
      }).finally(() => core.endGroup()));
      await stopTheApp(app);
      app = undefined;
    }

    const paths = await writeArtifacts(report, workspace, { json: inputs.mode === 'audit', pathPrefix });
    reportJson = paths.json ?? reportJson!;
    core.setOutput('decision', report.decision);
    core.setOutput('score', String(report.score));
    core.setOutput('p0-failures', String(countFailingP0(report)));
    core.setOutput('report-json', reportJson);
    core.setOutput('sarif', paths.sarif);
    // Always, and first: it is the fallback when the token cannot publish anything else.
    if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(jobSummary(report, { links: linksOf(context, pathPrefix) }).text).write();

    const sessionNow = session;
    session = undefined;
    core.startGroup('readiness-gate: publish');
    const publication = await sessionNow.finish(report).finally(() => core.endGroup());
    cancellable = undefined;
    if (publication.checkRunUrl) core.setOutput('check-run-url', publication.checkRunUrl);
    if (publication.commentUrl) core.setOutput('comment-url', publication.commentUrl);
    if (publication.problems.length && process.env['GITHUB_STEP_SUMMARY']) {
      // Whoever reads the summary of a fork's run should learn why there is no check run or comment.
      await core.summary.addRaw(`\n> [!WARNING]\n> Not published to GitHub: ${markdownText(publication.problems.join('; ').slice(0, 2000))}. See the warning in the log.\n`).write();
    }
    core.info(headline(report));
    if (report.blocking) core.setFailed(`readiness-gate: ${headline(report)}`);
  } catch (err) {
    await stopTheApp(app).catch(() => undefined);
    const message = oneLine(err);
    const failure = err instanceof UsageError ? `readiness-gate: ${message}` : `readiness-gate: internal error: ${message}`;
    cancellable = undefined;
    await session?.abort(failure).catch(() => undefined);
    core.setFailed(failure);
  }
}
