// A fake `helm` first on PATH (or none at all), for the Helm rendering tests:
// `helm` cannot be installed here. PATH is restored after each test.

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

type Hook = (fn: () => void) => void;

export function helmOnPath(afterEach: Hook, afterAll: Hook): { fakeHelm(script: string): void; noHelm(): void } {
  const savedPath = process.env.PATH;
  const dirs: string[] = [];
  afterEach(() => {
    process.env.PATH = savedPath;
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return {
    /** A `helm` that runs `script` (sh), first on PATH. */
    fakeHelm(script) {
      const bin = mkdtempSync(join(tmpdir(), 'rg-helm-'));
      dirs.push(bin);
      writeFileSync(join(bin, 'helm'), `#!/bin/sh\n${script}\n`);
      chmodSync(join(bin, 'helm'), 0o755);
      process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
    },
    /** A PATH with no `helm` (and nothing else). */
    noHelm() {
      process.env.PATH = mkdtempSync(join(tmpdir(), 'rg-empty-'));
      dirs.push(process.env.PATH);
    },
  };
}
