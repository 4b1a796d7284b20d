import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { canonicalKey, describeSpringSetting, settingText, type SpringApp } from '../../model/frameworks/spring.js';
import { blankComments } from '../../parse/c-comments.js';
import { forEachSpringApp, locationOf } from './common.js';

// Java and Kotlin: `.allowCredentials(true)`, `config.setAllowCredentials(true)`, `allowCredentials = "true"` (@CrossOrigin).
const CREDENTIALS = /\b(?:set)?[aA]llowCredentials\s*(?:\(\s*(?:true|Boolean\.TRUE)\s*\)|=\s*(?:"true"|true))/;
// Any origin: `"*"` or CorsConfiguration.ALL given to an origin pattern (reflected with credentials) or to a plain origin.
const ANY = String.raw`(?:(?:List\.of|listOf|Arrays\.asList|Collections\.singletonList|arrayOf)\s*\(\s*|\{\s*)?(?:"\*"|CorsConfiguration\.ALL)`;
const ANY_PATTERN = new RegExp(String.raw`\b(?:allowedOriginPatterns|addAllowedOriginPattern|setAllowedOriginPatterns|originPatterns)\s*(?:\(|=)\s*${ANY}`);
// `@CrossOrigin("*")` names its origins positionally.
const ANY_ORIGIN = new RegExp(String.raw`\b(?:allowedOrigins|addAllowedOrigin|setAllowedOrigins|origins|value|@CrossOrigin)\s*(?:\(|=)\s*${ANY}`);

