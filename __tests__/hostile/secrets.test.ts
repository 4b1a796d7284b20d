// Hostile targets: secrets planted in every kind of response a check may
// quote (debug pages, /actuator/env, /debug/vars, phpinfo, /.env,
// /server-status, a health payload) and in the configured headers. None may
// survive in any report format, nor on stderr. Issue 13, items 1 and 2.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { audit } from '../../src/audit.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { redactText } from '../../src/core/redact.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { makeRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { AZURE_KEY, containers, leaks, plantedHandler, SECRETS } from './planted.js';

describe('redaction of planted secrets', () => {
  it.each(Object.entries(containers))('hides every secret in a %s body', (_kind, body) => {
    const out = redactText(body);
    expect(leaks(out)).toEqual([]);
    // Still readable: names stay.
    expect(out.length).toBeGreaterThan(20);
  });

  it('keeps the whole Azure AccountKey hidden, not 72 of its 88 characters', () => {
    const out = redactText(`DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`);
    expect(out).toContain(`AccountKey=${AZURE_KEY.slice(0, 4)}[redacted, ${AZURE_KEY.length} chars]`);
    expect(out).toContain('AccountName=acct');
  });

  it('leaves ordinary words, paths, digests and URLs alone', () => {
    const text = 'Health endpoint GET /healthz answered 200 in 3 ms. image: postgres:16@sha256:' + 'ab'.repeat(32) + ' url: https://example.com/a/b name: MyComponentService';
    expect(redactText(text)).toBe(text);
  });

  it.each([
    ['identifier characters', 'a'.repeat(2_000_000)],
    ['assignments', 'password='.repeat(220_000)],
    ['table cells', '<td>x</td><td>'.repeat(150_000)],
    ['quotes', '"a":"'.repeat(400_000)],
    ['hex', 'f'.repeat(2_000_000)],
    ['url schemes', 'a://b:'.repeat(330_000)],
    ['private key headers', '-----BEGIN RSA PRIVATE KEY-----'.repeat(65_000)],
    ['backslashes', '"k":"' + '\\'.repeat(2_000_000)],
    ['base64', 'aB3'.repeat(660_000)],
    ['flags', '-a -'.repeat(500_000)],
    ['flag lists', '"-seed","'.repeat(220_000)],
  ])('runs in linear time on a 2 MB single line of %s', (_kind, line) => {
    const started = performance.now();
    redactText(line);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('an audit of a target that echoes secrets everywhere', () => {
  let server: TestServer;
  const repo = makeRepo({ 'package.json': '{"name":"app"}\n' });
  afterAll(async () => {
    await server?.close();
    repo.cleanup();
  });

  it('prints none of them in text, JSON, markdown or SARIF, nor on stderr', async () => {
    server = await startServer(plantedHandler);
    const config = `targets:\n  - url: ${server.url}\n    headers:\n      Authorization: Bearer \${RG_TEST_TOKEN}\n`;
    repo.write('.github/readiness.yml', config);
    const stderr: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    let outputs: string[];
    try {
      const { report } = await audit({
        repo: repo.root,
        urls: [server.url],
        env: { RG_TEST_TOKEN: SECRETS.configured },
        allowEnv: ['RG_TEST_TOKEN'],
        only: ['disclosure', 'health.endpoint', 'http.reachable'],
      });
      outputs = [
        renderText(report, { color: false, verbose: true }),
        renderJson(report),
        renderMarkdown(report),
        renderSarif(report, ALL_CHECKS),
      ];
      // The planted pages were really seen and quoted.
      const failing = report.findings.filter((f) => f.status === 'fail').map((f) => f.checkId);
      expect(failing).toEqual(expect.arrayContaining(['disclosure.debug-mode', 'disclosure.sensitive-paths']));
      expect(report.findings.some((f) => f.message.includes('bad header Bear'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
    for (const output of [...outputs, stderr.join('')]) expect(leaks(output)).toEqual([]);
  });
});
