import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

// https://www.w3.org/TR/referrer-policy/#referrer-policies
const VALID = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
// These send the full URL (path and query, often with tokens) to other sites.
const UNSAFE = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

export type ReferrerVerdict = { ok: true; policy: string } | { ok: false; reason: string };

/** Browsers use the last value they recognise in the comma-separated list (Referrer Policy, section 4.1). */
export function judgeReferrerPolicy(value: string | undefined): ReferrerVerdict {
  if (value === undefined) return { ok: false, reason: 'No Referrer-Policy header' };
  const tokens = value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const effective = tokens.filter((t) => VALID.has(t)).pop();
  if (!effective) return { ok: false, reason: `Referrer-Policy "${value}" holds no valid policy, so browsers ignore it` };
  if (UNSAFE.has(effective)) return { ok: false, reason: `Referrer-Policy ${effective} sends full URLs (paths and query strings) to other sites` };
  return { ok: true, policy: effective };
}

export const referrerPolicy: LiveCheck = {
  id: 'headers.referrer-policy',
  title: 'A safe Referrer-Policy is set',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when the base page has no Referrer-Policy, an invalid one, or an unsafe one (`unsafe-url`, `no-referrer-when-downgrade`).',
    why: 'Full URLs in the Referer header leak paths, identifiers and tokens in query strings to every third-party resource and outbound link.',
    fix: 'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).',
    snippets: [
      { stack: 'Express', code: "app.use(helmet.referrerPolicy({ policy: 'strict-origin-when-cross-origin' }));" },
      { stack: 'nginx', code: 'add_header Referrer-Policy strict-origin-when-cross-origin always;' },
      { stack: 'Django', code: "SECURE_REFERRER_POLICY = 'strict-origin-when-cross-origin'" },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const verdict = judgeReferrerPolicy(r.headers['referrer-policy']);
    const evidence = describeExchange(r, { headers: ['referrer-policy'], secretHeaders: http.secretHeaderNames });
    return [
      verdict.ok
        ? { status: 'pass', message: `Referrer-Policy: ${verdict.policy}.`, url: r.url, evidence }
        : { status: 'fail', message: `${verdict.reason}.`, url: r.url, evidence },
    ];
  },
};
