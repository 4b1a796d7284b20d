// The load ramp's verdicts, pure: each stage against the service objective,
// where the knee is, when to stop, whether the soak drifted, and how the
// capacity compares with an earlier run. The runner is ramp.ts.

import type { BreakReason, Capacity, CapacityBaseline, RampStage, SoakResult, SoakThird } from '../../core/capacity.js';
import { percentile, summarizeLoad, type LoadRun, type LoadSample } from '../../http/load.js';
import { ms, pct, usersText } from '../../report/capacity.js';

export interface Objective {
  p95Ms: number;
  maxErrorRate: number;
}

// A stage breaks the objective "clearly" past these margins and the ramp stops there; closer to the line it runs
// one stage more, so one slow second is not taken for the knee.
const CLEAR_LATENCY = 1.25;
const CLEAR_ERRORS = 2;
const CLEAR_ERRORS_FLOOR = 0.02;

/** A stage's figures and its verdict against the objective. */
export function judgeStage(users: number, run: LoadRun, objective: Objective): RampStage {
  const s = summarizeLoad(run);
  const stage: RampStage = {
    users,
    sent: s.sent,
    throughput: s.throughput,
    ...(s.latency ? { p50: s.latency.p50, p95: s.latency.p95, p99: s.latency.p99 } : {}),
    errorRate: s.errorRate,
    rateLimited: s.rateLimited,
    breakdown: s.breakdown,
    elapsedMs: s.elapsedMs,
    stoppedBy: run.stoppedBy,
    meets: false,
    reasons: [],
  };
  if (!s.sent) return { ...stage, unjudged: 'no request completed' };
  if (s.sent === s.rateLimited) return { ...stage, unjudged: 'every answer was 429 (rate limited): the limiter, not the service, was measured' };
  const reasons: BreakReason[] = [];
  if (s.latency && s.latency.p95 > objective.p95Ms) reasons.push('latency');
  if (s.errorRate > objective.maxErrorRate) reasons.push(...errorReasons(s.breakdown));
  const clear =
    (s.latency !== undefined && s.latency.p95 > objective.p95Ms * CLEAR_LATENCY) ||
    s.errorRate > Math.max(objective.maxErrorRate * CLEAR_ERRORS, CLEAR_ERRORS_FLOOR) ||
    s.succeeded < (s.sent - s.rateLimited) / 2;
  return { ...stage, meets: reasons.length === 0, reasons, ...(reasons.length ? { clear } : {}) };
}

/** The kinds of failure among the errors, most frequent first. */
function errorReasons(breakdown: Record<string, number>): BreakReason[] {
  const counts = new Map<BreakReason, number>();
  for (const [key, n] of Object.entries(breakdown)) {
    const status = Number(key);
    const reason: BreakReason | undefined = Number.isInteger(status)
      ? status >= 500
        ? '5xx'
        : undefined
      : key === 'timeout'
        ? 'timeouts'
        : key === 'reset'
          ? 'resets'
          : key === 'refused'
            ? 'refused'
            : 'other errors';
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + n);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
}

/**
 * Whether to run the next stage: not after a stage that could not be judged, not after a clear break, and only one
 * stage past the first break (to confirm a marginal one), so a weak service is not hammered.
 */
export function nextStageWanted(stages: readonly RampStage[]): boolean {
  const last = stages[stages.length - 1];
  if (!last) return true;
  if (last.unjudged || (!last.meets && last.clear)) return false;
  const firstBreak = stages.findIndex((s) => !s.meets && !s.unjudged);
  return firstBreak < 0 || firstBreak === stages.length - 1;
}

/** The knee: the highest stage of the leading run of stages that met the objective; and the first stage that broke it. */
export function kneeOf(stages: readonly RampStage[]): Pick<Capacity, 'knee' | 'broke'> {
  let knee: RampStage | undefined;
  for (const stage of stages) {
    if (!stage.meets) break;
    knee = stage;
  }
  const broke = stages.find((s) => !s.meets && !s.unjudged);
  return {
    ...(knee ? { knee: { users: knee.users, ...(knee.p95 !== undefined ? { p95: knee.p95 } : {}), throughput: knee.throughput } } : {}),
    ...(broke ? { broke: { users: broke.users, reasons: broke.reasons, clear: broke.clear ?? false } } : {}),
  };
}

/**
 * Stops a stage once it has clearly failed: half of at least this many answers were errors. Requests that fail
 * at once (a refused connection) would otherwise spend the stage's whole request budget in milliseconds.
 */
const EARLY_STOP_AFTER = 20;
export function earlyStop(users: number): (sample: LoadSample) => 'stop' | void {
  let seen = 0;
  let errors = 0;
  return (sample) => {
    if (sample.status === 429) return;
    seen++;
    if (sample.status === undefined || sample.status >= 500) errors++;
    if (seen >= Math.max(EARLY_STOP_AFTER, users) && errors * 2 > seen) return 'stop';
  };
}

