// Real files (and real git repositories) in temporary directories.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  root: string;
  write(path: string, content: string | Buffer): void;
  cleanup(): void;
}

/** Creates a directory with `files`; with `git: true` it is a repository with every file committed. */
export function makeRepo(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'rg-repo-'));
  const write = (path: string, content: string | Buffer): void => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  if (options.git) {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture', '--allow-empty');
  }
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
