// Bursts (load, rate limits) go by default only to what CI starts next to the audit.
import { describe, expect, it } from '@jest/globals';
import { burstPolicy } from '../../src/engine/bursts.js';

const target = (url: string, extra: { production?: boolean; allowLoad?: boolean; allowRatelimit?: boolean } = {}) => ({ url, production: false, allowLoad: undefined, allowRatelimit: undefined, ...extra });

describe('burst policy', () => {
  it('sends bursts to loopback, private addresses and service names', () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://localhost:3000/', 'http://[::1]:80/', 'http://10.1.2.3/', 'http://192.168.0.5/', 'http://web:8000/']) {
      expect([url, burstPolicy(target(url), 'load').allowed]).toEqual([url, true]);
    }
  });

  it('skips any other host by default and says why and how to allow it', () => {
    const policy = burstPolicy(target('https://shop.example.com/'), 'ratelimit');
    expect(policy.allowed).toBe(false);
    expect(!policy.allowed && policy.reason).toMatch(/shop\.example\.com is not a loopback or private address.*--allow-bursts.*allow-ratelimit: true/);
    expect(burstPolicy(target('https://shop.example.com/', { allowLoad: true }), 'load').allowed).toBe(true);
  });

  it('needs the target own allow on production: true, whatever its address', () => {
    expect(burstPolicy(target('http://127.0.0.1/', { production: true }), 'load').allowed).toBe(false);
    expect(burstPolicy(target('http://127.0.0.1/', { production: true, allowRatelimit: true }), 'ratelimit').allowed).toBe(true);
  });
});
