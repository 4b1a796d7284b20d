// The one GitHub API client: Octokit as @actions/github configures it (proxy
// settings of the runner, GITHUB_API_URL for GitHub Enterprise Server), with
// retries of 5xx and network errors and the throttling GitHub asks for
// (one second between writes, back off on primary and secondary rate limits).

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** REST API root, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  baseUrl: string;
  log: { warning(message: string): void; info(message: string): void };
}

// Rate-limit waits longer than this would hold the job for nothing: give up and degrade.
const MAX_RATE_LIMIT_WAIT_S = 60;
const MAX_RATE_LIMIT_RETRIES = 2;
// Octokit waits for an answer forever; a hung API must not hold a required check (and the job) hostage.
// The cap covers one call with its retries.
const CALL_TIMEOUT_MS = 120_000;

export function createClient(options: ClientOptions): GitHubClient {
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      // 5xx and network failures: 3 retries after 1 s, 4 s and 9 s (the plugin's quadratic back-off).
      retry: { retries: 3 },
      throttle: {
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_S) return false;
          options.log.info(`GitHub rate limit reached on ${request.method} ${request.url}: retrying in ${retryAfter} s`);
          return true;
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_S) return false;
          options.log.info(`GitHub secondary rate limit on ${request.method} ${request.url}: retrying in ${retryAfter} s`);
          return true;
        },
      },
    },
    retry,
    throttling,
  );
  // Registered after the plugins, so it wraps them: one deadline for a call and its retries.
  client.hook.wrap('request', (request, requestOptions) =>
    request({ ...requestOptions, request: { ...requestOptions.request, signal: requestOptions.request?.signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS) } }),
  );
  return client;
}

/** The HTTP status of an Octokit request error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** 403 "Resource not accessible by integration" (fork, missing `permissions:`) and 404 (no access to the repository). */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403 || status === 404;
}

export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return status ? `${status} ${message.replace(/ - https:\/\/docs\.github\.com\S*/, '')}` : message;
}
