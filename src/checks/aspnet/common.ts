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
      findings.push({ ...f, message: `${f.message}${f.status === 'fail' ? ` (Environment judged: ${project.environmentFrom}.)` : ''}${where}` });
    }
  }
  return findings;
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

// A condition true only outside production: `env.IsDevelopment()`, `IsEnvironment("QA")`, `#if DEBUG`.
const DEV_CONDITION = /^[\s(]*[\w.]*\.?(IsDevelopment\s*\(\s*\)|IsEnvironment\s*\(\s*"(Development|Dev|Local|QA|Test|Testing)"\s*\)|IsStaging\s*\(\s*\))[\s)]*((&&|\|\|)\s*[\w.!]*\.?(IsDevelopment|IsEnvironment|IsStaging)\s*\([^)]*\)[\s)]*)*$/;
const NEGATED_DEV = /^\s*!\s*[\w.]*\.?IsDevelopment\s*\(\s*\)\s*$/;

/**
 * Whether the statement at `index` runs only in a development environment:
 * inside (at any depth) an `if` whose condition is only IsDevelopment()-like
 * tests, the `else` of an `if (!env.IsDevelopment())`, or a `#if DEBUG`
 * region. A condition with another alternative (`IsDevelopment() || selfHosted`)
 * may hold in production.
 */
export function developmentOnly(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const ifDirective = before.lastIndexOf('#if DEBUG');
  if (ifDirective >= 0 && before.indexOf('#endif', ifDirective) < 0 && before.indexOf('#else', ifDirective) < 0) return true;
  // The statement's own single-line `if (...)` without braces.
  const stmtStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}')) + 1;
  // (the receiver before the match, `app.` of `app.UseDeveloperExceptionPage`, is part of the statement)
  if (guardOf(before.slice(Math.max(stmtStart, index - 300)).replace(/[\w.\s]*$/, ''))) return true;
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
      if (guardOf(stmt) || (/\belse$/.test(stmt) && elseOfNotDevelopment(text, i))) return true;
    }
  }
  return false;
}

/** `if (env.IsDevelopment())` or `} else` after `if (!env.IsDevelopment())`, as the text before a block or statement. */
function guardOf(head: string): boolean {
  // Startup's convention methods run in their environment only: `ConfigureDevelopment(IApplicationBuilder app)`.
  if (/\bvoid\s+Configure(Development|Local|Testing|Test|QA)(Services)?\s*\([^)]*\)\s*$/.test(head)) return true;
  const cond = /\bif\s*\(([\s\S]*)\)\s*$/.exec(head.trim())?.[1];
  if (cond !== undefined) return DEV_CONDITION.test(cond);
  return false;
}

/** Whether the `else` block opening at `braceIndex` follows an `if (!env.IsDevelopment())` (the nearest `if` before it). */
function elseOfNotDevelopment(text: string, braceIndex: number): boolean {
  const before = text.slice(Math.max(0, braceIndex - 2000), braceIndex);
  const ifs = [...before.matchAll(/\bif\s*\(([^{};]*)\)\s*\{?/g)];
  const last = ifs[ifs.length - 1];
  return last !== undefined && NEGATED_DEV.test(last[1]!);
}
