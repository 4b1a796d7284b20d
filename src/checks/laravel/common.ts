import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import type { LaravelApp } from '../../model/frameworks/laravel.js';
import type { PhpConfigFile } from '../../parse/php-config.js';

/**
 * Runs `verdict` on each Laravel application's config file `name`
 * (`config/app.php`...); skips when the repository has none. A config file
 * that does not parse is an error for the check, never a pass.
 */
export async function forEachLaravelConfig(
  ctx: Pick<RepoCheckContext, 'model'>,
  name: string,
  verdict: (app: LaravelApp, config: { path: string; file: PhpConfigFile }) => FindingInput[],
): Promise<FindingInput[]> {
  const apps = await ctx.model.laravel();
  if (!apps.length) return [{ status: 'skip', message: 'No Laravel application (an artisan file beside config/app.php).' }];
  const findings: FindingInput[] = [];
  for (const app of apps) {
    const config = await app.config(name);
    const note = apps.length > 1 ? ` [Laravel application ${app.root || '.'}]` : '';
    if (!config) {
      findings.push({ status: 'skip', message: `${app.configDir}/${name}.php is not in the repository: Laravel's framework defaults apply.${note}` });
      continue;
    }
    if (config.file.error) {
      findings.push({
        status: 'error',
        message: `${config.path}:${config.file.error.line} cannot be read (${config.file.error.message}); its settings are not judged.${note}`,
        location: { path: config.path, line: config.file.error.line },
      });
      continue;
    }
    if (!config.file.value) {
      findings.push({ status: 'error', message: `${config.path} returns no array that can be read statically; its settings are not judged.${note}`, location: { path: config.path, line: 1 } });
      continue;
    }
    findings.push(...verdict(app, config).map((f) => ({ ...f, message: f.message + note })));
  }
  return findings;
}

/** How production's env files were decided, for pass messages. */
export function envFilesNote(app: LaravelApp): string {
  const sources = [...new Set([...app.productionEnvironment.map((s) => `${s.path} (service ${s.service})`), ...app.productionEnvFiles.map((e) => e.path)])];
  return sources.length ? `production loads ${sources.join(', ')}` : 'no env file or compose environment is shown to reach production, so the config file\'s defaults were assumed';
}
