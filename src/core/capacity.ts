// What the load ramp (checks/load/ramp.ts) measured, as data: it travels on
// the ramp's finding into the JSON report (so a later run can compare with it
// through --previous), the sticky comment's hidden state, and the renderers'
// picture (report/capacity.ts). Plain numbers and the target's URL only.

export type BreakReason = 'latency' | '5xx' | 'timeouts' | 'resets' | 'refused' | 'other errors';

export interface RampStage {
  /** Concurrent keep-alive clients. */
  users: number;
  sent: number;
  /** Completed requests per second over the stage's wall time. */
  throughput: number;
  /** Send to last byte, each client's connecting request left out (see http/load.ts); absent without a response. */
  p50?: number;
  p95?: number;
  p99?: number;
  /** 5xx and requests without a response, of those not rate limited. */
  errorRate: number;
  /** 429 answers, counted apart. */
  rateLimited: number;
  /** Status or error code -> count. */
  breakdown: Record<string, number>;
  elapsedMs: number;
  stoppedBy: string;
  /** Whether it met the objective (load.p95-ms, load.max-error-rate); why not. */
  meets: boolean;
  reasons: BreakReason[];
  /** Broke it by a wide margin: the ramp stops here. */
  clear?: boolean;
  /** Could not be judged (nothing sent, every answer 429): the ramp stops without a verdict on it. */
  unjudged?: string;
}

export interface SoakThird {
  sent: number;
  p50?: number;
  p95?: number;
  errorRate: number;
  refused: number;
}

export interface SoakResult {
  users: number;
  elapsedMs: number;
  sent: number;
  stoppedBy: string;
  /** First, middle and last third of the soak's wall time. */
  thirds: SoakThird[];
  /** p95 of the last third against the first, as a rise (0.25 = 25% slower); absent when a third has no latency. */
  drift?: number;
  /** Why the soak did not hold, each a short clause (empty when it held or could not be judged). */
  problems: string[];
  /** Why it could not be judged, when it could not (too few responses). */
  unjudged?: string;
}

/** The capacity of one target in an earlier run: what the next run compares with. */
export interface CapacityBaseline {
  url: string;
  /** Highest stage held; 0 when even the first stage broke the objective. */
  users: number;
  p95?: number;
}

export interface Capacity {
  /** The audited target's URL, redacted as reports show it: what the next run matches its targets with. */
  target: string;
  objective: { p95Ms: number; maxErrorRate: number };
  stages: RampStage[];
  /** The highest stage of the leading run of stages that met the objective. */
  knee?: { users: number; p95?: number; throughput: number };
  /** The first stage that broke the objective. */
  broke?: { users: number; reasons: BreakReason[]; clear: boolean };
  soak?: SoakResult;
  /** The ramp's own limits, and what it used of them. */
  budget: { maxRequests: number; maxDurationMs: number; maxConnections: number; sent: number; elapsedMs: number; stoppedBy?: string };
  /** The earlier run compared with (`label`: "main", "previous run (1a2b3c4)"). */
  previous?: CapacityBaseline & { label: string };
}

/** The previous run's capacities, and what to call that run in the report. */
export interface PreviousCapacity {
  label: string;
  targets: CapacityBaseline[];
}

/**
 * The earlier capacity of `url`: the same URL, or, when both runs audited exactly one target, that one (preview
 * deployments change their URL on every push).
 */
export function previousFor(previous: PreviousCapacity | undefined, url: string, targets: number): (CapacityBaseline & { label: string }) | undefined {
  if (!previous) return undefined;
  const same = previous.targets.find((t) => t.url === url) ?? (previous.targets.length === 1 && targets === 1 ? previous.targets[0] : undefined);
  return same ? { ...same, label: previous.label } : undefined;
}
