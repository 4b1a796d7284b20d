import { describe, expect, it } from '@jest/globals';
import { envChecks } from '../../src/checks/env/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { insecureDefault } from '../../src/checks/env/insecure-defaults.js';
import { parseDotenv } from '../../src/parse/dotenv.js';
import { findComposeVariables, findEnvUsages } from '../../src/parse/env-usage.js';
import { audit, messages, where } from './helpers.js';

const APP_PY = `import os
from decouple import config

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
SENTRY_DSN = config("SENTRY_DSN", default="")
STRIPE_KEY = config("STRIPE_KEY", cast=str)
`;
const SERVER_TS = `export const port = Number(process.env.PORT ?? 3000);
export const secret = process.env.SECRET_KEY!;
const mode = process.env["NODE_ENV"];
`;
const COMPOSE = `services:
  web:
    image: app:\${APP_TAG:-latest}
    environment:
      DATABASE_URL: \${DATABASE_URL}
      # OLD_VAR: \${OLD_VAR}
      PRICE: $$5
`;

describe('env.template and env.undocumented', () => {
  it('fails when variables are read and there is no template, at the first read', async () => {
    const result = await audit(envChecks, { 'app/settings.py': APP_PY, 'web/server.ts': SERVER_TS });
    expect(where(result, 'env.template')).toEqual(['fail P2 app/settings.py:4']);
    expect(where(result, 'env.undocumented')).toEqual(['skip P2']);
  });

  it('reports each undocumented variable once at its first read, P2 when defaulted', async () => {
    const result = await audit(envChecks, {
      'app/settings.py': APP_PY,
      'web/server.ts': SERVER_TS,
      'docker-compose.yml': COMPOSE,
      'tests/test_settings.py': 'import os\nos.environ["ONLY_IN_TESTS"]\n',
      // SENTRY_DSN is documented as optional by a comment; PORT is set.
      '.env.example': '# Postgres\nexport DATABASE_URL="postgres://app:CHANGE_ME@localhost/app"\nPORT=3000\n# SENTRY_DSN=\n',
    });
    expect(where(result, 'env.template')).toEqual(['pass P2']);
    // P2 all (SEVERITY.md: a documentation gap is hygiene); the message tells a required read from a defaulted one.
    expect(where(result, 'env.undocumented')).toEqual(['fail P2 app/settings.py:5', 'fail P2 app/settings.py:7', 'fail P2 docker-compose.yml:3', 'fail P2 web/server.ts:2']);
    expect(messages(result, 'env.undocumented')[1]).toBe('STRIPE_KEY is read at app/settings.py:7 (required: it fails when unset) but is in no env template (.env.example).');
  });

  it('passes when every variable is documented, and reports a template line dotenv cannot read', async () => {
    const result = await audit(envChecks, {
      'web/server.ts': SERVER_TS,
      '.env.sample': 'PORT=3000\nSECRET_KEY=\nthis line is not an assignment\n',
    });
    expect(where(result, 'env.undocumented')).toEqual(['error P2 .env.sample:3', 'pass P2']);
  });
});

