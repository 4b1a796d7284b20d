import type { RepoCheck } from '../../engine/types.js';
import { finalSetting } from '../../model/frameworks/rails.js';
import { decidedValue, describeRails, forEachRailsApp } from './common.js';

export const requestsLocal: RepoCheck = {
  id: 'rails.consider-all-requests-local',
  title: 'Rails does not show debug error pages in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary: 'Fails when production (config/environments/production.rb after config/application.rb) sets `config.consider_all_requests_local = true`, or a literal default that is true when its variable is unset.',
    why: 'The Rails configuration guide: "If true then any error will cause detailed debugging information to be dumped in the HTTP response, and the Rails::Info controller will show the application runtime context in /rails/info/properties. true by default in the development and test environments, and false in production."',
    fix: 'Set `config.consider_all_requests_local = false` in production.rb.',
    snippets: [{ stack: 'Rails', code: 'config.consider_all_requests_local = false' }],
  },
  run: (ctx) =>
    forEachRailsApp(
      ctx,
      (app) => {
        const { setting, conditional } = finalSetting(app, 'consider_all_requests_local');
        if (setting) {
          const decided = decidedValue(setting);
          if (decided?.value === true) {
            return [{ status: 'fail', message: `${describeRails(setting)}: every error shows its stack trace, request and environment details to visitors, and /rails/info/properties the runtime's.`, location: { path: setting.path, line: setting.line } }];
          }
        }
        if (conditional) return [{ status: 'pass', message: `config.consider_all_requests_local is set under a condition the deployment decides (${conditional.path}:${conditional.line}); not judged.` }];
        return [{ status: 'pass', message: setting ? `${describeRails(setting)}.` : `config.consider_all_requests_local is not set: false in production (Rails' default).` }];
      },
      { needsProduction: true },
    ),
};
