// The sticky pull-request comment: one per pull request and check name, found
// again by its hidden marker among the pull request's comments (all pages),
// written by the same token's user, updated in place, never duplicated.

import { decodeState, type RunState } from './bodies.js';
import type { GitHubClient } from './client.js';

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/**
 * Who the token writes as. A user token (PAT) has a login we can compare with;
 * an installation token (GITHUB_TOKEN, `ghs_…`) cannot read /user, and writes
 * as a bot, so then any bot author is accepted (a person cannot be a bot, and a
 * comment someone pasted the marker into is never taken over).
 */
export interface Identity {
  login?: string;
}

export async function identityOf(client: GitHubClient, token: string): Promise<Identity> {
  if (token.startsWith('ghs_')) return {};
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login };
  } catch (err) {
    // Only "an installation token cannot read /user" (403/404) means the token writes as a bot.
    // Any other failure leaves the author unknown: guessing would miss this token's own
    // comment and create a second one, so the comment step fails (and warns) instead.
    const status = (err as { status?: number }).status;
    if (status === 403 || status === 404) return {};
    throw err;
  }
}

export interface AuthoredBody {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

export function isOurs(item: AuthoredBody, marker: string, identity: Identity): boolean {
  if (!item.body?.includes(marker)) return false;
  return identity.login ? item.user?.login === identity.login : item.user?.type === 'Bot';
}

export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
}

/** Our comments with this marker, oldest first (comments can run to hundreds: every page is read). */
export async function findStickyComments(client: GitHubClient, target: PullRequestTarget, marker: string, identity: Identity): Promise<AuthoredBody[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    per_page: 100,
  });
  return comments.filter((c) => isOurs(c, marker, identity)).sort((a, b) => a.id - b.id);
}

export type CommentOutcome = 'created' | 'updated' | 'skipped';

export interface StickyOptions {
  mode: CommentMode;
  decision: 'GO' | 'NO-GO';
  marker: string;
  identity: Identity;
  /** Builds the body from the state embedded in the previous comment, if any. */
  compose: (previous: RunState | undefined) => string;
  /** Told the address of the comment written (for the `comment-url` output). */
  onUrl?: (url: string) => void;
}

export async function upsertStickyComment(client: GitHubClient, target: PullRequestTarget, options: StickyOptions): Promise<CommentOutcome> {
  if (options.mode === 'never') return 'skipped';
  const find = () => findStickyComments(client, target, options.marker, options.identity);
  const update = async (comment: AuthoredBody, body: string) => {
    const { data } = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: comment.id, body });
    if (data?.html_url) options.onUrl?.(data.html_url);
    return 'updated' as const;
  };

  const existing = (await find())[0];
  if (existing) return update(existing, options.compose(decodeState(existing.body)));
  // on-failure: a GO never opens a comment, it only updates one left by an earlier NO-GO.
  if (options.mode === 'on-failure' && options.decision === 'GO') return 'skipped';

  // A concurrent run of the same workflow may have commented meanwhile: look again right before creating.
  const again = (await find())[0];
  if (again) return update(again, options.compose(decodeState(again.body)));
  const body = options.compose(undefined);
  const { data: created } = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.number, body });
  if (created.html_url) options.onUrl?.(created.html_url);

  // Two runs that both looked before either created end up with two comments: the oldest wins,
  // the newer one is folded into it and deleted, so every race settles on one comment.
  const ours = await find();
  const oldest = ours[0];
  if (oldest && oldest.id !== created.id) {
    await update(oldest, body);
    await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: created.id });
    return 'updated';
  }
  return 'created';
}
