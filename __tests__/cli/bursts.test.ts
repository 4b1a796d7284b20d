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

describe('skipped bursts in the reports', () => {
  it('says in the markdown and text reports which bursts were not sent and why', async () => {
    const { buildReport, renderMarkdown, renderText } = await import('../../src/report/index.js');
    const reason = 'Not loaded: shop.example.com is not a loopback or private address, and bursts go by default only to those; pass --allow-bursts';
    const report = buildReport(
      {
        findings: [{ checkId: 'load.concurrency', title: 't', category: 'performance', severity: 'P1', status: 'skip', message: reason, remediation: 'r', url: 'https://shop.example.com/' }],
        durationMs: 1,
        requests: 0,
        requestsByCheck: {},
        expiredWaivers: [],
        targets: ['https://shop.example.com/'],
      },
      { minScore: 0, failOn: 'p0', burstChecks: new Set(['load.concurrency']) },
    );
    expect(report.skippedBursts).toEqual([{ checkId: 'load.concurrency', url: 'https://shop.example.com/', reason }]);
    expect(renderMarkdown(report)).toMatch(/\*\*Bursts not sent:\*\* `load\.concurrency` — Not loaded: shop\\?\.example\\?\.com is not a loopback/);
    expect(renderText(report, { color: false, width: 120 })).toMatch(/^! Burst not sent: load\.concurrency: Not loaded: shop\.example\.com is not a loopback/m);
  });
});
