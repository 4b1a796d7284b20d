import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { CONFIG_SECRET_SUPERSEDES, judgeConfigSecret } from '../secrets/config-value.js';
import { filesRead, forEachSpringApp } from './common.js';

export const springSecrets: RepoCheck = {
  id: 'spring.committed-secret',
  title: 'Spring Boot configuration holds no committed secrets',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: CONFIG_SECRET_SUPERSEDES,
  docs: {
    summary:
      'Fails for each secret-named key of the configuration production loads (`application.yml`/`.properties` and the active profiles\' files, see "Spring Boot configuration" under "How repository files are judged") whose running value is committed: a literal, or the default of `${VAR:default}` when the deployment does not set VAR. Keys the application signs or logs in with (`jwt.secret`, `*.jwt.base64-secret`, `*signing-key*`, session and remember-me keys, admin passwords) fail at P0 whatever the value, a placeholder included; other keys at P0 for a generated or provider-format value and P1 for another literal; a weak datastore password (`spring.datasource.password`, a JDBC URL password) is P1. A key the deployment\'s environment sets by relaxed binding (`SPRING_DATASOURCE_PASSWORD`) is not judged.',
    why: 'Spring Boot\'s reference ("Externalized Configuration") keeps secrets out of the packaged `application.yml` and binds them from the environment; a JWT signing key in the jar lets anyone who reads the repository mint admin tokens, and a committed password works for anyone who reaches the service.',
    fix: 'Write `jwt.secret: ${JWT_SECRET}` (no default) so the application refuses to start without it, and set JWT_SECRET (or `SPRING_*` by relaxed binding) from the deployment\'s secret store; rotate any key that was committed.',
    snippets: [{ stack: 'Spring Boot', code: 'jwt:\n  secret: ${JWT_SECRET}   # no default: Spring Boot fails to start when it is missing' }],
    severityNote: 'P1 for a literal credential of another service whose reality the text cannot show, and for a weak datastore password (the datastore is reached on the internal network).',
  },
  run: (ctx) =>
    forEachSpringApp(ctx, (app) => {
      const findings: FindingInput[] = [];
      let byDeployment = 0;
      for (const s of app.settings) {
        if (s.value.kind === 'deployment') {
          byDeployment++;
          continue;
        }
        if (s.value.kind === 'computed') continue;
        const verdict = judgeConfigSecret(s.key, s.value.text);
        if (!verdict) continue;
        const how = s.value.kind === 'env-default' ? ` (the default of \${${s.value.envVar}}, used when the deployment does not set ${s.value.envVar})` : '';
        findings.push({
          status: 'fail',
          severity: verdict.severity,
          message: `${s.key} at ${s.path}:${s.line} is ${verdict.what} (${redactValue(verdict.shown)})${how}: ${verdict.why}.`,
          location: { path: s.path, line: s.line },
        });
      }
      if (findings.length) return findings;
      const note = byDeployment ? `; ${byDeployment} key(s) are set by the deployment's environment` : '';
      return [{ status: 'pass', message: `No committed secret in the configuration production loads (${filesRead(app)})${note}.` }];
    }),
};
