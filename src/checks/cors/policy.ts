import type { FindingInput, LiveCheck, Severity } from '../../engine/types.js';
import type { HttpClient } from '../../http/client.js';
import type { HttpResponse } from '../../http/client.js';
import { describeExchange, describeFailure } from '../../http/evidence.js';
import { NULL_ORIGIN, isOwnLimit, planCorsProbes, probedPages, sendCorsProbe, type CorsProbe } from '../../http/surface.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { cookiesOf } from '../cookies/flags.js';
import { frameworkName, servedBy, type Framework, type ServedBy } from '../served-by.js';

export type CorsVerdict = { ok: true; note: string } | { ok: false; severity: Severity; reason: string };

/**
 * Judges one CORS answer to a request that carried `origin`. What matters is
 * what a browser would then let the foreign page read (Fetch standard, CORS check):
 * a reflected origin plus `Access-Control-Allow-Credentials: true` lets any
 * site read the user's authenticated responses.
 */
export function judgeCors(response: Pick<HttpResponse, 'headers'>, origin: string, sensitive: boolean, appHasCredentials = true): CorsVerdict {
  const allowOrigin = response.headers['access-control-allow-origin']?.trim();
  const credentials = response.headers['access-control-allow-credentials']?.trim().toLowerCase() === 'true';
  if (allowOrigin === undefined || allowOrigin === '') return { ok: true, note: 'no Access-Control-Allow-Origin' };
  // Sent twice (app and proxy) or as a list: the Fetch CORS check fails on anything but one value.
  if (allowOrigin.includes(',')) return { ok: true, note: `several Access-Control-Allow-Origin values (${allowOrigin}), which browsers reject` };
  const reflected = allowOrigin.toLowerCase() === origin.toLowerCase();
  const what = origin === NULL_ORIGIN ? 'Origin: null' : `the foreign origin ${origin}`;
  if (reflected && credentials && appHasCredentials) {
    return { ok: false, severity: 'P0', reason: `${what} is allowed with Access-Control-Allow-Credentials: true, so any site can read authenticated responses` };
  }
  // Credentials allowed by an app that issues none (no cookie, no login, no auth configured for the target):
  // a foreign page reads what any visitor's browser can reach, as with a reflected origin alone.
  if (reflected && credentials && sensitive) {
    return { ok: false, severity: 'P1', reason: `${what} is allowed with Access-Control-Allow-Credentials: true on an API endpoint; the app showed no cookie or login, so a foreign page reads what the visitor's browser can reach (their network, localhost)` };
  }
  if (reflected && origin === NULL_ORIGIN && (appHasCredentials || sensitive)) {
    return { ok: false, severity: 'P1', reason: 'Origin: null is allowed (any sandboxed iframe can send it)' };
  }
  if (reflected && sensitive) {
    return { ok: false, severity: 'P1', reason: `${what} is reflected in Access-Control-Allow-Origin on an API or authenticated endpoint` };
  }
  if (allowOrigin === '*' && sensitive) {
    return { ok: false, severity: 'P1', reason: 'Access-Control-Allow-Origin: * on an API or authenticated endpoint' };
  }
  if (reflected) return { ok: true, note: `${what} is reflected without credentials on a public page` };
  if (allowOrigin === '*') return { ok: true, note: `Access-Control-Allow-Origin: *${credentials ? ' (with credentials, which browsers refuse)' : ''} on a public page` };
  return { ok: true, note: `restricted to ${allowOrigin}` };
}

function describeProbe(probe: CorsProbe): string {
  return `${probe.preflight ? 'preflight OPTIONS' : 'GET'} ${new URL(probe.url).pathname} with Origin: ${probe.origin}`;
}

const ID = 'cors.policy';

