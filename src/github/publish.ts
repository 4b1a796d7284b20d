// Publishing to GitHub: the check run (opened before the audit, completed
// after it), the sticky pull-request comment and the nightly tracking issue.
//
// Reporting never decides the outcome of the step: when the token cannot write
// (a pull request from a fork, missing `permissions:`), or GitHub keeps failing
// after retries, the audit is still reported through the job summary, the
// outputs and the step result, and ONE warning says what could not be
// published and how to get it back.

import type { ReportLinks } from '../report/links.js';
import type { Report } from '../report/report.js';
import { commentBody, commentMarker, decodeState, issueBody, issueMarker, stateOf, type RunState } from './bodies.js';
import { completeCheckRun, completionOf, startCheckRun, type CheckRunTarget } from './check-run.js';
import { createClient, describeError, isPermissionError, type GitHubClient } from './client.js';
import { findStickyComments, identityOf, upsertStickyComment, type CommentMode, type CommentOutcome, type Identity } from './comment.js';
import type { GitHubContext } from './context.js';
import { syncTrackingIssue, type IssueOutcome } from './issue.js';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export interface PublishSettings {
  token?: string;
  checkName: string;
  comment: CommentMode;
  /** Open, update and close a tracking issue when there is no pull request. */
  issue: boolean;
  /** Where the audited repository sits in the workspace (`repo` input), prefixed to annotation paths. */
  pathPrefix: string;
  /** Undefined outside GitHub Actions (no GITHUB_REPOSITORY or commit). */
  context?: GitHubContext;
  log: Log;
}

export interface Publication {
  checkRunId?: number;
  /** Annotations sent per request, e.g. [50, 50, 20]. */
  annotationBatches: number[];
  comment?: CommentOutcome;
  /** The check run's page, when one was created. */
  checkRunUrl?: string;
  /** The sticky comment's address, when one was written. */
  commentUrl?: string;
  issue?: IssueOutcome;
  /** What could not be published (already reported in the one warning). */
  problems: string[];
}

export interface PublishSession {
  /** The state the previous run kept in this pull request's sticky comment, read before the audit (load.ramp compares with it). */
  previousState(): Promise<RunState | undefined>;
  /** Completes the check run and writes the comment and the issue. */
  finish(report: Report): Promise<Publication>;
  /** The audit could not run: closes the check run so it does not stay in progress forever. */
  abort(message: string): Promise<Publication>;
  /** The runner is cancelling the step (`signal`): closes the check run as cancelled. */
  cancel(signal: string): Promise<void>;
}

interface Problem {
  what: string;
  error: unknown;
}

/** The one warning: what failed, and for permission errors why (forks) and what to do instead. */
export function degradationWarning(problems: readonly Problem[], context: Pick<GitHubContext, 'fromFork' | 'byDependabot'> | undefined): string | undefined {
  if (!problems.length) return undefined;
  const list = problems.map((p) => `${p.what} (${describeError(p.error)})`).join('; ');
  const denied = problems.some((p) => isPermissionError(p.error));
  const lines = [`readiness-gate could not publish to GitHub: ${list}. The audit is reported in the job summary, the outputs and this step's result.`];
  if (denied) {
    lines.push(
      context?.fromFork
        ? 'This pull request comes from a fork, and GitHub gives such runs a read-only token.'
        : context?.byDependabot
          ? 'This run was triggered by Dependabot, and GitHub gives such runs a read-only token.'
          : 'The token lacks a permission: give the job `permissions: checks: write` and `pull-requests: write` (and `issues: write` for `issue: true`).',
      'For pull requests from forks use the two-workflow pattern: this workflow uploads the JSON report (output `report-json`) as an artifact, and a workflow triggered by `workflow_run`, holding `checks: write` and `pull-requests: write`, runs readiness-gate with `mode: report` on it. See the README, "Pull requests from forks".',
    );
  }
  return lines.join(' ');
}

