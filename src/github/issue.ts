// The tracking issue of scheduled audits: opened when the audit of a branch is
// NO-GO, commented once per change (not once per night) while it stays NO-GO,
// closed with a final comment when it turns GO. Found again by its hidden
// marker among the open issues, like the pull-request comment.

import {
  changesBetween,
  decodeState,
  hasChanged,
  issueChangeComment,
  issueClosingComment,
  issueTitle,
  type RunState,
} from './bodies.js';
import type { GitHubClient } from './client.js';
import { isOurs, type AuthoredBody, type Identity } from './comment.js';

export type IssueOutcome = 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';

export interface IssueTarget {
  owner: string;
  repo: string;
  branch: string;
}

export interface IssueOptions {
  marker: string;
  identity: Identity;
  state: RunState;
  runUrl?: string;
  /** The issue body for the current report (marker and state included). */
  body: () => string;
}

async function findTrackingIssue(client: GitHubClient, target: IssueTarget, options: IssueOptions): Promise<(AuthoredBody & { number: number }) | undefined> {
  const issues = await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    per_page: 100,
  });
  // The issues endpoint lists pull requests too; they are never ours.
  return issues.filter((i) => !i.pull_request && isOurs(i, options.marker, options.identity)).sort((a, b) => a.number - b.number)[0];
}

export async function syncTrackingIssue(client: GitHubClient, target: IssueTarget, options: IssueOptions): Promise<{ outcome: IssueOutcome; number?: number }> {
  const open = await findTrackingIssue(client, target, options);
  const { owner, repo } = target;

  if (options.state.decision === 'GO') {
    if (!open) return { outcome: 'none' };
    const previous = decodeState(open.body);
    await client.rest.issues.createComment({ owner, repo, issue_number: open.number, body: issueClosingComment(previous, options.state, options.runUrl) });
    await client.rest.issues.update({ owner, repo, issue_number: open.number, body: options.body(), state: 'closed', state_reason: 'completed' });
    return { outcome: 'closed', number: open.number };
  }

  if (!open) {
    const { data } = await client.rest.issues.create({ owner, repo, title: issueTitle(target.branch), body: options.body() });
    return { outcome: 'opened', number: data.number };
  }

  const previous = decodeState(open.body);
  if (previous && !hasChanged(changesBetween(previous, options.state))) return { outcome: 'unchanged', number: open.number };
  await client.rest.issues.update({ owner, repo, issue_number: open.number, body: options.body() });
  await client.rest.issues.createComment({ owner, repo, issue_number: open.number, body: issueChangeComment(previous, options.state, options.runUrl) });
  return { outcome: 'updated', number: open.number };
}
