import type { RepoCheck } from '../../engine/types.js';
import { forEachRailsApp, productionFile } from './common.js';

export const hosts: RepoCheck = {
  id: 'rails.hosts',
  title: 'Rails Host Authorization is on in production',
  category: 'security',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: 'Fails when `config.hosts` is empty in production: never added to in config/application.rb or production.rb (Rails\' production default), or emptied (`config.hosts.clear`, `= []`, `= nil`). Skipped for an application whose Gemfile.lock locks Rails before 6.0, which has no Host Authorization.',
    why: 'The Rails configuration guide: config.hosts protects "against DNS rebinding and other Host header attacks"; "In other environments config.hosts is empty and no Host header checks will be done", so links the application builds from the request\'s Host (password reset mails without a configured host) follow whatever Host a request sends.',
    fix: 'List production\'s host names: `config.hosts << "app.example.com"` (exclude the health check path with `config.host_authorization`).',
    severityNote: 'P2: defence in depth; the proxy in front often enforces the Host too.',
    snippets: [{ stack: 'Rails', code: 'config.hosts << "app.example.com"\nconfig.host_authorization = { exclude: ->(request) { request.path == "/up" } }' }],
  },
  run: (ctx) =>
    forEachRailsApp(
      ctx,
      (app) => {
        // Host Authorization came with Rails 6.0: an older application has no config.hosts to set.
        const major = app.railsVersion ? Number(app.railsVersion.version.split('.')[0]) : undefined;
        if (major !== undefined && major < 6) return [{ status: 'skip', message: `Host Authorization (config.hosts) exists from Rails 6.0; ${app.railsVersion!.path} locks Rails ${app.railsVersion!.version}.` }];
        let last: (typeof app.settings)[number] | undefined;
        for (const s of app.settings) if (s.name === 'hosts') last = s;
        if (!last) return [{ status: 'fail', message: `config.hosts is never set in ${productionFile(app) === app.applicationPath ? app.applicationPath : `config/application.rb nor ${app.productionPath}`}: empty in production, so Host Authorization is off and any Host header is accepted.`, file: productionFile(app) }];
        const emptied = last.op === 'clear' || (last.op === '=' && last.value.kind === 'literal' && (last.value.value === null)) || (last.op === '=' && last.value.kind === 'computed' && /^\[\s*\]$/.test(last.value.text));
        if (emptied && !last.conditional) return [{ status: 'fail', message: `config.hosts is emptied at ${last.path}:${last.line}: Host Authorization is off and any Host header is accepted.`, location: { path: last.path, line: last.line } }];
        return [{ status: 'pass', message: `config.hosts is set at ${last.path}:${last.line}${last.conditional ? ' (under a condition the deployment decides)' : ''}.` }];
      },
      { needsProduction: true },
    ),
};
