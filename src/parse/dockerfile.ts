// Dockerfiles as stages of instructions with lines, on top of dockerfile-ast
// (the parser of the VS Code Docker extension), so continuation lines,
// escape directives, JSON forms and heredocs are read as Docker reads them.

import { posix } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, ... */
  keyword: string;
  /** 1-based first and last line (continuations included). */
  line: number;
  endLine: number;
  /** Arguments as written, flags excluded (`--from=build` is in `flags`). */
  args: string[];
  flags: Record<string, string | null>;
  /** `ENV`/`ARG`/`LABEL` name=value pairs (value undefined for `ARG NAME`). */
  /** ENV/ARG/LABEL `name=value` pairs, each with the 1-based line of its name (continuation lines differ from the instruction's). */
  properties: Array<{ name: string; value: string | undefined; line: number }>;
  /** The raw text after the keyword. */
  text: string;
}

export interface DockerStage {
  /** `AS name`, lower-cased as Docker compares stage names. */
  name?: string;
  /** The FROM image as written (`node:20-alpine`, `${BASE}`, `build`, `scratch`). */
  image: string;
  /** The image with `${ARG}` from global ARG defaults substituted, when they resolve. */
  resolvedImage: string;
  /** Index of an earlier stage this one starts from (`FROM build`). */
  parentStage?: number;
  from: DockerInstruction;
  /** Instructions of the stage, FROM first. */
  instructions: DockerInstruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM (they parametrise FROM lines). */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  /** Instructions other than ARG before the first FROM, or no FROM at all. */
  problem?: { line: number; message: string };
  /**
   * For a Dockerfile with `INCLUDE` (the dockerfile-x frontend), read with its
   * included files inlined: where each line of the combined text comes from
   * (index = combined line - 1). Absent for a plain Dockerfile.
   */
  origin?: Array<{ path: string; line: number }>;
  /** The files `INCLUDE` inlined into this one. */
  included?: string[];
}

/**
 * dockerfile-ast costs about 10 µs per byte, and a check cannot be stopped
 * while it parses: a 2 MB file committed to a pull request would hold the
 * audit for half a minute. Real Dockerfiles are a few kilobytes; a larger
 * file is reported as not read.
 */
export const MAX_DOCKERFILE_BYTES = 64 * 1024;

