// Fix texts that fit the finding (issue 23): a check knows what it saw (the language or format of the file, the
// name a value is assigned to, the image, the service, the framework) and its fix says what to do there, not
// what to do in every stack at once. Each check runs on real files in a temp directory or against a real server.
import { afterAll, describe, expect, it } from '@jest/globals';
import { cookieFlags } from '../../src/checks/cookies/flags.js';
import { corsPolicy } from '../../src/checks/cors/policy.js';
import { composeDatastoreVolume } from '../../src/checks/compose/datastore-volume.js';
import { composeExposedDatastore } from '../../src/checks/compose/exposed-datastore.js';
import { composeHealthcheck } from '../../src/checks/compose/healthcheck.js';
import { composeImagePinning } from '../../src/checks/compose/image-pinning.js';
import { composeInlineSecret } from '../../src/checks/compose/inline-secret.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import { envCommittedFile } from '../../src/checks/env/committed-file.js';
import { envInsecureDefaults } from '../../src/checks/env/insecure-defaults.js';
import { envRequired } from '../../src/checks/env/required.js';
import { envUndocumented } from '../../src/checks/env/undocumented.js';
import { k8sImagePinning } from '../../src/checks/k8s/image-pinning.js';
import { nodeChecks } from '../../src/checks/node/index.js';
import { pythonChecks } from '../../src/checks/python/index.js';
import { dockerBaseImagePinned } from '../../src/checks/docker/base-image-pinned.js';
import { dockerHealthcheck } from '../../src/checks/docker/healthcheck.js';
import { dockerNonRoot } from '../../src/checks/docker/non-root.js';
import { dockerSecretsInImage } from '../../src/checks/docker/secrets-in-image.js';
import { secretsHardcoded } from '../../src/checks/secrets/hardcoded.js';
import { renderMarkdown, renderText } from '../../src/report/index.js';
import { finding, reportOf } from '../github/reports.js';
import { audit } from '../repo-inspect/helpers.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { startServer, type TestServer } from '../helpers/server.js';

// Assembled at run time, so this file holds no literal credential for secrets.hardcoded to find.
const j = (...parts: string[]): string => parts.join('');
const GITHUB = j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE');
const KEY = j('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA ', 'PRIVATE KEY-----\n');

describe('secrets.hardcoded', () => {
  it('gives each kind of file its own concrete fix, naming what the value is assigned to', async () => {
    const result = await audit([secretsHardcoded], {
      'app/settings.py': `GITHUB_TOKEN = "${GITHUB}"\n`,
      'src/client.ts': `export const githubToken = '${GITHUB}';\n`,
      'docker-compose.yml': `services:\n  bot:\n    image: bot:1.2.3\n    environment:\n      BOT_TOKEN: ${GITHUB}\n`,
      'config/app.yaml': `github:\n  token: ${GITHUB}\n`,
      'config/app.json': `{ "githubToken": "${GITHUB}" }\n`,
      'deploy/prod.env': `GH_TOKEN=${GITHUB}\n`,
      'certs/server.key': KEY,
    });
    const fix = (path: string) => of(result, 'secrets.hardcoded').find((f) => f.location?.path === path)!.remediation;
    const all = ['app/settings.py', 'src/client.ts', 'docker-compose.yml', 'config/app.yaml', 'config/app.json', 'deploy/prod.env', 'certs/server.key'];
    for (const path of all) expect(fix(path)).toMatch(/^Revoke and rotate/);
    expect(fix('app/settings.py')).toContain('GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]');
    expect(fix('src/client.ts')).toContain("process.env.GITHUB_TOKEN; if (!value) throw new Error('GITHUB_TOKEN is required')");
    expect(fix('docker-compose.yml')).toContain('BOT_TOKEN: ${BOT_TOKEN:?set BOT_TOKEN}');
    expect(fix('config/app.yaml')).toContain('token: ${TOKEN}');
    expect(fix('config/app.yaml')).toContain('config/app.yaml');
    expect(fix('config/app.json')).toContain('remove `"githubToken"` from `config/app.json`');
    expect(fix('deploy/prod.env')).toContain('git rm --cached deploy/prod.env');
    expect(fix('deploy/prod.env')).toContain('`GH_TOKEN=`');
    expect(fix('certs/server.key')).toContain('delete `certs/server.key`');
    // Each its own: no language's fix in another's.
    expect(fix('app/settings.py')).not.toMatch(/process\.env|compose|git rm/);
    expect(fix('src/client.ts')).not.toMatch(/os\.environ|compose/);
    expect(fix('docker-compose.yml')).not.toMatch(/os\.environ|process\.env/);
    expect(new Set(all.map(fix)).size).toBe(all.length);
  });
});

