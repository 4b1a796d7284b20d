import type { RepoCheck } from '../../engine/types.js';
import { entryAt } from '../../model/frameworks/phoenix.js';
import { describeValue, forEachEndpoint, literalInProd } from './common.js';

export const forceSsl: RepoCheck = {
  id: 'phoenix.force-ssl',
  title: 'Phoenix forces HTTPS in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: 'Fails when the endpoint configuration a prod release runs with (config.exs → prod.exs → runtime.exs) has no `force_ssl` (or sets it to false/nil). A `force_ssl` set only under a condition the deployment decides passes with a note.',
    why: 'Phoenix\'s "Using SSL" guide: "to force SSL ... set the :force_ssl option in your endpoint configuration"; it plugs Plug.SSL, which redirects HTTP to HTTPS and sends Strict-Transport-Security. Without it the session cookie can travel over plain HTTP.',
    fix: 'In config/prod.exs: `config :my_app, MyAppWeb.Endpoint, force_ssl: [rewrite_on: [:x_forwarded_proto], hsts: true]`.',
    snippets: [{ stack: 'Phoenix', code: 'config :my_app, MyAppWeb.Endpoint, force_ssl: [rewrite_on: [:x_forwarded_proto], hsts: true]' }],
    severityNote: 'P1 when the endpoint terminates TLS itself (an `https:` listener); P2 when TLS ends at a proxy in front (SEVERITY.md: settings that belong to the TLS-terminating proxy).',
  },
  run: (ctx) =>
    forEachEndpoint(ctx, ({ app, config }) => {
      // SEVERITY.md: HSTS and the HTTPS redirect are the application's to provide (P1) where it terminates TLS
      // itself (an `https:` listener in its endpoint); behind a TLS-terminating proxy they belong to the proxy (P2).
      const terminates = entryAt(config, 'https') !== undefined;
      const severity = terminates ? 'P1' : 'P2';
      const why = terminates ? ' The endpoint terminates TLS itself (https: is configured).' : ' P2: the endpoint has no https: listener, so TLS ends at a proxy in front, which can redirect and send HSTS.';
      const entry = entryAt(config, 'force_ssl');
      if (!entry) {
        const where = app.files.find((f) => f.endsWith('/prod.exs')) ?? app.files[0]!;
        return [{ status: 'fail', severity, message: `force_ssl is not set for prod in ${app.files.join(', ')}: production does not redirect HTTP to HTTPS nor send HSTS (unless a proxy in front does).${why}`, file: where }];
      }
      const literal = literalInProd(entry.value);
      if (!entry.conditional && literal && (literal.value === false || literal.value === null)) {
        return [{ status: 'fail', severity, message: `force_ssl is ${describeValue(entry.value)} (${entry.path}:${entry.line}) in prod: production does not redirect HTTP to HTTPS nor send HSTS.${why}`, location: { path: entry.path, line: entry.line } }];
      }
      return [{ status: 'pass', message: `force_ssl in prod is ${describeValue(entry.value)} (${entry.path}:${entry.line})${entry.conditional ? ', under a condition the deployment decides' : ''}.` }];
    }),
};
