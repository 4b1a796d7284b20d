import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { isWeakValue } from '../../model/values.js';
import { phpRepr, resolveSetting, type LaravelApp } from '../../model/frameworks/laravel.js';
import type { PhpConfigFile } from '../../parse/php-config.js';
import { envFilesNote, forEachLaravelConfig } from './common.js';

export const appKey: RepoCheck = {
  id: 'laravel.app-key',
  title: 'Laravel APP_KEY has no literal fallback',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  // `'key' => env('APP_KEY', 'literal')`: one cause, reported by the check that knows the key encrypts and signs every cookie.
  supersedes: ['secrets.weak-default', 'secrets.hardcoded'],
  docs: {
    summary:
      'Fails when production\'s encryption key is a literal of `config/app.php`: `\'key\' => \'...\'`, or `env(\'APP_KEY\', \'...\')` with no production env file setting APP_KEY; or when a judged env file sets a weak APP_KEY Laravel accepts. A key Laravel refuses (empty, or not 16/32 bytes for the cipher) is not a fail: the application stops instead of running with it.',
    why: 'config/app.php says of it: "This key is used by Laravel\'s encryption services and should be set to a random, 32 character string to ensure that all encrypted values are secure." It encrypts and signs session and remember-me cookies; a key written in the repository is known to everyone who can read it, who can then forge them (Laravel\'s encryption guide: generate it with `php artisan key:generate`).',
    fix: 'Read the key without a default, `\'key\' => env(\'APP_KEY\')`, and set APP_KEY in the production environment from `php artisan key:generate --show`.',
    snippets: [{ stack: 'Laravel', code: "'key' => env('APP_KEY'),\n'cipher' => 'AES-256-CBC'," }],
    severityNote: 'P2 for a literal fallback when the install writes a fresh key (`php artisan key:generate` in an entrypoint or install script, an installer writing a random APP_KEY into the .env it creates); P1 for a literal fallback when the env template an install copies to .env (`.env.example`, `.env.dist`, `.env.sample`) sets APP_KEY: only a deployment without any .env reaches the fallback.',
  },
  run: async (ctx) => {
    const generated = await installGeneratesKey(ctx);
    return forEachLaravelConfig(ctx, 'app', (app, config) => appKeyVerdict(app, config, generated));
  },
};

