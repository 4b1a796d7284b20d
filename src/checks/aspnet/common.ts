import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import type { AspNetProject } from '../../model/frameworks/aspnet.js';
import { blankComments } from '../../parse/c-comments.js';

/**
 * Runs `verdict` on every ASP.NET Core web project; skip when there is none.
 * An appsettings file that does not parse is an error, and the project's
 * passes are not given (its settings are unknown). Failing findings say which
 * environment was judged and why.
 */
export async function forEachAspNetProject(
  ctx: RepoCheckContext,
  verdict: (project: AspNetProject) => FindingInput[] | Promise<FindingInput[]>,
  options: { usesSettings: boolean },
): Promise<FindingInput[]> {
  const { projects } = await ctx.model.aspnet();
  if (!projects.length) return [{ status: 'skip', message: 'No ASP.NET Core web project found (a .csproj with Sdk="Microsoft.NET.Sdk.Web").' }];
  const findings: FindingInput[] = [];
  // A library that several web projects reference is judged once per project, but its line is one problem:
  // the same failure at the same place is reported once, naming every project it reaches.
  const shared = new Map<string, { finding: FindingInput; projects: string[]; environment: string }>();
  for (const project of projects) {
    const where = projects.length > 1 ? ` [project ${project.project}]` : '';
    const errors: FindingInput[] = options.usesSettings
      ? project.unreadable.map((u) => ({
          status: 'error',
          message: `${u.path}:${u.line} does not parse (${u.message}): the host fails to start with it, and its settings are not judged.${where}`,
          location: { path: u.path, line: u.line },
        }))
      : [];
    findings.push(...errors);
    for (const f of await verdict(project)) {
      if (errors.length && f.status === 'pass') continue;
      if (f.status === 'fail' && f.location) {
        const key = `${f.location.path}\0${f.location.line ?? ''}\0${f.message}`;
        const seen = shared.get(key);
        if (seen) seen.projects.push(project.project);
        else {
          const entry = { finding: f, projects: [project.project], environment: project.environmentFrom };
          shared.set(key, entry);
          findings.push(f); // a placeholder, replaced below so that the report keeps the order of discovery
        }
        continue;
      }
      findings.push({ ...f, message: `${f.message}${f.status === 'fail' ? ` (Environment judged: ${project.environmentFrom}.)` : ''}${where}` });
    }
  }
  const merged = new Map([...shared.values()].map((e) => [e.finding, e] as const));
  return findings.map((f) => {
    const e = merged.get(f);
    if (!e) return f;
    const where = projects.length > 1 ? ` [${projectList(e.projects)}]` : '';
    return { ...f, message: `${f.message} (Environment judged: ${e.environment}.)${where}` };
  });
}

