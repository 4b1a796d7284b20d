import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { nodeChecks } from '../../src/checks/node/index.js';
import { pythonChecks } from '../../src/checks/python/index.js';
import { allowsAnyOriginWithCredentials, corsOptionsIn } from '../../src/checks/node/cors.js';
import * as fx from './fixtures.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: fx.Files, checks = [...nodeChecks, ...pythonChecks]) {
  const repo = makeRepo(files);
  repos.push(repo);
  return runChecks(checks, { repo: repo.root });
}

// The project's manifest: what makes app.py / main.py beside it the application's entry point (production by evidence).
const PYPROJECT: fx.Files = { 'pyproject.toml': '[project]\nname = "api"\nversion = "1.0.0"\n' };

const at = (findings: Array<{ status: string; severity?: string; location?: { path: string; line: number } }>) =>
  findings.map((f) => `${f.status} ${f.severity} ${f.location ? `${f.location.path}:${f.location.line}` : '-'}`);

describe('node.* on an Express app', () => {
  it('flags the app without helmet, its reflected credentialed CORS and the missing limiter', async () => {
    const result = await audit(fx.expressFlawed());
    const middleware = of(result, 'node.security-middleware');
    expect(at(middleware)).toEqual(['fail P1 src/server.js:5']);
    expect(middleware[0]!.message).toBe('Express app in . (src/server.js:5) uses neither helmet nor its own security headers, and leaves X-Powered-By: Express on (read 1 source file(s) of .).');
    expect(at(of(result, 'node.cors'))).toEqual(['fail P1 src/server.js:7']);
    expect(of(result, 'node.cors')[0]!.message).toContain('allows every origin (reflected) together with credentials: true');
    expect(at(of(result, 'node.rate-limit'))).toEqual(['fail P2 package.json:10']);
  });

  it('passes the hardened app', async () => {
    const result = await audit(fx.expressHardened());
    expect(result.findings.filter((f) => f.checkId.startsWith('node.')).map((f) => `${f.checkId} ${f.status}`).sort()).toEqual([
      'node.cors pass',
      'node.rate-limit pass',
      'node.security-middleware pass',
    ]);
    expect(of(result, 'node.security-middleware')[0]!.message).toBe('.: helmet is used (src/server.js:2).');
  });

  it('accepts x-powered-by disabled without helmet, and skips repositories without a Node server', async () => {
    const files = fx.expressFlawed();
    files['src/server.js'] = files['src/server.js']!.replace("const corsOptions", "app.disable('x-powered-by');\nconst corsOptions");
    expect(at(of(await audit(files), 'node.security-middleware'))).toEqual(['pass P1 -']);
    const none = await audit({ 'package.json': '{"name":"lib","dependencies":{"lodash":"^4"}}\n' }, nodeChecks);
    expect(none.findings.map((f) => f.status)).toEqual(['skip', 'skip', 'skip']);
  });

  it('flags a Fastify app without a limiter but leaves X-Powered-By alone (Fastify does not send it)', async () => {
    const result = await audit({ 'package.json': '{\n  "name": "svc",\n  "dependencies": {\n    "fastify": "^4.27.0"\n  }\n}\n', 'src/index.ts': "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.register(import('@fastify/cors'), { origin: '*' });\n" }, nodeChecks);
    expect(result.findings.map((f) => `${f.checkId} ${f.status} ${f.location ? `${f.location.path}:${f.location.line}` : '-'}`).sort()).toEqual([
      'node.cors pass -',
      'node.rate-limit fail package.json:4',
      'node.security-middleware skip -',
    ]);
  });

  it('reads cors options inline, by variable, and in NestJS enableCors', () => {
    const code = "app.enableCors({\n  origin: '*',\n  credentials: true,\n});\nconst x = cors({ origin: 'https://a.example' });";
    const found = corsOptionsIn(code);
    expect(found.map((f) => f.line)).toEqual([1, 5]);
    expect(allowsAnyOriginWithCredentials(found[0]!.options)).toEqual({ origin: "'*'" });
    expect(allowsAnyOriginWithCredentials(found[1]!.options)).toBeUndefined();
  });
});

