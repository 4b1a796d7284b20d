// Collect once, analyse purely (as the MDN HTTP Observatory's retriever does):
// the exchanges several checks read (the base page, a 404 probe, a CORS
// preflight) are fetched once per target and shared through this cache.

import type { HttpClient, HttpRequest, HttpResult } from './client.js';

export class Exchanges {
  private readonly cache = new Map<string, Promise<HttpResult>>();

  /** `client` is the audit-level client scoped to this target; requests count under "collect". */
  constructor(
    readonly targetUrl: string,
    private readonly client: HttpClient,
  ) {}

  /**
   * The exchange named `key`, sent on first use. Keys are stable names such as
   * `base` or `not-found`. `owner` names who the request is counted for in the
   * report's `requestsByCheck` (default `collect`); the request is still sent
   * under the audit's signal, so a cancelled check never cancels it for others.
   */
  get(key: string, request: HttpRequest, options: { owner?: string } = {}): Promise<HttpResult> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = (options.owner ? this.client.countingAs(options.owner) : this.client).send(request);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** GET of the target URL itself, redirects followed: what a browser would see. */
  base(): Promise<HttpResult> {
    return this.get('base', { url: this.targetUrl, followRedirects: true });
  }

  /** An absolute URL for `path` on the target's origin. */
  url(path: string): string {
    return new URL(path, this.targetUrl).toString();
  }
}
