import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpResponse } from '../../http/client.js';
import { describeExchange, excerpt } from '../../http/evidence.js';
import { incompleteProbes, isLoopbackVantage, pathProbe } from '../../http/surface.js';
import { askFromVantage, judgeByVantage, type LocalOnly } from '../../http/vantage.js';

export interface SensitivePath {
  path: string;
  what: string;
  /** Recognises the real file by its content, so a catch-all page (SPA index.html, soft 404) is not flagged. */
  matches(body: string, response: HttpResponse): boolean;
  /** How to quote it without leaking it: a summary instead of the content for files of secrets. */
  quote?(body: string): string;
  /**
   * The server's default configuration serves it to local clients only: seen from a loopback vantage, the
   * request is repeated from another address of this machine to tell (http/vantage.ts).
   */
  localOnlyByDefault?: LocalOnly;
}

// Any markup at the start (a catch-all index.html need not begin with a
// doctype: `<meta charset>`, `<script>`...); none of the text files below does.
const looksLikeHtml = (body: string): boolean => /^\s*<[!?a-zA-Z]/.test(body);

/** A text file recognised by `test`, never in a page served as HTML (an SPA's index holds `name = value` lines too). */
const textFile =
  (test: (body: string) => boolean) =>
  (body: string, response: HttpResponse): boolean =>
    !/html/i.test(response.headers['content-type'] ?? '') && !looksLikeHtml(body) && test(body);

/** `KEY=VALUE` lines of a dotenv file (at least two, and not an HTML page). */
export function envKeys(body: string): string[] {
  if (looksLikeHtml(body)) return [];
  return [...body.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=.*$/gm)].map((m) => m[1]!);
}

const keysOnly = (body: string): string => `keys defined: ${envKeys(body).slice(0, 12).join(', ')} (values not quoted)`;

// A small, bounded list: what attackers' scanners request first.
export const SENSITIVE_PATHS: readonly SensitivePath[] = [
  { path: '/.env', what: 'environment file with secrets', matches: textFile((b) => envKeys(b).length >= 2), quote: keysOnly },
  { path: '/.git/config', what: 'Git repository configuration (the whole source history can be downloaded)', matches: textFile((b) => /^\s*\[core\]/m.test(b) && /repositoryformatversion/.test(b)) },
  { path: '/.git/HEAD', what: 'Git HEAD (the whole source history can be downloaded)', matches: textFile((b) => /^(ref: refs\/[\w./-]+|[0-9a-f]{40})\s*$/.test(b.trim() + '\n')) },
  { path: '/.DS_Store', what: 'macOS folder index (lists file names)', matches: (b) => b.slice(4, 8) === 'Bud1', quote: () => '(binary .DS_Store, Bud1 magic)' },
  {
    path: '/server-status',
    what: 'Apache mod_status page (client IPs, requested URLs)',
    matches: (b) => /Apache Server Status|Server uptime:|Total accesses:/i.test(b),
    localOnlyByDefault: { why: "Apache's status.conf (Debian, Ubuntu, the httpd image) serves it with `Require local`", by: 'client-address' },
  },
  { path: '/phpinfo.php', what: 'phpinfo() output (configuration, environment, paths)', matches: (b) => /<title>PHP \d|phpinfo\(\)|PHP License/i.test(b) && /PHP Version/i.test(b) },
  { path: '/actuator/env', what: 'Spring Boot actuator env (configuration properties)', matches: (b) => /"propertySources"\s*:|"activeProfiles"\s*:/.test(b) },
  {
    path: '/actuator/heapdump',
    what: 'Spring Boot heap dump (memory with secrets and sessions)',
    matches: (b, r) => b.startsWith('JAVA PROFILE') || (/octet-stream/i.test(r.headers['content-type'] ?? '') && r.bodyBytes > 1024 && !looksLikeHtml(b)),
    quote: () => '(binary heap dump, not quoted)',
  },
  { path: '/debug/vars', what: 'Go expvar (command line, memory statistics)', matches: (b) => /"cmdline"\s*:/.test(b) && /"memstats"\s*:/.test(b) },
  { path: '/.aws/credentials', what: 'AWS credentials file', matches: textFile((b) => /aws_access_key_id\s*=/i.test(b)), quote: () => '(AWS credentials file, not quoted)' },
  { path: '/.npmrc', what: 'npm configuration with registry tokens', matches: textFile((b) => /_authToken\s*=|_auth\s*=/i.test(b)), quote: () => '(npm auth token line, not quoted)' },
  { path: '/.htpasswd', what: 'HTTP basic-auth password hashes', matches: textFile((b) => /^[^:\s<]+:(\$apr1\$|\$2[aby]\$|\{SHA\}|\$[156]\$)/m.test(b)), quote: () => '(password hashes, not quoted)' },
  { path: '/backup.sql', what: 'database dump', matches: textFile(isSqlDump), quote: () => '(SQL dump, not quoted)' },
  { path: '/dump.sql', what: 'database dump', matches: textFile(isSqlDump), quote: () => '(SQL dump, not quoted)' },
];

