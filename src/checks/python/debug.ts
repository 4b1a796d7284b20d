import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { callsInStatements, calleeName, evaluate, truthy, type EvalScope, type PyExpr, type PyStatement } from '../../parse/python.js';
import { notReadFinding } from '../../repo/fileset.js';
import { moduleScope, pythonWebModules, unreadWebModules, type PythonWebModule } from './apps.js';

export const debug: RepoCheck = {
  id: 'python.debug',
  title: 'Flask/FastAPI debug mode is off',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails for `app.run(debug=True)` in a Flask/Quart module, `FastAPI(debug=True)`/`Starlette(debug=True)`, `app.debug = True` or `app.config["DEBUG"] = True`, including a debug value that falls back to true when its environment variable is unset. A statement inside an `if` whose test reads a debug setting (`if settings.DEBUG:`, `if app.debug:`) follows that setting and is not reported.',
    why: "Flask's debugger runs arbitrary Python typed into the error page (remote code execution, the PIN is guessable from the host); FastAPI/Starlette debug mode returns tracebacks with source to every client.",
    fix: 'Never enable debug in code; use `flask --app app run --debug` locally, and serve production with gunicorn/uvicorn without debug.',
    snippets: [{ stack: 'Flask', code: 'if __name__ == "__main__":\n    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")' }],
    severityNote: 'P0; P2 for `app.run(debug=True)` when a production launch file (Dockerfile, entrypoint, Procfile, compose) serves the app with a WSGI/ASGI server (gunicorn, uWSGI, uvicorn...) and none runs the module as a script: the development server it starts is not what production runs.',
  },
  async run(ctx) {
    const modules = await pythonWebModules(ctx);
    // A web module left out for its size may switch debug on: an error naming it, never a pass or "no module".
    const unread = (await unreadWebModules(ctx)).map((f) => {
      const finding = notReadFinding(f, 'error');
      return { ...finding, message: `${finding.message} It imports a web framework, so whether it enables debug mode is unknown.` };
    });
    if (!modules.length) return unread.length ? unread : [{ status: 'skip', message: 'No Flask, FastAPI, Starlette or Quart module found.' }];
    // `app.run()` is the development server. Where the production image serves the app with a WSGI/ASGI server
    // instead and nothing runs this module as a script, the debugger it turns on never starts in production. The
    // launch files are read only when some module starts the development server with debug on.
    let startsDevServer = false;
    let found = modules.flatMap((m) =>
      debugFindings(m, () => {
        startsDevServer = true;
        return undefined;
      }),
    );
    const server = startsDevServer ? await productionServer(ctx) : undefined;
    if (server) found = modules.flatMap((m) => debugFindings(m, (path) => (server.runsScript(path) ? undefined : server)));
    const findings = [...unread, ...found];
    return findings.length ? findings : [{ status: 'pass', message: `Debug mode is not enabled in ${modules.length} web module(s): ${modules.map((m) => m.path).slice(0, 5).join(', ')}${modules.length > 5 ? '…' : ''}.` }];
  },
};

// The servers production runs a Python web app with, as its entrypoint or command names them.
const WSGI_SERVER = /\b(gunicorn|uwsgi|waitress-serve|uvicorn|hypercorn|daphne|granian|mod_wsgi-express)\b/;
const LAUNCH_FILE = /(^|\/)(Dockerfile[\w.-]*|[\w.-]*\.Dockerfile|Procfile[\w.-]*|[\w.-]*entrypoint[\w.-]*|[\w.-]*\.sh|(docker-)?compose[\w.-]*\.ya?ml|supervisord?[\w.-]*\.conf)$/i;

/**
 * The WSGI/ASGI server a production launch file (Dockerfile, entrypoint, Procfile, compose) starts, and whether a
 * launch file runs a given module as a script (`python run.py`, `python -m pkg.run`), which would start `app.run()`.
 */
interface DevServerContext {
  /** The WSGI/ASGI server production starts, and the launch file that starts it. */
  what: string;
  where: string;
  runsScript(path: string): boolean;
}

async function productionServer(ctx: Parameters<typeof debug.run>[0]): Promise<DevServerContext | undefined> {
  const texts: Array<{ path: string; text: string }> = [];
  for (const f of ctx.files.files) {
    if (!LAUNCH_FILE.test(f.path) || f.size > 256 * 1024 || ctx.model.roles.of(f.path).role !== 'production') continue;
    const text = await ctx.files.read(f.path);
    if (text) texts.push({ path: f.path, text });
  }
  const hit = texts.map((t) => ({ path: t.path, m: WSGI_SERVER.exec(t.text) })).find((t) => t.m);
  if (!hit) return undefined;
  return {
    what: hit.m![1]!,
    where: hit.path,
    runsScript: (path) => {
      const script = path.split('/').pop()!.replace(/\.py$/, '').replace(/[^\w-]/g, '');
      const run = new RegExp(`\\bpython[\\d.]*\\s+(?:-\\w+\\s+)*(?:\\S*/)?${script}\\.py\\b|\\bpython[\\d.]*\\s+(?:-\\w+\\s+)*-m\\s+(?:[\\w.]+\\.)?${script}\\b`);
      return texts.some(({ text }) => run.test(text));
    },
  };
}

function enabled(expr: PyExpr | undefined, scope: EvalScope): { on: boolean; envVar?: string } {
  if (!expr) return { on: false };
  const r = evaluate(expr, scope);
  return r.known && truthy(r.value) ? { on: true, ...(r.envVar ? { envVar: r.envVar } : {}) } : { on: false };
}

