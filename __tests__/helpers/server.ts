// Real HTTP(S) servers on 127.0.0.1 (ephemeral ports) for live-check tests.

import http from 'node:http';
import https from 'node:https';
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  server: http.Server | https.Server;
  /** Every request the server received: method, path and headers. */
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

type Handler = http.RequestListener;

export async function startServer(handler: Handler, options: { tls?: https.ServerOptions } = {}): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const wrapped: Handler = (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  };
  const server = options.tls ? https.createServer(options.tls, wrapped) : http.createServer(wrapped);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    port,
    server,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Starts an Express (or any request-listener) app on loopback. */
export function startApp(app: Handler): Promise<TestServer> {
  return startServer(app);
}

/**
 * A `start` for test files that open servers inside their tests: every server
 * it starts is closed after each test. Call it at the top level of the file.
 */
export function serversClosedAfterEach(afterEach: (fn: () => Promise<void>) => void): (handler: Handler) => Promise<TestServer> {
  const open: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    open.push(server);
    return server;
  };
}

/** A raw TCP server on 127.0.0.1 running `script` on every connection, for answers node:http will not give. */
export async function startRawTcp(script: (socket: Socket) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    script(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
