import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';
import { cspOf, frameAncestors } from './csp-policy.js';

export type FramingVerdict = { ok: true; how: string } | { ok: false; reason: string };

/** Framing is restricted by `X-Frame-Options: DENY|SAMEORIGIN` or by CSP `frame-ancestors` (which wins in modern browsers). */
export function judgeFraming(xFrameOptions: string | undefined, ancestors: string[] | undefined): FramingVerdict {
  if (ancestors) {
    const open = ancestors.find((s) => /^(\*|https?:(\/\/\*)?)$/i.test(s));
    if (open) return { ok: false, reason: `CSP frame-ancestors allows ${open}, so any site may frame the page` };
    return { ok: true, how: `CSP frame-ancestors ${ancestors.join(' ') || '(empty: none)'}` };
  }
  const value = xFrameOptions?.trim();
  // HTML standard, X-Frame-Options processing: the (comma-joined) values are
  // lower-cased and deduplicated, so a header sent twice (app and proxy)
  // counts once; several distinct values that include deny, sameorigin or
  // allowall block framing altogether.
  const values = new Set((value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean));
  if (values.size > 1 && ['deny', 'sameorigin', 'allowall'].some((v) => values.has(v))) {
    return { ok: true, how: `X-Frame-Options: ${value} (conflicting values, which browsers treat as DENY)` };
  }
  const single = values.size === 1 ? [...values][0] : undefined;
  if (single === 'deny' || single === 'sameorigin') return { ok: true, how: `X-Frame-Options: ${value}` };
  if (value) return { ok: false, reason: `X-Frame-Options "${value}" is not DENY or SAMEORIGIN (ALLOW-FROM and other values are ignored by browsers) and there is no CSP frame-ancestors` };
  return { ok: false, reason: 'neither X-Frame-Options nor CSP frame-ancestors is set, so any site may frame the page (clickjacking)' };
}

export const frameOptions: LiveCheck = {
  id: 'headers.frame-options',
  title: 'Pages cannot be framed by other sites',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when the base page sends neither `X-Frame-Options: DENY|SAMEORIGIN` nor a CSP `frame-ancestors` directive (or frame-ancestors allows any site).',
    severityNote:
      "P2 (defence in depth, SEVERITY.md): clickjacking needs a single click that does something sensitive with the visitor's own session, which a probe cannot see from outside (an open app has no session to abuse, a page of links nothing to click). Raise it with `severity:` in the configuration for an application where one click transfers, deletes or approves.",
    why: 'A page that any site may embed in an invisible frame can be used for clickjacking: the user clicks what the attacker overlays.',
    fix: "Send `Content-Security-Policy: frame-ancestors 'none'` (or 'self'), and `X-Frame-Options: DENY` for older browsers.",
    snippets: [
      { stack: 'Express', code: "app.use(helmet.frameguard({ action: 'deny' }));" },
      { stack: 'nginx', code: 'add_header X-Frame-Options DENY always;' },
      { stack: 'Django', code: "X_FRAME_OPTIONS = 'DENY'  # with django.middleware.clickjacking.XFrameOptionsMiddleware" },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const verdict = judgeFraming(r.headers['x-frame-options'], frameAncestors(cspOf(r)));
    const evidence = describeExchange(r, { headers: ['x-frame-options', 'content-security-policy'], secretHeaders: http.secretHeaderNames });
    if (verdict.ok) return [{ status: 'pass', message: `Framing restricted by ${verdict.how}.`, url: r.url, evidence }];
    return [{ status: 'fail', message: `${capitalise(verdict.reason)}.`, url: r.url, evidence }];
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
