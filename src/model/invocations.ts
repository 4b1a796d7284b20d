// Invocations: every place the repository says how its deployment files are
// run, applied, installed or fetched. One fact, computed once per audit by a
// line scan of READMEs and docs, scripts, Makefiles and task files, CI
// workflows and package scripts (nothing is executed):
//
// - `docker compose [-f FILE]... up|run|create|start|pull`, `docker stack deploy -c FILE`
//   (a bare `docker compose up` runs the default compose file of its directory);
// - `kubectl apply|create|replace -f PATH|-k DIR`;
// - `helm install|upgrade [--install] NAME CHART [-f VALUES]`;
// - downloads into place: `curl -o FILE URL`, `curl -O URL`, `wget -O FILE URL`, `wget URL`
//   (the repository file the URL's path ends with);
// - copies into place: `cp SOURCE compose.yml` (an example compose file made the deployment),
//   `cp .env.example .env` (an env template made the env file the deployment runs with).
//
// Each invocation carries the context it is written in, which decides what it
// proves: a README section headed "Deploy", a Makefile target `prod`, a
// release workflow say production; a section headed "Development", a target
// `dev-db`, a test workflow say development or test.

import { posix } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { isComposeFile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';

/** `unspecified`: nothing around the command says what it is for; it proves nothing either way. */
export type InvocationContext = 'production' | 'development' | 'test' | 'example' | 'unspecified';

export interface Invocation {
  /**
   * `written-compose`: a docs page writes out a compose file in a code block for the reader to save and run; its
   * target is the page, and `line` the block's opening fence. The page keeps its own role: the deployment it
   * writes is judged (model/deployments.ts), not the page's other text.
   */
  kind: 'compose' | 'kubectl' | 'helm' | 'download' | 'copy' | 'written-compose' | 'docker-run';
  /** Repository files the command runs, applies, installs or fetches (none for `docker-run`). */
  targets: string[];
  /** `docker-run`: the image a `docker run`/`podman run` starts, as written. */
  image?: string;
  /** Where it is written. */
  source: string;
  line: number;
  context: InvocationContext;
  /** Why that context: `under the heading "Deploy with Docker"`, `Makefile target dev-up`. */
  contextWhy: string;
  /**
   * The context comes from an enclosing section only (the command's own section says nothing): it decides for
   * files nothing else decided, and does not outweigh a file's own name (`docker/development/compose.yml`).
   */
  inherited?: boolean;
}

const SOURCES =
  /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[^/]+\.(sh|bash|zsh|ps1)|package\.json|Procfile[\w.-]*|README[\w.-]*|INSTALL[\w.-]*|[^/]+\.(md|mdx|rst|txt|adoc))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;
const MAX_SOURCES = 600;
const MAX_LINE = 2000;
/** Cheap text test before a file is split into lines. */
const MENTIONS = /compose|kubectl|helm\s|curl|wget|\bcp\s|\b(docker|podman)\s+(container\s+)?run\b/;