/** Where the bodies link: files at the audited commit (under the audited directory), the workflow run. */
export function linksOf(context: GitHubContext | undefined, pathPrefix: string): ReportLinks | undefined {
  if (!context) return undefined;
  return { ...(context.repositoryUrl ? { repositoryUrl: context.repositoryUrl } : {}), sha: context.sha, pathPrefix, ...(context.runUrl ? { runUrl: context.runUrl } : {}) };
}

export async function startPublishing(settings: PublishSettings): Promise<PublishSession> {
  const { context, log } = settings;
  const problems: Problem[] = [];
  const result = (): Publication => ({ annotationBatches: [], problems: problems.map((p) => `${p.what}: ${describeError(p.error)}`) });
  if (!settings.token || !context) {
    log.info(
      !settings.token
        ? 'No github-token: the audit is reported through the job summary and the outputs only.'
        : 'Not running in a GitHub repository (GITHUB_REPOSITORY or the commit is unknown): no check run or comment.',
    );
    const nothing = async () => result();
    return { previousState: async () => undefined, finish: nothing, abort: nothing, cancel: async () => undefined };
  }

  const token = settings.token;
  const client = createClient({ token, baseUrl: context.apiUrl, log });
  const target: CheckRunTarget = { owner: context.owner, repo: context.repo, sha: context.sha, name: settings.checkName, detailsUrl: context.runUrl };
  const fullReportAt = context.runUrl ? `the job summary of [this workflow run](${context.runUrl})` : 'the job summary of this workflow run';
  const links = linksOf(context, settings.pathPrefix);
  let identity: Identity | undefined;
  const who = async () => (identity ??= await identityOf(client, token));
  let pullRequestFound: Promise<number | undefined> | undefined;
  const pullRequestOf = () =>
    (pullRequestFound ??=
      context.pullRequest !== undefined
        ? Promise.resolve(context.pullRequest)
        : findPullRequest(client, context, log).catch((error: unknown) => {
            problems.push({ what: `finding the pull request of ${context.headLabel ?? context.sha.slice(0, 7)}`, error });
            return undefined;
          }));

  let checkRunId: number | undefined;
  let checkRunUrl: string | undefined;
  try {
    ({ id: checkRunId, url: checkRunUrl } = await startCheckRun(client, target));
  } catch (error) {
    problems.push({ what: `creating the check run "${settings.checkName}"`, error });
  }

  const warnOnce = () => {
    const warning = degradationWarning(problems, context);
    if (warning) log.warning(warning);
  };

  return {
    async previousState() {
      if (settings.comment === 'never') return undefined;
      try {
        const number = await pullRequestOf();
        if (number === undefined) return undefined;
        const [comment] = await findStickyComments(client, { owner: context.owner, repo: context.repo, number }, commentMarker(settings.checkName), await who());
        return decodeState(comment?.body);
      } catch (error) {
        // Only the comparison is lost: the comment step later reports any lasting problem.
        log.info(`Could not read the previous run's state from the pull request comment (${describeError(error)}): no capacity comparison.`);
        return undefined;
      }
    },

    async finish(report) {
      const publication = result();
      if (checkRunId !== undefined) {
        publication.checkRunId = checkRunId;
        if (checkRunUrl) publication.checkRunUrl = checkRunUrl;
        const completion = completionOf(report, { fullReportAt, ...(links ? { links } : {}), pathPrefix: settings.pathPrefix });
        try {
          publication.annotationBatches = await completeCheckRun(client, target, checkRunId, completion);
        } catch (error) {
          problems.push({ what: 'sending the annotations', error });
          // Never leave a required check in progress: complete it without the annotations.
          await completeCheckRun(client, target, checkRunId, { ...completion, annotations: [] }).catch((e: unknown) =>
            problems.push({ what: 'completing the check run', error: e }),
          );
        }
      }

      const state = stateOf(report, context.sha);
      const pullRequest = await pullRequestOf();
      if (pullRequest !== undefined && settings.comment !== 'never') {
        try {
          publication.comment = await upsertStickyComment(
            client,
            { owner: context.owner, repo: context.repo, number: pullRequest },
            {
              mode: settings.comment,
              decision: report.decision,
              marker: commentMarker(settings.checkName),
              identity: await who(),
              onUrl: (url) => (publication.commentUrl = url),
              compose: (previous) => commentBody(report, { checkName: settings.checkName, previous, state, fullReportAt, links }).text,
            },
          );
        } catch (error) {
          problems.push({ what: `commenting on pull request #${pullRequest}`, error });
        }
      }

      if (settings.issue && pullRequest === undefined) {
        if (!context.branch) {
          log.info('issue: true needs a branch (schedule, workflow_dispatch or push): no tracking issue for this event.');
        } else {
          const branch = context.branch;
          try {
            const synced = await syncTrackingIssue(
              client,
              { owner: context.owner, repo: context.repo, branch },
              {
                marker: issueMarker(settings.checkName, branch),
                identity: await who(),
                state,
                runUrl: context.runUrl,
                body: () => issueBody(report, { checkName: settings.checkName, branch, state, fullReportAt, links }).text,
              },
            );
            publication.issue = synced.outcome;
            if (synced.number !== undefined) log.info(`Tracking issue #${synced.number}: ${synced.outcome}.`);
          } catch (error) {
            problems.push({ what: `updating the tracking issue for ${branch}`, error });
          }
        }
      }

      warnOnce();
      publication.problems = result().problems;
      return publication;
    },

    async abort(message) {
      if (checkRunId !== undefined) {
        await completeCheckRun(client, target, checkRunId, {
          conclusion: 'failure',
          title: 'The audit could not run',
          summary: `readiness-gate stopped before reaching a decision:\n\n> ${message.replace(/\n/g, '\n> ')}\n`,
          annotations: [],
        }).catch((error: unknown) => problems.push({ what: 'completing the check run', error }));
      }
      warnOnce();
      return { ...result(), ...(checkRunId !== undefined ? { checkRunId } : {}) };
    },

    async cancel(signal) {
      if (checkRunId === undefined) return;
      await completeCheckRun(client, target, checkRunId, {
        conclusion: 'cancelled',
        title: 'The audit was cancelled',
        summary: `The step was cancelled (${signal}: a cancelled workflow run, \`timeout-minutes\`...) before readiness-gate reached a decision.\n`,
        annotations: [],
      });
    },
  };
}

