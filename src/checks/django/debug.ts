import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { pyRepr, truthy } from '../../parse/python.js';
import { deployedVariables, forEachSettingsModule, readFrom } from './common.js';
import { READ, readerOf } from './reader.js';
import { describeSetting, type SettingsModule } from './settings.js';
import type { EnvAssignment } from '../../model/frameworks/deploy-env.js';

// What a deployment writes to turn a flag off.
const FALSY = /^(no|n|false|f|off|0|)$/i;

export const debug: RepoCheck = {
  id: 'django.debug',
  title: 'Django DEBUG is off in production settings',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the production Django settings set `DEBUG = True`, or read DEBUG from the environment with a default that resolves to True when the variable is unset (`os.environ.get("DEBUG", "True")`, `env.bool("DEBUG", default=True)`).',
    severityNote: 'P0; P1 for a fallback to True when every production deployment file that sets the variable turns it off (the .env compose reads, a manifest): it then holds only for a deployment that leaves the variable unset.',
    why: 'With DEBUG on, every error page shows settings, environment variables, SQL and source code to anyone (check --deploy: security.W018), and Django keeps every SQL query in memory.',
    fix: 'Set `DEBUG = False` in the production settings, or read it with a safe default: `DEBUG = env.bool("DJANGO_DEBUG", default=False)`.',
    snippets: [{ stack: 'Django', code: 'DEBUG = os.environ.get("DJANGO_DEBUG", "False").lower() == "true"' }],
  },
  run: async (ctx) => {
    // What the deployment files set DEBUG's variable to (compose, env files, Dockerfiles, manifests), asked of the
    // model only for a variable whose fallback is on. Shell scripts are left out: they export such a flag behind an
    // option the operator picks (`--debug`).
    const deployed = await deployedVariables(
      ctx,
      (module) => {
        const s = module.settings.get('DEBUG');
        return s?.value.known && truthy(s.value.value) ? s.value.envVar : undefined;
      },
      (a) => !/\.(sh|bash|zsh)$/.test(a.path),
    );
    return forEachSettingsModule(ctx, (module) => debugVerdict(module, deployed), { failClosed: true });
  },
};

/**
 * `deployed(name)`: the assignments of an environment variable in production (or unknown-role) deployment files.
 * A fallback to True that every such assignment turns off (`WO_DEBUG=NO` in the .env compose reads) holds only
 * for a deployment that leaves the variable unset: P1, a bad default with a precondition.
 */
export function debugVerdict(module: SettingsModule, deployed: (name: string) => EnvAssignment[] = () => []): FindingInput[] {
  const s = module.settings.get('DEBUG');
  if (!s) return [{ status: 'pass', message: `DEBUG is not set in ${readFrom(module)}: Django's default is False.` }];
  if (s.value.known && truthy(s.value.value) && !s.conditional) {
    const how = s.value.envVar
      ? `DEBUG is on when ${s.value.envVar} is not set: it falls back to ${pyRepr(s.value.value)}${s.value.via ? `, the default given to ${s.value.via}()` : ''} (${s.path}:${s.line})`
      : `DEBUG = ${pyRepr(s.value.value)} (${s.path}:${s.line})`;
    const set = s.value.envVar ? deployed(s.value.envVar) : [];
    const off = set.length > 0 && set.every((a) => FALSY.test(a.value)) ? set[0] : undefined;
    const note = off ? ` The deployment sets ${off.name}=${off.value} (${off.path}:${off.line}), so this holds only where it is left unset: P1.` : '';
    return [
      {
        status: 'fail',
        ...(off ? { severity: 'P1' as const } : {}),
        message: `${how}; production error pages would show settings, environment and source (check --deploy: security.W018).${note}`,
        remediation: `In ${s.path}, read DEBUG off unless the deployment turns it on: \`DEBUG = ${READ[readerOf(module, s)].bool(s.value.envVar ?? 'DJANGO_DEBUG', false)}\`, or set \`DEBUG = False\` in the production settings.`,
        location: { path: s.path, line: s.line },
      },
    ];
  }
  if (s.conditional) return [{ status: 'pass', message: `DEBUG is assigned under a condition the deployment decides (${s.path}:${s.line}); not judged.` }];
  return [{ status: 'pass', message: `${describeSetting(s)}: not on in production.` }];
}
