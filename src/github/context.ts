// Where the run happens, read from the variables and event payload the Actions
// runner provides. Pure: environment and payload in, context out, so every
// event shape can be tested without a runner.
//
// The SHA matters: on `pull_request` GITHUB_SHA is the merge commit GitHub
// made for the run, but check runs and branch protection look at the pull
// request's head commit, so that is the one we report on.

export interface GitHubContext {
  owner: string;
  repo: string;
  eventName: string;
  /** Commit the check run is attached to. */
  sha: string;
  /** Branch name (without refs/heads/) when the run is for a branch. */
  branch?: string;
  /** Pull request number when the run is for one. */
  pullRequest?: number;
  /** True when the pull request comes from another repository (its token is read-only). */
  fromFork: boolean;
  /** Set when Dependabot triggered the run: its token is read-only too, whatever `permissions:` grants. */
  byDependabot?: true;
  /**
   * `owner:branch` of the pull request behind a `workflow_run`, when GitHub
   * did not list the pull request itself (it never does for forks): used to
   * look it up, and trusted because it comes from GitHub, not from an artifact.
   */
  headLabel?: string;
  apiUrl: string;
  /** Link to this workflow run, whose page holds the job summary. */
  runUrl?: string;
  /** `https://github.com/owner/repo`: where reports link files at the audited commit. */
  repositoryUrl?: string;
  /**
   * A `deployment_status` run (preview deployments): the deployment's state and the URL it serves. The run has no
   * pull request in its payload: the one to comment on is looked up from the deployed commit.
   */
  deployment?: { state: string; environmentUrl?: string; environment?: string };
}

type Env = Readonly<Record<string, string | undefined>>;

interface PullRequestPayload {
  number?: number;
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

interface EventPayload {
  pull_request?: PullRequestPayload;
  repository?: { full_name?: string };
  workflow_run?: {
    event?: string;
    head_sha?: string;
    head_repository?: { owner?: { login?: string } } | null;
    head_branch?: string | null;
    pull_requests?: Array<{ number?: number }>;
  };
  deployment?: { sha?: string; ref?: string; environment?: string };
  deployment_status?: { state?: string; environment_url?: string };
}

/** Reads the context from the environment and the (already parsed) event payload; undefined outside a repository. */
export function githubContext(env: Env, payload: unknown): GitHubContext | undefined {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (!owner || !repo) return undefined;
  const event = (payload && typeof payload === 'object' ? payload : {}) as EventPayload;
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  const apiUrl = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
  const server = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
  const runUrl = env['GITHUB_RUN_ID'] ? `${server}/${owner}/${repo}/actions/runs/${env['GITHUB_RUN_ID']}` : undefined;
  const base = { owner, repo, eventName, apiUrl, runUrl, repositoryUrl: `${server}/${owner}/${repo}`, ...(env['GITHUB_ACTOR'] === 'dependabot[bot]' ? { byDependabot: true as const } : {}) };

  const pr = event.pull_request;
  if (pr && typeof pr.number === 'number' && pr.head?.sha) {
    const headRepo = pr.head.repo?.full_name;
    const baseRepo = pr.base?.repo?.full_name ?? event.repository?.full_name ?? `${owner}/${repo}`;
    return {
      ...base,
      sha: pr.head.sha,
      branch: pr.head.ref,
      pullRequest: pr.number,
      // A deleted fork has no head repository: treat it as a fork too.
      fromFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    };
  }

  const deployment = event.deployment;
  if (eventName === 'deployment_status' && deployment?.sha) {
    // GITHUB_SHA is the deployment's commit too, but the payload says it first; `ref` is a branch, a tag or a SHA.
    const ref = deployment.ref ?? '';
    const branch = /^[0-9a-f]{40}$/.test(ref) || ref.startsWith('refs/tags/') ? undefined : ref.replace(/^refs\/heads\//, '') || undefined;
    const status = event.deployment_status;
    return {
      ...base,
      sha: deployment.sha,
      branch,
      pullRequest: undefined,
      fromFork: false,
      deployment: {
        state: status?.state ?? 'unknown',
        ...(status?.environment_url ? { environmentUrl: status.environment_url } : {}),
        ...(deployment.environment ? { environment: deployment.environment } : {}),
      },
    };
  }

  const workflowRun = event.workflow_run;
  if (eventName === 'workflow_run' && workflowRun?.head_sha) {
    // GITHUB_SHA is the default branch here; the run that produced the report is the one to annotate.
    const number = workflowRun.pull_requests?.[0]?.number;
    const headOwner = workflowRun.head_repository?.owner?.login;
    const fromPullRequest = workflowRun.event === 'pull_request' || workflowRun.event === 'pull_request_target';
    return {
      ...base,
      sha: workflowRun.head_sha,
      branch: workflowRun.head_branch ?? undefined,
      pullRequest: typeof number === 'number' ? number : undefined,
      fromFork: false,
      ...(typeof number !== 'number' && fromPullRequest && headOwner && workflowRun.head_branch
        ? { headLabel: `${headOwner}:${workflowRun.head_branch}` }
        : {}),
    };
  }

  const sha = env['GITHUB_SHA'];
  if (!sha) return undefined;
  const ref = env['GITHUB_REF'] ?? '';
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : env['GITHUB_REF_TYPE'] === 'branch' ? env['GITHUB_REF_NAME'] : undefined;
  return { ...base, sha, branch: branch || undefined, fromFork: false };
}
