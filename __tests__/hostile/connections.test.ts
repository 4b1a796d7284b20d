// Self-inflicted failures: the audit must not flood one origin with
// connections (a small server drops SYNs or queues requests), and health
// latency must be measured on an idle target, not behind the audit's own
// probes. Issue 13, item 9.
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { CONNECTIONS_PER_ORIGIN } from '../../src/http/client.js';
import { of, runChecks } from '../helpers/run-checks.js';

/**
 * A single-threaded server (like Django's runserver or one gunicorn sync
 * worker) with a tiny listen backlog: requests are served one after another,
 * 25 ms each, so every request queued in front of /health adds to its latency.
 */
async function serialServer(): Promise<{ url: string; maxOpen: () => number; close: () => Promise<void> }> {
  let open = 0;
  let maxOpen = 0;
  let queue = Promise.resolve();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    queue = queue.then(
      () =>
        new Promise<void>((done) =>
          setTimeout(() => {
            const path = (req.url ?? '/').split('?')[0];
            if (path === '/health') {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end('{"status":"ok"}');
            } else {
              res.writeHead(path === '/' ? 200 : 404, { 'content-type': 'text/html' });
              res.end('<!doctype html><title>app</title>');
            }
            done();
          }, 25),
        ),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    open++;
    maxOpen = Math.max(maxOpen, open);
    socket.on('close', () => {
      open--;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4 }, resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    maxOpen: () => maxOpen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('connections per origin and quiet latency', () => {
  it(`opens at most ${CONNECTIONS_PER_ORIGIN} connections to the target, and judges /health on an idle connection`, async () => {
    const server = await serialServer();
    closers.push(server.close);
    const live = ALL_CHECKS.filter((c) => c.kind === 'live' && !c.exclusive);
    const result = await runChecks(live, {
      target: server.url,
      config: { health: { 'latency-ms': 300 }, http: { 'timeout-ms': 20000 }, timeouts: { 'check-ms': 60000 } },
    });
    expect(server.maxOpen()).toBeLessThanOrEqual(CONNECTIONS_PER_ORIGIN);
    const health = of(result, 'health.endpoint');
    expect(health.map((f) => f.status)).toEqual(['pass']);
    expect(health[0]!.message).toMatch(/^Health endpoint GET \/health \(found among \d+ common paths\) answered 200 \(status: "ok"\) in \d+ ms\.$/);
  }, 120_000);
});
