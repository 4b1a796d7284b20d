import { posix } from 'node:path';
import type { FindingInput, RepoCheck, RepoCheckContext, Severity } from '../../engine/types.js';
import type { RoleInfo } from '../../model/roles.js';
import { redactValue } from '../../core/redact.js';
import { classifySecretValue } from '../../model/values.js';
import { mapLimited } from '../../repo/limit.js';
import { defaultOf, findReferences } from '../../parse/interpolation.js';
import { judgeFallback, opensTheApplication } from './weak-default.js';
import { mayHoldSeed, MAX_PER_FILE, type Seeded } from './seeded-accounts.js';
import { seededAccountScanner } from '../scanners.js';

export const secretsDefaultAccount: RepoCheck = {
  id: 'secrets.default-account',
  title: 'No account ships with a password fixed by the repository',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  scansEveryFile: [seededAccountScanner],
  docs: {
    summary:
      'Fails for each admin-like or first account whose password the repository fixes: a migration, SQL init script or dump inserting a user with a password hash literal (`INSERT INTO sys_user … \'$2a$10$…\'`), a Laravel migration `\'password\' => bcrypt(\'password\')`, a Django `auth.user` fixture with `is_superuser: true` and a `pbkdf2_sha256$…` password (also in a fixtures folder when a deployed script runs `loaddata` on it), a Liquibase/JHipster `user.csv` row, code that creates an admin or owner with literal arguments (`createAdminUser(\'admin\', \'…\')`, `create_superuser(…)`, Identity `CreateAsync(user, "…")`, config defaults `DefaultUser: "admin", DefaultPass: "…"`), or one created "when no user exists" (`if count == 0`). In setup and entrypoint shell scripts (which secrets.weak-default does not read), an admin password variable with a literal fallback (`DJANGO_ADMIN_PASSWORD=${DJANGO_ADMIN_PASSWORD:-admin}`). Admin-like means the name, email, role or a flag says admin, root, owner or superuser, or the account is the first one. Passwords read from the environment, placeholders (`CHANGE_ME`) and hashes written by an install step (`\'$HASH\'`) do not fail. A record that says where to connect (host, port, DSN) holds a client\'s credentials for another server and is left to secrets.hardcoded and secrets.weak-default. Where its knowledge ends: source files are read only when their path names seeding, migrations, setup or start-up, users, accounts, admins, configuration, data or a command (`seed`, `migrat`, `init`, `setup`, `user`, `account`, `config`, `cmd/`...); names and roles are read from the record and the 800 characters before it, not from other files; at most 500 candidate passwords are judged per file. The account is named, the password or hash redacted.',
    why: 'Every install of the application starts with the same administrator password, known to anyone who can read the repository (a hash in the repository is no better: the password is whatever produced it, and `123456`-class passwords fall to a dictionary in seconds). Unless the operator changes it, the application\'s own login is open.',
    fix: 'Create the first administrator from a required setting (`ADMIN_PASSWORD` read without a default, refusing to start when it is missing), from an interactive setup step, or with a random password printed once at install; or set a "must change password" flag on the seeded account so it cannot be used before its password is changed.',
    snippets: [
      { stack: 'Laravel', code: "'password' => Hash::make(env('ADMIN_PASSWORD') ?? throw new RuntimeException('ADMIN_PASSWORD is required'))," },
      { stack: 'Django', code: 'python manage.py createsuperuser --noinput  # reads DJANGO_SUPERUSER_PASSWORD from the environment' },
      { stack: 'Node', code: "const password = process.env.ADMIN_PASSWORD;\nif (!password) throw new Error('ADMIN_PASSWORD is required');\nawait createAdminUser('admin', password);" },
    ],
    severityNote:
      'P0 in production files (SEVERITY.md: a default secret protecting the application\'s own login that operators are not forced to replace). P1 when the same record sets a forced-change flag true (`must_change_password`, `force_password_change`, `password_change_required`...), and said so. By file role: unknown files at most P1, development files P2, test, docs, example and seed folders (`database/seeders/`, `db/seeds/`) not judged; a fixture in a test-looking folder is judged under the role of the deployed script that loads it (`manage.py loaddata`). Ordinary (non-admin) demo users are not reported. At most 5 accounts per file.',
  },
  async run(ctx) {
    const loaders = await fixtureLoaders(ctx);
    const paths = ctx.files.files.map((f) => f.path).filter((p) => mayHoldSeed(p) && (ctx.model.roles.isDeployed(p) || loaders.has(p)));
    const scripts = ctx.files.files.map((f) => f.path).filter((p) => SHELL_SCRIPT.test(p) && ctx.model.roles.isDeployed(p));
    // Seeds in source and data files are read in the scan pool (many files); setup scripts here (few).
    const perFile = await mapLimited([...paths, ...scripts], ctx.parsed.scanConcurrency, async (path) => {
      if (SHELL_SCRIPT.test(path)) {
        const text = await ctx.files.read(path);
        return { path, seeded: text ? shellDefaults(text) : [] };
      }
      return { path, seeded: (await ctx.parsed.scan(seededAccountScanner, path)) ?? [] };
    });
    const findings: FindingInput[] = [];
    for (const { path, seeded } of perFile) {
      for (const account of seeded) findings.push(findingFor(path, account, loaders.get(path)));
    }
    if (findings.length === 0) return [{ status: 'pass', message: `No admin or first account is created with a password fixed by the repository (${paths.length} file(s) read).` }];
    return findings;
  },
};

