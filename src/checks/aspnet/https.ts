import type { RepoCheck } from '../../engine/types.js';
import type { AspNetProject } from '../../model/frameworks/aspnet.js';
import { codeOf, developmentOnly, forEachAspNetProject, lineAt } from './common.js';

const REDIRECT = /\.\s*UseHttpsRedirection\s*\(|\.\s*AddHttpsRedirection\s*\(|RequireHttpsAttribute|\[RequireHttps\]/g;
const HSTS = /\.\s*UseHsts\s*\(/g;
// Behind a proxy that terminates TLS: the application reads X-Forwarded-* and serves plain HTTP.
const FORWARDED = /\.\s*UseForwardedHeaders\s*\(|ForwardedHeadersOptions|ASPNETCORE_FORWARDEDHEADERS_ENABLED/;
// Where the request pipeline is built.
// Kestrel serving HTTPS itself: a certificate in code or configuration, or an https:// URL.
const KESTREL_TLS = /\.\s*UseHttps\s*\(|ServerCertificate\s*=/;

/** Evidence that the application itself terminates TLS, or undefined. */
function tlsTermination(project: AspNetProject, code: ReadonlyArray<{ path: string; text: string }>): string | undefined {
  if (project.urls && /https:/i.test(project.urls.value)) return `${project.urls.name}=${project.urls.value} in ${project.urls.path}:${project.urls.line}`;
  if (project.certificate) return `${project.certificate.name} in ${project.certificate.path}:${project.certificate.line}`;
  const certificate = project.settings.find((s) => /^Kestrel:(Certificates|Endpoints):.*:(Path|Certificate:Path)$/i.test(s.key) || /^Kestrel:Endpoints:[^:]+:Url$/i.test(s.key) && /^https:/i.test(String(s.value)));
  if (certificate) return `${certificate.key} at ${certificate.path}:${certificate.line}`;
  const kestrel = code.find(({ text }) => (text.includes('UseHttps') || text.includes('ServerCertificate')) && KESTREL_TLS.test(text));
  return kestrel ? `${kestrel.path} configures a server certificate` : undefined;
}

// What the patterns of this check need a file to mention.
const WORDS = ['Https', 'UseHsts', 'ForwardedHeaders', 'ServerCertificate', 'app.Run', 'UseRouting', 'IApplicationBuilder', 'MapControllers', 'MapRazorPages', 'MapGet', 'MapPost', 'MapFallback'];

const PIPELINE = /\bapp\s*\.\s*Run\s*\(|\.\s*UseRouting\s*\(|\bvoid\s+Configure\s*\(\s*IApplicationBuilder|\.\s*Map(Controllers|RazorPages|Get|Post|Fallback\w*)\s*\(/;

export const aspnetHttps: RepoCheck = {
  id: 'aspnet.https',
  title: 'ASP.NET Core redirects to HTTPS and sends HSTS',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for a web project whose code does not call `UseHttpsRedirection()` or `UseHsts()` in production (a call only under `IsDevelopment()` does not count), naming which is missing: P1 when the application terminates TLS itself (an `https://` URL in `ASPNETCORE_URLS` or `Kestrel:Endpoints`, a Kestrel certificate, `UseHttps()`), P2 otherwise (behind a proxy: it calls `UseForwardedHeaders()` or serves `http://` only, or nothing shows where TLS ends). A certificate only code loads (`UseHttps()`), beside forwarded headers, is an option for operators without a proxy: P2.',
    why: 'Microsoft\'s "Enforce HTTPS in ASP.NET Core" says web apps should call `UseHttpsRedirection` to redirect HTTP requests to HTTPS and `UseHsts` so browsers stop trying plain HTTP; without them the first request and every bookmarked http:// link can be intercepted.',
    fix: 'In the production pipeline: `if (!app.Environment.IsDevelopment()) app.UseHsts(); app.UseHttpsRedirection();` — or set HSTS and the redirect on the TLS-terminating proxy and say so with `UseForwardedHeaders()`.',
    snippets: [{ stack: 'ASP.NET Core', code: 'if (!app.Environment.IsDevelopment())\n    app.UseHsts();\napp.UseHttpsRedirection();' }],
    severityNote: 'P2 unless the application terminates TLS itself (SEVERITY.md: HSTS and the redirect are the application\'s where it terminates TLS, the proxy\'s otherwise).',
  },
  run: (ctx) =>
    forEachAspNetProject(
      ctx,
      async (project) => {
        const code = await codeOf(ctx, project, WORDS);
        const inProduction = (word: string, re: RegExp): boolean => code.some(({ text }) => text.includes(word) && [...text.matchAll(re)].some((m) => !developmentOnly(text, m.index, project.environment)));
        const missing = [!inProduction('Https', REDIRECT) && 'UseHttpsRedirection()', !inProduction('UseHsts', HSTS) && 'UseHsts()'].filter((x): x is string => Boolean(x));
        if (!missing.length) return [{ status: 'pass', message: 'The production pipeline calls UseHttpsRedirection() and UseHsts().' }];
        // The project's own entry point first (Program.cs, Startup.cs), then its other files.
        const own = (path: string): number => (project.dir === '' || path.startsWith(`${project.dir}/`) ? 0 : 2) + (/(^|\/)(Program|Startup)\.cs$/.test(path) ? 0 : 1);
        const pipeline = [...code].sort((a, b) => own(a.path) - own(b.path)).find(({ text }) => PIPELINE.test(text));
        const location = pipeline ? { path: pipeline.path, line: lineAt(pipeline.text, pipeline.text.search(PIPELINE)) } : { path: project.project, line: 1 };
        const message = `${project.project} does not call ${missing.join(' or ')} in production: HTTP requests are served as they come and browsers are not told to insist on HTTPS`;
        const terminates = tlsTermination(project, code);
        const forwarded = code.find(({ text }) => FORWARDED.test(text));
        // A certificate only the code can load (`UseHttps()` in Kestrel options, no https:// URL or certificate in
        // the configuration) beside forwarded headers is an option for operators without a proxy: the deployment
        // the project reads forwarded headers for ends TLS at the proxy (BTCPay Server, round 12).
        const optional = terminates && forwarded && / configures a server certificate$/.test(terminates);
        if (terminates && !optional) return [{ status: 'fail', message: `${message}, and the application terminates TLS itself (${terminates}).`, location }];
        const plainHttp = project.urls && !/https:/i.test(project.urls.value) ? project.urls : undefined;
        const why = optional
          ? `${forwarded.path} reads forwarded headers, so TLS ends at a proxy, whose job these are (${terminates} for operators without one)`
          : forwarded
          ? `${forwarded.path} reads forwarded headers, so TLS ends at a proxy, whose job these are`
          : plainHttp
            ? `the deployment serves plain HTTP (${plainHttp.name}=${plainHttp.value} in ${plainHttp.path}:${plainHttp.line}), so TLS ends at a proxy, whose job these are`
            : 'nothing shows the application terminates TLS itself (no https:// URL, Kestrel certificate or UseHttps()); where a proxy does, these are its job';
        return [{ status: 'fail', severity: 'P2', message: `${message}. P2: ${why}.`, location }];
      },
      { usesSettings: false },
    ),
};