// A yaml code block that defines compose services: a docs page's own compose file, or a snippet to add to one.
const INLINE_COMPOSE = /^\s*```\s*ya?ml[^\n]*\n(?:[ \t]*#[^\n]*\n|[ \t]*\n|[ \t]*(?:name|version)\s*:[^\n]*\n){0,10}[ \t]*services\s*:\s*$/gm;

/**
 * The compose files a page writes out for the reader to create ("Create the `docker-compose.yml`", then a yaml
 * block of services), not snippets to add to the repository's file ("Add to `docker-compose.yaml`"): the
 * 0-based line of each block's opening fence.
 */
function composeBlocksWritten(text: string): number[] {
  const out: number[] = [];
  let line = 0;
  let counted = 0;
  const body = text.slice(0, 500_000);
  for (const m of body.matchAll(INLINE_COMPOSE)) {
    // The prose before the block: MDX components and HTML tags between it and the block (a file tree, a callout's
    // tags) are layout, not what the page says.
    const before = body.slice(Math.max(0, m.index - 600), m.index).split('\n').filter((l) => l.trim() && !/^\s*<\/?[A-Za-z][\w.]*[^>]*>\s*$/.test(l)).slice(-3).join(' ');
    if (!/\b(creat\w*|sav(e|ing)|writ(e|ing)|cop(y|ying)|past(e|ing)|new)\b/i.test(before) || /\b(add|append|extend|override|merge|update)\b/i.test(before)) continue;
    // The match may start with the blank lines before the fence (`^\s*` spans newlines): the fence is the first line with text.
    const start = m.index + (/^\s*\n/.exec(m[0])?.[0].length ?? 0);
    for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
    counted = start;
    out.push(line);
  }
  return out;
}
const COMPOSE_COMMAND = /\b(?:docker[ -]compose|podman[ -]compose|docker\s+stack\s+deploy)\b/;
// "Update your `docker-compose.yml`:", "in your compose file": the reader keeps a compose file of their own.
const READERS_COMPOSE = /\byour\s+[`'"]?(?:(?:docker-)?compose(?:\.ya?ml)?|compose\s+file)\b/i;
const COMPOSE_RUNS = /\b(up|run|create|start|pull|deploy|restart)\b/;
const COMPOSE_FILE_OPTION = /(?:^|\s)(?:-f|--file|-c|--compose-file)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
const KUBECTL_APPLY = /\bkubectl\b[^\n]{0,200}?\s(apply|create|replace)\b/;
const KUBECTL_FILE = /(?:^|\s)(?:-f|--filename|-k|--kustomize)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
const HELM_INSTALL = /\bhelm\s+(?:upgrade\s+--install|upgrade\s+-i|install|upgrade|template)\b/;
const HELM_VALUES = /(?:^|\s)(?:-f|--values)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
const DOWNLOAD = /\b(curl|wget)\b/;
const URL = /https?:\/\/[^\s"'`<>)]+/g;
const CURL_OUTPUT = /(?:^|\s)(?:-o|--output)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/;
const WGET_OUTPUT = /(?:^|\s)(?:-O|--output-document)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/;
const COPY = /\b(?:cp|mv|install)\s+(?:-\w+\s+)*(["']?)([^\s"'`;|&()<>]+)\1\s+(["']?)([^\s"'`;|&()<>]+)\3/;
// An env file by its name: `.env`, `.env.example`, `example.env`, `plane.env`.
const ENV_FILE = /^\.env([.-][\w.-]+)?$|^[\w.-]+\.env(\.[\w-]+)?$|^env\.(example|sample|template)$/i;
const ENV_TEMPLATE_NAME = /(example|sample|template|tpl|dist|defaults)$/i;
const DOCKER_RUN = /\b(?:docker|podman)\s+(?:container\s+)?run(?=\s)/;
// `docker run` options that take a value (`-p 80:80`, `--name x`); any other option is a flag, and `--opt=value` one token.
const RUN_VALUE_OPTIONS = new Set([
  '-p', '--publish', '-v', '--volume', '-e', '--env', '--name', '--network', '--net', '--restart', '-w', '--workdir', '-u', '--user', '--platform',
  '--mount', '-l', '--label', '--add-host', '--cap-add', '--cap-drop', '--env-file', '--entrypoint', '-h', '--hostname', '-m', '--memory', '--cpus',
  '--device', '--log-driver', '--log-opt', '--gpus', '--pull', '--expose', '--link', '--ulimit', '--shm-size', '--security-opt', '--tmpfs',
  '--dns', '--ip', '--stop-signal', '--health-cmd', '--health-interval', '--volumes-from', '--pid', '--ipc', '--userns', '--cgroupns',
  '--sysctl', '--label-file', '--memory-swap', '--cpuset-cpus', '--runtime', '--mac-address', '--network-alias', '--group-add', '--stop-timeout',
]);
const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?$/;

/** The image a `docker run` starts: its first argument that is not an option or an option's value; none for a throwaway `--rm` run. */
export function imageOfRun(rest: string): string | undefined {
  const words = rest.trim().split(/\s+/).slice(0, 80);
  // `--rm` with no volume: a container removed when it stops, keeping nothing (a try-out): no deployment. With the
  // deployment's volumes (`--rm -v app-data:/data app --reconfigure`) it is an operation on the installed data.
  let removed = false;
  let volume = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^["']|["']$/g, '');
    if (!w || /^(&&|\|\||;|\||>|#)/.test(w)) return undefined;
    if (w.startsWith('-')) {
      removed ||= w === '--rm';
      volume ||= /^(-v|--volume|--mount)(=|$)/.test(w);
      if (!w.includes('=') && RUN_VALUE_OPTIONS.has(w)) i++;
      continue;
    }
    return !(removed && !volume) && IMAGE_REFERENCE.test(w) && !/[$<{]/.test(w) ? w : undefined;
  }
  return undefined;
}

/** A comment, or a command that only shows or edits a file: it runs nothing a `cd` before it would be for. */
const INERT_LINE = /^\s*(\/\/|#(?!#)|(\$\s*)?(cat|ls|less|more|head|tail|vi|vim|nano|code|edit|echo)\b)/;
const CD = /(?:^\s*(?:\$\s*)?|[;&|]\s*)cd\s+(["']?)([^\s"'`;|&()<>]+)\1/;

// Words that say what a section, target, job or script is for.
// Also in Chinese, the language of many self-hosted projects' own docs ("Docker Compose 快速部署", quick deploy):
// word boundaries do not apply to CJK, so those words stand alone.
const DEV_WORDS = /\b(dev|devel|develop|development|developing|developers?|contribut\w*|local(ly)?|hack\w*|debug\w*|watch|hot[- ]?reload|sandbox|from source|build(ing)? (it |the image |an image |image )?yourself)\b|开发|本地|调试/i;
const TEST_WORDS = /\b(tests?|testing|e2e|ci|integration|smoke|lint|check|verify|benchmarks?|perf)\b|测试/i;
const EXAMPLE_WORDS = /\b(examples?|samples?|demos?|community|unsupported|third[- ]party)\b|示例|样例|演示/i;
const PROD_WORDS = /\b(prod|production|deploy\w*|release|publish|install\w*|self[- ]?host\w*|hosting|quick[- ]?start|getting started|get started|setup|set up|upgrad\w*|operat\w*|server)\b|部署|安装|生产|上线/i;

const CI_FILE = /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/;
// Top-level keys of .gitlab-ci.yml that are settings, not jobs.
const GITLAB_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages']);
// What a CI job is for by its name, stage or environment: a deploy job's compose file is what production runs.
const DEPLOY_JOB = /\b(deploy\w*|release|publish|prod|production)\b/i;

/** A cluster a CI job creates for itself: helm/kind-action, `kind create cluster`, minikube, k3d. */
const THROWAWAY_CLUSTER = /\bhelm\/kind-action\b|\bkind\s+create\s+cluster\b|\bmedyagh\/setup-minikube\b|\bminikube\s+start\b|\bk3d\s+cluster\s+create\b|\bAbsaOSS\/k3d-action\b|\bnolar\/setup-k3d-k3s\b/;

/** The context a file as a whole gives its commands, by its path. */
function contextOfSource(path: string): { context?: InvocationContext; why: string } {
  const name = posix.basename(path);
  if (
    /(^|\/)(CONTRIBUTING|DEVELOPMENT|DEVELOPING|HACKING|AGENTS|CLAUDE|GEMINI)[\w.-]*$|(^|\/)copilot-instructions\.md$/i.test(path) ||
    /(^|\/)([\w.]+[-_])?(dev|develop|development|developers?|contributing|contributors?|hacking|developer[-_]?guide|\.devcontainer)([-_][\w.]+)?\//i.test(path)
  ) {
    return { context: 'development', why: `${path} is for contributors` };
  }
  if (CI_FILE.test(path)) {
    if (PROD_WORDS.test(name.replace(/[-_.]/g, ' ')) && /deploy|release|publish|prod/i.test(name)) return { context: 'production', why: `the ${name} workflow deploys` };
    return { context: 'test', why: `the ${name} workflow (CI)` };
  }
  // A script's folder says what it is for too (`install/set-up-database.sh`).
  const words = path.replace(/\.(sh|bash|zsh|ps1)$/, '').replace(/[-_./]/g, ' ');
  if (/\.(sh|bash|zsh|ps1)$/.test(name)) {
    if (TEST_WORDS.test(words)) return { context: 'test', why: `script ${name}` };
    if (DEV_WORDS.test(words)) return { context: 'development', why: `script ${name}` };
    if (/deploy|prod|release|install|upgrade/i.test(words)) return { context: 'production', why: `script ${name}` };
  }
  return { why: path };
}

/**
 * What encloses each line, in one forward pass: the markdown heading above it
 * (outside code fences), the Makefile or justfile target it belongs to, the
 * package script it is the value of. Undefined where nothing does.
 */
/**
 * For each line inside a markdown code fence, the sentence that introduces
 * the fence (the last prose line before it): "Get it running locally:".
 */
function introsOf(lines: readonly string[], path: string): Array<string | undefined> {
  const out: Array<string | undefined> = new Array(lines.length);
  if (/(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path)) return makeIntros(lines, out);
  if (!/\.(md|mdx|rst|txt|adoc)$|README|INSTALL/i.test(path)) return out;
  let fenced = false;
  let intro: string | undefined;
  let last: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 300).trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      intro = fenced ? last : undefined;
    } else if (!fenced && line && !line.startsWith('#')) last = line;
    else if (!fenced && line.startsWith('#')) last = undefined;
    out[i] = fenced ? intro : undefined;
  }
  return out;
}

/**
 * A Makefile's recipes are introduced by the comments written between the previous recipe and their target: a
 * banner ("The following commands are for local development use only", Attendize, round 13) and the target's own
 * comment ("run containers for local development").
 */
function makeIntros(lines: readonly string[], out: Array<string | undefined>): Array<string | undefined> {
  let comments: string[] = [];
  let intro: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 300);
    if (/^\s*#/.test(line)) comments.push(line.replace(/^\s*#+\s?/, '').trim());
    else if (/^[\w.%/-]+(\s+[\w.%/-]+)*\s*:(?!=)/.test(line)) {
      intro = comments.filter(Boolean).join(' ') || undefined;
      comments = [];
    } else if (line.trim() === '' && !comments.length) continue;
    out[i] = intro;
  }
  return out;
}

/**
 * For each line of a markdown page, the headings that enclose its own, nearest first ("Running the app locally"
 * above "Running the app"); undefined elsewhere. One forward pass with a stack of heading levels.
 */
function parentHeadingsOf(lines: readonly string[], path: string): Array<string[] | undefined> {
  const out: Array<string[] | undefined> = new Array(lines.length);
  if (!/\.(md|mdx|markdown)$|README/i.test(path)) return out;
  const stack: Array<{ level: number; text: string }> = [];
  let fenced = false;
  let parents: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 300);
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const heading = /^\s{0,3}(#{1,6})\s+(.+)$/.exec(line);
      if (heading) {
        const level = heading[1]!.length;
        while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
        parents = stack.map((h) => h.text).reverse();
        stack.push({ level, text: heading[2]!.trim() });
      }
    }
    out[i] = parents.length ? parents : undefined;
  }
  return out;
}

function labelsOf(lines: readonly string[], path: string): Array<string | undefined> {
  const markdown = /\.(md|mdx|rst|txt|adoc)$|README|INSTALL/i.test(path);
  const make = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path);
  const pkg = /(^|\/)package\.json$/.test(path);
  const ci = CI_FILE.test(path);
  const gitlab = /(^|\/)\.gitlab-ci\.ya?ml$/.test(path);
  const out: Array<string | undefined> = new Array(lines.length);
  if (!markdown && !make && !pkg && !ci) return out;
  let label: string | undefined;
  let fenced = false;
  let inJobs = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 300);
    if (ci) {
      // A CI job: its name, then its stage and environment (`deploy:`, `stage: deploy`, `environment: production`).
      const top = /^([.\w][\w.-]*)\s*:/.exec(line);
      if (top) inJobs = top[1] === 'jobs';
      const job = gitlab ? (top && !GITLAB_KEYWORDS.has(top[1]!) ? top[1] : undefined) : inJobs ? /^ {2}([\w-]+)\s*:\s*$/.exec(line)?.[1] : undefined;
      if (job) label = job;
      else if (top) label = undefined;
      // The job's own keys only (GitLab's at 2 spaces, a GitHub job's at 4), not a step's `name:`.
      const more = (gitlab ? /^ {2}(?:stage|environment):\s*["']?([\w ./-]+)/ : /^ {4}(?:environment|name):\s*["']?([\w ./-]+)/).exec(line);
      if (more && label !== undefined && label.length < 200) label = `${label} ${more[1]!.trim()}`;
    } else if (markdown) {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced) {
        const heading = /^\s{0,3}#{1,6}\s+(.+)$/.exec(line);
        if (heading) label = heading[1]!.trim();
        // reStructuredText and setext headings: a line of ===, --- or ~~~ under the title.
        else if (i > 0 && /^(={3,}|-{3,}|~{3,})\s*$/.test(line) && lines[i - 1]!.trim()) label = lines[i - 1]!.trim().slice(0, 300);
      }
    } else if (make) {
      const target = /^([\w./%-]+)\s*:(?!=)/.exec(line);
      if (target) label = target[1];
    } else {
      const script = /^\s*"([^"]+)"\s*:/.exec(line);
      if (script) label = script[1];
    }
    out[i] = label;
  }
  return out;
}

