import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { djangoProject, type SettingsModule } from './settings.js';

/**
 * Runs `verdict` on every production settings module; skip when the repository
 * has no Django settings. Messages name the module when there are several.
 */
export async function forEachSettingsModule(
  ctx: RepoCheckContext,
  verdict: (module: SettingsModule) => FindingInput[],
): Promise<FindingInput[]> {
  const project = await djangoProject(ctx);
  if (!project.modules.length) return [{ status: 'skip', message: 'No Django settings module found (settings.py, settings/*.py, settings_*.py, DJANGO_SETTINGS_MODULE).' }];
  const findings: FindingInput[] = [];
  for (const module of project.modules) {
    const own = verdict(module);
    const note = project.modules.length > 1 || project.candidates.length > 1 ? ` [settings module ${module.path}: ${module.reason}]` : '';
    findings.push(...own.map((f) => ({ ...f, message: f.message + note })));
  }
  return findings;
}

/** The chain of files read for a module, for pass messages. */
export const readFrom = (module: SettingsModule): string =>
  module.files.length > 1 ? `${module.path} (with ${module.files.slice(1).join(', ')})` : module.path;
