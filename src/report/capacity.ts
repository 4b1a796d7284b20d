// The load ramp's picture: latency and errors against concurrent users, as a
// Mermaid xychart where GitHub renders Mermaid (comment, job summary, check
// run) and as a small table everywhere else (terminal, evidence). Reads only
// the measurements the ramp's finding carries (core/capacity.ts); also what
// a later run compares with (--previous, the sticky comment's state).

import type { BreakReason, Capacity, CapacityBaseline, PreviousCapacity, RampStage } from '../core/capacity.js';
import type { Finding } from '../engine/types.js';
import { markdownCode, markdownText, terminalText } from './escape.js';

export const RAMP_CHECK_ID = 'load.ramp';

/** The ramp findings that carry measurements, in report order. */
export function capacitiesOf(report: { findings: readonly Finding[] }): Capacity[] {
  return report.findings.filter((f) => f.checkId === RAMP_CHECK_ID && f.capacity).map((f) => f.capacity!);
}

/** "holds 50 users at p95 120 ms, 2310 req/s (main: 100 users); breaks at 100 users: p95 1.4 s over 1000 ms; soak 30 s: p95 +8%" */
export function capacityHeadline(c: Capacity): string {
  const parts: string[] = [];
  const previous = c.previous ? ` (${c.previous.label}: ${usersText(c.previous.users)})` : '';
  const first = c.stages[0];
  if (c.knee) parts.push(`holds ${c.knee.users} users at p95 ${c.knee.p95 !== undefined ? ms(c.knee.p95) : '—'}, ${Math.round(c.knee.throughput)} req/s${previous}`);
  else if (first) parts.push(`does not hold even the first stage, ${first.users} users${previous}`);
  const broke = c.broke && c.stages.find((s) => s.users === c.broke!.users);
  if (broke) parts.push(`${c.knee ? 'breaks' : 'broke'} at ${broke.users} users: ${whyBroken(broke, c)}`);
  else if (c.knee && c.stages[c.stages.length - 1]?.meets) parts.push(c.budget.stoppedBy ? 'no stage run broke the objective' : 'no stage broke the objective');
  const unjudged = c.stages.find((s) => s.unjudged);
  if (unjudged) parts.push(`${unjudged.users} users not judged: ${unjudged.unjudged}`);
  if (c.soak) {
    const s = c.soak;
    const drift = s.unjudged ? 'not judged' : s.drift !== undefined ? `p95 ${s.drift >= 0 ? '+' : ''}${Math.round(s.drift * 100)}% first to last third` : 'no latency';
    parts.push(`soak ${(s.elapsedMs / 1000).toFixed(1)} s at ${s.users} users: ${drift}${s.problems.length ? ' (did not hold)' : ''}`);
  }
  return parts.join('; ');
}

/** "p95 1.4 s over 1000 ms, 12% errors (5xx, resets)" */
function whyBroken(stage: RampStage, c: Capacity): string {
  const out: string[] = [];
  if (stage.reasons.includes('latency') && stage.p95 !== undefined) out.push(`p95 ${ms(stage.p95)} over ${ms(c.objective.p95Ms)}`);
  const errors = stage.reasons.filter((r) => r !== 'latency');
  if (errors.length) out.push(`${pct(stage.errorRate)} errors (${errors.join(', ')})`);
  return out.join(', ');
}

/** The stages as a fixed-width table, the soak and the budget under it. */
export function capacityTable(c: Capacity): string[] {
  const rows = [['users', 'req/s', 'p50', 'p95', 'p99', 'errors', '429', '']];
  for (const s of c.stages) {
    const verdict = s.unjudged ? 'not judged' : s.meets ? 'meets' : `breaks: ${s.reasons.join(', ')}`;
    rows.push([String(s.users), String(Math.round(s.throughput)), opt(s.p50), opt(s.p95), opt(s.p99), pct(s.errorRate), String(s.rateLimited), verdict]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padStart(widths[i]!))).join('  ').trimEnd());
  if (c.soak) {
    const s = c.soak;
    const thirds = s.thirds.map((t) => `${t.p95 !== undefined ? ms(t.p95) : '—'}/${pct(t.errorRate)}${t.refused ? `/${t.refused} refused` : ''}`).join(' → ');
    lines.push(`soak ${(s.elapsedMs / 1000).toFixed(1)} s at ${s.users} users, ${s.sent} requests: p95/errors by third ${thirds}${s.unjudged ? ` (not judged: ${s.unjudged})` : ''}`);
  }
  const b = c.budget;
  lines.push(
    `objective p95 ≤ ${ms(c.objective.p95Ms)}, errors ≤ ${pct(c.objective.maxErrorRate)}; budget ${b.sent} of ${b.maxRequests} requests, ${(b.elapsedMs / 1000).toFixed(1)} of ${(b.maxDurationMs / 1000).toFixed(0)} s, at most ${b.maxConnections} connections${b.stoppedBy ? `; stopped early: ${b.stoppedBy}` : ''}`,
  );
  return lines;
}