// Production words that only say "how to get it running": a section of a development guide uses them too.
const WEAK_PROD_WORDS = /\b(install\w*|quick[- ]?start|getting started|get started|setup|set up|server|running|run)\b/i;
const STRONG_PROD_WORDS = /\b(prod|production|deploy\w*|release|publish|self[- ]?host\w*|hosting|upgrad\w*)\b|部署|生产|上线/i;

/**
 * The context of a command under `label`, within the sections `parents` (nearest first): a section that says
 * nothing takes its enclosing section's word, and one that only says how to get it running ("Getting Started",
 * "Docker Setup") takes a development or test word of an enclosing section ("Local Development with Docker").
 */
function contextInSections(label: string | undefined, parents: readonly string[] | undefined, path: string, command: string, intro?: string): { context: InvocationContext; why: string; inherited?: boolean } {
  const own = contextOf(label, path, command, intro);
  if (!parents?.length || CI_FILE.test(path)) return own;
  const weak = own.context === 'production' && label !== undefined && !STRONG_PROD_WORDS.test(label.replace(/[-_./:]/g, ' ')) && WEAK_PROD_WORDS.test(label.replace(/[-_./:]/g, ' '));
  if (own.context !== 'unspecified' && !weak) return own;
  for (const parent of parents) {
    const words = parent.replace(/[-_./:]/g, ' ');
    const narrow = TEST_WORDS.test(words) && !PROD_WORDS.test(words) ? 'test' : DEV_WORDS.test(words) ? 'development' : undefined;
    if (narrow) return { context: narrow, why: `under "${(label ?? '').slice(0, 60)}" within "${parent.slice(0, 60)}"` };
    if (own.context === 'unspecified') {
      const inherited = contextOf(parent, path, command);
      if (inherited.context !== 'unspecified' && inherited.why !== own.why) return { context: inherited.context, why: `under "${(label ?? '').slice(0, 60)}" within "${parent.slice(0, 60)}"`, inherited: true };
    }
  }
  return own;
}

