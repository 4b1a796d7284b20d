// Hostile configuration files (the repository's own, so a pull request's):
// globs that backtrack, timeouts past Node's timer limit, YAML alias bombs.
// Each is a configuration error naming the file and key, found at once.
// Issue 13, items 11, 12, 13.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfigText } from '../../src/config/load.js';
import { MAX_TIMER_MS } from '../../src/config/schema.js';

const FILE = '.github/readiness.yml';

function errorOf(text: string): string {
  const started = performance.now();
  try {
    parseConfigText(text, FILE);
  } catch (err) {
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('hostile configuration', () => {
  it('refuses a repo.ignore glob with 20 stars (picomatch backtracking) before any file is matched', () => {
    const glob = `${'*a'.repeat(20)}*b`;
    expect(errorOf(`repo:\n  ignore:\n    - "${glob}"\n`)).toBe(
      `${FILE}:3: repo.ignore[0]: a glob may have at most 2 * per path segment (matching is slow otherwise)`,
    );
    expect(errorOf(`waivers:\n  - check: docker.non-root\n    reason: legacy image\n    path: "${glob}"\n`)).toMatch(/waivers\[0\]\.path: a glob may have at most 2 \*/);
    expect(errorOf(`repo:\n  ignore: ["${'a'.repeat(300)}"]\n`)).toMatch(/repo\.ignore\[0\]: a glob may be at most 200 characters long/);
    // Ordinary globs still pass.
    expect(parseConfigText('repo:\n  ignore: ["**/fixtures/**", "src/**/*.generated.*", "*.min.js"]\n', FILE).repo.ignore).toHaveLength(3);
  });

  it('refuses timeouts past 2^31-1 ms, which Node fires after 1 ms', () => {
    expect(errorOf(`timeouts:\n  audit-ms: ${MAX_TIMER_MS + 1}\n`)).toMatch(/^\.github\/readiness\.yml:2: timeouts\.audit-ms: .*2147483647/);
    expect(errorOf('timeouts:\n  check-ms: 99999999999\n')).toMatch(/timeouts\.check-ms/);
    expect(errorOf('http:\n  timeout-ms: 99999999999\n')).toMatch(/http\.timeout-ms/);
    expect(errorOf('http:\n  connect-timeout-ms: 99999999999\n')).toMatch(/http\.connect-timeout-ms/);
    expect(errorOf('health:\n  latency-ms: 99999999999\n')).toMatch(/health\.latency-ms/);
  });

  it('reports a YAML alias bomb as a configuration error naming the file, not an internal error', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'targets: *g',
    ].join('\n');
    expect(errorOf(bomb)).toMatch(/^\.github\/readiness\.yml: invalid YAML: Excessive alias count/);
  });
});
