import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { balanced, blankJsComments, lineAt, nodeApps, type NodeApp } from './apps.js';

export const cors: RepoCheck = {
  id: 'node.cors',
  title: 'Node CORS does not reflect every origin with credentials',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      "Fails when a Node app configures CORS (cors, @fastify/cors, NestJS enableCors) with `origin: '*'` or `origin: true` (reflect any origin) together with `credentials: true`.",
    why: "With credentials allowed for any origin, every web site a logged-in user visits can call the API with the user's cookies and read the answers.",
    fix: 'Give `origin` the list of front-end origins (or a function that checks against it) when credentials are allowed.',
    snippets: [{ stack: 'Express', code: "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));" }],
  },
  async run(ctx) {
    const { apps } = await nodeApps(ctx);
    if (!apps.length) return [{ status: 'skip', message: 'No Node HTTP server application found in package.json dependencies.' }];
    return apps.flatMap(corsVerdict);
  },
};

/** `cors({...})`, `enableCors({...})`, `register(cors, {...})`, `NestFactory.create(M, { cors: {...} })`. */
const CORS_CALL = /\b(cors|enableCors|corsMiddleware|fastifyCors)\s*\(|\bregister\s*\(\s*(?:require\(\s*['"]@fastify\/cors['"]\s*\)|cors|fastifyCors)\s*,|\bcors\s*:\s*\{/g;

export function corsOptionsIn(code: string): Array<{ line: number; options: string }> {
  const out: Array<{ line: number; options: string }> = [];
  // Look for the calls outside strings; read their arguments from the code itself.
  const structure = blankJsComments(code, { strings: true });
  for (const m of code.matchAll(CORS_CALL)) {
    if (structure[m.index] !== code[m.index]) continue; // inside a string
    const from = m.index + m[0].length - (m[0].endsWith('{') ? 1 : 0);
    const rest = code.slice(from).replace(/^\s+/, '');
    const at = code.length - rest.length;
    let options: string | undefined;
    if (rest.startsWith('{')) options = balanced(code, at);
    else {
      // `cors(corsOptions)`: a same-file `const corsOptions = {...}`.
      const ident = /^([A-Za-z_$][\w$]*)\s*[),]/.exec(rest)?.[1];
      if (ident) {
        const decl = new RegExp(`\\b(?:const|let|var)\\s+${ident.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*\\{`).exec(code);
        if (decl) options = balanced(code, decl.index + decl[0].length - 1);
      }
    }
    if (options) out.push({ line: lineAt(code, m.index), options });
  }
  return out;
}

export function allowsAnyOriginWithCredentials(options: string): { origin: string } | undefined {
  if (!/\bcredentials\s*:\s*true\b/.test(options)) return undefined;
  const origin = /\borigin\s*:\s*(true|'\*'|"\*"|`\*`|\/\.\*\/|\(\s*\w*\s*,\s*(\w+)\s*\)\s*=>\s*\2\s*\(\s*null\s*,\s*true\s*\))/.exec(options);
  return origin ? { origin: origin[1]! } : undefined;
}

export function corsVerdict(app: NodeApp): FindingInput[] {
  const findings: FindingInput[] = [];
  let configured = 0;
  for (const source of app.sources) {
    for (const { line, options } of corsOptionsIn(source.code)) {
      configured++;
      const bad = allowsAnyOriginWithCredentials(options);
      if (!bad) continue;
      const reflect = bad.origin === 'true' || bad.origin.includes('=>') || bad.origin.includes('.*');
      findings.push({
        status: 'fail',
        message: `CORS at ${source.path}:${line} allows ${reflect ? 'every origin (reflected)' : "origin '*'"} together with credentials: true${reflect ? ": any site can read this API's responses with the visitor's cookies" : ' (browsers refuse the combination, so credentialed calls fail, and a later change to reflection would expose every user)'}.`,
        location: { path: source.path, line },
        evidence: options.length > 300 ? `${options.slice(0, 300)}…` : options,
      });
    }
  }
  if (findings.length) return findings;
  return [{ status: 'pass', message: configured ? `${configured} CORS configuration(s) in ${app.dir} do not combine any origin with credentials.` : `No CORS configuration in ${app.dir}.` }];
}
