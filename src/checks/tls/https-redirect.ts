import type { FindingInput, LiveCheck } from '../../engine/types.js';
import { isPrivateHost } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';

export type RedirectVerdict = { ok: true; note: string } | { ok: false; reason: string };

/** `www.example.com` and `example.com` count as the same site for the redirect. */
function sameSite(a: string, b: string): boolean {
  const strip = (h: string): string => h.toLowerCase().replace(/^www\./, '');
  return strip(a) === strip(b);
}

/** Judges the first answer to a plain-HTTP request: it must redirect to HTTPS on the same host. */
export function judgeHttpsRedirect(fromUrl: string, status: number, location: string | undefined): RedirectVerdict {
  if (status < 300 || status > 399 || !location) {
    return { ok: false, reason: `answers ${status} over plain HTTP instead of redirecting to HTTPS` };
  }
  let next: URL;
  try {
    next = new URL(location, fromUrl);
  } catch {
    return { ok: false, reason: `redirects to an invalid Location "${location}"` };
  }
  const from = new URL(fromUrl);
  if (next.protocol !== 'https:') return { ok: false, reason: `redirects to ${next.href}, which is not HTTPS` };
  if (!sameSite(next.hostname, from.hostname)) {
    return { ok: false, reason: `redirects to another host (${next.host}) instead of HTTPS on ${from.hostname}` };
  }
  const permanent = status === 301 || status === 308;
  return { ok: true, note: `redirects ${status} to ${next.href}${permanent ? '' : ' (a permanent 301/308 would let browsers remember it)'}` };
}

/**
 * The hop that leaves plain HTTP on this host: hops that only tidy the path
 * (`/app` -> `/app/`) on the same scheme and host come first on many servers.
 */
export function upgradeHop<T extends { url: string; location: string }>(hops: readonly T[]): T | undefined {
  const leaves = (hop: T): boolean => {
    const from = new URL(hop.url);
    const to = new URL(hop.location);
    return to.protocol !== from.protocol || to.hostname !== from.hostname;
  };
  return hops.find(leaves) ?? hops[0];
}

const ID = 'tls.https-redirect';

export const httpsRedirect: LiveCheck = {
  id: ID,
  title: 'Plain HTTP redirects to HTTPS',
  category: 'security',
  severity: 'P1',
  kind: 'live',
  docs: {
    summary:
      'Fails when the plain-HTTP URL of a public host does not answer with a redirect to HTTPS on the same host; skipped for loopback and private hosts unless the target sets `https-redirect: true`.',
    why: 'Users and links still arrive over plain HTTP; without an immediate redirect they use the service unencrypted, where traffic and cookies can be read and altered.',
    fix: 'Answer every plain-HTTP request with a 301 (or 308) to the same URL over HTTPS, and send HSTS on HTTPS.',
    snippets: [
      { stack: 'nginx', code: 'server { listen 80; server_name example.com; return 301 https://$host$request_uri; }' },
      { stack: 'Django', code: 'SECURE_SSL_REDIRECT = True' },
      { stack: 'Express', code: "app.use((req, res, next) => (req.secure ? next() : res.redirect(301, `https://${req.hostname}${req.originalUrl}`)));" },
    ],
    traffic: 'For an http:// target, none of its own (reads the first hop of the shared base page); for an https:// target on the default port, one GET of the same URL over http://.',
  },
  async run({ exchanges, target, http }) {
    const url = new URL(target.url);
    if (isPrivateHost(url.hostname) && target.httpsRedirect !== true) {
      return [{ status: 'skip', message: `Not checked: ${url.hostname} is a loopback or private host (set https-redirect: true on the target to check it).` }];
    }
    let plainUrl: string;
    if (url.protocol === 'http:') {
      plainUrl = target.url;
      const base = await exchanges.base();
      if (base.ok) {
        const first = upgradeHop(base.response.redirects);
        const verdict = first ? judgeHttpsRedirect(first.url, first.status, first.location) : judgeHttpsRedirect(plainUrl, base.response.status, undefined);
        const evidence = first
          ? base.response.redirects.map((hop) => `GET ${new URL(hop.url).pathname} HTTP/1.1 (${new URL(hop.url).host})\n-> ${hop.status} location: ${hop.location}`).join('\n')
          : describeExchange(base.response, { headers: ['location', 'strict-transport-security'], secretHeaders: http.secretHeaderNames });
        return [finding(plainUrl, verdict, evidence)];
      }
    } else {
      if (url.port) {
        return [{ status: 'skip', message: `Not checked: ${target.url} uses port ${url.port}, so the plain-HTTP port is unknown (configure the http:// URL as a target to check it).` }];
      }
      url.protocol = 'http:';
      plainUrl = url.toString();
    }
    // The target is https: its configured credentials must never travel in
    // clear, and the redirect answer does not depend on them.
    const result = await exchanges.get('plain-http', { url: plainUrl, maxBodyBytes: 0, withoutTargetHeaders: true }, { owner: ID });
    if (!result.ok) {
      if (result.error.code === 'refused') {
        return [{ status: 'pass', message: `Nothing listens for plain HTTP at ${plainUrl} (connection refused).`, url: plainUrl, evidence: describeFailure(result.error) }];
      }
      return [{ status: 'error', message: `The plain-HTTP request got no response: ${result.error.message}.`, url: plainUrl, evidence: describeFailure(result.error) }];
    }
    const r = result.response;
    const verdict = judgeHttpsRedirect(plainUrl, r.status, r.headers['location']);
    return [finding(plainUrl, verdict, describeExchange(r, { headers: ['location'], secretHeaders: http.secretHeaderNames }))];
  },
};

function finding(url: string, verdict: RedirectVerdict, evidence: string): FindingInput {
  return verdict.ok
    ? { status: 'pass', message: `${url} ${verdict.note}.`, url, evidence }
    : { status: 'fail', message: `${url} ${verdict.reason}.`, url, evidence };
}
