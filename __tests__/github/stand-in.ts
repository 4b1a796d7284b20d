// A stand-in for the GitHub REST API on loopback: just enough state (check
// runs, comments, issues, pull requests) for readiness-gate's reporting, every
// request recorded and validated against GitHub's OpenAPI description, plus
// GitHub's documented limits the description does not carry. Faults (403 of a
// fork's read-only token, 502 of a bad gateway) are injected per operation.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer, type TestServer } from '../helpers/server.js';
import { loadOpenApi, type OpenApi } from './openapi.js';

export interface User {
  login: string;
  type: 'User' | 'Bot';
  id: number;
}

export const ACTIONS_BOT: User = { login: 'github-actions[bot]', type: 'Bot', id: 41898282 };
export const SOMEONE: User = { login: 'someone', type: 'User', id: 7 };

export interface ApiRequest {
  /** Arrival order (see tick). */
  seq: number;
  method: string;
  /** e.g. "POST /repos/{owner}/{repo}/check-runs", or the raw path when no operation matched. */
  operation: string;
  url: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  status: number;
  /** Why GitHub would have rejected it; empty for a valid request. */
  problems: string[];
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string };
  annotations: Array<Record<string, unknown>>;
  details_url?: string;
}

export interface Comment {
  id: number;
  body: string;
  user: User;
}

export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  user: User;
  comments: Comment[];
  pull_request?: { url: string };
}

export interface Fault {
  operation: string;
  status: number;
  /** How many times (default: every time). */
  times?: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface PullRequest {
  number: number;
  headSha: string;
  /** `owner:branch` */
  headLabel: string;
}

// Documented by GitHub but not in the OpenAPI description: "Body is too long (maximum is 65536 characters)".
const BODY_LIMIT = 65_536;
// The description says 65535 characters, but GitHub counts UTF-8 bytes: "summary exceeds a maximum bytesize of 65535".
const OUTPUT_BYTES_LIMIT = 65_535;
// An annotation's message and raw_details: "The maximum size is 64 KB."
const ANNOTATION_BYTES_LIMIT = 64 * 1024;

let openApi: OpenApi | undefined;

let clock = 0;
/** One ordering shared by every server of a test process: which request came first, across servers. */
export function tick(): number {
  return ++clock;
}

/** Where GitHub would show the repository's pages (html_url of check runs and comments), as GITHUB_SERVER_URL in action.ts. */
export const HTML_REPO = 'https://github.example.invalid/octo/app';

export class GitHubStandIn {
  readonly requests: ApiRequest[] = [];
  readonly checkRuns: CheckRun[] = [];
  /** Pull requests and issues share numbers, as on GitHub. */
  readonly issues: Issue[] = [];
  readonly pulls: PullRequest[] = [];
  faults: Fault[] = [];
  private nextId = 1000;
  private server?: TestServer;

  /** e.g. `/api/v3`: the REST API root of GitHub Enterprise Server, which every request must go through. */
  constructor(private readonly prefix = '') {}

  get url(): string {
    return this.server!.url.replace(/\/$/, '') + this.prefix;
  }

