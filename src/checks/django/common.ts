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
    findings.push(...own.map((f) => ({ ...f, message: f.message + note })));
  }
  return findings;
}

/** The chain of files read for a module, for pass messages. */
export const readFrom = (module: SettingsModule): string =>
  module.files.length > 1 ? `${module.path} (with ${module.files.slice(1).join(', ')})` : module.path;
