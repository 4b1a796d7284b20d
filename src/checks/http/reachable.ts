import type { LiveCheck } from '../../engine/types.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';

export const reachable: LiveCheck = {
  id: 'http.reachable',
  title: 'Target answers over HTTP',
  category: 'reliability',
  severity: 'P0',
  kind: 'live',
  runsWhenUnreachable: true,
  docs: {
    summary: 'Fails when the target URL gives no HTTP response at all: connection refused, DNS failure, timeout or TLS handshake failure.',
    why: 'Nothing else can be judged about a service that does not answer; every other live check is skipped rather than reported as a cascade of failures.',
    fix: 'Check that the service is running and listening on the configured URL, that DNS resolves and that the TLS configuration accepts modern clients.',
    traffic: 'One GET of the target URL (redirects followed, at most 10 hops), shared with the other live checks.',
  },
  async run({ exchanges, http }) {
    const base = await exchanges.base();
    if (!base.ok) {
      if (base.error.code === 'redirect-loop') {
        return [{ status: 'pass', message: `The target answers, but its redirects do not settle: ${base.error.message}.`, evidence: describeFailure(base.error) }];
      }
      return [{ status: 'fail', message: `No HTTP response from ${base.error.url}: ${base.error.message}.`, evidence: describeFailure(base.error) }];
    }
    const r = base.response;
    const via = r.redirects.length ? ` after ${r.redirects.length} redirect(s)` : '';
    return [
      {
        status: 'pass',
        message: `Answered ${r.status}${via} in ${Math.round(r.timings.totalMs)} ms.`,
        url: r.url,
        evidence: describeExchange(r, { headers: ['content-type', 'server', 'location'], secretHeaders: http.secretHeaderNames }),
      },
    ];
  },
};
