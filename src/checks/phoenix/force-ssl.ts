import type { RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { entryAt } from '../../model/frameworks/phoenix.js';
import { describeValue, forEachEndpoint, literalInProd } from './common.js';

export const forceSsl: RepoCheck = {
  id: 'phoenix.force-ssl',
  title: 'Phoenix forces HTTPS in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: 'Fails when the endpoint configuration a prod release runs with (config.exs → prod.exs → runtime.exs) has no `force_ssl` (or sets it to false/nil). A `force_ssl` set only under a condition the deployment decides passes with a note, and so does an endpoint module that plugs Plug.SSL in its own code. Endpoints no browser reaches are not judged: a metrics or health-check endpoint, a test, fake or desktop endpoint (by its module name), an https:-only listener that verifies client certificates, an endpoint with no listener, url or secret_key_base (a library\'s).',
    why: 'Phoenix\'s "Using SSL" guide: "to force SSL ... set the :force_ssl option in your endpoint configuration"; it plugs Plug.SSL, which redirects HTTP to HTTPS and sends Strict-Transport-Security. Without it the session cookie can travel over plain HTTP.',
    fix: 'In config/prod.exs: `config :my_app, MyAppWeb.Endpoint, force_ssl: [rewrite_on: [:x_forwarded_proto], hsts: true]`.',
    snippets: [{ stack: 'Phoenix', code: 'config :my_app, MyAppWeb.Endpoint, force_ssl: [rewrite_on: [:x_forwarded_proto], hsts: true]' }],
    severityNote: 'P1 when the endpoint terminates TLS itself (an `https:` listener); P2 when TLS ends at a proxy in front (SEVERITY.md: settings that belong to the TLS-terminating proxy).',
  },
  run: async (ctx) => {
    const plugged = await endpointsPluggingSsl(ctx);
    return forEachEndpoint(ctx, ({ app, id, config }) => {
      const module = id.split(' ')[1]!;
      const plug = plugged.get(module);
      if (plug) return [{ status: 'pass', message: `${module} plugs Plug.SSL in its own code (${plug}), which redirects to HTTPS and sends HSTS.` }];
      // Endpoints no browser reaches in production: named for metrics and health checks, or for tests, fakes and a
      // desktop build; an https:-only listener that verifies client certificates (devices with mTLS); an endpoint with
      // no listener, url or secret_key_base (a library's, configured with render_errors only).
      if (/(Metrics|Prometheus|Health\w*|Telemetry)Endpoint$/.test(module)) return [{ status: 'skip', message: `${module} serves metrics or health checks, not browsers: not judged.` }];
      if (/(?:^|[a-z.])(Fake|Mock|Test|Desktop)(?=[A-Z.]|$)/.test(module)) return [{ status: 'skip', message: `${module} is by its name a test, fake or desktop endpoint, not the production web endpoint: not judged.` }];
      const verify = entryAt(config, 'https', 'verify');
      if (verify && String(literalInProd(verify.value)?.value ?? '').replace(/^:/, '') === 'verify_peer' && !entryAt(config, 'http')) return [{ status: 'skip', message: `${module} serves only https: with client certificates verified (${verify.path}:${verify.line}): devices, not browsers; not judged.` }];
      const listens = ['http', 'https', 'url', 'secret_key_base', 'server'].some((k) => entryAt(config, k) !== undefined);
      if (!listens) return [{ status: 'skip', message: `${module} is configured in prod with no listener, url or secret_key_base (a library's endpoint): not judged.` }];
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
    });
  },
};

/**
 * Endpoint modules whose own code plugs Plug.SSL (`plug Plug.SSL, rewrite_on: [:x_forwarded_proto]` under a prod
 * condition, or a force-ssl plug of their own that calls it: NervesHub, Livebook): module -> `path:line`.
 */
async function endpointsPluggingSsl(ctx: RepoCheckContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of ctx.files.files) {
    if (!/(^|\/)lib\/.*endpoint[\w]*\.ex$/i.test(f.path)) continue;
    const text = await ctx.files.read(f.path);
    if (!text || !text.includes('Plug.SSL')) continue;
    const module = /^\s*defmodule\s+([\w.]+)\s+do/m.exec(text)?.[1];
    const at = text.search(/\bPlug\.SSL\b/);
    if (module && at >= 0) out.set(module, `${f.path}:${text.slice(0, at).split('\n').length}`);
  }
  return out;
}
