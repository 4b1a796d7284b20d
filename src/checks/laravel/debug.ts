import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { laravelEnvValue, phpRepr, phpTruthy, resolveSetting } from '../../model/frameworks/laravel.js';
import { envFilesNote, forEachLaravelConfig } from './common.js';

export const debug: RepoCheck = {
  id: 'laravel.debug',
  title: 'Laravel APP_DEBUG is off in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when an env file sets `APP_DEBUG=true`, or when `config/app.php` turns debug on in production: `\'debug\' => true`, or `env(\'APP_DEBUG\', true)` with no production env file setting APP_DEBUG. Env files are judged by their role (a development `.env` at most P2).',
    why: 'Laravel\'s configuration guide: "For local development, you should set the APP_DEBUG environment variable to true. In your production environment, this value should always be false. If the variable is set to true in production, you risk exposing sensitive configuration values to your application\'s end users." Debug error pages show the stack, the request and environment values.',
    fix: 'Set `APP_DEBUG=false` in the production environment and keep the default in config/app.php false: `\'debug\' => (bool) env(\'APP_DEBUG\', false)`.',
    snippets: [{ stack: 'Laravel', code: "'debug' => (bool) env('APP_DEBUG', false)," }],
  },
  run: (ctx) =>
    forEachLaravelConfig(ctx, 'app', (app, config) => {
      const findings: FindingInput[] = [];
      for (const env of app.envFiles) {
        const e = env.env.get('APP_DEBUG');
        if (e && phpTruthy(laravelEnvValue(e.value))) {
          findings.push({ status: 'fail', message: `APP_DEBUG=${e.value} (${env.path}:${e.line}): an application started with this file shows Laravel's debug error pages (stack traces, request and environment values) to every visitor.`, location: { path: env.path, line: e.line } });
        }
      }
      const s = resolveSetting(app, config.path, config.file, 'debug');
      if (s?.known && phpTruthy(s.value) && !s.setBy) {
        findings.push({ status: 'fail', message: `${s.how}: debug mode is on in production unless the deployment sets APP_DEBUG=false (${envFilesNote(app)}).`, location: { path: s.path, line: s.line } });
      } else if (s?.known && phpTruthy(s.value) && s.setBy?.compose) {
        findings.push({ status: 'fail', message: `${s.how}: the production deployment turns debug mode on.`, location: { path: s.setBy.path, line: s.setBy.line } });
      }
      if (findings.length) return findings;
      const what = s ? (s.known ? `${s.how}: ${phpRepr(s.value)}` : `${s.how}: not judged`) : `'debug' is not set in ${config.path}: Laravel's default is false`;
      return [{ status: 'pass', message: `${what}; no judged env file turns APP_DEBUG on (${envFilesNote(app)}).` }];
    }),
};
