import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { laravelChecks } from '../../src/checks/laravel/index.js';
import { parsePhpConfig, entryOf, type PhpValue } from '../../src/parse/php-config.js';
import { audit, messages, where } from '../repo-inspect/helpers.js';

// A deployment that builds the application's image and loads its env file: production by evidence.
const DEPLOYED = {
  'README.md': '# Shop\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
  artisan: '#!/usr/bin/env php\n<?php\n// Laravel console entry point\n',
  Dockerfile: 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY . /var/www/html\nCMD ["php-fpm"]\n',
  'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:80"\n    env_file: .env.production\n',
};

const APP_FLAWED = `<?php

return [
    'name' => env('APP_NAME', 'Shop'),
    'env' => env('APP_ENV', 'local'),
    'debug' => (bool) env('APP_DEBUG', true),
    'url' => env('APP_URL', 'http://localhost'),
    // A publicly known key, used whenever APP_KEY is unset.
    'key' => env('APP_KEY', 'SomeRandomStringWith32Characters'),
    'cipher' => 'AES-256-CBC',
    'providers' => [
        App\\Providers\\AppServiceProvider::class,
    ],
];
`;
const APP_CLEAN = `<?php

return [
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'key' => env('APP_KEY'),
    'cipher' => 'AES-256-CBC',
];
`;
const SESSION_FLAWED = `<?php

return [
    'driver' => env('SESSION_DRIVER', 'database'),
    'secure' => env('SESSION_SECURE_COOKIE', false),
    'http_only' => true,
    'same_site' => 'none',
];
`;
const SESSION_CLEAN = `<?php
return [
    'secure' => env('SESSION_SECURE_COOKIE', true),
    'same_site' => env('SESSION_SAME_SITE', 'lax'),
];
`;
const CORS_FLAWED = `<?php

return [
    'paths' => ['api/*', 'sanctum/csrf-cookie'],
    'allowed_methods' => ['*'],
    'allowed_origins' => ['*'],
    'allowed_origins_patterns' => [],
    'supports_credentials' => true,
];
`;
const CORS_CLEAN = `<?php
return [
    'paths' => ['api/*'],
    'allowed_origins' => [env('FRONTEND_URL', 'https://app.example.com')],
    'supports_credentials' => true,
];
`;

