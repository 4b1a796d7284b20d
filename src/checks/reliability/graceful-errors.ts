import type { EndpointConfig } from '../../config/schema.js';
import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpClient, HttpResponse } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';
import { label, parseJson } from '../health/discover.js';

/** Truncated JSON: every JSON parser rejects it, none can mistake it for data. */
export const MALFORMED_JSON = '{"readiness-gate": "malformed body", "unterminated": [1, 2';

export const reliabilityGracefulErrors: LiveCheck = {
  id: 'reliability.graceful-errors',
  title: 'Malformed JSON gets a structured 4xx',
  category: 'reliability',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary:
      'Sends a truncated JSON body to each endpoint configured under `json:` and fails unless it gets a 4xx with a JSON error body (not a 5xx, not an HTML page, not a 2xx); 401/403/404/405 answers mean the body was never read and are skipped.',
    why: 'A malformed body is the most common client mistake; a 5xx for it pages the on-call for nothing, hides real server errors in the error rate, and an HTML error page breaks every API client that parses the answer.',
    fix: 'Handle body-parser errors in the error middleware and answer 400 with a JSON problem document (RFC 9457 application/problem+json).',
    snippets: [
      {
        stack: 'Express',
        code: "app.use((err, _req, res, next) => {\n  if (err.type === 'entity.parse.failed') return res.status(400).type('application/problem+json').json({ title: 'Malformed JSON body', status: 400 });\n  next(err);\n});",
      },
      { stack: 'Django REST framework', code: '# DRF answers ParseError as 400 JSON by default; keep EXCEPTION_HANDLER returning Response objects.' },
    ],
    traffic: 'One request per endpoint configured under `json:` (POST when the endpoint is configured as GET/HEAD), with Content-Type: application/json.',
  },
  async run({ target, http }) {
    if (!target.paths.json.length) {
      return [{ status: 'skip', message: 'No endpoint is configured under json:, so no malformed body was sent.' }];
    }
    const findings: FindingInput[] = [];
    for (const endpoint of target.paths.json) {
      // A body on GET means nothing to most servers: a JSON endpoint configured
      // without a method is exercised with POST.
      const method = endpoint.method === 'GET' || endpoint.method === 'HEAD' ? 'POST' : endpoint.method;
      const sent: EndpointConfig = { ...endpoint, method };
      const result = await http.send({
        url: new URL(endpoint.path, target.url).toString(),
        method,
        body: MALFORMED_JSON,
        headers: { 'content-type': endpoint.contentType ?? 'application/json', accept: 'application/json' },
        maxBodyBytes: 32 * 1024,
      });
      if (!result.ok) {
        findings.push({ status: 'error', message: `${label(sent)} gave no response to a malformed JSON body: ${result.error.message}.`, evidence: describeFailure(result.error) });
        continue;
      }
      findings.push(findingForMalformedBody(sent, result.response, http));
    }
    return findings;
  },
};

export function findingForMalformedBody(endpoint: EndpointConfig, response: HttpResponse, http: Pick<HttpClient, 'secretHeaderNames'>): FindingInput {
  const name = label(endpoint);
  const type = response.headers['content-type'] ?? '(no content-type)';
  const structured = parseJson(response) !== undefined;
  const evidence = describeExchange(response, { headers: ['content-type'], bodyExcerpt: 300, secretHeaders: http.secretHeaderNames });
  const base = { url: response.url, evidence, ...(endpoint.severity ? { severity: endpoint.severity } : {}) };
  if (response.status >= 500) {
    return { status: 'fail', message: `${name} answered ${response.status} to a malformed JSON body: a client mistake is reported as a server error.`, ...base };
  }
  if (response.status >= 200 && response.status < 300) {
    return { status: 'fail', message: `${name} answered ${response.status} to a malformed JSON body instead of refusing it with 400.`, ...base };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      status: 'skip',
      message: `${name} answered ${response.status} before reading the body, so its handling of malformed JSON was not seen; give the target a credential under headers: to test it.`,
      ...base,
    };
  }
  if (response.status === 404 || response.status === 405) {
    return {
      status: 'skip',
      message: `${name} answered ${response.status}: the endpoint does not take this request, so its handling of malformed JSON was not seen; check the path and method under json:.`,
      ...base,
    };
  }
  if (response.status >= 400 && response.status < 500) {
    return structured
      ? { status: 'pass', message: `${name} answered ${response.status} with a JSON error (${type}) to a malformed JSON body.`, ...base }
      : { status: 'fail', message: `${name} answered ${response.status} to a malformed JSON body, but with an unstructured ${type} body instead of a JSON error.`, ...base };
  }
  return { status: 'fail', message: `${name} answered ${response.status} to a malformed JSON body; a 4xx with a JSON error was expected.`, ...base };
}
