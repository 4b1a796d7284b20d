import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { isCredentialByFormat } from '../../model/values.js';
import { redactValue } from '../../core/redact.js';
import { isCredentialValue, isEncrypted, isPlaceholder, isReference, publicClientKey, urlPassword } from '../../model/values.js';
import { isRealEnvFile } from '../../repo/classify.js';
import { notReadFinding } from '../../repo/fileset.js';
import { isSecretEnvKey, loadEnvFile } from './common.js';

/** A value that is really a secret (the shared vocabulary): not a placeholder, reference, hash or flag. */
export function isRealSecretValue(value: string): boolean {
  return isCredentialValue(value);
}

/** The fix for the file seen: untrack that file, keep a template beside it, rotate the keys it named. */
export function committedFileFix(path: string, keys: readonly string[]): string {
  const rotate = keys.length ? ` Rotate ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}: ${keys.length === 1 ? 'it stays' : 'they stay'} in the history of every clone.` : '';
  return `Untrack it (\`git rm --cached ${path}\`), add \`/${path}\` to \`.gitignore\`, and commit \`${path}.example\` with the same keys and placeholder values instead.${rotate}`;
}

export const envCommittedFile: RepoCheck = {
  id: 'env.committed-file',
  title: 'No real env file is committed',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  supersedesScope: 'file',
  docs: {
    summary:
      'Fails for each env file tracked by git that is not a template (`.env`, `.env.prod`, `.env.production`, `.env.local`, `.env.backup*`, any `.env.*` or `*.env` that is not `.example`/`.sample`/`.template`/`.dist`) and holds a non-placeholder value for a secret-like key (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, `*_DSN`) or a URL with a password; at the first such key, values redacted. Untracked and git-ignored files are not judged.',
    why: 'A committed env file puts production credentials in every clone, fork and backup, forever in history: removing it later does not un-leak it.',
    fix: 'Remove the file from git (`git rm --cached .env`), add it to `.gitignore`, commit a `.env.example` with placeholders instead, and rotate every credential it held.',
    severityNote:
      'P2 when the tracked file holds only placeholders (`CHANGE_ME`, `YOUR_…`, `<…>`, `xxx`, empty) or no secret-like key: no credential leaked, but the file invites one. A line dotenv cannot read is reported as one `error` per file.',
  },
  async run(ctx) {
    if (!ctx.files.isGitRepository) return [{ status: 'skip', message: 'Not a git work tree: which env files are committed cannot be told.' }];
    const tracked = ctx.files.files.filter((f) => f.tracked && isRealEnvFile(f.path));
    // Tracked env files the walker left out: too large to read (an error, this
    // check cannot vouch for them), or a link out of the repository (git holds
    // only the link, not the values: said as it is, not as "no env file").
    const findings: FindingInput[] = [];
    for (const skipped of ctx.files.notRead(isRealEnvFile)) {
      if (!skipped.tracked) continue;
      if (skipped.unread === 'oversized') findings.push(notReadFinding(skipped, 'error'));
      else {
        findings.push({
          status: 'pass',
          message: `${skipped.path} is tracked by git as a symbolic link, not a file: ${skipped.reason}; git stores the link, not the values.`,
          location: { path: skipped.path, line: 1 },
        });
      }
    }
    if (tracked.length === 0 && findings.length === 0) return [{ status: 'pass', message: 'No real env file (.env, .env.prod, .env.local, ...) is tracked by git.' }];
    for (const { path } of tracked) {
      const file = await loadEnvFile(ctx, path);
      if (!file) continue;
      const problem = file.env.problems[0];
      if (problem) findings.push({ status: 'error', message: `${path}: ${problem.message}.`, location: { path, line: problem.line } });
      const secrets = file.env.entries.filter((e) => {
        // A provider's public client key (a Mapbox pk. token, a PostHog project key) is published by design.
        if (publicClientKey(e.value)) return false;
        if (isSecretEnvKey(e.key)) return isRealSecretValue(e.value);
        const password = urlPassword(e.value);
        return password !== undefined && isRealSecretValue(password);
      });
      if (secrets.length) {
        const shown = secrets.slice(0, 5).map((e) => `${e.key}=${redactValue(e.value)}`).join(', ');
        findings.push({
          status: 'fail',
          message: `${path} is tracked by git and holds ${secrets.length} secret value(s): ${shown}${secrets.length > 5 ? ', …' : ''}.`,
          location: { path, line: secrets[0]!.line },
          remediation: committedFileFix(path, secrets.map((e) => e.key)),
          // An access key id or token by its provider's format: P0 wherever the file sits (SEVERITY.md).
          ...(file.env.entries.some((e) => isCredentialByFormat(e.value)) ? { byFormat: true } : {}),
        });
      } else if (file.env.entries.some((e) => isEncrypted(e.value))) {
        findings.push({ status: 'pass', message: `${path} is tracked by git with its secret values encrypted (dotenvx \`encrypted:\` or SOPS \`ENC[...]\`).` });
      } else {
        // Public settings only (Next.js commits `.env.production` with NEXT_PUBLIC_* values) are not "placeholders".
        const what = file.env.entries.some((e) => isSecretEnvKey(e.key)) || file.env.entries.every((e) => isPlaceholder(e.value) || isReference(e.value)) ? 'placeholders only, no secret value yet' : 'no secret-like key yet';
        findings.push({ status: 'fail', severity: 'P2', message: `${path} is tracked by git (${what}).`, file: path, remediation: committedFileFix(path, []) });
      }
    }
    return findings;
  },
};
