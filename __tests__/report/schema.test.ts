// The JSON report against its documented schema (docs/report.schema.json, issue 23): a real audit's report and one
// with every optional part, validated with ajv. A category where nothing was evaluated has `score: null` (not 100),
// and a finding about a whole file has `location.path` with no line, the one location shape.
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { audit } from '../../src/audit.js';
import { parseReport } from '../../src/github/report-file.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import { finding, reportOf } from '../github/reports.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8')) as object;
// ajv-formats is CommonJS: its default export is the plugin function under ESM interop.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function problems(json: string): unknown {
  return validate(JSON.parse(json)) ? [] : validate.errors;
}

const everything = reportOf(
  [
    finding({ checkId: 'secrets.hardcoded', severity: 'P0', location: { path: 'app/settings.py', line: 3, endLine: 4 }, role: { role: 'production', reason: 'loaded by the entrypoint', rule: 'evidence:settings-module' }, evidence: '3: KEY = …' }),
    finding({ checkId: 'env.committed-file', severity: 'P2', cappedFrom: 'P0', file: '.devcontainer/.env', role: { role: 'development', reason: 'a development container' }, existing: 'baseline' }),
    finding({ checkId: 'headers.csp', severity: 'P1', url: 'http://127.0.0.1:1/', waived: { reason: 'set by the CDN', expires: '2099-01-01' } }),
    finding({ checkId: 'load.concurrency', category: 'performance', severity: 'P1', status: 'skip', url: 'http://127.0.0.1:1/', message: 'Burst not sent: not loopback.' }),
    finding({ checkId: 'docker.non-root', category: 'deployment', severity: 'P1', status: 'error', location: { path: 'Dockerfile', line: 1 }, existing: 'base' }),
  ],
  {
    minScore: 50,
    gate: { mode: 'new', base: 'abc1234', existing: 1, baseline: { path: '.github/readiness-baseline.json', hidden: 1, since: '2026-11-01' } },
    burstChecks: new Set(['load.concurrency']),
    result: { requests: 3, requestsByCheck: { collect: 2, 'headers.csp': 1 }, expiredWaivers: [{ check: 'headers.hsts', reason: 'old', expires: '2020-01-01' }], targets: ['http://127.0.0.1:1/'] },
  },
);

describe('the JSON report schema', () => {
  it('validates a report with every optional part', () => {
    expect(problems(renderJson(everything))).toEqual([]);
  });

  it('gives a category where nothing was evaluated no score (null), in JSON as in the text and markdown', () => {
    const json = JSON.parse(renderJson(everything)) as { categories: Array<{ id: string; score: number | null; checks: number }> };
    expect(json.categories.find((c) => c.id === 'performance')).toMatchObject({ score: null, checks: 0 });
    expect(renderMarkdown(everything, { compactScores: true })).toContain('performance —');
    expect(renderText(everything, { color: false })).toMatch(/performance\s+—/);
  });

  it('puts a whole-file finding at location.path with no line, and reads it back', () => {
    const json = renderJson(everything);
    const env = (JSON.parse(json) as { findings: Array<Record<string, unknown>> }).findings.find((f) => f['checkId'] === 'env.committed-file')!;
    expect(env['location']).toEqual({ path: '.devcontainer/.env' });
    expect(env).not.toHaveProperty('file');
    // Report mode reads it back: the renderers show the file.
    const back = parseReport(json, 'report.json');
    expect(renderMarkdown(back)).toContain('.devcontainer/.env');
    expect(problems(renderJson(back))).toEqual([]);
  });

  it('rejects what the contract does not allow (the schema is not a rubber stamp)', () => {
    const json = JSON.parse(renderJson(everything)) as { findings: Array<Record<string, unknown>>; categories: Array<Record<string, unknown>> };
    json.findings[0]!['severity'] = 'P3';
    json.categories[0]!['score'] = 100.5;
    expect(validate(json)).toBe(false);
    expect(validate({ ...JSON.parse(renderJson(everything)), surprise: true })).toBe(false);
  });

  it('validates the report of a real audit of the sample repository', async () => {
    const { report } = await audit({ repo: join(ROOT, 'examples/sample-repo'), ignoreBaseline: true });
    expect(report.findings.length).toBeGreaterThan(20);
    expect(problems(renderJson(report))).toEqual([]);
  }, 60_000);
});