/**
 * A Mermaid xychart (GitHub renders `mermaid` fences): p95 per stage as bars, the objective as a line, the error
 * rate in the axis label of any stage that had errors. Numbers and fixed words only: nothing untrusted.
 */
export function capacityChart(c: Capacity): string {
  const stages = c.stages.filter((s) => !s.unjudged);
  const labels = stages.map((s) => JSON.stringify(`${s.users}${s.errorRate > 0 ? ` · ${pct(s.errorRate)} err` : ''}${s.meets ? '' : ' ✗'}`));
  const p95 = stages.map((s) => round(s.p95 ?? 0));
  const top = niceCeiling(Math.max(c.objective.p95Ms, ...p95) * 1.1);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "p95 latency (bars) against the ${round(c.objective.p95Ms)} ms objective (line)"`,
    `  x-axis "concurrent users (✗ breaks the objective)" [${labels.join(', ')}]`,
    `  y-axis "ms" 0 --> ${top}`,
    `  bar [${p95.join(', ')}]`,
    `  line [${stages.map(() => round(c.objective.p95Ms)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The capacity section of the markdown report: one headline and chart per ramped target, the table folded. */
export function capacityMarkdown(report: { findings: readonly Finding[] }, options: { table?: boolean; foldChart?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const c of capacitiesOf(report)) {
    out.push(`**Capacity of** ${markdownCode(c.target)}: ${markdownText(capacityHeadline(c))}`, '');
    if (c.stages.some((s) => !s.unjudged)) {
      // GitHub draws a Mermaid block inside <details> when it is opened: the headline above says the gist.
      out.push(...(options.foldChart ? ['<details><summary>Chart: p95 latency by concurrent users</summary>', '', capacityChart(c), '', '</details>', ''] : [capacityChart(c), '']));
    }
    if (options.table ?? true) {
      // A fence: the table is fixed-width text; its only untrusted-looking part, the target, is not in it.
      out.push('<details><summary>Stages, soak and budget</summary>', '', '```', ...capacityTable(c), '```', '', '</details>', '');
    }
  }
  return out;
}

/** The capacity section of the terminal report. */
export function capacityText(report: { findings: readonly Finding[] }): string[] {
  const out: string[] = [];
  for (const c of capacitiesOf(report)) {
    out.push(`Capacity of ${terminalText(c.target)}: ${terminalText(capacityHeadline(c))}`);
    out.push(...capacityTable(c).map((l) => `  ${l}`), '');
  }
  return out;
}

// ---------------------------------------------------------------------------
// What the next run compares with

/** This report's capacities, as the next run reads them (the JSON report, the sticky comment's state). */
export function baselinesOf(report: { findings: readonly Finding[] }): CapacityBaseline[] {
  return capacitiesOf(report)
    .map((c) => ({ url: c.target, users: c.knee?.users ?? 0, ...(c.knee?.p95 !== undefined ? { p95: c.knee.p95 } : {}) }))
    .filter(isBaseline);
}

/** A previous run's capacities, from a JSON report or a state someone else wrote: only well-formed entries count. */
export function previousCapacity(entries: unknown, label: string): PreviousCapacity | undefined {
  const targets = Array.isArray(entries) ? entries.filter(isBaseline).map((e) => ({ url: e.url, users: e.users, ...(e.p95 !== undefined ? { p95: e.p95 } : {}) })) : [];
  return targets.length ? { label, targets } : undefined;
}

/** The capacities of a JSON report read from a file (an artifact of the base branch's run). */
export function previousFromReport(report: { findings: readonly unknown[] }, label: string): PreviousCapacity | undefined {
  const entries = report.findings
    .filter((f): f is Finding => !!f && typeof f === 'object' && (f as Finding).checkId === RAMP_CHECK_ID)
    .map((f) => f.capacity)
    .filter((c): c is Capacity => !!c && typeof c === 'object' && typeof c.target === 'string')
    .map((c) => ({ url: c.target, users: typeof c.knee === 'object' && c.knee ? c.knee.users : 0, ...(typeof c.knee?.p95 === 'number' ? { p95: c.knee.p95 } : {}) }));
  return previousCapacity(entries, label);
}

const REASONS: readonly BreakReason[] = ['latency', '5xx', 'timeouts', 'resets', 'refused', 'other errors'];

/**
 * What is wrong with the measurements of a report read from a file (report mode, --previous), or undefined: the
 * renderers put these numbers in a Mermaid block and the strings in a fenced table, so a number must be a number and
 * a string one line without a backtick.
 */
export function capacityProblem(value: unknown, at: string): string | undefined {
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  // eslint-disable-next-line no-control-regex
  const isText = (v: unknown) => typeof v === 'string' && v.length <= 500 && !/[\u0000-\u001f`]/.test(v);
  const numbers = (o: unknown, keys: string[], optional: string[] = []): string | undefined => {
    if (!o || typeof o !== 'object') return 'must be an object';
    const r = o as Record<string, unknown>;
    const bad = [...keys.filter((k) => !isNumber(r[k])), ...optional.filter((k) => r[k] !== undefined && !isNumber(r[k]))][0];
    return bad ? `${bad} must be a number` : undefined;
  };
  const texts = (o: Record<string, unknown>, keys: string[]) => keys.find((k) => o[k] !== undefined && !isText(o[k]));
  if (!value || typeof value !== 'object') return `${at} must be an object`;
  const c = value as Record<string, unknown>;
  if (!isText(c['target'])) return `${at}.target must be one line`;
  const objective = numbers(c['objective'], ['p95Ms', 'maxErrorRate']);
  if (objective) return `${at}.objective: ${objective}`;
  const budget = numbers(c['budget'], ['maxRequests', 'maxDurationMs', 'maxConnections', 'sent', 'elapsedMs']) ?? (texts(c['budget'] as Record<string, unknown>, ['stoppedBy']) ? 'stoppedBy must be one line' : undefined);
  if (budget) return `${at}.budget: ${budget}`;
  if (!Array.isArray(c['stages'])) return `${at}.stages must be an array`;
  for (const [i, stage] of (c['stages'] as unknown[]).entries()) {
    const problem = numbers(stage, ['users', 'sent', 'throughput', 'errorRate', 'rateLimited', 'elapsedMs'], ['p50', 'p95', 'p99']);
    if (problem) return `${at}.stages[${i}]: ${problem}`;
    const r = stage as Record<string, unknown>;
    if (!Array.isArray(r['reasons']) || !r['reasons'].every((x) => REASONS.includes(x as BreakReason))) return `${at}.stages[${i}].reasons must be among ${REASONS.join(', ')}`;
    if (typeof r['meets'] !== 'boolean') return `${at}.stages[${i}].meets must be a boolean`;
    const text = texts(r, ['stoppedBy', 'unjudged']);
    if (text) return `${at}.stages[${i}].${text} must be one line`;
    if (!r['breakdown'] || typeof r['breakdown'] !== 'object' || !Object.entries(r['breakdown']).every(([k, n]) => isText(k) && isNumber(n))) return `${at}.stages[${i}].breakdown must map codes to counts`;
  }
  if (c['knee'] !== undefined) {
    const problem = numbers(c['knee'], ['users', 'throughput'], ['p95']);
    if (problem) return `${at}.knee: ${problem}`;
  }
  if (c['broke'] !== undefined) {
    const problem = numbers(c['broke'], ['users']);
    const reasons = (c['broke'] as { reasons?: unknown }).reasons;
    if (problem || !Array.isArray(reasons) || !reasons.every((x) => REASONS.includes(x as BreakReason))) return `${at}.broke must have users and reasons`;
  }
  if (c['soak'] !== undefined) {
    const soak = c['soak'] as Record<string, unknown>;
    const problem = numbers(soak, ['users', 'elapsedMs', 'sent'], ['drift']);
    if (problem) return `${at}.soak: ${problem}`;
    if (texts(soak, ['stoppedBy', 'unjudged']) || !Array.isArray(soak['problems']) || !soak['problems'].every(isText)) return `${at}.soak texts must be one line`;
    if (!Array.isArray(soak['thirds']) || soak['thirds'].length !== 3 || soak['thirds'].some((t) => numbers(t, ['sent', 'errorRate', 'refused'], ['p50', 'p95']))) return `${at}.soak.thirds must be three thirds`;
  }
  if (c['previous'] !== undefined && (!isBaseline(c['previous']) || !isText((c['previous'] as { label?: unknown }).label))) return `${at}.previous must be a capacity with a label`;
  return undefined;
}

function isBaseline(value: unknown): value is CapacityBaseline {
  const v = value as Partial<CapacityBaseline> | null;
  return (
    !!v &&
    typeof v.url === 'string' &&
    v.url.length <= 2048 &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f]/.test(v.url) &&
    Number.isInteger(v.users) &&
    v.users! >= 0 &&
    v.users! <= 1_000_000 &&
    (v.p95 === undefined || (typeof v.p95 === 'number' && Number.isFinite(v.p95)))
  );
}

function opt(value: number | undefined): string {
  return value === undefined ? '—' : ms(value);
}

function round(value: number): number {
  return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** 1, 2 or 5 times a power of ten at or above `value`, so the axis reads well. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((n) => n >= value) ?? value) as number;
}

export function usersText(users: number): string {
  return users > 0 ? `${users} users` : 'not even the first stage';
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

export function pct(rate: number): string {
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}
