// How a settings module reads the environment (django-environ, python-decouple or os.environ), so a Django fix
// is written the way the project already writes its settings: `env.bool("DEBUG", default=False)` where it uses
// django-environ, `config("DEBUG", default=False, cast=bool)` with decouple, `os.environ` otherwise.

import { calleeName, type PyExpr } from '../../parse/python/ast.js';
import type { Setting, SettingsModule } from './settings.js';

export type SettingsReader = 'django-environ' | 'decouple' | 'os.environ';

/** The reader one expression calls, if any: `env(...)`/`env.bool(...)`, `config(...)`, `os.environ.get`/`os.getenv`/`os.environ[...]`. */
function readerIn(expr: PyExpr, depth = 0): SettingsReader | undefined {
  if (depth > 8) return undefined;
  switch (expr.kind) {
    case 'call': {
      const callee = expr.callee;
      const name = calleeName(expr);
      if (callee.kind === 'name' && name === 'env') return 'django-environ';
      if (callee.kind === 'attr' && callee.object.kind === 'name' && callee.object.name === 'env') return 'django-environ';
      if (callee.kind === 'name' && name === 'config') return 'decouple';
      if (name === 'getenv' || (callee.kind === 'attr' && callee.object.kind === 'attr' && callee.object.name === 'environ')) return 'os.environ';
      return [expr.callee, ...expr.args, ...Object.values(expr.kwargs)].map((e) => readerIn(e, depth + 1)).find(Boolean);
    }
    case 'subscript':
      return expr.object.kind === 'attr' && expr.object.name === 'environ' ? 'os.environ' : readerIn(expr.object, depth + 1);
    case 'attr':
      return readerIn(expr.object, depth + 1);
    case 'binop':
      return readerIn(expr.left, depth + 1) ?? readerIn(expr.right, depth + 1);
    case 'ternary':
      return readerIn(expr.then, depth + 1) ?? readerIn(expr.otherwise, depth + 1);
    case 'list':
    case 'tuple':
    case 'set':
      return expr.items.map((e) => readerIn(e, depth + 1)).find(Boolean);
    default:
      return undefined;
  }
}

/** The reader of `setting`, else the first one any setting of the module uses, else `os.environ`. */
export function readerOf(module: SettingsModule, setting?: Setting): SettingsReader {
  const own = setting ? readerIn(setting.expr) : undefined;
  if (own) return own;
  for (const s of module.settings.values()) {
    const reader = readerIn(s.expr);
    if (reader) return reader;
  }
  return 'os.environ';
}

/** How each reader writes a required string, a boolean with a default, and a comma-separated list. */
export const READ: Record<SettingsReader, { required: (variable: string) => string; bool: (variable: string, fallback: boolean) => string; list: (variable: string) => string }> = {
  'django-environ': {
    required: (v) => `env("${v}")`,
    bool: (v, d) => `env.bool("${v}", default=${d ? 'True' : 'False'})`,
    list: (v) => `env.list("${v}")`,
  },
  decouple: {
    required: (v) => `config("${v}")`,
    bool: (v, d) => `config("${v}", default=${d ? 'True' : 'False'}, cast=bool)`,
    list: (v) => `config("${v}", cast=Csv())`,
  },
  'os.environ': {
    required: (v) => `os.environ["${v}"]`,
    bool: (v, d) => `os.environ.get("${v}", "${d ? 'True' : 'False'}") == "True"`,
    list: (v) => `os.environ["${v}"].split(",")`,
  },
};
