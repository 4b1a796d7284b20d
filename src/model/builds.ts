// Which Dockerfiles the repository builds, and for what. A Dockerfile's name
// rarely says whether it makes the production image; what builds it does:
// a compose service of a production deployment, a CI workflow that pushes
// it, a skaffold artifact, a release script. Computed once per audit from
// the compose deployments and a line scan of the build files (nothing is
// executed), and given to every Dockerfile check as the file's role:
//
// - built by a production deployment, CI, a script or skaffold: production;
// - built only by development or test deployments (or services that run only
//   in a `dev`/`deprecated` profile): that role;
// - built by nothing, in a repository whose builds are all visible (no
//   reference hides its path behind a variable) and not at the root: a
//   leftover or a local experiment, judged as development.
//
// Only Dockerfiles whose role no path rule or content decided are given one
// here: `Dockerfile.test` stays a test file, `prod.Dockerfile` production.

import { posix } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { isDockerfile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { dockerfileOf } from '../parse/compose.js';
import { splitImage } from '../parse/dockerfile.js';
import type { Deployments } from './deployments.js';
import { UNKNOWN_ROLE, roleOfProfiles, type FileRoles, type RoleInfo } from './roles.js';
import { yieldsToEvidence } from './evidence.js';
import type { FileRole } from './role-rules.js';

/** One place that builds a Dockerfile: `service api of docker-compose.yml`, `.github/workflows/release.yml:42`. */
export interface BuildReference {
  how: string;
  role: FileRole;
}

// Files where image builds are written: CI, scripts, task runners, bake and skaffold files. Not docs: a README's
// `docker build` shows how one could build, not what the project ships.
const BUILD_SOURCES =
  /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)(\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|cloudbuild[\w.-]*\.ya?ml|bitbucket-pipelines\.yml|Jenkinsfile|\.drone\.ya?ml|\.woodpecker[\w./-]*\.ya?ml|skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|package\.json|Earthfile|\.goreleaser\.ya?ml)$/;

// What shows a build file ships the image it builds: a push, a registry login, a release or deploy step.
const PUBLISHES = /uses:\s*[\w./-]*(build-push|push-image|publish-image|docker-publish)[\w./@-]*|\b(dockerhub|registry|ghcr|ecr|gcr|docker)[-_]?(token|password)\b|\bpush\s*:\s*(?!false\b)\S|\b(docker|podman|buildah)\s+push\b|--push\b|\bbuildx\s+bake\b|\bgoreleaser\b|\bdocker\/login-action\b|\b(docker|podman)\s+login\b|\bkubectl\s+(apply|set\s+image)\b|\bhelm\s+(upgrade|install)\b|\bgcloud\s+(run|app)\s+deploy\b|\bflyctl?\s+deploy\b|\bskaffold\s+(run|deploy|build)\b|\bcompose\b[^\n]*\s(up|push)\b/;

/**
 * Whether the section around a line publishes: the Makefile or justfile
 * target it belongs to, the CI job (a key two spaces under `jobs:`), or the
 * whole file for scripts and other build files.
 */
export function publishingSections(path: string, text: string, publishingWorkflows: ReadonlySet<string> = new Set()): (line: number) => boolean {
  const lines = text.split('\n');
  const header = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path)
    ? /^[\w./%-]+\s*:(?!=)/
    : /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path)
      ? /^ {0,2}[\w.-]+:\s*$/
      : undefined;
  if (!header) {
    const all = PUBLISHES.test(text);
    return () => all;
  }
  // Section index of every line, and whether each section publishes.
  const sectionOf: number[] = [];
  const publishes: boolean[] = [false];
  let section = 0;
  // A workflow's `on:` part (a reusable workflow's `inputs:` with `default: Dockerfile`) is built by its jobs.
  let jobsFrom = -1;
  for (const line of lines) {
    if (header.test(line)) {
      section++;
      publishes.push(false);
      if (jobsFrom < 0 && /^jobs:\s*$/.test(line)) jobsFrom = section;
    }
    sectionOf.push(section);
    const head = line.slice(0, 2000);
    // A job that calls a local reusable workflow publishes when that workflow does.
    const called = /^\s*uses:\s*["']?\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)/.exec(head)?.[1];
    if (PUBLISHES.test(head) || (called !== undefined && publishingWorkflows.has(called))) publishes[section] = true;
  }
  if (jobsFrom > 0 && publishes.slice(jobsFrom).some(Boolean)) for (let i = 0; i < jobsFrom; i++) publishes[i] = true;
  return (line) => publishes[sectionOf[line - 1] ?? 0] ?? false;
}

