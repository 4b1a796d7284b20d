import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

/** 180 days, the minimum the MDN HTTP Observatory and hstspreload.org accept. */
export const MIN_HSTS_MAX_AGE = 15552000;

export type HstsVerdict =
  | { ok: true; maxAge: number; includeSubDomains: boolean; preload: boolean }
  | { ok: false; reason: string };

/** Parses a `Strict-Transport-Security` value (RFC 6797, section 6.1) and judges its max-age. */
export function judgeHsts(value: string | undefined): HstsVerdict {
  if (value === undefined) return { ok: false, reason: 'No Strict-Transport-Security header on an HTTPS page' };
  const seen = new Map<string, string>();
  for (const part of value.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const match = /^([A-Za-z-]+)\s*(?:=\s*(?:"([^"]*)"|([^\s"]*)))?$/.exec(trimmed);
    if (!match) return { ok: false, reason: `Strict-Transport-Security "${value}" is not parsable (at "${trimmed}")` };
    const name = match[1]!.toLowerCase();
    // RFC 6797, 6.1: a directive appearing twice makes the header invalid.
    if (seen.has(name)) return { ok: false, reason: `Strict-Transport-Security "${value}" repeats ${name}, so browsers ignore it` };
    seen.set(name, match[2] ?? match[3] ?? '');
  }
  const raw = seen.get('max-age');
  if (raw === undefined || !/^\d+$/.test(raw)) {
    return { ok: false, reason: `Strict-Transport-Security "${value}" has no valid max-age, so browsers ignore it` };
  }
  const maxAge = Number(raw);
  if (maxAge < MIN_HSTS_MAX_AGE) {
    return {
      ok: false,
      reason: `Strict-Transport-Security max-age=${maxAge} (${Math.floor(maxAge / 86400)} days) is below ${MIN_HSTS_MAX_AGE} (180 days)`,
    };
  }
  return { ok: true, maxAge, includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') };
}

export const hsts: LiveCheck = {
  id: 'headers.hsts',
  title: 'HTTPS pages send a long-lived Strict-Transport-Security',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary: 'Fails when a page served over HTTPS has no Strict-Transport-Security header, an unparsable one, or a max-age below 15552000 seconds (180 days).',
    why: 'Without HSTS the first plain-HTTP request of every visit can be intercepted and downgraded (SSL stripping) before the redirect to HTTPS happens.',
    fix: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS response (add `preload` once every subdomain serves HTTPS).',
    snippets: [
      { stack: 'nginx', code: 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;' },
      { stack: 'Express', code: "app.use(helmet.hsts({ maxAge: 31536000, includeSubDomains: true }));" },
      { stack: 'Django', code: 'SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True' },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    if (!r.url.startsWith('https:')) {
      return [{ status: 'skip', message: `Not checked: ${r.url} is served over plain HTTP, where browsers ignore HSTS (see tls.https-redirect).`, url: r.url }];
    }
    // RFC 6797, section 8.1: a browser processes only the first header; judging
    // the comma-joined value would call a duplicate (app and proxy) unparsable.
    const values = r.headerList.filter(([name]) => name === 'strict-transport-security').map(([, value]) => value);
    const verdict = judgeHsts(values[0]);
    const note = values.length > 1 ? ` (${values.length} Strict-Transport-Security headers sent: browsers process only the first)` : '';
    const evidence = describeExchange(r, { headers: ['strict-transport-security'], secretHeaders: http.secretHeaderNames });
    const finding: FindingInput = verdict.ok
      ? {
          status: 'pass',
          message: `Strict-Transport-Security max-age=${verdict.maxAge} (${Math.floor(verdict.maxAge / 86400)} days), includeSubDomains ${verdict.includeSubDomains ? 'set' : 'not set'}, preload ${verdict.preload ? 'set' : 'not set'}${note}.`,
        }
      : { status: 'fail', message: `${verdict.reason}${note}.` };
    return [{ ...finding, url: r.url, evidence }];
  },
};