describe('laravel.* on config/*.php and the env files production loads', () => {
  it('reports config fallbacks that production runs with when no env file sets the variable', async () => {
    const result = await audit(laravelChecks, {
      ...DEPLOYED,
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:80"\n',
      'config/app.php': APP_FLAWED,
      'config/session.php': SESSION_FLAWED,
      'config/cors.php': CORS_FLAWED,
    });
    expect(where(result, 'laravel.debug')).toEqual(['fail P0 config/app.php:6']);
    expect(where(result, 'laravel.app-key')).toEqual(['fail P0 config/app.php:9']);
    expect(messages(result, 'laravel.app-key')[0]).toContain('falls back to a literal AES-256-CBC key (Some[redacted, 32 chars]) when APP_KEY is unset');
    expect(messages(result, 'laravel.app-key')[0]).not.toContain('SomeRandomStringWith32Characters');
    // The twin: the env template the install copies sets APP_KEY (a short placeholder key:generate replaces), so
    // only a deployment without any .env reaches the fallback: P1.
    const shadowed = await audit(laravelChecks, {
      ...DEPLOYED,
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:80"\n',
      'config/app.php': APP_FLAWED,
      '.env.example': 'APP_ENV=production\nAPP_KEY=SomeRandomString\n',
    });
    expect(where(shadowed, 'laravel.app-key')).toEqual(['fail P1 config/app.php:9']);
    expect(messages(shadowed, 'laravel.app-key')[0]).toContain('the env template .env.example:2 that an install copies to .env sets APP_KEY');
    expect(where(result, 'laravel.app-env')).toEqual(['fail P1 config/app.php:5']);
    expect(where(result, 'laravel.session-cookie')).toEqual(['fail P1 config/session.php:5', 'fail P1 config/session.php:7']);
    expect(where(result, 'laravel.cors')).toEqual(['fail P0 config/cors.php:6']);
    expect(messages(result, 'laravel.cors')[0]).toContain("with 'supports_credentials' => true");
  });

  it('puts a literal APP_KEY fallback at P2 when the install generates a key (key:generate in the entrypoint, an installer writing a random APP_KEY), not when it only prints one', async () => {
    const base = { ...DEPLOYED, 'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:80"\n', 'config/app.php': APP_FLAWED };
    const entrypoint = await audit(laravelChecks, { ...base, 'docker/entrypoint.sh': '#!/bin/sh\nif [ -z "$APP_KEY" ]; then\n  php artisan key:generate --force\nfi\nexec php-fpm\n' });
    expect(where(entrypoint, 'laravel.app-key')).toEqual(['fail P2 config/app.php:9']);
    expect(messages(entrypoint, 'laravel.app-key')[0]).toContain('P2: the install generates APP_KEY (docker/entrypoint.sh:3)');
    const installer = await audit(laravelChecks, { ...base, 'app/Utilities/Installer.php': "<?php\nclass Installer {\n  public static function createDefaultEnvFile() {\n    $env = ['APP_KEY' => 'base64:'.base64_encode(random_bytes(32))];\n  }\n}\n" });
    expect(where(installer, 'laravel.app-key')).toEqual(['fail P2 config/app.php:9']);
    // `--show` prints a key for the operator to set; nothing is written.
    const shown = await audit(laravelChecks, { ...base, 'docker/entrypoint.sh': '#!/bin/sh\necho "no APP_KEY; generate one with php artisan key:generate --show"\nexit 1\n' });
    expect(where(shown, 'laravel.app-key')).toEqual(['fail P0 config/app.php:9']);
  });

  it('takes the production env file over the config default, and judges each env file by its role', async () => {
    const result = await audit(laravelChecks, {
      ...DEPLOYED,
      'config/app.php': APP_FLAWED,
      'config/session.php': SESSION_FLAWED,
      '.env.production': 'APP_NAME=Shop\nAPP_DEBUG=true\nAPP_KEY=\nSESSION_SECURE_COOKIE=true\n',
      // A developer's file: at most P2. A template: not judged.
      '.env.dev': 'APP_ENV=local\nAPP_DEBUG=true\n',
      '.env.example': 'APP_ENV=local\nAPP_DEBUG=true\nAPP_KEY=\n',
    });
    expect(where(result, 'laravel.debug')).toEqual(['fail P0 .env.production:2', 'fail P2 .env.dev:2']);
    // APP_KEY= in production: Laravel refuses to encrypt without a key, it does not fall back to the literal.
    expect(where(result, 'laravel.app-key')).toEqual(['pass P0']);
    expect(messages(result, 'laravel.app-key')[0]).toContain('APP_KEY is set by .env.production:3');
    expect(where(result, 'laravel.app-env')).toEqual(['fail P1 config/app.php:5', 'fail P2 .env.dev:1']);
    // SESSION_SECURE_COOKIE=true in production wins over the default false; same_site 'none' still fails.
    expect(where(result, 'laravel.session-cookie')).toEqual(['fail P1 config/session.php:7']);
  });

  it('takes a production compose environment over the env files, as the process environment wins over .env', async () => {
    const result = await audit(laravelChecks, {
      ...DEPLOYED,
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "8080:80"\n    env_file: .env.production\n    environment:\n      APP_ENV: production\n      APP_DEBUG: "true"\n  db:\n    image: postgres:16\n',
      'config/app.php': APP_CLEAN,
      '.env.production': 'APP_ENV=production\nAPP_DEBUG=false\n',
    });
    expect(where(result, 'laravel.debug')).toEqual(['fail P0 docker-compose.yml:9']);
    expect(messages(result, 'laravel.debug')[0]).toContain('APP_DEBUG=true (docker-compose.yml:9), read by');
  });

  it('passes a hardened application, and a literal key Laravel refuses (wrong length)', async () => {
    const result = await audit(laravelChecks, {
      ...DEPLOYED,
      'config/app.php': APP_CLEAN,
      'config/session.php': SESSION_CLEAN,
      'config/cors.php': CORS_CLEAN,
      '.env.production': 'APP_ENV=production\nAPP_DEBUG=false\n',
    });
    for (const id of ['laravel.debug', 'laravel.app-key', 'laravel.app-env', 'laravel.session-cookie', 'laravel.cors']) expect(where(result, id)).toEqual([`pass ${laravelChecks.find((c) => c.id === id)!.severity}`]);
    const short = await audit(laravelChecks, { ...DEPLOYED, 'config/app.php': APP_CLEAN.replace("env('APP_KEY')", "env('APP_KEY', 'SomeRandomString')") });
    expect(where(short, 'laravel.app-key')).toEqual(['pass P0']);
    expect(messages(short, 'laravel.app-key')[0]).toContain('16 bytes, which Laravel refuses for AES-256-CBC');
  });

  it('reads config from app/Config when the application keeps it there, and a key that is a plain literal', async () => {
    const result = await audit(laravelChecks, {
      ...DEPLOYED,
      'app/Config/app.php': "<?php\nreturn [\n    'debug' => true,\n    'key' => 'base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',\n];\n",
    });
    expect(where(result, 'laravel.debug')).toEqual(['fail P0 app/Config/app.php:3']);
    expect(where(result, 'laravel.app-key')).toEqual(['fail P0 app/Config/app.php:4']);
  });

  it('is an error, never a pass, when a config file does not parse; skips without Laravel', async () => {
    const result = await audit(laravelChecks, { ...DEPLOYED, 'config/app.php': "<?php\nreturn [\n    'debug' => env('APP_DEBUG', false)\n    'key' => env('APP_KEY'),\n];\n" });
    expect(where(result, 'laravel.debug')).toEqual(['error P0 config/app.php:4']);
    expect(where(result, 'laravel.app-key')).toEqual(['error P0 config/app.php:4']);
    const none = await audit(laravelChecks, { 'config/app.php': APP_FLAWED });
    expect(where(none, 'laravel.debug')).toEqual(['skip P0']);
  });
});

