// Python web application modules (Flask, FastAPI, Starlette, Quart): the .py
// files that import one of them, parsed once per audit with the static reader.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet, SkippedFile } from '../../repo/fileset.js';
import { isWebAppCandidate } from './frameworks.js';
import { webFrameworkScanner } from '../scanners.js';
import { mapLimited } from '../../repo/limit.js';
import { evaluate, importedModules, parsePythonModule, type EvalScope, type PyExpr, type PyModule } from '../../parse/python.js';

export const WEB_FRAMEWORKS = ['flask', 'fastapi', 'starlette', 'quart', 'flask_cors'] as const;

export interface PythonWebModule {
  path: string;
  module: PyModule;
  /** Framework top-level packages the module imports. */
  frameworks: Set<string>;
}

const cache = new WeakMap<FileSet, Promise<PythonWebModule[]>>();

export function pythonWebModules(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<PythonWebModule[]> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = collect(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}

async function collect(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<PythonWebModule[]> {
  const out: PythonWebModule[] = [];
  const candidates = ctx.files.files.filter((f) => isWebAppCandidate(f.path));
  // Only modules that name a framework are parsed (the test may run in a worker thread).
  const mentions = await mapLimited(candidates, ctx.parsed.scanConcurrency, (f) => ctx.parsed.scan(webFrameworkScanner, f.path));
  for (const [i, file] of candidates.entries()) {
    if (!mentions[i]) continue;
    const module = await ctx.parsed.memo('python', file.path, (t) => parsePythonModule(t));
    if (!module) continue;
    const frameworks = new Set([...importedModules(module)].map((m) => m.split('.')[0]!).filter((m) => (WEB_FRAMEWORKS as readonly string[]).includes(m)));
    if (frameworks.size) out.push({ path: file.path, module, frameworks });
  }
  return out;
}

/** A Python import of a web framework, in text not parsed. */
const IMPORTS_FRAMEWORK = /^\s*(?:from|import)\s+(?:flask|fastapi|starlette|quart)\b/m;

/**
 * Python modules left out for their size whose first 64 KiB import a web
 * framework: whatever they switch on (debug mode) is unknown, not off.
 */
export async function unreadWebModules(ctx: Pick<RepoCheckContext, 'files'>): Promise<SkippedFile[]> {
  const out: SkippedFile[] = [];
  for (const file of ctx.files.notRead(isWebAppCandidate)) {
    if (file.unread !== 'oversized') continue;
    const head = await ctx.files.head(file.path, 64 * 1024);
    if (head !== undefined && IMPORTS_FRAMEWORK.test(head)) out.push(file);
  }
  return out;
}

/** Module-level names (`origins = ["*"]`, as in FastAPI's CORS tutorial), evaluated when a call refers to them. */
export function moduleScope(m: PythonWebModule): EvalScope {
  const assigned = new Map<string, PyExpr>();
  for (const s of m.module.statements) if (s.kind === 'assign' && s.op === '=' && s.targets.length === 1) assigned.set(s.targets[0]!, s.value);
  const resolving = new Set<string>();
  const scope: EvalScope = {
    lookup(name) {
      const expr = assigned.get(name);
      if (!expr || resolving.has(name)) return undefined;
      resolving.add(name);
      try {
        return evaluate(expr, scope);
      } finally {
        resolving.delete(name);
      }
    },
  };
  return scope;
}
