import type { LiveCheck } from '../../engine/types.js';
import type { HttpResponse } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';

/** A header only this probe sends: finding it in the body proves the request was echoed. */
export const TRACE_MARKER_HEADER = 'x-readiness-gate-trace';
export const TRACE_MARKER = 'rg-trace-5d1e0c';

/** TRACE is a risk when it succeeds and reflects the request (RFC 9110, 9.3.8): headers such as cookies come back readable. */
export function echoesTrace(response: Pick<HttpResponse, 'status' | 'body' | 'headers'>): boolean {
  if (response.status < 200 || response.status > 299) return false;
  return response.body.includes(TRACE_MARKER) || /^message\/http/i.test(response.headers['content-type'] ?? '') || /^TRACE \S+ HTTP\/1\.[01]/.test(response.body);
}

const ID = 'http.trace-method';

export const traceMethod: LiveCheck = {
  id: ID,
  title: 'TRACE is disabled',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when a TRACE request to the target URL answers 2xx and echoes the request back.',
    why: 'An echoed TRACE returns request headers (cookies, authorization) in a readable body, which combined with other flaws enables cross-site tracing; no application needs it.',
    fix: 'Disable TRACE at the web server or reject it in the application (405).',
    snippets: [
      { stack: 'Apache', code: 'TraceEnable off' },
      { stack: 'nginx', code: 'if ($request_method = TRACE) { return 405; }' },
      { stack: 'Express', code: "app.use((req, res, next) => (req.method === 'TRACE' ? res.sendStatus(405) : next()));" },
    ],
    traffic: 'One TRACE of the target URL, without configured credentials.',
  },
  async run({ exchanges, target, http }) {
    const result = await exchanges.get(
      'trace',
      { url: target.url, method: 'TRACE', withoutTargetHeaders: true, headers: { [TRACE_MARKER_HEADER]: TRACE_MARKER }, maxBodyBytes: 16 * 1024 },
      { owner: ID },
    );
    if (!result.ok) {
      // Our own limits (budget, cancellation) say nothing about the server.
      const status = result.error.code === 'budget' || result.error.code === 'aborted' ? 'error' : 'pass';
      return [{ status, message: `TRACE got no answer (${result.error.message}).`, url: target.url, evidence: describeFailure(result.error) }];
    }
    const r = result.response;
    const evidence = describeExchange(r, { headers: ['content-type', 'allow'], bodyExcerpt: 200, secretHeaders: http.secretHeaderNames });
    if (echoesTrace(r)) return [{ status: 'fail', message: `TRACE answers ${r.status} and echoes the request back.`, url: r.url, evidence }];
    return [{ status: 'pass', message: `TRACE answers ${r.status} without echoing the request.`, url: r.url, evidence }];
  },
};
