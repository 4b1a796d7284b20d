import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { CONFIG_SECRET_SUPERSEDES, judgeConfigSecret, type ConfigSecretVerdict } from '../secrets/config-value.js';
import { canonicalKey, describeSpringSetting, settingText, type SpringApp } from '../../model/frameworks/spring.js';
import { filesRead, forEachSpringApp } from './common.js';

/**
 * The login of Druid's monitoring console (`spring.datasource.druid.stat-view-servlet.login-password`): a page the
 * application itself serves at /druid/* (SQL, sessions, URIs), not a datastore's password. With the console
 * enabled it is an admin surface on the application's own port (P0 for any committed value, the login of an admin
 * UI); off (druid-spring-boot-starter's default) the password guards nothing (P2).
 */
function druidConsole(app: SpringApp, key: string, exposure: DruidExposure): ConfigSecretVerdict | undefined {
  const m = /^(.*\.stat-?view-?servlet)\.login-?password$/i.exec(key);
  if (!m) return undefined;
  const setting = app.settings.find((s) => s.key === key);
  const value = setting?.value.kind === 'literal' || setting?.value.kind === 'env-default' ? setting.value.text : undefined;
  if (!value) return undefined;
  const enabled = app.settings.find((s) => canonicalKey(s.key) === canonicalKey(`${m[1]}.enabled`));
  const on = enabled && /^true$/i.test(settingText(enabled) ?? '');
  if (on && exposure.behindLogin) {
    return { severity: 'P1', what: 'the login of the Druid monitoring console', shown: value, why: `the console is enabled (${describeSpringSetting(enabled)}) at /druid/*, behind the application's own login (${exposure.behindLogin}, which does not leave /druid open): whoever has an account can reach it with this published password` };
  }
  if (on) return { severity: 'P0', what: 'the login of the Druid monitoring console', shown: value, why: `the console is enabled (${describeSpringSetting(enabled)}) and served by the application at /druid/*${exposure.open ? `, left open by ${exposure.open}` : ''}: anyone who reads the repository can log in to it and read its SQL, sessions and URIs` };
  return { severity: 'P2', what: 'the login of the Druid monitoring console', shown: value, why: 'the console is off (stat-view-servlet.enabled is not true; druid-spring-boot-starter keeps it off by default), so it guards nothing until it is turned on' };
}

/** The Sa-Token JWT integrations the repository's code installs (`new StpLogicJwtForSimple()`): Simple, Mixin, Stateless. */
async function saTokenJwtModes(ctx: Parameters<typeof springSecrets.run>[0]): Promise<{ modes: Set<string>; where?: string }> {
  const modes = new Set<string>();
  let where: string | undefined;
  for (const f of ctx.files.files) {
    if (!/\.(java|kt)$/.test(f.path)) continue;
    const text = await ctx.files.read(f.path);
    if (!text || !text.includes('StpLogicJwtFor')) continue;
    for (const m of text.matchAll(/\bStpLogicJwtFor(Simple|Mixin|Stateless)\b/g)) {
      modes.add(m[1]!);
      where ??= f.path;
    }
  }
  return { modes, where };
}

/**
 * Sa-Token's `jwt-secret-key` in its Simple mode only shapes the token value: the login is still looked up in the
 * token store (Redis), so a token forged with the key opens no session (Sa-Token's "jwt-simple" mode; mall-swarm,
 * round 13). Mixin and Stateless trust the signature: the key stays what it is.
 */
function saTokenSimple(key: string, saToken: { modes: Set<string>; where?: string }, app: SpringApp): ConfigSecretVerdict | undefined {
  if (canonicalKey(key) !== canonicalKey('sa-token.jwt-secret-key') || saToken.modes.size !== 1 || !saToken.modes.has('Simple')) return undefined;
  const setting = app.settings.find((s) => s.key === key);
  const value = setting?.value.kind === 'literal' || setting?.value.kind === 'env-default' ? setting.value.text : undefined;
  if (!value) return undefined;
  return { severity: 'P2', what: 'the key of Sa-Token\'s jwt-simple mode', shown: value, why: `${saToken.where} installs StpLogicJwtForSimple, which signs token values but still looks every login up in the token store, so a token forged with this key opens no session` };
}

interface DruidExposure {
  /** A security configuration that leaves /druid/** open (`.antMatchers("/druid/**").permitAll()`, Shiro `anon`). */
  open?: string;
  /** Where the application's own login guards every other path (Spring Security, Shiro), when nothing opens /druid. */
  behindLogin?: string;
}

const DRUID_OPEN = /["']\/druid\/\*\*["']\s*\)\s*\.\s*permitAll|["']\/druid\/\*\*["']\s*,\s*["']anon["']/;
const APP_LOGIN = /\bSecurityFilterChain\b|\bWebSecurityConfigurerAdapter\b|\bShiroFilterFactoryBean\b/;

/** Whether the application's own login stands before Druid's console (RuoYi's Shiro) or opens it (eladmin). */
async function druidExposure(ctx: Parameters<typeof springSecrets.run>[0]): Promise<DruidExposure> {
  let behindLogin: string | undefined;
  for (const f of ctx.files.files) {
    if (!/\.(java|kt)$/.test(f.path) || !ctx.model.roles.mayBeProduction(f.path)) continue;
    const text = await ctx.files.read(f.path);
    if (!text || !/Security|Shiro|druid/.test(text)) continue;
    if (DRUID_OPEN.test(text)) return { open: f.path };
    if (!behindLogin && APP_LOGIN.test(text)) behindLogin = f.path;
  }
  return behindLogin ? { behindLogin } : {};
}

/**
 * The password of an embedded database (H2, HSQLDB, Derby, SQLite in the application's own process, `jdbc:h2:file:`)
 * guards no network service: P2 (halo's H2 default).
 */
function embeddedDatabase(app: SpringApp, key: string): ConfigSecretVerdict | undefined {
  const m = /^(.*)\.password$/i.exec(key);
  if (!m) return undefined;
  const url = app.settings.find((s) => canonicalKey(s.key) === canonicalKey(`${m[1]}.url`) || canonicalKey(s.key) === canonicalKey(`${m[1]}.jdbc-url`));
  const text = settingText(url) ?? '';
  if (!/^jdbc:(h2:(file:|mem:|~|\.)|hsqldb:(file|mem):|derby:(?!\/\/)|sqlite:)/i.test(text)) return undefined;
  const setting = app.settings.find((s) => s.key === key);
  const value = setting?.value.kind === 'literal' || setting?.value.kind === 'env-default' ? setting.value.text : undefined;
  if (!value) return undefined;
  return { severity: 'P2', what: 'the password of an embedded database', shown: value, why: `${describeSpringSetting(url!)} runs the database inside the application's own process, reachable by no network` };
}

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
  run: async (ctx) => {
    const exposure = await druidExposure(ctx);
    const saToken = await saTokenJwtModes(ctx);
    return forEachSpringApp(ctx, (app) => {
      const findings: FindingInput[] = [];
      let byDeployment = 0;
      for (const s of app.settings) {
        if (s.value.kind === 'deployment') {
          byDeployment++;
          continue;
        }
        if (s.value.kind === 'computed') continue;
        const console = druidConsole(app, s.key, exposure) ?? embeddedDatabase(app, s.key) ?? saTokenSimple(s.key, saToken, app);
        const verdict = console ?? judgeConfigSecret(s.key, s.value.text);
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
    });
  },
};
