import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { probedPages } from '../../http/surface.js';

// Headers whose mere presence names the framework or its version.
const ALWAYS_REVEALING: Record<string, string> = {
  'x-powered-by': 'names the framework or language',
  'x-aspnet-version': 'gives the ASP.NET version',
  'x-aspnetmvc-version': 'gives the ASP.NET MVC version',
  'x-runtime': 'reveals a Ruby/Rack application (and its timing)',
  'x-generator': 'names the generator (CMS) and often its version',
  'x-powered-cms': 'names the CMS',
  'x-drupal-cache': 'reveals Drupal',
};

// `nginx/1.22.1`, `Apache/2.4.57 (Debian)`, `Werkzeug/3.0.1 Python/3.12.1`, `Microsoft-IIS/10.0`.
// The version ends at a non-word character: `dcb/7F84` (an edge node id) is no version.
const PRODUCT_VERSION = /[A-Za-z][\w.-]*\/v?\d+(\.\d+)*(?!\w)/;

export interface Banner {
  header: string;
  value: string;
  reason: string;
}

/** Response headers that tell an attacker which software (and version) to look up exploits for. */
export function revealingBanners(headers: Readonly<Record<string, string>>): Banner[] {
  const banners: Banner[] = [];
  const server = headers['server'];
  if (server !== undefined && PRODUCT_VERSION.test(server)) {
    banners.push({ header: 'server', value: server, reason: `gives the version ${PRODUCT_VERSION.exec(server)![0]}` });
  }
  for (const [header, reason] of Object.entries(ALWAYS_REVEALING)) {
    const value = headers[header];
    if (value !== undefined) banners.push({ header, value, reason });
  }
  return banners;
}

export const serverBanner: LiveCheck = {
  id: 'disclosure.server-banner',
  title: 'Responses do not advertise server software versions',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when `Server` gives a product version (e.g. `nginx/1.22.1`) or `X-Powered-By`, `X-AspNet-Version`, `X-AspNetMvc-Version`, `X-Runtime` or `X-Generator` is sent, on the base page or the not-found page.',
    why: 'Version banners let an attacker match the service against known vulnerabilities without any probing; they serve no user.',
    fix: 'Remove X-Powered-By and similar headers and reduce Server to the product name (or remove it).',
    snippets: [
      { stack: 'Express', code: "app.disable('x-powered-by'); // or app.use(helmet())" },
      { stack: 'nginx', code: 'server_tokens off;' },
      { stack: 'Apache', code: 'ServerTokens Prod\nServerSignature Off\nHeader unset X-Powered-By' },
      { stack: 'PHP', code: 'expose_php = Off' },
    ],
    traffic: 'None of its own: reads the shared base page and not-found probe.',
  },
  async run({ exchanges, http }) {
    const pages = await probedPages(exchanges);
    const findings: FindingInput[] = [];
    const reported = new Set<string>();
    for (const response of pages) {
      for (const banner of revealingBanners(response.headers)) {
        const key = `${banner.header}:${banner.value}`;
        if (reported.has(key)) continue;
        reported.add(key);
        findings.push({
          status: 'fail',
          message: `${banner.header}: ${banner.value} ${banner.reason}.`,
          url: response.url,
          evidence: describeExchange(response, { headers: [banner.header], secretHeaders: http.secretHeaderNames }),
        });
      }
    }
    if (findings.length) return findings;
    const servers = [...new Set(pages.map((p) => p.headers['server']).filter(Boolean))];
    return [{ status: 'pass', message: `No version banner on ${pages.length} page(s)${servers.length ? ` (Server: ${servers.join(', ')})` : ''}.` }];
  },
};
