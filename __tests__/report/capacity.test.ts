// The ramp's verdicts (pure, on captured samples), its picture in every report
// format, and the two ways a run hands its capacity to the next one: the JSON
// report (--previous) and the sticky comment's hidden state, end to end
// against real loopback servers.

import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, readPreviousCapacity } from '../../src/audit.js';
import { compareCapacity, judgeSoak, judgeStage, kneeOf, nextStageWanted } from '../../src/checks/load/knee.js';
import { findingsForRamp } from '../../src/checks/load/ramp.js';
import type { Capacity } from '../../src/core/capacity.js';
import { UsageError } from '../../src/core/errors.js';
import { commentBody, decodeState, encodeState, previousCapacityOfState, renderedHeight, stateOf } from '../../src/github/bodies.js';
import { parseReport } from '../../src/github/report-file.js';
import type { LoadRun, LoadSample } from '../../src/http/load.js';
import { capacityChart, capacityTable } from '../../src/report/capacity.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import { finding, reportOf } from '../github/reports.js';
import { makeRepo } from '../helpers/repo.js';
import { workerPool } from '../helpers/pools.js';
import { serversClosedAfterEach } from '../helpers/server.js';

const start = serversClosedAfterEach(afterEach);

const objective = { p95Ms: 100, maxErrorRate: 0.01 };

/** A captured run: `n` answers of `ms` each (plus `errors` 503s), one client. */
function run(n: number, ms: number, errors = 0, extra: LoadSample[] = []): LoadRun {
  const samples: LoadSample[] = [
    ...Array.from({ length: n }, (_, i) => ({ request: 0, status: 200, ms, at: i })),
    ...Array.from({ length: errors }, (_, i) => ({ request: 0, status: 503, ms: 1, at: n + i })),
    ...extra,
  ];
  return { samples, elapsedMs: 1000, concurrency: 1, stoppedBy: 'requests' };
}

describe('stage verdicts, the knee and when to stop (captured samples)', () => {
  it('meets, breaks only just (one more stage), breaks clearly (stop)', () => {
    const meets = judgeStage(10, run(100, 50), objective);
    const just = judgeStage(25, run(100, 110), objective);
    const clearly = judgeStage(50, run(100, 300), objective);
    expect(meets).toMatchObject({ meets: true, reasons: [], p95: 50, throughput: 100 });
    expect(just).toMatchObject({ meets: false, reasons: ['latency'], clear: false });
    expect(clearly).toMatchObject({ meets: false, reasons: ['latency'], clear: true });
    expect(nextStageWanted([meets])).toBe(true);
    // A marginal break is confirmed by one more stage, and the ramp ends there whatever it shows.
    expect(nextStageWanted([meets, just])).toBe(true);
    expect(nextStageWanted([meets, just, meets])).toBe(false);
    expect(nextStageWanted([meets, clearly])).toBe(false);
    expect(kneeOf([meets, just, clearly])).toEqual({ knee: { users: 10, p95: 50, throughput: 100 }, broke: { users: 25, reasons: ['latency'], clear: false } });
  });

  it('names the kinds of errors, most frequent first, with 429 apart', () => {
    const extra: LoadSample[] = [
      ...Array.from({ length: 5 }, () => ({ request: 0, error: 'reset' as const, ms: 1 })),
      ...Array.from({ length: 2 }, () => ({ request: 0, error: 'timeout' as const, ms: 1 })),
      ...Array.from({ length: 50 }, () => ({ request: 0, status: 429, ms: 1 })),
    ];
    const stage = judgeStage(10, run(100, 10, 1, extra), objective);
    expect(stage.reasons).toEqual(['resets', 'timeouts', '5xx']);
    expect(stage.rateLimited).toBe(50);
    expect(stage.errorRate).toBeCloseTo(8 / 108);
    // Every answer 429: the limiter was measured, not the service.
    expect(judgeStage(10, run(0, 0, 0, extra.slice(7)), objective).unjudged).toContain('429');
  });

  it('compares the soak thirds: p95 drift above the floor, rising errors, refusals', () => {
    const at = (third: number, i: number) => third * 1000 + i;
    const samples = (third: number, ms: number, refused = 0): LoadSample[] => [
      ...Array.from({ length: 40 }, (_, i) => ({ request: 0, status: 200, ms, at: at(third, i) })),
      ...Array.from({ length: refused }, (_, i) => ({ request: 0, error: 'refused' as const, ms: 0, at: at(third, 50 + i) })),
    ];
    const soak = (parts: LoadSample[]) => judgeSoak(10, { samples: parts, elapsedMs: 3000, concurrency: 10, stoppedBy: 'duration' }, objective, 0.5);
    const drifting = soak([...samples(0, 10), ...samples(1, 15), ...samples(2, 20, 3)]);
    expect(drifting.drift).toBeCloseTo(1);
    expect(drifting.problems).toEqual([
      'p95 rose from 10 ms in the first third to 20 ms in the last (+100%, load.ramp.max-drift 50%)',
      'errors rose from 0% to 7.0% (load.max-error-rate 1.0%)',
      'connections were refused as time went on (0 in the first third, 3 in the last)',
    ]);
    // 0.4 ms -> 1 ms is +150% but under the 2 ms noise floor.
    expect(soak([...samples(0, 0.4), ...samples(1, 0.6), ...samples(2, 1)]).problems).toEqual([]);
    expect(soak(samples(0, 10)).unjudged).toContain('too few answers');
    // A soak stopped because the service fell over fails, however short it was.
    const fell = judgeSoak(10, { samples: [...samples(0, 10).slice(0, 10), ...Array.from({ length: 30 }, (_, i) => ({ request: 0, status: 503, ms: 1, at: 100 + i }))], elapsedMs: 200, concurrency: 10, stoppedBy: 'early' }, objective, 0.5);
    expect(fell.problems).toEqual(["the service failed under the knee's load: 30 of 40 answers were errors before the soak was stopped"]);
  });

  it('counts a capacity change in this run\'s stages', () => {
    const stages = [10, 25, 50, 100, 200];
    expect(compareCapacity(stages, 50, { url: 'u', users: 100, label: 'main' })).toEqual({ stagesLost: 1, text: 'capacity fell from 100 users (main) to 50 users: 1 stage lower' });
    expect(compareCapacity(stages, 0, { url: 'u', users: 25, label: 'main' }).stagesLost).toBe(2);
    expect(compareCapacity(stages, 100, { url: 'u', users: 50, label: 'main' })).toMatchObject({ stagesLost: -1, text: 'capacity rose to 100 users (main: 50 users)' });
    // Earlier stages that this run does not have: the earlier knee counts at the highest stage of this run it reached.
    expect(compareCapacity(stages, 50, { url: 'u', users: 64, label: 'main' }).stagesLost).toBe(0);
  });
});

