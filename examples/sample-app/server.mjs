#!/usr/bin/env node
// A deliberately flawed sample app for the demo and the Action's self-test.
// It is everything a production readiness review should catch: no security
// headers, a version banner, CORS that reflects any origin with credentials,
// a session cookie without flags, a committed .env served over HTTP, a debug
// stack trace on unknown paths, no health endpoint, no rate limit, and a tiny
// worker pool that falls over under concurrent load.
//
// Usage: node examples/sample-app/server.mjs [--port N] [--host 127.0.0.1] [--pool 4]
// (--pool: the worker pool's size; the demo starts the "main branch" app with a larger one, to show the capacity a change lost)
// Prints "listening on http://HOST:PORT/" once ready. Loopback only by default.

import http from 'node:http';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option('port', '0'));
const host = option('host', '127.0.0.1');

// At most this many requests are served at once; the rest wait in line and
// time out, as a single-threaded app with a small DB pool would.
const POOL = Math.max(1, Number(option('pool', '4')) || 4);
const WORK_MS = 40;
const QUEUE_TIMEOUT_MS = 400;
let busy = 0;
const queue = [];

function withWorker(res, fn) {
  const start = () => {
    busy++;
    setTimeout(() => {
      busy--;
      fn();
      const next = queue.shift();
      if (next) next.start();
    }, WORK_MS);
  };
  if (busy < POOL) return start();
  const entry = { start };
  queue.push(entry);
  setTimeout(() => {
    const i = queue.indexOf(entry);
    if (i >= 0) {
      queue.splice(i, 1);
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('Service Unavailable: worker pool exhausted\n');
    }
  }, QUEUE_TIMEOUT_MS);
}

const ENV_FILE = 'DEBUG=true\nDATABASE_URL=postgres://app:app@db:5432/app\nSECRET_KEY=' + 'x'.repeat(8) + '\n';

function stackTrace(path) {
  return `<html><body><h1>Error: Cannot find route ${path.replace(/[<>&]/g, '')}</h1><pre>Error: Cannot find route
    at Router.handle (/srv/app/node_modules/express/lib/router/index.js:284:15)
    at next (/srv/app/node_modules/express/lib/router/route.js:149:13)
    at Object.&lt;anonymous&gt; (/srv/app/server.js:42:7)</pre></body></html>`;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://sample');
  res.setHeader('X-Powered-By', 'Express 4.17.1');
  res.setHeader('Server', 'nginx/1.18.0');
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
    res.writeHead(204);
    return res.end();
  }
  if (req.method === 'TRACE') {
    res.writeHead(200, { 'Content-Type': 'message/http' });
    return res.end(`TRACE ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n`);
  }
  withWorker(res, () => {
    if (url.pathname === '/') {
      res.setHeader('Set-Cookie', 'sessionid=3f9a1c2e7b5d4a6f8e0c1b2a3d4e5f60; Path=/');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><head><title>Sample</title></head><body><h1>Sample shop</h1><script>var cart = [];</script></body></html>');
    }
    if (url.pathname === '/.env') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(ENV_FILE);
    }
    if (url.pathname === '/api/items') {
      if (req.method === 'POST') {
        res.writeHead(500, { 'Content-Type': 'text/html' });
        return res.end(stackTrace(url.pathname));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify([{ id: 1, name: 'Teapot' }]));
    }
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end(stackTrace(url.pathname));
  });
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`listening on http://${shown}:${address.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
