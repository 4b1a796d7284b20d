// gate: new on a real git repository with old P0s: a pull request that adds none is GO, one that adds a P0 is
// NO-GO, and the old ones are listed as existing either way. Plus the baseline file for nightly gates.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/audit.js';
import { BASELINE_PATH, baselineOf } from '../../src/engine/gate.js';
import { headline, renderMarkdown, renderText } from '../../src/report/index.js';
import { whereOf } from '../../src/report/report.js';
import { makeRepo } from '../helpers/repo.js';

const OLD = {
  Dockerfile: 'FROM python:3.12-slim\nENV SECRET_KEY=k3x9Qw7Lp2Zr8Vt4Ny6Bm1Hc5Jd0Fg\nUSER app\n',
  // The release workflow publishes the image: production by evidence, so the secret baked into it is an old P0.
  '.github/workflows/release.yml': 'jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n          tags: ghcr.io/octo/shop:latest\n',
  '.env': 'DATABASE_URL=postgres://shop:Tr0ub4dor-and-3@db:5432/shop\n',
};
const ONLY = ['docker', 'env', 'secrets', 'compose'];

describe('gate: new', () => {
  const repo = makeRepo(OLD, { git: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { stdio: 'pipe' });
  afterAll(() => repo.cleanup());

  it('is GO for a pull request that adds no P0, listing the old ones as existing', async () => {
    git('checkout', '-q', '-b', 'harmless');
    repo.write('README.md', '# shop\n');
    // Lines added above an old finding: it keeps its fingerprint, so it stays existing.
    repo.write('Dockerfile', `# build\n${OLD.Dockerfile}`);
    git('add', '-A');
    git('commit', '-q', '-m', 'docs');
    const all = await audit({ repo: repo.root, cwd: repo.root, only: ONLY, baseRef: 'main' });
    expect(all.report.decision).toBe('NO-GO');
    const { report } = await audit({ repo: repo.root, cwd: repo.root, only: ONLY, baseRef: 'main', gate: 'new' });
    expect(report.decision).toBe('GO');
    expect(report.gate).toMatchObject({ mode: 'new', existing: expect.any(Number) });
    expect(report.gate!.existing).toBeGreaterThanOrEqual(2);
    expect(report.findings.filter((f) => f.existing === 'base').map((f) => f.checkId)).toEqual(expect.arrayContaining(['docker.secrets-in-image', 'env.committed-file']));
    const md = renderMarkdown(report);
    expect(md).toMatch(/<summary>Existing failures \(already on the merge base [0-9a-f]{7}\): \d+ findings? in \d+ checks?<\/summary>/);
    expect(md).not.toContain('### 🔴 P0');
    expect(renderText(report, { color: false })).toContain('did not introduce');
    git('checkout', '-q', 'main');
  });

  it('is NO-GO for a pull request that adds a P0, which alone decides', async () => {
    git('checkout', '-q', '-b', 'leaky');
    // A new production deployment (its deploy docs run it) that publishes the database with a committed password.
    repo.write('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: Tr0ub4dor-and-3\n');
    repo.write('README.md', '# shop\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'db');
    const { report } = await audit({ repo: repo.root, cwd: repo.root, only: ONLY, baseRef: 'main', gate: 'new' });
    expect(report.decision).toBe('NO-GO');
    expect(headline(report)).toMatch(/^NO-GO/);
    const md = renderMarkdown(report);
    expect(md).toContain('### 🔴 P0 — blocking, new');
    expect(md.slice(md.indexOf('### 🔴 P0'), md.indexOf('<summary>Existing'))).toContain('compose.inline-secret');
    expect(md).toMatch(/<summary>Existing failures/);
    git('checkout', '-q', 'main');
  });

  it('decides on every finding, and says why, when the base branch is not in the clone', async () => {
    const { report } = await audit({ repo: repo.root, cwd: repo.root, only: ONLY, baseRef: 'no-such-branch', gate: 'new' });
    expect(report.decision).toBe('NO-GO');
    expect(report.reasons.join('\n')).toMatch(/gate: new could not compare with the base branch/);
  });

  it('hides what the committed baseline accepted, and says how many and since when', async () => {
    const first = await audit({ repo: repo.root, cwd: repo.root, only: ONLY });
    const baseline = baselineOf(first.report.findings, { now: new Date('2026-11-01T00:00:00Z'), tool: 't', where: whereOf });
    mkdirSync(join(repo.root, '.github'), { recursive: true });
    writeFileSync(join(repo.root, BASELINE_PATH), JSON.stringify(baseline));
    const { report } = await audit({ repo: repo.root, cwd: repo.root, only: ONLY });
    expect(report.decision).toBe('GO');
    expect(report.gate?.baseline).toEqual({ path: BASELINE_PATH, hidden: baseline.findings.length, since: '2026-11-01' });
    expect(report.reasons.join('\n')).toContain(`hides ${baseline.findings.length} known failing finding(s)`);
  });
});
