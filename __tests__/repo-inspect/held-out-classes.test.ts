// Classes of false (or missed) verdicts found on the fourteenth held-out round, each fixture next to its
// true-positive twin, in the smallest shape that shows the class. Names are made up: a class, never a repository.

import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { isCookieName, isSlug } from '../../src/model/values.js';
import { audit, where } from './helpers.js';

const j = (...parts: string[]): string => parts.join('');
const RANDOM = j('Zx81', 'qLm2', 'Vb7T', 'yR4w', 'Np9K');
const NODE_PACKAGE = { 'package.json': '{"name": "api", "version": "1.0.0", "main": "src/index.ts"}\n' };

describe('roles: what a documented step says outweighs what a setting presumes', () => {
  // A compose file that sets the framework's environment to production builds the release locally; the
  // contributors' guide runs it. Its twin: the same file run by the install guide.
  const compose = `services:\n  web:\n    build: .\n    environment:\n      MIX_ENV: prod\n      SECRET_KEY_BASE: ${RANDOM}\n    ports: ["4000:4000"]\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n`;

  it('takes a compose file the contributors guide runs for development, whatever environment it sets', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      'docs/CONTRIBUTING.md': '# Contributing\n\nStart the stack:\n\n```sh\ndocker compose up -d web db\n```\n',
    }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P2 docker-compose.yml:10']);
  });

  it('keeps it production when an install guide runs it (the twin)', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      'README.md': '# Acme\n\n## Install\n\n```sh\ndocker compose up -d\n```\n',
    }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:10']);
  });

  it('lowers an admin UI in a compose file nothing shows anyone deploys one level, as for datastores', async () => {
    const stack = 'services:\n  prometheus:\n    image: prom/prometheus:v3.1.0\n    command: ["--web.enable-lifecycle"]\n    ports: ["9090:9090"]\n';
    expect(where(await audit(composeChecks, { 'docker-compose.metrics.yml': stack }, { git: true }), 'compose.admin-exposed')).toEqual(['fail P1 docker-compose.metrics.yml:5']);
    const deployed = await audit(composeChecks, { 'docker-compose.metrics.yml': stack, 'README.md': '# Acme\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.metrics.yml up -d\n```\n' }, { git: true });
    expect(where(deployed, 'compose.admin-exposed')).toEqual(['fail P0 docker-compose.metrics.yml:5']);
  });
});

describe('values: names and identifiers are not secrets', () => {
  it('reads snake_case names with algorithm parts as identifiers, not generated values', async () => {
    expect([isSlug('key_object_jwt_es256'), isSlug('es256_private_key_der'), isSlug('key_object_jwe_a128gcm'), isSlug('k3x9_qw7l_p2zr'), isSlug('abc_x9f8k2_qq')]).toEqual([true, true, true, false, false]);
    const code = [
      'pub const ATTR_ES256_PRIVATE_KEY_DER: &str = "es256_private_key_der";', // 1 a schema attribute's name
      `pub const SIGNING_SECRET: &str = "${RANDOM}";`, // 2 P0: generated
    ].join('\n');
    const result = await audit(secretsChecks, { 'Cargo.toml': '[package]\nname = "acme"\nversion = "0.1.0"\n', 'src/constants.rs': code }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 src/constants.rs:2']);
  });

  it('reads a cookie-named setting whose fallback is lower-case words as the cookie\'s name', async () => {
    expect([isCookieName('AUTH_COOKIE_KEY', 'acme_session'), isCookieName('AUTH_COOKIE_KEY', RANDOM), isCookieName('COOKIE_SECRET', 'cookie_secret'), isCookieName('SESSION_KEY', 'acme_session')]).toEqual([true, false, false, false]);
    const code = [
      "export const cookieName = process.env.ACME_AUTH_COOKIE_KEY || 'acme_session';", // 1 a name
      `export const cookieSecret = process.env.ACME_COOKIE_SECRET || '${RANDOM}';`, // 2 P0: a signing secret
    ].join('\n');
    const result = await audit([secretsWeakDefault], { 'src/config.ts': code, ...NODE_PACKAGE });
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P0 src/config.ts:2']);
  });
});
