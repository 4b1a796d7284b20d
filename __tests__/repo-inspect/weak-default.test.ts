import { describe, expect, it } from '@jest/globals';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { jsFallbacks, pythonFallbacks } from '../../src/parse/fallbacks.js';
import { audit, messages, where } from './helpers.js';

const ID = 'secrets.weak-default';

// Evidence that production reaches the files (SEVERITY.md): the deploy docs run the compose file; the
// application's manifests declare its source.
const DEPLOY_README = '# App\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n';
const PYTHON_PROJECT = { 'pyproject.toml': '[project]\nname = "app"\nversion = "1.0.0"\n', 'app/__init__.py': '' };
const NODE_PACKAGE = { 'package.json': '{"name": "api", "version": "1.0.0", "main": "src/index.ts"}\n' };

describe('compose defaults', () => {
  // A production compose file (the real shape: DEFAULT_PASSWORD with a French weak default).
  const PROD = [
    'services:', // 1
    '  app:', // 2
    '    image: ghcr.io/acme/app:1.4.2', // 3
    '    environment:', // 4
    '      DEFAULT_PASSWORD: "${DEFAULT_PASSWORD:-passe123}"', // 5 P0
    '      SECRET_KEY: ${SECRET_KEY}', // 6 no default: never a finding
    '      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET}', // 7 required
    '      SENTRY_AUTH_TOKEN: ${SENTRY_AUTH_TOKEN:-}', // 8 empty default
    '      MAPS_API_KEY: ${MAPS_API_KEY:-changeme}', // 9 P1: not a password or signing key
    '      DATABASE_URL: ${DATABASE_URL:-postgres://app:app@db:5432/app}', // 10 P1: URL password
    '      # OLD_PASSWORD: ${OLD_PASSWORD:-secret}', // 11 comment (TOKEN_URL below: a location, not a secret)
    '  db:', // 12
    '    image: postgres:16.4', // 13
    '    environment:', // 14
    '      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-password}', // 15 P1: db publishes no port (internal network only)
    '      - POSTGRES_USER=${POSTGRES_USER:-postgres} TOKEN_URL=${TOKEN_URL:-https://auth.example.com/token} JWT_KEY=${JWT_KEY:-/run/keys/jwt.pem}', // 16 not secrets
    '      - SESSION_SECRET=${SESSION_SECRET-Kx8vQ2mZp4Lr7Tn1Wc5Yb9Hd3Fg6Js0A}', // 17 a generated literal: a credential wherever it is committed, P0
    '',
  ].join('\n');

  it('reports each weak or literal fallback of a secret-named variable at its line, value redacted', async () => {
    const result = await audit([secretsWeakDefault], { 'docker-compose.prod.yml': PROD, 'README.md': DEPLOY_README });
    expect(where(result, ID)).toEqual([
      'fail P0 docker-compose.prod.yml:5',
      'fail P0 docker-compose.prod.yml:17',
      'fail P1 docker-compose.prod.yml:9',
      'fail P1 docker-compose.prod.yml:10',
      'fail P1 docker-compose.prod.yml:15',
    ]);
    const text = messages(result, ID).join('\n');
    // SEVERITY.md: a default password of a datastore production reaches only on its internal network is P1;
    // a generated literal is a credential wherever it is committed.
    expect(messages(result, ID).slice(4).map((m) => m.endsWith('P1: it protects `db`, which publishes no port.'))).toEqual([true]);
    expect(text).toContain('docker-compose.prod.yml:5: ${DEFAULT_PASSWORD:-…} falls back to a weak literal ([redacted, 8 chars]) when DEFAULT_PASSWORD is not set.');
    expect(text).toContain('a committed literal (Kx8v[redacted, 32 chars])');
    for (const secret of ['passe123', 'changeme', ':-password', 'app:app', 'Kx8vQ2mZp4Lr7Tn1Wc5Yb9Hd3Fg6Js0A']) expect(text).not.toContain(secret);
  });

  it('caps a development file at P2, skips test files, and skips a default the committed .env overrides', async () => {
    const line = 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-password}\n';
    const result = await audit([secretsWeakDefault], {
      'docker-compose.dev.yml': line,
      'docker-compose.test.yml': line,
      'deploy/docker-compose.yml': line,
      'deploy/.env': 'POSTGRES_PASSWORD=Zr8kLq2vN5xW7pT4\n',
    });
    expect(where(result, ID)).toEqual(['fail P2 docker-compose.dev.yml:5']);
  });

  it('judges a compose file under the role of the deployment that runs it', async () => {
    const base = '# Local development stack\nservices:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-password}\n';
    // Alone, a file whose header says it is for development: at most P2.
    expect(where(await audit([secretsWeakDefault], { 'compose.yml': base }), ID)).toEqual(['fail P2 compose.yml:6']);
    // The base of a production chain runs in production (where its overlay publishes the database: P0).
    const result = await audit([secretsWeakDefault], {
      'compose.yml': base,
      'compose.prod.yml': 'services:\n  db:\n    restart: always\n    ports:\n      - "5432:5432"\n',
      Makefile: 'deploy:\n\tdocker compose -f compose.yml -f compose.prod.yml up -d\n',
    });
    expect(where(result, ID)).toEqual(['fail P0 compose.yml:6']);
  });
});

