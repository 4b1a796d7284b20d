import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfigText } from '../../src/config/load.js';

const FILE = '.github/readiness.yml';
const errorOf = (text: string): string => {
  try {
    parseConfigText(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('load.ramp configuration', () => {
  it('is off by default, with the stages of the issue capped by load.max-concurrency', () => {
    const { load } = parseConfigText('', FILE);
    expect(load.maxConcurrency).toBe(200);
    expect(load.ramp).toMatchObject({ enabled: false, stages: [10, 25, 50, 100, 200], soakMs: 30000, maxRequests: 20000, maxDurationMs: 55000, maxDrift: 0.25, dropSeverity: 'P1' });
    // The default stages stop at a lower cap, which becomes the last stage.
    expect(parseConfigText('load:\n  max-concurrency: 64\n', FILE).load.ramp.stages).toEqual([10, 25, 50, 64]);
    expect(parseConfigText('load:\n  max-concurrency: 50\n', FILE).load.ramp.stages).toEqual([10, 25, 50]);
  });

  it('reads configured stages and settings', () => {
    const { load } = parseConfigText('load:\n  max-concurrency: 400\n  ramp:\n    enabled: true\n    stages: [5, 50, 400]\n    soak-ms: 0\n    drop-severity: P0\n', FILE);
    expect(load.ramp).toMatchObject({ enabled: true, stages: [5, 50, 400], soakMs: 0, dropSeverity: 'P0' });
  });

  it('rejects nonsense stages with the file, the line and the key', () => {
    expect(errorOf('load:\n  ramp:\n    stages: [10, -5, 50]\n')).toBe(`${FILE}:3: load.ramp.stages[1]: a stage needs at least 1 client`);
    expect(errorOf('load:\n  ramp:\n    stages: [10, 2.5]\n')).toBe(`${FILE}:3: load.ramp.stages[1]: expected int, got 2.5`);
    expect(errorOf('load:\n  ramp:\n    stages:\n      - 10\n      - 50\n      - 25\n')).toBe(`${FILE}:6: load.ramp.stages[2]: stages must increase: 25 comes after 50`);
    expect(errorOf('load:\n  ramp:\n    stages:\n      - 10\n      - 10\n')).toBe(`${FILE}:5: load.ramp.stages[1]: stages must increase: 10 comes after 10`);
    expect(errorOf('load:\n  max-concurrency: 100\n  ramp:\n    stages:\n      - 10\n      - 150\n')).toBe(`${FILE}:6: load.ramp.stages[1]: 150 clients is above load.max-concurrency (100)`);
    expect(errorOf('load:\n  ramp:\n    stages: []\n')).toMatch(new RegExp(`^${FILE.replace(/\./g, '\\.')}:3: load\\.ramp\\.stages: `));
    expect(errorOf('load:\n  max-concurrency: 5000\n')).toMatch(/^\.github\/readiness\.yml:2: load\.max-concurrency: /);
  });

  it('needs two requests per client of the largest stage', () => {
    expect(errorOf('load:\n  ramp:\n    stage-requests: 100\n')).toBe(`${FILE}:3: load.ramp.stage-requests: 100 is fewer than two requests per client of the largest stage (200 clients)`);
    expect(parseConfigText('load:\n  ramp:\n    stages: [10, 50]\n    stage-requests: 100\n', FILE).load.ramp.stageRequests).toBe(100);
  });

  it('suggests the key meant', () => {
    expect(errorOf('load:\n  ramp:\n    stagess: [1]\n')).toBe(`${FILE}:3: load.ramp.stagess: unknown key; did you mean "stages"?`);
  });
});
