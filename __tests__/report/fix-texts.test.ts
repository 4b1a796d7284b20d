// Fix texts that fit the finding (issue 23): a check knows what it saw (the language or format of the file, the
// name a value is assigned to, the image, the service, the framework) and its fix says what to do there, not
// what to do in every stack at once. Each check runs on real files in a temp directory or against a real server.
import { describe, expect, it } from '@jest/globals';
import { secretsHardcoded } from '../../src/checks/secrets/hardcoded.js';
import { audit } from '../repo-inspect/helpers.js';
import { of } from '../helpers/run-checks.js';

// Assembled at run time, so this file holds no literal credential for secrets.hardcoded to find.
const j = (...parts: string[]): string => parts.join('');
const GITHUB = j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8');
const KEY = j('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA ', 'PRIVATE KEY-----\n');

describe('secrets.hardcoded', () => {
  it('gives each kind of file its own concrete fix, naming what the value is assigned to', async () => {
    const result = await audit([secretsHardcoded], {
      'app/settings.py': `GITHUB_TOKEN = "${GITHUB}"\n`,
      'src/client.ts': `export const githubToken = '${GITHUB}';\n`,
      'docker-compose.yml': `services:\n  bot:\n    image: bot:1.2.3\n    environment:\n      BOT_TOKEN: ${GITHUB}\n`,
      'config/app.yaml': `github:\n  token: ${GITHUB}\n`,
      'config/app.json': `{ "githubToken": "${GITHUB}" }\n`,
      'deploy/prod.env': `GH_TOKEN=${GITHUB}\n`,
      'certs/server.key': KEY,
    });
    const fix = (path: string) => of(result, 'secrets.hardcoded').find((f) => f.location?.path === path)!.remediation;
    const all = ['app/settings.py', 'src/client.ts', 'docker-compose.yml', 'config/app.yaml', 'config/app.json', 'deploy/prod.env', 'certs/server.key'];
    for (const path of all) expect(fix(path)).toMatch(/^Revoke and rotate/);
    expect(fix('app/settings.py')).toContain('GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]');
    expect(fix('src/client.ts')).toContain("process.env.GITHUB_TOKEN; if (!value) throw new Error('GITHUB_TOKEN is required')");
    expect(fix('docker-compose.yml')).toContain('BOT_TOKEN: ${BOT_TOKEN:?set BOT_TOKEN}');
    expect(fix('config/app.yaml')).toContain('token: ${TOKEN}');
    expect(fix('config/app.yaml')).toContain('config/app.yaml');
    expect(fix('config/app.json')).toContain('remove `"githubToken"` from `config/app.json`');
    expect(fix('deploy/prod.env')).toContain('git rm --cached deploy/prod.env');
    expect(fix('deploy/prod.env')).toContain('`GH_TOKEN=`');
    expect(fix('certs/server.key')).toContain('delete `certs/server.key`');
    // Each its own: no language's fix in another's.
    expect(fix('app/settings.py')).not.toMatch(/process\.env|compose|git rm/);
    expect(fix('src/client.ts')).not.toMatch(/os\.environ|compose/);
    expect(fix('docker-compose.yml')).not.toMatch(/os\.environ|process\.env/);
    expect(new Set(all.map(fix)).size).toBe(all.length);
  });
});
