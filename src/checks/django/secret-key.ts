import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { deployedVariables, forEachSettingsModule, readFrom } from './common.js';
import { READ, readerOf } from './reader.js';
import { whenUnset, type SettingsModule } from './settings.js';
import type { EnvAssignment } from '../../model/frameworks/deploy-env.js';

/** django.core.checks.security.base: SECRET_KEY_MIN_LENGTH, SECRET_KEY_MIN_UNIQUE_CHARACTERS, SECRET_KEY_INSECURE_PREFIX. */
const MIN_LENGTH = 50;
const MIN_UNIQUE = 5;
const INSECURE_PREFIX = 'django-insecure-';

export const secretKey: RepoCheck = {
  id: 'django.secret-key',
  title: 'Django SECRET_KEY is not a literal in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  // `SECRET_KEY = os.getenv("SECRET_KEY", "dev")`: one cause, reported by the Django check that knows what the key signs.
  supersedes: ['secrets.weak-default', 'secrets.hardcoded'],
  docs: {
    summary:
      'Fails when the production settings define SECRET_KEY as a literal (or a literal fallback default) that is shorter than 50 characters, has fewer than 5 distinct characters, or starts with `django-insecure-` (check --deploy: security.W009).',
    why: 'SECRET_KEY signs sessions, password reset tokens and signed cookies; a weak or generated-for-development key lets an attacker forge them.',
    fix: 'Read the key from the environment without a fallback (`SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]`) and generate it with `django.core.management.utils.get_random_secret_key()`.',
  },
  run: async (ctx) => {
    // Where the deployment sets the variable SECRET_KEY falls back from, asked of the model only when it reads one.
    const deployed = await deployedVariables(ctx, (module) => module.settings.get('SECRET_KEY')?.value.envVar, (a) => a.value !== '');
    return forEachSettingsModule(ctx, (module) => secretKeyVerdict(module, deployed), { failClosed: true });
  },
};

export function weakKeyReasons(key: string): string[] {
  const reasons: string[] = [];
  if (key.startsWith(INSECURE_PREFIX)) reasons.push(`starts with "${INSECURE_PREFIX}" (the key startproject generates for development)`);
  if (key.length < MIN_LENGTH) reasons.push(`is ${key.length} characters long (fewer than ${MIN_LENGTH})`);
  if (new Set(key).size < MIN_UNIQUE) reasons.push(`has ${new Set(key).size} distinct characters (fewer than ${MIN_UNIQUE})`);
  return reasons;
}

export function secretKeyVerdict(module: SettingsModule, deployed: (name: string) => EnvAssignment[] = () => []): FindingInput[] {
  const s = module.settings.get('SECRET_KEY');
  if (!s) return [{ status: 'pass', message: `SECRET_KEY is not set in ${readFrom(module)}: it has to come from elsewhere (Django refuses to start without it).` }];
  if (!s.value.known || typeof s.value.value !== 'string' || s.conditional) {
    return [{ status: 'pass', message: `SECRET_KEY is read without a literal fallback (${s.path}:${s.line}).` }];
  }
  const key = s.value.value;
  // An empty key is a refusal, not a weak key: Django raises ImproperlyConfigured ("The SECRET_KEY setting must not
  // be empty") the first time anything signs, so the deployment cannot run without setting the variable.
  if (key.trim() === '') {
    return [{ status: 'pass', message: `SECRET_KEY ${s.value.envVar ? `falls back to an empty string when ${s.value.envVar} is unset` : 'is empty'} (${s.path}:${s.line}): Django refuses to run with an empty key, so it has to be set.` }];
  }
  const reasons = weakKeyReasons(key);
  const what = s.value.envVar ? `SECRET_KEY falls back to a literal${whenUnset(s.value)}` : 'SECRET_KEY is a literal';
  if (!reasons.length) {
    // Strong, but committed: every deployment that runs with it signs sessions and reset tokens with a key anyone
    // reading the repository has (SEVERITY.md P0), unless the deployment sets the variable it falls back from.
    const set = s.value.envVar ? deployed(s.value.envVar)[0] : undefined;
    if (set) return [{ status: 'pass', message: `${what} (${redactValue(key)}) at ${s.path}:${s.line}, long and varied enough, and the deployment sets ${set.name} (${set.path}:${set.line}); keep real keys out of the repository.` }];
    return [
      {
        status: 'fail',
        message: `${what} (${redactValue(key)}) at ${s.path}:${s.line}: long and varied enough, but committed, so production signs sessions, password reset tokens and signed cookies with a key anyone who reads the repository has${s.value.envVar ? `, unless the deployment sets ${s.value.envVar} (no production deployment file does)` : ''}.`,
        remediation: `In ${s.path}, read the key from the environment with no fallback: \`SECRET_KEY = ${READ[readerOf(module, s)].required(s.value.envVar ?? 'DJANGO_SECRET_KEY')}\`, and rotate the committed one.`,
        location: { path: s.path, line: s.line },
      },
    ];
  }
  return [
    {
      status: 'fail',
      message: `${what} (${redactValue(key)}) at ${s.path}:${s.line} that ${reasons.join(' and ')} (check --deploy: security.W009).`,
      remediation: `In ${s.path}, read the key from the environment with no fallback: \`SECRET_KEY = ${READ[readerOf(module, s)].required(s.value.envVar ?? 'DJANGO_SECRET_KEY')}\`, set to a value from \`python -c "from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())"\`, and rotate the committed one (it signs sessions and reset tokens).`,
      location: { path: s.path, line: s.line },
    },
  ];
}