  async start(): Promise<this> {
    openApi ??= loadOpenApi();
    this.server = await startServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug of the stand-in must fail the test, not hang the Action until a timeout.
        this.requests.at(-1)?.problems.push(`stand-in failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    return this;
  }

  close(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }

  /** Requests GitHub would have rejected (must stay empty). */
  get invalid(): ApiRequest[] {
    return this.requests.filter((r) => r.problems.length > 0);
  }

  to(operation: string): ApiRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  /** A pull request (an issue with `pull_request`), with `count` comments already on it. */
  addPullRequest(number: number, headSha: string, headLabel = `octo:feature-${number}`): Issue {
    this.pulls.push({ number, headSha, headLabel });
    const issue: Issue = { number, id: this.nextId++, title: `PR ${number}`, body: '', state: 'open', user: SOMEONE, comments: [], pull_request: { url: `${this.url}/repos/o/r/pulls/${number}` } };
    this.issues.push(issue);
    return issue;
  }

  addComment(issueNumber: number, body: string, user: User): Comment {
    const comment = { id: this.nextId++, body, user };
    this.issue(issueNumber)!.comments.push(comment);
    return comment;
  }

  issue(number: number): Issue | undefined {
    return this.issues.find((i) => i.number === number);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const record: ApiRequest = { seq: tick(), method, operation: `${method} ${url.pathname}`, url: req.url ?? '', params: {}, query: url.searchParams, body: undefined, status: 0, problems: [] };
    this.requests.push(record);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    if (raw) {
      try {
        record.body = JSON.parse(raw);
      } catch {
        record.problems.push('body is not JSON');
        return send(400, { message: 'Problems parsing JSON' });
      }
    }
    const underPrefix = url.pathname.startsWith(`${this.prefix}/`);
    const match = underPrefix ? openApi!.match(method, url.pathname.slice(this.prefix.length)) : undefined;
    if (!match) {
      record.problems.push('no such operation in the OpenAPI description');
      return send(404, { message: 'Not Found' });
    }
    record.operation = match.operation;
    record.params = match.params;
    record.problems.push(...openApi!.validate(match, url.searchParams, record.body));
    const body = record.body as Record<string, unknown> | undefined;
    if (typeof body?.['body'] === 'string' && (body['body'] as string).length > BODY_LIMIT) record.problems.push(`body.body is longer than ${BODY_LIMIT} characters`);
    const output = body?.['output'] as Record<string, unknown> | undefined;
    for (const field of ['summary', 'text']) {
      const value = output?.[field];
      if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > OUTPUT_BYTES_LIMIT) record.problems.push(`${field} exceeds a maximum bytesize of ${OUTPUT_BYTES_LIMIT}`);
    }
    for (const [i, annotation] of ((output?.['annotations'] as Array<Record<string, unknown>> | undefined) ?? []).entries()) {
      for (const field of ['message', 'raw_details']) {
        const value = annotation[field];
        if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > ANNOTATION_BYTES_LIMIT) record.problems.push(`annotations[${i}].${field} is larger than 64 KB`);
      }
    }
    if (record.problems.length) return send(422, { message: 'Validation Failed', errors: record.problems });
    if (req.headers['authorization'] === undefined) record.problems.push('no Authorization header');

    const fault = this.faults.find((f) => f.operation === match.operation && (f.times === undefined || f.times > 0));
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      return send(fault.status, { message: fault.message ?? 'fault', documentation_url: 'https://docs.github.com/rest' }, fault.headers);
    }
    const user = /^(token|bearer) ghs_/i.test(req.headers['authorization'] ?? '') ? ACTIONS_BOT : SOMEONE;
    this.route(match.operation, match.params, url.searchParams, body ?? {}, user, send);
  }

  private route(
    operation: string,
    params: Record<string, string>,
    query: URLSearchParams,
    body: Record<string, unknown>,
    user: User,
    send: (status: number, data?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const number = Number(params['issue_number']);
    switch (operation) {
      case 'GET /user':
        if (user.type === 'Bot') return send(403, { message: 'Resource not accessible by integration' });
        return send(200, { ...user, node_id: 'U', url: `${this.url}/users/${user.login}` });
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const run: CheckRun = {
          id: this.nextId++,
          name: String(body['name']),
          head_sha: String(body['head_sha']),
          status: String(body['status'] ?? 'queued'),
          conclusion: body['conclusion'] as string | undefined,
          output: body['output'] as CheckRun['output'],
          annotations: [...(((body['output'] as { annotations?: [] } | undefined)?.annotations) ?? [])],
          details_url: body['details_url'] as string | undefined,
        };
        this.checkRuns.push(run);
        return send(201, this.checkRunJson(run));
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.find((r) => r.id === Number(params['check_run_id']));
        if (!run) return send(404, { message: 'Not Found' });
        const output = body['output'] as (CheckRun['output'] & { annotations?: Array<Record<string, unknown>> }) | undefined;
        if (output) {
          const { annotations, ...rest } = output;
          run.output = rest;
          run.annotations.push(...(annotations ?? []));
        }
        if (body['status']) run.status = String(body['status']);
        if (body['conclusion']) {
          run.conclusion = String(body['conclusion']);
          run.status = 'completed';
        }
        return send(200, this.checkRunJson(run));
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const issue = this.issue(number);
        if (!issue) return send(404, { message: 'Not Found' });
        return this.page(issue.comments.map((c) => this.commentJson(c)), query, `/repos/${params['owner']}/${params['repo']}/issues/${number}/comments`, send);
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const issue = this.issue(number);
        if (!issue) return send(404, { message: 'Not Found' });
        return send(201, this.commentJson(this.addComment(number, String(body['body']), user)));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const comment = this.issues.flatMap((i) => i.comments).find((c) => c.id === Number(params['comment_id']));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = String(body['body']);
        return send(200, this.commentJson(comment));
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        for (const issue of this.issues) {
          const at = issue.comments.findIndex((c) => c.id === Number(params['comment_id']));
          if (at >= 0) {
            issue.comments.splice(at, 1);
            return send(204);
          }
        }
        return send(404, { message: 'Not Found' });
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        const state = query.get('state') ?? 'open';
        const list = this.issues.filter((i) => state === 'all' || i.state === state).map((i) => this.issueJson(i));
        return this.page(list, query, `/repos/${params['owner']}/${params['repo']}/issues`, send);
      }
      case 'POST /repos/{owner}/{repo}/issues': {
        const issue: Issue = {
          number: Math.max(0, ...this.issues.map((i) => i.number)) + 1,
          id: this.nextId++,
          title: String(body['title']),
          body: String(body['body'] ?? ''),
          state: 'open',
          user,
          comments: [],
        };
        this.issues.push(issue);
        return send(201, this.issueJson(issue));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}': {
        const issue = this.issue(number);
        if (!issue) return send(404, { message: 'Not Found' });
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
        if (body['state_reason'] !== undefined) issue.state_reason = body['state_reason'] as string | null;
        return send(200, this.issueJson(issue));
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        const head = query.get('head');
        const list = this.pulls
          .filter((p) => !head || p.headLabel === head)
          .map((p) => ({ number: p.number, state: 'open', head: { sha: p.headSha, label: p.headLabel, ref: p.headLabel.split(':')[1] } }));
        return send(200, list);
      }
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': {
        // The pull requests whose head (or history) holds the commit: here, those whose head it is.
        const list = this.pulls
          .filter((p) => p.headSha === params['commit_sha'])
          .map((p) => ({ number: p.number, state: 'open', head: { sha: p.headSha, label: p.headLabel, ref: p.headLabel.split(':')[1] } }));
        return this.page(list, query, `/repos/${params['owner']}/${params['repo']}/commits/${params['commit_sha']}/pulls`, send);
      }
      default:
        return send(501, { message: `the stand-in does not implement ${operation}` });
    }
  }

  /** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and a Link header. */
  private page(items: unknown[], query: URLSearchParams, path: string, send: (status: number, data?: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
    const page = Number(query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set('page', String(p));
      return `<${this.url}${path}?${q}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  private checkRunJson(run: CheckRun): unknown {
    return { id: run.id, html_url: `${HTML_REPO}/runs/${run.id}`, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion ?? null, output: { ...run.output, annotations_count: run.annotations.length } };
  }

  private commentJson(comment: Comment): unknown {
    const issue = this.issues.find((i) => i.comments.includes(comment));
    const page = issue?.pull_request ? 'pull' : 'issues';
    return { id: comment.id, html_url: `${HTML_REPO}/${page}/${issue?.number ?? 0}#issuecomment-${comment.id}`, body: comment.body, user: comment.user, created_at: '2026-01-01T00:00:00Z' };
  }

  private issueJson(issue: Issue): unknown {
    return {
      id: issue.id,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason ?? null,
      user: issue.user,
      ...(issue.pull_request ? { pull_request: issue.pull_request } : {}),
    };
  }
}
