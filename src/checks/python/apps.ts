// Python web application modules (Flask, FastAPI, Starlette, Quart): the .py
// files that import one of them, parsed once per audit with the static reader.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { NON_PRODUCT_PATH } from '../ops/project.js';
import { importedModules, parsePythonModule, type PyModule } from '../../parse/python.js';

export const WEB_FRAMEWORKS = ['flask', 'fastapi', 'starlette', 'quart', 'flask_cors'] as const;

export interface PythonWebModule {
  path: string;
  module: PyModule;
  /** Framework top-level packages the module imports. */
  frameworks: Set<string>;
}

const cache = new WeakMap<FileSet, Promise<PythonWebModule[]>>();
const NOT_APP = /(^|\/)(tests?|migrations|docs|examples?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

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
  for (const file of ctx.files.files) {
    if (!file.path.endsWith('.py') || NOT_APP.test(file.path) || NON_PRODUCT_PATH.test(file.path)) continue;
    const text = await ctx.files.read(file.path);
    if (!text || !/\b(flask|fastapi|starlette|quart)\b/i.test(text)) continue;
    const module = await ctx.parsed.memo('python', file.path, (t) => parsePythonModule(t));
    if (!module) continue;
    const frameworks = new Set([...importedModules(module)].map((m) => m.split('.')[0]!).filter((m) => (WEB_FRAMEWORKS as readonly string[]).includes(m)));
    if (frameworks.size) out.push({ path: file.path, module, frameworks });
  }
  return out;
}