describe('env.required', () => {
  const config = { repo: { 'required-env': ['DATABASE_URL', 'REDIS_URL', 'SECRET_KEY'] } };

  it('fails for each required variable missing from the production template', async () => {
    const result = await audit(envChecks, {
      '.env.example': 'DATABASE_URL=\nREDIS_URL=\nSECRET_KEY=\n',
      'deploy/.env.prod.example': 'DATABASE_URL=\n# REDIS_URL=\n',
    }, { config });
    expect(where(result, 'env.required')).toEqual(['fail P0 deploy/.env.prod.example', 'fail P0 deploy/.env.prod.example']);
    expect(messages(result, 'env.required')).toEqual([
      'Required variable REDIS_URL is missing from the production template deploy/.env.prod.example (only commented out).',
      'Required variable SECRET_KEY is missing from the production template deploy/.env.prod.example.',
    ]);
  });

  it('reads templates with dotenv semantics: export, quotes, comments, multi-line values', async () => {
    const result = await audit(envChecks, {
      '.env.production.example': '# Production\nexport DATABASE_URL="postgres://app:CHANGE_ME@db/app" # managed DB\nTLS_CERT="-----BEGIN CERTIFICATE-----\n<paste>\n-----END CERTIFICATE-----"\nREDIS_URL=\'redis://cache:6379/0\'\n#SECRET_KEY=\n',
    }, { config });
    expect(where(result, 'env.required')).toEqual(['fail P0 .env.production.example']);
    expect(messages(result, 'env.required')).toEqual(['Required variable SECRET_KEY is missing from the production template .env.production.example (only commented out).']);
    expect(where(result, 'env.undocumented')).toEqual(['skip P2']);
  });

  it('falls back to the generic template and passes when all are there', async () => {
    const result = await audit(envChecks, { '.env.template': 'DATABASE_URL=\nREDIS_URL=\nSECRET_KEY=\n' }, { config });
    expect(where(result, 'env.required')).toEqual(['pass P0']);
  });

  it('skips without required-env', async () => {
    const result = await audit(envChecks, { '.env.example': 'A=1\n' });
    expect(where(result, 'env.required')).toEqual(['skip P0']);
  });
});

describe('env.committed-file (real git repositories)', () => {
  // Real-looking values are assembled at run time so no literal secret sits in this source file.
  const awsId = ['AKIA', 'Z7Q4', 'MN3V', 'X2KP', 'L5RW'].join('');
  const awsSecret = ['k9Fz', 'Q2xW', 'p7Lm', 'R4tY', 'b8Nc', 'V1sD', 'h6Gj', 'K3eU', 'w0Ai', 'T5oP'].join('');
  const dbPassword = ['Xr7', 'pQ2', 'vN9', 'wL4'].join('');

  it('fails P0 for a tracked backup env file with real secrets, P2 for placeholders only', async () => {
    const result = await audit(
      envChecks,
      {
        '.env.backup.20260205': `# backup before migration\nDEBUG=false\nAWS_ACCESS_KEY_ID=${awsId}\nAWS_SECRET_ACCESS_KEY=${awsSecret}\nDATABASE_URL=postgres://app:${dbPassword}@db.internal:5432/app\n`,
        'config/.env': 'SECRET_KEY=CHANGE_ME\nAPI_TOKEN=<your token>\nDEBUG=1\n',
        '.env.example': 'SECRET_KEY=\n',
      },
      { git: true },
    );
    expect(where(result, 'env.committed-file')).toEqual(['fail P0 .env.backup.20260205:4', 'fail P2 config/.env']);
    const text = JSON.stringify(result.findings);
    for (const secret of [awsSecret, dbPassword]) expect(text).not.toContain(secret);
    expect(messages(result, 'env.committed-file')[0]).toBe(
      '.env.backup.20260205 is tracked by git and holds 2 secret value(s): AWS_SECRET_ACCESS_KEY=k9Fz[redacted, 40 chars], DATABASE_URL=post[redacted, 48 chars].',
    );
  });

  it("does not count a provider's public client key as a secret (Bonfire's Mapbox pk. token), and still counts a secret beside it", async () => {
    const mapbox = ['pk.', 'eyJ1IjoiYm9uZmlyZSIsImEiOiJjbDN4In0', '.', 'Qz8vR2kLm5TnW7xYb3Cd9A'].join('');
    const result = await audit(envChecks, { 'config/prod.env': `MAPBOX_API_KEY=${mapbox}\n`, 'config/live.env': `MAPBOX_API_KEY=${mapbox}\nDB_PASSWORD=${dbPassword}\n` }, { git: true });
    expect(where(result, 'env.committed-file')).toEqual(['fail P1 config/live.env:2', 'fail P2 config/prod.env']);
  });

  it('does not call public settings "placeholders" (Next.js .env.production)', async () => {
    const result = await audit(envChecks, { '.env.production': 'NEXT_PUBLIC_API_URL=https://api.example.com\nNEXT_PUBLIC_SITE_NAME=Acme\n' }, { git: true });
    expect(where(result, 'env.committed-file')).toEqual(['fail P2 .env.production']);
    expect(messages(result, 'env.committed-file')[0]).toBe('.env.production is tracked by git (no secret-like key yet).');
  });

  it('passes when env files are ignored and only templates are tracked', async () => {
    const result = await audit(envChecks, { '.gitignore': '.env\n', '.env': `SECRET_KEY=${awsSecret}\n`, '.env.example': 'SECRET_KEY=\n' }, { git: true });
    expect(where(result, 'env.committed-file')).toEqual(['pass P0']);
  });

  it('skips outside a git work tree', async () => {
    const result = await audit(envChecks, { '.env': 'A=1\n' });
    expect(where(result, 'env.committed-file')).toEqual(['skip P0']);
  });
});