// The fix in the framework that answered, when its cookies or headers say which (checks/served-by.ts): where that
// framework lists the allowed origins. Otherwise docs.fix, which says it for any stack.
const FIX: Record<Framework, string> = {
  django: 'With django-cors-headers, list the front-end origins: `CORS_ALLOWED_ORIGINS = ["https://app.example.com"]`, and remove `CORS_ALLOW_ALL_ORIGINS` and any catch-all `CORS_ALLOWED_ORIGIN_REGEXES`.',
  flask: 'With flask-cors, list the front-end origins: `CORS(app, origins=["https://app.example.com"], supports_credentials=True)`; never `origins="*"` with credentials.',
  starlette: 'Give CORSMiddleware the front-end origins: `app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)`; not `["*"]` nor a catch-all `allow_origin_regex`.',
  express: "Give the cors middleware the front-end origins: `app.use(cors({ origin: ['https://app.example.com'], credentials: true }))`; not `origin: true` nor a function that accepts every origin.",
  nextjs: 'Where the route or middleware sets Access-Control-Allow-Origin, answer only origins of a list (`const allowed = new Set([\'https://app.example.com\'])`), never the request\'s Origin as it came.',
  rails: "In `config/initializers/cors.rb` (rack-cors): `allow do origins 'https://app.example.com'; resource '*', headers: :any, methods: :any, credentials: true end`; never `origins '*'` or a catch-all regex.",
  laravel: "In `config/cors.php`: `'allowed_origins' => ['https://app.example.com']`, `'allowed_origins_patterns' => []`, `'supports_credentials' => true` only for those.",
  php: 'Before echoing the request\'s Origin in Access-Control-Allow-Origin, compare it with a list of allowed origins (`in_array($origin, $allowed, true)`), and send Access-Control-Allow-Credentials only then.',
  spring: 'List the origins in the CORS configuration: `configuration.setAllowedOrigins(List.of("https://app.example.com"))` (or `@CrossOrigin(origins = "https://app.example.com")`); never `allowedOriginPatterns("*")` with `allowCredentials(true)`.',
  aspnet: 'In the CORS policy: `policy.WithOrigins("https://app.example.com").AllowCredentials()`; never `SetIsOriginAllowed(_ => true)` with credentials.',
};

function corsFix(served: ServedBy | undefined): string | undefined {
  return served ? `${FIX[served.framework]} (${frameworkName(served)}.)` : undefined;
}

export const corsPolicy: LiveCheck = {
  id: ID,
  title: 'CORS does not hand responses to arbitrary origins',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Fails when a foreign Origin (https://evil.example) or Origin: null is allowed together with Access-Control-Allow-Credentials: true, on a simple GET or on a preflight (P0); when `*` or a reflected origin is allowed on a configured or discovered API or authenticated path (naming the methods a preflight allows), or `null` is allowed (P1).',
    why: 'A reflected origin with credentials lets any web page the user visits read their authenticated data through their own browser session.',
    fix: 'Allow only an explicit list of trusted origins (never reflect the request Origin, never allow `null`), and send Access-Control-Allow-Credentials only for those.',
    snippets: [
      { stack: 'Express', code: "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));" },
      { stack: 'Django', code: "CORS_ALLOWED_ORIGINS = ['https://app.example.com']  # django-cors-headers; never CORS_ALLOW_ALL_ORIGINS with credentials" },
    ],
    severityNote:
      'One finding per endpoint, listing every probe that fails there (GET and preflight, foreign and null origin), at the severity of the worst: P0 for an arbitrary or null origin with credentials, when the app issues credentials (a cookie on a probed page, an endpoint that asks for a login, or credentials configured for the target); P1 for `*` or a reflected origin (with or without credentials the app never issues) on API/authenticated paths and for an allowed null origin.',
    traffic:
      'A GET and an OPTIONS preflight with Origin: https://evil.example and with Origin: null on the target URL, plus a GET and a preflight with the foreign origin on each configured api/authenticated/protected path and each API endpoint discovered without a request (a recognised product\'s API, same-origin /api/ and .json links in the page; preflight for POST), at most 4 paths: 4 to 12 requests, shared.',
  },
  async run({ exchanges, target, http }) {
    const { api } = await discoverEndpoints(exchanges, target);
    const probes = planCorsProbes(target, exchanges, api.map((a) => a.path));
    const results = await Promise.all(probes.map(async (probe) => ({ probe, result: await sendCorsProbe(exchanges, probe, ID) })));
    const failures: CorsFailure[] = [];
    const notes: string[] = [];
    let answered = 0;
    // Endpoints whose GET was refused for want of credentials (401, 403): `*` there lets a foreign page read
    // nothing (browsers send no credentials with `*`), so only a reflected origin with credentials counts. A
    // preflight is excused so only where its method was our guess (a discovered endpoint): a configured write
    // endpoint may well take anonymous writes its reads refuse.
    // Whether the app issues credentials a browser would send: a cookie on a probed page, an endpoint asking for a
    // login, or credentials configured for the target. Without them, "with credentials" opens nothing more.
    const pages = await probedPages(exchanges);
    const appHasCredentials =
      cookiesOf(pages).length > 0 ||
      results.some(({ result }) => result.ok && ([401, 403].includes(result.response.status) || result.response.headers['www-authenticate'] !== undefined || result.response.setCookies.length > 0)) ||
      Object.keys(target.headers).some((h) => /^(authorization|cookie|x-api-key)$/i.test(h));
    const refusing = new Set(
      results.filter(({ probe, result }) => !probe.preflight && result.ok && [401, 403].includes(result.response.status)).map(({ probe }) => probe.url),
    );
    for (const { probe, result } of results) {
      if (!result.ok) {
        notes.push(`${describeProbe(probe)}: no response (${result.error.message})`);
        continue;
      }
      answered++;
      // A preflight answered with a non-2xx status fails in the browser, whatever its headers.
      const refused = probe.preflight && (result.response.status < 200 || result.response.status > 299);
      let verdict: CorsVerdict = refused
        ? { ok: true, note: `preflight refused with ${result.response.status}` }
        : judgeCors(result.response, probe.origin, probe.sensitive, appHasCredentials);
      if (!verdict.ok && verdict.severity !== 'P0' && refusing.has(probe.url) && (!probe.preflight || probe.discovered)) {
        verdict = { ok: true, note: `${verdict.reason}, but the endpoint refuses requests without credentials` };
      }
      if (verdict.ok) {
        notes.push(`${describeProbe(probe)}: ${verdict.note}`);
        continue;
      }
      // Our POST preflight to a discovered endpoint asks whether a foreign page may write there: say what it allows.
      const methods = probe.preflight && probe.discovered ? result.response.headers['access-control-allow-methods'] : undefined;
      failures.push({ probe, reason: verdict.reason, severity: verdict.severity, ...(methods ? { methods } : {}), response: result.response });
    }
    if (failures.length) return onePerEndpoint(failures, http, corsFix(servedBy(results.flatMap(({ result }) => (result.ok ? [result.response] : [])))));
    const unsent = results.find(({ result }) => isOwnLimit(result))?.result;
    if (unsent && !unsent.ok) {
      return [{ status: 'error', message: `Incomplete: not every CORS probe was sent (${unsent.error.message}).` }];
    }
    if (!answered) {
      const first = results[0]!.result;
      return [{ status: 'skip', message: `Not checked: no CORS probe got a response (${notes.join('; ')}).`, ...(first.ok ? {} : { evidence: describeFailure(first.error) }) }];
    }
    return [{ status: 'pass', message: `No foreign origin can read responses: ${notes.join('; ')}.` }];
  },
};

