import { afterEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { reliabilityChecks } from '../../src/checks/reliability/index.js';
import { MALFORMED_JSON } from '../../src/checks/reliability/graceful-errors.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { startApp, startServer, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function api(errorHandler?: express.ErrorRequestHandler): express.Express {
  const app = express();
  app.use(express.json());
  app.post('/api/items', (req, res) => {
    res.status(201).json(req.body);
  });
  if (errorHandler) app.use(errorHandler);
  return app;
}

describe('reliability.graceful-errors against real servers', () => {
  it('passes an API that answers malformed JSON with a JSON 400', async () => {
    server = await startApp(
      api((err: { type?: string }, _req, res, next) => {
        if (err.type === 'entity.parse.failed') {
          res.status(400).type('application/problem+json').json({ title: 'Malformed JSON body', status: 400 });
          return;
        }
        next(err);
      }),
    );
    const result = await runChecks(reliabilityChecks, { target: { url: server.url, json: ['/api/items'] } });
    expect(of(result, 'reliability.graceful-errors').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['pass', 'P2', 'POST /api/items answered 400 with a JSON error (application/problem+json; charset=utf-8) to a malformed JSON body.'],
    ]);
    const sent = server.requests.find((r) => r.url === '/api/items');
    expect(sent).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
  });

  it("fails Express's default HTML error page", async () => {
    server = await startApp(api());
    const result = await runChecks(reliabilityChecks, { target: { url: server.url, json: [{ path: '/api/items', method: 'POST' }] } });
    expect(of(result, 'reliability.graceful-errors').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P2', 'POST /api/items answered 400 to a malformed JSON body, but with an unstructured text/html; charset=utf-8 body instead of a JSON error.'],
    ]);
  });

  it('fails a server that answers 500, and one that accepts the body', async () => {
    server = await startServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/crash') {
          try {
            JSON.parse(body);
          } catch {
            res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal"}');
            return;
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const result = await runChecks(reliabilityChecks, { target: { url: server.url, json: ['/crash', { path: '/lenient', method: 'PUT', severity: 'P1' }] } });
    expect(of(result, 'reliability.graceful-errors').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P1', 'PUT /lenient answered 200 to a malformed JSON body instead of refusing it with 400.'],
      ['fail', 'P2', 'POST /crash answered 500 to a malformed JSON body: a client mistake is reported as a server error.'],
    ]);
    expect(() => JSON.parse(MALFORMED_JSON)).toThrow();
  });

  it('skips without json endpoints', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end());
    const result = await runChecks(reliabilityChecks, { target: server.url });
    expect(of(result, 'reliability.graceful-errors').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'No endpoint is configured under json:, so no malformed body was sent.'],
    ]);
  });
});

describe('reliability.graceful-errors when the body is never read', () => {
  it('skips an endpoint that refuses the request first (401) or does not exist (404)', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/private') return res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
    const result = await runChecks(reliabilityChecks, { target: { url: server.url, json: ['/private', '/missing'] } });
    expect(of(result, 'reliability.graceful-errors').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'POST /missing answered 404: the endpoint does not take this request, so its handling of malformed JSON was not seen; check the path and method under json:.'],
      ['skip', 'POST /private answered 401 before reading the body, so its handling of malformed JSON was not seen; give the target a credential under headers: to test it.'],
    ]);
  });
});