const CONTEXT_KEY = /^\s*-?\s*["']?(?:build[-_]?context|context|docker[-_]?context)["']?\s*[:=]\s*["']?([^\s"'#]+)/i;
const BUILD_COMMAND = /\b(?:docker|podman)\s+(?:buildx\s+)?build\b|\bbuildah\s+(?:bud|build)\b/;
// `docker build` options that take a value (docs.docker.com/reference/cli/docker/buildx/build/).
const OPTION_WITH_VALUE = /^(-t|--tag|-f|--file|--build-arg|--platform|--target|--label|--cache-from|--cache-to|--secret|--ssh|--output|-o|--progress|--network|--iidfile|--metadata-file|--builder|--build-context|--add-host|--shm-size|--ulimit|--attest|--annotation|--allow)$/;
const HIDDEN_FILE_KEY = /^\s*-?\s*["']?(?:file|dockerfile|dockerfile[-_]path)["']?\s*:\s*["']?(?:\$\{\{|\$\{?[A-Za-z_])/i;
const HIDDEN_FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)["']?(?:\$\{\{|\$\{?[A-Za-z_])/;
const VARIABLE = /\$\{\{|\$\{|\$\(|\$[A-Za-z_]|%[A-Za-z_]+%/;

interface Found {
  /** The Dockerfile paths a reference names, or a directory prefix when a variable hides the rest. */
  paths: string[];
  prefixes: string[];
  line: number;
  /** Image references the same build step tags (`tags:`, `-t`, skaffold `image:`), as written (tag included). */
  images: string[];
  /** The stages it builds (`--target`, `target:`), lower-cased; empty: the last stage. */
  targets: string[];
}

// A build step in CI YAML begins with `- name:` / `- uses:` / `- run:` / `- image:`; the tags of a
// Dockerfile are those of its own step.
const STEP_START = /^\s*-\s+(name|uses|run|image|id)\s*:/;
const TAG_OPTION = /(?:^|\s)(?:-t|--tag)(?:\s+|=)["']?([a-z0-9][\w./:-]*)/g;
const VARIABLE_REGISTRY_IMAGE = /^(?:\$\{\{[^}]{1,100}\}\}|\$\{?\w+\}?)(?:\/[\w.-]+)+(?::[\w.-]+)?$/;
// (A tag may be a workflow expression with spaces: `tags: org/app:${{ env.TAG }}`.)
const IMAGE_LINE = /^\s*(?:-\s*)?(?:(?:image|tags?)\s*:\s*)?["']?((?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)+)(?::(?:\$\{\{[^}\n]{1,100}\}\}|[\w.${}-])+)?["']?\s*(?:#.*)?$/i;

/** `ghcr.io/org/app:1.2` → `org/app`; `docker.io/library/redis:7` → `redis`. */
export function imageRepository(image: string): string {
  const parts = splitImage(image).repository.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  return parts.join('/').toLowerCase();
}

/**
 * The image references (as written, tag included) the build step of line `i` tags: in CI YAML the step
 * around it; in a script, Makefile or package.json the command itself (its `\\`-continued lines).
 */
function stepWindow(path: string, lines: readonly string[], i: number): { start: number; end: number } {
  let start = i;
  let end = i + 1;
  if (/\.ya?ml$/i.test(path)) {
    while (start > 0 && i - start < 25 && !STEP_START.test(lines[start]!)) start--;
    while (end < lines.length && end - i < 25 && !STEP_START.test(lines[end]!)) end++;
  } else {
    while (start > 0 && i - start < 8 && /\\\s*$/.test(lines[start - 1]!)) start--;
    while (end < lines.length && end - i < 8 && /\\\s*$/.test(lines[end - 1]!)) end++;
  }
  return { start, end };
}

const TARGET = /(?:--target(?:\s+|=)|^\s*-?\s*target\s*:\s*)["']?([A-Za-z0-9][\w.-]*)/g;

/** The stages the build step of line `i` builds (`--target release`, build-push-action's `target: release`). */
function targetsOfStep(path: string, lines: readonly string[], i: number): string[] {
  const { start, end } = stepWindow(path, lines, i);
  const out = new Set<string>();
  for (let j = start; j < end; j++) for (const m of lines[j]!.slice(0, 500).matchAll(TARGET)) out.add(m[1]!.toLowerCase());
  return [...out];
}

function imagesOfStep(path: string, lines: readonly string[], i: number): string[] {
  const { start, end } = stepWindow(path, lines, i);
  const out = new Set<string>();
  for (let j = start; j < end; j++) {
    const line = lines[j]!.length > 500 ? lines[j]!.slice(0, 500) : lines[j]!;
    for (const m of line.matchAll(TAG_OPTION)) if (m[1]!.includes('/') || j === i) out.add(m[1]!);
    // Skaffold artifacts name the image bare (`- image: accounts-db`): skaffold pushes it under its default repository.
    const skaffold = /(^|\/)skaffold[\w.-]*\.ya?ml$/.test(path) ? /^\s*-?\s*image\s*:\s*["']?([a-z0-9][\w.-]*)["']?\s*$/.exec(line)?.[1] : undefined;
    if (skaffold) out.add(skaffold);
    const whole = IMAGE_LINE.exec(line);
    if (whole && !/Dockerfile|Containerfile/i.test(whole[1]!)) out.add(whole[0]!.trim().replace(/^(?:-\s*)?(?:(?:image|tags?)\s*:\s*)?["']?|["']?\s*(?:#.*)?$/g, ''));
    // `tags: ${{ vars.REGISTRY }}/app:latest,${{ vars.REGISTRY }}/app:2.6`: a list, and a registry written as a variable.
    const list = /^\s*(?:-\s*)?tags?\s*:\s*["']?(.+?)["']?\s*(?:#.*)?$/.exec(line)?.[1];
    if (list && !whole) for (const one of list.split(/,(?![^{]*\}\})/)) if (VARIABLE_REGISTRY_IMAGE.test(one.trim())) out.add(one.trim());
  }
  // `tags: ${{ steps.meta.outputs.tags }}`: the images are listed by the step that computes the tags
  // (docker/metadata-action's `images:` block), wherever it stands in the job.
  for (let j = start; j < end; j++) {
    const step = /\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}/.exec(lines[j]!.slice(0, 500))?.[1];
    if (step) for (const image of metadataImages(lines, step)) out.add(image);
  }
  // A registry or organisation written as a variable (`${{ vars.REGISTRY }}/app`) still names the image after it;
  // a variable in the name itself names nothing.
  return [...out].filter((r) => r && !imageRepository(r).replace(/^(?:[^/]*\$[^/]*\/)+/, '').includes('$'));
}

/** The `images:` of the step with `id: <step>` (docker/metadata-action), one per line or comma-separated. */
function metadataImages(lines: readonly string[], step: string): string[] {
  const id = new RegExp(`^\\s*(-\\s+)?id\\s*:\\s*["']?${step.replace(/[-]/g, '\\-')}["']?\\s*$`);
  const at = lines.findIndex((l) => id.test(l));
  if (at < 0) return [];
  const out: string[] = [];
  for (let j = at - 3 < 0 ? 0 : at - 3; j < lines.length && j < at + 30; j++) {
    const images = /^(\s*)images\s*:\s*(.*)$/.exec(lines[j]!);
    if (!images) continue;
    const indent = images[1]!.length;
    const inline = images[2]!.replace(/^[|>][-+]?\s*$/, '').trim();
    if (inline) out.push(...inline.split(/[,\s]+/));
    for (let k = j + 1; k < lines.length && k < j + 30; k++) {
      const line = lines[k]!;
      if (line.trim() === '') continue;
      if (line.length - line.trimStart().length <= indent) break;
      out.push(...line.trim().split(/[,\s]+/));
    }
    break;
  }
  return out.map((i) => i.replace(/^["']|["']$/g, '')).filter((i) => /^[a-z0-9][\w./:-]*\/[\w./-]+$/i.test(i) && !i.includes('$'));
}

const FILE_KEY = /^\s*-?\s*["']?(?:file|dockerfile|dockerfile[-_]path)["']?\s*:\s*\S/i;

/** The YAML step around line `i` (up to 6 lines either way, not past the next or previous step) sets a Dockerfile. */
function stepNamesFile(lines: readonly string[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 6 && !STEP_START.test(lines[j]!); j++) if (FILE_KEY.test(lines[j]!)) return true;
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    if (FILE_KEY.test(lines[j]!)) return true;
    if (STEP_START.test(lines[j]!)) break;
  }
  return false;
}

const CI_WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * A workflow's literal `env:` values (`BUILD_CONTEXT: docker/production`) and matrix lists (`variant: [apache, nginx]`,
 * or a `variant:` key followed by `- apache` items), by name. Line-based: a value with a `${{` in it is not known.
 */
function workflowVariables(lines: readonly string[]): { env: Map<string, string>; matrix: Map<string, string[]> } {
  const env = new Map<string, string>();
  const matrix = new Map<string, string[]>();
  let inMatrix = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 500);
    const indent = line.length - line.trimStart().length;
    if (/^\s*matrix\s*:\s*$/.test(line)) {
      inMatrix = indent;
      continue;
    }
    if (inMatrix >= 0 && line.trim() && indent <= inMatrix) inMatrix = -1;
    const pair = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!pair) continue;
    const [, name, value] = pair as unknown as [string, string, string];
    if (inMatrix >= 0) {
      const list = /^\[(.*)\]$/.exec(value)?.[1]?.split(',').map((v) => v.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
      if (list && !matrix.has(name)) matrix.set(name, list);
      else if (value === '' && !matrix.has(name)) {
        const items: string[] = [];
        for (let k = i + 1; k < lines.length && k < i + 30; k++) {
          const item = /^\s*-\s+["']?([\w./-]+)["']?\s*$/.exec(lines[k]!);
          if (!item) break;
          items.push(item[1]!);
        }
        if (items.length) matrix.set(name, items);
      }
    } else if (/^[A-Z][A-Z0-9_]*$/.test(name) && /^["']?[\w./-]+["']?$/.test(value) && !env.has(name)) env.set(name, value.replace(/^["']|["']$/g, ''));
  }
  return { env, matrix };
}

/** The line with every `${{ env.X }}` and `${{ matrix.x }}` written out, or undefined when one is not known. */
function expandWorkflowLine(line: string, values: { env: Map<string, string>; matrix: Map<string, string[]> }): string[] | undefined {
  let variants = [line];
  for (const m of line.matchAll(/\$\{\{\s*(env|matrix)\.([\w-]+)\s*\}\}/g)) {
    const choices = m[1] === 'env' ? (values.env.has(m[2]!) ? [values.env.get(m[2]!)!] : undefined) : values.matrix.get(m[2]!);
    if (!choices?.length) return undefined;
    variants = variants.flatMap((v) => choices.map((c) => v.split(m[0]).join(c)));
    if (variants.length > 16) return undefined;
  }
  return variants.length && variants[0] !== line ? variants : undefined;
}

/** The Dockerfiles each build file names, as written (resolved against the repository later). */
export function referencesIn(path: string, text: string, dockerfiles: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  const lines = text.split('\n');
  const dir = posix.dirname(path);
  // The build context written nearest a bare file name: above it first (skaffold's `context:` then `docker: dockerfile:`), then below.
  const contextNear = (i: number): string | undefined => {
    for (const j of [i, i - 1, i - 2, i - 3, i - 4, i - 5, i - 6, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6]) {
      const m = j >= 0 && j < lines.length ? CONTEXT_KEY.exec(lines[j]!.slice(0, 500)) : null;
      if (m) return m[1];
    }
    return undefined;
  };
  // This line belongs to a `docker build` command: on it, or continued (`\`) from one of the lines above.
  const inBuildCommand = (i: number): boolean => {
    for (let j = i; j >= 0 && j > i - 8; j--) {
      if (j < i && !/\\\s*$/.test(lines[j]!)) return false;
      if (BUILD_COMMAND.test(lines[j]!.slice(0, 2000))) return true;
    }
    return false;
  };
  const workflowValues = CI_WORKFLOW.test(path) ? workflowVariables(lines) : undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.length > 2000 ? lines[i]!.slice(0, 2000) : lines[i]!;
    // `${{ env.BUILD_CONTEXT }}/${{ matrix.variant }}/Dockerfile`: the workflow's own env values and matrix lists
    // written out, one line per combination (at most 16), when every variable on the line is known.
    const expanded = workflowValues && raw.includes('${{') ? expandWorkflowLine(raw, workflowValues) : undefined;
    // `${{ matrix.service }}` is one variable, spaces included.
    const line = (expanded ? expanded.join(' ') : raw).replace(/\$\{\{[^}\n]{0,200}\}\}/g, '${{expr}}');
    const found: Found = { paths: [], prefixes: [], line: i + 1, images: [], targets: [] };
    const add = (written: string, base?: string): void => {
      const clean = resolveDirectoryVariable(written.replace(/^["']|["',]$/g, ''), dir);
      const variable = VARIABLE.exec(clean);
      if (variable) {
        // `docker/edge-${{ matrix.os }}.Dockerfile`: a variable inside the file name stands for part of it, and
        // the Dockerfiles the template matches are the ones built, when they are few. A variable naming a folder
        // (`services/${{ matrix.service }}/Dockerfile`) may stand for folders the matrix never lists.
        if (clean.lastIndexOf('/') < variable.index) {
          const pattern = clean.replace(/^\.\//, '').split(/\$\{\{expr\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
          const template = new RegExp(`^${pattern}$`);
          const matching = [...dockerfiles].filter((p) => template.test(p) || (dir !== '.' && template.test(posix.relative(dir, p))));
          if (matching.length && matching.length <= 8) {
            for (const p of matching) if (!found.paths.includes(p)) found.paths.push(p);
            return;
          }
        }
        // `./services/${{ matrix.service }}/Dockerfile`: any Dockerfile under `services/` may be the one.
        const prefix = clean.slice(0, variable.index).replace(/^\.\//, '').replace(/[^/]*$/, '');
        found.prefixes.push(prefix);
        return;
      }
      for (const from of [base, '', dir]) {
        if (from === undefined) continue;
        const p = posix.normalize(posix.join(from, clean)).replace(/^\.\//, '');
        if (dockerfiles.has(p)) {
          if (!found.paths.includes(p)) found.paths.push(p);
          return;
        }
      }
    };
    let named = false;
    for (const token of dockerfileTokens(line)) {
      if (/\.dockerignore$/i.test(token) || /^https?:/i.test(token)) continue;
      named = true;
      // A bare `Dockerfile.api` is relative to the build context written next to it (skaffold, build-push-action).
      add(token, token.includes('/') ? undefined : contextNear(i));
    }
    // `file: ${{ matrix.file }}`, `-f $DOCKERFILE`: some Dockerfile is built, which one is not written.
    if (!named && (HIDDEN_FILE_KEY.test(line) || (HIDDEN_FILE_OPTION.test(line) && inBuildCommand(i)))) found.prefixes.push('');
    const context = CONTEXT_KEY.exec(line);
    // A build context names its default `Dockerfile` too, unless its step picks another with a `file:` or
    // `dockerfile:` key (`file: docker/edge-${{ matrix.os }}.Dockerfile` two lines below `context: .`).
    if (context && !named && !stepNamesFile(lines, i)) add(posix.join(context[1]!, 'Dockerfile'));
    if (BUILD_COMMAND.test(line)) {
      const positional = buildContextArgument(line);
      if (positional !== undefined && !/(-f|--file)[\s=]/.test(line)) add(posix.join(positional, 'Dockerfile'));
    }
    if (found.paths.length) {
      found.images = imagesOfStep(path, lines, i);
      found.targets = targetsOfStep(path, lines, i);
    }
    if (found.paths.length || found.prefixes.length) out.push(found);
  }
  return out;
}

// Scripts name files next to themselves (`"$SCRIPT_DIR/Dockerfile"`, `$(dirname "$0")/Dockerfile`) or
// from the repository root (`$REPO_ROOT/docker/Dockerfile`): the two variables every build script sets.
const SCRIPT_DIR_VARIABLE = /^(?:\$\{?(?:SCRIPT_?DIR|SCRIPTDIR|SCRIPT_?PATH|DIR|HERE|BASE_?DIR|THIS_?DIR|CURRENT_?DIR)\}?|\$\(\s*dirname\s+["']?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)["']?\s*\))(?=\/)/;
const ROOT_VARIABLE = /^\$\{?(?:ROOT|ROOT_?DIR|REPO_?ROOT|REPO_?DIR|PROJECT_?ROOT|PROJECT_?DIR|TOP_?DIR|GITHUB_WORKSPACE|CI_PROJECT_DIR)\}?(?=\/)/;

function resolveDirectoryVariable(path: string, dir: string): string {
  if (SCRIPT_DIR_VARIABLE.test(path)) return path.replace(SCRIPT_DIR_VARIABLE, dir === '.' ? '.' : dir);
  if (ROOT_VARIABLE.test(path)) return path.replace(ROOT_VARIABLE, '.');
  return path;
}

const TOKEN_CHAR = /[\w.${}/-]/;

/**
 * Every word of a line that names a Dockerfile (`./apps/api/Dockerfile.api`,
 * `Containerfile`): found by `indexOf` and widened over path characters, so a
 * long line costs one pass.
 */
function dockerfileTokens(line: string): string[] {
  const out: string[] = [];
  // Docker reads any file name given to `-f`: `docker/dockerfile`, `builder-go.dockerfile` are Dockerfiles too.
  const lower = line.toLowerCase();
  let from = 0;
  for (;;) {
    const d = lower.indexOf('dockerfile', from);
    const c = lower.indexOf('containerfile', from);
    const at = d < 0 ? c : c < 0 ? d : Math.min(d, c);
    if (at < 0) return out;
    let start = at;
    while (start > 0 && TOKEN_CHAR.test(line[start - 1]!)) start--;
    let end = at + (at === d ? 'Dockerfile'.length : 'Containerfile'.length);
    while (end < line.length && TOKEN_CHAR.test(line[end]!)) end++;
    const token = line.slice(start, end).replace(/\.+$/, '');
    // The capitalised name is a file name wherever it stands; the lower-case word is one only as part of a path
    // (`dockerfile:` is a compose key, "the dockerfile" prose).
    if (/Dockerfile|Containerfile/.test(token) || /[./-]/.test(token)) out.push(token);
    from = end;
  }
}

/** The context argument of `docker build [options] CONTEXT`: the first word that is neither an option nor its value. */
function buildContextArgument(line: string): string | undefined {
  const m = BUILD_COMMAND.exec(line)!;
  const words = line.slice(m.index + m[0].length).split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^(&&|\|\||;|\||\\|#)/.test(w)) return undefined;
    if (OPTION_WITH_VALUE.test(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    return w.replace(/^["']|["';]$/g, '');
  }
  return undefined;
}

export interface DockerfileBuilds {
  /** Roles these builds give Dockerfiles no rule or content decided. */
  roleOverrides: Map<string, RoleInfo>;
  /** The repository's Dockerfiles that CI or scripts build and tag as this image (`org/app:1.2` → `docker/Dockerfile`). */
  dockerfilesForImage(image: string): readonly string[];
  /** The images CI or scripts tag a Dockerfile's build as, as written (`docker/Dockerfile` → `org/app:base`, `ghcr.io/org/app`). */
  imagesOf(dockerfile: string): readonly string[];
  /**
   * The stages production builds of a Dockerfile name (`--target release`, compose `build.target`), lower-cased;
   * `''` for a build of the last stage. Empty when no production build is seen.
   */
  publishedTargets(dockerfile: string): readonly string[];
}

export async function computeBuilds(files: FileSet, roles: FileRoles, deployments: Deployments): Promise<DockerfileBuilds> {
  const dockerfiles = new Set(files.files.map((f) => f.path).filter(isDockerfile));
  const refs = new Map<string, BuildReference[]>();
  const note = (path: string, ref: BuildReference): void => {
    const list = refs.get(path) ?? [];
    if (!list.some((r) => r.how === ref.how)) list.push(ref);
    refs.set(path, list);
  };
  if (dockerfiles.size === 0) return { roleOverrides: new Map(), dockerfilesForImage: () => [], imagesOf: () => [], publishedTargets: () => [] };
  // The stages production builds of each Dockerfile (`--target`, compose `build.target`); `''` is the last stage.
  const targets = new Map<string, Set<string>>();
  const noteTarget = (path: string, named: readonly string[]): void => {
    const set = targets.get(path) ?? new Set<string>();
    for (const t of named.length ? named : ['']) set.add(t);
    targets.set(path, set);
  };

  for (const deployment of deployments.list) {
    for (const service of deployment.services) {
      const path = dockerfileOf(service);
      if (!path) continue;
      const role = roleOfProfiles(service.profiles)?.role ?? deployment.role.role;
      note(path, { how: `service \`${service.name}\` of ${deployment.name}`, role });
      const build = service.config.build;
      const target = typeof build === 'object' && build !== null && typeof (build as { target?: unknown }).target === 'string' ? (build as { target: string }).target.toLowerCase() : undefined;
      if (role === 'production') noteTarget(path, target ? [target] : []);
    }
  }

  const hidden: string[] = [];
  const byImage = new Map<string, string[]>();
  const byDockerfile = new Map<string, string[]>();
  const sources = files.files.map((f) => f.path).filter((p) => BUILD_SOURCES.test(p));
  // Reusable workflows (`on: workflow_call`) that publish: a job calling one publishes what it passes.
  const publishingWorkflows = new Set<string>();
  await mapLimited(sources.filter((p) => p.startsWith('.github/workflows/')), READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (text && /workflow_call/.test(text) && PUBLISHES.test(text)) publishingWorkflows.add(path);
  });
  const perFile = await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text || !/Dockerfile|Containerfile|context|build/i.test(text)) return [];
    const publishing = /(^|\/)(skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|\.goreleaser\.ya?ml)$/.test(path) ? () => true : publishingSections(path, text, publishingWorkflows);
    return referencesIn(path, text, dockerfiles).map((found) => ({ path, found, publishes: publishing(found.line) }));
  });
  // A publishing CI workflow that names no Dockerfile, context or build command builds the root one (`docker build .`'s default),
  // through a reusable workflow or action: the root Dockerfile is what it ships.
  for (const path of sources) {
    if (!/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path) || !dockerfiles.has('Dockerfile')) continue;
    const text = await files.read(path);
    if (!text || !/(build-push|push-image|publish-image|docker-publish)/.test(text) || /Dockerfile|Containerfile|docker\s+build/.test(text)) continue;
    if (roles.of(path).role === 'development' || roles.of(path).role === 'test') continue;
    note('Dockerfile', { how: `${path} (a publishing workflow that names no Dockerfile: the root one)`, role: 'production' });
  }
  for (const { path, found, publishes } of perFile.flat()) {
    const own = roles.of(path).role;
    if (own === 'docs' || own === 'example' || own === 'template') continue;
    // CI and release tooling build what is shipped, when they ship it: a job that builds an image only to run
    // it once (a package builder, a test runner) publishes nothing.
    const role: FileRole = own === 'development' || own === 'test' ? own : publishes ? 'production' : 'tooling';
    for (const p of found.paths) {
      note(p, { how: `${path}:${found.line}`, role });
      for (const image of found.images) {
        byImage.set(imageRepository(image), [...new Set([...(byImage.get(imageRepository(image)) ?? []), p])]);
        byDockerfile.set(p, [...new Set([...(byDockerfile.get(p) ?? []), image])]);
      }
      if (role === 'production') noteTarget(p, found.targets);
    }
    hidden.push(...found.prefixes);
  }

  const roleOverrides = new Map<string, RoleInfo>();
  const anyVisible = refs.size > 0;
  for (const path of dockerfiles) {
    const current = roles.of(path);
    const list = refs.get(path) ?? [];
    const production = list.find((r) => r.role === 'production');
    // Built by a production deployment or a publishing step: that outweighs a folder name (`dev/`, `packaging/`).
    if (production && yieldsToEvidence(current)) {
      roleOverrides.set(path, { role: 'production', reason: `built by ${production.how}`, rule: 'evidence:built-by' });
      continue;
    }
    if (current !== UNKNOWN_ROLE) continue;
    if (list.length) {
      const role = list.some((r) => r.role === 'development') ? 'development' : list[0]!.role;
      roleOverrides.set(path, { role, reason: `built only by ${list.map((r) => `${r.how} (${r.role === 'tooling' ? 'which publishes nothing' : r.role})`).join(', ')}`, rule: 'evidence:built-by-non-production' });
    } else if (anyVisible && posix.dirname(path) !== '.' && !hidden.some((prefix) => path.startsWith(prefix))) {
      // No evidence either way: its role stays unknown (findings at most P1), with the reason said.
      roleOverrides.set(path, {
        role: 'unknown',
        reason: 'nothing in the repository builds it (no compose service, CI workflow, script, skaffold or bake file names it)',
        rule: 'evidence:built-by-nothing',
      });
    }
  }
  return {
    roleOverrides,
    dockerfilesForImage: (image) => byImage.get(imageRepository(image)) ?? [],
    imagesOf: (dockerfile) => byDockerfile.get(dockerfile) ?? [],
    publishedTargets: (dockerfile) => [...(targets.get(dockerfile) ?? [])],
  };
}

/** How a Dockerfile's role follows what builds it, for docs/checks.md. */
export const BUILDS_DOC = [
  '### What builds a Dockerfile',
  '',
  'A Dockerfile takes its role from what builds it:',
  '',
  '- **Built by a production deployment or a publishing step**: production, even in a folder the path table calls development, tooling or examples. References are read from compose services (`build:` with its `context`/`dockerfile`, under the service\'s deployment and profile), and by a line scan of CI workflows (GitHub, GitLab, CircleCI, Azure, Cloud Build, Bitbucket, Drone, Woodpecker, Jenkinsfile), shell scripts, Makefiles, justfiles, Taskfiles, `package.json`, skaffold, `docker-bake` and Earthfiles: Dockerfile paths (relative to the build context written next to them), `context:` keys, and the context argument of `docker build`; `$SCRIPT_DIR/`, `$(dirname "$0")/` and `$REPO_ROOT/`-style prefixes are resolved. A CI workflow or script counts as publishing when it pushes (`push: true`, `docker push`, `--push`, bake, goreleaser, a registry login) or deploys (kubectl, helm, `gcloud run deploy`, `fly deploy`, skaffold, `compose up`); one that only builds an image to run it once (a package builder) gives the Dockerfile no production role. README and docs pages are not read here (they show how one could build).',
  '- **Built only by development or test deployments**, or by services that run only in a `dev`/`test`/`deprecated` profile: that role (so at most P2).',
  '- **The other way round**: a compose file nothing else decided that runs, without `build:`, an image a publishing step pushes (`image: ghcr.io/org/app:latest` beside the workflow that pushes `ghcr.io/org/app`) is the stack operators run: production (`evidence:runs-published-image`).',
  '- **Built by nothing**, when the repository shows how it builds its images and no reference hides its path behind a variable: `unknown`, with that reason (at most P1).',
  '',
  'A compose deployment that builds from source the services another production deployment of the repository runs from published images (at least two of them, and at least half of those it builds) is that deployment\'s local build: development.',
].join('\n');

/** The image repositories the repository's publishing builds push (`ghcr.io/org/app`), each with the Dockerfile it is built from. */
export function publishedRepositories(builds: DockerfileBuilds): Map<string, string> {
  const published = new Map<string, string>();
  for (const [dockerfile, info] of builds.roleOverrides) {
    if (info.role !== 'production') continue;
    for (const image of builds.imagesOf(dockerfile)) {
      const repo = imageRepository(image);
      // A registry or organisation written as a variable names no image anyone pulls.
      if (repo && !repo.includes('$') && !published.has(repo)) published.set(repo, dockerfile);
    }
  }
  return published;
}

/**
 * Compose files nothing else decided that run, from its published image, an image the repository's own publishing
 * builds push (`image: ghcr.io/claperco/claper:latest` beside the workflow that pushes ghcr.io/claperco/claper): the
 * compose file operators run, since a development stack builds the application from source
 * (`evidence:runs-published-image`). Only a service that names the image without a `build:` counts.
 */
export function publishedImageDeployments(deployments: Deployments, builds: DockerfileBuilds, roles: FileRoles): Map<string, RoleInfo> {
  const published = publishedRepositories(builds);
  const out = new Map<string, RoleInfo>();
  if (!published.size) return out;
  for (const deployment of deployments.list) {
    if (deployment.files.length !== 1 || deployment.role.role !== 'unknown') continue;
    const path = deployment.files[0]!;
    if (roles.of(path).role !== 'unknown' || out.has(path)) continue;
    for (const service of deployment.services) {
      const image = typeof service.config.image === 'string' ? service.config.image : undefined;
      if (!image || service.config.build !== undefined || image.includes('$')) continue;
      const dockerfile = published.get(imageRepository(image));
      if (!dockerfile) continue;
      out.set(path, { role: 'production', reason: `service \`${service.name}\` runs ${image}, the image the repository publishes from ${dockerfile}: the stack operators run`, rule: 'evidence:runs-published-image' });
      break;
    }
  }
  return out;
}
