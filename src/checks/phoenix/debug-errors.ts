import type { RepoCheck } from '../../engine/types.js';
import { entryAt } from '../../model/frameworks/phoenix.js';
import { describeValue, forEachEndpoint, literalInProd } from './common.js';

export const debugErrors: RepoCheck = {
  id: 'phoenix.debug-errors',
  title: 'Phoenix debug_errors is off in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary: 'Fails when the endpoint configuration a prod release runs with (config.exs → prod.exs → runtime.exs) sets `debug_errors: true` (or a literal fallback that is true).',
    why: 'Phoenix.Endpoint documents `:debug_errors` as "when true, uses Plug.Debugger functionality for debugging failures in the application. Recommended to be set to true only in development as it allows listing of the application source code during debugging." The debugger page shows source, bindings and the request to anyone who triggers an error.',
    fix: 'Set `debug_errors: true` in config/dev.exs only.',
  },
  run: (ctx) =>
    forEachEndpoint(ctx, ({ config }) => {
      const entry = entryAt(config, 'debug_errors');
      const literal = entry ? literalInProd(entry.value) : undefined;
      if (entry && !entry.conditional && literal?.value === true) {
        return [{ status: 'fail', message: `debug_errors: ${describeValue(entry.value)} (${entry.path}:${entry.line}) in prod: Plug.Debugger shows source code, bindings and the request on every error.`, location: { path: entry.path, line: entry.line } }];
      }
      return [{ status: 'pass', message: entry ? `debug_errors in prod is ${describeValue(entry.value)} (${entry.path}:${entry.line})${entry.conditional ? ', under a condition the deployment decides' : ''}.` : 'debug_errors is not set for prod (false by default).' }];
    }),
};
