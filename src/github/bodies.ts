// The texts sent to GitHub: check-run summary, sticky comment, tracking issue
// and job summary. All pure. Each one is the markdown report, trimmed to the
// size GitHub accepts (least important sections first), plus for the comment
// and the issue a hidden marker to find them again and the state of this run,
// embedded so the next run can say what changed.

import { markdownCode } from '../report/escape.js';
import type { ReportLinks } from '../report/links.js';
import { renderMarkdown, type MarkdownOptions } from '../report/markdown.js';
import { failing, whereOf, type Report } from '../report/report.js';
import type { Severity } from '../engine/types.js';
import type { CapacityBaseline, PreviousCapacity } from '../core/capacity.js';
import { baselinesOf, previousCapacity } from '../report/capacity.js';

/**
 * GitHub's limits: check-run `output.summary` (65,535 bytes of UTF-8: the API reference says characters, but
 * GitHub answers 422 "summary exceeds a maximum bytesize of 65535"), comment and issue bodies (65,536
 * characters), job summary (1 MiB).
 */
export const CHECK_SUMMARY_LIMIT = 65_535;
export const COMMENT_BODY_LIMIT = 65_536;
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

interface TrimLevel {
  options: MarkdownOptions;
  /** What this level leaves out, for the note that says so. */
  dropped?: string;
}

// Least important first: passing and skipped checks, then P2 details, then evidence.
const TRIM_LEVELS: TrimLevel[] = [
  { options: {} },
  { options: { includePassing: false }, dropped: 'passing and skipped checks' },
  { options: { includePassing: false, p2Details: false }, dropped: 'passing and skipped checks, P2 details' },
  { options: { includePassing: false, p2Details: false, includeEvidence: false }, dropped: 'passing and skipped checks, P2 details, evidence' },
  {
    options: { includePassing: false, p2Details: false, includeEvidence: false, maxLocations: 1, maxMessage: 120 },
    dropped: 'passing and skipped checks, P2 details, evidence, all but the first place of each check',
  },
  // A reading budget (the comment) reached with every place already down to one: the capacity chart, twenty lines
  // high, folds under its headline before the end of the list of findings is cut.
  {
    options: { includePassing: false, p2Details: false, includeEvidence: false, maxLocations: 1, maxMessage: 120, foldChart: true },
    dropped: 'passing and skipped checks, P2 details, evidence, all but the first place of each check (the capacity chart is folded)',
  },
];

export interface Fitted {
  text: string;
  /** What was left out, when anything was. */
  trimmed?: string;
}

export interface FitOptions {
  limit: number;
  /** Length as the limit counts it (characters by default). */
  measure?: (text: string) => number;
  /** What `measure` counts, for the trimming note. */
  unit?: 'characters' | 'bytes';
  /** Options every level starts from (e.g. a comment folds P2 details from the start). */
  base?: MarkdownOptions;
  /** Where the full report can be read, for the trimming note. */
  fullReportAt: string;
  /** Wraps the rendered report (marker, "what changed", embedded state); its overhead counts against the limit. */
  wrap?: (markdown: string) => string;
  /** Set when `limit` is our own reading budget rather than GitHub's limit, for the trimming note. */
  budget?: boolean;
  /** The trimming levels, most complete first (TRIM_LEVELS by default). */
  levels?: readonly TrimLevel[];
}

