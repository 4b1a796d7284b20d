import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { callsInStatements, calleeName, dottedName, evaluate, truthy, type PyExpr, type PyLiteral } from '../../parse/python.js';
import { moduleScope, pythonWebModules, type PythonWebModule } from './apps.js';

export const cors: RepoCheck = {
  id: 'python.cors',
  title: 'Python CORS does not allow every origin with credentials',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for Starlette/FastAPI `CORSMiddleware` with `allow_origins=["*"]` (or an `allow_origin_regex` matching anything) and `allow_credentials=True`, and for flask-cors `CORS(app, supports_credentials=True)` with every origin allowed.',
    why: "Starlette answers a credentialed request from any origin by reflecting that origin, so every web site a logged-in user visits can call the API with the user's cookies and read the answers.",
    fix: 'List the front-end origins in `allow_origins` (or `origins` for flask-cors) when credentials are allowed.',
    snippets: [{ stack: 'FastAPI', code: 'app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)' }],
  },
  async run(ctx) {
    const modules = await pythonWebModules(ctx);
    if (!modules.length) return [{ status: 'skip', message: 'No Flask, FastAPI, Starlette or Quart module found.' }];
    const findings = modules.flatMap(corsFindings);
    return findings.length ? findings : [{ status: 'pass', message: `No CORS configuration combining every origin with credentials in ${modules.length} web module(s).` }];
  },
};

const anyOrigin = (v: PyLiteral | undefined): boolean => v === '*' || (Array.isArray(v) && v.includes('*'));
const matchesAnything = (v: PyLiteral | undefined): boolean => {
  if (typeof v !== 'string') return false;
  try {
    return new RegExp(v).test('https://attacker.invalid');
  } catch {
    return false;
  }
};

// The fix in the library seen: Starlette's CORSMiddleware or flask-cors, each with its own argument names.
const FIX = {
  starlette: (path: string) => `In ${path}, give CORSMiddleware the front-end origins instead: \`allow_origins=["https://app.example.com"]\` (read from the environment, e.g. \`os.environ["CORS_ORIGINS"].split(",")\`), keeping \`allow_credentials=True\` only for those.`,
  flaskCors: (path: string) => `In ${path}, give flask-cors the front-end origins: \`CORS(app, origins=["https://app.example.com"], supports_credentials=True)\` (read from the environment), or drop \`supports_credentials\` if no cookie needs to cross origins.`,
};

export function corsFindings(m: PythonWebModule): FindingInput[] {
  const out: FindingInput[] = [];
  const scope = moduleScope(m);
  const value = (expr: PyExpr | undefined): PyLiteral | undefined => {
    if (!expr) return undefined;
    const r = evaluate(expr, scope);
    return r.known ? r.value : undefined;
  };
  for (const call of callsInStatements(m.module.statements)) {
    const name = calleeName(call);
    const mentionsMiddleware = name === 'CORSMiddleware' || call.args.some((a) => dottedName(a)?.endsWith('CORSMiddleware'));
    if (mentionsMiddleware) {
      const credentials = truthy(value(call.kwargs.allow_credentials) ?? false);
      const origins = value(call.kwargs.allow_origins);
      const regex = value(call.kwargs.allow_origin_regex);
      if (credentials && (anyOrigin(origins) || matchesAnything(regex))) {
        const what = anyOrigin(origins) ? 'allow_origins=["*"]' : `allow_origin_regex=${JSON.stringify(regex)}`;
        out.push({
          status: 'fail',
          message: `CORSMiddleware at ${m.path}:${call.line} has ${what} with allow_credentials=True: Starlette reflects any requesting origin, so every site can read responses with the visitor's cookies.`,
          remediation: FIX.starlette(m.path),
          location: { path: m.path, line: call.line },
        });
      }
    } else if (name === 'CORS' && m.frameworks.has('flask_cors')) {
      const credentials = truthy(value(call.kwargs.supports_credentials) ?? false);
      const origins = call.kwargs.origins ? value(call.kwargs.origins) : call.kwargs.resources ? undefined : '*';
      if (credentials && anyOrigin(origins)) {
        out.push({
          status: 'fail',
          message: `flask-cors CORS() at ${m.path}:${call.line} allows every origin${call.kwargs.origins ? '' : ' (its default)'} with supports_credentials=True: every site can read responses with the visitor's cookies.`,
          remediation: FIX.flaskCors(m.path),
          location: { path: m.path, line: call.line },
        });
      }
    }
  }
  return out;
}
