import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { balanced, blankJsComments, lineAt, nodeApps, type NodeApp } from './apps.js';
import type { ConfigValue, NodeConfig } from '../../parse/node-config.js';

export const cors: RepoCheck = {
  id: 'node.cors',
  title: 'Node CORS does not reflect every origin with credentials',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      "Fails when a Node app configures CORS (cors, @fastify/cors, NestJS enableCors) with `origin: '*'` or `origin: true` (reflect any origin) together with `credentials: true`. Options read from node-config (`config.get('cors.origin')`, `cors(config.get('cors'))`) are resolved from `config/default.*` and `config/production.*`, as the file value that runs when the variable of `custom-environment-variables.*` is unset, and reported at the config line; a node-config file that does not parse is an `error` at its line (never a pass) when the CORS options are read from node-config.",
    why: "With credentials allowed for any origin, every web site a logged-in user visits can call the API with the user's cookies and read the answers.",
    fix: 'Give `origin` the list of front-end origins (or a function that checks against it) when credentials are allowed.',
    snippets: [{ stack: 'Express', code: "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));" }],
    severityNote: 'P2 when the CORS call only runs outside production: in the `else` of `if (isProduction)` / `if (process.env.NODE_ENV === "production")`, or under `if (isDevelopment)`.',
  },
  async run(ctx) {
    const { apps } = await nodeApps(ctx);
    if (!apps.length) return [{ status: 'skip', message: 'No Node HTTP server application found in package.json dependencies.' }];
    return apps.flatMap(corsVerdict);
  },
};

