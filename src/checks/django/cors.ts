import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { truthy } from '../../parse/python.js';
import { forEachSettingsModule } from './common.js';
import { READ, readerOf } from './reader.js';
import { whenUnset, type Setting, type SettingsModule } from './settings.js';

export const cors: RepoCheck = {
  id: 'django.cors',
  title: 'django-cors-headers does not allow every origin',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the production settings set `CORS_ALLOW_ALL_ORIGINS = True` (or the older `CORS_ORIGIN_ALLOW_ALL`), or an origin regex that matches any origin; the message says when `CORS_ALLOW_CREDENTIALS = True` makes it worse.',
    severityNote: 'P2 when `CORS_URLS_REGEX` limits the CORS headers to some paths (an `^/api/` prefix) and credentials are not allowed: the usual setting of a public, token-authenticated API.',
    why: 'Every web site can then read the API responses from a visitor\'s browser; with credentials allowed, it reads them with the visitor\'s cookies.',
    fix: 'List the front-end origins in CORS_ALLOWED_ORIGINS instead.',
    snippets: [{ stack: 'Django', code: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True' }],
  },
  run: (ctx) => forEachSettingsModule(ctx, corsVerdict),
};

const PROBE_ORIGIN = 'https://attacker.invalid';

export function corsVerdict(module: SettingsModule): FindingInput[] {
  const credentials = module.settings.get('CORS_ALLOW_CREDENTIALS');
  const withCredentials = credentials?.value.known && truthy(credentials.value.value)
    ? ` and CORS_ALLOW_CREDENTIALS = True (${credentials.path}:${credentials.line}) lets any site read responses with the visitor's cookies`
    : '';
  const findings: FindingInput[] = [];
  // The fix, written the way this module reads the environment, naming the setting seen.
  const fix = (s: Setting) =>
    `In ${s.path}, replace ${s.name} with the front-end origins: \`CORS_ALLOWED_ORIGINS = ${READ[readerOf(module, s)].list('CORS_ALLOWED_ORIGINS')}\` (full origins such as \`https://app.example.com\`)${withCredentials ? '; keep CORS_ALLOW_CREDENTIALS only for those' : ''}.`;
  // django-cors-headers adds its headers only to paths matching CORS_URLS_REGEX (default `^.*$`).
  const urls = module.settings.get('CORS_URLS_REGEX');
  const scope = urls?.value.known && typeof urls.value.value === 'string' && !matchesAnyPath(urls.value.value) ? urls.value.value : undefined;
  for (const name of ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL']) {
    const s = module.settings.get(name);
    if (s?.value.known && truthy(s.value.value) && !s.conditional) {
      const fallback = whenUnset(s.value);
      const message = `${name} = True${fallback} (${s.path}:${s.line}): every origin may read responses`;
      if (scope && !withCredentials) {
        findings.push({ status: 'fail', severity: 'P2', message: `${message} of the URLs matching CORS_URLS_REGEX ${JSON.stringify(scope)} (${urls!.path}:${urls!.line}), without the visitor's cookies (no CORS_ALLOW_CREDENTIALS). P2: a public API's usual setting; list the origins if those responses are private.`, location: { path: s.path, line: s.line }, remediation: fix(s) });
      } else {
        findings.push({ status: 'fail', message: `${message}${withCredentials}.`, location: { path: s.path, line: s.line }, remediation: fix(s) });
      }
    }
  }
  for (const name of ['CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST']) {
    const s = module.settings.get(name);
    if (!s?.value.known || !Array.isArray(s.value.value)) continue;
    const any = s.value.value.find((r) => typeof r === 'string' && matchesAnything(r));
    if (any !== undefined) {
      findings.push({ status: 'fail', message: `${name} contains ${JSON.stringify(any)} (${s.path}:${s.line}), which matches any origin${withCredentials}.`, location: { path: s.path, line: s.line }, remediation: fix(s) });
    }
  }
  if (findings.length) return findings;
  const used = [...module.settings.keys()].filter((k) => k.startsWith('CORS_'));
  return [{ status: 'pass', message: used.length ? `CORS settings (${used.join(', ')}) do not allow every origin.` : 'No django-cors-headers settings that allow every origin.' }];
}

/** CORS_URLS_REGEX that lets every path through (`^.*$`, `.*`, `/`): no scope. */
function matchesAnyPath(pattern: string): boolean {
  try {
    const re = new RegExp(pattern);
    return re.test('/') && re.test('/accounts/login/') && re.test('/admin/');
  } catch {
    return true;
  }
}

function matchesAnything(pattern: string): boolean {
  try {
    return new RegExp(pattern).test(PROBE_ORIGIN);
  } catch {
    return false;
  }
}
