// Where the audit sees the target from. Probing a server on this machine
// through loopback, the audit is a local client, and what a server gives local
// clients only (Apache's `Require local` on /server-status, a product that
// listens on 127.0.0.1 by default) says nothing about the rest of the network.
// When this machine has another address, the one request is repeated from
// there to tell "local clients only" from "everyone"; otherwise the finding
// says it could not tell. One extra request per such finding, never more.

import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { Severity } from '../core/finding.js';
import type { HttpResponse, HttpResult } from './client.js';
import type { Exchanges } from './exchanges.js';
import { isLoopbackVantage, PROBE_BODY_BYTES } from './surface.js';

/**
 * How a server keeps something to local clients:
 * - `client-address`: it looks at the client's address (Apache's `Require local`): the request is repeated to the
 *   same URL from a non-loopback source address;
 * - `listen-address`: it listens on loopback only (a product's default bind address): the request is repeated to
 *   the same port on the machine's other address.
 */
export type LocalOnlyBy = 'client-address' | 'listen-address';

export interface LocalOnly {
  /** The default that keeps it local (quoted in the finding). */
  why: string;
  by: LocalOnlyBy;
}

export type Vantage = { address: string; source: 'configured' | 'detected' } | { none: string };

/**
 * The local address to repeat a request from: `http.local-vantage` when set (tests inject a 127.0.0.2 alias
 * there), else this machine's first address outside loopback and link-local ranges, of the target's family.
 */
export function chooseVantage(
  setting: string | undefined,
  targetUrl: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): Vantage {
  if (setting === 'none') return { none: 'http.local-vantage is none' };
  if (setting) return { address: setting, source: 'configured' };
  const family = hostOf(targetUrl).includes(':') ? 'IPv6' : 'IPv4';
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.internal || entry.family !== family) continue;
      if (/^169\.254\.|^fe80:/i.test(entry.address)) continue;
      return { address: entry.address, source: 'detected' };
    }
  }
  return { none: `this machine has no ${family} address outside loopback to ask from` };
}

export type VantageVerdict =
  | { kind: 'everyone'; from: string; response: HttpResponse }
  | { kind: 'local-only'; from: string; how: string }
  | { kind: 'unknown'; reason: string };

/** The URL the repeated request goes to: the same one, or the same port on the vantage address. */
export function vantageUrl(url: string, by: LocalOnlyBy, address: string): string {
  if (by === 'client-address') return url;
  const moved = new URL(url);
  moved.hostname = isIP(address) === 6 ? `[${address}]` : address;
  return moved.toString();
}

/**
 * Repeats the unauthenticated GET of `path` from the vantage, when the target is on this machine (a loopback
 * host) and such an address exists. `same` recognises the answer the loopback client got (the status page, the
 * open API), so a 403, a login page or a 404 from the vantage means local clients only.
 */
export async function askFromVantage(
  exchanges: Exchanges,
  options: { targetUrl: string; setting: string | undefined; path: string; localOnly: LocalOnly; owner: string },
  same: (response: HttpResponse) => boolean,
): Promise<VantageVerdict> {
  if (!isLoopbackVantage(options.targetUrl)) return { kind: 'unknown', reason: 'the target is not on this machine' };
  const vantage = chooseVantage(options.setting, options.targetUrl);
  if ('none' in vantage) return { kind: 'unknown', reason: vantage.none };
  const from = vantage.address;
  const url = vantageUrl(exchanges.url(options.path), options.localOnly.by, from);
  const result: HttpResult = await exchanges.get(
    `vantage:${options.localOnly.by}:${from}:${options.path}`,
    { url, withoutTargetHeaders: true, maxBodyBytes: PROBE_BODY_BYTES, localAddress: from },
    { owner: options.owner },
  );
  return verdictOf(result, from, options.localOnly.by, same);
}

/** Pure: what the repeated request's answer says. */
export function verdictOf(result: HttpResult, from: string, by: LocalOnlyBy, same: (response: HttpResponse) => boolean): VantageVerdict {
  if (!result.ok) {
    if (result.error.code === 'refused' && by === 'listen-address') return { kind: 'local-only', from, how: `refused the connection to ${hostOf(result.error.url)} (it listens on loopback only)` };
    return { kind: 'unknown', reason: `asked again from ${from}, no answer could tell (${result.error.message})` };
  }
  const response = result.response;
  if (same(response)) return { kind: 'everyone', from, response };
  return { kind: 'local-only', from, how: `answered ${response.status} without it` };
}

/**
 * The severity and the sentence a finding seen from loopback gets from the vantage's verdict: answered from
 * the other address too, the public-exposure severity (the check's own: undefined here); refused there, P2;
 * not told apart, P1 at most, and why.
 */
export function judgeByVantage(verdict: VantageVerdict, localOnly: LocalOnly): { severity?: Severity; note: string } {
  switch (verdict.kind) {
    case 'everyone':
      return { note: ` Asked again from ${verdict.from}, a non-loopback address of this machine, it answers the same: not only local clients get it, although ${localOnly.why}.` };
    case 'local-only':
      return { severity: 'P2', note: ` Local clients only: asked again from ${verdict.from}, a non-loopback address of this machine, it ${verdict.how} (${localOnly.why}), so P2.` };
    case 'unknown':
      return {
        severity: 'P1',
        note: ` Seen from a loopback client, and ${localOnly.why}: this may hold for local clients only, and ${verdict.reason}, so P1 at most from this vantage; audit the target from another host to tell.`,
      };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