/**
 * The pull request of a `workflow_run` that GitHub did not list (forks): the
 * open pull request from that branch whose head is the audited commit.
 */
async function findPullRequest(client: GitHubClient, context: GitHubContext, log: Log): Promise<number | undefined> {
  if (context.deployment) return pullRequestOfCommit(client, context, log);
  if (!context.headLabel) return undefined;
  const { data } = await client.rest.pulls.list({ owner: context.owner, repo: context.repo, state: 'open', head: context.headLabel, per_page: 100 });
  const number = data.find((pr) => pr.head.sha === context.sha)?.number;
  if (number === undefined) log.info(`No open pull request from ${context.headLabel} has ${context.sha.slice(0, 7)} as its head (closed, or pushed to since): no comment.`);
  return number;
}

/**
 * The pull request a deployed commit belongs to (`deployment_status` carries none): the open one whose head it is,
 * else the first open one that holds it (GitHub lists those whose history contains the commit).
 */
async function pullRequestOfCommit(client: GitHubClient, context: GitHubContext, log: Log): Promise<number | undefined> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner: context.owner, repo: context.repo, commit_sha: context.sha, per_page: 100 });
  const open = data.filter((pr) => pr.state === 'open');
  const number = (open.find((pr) => pr.head.sha === context.sha) ?? open[0])?.number;
  if (number === undefined) log.info(`No open pull request holds the deployed commit ${context.sha.slice(0, 7)}: no comment.`);
  return number;
}
