import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { resolveSetting } from '../../model/frameworks/laravel.js';
import { envFilesNote, forEachLaravelConfig } from './common.js';

/** Environments Laravel and its packages treat as a developer's machine (`App::isLocal()`, `environment('local')`). */
const LOCAL = /^(local|dev|development)$/i;

export const appEnv: RepoCheck = {
  id: 'laravel.app-env',
  title: 'Laravel APP_ENV is not local in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails when a judged env file sets `APP_ENV=local` (or `dev`/`development`), or when `config/app.php` falls back to `local` and no production env file sets APP_ENV. Env files are judged by their role.',
    why: 'config/app.php: "This value determines the \\"environment\\" your application is currently running in. This may determine how you prefer to configure various services the application utilizes." Code and packages that check `App::isLocal()` or `environment(\'local\')` (debug bars, Telescope, mail catchers, relaxed guards) switch on in production.',
    fix: 'Set `APP_ENV=production` in the production environment, and keep `\'env\' => env(\'APP_ENV\', \'production\')`.',
  },
  run: (ctx) =>
    forEachLaravelConfig(ctx, 'app', (app, config) => {
      const findings: FindingInput[] = [];
      for (const env of app.envFiles) {
        const e = env.env.get('APP_ENV');
        if (e && LOCAL.test(e.value.trim())) findings.push({ status: 'fail', message: `APP_ENV=${e.value} (${env.path}:${e.line}): an application started with this file runs as a developer's machine (App::isLocal()).`, location: { path: env.path, line: e.line } });
      }
      const s = resolveSetting(app, config.path, config.file, 'env');
      if (s?.known && typeof s.value === 'string' && LOCAL.test(s.value) && (!s.setBy || s.setBy.compose)) {
        const at = s.setBy ?? s;
        findings.push({ status: 'fail', message: `${s.how}: production runs as '${s.value}'${s.setBy ? '' : ` unless the deployment sets APP_ENV (${envFilesNote(app)})`}.`, location: { path: at.path, line: at.line } });
      }
      if (findings.length) return findings;
      return [{ status: 'pass', message: `${s ? s.how : `'env' is not set in ${config.path} (Laravel's default is production)`}; no judged env file sets APP_ENV=local.` }];
    }),
};