describe('env.insecure-defaults', () => {
  it('reports each insecure production default at its line', async () => {
    const result = await audit(envChecks, {
      '.env.prod.example': 'DEBUG=True\nSECRET_KEY=django-insecure-abc\nJWT_SECRET=short-one\nDB_PASSWORD=changeme\nALLOWED_HOSTS=example.com,*\nCORS_ALLOW_ALL_ORIGINS=true\nAPI_KEY=\nSESSION_KEY=<generate: openssl rand -hex 32>\n',
      '.env.example': 'DEBUG=true\n',
    });
    expect(where(result, 'env.insecure-defaults')).toEqual([
      'fail P1 .env.prod.example:1',
      'fail P1 .env.prod.example:2',
      'fail P1 .env.prod.example:3',
      'fail P1 .env.prod.example:4',
      'fail P1 .env.prod.example:5',
      'fail P1 .env.prod.example:6',
    ]);
    expect(JSON.stringify(result.findings)).not.toContain('short-one');
  });

  it('passes a safe production template', async () => {
    const result = await audit(envChecks, { '.env.production.sample': 'DEBUG=false\nSECRET_KEY=\nALLOWED_HOSTS=api.example.com\n' });
    expect(where(result, 'env.insecure-defaults')).toEqual(['pass P1']);
  });

  it('explains each verdict', () => {
    const entry = (key: string, value: string) => ({ key, value, line: 1, endLine: 1, quote: undefined, exported: false });
    expect(insecureDefault(entry('FLASK_DEBUG', '1'))).toBe('FLASK_DEBUG=1 enables debug mode');
    expect(insecureDefault(entry('SECRET_KEY', 'x'.repeat(50)))).toBeUndefined();
    expect(insecureDefault(entry('AWS_ACCESS_KEY_ID', 'short'))).toBeUndefined();
    expect(insecureDefault(entry('API_KEY_HEADER', 'X-Api-Key'))).toBeUndefined();
    expect(insecureDefault(entry('JWT_SECRET_KEY', 'short'))).toBe('JWT_SECRET_KEY is shorter than 32 characters ([redacted, 5 chars])');
  });
});

describe('dotenv parsing with lines', () => {
  it('follows dotenv: export, quotes, comments, multi-line values, last wins', () => {
    const file = parseDotenv(
      '# comment\nexport A=1\nB="two words" # trailing comment\nC=\'single #not comment\'\nKEY="-----BEGIN-----\nline2\n-----END-----"\nD=`back`\nE=plain value # c\nF=\nA=override\nG="unterminated\n',
    );
    expect(file.entries.map((e) => [e.key, e.value, e.line, e.endLine, e.exported])).toEqual([
      ['A', '1', 2, 2, true],
      ['B', 'two words', 3, 3, false],
      ['C', 'single #not comment', 4, 4, false],
      ['KEY', '-----BEGIN-----\nline2\n-----END-----', 5, 7, false],
      ['D', 'back', 8, 8, false],
      ['E', 'plain value', 9, 9, false],
      ['F', '', 10, 10, false],
      ['A', 'override', 11, 11, false],
      ['G', '"unterminated', 12, 12, false],
    ]);
    expect(file.get('A')?.value).toBe('override');
    expect(file.problems).toEqual([{ line: 12, message: 'the value of G opens a " quote that is never closed' }]);
  });
});