describe('Python defaults', () => {
  const SETTINGS = [
    'import os', // 1
    'import environ', // 2
    'from decouple import config', // 3
    'env = environ.Env()', // 4
    'SECRET_KEY = os.getenv("SECRET_KEY", "dev")', // 5 P0
    'DB_PASSWORD = os.environ.get("DB_PASSWORD", \'postgres\')', // 6 P1: sent to the database, which has its own
    'JWT_SIGNING_KEY = env("JWT_SIGNING_KEY", default="secret")', // 7 P0
    'STRIPE_API_KEY = config("STRIPE_API_KEY", default="changeme")', // 8 P1
    'API_TOKEN = os.environ.get("API_TOKEN") or "token"', // 9 P1
    'OTHER = os.environ.get("SECRET_KEY")', // 10 no default
    'DEBUG = os.getenv("DEBUG", "True")', // 11 not a secret
    'REDIS_PASSWORD = env.str("REDIS_PASSWORD", "")', // 12 empty
    'ADMIN_PASSWORD = config(', // 13 P0: the account the app creates (multi-line call)
    '    "ADMIN_PASSWORD",', // 14
    '    default="password123",', // 15
    ')', // 16
    '# SECRET_KEY = os.getenv("SECRET_KEY", "dev")', // 17 comment
    'FERNET_KEY = os.getenv("FERNET_KEY", f"{BASE}")', // 18 f-string: computed
    'TEMPLATE = env("SECRET_KEY", cast=str)', // 19 no default
    'API_KEY_RATE_LIMIT = os.environ.get("API_KEY_RATE_LIMIT", "60/minute")', // 20 a rate (Plane)
    'GOOGLE_CLIENT_SECRET = os.environ.get("GOOGLE_CLIENT_SECRET", "0")', // 21 a sentinel (Plane)
    'AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "secret-key")', // 22 P1 weak (Plane)
    'EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "password")', // 23 P1 (Taiga)
    'S3_SECRET_KEY = os.getenv("S3_SECRET_KEY", "minioadmin")', // 24 P1: sent to the object store, not a signing key
    '',
  ].join('\n');

  it('reports each literal fallback of a secret-named variable', async () => {
    const result = await audit([secretsWeakDefault], { 'app/settings.py': SETTINGS, 'tests/test_settings.py': SETTINGS, ...PYTHON_PROJECT });
    expect(where(result, ID)).toEqual([
      'fail P0 app/settings.py:5',
      'fail P0 app/settings.py:7',
      'fail P0 app/settings.py:13',
      'fail P1 app/settings.py:6',
      'fail P1 app/settings.py:8',
      'fail P1 app/settings.py:9',
      'fail P1 app/settings.py:22',
      'fail P1 app/settings.py:23',
      'fail P1 app/settings.py:24',
    ]);
    expect(messages(result, ID)[0]).toBe('app/settings.py:5: os.getenv("SECRET_KEY", …) falls back to a weak literal ([redacted, 3 chars]) when SECRET_KEY is not set.');
  });

  it('reports a long random literal fallback once (a committed secret), not again as secrets.hardcoded', async () => {
    const result = await audit(secretsChecks, { 'app/settings.py': 'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "q7Zr2Lm9Xv4Kp8Tn3Wc6Yb1Hd5Fg0JsAe")\n', ...PYTHON_PROJECT });
    expect(where(result, ID)).toEqual(['fail P0 app/settings.py:2']);
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual([]);
  });
});

