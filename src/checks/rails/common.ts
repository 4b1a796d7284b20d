import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import type { RailsApp, RailsSetting } from '../../model/frameworks/rails.js';
import type { RubyScalar } from '../../parse/ruby-config.js';

/**
 * Runs `verdict` on each Rails application; skips when the repository has
 * none. A configuration file that cannot be read is an error for the checks
 * that read settings (`needsSettings`), never a pass.
 */
export async function forEachRailsApp(
  ctx: Pick<RepoCheckContext, 'model'>,
  verdict: (app: RailsApp) => FindingInput[] | Promise<FindingInput[]>,
  options: { needsProduction?: boolean } = {},
): Promise<FindingInput[]> {
  const apps = await ctx.model.rails();
  if (!apps.length) return [{ status: 'skip', message: 'No Rails application (config/application.rb).' }];
  const findings: FindingInput[] = [];
  for (const app of apps) {
    const note = apps.length > 1 ? ` [Rails application ${app.root || '.'}]` : '';
    if (options.needsProduction) {
      const broken = app.errors[0];
      if (broken) {
        findings.push({ status: 'error', message: `${broken.path}:${broken.line} cannot be read (${broken.message}); production's settings are not judged.${note}`, location: { path: broken.path, line: broken.line } });
        continue;
      }
    }
    // Without production.rb, Rails runs production with application.rb and its own defaults: judged so, and said.
    const assumed = options.needsProduction && !app.productionPath ? ` (${app.root ? `${app.root}/` : ''}config/environments/production.rb is not in the repository: judged on ${app.applicationPath} and Rails' defaults, as Rails runs without it.)` : '';
    findings.push(...(await verdict(app)).map((f) => ({ ...f, message: f.message + assumed + note })));
  }
  return findings;
}

/** Where production's settings are written: production.rb, else application.rb. */
export const productionFile = (app: RailsApp): string => app.productionPath ?? app.applicationPath;

export const rubyRepr = (value: RubyScalar | undefined): string => (value === undefined ? 'an error' : value === null ? 'nil' : typeof value === 'string' && !value.startsWith(':') ? JSON.stringify(value) : String(value));

/** "config.force_ssl = false (config/environments/production.rb:35)", or how the environment decides it. */
export function describeRails(s: RailsSetting): string {
  const where = `${s.path}:${s.line}`;
  if (s.value.kind === 'literal') return `config.${s.name} = ${rubyRepr(s.value.value)} (${where})`;
  if (s.value.kind === 'env') {
    const vars = s.value.vars.join(', ');
    if (s.value.required) return `config.${s.name} requires ${vars} (${where})`;
    return `config.${s.name} is ${rubyRepr(s.value.whenUnset)} when ${vars} ${s.value.vars.length > 1 ? 'are' : 'is'} unset (${where})`;
  }
  return `config.${s.name} is computed (${s.value.text.slice(0, 80)}) at ${where}`;
}

/** The value production gets with its variables unset, when that is a literal the project chose: a literal, or a literal default. */
export function decidedValue(s: RailsSetting): { value: RubyScalar } | undefined {
  if (s.value.kind === 'literal') return { value: s.value.value };
  if (s.value.kind === 'env' && s.value.literalDefault && s.value.whenUnset !== undefined) return { value: s.value.whenUnset };
  return undefined;
}
