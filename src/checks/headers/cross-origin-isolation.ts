import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

// HTML standard (cross-origin-opener-policy) and Fetch standard (cross-origin-resource-policy).
export const COOP_VALUES = ['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups', 'unsafe-none'] as const;
export const CORP_VALUES = ['same-origin', 'same-site', 'cross-origin'] as const;

/** `undefined` when the value is valid; otherwise what is wrong. Parameters such as `; report-to=x` are allowed. */
export function isolationProblem(name: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined) return `no ${name} header`;
  const token = value.split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(token)) return `${name} "${value}" is not one of ${allowed.join(', ')}`;
  return undefined;
}

export const crossOriginIsolation: LiveCheck = {
  id: 'headers.cross-origin-isolation',
  title: 'Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy are set',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails (informative, P2) when the base page lacks a valid Cross-Origin-Opener-Policy or Cross-Origin-Resource-Policy header: one finding naming both when both are missing.',
    why: 'COOP keeps other windows from scripting or probing yours (XS-Leaks, Spectre-style side channels); CORP keeps other sites from embedding your resources.',
    fix: 'Send `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Resource-Policy: same-origin` (or `same-site`).',
    snippets: [
      { stack: 'Express', code: "app.use(helmet.crossOriginOpenerPolicy({ policy: 'same-origin' }), helmet.crossOriginResourcePolicy({ policy: 'same-origin' }));" },
      { stack: 'nginx', code: 'add_header Cross-Origin-Opener-Policy same-origin always;\nadd_header Cross-Origin-Resource-Policy same-origin always;' },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const evidence = describeExchange(r, {
      headers: ['cross-origin-opener-policy', 'cross-origin-resource-policy', 'cross-origin-embedder-policy'],
      secretHeaders: http.secretHeaderNames,
    });
    const problems = [
      isolationProblem('Cross-Origin-Opener-Policy', r.headers['cross-origin-opener-policy'], COOP_VALUES),
      isolationProblem('Cross-Origin-Resource-Policy', r.headers['cross-origin-resource-policy'], CORP_VALUES),
    ].filter((p): p is string => p !== undefined);
    if (!problems.length) {
      return [
        {
          status: 'pass',
          message: `Cross-Origin-Opener-Policy: ${r.headers['cross-origin-opener-policy']}; Cross-Origin-Resource-Policy: ${r.headers['cross-origin-resource-policy']}.`,
          url: r.url,
          evidence,
        },
      ];
    }
    // One finding for the pair: the two headers are one defence (isolation from other origins), fixed in one place.
    const message = problems.map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}`).join('; ');
    return [{ status: 'fail', message: `${message}.`, url: r.url, evidence } satisfies FindingInput];
  },
};
