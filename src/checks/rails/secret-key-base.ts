import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { classifySecretValue, isGeneratedSecret } from '../../model/values.js';
import { finalSetting, type RailsApp } from '../../model/frameworks/rails.js';
import { isMap, isScalar } from '../../parse/yaml.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { decidedValue, describeRails, forEachRailsApp } from './common.js';

export const secretKeyBase: RepoCheck = {
  id: 'rails.secret-key-base',
  title: 'Rails secret_key_base and master key are not committed',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  // A literal `production: secret_key_base:` is one cause, reported by the check that knows what the key signs.
  supersedes: ['secrets.hardcoded', 'secrets.weak-default'],
  docs: {
    summary:
      'Fails when `config/master.key` (or `config/credentials/production.key`) is committed (the key of another environment, `config/credentials/development.key`, is P2: Rails decrypts each environment\'s credentials only in that environment), when `config/secrets.yml` gives `production:` a literal `secret_key_base` (not `<%= ENV[...] %>`), or when production sets `config.secret_key_base` to a literal or a literal fallback. The `development:` and `test:` sections of secrets.yml are not read in production and are not judged here.',
    why: 'The Rails Security Guide: "config/master.key ... should be kept out of version control"; it decrypts credentials.yml.enc, which holds secret_key_base, the key that signs and encrypts sessions and cookies. Whoever holds it can forge any session.',
    fix: 'Remove master.key from git (it is in Rails\' generated .gitignore), rotate the credentials it opened, and give production RAILS_MASTER_KEY or SECRET_KEY_BASE from the environment: `production: secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>`.',
  },
  run: (ctx) => forEachRailsApp(ctx, (app) => secretKeyBaseVerdict(app, ctx.parsed)),
};

async function secretKeyBaseVerdict(app: RailsApp, parsed: ParsedFiles): Promise<FindingInput[]> {
  const findings: FindingInput[] = [];
  for (const key of app.committedKeys) {
    // Rails decrypts `config/credentials/<env>.yml.enc` with `<env>.key` in that environment only: the keys of
    // other environments (development, test, qa) open credentials production never loads.
    const env = /config\/credentials\/([^/]+)\.key$/.exec(key.path)?.[1];
    if (env !== undefined && env !== 'production') {
      findings.push({
        status: 'fail',
        severity: 'P2',
        message: `${key.path} is committed: it decrypts the ${env} environment's credentials${key.opens ? ` (${key.opens})` : ''}, which production (RAILS_ENV=production) does not load. P2: make sure nothing in them is shared with production.`,
        file: key.path,
      });
      continue;
    }
    findings.push({
      status: 'fail',
      // A key file is a credential wherever it is committed (SEVERITY.md), whatever the role of its folder.
      byFormat: true,
      message: `${key.path} is committed${key.opens ? `: it decrypts ${key.opens}, so everyone who can read the repository reads every credential in it, secret_key_base included` : ': it decrypts the application\'s encrypted credentials'}.`,
      file: key.path,
    });
  }
  if (app.secretsPath) findings.push(...(await secretsYml(app.secretsPath, parsed)));
  const { setting } = finalSetting(app, 'secret_key_base');
  const decided = setting ? decidedValue(setting) : undefined;
  if (setting && decided && typeof decided.value === 'string' && decided.value !== '') {
    const kind = classifySecretValue(decided.value);
    if (kind !== 'reference') {
      findings.push({ status: 'fail', message: `${describeRails(setting).replace(JSON.stringify(decided.value), redactValue(decided.value))}: production signs its sessions and cookies with a key written in the repository.`, location: { path: setting.path, line: setting.line } });
    }
  }
  if (findings.some((f) => f.status !== 'pass')) return findings;
  return [{ status: 'pass', message: `No committed master key${app.secretsPath ? `, no literal production secret_key_base in ${app.secretsPath}` : ''}, and no literal config.secret_key_base.${findings.map((f) => ` ${f.message}`).join('')}` }];
}

/** `config/secrets.yml`: only `production:` is read in production. */
async function secretsYml(path: string, parsed: ParsedFiles): Promise<FindingInput[]> {
  const yaml = await parsed.yaml(path);
  if (!yaml) return [];
  if (yaml.errors.length) {
    return [{ status: 'error', message: `${path}:${yaml.errors[0]!.line} does not parse (${yaml.errors[0]!.message}); its production secrets are not judged.`, location: { path, line: yaml.errors[0]!.line } }];
  }
  const root = yaml.documents[0]?.contents;
  if (!isMap(root)) return [];
  const production = root.items.find((p) => isScalar(p.key) && p.key.value === 'production')?.value;
  const others = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && k !== 'production' && k !== 'shared');
  const note = others.length ? ` (${others.join(', ')}: not read in production)` : '';
  if (!isMap(production)) return [{ status: 'pass', message: `${path} has no production: section${note}.` }];
  const node = production.items.find((p) => isScalar(p.key) && p.key.value === 'secret_key_base');
  const value = node && isScalar(node.value) ? node.value.value : undefined;
  if (typeof value !== 'string' || /<%=?/.test(value)) return [{ status: 'pass', message: `the production secret_key_base of ${path} is read from the environment${note}.` }];
  const kind = classifySecretValue(value);
  if (kind === 'absent' || kind === 'reference') return [{ status: 'pass', message: `the production secret_key_base of ${path} is not a literal${note}.` }];
  const line = yaml.lineOf(node!.value);
  return [{
    status: 'fail',
    ...(isGeneratedSecret(value) ? { byFormat: true } : {}),
    message: `${path}:${line} gives production a literal secret_key_base (${redactValue(value)})${note}: production signs its sessions and cookies with a key written in the repository.`,
    location: { path, line },
  }];
}
