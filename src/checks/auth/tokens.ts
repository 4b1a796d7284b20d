// Malformed credentials, crafted here with node:crypto so nothing is borrowed
// from the target: none of them can be valid for any server.
//
// - no token at all;
// - a bearer token that is not a JWT;
// - `alg: none` (RFC 7519 §6 unsecured JWT; the classic bypass when a library
//   trusts the header's algorithm, CVE-2015-9235);
// - HS256 signed with a random key (a server that does not verify signatures);
// - an expired HS256 token (a server that ignores `exp`, RFC 7519 §4.1.4).

import { createHmac, randomBytes } from 'node:crypto';

export interface MalformedCredential {
  /** Stable short id, e.g. `alg-none`. */
  id: string;
  /** What it is, for messages: "a JWT with alg: none". */
  description: string;
  /** The Authorization header to send, or undefined for none. */
  authorization?: string;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function claims(now: number, expiresAt: number): Record<string, unknown> {
  // Claims a careless server would act on: an admin subject.
  return { sub: 'readiness-gate-probe', name: 'readiness-gate probe', role: 'admin', admin: true, iat: now - 60, exp: expiresAt };
}

export function unsignedJwt(now = Math.floor(Date.now() / 1000)): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims(now, now + 3600)))}.`;
}

export function hs256Jwt(payload: Record<string, unknown>, key: Buffer = randomBytes(32)): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}

export function malformedCredentials(now = Math.floor(Date.now() / 1000)): MalformedCredential[] {
  return [
    { id: 'no-token', description: 'no credentials at all' },
    { id: 'garbage', description: 'a garbage bearer token', authorization: `Bearer not-a-token-${randomBytes(8).toString('hex')}` },
    { id: 'alg-none', description: 'a JWT with alg: none (unsigned)', authorization: `Bearer ${unsignedJwt(now)}` },
    { id: 'bad-signature', description: 'an HS256 JWT with a bad signature', authorization: `Bearer ${hs256Jwt(claims(now, now + 3600))}` },
    { id: 'expired', description: 'an expired JWT (exp one hour ago)', authorization: `Bearer ${hs256Jwt(claims(now - 7200, now - 3600))}` },
  ];
}

export type Outcome = 'rejected' | 'accepted' | 'server-error' | 'other';

/**
 * 401/403 are the answers RFC 6750 §3.1 and RFC 9110 §15.5.2/§15.5.4 call for.
 * A redirect (to a login page) and 404 (hiding the resource, as GitHub does)
 * also refuse access; 2xx grants it; 5xx means the token crashed the server.
 */
export function outcomeOf(status: number): Outcome {
  if (status === 401 || status === 403 || status === 404 || (status >= 300 && status < 400)) return 'rejected';
  if (status >= 200 && status < 300) return 'accepted';
  if (status >= 500) return 'server-error';
  return 'other';
}
