import type { LiveCheck } from '../../engine/types.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';
import { NOT_FOUND_PATH, notFoundProbe } from '../../http/surface.js';

export type NotFoundVerdict = { ok: true; note: string } | { ok: false; reason: string };

export function judgeNotFound(status: number): NotFoundVerdict {
  if (status === 404 || status === 410) return { ok: true, note: `answers ${status}` };
  if (status >= 200 && status < 300) return { ok: false, reason: `answers ${status} (a soft 404: crawlers, monitors and clients cannot tell a missing page from a real one)` };
  if (status >= 500) return { ok: false, reason: `answers ${status}: an unknown URL makes the server fail` };
  if (status >= 300 && status < 400) return { ok: true, note: `redirects (${status}), e.g. to a login page` };
  return { ok: true, note: `answers ${status}` };
}

export const notFound: LiveCheck = {
  id: 'errors.not-found',
  title: 'Unknown paths answer 404',
  category: 'quality',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: `Fails when a path that cannot exist (\`${NOT_FOUND_PATH}\`) answers 2xx (soft 404) or 5xx instead of 404.`,
    why: 'Soft 404s hide broken links from monitoring and crawlers and make every scanner hit look like a finding; a 5xx for an unknown path means routing errors crash a handler.',
    fix: 'Return 404 for unknown routes; a single-page app should serve index.html only for its client routes (or return 404 for unknown API and asset paths).',
    snippets: [
      { stack: 'Express', code: "app.use((req, res) => res.status(404).json({ error: 'not found' })); // after all routes" },
      { stack: 'nginx', code: 'location / { try_files $uri $uri/ =404; }' },
    ],
    traffic: 'One GET of a path that cannot exist, shared with the disclosure checks and health discovery.',
  },
  async run({ exchanges, http }) {
    const result = await notFoundProbe(exchanges);
    if (!result.ok) {
      return [{ status: 'error', message: `The not-found probe got no response: ${result.error.message}.`, url: result.error.url, evidence: describeFailure(result.error) }];
    }
    const r = result.response;
    const verdict = judgeNotFound(r.status);
    const evidence = describeExchange(r, { headers: ['content-type', 'location'], bodyExcerpt: 160, secretHeaders: http.secretHeaderNames });
    return [
      verdict.ok
        ? { status: 'pass', message: `An unknown path ${verdict.note}.`, url: r.url, evidence }
        : { status: 'fail', message: `An unknown path ${verdict.reason}.`, url: r.url, evidence },
    ];
  },
};