describe('environment variable reads', () => {
  it('finds reads per language with their default flag', () => {
    expect(findEnvUsages(APP_PY, 'python')).toEqual([
      { name: 'DATABASE_URL', line: 4, hasDefault: false, required: true },
      { name: 'REDIS_URL', line: 5, hasDefault: true, required: false },
      { name: 'SENTRY_DSN', line: 6, hasDefault: true, required: false },
      { name: 'STRIPE_KEY', line: 7, hasDefault: false, required: true },
    ]);
    expect(findEnvUsages('import environ\nenv = environ.Env()\nDEBUG = env.bool("DEBUG", default=False)\nKEY = env("SECRET_KEY")\n', 'python')).toEqual([
      { name: 'DEBUG', line: 3, hasDefault: true, required: false },
      { name: 'SECRET_KEY', line: 4, hasDefault: false, required: true },
    ]);
    // Without the import, env("X") is someone else's function.
    expect(findEnvUsages('KEY = env("SECRET_KEY")\n', 'python')).toEqual([]);
    expect(findEnvUsages('key = ENV["API_KEY"]\nurl = ENV.fetch("URL", "x")\n', 'ruby')).toEqual([
      { name: 'API_KEY', line: 1, hasDefault: false, required: false },
      { name: 'URL', line: 2, hasDefault: true, required: false },
    ]);
    expect(findEnvUsages('String k = System.getenv("JAVA_KEY");\n', 'java')).toEqual([{ name: 'JAVA_KEY', line: 1, hasDefault: false, required: false }]);
    expect(findEnvUsages(SERVER_TS, 'js')).toEqual([
      { name: 'PORT', line: 1, hasDefault: true, required: false },
      { name: 'SECRET_KEY', line: 2, hasDefault: false, required: true },
      { name: 'NODE_ENV', line: 3, hasDefault: false, required: false },
    ]);
    // Comments, documentation strings and names built at run time are not reads; template-literal interpolation is.
    expect(
      findEnvUsages('// process.env.IN_COMMENT\nconst doc = "use process.env.IN_STRING";\nconst v = process.env.PREFIX_${n};\nconst url = `http://${process.env.API_HOST}/`;\n', 'js'),
    ).toEqual([{ name: 'API_HOST', line: 4, hasDefault: false, required: false }]);
    expect(findComposeVariables(COMPOSE)).toEqual([
      { name: 'APP_TAG', line: 3, hasDefault: true, required: false },
      { name: 'DATABASE_URL', line: 5, hasDefault: false, required: false },
    ]);
  });
});

describe('minified code', () => {
  it('reads a one-line bundle with thousands of env reads in linear time', () => {
    const bundle = `var e="x";${'if(process.env.NODE_ENV!=="production"){a(\'b\')}'.repeat(20000)}process.env.API_URL;\n`;
    const usages = findEnvUsages(bundle, 'js');
    expect(usages).toHaveLength(20001);
    expect(usages[20000]).toEqual({ name: 'API_URL', line: 1, hasDefault: false, required: false });
  });
});

describe('destructured process.env', () => {
  it('reads each destructured name at its line, with its default', () => {
    const source = "const { PORT = '3000', DATABASE_URL: url } = process.env;\nconst {\n  STRIPE_KEY,\n  ...rest\n} = process.env;\n";
    expect(findEnvUsages(source, 'js')).toEqual([
      { name: 'PORT', line: 1, hasDefault: true, required: false },
      { name: 'DATABASE_URL', line: 1, hasDefault: false, required: false },
      { name: 'STRIPE_KEY', line: 3, hasDefault: false, required: false },
    ]);
  });

  it('fails env.undocumented for a destructured variable missing from the template', async () => {
    const result = await audit(envChecks, {
      '.env.example': 'PORT=3000\n',
      'src/server.js': "const express = require('express');\nconst { PORT = 3000, SESSION_SECRET } = process.env;\n",
    });
    // Destructuring yields undefined when unset: an optional read.
    expect(where(result, 'env.undocumented')).toEqual(['fail P2 src/server.js:2']);
    expect(messages(result, 'env.undocumented')[0]).toMatch(/^SESSION_SECRET is read at src\/server.js:2/);
  });
});

