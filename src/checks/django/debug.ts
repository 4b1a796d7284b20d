import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { pyRepr, truthy } from '../../parse/python.js';
import { forEachSettingsModule, readFrom } from './common.js';
import { READ, readerOf } from './reader.js';
import { describeSetting, type SettingsModule } from './settings.js';

export const debug: RepoCheck = {
  id: 'django.debug',
  title: 'Django DEBUG is off in production settings',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the production Django settings set `DEBUG = True`, or read DEBUG from the environment with a default that resolves to True when the variable is unset (`os.environ.get("DEBUG", "True")`, `env.bool("DEBUG", default=True)`).',
    why: 'With DEBUG on, every error page shows settings, environment variables, SQL and source code to anyone (check --deploy: security.W018), and Django keeps every SQL query in memory.',
    fix: 'Set `DEBUG = False` in the production settings, or read it with a safe default: `DEBUG = env.bool("DJANGO_DEBUG", default=False)`.',
    snippets: [{ stack: 'Django', code: 'DEBUG = os.environ.get("DJANGO_DEBUG", "False").lower() == "true"' }],
  },
  run: (ctx) => forEachSettingsModule(ctx, debugVerdict, { failClosed: true }),
};

export function debugVerdict(module: SettingsModule): FindingInput[] {
  const s = module.settings.get('DEBUG');
  if (!s) return [{ status: 'pass', message: `DEBUG is not set in ${readFrom(module)}: Django's default is False.` }];
  if (s.value.known && truthy(s.value.value) && !s.conditional) {
    const how = s.value.envVar
      ? `DEBUG is on when ${s.value.envVar} is not set: it falls back to ${pyRepr(s.value.value)}${s.value.via ? `, the default given to ${s.value.via}()` : ''} (${s.path}:${s.line})`
      : `DEBUG = ${pyRepr(s.value.value)} (${s.path}:${s.line})`;
    return [
      {
        status: 'fail',
        message: `${how}; production error pages would show settings, environment and source (check --deploy: security.W018).`,
        remediation: `In ${s.path}, read DEBUG off unless the deployment turns it on: \`DEBUG = ${READ[readerOf(module, s)].bool(s.value.envVar ?? 'DJANGO_DEBUG', false)}\`, or set \`DEBUG = False\` in the production settings.`,
        location: { path: s.path, line: s.line },
      },
    ];
  }
  if (s.conditional) return [{ status: 'pass', message: `DEBUG is assigned under a condition the deployment decides (${s.path}:${s.line}); not judged.` }];
  return [{ status: 'pass', message: `${describeSetting(s)}: not on in production.` }];
}