interface CorsFailure {
  probe: CorsProbe;
  reason: string;
  severity: Severity;
  /** Access-Control-Allow-Methods of our POST preflight to a discovered endpoint. */
  methods?: string;
  response: HttpResponse;
}

const WRITES = (methods: string): string => ` (and it allows ${methods}, so a foreign page can also write there)`;

/**
 * One finding per endpoint: the GET and the preflight, with a foreign and a null origin, are one CORS policy at
 * that URL, fixed in one place. Each reason is said once with the probes that showed it, at the worst severity.
 */
export function onePerEndpoint(failures: readonly CorsFailure[], http: Pick<HttpClient, 'secretHeaderNames'>, remediation?: string): FindingInput[] {
  const fix = remediation ? { remediation } : {};
  const byUrl = new Map<string, CorsFailure[]>();
  for (const failure of failures) byUrl.set(failure.probe.url, [...(byUrl.get(failure.probe.url) ?? []), failure]);
  return [...byUrl.entries()].map(([url, group]): FindingInput => {
    const evidence = group
      .map((f) =>
        describeExchange(f.response, {
          headers: ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'vary'],
          secretHeaders: http.secretHeaderNames,
        }),
      )
      .join('\n\n');
    const severity = group.some((f) => f.severity === 'P0') ? 'P0' : 'P1';
    if (group.length === 1) {
      const [only] = group as [CorsFailure];
      return { status: 'fail', severity, message: `${describeProbe(only.probe)}: ${only.reason}${only.methods ? WRITES(only.methods) : ''}.`, url, evidence, ...fix };
    }
    const byReason = new Map<string, CorsFailure[]>();
    for (const failure of group) byReason.set(failure.reason, [...(byReason.get(failure.reason) ?? []), failure]);
    const said = [...byReason.entries()].map(([reason, same]) => {
      const how = same.map((f) => (f.probe.preflight ? 'preflight' : 'GET')).join(' and ');
      const methods = same.find((f) => f.methods)?.methods;
      return `${reason} (${how}${methods ? `; the preflight allows ${methods}, so a foreign page can also write there` : ''})`;
    });
    return { status: 'fail', severity, message: `CORS on ${new URL(url).pathname}: ${said.join('; ')}.`, url, evidence, ...fix };
  });
}
