import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../engine/redact.js';
import { isPlainObject } from '../../parse/compose.js';
import { isSecretVariableName } from '../../repo/classify.js';
import { classifySecretValue, isCredentialValue, urlPassword } from '../../model/values.js';
import { checkComposeServices, serviceLabel } from './common.js';

/** `*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, `API_KEY`...; `*_FILE` (Docker secrets paths) is not. */
export function isSecretEnvName(name: string): boolean {
  return isSecretVariableName(name, /_(FILE|PATH|ID|URL_FILE)$|PUBLIC|PUBLISHABLE|_HOST$|_USER(NAME)?$/i);
}

/**
 * A literal credential by the shared vocabulary: not an interpolation
 * (`${DB_PASSWORD}`), a secret file (`/run/secrets/db`), a placeholder
 * (`changeme`: what runs is a weak default, reported by secrets.weak-default),
 * a hash or a flag value.
 */
export function isLiteralSecret(value: unknown): value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  // An interpolation anywhere in the value (`postgres://u:${PW}@db`) is resolved at deploy time.
  if (/\$\{?[A-Za-z_]/.test(text)) return false;
  return isCredentialValue(text);
}
// `redis-server --requirepass s3cret`, `--password=...`, `--token ...`.
const COMMAND_SECRET = /(?:^|\s)--?(requirepass|masterauth|password|passwd|pass|token|secret|api-?key|auth-token)(?:=|\s+)(["']?)([^\s"']+)\2/i;

export const composeInlineSecret: RepoCheck = {
  id: 'compose.inline-secret',
  title: 'Compose files hold no literal secrets',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  docs: {
    summary:
      'Fails for each literal value (not `${VAR}`) of a secret-like key (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, not `*_FILE`) in a service\'s `environment:`, for a URL with an inline password in `environment:`, and for a secret given on the command line (`--requirepass`, `--password=`); one finding per key at its line, value redacted.',
    why: 'The compose file is committed: every clone, fork, CI log and backup now holds the credential, and it cannot be rotated without a commit.',
    fix: 'Reference a variable (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`) set from an untracked `.env` or the deployment environment, or use compose `secrets:` with `*_FILE` variables.',
    severityNote:
      'Values are judged with the shared value vocabulary: references (`${VAR}`, `/run/secrets/...`), hashes and flags pass; a placeholder (`changeme`, `replace-me-...`, `<...>`) is P2, since it is no leaked secret but runs as written. As every deployment check, at most P2 in development compose files and not judged in test, docs, example or template ones.',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    environment: DB_PASSWORD' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'environment and command lines',
      failClosed: true,
      visit(service): FindingInput[] {
        const out: FindingInput[] = [];
        const label = serviceLabel(service);
        const env = service.config.environment;
        if (isPlainObject(env)) {
          for (const [key, value] of Object.entries(env)) {
            if (isSecretEnvName(key) && (typeof value === 'string' || typeof value === 'number') && classifySecretValue(value) === 'placeholder') {
              // Recognised as a placeholder like everywhere else, so not a leaked secret; but a compose value runs as written.
              out.push({ status: 'fail', severity: 'P2', message: `${label} sets ${key} to a placeholder ${redactValue(String(value))}: it runs as the real value unless every deployment overrides it.`, location: service.locate(['environment', key]) });
              continue;
            }
            if (!isLiteralSecret(value)) continue;
            const text = String(value);
            const password = urlPassword(text);
            if (isSecretEnvName(key)) {
              out.push({ status: 'fail', message: `${label} sets ${key} to a literal value ${redactValue(text)}.`, location: service.locate(['environment', key]) });
            } else if (password !== undefined && isLiteralSecret(password)) {
              out.push({ status: 'fail', message: `${label} sets ${key} to a URL with an inline password ${redactValue(password)}.`, location: service.locate(['environment', key]) });
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