export function parseDockerfile(text: string): Dockerfile {
  if (text.length > MAX_DOCKERFILE_BYTES) {
    return { globalArgs: [], stages: [], problem: { line: 1, message: `skipped: ${text.length} characters, more than a Dockerfile holds (limit ${MAX_DOCKERFILE_BYTES})` } };
  }
  try {
    return readDockerfile(text);
  } catch (err) {
    return { globalArgs: [], stages: [], problem: { line: 1, message: `the parser failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

/** How deep INCLUDEs may nest before we call it a loop we cannot see. */
const MAX_INCLUDE_DEPTH = 8;
const HAS_INCLUDE = /^[ \t]*INCLUDE[ \t]/im;

/**
 * A Dockerfile read as the dockerfile-x frontend (`# syntax=devthefuture/dockerfile-x`)
 * builds it: each `INCLUDE <file>` replaced by that file's text, recursively,
 * the path taken beside the Dockerfile, else from the repository root (the
 * build context of most such projects). Findings keep their real file and line
 * through `origin`. An include that cannot be found or loops is the file's
 * `problem`: the checks report it as unread, never as a pass.
 * https://github.com/devthefuture-org/dockerfile-x
 */
export async function parseDockerfileWithIncludes(text: string, path: string, read: (path: string) => Promise<string | undefined>): Promise<Dockerfile> {
  if (!HAS_INCLUDE.test(text)) return parseDockerfile(text);
  const lines: string[] = [];
  const origin: Array<{ path: string; line: number }> = [];
  const included: string[] = [];
  const inline = async (body: string, from: string, stack: string[]): Promise<{ line: number; message: string } | undefined> => {
    const includes = new Map<number, string>();
    if (HAS_INCLUDE.test(body) && body.length <= MAX_DOCKERFILE_BYTES) {
      for (const ins of DockerfileParser.parse(body).getInstructions()) {
        if (ins.getKeyword().toUpperCase() !== 'INCLUDE') continue;
        const start = ins.getRange().start.line;
        if (ins.getRange().end.line !== start) return { line: start + 1, message: 'an INCLUDE split over lines is not read' };
        includes.set(start, ins.getArguments()[0]?.getValue() ?? '');
      }
    }
    const own = body.split(/\r?\n/);
    for (let i = 0; i < own.length; i++) {
      const target = includes.get(i);
      if (target === undefined) {
        lines.push(own[i]!);
        origin.push({ path: from, line: i + 1 });
        continue;
      }
      const candidates = [posix.join(posix.dirname(from), target), posix.normalize(target)].filter((c) => !c.startsWith('..') && !posix.isAbsolute(c));
      let found: { path: string; text: string } | undefined;
      for (const candidate of candidates) {
        const t = await read(candidate);
        if (t !== undefined) {
          found = { path: candidate, text: t };
          break;
        }
      }
      if (!found) return { line: i + 1, message: `INCLUDE ${target}: no such file beside ${from} or at the repository root` };
      if (stack.includes(found.path) || stack.length > MAX_INCLUDE_DEPTH) return { line: i + 1, message: `INCLUDE ${target} includes itself (${[...stack, found.path].join(' -> ')})` };
      included.push(found.path);
      const inner = await inline(found.text, found.path, [...stack, found.path]);
      if (inner) return { line: i + 1, message: `in ${found.path} line ${inner.line}: ${inner.message}` };
    }
    return undefined;
  };
  const problem = await inline(text, path, [path]);
  if (problem) return { globalArgs: [], stages: [], problem };
  const file = parseDockerfile(lines.join('\n'));
  // Lines of the combined text are mapped back; a problem inside an included file names it.
  const at = file.problem ? origin[file.problem.line - 1] : undefined;
  if (file.problem && at && at.path !== path) file.problem = { line: 1, message: `in ${at.path} line ${at.line}: ${file.problem.message}` };
  else if (file.problem && at) file.problem = { ...file.problem, line: at.line };
  return { ...file, origin, included };
}

function readDockerfile(text: string): Dockerfile {
  const ast = DockerfileParser.parse(text);
  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  let problem: Dockerfile['problem'];
  const argDefaults = new Map<string, string>();
  for (const instruction of ast.getInstructions()) {
    const ins = toInstruction(instruction);
    if (ins.keyword === 'FROM') {
      const image = ins.args[0] ?? '';
      const asIndex = ins.args.findIndex((a) => a.toLowerCase() === 'as');
      const name = asIndex >= 0 ? ins.args[asIndex + 1]?.toLowerCase() : undefined;
      const resolvedImage = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (m, arg: string, fallback?: string) => argDefaults.get(arg) ?? fallback ?? m);
      const parentStage = stages.findIndex((s) => s.name !== undefined && s.name === resolvedImage.toLowerCase());
      stages.push({ name, image, resolvedImage, parentStage: parentStage >= 0 ? parentStage : undefined, from: ins, instructions: [ins] });
    } else if (stages.length === 0) {
      if (ins.keyword === 'ARG') {
        globalArgs.push(ins);
        for (const p of ins.properties) if (p.value !== undefined) argDefaults.set(p.name, p.value);
      } else if (!problem) {
        problem = { line: ins.line, message: `${ins.keyword} before the first FROM (only ARG may come first)` };
      }
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  if (!problem && stages.length === 0) problem = { line: 1, message: 'no FROM instruction' };
  return { globalArgs, stages, ...(problem ? { problem } : {}) };
}

function toInstruction(instruction: Instruction): DockerInstruction {
  const range = instruction.getRange();
  const keyword = instruction.getKeyword().toUpperCase();
  const flags: Record<string, string | null> = {};
  const withFlags = instruction as Instruction & { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> };
  if (typeof withFlags.getFlags === 'function') {
    for (const flag of withFlags.getFlags()) flags[flag.getName().toLowerCase()] = flag.getValue();
  }
  const properties: DockerInstruction['properties'] = [];
  const withProperties = instruction as Instruction & {
    getProperties?: () => Array<{ getName(): string; getValue(): string | null; getNameRange(): { start: { line: number } } }>;
  };
  if (typeof withProperties.getProperties === 'function' && (keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL')) {
    for (const p of withProperties.getProperties()) properties.push({ name: p.getName(), value: p.getValue() ?? undefined, line: p.getNameRange().start.line + 1 });
  }
  return {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    args: instruction.getArguments().map((a) => a.getValue()),
    flags,
    properties,
    text: instruction.getArgumentsContent() ?? '',
  };
}

/** The stage an image is built from, following `FROM <earlier stage>` up to the first real image. */
export function stageLineage(file: Dockerfile, index: number): DockerStage[] {
  const out: DockerStage[] = [];
  let current: number | undefined = index;
  const seen = new Set<number>();
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const stage: DockerStage = file.stages[current]!;
    out.push(stage);
    current = stage.parentStage;
  }
  return out;
}

/**
 * The stages the final image is built from: its lineage, and every stage a
 * `COPY --from=` or `RUN --mount=...,from=` of those reaches, transitively.
 * BuildKit builds only these when no `--target` is given; any other stage is
 * dead code of the default build.
 */
export function stagesUsedByFinal(file: Dockerfile): Set<number> {
  const used = new Set<number>();
  const byName = new Map<string, number>();
  file.stages.forEach((stage, i) => stage.name && byName.set(stage.name.toLowerCase(), i));
  const pending = [file.stages.length - 1];
  while (pending.length) {
    const index = pending.pop()!;
    if (index < 0 || used.has(index) || !file.stages[index]) continue;
    used.add(index);
    const stage = file.stages[index]!;
    if (stage.parentStage !== undefined) pending.push(stage.parentStage);
    for (const instruction of stage.instructions) {
      const refs = [instruction.flags.from, ...[...instruction.text.matchAll(/--mount=[^\s]*?\bfrom=([\w.-]+)/g)].map((m) => m[1])];
      for (const ref of refs) {
        if (typeof ref !== 'string') continue;
        const target = /^\d+$/.test(ref) ? Number(ref) : byName.get(ref.toLowerCase());
        if (target !== undefined) pending.push(target);
      }
    }
  }
  return used;
}

/**
 * What of each used stage reaches the final image. The final stage and the
 * stages it is built `FROM` (its chain) reach whole; a stage the chain only
 * copies from (`COPY --from=build /app/dist ./`) reaches through the paths
 * copied out of it, so the sources a builder compiles are not in the image,
 * only what is taken from it. `whole` for a chain stage, else the absolute
 * paths copied out of the stage by any used stage (empty: nothing reaches).
 */
export function stageReach(file: Dockerfile): Map<number, 'whole' | string[]> {
  const used = stagesUsedByFinal(file);
  const byName = new Map<string, number>();
  file.stages.forEach((stage, i) => stage.name && byName.set(stage.name.toLowerCase(), i));
  const reach = new Map<number, 'whole' | string[]>();
  for (let i = file.stages.length - 1; i >= 0 && !reach.has(i); i = file.stages[i]!.parentStage ?? -1) reach.set(i, 'whole');
  for (const index of used) {
    for (const ins of file.stages[index]!.instructions) {
      const ref = ins.flags.from;
      if (ins.keyword !== 'COPY' || typeof ref !== 'string') continue;
      const target = /^\d+$/.test(ref) ? Number(ref) : byName.get(ref.toLowerCase());
      if (target === undefined || !used.has(target) || reach.get(target) === 'whole') continue;
      const paths = (reach.get(target) as string[] | undefined) ?? [];
      // Sources of --from are paths in that stage's filesystem; a glob reaches what its folder holds.
      for (const source of copySources(ins.args)) {
        const glob = source.search(/[*?[{]/);
        paths.push(posix.resolve('/', glob === -1 ? source : posix.dirname(`${source.slice(0, glob)}x`)));
      }
      reach.set(target, paths);
    }
  }
  for (const index of used) if (!reach.has(index)) reach.set(index, []);
  return reach;
}

/** The sources of `COPY a b dest` / `COPY ["a", "dest"]`: every argument but the last, heredocs and URLs left out. */
export function copySources(args: readonly string[]): string[] {
  const clean = args.map((a) => a.replace(/^\[|\]$|^"|",?$|^'|',?$/g, '')).filter(Boolean);
  return clean.slice(0, -1).filter((s) => !/^<</.test(s) && !/^[a-z]+:\/\//i.test(s) && !s.includes('$'));
}

/**
 * Where a COPY puts a file of the build context, in the stage's filesystem:
 * `rel` is the file's path under the COPY source (empty when the source is the
 * file itself), resolved against the destination and the stage's WORKDIR.
 */
export function copyDestination(stage: DockerStage, ins: DockerInstruction, rel: string, sourceIsFile: boolean): string | undefined {
  const args = ins.args.map((a) => a.replace(/^\[|\]$|^"|",?$|^'|',?$/g, '')).filter(Boolean);
  const dest = args[args.length - 1];
  if (!dest || dest.includes('$')) return undefined;
  let workdir = '/';
  for (const other of stage.instructions) {
    if (other === ins) break;
    if (other.keyword === 'WORKDIR' && other.args[0] && !other.args[0].includes('$')) workdir = posix.resolve(workdir, other.args[0]);
  }
  const base = posix.resolve(workdir, dest);
  if (sourceIsFile) return dest.endsWith('/') || args.length > 2 ? posix.join(base, posix.basename(rel)) : base;
  return posix.join(base, rel);
}

/** `node:20@sha256:...` -> parts; a registry port (`host:5000/app`) is not a tag. */
export function splitImage(image: string): { repository: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), ...(digest ? { digest } : {}) };
  return { repository: rest, ...(digest ? { digest } : {}) };
}

/**
 * Why an image reference is not pinned, or undefined when it is: a digest
 * pins; a tag other than `latest` pins to a moving-but-chosen line; no tag
 * means `latest`. References with unresolved variables cannot be judged.
 */
export function unpinnedReason(image: string): 'no tag' | 'latest' | undefined {
  const { tag, digest } = splitImage(image);
  if (digest) return undefined;
  if (tag === undefined || tag === '') return 'no tag';
  if (tag.toLowerCase() === 'latest') return 'latest';
  return undefined;
}
