import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { dockerfileOf, hasHealthcheck, loadComposeFiles } from '../../parse/compose.js';
import { stageLineage, type Dockerfile } from '../../parse/dockerfile.js';
import { checkDockerfiles } from './common.js';

/** The HEALTHCHECK in force for the final image (inherited through `FROM <stage>`), unless `HEALTHCHECK NONE`. */
export function finalHealthcheck(file: Dockerfile): number | undefined {
  for (const stage of stageLineage(file, file.stages.length - 1)) {
    const hc = [...stage.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (hc) return hc.args[0]?.toUpperCase() === 'NONE' ? undefined : hc.line;
  }
  return undefined;
}

/** Line of the `HEALTHCHECK NONE` that the final stage ends up with, if that is its last word on healthchecks. */
function disabledHealthcheck(file: Dockerfile): number | undefined {
  for (const stage of stageLineage(file, file.stages.length - 1)) {
    const hc = [...stage.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (hc) return hc.args[0]?.toUpperCase() === 'NONE' ? hc.line : undefined;
  }
  return undefined;
}

/** Dockerfiles built by a compose service that declares its own healthcheck. */
async function healthcheckedInCompose(ctx: RepoCheckContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await loadComposeFiles(ctx)) {
    for (const service of file.services) {
      const dockerfile = dockerfileOf(service);
      if (dockerfile && hasHealthcheck(service)) out.set(dockerfile, `${service.name} in ${service.path}`);
    }
  }
  return out;
}

// The fix for the base image seen: a probe with what that image has (Node's fetch, Python's urllib, BusyBox wget
// on Alpine, curl elsewhere); a distroless image has no shell, so the orchestrator probes it.
const PROBE_FOR_BASE: Array<[RegExp, string]> = [
  [/distroless|scratch/i, 'it has no shell or HTTP client: declare the probe where it runs instead (a compose `healthcheck:`, Kubernetes readiness and liveness probes), or add a small static health binary to the image.'],
  [/(^|\/)node[:@]/i, '`HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch(\'http://localhost:<port>/health\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"` (Node 18+ has fetch).'],
  [/(^|\/)python[:@]/i, '`HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:<port>/health\', timeout=2)"` (no curl in the slim images).'],
  [/alpine/i, '`HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:<port>/health || exit 1` (BusyBox wget; Alpine has no curl by default).'],
];

export function healthcheckFixFor(base: string): string {
  const how = PROBE_FOR_BASE.find(([pattern]) => pattern.test(base))?.[1] ?? '`HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:<port>/health || exit 1` (install curl in the image if it lacks it).';
  return `For this image (FROM ${base}): ${how}`;
}

export const dockerHealthcheck: RepoCheck = {
  id: 'docker.healthcheck',
  title: 'Images declare a HEALTHCHECK',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the final stage of a Dockerfile (following `FROM <earlier stage>`) has no `HEALTHCHECK` (or `HEALTHCHECK NONE`) and no compose service that builds this Dockerfile declares a `healthcheck`. Unlike Checkov CKV_DOCKER_2, a healthcheck declared by the compose service that builds the image counts, and one inherited from an earlier stage too.',
    why: 'Docker and Swarm then only know the process exists, not that it answers: a deadlocked server stays "healthy" and is never restarted or taken out of rotation.',
    fix: 'Add `HEALTHCHECK CMD` calling a cheap health endpoint (or set the healthcheck in the compose file or as Kubernetes probes where the image runs there).',
    snippets: [{ stack: 'HTTP service', code: 'HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \\\n  CMD curl -fsS http://localhost:8000/health || exit 1' }],
  },
  async run(ctx) {
    const fromCompose = await healthcheckedInCompose(ctx);
    return checkDockerfiles(ctx, {
      looked: 'HEALTHCHECK of the final stage',
      visit(file, path): FindingInput[] {
        if (finalHealthcheck(file) !== undefined || fromCompose.has(path)) return [];
        const final = file.stages[file.stages.length - 1]!;
        const none = disabledHealthcheck(file);
        if (none !== undefined) {
          return [{ status: 'fail', message: `The final stage (FROM ${final.image}) of ${path} disables the healthcheck with HEALTHCHECK NONE, and no compose service building it declares one.`, remediation: healthcheckFixFor(stageLineage(file, file.stages.length - 1).at(-1)!.resolvedImage), location: { path, line: none } }];
        }
        return [{ status: 'fail', message: `The final stage (FROM ${final.image}) of ${path} has no HEALTHCHECK, and no compose service building it declares one.`, remediation: healthcheckFixFor(stageLineage(file, file.stages.length - 1).at(-1)!.resolvedImage), location: { path, line: final.from.line } }];
      },
    });
  },
};