// Each third needs this many responses for its p95 to mean something.
const MIN_SOAK_THIRD = 20;
// A p95 that rose by less than this is timer noise, whatever the ratio (0.3 ms -> 0.6 ms is not a leak).
const DRIFT_FLOOR_MS = 2;
// A leak slows every request, so the median rises with the p95; on a busy machine the scheduler stretches the
// tail alone (a 5 ms service measured 13 ms -> 23 ms at p95 with a flat median). The median must rise by this
// share of load.ramp.max-drift too.
const MEDIAN_SHARE = 0.5;

/** The soak's thirds (by completion time), its p95 drift, and whether errors or refusals grew as time went on. */
export function judgeSoak(users: number, run: LoadRun, objective: Objective, maxDrift: number): SoakResult {
  const span = Math.max(run.elapsedMs, ...run.samples.map((s) => s.at ?? 0));
  const parts: LoadSample[][] = [[], [], []];
  for (const s of run.samples) parts[Math.min(2, Math.floor(((s.at ?? 0) / (span || 1)) * 3))]!.push(s);
  const thirds = parts.map(thirdOf);
  const result: SoakResult = { users, elapsedMs: run.elapsedMs, sent: run.samples.length, stoppedBy: run.stoppedBy, thirds, problems: [] };
  const [first, , last] = thirds as [SoakThird, SoakThird, SoakThird];
  // Stopped because half of the answers were errors (earlyStop): the service fell over under the knee's load.
  if (run.stoppedBy === 'early') {
    const errors = run.samples.filter((s) => s.status === undefined || s.status >= 500).length;
    return { ...result, problems: [`the service failed under the knee's load: ${errors} of ${run.samples.length} answers were errors before the soak was stopped`] };
  }
  if (thirds.some((t) => t.sent < MIN_SOAK_THIRD)) {
    return { ...result, unjudged: `too few answers to compare its thirds (${thirds.map((t) => t.sent).join(', ')}; at least ${MIN_SOAK_THIRD} each)` };
  }
  const problems: string[] = [];
  if (first.p95 !== undefined && last.p95 !== undefined && first.p95 > 0) {
    result.drift = last.p95 / first.p95 - 1;
    const medianRose = first.p50 !== undefined && last.p50 !== undefined && first.p50 > 0 && last.p50 / first.p50 - 1 > maxDrift * MEDIAN_SHARE;
    if (result.drift > maxDrift && last.p95 - first.p95 >= DRIFT_FLOOR_MS && medianRose) {
      problems.push(`p95 rose from ${ms(first.p95)} in the first third to ${ms(last.p95)} in the last (+${Math.round(result.drift * 100)}%, load.ramp.max-drift ${Math.round(maxDrift * 100)}%)`);
    }
  }
  if (last.errorRate > objective.maxErrorRate && last.errorRate > first.errorRate) {
    problems.push(`errors rose from ${pct(first.errorRate)} to ${pct(last.errorRate)} (load.max-error-rate ${pct(objective.maxErrorRate)})`);
  }
  if (last.refused > first.refused) problems.push(`connections were refused as time went on (${first.refused} in the first third, ${last.refused} in the last)`);
  return { ...result, problems };
}

function thirdOf(samples: readonly LoadSample[]): SoakThird {
  const judged = samples.filter((s) => s.status !== 429);
  const errors = judged.filter((s) => s.status === undefined || s.status >= 500).length;
  const latencies = samples.filter((s) => s.status !== undefined && !s.connecting).map((s) => s.ms).sort((a, b) => a - b);
  return {
    sent: samples.length,
    ...(latencies.length ? { p50: percentile(latencies, 50), p95: percentile(latencies, 95) } : {}),
    errorRate: judged.length ? errors / judged.length : 0,
    refused: samples.filter((s) => s.error === 'refused').length,
  };
}

export interface CapacityChange {
  /** Stages lost (positive) or gained (negative) against the earlier run, counted in this run's stages. */
  stagesLost: number;
  text: string;
}

/**
 * This run's capacity against an earlier one, in stages of this run: the earlier knee is placed at the highest of
 * this run's stages it reached. Undefined when this run could not measure a knee or a break (a stopped ramp).
 */
export function compareCapacity(stages: readonly number[], now: number, previous: CapacityBaseline & { label: string }): CapacityChange {
  const rank = (users: number) => stages.filter((s) => s <= users).length;
  const stagesLost = rank(previous.users) - rank(now);
  const before = `${previous.label}: ${usersText(previous.users)}`;
  if (stagesLost > 0) return { stagesLost, text: `capacity fell from ${usersText(previous.users)} (${previous.label}) to ${usersText(now)}: ${stagesLost} stage${stagesLost === 1 ? '' : 's'} lower` };
  if (stagesLost < 0) return { stagesLost, text: `capacity rose to ${usersText(now)} (${before})` };
  return { stagesLost, text: `capacity holds at ${usersText(now)} (${before})` };
}
