import type { EndpointConfig } from '../../config/schema.js';
import type { FindingInput, LiveCheck, Severity } from '../../engine/types.js';
import type { HttpClient, HttpResponse } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';
import { label } from '../health/discover.js';
import { malformedCredentials, outcomeOf, type MalformedCredential, type Outcome } from './tokens.js';

export const authMalformedToken: LiveCheck = {
  id: 'auth.malformed-token',
  title: 'Protected endpoints reject malformed tokens',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary:
      'Sends no token, a garbage bearer token, an unsigned `alg: none` JWT, a badly signed JWT and an expired JWT to each endpoint configured under `protected:`; fails unless each gets 401 or 403.',
    why: 'A protected endpoint that answers 2xx to a forged or expired token is open to anyone; one that answers 5xx lets anyone crash a request path and often leaks a stack trace.',
    fix: 'Verify every token with a fixed list of allowed algorithms, check its signature and its exp/nbf claims, and turn every verification failure into 401 with a WWW-Authenticate header instead of an exception.',
    snippets: [
      {
        stack: 'Node (jose)',
        code: "const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], issuer, audience });\n// wrap in try/catch -> res.status(401).set('WWW-Authenticate', 'Bearer error=\"invalid_token\"').end()",
      },
      { stack: 'Python (PyJWT)', code: "jwt.decode(token, key, algorithms=['RS256'], audience=AUD)  # raises -> return 401" },
    ],
    severityNote:
      'P0 when a protected endpoint answers 2xx to a malformed token (or to none); P1 when it answers 5xx; P2 when it refuses with another 4xx than 401/403 (e.g. 400). A redirect (to a login page) and 404 count as refusals.',
    traffic: 'Five requests per endpoint configured under `protected:`, one after another, without the target\'s configured headers; a 429 is retried once after a Retry-After of at most 5 s, otherwise the endpoint is reported as not evaluated (skip).',
  },
  async run({ target, http, signal }) {
    if (!target.paths.protected.length) {
      return [{ status: 'skip', message: 'No endpoint is configured under protected:, so there is nothing to send malformed tokens to.' }];
    }
    const findings: FindingInput[] = [];
    for (const endpoint of target.paths.protected) {
      if (signal.aborted) break;
      findings.push(...(await probeEndpoint(endpoint, target.url, http, signal)));
    }
    return findings;
  },
};

export interface Answer {
  credential: MalformedCredential;
  response: HttpResponse;
  outcome: Outcome;
}

async function probeEndpoint(endpoint: EndpointConfig, targetUrl: string, http: HttpClient, signal: AbortSignal): Promise<FindingInput[]> {
  const url = new URL(endpoint.path, targetUrl).toString();
  const answers: Answer[] = [];
  const findings: FindingInput[] = [];
  for (const credential of malformedCredentials()) {
    const headers: Record<string, string> = {};
    if (credential.authorization) headers['authorization'] = credential.authorization;
    if (endpoint.contentType) headers['content-type'] = endpoint.contentType;
    // Without the target's configured headers: they may hold a valid credential.
    const request = { url, method: endpoint.method, body: endpoint.body, headers, withoutTargetHeaders: true, maxBodyBytes: 16 * 1024 };
    const result = await http.send(request);
    if (!result.ok) {
      findings.push({
        status: 'error',
        message: `${label(endpoint)} gave no response to ${credential.description}: ${result.error.message}.`,
        url,
        evidence: describeFailure(result.error),
      });
      // A hung endpoint would make every remaining probe wait the full timeout.
      if (result.error.code === 'timeout' || result.error.code === 'refused' || result.error.code === 'budget') break;
      continue;
    }
    let response = result.response;
    if (response.status === 429) {
      // The app's limiter (perhaps tripped by an earlier run) answered, not its
      // token handling: wait a short Retry-After once, otherwise say so.
      const waitMs = retryAfterMs(response.headers['retry-after']);
      const retried = waitMs !== undefined && waitMs <= MAX_RETRY_WAIT_MS ? await afterDelay(waitMs, signal, () => http.send(request)) : undefined;
      if (retried?.ok && retried.response.status !== 429) response = retried.response;
      else {
        const after = response.headers['retry-after'];
        return [
          ...findingsForAnswers(endpoint, answers, http).filter((f) => f.status === 'fail'),
          ...findings,
          {
            status: 'skip',
            message: `Not evaluated: ${label(endpoint)} answered 429 (rate limited${after ? `, Retry-After: ${after}` : ''}) to ${credential.description}; a rate limit says nothing about token handling. Run again once the limit has reset.`,
            url,
            evidence: describeExchange(response, { headers: ['retry-after', 'ratelimit', 'x-ratelimit-remaining'], secretHeaders: http.secretHeaderNames }),
          },
        ];
      }
    }
    answers.push({ credential, response, outcome: outcomeOf(response.status) });
  }
  return [...findingsForAnswers(endpoint, answers, http), ...findings];
}

