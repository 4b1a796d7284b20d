import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { PRODUCTS } from '../../http/products.js';
import { incompleteProbes, isLoopbackVantage, pathProbe } from '../../http/surface.js';

const ID = 'auth.open-admin';

const WITH_ADMIN = PRODUCTS.filter((p) => p.admin?.length).map((p) => p.name);

export const openAdmin: LiveCheck = {
  id: ID,
  title: 'Management APIs ask for credentials',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary: `Fails when the management or admin API of a well-known product recognised on the base page (${WITH_ADMIN.join(', ')}) answers without credentials with what that endpoint really serves (its flows, settings, configuration or data; a login page, a soft 404 or a 401 passes).`,
    why: 'An admin API that answers anonymously hands over the application: Node-RED deploys flows that run any code, a wiki accepts edits and deletions from anyone, a configuration endpoint gives away keys.',
    fix: "Turn on the product's authentication before exposing it (Node-RED `adminAuth` in settings.js, TiddlyWiki `credentials=` and `readers=`/`writers=`, a GUI password and API key), or keep it bound to loopback behind an authenticating proxy.",
    snippets: [
      { stack: 'Node-RED', code: "// settings.js\nadminAuth: { type: 'credentials', users: [{ username: 'admin', password: '$2b$08$...bcrypt...', permissions: '*' }] }," },
      { stack: 'TiddlyWiki', code: 'tiddlywiki mywiki --listen credentials=users.csv readers=(authenticated) writers=(authenticated)' },
    ],
    severityNote: 'P0; P1 when the product binds to loopback by default and the audit sees it from a loopback client (TiddlyWiki, JSON Server, Syncthing): the finding says it may hold for local clients only.',
    traffic: 'One GET per admin endpoint of a recognised product (at most 2 per product), without the configured headers, redirects not followed; none on other targets.',
  },
  async run({ exchanges, target, http }) {
    const { products } = await discoverEndpoints(exchanges, target);
    const probed = products.flatMap((product) => (product.admin ?? []).map((endpoint) => ({ product, endpoint })));
    if (!probed.length) {
      return [{ status: 'skip', message: `No product with a known management API recognised on the base page (known: ${WITH_ADMIN.join(', ')}).` }];
    }
    const loopback = isLoopbackVantage(target.url);
    const results = await Promise.all(probed.map(async (p) => ({ ...p, result: await pathProbe(exchanges, p.endpoint.path, ID) })));
    const findings: FindingInput[] = [];
    for (const { product, endpoint, result } of results) {
      if (!result.ok || !endpoint.matches(result.response)) continue;
      const localOnly = loopback && product.localOnlyByDefault;
      findings.push({
        status: 'fail',
        ...(localOnly ? { severity: 'P1' as const } : {}),
        message:
          `${product.name}'s ${endpoint.path} answers ${result.response.status} without credentials: ${endpoint.what}.` +
          (localOnly ? ` Seen from a loopback client, and by default ${product.name} ${product.localOnlyByDefault}: this may hold for local clients only, so P1 at most from this vantage.` : ''),
        url: result.response.url,
        evidence: describeExchange(result.response, { headers: ['content-type', 'www-authenticate'], bodyExcerpt: 300, secretHeaders: http.secretHeaderNames }),
      });
    }
    if (findings.length) return findings;
    const incomplete = incompleteProbes(results.map((r) => r.result), 'admin endpoint');
    if (incomplete) return [incomplete];
    const answered = results.map(({ endpoint, result }) => `${endpoint.path} (${result.ok ? result.response.status : result.error.code})`).join(', ');
    return [{ status: 'pass', message: `${products.map((p) => p.name).join(', ')}: no management endpoint answers without credentials: ${answered}.` }];
  },
};