function findingFor(path: string, seeded: Seeded, role: RoleInfo | undefined): FindingInput {
  const who = seeded.account ? `\`${clipName(seeded.account)}\`` : 'with no name in the record';
  const kind = seeded.firstAccount ? 'first account (created when none exists)' : 'admin account';
  const what = seeded.hash
    ? `a password hash literal (${redactValue(seeded.value)}): the password is whatever produced it, and every install shares it`
    : `a literal password (${redactValue(seeded.value)}), the same on every install${seeded.unlessSet ? ` where ${seeded.unlessSet} is not set` : ''}`;
  const severity: Severity = seeded.forced ? 'P1' : 'P0';
  const forced = seeded.forced ? ' P1: the same record sets a forced password change, so the password must be replaced at first login.' : '';
  return {
    status: 'fail',
    severity,
    message: `${path}:${seeded.line}: the ${kind} ${who} gets a password fixed by the repository, ${what}.${forced}`,
    remediation:
      'Create this account from a required setting (its password read from the environment with no default, refusing to start without it) or an install step that generates a random password, or set a must-change-password flag on it.',
    location: { path, line: seeded.line },
    ...(role ? { role } : {}),
  };
}

function clipName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

// Setup and entrypoint scripts: `DJANGO_ADMIN_PASSWORD=${DJANGO_ADMIN_PASSWORD:-admin}` before `createsuperuser`.
// (Compose files are secrets.weak-default's; it does not read shell scripts.)
const SHELL_SCRIPT = /\.(sh|bash)$|(^|\/)(docker-)?entrypoint$/i;

/**
 * An admin account's password variable that falls back to a literal in a shell script: the account the script
 * creates gets that password whenever the variable is not set. The name is the value of a user-named variable
 * of the same script (`${DJANGO_ADMIN_USER:-admin}`), when one has a fallback.
 */
export function shellDefaults(text: string): Seeded[] {
  const out: Seeded[] = [];
  let account: string | undefined;
  const found: Array<{ line: number; value: string; name: string }> = [];
  text.split('\n').forEach((raw, index) => {
    if (/^\s*#/.test(raw) || !raw.includes('${') || found.length >= MAX_PER_FILE) return;
    for (const ref of findReferences(raw.slice(0, 2000))) {
      const fallback = defaultOf(ref)?.trim();
      if (!fallback || fallback.includes('$')) continue;
      if (/(ADMIN|ROOT|SUPERUSER|OWNER)[A-Z0-9_]*(USER(NAME)?|LOGIN|EMAIL)$/i.test(ref.name)) account ??= fallback;
      // Only the passwords of accounts the deployment creates (ADMIN_PASSWORD, SUPERUSER_PASSWORD), judged by the shared vocabulary.
      if (!/PASS/i.test(ref.name) || !opensTheApplication(ref.name) || !judgeFallback(ref.name, fallback)) continue;
      // `${ADMIN_PASSWORD:-CHANGE_ME}`: left to fill in, as in a seed.
      if (classifySecretValue(fallback) === 'placeholder') continue;
      found.push({ line: index + 1, value: fallback, name: ref.name });
    }
  });
  for (const f of found) out.push({ line: f.line, value: f.value, hash: false, account, forced: false, firstAccount: false, unlessSet: f.name });
  return out;
}

// Scripts and manifests that may run `manage.py loaddata` at deploy or start.
const LOADER_FILE = /\.(sh|bash|py|ya?ml|toml|json)$|(^|\/)(Dockerfile[^/]*|Procfile|Makefile|entrypoint[^/]*)$/i;

/**
 * Django fixtures a deployed script loads (`python manage.py loaddata users`): a fixture folder is a test folder
 * by the role table, but one the entrypoint loads reaches production. The fixture takes the loader's role.
 */
async function fixtureLoaders(ctx: RepoCheckContext): Promise<Map<string, RoleInfo>> {
  const out = new Map<string, RoleInfo>();
  const fixtures = ctx.files.files.map((f) => f.path).filter((p) => /\.(json|ya?ml)$/i.test(p) && /(^|\/)fixtures\//.test(p) && ctx.model.roles.is(p, 'test'));
  if (fixtures.length === 0) return out;
  const byName = new Map<string, string[]>();
  for (const p of fixtures) {
    for (const key of [posix.basename(p), posix.basename(p).replace(/\.(json|ya?ml)$/i, '')]) byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const scripts = ctx.files.files.map((f) => f.path).filter((p) => LOADER_FILE.test(p) && ctx.model.roles.isDeployed(p) && !fixtures.includes(p));
  for (const script of scripts) {
    const text = await ctx.files.read(script);
    if (!text || !text.includes('loaddata')) continue;
    const role = ctx.model.roles.of(script);
    for (const m of text.matchAll(/\bloaddata\s+([^\n;&|"'`]{1,300})/g)) {
      for (const name of m[1]!.trim().split(/\s+/)) {
        for (const fixture of byName.get(posix.basename(name)) ?? []) {
          out.set(fixture, { role: role.role, reason: `loaded by ${script} (\`loaddata ${posix.basename(name)}\`), which is ${role.role}: ${role.reason}`, rule: 'evidence:loaddata' });
        }
      }
    }
  }
  return out;
}