/** The longest Retry-After waited for before a retry; longer is reported as not evaluated. */
export const MAX_RETRY_WAIT_MS = 5000;

/** RFC 9110, section 10.2.3: delay-seconds or an HTTP-date. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}

function afterDelay<T>(ms: number, signal: AbortSignal, fn: () => Promise<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(undefined);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(fn());
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const SEVERITY_OF: Record<Exclude<Outcome, 'rejected'>, Severity> = { accepted: 'P0', 'server-error': 'P1', other: 'P2' };

/** One finding per kind of wrong answer (accepted, server error, other refusal), or one pass. Pure. */
export function findingsForAnswers(endpoint: EndpointConfig, answers: readonly Answer[], http: Pick<HttpClient, 'secretHeaderNames'>): FindingInput[] {
  if (!answers.length) return [];
  const name = label(endpoint);
  const evidenceOf = (a: Answer): string =>
    describeExchange(a.response, { headers: ['www-authenticate', 'content-type', 'location'], bodyExcerpt: 200, secretHeaders: http.secretHeaderNames });
  const list = (group: Answer[]): string => group.map((a) => `${a.response.status} to ${a.credential.description}`).join('; ');
  const findings: FindingInput[] = [];
  const accepted = answers.filter((a) => a.outcome === 'accepted');
  if (accepted.length) {
    findings.push({
      status: 'fail',
      severity: endpoint.severity ?? SEVERITY_OF.accepted,
      message: `${name} grants access without a valid token: it answered ${list(accepted)}.`,
      url: accepted[0]!.response.url,
      evidence: evidenceOf(accepted[0]!),
    });
  }
  const crashed = answers.filter((a) => a.outcome === 'server-error');
  if (crashed.length) {
    findings.push({
      status: 'fail',
      severity: SEVERITY_OF['server-error'],
      message: `${name} fails with a server error on malformed tokens instead of refusing them: it answered ${list(crashed)}.`,
      url: crashed[0]!.response.url,
      evidence: evidenceOf(crashed[0]!),
    });
  }
  const other = answers.filter((a) => a.outcome === 'other');
  if (other.length) {
    findings.push({
      status: 'fail',
      severity: SEVERITY_OF.other,
      message: `${name} refuses malformed tokens with an unexpected status (401 or 403 expected): it answered ${list(other)}.`,
      url: other[0]!.response.url,
      evidence: evidenceOf(other[0]!),
    });
  }
  if (!findings.length) {
    const statuses = [...new Set(answers.map((a) => a.response.status))].join('/');
    findings.push({
      status: 'pass',
      message: `${name} refused all ${answers.length} malformed credentials (${answers.map((a) => a.credential.id).join(', ')}) with ${statuses}.`,
      url: answers[0]!.response.url,
      evidence: evidenceOf(answers.find((a) => a.credential.id === 'alg-none') ?? answers[0]!),
    });
  }
  return findings;
}
