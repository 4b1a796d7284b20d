import { describe, expect, it } from '@jest/globals';
import { P0_CAP, verdict } from '../../src/engine/score.js';
import type { Finding } from '../../src/engine/types.js';

function finding(checkId: string, severity: Finding['severity'], status: Finding['status'], extra: Partial<Finding> = {}): Finding {
  return { checkId, title: checkId, category: 'security', severity, status, message: 'm', remediation: 'r', ...extra };
}
const defaults = { minScore: 0, failOn: 'p0' as const };

describe('scoring and the gate', () => {
  it('weights each check outcome by severity (P0 10, P1 5, P2 1)', () => {
    const v = verdict(
      [finding('a.p1', 'P1', 'pass'), finding('b.p1', 'P1', 'fail'), finding('c.p2', 'P2', 'fail'), finding('d.p0', 'P0', 'pass')],
      defaults,
    );
    // passing 5 + 10 of 5 + 5 + 1 + 10
    expect(v.score).toBe(Math.round((100 * 15) / 21));
    expect(v.decision).toBe('GO');
    expect(v.categories).toEqual([{ id: 'security', score: 71, passed: 2, failed: 2, skipped: 0, checks: 4 }]);
  });

  it('scores a check once however many findings it emits', () => {
    const many = Array.from({ length: 30 }, () => finding('cookies.flags', 'P1', 'fail'));
    const v = verdict([...many, finding('headers.hsts', 'P1', 'pass')], defaults);
    expect(v.score).toBe(50);
  });

  it('says NO-GO on any unwaived failing P0, and caps the score', () => {
    const findings = [finding('x.p0', 'P0', 'fail'), ...Array.from({ length: 20 }, (_, i) => finding(`ok.${i}`, 'P0', 'pass'))];
    const v = verdict(findings, defaults);
    expect(v.decision).toBe('NO-GO');
    expect(v.score).toBe(P0_CAP);
    expect(v.reasons[0]).toBe('1 failing P0 finding(s): x.p0');
    expect(v.blocking).toBe(true);
  });

  it('lets a waived P0 through and counts it as passing', () => {
    const v = verdict([finding('x.p0', 'P0', 'fail', { waived: { reason: 'accepted risk' } })], defaults);
    expect(v.decision).toBe('GO');
    expect(v.score).toBe(100);
  });

  it('says NO-GO when a P0 check could not be evaluated', () => {
    const v = verdict([finding('tls.certificate', 'P0', 'error'), finding('y', 'P1', 'pass')], defaults);
    expect(v.decision).toBe('NO-GO');
    expect(v.reasons).toEqual(['1 P0 check(s) could not be evaluated, so cannot be called safe: tls.certificate']);
  });

  it('applies min-score and fail-on', () => {
    const findings = [finding('a', 'P1', 'fail'), finding('b', 'P1', 'pass')];
    expect(verdict(findings, { minScore: 60, failOn: 'p0' })).toMatchObject({ decision: 'NO-GO', score: 50, reasons: ['score 50 is below min-score 60'] });
    expect(verdict(findings, { minScore: 0, failOn: 'p1' })).toMatchObject({ decision: 'NO-GO', blocking: true });
    expect(verdict([finding('x', 'P0', 'fail')], { minScore: 0, failOn: 'never' })).toMatchObject({ decision: 'NO-GO', blocking: false });
  });

  it('does not call an audit that evaluated nothing GO', () => {
    const v = verdict([finding('a', 'P1', 'skip')], defaults);
    expect(v.decision).toBe('NO-GO');
    expect(v.reasons).toContain('no check could be evaluated');
    expect(v.categories[0]).toMatchObject({ skipped: 1, checks: 0 });
  });
});
