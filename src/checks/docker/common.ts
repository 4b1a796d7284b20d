// What every Dockerfile check shares: find Dockerfiles (`Dockerfile`,
// `Dockerfile.*`, `*.Dockerfile`, `Containerfile`), parse each once with
// dockerfile-ast (memoised), and say what was looked at when nothing fails.
// A Dockerfile that cannot be read as one (no FROM, an instruction other
// than ARG before FROM) is reported once, by `docker.base-image-pinned`, and
// by every P0 check (`failClosed`); the other Dockerfile checks skip it.

import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { isDockerfile } from '../../repo/classify.js';
import { type Dockerfile } from '../../parse/dockerfile.js';
import { notReadFinding } from '../../repo/fileset.js';

export interface DockerfileVisit {
  looked: string;
  reportsParseErrors?: boolean;
  /** A P0 check: a Dockerfile it cannot read or parse is an `error` naming the file, never a skip or a pass. */
  failClosed?: boolean;
  visit: (file: Dockerfile, path: string) => FindingInput[] | Promise<FindingInput[]>;
}

export function dockerfilePaths(ctx: RepoCheckContext): string[] {
  return ctx.files.files.filter((f) => isDockerfile(f.path)).map((f) => f.path);
}

/**
 * The stages of a Dockerfile that production runs: those its production builds name (`--target release`,
 * compose `build.target`: model/builds.ts), else the last one. Indexes into `file.stages`, in order.
 */
export function publishedStages(ctx: RepoCheckContext, file: Dockerfile, path: string): number[] {
  const last = file.stages.length - 1;
  const out = new Set<number>();
  for (const target of ctx.model.builds.publishedTargets(path)) {
    const index = target === '' ? last : file.stages.findIndex((s) => s.name === target);
    if (index >= 0) out.add(index);
  }
  return out.size ? [...out].sort((a, b) => a - b) : [last];
}

/** How a finding names the stage it judges: "The final stage" or "Stage `release` (the published target)". */
export function stageLabel(file: Dockerfile, index: number): string {
  const stage = file.stages[index]!;
  return index === file.stages.length - 1 ? 'The final stage' : `Stage \`${stage.name ?? index}\` (the target production builds)`;
}

export function loadDockerfile(ctx: RepoCheckContext, path: string): Promise<Dockerfile | undefined> {
  return ctx.parsed.dockerfile(path);
}

/** The Dockerfiles some other Dockerfile of the repository INCLUDEs. */
export async function includedFragments(ctx: RepoCheckContext, paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const path of paths) for (const inc of (await loadDockerfile(ctx, path))?.included ?? []) if (inc !== path) out.add(inc);
  return out;
}

/** A finding on a line of a Dockerfile read with its INCLUDEs, moved to the file and line the text came from. */
function relocate(finding: FindingInput, path: string, origin: NonNullable<Dockerfile['origin']>): FindingInput {
  const loc = finding.location;
  if (!loc || loc.path !== path || loc.line === undefined) return finding;
  const at = origin[loc.line - 1];
  return at ? { ...finding, location: { ...loc, path: at.path, line: at.line } } : finding;
}

export async function checkDockerfiles(ctx: RepoCheckContext, options: DockerfileVisit): Promise<FindingInput[]> {
  const paths = dockerfilePaths(ctx);
  const reports = options.reportsParseErrors || options.failClosed;
  const unread = ctx.files.notRead(isDockerfile).map((f) => notReadFinding(f, reports ? 'error' : 'skip'));
  if (paths.length === 0) return unread.length ? unread : [{ status: 'skip', message: 'No Dockerfile (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile) in the repository.' }];
  const findings: FindingInput[] = reports ? [...unread] : [];
  let looked = 0;
  // A file another Dockerfile INCLUDEs (dockerfile-x) is a fragment, judged where it is included, not as an image of its own.
  const included = await includedFragments(ctx, paths);
  const fragmentFindings = new Set<string>();
  for (const path of paths) {
    if (included.has(path)) continue;
    const file = await loadDockerfile(ctx, path);
    if (!file) {
      // Binary or unreadable: the file set recorded why.
      if (options.failClosed) findings.push({ status: 'error', message: `${path} could not be read as text.`, location: { path, line: 1 } });
      continue;
    }
    if (file.problem) {
      if (reports) {
        findings.push({ status: 'error', message: `${path} cannot be read as a Dockerfile (line ${file.problem.line}): ${file.problem.message}.`, location: { path, line: file.problem.line } });
      }
      continue;
    }
    looked++;
    const found = await options.visit(file, path);
    if (!file.origin) {
      findings.push(...found);
      continue;
    }
    // A fragment two Dockerfiles INCLUDE is reported once, at its own line, not once per includer.
    for (const f of found.map((x) => relocate(x, path, file.origin!))) {
      const key = f.location && f.location.path !== path ? `${f.status} ${f.location.path}:${f.location.line} ${f.message}` : undefined;
      if (key && fragmentFindings.has(key)) continue;
      if (key) fragmentFindings.add(key);
      findings.push(f);
    }
  }
  if (findings.length === 0) {
    if (looked === 0) return [{ status: 'skip', message: 'No readable Dockerfile to check.' }];
    return [{ status: 'pass', message: `Checked ${options.looked} in ${looked === 1 ? paths[0] : `${looked} Dockerfiles`}.` }];
  }
  return findings;
}