function capacity(overrides: Partial<Capacity> = {}): Capacity {
  const stages = [judgeStage(10, run(200, 20), objective), judgeStage(25, run(200, 60), objective), judgeStage(50, run(150, 180, 50), objective)];
  return {
    target: 'http://127.0.0.1:8080/',
    objective,
    stages,
    ...kneeOf(stages),
    soak: judgeSoak(25, { samples: run(90, 60).samples.map((s, i) => ({ ...s, at: i * 10 })), elapsedMs: 900, concurrency: 25, stoppedBy: 'duration' }, objective, 0.5),
    budget: { maxRequests: 20000, maxDurationMs: 55000, maxConnections: 200, sent: 690, elapsedMs: 12345 },
    ...overrides,
  };
}

describe('the picture', () => {
  const c = capacity({ previous: { url: 'http://127.0.0.1:8080/', users: 50, label: 'main' } });
  const findings = findingsForRamp(c, { target: 'GET / (configured under load)', url: 'http://127.0.0.1:8080/', stages: [10, 25, 50], dropSeverity: 'P1', previous: c.previous });
  const report = reportOf(findings.map((f) => finding({ checkId: 'load.ramp', category: 'performance', severity: f.severity ?? 'P1', status: f.status, message: f.message, url: f.url, ...(f.capacity ? { capacity: f.capacity } : {}) })));

  it('says the knee, the break and the comparison in one line', () => {
    expect(findings[0]!.message).toBe(
      'GET / (configured under load): holds 25 users at p95 60 ms, 200 req/s (main: 50 users); breaks at 50 users: p95 180 ms over 100 ms, 25% errors (5xx); soak 0.9 s at 25 users: p95 +0% first to last third.',
    );
    expect(findings.find((f) => f.message.startsWith('capacity fell'))).toMatchObject({ status: 'fail', severity: 'P1', message: 'capacity fell from 50 users (main) to 25 users: 1 stage lower.' });
  });

  it('draws a Mermaid xychart in markdown: p95 bars, the objective line, errors on the axis', () => {
    expect(capacityChart(c)).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "p95 latency (bars) against the 100 ms objective (line)"',
        '  x-axis "concurrent users (✗ breaks the objective)" ["10", "25", "50 · 25% err ✗"]',
        '  y-axis "ms" 0 --> 200',
        '  bar [20, 60, 180]',
        '  line [100, 100, 100]',
        '```',
      ].join('\n'),
    );
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**Capacity of** `http://127.0.0.1:8080/`: holds 25 users at p95 60 ms');
    expect(markdown).toContain(capacityChart(c));
    // The comment keeps the chart inside its reading budget, which counts it as the picture it draws.
    const comment = commentBody(report, { checkName: 'Production Readiness', fullReportAt: 'the job summary', state: stateOf(report, 'abc1234def') });
    expect(comment.text).toContain('```mermaid');
    expect(renderedHeight('```mermaid\nxychart-beta\n  bar [1]\n```')).toBe(20);
  });

  it('prints a table in the terminal', () => {
    const text = renderText(report, { color: false, width: 100 });
    const table = capacityTable(c);
    expect(table.slice(0, 4)).toEqual([
      'users  req/s     p50     p95     p99  errors  429',
      '   10    200   20 ms   20 ms   20 ms      0%    0  meets',
      '   25    200   60 ms   60 ms   60 ms      0%    0  meets',
      '   50    200  180 ms  180 ms  180 ms     25%    0  breaks: latency, 5xx',
    ]);
    expect(text).toContain('Capacity of http://127.0.0.1:8080/: holds 25 users at p95 60 ms');
    for (const line of table.slice(0, 4)) expect(text).toContain(`  ${line}`);
    expect(text).not.toContain('```');
  });

  it('keeps the measurements in the JSON report, and report mode refuses forged ones', () => {
    const json = renderJson(report);
    expect(parseReport(json, 'r.json').findings.find((f) => f.capacity)?.capacity).toEqual(c);
    const forged = JSON.parse(json) as { findings: Array<{ capacity?: { stages: Array<Record<string, unknown>> } }> };
    forged.findings.find((f) => f.capacity)!.capacity!.stages[0]!['p95'] = '1]\n```\n<img src=x onerror=alert(1)>';
    expect(() => parseReport(JSON.stringify(forged), 'r.json')).toThrow(/capacity\.stages\[0\]: p95 must be a number/);
  });
});

