import { afterEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { authChecks } from '../../src/checks/auth/index.js';
import { hs256Jwt, malformedCredentials, outcomeOf, unsignedJwt } from '../../src/checks/auth/tokens.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SECRET = Buffer.from('the-servers-own-secret-key-32-bytes!');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** A careless JWT check: trusts the header's alg, so alg "none" needs no signature. */
function trustsAlgNone(req: IncomingMessage): boolean {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return false;
  const header = decode(parts[0]!);
  if (header['alg'] === 'none') return true;
  const expected = createHmac('sha256', SECRET).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  return parts[2] === expected && Number(decode(parts[1]!)['exp']) > Date.now() / 1000;
}

describe('crafted tokens', () => {
  it('builds the five malformed credentials, none valid', () => {
    const now = 1_800_000_000;
    const creds = malformedCredentials(now);
    expect(creds.map((c) => c.id)).toEqual(['no-token', 'garbage', 'alg-none', 'bad-signature', 'expired']);
    expect(creds[0]!.authorization).toBeUndefined();
    const none = unsignedJwt(now).split('.');
    expect(decode(none[0]!)).toEqual({ alg: 'none', typ: 'JWT' });
    expect(none[2]).toBe('');
    const expired = creds[4]!.authorization!.slice('Bearer '.length).split('.');
    expect(decode(expired[0]!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(expired[1]!)['exp']).toBe(now - 3600);
    // Signed with a random key, so it never verifies with the server's.
    const signed = hs256Jwt({ sub: 'x' }, SECRET).split('.');
    expect(signed[2]).toBe(createHmac('sha256', SECRET).update(`${signed[0]}.${signed[1]}`).digest('base64url'));
    expect(creds[3]!.authorization).not.toBe(`Bearer ${hs256Jwt(decode(creds[3]!.authorization!.split('.')[1]!), SECRET)}`);
  });

  it('classifies answers', () => {
    expect([401, 403, 302, 404, 200, 204, 500, 502, 400, 422].map(outcomeOf)).toEqual([
      'rejected', 'rejected', 'rejected', 'rejected', 'accepted', 'accepted', 'server-error', 'server-error', 'other', 'other',
    ]);
  });
});

describe('auth.malformed-token against real servers', () => {
  const target = (url: string, extra: Record<string, unknown> = {}) => ({
    url,
    // A valid credential configured for the target must never be sent with the malformed ones.
    headers: { Authorization: 'Bearer real-token-that-works-for-the-audit' },
    protected: ['/api/me'],
    ...extra,
  });

  it('passes a server that answers 401 to every malformed token', async () => {
    server = await startServer((req, res) => {
      if (req.headers.authorization === 'Bearer real-token-that-works-for-the-audit') return res.writeHead(200).end('{}');
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
    });
    const result = await runChecks(authChecks, { target: target(server.url) });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['pass', 'P1', 'GET /api/me refused all 5 malformed credentials (no-token, garbage, alg-none, bad-signature, expired) with 401.'],
    ]);
    const probes = server.requests.filter((r) => r.url === '/api/me');
    expect(probes).toHaveLength(5);
    expect(probes.map((r) => r.headers.authorization?.split(' ')[0] ?? 'none')).toEqual(['none', 'Bearer', 'Bearer', 'Bearer', 'Bearer']);
    expect(probes.some((r) => r.headers.authorization?.includes('real-token'))).toBe(false);
    // Evidence quotes the token redacted.
    expect(of(result, 'auth.malformed-token')[0]!.evidence).toMatch(/authorization: Bearer eyJh\[redacted, \d+ chars\]/);
  });

  it('fails P1 on a server that crashes with 500 on malformed tokens', async () => {
    server = await startServer((req, res) => {
      const auth = req.headers.authorization;
      if (!auth) return res.writeHead(401).end();
      // Decodes before verifying and throws on anything that is not JSON.
      try {
        JSON.parse(Buffer.from(auth.split(' ')[1]!.split('.')[1] ?? '', 'base64url').toString());
        res.writeHead(401).end();
      } catch {
        res.writeHead(500, { 'content-type': 'text/html' }).end('<pre>SyntaxError: Unexpected token</pre>');
      }
    });
    const result = await runChecks(authChecks, { target: target(server.url) });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P1', 'GET /api/me fails with a server error on malformed tokens instead of refusing them: it answered 500 to a garbage bearer token.'],
    ]);
  });

  it('fails P0 on a server that accepts alg: none', async () => {
    server = await startServer((req, res) => {
      if (trustsAlgNone(req)) return res.writeHead(200, { 'content-type': 'application/json' }).end('{"user":"admin"}');
      res.writeHead(401).end();
    });
    const result = await runChecks(authChecks, { target: target(server.url) });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.severity, f.message])).toEqual([
      ['fail', 'P0', 'GET /api/me grants access without a valid token: it answered 200 to a JWT with alg: none (unsigned).'],
    ]);
  });

  it('reports an unprotected endpoint and odd refusals with their own severities', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/open') return res.writeHead(200).end('{}');
      res.writeHead(req.headers.authorization ? 400 : 401).end();
    });
    const result = await runChecks(authChecks, { target: target(server.url, { protected: ['/open', { path: '/api/me', method: 'POST' }] }) });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.severity, f.message])).toEqual([
      [
        'fail',
        'P0',
        'GET /open grants access without a valid token: it answered 200 to no credentials at all; 200 to a garbage bearer token; 200 to a JWT with alg: none (unsigned); 200 to an HS256 JWT with a bad signature; 200 to an expired JWT (exp one hour ago).',
      ],
      [
        'fail',
        'P2',
        'POST /api/me refuses malformed tokens with an unexpected status (401 or 403 expected): it answered 400 to a garbage bearer token; 400 to a JWT with alg: none (unsigned); 400 to an HS256 JWT with a bad signature; 400 to an expired JWT (exp one hour ago).',
      ],
    ]);
  });

  it('skips without protected endpoints', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end());
    const result = await runChecks(authChecks, { target: server.url });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.message])).toEqual([
      ['skip', 'No endpoint is configured under protected:, so there is nothing to send malformed tokens to.'],
    ]);
    expect(result.requests).toBe(1);
  });
});

describe('auth.malformed-token on a hung endpoint', () => {
  it('reports an error and stops probing that endpoint after the first timeout', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.writeHead(401).end();
    });
    const result = await runChecks(authChecks, { target: { url: server.url, protected: ['/hang', '/api/me'] }, config: { http: { 'timeout-ms': 300 } } });
    expect(of(result, 'auth.malformed-token').map((f) => [f.status, f.message])).toEqual([
      ['error', 'GET /hang gave no response to no credentials at all: no response within 300 ms.'],
      ['pass', 'GET /api/me refused all 5 malformed credentials (no-token, garbage, alg-none, bad-signature, expired) with 401.'],
    ]);
    expect(server.requests.filter((r) => r.url === '/hang')).toHaveLength(1);
  });
});
