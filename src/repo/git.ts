// The few git facts the audit needs, read with the git CLI.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Paths (relative to `root`) changed between the merge base of `baseRef` and
 * the work tree, or undefined when git cannot tell (shallow clone without
 * the base, not a repository): callers then treat every file as changed.
 */
export async function changedFilesSince(root: string, baseRef: string): Promise<ReadonlySet<string> | undefined> {
  for (const ref of [baseRef, `origin/${baseRef}`]) {
    try {
      const { stdout } = await execFileAsync('git', ['-C', root, 'diff', '--name-only', '--relative', '-z', `${ref}...HEAD`], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return new Set(stdout.split('\0').filter(Boolean));
    } catch {
      // Try the remote-tracking name next.
    }
  }
  return undefined;
}