describe('compose and Dockerfile checks', () => {
  const compose = [
    'services:',
    '  db:',
    '    image: postgres:latest',
    '    ports: ["5432:5432"]',
    '    environment:',
    `      POSTGRES_PASSWORD: ${j('Tr0ub4dor', '-and-3-horses')}`,
    '  cache:',
    '    image: redis',
    '    command: redis-server --requirepass ' + j('Zx81qLm2', 'Vb7TyR4w'),
    '  web:',
    '    image: ghcr.io/acme/web:stable',
    '',
  ].join('\n');

  it('name the image, the service, the key, the port and the store they saw', async () => {
    const result = await audit([composeImagePinning, composeInlineSecret, composeExposedDatastore, composeDatastoreVolume, composeHealthcheck], { 'docker-compose.yml': compose });
    const fixes = (id: string) => of(result, id).filter((f) => f.status === 'fail').map((f) => f.remediation);
    expect(fixes('compose.image-pinning')).toEqual([
      expect.stringContaining('Pin `postgres` in service `db`'),
      expect.stringContaining('Pin `redis` in service `cache`'),
      expect.stringContaining('`image: ghcr.io/acme/web:<version>`'),
    ]);
    expect(fixes('compose.inline-secret')).toEqual([
      expect.stringContaining('`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}`'),
      expect.stringContaining('`--requirepass ${REQUIREPASS:?set REQUIREPASS}`'),
    ]);
    expect(fixes('compose.exposed-datastore')).toEqual([expect.stringContaining('`"127.0.0.1:5432:5432"`')]);
    expect(fixes('compose.datastore-volume')[0]).toContain('"db-data:/var/lib/postgresql/data"');
    const health = of(result, 'compose.healthcheck').filter((f) => f.status === 'fail');
    const healthOf = (service: string) => health.find((f) => f.message.includes(`\`${service}\``))!.remediation;
    expect(healthOf('db')).toContain('pg_isready');
    expect(healthOf('cache')).toContain('redis-cli');
    expect(healthOf('web')).toContain('/health');
    expect(healthOf('web')).not.toMatch(/pg_isready|redis-cli/);
  });

  it('fit the base image of the Dockerfile: its user, its probe, its name', async () => {
    const result = await audit([dockerNonRoot, dockerHealthcheck, dockerBaseImagePinned, dockerSecretsInImage], {
      'node/Dockerfile': 'FROM node:lts\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'py/Dockerfile': `FROM python:3.12-slim\nENV API_TOKEN=${j('Zx81qLm2', 'Vb7TyR4wNp9K')}\nCOPY .env /app/.env\nCMD ["python", "app.py"]\n`,
      'alp/Dockerfile': 'FROM alpine\nARG NPM_TOKEN=' + j('npm_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O50Zb5Hm') + '\nCMD ["/app"]\n',
    });
    const fixAt = (id: string, path: string, line?: number) => of(result, id).find((f) => f.status === 'fail' && f.location?.path === path && (line === undefined || f.location.line === line))!.remediation;
    expect(fixAt('docker.non-root', 'node/Dockerfile')).toContain('`USER node`');
    expect(fixAt('docker.non-root', 'py/Dockerfile')).toContain('useradd');
    expect(fixAt('docker.non-root', 'alp/Dockerfile')).toContain('adduser -S');
    expect(fixAt('docker.healthcheck', 'node/Dockerfile')).toContain('node -e "fetch(');
    expect(fixAt('docker.healthcheck', 'py/Dockerfile')).toContain('urllib.request');
    expect(fixAt('docker.healthcheck', 'alp/Dockerfile')).toContain('wget -qO-');
    expect(fixAt('docker.base-image-pinned', 'node/Dockerfile')).toContain('`FROM node:<version>`');
    expect(fixAt('docker.base-image-pinned', 'alp/Dockerfile')).toContain('`FROM alpine:<version>`');
    expect(fixAt('docker.secrets-in-image', 'py/Dockerfile', 2)).toContain('docker run -e API_TOKEN');
    expect(fixAt('docker.secrets-in-image', 'py/Dockerfile', 3)).toContain('`.env` out of the build context');
    expect(fixAt('docker.secrets-in-image', 'alp/Dockerfile', 2)).toContain('RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN');
  });
});

