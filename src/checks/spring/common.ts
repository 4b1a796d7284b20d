import type { FindingInput, Location, RepoCheckContext } from '../../engine/types.js';
import type { SpringApp, SpringSetting } from '../../model/frameworks/spring.js';

/**
 * Runs `verdict` on every Spring Boot application of the repository; skip
 * when there is none. A configuration file that does not parse is an error
 * and the application's passes are not given (its settings are unknown).
 * Failing findings say which profiles were judged and how they were decided, and every finding says so when
 * the profiles were assumed.
 */
export async function forEachSpringApp(ctx: RepoCheckContext, verdict: (app: SpringApp) => FindingInput[] | Promise<FindingInput[]>): Promise<FindingInput[]> {
  const { apps } = await ctx.model.spring();
  if (!apps.length) return [{ status: 'skip', message: 'No Spring Boot configuration found (src/main/resources/application*.yml, .yaml or .properties).' }];
  const findings: FindingInput[] = [];
  for (const app of apps) {
    const where = apps.length > 1 ? ` [application ${app.root}]` : '';
    const errors: FindingInput[] = app.unreadable.map((u) => ({
      status: 'error',
      message: `${u.path}:${u.line} does not parse (${u.message}): Spring Boot cannot start with it, and its settings are not judged.${where}`,
      location: { path: u.path, line: u.line },
    }));
    findings.push(...errors);
    for (const f of await verdict(app)) {
      if (errors.length && f.status === 'pass') continue;
      findings.push({ ...f, message: `${f.message}${f.status === 'fail' || app.assumed ? ` ${profileNote(app)}` : ''}${where}` });
    }
  }
  return findings;
}

export function profileNote(app: SpringApp): string {
  return `(Profiles judged: ${app.profiles.length ? app.profiles.join(', ') : 'default'}; ${app.profilesFrom}.)`;
}

/** Where a setting's running value is written: the deployment's line when the environment sets it. */
export function locationOf(s: SpringSetting): Location {
  return s.value.kind === 'deployment' ? { path: s.value.path, line: s.value.line } : { path: s.path, line: s.line };
}

export const filesRead = (app: SpringApp): string => (app.files.length ? app.files.join(', ') : `no configuration file for the profiles ${app.profiles.join(', ')}`);
