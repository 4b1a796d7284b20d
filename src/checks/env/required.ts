import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { loadTemplates, type LoadedEnvFile } from './common.js';

/** The templates that stand for production: those named prod/production, else the generic ones. */
export function productionTemplates(templates: LoadedEnvFile[]): { templates: LoadedEnvFile[]; generic: boolean } {
  const prod = templates.filter((t) => t.production);
  return prod.length ? { templates: prod, generic: false } : { templates, generic: true };
}

/** The fix for one missing variable: its line in that template. */
const requiredFix = (name: string, template: string, commented = false) =>
  `${commented ? `Uncomment \`${name}\` in` : `Add \`${name}=\` to`} \`${template}\`, with a placeholder and a comment above it saying where the production value comes from (\`# ${name}: from the secret store\`).`;

export const envRequired: RepoCheck = {
  id: 'env.required',
  title: 'Required production variables are in the production template',
  category: 'deployment',
  severity: 'P0',
  kind: 'repo',
  roles: 'own',
  docs: {
    summary:
      'Fails for each variable listed in `repo.required-env` that is not set (a commented-out line does not count) in each production template (`.env.prod.example`, `.env.production.sample`...: a template whose name contains prod/production), or, when there is none, in any generic template; also when there is no template at all.',
    why: 'The production template is the checklist of whoever deploys: a required variable missing from it is a variable missing in production.',
    fix: 'Add each required variable to the production template, with a placeholder value and a comment saying where the real value comes from.',
  },
  async run(ctx) {
    const required = ctx.config.repo.requiredEnv;
    if (required.length === 0) return [{ status: 'skip', message: 'No variable is listed in repo.required-env.' }];
    const all = await loadTemplates(ctx);
    if (all.length === 0) {
      return [{ status: 'fail', message: `No env template exists, so none of the required variables (${required.join(', ')}) is documented for production.` }];
    }
    const { templates, generic } = productionTemplates(all);
    const findings: FindingInput[] = [];
    if (generic) {
      const first = templates[0]!;
      for (const name of required) {
        if (templates.some((t) => t.env.keys.has(name))) continue;
        const names = templates.map((t) => t.path).join(', ');
        findings.push({ status: 'fail', message: `Required variable ${name} is in no env template (${names}; no production template exists).`, file: first.path, remediation: requiredFix(name, first.path) });
      }
    } else {
      for (const t of templates) {
        for (const name of required) {
          if (t.env.keys.has(name)) continue;
          const commented = t.commentedKeys.has(name) ? ' (only commented out)' : '';
          findings.push({ status: 'fail', message: `Required variable ${name} is missing from the production template ${t.path}${commented}.`, file: t.path, remediation: requiredFix(name, t.path, commented !== '') });
        }
      }
    }
    if (findings.length === 0) findings.push({ status: 'pass', message: `All ${required.length} required variable(s) are set in ${templates.map((t) => t.path).join(', ')}.` });
    return findings;
  },
};
