// The stand-in must reject what GitHub rejects, or the end-to-end tests prove
// nothing: payloads GitHub's OpenAPI description forbids are answered 422 and
// recorded as invalid.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubStandIn } from './stand-in.js';

let api: GitHubStandIn;
beforeAll(async () => {
  api = await new GitHubStandIn().start();
  api.addPullRequest(5, 'a'.repeat(40));
});
afterAll(() => api.close());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; problems: string[] }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: 'token ghs_x', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.text();
  return { status: res.status, problems: api.requests.at(-1)!.problems };
}

const annotation = (i: number) => ({ path: 'a.ts', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', message: 'm' });

describe('the stand-in GitHub API', () => {
  it('accepts a valid check run and a valid update', async () => {
    expect(await call('POST', '/repos/o/r/check-runs', { name: 'x', head_sha: 'a'.repeat(40), status: 'in_progress' })).toEqual({ status: 201, problems: [] });
    const id = api.checkRuns[0]!.id;
    const update = { output: { title: 't', summary: 's', annotations: [annotation(0)] }, conclusion: 'failure' };
    expect(await call('PATCH', `/repos/o/r/check-runs/${id}`, update)).toEqual({ status: 200, problems: [] });
  });

  it.each([
    ['a check run without head_sha', 'POST', '/repos/o/r/check-runs', { name: 'x' }, /must have required property 'head_sha'/],
    ['an unknown conclusion', 'POST', '/repos/o/r/check-runs', { name: 'x', head_sha: 'a', conclusion: 'great' }, /conclusion must be equal to one of the allowed values/],
    ['51 annotations in one request', 'PATCH', '/repos/o/r/check-runs/1', { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) } }, /annotations must NOT have more than 50 items/],
    ['a summary over 65,535 characters', 'PATCH', '/repos/o/r/check-runs/1', { output: { title: 't', summary: 'x'.repeat(65_536) } }, /summary must NOT have more than 65535 characters/],
    ['a summary of 30,000 characters but 90,000 bytes', 'PATCH', '/repos/o/r/check-runs/1', { output: { title: 't', summary: '界'.repeat(30_000) } }, /summary exceeds a maximum bytesize of 65535/],
    ['an annotation message over 64 KB', 'PATCH', '/repos/o/r/check-runs/1', { output: { title: 't', summary: 's', annotations: [{ ...annotation(0), message: '界'.repeat(30_000) }] } }, /annotations\[0\]\.message is larger than 64 KB/],
    ['an annotation without a level', 'PATCH', '/repos/o/r/check-runs/1', { output: { title: 't', summary: 's', annotations: [{ path: 'a', start_line: 1, end_line: 1, message: 'm' }] } }, /annotation_level/],
    ['a comment over 65,536 characters', 'POST', '/repos/o/r/issues/5/comments', { body: 'x'.repeat(65_537) }, /longer than 65536/],
    ['a per_page that is not a number', 'GET', '/repos/o/r/issues/5/comments?per_page=all', undefined, /query per_page=all: data must be integer/],
    ['an unknown query parameter', 'GET', '/repos/o/r/issues?colour=red', undefined, /unknown query parameter colour/],
    ['a wrong issue state', 'PATCH', '/repos/o/r/issues/5', { state: 'done' }, /state must be equal to one of the allowed values/],
  ])('rejects %s', async (_name, method, path, body, problem) => {
    const { status, problems } = await call(method, path, body);
    expect(status).toBe(422);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('answers 404 to a route GitHub does not have', async () => {
    expect(await call('POST', '/repos/o/r/check-run', { name: 'x' })).toEqual({ status: 404, problems: ['no such operation in the OpenAPI description'] });
  });
});