describe('django.* write the fix the way the settings read the environment', () => {
  const project = (settings: string) => ({
    'manage.py': 'import os\nimport sys\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
  });
  const flawed = {
    'os.environ': 'import os\n\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-abc123")\nDEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"\nALLOWED_HOSTS = ["*"]\nCORS_ALLOW_ALL_ORIGINS = True\n',
    'django-environ': 'import environ\n\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-abc123")\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])\nCORS_ALLOW_ALL_ORIGINS = True\n',
    decouple: 'from decouple import Csv, config\n\nSECRET_KEY = config("DJANGO_SECRET_KEY", default="django-insecure-abc123")\nDEBUG = config("DJANGO_DEBUG", default=True, cast=bool)\nALLOWED_HOSTS = ["*"]\nCORS_ALLOW_ALL_ORIGINS = True\n',
  };
  const expected = {
    'os.environ': { secret: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', debug: 'DEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"', hosts: 'ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")', cors: 'CORS_ALLOWED_ORIGINS = os.environ["CORS_ALLOWED_ORIGINS"].split(",")' },
    'django-environ': { secret: 'SECRET_KEY = env("DJANGO_SECRET_KEY")', debug: 'DEBUG = env.bool("DJANGO_DEBUG", default=False)', hosts: 'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")', cors: 'CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS")' },
    decouple: { secret: 'SECRET_KEY = config("DJANGO_SECRET_KEY")', debug: 'DEBUG = config("DJANGO_DEBUG", default=False, cast=bool)', hosts: 'ALLOWED_HOSTS = config("DJANGO_ALLOWED_HOSTS", cast=Csv())', cors: 'CORS_ALLOWED_ORIGINS = config("CORS_ALLOWED_ORIGINS", cast=Csv())' },
  };
  for (const reader of ['os.environ', 'django-environ', 'decouple'] as const) {
    it(`with ${reader}`, async () => {
      const result = await audit(djangoChecks, project(flawed[reader]));
      const fix = (id: string) => of(result, id).find((f) => f.status === 'fail')?.remediation;
      expect(fix('django.secret-key')).toContain(expected[reader].secret);
      expect(fix('django.debug')).toContain(expected[reader].debug);
      expect(fix('django.allowed-hosts')).toContain(expected[reader].hosts);
      expect(fix('django.cors')).toContain(expected[reader].cors);
      for (const id of ['django.secret-key', 'django.debug', 'django.allowed-hosts', 'django.cors']) expect(fix(id)).toContain('mysite/settings.py');
    });
  }
});

describe('python.* and node.* give the fix of the framework they saw', () => {
  it('Flask, FastAPI and flask-cors', async () => {
    const result = await audit(pythonChecks, {
      'requirements.txt': 'flask==3.0.3\nflask-cors==4.0.1\nfastapi==0.111.0\n',
      'web/app.py': 'from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, supports_credentials=True)\n\nif __name__ == "__main__":\n    app.run(debug=True)\n',
      'api/main.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI(debug=True)\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n',
    });
    const fix = (id: string, path: string) => of(result, id).find((f) => f.status === 'fail' && f.location?.path === path)!.remediation;
    expect(fix('python.debug', 'web/app.py')).toContain('flask --app web.app run --debug');
    expect(fix('python.debug', 'api/main.py')).toContain('FastAPI(debug=os.environ.get("APP_DEBUG") == "1")');
    expect(fix('python.cors', 'web/app.py')).toContain('CORS(app, origins=[');
    expect(fix('python.cors', 'api/main.py')).toContain('give CORSMiddleware the front-end origins');
    expect(fix('python.cors', 'api/main.py')).not.toContain('flask');
  });

  it('Express and Fastify', async () => {
    const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'api', version: '1.0.0', dependencies: deps });
    const result = await audit(nodeChecks, {
      'express-api/package.json': pkg({ express: '^4.19.2', cors: '^2.8.5' }),
      'express-api/src/server.js': "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.use(cors({ origin: true, credentials: true }));\napp.listen(3000);\n",
      'fastify-api/package.json': pkg({ fastify: '^4.28.0', '@fastify/cors': '^9.0.1' }),
      'fastify-api/src/server.js': "const fastify = require('fastify');\nconst cors = require('@fastify/cors');\nconst app = fastify();\napp.register(cors, { origin: true, credentials: true });\napp.listen({ port: 3000 });\n",
    });
    const fix = (id: string, path: string) => of(result, id).find((f) => f.status === 'fail' && f.location?.path.startsWith(path))!.remediation;
    expect(fix('node.rate-limit', 'express-api/')).toContain('express-rate-limit');
    expect(fix('node.rate-limit', 'fastify-api/')).toContain('@fastify/rate-limit');
    expect(fix('node.cors', 'express-api/')).toContain("app.use(cors({ origin: ['https://app.example.com'], credentials: true }))");
    expect(fix('node.cors', 'fastify-api/')).toContain("app.register(cors, { origin: ['https://app.example.com'], credentials: true })");
  });
});

