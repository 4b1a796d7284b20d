import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { isSecretEnvName } from '../compose/inline-secret.js';
import { isCredentialValue, isPublicKeyName } from '../../model/values.js';

/** Stores that production reaches on its internal network: their default passwords are P1 (SEVERITY.md). */
const DATASTORE = /(DATABASE|DB_|_DB|POSTGRES|PG_|MYSQL|REDIS|MONGO|RABBIT|AMQP|SMTP|MAIL|ELASTIC|MINIO|S3_)/i;

export const envFallback: RepoCheck = {
  id: 'phoenix.env-fallback',
  title: 'Elixir config has no literal fallback for secrets in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded', 'secrets.weak-default'],
  docs: {
    summary:
      'Fails when a value the prod configuration uses (config.exs → prod.exs → runtime.exs, dev and test branches left out) reads a secret-named variable with a literal fallback: `System.get_env("API_JWT_SECRET", "…")` or `System.get_env("X") || "…"`. `secret_key_base` is judged by phoenix.secret-key-base.',
    why: 'Phoenix\'s deployment guide reads secrets in config/runtime.exs with `System.get_env("X") || raise "environment variable X is missing."` so a release refuses to start without them; a literal fallback instead runs production with a value published in the repository whenever the variable is forgotten.',
    fix: 'Drop the fallback and raise when the variable is missing: `System.fetch_env!("API_JWT_SECRET")`.',
    severityNote: 'P1 when the variable names a datastore or mail server (DATABASE, POSTGRES, REDIS, SMTP...), which production reaches on its internal network (SEVERITY.md).',
  },
  run: async (ctx) => {
    const apps = await ctx.model.phoenix();
    if (!apps.length) return [{ status: 'skip', message: 'No Elixir application configuration (config/config.exs).' }];
    const findings: FindingInput[] = [];
    let read = 0;
    for (const app of apps) {
      for (const broken of app.errors) findings.push({ status: 'error', message: `${broken.path}:${broken.line} cannot be read (${broken.message}); its fallbacks are not judged.`, location: { path: broken.path, line: broken.line } });
      const seen = new Set<string>();
      for (const f of app.fallbacks) {
        read++;
        const key = f.path.at(-1)!;
        const fallback = f.value.fallback;
        if (key === 'secret_key_base' || fallback?.kind !== 'lit' || typeof fallback.value !== 'string') continue;
        // The shared vocabulary of secret names (not the redaction pattern, which hides any value named like one):
        // JWT_CLAIM_VALIDATORS and REQUEST_ID_BAGGAGE_KEY name no secret (supabase/realtime, round 13).
        if (!(isSecretEnvName(f.value.name) || isSecretEnvName(key.toUpperCase())) || isPublicKeyName(f.value.name) || isPublicKeyName(key) || !isCredentialValue(fallback.value)) continue;
        const where = `${f.value.path}:${f.value.line}`;
        if (seen.has(where)) continue;
        seen.add(where);
        const datastore = DATASTORE.test(f.value.name);
        findings.push({
          status: 'fail',
          ...(datastore ? { severity: 'P1' as const } : {}),
          message: `System.get_env("${f.value.name}") falls back to a literal (${redactValue(fallback.value)}) at ${where}, used by config :${f.app}${f.key ? `, ${f.key}` : ''}, ${f.path.join('.')} in prod: production runs with it whenever ${f.value.name} is not set.${datastore ? ' P1: a datastore or mail server production reaches on its internal network.' : ''}`,
          location: { path: f.value.path, line: f.value.line },
        });
      }
    }
    if (findings.length) return findings;
    return [{ status: 'pass', message: `No secret read with a literal fallback in the prod configuration (${read} environment read(s) with a fallback, none of a secret).` }];
  },
};
