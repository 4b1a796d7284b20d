import type { EndpointConfig, TargetConfig } from '../../config/schema.js';
import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpResponse, HttpResult } from '../../http/client.js';
import { describeExchange, excerpt } from '../../http/evidence.js';
import type { Exchanges } from '../../http/exchanges.js';
import { isOwnLimit, notFoundProbe } from '../../http/surface.js';

export interface DebugTell {
  framework: string;
  pattern: RegExp;
}

// Fragments that only a framework's development error page (or a raw stack
// trace) contains; each is documented output of that framework.
export const DEBUG_TELLS: readonly DebugTell[] = [
  { framework: 'Django technical error page (DEBUG = True)', pattern: /You(?:&#x27;|&#39;|'|’)re seeing this error because you have <code>DEBUG = True<\/code>/i },
  // Top of Django's technical 500 page (the DEBUG = True notice is at its very end).
  { framework: 'Django technical error page (DEBUG = True)', pattern: /<th[^>]*>Django Version:<\/th>/ },
  { framework: 'Django technical 404 page (DEBUG = True)', pattern: /Using the URLconf defined in <code>[\w.]+<\/code>/ },
  { framework: 'Werkzeug / Flask interactive debugger', pattern: /Werkzeug Debugger|The debugger caught an exception in your WSGI application|__debugger__=yes/ },
  { framework: 'Python traceback', pattern: /Traceback \(most recent call last\):/ },
  {
    framework: 'Node.js stack trace',
    pattern: /\bat\s+(?:[^\s()<>]+\s+)?\(?(?:file:\/\/)?(?:\/|[A-Za-z]:\\{1,2})[^\s()<>:]+\.(?:m?js|cjs|ts|tsx|jsx):\d+:\d+\)?/,
  },
  { framework: 'Ruby on Rails development error page', pattern: /Rails\.root:|Action Controller: Exception caught|<h2[^>]*>\s*Application Trace/ },
  { framework: 'Laravel Ignition / Whoops error page', pattern: /window\.ignite\b|Whoops! There was an error|Illuminate\\{1,2}[A-Z]\w+\\{1,2}|laravel-exceptions-renderer/ },
  { framework: 'Java stack trace (e.g. Spring Whitelabel page with trace)', pattern: /\bat (?:[\w$]+\.)+[\w$<>]+\((?:[\w$]+\.java:\d+|Native Method|Unknown Source)\)/ },
  { framework: 'Spring Boot error with trace', pattern: /"trace"\s*:\s*"(?:[\w$]+\.)+[\w$]*(?:Exception|Error)/ },
  { framework: 'ASP.NET detailed error page (yellow screen)', pattern: /Server Error in '[^']*' Application|<b>\s*Stack Trace:\s*<\/b>|Version Information:\s*<\/b>\s*Microsoft \.NET/i },
  {
    framework: 'PHP error with file path',
    // Bounded: with `[^\n]*?` a page of many `<b>Warning</b>:` without the tail made every start scan the rest of the line (quadratic: 54 s at 340 KB).
    pattern: /<b>(?:Warning|Fatal error|Notice|Parse error|Deprecated)<\/b>:\s[^\n]{0,300}? in <b>[^<\n]{1,300}\.php<\/b> on line <b>\d+<\/b>|(?:PHP )?(?:Warning|Fatal error|Notice|Parse error):\s[^\n]{0,300}? in \/[^\s]{1,300}\.php on line \d+/,
  },
  { framework: 'Go panic', pattern: /goroutine \d+ \[running\]:/ },
];

/** The first debug-page tell in a body, with the fragment that matched. */
export function findDebugTell(body: string): { framework: string; fragment: string } | undefined {
  for (const tell of DEBUG_TELLS) {
    const match = tell.pattern.exec(body);
    if (match) return { framework: tell.framework, fragment: match[0] };
  }
  return undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Percent-encoding that cannot decode: a harmless GET that makes many routers raise an error. */
export const MALFORMED_PATH = '/readiness-gate-probe-7f3c9e1d/%E0%A4%A';
export const BAD_JSON = '{"readiness-gate": "malformed",';

/** An endpoint that takes a JSON body, to send broken JSON to: configured json or api paths with a body method. */
export function jsonEndpoint(target: TargetConfig): EndpointConfig | undefined {
  return [...target.paths.json, ...target.paths.api].find((e) => ['POST', 'PUT', 'PATCH'].includes(e.method));
}

function errorProbes(exchanges: Exchanges, target: TargetConfig, owner: string): Array<Promise<HttpResult>> {
  const probes = [exchanges.base(), notFoundProbe(exchanges)];
  // Bodies are read up to the full cap: debug pages are large and some tells sit at their end.
  probes.push(exchanges.get('malformed-path', { url: exchanges.url(MALFORMED_PATH) }, { owner }));
  const endpoint = jsonEndpoint(target);
  if (endpoint) {
    // Rejected by the JSON parser before any handler runs: no state can change.
    probes.push(
      exchanges.get(
        `malformed-json:${endpoint.method}:${endpoint.path}`,
        { url: exchanges.url(endpoint.path), method: endpoint.method, headers: { 'content-type': 'application/json' }, body: BAD_JSON },
        { owner },
      ),
    );
  }
  return probes;
}

const DEBUG_MODE_ID = 'disclosure.debug-mode';

export const debugMode: LiveCheck = {
  id: DEBUG_MODE_ID,
  title: 'No debug error pages or stack traces are served',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Fails when the base page, a path that cannot exist, a malformed URL or (for a configured JSON endpoint) malformed JSON gets a framework debug page or a stack trace: Django DEBUG pages, the Werkzeug debugger, Node/Java/Python/Go traces, Rails, Laravel Ignition, ASP.NET yellow screens, PHP warnings with paths.',
    why: 'Debug pages reveal source paths, settings, sometimes secrets, and (Werkzeug) even a remote console; they show the app runs with development settings.',
    fix: 'Run with production settings (DEBUG = False, NODE_ENV=production, APP_DEBUG=false, display_errors=Off) and serve a generic error page.',
    snippets: [
      { stack: 'Django', code: 'DEBUG = False' },
      { stack: 'Express', code: "// NODE_ENV=production hides stack traces in Express's default error handler\napp.use((err, req, res, next) => res.status(500).json({ error: 'internal error' }));" },
      { stack: 'Flask', code: 'app.run(debug=False)  # and never FLASK_DEBUG=1 in production' },
      { stack: 'Spring Boot', code: 'server.error.include-stacktrace=never' },
      { stack: 'PHP', code: 'display_errors = Off' },
    ],
    traffic: 'One GET of a malformed URL, plus one request with broken JSON to the first configured json/api endpoint taking POST, PUT or PATCH; reads the shared base page and not-found probe.',
  },
  async run({ exchanges, target, http }) {
    const results = await Promise.all(errorProbes(exchanges, target, DEBUG_MODE_ID));
    const responses = results.flatMap((r): HttpResponse[] => (r.ok ? [r.response] : []));
    const findings: FindingInput[] = [];
    for (const response of responses) {
      const tell = findDebugTell(response.body);
      if (!tell || findings.some((f) => f.url === response.url)) continue;
      findings.push({
        status: 'fail',
        message: `${response.method} ${new URL(response.url).pathname} answers ${response.status} with a ${tell.framework}: "${excerpt(tell.fragment, 120)}".`,
        url: response.url,
        evidence: describeExchange(response, { headers: ['content-type', 'server'], bodyExcerpt: 400, bodyMatch: tell.fragment, secretHeaders: http.secretHeaderNames }),
      });
    }
    if (findings.length) return findings;
    const unsent = results.find(isOwnLimit);
    if (unsent && !unsent.ok) return [{ status: 'error', message: `Incomplete: not every error probe was sent (${unsent.error.message}).` }];
    // A P0 is not passed on partial evidence: a probe that timed out or was
    // reset may be exactly the one that would have shown the debug page.
    const unanswered = results.filter((r) => !r.ok);
    if (unanswered.length) {
      const what = unanswered.map((r) => (r.ok ? '' : `${r.error.method} ${pathOf(r.error.url)} (${r.error.message})`)).join(', ');
      return [{ status: 'error', message: `Incomplete: ${unanswered.length} of ${results.length} error probes got no response: ${what}; no debug page in the ${responses.length} that answered.` }];
    }
    const looked = responses.map((r) => `${r.method} ${new URL(r.url).pathname} (${r.status})`).join(', ');
    return [{ status: 'pass', message: `No debug page or stack trace in ${responses.length} response(s): ${looked}.` }];
  },
};
