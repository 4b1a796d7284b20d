import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { CONFIG_SECRET_SUPERSEDES, judgeConfigSecret } from '../secrets/config-value.js';
import { saysMadeUp, saysReadOnlyClient } from '../secrets/rules.js';
import { isPlaceholder } from '../../model/values.js';
import { codeOf, forEachAspNetProject, lineAt } from './common.js';

// `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("..."))`: a signing key written in the code.
const CODE_SIGNING_KEY = /new\s+SymmetricSecurityKey\s*\(\s*(?:Encoding\s*\.\s*\w+\s*\.\s*GetBytes|Convert\s*\.\s*FromBase64String)\s*\(\s*@?"([^"\n]+)"/g;

export const aspnetSecrets: RepoCheck = {
  id: 'aspnet.committed-secret',
  title: 'ASP.NET Core configuration holds no committed secrets',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: CONFIG_SECRET_SUPERSEDES,
  docs: {
    summary:
      'Fails for each secret-named key and each connection string with a password in the configuration production loads (`appsettings.json` and `appsettings.{Environment}.json`, see "ASP.NET Core configuration" under "How repository files are judged") that the deployment\'s environment does not override (`Jwt__Key`, `ConnectionStrings__Default`), and for a signing key written in the code (`new SymmetricSecurityKey(Encoding.UTF8.GetBytes("..."))`). Keys the application signs or logs in with (`Jwt:Key`, `*SigningKey*`, `*:Secret` under a JWT section, admin passwords) fail at P0 whatever the value; other keys at P0 for a generated or provider-format value and P1 for another literal; a connection string password is P1 (P0 when generated).',
    why: 'Microsoft\'s "Safe storage of app secrets in development" says never to store passwords or other sensitive data in source code or configuration files such as appsettings.json, and to use environment variables, user secrets or Azure Key Vault; a committed token-signing key lets anyone mint valid tokens for every user.',
    fix: 'Remove the value from appsettings*.json, set it from the deployment (`Jwt__Key`, `ConnectionStrings__Default` environment variables) or a key vault, fail at startup when it is missing, and rotate what was committed.',
    snippets: [{ stack: 'ASP.NET Core', code: 'var key = builder.Configuration["Jwt:Key"]\n    ?? throw new InvalidOperationException("Jwt:Key is not configured");' }],
    severityNote: 'P1 for a literal credential of another service whose reality the text cannot show, and for a connection string whose password is not generated (the database is reached on the internal network). P2 when the comment beside it says the value is made up or for a demo, or calls a client credential (a client id or secret, an API key, a token; never a password) read-only: an application identifier shipped for a public read-only API.',
  },
  run: (ctx) =>
    forEachAspNetProject(
      ctx,
      async (project) => {
        const findings: FindingInput[] = [];
        let overridden = 0;
        const linesOf: Record<string, string[]> = {};
        for (const s of project.settings) {
          if (typeof s.value !== 'string') continue;
          if (s.overriddenBy) {
            overridden++;
            continue;
          }
          const verdict = judgeConfigSecret(s.key, s.value);
          if (!verdict) continue;
          // A comment beside it that says the value is for a demo or made up (`Added only for demo purpose.`).
          const lines = (linesOf[s.path] ??= ((await ctx.files.read(s.path)) ?? '').split('\n'));
          const near = lines.slice(Math.max(0, s.line - 3), s.line).join('\n');
          const madeUp = saysMadeUp(near);
          // A client credential its comment calls read-only is an application identifier shipped on purpose.
          const readOnly = !madeUp && saysReadOnlyClient(s.key, near);
          const lowered = madeUp ? ' P2: the comment beside it says the value is made up or only for a demo.' : readOnly ? ' P2: the comment beside it says it is a read-only client credential, shipped on purpose for a public read-only API (SEVERITY.md: an application identifier); make sure it reads nothing private.' : '';
          findings.push({
            status: 'fail',
            severity: madeUp || readOnly ? 'P2' : verdict.severity,
            message: `${s.key} at ${s.path}:${s.line} is ${verdict.what} (${redactValue(verdict.shown)}) and no production deployment file sets ${s.key.replace(/:/g, '__')}: ${verdict.why}.${lowered}`,
            location: { path: s.path, line: s.line },
          });
        }
        for (const { path, text } of await codeOf(ctx, project, ['SymmetricSecurityKey'])) {
          for (const m of text.matchAll(CODE_SIGNING_KEY)) {
            if (isPlaceholder(m[1]!)) continue;
            const line = lineAt(text, m.index);
            findings.push({ status: 'fail', message: `${path}:${line} builds the token-signing key from a string literal (${redactValue(m[1]!)}): anyone who reads the repository can sign tokens the application accepts.`, location: { path, line } });
          }
        }
        if (findings.length) return findings;
        const note = overridden ? `; ${overridden} key(s) are overridden by the deployment's environment` : '';
        return [{ status: 'pass', message: `No committed secret in ${project.files.join(', ') || 'the project (no appsettings file)'} or its signing code${note}.` }];
      },
      { usesSettings: true },
    ),
};
