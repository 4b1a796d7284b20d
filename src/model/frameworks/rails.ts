// Rails configuration as production loads it, read statically.
//
// A Rails application boots `config/application.rb`, then the file of its
// environment, `config/environments/production.rb` (RAILS_ENV=production),
// whose settings win (https://guides.rubyonrails.org/configuring.html).
// Secrets come from `config/credentials.yml.enc`, decrypted with
// `config/master.key` or RAILS_MASTER_KEY (or per environment,
// `config/credentials/production.yml.enc` with `production.key`), and, before
// Rails 7.2, from `config/secrets.yml`, of which only the `production:` section
// is read in production.

import type { FileSet } from '../../repo/fileset.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { readRubyConfig, rubyParser, type RubyConfigFile, type RubySetting } from '../../parse/ruby-config.js';
import type { FileRoles } from '../roles.js';

export interface RailsSetting extends RubySetting {
  path: string;
}

export interface RailsApp {
  /** The folder holding `config/application.rb` ('' at the repository root). */
  root: string;
  /** `config/application.rb`. */
  applicationPath: string;
  /** `config/environments/production.rb`, when the application has one. */
  productionPath?: string;
  /** The Rails version Gemfile.lock locks (`rails (7.1.3)`), beside the application or at the repository root. */
  railsVersion?: { version: string; path: string };
  /** application.rb's, production.rb's, then the initializers' `config.*` statements (of the options judged), in load order. */
  settings: RailsSetting[];
  /** Files that could not be read (unbalanced blocks): settings from them are missing, and checks say so. */
  errors: Array<{ path: string; line: number; message: string }>;
  /** Committed keys that decrypt the credentials (`config/master.key`, `config/credentials/*.key`), with the encrypted file each opens. */
  committedKeys: Array<{ path: string; opens?: string }>;
  /** `config/secrets.yml`, when committed. */
  secretsPath?: string;
}

/** The options the Rails checks judge, as an initializer would set them. */
const JUDGED_OPTION = /\bconfig\.(force_ssl|hosts|consider_all_requests_local|secret_key_base)\b/;

export async function readRailsApps(files: FileSet, parsed: ParsedFiles, roles: FileRoles): Promise<RailsApp[]> {
  const apps: RailsApp[] = [];
  for (const f of files.files) {
    if (!/(^|\/)config\/application\.rb$/.test(f.path) || !roles.isDeployed(f.path)) continue;
    const root = f.path.replace(/\/?config\/application\.rb$/, '');
    const prefix = root ? `${root}/` : '';
    const production = `${prefix}config/environments/production.rb`;
    const settings: RailsSetting[] = [];
    const errors: RailsApp['errors'] = [];
    // Initializers run after the environment's file and may set the same options on Rails.application.config
    // (diaspora's config/initializers/enforce_ssl.rb): read those that name one the checks judge.
    const initializers: string[] = [];
    for (const i of files.files) {
      if (!i.path.startsWith(`${prefix}config/initializers/`) || !i.path.endsWith('.rb')) continue;
      const text = await files.read(i.path);
      if (text && JUDGED_OPTION.test(text)) initializers.push(i.path);
    }
    for (const path of [f.path, production, ...initializers.sort()]) {
      if (!files.has(path)) continue;
      const parse = await rubyParser();
      const read = await parsed.memo<RubyConfigFile>('ruby-config', path, (text) => readRubyConfig(text, parse));
      if (!read) continue;
      if (read.error) errors.push({ path, ...read.error });
      else settings.push(...read.settings.map((s) => ({ ...s, path })));
    }
    const committedKeys: RailsApp['committedKeys'] = [];
    for (const k of files.files) {
      const m = new RegExp(`^${escape(prefix)}config/(master|credentials/[^/]+)\\.key$`).exec(k.path);
      if (!m || !k.tracked) continue;
      const enc = m[1] === 'master' ? `${prefix}config/credentials.yml.enc` : `${prefix}config/${m[1]}.yml.enc`;
      committedKeys.push({ path: k.path, ...(files.has(enc) ? { opens: enc } : {}) });
    }
    const secrets = `${prefix}config/secrets.yml`;
    const railsVersion = await lockedRails(files, [`${prefix}Gemfile.lock`, 'Gemfile.lock']);
    apps.push({ root, applicationPath: f.path, ...(files.has(production) ? { productionPath: production } : {}), settings, errors, committedKeys, ...(files.has(secrets) ? { secretsPath: secrets } : {}), ...(railsVersion ? { railsVersion } : {}) });
  }
  return apps;
}

/** `    rails (7.1.3)` in the GEM specs of the first Gemfile.lock found. */
async function lockedRails(files: FileSet, candidates: readonly string[]): Promise<RailsApp['railsVersion']> {
  for (const path of candidates) {
    if (!files.has(path)) continue;
    const text = await files.read(path);
    const version = text && /^ {4}rails \((\d+(?:\.\d+)*)[^)]*\)$/m.exec(text)?.[1];
    if (version) return { version, path };
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The assignment of `name` production ends with: the last unconditional one
 * (production.rb after application.rb), and whether a conditional one follows
 * it (then the deployment decides).
 */
export function finalSetting(app: RailsApp, name: string): { setting?: RailsSetting; conditional?: RailsSetting } {
  let setting: RailsSetting | undefined;
  let conditional: RailsSetting | undefined;
  for (const s of app.settings) {
    if (s.name !== name || s.op !== '=') continue;
    if (s.conditional) conditional = s;
    else {
      setting = s;
      conditional = undefined;
    }
  }
  return { ...(setting ? { setting } : {}), ...(conditional ? { conditional } : {}) };
}

/** How Rails settings are resolved, for docs/checks.md. */
export const RAILS_SETTINGS_DOC =
  '- **Rails** (`config/application.rb`). `config.x = value` statements of application.rb, then of `config/environments/production.rb` (the later wins), read line by line: literals, `ENV.fetch("X", literal)`, `ENV["X"]`, boolean casts of those, and tests of a variable (`ENV["X"].present?`, `== "true"`), which resolve to what a deployment that leaves the variables unset gets; a value the project decided (a literal, a literal default) is judged, one left to a variable\'s presence is reported as the deployment\'s decision. Statements under `if`/`unless`/`case` or a modifier `if` are conditional and not judged. Unbalanced `end`s make the file unreadable: an error, never a pass. `config/secrets.yml` is read for `production:` only; `config/master.key` and `config/credentials/*.key` count when git tracks them.';
