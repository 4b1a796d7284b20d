import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { codeOf, developmentOnly, forEachAspNetProject, lineAt } from './common.js';

const DEVELOPER_PAGE = /\bUseDeveloperExceptionPage\s*\(|\bDetailedErrors\s*=\s*true\b|\.UseSetting\s*\(\s*WebHostDefaults\.DetailedErrorsKey\s*,\s*"true"/g;

export const aspnetDeveloperErrors: RepoCheck = {
  id: 'aspnet.developer-errors',
  title: 'ASP.NET Core shows no developer error pages in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when production runs with developer error details: the deployment sets `ASPNETCORE_ENVIRONMENT=Development` (the developer exception page is then on by default), the project calls `UseDeveloperExceptionPage()` or sets `DetailedErrors = true` outside an `if (env.IsDevelopment())` block (or an `else` of `!IsDevelopment()`, or `#if DEBUG`), or the loaded appsettings set `"DetailedErrors": true`.',
    why: 'Microsoft\'s "Handle errors in ASP.NET Core" says to enable the Developer Exception Page only when the app is running in the Development environment, because it shares detailed information about the app (stack traces, query strings, cookies, headers) that should not be shared publicly; Blazor\'s DetailedErrors sends exception details to the browser.',
    fix: 'Call `app.UseDeveloperExceptionPage()` only under `if (app.Environment.IsDevelopment())` and `app.UseExceptionHandler("/Error")` otherwise; keep `DetailedErrors` in `appsettings.Development.json` only.',
    snippets: [{ stack: 'ASP.NET Core', code: 'if (app.Environment.IsDevelopment())\n    app.UseDeveloperExceptionPage();\nelse\n    app.UseExceptionHandler("/Error");' }],
  },
  run: (ctx) =>
    forEachAspNetProject(
      ctx,
      async (project) => {
        const findings: FindingInput[] = [];
        const env = project.environmentSetting;
        if (env && /^development$/i.test(env.value)) {
          findings.push({ status: 'fail', message: `The production deployment runs the application in the Development environment (${project.environmentFrom}): the developer exception page and development settings are on.`, location: { path: env.path, line: env.line } });
        }
        const detailed = project.get('DetailedErrors');
        if (detailed && (detailed.value === true || /^true$/i.test(String(detailed.value))) && !detailed.overriddenBy) {
          findings.push({ status: 'fail', message: `"DetailedErrors": true at ${detailed.path}:${detailed.line} is loaded in ${project.environment}: exception details reach the browser.`, location: { path: detailed.path, line: detailed.line } });
        }
        for (const { path, text } of await codeOf(ctx, project, ['DeveloperExceptionPage', 'DetailedErrors'])) {
          for (const m of text.matchAll(DEVELOPER_PAGE)) {
            if (developmentOnly(text, m.index, project.environment)) continue;
            const line = lineAt(text, m.index);
            findings.push({ status: 'fail', message: `${path}:${line} turns on developer error details (\`${m[0].replace(/\s+/g, '').replace(/\($/, '()')}\`) outside any IsDevelopment() condition: production error responses carry stack traces and request details.`, location: { path, line } });
          }
        }
        if (findings.length) return findings;
        return [{ status: 'pass', message: `Developer error pages are on in development only (${project.sources.length} C# file(s) read; environment ${project.environment}).` }];
      },
      { usesSettings: true },
    ),
};