describe('encrypted env files (dotenvx, SOPS)', () => {
  const ciphertext = 'encrypted:BKNB4Ym/ODOVgHtuKlPBb1BvyXdsJ5Jm3ZCAMmp9LGyuKgjvk6g+8nODFo5Mh8gGWJs0PQNUBXGUBLrpCDJ6QdBXzqaPcf5C9uZbbb1UBMY==';
  it('passes a committed .env.production whose secret values are dotenvx ciphertext', async () => {
    const result = await audit(
      [...envChecks, ...secretsChecks],
      { '.env.production': `DOTENV_PUBLIC_KEY_PRODUCTION="03f8b376234c4f2f0445f392a12e80f3a84b4b0d1e0c3df85c494e45812653c22a"\nSTRIPE_SECRET_KEY="${ciphertext}"\nDATABASE_PASSWORD="ENC[AES256_GCM,data:Tr7oQ2x9LmPw5sN1vK8j,iv:1Qf3a9Zx7LmP2sN8vK4jR6tY0wE5uI3o,tag:k9Zx7LmP2sN8vK4jR6tY0w==,type:str]"\n` },
      { git: true },
    );
    expect(where(result, 'env.committed-file')).toEqual(['pass P0']);
    expect(where(result, 'secrets.hardcoded')).toEqual(['pass P0']);
  });
});

describe('Vite', () => {
  it("does not count Vite's own import.meta.env entries (DEV, PROD, MODE, BASE_URL, SSR) as variables to document", () => {
    const source = 'if (import.meta.env.DEV) console.log(import.meta.env.MODE, import.meta.env.BASE_URL);\nconst api = import.meta.env.VITE_API_URL;\nconst dev = process.env.DEV;\n';
    expect(findEnvUsages(source, 'js')).toEqual([
      { name: 'VITE_API_URL', line: 2, hasDefault: false, required: false },
      { name: 'DEV', line: 3, hasDefault: false, required: false },
    ]);
  });
});

describe('env.insecure-defaults on a template the install docs copy into place', () => {
  it('is P0 for weak secrets and debug, P1 for hosts, and says which step made it the env file', async () => {
    const template = 'DEBUG=true\nSECRET_KEY=changeme\nN8N_ENCRYPTION_KEY=secretkey\nALLOWED_HOSTS=*\nPOSTGRES_PASSWORD=\nRESEND_API_KEY=re_123\n';
    const readme = '# Acme\n\n## Installation\n\n```bash\ncp .env.example .env\ndocker compose up -d\n```\n';
    const result = await audit(envChecks, { 'README.md': readme, '.env.example': template });
    expect(where(result, 'env.insecure-defaults')).toEqual(['fail P0 .env.example:1', 'fail P0 .env.example:2', 'fail P0 .env.example:3', 'fail P1 .env.example:4']);
    expect(messages(result, 'env.insecure-defaults')[1]).toContain('copied into place by README.md:6');
    // A placeholder for a third party's API key (line 6) protects nothing of the deployment: not reported.
    // A CI workflow that copies it to build or lint with it does not put it in place for operators.
    const ci = await audit(envChecks, { '.github/workflows/release.yml': 'name: release\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp .env.example .env && php artisan lint\n', '.env.example': template });
    expect(where(ci, 'env.insecure-defaults')).toEqual(['skip P1']);
    // A template fetched under its own name to compare with is not put in place.
    const compare = await audit(envChecks, { 'docs/upgrade.md': '## Upgrading\n\n```\ncurl -O https://raw.githubusercontent.com/acme/app/main/.env.example\ndiff .env .env.example\n```\n', '.env.example': template });
    expect(where(compare, 'env.insecure-defaults')).toEqual(['skip P1']);
    // A contributors' guide that copies it under a "Set up" heading does not make it production.
    const guide = await audit(envChecks, { 'docs/developers/local-development/manual.mdx': '## Set up environment variables\n\n```\ncp .env.example .env\n```\n', '.env.example': template });
    expect(where(guide, 'env.insecure-defaults')).toEqual(['skip P1']);
    // The same template copied only in a contributors' section stays an example: not judged.
    const dev = await audit(envChecks, { 'README.md': '## Development\n\n```\ncp .env.example .env\n```\n', '.env.example': template });
    expect(where(dev, 'env.insecure-defaults')).toEqual(['skip P1']);
  });
});