interface Wildcard {
  path: string;
  line: number;
  pattern: boolean;
  text: string;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

async function sourceWildcards(ctx: Parameters<typeof springCors.run>[0], app: SpringApp): Promise<Wildcard[]> {
  const out: Wildcard[] = [];
  for (const path of app.sources) {
    const raw = await ctx.files.read(path);
    if (!raw || !/allowCredentials/i.test(raw)) continue;
    // A commented-out `allowCredentials(true)` configures nothing.
    const text = blankComments(raw);
    if (!CREDENTIALS.test(text)) continue;
    for (const [re, pattern] of [[ANY_PATTERN, true], [ANY_ORIGIN, false]] as const) {
      const m = new RegExp(re.source, 'g');
      for (const hit of text.matchAll(m)) out.push({ path, line: lineOf(text, hit.index), pattern, text: hit[0].replace(/\s+/g, ' ') });
    }
  }
  return out;
}

// A cookie the application's code sets SameSite=None (ResponseCookie, CookieSameSiteSupplier, a Set-Cookie it writes).
const SAME_SITE_NONE = /sameSite\s*\(\s*"None"\s*\)|setSameSite\s*\(\s*"None"|CookieSameSiteSupplier\.ofNone|SameSite\.NONE|SameSite=None/i;

/** The first source of the application that sets a cookie SameSite=None, if any. */
async function sameSiteNoneInCode(ctx: Parameters<typeof springCors.run>[0], app: SpringApp): Promise<string | undefined> {
  for (const path of app.sources) {
    const text = await ctx.files.read(path);
    if (text && /samesite/i.test(text) && SAME_SITE_NONE.test(blankComments(text))) return path;
  }
  return undefined;
}

/** Properties such as Spring Cloud Gateway's `globalcors` or JHipster's `jhipster.cors`: `allowed-origin-patterns: "*"` beside `allow-credentials: true`. */
function configWildcards(app: SpringApp, sameSite?: string, stateless?: string): FindingInput[] {
  const out: FindingInput[] = [];
  for (const s of app.settings) {
    const key = canonicalKey(s.key);
    const m = /^(.*)\.(allowedoriginpatterns|allowedorigins)$/.exec(key);
    if (!m) continue;
    const values = (settingText(s) ?? '').split(',').map((v) => v.trim());
    if (!values.includes('*')) continue;
    const credentials = app.settings.find((c) => canonicalKey(c.key) === `${m[1]}.allowcredentials` && /^true$/i.test(settingText(c) ?? ''));
    if (!credentials) continue;
    const pattern = m[2] === 'allowedoriginpatterns';
    out.push(verdict(pattern, `${describeSpringSetting(s)} with ${describeSpringSetting(credentials)}`, locationOf(s), sameSite, stateless));
  }
  return out;
}

const STATELESS = /SessionCreationPolicy\s*\.\s*STATELESS/;
const HTTP_BASIC = /\.\s*httpBasic\s*\((?!\s*(?:\w+\s*->\s*\w+\s*\.\s*disable\s*\(\s*\)|AbstractHttpConfigurer::disable)\s*\))/;

/**
 * A Spring Security configuration of the repository that keeps no session (`SessionCreationPolicy.STATELESS`):
 * the API authenticates each request by a token in the Authorization header, which a browser never adds to a
 * foreign page's call, and there is no session cookie to ride on. Read in the application's sources first, then in
 * the repository's other security configurations (mall's lives in a shared mall-security module).
 */
async function statelessSecurity(ctx: Parameters<typeof springCors.run>[0], app: SpringApp): Promise<string | undefined> {
  const own = new Set(app.sources);
  const others = ctx.files.files.map((f) => f.path).filter((p) => !own.has(p) && /Security[\w]*\.(java|kt)$/.test(p) && ctx.model.roles.mayBeProduction(p));
  let stateless: string | undefined;
  for (const path of [...app.sources, ...others]) {
    const text = await ctx.files.read(path);
    if (!text || !/STATELESS|httpBasic/.test(text)) continue;
    const code = blankComments(text);
    // HTTP Basic anywhere keeps credentials the browser caches and sends on any site's credentialed call (fineract,
    // whose OAuth2 configuration is stateless without it and whose other configuration enables it: P1).
    if (HTTP_BASIC.test(code)) return undefined;
    if (!stateless && STATELESS.test(code)) stateless = `${path}:${lineOf(text, text.search(STATELESS))}`;
  }
  return stateless;
}

function verdict(pattern: boolean, what: string, location: { path: string; line: number }, sameSite?: string, stateless?: string): FindingInput {
  if (stateless && !sameSite) {
    return {
      status: 'fail',
      severity: 'P2',
      message: `${what}, but the security configuration keeps no session (SessionCreationPolicy.STATELESS at ${stateless}): requests authenticate with a token in the Authorization header, which browsers never add to another site's call, and there is no session cookie to ride on. P2: list the origins anyway.`,
      location,
    };
  }
  if (pattern && sameSite) {
    return { status: 'fail', message: `${what}: the origin pattern "*" matches every origin, and Spring answers each with that origin and Access-Control-Allow-Credentials: true, so any website can call the API as the logged-in user${sameSite}.`, location };
  }
  if (pattern) {
    // Browsers have sent no cookie without SameSite=None on cross-site calls since 2020 (Lax by default), so what a
    // foreign page still rides on is HTTP Basic credentials the browser caches and cookies set SameSite=None.
    return {
      status: 'fail',
      severity: 'P1',
      message: `${what}: the origin pattern "*" matches every origin, and Spring answers each with that origin and Access-Control-Allow-Credentials: true. Nothing here sets the session cookie SameSite=None, so browsers leave it off those calls (Lax by default); what a foreign page still rides on is cached HTTP Basic credentials or a cookie set SameSite=None elsewhere: P1.`,
      location,
    };
  }
  return {
    status: 'fail',
    severity: 'P1',
    message: `${what}: Spring Framework 5.3+ rejects allowedOrigins "*" with credentials at the first CORS request (IllegalArgumentException), so cross-origin calls fail; older versions reflect any origin with credentials.`,
    location,
  };
}

export const springCors: RepoCheck = {
  id: 'spring.cors-credentials',
  title: 'Spring CORS does not allow any origin with credentials',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails for a Java or Kotlin source of the application (a Spring Security `CorsConfigurationSource`, a `WebMvcConfigurer#addCorsMappings`, `@CrossOrigin`) that allows credentials (`allowCredentials(true)`, `setAllowCredentials(true)`) and any origin in the same file: `allowedOriginPatterns("*")` / `addAllowedOriginPattern("*")` (P0), or `allowedOrigins("*")` (P1); and for configuration properties doing the same (`allowed-origin-patterns: "*"` beside `allow-credentials: true`). The session cookie\'s `SameSite=None` is named when set.',
    why: 'Spring\'s CorsConfiguration reference says that with `allowCredentials` true, `allowedOrigins` cannot be "*", and that `allowedOriginPatterns` exists to allow a set of known origins: a pattern of "*" turns into the requesting origin in `Access-Control-Allow-Origin` with credentials, so any website the user visits can read and change their data.',
    fix: 'List the origins that may call the API (`allowedOriginPatterns("https://*.example.com")` or exact `allowedOrigins`), or drop `allowCredentials(true)` when the API uses bearer tokens.',
    snippets: [{ stack: 'Spring Security', code: 'CorsConfiguration config = new CorsConfiguration();\nconfig.setAllowedOrigins(List.of("https://app.example.com"));\nconfig.setAllowCredentials(true);' }],
    severityNote:
      'P0 for an origin pattern "*" with credentials when the session cookie is SameSite=None (`server.servlet.session.cookie.same-site: none`, or a cookie the code sets SameSite=None): browsers then send it on any site\'s calls. P1 otherwise (browsers leave a cookie without SameSite=None off cross-site calls since 2020; cached HTTP Basic credentials still ride along), and P1 for `allowedOrigins("*")` with credentials: Spring Framework 5.3 and later refuse it at the first request, so it breaks CORS rather than opening it. P2 when a Spring Security configuration of the repository keeps no session (`SessionCreationPolicy.STATELESS`), enables no HTTP Basic (whose credentials browsers cache and send) and nothing sets a cookie SameSite=None: tokens in the Authorization header are never added by the browser to another site\'s call.',
  },
  run: (ctx) =>
    forEachSpringApp(ctx, async (app) => {
      const sameSite = app.get('server.servlet.session.cookie.same-site') ?? app.get('server.reactive.session.cookie.same-site');
      const inCode = sameSite ? undefined : await sameSiteNoneInCode(ctx, app);
      const none =
        sameSite && /^none$/i.test(settingText(sameSite) ?? '')
          ? `; the session cookie is SameSite=None (${describeSpringSetting(sameSite)}), so browsers send it on those calls`
          : inCode
            ? `; ${inCode} sets a cookie SameSite=None, so browsers send it on those calls`
            : undefined;
      const wildcards = await sourceWildcards(ctx, app);
      const configured = configWildcards(app, none);
      const stateless = wildcards.length || configured.length ? await statelessSecurity(ctx, app) : undefined;
      const findings = [
        ...wildcards.map((w) => verdict(w.pattern, `${w.path}:${w.line} allows any origin (\`${w.text}\`) and credentials in the same configuration`, { path: w.path, line: w.line }, none, stateless)),
        ...(stateless && !none ? configWildcards(app, none, stateless) : configured),
      ];
      if (findings.length) return findings;
      return [{ status: 'pass', message: `No CORS configuration of the application allows any origin with credentials (${app.sources.length} source file(s) and the loaded configuration read).` }];
    }),
};
