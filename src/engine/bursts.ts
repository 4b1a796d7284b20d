// Who may receive a burst (the load test, the rate-limit probe): by default
// only what CI starts next to the audit, a loopback or private address or a
// single-label name (a compose or CI service such as `http://web:8000`). Any
// other host is someone's deployment, where hundreds of requests may page an
// on-call engineer or trip a shared limiter: it needs an explicit allow
// (`allow-load` / `allow-ratelimit` on the target, `--allow-bursts`, the
// Action's `allow-bursts` input). `production: true` targets need the
// target's own allow whatever their address.

import type { TargetConfig } from '../config/schema.js';
import { isPrivateHost } from '../http/client.js';

/** `probes`: the active probes (wrong passwords, default accounts, malformed bodies to discovered endpoints). */
export type Burst = 'load' | 'ratelimit' | 'probes';

const ALLOW_KEY = { load: 'allow-load', ratelimit: 'allow-ratelimit', probes: 'allow-probes' } as const;

export type BurstPolicy = { allowed: true } | { allowed: false; reason: string };

function isNearby(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return isPrivateHost(host) || (!host.includes('.') && !host.includes(':'));
}

export function burstPolicy(
  target: Pick<TargetConfig, 'url' | 'production' | 'allowLoad' | 'allowRatelimit'> & Partial<Pick<TargetConfig, 'allowProbes'>>,
  burst: Burst,
): BurstPolicy {
  const allow = burst === 'load' ? target.allowLoad : burst === 'ratelimit' ? target.allowRatelimit : target.allowProbes;
  const key = ALLOW_KEY[burst];
  if (allow === true) return { allowed: true };
  if (target.production) return { allowed: false, reason: `the target is marked production: true; set ${key}: true on it to send this burst` };
  if (allow === false) return { allowed: false, reason: `${key}: false on the target` };
  let hostname = '';
  try {
    hostname = new URL(target.url).hostname;
  } catch {
    return { allowed: false, reason: 'the target URL cannot be parsed' };
  }
  if (isNearby(hostname)) return { allowed: true };
  return {
    allowed: false,
    reason: `${hostname} is not a loopback or private address, and ${burst === 'probes' ? 'active probes go' : 'bursts go'} by default only to those; pass --allow-bursts (Action input allow-bursts: true) or set ${key}: true on the target to send ${burst === 'probes' ? 'them' : 'it'}`,
  };
}
