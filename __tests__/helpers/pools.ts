// Servers of known capacity for the load ramp's tests: a pool of K workers
// with a fixed service time S holds K concurrent clients at about S and queues
// the rest (Little's law: latency = S x clients / K beyond K).

import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';

/** K workers (a number, or read at each request), `serviceMs` each; requests beyond K wait in a queue, first come first served. */
export function workerPool(workers: number | (() => number), serviceMs: number) {
  const limit = typeof workers === 'number' ? () => workers : workers;
  let busy = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy--;
  };
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const serve = () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        release();
      }, serviceMs);
    if (busy < limit()) {
      busy++;
      serve();
    } else queue.push(serve);
  };
}

// The same pool in a thread of its own: its timers and sockets do not wait behind the load generator's work on the
// test's event loop (at 128 clients, 128 responses arrive at once and each burst delays the next).
const POOL_THREAD = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
let busy = 0;
const queue = [];
const server = http.createServer((_req, res) => {
  const serve = () => setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    const next = queue.shift();
    if (next) next(); else busy--;
  }, workerData.serviceMs);
  if (busy < workerData.workers) { busy++; serve(); } else queue.push(serve);
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

export async function startPoolThread(workers: number, serviceMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const thread = new Worker(POOL_THREAD, { eval: true, workerData: { workers, serviceMs } });
  const [port] = (await once(thread, 'message')) as [number];
  return { url: `http://127.0.0.1:${port}/`, close: async () => void (await thread.terminate()) };
}
