import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../engine/redact.js';
import { isPlainObject } from '../../parse/compose.js';
import { isSecretVariableName } from '../../repo/classify.js';
import { checkComposeServices, serviceLabel } from './common.js';

/** `*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, `API_KEY`...; `*_FILE` (Docker secrets paths) is not. */
export function isSecretEnvName(name: string): boolean {
  return isSecretVariableName(name, /_(FILE|PATH|ID|URL_FILE)$|PUBLIC|PUBLISHABLE|_HOST$|_USER(NAME)?$/i);
}

/** A literal, not an interpolation (`${DB_PASSWORD}`, `$DB_PASSWORD`) or a flag value. */
export function isLiteralSecret(value: unknown): value is string | number {
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  const text = String(value).trim();
  if (text === '' || /\$\{?[A-Za-z_]/.test(text)) return false;
  return !/^(yes|no|true|false|on|off|0|1)$/i.test(text);
}

// Starts at `://` and looks behind for the scheme: starting at the scheme,
// a long run of letters costs quadratic time (each letter scans to the run's end).
const URL_PASSWORD = /:\/\/(?<=[a-z][a-z0-9+.-]*:\/\/)[^\s:@/]*:([^\s@/]+)@/i;
// `redis-server --requirepass s3cret`, `--password=...`, `--token ...`.
const COMMAND_SECRET = /(?:^|\s)--?(requirepass|masterauth|password|passwd|pass|token|secret|api-?key|auth-token)(?:=|\s+)(["']?)([^\s"']+)\2/i;

export const composeInlineSecret: RepoCheck = {
  id: 'compose.inline-secret',
  title: 'Compose files hold no literal secrets',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each literal value (not `${VAR}`) of a secret-like key (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, not `*_FILE`) in a service\'s `environment:`, for a URL with an inline password in `environment:`, and for a secret given on the command line (`--requirepass`, `--password=`); one finding per key at its line, value redacted.',
    why: 'The compose file is committed: every clone, fork, CI log and backup now holds the credential, and it cannot be rotated without a commit.',
    fix: 'Reference a variable (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`) set from an untracked `.env` or the deployment environment, or use compose `secrets:` with `*_FILE` variables.',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    environment: DB_PASSWORD' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'environment and command lines',
      visit(service): FindingInput[] {
        const out: FindingInput[] = [];
        const label = serviceLabel(service);
        const env = service.config.environment;
        if (isPlainObject(env)) {
          for (const [key, value] of Object.entries(env)) {
            if (!isLiteralSecret(value)) continue;
            const text = String(value);
            const url = URL_PASSWORD.exec(text);
            if (isSecretEnvName(key)) {
              out.push({ status: 'fail', message: `${label} sets ${key} to a literal value ${redactValue(text)}.`, location: service.locate(['environment', key]) });
            } else if (url && isLiteralSecret(url[1])) {
              out.push({ status: 'fail', message: `${label} sets ${key} to a URL with an inline password ${redactValue(url[1]!)}.`, location: service.locate(['environment', key]) });
            }
          }
        }
        for (const field of ['command', 'entrypoint'] as const) {
          const raw = service.config[field];
          const command = Array.isArray(raw) ? raw.map(String).join(' ') : typeof raw === 'string' ? raw : '';
          const match = COMMAND_SECRET.exec(command);
          if (match && isLiteralSecret(match[3])) {
            out.push({ status: 'fail', message: `${label} passes --${match[1]} ${redactValue(match[3]!)} on its ${field}.`, location: service.locate([field]) });
          }
        }
        return out;
      },
    });
  },
};
