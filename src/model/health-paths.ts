// Health paths the repository names: Kubernetes probes (`httpGet.path` under
// a liveness/readiness/startup probe), compose and Dockerfile health checks
// (`curl http://localhost:8000/ht/`), and route literals in the code
// (`path('ht/', include('health_check.urls'))`, `app.get('/api/system/readiness/')`).
// health.endpoint probes these first, before the common paths it guesses, so
// a service with its health endpoint at an uncommon path is found without
// guessing every uncommon path on every target.

import type { FileSet } from '../repo/fileset.js';
import type { FileRoles } from './roles.js';

export interface RepoHealthPath {
  path: string;
  /** From a Kubernetes probe's key; otherwise the path names its role. */
  role?: 'liveness' | 'readiness';
  /** The file that names it. */
  file: string;
  /**
   * The deployment calls it (a Kubernetes probe, a compose or Dockerfile health check in a file that is not a
   * development, test, docs or example file), so it must answer healthy: a 404 there is a failing health endpoint.
   * Route literals in the code are only candidates.
   */
  declared?: boolean;
}

/** What the repository says about health: the paths it names, and what in the deployment waits on a health check. */
export interface RepoHealth {
  paths: RepoHealthPath[];
  /**
   * A deployment file whose orchestrator waits on a health check that names no HTTP path (an exec or tcpSocket
   * probe, a health-check command, `condition: service_healthy`): the service needs one, so a missing endpoint is P1.
   */
  waitedOnBy?: { file: string; what: string };
}

/** At most this many paths from the repository are probed (declarations first, then code). */
export const MAX_REPO_HEALTH_PATHS = 8;

/** Source files whose quoted route literals are read (here and in model/admin-paths.ts). */
export const CODE = /\.(py|js|mjs|cjs|ts|mts|cts|go|java|kt|rb|cs|php|rs|ex)$/i;
const YAML = /\.ya?ml$/i;
const DOCKERFILE = /(^|\/)(Dockerfile(\.[\w.-]+)?|[\w.-]+\.Dockerfile|Containerfile)$/;

/** A cheap test before any expression runs: the words every form below contains. */
const PREFILTER = /health|HEALTHCHECK|healthz|livez|readyz|readiness|liveness|Probe|ht\//;

/** A path segment that names a health endpoint. */
const HEALTH_SEGMENT = /(^|\/)(_{0,2}health[\w-]{0,20}|healthz|livez|readyz|readiness|liveness|ht)(\/|$)/i;

/** `http://localhost:8000/path` in a health-check command: the container's own endpoint. */
const LOCAL_URL = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d{1,5})?(\/[\w./~%-]{0,200})/g;
const PROBE_KEY = /\b(liveness|readiness|startup)Probe\s*:/;
const PROBE_PATH = /^\s*-?\s*path\s*:\s*["']?(\/[\w./~%-]{0,200})/;
/** A quoted route literal with a slash, no longer than a path can usefully be. */
export const ROUTE_LITERAL = /["'`](\/?[\w-]{1,40}(?:\/[\w-]{1,40}){0,5}\/?)["'`]/g;

/** Lines by which a deployment waits on a health check without naming a path we could probe. */
const WAITS_ON_HEALTH: ReadonlyArray<{ test: RegExp; what: string }> = [
  { test: /condition\s*:\s*["']?service_healthy/, what: 'a compose service waits for it to be healthy (condition: service_healthy)' },
  { test: /^\s*HEALTHCHECK\s+(?!NONE)/i, what: 'its Dockerfile declares a HEALTHCHECK' },
  { test: /^\s*healthcheck\s*:\s*$/, what: 'its compose file declares a healthcheck' },
  { test: PROBE_KEY, what: 'a Kubernetes probe' },
];

/** Roles whose health checks the production deployment does not run. */
const NOT_DEPLOYED = new Set(['development', 'test', 'docs', 'example', 'template', 'tooling']);

export async function healthPathsFromRepo(files: FileSet, roles?: FileRoles): Promise<RepoHealthPath[]> {
  return (await healthFromRepo(files, roles)).paths;
}

export async function healthFromRepo(files: FileSet, roles?: FileRoles): Promise<RepoHealth> {
  const declared: RepoHealthPath[] = [];
  const routes: RepoHealthPath[] = [];
  let waitedOnBy: RepoHealth['waitedOnBy'];
  for (const file of files.files) {
    const path = file.path;
    const kind = DOCKERFILE.test(path) ? 'dockerfile' : YAML.test(path) ? 'yaml' : CODE.test(path) ? 'code' : undefined;
    if (!kind) continue;
    const role = roles?.of(path).role;
    if (role === 'test' || role === 'docs' || role === 'example') continue;
    const text = await files.read(path);
    if (text === undefined || !PREFILTER.test(text)) continue;
    const deployed = kind !== 'code' && !NOT_DEPLOYED.has(role ?? '');
    if (kind === 'code') {
      for (const match of text.matchAll(ROUTE_LITERAL)) {
        const literal = match[1]!;
        if (!literal.includes('/') || !HEALTH_SEGMENT.test(literal)) continue;
        routes.push({ path: literal.startsWith('/') ? literal : `/${literal}`, file: path });
      }
      continue;
    }
    const lines = text.split('\n');
    let probe: { role: RepoHealthPath['role']; line: number } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length > 2000) continue;
      const key = PROBE_KEY.exec(line);
      if (key) probe = { role: key[1] === 'readiness' ? 'readiness' : 'liveness', line: i };
      const probePath = probe && i - probe.line <= 6 ? PROBE_PATH.exec(line) : null;
      if (probePath && probe) {
        declared.push({ path: probePath[1]!, role: probe.role, file: path, ...(deployed ? { declared: true } : {}) });
        probe = undefined;
        continue;
      }
      if (deployed && !waitedOnBy) {
        const waits = WAITS_ON_HEALTH.find((w) => w.test.test(line));
        if (waits) waitedOnBy = { file: path, what: waits.what };
      }
      if (!/health|curl|wget/i.test(line)) continue;
      for (const url of line.matchAll(LOCAL_URL)) declared.push({ path: url[1]!, file: path, ...(deployed ? { declared: true } : {}) });
    }
  }
  const seen = new Set<string>(['/']);
  const out: RepoHealthPath[] = [];
  for (const entry of [...declared, ...routes]) {
    if (seen.has(entry.path) || entry.path.includes('//') || out.length >= MAX_REPO_HEALTH_PATHS) continue;
    seen.add(entry.path);
    out.push(entry);
  }
  return { paths: out, ...(waitedOnBy ? { waitedOnBy } : {}) };
}
