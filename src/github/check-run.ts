// The check run: created `in_progress` when the audit starts, completed with
// the decision when it ends. Annotations go in batches of 50 (the API's limit
// per request), appended by successive updates; the last update completes the
// run, so a required check never reads "success" before every annotation is in.

import type { Finding, Severity } from '../engine/types.js';
import { failing, headline, messageAfterWhere, severityWhy, type Report } from '../report/report.js';
import { checkRunSummary, type BodyContext } from './bodies.js';
import type { GitHubClient } from './client.js';

export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = { P0: 'failure', P1: 'warning', P2: 'notice' };
// The API rejects longer titles (255 characters) and messages (64 KB, counted in UTF-8 bytes).
const MAX_TITLE = 255;
const MAX_MESSAGE_BYTES = 64_000;

/** The longest head of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function headWithinBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

/** Joins the audited repository's place in the workspace to a finding's path. */
export function repositoryPath(prefix: string, path: string): string {
  const clean = prefix.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean ? `${clean}/${path}` : path;
}

/**
 * One annotation per failing repository finding with a line; live findings and findings about a whole file (an
 * annotation needs a line, and an arbitrary one would point at unrelated code) stay in the summary.
 */
export function annotationsFor(report: Report, pathPrefix = ''): Annotation[] {
  return (['P0', 'P1', 'P2'] as Severity[]).flatMap((severity) =>
    failing(report, severity)
      .filter((f) => f.location)
      .map((f) => {
        const { path, line, endLine } = f.location!;
        const start = Math.max(1, Math.trunc(line));
        return {
          path: repositoryPath(pathPrefix, path),
          start_line: start,
          end_line: Math.max(start, Math.trunc(endLine ?? start)),
          annotation_level: LEVEL[severity],
          // The annotation stands at the place: a message that starts with it would say it twice.
          message: headWithinBytes(`${messageAfterWhere(f)}${why(f)}\n\nFix: ${f.remediation}`, MAX_MESSAGE_BYTES),
          title: `${severity} ${f.checkId}: ${f.title}`.slice(0, MAX_TITLE),
        };
      }),
  );
}

/** The annotation's "why this severity" paragraph. */
function why(f: Finding): string {
  const text = severityWhy(f);
  return text ? `\n\n${text}` : '';
}

export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type Conclusion = 'success' | 'failure' | 'neutral';

/** failure on a blocking NO-GO, success on GO, neutral when NO-GO is configured not to block (fail-on: never). */
export function conclusionOf(report: Pick<Report, 'decision' | 'blocking'>): Conclusion {
  if (report.decision === 'GO') return 'success';
  return report.blocking ? 'failure' : 'neutral';
}

export interface CheckRunTarget {
  owner: string;
  repo: string;
  sha: string;
  name: string;
  detailsUrl?: string;
}

export async function startCheckRun(client: GitHubClient, target: CheckRunTarget): Promise<{ id: number; url?: string }> {
  const { data } = await client.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: target.name,
    head_sha: target.sha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
    output: { title: 'Auditing…', summary: 'The readiness audit is running; the decision appears here when it ends.' },
  });
  return { id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
}

export interface Completion {
  conclusion: Conclusion | 'cancelled';
  title: string;
  summary: string;
  annotations: Annotation[];
}

/** What completes the check run of an audit: the Action sends it, `--format check-run` prints it. */
export function completionOf(report: Report, context: BodyContext & { pathPrefix: string }): Completion {
  return {
    conclusion: conclusionOf(report),
    title: headline(report),
    summary: checkRunSummary(report, { fullReportAt: context.fullReportAt, ...(context.links ? { links: context.links } : {}) }).text,
    annotations: annotationsFor(report, context.pathPrefix),
  };
}

/**
 * Sends the annotations 50 at a time and completes the run with the last batch.
 * Returns how many annotations were sent in each request.
 */
export async function completeCheckRun(client: GitHubClient, target: CheckRunTarget, id: number, completion: Completion): Promise<number[]> {
  const groups = batches(completion.annotations);
  const output = (annotations: Annotation[]) => ({
    title: completion.title,
    summary: completion.summary,
    ...(annotations.length ? { annotations } : {}),
  });
  const sent: number[] = [];
  for (const group of groups.slice(0, -1)) {
    await client.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: id, output: output(group) });
    sent.push(group.length);
  }
  const last = groups.at(-1) ?? [];
  await client.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: id,
    status: 'completed',
    conclusion: completion.conclusion,
    completed_at: new Date().toISOString(),
    output: output(last),
  });
  if (last.length) sent.push(last.length);
  return sent;
}