/** Renders the report at the first trimming level that fits the limit, cutting the text as a last resort. */
export function fitMarkdown(report: Report, options: FitOptions): Fitted {
  const measure = options.measure ?? ((text: string) => text.length);
  const wrap = options.wrap ?? ((markdown: string) => markdown);
  const base = options.base ?? {};
  const levels = options.levels ?? TRIM_LEVELS;
  for (const level of levels) {
    const note = level.dropped ? trimNote(level.dropped, options) : undefined;
    const text = wrap(renderMarkdown(report, { ...base, ...level.options, ...(note ? { note } : {}) }));
    if (measure(text) <= options.limit) return { text, ...(level.dropped ? { trimmed: level.dropped } : {}) };
  }
  // Hundreds of failing findings: keep the head of the report (decision, P0s first) and cut at a line, the most
  // lines that fit (a binary search: `measure` may count characters, bytes or rendered height).
  const dropped = 'the end of the list of findings';
  const note = trimNote(dropped, options);
  const last = levels[levels.length - 1]!;
  const lines = renderMarkdown(report, { ...base, ...last.options }).split('\n');
  const cutAt = (n: number) => wrap(`${lines.slice(0, n).join('\n')}\n\n…\n\n${note}\n`);
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(cutAt(mid)) <= options.limit) low = mid;
    else high = mid - 1;
  }
  // A single line longer than the limit (it cannot happen with GitHub's limits, but a budget is ours): cut in it.
  let text = cutAt(low);
  if (measure(text) > options.limit) text = wrap(`…\n\n${note}\n`);
  return { text, trimmed: dropped };
}

const RENDERED_WIDTH = 100;
const MERMAID_HEIGHT = 20;

/**
 * The height of a markdown body as GitHub shows it, in lines of about 100 characters (a pull request's
 * conversation column): hidden comments and folded `<details>` content take no room, link targets and markup
 * are not shown, a blank line between blocks is half a line.
 */