function projectList(names: string[]): string {
  if (names.length === 1) return `project ${names[0]}`;
  const shown = names.slice(0, 3).join(', ');
  return `projects ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

/**
 * The project's C# sources that mention one of `words`, comments blanked and line numbers kept. The words are
 * tested on the raw text first: most files of a large solution mention none, and are never blanked or kept.
 */
export async function codeOf(ctx: RepoCheckContext, project: AspNetProject, words: readonly string[]): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const path of project.sources) {
    const raw = await ctx.files.read(path);
    if (!raw || !words.some((w) => raw.includes(w))) continue;
    // Blanked once per audit: projects share referenced libraries, and four checks read them.
    const text = await ctx.parsed.memo('csharp-code', path, blankComments);
    if (text && words.some((w) => text.includes(w))) out.push({ path, text });
  }
  return out;
}

export function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

// One test that holds only outside production: `env.IsDevelopment()`, `IsStaging()`, `IsEnvironment("QA")`,
// `EnvironmentName == "Docker"` (any environment name but the one production runs in).
const DEV_TERM = /^!?\s*[\w.]*\.?(?:IsDevelopment\s*\(\s*\)|IsStaging\s*\(\s*\))$/;
const ENVIRONMENT_NAMED = /^[\w.]*\.?(?:IsEnvironment\s*\(\s*"([^"]+)"\s*\)|EnvironmentName\s*==\s*"([^"]+)"|"([^"]+)"\s*==\s*[\w.]*EnvironmentName|EnvironmentName\s*==\s*Environments\.(\w+))$/;
const NEGATED_DEV = /^\s*!\s*[\w.]*\.?IsDevelopment\s*\(\s*\)\s*$/;

/** Strips the parentheses that wrap a whole expression: `((a || b))` → `a || b`. */
function unwrap(expr: string): string {
  let e = expr.trim();
  for (;;) {
    if (!e.startsWith('(') || !e.endsWith(')')) return e;
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < e.length - 1; i++) {
      if (e[i] === '(') depth++;
      else if (e[i] === ')') depth--;
      if (depth === 0) {
        wraps = false;
        break;
      }
    }
    if (!wraps) return e;
    e = e.slice(1, -1).trim();
  }
}

/** Splits at a top-level operator (`||` or `&&`), outside parentheses and strings. */
function splitTop(expr: string, op: '||' | '&&'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && expr.startsWith(op, i)) {
      parts.push(expr.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(expr.slice(start));
  return parts.map(unwrap);
}

/**
 * A condition that holds only outside production: every alternative (`||`)
 * has a conjunct (`&&`) that is a development test. A condition with another
 * alternative (`IsDevelopment() || selfHosted`) may hold in production.
 */
export function isDevelopmentCondition(cond: string, productionEnvironment = 'Production'): boolean {
  const devTerm = (term: string): boolean => {
    if (DEV_TERM.test(term) && !term.startsWith('!')) return true;
    const named = ENVIRONMENT_NAMED.exec(term);
    if (!named) return false;
    const name = named[1] ?? named[2] ?? named[3] ?? named[4]!;
    return name.toLowerCase() !== productionEnvironment.toLowerCase();
  };
  const alternatives = splitTop(unwrap(cond), '||');
  return alternatives.every((alt) => splitTop(alt, '&&').some((c) => devTerm(c) || (alt !== c && isDevelopmentCondition(c, productionEnvironment))));
}

/**
 * Whether the statement at `index` runs only in a development environment:
 * inside (at any depth) an `if` whose condition holds only outside production
 * (isDevelopmentCondition), the `else` of an `if (!env.IsDevelopment())`, or a
 * `#if DEBUG` region.
 */
export function developmentOnly(text: string, index: number, productionEnvironment = 'Production'): boolean {
  const before = text.slice(0, index);
  const ifDirective = before.lastIndexOf('#if DEBUG');
  if (ifDirective >= 0 && before.indexOf('#endif', ifDirective) < 0 && before.indexOf('#else', ifDirective) < 0) return true;
  // The statement's own single-line `if (...)` without braces.
  const stmtStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}')) + 1;
  // (the receiver before the match, `app.` of `app.UseDeveloperExceptionPage`, is part of the statement)
  if (guardOf(before.slice(Math.max(stmtStart, index - 300)).replace(/[\w.\s]*$/, ''), productionEnvironment)) return true;
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '}') depth++;
    else if (ch === '{') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const head = text.slice(Math.max(0, i - 300), i);
      const start = Math.max(head.lastIndexOf(';'), head.lastIndexOf('{'), head.lastIndexOf('}')) + 1;
      const stmt = head.slice(start).trim();
      if (guardOf(stmt, productionEnvironment) || (/\belse$/.test(stmt) && elseOfNotDevelopment(text, i))) return true;
    }
  }
  return false;
}

/** `if (env.IsDevelopment())` or `} else` after `if (!env.IsDevelopment())`, as the text before a block or statement. */
function guardOf(head: string, productionEnvironment: string): boolean {
  // Startup's convention methods run in their environment only: `ConfigureDevelopment(IApplicationBuilder app)`.
  if (/\bvoid\s+Configure(Development|Local|Testing|Test|QA)(Services)?\s*\([^)]*\)\s*$/.test(head)) return true;
  const cond = /\bif\s*\(([\s\S]*)\)\s*$/.exec(head.trim())?.[1];
  if (cond !== undefined) return isDevelopmentCondition(cond, productionEnvironment);
  return false;
}

/** Whether the `else` block opening at `braceIndex` follows an `if (!env.IsDevelopment())` (the nearest `if` before it). */
function elseOfNotDevelopment(text: string, braceIndex: number): boolean {
  const before = text.slice(Math.max(0, braceIndex - 2000), braceIndex);
  const ifs = [...before.matchAll(/\bif\s*\(([^{};]*)\)\s*\{?/g)];
  const last = ifs[ifs.length - 1];
  return last !== undefined && NEGATED_DEV.test(last[1]!);
}