describe('cookies.flags and cors.policy write the fix for the framework the responses show', () => {
  const FAST_HTTP = { http: { 'timeout-ms': 1500, 'connect-timeout-ms': 1000 } };
  /** A server that reflects any Origin with credentials and sets `cookies`, with `headers` on every response. */
  const app = (cookies: string[], headers: Record<string, string>) =>
    startServer((req, res) => {
      const origin = req.headers.origin;
      res.writeHead(200, { 'content-type': 'text/html', ...headers, 'set-cookie': cookies, ...(origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {}) });
      res.end('<html><body>ok</body></html>');
    });
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  async function fixes(cookies: string[], headers: Record<string, string>) {
    const server = await app(cookies, headers);
    servers.push(server);
    const result = await runChecks([cookieFlags, corsPolicy], { target: server.url, config: FAST_HTTP });
    const cookie = (name: string) => of(result, 'cookies.flags').find((f) => f.status === 'fail' && f.message.includes(` ${name}:`))!.remediation;
    const cors = of(result, 'cors.policy').find((f) => f.status === 'fail')!.remediation;
    return { cookie, cors };
  }

  it('Django, by its cookie names', async () => {
    const { cookie, cors } = await fixes(['sessionid=abc; Path=/', 'csrftoken=def; Path=/'], {});
    expect(cookie('sessionid')).toContain('SESSION_COOKIE_SECURE = True');
    expect(cookie('sessionid')).toContain('served by Django, by its cookie sessionid');
    expect(cookie('csrftoken')).toContain('CSRF_COOKIE_SECURE = True');
    expect(cors).toContain('CORS_ALLOWED_ORIGINS = ["https://app.example.com"]');
  });

  it('Express, by X-Powered-By', async () => {
    const { cookie, cors } = await fixes(['connect.sid=s%3Aabc; Path=/'], { 'x-powered-by': 'Express' });
    expect(cookie('connect.sid')).toContain("session({ cookie: { secure: true, httpOnly: true, sameSite: 'lax' } })");
    expect(cors).toContain("cors({ origin: ['https://app.example.com'], credentials: true })");
  });

  it('nothing known: the Set-Cookie attributes and the generic CORS fix', async () => {
    const { cookie, cors } = await fixes(['sid=abc; Path=/'], { server: 'custom' });
    expect(cookie('sid')).toBe('Set the cookie as `Set-Cookie: sid=…; Path=/; Secure; HttpOnly; SameSite=Lax` wherever the application or the proxy in front of it writes it.');
    expect(cors).toBe(corsPolicy.docs.fix);
  });
});

