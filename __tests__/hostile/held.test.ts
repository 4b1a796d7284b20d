// What already held against the outside attack suite (issue 13), at the level
// of the HTTP client and the file walker: slow and huge headers, a gzip bomb,
// a connection reset, symlink loops, a corrupt .git. The same cases, and the
// rest of the list (a hanging server, endless bodies, a brotli bomb, redirect
// loops and chains, bad certificates, `Retry-After: 999999`, 100,000 files),
// run through the whole audit, timed against timeouts.audit-ms, in
// targets.test.ts and repositories.test.ts. Each case is bounded in time.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HttpClient } from '../../src/http/client.js';
import { loadFileSet } from '../../src/repo/fileset.js';
import { makeRepo } from '../helpers/repo.js';
import { serversClosedAfterEach, startRawTcp } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
const client = () => {
  const c = HttpClient.create({ connectTimeoutMs: 1000, timeoutMs: 1500, maxBodyBytes: 256 * 1024, maxRequests: 100, maxRedirects: 10 });
  clients.push(c);
  return c;
};

describe('hostile HTTP answers', () => {
  it('headers trickled a byte at a time end at the request timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = await startRawTcp((socket) => {
      const text = 'HTTP/1.1 200 OK\r\nX-Slow: ' + 'a'.repeat(1000);
      let i = 0;
      const tick = (): void => {
        if (socket.destroyed || i >= text.length) return;
        socket.write(text[i++]!);
        timers.push(setTimeout(tick, 100));
      };
      tick();
    });
    try {
      const started = performance.now();
      const result = await client().send({ url: server.url });
      expect(result.ok ? 'ok' : result.error.code).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(4000);
    } finally {
      timers.forEach(clearTimeout);
      await server.close();
    }
  });

  it('10 MB of headers is refused, not buffered', async () => {
    const server = await startRawTcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const line = `X-Big: ${'b'.repeat(64 * 1024)}\r\n`;
      for (let i = 0; i < 160 && !socket.destroyed; i++) socket.write(line);
    });
    try {
      const result = await client().send({ url: server.url });
      expect(result.ok).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('a gzip bomb is read as capped compressed bytes, never inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~64 KiB compressed
    const server = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const result = await client().send({ url: server.url });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.response.bodyBytes).toBeLessThanOrEqual(256 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('a connection reset before any answer is a reset, not a crash', async () => {
    const server = await startRawTcp((socket) => socket.resetAndDestroy());
    try {
      const result = await client().send({ url: server.url });
      expect(result.ok ? 'ok' : result.error.code).toBe('reset');
    } finally {
      await server.close();
    }
  });
});

describe('hostile repositories', () => {
  it('a symlink loop between directories and a link out of the repository are walked past, with reasons', async () => {
    const repo = makeRepo({ 'package.json': '{}\n', 'a/file.txt': 'x\n' });
    try {
      mkdirSync(join(repo.root, 'b'));
      symlinkSync('../c', join(repo.root, 'b', 'c'));
      symlinkSync('b', join(repo.root, 'c'));
      symlinkSync('/etc', join(repo.root, 'etc-link'));
      const started = performance.now();
      const files = await loadFileSet(repo.root, { maxFileBytes: 1024 * 1024 });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(files.files.map((f) => f.path)).toEqual(['a/file.txt', 'package.json']);
      expect(files.skipped.map((s) => s.path)).toContain('etc-link');
    } finally {
      repo.cleanup();
    }
  });

  it('a corrupt .git falls back to a plain walk', async () => {
    const repo = makeRepo({ 'package.json': '{}\n', 'src/app.js': 'x\n' }, { git: true });
    try {
      writeFileSync(join(repo.root, '.git', 'HEAD'), 'garbage\n');
      writeFileSync(join(repo.root, '.git', 'index'), 'not an index');
      const files = await loadFileSet(repo.root, { maxFileBytes: 1024 * 1024 });
      expect(files.isGitRepository).toBe(false);
      expect(files.files.map((f) => f.path)).toEqual(['package.json', 'src/app.js']);
    } finally {
      repo.cleanup();
    }
  });
});
