import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { endpointsOf, entryAt } from '../../model/frameworks/phoenix.js';
import { describeValue, forEachEndpoint, literalInProd } from './common.js';
import { mayRunInProduction, type EnvAssignment } from '../../model/frameworks/deploy-env.js';

export const secretKeyBase: RepoCheck = {
  id: 'phoenix.secret-key-base',
  title: 'Phoenix secret_key_base is not a literal in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  // The literal is one cause, reported by the check that knows what the key signs and whether prod reaches it.
  supersedes: ['secrets.hardcoded', 'secrets.weak-default'],
  docs: {
    summary:
      'Fails when the endpoint\'s `secret_key_base` that a prod release runs with (config.exs, then prod.exs, then runtime.exs, as Mix and releases layer them) is a literal, or `System.get_env("SECRET_KEY_BASE", "literal")` / `|| "literal"`. A literal of config.exs that runtime.exs replaces in prod (`System.fetch_env!`, `|| raise`) is dev-only and passes.',
    severityNote: 'P0; P2 for a fallback whose variable the deployment files set (an env file the release runs with, such as `env.op` given to `op run`, a compose file or a manifest): production does not sign with the literal.',
    why: 'Phoenix\'s deployment guide: "Phoenix uses this secret_key_base to sign and encrypt data, such as cookies"; generate it with `mix phx.gen.secret` and read it from the environment in config/runtime.exs. A key in the repository lets anyone forge sessions and signed tokens.',
    fix: 'In config/runtime.exs, inside `if config_env() == :prod do`: `secret_key_base = System.get_env("SECRET_KEY_BASE") || raise "environment variable SECRET_KEY_BASE is missing."`.',
    snippets: [{ stack: 'Phoenix', code: 'if config_env() == :prod do\n  secret_key_base =\n    System.get_env("SECRET_KEY_BASE") ||\n      raise "environment variable SECRET_KEY_BASE is missing."\n\n  config :my_app, MyAppWeb.Endpoint, secret_key_base: secret_key_base\nend' }],
  },
  run: async (ctx) => {
    // What the deployment files set the fallback's variable to (an env file a release runs with, a manifest), asked
    // of the model only for the variables of literal fallbacks.
    const supplied: EnvAssignment[] = [];
    for (const app of await ctx.model.phoenix()) {
      for (const [, config] of endpointsOf(app)) {
        const entry = entryAt(config, 'secret_key_base');
        const fallbackOf = entry && !entry.conditional ? literalInProd(entry.value)?.fallbackOf : undefined;
        if (fallbackOf && !supplied.some((a) => a.name === fallbackOf)) supplied.push(...(await ctx.model.deploymentEnv(fallbackOf)).filter((a) => mayRunInProduction(a) && a.value !== ''));
      }
    }
    return forEachEndpoint(ctx, ({ config }) => {
      const entry = entryAt(config, 'secret_key_base');
      if (!entry) return [{ status: 'pass', message: 'secret_key_base is not set for prod: Phoenix refuses to sign cookies without it.' }];
      if (entry.conditional) return [{ status: 'pass', message: `secret_key_base is set at ${entry.path}:${entry.line} under a condition the deployment decides; not judged.` }];
      const literal = literalInProd(entry.value);
      if (literal && typeof literal.value === 'string' && literal.value !== '') {
        const where = entry.value.kind === 'env' ? { path: entry.value.path, line: entry.value.line } : { path: entry.path, line: entry.line };
        const what = literal.fallbackOf ? `secret_key_base falls back to a literal (${redactValue(literal.value)}) when ${literal.fallbackOf} is unset` : `secret_key_base is a literal (${redactValue(literal.value)})`;
        // A fallback the deployment never reaches: its files set the variable (`export SECRET_KEY_BASE="op://…"` in
        // the env file the release runs with), so only a deployment that leaves it unset signs with the literal.
        const set = literal.fallbackOf ? supplied.find((a) => a.name === literal.fallbackOf) : undefined;
        if (set) {
          return [{ status: 'fail', severity: 'P2', message: `${what} at ${where.path}:${where.line}; the deployment sets ${set.name} (${set.path}:${set.line}), so production does not sign with it: P2, a committed default only a deployment that leaves ${set.name} unset would use.`, location: where }];
        }
        const finding: FindingInput = { status: 'fail', message: `${what} at ${where.path}:${where.line}, and nothing in the prod configuration replaces it: production signs and encrypts its cookies with a key written in the repository.`, location: where };
        return [finding];
      }
      return [{ status: 'pass', message: `secret_key_base in prod is ${describeValue(entry.value)} (${entry.path}:${entry.line}).` }];
    });
  },
};
