import type { Capacity, RampStage, SoakResult } from '../../core/capacity.js';
import { redactText } from '../../core/redact.js';
import type { FindingInput, LiveCheck, LiveCheckContext } from '../../engine/types.js';
import { runLoadOnPool, type LoadBudget, type LoadRun, type PoolLoadOptions } from '../../http/load.js';
import { capacityHeadline, capacityTable, usersText } from '../../report/capacity.js';
import { label } from '../health/discover.js';
import { connectionSettings, loadTargetOf, requestFor } from './concurrency.js';
import { compareCapacity, earlyStop, judgeSoak, judgeStage, kneeOf, nextStageWanted, type Objective } from './knee.js';

export const loadRamp: LiveCheck = {
  id: 'load.ramp',
  title: 'Capacity: the load the service holds, held over time, against the previous run',
  category: 'performance',
  severity: 'P1',
  kind: 'live',
  exclusive: true,
  docs: {
    summary:
      'Opt-in (load.ramp.enabled). Ramps concurrent keep-alive clients through load.ramp.stages (default 10, 25, 50, 100, 200, capped by load.max-concurrency), finds the knee (the highest stage that meets load.p95-ms and load.max-error-rate) and the first stage that breaks them and why, soaks the knee for load.ramp.soak-ms (default 30 s) and fails when its p95 drifts up by more than load.ramp.max-drift (25%, with the median rising too), errors rise or connections start being refused; compared with a previous run (--previous, or the sticky comment), a drop of one stage or more fails at load.ramp.drop-severity (P1).',
    why: 'One load level says pass or fail, not how much headroom there is: a ramp shows where the service stops keeping its latency and error objective, whether a change took capacity away, and whether latency creeps under sustained load (a leak, a pool that is not returned, a growing queue).',
    fix: 'Look at the stage that broke and its reason: latency means a saturated worker or connection pool (size it for the users you expect, or put slow work behind a queue); 5xx, resets and refusals mean the service or its proxy shed the load; a drifting soak points at a leak or a queue that never drains.',
    severityNote:
      'P1 when not even the first stage meets the objective (P0 when fewer than half of its requests succeed), and when the soak drifts; a capacity drop against the previous run has load.ramp.drop-severity (default P1). 429 answers are counted apart, as in load.concurrency.',
    traffic:
      'Opt-in: load.ramp.enabled: true. Up to load.ramp.stage-requests requests (default 2,000) or load.ramp.stage-duration-ms (5 s) per stage, then the soak, all within load.ramp.max-requests (20,000) and load.ramp.max-duration-ms (55 s, and the check timeout), each request also taken from the audit budget (http.max-requests: raise it to let the ramp run); never more than load.max-concurrency connections (default 200). Stops at the first stage that clearly breaks the objective (one stage later when it broke only just), and a stage as soon as half of its answers are errors. Same endpoints and the same rules for who may receive a burst as load.concurrency.',
  },
  async run(ctx) {
    const started = performance.now();
    const { load } = ctx.config;
    if (load.enabled && !load.ramp.enabled) {
      return [{ status: 'skip', message: `Not run: the ramp is opt-in (load.ramp.enabled: true); it sends up to ${load.ramp.maxRequests} requests over up to ${Math.round(load.ramp.maxDurationMs / 1000)} s.` }];
    }
    const chosen = await loadTargetOf(ctx);
    if ('skip' in chosen) return [chosen.skip];
    const { endpoints, source } = chosen;
    const ramp = await runRamp(ctx, endpoints.map((e) => requestFor(e, ctx.target.url)), started);
    return findingsForRamp(ramp, {
      target: `${endpoints.map(label).join(', ')} (${source})`,
      url: new URL(endpoints[0]!.path, ctx.target.url).toString(),
      stages: load.ramp.stages,
      dropSeverity: load.ramp.dropSeverity,
      ...(ctx.previousCapacity ? { previous: ctx.previousCapacity } : {}),
    });
  },
};

