// The repository's own secret-scanner decisions (gitleaks, detect-secrets)
// are honoured and counted, and the scanner's named filters say what they set
// aside: a rule that hides is judged as much as one that reports.

import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { gitleaksIgnoreKeys } from '../../src/model/secret-scanners.js';
import { audit, messages, where } from './helpers.js';

const j = (...parts: string[]): string => parts.join('');
// Provider-format tokens assembled at run time, so no scanner flags this file.
const TOKEN_A = j('ghp_', 'R8fQ2mZk7LpX4vN9tB3cW6yH1dJ5sA21PA7q');
const TOKEN_B = j('ghp_', 'T4nY8cV2bM6xZ1qL9wE3rK7pD5hF0s1emXgK');
const DEPLOY = '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';
const COMPOSE = 'services:\n  app:\n    build: .\n    image: acme/app:1.0.0\n    ports: ["80:80"]\n';
const DOCKERFILE = 'FROM node:20.11.1-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/src/index.js"]\n';
const base = (files: Record<string, string>): Record<string, string> => ({ 'README.md': DEPLOY, 'docker-compose.yml': COMPOSE, Dockerfile: DOCKERFILE, ...files });
const setAside = (result: Awaited<ReturnType<typeof audit>>): Record<string, number> => result.repository?.setAside ?? {};

describe('gitleaks configuration', () => {
  it('honours the global allowlist by path, by regex on the secret or the line, and by stopword, and counts each', async () => {
    const config = [
      '[allowlist]',
      "description = 'fixtures and samples'",
      "paths = ['''^src/fixtures/''']",
      "regexes = ['''(?i)^GHP_T4nY''']",
      "stopwords = ['r8fq2mzk']",
      '',
    ].join('\n');
    const files = base({
      '.gitleaks.toml': config,
      'src/fixtures/token.js': `export const t = "${TOKEN_A}";\n`,
      'src/a.js': `export const a = "${TOKEN_A}";\n`,
      'src/b.js': `export const b = "${TOKEN_B}";\n`,
      'src/index.js': 'console.log(1);\n',
    });
    const result = await audit(secretsChecks, files, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['pass P0']);
    expect(setAside(result)['gitleaks:.gitleaks.toml']).toBe(3);
  });

  it('applies the allowlist regex to the whole line with regexTarget = "line", and needs every test with condition = "AND"', async () => {
    const line = ['[[allowlists]]', "regexTarget = 'line'", "regexes = ['''sample-token''']", '', '[[allowlists]]', "condition = 'AND'", "paths = ['''^src/''']", "stopwords = ['zzzz']", ''].join('\n');
    const files = base({
      '.gitleaks.toml': line,
      'src/a.js': `export const docsToken = "${TOKEN_A}"; // sample-token for the docs\n`,
      'src/b.js': `export const b = "${TOKEN_B}";\n`,
    });
    const result = await audit(secretsChecks, files, { git: true });
    // b.js: the path matches but the stopword does not, and the AND condition needs both.
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/b.js:1']);
    expect(setAside(result)['gitleaks:.gitleaks.toml']).toBe(1);
  });

  it('does not apply rule-scoped allowlists, whose rule ids are gitleaks\' own', async () => {
    const config = ['[[allowlists]]', "targetRules = ['github-pat']", "paths = ['''^src/''']", ''].join('\n');
    const result = await audit(secretsChecks, base({ '.gitleaks.toml': config, 'src/a.js': `export const a = "${TOKEN_A}";\n` }), { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/a.js:1']);
  });

  it('says a configuration that does not parse, and reports what it would have hidden', async () => {
    const result = await audit(secretsChecks, base({ '.gitleaks.toml': '[allowlist\npaths = [\n', 'src/a.js': `export const a = "${TOKEN_A}";\n` }), { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/a.js:1']);
    expect(messages(result, 'secrets.hardcoded')[0]).toMatch(/\.gitleaks\.toml does not parse as TOML .*: its allowlist is not applied/);
  });

  it('honours .gitleaksignore fingerprints by file and line, with or without a commit', async () => {
    const ignore = `# accepted\nsrc/a.js:github-pat:1\n0123456789abcdef0123456789abcdef01234567:src/b.js:github-pat:2\n`;
    const files = base({ '.gitleaksignore': ignore, 'src/a.js': `export const a = "${TOKEN_A}";\n`, 'src/b.js': `export const x = 1;\nexport const b = "${TOKEN_B}";\nexport const c = "${TOKEN_A}";\n` });
    const result = await audit(secretsChecks, files, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/b.js:3']);
    expect(setAside(result)['gitleaksignore:.gitleaksignore']).toBe(2);
    expect(gitleaksIgnoreKeys('weird:name.js:generic-api-key:7\n')).toEqual(['weird:name.js:7']);
  });
});

describe('detect-secrets baseline', () => {
  it('sets aside values audited as false positives (is_secret: false), never unaudited or confirmed ones', async () => {
    const sha1 = (v: string): string => createHash('sha1').update(v).digest('hex');
    const baseline = JSON.stringify({
      version: '1.5.0',
      results: {
        'src/a.js': [{ type: 'GitHub Token', filename: 'src/a.js', hashed_secret: sha1(TOKEN_A), is_verified: false, line_number: 1, is_secret: false }],
        'src/b.js': [{ type: 'GitHub Token', filename: 'src/b.js', hashed_secret: sha1(TOKEN_B), is_verified: false, line_number: 1, is_secret: true }],
        'src/c.js': [{ type: 'GitHub Token', filename: 'src/c.js', hashed_secret: sha1(TOKEN_A), is_verified: false, line_number: 1 }],
      },
    });
    const files = base({ '.secrets.baseline': baseline, 'src/a.js': `export const a = "${TOKEN_A}";\n`, 'src/b.js': `export const b = "${TOKEN_B}";\n`, 'src/c.js': `export const c = "${TOKEN_A}";\n` });
    const result = await audit(secretsChecks, files, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/b.js:1', 'fail P0 src/c.js:1']);
    expect(setAside(result)['detect-secrets:.secrets.baseline']).toBe(1);
  });
});

describe('the scanner\'s named filters', () => {
  it('counts what each filter set aside, by name', async () => {
    const files = base({
      'config/settings.yml': [
        'session_token: 3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b', // a UUID
        'api_key: ${API_KEY_FROM_THE_VAULT_2024}', // a reference
        'auth_token: EXAMPLE_TOKEN_VALUE_0000000', // a documented example
        '',
      ].join('\n'),
      'src/index.js': 'console.log(1);\n',
    });
    const counts = setAside(await audit(secretsChecks, files, { git: true }));
    expect(counts['secrets-filter:hash-or-identifier']).toBe(1);
    expect(counts['secrets-filter:documented-example']).toBe(1);
    expect(Object.keys(counts).filter((k) => k.startsWith('secrets-filter:')).length).toBeGreaterThanOrEqual(2);
  });
});
