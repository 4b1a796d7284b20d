// What a response says about rate limiting. Pure, so the verdict can be
// tested on captured responses.
//
// - 429 Too Many Requests (RFC 6585 §4);
// - 503 with Retry-After (RFC 9110 §10.2.3), how some gateways shed load;
// - the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers:
//   `RateLimit`, `RateLimit-Policy`, and the earlier `RateLimit-Limit`,
//   `RateLimit-Remaining`, `RateLimit-Reset`), and the de facto
//   `X-RateLimit-*` / `X-Rate-Limit-*` headers (GitHub, Twitter, nginx modules,
//   express-rate-limit's legacy headers).

import type { HttpResponse } from '../../http/client.js';

export type LimitSignal =
  | { kind: 'limited'; status: number; retryAfter?: string }
  | { kind: 'advertised'; headers: Array<[string, string]> };

const ADVERTISING_HEADER = /^(ratelimit(-policy|-limit|-remaining|-reset)?|x-ratelimit-[a-z-]+|x-rate-limit-[a-z-]+)$/;

export function rateLimitHeaders(response: Pick<HttpResponse, 'headerList'>): Array<[string, string]> {
  return response.headerList.filter(([name]) => ADVERTISING_HEADER.test(name));
}

/** A limit seen in `response`, or undefined when it shows none. */
export function limitSignal(response: Pick<HttpResponse, 'status' | 'headers' | 'headerList'>): LimitSignal | undefined {
  const retryAfter = response.headers['retry-after'];
  if (response.status === 429) return { kind: 'limited', status: 429, ...(retryAfter ? { retryAfter } : {}) };
  if (response.status === 503 && retryAfter) return { kind: 'limited', status: 503, retryAfter };
  const headers = rateLimitHeaders(response);
  return headers.length ? { kind: 'advertised', headers } : undefined;
}