// An install step that writes a fresh key: `php artisan key:generate` (not `--show`, which only prints one), or an
// installer that writes a random APP_KEY into the .env it creates (Akaunting's Installer::createDefaultEnvFile).
const GENERATES_KEY = /artisan\s+key:generate(?![^\n]*--show)|['"]APP_KEY['"]\s*=>\s*['"]base64:['"]\s*\.\s*base64_encode\s*\(\s*random_bytes|APP_KEY=base64:\$\(\s*openssl\s+rand/;
// Where such a step lives: install and start-up scripts, Dockerfiles, entrypoints, installer classes.
const INSTALL_FILE = /(^|\/)(Dockerfile[\w.-]*|[\w.-]*entrypoint[\w.-]*|[\w.-]*\.sh|[^/]*(Install|Setup|Startup)[^/]*\.php)$/i;

/** The first production or unknown-role install file that generates APP_KEY, as `path:line`. */
async function installGeneratesKey(ctx: Parameters<typeof appKey.run>[0]): Promise<string | undefined> {
  for (const f of ctx.files.files) {
    if (!INSTALL_FILE.test(f.path) || f.size > 512 * 1024) continue;
    const role = ctx.model.roles.of(f.path).role;
    if (role !== 'production' && role !== 'unknown') continue;
    const text = await ctx.files.read(f.path);
    const m = text ? GENERATES_KEY.exec(text) : null;
    if (m) return `${f.path}:${text!.slice(0, m.index).split('\n').length}`;
  }
  return undefined;
}

/** The key length Laravel's Encrypter::supported accepts for a cipher: 16 bytes for AES-128, 32 for AES-256. */
function wantedBytes(cipher: string): number {
  return /^aes-128/i.test(cipher) ? 16 : 32;
}

/** Bytes of a key as Laravel reads it: `base64:` keys are decoded (Illuminate\Encryption\EncryptionServiceProvider::parseKey). */
function keyBytes(key: string): Buffer {
  return key.startsWith('base64:') ? Buffer.from(key.slice(7), 'base64') : Buffer.from(key, 'utf8');
}

function cipherOf(app: LaravelApp, config: { path: string; file: PhpConfigFile }): string {
  const s = resolveSetting(app, config.path, config.file, 'cipher');
  return s?.known && typeof s.value === 'string' ? s.value : 'AES-256-CBC';
}

function appKeyVerdict(app: LaravelApp, config: { path: string; file: PhpConfigFile }, generated?: string): FindingInput[] {
  const cipher = cipherOf(app, config);
  const accepted = (key: string): boolean => keyBytes(key).length === wantedBytes(cipher);
  const findings: FindingInput[] = [];
  for (const env of app.envFiles) {
    const e = env.env.get('APP_KEY');
    if (!e || !accepted(e.value)) continue;
    const bytes = keyBytes(e.value);
    if (isWeakValue(e.value.replace(/^base64:/, '')) || new Set(bytes).size < 8) {
      findings.push({ status: 'fail', message: `APP_KEY in ${env.path}:${e.line} (${redactValue(e.value)}) is a weak value that Laravel accepts as a ${cipher} key: cookies it encrypts can be forged by anyone who guesses it.`, location: { path: env.path, line: e.line } });
    }
  }
  const s = resolveSetting(app, config.path, config.file, 'key');
  if (!s) return findings.length ? findings : [{ status: 'pass', message: `'key' is not set in ${config.path}: Laravel refuses to encrypt without one (MissingAppKeyException).` }];
  if (s.setBy) return findings.length ? findings : [{ status: 'pass', message: `APP_KEY is set by ${s.setBy.path}:${s.setBy.line}, which production loads; a committed key is judged by the secrets checks.` }];
  if (!s.known) return findings.length ? findings : [{ status: 'pass', message: `${s.how}; not judged.` }];
  const key = typeof s.value === 'string' ? s.value : '';
  if (key === '') return findings.length ? findings : [{ status: 'pass', message: `${s.how.replace(/ is null when/, ' has no literal fallback when')}: Laravel refuses to encrypt without a key (MissingAppKeyException), so a deployment must set APP_KEY (${envFilesNote(app)}).` }];
  if (!accepted(key)) {
    return findings.length ? findings : [{ status: 'pass', message: `${s.how.replace(phpRepr(s.value), redactValue(key))}: ${keyBytes(key).length} bytes, which Laravel refuses for ${cipher} ("Unsupported cipher or incorrect key length"), so the application does not start with it.` }];
  }
  const what = s.envVar ? `config 'key' falls back to a literal ${cipher} key (${redactValue(key)}) when ${s.envVar} is unset` : `config 'key' is a literal ${cipher} key (${redactValue(key)})`;
  // The env template an install copies to .env sets APP_KEY (a placeholder, or a value Laravel refuses until
  // `key:generate` replaces it): a deployment made the documented way never reaches the fallback, which only a
  // deployment without any .env would. A precondition, so P1 (SEVERITY.md: operators forced to replace it).
  const template = s.envVar ? app.envFiles.find((f) => /(^|\/)\.env\.(example|dist|sample|template)$/.test(f.path) && (f.env.get(s.envVar!)?.value ?? '') !== '') : undefined;
  const shadowed = template ? ` P1: the env template ${template.path}:${template.env.get(s.envVar!)!.line} that an install copies to .env sets ${s.envVar}, so only a deployment without any .env reaches this fallback.` : '';
  // The install writes a fresh key into the .env it creates: the fallback serves only before the install runs.
  const installed = s.envVar && generated ? ` P2: the install generates ${s.envVar} (${generated}), so an installed deployment does not run with this fallback.` : '';
  findings.push({
    status: 'fail',
    ...(installed ? { severity: 'P2' as const } : template ? { severity: 'P1' as const } : {}),
    message: `${what} (${s.path}:${s.line}), and Laravel accepts it: a deployment that does not set APP_KEY runs with a key published in the repository, and anyone can forge its encrypted cookies (${envFilesNote(app)}).${installed || shadowed}`,
    location: { path: s.path, line: s.line },
  });
  return findings;
}
