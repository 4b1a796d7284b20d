// Hostile repositories: a P0 check whose input cannot be read or parsed is an
// `error` naming the file, never a skip or a pass. Issue 13, items 5, 6 and 7.
import { describe, expect, it } from '@jest/globals';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { configSchema } from '../../src/config/schema.js';
import { makeRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';

const byId = (...ids: string[]) => ALL_CHECKS.filter((c) => ids.includes(c.id));

async function auditRepo(files: Record<string, string>, ids: string[], options: { config?: Record<string, unknown>; setup?: (root: string) => void } = {}) {
  const repo = makeRepo(files);
  try {
    options.setup?.(repo.root);
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]) => execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    return await runChecks(byId(...ids), { repo: repo.root, config: options.config });
  } finally {
    repo.cleanup();
  }
}

const summary = (result: Awaited<ReturnType<typeof auditRepo>>, id: string) => of(result, id).map((f) => `${f.status} ${f.location?.path ?? ''}: ${f.message}`);

describe('unparsable inputs of P0 secret checks', () => {
  it('a compose file with a literal password and one broken line is an error, not a skip', async () => {
    const result = await auditRepo(
      { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Tr0ub4dor-and-3\n  broken: [\n' },
      ['compose.inline-secret'],
    );
    expect(of(result, 'compose.inline-secret').map((f) => [f.status, f.location?.path])).toEqual([['error', 'docker-compose.yml']]);
    expect(of(result, 'compose.inline-secret')[0]!.message).toMatch(/^docker-compose\.yml cannot be read as YAML \(line \d+\)/);
  });

  it('a Dockerfile that does not parse is an error for docker.secrets-in-image', async () => {
    const result = await auditRepo({ Dockerfile: 'ENV API_TOKEN=abcd1234efgh5678\nRUN echo hi\n' }, ['docker.secrets-in-image']);
    expect(of(result, 'docker.secrets-in-image').map((f) => [f.status, f.location?.path])).toEqual([['error', 'Dockerfile']]);
  });

  it('a Kubernetes file with a Secret and a broken line is an error for k8s.committed-secret', async () => {
    const result = await auditRepo(
      { 'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: Tr0ub4dor-and-3\n  bad: [\n' },
      ['k8s.committed-secret'],
    );
    expect(of(result, 'k8s.committed-secret').map((f) => [f.status, f.location?.path])).toEqual([['error', 'k8s/secret.yaml']]);
  });
});

describe('files over repo.max-file-bytes', () => {
  const config = { repo: { 'max-file-bytes': 1024 } };
  const padding = `# ${'x'.repeat(2048)}\n`;

  it('an oversized tracked .env.production is an error naming the file and the limit', async () => {
    const result = await auditRepo(
      {
        '.env.production': `DB_PASSWORD=Tr0ub4dor-and-3\n${padding}`,
        // The production deployment loads it: production by evidence, so the error is not capped.
        'docker-compose.yml': 'services:\n  app:\n    image: org/app:1.0.0\n    env_file: .env.production\n',
        'README.md': '# App\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
      },
      ['env.committed-file'],
      { config },
    );
    expect(summary(result, 'env.committed-file')).toEqual([
      `error .env.production: .env.production was not read: ${2079} bytes, larger than repo.max-file-bytes (1024 bytes).`,
    ]);
  });

  it('an oversized docker-compose.yml is an error for compose.inline-secret, not "no compose file"', async () => {
    const result = await auditRepo({ 'docker-compose.yml': `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Tr0ub4dor-and-3\n${padding}` }, ['compose.inline-secret', 'compose.restart-policy'], { config });
    expect(of(result, 'compose.inline-secret').map((f) => [f.status, f.location?.path])).toEqual([['error', 'docker-compose.yml']]);
    expect(of(result, 'compose.inline-secret')[0]!.message).toContain('larger than repo.max-file-bytes (1024 bytes)');
    // A non-P0 check says why it saw nothing instead of "no compose file".
    expect(of(result, 'compose.restart-policy').map((f) => f.status)).toEqual(['skip']);
    expect(of(result, 'compose.restart-policy')[0]!.message).toContain('docker-compose.yml was not read');
  });

  it('an oversized Dockerfile and an oversized Secret manifest are errors', async () => {
    const result = await auditRepo(
      { Dockerfile: `FROM node:22\nENV API_TOKEN=abcd1234efgh5678\n${padding}`, 'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n${padding}`, 'docs/big.yaml': `a: 1\n${padding}` },
      ['docker.secrets-in-image', 'k8s.committed-secret'],
      { config },
    );
    expect(of(result, 'docker.secrets-in-image').map((f) => [f.status, f.location?.path])).toEqual([['error', 'Dockerfile']]);
    expect(of(result, 'k8s.committed-secret').map((f) => [f.status, f.location?.path])).toEqual([['error', 'k8s/secret.yaml']]);
  });

  it('scans the first part of an oversized source file for credentials and says only that part was scanned', async () => {
    const token = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE'].join('');
    const result = await auditRepo(
      { 'app/config.py': `GITHUB = "${token}"\n${padding}`, 'app/clean.py': `X = 1\n${padding}` },
      ['secrets.hardcoded'],
      { config },
    );
    expect(summary(result, 'secrets.hardcoded')).toHaveLength(1);
    expect(of(result, 'secrets.hardcoded')[0]!.status).toBe('fail');
    expect(of(result, 'secrets.hardcoded')[0]!.message).toContain('Only the first 1024 bytes of this file were scanned');
    const clean = await auditRepo({ 'app/clean.py': `X = 1\n${padding}` }, ['secrets.hardcoded'], { config });
    expect(of(clean, 'secrets.hardcoded')[0]!.message).toContain('nor in the first 1024 bytes of 1 larger one(s) (app/clean.py)');
  });

  it('has an upper bound in the schema', () => {
    expect(configSchema.safeParse({ repo: { 'max-file-bytes': 2 ** 40 } }).success).toBe(false);
  });
});

describe('a tracked .env that is a symbolic link', () => {
  it('is named as a link by env.committed-file, not "no env file tracked"', async () => {
    const result = await auditRepo({ 'README.md': 'x\n' }, ['env.committed-file'], {
      setup: (root) => symlinkSync('/etc/hostname', join(root, '.env')),
    });
    expect(summary(result, 'env.committed-file')).toEqual([
      'pass .env: .env is tracked by git as a symbolic link, not a file: symlink leaves the repository (not followed); git stores the link, not the values.',
    ]);
  });

  it('a dangling or looping link is named too', async () => {
    const result = await auditRepo({ 'README.md': 'x\n' }, ['env.committed-file'], {
      setup: (root) => {
        symlinkSync('.env.local', join(root, '.env'));
        symlinkSync('.env', join(root, '.env.local'));
      },
    });
    expect(of(result, 'env.committed-file').map((f) => f.message)).toEqual([
      '.env is tracked by git as a symbolic link, not a file: symlink that resolves to nothing (dangling, or a loop); git stores the link, not the values.',
      '.env.local is tracked by git as a symbolic link, not a file: symlink that resolves to nothing (dangling, or a loop); git stores the link, not the values.',
    ]);
  });
});