describe('the next run compares with this one', () => {
  it('through the JSON report (--previous) and through the sticky comment\'s state', async () => {
    const config = 'load:\n  p95-ms: 150\n  ramp:\n    enabled: true\n    stages: [4, 8]\n    stage-duration-ms: 1000\n    soak-ms: 0\nhttp:\n  max-requests: 20000\n';
    const repo = makeRepo({ 'package.json': '{"name":"app"}\n', '.github/readiness.yml': config });
    const before = await start(workerPool(8, 100));
    const base = await audit({ urls: [before.url], repo: repo.root, only: ['load.ramp'] });
    const file = join(repo.root, 'main-report.json');
    writeFileSync(file, renderJson(base.report));

    // This change halves the pool: 8 clients now wait twice the service time.
    const after = await start(workerPool(4, 100));
    const previous = await readPreviousCapacity(file, 'main');
    expect(previous).toEqual({ label: 'main', targets: [{ url: before.url, users: 8, p95: expect.any(Number) }] });
    const now = await audit({ urls: [after.url], repo: repo.root, only: ['load.ramp'], previous, failOn: 'p1' });
    const drop = now.report.findings.find((f) => f.message.startsWith('capacity fell'));
    expect(drop).toMatchObject({ status: 'fail', severity: 'P1', message: 'capacity fell from 8 users (main) to 4 users: 1 stage lower.' });
    expect(now.report.decision).toBe('NO-GO');
    expect(renderMarkdown(now.report)).toContain('(main: 8 users)');

    // The same through the comment: its hidden state keeps the capacity, and the next run reads it back.
    const body = commentBody(base.report, { checkName: 'Production Readiness', fullReportAt: 'x', state: stateOf(base.report, 'abc1234def') }).text;
    const fromComment = previousCapacityOfState(decodeState(body));
    expect(fromComment).toEqual({ label: 'previous run (abc1234)', targets: previous!.targets });
    // A state someone edited by hand is read only where well-formed.
    const tampered = encodeState({ ...stateOf(base.report), cap: [{ url: 'x\n', users: 3 }, { url: 'ok', users: -1 }] as never });
    expect(previousCapacityOfState(decodeState(tampered))).toBeUndefined();
    repo.cleanup();
  }, 20000);

  it('a file that is not a report is a usage error; a report without a ramp compares with nothing', async () => {
    const repo = makeRepo({ 'not-a-report.json': '{"hello": 1}\n', 'no-ramp.json': renderJson(reportOf([finding({ checkId: 'headers.hsts' })])) });
    await expect(readPreviousCapacity(join(repo.root, 'not-a-report.json'), 'main')).rejects.toThrow(UsageError);
    await expect(readPreviousCapacity(join(repo.root, 'missing.json'), 'main')).rejects.toThrow(/no such file/);
    await expect(readPreviousCapacity(join(repo.root, 'no-ramp.json'), 'main')).resolves.toBeUndefined();
    repo.cleanup();
  });
});
