import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { phpTruthy, resolveSetting } from '../../model/frameworks/laravel.js';
import { entryOf } from '../../parse/php-config.js';
import { forEachLaravelConfig } from './common.js';

const PROBE_ORIGIN = 'https://attacker.invalid';

export const cors: RepoCheck = {
  id: 'laravel.cors',
  title: 'Laravel CORS does not allow every origin with credentials',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when `config/cors.php` allows every origin (`\'allowed_origins\' => [\'*\']`, or a pattern matching any origin) while `\'supports_credentials\'` is true in production. Every origin without credentials (Laravel\'s own default for a token API) passes.',
    why: 'Browsers refuse `Access-Control-Allow-Origin: *` on credentialed requests (Fetch standard), so with supports_credentials the CORS middleware Laravel uses (fruitcake/php-cors) answers with the requesting Origin itself: any web site then reads the API\'s responses with the visitor\'s session cookies and acts as the logged-in user.',
    fix: 'List the front-end origins in `allowed_origins` (or a precise pattern) when `supports_credentials` is true.',
    snippets: [{ stack: 'Laravel', code: "'allowed_origins' => [env('FRONTEND_URL', 'https://app.example.com')],\n'supports_credentials' => true," }],
  },
  run: (ctx) =>
    forEachLaravelConfig(ctx, 'cors', (app, config) => {
      const credentials = resolveSetting(app, config.path, config.file, 'supports_credentials');
      const origins = entryOf(config.file.value, 'allowed_origins');
      const patterns = entryOf(config.file.value, 'allowed_origins_patterns');
      const anyOrigin = origins?.value.kind === 'array' ? origins.value.entries.find((e) => e.value.kind === 'literal' && e.value.value === '*') : undefined;
      const anyPattern = patterns?.value.kind === 'array' ? patterns.value.entries.find((e) => e.value.kind === 'literal' && typeof e.value.value === 'string' && matchesAnything(e.value.value)) : undefined;
      const wide = anyOrigin ? { what: `'allowed_origins' => ['*']`, line: anyOrigin.line } : anyPattern ? { what: `'allowed_origins_patterns' contains '${String((anyPattern.value as { value: unknown }).value)}'`, line: anyPattern.line } : undefined;
      const findings: FindingInput[] = [];
      if (wide && credentials?.known && phpTruthy(credentials.value)) {
        findings.push({
          status: 'fail',
          message: `${wide.what} (${config.path}:${wide.line}) with ${credentials.how}: the CORS middleware echoes any requesting Origin with Access-Control-Allow-Credentials, so every web site can act as the logged-in user.`,
          location: { path: config.path, line: wide.line },
        });
        return findings;
      }
      if (wide && credentials && !credentials.known) return [{ status: 'pass', message: `${wide.what} (${config.path}:${wide.line}), and ${credentials.how}: not judged.` }];
      if (wide) return [{ status: 'pass', message: `${wide.what} (${config.path}:${wide.line}) without credentials (${credentials ? credentials.how : "'supports_credentials' is not set: false"}): responses are readable by any site but never with the visitor's cookies.` }];
      const list = origins?.value.kind === 'array' ? 'a list of origins' : origins ? 'computed' : 'not set';
      return [{ status: 'pass', message: `'allowed_origins' is ${list} in ${config.path}: not every origin.` }];
    }),
};

/** A fruitcake/php-cors pattern (a regular expression) that matches any origin. */
function matchesAnything(pattern: string): boolean {
  if (pattern === '*') return true;
  try {
    const body = /^([#/~@]).*\1[a-z]*$/s.test(pattern) ? pattern.slice(1, pattern.lastIndexOf(pattern[0]!)) : pattern;
    return new RegExp(body).test(PROBE_ORIGIN);
  } catch {
    return false;
  }
}
