// GitHub's published OpenAPI description of the REST API (@octokit/openapi),
// used by the stand-in API to reject what GitHub would reject: an unknown
// route or method, an unknown or malformed query parameter, a request body
// that does not match the operation's schema (types, enums, maxLength of a
// check-run summary, maxItems of annotations...).
//
// The dereferenced description is 70 MB; the part we need (every operation's
// parameters and JSON request body) is extracted once and cached in the temp
// directory, keyed by the package version.

import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: object;
}

interface Operation {
  parameters: Parameter[];
  body?: object;
  bodyRequired?: boolean;
}

type Operations = Record<string, Operation>; // "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with `exports.default`: under NodeNext its default import is the module object.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv) => Ajv;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

function loadOperations(): Operations {
  const pkgPath = require.resolve('@octokit/openapi/package.json');
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  const cache = join(tmpdir(), `rg-octokit-openapi-${version}-operations.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Operations;
  const spec = JSON.parse(readFileSync(join(dirname(pkgPath), 'generated', 'api.github.com.deref.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> } }>>;
  };
  const operations: Operations = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      operations[`${method.toUpperCase()} ${path}`] = {
        parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: op.requestBody?.required,
      };
    }
  }
  // Written then renamed, so a parallel test worker never reads half a file.
  const partial = `${cache}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(operations));
  renameSync(partial, cache);
  return operations;
}

export interface Match {
  /** e.g. "POST /repos/{owner}/{repo}/check-runs" */
  operation: string;
  params: Record<string, string>;
}

export interface OpenApi {
  match(method: string, pathname: string): Match | undefined;
  /** Problems GitHub would answer with 4xx; empty when the request is valid. */
  validate(match: Match, query: URLSearchParams, body: unknown): string[];
}

/**
 * OpenAPI 3.0 lets `nullable` stand next to `oneOf` without a `type`; Ajv
 * only accepts it beside a type. There it means "or null", so say that.
 */
function ajvCompatible(schema: unknown): object {
  if (Array.isArray(schema)) return schema.map(ajvCompatible);
  if (!schema || typeof schema !== 'object') return schema as object;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' || key === 'example' || key === 'examples' ? value : ajvCompatible(value);
  if (out['properties'] && typeof out['properties'] === 'object') {
    out['properties'] = Object.fromEntries(Object.entries(out['properties'] as object).map(([k, v]) => [k, ajvCompatible(v)]));
  }
  if (out['nullable'] === true && out['type'] === undefined) {
    delete out['nullable'];
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

export function loadOpenApi(): OpenApi {
  const operations = loadOperations();
  const routes = Object.keys(operations).map((key) => {
    const [method, template] = key.split(' ') as [string, string];
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    // Literal segments first, so /repos/{o}/{r}/issues/comments beats /repos/{o}/{r}/issues/{issue_number}.
    return { key, method, regex: new RegExp(`^${source}$`), names, literal: template.replace(/\{[^}]+\}/g, '').length };
  });
  routes.sort((a, b) => b.literal - a.literal);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<object, ValidateFunction>();
  const validator = (schema: object): ValidateFunction => {
    let fn = compiled.get(schema);
    if (!fn) compiled.set(schema, (fn = ajv.compile(ajvCompatible(schema))));
    return fn;
  };

  return {
    match(method, pathname) {
      for (const route of routes) {
        if (route.method !== method) continue;
        const m = route.regex.exec(pathname);
        if (!m) continue;
        return { operation: route.key, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
      }
      return undefined;
    },
    validate(match, query, body) {
      const op = operations[match.operation]!;
      const problems: string[] = [];
      for (const name of new Set(query.keys())) {
        const param = op.parameters.find((p) => p.in === 'query' && p.name === name);
        if (!param) {
          problems.push(`unknown query parameter ${name}`);
          continue;
        }
        const raw = query.get(name)!;
        const schema = param.schema as { type?: string } | undefined;
        const value = schema?.type === 'integer' || schema?.type === 'number' ? Number(raw) : schema?.type === 'boolean' ? raw === 'true' : raw;
        if (schema && !validator(schema)(value)) problems.push(`query ${name}=${raw}: ${ajv.errorsText(validator(schema).errors)}`);
      }
      for (const param of op.parameters) {
        if (param.in === 'query' && param.required && !query.has(param.name)) problems.push(`missing query parameter ${param.name}`);
      }
      for (const param of op.parameters.filter((p) => p.in === 'path')) {
        const schema = param.schema as { type?: string } | undefined;
        const raw = match.params[param.name] ?? '';
        const value = schema?.type === 'integer' ? Number(raw) : raw;
        if (schema && !validator(schema)(value)) problems.push(`path ${param.name}=${raw}: ${ajv.errorsText(validator(schema).errors)}`);
      }
      if (op.body) {
        if (body === undefined) {
          if (op.bodyRequired) problems.push('missing request body');
        } else {
          const validate = validator(op.body);
          if (!validate(body)) problems.push(`body: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
        }
      } else if (body !== undefined && match.operation.startsWith('GET')) {
        problems.push('a GET request carries a body');
      }
      return problems;
    },
  };
}
