import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { mayRunInProduction, type EnvAssignment } from '../../model/frameworks/deploy-env.js';
import { djangoProject, type SettingsModule } from './settings.js';

/**
 * Where the production (or unknown-role) deployment files set the variable a setting of the production settings
 * modules is read from, asked of the model only for the modules `asks` names a variable for; `keep` narrows the
 * assignments. A lookup by variable name for the verdicts.
 */
export async function deployedVariables(
  ctx: Pick<RepoCheckContext, 'files' | 'parsed' | 'model'>,
  asks: (module: SettingsModule) => string | undefined,
  keep: (a: EnvAssignment) => boolean,
): Promise<(name: string) => EnvAssignment[]> {
  const deployed = new Map<string, EnvAssignment[]>();
  for (const module of (await djangoProject(ctx)).modules) {
    const name = asks(module);
    if (name && !deployed.has(name)) deployed.set(name, (await ctx.model.deploymentEnv(name)).filter((a) => mayRunInProduction(a) && keep(a)));
  }
  return (name) => deployed.get(name) ?? [];
}

/**
 * Runs `verdict` on every production settings module; skip when the repository
 * has no Django settings. Messages name the module when there are several.
 * A module with a syntax error is judged on what was read around it, and says
 * so; with `failClosed` (P0 checks) its pass is an error instead.
 */
export async function forEachSettingsModule(
  ctx: RepoCheckContext,
  verdict: (module: SettingsModule) => FindingInput[],
  options: { failClosed?: boolean } = {},
): Promise<FindingInput[]> {
  const project = await djangoProject(ctx);
  // A settings module production runs with that cannot be read is an error: its settings are unknown, not fine.
  const errors: FindingInput[] = (project.unreadable ?? []).map((u) => ({
    status: 'error',
    message: `The settings module ${u.path} (${u.reason}) cannot be read: ${u.problem}; its settings are not judged.`,
    location: { path: u.file, line: 1 },
  }));
  if (!project.modules.length) return errors.length ? errors : [{ status: 'skip', message: 'No Django settings module found (settings.py, settings/*.py, settings_*.py, DJANGO_SETTINGS_MODULE).' }];
  const findings: FindingInput[] = [...errors];
  for (const module of project.modules) {
    const own = verdict(module);
    const note = project.modules.length > 1 || project.candidates.length > 1 ? ` [settings module ${module.path}: ${module.reason}]` : '';
    const broken = module.syntaxErrors?.[0];
    if (!broken) {
      findings.push(...own.map((f) => ({ ...f, message: f.message + note })));
      continue;
    }
    const where = `${broken.path}:${broken.line} does not parse (${broken.message}): Python cannot import this settings module`;
    for (const f of own) {
      if (options.failClosed && (f.status === 'pass' || f.status === 'skip')) {
        findings.push({ status: 'error', message: `${where}, so this is not judged as a pass. Read around the error: ${f.message}${note}`, location: { path: broken.path, line: broken.line } });
      } else findings.push({ ...f, message: `${f.message} (${where}; read around the error.)${note}` });
    }
  }
  return findings;
}

/** The chain of files read for a module, for pass messages. */
export const readFrom = (module: SettingsModule): string =>
  module.files.length > 1 ? `${module.path} (with ${module.files.slice(1).join(', ')})` : module.path;
