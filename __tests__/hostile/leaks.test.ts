// The two leaks that still got through the hostile suite (issue 23, "Redaction"):
// - a configured header value under a name no pattern knows (`X-Tenant-Key: ${TOKEN}`), echoed by the target,
//   appeared as its first characters: a check cut the text before the configured values were scrubbed;
// - a generated value after a `-seed` flag (an expvar `cmdline`), and `AccountKey=…` inside a quoted value assigned
//   to a plain name (`AZURE = 'AccountKey=…'`), were printed as they are.
// Neither may reach any field of any report format.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { RequestListener } from 'node:http';
import { audit } from '../../src/audit.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { redactText, redactWith, configuredSecretValues } from '../../src/core/redact.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import type { Report } from '../../src/report/report.js';
import { makeRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';

const TENANT_KEY = 'tnt-7Qm2Zr9XvB4kLp8WcN3sHd6Fy1Jg5Te0';
const SEED = 'Xq7Zk3VbX9mN2pL8rT4wY6cJ1aB5dE0f';
const ACCOUNT_KEY = 'Zm9vYmFyYmF6cXV4Q29ycmVjdEhvcnNlQmF0dGVyeVN0YXBsZTEyMzQ1Njc4OTA=';

/** Any piece of 8 characters or more of `secret` that `text` shows. */
function pieces(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) found.push(secret.slice(i, i + 8));
  return found;
}

function outputs(report: Report): Record<string, string> {
  return {
    text: renderText(report, { color: false, verbose: true }),
    json: renderJson(report),
    markdown: renderMarkdown(report),
    sarif: renderSarif(report, ALL_CHECKS),
  };
}

describe('a configured header value echoed by the target', () => {
  it('is scrubbed before a cut: no prefix or suffix of 8 characters or more survives', () => {
    const known = configuredSecretValues([TENANT_KEY]);
    const cut = `debug page says "X-Tenant-Key: ${TENANT_KEY.slice(0, 20)}…" and "…${TENANT_KEY.slice(-12)}"`;
    const out = redactWith(cut, known);
    expect(pieces(out, TENANT_KEY)).toEqual([]);
    // A short, common piece is not a secret: text that merely shares 7 characters stays.
    expect(redactWith('tnt-7Qm is a tenant', known)).toBe('tnt-7Qm is a tenant');
  });
});

describe('generated values after flags and inside quoted pairs', () => {
  it.each([
    ['an expvar cmdline', JSON.stringify({ cmdline: ['/app/server', '-seed', SEED, '-port', '8080'] }), SEED],
    ['a flag with =', `started with --seed=${SEED} -v`, SEED],
    ['a secret-named flag', `exec app --password hunter2-Long-Enough -debug`, 'hunter2-Long-Enough'],
    ['a single-dash -token flag', `/usr/bin/agent -token ${SEED} -interval 30s`, SEED],
    ['a -token flag in an expvar cmdline', JSON.stringify({ cmdline: ['/usr/bin/agent', '-token', SEED] }), SEED],
    ['a quoted Key=Value pair', `AZURE = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net'`, ACCOUNT_KEY],
    ['a double-quoted pair', `conn = "Server=db;User Id=app;Password=Pl41n-But-Long-Pw;"`, 'Pl41n-But-Long-Pw'],
  ])('hides %s', (_kind, text, secret) => {
    const out = redactText(text);
    expect(pieces(out, secret)).toEqual([]);
    expect(out).toMatch(/\[redacted, \d+ chars\]/);
  });

  it('leaves ordinary flags alone', () => {
    const text = 'exec /app/server -port 8080 --config /etc/app.yml -v --name my-service-name-here';
    expect(redactText(text)).toBe(text);
  });
});

describe('an audit of a target and a repository holding both', () => {
  let server: TestServer;
  const repo = makeRepo({
    'package.json': '{"name":"app"}\n',
    'settings.py': `AZURE = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net'\n`,
  });
  afterAll(async () => {
    await server?.close();
    repo.cleanup();
  });

  // Echoes the tenant key into every page a check quotes, and serves an expvar page with the seed.
  const handler: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const key = String(req.headers['x-tenant-key'] ?? '');
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html', '<!doctype html><title>app</title>');
    if (path === '/debug/vars') {
      // The key starts 20 characters before the 200 that sensitive-paths quotes: the cut falls inside it.
      const head = `{"cmdline":["/app/server","-seed","${SEED}"],"memstats":{},"note":"`;
      return send(200, 'application/json', `${head}${'x'.repeat(180 - head.length - 12)}","tenant":"${key}"}`);
    }
    if (path === '/.env') return send(200, 'text/plain', `TENANT=${key}\nAZURE='AccountName=a;AccountKey=${ACCOUNT_KEY}'\n`);
    // A PHP warning quoting the header: debug-mode quotes its first 120 characters, and the key starts at the 100th.
    const warning = `<b>Warning</b>: tenant header rejected ${'.'.repeat(100 - 40)} `;
    return send(404, 'text/html', `${warning}${key} unknown in <b>/var/www/index.php</b> on line <b>3</b>`);
  };

  it('prints none of them in text, JSON, markdown or SARIF', async () => {
    server = await startServer(handler);
    repo.write('.github/readiness.yml', `targets:\n  - url: ${server.url}\n    headers:\n      X-Tenant-Key: \${RG_TENANT_KEY}\n`);
    const { report } = await audit({
      repo: repo.root,
      urls: [server.url],
      env: { RG_TENANT_KEY: TENANT_KEY },
      allowEnv: ['RG_TENANT_KEY'],
      only: ['disclosure', 'errors', 'http.reachable', 'secrets'],
      ignoreBaseline: true,
    });
    // The planted pages were really seen and quoted.
    const failing = report.findings.filter((f) => f.status === 'fail').map((f) => f.checkId);
    expect(failing).toEqual(expect.arrayContaining(['disclosure.sensitive-paths', 'disclosure.debug-mode']));
    for (const [format, text] of Object.entries(outputs(report))) {
      expect({ format, tenant: pieces(text, TENANT_KEY), seed: pieces(text, SEED), account: pieces(text, ACCOUNT_KEY) }).toEqual({ format, tenant: [], seed: [], account: [] });
    }
  });
});