describe('parsePhpConfig', () => {
  it('reads literals, nested arrays, env() with casts and defaults, and keeps anything else computed', () => {
    const file = parsePhpConfig(`<?php
use Illuminate\\Support\\Str;
$origins = explode(',', env('ORIGINS', ''));
return [
    "a" => 'it\\'s', // comment
    'b' => (bool) env('B', "1"),
    'c' => ['x' => [1, -2.5, null, TRUE]],
    'd' => $origins,
    'e' => env('E') ?: 'x',
    # another comment
    'f' => Str::slug(env('APP_NAME', 'laravel'), '_').'_session',
    /* block
       comment */
    'g' => env("G"),
];
`);
    expect(file.error).toBeUndefined();
    expect(entryOf(file.value, 'a')!.value).toEqual({ kind: 'literal', value: "it's", line: 5 });
    expect(entryOf(file.value, 'b')!.value).toMatchObject({ kind: 'env', name: 'B', cast: 'bool', fallback: { kind: 'literal', value: '1' } });
    expect(entryOf(file.value, 'c')!.value).toMatchObject({ kind: 'array', entries: [{ key: 'x', value: { kind: 'array', entries: [{ value: { value: 1 } }, { value: { value: -2.5 } }, { value: { value: null } }, { value: { value: true } }] } }] });
    expect(entryOf(file.value, 'd')!.value.kind).toBe('computed');
    expect(entryOf(file.value, 'e')!.value.kind).toBe('computed');
    expect(entryOf(file.value, 'f')!.value.kind).toBe('computed');
    expect(entryOf(file.value, 'g')!.value).toEqual({ kind: 'env', name: 'G', line: 14 });
  });

  it('says where an array is broken', () => {
    expect(parsePhpConfig("<?php\nreturn [\n  'a' => 1\n  'b' => 2,\n];").error).toEqual({ line: 4, message: 'expected "," or a closing bracket, found "b"' });
    expect(parsePhpConfig("<?php\nreturn [\n  'a' => [1,\n").error?.message).toMatch(/not closed|end of file/);
  });
});

// PHP itself, where installed (Debian's php-cli): each config file is required with Laravel's env() stubbed to
// return its default (every variable unset), and the reader's literal values must equal what PHP returns.
const PHP = (() => {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const ENV_STUB = `<?php
namespace Illuminate\\Support { class Str { public static function __callStatic($n, $a) { return (string) ($a[0] ?? ''); } } }
namespace { function env($k, $d = null) { return $d instanceof Closure ? $d() : $d; } echo json_encode(require $argv[1]); }
`;

function literalOf(value: PhpValue): { value: unknown } | undefined {
  if (value.kind === 'literal') return { value: value.value };
  if (value.kind === 'env') {
    const fallback = value.fallback ? literalOf(value.fallback) : { value: null };
    if (!fallback || !value.cast || !/bool/.test(value.cast)) return fallback;
    const v = fallback.value;
    return { value: !(v === null || v === false || v === 0 || v === '' || v === '0') };
  }
  if (value.kind !== 'array') return undefined;
  const list = value.entries.every((e) => e.key === undefined);
  const out: Record<string, unknown> | unknown[] = list ? [] : {};
  for (const e of value.entries) {
    const v = literalOf(e.value);
    if (!v) return undefined;
    if (Array.isArray(out)) out.push(v.value);
    else out[e.key!] = v.value;
  }
  return { value: out };
}

(PHP ? describe : describe.skip)('parsePhpConfig agrees with PHP', () => {
  it('gives every statically decidable key the value PHP computes with the variables unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-php-'));
    try {
      writeFileSync(join(dir, 'stub.php'), ENV_STUB);
      let compared = 0;
      for (const [name, text] of Object.entries({ APP_FLAWED, APP_CLEAN, SESSION_FLAWED, SESSION_CLEAN, CORS_FLAWED, CORS_CLEAN })) {
        writeFileSync(join(dir, `${name}.php`), text);
        const php = JSON.parse(execFileSync('php', [join(dir, 'stub.php'), join(dir, `${name}.php`)]).toString()) as Record<string, unknown>;
        for (const e of parsePhpConfig(text).value!.entries) {
          const mine = literalOf(e.value);
          if (!mine || e.key === undefined) continue;
          compared++;
          expect([name, e.key, mine.value]).toEqual([name, e.key, php[e.key]]);
        }
      }
      expect(compared).toBeGreaterThanOrEqual(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile config files', () => {
  it('end as syntax problems, in linear time, not as a stack overflow', () => {
    const started = Date.now();
    expect(parsePhpConfig(`<?php return ${'['.repeat(20_000)}`).error?.message).toMatch(/nested too deeply/);
    expect(parsePhpConfig(`<?php return ['a' => ${"env('A', ".repeat(20_000)}`).error?.message).toMatch(/nested too deeply/);
    expect(parsePhpConfig(`<?php return ['a' => '${'x'.repeat(2_000_000)}'];`).value?.entries[0]?.value.kind).toBe('literal');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
