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
}

/** At most this many paths from the repository are probed (declarations first, then code). */
export const MAX_REPO_HEALTH_PATHS = 8;

const CODE = /\.(py|js|mjs|cjs|ts|mts|cts|go|java|kt|rb|cs|php|rs|ex)$/i;
const YAML = /\.ya?ml$/i;
const DOCKERFILE = /(^|\/)(Dockerfile(\.[\w.-]+)?|[\w.-]+\.Dockerfile|Containerfile)$/;

/** A cheap test before any expression runs: the words every form below contains. */
const PREFILTER = /health|healthz|livez|readyz|readiness|liveness|Probe|ht\//;

/** A path segment that names a health endpoint. */
const HEALTH_SEGMENT = /(^|\/)(_{0,2}health[\w-]{0,20}|healthz|livez|readyz|readiness|liveness|ht)(\/|$)/i;

/** `http://localhost:8000/path` in a health-check command: the container's own endpoint. */
const LOCAL_URL = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d{1,5})?(\/[\w./~%-]{0,200})/g;
const PROBE_KEY = /\b(liveness|readiness|startup)Probe\s*:/;
const PROBE_PATH = /^\s*-?\s*path\s*:\s*["']?(\/[\w./~%-]{0,200})/;
/** A quoted route literal with a slash, no longer than a path can usefully be. */
const ROUTE_LITERAL = /["'`](\/?[\w-]{1,40}(?:\/[\w-]{1,40}){0,5}\/?)["'`]/g;

export async function healthPathsFromRepo(files: FileSet, roles?: FileRoles): Promise<RepoHealthPath[]> {
  const declared: RepoHealthPath[] = [];
  const routes: RepoHealthPath[] = [];
  for (const file of files.files) {
    const path = file.path;
    const kind = DOCKERFILE.test(path) ? 'dockerfile' : YAML.test(path) ? 'yaml' : CODE.test(path) ? 'code' : undefined;
    if (!kind) continue;
    const role = roles?.of(path).role;
    if (role === 'test' || role === 'docs' || role === 'example') continue;
    const text = await files.read(path);
    if (text === undefined || !PREFILTER.test(text)) continue;
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
        declared.push({ path: probePath[1]!, role: probe.role, file: path });
        probe = undefined;
        continue;
      }
      if (!/health|curl|wget/i.test(line)) continue;
      for (const url of line.matchAll(LOCAL_URL)) declared.push({ path: url[1]!, file: path });
    }
  }
  const seen = new Set<string>(['/']);
  const out: RepoHealthPath[] = [];
  for (const entry of [...declared, ...routes]) {
    if (seen.has(entry.path) || entry.path.includes('//') || out.length >= MAX_REPO_HEALTH_PATHS) continue;
    seen.add(entry.path);
    out.push(entry);
  }
  return out;
}
