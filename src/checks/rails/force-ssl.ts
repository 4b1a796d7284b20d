import type { RepoCheck } from '../../engine/types.js';
import { finalSetting } from '../../model/frameworks/rails.js';
import { decidedValue, describeRails, forEachRailsApp, productionFile } from './common.js';

export const forceSsl: RepoCheck = {
  id: 'rails.force-ssl',
  title: 'Rails forces HTTPS in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails when `config/environments/production.rb` (after `config/application.rb`) sets `config.force_ssl = false`, leaves it unset (Rails\' default is false), or falls back to false when its variable is unset (`ENV.fetch("FORCE_SSL", false)`). A value the deployment decides (`ENV["FORCE_SSL"].present?`, a condition) is reported as such, not failed.',
    why: 'The Rails Security Guide: "config.force_ssl = true" forces all access over HTTPS and, through ActionDispatch::SSL, redirects HTTP, sends Strict-Transport-Security and marks cookies secure; without it session cookies travel over plain HTTP.',
    fix: 'Set `config.force_ssl = true` in production.rb (with `config.assume_ssl = true` behind a TLS-terminating proxy).',
    snippets: [{ stack: 'Rails', code: 'config.assume_ssl = true\nconfig.force_ssl = true' }],
    severityNote: 'P1 when Puma terminates TLS itself (`ssl_bind` in config/puma.rb); P2 when TLS ends at a proxy in front (SEVERITY.md: settings that belong to the TLS-terminating proxy).',
  },
  async run(ctx) {
    // SEVERITY.md: HSTS and the HTTPS redirect are the application's to provide (P1) where it terminates TLS
    // itself (Puma's `ssl_bind`); Rails apps usually sit behind a TLS-terminating proxy, whose settings they are (P2).
    const terminates = (await Promise.all(ctx.files.files.filter((f) => /(^|\/)config\/puma(\/[\w.-]+)?\.rb$/.test(f.path)).map((f) => ctx.files.read(f.path)))).some((t) => t !== undefined && /^\s*ssl_bind\b/m.test(t));
    const severity = terminates ? 'P1' : 'P2';
    const why = terminates ? ' Puma terminates TLS itself (ssl_bind).' : ' P2: Puma has no ssl_bind, so TLS ends at a proxy in front, which can redirect and send HSTS (with config.assume_ssl the app still marks cookies Secure).';
    return forEachRailsApp(
      ctx,
      (app) => {
        const { setting, conditional } = finalSetting(app, 'force_ssl');
        if (conditional) return [{ status: 'pass', message: `config.force_ssl is set under a condition the deployment decides (${conditional.path}:${conditional.line}); not judged.` }];
        if (!setting) return [{ status: 'fail', severity, message: `config.force_ssl is not set in ${productionFile(app) === app.applicationPath ? app.applicationPath : `${app.productionPath} nor config/application.rb`}: Rails' default is false, so production serves plain HTTP, sends no HSTS and no Secure cookies.${why}`, file: productionFile(app) }];
        const decided = decidedValue(setting);
        if (decided && decided.value !== true) {
          return [{ status: 'fail', severity, message: `${describeRails(setting)}: production serves plain HTTP, sends no HSTS and its cookies are not marked Secure.${why}`, location: { path: setting.path, line: setting.line } }];
        }
        if (!decided) return [{ status: 'pass', message: `${describeRails(setting)}: the deployment decides; not judged.` }];
        return [{ status: 'pass', message: `${describeRails(setting)}.` }];
      },
      { needsProduction: true },
    );
  },
};
