import type { RepoCheck } from '../../engine/types.js';
import { entryAt } from '../../model/frameworks/phoenix.js';
import { describeValue, forEachEndpoint, literalInProd } from './common.js';

export const checkOrigin: RepoCheck = {
  id: 'phoenix.check-origin',
  title: 'Phoenix checks the origin of WebSocket connections in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: 'Fails when the endpoint configuration a prod release runs with (config.exs → prod.exs → runtime.exs) sets `check_origin: false`.',
    why: 'Phoenix.Endpoint: `:check_origin` "if the transport should check the origin of requests when the origin header is present ... This option protects against Cross-Site WebSocket Hijacking". With false, any web site a user visits can open the application\'s sockets (LiveView included) with that user\'s cookies.',
    fix: 'Leave it at its default (the endpoint\'s host), or list the allowed origins: `check_origin: ["https://app.example.com"]`; a socket meant for third-party sites can set it on that socket alone.',
    snippets: [{ stack: 'Phoenix', code: 'config :my_app, MyAppWeb.Endpoint, check_origin: ["https://app.example.com"]' }],
    severityNote: 'P1 when a socket of the endpoint connects with the session (`connect_info: [session: ...]`, as LiveView does); P2 when none does (token-authenticated sockets).',
  },
  async run(ctx) {
    // Cross-Site WebSocket Hijacking rides on the visitor's cookies: it matters where a socket connects with the
    // session (`connect_info: [session: ...]`, LiveView). Sockets that authenticate with a token in their params
    // (widgets embedded on other sites) give a foreign page nothing it does not already have: P2.
    const endpoints = await Promise.all(ctx.files.files.filter((f) => /(^|\/)lib\/[\w/]+\/endpoint\.ex$/.test(f.path)).map((f) => ctx.files.read(f.path)));
    const cookieSockets = endpoints.some((t) => t !== undefined && /connect_info:\s*\[[^\]]*session:/.test(t));
    return forEachEndpoint(ctx, ({ config }) => {
      const entry = entryAt(config, 'check_origin');
      const literal = entry ? literalInProd(entry.value) : undefined;
      if (entry && !entry.conditional && literal?.value === false) {
        const why = cookieSockets
          ? ''
          : ' P2: no socket of the endpoint connects with the session (connect_info: [session: ...]), so a foreign page gets no more than it could ask for itself.';
        return [{ status: 'fail', ...(cookieSockets ? {} : { severity: 'P2' as const }), message: `check_origin: false (${entry.path}:${entry.line}) in prod: any web site can open this endpoint's WebSocket and long-poll connections with the visitor's cookies (Cross-Site WebSocket Hijacking).${why}`, location: { path: entry.path, line: entry.line } }];
      }
      return [{ status: 'pass', message: entry ? `check_origin in prod is ${describeValue(entry.value)} (${entry.path}:${entry.line}).` : 'check_origin is not set for prod: Phoenix checks the origin against the endpoint\'s host.' }];
    });
  },
};