/** `cors({...})`, `enableCors({...})`, `register(cors, {...})`, `NestFactory.create(M, { cors: {...} })`. */
const CORS_CALL = /\b(cors|enableCors|corsMiddleware|fastifyCors)\s*\(|\bregister\s*\(\s*(?:require\(\s*['"]@fastify\/cors['"]\s*\)|cors|fastifyCors)\s*,|\bcors\s*:\s*\{/g;

export function corsOptionsIn(code: string, config?: ConfigRefs, path?: string): Array<{ line: number; options: string; offset: number }> {
  const out: Array<{ line: number; options: string; offset: number }> = [];
  // Look for the calls outside strings; read their arguments from the code itself.
  const structure = blankJsComments(code, { strings: true, ...(path ? { path } : {}) });
  for (const m of code.matchAll(CORS_CALL)) {
    if (structure[m.index] !== code[m.index]) continue; // inside a string
    const from = m.index + m[0].length - (m[0].endsWith('{') ? 1 : 0);
    const rest = code.slice(from).replace(/^\s+/, '');
    const at = code.length - rest.length;
    let options: string | undefined;
    const fromConfig = config ? configCall(config, rest) : undefined;
    if (rest.startsWith('{')) options = balanced(code, at);
    else if (fromConfig) options = fromConfig;
    else {
      // `cors(corsOptions)`: a same-file `const corsOptions = {...}`.
      const ident = /^([A-Za-z_$][\w$]*)\s*[),]/.exec(rest)?.[1];
      if (ident) {
        const decl = new RegExp(`\\b(?:const|let|var)\\s+${ident.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*\\{`).exec(code);
        if (decl) options = balanced(code, decl.index + decl[0].length - 1);
      }
    }
    if (options) out.push({ line: lineAt(code, m.index), options, offset: m.index });
  }
  return out;
}

export function allowsAnyOriginWithCredentials(options: string): { origin: string } | undefined {
  if (!/\bcredentials\s*:\s*true\b/.test(options)) return undefined;
  const origin = /\borigin\s*:\s*(true|'\*'|"\*"|`\*`|\/\.\*\/|\(\s*\w*\s*,\s*(\w+)\s*\)\s*=>\s*\2\s*\(\s*null\s*,\s*true\s*\))/.exec(options);
  return origin ? { origin: origin[1]! } : undefined;
}

// The fix where the origin is decided: the node-config key that holds it, else the options of the framework seen
// (the cors package for Express, @fastify/cors, NestJS enableCors), which all take `origin` and `credentials`.
function corsFix(app: NodeApp, path: string, line: number, configKey: { key: string; path: string } | undefined): string {
  const origins = "['https://app.example.com']";
  if (configKey) return `In ${configKey.path}, set \`${configKey.key}\` to the front-end origins (${origins}), or map it to a variable in \`config/custom-environment-variables.*\`, so the CORS options at ${path}:${line} never reflect every origin with credentials.`;
  const call = app.frameworks.includes('@nestjs/core') ? `app.enableCors({ origin: ${origins}, credentials: true })` : app.frameworks.includes('fastify') ? `app.register(cors, { origin: ${origins}, credentials: true })` : `app.use(cors({ origin: ${origins}, credentials: true }))`;
  return `At ${path}:${line}, give \`origin\` the list of front-end origins (read from the environment, e.g. \`process.env.CORS_ORIGINS.split(',')\`): \`${call}\`.`;
}

export function corsVerdict(app: NodeApp): FindingInput[] {
  const findings: FindingInput[] = [];
  let configured = 0;
  let readsConfig = false;
  for (const source of app.sources) {
    if (!new RegExp(CORS_CALL.source).test(source.raw)) continue;
    const refs = app.config ? configRefs(source.code, app.config) : undefined;
    if (refs) readsConfig = true;
    const structure = blankJsComments(source.code, { strings: true, path: source.path });
    for (const { line, options: written, offset } of corsOptionsIn(source.code, refs, source.path)) {
      configured++;
      const used: Array<{ key: string; value: ConfigValue }> = [];
      const options = refs ? substituteConfig(written, refs, used) : written;
      const bad = allowsAnyOriginWithCredentials(options);
      if (!bad) continue;
      const reflect = bad.origin === 'true' || bad.origin.includes('=>') || bad.origin.includes('.*');
      // A value from node-config is fixed in the config file: point there.
      const origin = used.find((u) => /(^|\.)origin$/.test(u.key)) ?? used.find((u) => u.value.value !== null && typeof u.value.value === 'object');
      const fromConfig = origin
        ? ` (origin from node-config ${origin.key} at ${origin.value.path}:${origin.value.line}${origin.value.envVar ? `, the value used when ${origin.value.envVar} is unset` : ''})`
        : '';
      const dev = developmentBranch(source.code, structure, offset);
      findings.push({
        status: 'fail',
        ...(dev ? { severity: 'P2' as const } : {}),
        message: `CORS at ${source.path}:${line} allows ${reflect ? 'every origin (reflected)' : "origin '*'"}${fromConfig} together with credentials: true${reflect ? ": any site can read this API's responses with the visitor's cookies" : ' (browsers refuse the combination, so credentialed calls fail, and a later change to reflection would expose every user)'}${dev ? ` (only outside production: ${dev})` : ''}.`,
        location: origin ? { path: origin.value.path, line: origin.value.line } : { path: source.path, line },
        remediation: corsFix(app, source.path, line, origin ? { key: origin.key, path: origin.value.path } : undefined),
        evidence: options.length > 300 ? `${options.slice(0, 300)}…` : options,
      });
    }
  }
  // CORS options of a file that reads node-config, and a config file that does not parse: judged without its values, never a pass.
  if (readsConfig && app.config) {
    for (const problem of app.config.problems) {
      findings.push({
        status: 'error',
        message: `${problem.path} cannot be read (line ${problem.line}): ${problem.message}; the CORS options ${app.dir} reads from node-config were judged without it.`,
        location: { path: problem.path, line: problem.line },
      });
    }
  }
  if (findings.length) return findings;
  return [{ status: 'pass', message: configured ? `${configured} CORS configuration(s) in ${app.dir} do not combine any origin with credentials.` : `No CORS configuration in ${app.dir}.` }];
}

/** The names a source file binds to node-config (`import config from 'config'`, `const config = require('config')`). */
export interface ConfigRefs {
  names: string[];
  config: NodeConfig;
}

function configRefs(code: string, config: NodeConfig): ConfigRefs | undefined {
  const names = [...code.matchAll(/\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s+['"]config['"]|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]config['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
  return names.length ? { names, config } : undefined;
}

const escapeName = (name: string): string => name.replace(/\$/g, '\\$');
const refPattern = (refs: ConfigRefs): RegExp =>
  new RegExp(`\\b(${refs.names.map(escapeName).join('|')})(?:\\.get\\(\\s*['"\`]([\\w.-]+)['"\`]\\s*\\)|((?:\\.[A-Za-z_$][\\w$]*)+)(?!\\s*\\())`, 'g');

/** `cors(config.get('cors'))`: the whole options object from node-config, as JavaScript text. */
function configCall(refs: ConfigRefs, rest: string): string | undefined {
  const m = new RegExp(`^${refPattern(refs).source}\\s*[),]`).exec(rest);
  if (!m) return undefined;
  const key = m[2] ?? m[3]!.slice(1);
  const v = refs.config.get(key);
  return v && v.value !== null && typeof v.value === 'object' && !Array.isArray(v.value) ? `${CONFIG_MARK}${key}${CONFIG_MARK}` : undefined;
}

const CONFIG_MARK = '\u0000';

/** Replaces node-config reads in CORS options by their literal values (recording which), so the option patterns see them. */
function substituteConfig(options: string, refs: ConfigRefs, used: Array<{ key: string; value: ConfigValue }>): string {
  const whole = new RegExp(`^${CONFIG_MARK}([\\w.-]+)${CONFIG_MARK}$`).exec(options);
  if (whole) {
    const v = refs.config.get(whole[1]!)!;
    used.push({ key: whole[1]!, value: v });
    const object = v.value as Record<string, unknown>;
    // Each key of the object as its own read, so `origin` is located at its own line.
    for (const k of Object.keys(object)) {
      const leaf = refs.config.get(`${whole[1]}.${k}`);
      if (leaf) used.push({ key: `${whole[1]}.${k}`, value: leaf });
    }
    return jsLiteral(object);
  }
  return options.replace(refPattern(refs), (text, _name: string, getKey?: string, chain?: string) => {
    const key = getKey ?? chain!.slice(1);
    const v = refs.config.get(key);
    if (!v) return text;
    used.push({ key, value: v });
    return jsLiteral(v.value);
  });
}

function jsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${jsLiteral(v)}`).join(', ')} }`;
  return String(value);
}

// Conditions that name the environment: `isProduction`, `NODE_ENV === 'production'`, `isDev`...
const NOT_PRODUCTION = /!\s*(is_?prod(uction)?|\w*\.?isProd(uction)?)\b|NODE_ENV['"\]]?\s*!==?\s*['"]production['"]|['"]production['"]\s*!==?\s*[\w.]*NODE_ENV/i;
const PRODUCTION = /\bis_?prod(uction)?\b|NODE_ENV['"\]]?\s*===?\s*['"]production['"]|['"]production['"]\s*===?\s*[\w.]*NODE_ENV/i;
const DEVELOPMENT = /\bis_?dev(elopment)?\b|NODE_ENV['"\]]?\s*===?\s*['"](development|dev|local|test)['"]/i;

/**
 * When the code at `offset` only runs outside production (the `else` of
 * `if (isProduction)`, or under `if (isDevelopment)`), the condition that
 * says so; undefined otherwise. Reads the innermost `if`/`else` blocks.
 */
export function developmentBranch(code: string, structure: string, offset: number): string | undefined {
  let at = offset;
  for (let level = 0; level < 6; level++) {
    const open = enclosingBrace(structure, at);
    if (open < 0) return undefined;
    const before = structure.slice(0, open).trimEnd();
    let condition: { text: string; negated: boolean } | undefined;
    let ifAt = open;
    if (/\belse$/.test(before)) {
      const closing = before.length - 'else'.length - 1;
      const close = structure.lastIndexOf('}', closing);
      const ifOpen = close >= 0 ? enclosingBrace(structure, close) : -1;
      condition = ifOpen >= 0 ? conditionBefore(code, structure, ifOpen) : undefined;
      ifAt = ifOpen;
      if (condition) condition = { ...condition, negated: true };
    } else condition = conditionBefore(code, structure, open);
    if (condition) {
      const { text, negated } = condition;
      const devWhenTrue = NOT_PRODUCTION.test(text) || (!PRODUCTION.test(text) && DEVELOPMENT.test(text));
      const prodWhenTrue = !devWhenTrue && PRODUCTION.test(text);
      if ((devWhenTrue && !negated) || (prodWhenTrue && negated)) return `${negated ? 'the else branch of ' : ''}if (${text.trim()}) at line ${lineAt(code, ifAt)}`;
      if (devWhenTrue || prodWhenTrue) return undefined;
    }
    at = open;
  }
  return undefined;
}

/** Offset of the `{` that opens the block holding `offset`, or -1. */
function enclosingBrace(structure: string, offset: number): number {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = structure[i];
    if (ch === '}') depth++;
    else if (ch === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** `if (cond) {` ending at the brace `open`: the condition text. */
function conditionBefore(code: string, structure: string, open: number): { text: string; negated: boolean } | undefined {
  const before = structure.slice(0, open).trimEnd();
  if (!before.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(') {
      depth--;
      if (depth === 0) return /\bif\s*$/.test(before.slice(0, i)) ? { text: code.slice(i + 1, before.length - 1), negated: false } : undefined;
    }
  }
  return undefined;
}