export function renderedHeight(markdown: string): number {
  const shown = markdown.replace(/<!--[\s\S]*?-->/g, '');
  let height = 0;
  // Inside a folded <details> (at any depth) nothing shows; a fold at the top shows its summary line.
  let depth = 0;
  let chart = false;
  for (const raw of shown.split('\n')) {
    // A Mermaid chart draws as a picture about twenty lines high, whatever the length of its source.
    if (chart || (depth === 0 && /^```mermaid\s*$/.test(raw))) {
      if (!chart) height += MERMAID_HEIGHT;
      chart = !(chart && /^```\s*$/.test(raw));
      continue;
    }
    const opened = /^\s*<details>/.test(raw);
    const closed = /<\/details>\s*$/.test(raw);
    const summary = opened && depth === 0 ? /<summary>(.*?)<\/summary>/.exec(raw)?.[1] : undefined;
    if (opened) depth++;
    const visible = summary ?? (depth === 0 ? raw : undefined);
    if (closed) depth = Math.max(0, depth - 1);
    if (visible === undefined) continue;
    const line = visible
      .replace(/\]\([^)\s]*\)/g, ']')
      .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
      .replace(/\*\*|[[\]`]|<\/?sub>/g, '')
      .trim();
    if (!line) height += 0.5;
    else height += Math.ceil(line.length / RENDERED_WIDTH) * (/^#{1,6} /.test(line) ? 1.5 : 1);
  }
  return Math.ceil(height);
}

function trimNote(dropped: string, options: FitOptions): string {
  const why = options.budget ? 'Shortened to stay readable' : `Trimmed to fit GitHub's limit of ${options.limit.toLocaleString('en-US')} ${options.unit ?? 'characters'}`;
  return `> [!NOTE]\n> ${why}: left out ${dropped}. The full report is in ${options.fullReportAt}.`;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ---------------------------------------------------------------------------
// Hidden markers and the embedded state of a run

/** HTML comments end at `-->`: keep a user-chosen name from closing one early. */
function markerSafe(text: string): string {
  return text.replace(/--/g, '- -').replace(/>/g, '&gt;');
}

export function commentMarker(checkName: string): string {
  return `<!-- readiness-gate:${markerSafe(checkName)} -->`;
}

export function issueMarker(checkName: string, branch: string): string {
  return `<!-- readiness-gate:issue:${markerSafe(checkName)}:${markerSafe(branch)} -->`;
}

/** What the next run needs to say what changed. */
export interface RunState {
  v: 1;
  decision: Report['decision'];
  score: number;
  sha?: string;
  /** Failing findings as `checkId|where`, most severe first. */
  failing: string[];
  /** Failing findings left out of `failing` to keep the body small. */
  more?: number;
  /** The fingerprints of `failing`, index for index (absent in states written by older versions). */
  fp?: string[];
  /** The load ramp's capacity per target (report/capacity.ts), for the next run's comparison. */
  cap?: CapacityBaseline[];
}

const STATE_PREFIX = '<!-- readiness-gate:state ';
const MAX_STATE_FINDINGS = 300;

export function failingKeys(report: Report): string[] {
  return (['P0', 'P1', 'P2'] as Severity[]).flatMap((s) => failing(report, s).map((f) => `${f.checkId}|${whereOf(f).slice(0, 200)}`));
}

// The keys' and fingerprints' share of the body (base64 adds a third): about 27 KiB of the comment's 64, whatever
// the URLs' lengths; the comment's reading budget keeps what is shown far below the rest.
const MAX_STATE_KEYS_BYTES = 20 * 1024;

export function stateOf(report: Report, sha?: string): RunState {
  const all = (['P0', 'P1', 'P2'] as Severity[]).flatMap((s) => failing(report, s));
  const seen = new Set<string>();
  const keys: string[] = [];
  const fp: string[] = [];
  let bytes = 0;
  let total = 0;
  for (const f of all) {
    const key = `${f.checkId}|${whereOf(f).slice(0, 200)}`;
    const id = f.fingerprint ?? key;
    if (seen.has(id)) continue;
    seen.add(id);
    total++;
    if (keys.length >= MAX_STATE_FINDINGS) continue;
    bytes += Buffer.byteLength(JSON.stringify(key), 'utf8') + 1 + (f.fingerprint ? f.fingerprint.length + 3 : 0);
    if (bytes > MAX_STATE_KEYS_BYTES) {
      bytes = Infinity;
      continue;
    }
    keys.push(key);
    fp.push(id);
  }
  return {
    v: 1,
    decision: report.decision,
    score: report.score,
    ...(sha ? { sha } : {}),
    failing: keys,
    ...(total > keys.length ? { more: total - keys.length } : {}),
    fp,
    ...(baselinesOf(report).length ? { cap: baselinesOf(report) } : {}),
  };
}

/** Base64 keeps paths and URLs (which may hold `-->`) from breaking out of the comment. */
export function encodeState(state: RunState): string {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(state)).toString('base64')} -->`;
}

/** The state embedded in a body, or undefined when there is none or it is not ours. */
export function decodeState(body: string | null | undefined): RunState | undefined {
  const start = body?.indexOf(STATE_PREFIX) ?? -1;
  if (!body || start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  if (end < 0) return undefined;
  try {
    const value = JSON.parse(Buffer.from(body.slice(start + STATE_PREFIX.length, end), 'base64').toString('utf8')) as Partial<RunState>;
    if (value.v !== 1 || (value.decision !== 'GO' && value.decision !== 'NO-GO') || typeof value.score !== 'number' || !Array.isArray(value.failing)) {
      return undefined;
    }
    const failing = value.failing.filter((k): k is string => typeof k === 'string');
    const fp = Array.isArray(value.fp) && value.fp.length === failing.length && value.fp.every((k) => typeof k === 'string') ? value.fp : undefined;
    const cap = previousCapacity(value.cap, '')?.targets;
    return { v: 1, decision: value.decision, score: value.score, sha: typeof value.sha === 'string' ? value.sha : undefined, failing, more: typeof value.more === 'number' ? value.more : undefined, ...(fp ? { fp } : {}), ...(cap ? { cap } : {}) };
  } catch {
    return undefined;
  }
}

/** The capacities the previous run on this pull request kept in its comment, named after its commit. */
export function previousCapacityOfState(state: RunState | undefined): PreviousCapacity | undefined {
  return state?.cap ? previousCapacity(state.cap, `previous run${state.sha ? ` (${state.sha.slice(0, 7)})` : ''}`) : undefined;
}

export interface Changes {
  newFailures: string[];
  fixed: string[];
  scoreDelta: number;
  decisionChanged: boolean;
}

/** Compared by fingerprint when both runs have them (a finding whose line moved is not new), else by check and place. */
export function changesBetween(previous: RunState, current: RunState): Changes {
  const aligned = (state: RunState) => state.fp !== undefined && state.fp.length === state.failing.length;
  const ids = (state: RunState) => (aligned(previous) && aligned(current) ? state.fp! : state.failing);
  const before = new Set(ids(previous));
  const now = new Set(ids(current));
  return {
    newFailures: current.failing.filter((_, i) => !before.has(ids(current)[i]!)),
    fixed: previous.failing.filter((_, i) => !now.has(ids(previous)[i]!)),
    scoreDelta: current.score - previous.score,
    decisionChanged: previous.decision !== current.decision,
  };
}

export function hasChanged(changes: Changes): boolean {
  return changes.decisionChanged || changes.scoreDelta !== 0 || changes.newFailures.length > 0 || changes.fixed.length > 0;
}

const LISTED_CHANGES = 10;

function keyLine(key: string): string {
  const bar = key.indexOf('|');
  const id = bar < 0 ? key : key.slice(0, bar);
  const where = bar < 0 ? '' : key.slice(bar + 1);
  return `${markdownCode(id)}${where ? ` · ${markdownCode(where)}` : ''}`;
}

function listed(keys: string[], label: string): string[] {
  if (!keys.length) return [];
  const lines = [`**${label} (${keys.length})**`, ''];
  for (const key of keys.slice(0, LISTED_CHANGES)) lines.push(`- ${keyLine(key)}`);
  if (keys.length > LISTED_CHANGES) lines.push(`- …and ${keys.length - LISTED_CHANGES} more`);
  lines.push('');
  return lines;
}

/** The "what changed since the previous run" section. */
export function renderChanges(previous: RunState | undefined, current: RunState): string {
  if (!previous) return '';
  const changes = changesBetween(previous, current);
  const delta = changes.scoreDelta > 0 ? `+${changes.scoreDelta}` : String(changes.scoreDelta);
  const since = previous.sha ? ` (\`${previous.sha.slice(0, 7)}\`)` : '';
  if (!hasChanged(changes)) return `**Since the previous run${since}:** no change (${current.decision}, ${current.score}/100).\n\n`;
  const head = [
    changes.scoreDelta ? `score ${previous.score} → ${current.score} (${delta})` : `score unchanged at ${current.score}`,
    ...(changes.decisionChanged ? [`${previous.decision} → ${current.decision}`] : []),
    `${changes.newFailures.length} new failing`,
    `${changes.fixed.length} fixed`,
  ].join(' · ');
  return [`**Since the previous run${since}:** ${head}`, '', ...listed(changes.newFailures, '🆕 New failures'), ...listed(changes.fixed, '✅ Fixed'), ''].join('\n');
}

/** Puts `section` right after the report's title line, so decision and score stay first. */
function afterTitle(markdown: string, section: string): string {
  if (!section) return markdown;
  const end = markdown.indexOf('\n\n');
  return end < 0 ? `${markdown}\n\n${section}` : `${markdown.slice(0, end + 2)}${section}${markdown.slice(end + 2)}`;
}

// ---------------------------------------------------------------------------
// The bodies

export interface BodyContext {
  /** Where the full report can be read when a body is trimmed. */
  fullReportAt: string;
  /** Links to files at the audited commit and to the workflow run. */
  links?: ReportLinks;
}

function linkOptions(context: BodyContext): MarkdownOptions {
  return {
    ...(context.links ? { links: context.links } : {}),
  };
}

/**
 * The check-run summary's reading budget, in rendered lines: the same two screens as the comment (the demo's full
 * report reads as eleven). The full report is in the job summary, linked from the check run.
 */
export const CHECK_SUMMARY_BUDGET_LINES = 85;

// The check run: every failure with its places and fix, P0s and P1s open while the budget has room (shortened first:
// evidence, passing checks, P2 details, long messages, places past the third); then the P1s as one open paragraph of
// check ids, each with its file:line (what a reviewer looks for after the P0s), with the capacity chart folded under
// its headline (twenty lines high, it would push the P1s out) and the P0s down to their third, then their first,
// place (every place is also an annotation of this check run); then, when there are too many P1 checks for one
// paragraph, the whole report with the P1s folded (which leaves nothing out, so it adds no note); then detail
// dropped least important first.
const COMPACT: MarkdownOptions = { includePassing: false, includeEvidence: false, p2Details: false, maxMessage: 100 };
const COMPACT_DROPPED = 'passing and skipped checks, evidence, P2 details, the end of long messages';
const P1_PLACES: MarkdownOptions = { ...COMPACT, inline: ['P1'], foldChart: true };
const p1PlacesDropped = (p0: string) => `passing checks, evidence, P2 and P1 details, the end of long messages, ${p0} (the capacity chart is folded)`;
const CHECK_SUMMARY_LEVELS: TrimLevel[] = [
  { options: {} },
  { options: { includePassing: false, includeEvidence: false }, dropped: 'passing and skipped checks, evidence' },
  { options: COMPACT, dropped: COMPACT_DROPPED },
  { options: { ...COMPACT, maxLocations: 3 }, dropped: `${COMPACT_DROPPED}, places past the third of each check` },
  { options: { ...P1_PLACES, maxLocations: 3 }, dropped: p1PlacesDropped('P0 places past the third') },
  { options: { ...P1_PLACES, maxLocations: 1, maxMessage: 80 }, dropped: p1PlacesDropped('P0 places past the first') },
  { options: { foldP1: true } },
  {
    options: { foldP1: true, includePassing: false, includeEvidence: false, p2Details: false, maxLocations: 1, maxMessage: 160 },
    dropped: 'passing and skipped checks, evidence, P2 details, all but the first place of each check',
  },
  {
    options: { foldP1: true, includePassing: false, includeEvidence: false, inline: ['P1', 'P2'], maxLocations: 1, maxMessage: 120 },
    dropped: 'passing and skipped checks, evidence, the places and fixes of P1 and P2 checks, all but the first place of each P0 check',
  },
];

export function checkRunSummary(report: Report, context: BodyContext): Fitted {
  return fitMarkdown(report, {
    limit: CHECK_SUMMARY_BUDGET_LINES,
    // What a reader sees, in rendered lines; the whole summary must still fit GitHub's limit (bytes).
    measure: (text) => (utf8Bytes(text) > CHECK_SUMMARY_LIMIT ? Infinity : renderedHeight(text)),
    budget: true,
    levels: CHECK_SUMMARY_LEVELS,
    fullReportAt: context.fullReportAt,
    base: { compactScores: true, foldP2: true, maxLocations: 5, ...linkOptions(context) },
  });
}

/**
 * The comment's reading budget, in rendered lines (see renderedHeight): about two screens of a pull request page
 * (GitHub's limit, 65,536 characters, reads as eight screens and more). Past it the comment drops detail, least
 * important first, and points to the job summary for the rest.
 */
export const COMMENT_BUDGET_LINES = 85;

/** What the comment shows at most: P0 checks with their first place and their fix, P1 check ids, P2 check ids folded. */
const COMMENT_OPTIONS: MarkdownOptions = { compactScores: true, maxLocations: 1, maxMessage: 140, includeEvidence: false, includePassing: false, inline: ['P1', 'P2'], foldP2: true };

// Room for the note main adds when publishing failed.
const STEP_SUMMARY_MARGIN_BYTES = 4096;

export function jobSummary(report: Report, context: Omit<BodyContext, 'fullReportAt'> = {}): Fitted {
  return fitMarkdown(report, {
    limit: STEP_SUMMARY_LIMIT_BYTES - STEP_SUMMARY_MARGIN_BYTES,
    measure: utf8Bytes,
    unit: 'bytes',
    fullReportAt: 'the JSON report (the `report-json` output)',
    base: linkOptions({ fullReportAt: '', ...context }),
  });
}

/**
 * Under `gate: new`, the live failures the previous run's state (in the sticky comment) already had: the comment
 * shows what this push brought first and folds these. Repository failures are compared with the merge base instead.
 */
export function previousRunOf(report: Report, previous: RunState | undefined): MarkdownOptions['previousRun'] {
  if (report.gate?.mode !== 'new' || !previous?.fp) return undefined;
  const before = new Set(previous.fp);
  const live = (['P0', 'P1', 'P2'] as Severity[]).flatMap((s) => failing(report, s)).filter((f) => f.url !== undefined && !f.location && f.file === undefined);
  const fingerprints = new Set(live.map((f) => f.fingerprint).filter((fp): fp is string => fp !== undefined && before.has(fp)));
  return fingerprints.size ? { fingerprints, ...(previous.sha ? { sha: previous.sha } : {}) } : undefined;
}

export function commentBody(report: Report, options: BodyContext & { checkName: string; previous?: RunState; state: RunState }): Fitted {
  const changes = renderChanges(options.previous, options.state);
  const previousRun = previousRunOf(report, options.previous);
  return fitMarkdown(report, {
    limit: COMMENT_BUDGET_LINES,
    // What a reader sees, in rendered lines; the whole body must still fit GitHub's limit.
    measure: (text) => (text.length > COMMENT_BODY_LIMIT ? Infinity : renderedHeight(text)),
    budget: true,
    fullReportAt: options.fullReportAt,
    base: { ...COMMENT_OPTIONS, ...linkOptions(options), ...(previousRun ? { previousRun } : {}) },
    wrap: (markdown) => `${commentMarker(options.checkName)}\n${afterTitle(markdown, changes)}\n${encodeState(options.state)}\n`,
  });
}

export function issueTitle(branch: string): string {
  return `Production readiness: NO-GO on ${branch}`;
}

export function issueBody(report: Report, options: BodyContext & { checkName: string; branch: string; state: RunState }): Fitted {
  return fitMarkdown(report, {
    limit: COMMENT_BODY_LIMIT,
    fullReportAt: options.fullReportAt,
    base: { p2Details: false, ...linkOptions(options) },
    wrap: (markdown) =>
      `${issueMarker(options.checkName, options.branch)}\nOpened by the scheduled \`${options.checkName}\` audit of \`${options.branch}\`; it is updated while the audit stays NO-GO and closed when it turns GO.\n\n${markdown}\n${encodeState(options.state)}\n`,
  });
}

/** The comment added to the tracking issue when something changed. */
export function issueChangeComment(previous: RunState | undefined, state: RunState, runUrl?: string): string {
  const changes = renderChanges(previous, state) || `**Now:** ${state.decision} · ${state.score}/100\n\n`;
  const link = runUrl ? `\n[Workflow run](${runUrl})\n` : '';
  return `${changes.trimEnd()}\n${link}`.slice(0, COMMENT_BODY_LIMIT);
}

export function issueClosingComment(previous: RunState | undefined, state: RunState, runUrl?: string): string {
  const changes = previous ? renderChanges(previous, state).trimEnd() : '';
  const link = runUrl ? ` ([workflow run](${runUrl}))` : '';
  return `🟢 The audit is GO again (${state.score}/100)${link}, closing this issue.\n\n${changes}\n`.slice(0, COMMENT_BODY_LIMIT);
}
