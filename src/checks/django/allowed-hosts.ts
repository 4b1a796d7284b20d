import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { pyRepr } from '../../parse/python.js';
import { forEachSettingsModule, readFrom } from './common.js';
import { READ, readerOf } from './reader.js';
import { whenUnset, type SettingsModule } from './settings.js';

export const allowedHosts: RepoCheck = {
  id: 'django.allowed-hosts',
  title: 'Django ALLOWED_HOSTS names the real hosts',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: "Fails when the production settings leave ALLOWED_HOSTS empty (Django's default) or allow every host with `'*'` (also as a fallback default when the variable is unset).",
    why: "`'*'` disables Django's Host header validation, which protects password-reset links and cache keys from Host header poisoning; an empty list with DEBUG off answers every request with 400.",
    fix: 'List the production host names: `ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")` with the deployment setting e.g. `DJANGO_ALLOWED_HOSTS=example.com,www.example.com`.',
  },
  run: (ctx) => forEachSettingsModule(ctx, allowedHostsVerdict),
};

export function allowedHostsVerdict(module: SettingsModule): FindingInput[] {
  const s = module.settings.get('ALLOWED_HOSTS');
  // The fix, written the way this module reads the environment.
  const remediation = `In ${s?.path ?? module.path}, list the production host names: \`ALLOWED_HOSTS = ${READ[readerOf(module, s)].list(s?.value.envVar ?? 'DJANGO_ALLOWED_HOSTS')}\`, set by the deployment (\`${s?.value.envVar ?? 'DJANGO_ALLOWED_HOSTS'}=example.com,www.example.com\`).`;
  if (!s) {
    return [{ status: 'fail', message: `ALLOWED_HOSTS is not set in ${readFrom(module)}: Django's default [] rejects every request once DEBUG is off.`, file: module.path, remediation }];
  }
  if (!s.value.known || s.conditional) return [{ status: 'pass', message: `ALLOWED_HOSTS is computed at ${s.path}:${s.line} (${s.value.known ? 'conditionally' : s.value.reason}).` }];
  const raw = s.value.value;
  const hosts = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []).map((h) => String(h).trim()).filter(Boolean);
  const fallback = whenUnset(s.value);
  if (hosts.includes('*')) {
    return [{ status: 'fail', message: `ALLOWED_HOSTS allows every host ('*')${fallback} at ${s.path}:${s.line}: Host header validation is off.`, location: { path: s.path, line: s.line }, remediation }];
  }
  if (!hosts.length) {
    return [{ status: 'fail', message: `ALLOWED_HOSTS is empty${fallback} at ${s.path}:${s.line}: with DEBUG off Django answers every request with 400.`, location: { path: s.path, line: s.line }, remediation }];
  }
  return [{ status: 'pass', message: `ALLOWED_HOSTS = ${pyRepr(hosts)}${fallback} (${s.path}:${s.line}).` }];
}