function contextOf(label: string | undefined, path: string, command: string, intro?: string): { context: InvocationContext; why: string } {
  const file = contextOfSource(path);
  // A CI job's name only says more when it deploys; otherwise the workflow's own name decides, as before jobs were read.
  if (CI_FILE.test(path)) {
    const words = (label ?? '').replace(/[-_./:]/g, ' ');
    if (DEPLOY_JOB.test(words) && !TEST_WORDS.test(words)) return { context: 'production', why: `the job "${label!.slice(0, 80)}" of ${path} deploys` };
    return { context: file.context ?? 'unspecified', why: file.why };
  }
  if (file.context === 'development' || file.context === 'test') return { context: file.context, why: file.why };
  if (/--profile[\s=]+["']?(dev|debug|local|test)/i.test(command)) return { context: 'development', why: 'run with a development profile' };
  // The sentence that introduces the command ("Get it running locally:", "To run the tests:") narrows its section.
  if (intro !== undefined) {
    const words = intro.replace(/[-_./:]/g, ' ');
    if (TEST_WORDS.test(words) && !PROD_WORDS.test(words)) return { context: 'test', why: `introduced by "${intro.slice(0, 80)}"` };
    if (DEV_WORDS.test(words)) return { context: 'development', why: `introduced by "${intro.slice(0, 80)}"` };
  }
  if (label !== undefined) {
    const words = label.replace(/[-_./:]/g, ' ');
    // A heading of both kinds ("Deploy for local development") is development: the narrower word wins.
    if (TEST_WORDS.test(words) && !PROD_WORDS.test(words)) return { context: 'test', why: `under "${label.slice(0, 80)}"` };
    if (DEV_WORDS.test(words)) return { context: 'development', why: `under "${label.slice(0, 80)}"` };
    if (TEST_WORDS.test(words)) return { context: 'test', why: `under "${label.slice(0, 80)}"` };
    if (EXAMPLE_WORDS.test(words)) return { context: 'example', why: `under "${label.slice(0, 80)}"` };
    if (PROD_WORDS.test(words)) return { context: 'production', why: `under "${label.slice(0, 80)}"` };
  }
  return { context: file.context ?? 'unspecified', why: file.why };
}

const DISCONTINUED = /\b(no longer (developed|maintained|supported)|not (developed|maintained|supported) any ?more|discontinued|unmaintained|obsolete|historical setup|deprecated setup)\b/i;

/** `compose.yaml`, `compose.yml`, `docker-compose.yaml`, `docker-compose.yml`: what a bare `docker compose up` reads. */
const DEFAULT_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

// Release notes say what changed once, not how to deploy today.
const HISTORY = /(^|\/)(CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE[-_]?NOTES)[\w.-]*$|(^|\/)(changelogs?|release[-_]?notes)\//i;

// `dc="docker compose --env-file .env.custom"`, `dc="$dc_base --ansi never"`: a shell variable that holds the compose command.
const COMPOSE_VARIABLE = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=["']?(?:docker[ -]compose\b|podman[ -]compose\b|\$\{?([A-Za-z_]\w*)\}?)/gm;

/** The names of shell variables that hold the compose command, across every script (they are set in one and used in another). */
function composeVariables(texts: ReadonlyArray<{ path: string; text: string }>): Set<string> {
  const direct = new Set<string>();
  const aliases: Array<[string, string]> = [];
  for (const { path, text } of texts) {
    if (!/\.(sh|bash|zsh)$|(^|\/)(Makefile|[\w.-]+\.mk)$/.test(path)) continue;
    for (const m of text.matchAll(COMPOSE_VARIABLE)) {
      if (m[2]) aliases.push([m[1]!, m[2]]);
      else direct.add(m[1]!);
    }
  }
  // `dc="$dc_base ..."` where dc_base holds it: follow the aliases a few rounds.
  for (let round = 0; round < 3; round++) for (const [name, from] of aliases) if (direct.has(from)) direct.add(name);
  return direct;
}

export async function findInvocations(files: FileSet): Promise<Invocation[]> {
  const sources = files.files.map((f) => f.path).filter((p) => SOURCES.test(p) && !HISTORY.test(p)).slice(0, MAX_SOURCES);
  const texts = (
    await mapLimited(sources, READ_CONCURRENCY, async (path) => {
      const text = await files.read(path);
      return text && (MENTIONS.test(text) || /\$\{?\w+\}?\s+(up|pull|run)\b/.test(text)) ? { path, text } : undefined;
    })
  ).filter((t): t is { path: string; text: string } => t !== undefined);
  const variables = composeVariables(texts);
  const found = texts.flatMap(({ path, text }) => invocationsIn(path, text, files, variables));
  // Scripts a CI workflow runs that say nothing of their own purpose (`cd docker/regtest && ./start-regtest`, no
  // extension, no telling name): what they run takes the workflow's context, a test harness's compose file included.
  // Two hops: the script the workflow runs, and the scripts it sources or runs in turn (`source docker-scripts.sh`).
  const scanned = new Map(texts.map((t) => [t.path, t.text]));
  const called = new Map<string, { context: InvocationContext; why: string }>();
  // The texts of called scripts the first pass did not read (no extension, or no compose word): read once, here.
  const bodies = new Map<string, string>();
  let frontier: Array<{ path: string; text: string; why: string }> = [];
  // Every test workflow, whether or not it names a compose file itself.
  for (const path of sources) {
    if (!CI_FILE.test(path) || contextOfSource(path).context !== 'test') continue;
    const text = scanned.get(path) ?? (await files.read(path)) ?? '';
    frontier.push({ path, text, why: `run by the ${posix.basename(path)} workflow (CI)` });
  }
  for (let hop = 0; hop < 2 && frontier.length; hop++) {
    const next: typeof frontier = [];
    for (const { path, text, why } of frontier) {
      for (const script of scriptsRun(text, files, CI_FILE.test(path) ? '' : posix.dirname(path))) {
        if (called.has(script) || called.size >= 50 || contextOfSource(script).context !== undefined) continue;
        called.set(script, { context: 'test', why: hop === 0 ? why : `${why}, through ${path}` });
        let body = scanned.get(script);
        if (body === undefined) bodies.set(script, (body = (await files.read(script)) ?? ''));
        next.push({ path: script, text: body, why: called.get(script)!.why });
      }
    }
    frontier = next;
  }
  const inherit = (inv: Invocation): Invocation => {
    const from = inv.context === 'unspecified' ? called.get(inv.source) : undefined;
    return from ? { ...inv, context: from.context, contextWhy: from.why } : inv;
  };
  const extra = [...bodies].flatMap(([path, text]) => (MENTIONS.test(text) ? invocationsIn(path, text, files, variables) : []));
  return [...found, ...extra].map(inherit);
}

// `./start-regtest`, `bash scripts/e2e`, `source $(pwd)/docker-scripts.sh` at the start of a command.
const SCRIPT_RUN = /(?:^|[;&|]\s*)(?:(?:ba|z)?sh\s+|source\s+|\.\s+)?(?:\$\(pwd\)\/|\$\{?PWD\}?\/)?(\.{0,2}\/[\w./-]+|[\w-]+\/[\w./-]+|[\w-]+\.(?:sh|bash))(?=\s|$)/;

/**
 * Repository files run lines execute or source, resolved against the `cd` before them in the same step (a
 * workflow) or against the script's own folder (`dir`).
 */
function scriptsRun(text: string, files: Pick<FileSet, 'has'>, dir = ''): string[] {
  const out: string[] = [];
  let cwd = dir;
  for (const raw of text.split('\n').slice(0, 5000)) {
    const line = raw.slice(0, 500);
    if (!dir && /^\s*-\s/.test(line)) cwd = '';
    const cd = CD.exec(line);
    if (cd) cwd = posix.join(dir, cd[2]!.replace(/^\.\//, ''));
    const m = SCRIPT_RUN.exec(line.replace(/^\s*(?:-\s*)?(?:run:\s*[|>]?\s*)?/, ''));
    if (!m) continue;
    for (const base of [cwd, '']) {
      const candidate = posix.normalize(posix.join(base, m[1]!)).replace(/^\.\//, '');
      if (!candidate.startsWith('..') && files.has(candidate)) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

/** The invocations written in one file (pure but for `files.has`); `composeVariables`: shell variables holding the compose command. */
export function invocationsIn(path: string, text: string, files: Pick<FileSet, 'has' | 'files'>, composeVariables: ReadonlySet<string> = new Set()): Invocation[] {
  const out: Invocation[] = [];
  const variableUse = composeVariables.size ? new RegExp(`\\$\\{?(${[...composeVariables].join('|')})\\}?(?=\\s)`, 'g') : undefined;
  const lines = text.split('\n');
  const labels = labelsOf(lines, path);
  const parents = parentHeadingsOf(lines, path);
  const intros = introsOf(lines, path);
  // A document that opens by saying what it describes is discontinued ("ToroDB is not developed anymore", a
  // deprecated setup kept for history) describes no deployment anyone should run today.
  const discontinued = /\.(md|mdx|rst|txt|adoc)$|README/i.test(path) ? DISCONTINUED.exec(lines.filter((l) => l.trim()).slice(0, 15).join('\n').slice(0, 3000))?.[0] : undefined;
  /** On a discontinued page, a step that would be production (or says nothing) is an example. */
  const unlessDiscontinued = (c: { context: InvocationContext; why: string }): { context: InvocationContext; why: string } =>
    discontinued && (c.context === 'unspecified' || c.context === 'production') ? { context: 'example', why: `the document opens by saying it is discontinued ("${discontinued}")` } : c;
  const dir = posix.dirname(path);
  const throwaway = CI_FILE.test(path) ? THROWAWAY_CLUSTER.exec(text)?.[0] : undefined;
  const written = /\.(md|mdx)$/i.test(path) ? composeBlocksWritten(text) : [];
  // A page that writes its own compose file, or edits "your docker-compose.yml", runs the reader's file.
  const inlineCompose = written.length > 0 || (/\.(md|mdx|rst|adoc)$/i.test(path) && READERS_COMPOSE.test(text.slice(0, 500_000)));
  // The working directory a block of commands runs in: the file's own directory, or the last `cd` before it.
  let cwd: string | undefined;
  let cwdLine = -1;
  let cwdAlone = false;
  let blockLines = 0;
  /** `written`, against the `cd` folder, the file's own folder and the root: the first path `exists` accepts. */
  const resolveAs = (written: string, exists: (path: string) => boolean): string | undefined => {
    if (/^[a-z]+:\/\//i.test(written) || /[$%{}*]/.test(written) || written === '-') return undefined;
    for (const base of [cwd !== undefined ? posix.join(dir, cwd) : undefined, cwd, dir, '.']) {
      if (base === undefined) continue;
      const clean = posix.normalize(posix.join(base, written)).replace(/\/+$/, '');
      if (!clean.startsWith('..') && exists(clean)) return clean;
    }
    return undefined;
  };
  const resolve = (written: string): string | undefined => resolveAs(written, (path) => files.has(path));
  const resolveDir = (written: string): string | undefined =>
    resolveAs(written, (path) => {
      const prefix = path === '.' ? '' : `${path}/`;
      return files.files.some((f) => f.path.startsWith(prefix));
    });
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.length > MAX_LINE ? lines[i]!.slice(0, MAX_LINE) : lines[i]!;
    // Shell and Makefile continuations: `docker compose \` / `  -f a.yml \`.
    let j = i;
    while (/\\\s*$/.test(line) && j + 1 < lines.length && j - i < 10) {
      j++;
      line = `${line.replace(/\\\s*$/, ' ')}${lines[j]!.slice(0, MAX_LINE)}`;
    }
    // A `cd` holds for its code block, its Makefile target or section, and at most 30 lines; a `cd` alone in its
    // code block (a docs step "```sh\ncd server\n```" before "```sh\ndocker compose up -d\n```") holds for the
    // blocks that follow it in the section.
    const fence = /^\s*```/.test(line);
    if ((fence && !cwdAlone) || (i > 0 && labels[i] !== labels[i - 1]) || (i - cwdLine > 30 && cwd !== undefined)) {
      cwd = undefined;
      cwdAlone = false;
    }
    // Comments and commands that only look at or edit files (`cat .env`, `vi .env`) leave a `cd` alone in its block.
    const inert = INERT_LINE.test(line);
    if (fence) blockLines = 0;
    else if (line.trim() && !inert && cwdAlone && i > cwdLine && blockLines > 0) cwdAlone = false;
    else if (line.trim() && !inert) blockLines++;
    const cd = CD.exec(line);
    if (cd) {
      cwd = cd[2]!.replace(/^\.\//, '');
      cwdLine = i;
      cwdAlone = blockLines === 1 && /^\s*(\$\s*)?cd\s+\S+\s*$/.test(line);
    }
    const add = (kind: Invocation['kind'], targets: string[], inPlace = true): void => {
      if (!targets.length) return;
      const named = contextInSections(labels[i], parents[i], path, line, intros[i]);
      // A CI workflow that creates the cluster it deploys to (kind, minikube, k3d) tests the deployment; it deploys
      // nothing anyone uses (spring-petclinic's deploy-and-test-cluster.yml).
      const own = named.context === 'production' && throwaway ? { context: 'test' as const, why: `${named.why}, to a throwaway cluster the workflow creates (${throwaway})` } : named;
      const found = unlessDiscontinued(own);
      // Fetching or copying a deployment file into place is an install step whatever its section says.
      // ("Copy our sample compose file" describes the file, not what it is for.) Not so for an env template:
      // every contributor guide copies one too, so only a section or script that says production counts.
      const { context, why } = inPlace && !discontinued && (found.context === 'unspecified' || found.context === 'example') && (kind === 'download' || kind === 'copy') ? { context: 'production' as const, why: `${found.why}: fetched into place` } : found;
      out.push({ kind, targets: [...new Set(targets)], source: path, line: i + 1, context, contextWhy: why, ...(named.inherited && context === named.context ? { inherited: true } : {}) });
    };
    if (variableUse && !/^\s*(?:export\s+|local\s+)?\w+=/.test(line)) line = line.replace(variableUse, 'docker compose');
    const compose = COMPOSE_COMMAND.exec(line);
    if (compose) {
      const rest = line.slice(compose.index);
      const named = [...rest.matchAll(COMPOSE_FILE_OPTION)].map((m) => m[2]!);
      // `logs -f web` follows logs: `-f` before a compose file name only.
      const files_ = named.filter((n) => /\.ya?ml$/i.test(n)).map(resolve).filter((p): p is string => p !== undefined);
      if (COMPOSE_RUNS.test(rest) || /stack\s+deploy/.test(rest)) {
        if (files_.length) add('compose', files_);
        else if (!named.some((n) => /\.ya?ml$/i.test(n))) {
          // Run from the folder a `cd` names, else the file's own folder, else the root (scripts in `install/` run from there).
          // A page that writes its own compose file out in a code block (`services:` under a yaml fence) runs the
          // file the reader made from it, not one of the repository's: only a `cd` into the repository says otherwise.
          const bases = cwd !== undefined ? [resolveDir(cwd)] : inlineCompose ? [] : [dir, '.'];
          const found = bases.flatMap((base) => (base === undefined ? [] : DEFAULT_COMPOSE_NAMES.map((n) => (base === '.' ? n : `${base}/${n}`)))).find((p) => files.has(p));
          if (found) add('compose', [found]);
        }
      }
    }
    const run = DOCKER_RUN.exec(line);
    if (run) {
      const image = imageOfRun(line.slice(run.index + run[0].length));
      if (image) {
        const named = contextInSections(labels[i], parents[i], path, line, intros[i]);
        const { context, why } = unlessDiscontinued(named);
        out.push({ kind: 'docker-run', targets: [], image, source: path, line: i + 1, context, contextWhy: why });
      }
    }
    const kubectl = KUBECTL_APPLY.exec(line);
    if (kubectl) {
      const targets: string[] = [];
      for (const m of line.slice(kubectl.index).matchAll(KUBECTL_FILE)) {
        const written = m[2]!;
        const file = resolve(written);
        if (file) targets.push(file);
        else {
          const under = resolveDir(written);
          if (under) targets.push(...files.files.filter((f) => f.path.startsWith(`${under}/`) && /\.(ya?ml|json)$/i.test(f.path)).map((f) => f.path));
        }
      }
      add('kubectl', targets);
    }
    const helm = HELM_INSTALL.exec(line);
    if (helm) {
      const targets: string[] = [];
      const words = line.slice(helm.index + helm[0].length).split(/\s+/).filter(Boolean);
      for (const w of words) {
        if (w.startsWith('-') || /^(&&|\|\||;|\|)$/.test(w)) continue;
        const chart = resolveDir(w.replace(/^["']|["']$/g, ''));
        if (chart && files.has(`${chart}/Chart.yaml`)) targets.push(`${chart}/Chart.yaml`, `${chart}/values.yaml`);
      }
      for (const m of line.slice(helm.index).matchAll(HELM_VALUES)) {
        const file = resolve(m[2]!);
        if (file) targets.push(file);
      }
      add('helm', targets.filter((t) => files.has(t)));
    }
    if (DOWNLOAD.test(line)) {
      const targets: string[] = [];
      for (const url of line.match(URL) ?? []) {
        const file = repositoryFileOfUrl(url, files);
        if (file) targets.push(file);
      }
      // `curl -o plane.env "$RELEASE_URL/$TAG/variables.env"`: the URL is built from variables; its file name,
      // found beside the script that fetches it, is what it fetches.
      if (!targets.length) {
        const named = /\/([\w.-]+\.(?:ya?ml|env|json|conf|toml))[?"'\s]/.exec(`${line} `)?.[1];
        const beside = named === undefined ? undefined : dir === '.' ? named : `${dir}/${named}`;
        if (beside && files.has(beside) && /\$\{?\w|https?:/.test(line)) targets.push(beside);
      }
      // Kept: written to a file (`-o`, `-O`, wget), or captured (`RESPONSE=$(curl … "$URL/variables.env")`) for the
      // script to write out after checking the status.
      if (targets.length && (CURL_OUTPUT.test(line) || WGET_OUTPUT.test(line) || /\bcurl\b[^\n]*\s-\w*O\b/.test(line) || /\bwget\b/.test(line) || /=\$\(\s*curl\b/.test(line))) {
        // An env template fetched under its own name (`curl -O …/.env.example`, to compare) is not put in place;
        // saved as a live env file (`-o .env`, `-O plane.env`) or captured by an install script, it is.
        const output = (CURL_OUTPUT.exec(line) ?? WGET_OUTPUT.exec(line))?.[2];
        const envTargets = targets.filter((t) => ENV_FILE.test(posix.basename(t)));
        const live = output !== undefined ? ENV_FILE.test(posix.basename(output)) && !ENV_TEMPLATE_NAME.test(posix.basename(output)) : /=\$\(\s*curl\b/.test(line);
        const others = targets.filter((t) => !envTargets.includes(t));
        if (others.length) add('download', others);
        if (envTargets.length && live) add('download', envTargets, false);
      }
    }
    const copy = COPY.exec(line);
    if (copy && isComposeFile(copy[4]!)) {
      const from = resolve(copy[2]!);
      if (from && isComposeFile(from)) add('copy', [from]);
    } else if (copy && ENV_FILE.test(posix.basename(copy[4]!)) && !/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) {
      // (Not in CI: a workflow copies a template to build or lint with it; operators never run it.)
      // `cp .env.example .env`: the template becomes the env file the deployment runs with, values and all.
      const from = resolve(copy[2]!);
      if (from && ENV_FILE.test(posix.basename(from))) add('copy', [from], false);
    }
    i = j;
  }
  // The first compose file the page writes out (one per page: it is read in place, at its own lines). Its context is
  // its section's, as a command's would be; a discontinued page writes out nothing anyone runs today (only a
  // production one becomes a deployment, so a development block left as it is changes nothing).
  const first = written[0];
  if (first !== undefined) {
    const named = contextInSections(labels[first], parents[first], path, '', intros[first + 1]);
    const { context, why } = unlessDiscontinued(named);
    out.push({ kind: 'written-compose', targets: [path], source: path, line: first + 1, context, contextWhy: why });
  }
  return out;
}

/**
 * The repository file a URL names: the longest suffix of its path that is a
 * file of the repository (`https://raw.githubusercontent.com/o/r/main/deploy/compose.yml`
 * → `deploy/compose.yml`), with at least the file name and one more segment,
 * or the file name alone when it is a compose file at the root.
 */
export function repositoryFileOfUrl(url: string, files: Pick<FileSet, 'has'>): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new globalThis.URL(url).pathname);
  } catch {
    return undefined;
  }
  const parts = path.split('/').filter(Boolean);
  for (let start = 0; start < parts.length; start++) {
    const candidate = parts.slice(start).join('/');
    if (files.has(candidate) && (parts.length - start >= 2 || isComposeFile(candidate) || /^\.env/.test(candidate))) return candidate;
  }
  return undefined;
}