export function isSqlDump(body: string): boolean {
  return /-- (MySQL|MariaDB) dump|-- PostgreSQL database dump|^CREATE TABLE\b|^INSERT INTO\b/im.test(body) && !looksLikeHtml(body);
}

/** Is this answer the sensitive file itself (a 2xx with matching content)? */
export function servesSensitiveFile(entry: SensitivePath, response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300 && entry.matches(response.body, response);
}

const ID = 'disclosure.sensitive-paths';

export const sensitivePaths: LiveCheck = {
  id: ID,
  title: 'Secret files and admin pages are not served',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary: `Fails when any of ${SENSITIVE_PATHS.map((p) => '`' + p.path + '`').join(', ')} is served with a 2xx and content that is really that file (so a catch-all page is never flagged).`,
    why: 'These files hand over secrets, source code, credentials or internal state; scanners request them within minutes of a service going online.',
    fix: 'Do not deploy these files (build from a clean context, .dockerignore), and deny dotfiles and admin endpoints at the web server or framework.',
    snippets: [
      { stack: 'nginx', code: 'location ~ /\\.(?!well-known) { deny all; }\nlocation = /server-status { deny all; }' },
      { stack: 'Express', code: "app.use(express.static('public', { dotfiles: 'deny' }));" },
      { stack: 'Spring Boot', code: 'management.endpoints.web.exposure.include=health' },
    ],
    severityNote:
      "P0, except a path the server's default configuration serves to local clients only (/server-status under Apache's `Require local`) seen from a loopback vantage: the GET is repeated from a non-loopback address of this machine (http.local-vantage; by default the first one found). Answered there too, P0; refused there (403, or anything but the page), P2; with no such address or no telling answer, P1 and the finding says why.",
    traffic: `${SENSITIVE_PATHS.length} GETs without configured credentials, redirects not followed, bodies capped at 64 KiB; one more per local-only path found from a loopback vantage, sent from another local address.`,
  },
  async run({ exchanges, http, target, config }) {
    const loopback = isLoopbackVantage(target.url);
    const results = await Promise.all(SENSITIVE_PATHS.map(async (entry) => ({ entry, result: await pathProbe(exchanges, entry.path, ID) })));
    const findings: FindingInput[] = [];
    for (const { entry, result } of results) {
      if (!result.ok) continue;
      const r = result.response;
      if (!servesSensitiveFile(entry, r)) continue;
      const quoted = entry.quote ? entry.quote(r.body) : excerpt(r.body, 200);
      const localOnly = loopback ? entry.localOnlyByDefault : undefined;
      const judged = localOnly
        ? judgeByVantage(
            await askFromVantage(exchanges, { targetUrl: target.url, setting: config.http.localVantage, path: entry.path, localOnly, owner: ID }, (v) => servesSensitiveFile(entry, v)),
            localOnly,
          )
        : undefined;
      findings.push({
        status: 'fail',
        ...(judged?.severity ? { severity: judged.severity } : {}),
        message: `${entry.path} is served (${r.status})${localOnly ? ' to this loopback client' : ''}: ${entry.what}.${judged?.note ?? ''}`,
        url: r.url,
        evidence: `${describeExchange(r, { headers: ['content-type', 'content-length'], secretHeaders: http.secretHeaderNames })}\n\n${quoted}`,
      });
    }
    if (findings.length) return findings;
    // A path never requested (budget spent, check stopped) was not shown to be safe.
    const incomplete = incompleteProbes(results.map((r) => r.result), 'sensitive-path');
    if (incomplete) return [incomplete];
    return [{ status: 'pass', message: `None of ${SENSITIVE_PATHS.length} sensitive paths is served (${SENSITIVE_PATHS.map((p) => p.path).join(', ')}).` }];
  },
};
