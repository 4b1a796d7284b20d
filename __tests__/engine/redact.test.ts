import { describe, expect, it } from '@jest/globals';
import { redactHeaderValue, redactSetCookie, redactText, redactValue } from '../../src/core/redact.js';

describe('redaction', () => {
  it('shows a value as its first four characters and its length', () => {
    const key = 'sk_live_' + 'a'.repeat(32);
    expect(redactValue(key)).toBe('sk_l[redacted, 40 chars]');
    expect(redactValue('short')).toBe('[redacted, 5 chars]');
    expect(redactValue('')).toBe('(empty)');
  });

  it('hides cookie values, authorization and configured headers', () => {
    expect(redactSetCookie('sessionid=abcdef0123456789; Path=/; HttpOnly')).toBe('sessionid=abcd[redacted, 16 chars]; Path=/; HttpOnly');
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc')).toBe('Bearer eyJh[redacted, 28 chars]');
    expect(redactHeaderValue('cookie', 'a=12345678901234; b=x')).toBe('a=1234[redacted, 14 chars]; b=[redacted, 1 chars]');
    expect(redactHeaderValue('X-Tenant', 'acme-corp-tenant-1', new Set(['x-tenant']))).toBe('acme[redacted, 18 chars]');
    expect(redactHeaderValue('content-type', 'text/html')).toBe('text/html');
  });

  it('hides secrets inside free text', () => {
    const aws = 'AKIA' + 'Z7QW3ERTY5UIOP2A';
    const text = [
      `aws_access_key_id = ${aws}`,
      'DATABASE_URL=postgres://shop:Tr0ub4dor-and-3@db:5432/shop', // readiness-gate:allow-secret (test data)
      'SECRET_KEY="q8Xz2LmN4vB7cR1tY6uP9wE3sD5fG0hJ"', // readiness-gate:allow-secret (test data)
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
      'password: ${DB_PASSWORD}',
    ].join('\n');
    const out = redactText(text);
    expect(out).not.toContain(aws);
    expect(out).not.toContain('Tr0ub4dor-and-3');
    expect(out).not.toContain('q8Xz2LmN4vB7cR1tY6uP9wE3sD5fG0hJ');
    expect(out).not.toContain('MIIEowIBAAKCAQEA');
    expect(out).toContain('postgres://shop:Tr0u[redacted, 15 chars]@db:5432/shop');
    expect(out).toContain('SECRET_KEY="q8Xz[redacted, 32 chars]"');
    expect(out).toContain('password: ${DB_PASSWORD}');
  });
});

describe('file locations in messages', () => {
  it('keeps a path and line (`certs/server.key:12`, `src/secrets.rs:89`) and still hides `key:value` assignments', () => {
    expect(redactText('private key block at certs/server.key:12 and crates/client/src/secrets.rs:89.')).toBe('private key block at certs/server.key:12 and crates/client/src/secrets.rs:89.');
    expect(redactText('at .dev/testing-host-key:1: BEGIN')).toBe('at .dev/testing-host-key:1: BEGIN');
    expect(redactText('api_key:48213377 token:93811234')).not.toContain('48213377');
    expect(redactText('api_key:48213377 token:93811234')).not.toContain('93811234');
  });
});

describe('header redaction keeps protocol keywords', () => {
  it('shows Access-Control-Allow-Credentials and WWW-Authenticate values', () => {
    expect(redactHeaderValue('access-control-allow-credentials', 'true')).toBe('true');
    expect(redactHeaderValue('www-authenticate', 'Bearer realm="api"')).toBe('Bearer realm="api"');
    expect(redactHeaderValue('x-session-token', 'abcdefghijklmnop')).toBe('abcd[redacted, 16 chars]');
  });
});
