import type { LiveCheck } from '../../engine/types.js';
import type { HttpResponse } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { apiProbe, probedPages, versionDocument } from '../../http/surface.js';

// Headers whose value names the framework or its generator (a product word is enough to look up exploits).
const NAMES_PRODUCT: Record<string, string> = {
  'x-powered-by': 'names the framework or language',
  'x-aspnet-version': 'gives the ASP.NET version',
  'x-aspnetmvc-version': 'gives the ASP.NET MVC version',
  'x-runtime': 'reveals a Ruby/Rack application (and its timing)',
  'x-generator': 'names the generator (CMS) and often its version',
  'x-powered-cms': 'names the CMS',
  'x-drupal-cache': 'reveals Drupal',
};

/** Values an operator puts there to say nothing: `X-Powered-By: hidden`. */
const PLACEHOLDER = /^\s*(hidden|none|null|unknown|redacted|private|secret|classified|n\/?a|-+|\*+|x+|yes|no|true|false|0|1|on|off)\s*$/i;

// `nginx/1.22.1`, `Apache/2.4.57 (Debian)`, `Werkzeug/3.0.1 Python/3.12.1`, `Microsoft-IIS/10.0`.
// The version ends at a non-word character: `dcb/7F84` (an edge node id) is no version.
const PRODUCT_VERSION = /[A-Za-z][\w.-]*\/v?\d+(\.\d+)*(?!\w)/;
/** A version without a product before it (`v1.19.2`, `4.17.1`, `1.19.2-ds1`): three numbers, anywhere in the value. */
const BARE_VERSION = /(?<![\w.])v?\d{1,4}\.\d{1,4}\.\d{1,6}(?:[-+][\w.]{1,20})?(?![\w.])/;
/** Two numbers are enough when the header's own name says it carries a version (`X-App-Version: 2.3`). */
const SHORT_VERSION = /(?<![\w.])v?\d{1,4}\.\d{1,4}(?![\w.])/;

/**
 * Headers whose values are structure, dates, sizes, hashes or URLs, where a number with dots is no software
 * version (`Via: 1.1 proxy` is the protocol, `Server-Timing: db;dur=53.2` a duration).
 */
const STRUCTURAL = new Set([
  'date', 'expires', 'last-modified', 'age', 'etag', 'content-length', 'content-type', 'content-disposition', 'content-range',
  'content-security-policy', 'content-security-policy-report-only', 'strict-transport-security', 'cache-control', 'pragma',
  'set-cookie', 'location', 'link', 'refresh', 'via', 'alt-svc', 'keep-alive', 'retry-after', 'server-timing', 'report-to',
  'reporting-endpoints', 'nel', 'permissions-policy', 'accept-ranges', 'vary', 'www-authenticate', 'access-control-allow-origin',
  'access-control-allow-headers', 'access-control-allow-methods', 'access-control-expose-headers', 'access-control-max-age',
]);

export interface Banner {
  header: string;
  value: string;
  reason: string;
}

/** The version a header's value gives, judged by the value (and, for two-number versions, by a name that says version). */
export function versionIn(name: string, value: string): string | undefined {
  if (STRUCTURAL.has(name) || /ratelimit|rate-limit|timing|time$|-id$|request-id|trace/.test(name)) return undefined;
  const found = PRODUCT_VERSION.exec(value) ?? BARE_VERSION.exec(value) ?? (/version/.test(name) ? SHORT_VERSION.exec(value) : null);
  return found?.[0];
}

/** Response headers that tell an attacker which software (and version) to look up exploits for. */
export function revealingBanners(headers: Readonly<Record<string, string>>): Banner[] {
  const banners: Banner[] = [];
  for (const [header, value] of Object.entries(headers)) {
    const version = versionIn(header, value);
    if (version) {
      banners.push({ header, value, reason: `gives the version ${version}` });
      continue;
    }
    const names = NAMES_PRODUCT[header];
    if (names && !PLACEHOLDER.test(value)) banners.push({ header, value, reason: names });
  }
  return banners;
}

/** API roots the page or a recognised product points at (`/api` for `/api/contents`), at most this many probed. */
const MAX_API_ROOTS = 2;

/** The first segment of each discovered API path with more than one (`/api/contents` -> `/api`), at most two. */
export function apiRoots(paths: readonly string[]): string[] {
  const roots = paths.flatMap((p) => {
    const segments = new URL(p, 'http://x').pathname.split('/').filter(Boolean);
    return segments.length > 1 ? [`/${segments[0]}`] : [];
  });
  return [...new Set(roots)].slice(0, MAX_API_ROOTS);
}

