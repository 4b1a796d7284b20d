import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { reachable } from '../../src/checks/http/reachable.js';
import { runAudit } from '../../src/engine/run.js';
import type { LiveCheck, RepoCheck } from '../../src/engine/types.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { configFrom, of, runChecks } from '../helpers/run-checks.js';
import { startServer, type TestServer } from '../helpers/server.js';

const docs = { summary: 'A check used by the engine tests.', why: 'To test the engine.', fix: 'Nothing to fix here.' };

function liveCheck(id: string, run: LiveCheck['run'], extra: Partial<LiveCheck> = {}): LiveCheck {
  return { id, title: id, category: 'security', severity: 'P1', kind: 'live', docs, run, ...extra };
}
function repoCheck(id: string, run: RepoCheck['run'], extra: Partial<RepoCheck> = {}): RepoCheck {
  return { id, title: id, category: 'deployment', severity: 'P1', kind: 'repo', docs, run, ...extra };
}

describe('the runner', () => {
  let server: TestServer;
  let repo: TempRepo;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    repo = makeRepo({ 'Dockerfile': 'FROM node:20\n', 'src/app.js': 'console.log(1)\n', 'worker/Dockerfile': 'FROM node\n' }, { git: true });
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('turns a thrown exception into an error finding and keeps running the others', async () => {
    const result = await runChecks(
      [
        repoCheck('test.throws', () => {
          throw new Error('boom: token=abcdef123456789 at line 3');
        }),
        repoCheck('test.fine', () => [{ status: 'pass', message: 'fine' }]),
      ],
      { repo: repo.root },
    );
    expect(of(result, 'test.throws')).toEqual([
      expect.objectContaining({ status: 'error', message: 'The check failed to run: boom: token=abcd[redacted, 15 chars] at line 3' }),
    ]);
    expect(of(result, 'test.fine')[0]!.status).toBe('pass');
  });

  it('stops a check at its timeout and reports it as an error, and cancels its requests', async () => {
    let aborted = false;
    const started = Date.now();
    const result = await runChecks(
      [
        repoCheck(
          'test.hangs',
          ({ signal }) =>
            new Promise(() => {
              signal.addEventListener('abort', () => (aborted = true));
            }),
        ),
      ],
      { repo: repo.root, config: { timeouts: { 'check-ms': 200 } } },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(aborted).toBe(true);
    expect(of(result, 'test.hangs')).toEqual([
      expect.objectContaining({ status: 'error', message: 'The check did not finish within 200 ms (timeouts.check-ms) and was stopped.' }),
    ]);
  });

  it('stops a check that loops over cached file reads at its timeout (reads yield to timers)', async () => {
    let stoppedAt: number | undefined;
    const started = performance.now();
    const result = await runChecks(
      [
        repoCheck('test.busy', async ({ files, signal }) => {
          // CPU-bound work between reads of texts already in the cache: without a
          // yield to the macrotask queue the deadline timer could never fire.
          // (Bounded at 5 s so that a regression fails the test rather than hangs it.)
          while (!signal.aborted && performance.now() - started < 5000) {
            for (const f of files.files) await files.read(f.path);
            const until = performance.now() + 2;
            while (performance.now() < until);
          }
          stoppedAt = performance.now();
          return [];
        }),
      ],
      { repo: repo.root, config: { timeouts: { 'check-ms': 200 } } },
    );
    expect(performance.now() - started).toBeLessThan(3000);
    // The check itself sees its signal at its next read and ends.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stoppedAt).toBeDefined();
    expect(of(result, 'test.busy')).toEqual([
      expect.objectContaining({ status: 'error', message: 'The check did not finish within 200 ms (timeouts.check-ms) and was stopped.' }),
    ]);
  });

  it('records an empty result as a pass, and applies severity overrides', async () => {
    const result = await runChecks([repoCheck('test.empty', () => [])], { repo: repo.root, config: { severity: { 'test.empty': 'P0' } } });
    expect(of(result, 'test.empty')).toEqual([expect.objectContaining({ status: 'pass', message: 'No problems found.', severity: 'P0' })]);
  });

  it('gives repository checks the shared file set', async () => {
    const result = await runChecks(
      [
        repoCheck('test.files', async ({ files }) =>
          files.match('**/Dockerfile').map((f) => ({ status: 'fail' as const, message: f.path, location: { path: f.path, line: 1 } })),
        ),
      ],
      { repo: repo.root },
    );
    expect(of(result, 'test.files').map((f) => f.location?.path)).toEqual(['Dockerfile', 'worker/Dockerfile']);
    expect(result.repository?.files).toBe(3);
  });

  it('skips every live check but http.reachable when the target does not answer', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const result = await runChecks([reachable, liveCheck('test.headers', () => [{ status: 'fail', message: 'would fail' }])], { target: url });
    expect(of(result, 'http.reachable')).toEqual([expect.objectContaining({ status: 'fail', severity: 'P0', url })]);
    expect(of(result, 'http.reachable')[0]!.message).toMatch(/connection refused/);
    expect(of(result, 'test.headers')).toEqual([expect.objectContaining({ status: 'skip', url })]);
  });

  it('counts every HTTP request, per check, and shares the base exchange', async () => {
    const before = server.requests.length;
    const result = await runChecks(
      [
        reachable,
        liveCheck('test.twice', async ({ http, exchanges }) => {
          await exchanges.base();
          const a = await http.send({ url: exchanges.url('/missing') });
          const b = await http.send({ url: exchanges.url('/other') });
          return [{ status: 'pass', message: `${a.ok && a.response.status} ${b.ok && b.response.status}` }];
        }),
      ],
      { target: server.url },
    );
    expect(of(result, 'test.twice')[0]!.message).toBe('404 200');
    expect(result.requests).toBe(3);
    expect(result.requestsByCheck).toEqual({ collect: 1, 'test.twice': 2 });
    expect(server.requests.length - before).toBe(3);
  });

  it('never exceeds the request budget', async () => {
    const before = server.requests.length;
    const result = await runChecks(
      [
        liveCheck('test.greedy', async ({ http, exchanges }) => {
          const results = await Promise.all(Array.from({ length: 20 }, () => http.send({ url: exchanges.url('/x') })));
          const refused = results.filter((r) => !r.ok && r.error.code === 'budget').length;
          return [{ status: 'pass', message: `refused ${refused}` }];
        }),
      ],
      { target: server.url, config: { http: { 'max-requests': 5 } } },
    );
    expect(of(result, 'test.greedy')[0]!.message).toBe('refused 16');
    expect(result.requests).toBe(5);
    expect(server.requests.length - before).toBe(5);
  });

  it('runs exclusive checks alone, after the others', async () => {
    const order: string[] = [];
    let running = 0;
    let overlap = false;
    const track = (id: string, ms: number) => async () => {
      running++;
      if (id.startsWith('test.burst') && running > 1) overlap = true;
      await new Promise((r) => setTimeout(r, ms));
      order.push(id);
      running--;
      return [];
    };
    await runChecks(
      [
        liveCheck('test.burst-a', track('test.burst-a', 30), { exclusive: true }),
        liveCheck('test.quick', track('test.quick', 60)),
        liveCheck('test.burst-b', track('test.burst-b', 10), { exclusive: true }),
      ],
      { target: server.url },
    );
    expect(order).toEqual(['test.quick', 'test.burst-a', 'test.burst-b']);
    expect(overlap).toBe(false);
  });

  it('applies waivers by check and path, and reports expired ones instead of applying them', async () => {
    const check = repoCheck('test.docker', ({ files }) =>
      files.match('**/Dockerfile').map((f) => ({ status: 'fail' as const, message: 'bad', location: { path: f.path, line: 1 } })),
    );
    const config = configFrom({
      waivers: [
        { check: 'test.docker', path: 'worker/**', reason: 'retired next quarter', expires: '2027-01-31' },
        { check: 'test.docker', path: 'Dockerfile', reason: 'old excuse', expires: '2026-01-01' },
      ],
    });
    const result = await runAudit({ config, checks: [check], targets: [], repoRoot: repo.root, now: new Date('2026-11-23T00:00:00Z') });
    const findings = of(result, 'test.docker');
    expect(findings.find((f) => f.location?.path === 'worker/Dockerfile')?.waived).toEqual({ reason: 'retired next quarter', expires: '2027-01-31' });
    expect(findings.find((f) => f.location?.path === 'Dockerfile')?.waived).toBeUndefined();
    expect(result.expiredWaivers).toEqual([expect.objectContaining({ path: 'Dockerfile', expires: '2026-01-01' })]);
  });
});

describe('URLs in findings', () => {
  it('redact secret-looking query parameters of the target URL', async () => {
    const server = await startServer((_req, res) => res.writeHead(200).end('ok'));
    try {
      const token = 'tok' + '_9f8e7d6c5b4a39281706';
      const url = `${server.url}?access_token=${token}&page=2`;
      const result = await runChecks([reachable], { target: url });
      const finding = of(result, 'http.reachable')[0]!;
      expect(finding.status).toBe('pass');
      expect(finding.url).toBe(`${server.url}?access_token=tok_[redacted, 24 chars]&page=2`);
      expect(result.targets).toEqual([finding.url]);
      expect(JSON.stringify(result)).not.toContain(token);
    } finally {
      await server.close();
    }
  });
});
