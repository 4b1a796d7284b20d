import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, expandHeaderVariables, loadConfig, parseConfigText } from '../../src/config/load.js';
import { makeRepo } from '../helpers/repo.js';

const FILE = '.github/readiness.yml';
const parse = (text: string, env: NodeJS.ProcessEnv = {}) => {
  const config = parseConfigText(text, FILE);
  // As the workflow allows it: the variables and the targets' origins it names.
  const rule = { allowEnv: Object.keys(env).concat('MISSING_KEY'), workflowOrigins: config.targets.map((t) => new URL(t.url).origin) };
  return { ...config, targets: expandHeaderVariables(config.targets, FILE, env, rule) };
};
const errorOf = (text: string, env: NodeJS.ProcessEnv = {}): string => {
  try {
    parse(text, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration file', () => {
  it('parses a full configuration into camelCase settings with defaults', () => {
    const config = parse(`
targets:
  - url: https://shop.example.com/
    production: true
    headers:
      Authorization: Bearer \${API_TOKEN}
    health: [/healthz]
    rate-limited:
      - path: /login
        method: post
        severity: P0
http:
  timeout-ms: 2500
checks:
  skip: [load]
severity:
  headers.csp: P0
waivers:
  - check: docker.non-root
    path: legacy/**
    reason: legacy worker is retired in Q1
    expires: 2027-03-31
min-score: 70
fail-on: p1
`, { API_TOKEN: 'abc123' });
    const target = config.targets[0]!;
    expect(target.url).toBe('https://shop.example.com/');
    expect(target.production).toBe(true);
    expect(target.headers).toEqual({ Authorization: 'Bearer abc123' });
    expect(target.paths.health).toEqual([{ path: '/healthz', method: 'GET' }]);
    expect(target.paths.rateLimited).toEqual([{ path: '/login', method: 'POST', severity: 'P0', body: undefined, contentType: undefined }]);
    expect(config.http.timeoutMs).toBe(2500);
    expect(config.http.connectTimeoutMs).toBe(3000);
    expect(config.http.maxRequests).toBe(1000);
    expect(config.load.concurrency).toBe(50);
    expect(config.checks.skip).toEqual(['load']);
    expect(config.severity).toEqual({ 'headers.csp': 'P0' });
    expect(config.waivers[0]).toMatchObject({ check: 'docker.non-root', expires: '2027-03-31' });
    expect(config.minScore).toBe(70);
    expect(config.failOn).toBe('p1');
  });

  it('treats an empty file as the defaults', () => {
    const config = parse('');
    expect(config.targets).toEqual([]);
    expect(config.failOn).toBe('p0');
    expect(config.timeouts).toEqual({ checkMs: 60000, auditMs: 600000 });
  });

  it('rejects an unknown key with its line and a "did you mean"', () => {
    expect(errorOf('http:\n  timeout-ms: 100\n  max-request: 5\n')).toBe(
      '.github/readiness.yml:3: http.max-request: unknown key; did you mean "max-requests"?',
    );
    expect(errorOf('min-scor: 3\n')).toBe('.github/readiness.yml:1: min-scor: unknown key; did you mean "min-score"?');
    expect(errorOf('targets:\n  - url: http://a.test/\n    helth: [/h]\n')).toBe(
      '.github/readiness.yml:3: targets[0].helth: unknown key; did you mean "health"?',
    );
  });

  it('names the file, line and key path of an invalid value', () => {
    expect(errorOf('fail-on: p3\n')).toBe('.github/readiness.yml:1: fail-on: must be one of "p0", "p1", "p2", "never"');
    expect(errorOf('targets:\n  - url: ftp://x.test/\n')).toBe('.github/readiness.yml:2: targets[0].url: must be an http:// or https:// URL');
    expect(errorOf('http:\n  timeout-ms: fast\n')).toBe('.github/readiness.yml:2: http.timeout-ms: expected number, got "fast"');
    expect(errorOf('waivers:\n  - check: a.b\n')).toBe('.github/readiness.yml:2: waivers[0].reason: expected string, but it is missing');
    expect(errorOf('waivers:\n  - check: a.b\n    reason: ok because\n    expires: soon\n')).toBe(
      '.github/readiness.yml:4: waivers[0].expires: must be a date such as 2026-12-31',
    );
  });

  it('reports malformed YAML at the parser line', () => {
    expect(errorOf('targets:\n  - url: http://a.test/\n   bad: [\n')).toMatch(/^\.github\/readiness\.yml:3: invalid YAML: /);
    expect(errorOf('- just\n- a list\n')).toBe('.github/readiness.yml:1: the configuration must be a mapping of keys to values');
    expect(errorOf('a: 1\n---\nb: 2\n')).toBe('.github/readiness.yml:3: expected one YAML document, found 2');
    expect(errorOf('x\u0000y')).toBe('.github/readiness.yml: is a binary file, not YAML');
  });

  it('requires header environment references to be set, without printing other values', () => {
    expect(errorOf('targets:\n  - url: http://a.test/\n    headers:\n      X-Key: ${MISSING_KEY}\n')).toBe(
      '.github/readiness.yml: targets[0].headers.X-Key: references ${MISSING_KEY}, which is not set in the environment',
    );
  });

  it('loads from disk: the default path may be absent, an explicit one may not', async () => {
    const repo = makeRepo({ 'readiness.yml': 'min-score: 42\n' });
    try {
      expect((await loadConfig(join(repo.root, 'nope.yml'), { explicit: false })).config.minScore).toBe(0);
      await expect(loadConfig(join(repo.root, 'nope.yml'), { explicit: true })).rejects.toThrow(/configuration file not found/);
      await expect(loadConfig(repo.root, { explicit: true })).rejects.toThrow(/is a directory/);
      const loaded = await loadConfig(join(repo.root, 'readiness.yml'), { explicit: true });
      expect(loaded.config.minScore).toBe(42);
      writeFileSync(join(repo.root, 'big.yml'), 'targets:\n' + '  - url: http://a.test/\n'.repeat(5000));
      expect((await loadConfig(join(repo.root, 'big.yml'), { explicit: true })).config.targets).toHaveLength(5000);
    } finally {
      repo.cleanup();
    }
  });
});
