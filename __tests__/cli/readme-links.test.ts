// Every relative link in the README points at a file of the repository.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = process.cwd();

describe('README', () => {
  it('has no relative link to a missing file', () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/```[\s\S]*?```/g, '');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:|#)/.test(t));
    expect(targets.length).toBeGreaterThan(0);
    const missing = targets.filter((t) => !existsSync(join(dirname(join(ROOT, 'README.md')), decodeURIComponent(t.split('#')[0]!))));
    expect(missing).toEqual([]);
  });
});