// The fix for the framework and the form seen: Flask's and Quart's debug comes from the command line, FastAPI's
// and Starlette's from an environment flag that defaults to off.
const FIX = {
  run: (path: string) => `In ${path}, drop \`debug=True\` from \`app.run()\` (keep \`app.run()\` for local use only) and start the development server with \`flask --app ${path.replace(/\.py$/, '').replace(/\//g, '.')} run --debug\` when you want the debugger; serve production with gunicorn (\`gunicorn ${path.replace(/\.py$/, '').replace(/\//g, '.')}:app\`), which never enables it.`,
  config: (path: string, target: string) => `In ${path}, remove \`${target} = True\`: enable debug only from the command line (\`flask run --debug\`) or a development-only config, never in the module production imports.`,
  app: (path: string, name: string) => `In ${path}, leave debug off unless the environment turns it on: \`${name}(debug=os.environ.get("APP_DEBUG") == "1")\`, and serve production with uvicorn or gunicorn without \`--reload\`.`,
};

/** Whether an expression reads a name or attribute that is itself a debug setting (`searx.sxng_debug`, `settings.DEBUG`). */
function readsDebugSetting(expr: PyExpr | undefined): boolean {
  if (!expr) return false;
  switch (expr.kind) {
    case 'name':
      return /debug/i.test(expr.name);
    case 'attr':
      return /debug/i.test(expr.name) || readsDebugSetting(expr.object);
    case 'binop':
      return readsDebugSetting(expr.left) || readsDebugSetting(expr.right);
    case 'unary':
      return expr.op !== 'not' && readsDebugSetting(expr.operand);
    case 'call':
      return readsDebugSetting(expr.callee) || expr.args.some(readsDebugSetting);
    case 'subscript':
      return readsDebugSetting(expr.object) || (expr.index.kind === 'str' && /debug/i.test(expr.index.value));
    default:
      return false;
  }
}

/**
 * Lines inside an `if` whose test reads a debug setting (`if searx.sxng_debug:`): debug there follows that
 * setting, which the checks of the settings judge; the statement itself turns nothing on.
 */
function debugGuarded(statements: readonly PyStatement[], scope: EvalScope): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const visit = (list: readonly PyStatement[]): void => {
    for (const s of list) {
      // A test the module itself decides true (`DEBUG = True` above it) guards nothing.
      if (s.kind === 'block' && (s.keyword === 'if' || s.keyword === 'elif') && readsDebugSetting(s.test) && !enabled(s.test, scope).on) out.push([s.line, s.endLine]);
      else if (s.kind === 'def' || s.kind === 'block' || s.kind === 'class') visit(s.body);
    }
  };
  visit(statements);
  return out;
}

/**
 * `servedInstead(path)`: asked for each `app.run(debug=True)`, the production server that serves the app instead
 * of the development server this module starts (the finding is then P2), or undefined.
 */
export function debugFindings(m: PythonWebModule, servedInstead: (path: string) => DevServerContext | undefined = () => undefined): FindingInput[] {
  const out: FindingInput[] = [];
  const scope = moduleScope(m);
  const guarded = debugGuarded(m.module.statements, scope);
  const followsSetting = (line: number): boolean => guarded.some(([from, to]) => line >= from && line <= to);
  const how = (e: { envVar?: string }): string => (e.envVar ? ` (falls back to on when ${e.envVar} is unset)` : '');
  const flaskLike = m.frameworks.has('flask') || m.frameworks.has('quart');
  for (const call of callsInStatements(m.module.statements)) {
    const name = calleeName(call);
    if (followsSetting(call.line)) continue;
    if (flaskLike && name === 'run' && call.callee.kind === 'attr') {
      const e = enabled(call.kwargs.debug, scope);
      if (e.on) {
        const server = servedInstead(m.path);
        const lowered = server ? ` P2: production serves the app with ${server.what} (${server.where}), not this development server, which only \`python ${m.path}\` starts.` : '';
        out.push({ status: 'fail', ...(server ? { severity: 'P2' as const } : {}), message: `${m.path}:${call.line} starts the development server with debug=True${how(e)}: the Werkzeug debugger executes code typed into its error page.${lowered}`, remediation: FIX.run(m.path), location: { path: m.path, line: call.line } });
      }
    }
    if (name === 'FastAPI' || name === 'Starlette') {
      const e = enabled(call.kwargs.debug, scope);
      if (e.on) out.push({ status: 'fail', message: `${m.path}:${call.line} creates ${name}(debug=True)${how(e)}: tracebacks with source code are returned to clients.`, remediation: FIX.app(m.path, name), location: { path: m.path, line: call.line } });
    }
  }
  if (flaskLike) {
    const visit = (list: readonly PyStatement[]): void => {
      for (const s of list) {
        if (s.kind === 'assign' && s.targets.some((t) => /\.debug$|\.config\["DEBUG"\]$/.test(t)) && !followsSetting(s.line)) {
          const e = enabled(s.value, scope);
          if (e.on) out.push({ status: 'fail', message: `${m.path}:${s.line} sets ${s.targets[0]} = True${how(e)}: the Werkzeug debugger executes code typed into its error page.`, remediation: FIX.config(m.path, s.targets[0]!), location: { path: m.path, line: s.line } });
        } else if (s.kind === 'def' || s.kind === 'block' || s.kind === 'class') visit(s.body);
      }
    };
    visit(m.module.statements);
  }
  return out.sort((a, b) => a.location!.line - b.location!.line);
}
