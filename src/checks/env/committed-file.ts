import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../engine/redact.js';
import { isEncryptedValue, isPlaceholderValue } from '../../parse/dotenv.js';
import { isRealEnvFile } from '../../repo/classify.js';
import { isSecretEnvKey, loadEnvFile } from './common.js';

// Starts at `://` and looks behind for the scheme: starting at the scheme,
// a long run of letters costs quadratic time (each letter scans to the run's end).
const URL_PASSWORD = /:\/\/(?<=[a-z][a-z0-9+.-]*:\/\/)[^\s:@/]*:([^\s@/]+)@/i;

/** A value that is really a secret: not a placeholder, not a boolean or a number flag. */
export function isRealSecretValue(value: string): boolean {
  if (isPlaceholderValue(value) || isEncryptedValue(value)) return false;
  return !/^(true|false|yes|no|on|off|\d{1,5})$/i.test(value.trim());
}

export const envCommittedFile: RepoCheck = {
  id: 'env.committed-file',
  title: 'No real env file is committed',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
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
    if (tracked.length === 0) return [{ status: 'pass', message: 'No real env file (.env, .env.prod, .env.local, ...) is tracked by git.' }];
    const findings: FindingInput[] = [];
    for (const { path } of tracked) {
      const file = await loadEnvFile(ctx, path);
      if (!file) continue;
      const problem = file.env.problems[0];
      if (problem) findings.push({ status: 'error', message: `${path}: ${problem.message}.`, location: { path, line: problem.line } });
      const secrets = file.env.entries.filter((e) => {
        if (isSecretEnvKey(e.key)) return isRealSecretValue(e.value);
        const url = URL_PASSWORD.exec(e.value);
        return url !== null && isRealSecretValue(url[1]!);
      });
      if (secrets.length) {
        const shown = secrets.slice(0, 5).map((e) => `${e.key}=${redactValue(e.value)}`).join(', ');
        findings.push({
          status: 'fail',
          message: `${path} is tracked by git and holds ${secrets.length} secret value(s): ${shown}${secrets.length > 5 ? ', …' : ''}.`,
          location: { path, line: secrets[0]!.line },
        });
      } else if (file.env.entries.some((e) => isEncryptedValue(e.value))) {
        findings.push({ status: 'pass', message: `${path} is tracked by git with its secret values encrypted (dotenvx \`encrypted:\` or SOPS \`ENC[...]\`).` });
      } else {
        // Public settings only (Next.js commits `.env.production` with NEXT_PUBLIC_* values) are not "placeholders".
        const what = file.env.entries.some((e) => isSecretEnvKey(e.key)) || file.env.entries.every((e) => isPlaceholderValue(e.value)) ? 'placeholders only, no secret value yet' : 'no secret-like key yet';
        findings.push({ status: 'fail', severity: 'P2', message: `${path} is tracked by git (${what}).`, location: { path, line: 1 } });
      }
    }
    return findings;
  },
};
