// Stable finding identity across runs, for code scanning (SARIF
// partialFingerprints), the "what changed" diff and the baseline: the check,
// where (the file for repository findings; origin and path for live ones)
// and a normalised form of what was found. Never the line number: a finding
// keeps its identity when lines are added above it.

import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types.js';

/** What was found, without what moves between runs: line numbers, timings, sizes, counts. */
export function normalisedMessage(message: string): string {
  return message
    .toLowerCase()
    .replace(/:\d+(?:-\d+)?\b/g, ':#')
    .replace(/\b\d+(?:\.\d+)?\s*(ms|s|seconds?|bytes?|b|kib|mib|kb|mb|%|requests?|req\/s|times?)\b/g, '#$1')
    // The same failure reported by the socket layer under another name (ECONNRESET or UND_ERR_SOCKET for one reset).
    .replace(/\((e[a-z]{3,}|und_err_[a-z_]+)\)/g, '(#code)')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The file of a repository finding, or origin and path of a live one (no query: it may hold tokens or cache busters). */
export function scopeOf(finding: Pick<Finding, 'location' | 'file' | 'url'>): string {
  const file = finding.location?.path ?? finding.file;
  if (file !== undefined) return `file:${file}`;
  if (finding.url) {
    try {
      const url = new URL(finding.url);
      return `url:${url.origin}${url.pathname}`;
    } catch {
      return `url:${finding.url}`;
    }
  }
  return '';
}

export function fingerprintOf(finding: Pick<Finding, 'checkId' | 'location' | 'file' | 'url' | 'message'>): string {
  return createHash('sha256').update(`${finding.checkId}\u0000${scopeOf(finding)}\u0000${normalisedMessage(finding.message)}`).digest('hex').slice(0, 32);
}

/**
 * Every finding with a fingerprint no other finding of the report shares: the second finding with the same identity
 * (the same message twice in one file) gets `:2`, the third `:3`, in report order, as CodeQL numbers equal line hashes.
 */
export function withFingerprints(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = fingerprintOf(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, fingerprint: n === 1 ? base : `${base}:${n}` };
  });
}
