// Evidence quotes the request line, the status and the relevant headers of an
// exchange, redacted. Bodies are quoted only as short excerpts.

import { redactHeaderValue, redactText, redactValue } from '../core/redact.js';
import type { HttpResponse, HttpFailure } from './client.js';

export interface EvidenceOptions {
  /** Response headers to quote; all when omitted. */
  headers?: readonly string[];
  /** Quote up to this many characters of the body around `bodyMatch` (or from the start). */
  bodyExcerpt?: number;
  bodyMatch?: RegExp | string;
  /** Configured header names to hide. */
  secretHeaders?: ReadonlySet<string>;
}

export function describeExchange(response: HttpResponse, options: EvidenceOptions = {}): string {
  const secret = options.secretHeaders ?? new Set<string>();
  const url = new URL(response.url);
  const lines: string[] = [`${response.method} ${url.pathname}${redactText(url.search)} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(response.requestHeaders)) {
    if (name === 'user-agent' || name === 'accept' || name === 'host') continue;
    lines.push(`${name}: ${redactHeaderValue(name, value, secret)}`);
  }
  lines.push('', `HTTP/1.1 ${response.status}`);
  const wanted = options.headers?.map((h) => h.toLowerCase());
  for (const [name, value] of response.headerList) {
    if (wanted && !wanted.includes(name)) continue;
    lines.push(`${name}: ${redactHeaderValue(name, value, secret)}`);
  }
  if (wanted) {
    for (const name of wanted) {
      if (!response.headerList.some(([n]) => n === name)) lines.push(`(no ${name} header)`);
    }
  }
  if (options.bodyExcerpt && response.body) {
    // Sent credentials are hidden before the cut, so an excerpt never ends in half a token.
    const body = hideSent(response.body, sentSecrets(response.requestHeaders, secret));
    lines.push('', excerpt(body, options.bodyExcerpt, options.bodyMatch));
  }
  return lines.join('\n');
}

/**
 * The credentials this request carried (the values of headers redacted when
 * quoted): debug pages and echo endpoints repeat them in the body, where no
 * pattern recognises an opaque token.
 */
function sentSecrets(requestHeaders: Record<string, string>, secret: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(requestHeaders)) {
    if (redactHeaderValue(name, value, secret) === value) continue;
    values.push(value, ...value.split(/[\s;]+/), ...value.split(';').map((part) => part.slice(part.indexOf('=') + 1)));
  }
  // Longest first, so a whole header value goes before its parts; short pieces
  // (a scheme, a cookie name) are not secrets and would only mangle the text.
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 8))].sort((a, b) => b.length - a.length);
}

function hideSent(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, value) => out.split(value).join(redactValue(value)), text);
}

export function describeFailure(error: HttpFailure): string {
  const url = safeUrl(error.url);
  return `${error.method} ${url ? url.pathname + redactText(url.search) : redactText(error.url)} HTTP/1.1\nHost: ${url?.host ?? '?'}\n\n(no response: ${error.message})`;
}

/** A redacted excerpt of `text` around the first match of `match`. */
export function excerpt(text: string, max: number, match?: RegExp | string): string {
  let start = 0;
  if (match !== undefined) {
    const index = typeof match === 'string' ? text.indexOf(match) : text.search(match);
    if (index > 0) start = Math.max(0, index - Math.floor(max / 4));
  }
  const slice = text.slice(start, start + max);
  const cut = (start > 0 ? '…' : '') + slice + (start + max < text.length ? '…' : '');
  return redactText(cut);
}

function safeUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
