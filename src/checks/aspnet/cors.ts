import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { codeOf, forEachAspNetProject, lineAt } from './common.js';

// `SetIsOriginAllowed(_ => true)`, `SetIsOriginAllowed(origin => true)`, `SetIsOriginAllowed(delegate { return true; })`.
const ANY_PREDICATE = /\.\s*SetIsOriginAllowed\s*\(\s*(?:\(?\s*\w*\s*\)?\s*=>\s*true\s*\)|delegate\s*(?:\([^)]*\))?\s*\{\s*return\s+true\s*;\s*\}\s*\))/g;
// `AllowAnyOrigin()`, `WithOrigins("*")` (CorsPolicy treats "*" as any origin).
const ANY_ORIGIN = /\.\s*AllowAnyOrigin\s*\(\s*\)|\.\s*WithOrigins\s*\(\s*"\*"\s*\)/g;
const CREDENTIALS = /\.\s*AllowCredentials\s*\(\s*\)/;

export const aspnetCors: RepoCheck = {
  id: 'aspnet.cors-credentials',
  title: 'ASP.NET Core CORS does not allow any origin with credentials',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails for a CORS policy of a web project that allows credentials (`AllowCredentials()`) and any origin in the same file: `SetIsOriginAllowed(_ => true)` (P0: every origin is echoed back with credentials), or `AllowAnyOrigin()` / `WithOrigins("*")` (P1: ASP.NET Core refuses the policy). `AllowAnyOrigin()` without credentials passes.',
    why: 'Microsoft\'s "Enable Cross-Origin Requests (CORS) in ASP.NET Core" says allowing cross-origin credentials is a security risk and that specifying AllowAnyOrigin and AllowCredentials is an insecure configuration; a predicate that accepts every origin does the same and is not refused, so any website can call the API with the user\'s cookies and read the answers.',
    fix: 'List the allowed origins (`WithOrigins("https://app.example.com")`) or, with a predicate, test the origin against a list (`SetIsOriginAllowed(o => allowed.Contains(new Uri(o).Host))`); drop `AllowCredentials()` when the API uses bearer tokens.',
    severityNote: 'P1 for `AllowAnyOrigin()` or `WithOrigins("*")` with `AllowCredentials()`: CorsPolicyBuilder throws at startup, so it breaks the application instead of opening it.',
  },
  run: (ctx) =>
    forEachAspNetProject(
      ctx,
      async (project) => {
        const findings: FindingInput[] = [];
        for (const { path, text } of await codeOf(ctx, project, ['AllowCredentials'])) {
          if (!CREDENTIALS.test(text)) continue;
          for (const m of text.matchAll(ANY_PREDICATE)) {
            const line = lineAt(text, m.index);
            findings.push({ status: 'fail', message: `${path}:${line} allows every origin (\`${m[0].replace(/\s+/g, '')}\`) and AllowCredentials() in the same file: the origin of any website is echoed with Access-Control-Allow-Credentials: true, so it can act as the logged-in user.`, location: { path, line } });
          }
          for (const m of text.matchAll(ANY_ORIGIN)) {
            const line = lineAt(text, m.index);
            findings.push({ status: 'fail', severity: 'P1', message: `${path}:${line} combines ${m[0].replace(/\s+/g, '').replace(/^\./, '')} with AllowCredentials() in the same file: ASP.NET Core's CorsPolicyBuilder refuses this ("The CORS protocol does not allow specifying a wildcard (any) origin and credentials at the same time"), so the policy throws.`, location: { path, line } });
          }
        }
        if (findings.length) return findings;
        return [{ status: 'pass', message: `No CORS policy allows any origin with credentials (${project.sources.length} C# file(s) read).` }];
      },
      { usesSettings: false },
    ),
};
