// Issue 26: a JSON document that carries only a version (`GET /api` answering
// `{"version": "7.0.6"}`, as Jupyter's does) is version disclosure, judged with
// the headers (one finding per version, wherever it shows), and it is never
// the target of the rate-limit burst: the burst goes to a real endpoint the
// page names, or says it found none.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { apiRoots, documentVersion } from '../../src/checks/disclosure/server-banner.js';
import type { HttpResponse } from '../../src/http/client.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);
const byId = (...ids: string[]) => ALL_CHECKS.filter((c) => ids.includes(c.id));
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/** A Jupyter-like notebook server: its page names its API, `GET /api` gives only the version, /api/contents is the real API. */
const JUPYTER_PAGE = '<!doctype html><title>Home</title><script id="jupyter-config-data" type="application/json">{"baseUrl": "/"}</script>';
function jupyter(extraHeaders: Record<string, string> = {}) {
  return (req: { url?: string }, res: ServerResponse): void => {
    for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(JUPYTER_PAGE);
    if (req.url === '/api') return json(res, 200, { version: '7.0.6' });
    if (req.url === '/api/contents') return json(res, 200, { name: '', path: '', type: 'directory', content: [] });
    json(res, 404, { message: 'Not Found' });
  };
}

describe('version-only JSON documents', () => {
  it('GET /api answering {"version": "7.0.6"} on a target whose page names /api/... endpoints is a version disclosure (P2)', async () => {
    const server = await start(jupyter());
    const result = await runChecks(byId('disclosure.server-banner'), { target: server.url });
    expect(of(result, 'disclosure.server-banner').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P2', 'GET /api answers a JSON document giving only the version 7.0.6 ({"version":"7.0.6"}).'],
    ]);
    // Base page, the not-found probe, and the one API root: nothing else.
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/', '/api', '/readiness-gate-probe-7f3c9e1d/does-not-exist']);
  });

  it('the same version in a header and in the document is one finding naming both; another version is another finding', async () => {
    const server = await start(jupyter({ 'x-jupyter-version': '7.0.6', server: 'TornadoServer/6.4' }));
    const result = await runChecks(byId('disclosure.server-banner'), { target: server.url });
    expect(of(result, 'disclosure.server-banner').map((f) => f.message)).toEqual([
      'x-jupyter-version: 7.0.6 gives the version 7.0.6; the same version: GET /api answers a JSON document giving only the version 7.0.6 ({"version":"7.0.6"}).',
      'server: TornadoServer/6.4 gives the version TornadoServer/6.4.',
    ]);
  });

  it('a document with more than version facts, or a non-2xx answer, is not a version document', () => {
    const response = (status: number, body: unknown): HttpResponse => ({ status, body: JSON.stringify(body), url: 'http://127.0.0.1/api' }) as HttpResponse;
    expect(documentVersion(response(200, { version: '1.19.2' }))).toEqual({ version: '1.19.2', document: '{"version":"1.19.2"}' });
    expect(documentVersion(response(200, { name: 'registry', version: 'v2.3' }))?.version).toBe('v2.3');
    expect(documentVersion(response(200, { version: '1.19.2', users: [] }))).toBeUndefined();
    expect(documentVersion(response(404, { version: '1.19.2' }))).toBeUndefined();
    expect(documentVersion(response(200, { version: 'latest' }))).toBeUndefined();
    expect(apiRoots(['/api/contents', '/api/kernels', '/flows', '/rest/system/status', '/x/y'])).toEqual(['/api', '/rest']);
  });
});

describe('the rate-limit burst never goes to a version document', () => {
  it('skips GET /api (version only) and bursts the API endpoint the recognised product names', async () => {
    const server = await start(jupyter());
    const result = await runChecks(byId('ratelimit.enforced'), { target: server.url, config: { ratelimit: { burst: 5, concurrency: 1 } } });
    const [finding] = of(result, 'ratelimit.enforced');
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toMatch(/^No rate limit on GET \/api\/contents \(found in Jupyter's API\): 5 requests sent/);
    expect(server.requests.filter((r) => r.url === '/api')).toHaveLength(1);
  });

  it('does not burst a discovered endpoint that refuses anonymous callers (403): it says it found none', async () => {
    const server = await start((req, res) => (req.url === '/api/contents' ? json(res, 403, { message: 'Forbidden' }) : jupyter()(req, res)));
    const result = await runChecks(byId('ratelimit.enforced'), { target: server.url });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      ['skip', expect.stringContaining('none of /api, /api/v1, /api/v2, /v1, /graphql, /api/contents, /api/kernels answered as an API')],
    ]);
    expect(server.requests.filter((r) => r.url === '/api/contents')).toHaveLength(1);
  });

  it('says it found none when the only API-looking answer is the version document', async () => {
    const server = await start((req, res) => (req.url === '/' ? void res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>app</h1>') : req.url === '/api' ? json(res, 200, { version: '1.19.2' }) : json(res, 404, {})));
    const result = await runChecks(byId('ratelimit.enforced'), { target: server.url });
    expect(of(result, 'ratelimit.enforced').map((f) => [f.status, f.message])).toEqual([
      ['skip', expect.stringContaining('none of /api, /api/v1, /api/v2, /v1, /graphql answered as an API (a document giving only a version is not one)')],
    ]);
    expect(server.requests.filter((r) => r.url === '/api')).toHaveLength(1);
  });
});
