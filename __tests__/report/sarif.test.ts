// SARIF for code scanning: fingerprints that survive moved lines, file-level results, escaped URIs, valid shape.
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import type { AuditResult } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { fingerprintOf } from '../../src/report/fingerprint.js';
import { buildReport, renderSarif } from '../../src/report/index.js';

function fail(checkId: string, extra: Partial<Finding>): Finding {
  return { checkId, title: checkId, category: 'security', severity: 'P1', status: 'fail', message: 'm', remediation: 'r', ...extra };
}
function sarifOf(findings: Finding[]) {
  const result: AuditResult = { findings, durationMs: 1, requests: 0, requestsByCheck: {}, expiredWaivers: [], targets: [], repository: { root: '/r', files: 1, skipped: 0 } };
  return JSON.parse(renderSarif(buildReport(result, { minScore: 0, failOn: 'p0' }), []));
}

// The parts of SARIF 2.1.0 (OASIS, sarif-schema-2.1.0.json) and of GitHub's accepted subset this renderer writes,
// written out from the specification: required properties, positive lines, string fingerprints.
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: { type: 'object', required: ['driver'], properties: { driver: { type: 'object', required: ['name'], properties: { rules: { type: 'array', items: { type: 'object', required: ['id'] } } } } } },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'message', 'locations', 'partialFingerprints'],
              properties: {
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                partialFingerprints: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', format: 'uri-reference', minLength: 1 } } },
                          region: { type: 'object', required: ['startLine'], properties: { startLine: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('SARIF', () => {
  const findings = [
    fail('compose.exposed-datastore', { location: { path: 'docker-compose.yml', line: 4 }, message: 'postgres publishes 5432 on every interface.' }),
    fail('compose.exposed-datastore', { location: { path: 'docker-compose.yml', line: 9 }, message: 'redis publishes 6379 on every interface.' }),
    fail('compose.inline-secret', { location: { path: 'docker-compose.yml', line: 12 }, message: 'Service api sets a literal secret.' }),
    fail('compose.inline-secret', { location: { path: 'docker-compose.yml', line: 20 }, message: 'Service api sets a literal secret.' }),
    fail('env.committed-file', { file: 'deploy/#prod/.env?x', message: 'deploy/#prod/.env?x is tracked by git.' }),
    fail('headers.csp', { url: 'http://127.0.0.1:8080/', message: 'No CSP.' }),
  ];
  const sarif = sarifOf(findings);
  const results = sarif.runs[0].results as Array<{ ruleId: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }> }>;

  it('gives every result a fingerprint no other result shares', () => {
    expect(results).toHaveLength(5);
    const prints = results.map((r) => r.partialFingerprints['readinessGate/v1']);
    expect(prints.every((p) => typeof p === 'string' && p.length >= 32)).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('keeps a fingerprint when lines move, changes it when what was found changes', () => {
    const a = fail('compose.exposed-datastore', { location: { path: 'docker-compose.yml', line: 4 }, message: 'postgres publishes 5432 (docker-compose.yml:4) after 120 ms.' });
    const moved = { ...a, location: { path: 'docker-compose.yml', line: 40 }, message: 'postgres publishes 5432 (docker-compose.yml:40) after 95 ms.' };
    expect(fingerprintOf(moved)).toBe(fingerprintOf(a));
    expect(fingerprintOf({ ...a, message: 'redis publishes 6379 (docker-compose.yml:4) after 120 ms.' })).not.toBe(fingerprintOf(a));
    expect(fingerprintOf({ ...a, location: { path: 'other/compose.yml', line: 4 } })).not.toBe(fingerprintOf(a));
  });

  it('writes a finding about a whole file without a line, with #, ? and spaces escaped in the URI', () => {
    const env = results.find((r) => r.ruleId === 'env.committed-file')!;
    expect(env.locations[0]!.physicalLocation.artifactLocation.uri).toBe('deploy/%23prod/.env%3Fx');
    expect(env.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it('validates against the SARIF 2.1.0 shape code scanning reads', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(SARIF_SUBSET);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
  });
});