// Kept from the check's timeout (timeouts.check-ms) for discovery before the ramp and the verdict after it.
const CHECK_HEADROOM_MS = 3000;

/** Runs the stages, then the soak at the knee, within the ramp's request and time budgets. Never throws. */
export async function runRamp(ctx: LiveCheckContext, requests: PoolLoadOptions['requests'], checkStarted = performance.now()): Promise<Capacity> {
  const { load, timeouts } = ctx.config;
  const settings = load.ramp;
  const objective: Objective = { p95Ms: load.p95Ms, maxErrorRate: load.maxErrorRate };
  const started = performance.now();
  // Discovery before the ramp already used part of the check's time.
  const maxDurationMs = Math.max(1000, Math.min(settings.maxDurationMs, timeouts.checkMs - CHECK_HEADROOM_MS - (started - checkStarted)));
  const deadline = started + maxDurationMs;
  let sent = 0;
  let auditBudgetSpent = false;
  // The ramp's own budget first, then the audit's (http.max-requests), so neither is overdrawn.
  const budget: LoadBudget = {
    take: () => {
      if (sent >= settings.maxRequests) return false;
      if (!ctx.http.takeRequest()) {
        auditBudgetSpent = true;
        return false;
      }
      sent++;
      return true;
    },
  };
  const common = { requests, maxConnections: load.maxConcurrency, ...connectionSettings(ctx) };
  const run = async (users: number, maxRequests: number, durationMs: number): Promise<LoadRun> => {
    // The time budget holds even for requests in flight: past the deadline the run is cancelled.
    const stop = AbortSignal.any([ctx.signal, AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now())))]);
    return runLoadOnPool(budget, { ...common, concurrency: users, maxRequests, durationMs, signal: stop, onSample: earlyStop(users) });
  };

  const stages: RampStage[] = [];
  let stoppedBy: string | undefined;
  const exhausted = (users: number): string | undefined => {
    if (ctx.signal.aborted) return 'the check was cancelled';
    if (performance.now() >= deadline - 100) return `the ramp's time budget (${maxDurationMs} ms) ran out`;
    if (auditBudgetSpent) return 'the audit request budget (http.max-requests) ran out';
    if (settings.maxRequests - sent < users * 2) return `the ramp's request budget (load.ramp.max-requests ${settings.maxRequests}) ran out`;
    return undefined;
  };
  for (const users of settings.stages) {
    if (!nextStageWanted(stages)) break;
    stoppedBy = exhausted(users);
    if (stoppedBy) break;
    const result = await run(users, Math.min(settings.stageRequests, settings.maxRequests - sent), Math.min(settings.stageDurationMs, deadline - performance.now()));
    stages.push(judgeStage(users, result, objective));
    if (result.stoppedBy === 'aborted' || result.stoppedBy === 'budget') {
      stoppedBy = exhausted(users) ?? (result.stoppedBy === 'aborted' ? 'the check was cancelled' : undefined);
      break;
    }
  }
  const { knee, broke } = kneeOf(stages);

  let soak: SoakResult | undefined;
  if (knee && settings.soakMs > 0 && !stoppedBy) {
    stoppedBy = exhausted(knee.users);
    if (!stoppedBy) {
      const result = await run(knee.users, settings.maxRequests - sent, Math.min(settings.soakMs, deadline - performance.now()));
      soak = judgeSoak(knee.users, result, objective, settings.maxDrift);
      if (result.stoppedBy === 'budget' || result.stoppedBy === 'aborted') stoppedBy = exhausted(knee.users);
    }
  }
  return {
    target: redactText(ctx.target.url),
    objective,
    stages,
    ...(knee ? { knee } : {}),
    ...(broke ? { broke } : {}),
    ...(soak ? { soak } : {}),
    budget: {
      maxRequests: settings.maxRequests,
      maxDurationMs,
      maxConnections: load.maxConcurrency,
      sent,
      elapsedMs: performance.now() - started,
      ...(stoppedBy ? { stoppedBy } : {}),
    },
  };
}

