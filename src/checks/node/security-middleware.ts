import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { findInSources, nodeApps, type NodeApp } from './apps.js';

export const securityMiddleware: RepoCheck = {
  id: 'node.security-middleware',
  title: 'Express apps set security headers',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for an Express app (or NestJS on Express) that neither uses helmet (or sets the security headers itself) nor disables the `X-Powered-By: Express` header.',
    why: 'Express sends no security headers by default (no nosniff, frame, CSP or HSTS) and announces itself in X-Powered-By, which tells scanners which exploits to try.',
    fix: 'Add helmet as the first middleware (it also removes X-Powered-By), or at least `app.disable("x-powered-by")` and set the headers yourself.',
    snippets: [{ stack: 'Express', code: "import helmet from 'helmet';\n\nconst app = express();\napp.use(helmet());" }],
  },
  async run(ctx) {
    const { apps } = await nodeApps(ctx);
    const expressApps = apps.filter((a) => a.frameworks.includes('express') || (a.frameworks.includes('@nestjs/core') && !a.dependencies.has('@nestjs/platform-fastify')));
    if (!expressApps.length) return [{ status: 'skip', message: 'No Express or NestJS (Express) application found in package.json dependencies.' }];
    return expressApps.flatMap(securityMiddlewareVerdict);
  },
};

const HELMET = /\brequire\(\s*['"](helmet|lusca)['"]\s*\)|\bfrom\s+['"](helmet|lusca)['"]|\bhelmet\s*\(/;
const MANUAL_HEADERS = /['"](content-security-policy|x-content-type-options|strict-transport-security|x-frame-options)['"]/i;
const POWERED_BY_OFF = /\.disable\(\s*['"]x-powered-by['"]\s*\)|\.set\(\s*['"]x-powered-by['"]\s*,\s*false\s*\)|removeHeader\(\s*['"]x-powered-by['"]\s*\)/i;
const EXPRESS_APP = /\bexpress\s*\(\s*\)|NestFactory\.create\s*(<[^>]*>)?\s*\(/;

export function securityMiddlewareVerdict(app: NodeApp): FindingInput[] {
  const helmet = findInSources(app, HELMET);
  const manual = findInSources(app, MANUAL_HEADERS);
  const poweredByOff = findInSources(app, POWERED_BY_OFF);
  const created = findInSources(app, EXPRESS_APP);
  const location = created ? { path: created.path, line: created.line } : { path: app.packageJson, line: app.frameworkLine };
  const scanned = `${app.sources.length} source file(s) of ${app.dir}`;
  if (helmet) return [{ status: 'pass', message: `${app.dir}: helmet is used (${helmet.path}:${helmet.line}).` }];
  if (!manual && !poweredByOff) {
    return [
      {
        status: 'fail',
        message: `Express app in ${app.dir} (${location.path}:${location.line}) uses neither helmet nor its own security headers, and leaves X-Powered-By: Express on (read ${scanned}).`,
        location,
        remediation: `Add helmet to ${app.packageJson} and \`app.use(helmet())\` right after creating the app at ${location.path}:${location.line}.`,
      },
    ];
  }
  const parts = [manual ? `sets security headers itself (${manual.path}:${manual.line})` : 'does not use helmet', poweredByOff ? `disables X-Powered-By (${poweredByOff.path}:${poweredByOff.line})` : 'keeps X-Powered-By'];
  return [{ status: 'pass', message: `Express app in ${app.dir} ${parts.join(' and ')}.` }];
}
