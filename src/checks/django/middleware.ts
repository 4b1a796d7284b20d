import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { forEachSettingsModule } from './common.js';
import type { SettingsModule } from './settings.js';

export const REQUIRED_MIDDLEWARE = [
  { path: 'django.middleware.security.SecurityMiddleware', id: 'security.W001', effect: 'no HSTS, nosniff, referrer policy or SSL redirect headers are set' },
  { path: 'django.middleware.csrf.CsrfViewMiddleware', id: 'security.W003', effect: 'forms and cookie-authenticated POSTs have no CSRF protection' },
  // Framing protection is defence in depth, as headers.frame-options says live: P2 unless raised with severity:.
  { path: 'django.middleware.clickjacking.XFrameOptionsMiddleware', id: 'security.W002', effect: 'pages can be framed by any site (clickjacking)', severity: 'P2' },
] as const;

export const middleware: RepoCheck = {
  id: 'django.middleware',
  title: 'Django security middleware is installed',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: 'Fails once per middleware missing from MIDDLEWARE in the production settings: SecurityMiddleware (security.W001), CsrfViewMiddleware (security.W003), XFrameOptionsMiddleware (security.W002).',
    why: 'These three carry most of what Django does for HTTP security: security headers and HTTPS redirect, CSRF protection, clickjacking protection.',
    severityNote: 'P1 for SecurityMiddleware and CsrfViewMiddleware; P2 for XFrameOptionsMiddleware (framing protection is defence in depth: clickjacking needs a one-click sensitive action, as headers.frame-options says).',
    fix: 'Keep the middleware `startproject` generates: SecurityMiddleware first, then CsrfViewMiddleware and XFrameOptionsMiddleware.',
  },
  run: (ctx) => forEachSettingsModule(ctx, middlewareVerdict),
};

export function middlewareVerdict(module: SettingsModule): FindingInput[] {
  const s = module.settings.get('MIDDLEWARE') ?? module.settings.get('MIDDLEWARE_CLASSES');
  if (s && (!s.value.known || !Array.isArray(s.value.value))) {
    return [{ status: 'pass', message: `${s.name} is computed at ${s.path}:${s.line} (${s.value.known ? 'not a list' : s.value.reason}); not judged.` }];
  }
  const installed = s && s.value.known && Array.isArray(s.value.value) ? s.value.value.map(String) : [];
  // Not set at all: the settings module as a whole, no line.
  const where = s ? { location: { path: s.path, line: s.line } } : { file: module.path };
  const findings: FindingInput[] = [];
  for (const m of REQUIRED_MIDDLEWARE) {
    const cls = m.path.slice(m.path.lastIndexOf('.') + 1);
    // A project subclass (`myapp.middleware.SecurityMiddleware`) counts.
    if (installed.some((entry) => entry === m.path || entry.endsWith(`.${cls}`))) continue;
    findings.push({
      status: 'fail',
      ...('severity' in m ? { severity: m.severity } : {}),
      message: `${m.path} is not in ${s ? `${s.name} (${s.path}:${s.line})` : `MIDDLEWARE (not set in ${module.path})`} (check --deploy: ${m.id}): ${m.effect}.`,
      ...where,
      remediation: `Add "${m.path}" to MIDDLEWARE.`,
    });
  }
  if (findings.length) return findings;
  return [{ status: 'pass', message: `SecurityMiddleware, CsrfViewMiddleware and XFrameOptionsMiddleware are in ${s!.name} (${s!.path}:${s!.line}).` }];
}
