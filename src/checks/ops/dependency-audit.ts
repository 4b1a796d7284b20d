import type { RepoCheck } from '../../engine/types.js';
import { ciFiles, ciStrings, MANIFEST, NON_PRODUCT_PATH } from './project.js';

const UPDATE_BOTS = ['.github/dependabot.yml', '.github/dependabot.yaml', 'renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.snyk'];
/** Scanners run from CI. */
export const AUDIT_COMMAND =
  /\b(npm|pnpm|yarn)\s+audit\b|\bpip-audit\b|\bsafety\s+(check|scan)\b|\bosv-scanner\b|google\/osv-scanner|\bsnyk\s+(test|monitor)\b|snyk\/actions|\btrivy\b|aquasecurity\/trivy|\bgrype\b|anchore\/scan-action|\bgovulncheck\b|\bcargo\s+(audit|deny)\b|\bbundle(r)?[-\s]audit\b|\bdependency-check\b|dependency-review-action|\bauditjs\b|\bbetter-npm-audit\b|\baudit-ci\b|\bmix\s+deps\.audit\b|\bcomposer\s+audit\b/;

export const dependencyAudit: RepoCheck = {
  id: 'ops.dependency-audit',
  title: 'Dependencies are scanned for vulnerabilities',
  category: 'security',
  severity: 'P2',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary: 'Fails when neither an update bot (Dependabot, Renovate, Snyk) is configured nor a CI job runs a vulnerability scanner (npm audit, pip-audit, osv-scanner, Trivy, Grype, govulncheck, cargo audit, bundler-audit, dependency-review-action...).',
    why: 'Most exploited vulnerabilities are in dependencies with a published fix; without scanning nobody learns that the deployed version is affected.',
    fix: 'Enable Dependabot (or Renovate) for every ecosystem of the repository, and run a scanner such as osv-scanner or the dependency review action on pull requests.',
    snippets: [{ stack: 'GitHub', code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }' }],
  },
  async run(ctx) {
    if (!ctx.files.files.some((f) => MANIFEST.test(f.path) && !NON_PRODUCT_PATH.test(f.path))) return [{ status: 'skip', message: 'No dependency manifest found.' }];
    const bot = UPDATE_BOTS.find((p) => ctx.files.has(p));
    if (bot) return [{ status: 'pass', message: `Dependency updates and alerts are configured: ${bot}.` }];
    const pkg = ctx.files.has('package.json') ? await ctx.files.read('package.json') : undefined;
    if (pkg && /"renovate"\s*:/.test(pkg)) return [{ status: 'pass', message: 'Renovate is configured in package.json.' }];
    const ci = ciFiles(ctx.files);
    for (const path of ci) {
      for (const s of await ciStrings(ctx, path)) {
        if (AUDIT_COMMAND.test(s.text)) return [{ status: 'pass', message: `CI scans dependencies: ${s.path}:${s.line} (\`${s.text.trim().slice(0, 120)}\`).` }];
      }
    }
    return [
      {
        status: 'fail',
        message: `No dependency vulnerability scanning: no Dependabot/Renovate/Snyk configuration, and ${ci.length ? `none of ${ci.join(', ')} runs a scanner` : 'no CI configuration'} (npm audit, pip-audit, osv-scanner, Trivy, govulncheck...).`,
      },
    ];
  },
};
