import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { endpointsOf, type ExEntry, type ExValue, type PhoenixApp } from '../../model/frameworks/phoenix.js';

/**
 * Runs `verdict` on each Phoenix endpoint's configuration as MIX_ENV=prod
 * merges it; skips without one. A config file that does not parse is an
 * error, never a pass: its settings are unknown.
 */
export async function forEachEndpoint(
  ctx: Pick<RepoCheckContext, 'model'>,
  verdict: (endpoint: { app: PhoenixApp; id: string; config: Map<string, ExEntry> }) => FindingInput[],
): Promise<FindingInput[]> {
  const apps = await ctx.model.phoenix();
  const findings: FindingInput[] = [];
  for (const app of apps) {
    const broken = app.errors[0];
    if (broken) {
      findings.push({ status: 'error', message: `${broken.path}:${broken.line} cannot be read (${broken.message}); the prod configuration is not judged.`, location: { path: broken.path, line: broken.line } });
      continue;
    }
    const assumed = app.notes.length ? ` Assumed: ${app.notes.join('; ')}.` : '';
    const ids = new Set([...endpointsOf(app).map(([id]) => id), ...app.computed.filter((c) => /\s\S*Endpoint$/.test(c.id)).map((c) => c.id)]);
    for (const id of ids) {
      const computed = app.computed.find((c) => c.id === id);
      for (const f of verdict({ app, id, config: app.configs.get(id) ?? new Map() })) {
        const message = `${f.message} [${id}, MIX_ENV=prod: ${app.files.join(' → ')}]${assumed}`;
        // Options built in code (`config :app, Endpoint, endpoint_config`) may set what this check misses: not a fail by guess.
        if (computed && f.status === 'fail') findings.push({ status: 'pass', message: `Not judged: config :${id.replace(' ', ', ')} at ${computed.path}:${computed.line} is computed and may replace this. ${message}` });
        else findings.push({ ...f, message: computed ? `${message} (config :${id.replace(' ', ', ')} at ${computed.path}:${computed.line} is computed and not read.)` : message });
      }
    }
  }
  if (!findings.length) return [{ status: 'skip', message: 'No Phoenix endpoint configured (config/config.exs with `config :app, AppWeb.Endpoint, ...`).' }];
  return findings;
}

/** How a value came about, for messages. */
export function describeValue(value: ExValue): string {
  switch (value.kind) {
    case 'lit':
      return value.value === null ? 'nil' : value.atom ? `:${value.value}` : typeof value.value === 'string' ? JSON.stringify(value.value) : String(value.value);
    case 'env':
      if (value.required) return `read from ${value.name}, required (the release refuses to start without it)`;
      return value.fallback ? `System.get_env("${value.name}") with the fallback ${describeValue(value.fallback)}` : `System.get_env("${value.name}") (nil when unset)`;
    case 'kw':
      return `[${[...value.entries.keys()].map((k) => `${k}: …`).join(', ')}]`;
    case 'list':
      return '[…]';
    default:
      return `computed (${value.text})`;
  }
}

/** The literal a value is in prod with its variables unset: a literal, or an env read's literal fallback. */
export function literalInProd(value: ExValue): { value: string | number | boolean | null; fallbackOf?: string } | undefined {
  if (value.kind === 'lit') return { value: value.value };
  if (value.kind === 'env' && value.fallback?.kind === 'lit') return { value: value.fallback.value, fallbackOf: value.name };
  if (value.kind === 'env' && !value.required && !value.fallback) return { value: null, fallbackOf: value.name };
  return undefined;
}