/** The version a JSON document of version facts only gives (`{"version": "7.0.6"}`), judged like a header named after its key. */
export function documentVersion(response: HttpResponse): { version: string; document: string } | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  const fields = versionDocument(response);
  if (!fields) return undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (!/version/i.test(key) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const version = versionIn(key.toLowerCase(), String(value));
    if (version) return { version, document: JSON.stringify(fields).slice(0, 200) };
  }
  return undefined;
}

/** One cause, one finding: the same version in a header and a document is one disclosure. */
const numbersOf = (version: string): string => /\d+(\.\d+)+/.exec(version)?.[0] ?? version;

interface Disclosure {
  key: string;
  sentences: string[];
  response: HttpResponse;
  evidence: string[];
}

export const serverBanner: LiveCheck = {
  id: 'disclosure.server-banner',
  title: 'Responses do not advertise server software versions',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary:
      'Fails when any response header of the base page or the not-found page gives a software version by its value (`Server: nginx/1.22.1`, `X-Syncthing-Version: v1.19.2`, `X-App-Version: 2.3`; dates, sizes, hashes, `Via` and timing headers aside), or when `X-Powered-By`, `X-AspNet-Version`, `X-AspNetMvc-Version`, `X-Runtime` or `X-Generator` names a product (a placeholder such as `X-Powered-By: hidden` does not), or when the base page or an API root (`/api` for the `/api/...` endpoints the page or a recognised product names) answers a JSON document of version facts only (`{"version": "1.19.2"}`). One finding per version, wherever it shows.',
    why: 'Version banners let an attacker match the service against known vulnerabilities without any probing; they serve no user.',
    fix: 'Remove X-Powered-By and similar headers and reduce Server to the product name (or remove it); serve version documents to authenticated clients only.',
    snippets: [
      { stack: 'Express', code: "app.disable('x-powered-by'); // or app.use(helmet())" },
      { stack: 'nginx', code: 'server_tokens off;' },
      { stack: 'Apache', code: 'ServerTokens Prod\nServerSignature Off\nHeader unset X-Powered-By' },
      { stack: 'PHP', code: 'expose_php = Off' },
    ],
    traffic: `Reads the shared base page and not-found probe; one GET per API root the page or a recognised product names (at most ${MAX_API_ROOTS}, shared with the rate-limit check's search for an API), none on other targets.`,
  },
  async run({ exchanges, http, target }) {
    const { api } = await discoverEndpoints(exchanges, target);
    const [base, pages, roots] = await Promise.all([exchanges.base(), probedPages(exchanges), Promise.all(apiRoots(api.map((a) => a.path)).map((path) => apiProbe(exchanges, path)))]);
    const secretHeaders = http.secretHeaderNames;
    const disclosures = new Map<string, Disclosure>();
    const add = (key: string, sentence: string, response: HttpResponse, evidence: string): void => {
      const found = disclosures.get(key);
      if (!found) return void disclosures.set(key, { key, sentences: [sentence], response, evidence: [evidence] });
      if (found.sentences.includes(sentence)) return;
      found.sentences.push(sentence);
      found.evidence.push(evidence);
    };
    for (const response of pages) {
      for (const banner of revealingBanners(response.headers)) {
        const version = versionIn(banner.header, banner.value);
        add(version ? `version:${numbersOf(version)}` : `${banner.header}:${banner.value}`, `${banner.header}: ${banner.value} ${banner.reason}`, response, describeExchange(response, { headers: [banner.header], secretHeaders }));
      }
    }
    // The base page itself (an API's root answering JSON) and the API roots.
    const documents = [base, ...roots].flatMap((r) => (r.ok ? [r.response] : []));
    for (const response of documents) {
      const found = documentVersion(response);
      if (!found) continue;
      const path = new URL(response.url).pathname;
      add(
        `version:${numbersOf(found.version)}`,
        `GET ${path} answers a JSON document giving only the version ${found.version} (${found.document})`,
        response,
        describeExchange(response, { headers: ['content-type'], bodyExcerpt: 200, secretHeaders }),
      );
    }
    if (disclosures.size) {
      return [...disclosures.values()].map((d) => ({
        status: 'fail' as const,
        message: `${d.sentences[0]}${d.sentences.slice(1).map((s) => `; the same version: ${s}`).join('')}.`,
        url: d.response.url,
        evidence: d.evidence.join('\n\n'),
      }));
    }
    const servers = [...new Set(pages.map((p) => p.headers['server']).filter(Boolean))];
    return [{ status: 'pass', message: `No version banner on ${pages.length} page(s)${servers.length ? ` (Server: ${servers.join(', ')})` : ''}.` }];
  },
};
