import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { PRODUCTS } from '../../http/products.js';
import { incompleteProbes, isLoopbackVantage, pathProbe } from '../../http/surface.js';
import { askFromVantage, judgeByVantage } from '../../http/vantage.js';
import type { HttpResponse } from '../../http/client.js';
import { MAX_REPO_ADMIN_PATHS } from '../../model/admin-paths.js';
import { catchAllReferences, isCatchAll, parseJson, type CatchAllReferences } from '../health/discover.js';

/**
 * A route the repository names answers as an open API: 2xx JSON data (an object or a list), not what the server
 * answers for any path. A login page, a redirect to one, a 401/403 or HTML is not.
 */
export function answersAsOpenApi(response: HttpResponse, references: CatchAllReferences): boolean {
  if (response.status < 200 || response.status >= 300 || isCatchAll(response, references)) return false;
  const value = parseJson(response);
  return typeof value === 'object' && value !== null && /json/i.test(response.headers['content-type'] ?? '');
}

const ID = 'auth.open-admin';

const WITH_ADMIN = PRODUCTS.filter((p) => p.admin?.length).map((p) => p.name);

export const openAdmin: LiveCheck = {
  id: ID,
  title: 'Management APIs ask for credentials',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary: `Fails when the management or admin API of a well-known product recognised on the base page (${WITH_ADMIN.join(', ')}) answers without credentials with what that endpoint really serves (its flows, settings, configuration or data; a login page, a soft 404 or a 401 passes), or when an admin or management route the repository's code names (\`/api/admin/...\`, \`management/...\`) answers 2xx JSON without credentials.`,
    why: 'An admin API that answers anonymously hands over the application: Node-RED deploys flows that run any code, a wiki accepts edits and deletions from anyone, a configuration endpoint gives away keys.',
    fix: "Turn on the product's authentication before exposing it (Node-RED `adminAuth` in settings.js, TiddlyWiki `credentials=` and `readers=`/`writers=`, a GUI password and API key), or keep it bound to loopback behind an authenticating proxy.",
    snippets: [
      { stack: 'Node-RED', code: "// settings.js\nadminAuth: { type: 'credentials', users: [{ username: 'admin', password: '$2b$08$...bcrypt...', permissions: '*' }] }," },
      { stack: 'TiddlyWiki', code: 'tiddlywiki mywiki --listen credentials=users.csv readers=(authenticated) writers=(authenticated)' },
    ],
    severityNote:
      "P0 for a recognised product. When the product binds to loopback by default (TiddlyWiki, JSON Server, Syncthing) and the audit sees it from a loopback client, the GET is repeated to the same port on a non-loopback address of this machine (http.local-vantage; by default the first one found): answered there too, P0; refused, P2 (local clients only); with no such address or no telling answer, P1 and the finding says why. P1 for a route the repository names (whether it is meant to be public is not known).",
    traffic: `One GET per admin endpoint of a recognised product (at most 2 per product) and per admin route the repository names (at most ${MAX_REPO_ADMIN_PATHS}), without the configured headers, redirects not followed; none on other targets. One more per open endpoint of a loopback-bound product seen from loopback, sent to this machine's other address.`,
  },
  async run({ exchanges, target, http, repository, config }) {
    const [{ products }, routes] = await Promise.all([discoverEndpoints(exchanges, target), repository?.adminRoutes() ?? Promise.resolve([])]);
    const probed = products.flatMap((product) => (product.admin ?? []).map((endpoint) => ({ product, endpoint })));
    if (!probed.length && !routes.length) {
      return [{ status: 'skip', message: `No product with a known management API recognised on the base page (known: ${WITH_ADMIN.join(', ')}), and no admin route named by the repository.` }];
    }
    const loopback = isLoopbackVantage(target.url);
    const [results, named, references] = await Promise.all([
      Promise.all(probed.map(async (p) => ({ ...p, result: await pathProbe(exchanges, p.endpoint.path, ID) }))),
      Promise.all(routes.map(async (route) => ({ route, result: await pathProbe(exchanges, route.path, ID) }))),
      routes.length ? catchAllReferences({ exchanges, config }) : Promise.resolve({}),
    ]);
    const findings: FindingInput[] = [];
    const evidenceOf = (response: HttpResponse): string =>
      describeExchange(response, { headers: ['content-type', 'www-authenticate'], bodyExcerpt: 300, secretHeaders: http.secretHeaderNames });
    for (const { product, endpoint, result } of results) {
      if (!result.ok || !endpoint.matches(result.response)) continue;
      const localOnly = loopback ? product.localOnlyByDefault : undefined;
      const judged = localOnly
        ? judgeByVantage(
            await askFromVantage(exchanges, { targetUrl: target.url, setting: config.http.localVantage, path: endpoint.path, localOnly, owner: ID }, (r) => endpoint.matches(r)),
            localOnly,
          )
        : undefined;
      findings.push({
        status: 'fail',
        ...(judged?.severity ? { severity: judged.severity } : {}),
        message: `${product.name}'s ${endpoint.path} answers ${result.response.status} without credentials: ${endpoint.what}.${judged?.note ?? ''}`,
        url: result.response.url,
        evidence: evidenceOf(result.response),
      });
    }
    for (const { route, result } of named) {
      if (!result.ok || !answersAsOpenApi(result.response, references)) continue;
      findings.push({
        status: 'fail',
        severity: 'P1',
        message: `${route.path} (an admin route named in ${route.file}) answers ${result.response.status} with JSON data without credentials.`,
        url: result.response.url,
        evidence: evidenceOf(result.response),
      });
    }
    if (findings.length) return findings;
    const all = [...results, ...named];
    const incomplete = incompleteProbes(all.map((r) => r.result), 'admin endpoint');
    if (incomplete) return [incomplete];
    const answered = all.map(({ result }) => `${result.ok ? new URL(result.response.url).pathname : result.error.url} (${result.ok ? result.response.status : result.error.code})`).join(', ');
    return [{ status: 'pass', message: `No management endpoint answers without credentials: ${answered}.` }];
  },
};
