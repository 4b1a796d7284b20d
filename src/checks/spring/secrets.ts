import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { CONFIG_SECRET_SUPERSEDES, judgeConfigSecret, type ConfigSecretVerdict } from '../secrets/config-value.js';
import { canonicalKey, describeSpringSetting, settingText, type SpringApp, type SpringSetting } from '../../model/frameworks/spring.js';
import { filesRead, forEachSpringApp } from './common.js';

/** A setting whose running value is committed (a literal, or the default of `${VAR:default}`), with that value. */
type Committed = SpringSetting & { value: { text: string } };

/**
 * The login of Druid's monitoring console (`spring.datasource.druid.stat-view-servlet.login-password`): a page the
 * application itself serves at /druid/* (SQL, sessions, URIs), not a datastore's password. With the console
 * enabled it is an admin surface on the application's own port (P0 for any committed value, the login of an admin
 * UI); off (druid-spring-boot-starter's default) the password guards nothing (P2).
 */
function druidConsole(app: SpringApp, s: Committed, exposure: () => Promise<SourceFacts>): Promise<ConfigSecretVerdict> | undefined {
  const m = DRUID_LOGIN.exec(s.key);
  const value = s.value.text;
  if (!m || !value) return undefined;
  const enabled = app.settings.find((e) => canonicalKey(e.key) === canonicalKey(`${m[1]}.enabled`));
  const on = enabled && /^true$/i.test(settingText(enabled) ?? '');
  if (!on) return Promise.resolve({ severity: 'P2', what: 'the login of the Druid monitoring console', shown: value, why: 'the console is off (stat-view-servlet.enabled is not true; druid-spring-boot-starter keeps it off by default), so it guards nothing until it is turned on' });
  return exposure().then(({ druid }) =>
    druid.behindLogin
      ? { severity: 'P1', what: 'the login of the Druid monitoring console', shown: value, why: `the console is enabled (${describeSpringSetting(enabled)}) at /druid/*, behind the application's own login (${druid.behindLogin}, which does not leave /druid open): whoever has an account can reach it with this published password` }
      : { severity: 'P0', what: 'the login of the Druid monitoring console', shown: value, why: `the console is enabled (${describeSpringSetting(enabled)}) and served by the application at /druid/*${druid.open ? `, left open by ${druid.open}` : ''}: anyone who reads the repository can log in to it and read its SQL, sessions and URIs` },
  );
}

/**
 * Sa-Token's `jwt-secret-key` in its Simple mode only shapes the token value: the login is still looked up in the
 * token store (Redis), so a token forged with the key opens no session (Sa-Token's "jwt-simple" mode; mall-swarm,
 * round 13). Mixin and Stateless trust the signature: the key stays what it is.
 */
function saTokenSimple(s: Committed, facts: () => Promise<SourceFacts>): Promise<ConfigSecretVerdict | undefined> | undefined {
  if (canonicalKey(s.key) !== canonicalKey('sa-token.jwt-secret-key') || !s.value.text) return undefined;
  return facts().then(({ saToken }) =>
    saToken.modes.size === 1 && saToken.modes.has('Simple')
      ? { severity: 'P2', what: "the key of Sa-Token's jwt-simple mode", shown: s.value.text, why: `${saToken.where} installs StpLogicJwtForSimple, which signs token values but still looks every login up in the token store, so a token forged with this key opens no session` }
      : undefined,
  );
}

/**
 * The password of an embedded database (H2, HSQLDB, Derby, SQLite in the application's own process, `jdbc:h2:file:`)
 * guards no network service: P2 (halo's H2 default).
 */
function embeddedDatabase(app: SpringApp, s: Committed): ConfigSecretVerdict | undefined {
  const m = /^(.*)\.password$/i.exec(s.key);
  if (!m || !s.value.text) return undefined;
  const url = app.settings.find((e) => canonicalKey(e.key) === canonicalKey(`${m[1]}.url`) || canonicalKey(e.key) === canonicalKey(`${m[1]}.jdbc-url`));
  if (!/^jdbc:(h2:(file:|mem:|~|\.)|hsqldb:(file|mem):|derby:(?!\/\/)|sqlite:)/i.test(settingText(url) ?? '')) return undefined;
  return { severity: 'P2', what: 'the password of an embedded database', shown: s.value.text, why: `${describeSpringSetting(url!)} runs the database inside the application's own process, reachable by no network` };
}

const DRUID_LOGIN = /^(.*\.stat-?view-?servlet)\.login-?password$/i;
const DRUID_OPEN = /["']\/druid\/\*\*["']\s*\)\s*\.\s*permitAll|["']\/druid\/\*\*["']\s*,\s*["']anon["']/;
const APP_LOGIN = /\bSecurityFilterChain\b|\bWebSecurityConfigurerAdapter\b|\bShiroFilterFactoryBean\b/;

/** What the repository's Java and Kotlin code says about the consoles and token schemes these keys belong to. */
interface SourceFacts {
  druid: {
    /** A security configuration that leaves /druid/** open (`.antMatchers("/druid/**").permitAll()`, Shiro `anon`). */
    open?: string;
    /** Where the application's own login guards every other path (Spring Security, Shiro), when nothing opens /druid. */
    behindLogin?: string;
  };
  /** The Sa-Token JWT integrations the code installs (`new StpLogicJwtForSimple()`): Simple, Mixin, Stateless. */
  saToken: { modes: Set<string>; where?: string };
}

/**
 * One read of the code, only when a Druid login or a Sa-Token key is committed: whether the application's own login
 * stands before Druid's console (RuoYi's Shiro) or opens it (eladmin), and which Sa-Token JWT mode it installs.
 */
async function sourceFacts(ctx: Parameters<typeof springSecrets.run>[0]): Promise<SourceFacts> {
  let open: string | undefined;
  let behindLogin: string | undefined;
  const saToken: SourceFacts['saToken'] = { modes: new Set() };
  for (const f of ctx.files.files) {
    if (!/\.(java|kt)$/.test(f.path)) continue;
    const text = await ctx.files.read(f.path);
    if (!text) continue;
    if (text.includes('StpLogicJwtFor')) {
      for (const m of text.matchAll(/\bStpLogicJwtFor(Simple|Mixin|Stateless)\b/g)) {
        saToken.modes.add(m[1]!);
        saToken.where ??= f.path;
      }
    }
    if (open || !ctx.model.roles.mayBeProduction(f.path) || !/Security|Shiro|druid/.test(text)) continue;
    if (DRUID_OPEN.test(text)) open = f.path;
    else if (!behindLogin && APP_LOGIN.test(text)) behindLogin = f.path;
  }
  return { druid: open ? { open } : behindLogin ? { behindLogin } : {}, saToken };
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
  run: (ctx) => {
    let facts: Promise<SourceFacts> | undefined;
    const code = (): Promise<SourceFacts> => (facts ??= sourceFacts(ctx));
    return forEachSpringApp(ctx, async (app) => {
      const findings: FindingInput[] = [];
      let byDeployment = 0;
      for (const s of app.settings) {
        if (s.value.kind === 'deployment') {
          byDeployment++;
          continue;
        }
        if (s.value.kind === 'computed') continue;
        const committed = s as Committed;
        const known = (await (druidConsole(app, committed, code) ?? saTokenSimple(committed, code))) ?? embeddedDatabase(app, committed);
        const verdict = known ?? judgeConfigSecret(s.key, s.value.text);
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
