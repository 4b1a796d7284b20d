// Hosts a reverse proxy of the repository routes requests to: `proxy_pass
// http://minio:9000;` (nginx), `reverse_proxy plane-minio:9000` (Caddy),
// `server app:8000` (an nginx upstream), Traefik service URLs. A datastore
// such a proxy routes to is reachable from outside even when it publishes no
// port (SEVERITY.md: "no published port, no route"). A line scan of the proxy
// configuration files; nothing is executed.

import type { FileSet } from '../repo/fileset.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';

const PROXY_CONFIG = /(^|\/)(Caddyfile[\w.-]*|[\w.-]*nginx[\w.-]*\.conf(\.template)?|[\w.-]+\.conf\.template|default\.conf|nginx\.conf|haproxy\.cfg|traefik[\w.-]*\.ya?ml|[\w.-]*\.caddy)$|(^|\/)(nginx|caddy|proxy|traefik)\/[^/]+$/i;
const ROUTE = /\b(?:proxy_pass|grpc_pass|uwsgi_pass|fastcgi_pass)\s+(?:https?:\/\/|grpc:\/\/)?([A-Za-z][\w.-]*)|\breverse_proxy\b[^\n]*?\s(?:https?:\/\/)?([A-Za-z][\w.-]*):\d+|^\s*server\s+([A-Za-z][\w.-]*):\d+|\burl\s*:\s*["']?https?:\/\/([A-Za-z][\w.-]*)/gm;

export async function proxyRoutes(files: FileSet): Promise<Set<string>> {
  const paths = files.files.map((f) => f.path).filter((p) => PROXY_CONFIG.test(p)).slice(0, 200);
  const hosts = new Set<string>();
  await mapLimited(paths, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text) return;
    // Line by line, each cut at 2,000 characters: the lazy `reverse_proxy ... host:port` stays linear.
    for (const line of text.slice(0, 512 * 1024).split('\n')) {
      if (!/proxy|_pass|server|url/.test(line)) continue;
      for (const m of line.slice(0, 2000).matchAll(ROUTE)) {
        const host = (m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase();
        if (!/^(localhost|127\.0\.0\.1|\$)/.test(host)) hosts.add(host);
      }
    }
  });
  return hosts;
}