describe('env.* name the variable, the file and the language of the read', () => {
  it('env.undocumented: the template line, and an optional read\'s default in its own language', async () => {
    const result = await audit([envUndocumented], {
      '.env.example': 'DATABASE_URL=\n',
      'app/settings.py': 'import os\nREDIS_URL = os.environ.get("REDIS_URL")\nAPI_KEY = os.environ["API_KEY"]\n',
      'web/server.js': 'const port = process.env.PORT_NUMBER;\nconst secret = process.env.SESSION_SECRET;\n',
    });
    const fix = (name: string) => of(result, 'env.undocumented').find((f) => f.message.startsWith(`${name} `))!.remediation;
    expect(fix('REDIS_URL')).toBe('Add `REDIS_URL=` to `.env.example` with a placeholder and a comment saying what it is for and where its value comes from, or give it a safe default where it is read (app/settings.py:2): `os.environ.get("REDIS_URL", "<safe default>")`.');
    expect(fix('PORT_NUMBER')).toContain("`process.env.PORT_NUMBER ?? '<safe default>'`");
    // A secret has no safe default, and a required read cannot take one: the template is the fix.
    expect(fix('SESSION_SECRET')).toBe('Add `SESSION_SECRET=` to `.env.example` with a placeholder and a comment saying what it is for and where its value comes from.');
    expect(fix('API_KEY')).toBe('Add `API_KEY=` to `.env.example` with a placeholder and a comment saying what it is for and where its value comes from.');
  });

  it('env.required, env.committed-file and env.insecure-defaults: the line to write in the file seen', async () => {
    const result = await audit(
      [envRequired, envCommittedFile, envInsecureDefaults],
      {
        '.env.production.example': 'DEBUG=true\nSECRET_KEY=changeme\nALLOWED_HOSTS=*\n',
        'deploy/.env.prod': `DB_PASSWORD=${j('Zx81qLm2', 'Vb7TyR4wNp9K')}\n`,
      },
      { git: true, config: { repo: { 'required-env': ['SENTRY_DSN'] } } },
    );
    expect(of(result, 'env.required').find((f) => f.status === 'fail')!.remediation).toContain('Add `SENTRY_DSN=` to `.env.production.example`');
    expect(of(result, 'env.committed-file').find((f) => f.status === 'fail')!.remediation).toBe(
      'Untrack it (`git rm --cached deploy/.env.prod`), add `/deploy/.env.prod` to `.gitignore`, and commit `deploy/.env.prod.example` with the same keys and placeholder values instead. Rotate DB_PASSWORD: it stays in the history of every clone.',
    );
    const insecure = (line: number) => of(result, 'env.insecure-defaults').find((f) => f.location?.line === line)!.remediation;
    expect(insecure(1)).toContain('write `DEBUG=false`');
    expect(insecure(2)).toContain('write `SECRET_KEY=` (empty)');
    expect(insecure(2)).toContain('openssl rand -hex 32');
    expect(insecure(3)).toContain('write `ALLOWED_HOSTS=example.com,www.example.com`');
  });
});

describe('k8s.image-pinning', () => {
  it('names the image it saw, in the manifest', async () => {
    const result = await audit([k8sImagePinning], {
      'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:latest\n',
    });
    expect(of(result, 'k8s.image-pinning').find((f) => f.status === 'fail')!.remediation).toContain('`image: ghcr.io/acme/web:<release or commit SHA>`');
  });
});

describe('a check whose places have fixes of their own', () => {
  const report = reportOf([
    finding({ checkId: 'env.required', severity: 'P0', file: '.env.example', message: 'Required variable SECRET_KEY is missing.', remediation: 'Add `SECRET_KEY=` to `.env.example`.' }),
    finding({ checkId: 'env.required', severity: 'P0', file: '.env.example', message: 'Required variable REDIS_URL is missing.', remediation: 'Add `REDIS_URL=` to `.env.example`.' }),
  ]);

  it('gives each place its own fix in the text report and the full markdown, never one place\'s fix for all', () => {
    const text = renderText(report, { color: false });
    expect(text).toMatch(/SECRET_KEY is missing\.\n\s+Fix: Add `SECRET_KEY=`/);
    expect(text).toMatch(/REDIS_URL is missing\.\n\s+Fix: Add `REDIS_URL=`/);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('SECRET\\_KEY is missing. **Fix:** Add `SECRET_KEY=`');
    expect(markdown).toContain('REDIS\\_URL is missing. **Fix:** Add `REDIS_URL=`');
    expect(markdown).not.toMatch(/^ {2}- \*\*Fix:\*\*/m);
  });

  it('says "first place" when a shortened body shows one fix', () => {
    const markdown = renderMarkdown(report, { maxLocations: 1, maxMessage: 100 });
    expect(markdown).toContain('**Fix (first place):** Add `SECRET_KEY=`');
  });
});
