// Node apps whose CORS options come from node-config (config/default.*,
// config/production.*, custom-environment-variables.*), and CORS set only
// outside production (hoppscotch: the else branch of `if (isProduction)`).

import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { nodeChecks } from '../../src/checks/node/index.js';
import type { Finding } from '../../src/engine/types.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: Record<string, string>) {
  const repo = makeRepo(files);
  repos.push(repo);
  return runChecks(nodeChecks, { repo: repo.root });
}

const at = (findings: Finding[]) => findings.map((f) => `${f.status} ${f.severity}${f.location ? ` ${f.location.path}:${f.location.line}` : ''}`);

const PACKAGE = '{\n  "name": "api",\n  "main": "src/server.js",\n  "dependencies": {\n    "express": "^4.19.0",\n    "cors": "^2.8.5",\n    "config": "^3.3.9",\n    "helmet": "^7.1.0"\n  }\n}\n';

describe('node-config values as CORS options', () => {
  const server = `const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const config = require('config');

const app = express();
app.use(helmet());
app.use(cors({ origin: config.get('cors.origin'), credentials: config.get('cors.credentials') }));
app.listen(config.get('port'));
`;

  it("fails origin '*' from config/default.yml at the config line (flawed)", async () => {
    const result = await audit({
      'package.json': PACKAGE,
      'src/server.js': server,
      'config/default.yml': 'port: 3000\ncors:\n  origin: "*"\n  credentials: true\n',
      'config/custom-environment-variables.yml': 'cors:\n  origin: CORS_ORIGIN\n',
    });
    const cors = of(result, 'node.cors');
    expect(at(cors)).toEqual(['fail P1 config/default.yml:3']);
    expect(cors[0]!.message).toContain("CORS at src/server.js:8 allows origin '*' (origin from node-config cors.origin at config/default.yml:3, the value used when CORS_ORIGIN is unset) together with credentials: true");
  });

  it('config/production.yml overrides the default (clean twin)', async () => {
    const result = await audit({
      'package.json': PACKAGE,
      'src/server.js': server,
      'config/default.yml': 'port: 3000\ncors:\n  origin: "*"\n  credentials: true\n',
      'config/production.json': '{\n  "cors": {\n    "origin": ["https://app.example.com"]\n  }\n}\n',
    });
    expect(at(of(result, 'node.cors'))).toEqual(['pass P1']);
  });

  it('a config file that does not parse is an error at its line, not a silent pass on the other files', async () => {
    const result = await audit({
      'package.json': PACKAGE,
      'src/server.js': server,
      'config/default.yml': 'port: 3000\ncors:\n  origin: "https://app.example.com"\n  credentials: true\n',
      'config/production.json': '{\n  "cors": {\n    "origin": "*",\n  \n}\n',
    });
    const cors = of(result, 'node.cors');
    expect(at(cors)).toEqual([`error P1 config/production.json:${cors[0]!.location!.line}`]);
    expect(cors[0]!.location!.line).toBeGreaterThan(1);
    expect(cors[0]!.message).toMatch(/^config\/production\.json cannot be read \(line \d+\): .+; the CORS options \. reads from node-config were judged without it\.$/);
  });

  it('reads the whole options object: cors(config.get("cors")) with origin: true', async () => {
    const result = await audit({
      'package.json': PACKAGE,
      'src/server.js': "import express from 'express';\nimport cors from 'cors';\nimport helmet from 'helmet';\nimport config from 'config';\nconst app = express();\napp.use(helmet());\napp.use(cors(config.get('cors')));\n",
      'config/default.json': '{\n  "cors": {\n    "origin": true,\n    "credentials": true\n  }\n}\n',
    });
    const cors = of(result, 'node.cors');
    expect(at(cors)).toEqual(['fail P1 config/default.json:3']);
    expect(cors[0]!.message).toContain('allows every origin (reflected) (origin from node-config cors.origin at config/default.json:3) together with credentials: true');
  });
});

describe('CORS set only outside production', () => {
  const main = (productionOrigin: string) => `import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AppModule } from './app.module.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(helmet());
  const isProduction = process.env.PRODUCTION === 'true';
  if (isProduction) {
    app.enableCors({
      origin: ${productionOrigin},
      credentials: true,
    });
  } else {
    app.enableCors({
      origin: true,
      credentials: true,
    });
  }
  await app.listen(3170);
}
bootstrap();
`;
  const pkg = '{\n  "name": "backend",\n  "main": "src/main.ts",\n  "dependencies": {\n    "@nestjs/core": "^10.0.0",\n    "helmet": "^7.1.0"\n  }\n}\n';

  it('the development branch is at most P2 (hoppscotch shape)', async () => {
    const result = await audit({ 'package.json': pkg, 'src/main.ts': main("configService.get('WHITELISTED_ORIGINS').split(',')") });
    const cors = of(result, 'node.cors');
    expect(at(cors)).toEqual(['fail P2 src/main.ts:15']);
    expect(cors[0]!.message).toContain('(only outside production: the else branch of if (isProduction) at line 9)');
  });

  it('the production branch stays P1 (flawed twin)', async () => {
    const result = await audit({ 'package.json': pkg, 'src/main.ts': main('true') });
    expect(at(of(result, 'node.cors'))).toEqual(['fail P1 src/main.ts:10', 'fail P2 src/main.ts:15']);
  });
});