describe('Node defaults', () => {
  it('reports || and ?? literal fallbacks of secret-named variables', async () => {
    const code = [
      'export const config = {', // 1
      "  secret: process.env.JWT_SECRET || 'superSecret',", // 2 P0
      '  session: process.env["SESSION_SECRET"] ?? "changeme",', // 3 P0
      "  apiKey: process.env.API_KEY || '',", // 4 empty
      "  port: process.env.PORT || '3000',", // 5 not a secret
      '  // token: process.env.TOKEN || "token",', // 6 comment
      '  url: process.env.AUTH_TOKEN || `${base}/x`,', // 7 template: computed
      "  github: process.env.GITHUB_TOKEN || 'ghp_example',", // 8 P1 (placeholder-like weak)
      '};', // 9
    ].join('\n');
    const result = await audit([secretsWeakDefault], { 'src/config.ts': code, 'src/config.test.ts': code, ...NODE_PACKAGE });
    expect(where(result, ID)).toEqual(['fail P0 src/config.ts:2', 'fail P0 src/config.ts:3', 'fail P1 src/config.ts:8']);
  });

  // Class: a fallback through a module constant (a hard-coded default session secret declared above the read).
  it('resolves a fallback that names a module constant declared once with a literal', async () => {
    const code = [
      'export const DEFAULT_SESSION_SECRET =', // 1
      "  'Phe7Jr2Lm9Xv4Kp8Tn3Wc6Yb1Hd5Fg0Js';", // 2
      "const FALLBACK_PORT = '3000';", // 3
      'let shadowed = "a";', // 4
      'let shadowed = "b";', // 5
      'export function sessionSecret() {', // 6
      '  return process.env.SESSION_SECRET || DEFAULT_SESSION_SECRET;', // 7 P0: a generated literal
      '}', // 8
      'const a = process.env.API_TOKEN ?? shadowed;', // 9 bound twice: unknown
      'const b = process.env.JWT_SECRET || readSecret();', // 10 a call: computed
      'const c = process.env.AUTH_SECRET || config.secret;', // 11 a member: computed
      'const d = process.env.PORT || FALLBACK_PORT;', // 12 not a secret
    ].join('\n');
    const result = await audit([secretsWeakDefault], { 'src/create.ts': code, ...NODE_PACKAGE });
    expect(where(result, ID)).toEqual(['fail P0 src/create.ts:7']);
    expect(messages(result, ID)[0]).toContain('process.env.SESSION_SECRET || DEFAULT_SESSION_SECRET (the constant at line 1)');
    expect(messages(result, ID)[0]).not.toContain('Phe7Jr2Lm9Xv4Kp8Tn3Wc6Yb1Hd5Fg0Js');
    const python = [
      'import os', // 1
      'DEFAULT_KEY = "changeme"  # replaced in production', // 2
      'class Settings:', // 3
      '    LOCAL = "secret"', // 4 indented: a class attribute, not the module constant
      'SECRET_KEY = os.getenv("SECRET_KEY", DEFAULT_KEY)', // 5 P0
      'API_TOKEN = os.environ.get("API_TOKEN") or LOCAL', // 6 unresolved
    ].join('\n');
    const py = await audit([secretsWeakDefault], { 'app/settings.py': python, ...PYTHON_PROJECT });
    expect(where(py, ID)).toEqual(['fail P0 app/settings.py:5']);
  });

  it('reads node-config: a secret in config/default.yml is the fallback of its custom-environment-variables mapping', async () => {
    const result = await audit([secretsWeakDefault], {
      'package.json': '{"name": "api", "dependencies": {"config": "^3.3.9", "express": "^4.19.0"}}',
      'config/default.yml': 'server:\n  port: 3000\nauth:\n  secret: secret\n  apiKey: "${API_KEY}"\n',
      'config/custom-environment-variables.yml': 'auth:\n  secret: JWT_SECRET\n',
      'config/production.json': '{\n  "db": {\n    "password": "password"\n  }\n}\n',
    });
    expect(where(result, ID)).toEqual(['fail P0 config/default.yml:4', 'fail P1 config/production.json:3']);
    expect(messages(result, ID)).toEqual([
      'config/default.yml:4: node-config `auth.secret` is a weak literal ([redacted, 6 chars]), the fallback when JWT_SECRET is not set (custom-environment-variables).',
      'config/production.json:3: node-config `db.password` is a weak literal ([redacted, 8 chars]), the value in production (no custom-environment-variables mapping).',
    ]);
  });

  it('does not read config/ folders of projects without node-config', async () => {
    const result = await audit([secretsWeakDefault], { 'package.json': '{"dependencies": {}}', 'config/default.yml': 'auth:\n  secret: secret\n' });
    expect(where(result, ID)).toEqual(['pass P1']);
  });
});

describe('line scanners (pure)', () => {
  it('stay linear on a long minified line', () => {
    const line = `${'process.env.JWT_SECRET||'.repeat(20_000)}'x'`;
    const started = Date.now();
    jsFallbacks(line);
    pythonFallbacks(`x = ${'os.getenv("SECRET_KEY", '.repeat(20_000)}`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