describe('python.* on Flask and FastAPI apps', () => {
  it('flags app.run(debug=...) that falls back to on', async () => {
    const findings = of(await audit({ ...fx.flaskDebug(), ...PYPROJECT }, pythonChecks), 'python.debug');
    expect(at(findings)).toEqual(['fail P0 app.py:14']);
    expect(findings[0]!.role).toEqual({ role: 'production', reason: 'application source: a Python entry point beside the project manifest', rule: 'evidence:application-source' });
    expect(findings[0]!.message).toContain('app.py:14 starts the development server with debug=True (falls back to on when FLASK_DEBUG is unset)');
  });

  it("puts app.run(debug=True) at P2 when the production image serves the app with gunicorn (I Hate Money's run.py), P0 when its entrypoint runs the module as a script", async () => {
    const release = { '.github/workflows/release.yml': 'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n          tags: ghcr.io/acme/app:1.0.0\n' };
    const gunicorn = { ...fx.flaskDebug(), ...PYPROJECT, ...release, Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nUSER app\nCMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]\n' };
    const served = of(await audit(gunicorn, pythonChecks), 'python.debug');
    expect(at(served)).toEqual(['fail P2 app.py:14']);
    expect(served[0]!.message).toContain('P2: production serves the app with gunicorn (Dockerfile), not this development server');
    const script = { ...gunicorn, Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nUSER app\nCMD ["sh", "-c", "gunicorn --version && python app.py"]\n' };
    expect(at(of(await audit(script, pythonChecks), 'python.debug'))).toEqual(['fail P0 app.py:14']);
  });

  it('passes a Flask app whose debug defaults to off', async () => {
    const files = fx.flaskDebug();
    files['app.py'] = files['app.py']!.replace('"FLASK_DEBUG", "1"', '"FLASK_DEBUG", "0"');
    expect(at(of(await audit(files, pythonChecks), 'python.debug'))).toEqual(['pass P0 -']);
  });

  it('flags FastAPI CORSMiddleware with allow_origins=["*"] and credentials, and FastAPI(debug=True)', async () => {
    const files = fx.fastapiCors();
    files['main.py'] = files['main.py']!.replace('FastAPI(title="api")', 'FastAPI(title="api", debug=True)');
    const result = await audit({ ...files, ...PYPROJECT }, pythonChecks);
    expect(at(of(result, 'python.cors'))).toEqual(['fail P1 main.py:5']);
    expect(of(result, 'python.cors')[0]!.message).toContain('CORSMiddleware at main.py:5 has allow_origins=["*"] with allow_credentials=True');
    expect(at(of(result, 'python.debug'))).toEqual(['fail P0 main.py:4']);
  });

  it('passes explicit origins, and flags flask-cors defaults with credentials', async () => {
    const files = fx.fastapiCors();
    files['main.py'] = files['main.py']!.replace('allow_origins=["*"]', 'allow_origins=["https://app.example.com"]');
    expect(at(of(await audit(files, pythonChecks), 'python.cors'))).toEqual(['pass P1 -']);
    const flask = await audit({ 'app.py': 'from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, supports_credentials=True)\n' }, pythonChecks);
    expect(at(of(flask, 'python.cors'))).toEqual(['fail P1 app.py:5']);
  });

  it('follows a module-level origins list (the FastAPI tutorial pattern)', async () => {
    const source = 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\norigins = ["*"]\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=origins,\n    allow_credentials=True,\n)\n';
    expect(at(of(await audit({ 'main.py': source }, pythonChecks), 'python.cors'))).toEqual(['fail P1 main.py:6']);
    const listed = source.replace('origins = ["*"]', 'origins = ["https://app.example.com"]');
    expect(at(of(await audit({ 'main.py': listed }, pythonChecks), 'python.cors'))).toEqual(['pass P1 -']);
  });

  it('follows a module-level DEBUG flag passed to app.run', async () => {
    const source = 'from flask import Flask\n\nDEBUG = True\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=DEBUG)\n';
    expect(at(of(await audit({ 'app.py': source, ...PYPROJECT }, pythonChecks), 'python.debug'))).toEqual(['fail P0 app.py:7']);
  });

  it('does not report debug=True under an `if` that reads a debug setting (searxng), unless the module sets that setting on', async () => {
    const guarded = [
      'from flask import Flask',
      'from app import settings',
      'app = Flask(__name__)',
      '',
      'def run():',
      '    if settings.sxng_debug:',
      '        app.run(debug=True, port=8888)',
      '    else:',
      '        app.run(port=8888)',
      '',
      'def init():',
      '    if settings.sxng_debug or app.debug:',
      '        app.debug = True',
      '',
    ].join('\n');
    expect(at(of(await audit({ 'app.py': guarded, ...PYPROJECT }, pythonChecks), 'python.debug'))).toEqual(['pass P0 -']);
    const forced = 'from flask import Flask\n\nDEBUG = True\napp = Flask(__name__)\n\nif DEBUG:\n    app.run(debug=True)\n';
    expect(at(of(await audit({ 'app.py': forced, ...PYPROJECT }, pythonChecks), 'python.debug'))).toEqual(['fail P0 app.py:7']);
  });
});
