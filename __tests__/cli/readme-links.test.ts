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

  it('has no link to a section that is not there (GitHub\'s heading anchors)', () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const prose = text.replace(/```[\s\S]*?```/g, '');
    const seen = new Map<string, number>();
    const anchors = new Set<string>();
    for (const [, heading] of prose.matchAll(/^#{1,6} (.+)$/gm)) {
      // As github-slugger does: lower case, punctuation dropped, spaces to hyphens, repeats numbered.
      const slug = heading!.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n ? `${slug}-${n}` : slug);
    }
    const links = [...prose.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !anchors.has(decodeURIComponent(l)))).toEqual([]);
  });
});