export interface RampContext {
  /** The endpoints loaded, for the message. */
  target: string;
  url: string;
  stages: readonly number[];
  dropSeverity: FindingInput['severity'];
  previous?: Capacity['previous'];
}

/**
 * The ramp's findings, pure: its capacity (carrying the measurements), the soak when one ran, and the comparison
 * with the previous run when there was one.
 */
export function findingsForRamp(measured: Capacity, context: RampContext): FindingInput[] {
  const capacity: Capacity = { ...measured, ...(context.previous ? { previous: context.previous } : {}) };
  const evidence = capacityTable(capacity).join('\n');
  const base = { url: context.url, evidence };
  const first = capacity.stages[0];
  const findings: FindingInput[] = [];
  const budgetNote = capacity.budget.stoppedBy ? ` The ramp stopped early: ${capacity.budget.stoppedBy}.` : '';
  if (!first) {
    // As load.concurrency when the budget left cannot hold its clients: not measured, not failed.
    findings.push({ status: 'skip', message: `Not ramped: ${capacity.budget.stoppedBy ?? 'no stage to run'} before the first stage.`, url: context.url });
    return findings;
  }
  if (first.unjudged) {
    findings.push({ status: first.rateLimited ? 'skip' : 'error', message: `${context.target}: the ramp could not measure capacity: ${first.unjudged}.${budgetNote}`, ...base, capacity });
    return findings;
  }
  const headline = `${context.target}: ${capacityHeadline(capacity)}.${budgetNote}`;
  if (capacity.knee) findings.push({ status: 'pass', message: headline, ...base, capacity });
  // As load.concurrency: P0 when fewer than half of the first stage's requests (429s aside) succeeded.
  else findings.push({ status: 'fail', severity: first.errorRate > 0.5 ? 'P0' : 'P1', message: headline, ...base, capacity });

  const soak = capacity.soak;
  if (soak) {
    const what = `Soak of ${(soak.elapsedMs / 1000).toFixed(1)} s at ${soak.users} users (${soak.sent} requests)`;
    if (soak.unjudged) findings.push({ status: 'skip', message: `${what}: not judged, ${soak.unjudged}.`, url: context.url });
    else if (soak.problems.length) findings.push({ status: 'fail', message: `${what} did not hold: ${soak.problems.join('; ')}.`, url: context.url, evidence });
    else {
      const drift = soak.drift !== undefined ? `p95 ${soak.drift >= 0 ? '+' : ''}${Math.round(soak.drift * 100)}% from the first third to the last` : 'no latency to compare';
      const refused = soak.thirds.reduce((n, t) => n + t.refused, 0);
      const errors = soak.thirds.map((t) => `${(t.errorRate * 100).toFixed(1)}%`).join(' → ');
      findings.push({ status: 'pass', message: `${what} held: ${drift}, errors ${errors}, ${refused ? `${refused} connection(s) refused, not rising` : 'no refusals'}.`, url: context.url });
    }
  }

  if (context.previous) {
    // A ramp cut short by its budget before breaking and below the earlier knee says nothing about a drop.
    const now = capacity.knee?.users ?? 0;
    const cutShort = capacity.budget.stoppedBy ?? capacity.stages.find((s) => s.unjudged)?.unjudged;
    if (!capacity.broke && cutShort && now < context.previous.users) {
      findings.push({ status: 'skip', message: `Not compared with ${context.previous.label} (${usersText(context.previous.users)}): the ramp stopped at ${usersText(now)} (${cutShort}) before any stage broke.`, url: context.url });
    } else {
      const change = compareCapacity(context.stages, now, context.previous);
      findings.push(
        change.stagesLost > 0
          ? { status: 'fail', ...(context.dropSeverity ? { severity: context.dropSeverity } : {}), message: `${change.text}.`, url: context.url, evidence }
          : { status: 'pass', message: `${change.text}.`, url: context.url },
      );
    }
  }
  return findings;
}
