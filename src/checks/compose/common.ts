// What every compose check shares: load the compose files once (memoised by
// src/parse/compose.ts), visit each service, and turn "nothing wrong" into a
// `pass` that says what was looked at. Parse errors of compose files are
// reported once, by `compose.healthcheck`, and by every P0 check
// (`failClosed`), which must never pass on a file it could not read; the
// other compose checks skip such files silently.

import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { loadComposeFiles, type ComposeFile, type ComposeService } from '../../parse/compose.js';
import { isComposeFile } from '../../repo/classify.js';
import { notReadFinding } from '../../repo/fileset.js';

export interface ServiceVisit {
  /** What the pass message says was looked at, e.g. "restart policies of long-running services". */
  looked: string;
  reportsParseErrors?: boolean;
  /** A P0 check: a compose file it cannot read or parse is an `error` naming the file, never a skip or a pass. */
  failClosed?: boolean;
  /**
   * The check fails on a key that is missing (healthcheck, restart, limits): it does not
   * judge overlay fragments, where the key is inherited from the base file.
   */
  judgesAbsence?: boolean;
  /** Services the check applies to (default: all). */
  applies?: (service: ComposeService, file: ComposeFile) => boolean;
  visit: (service: ComposeService, file: ComposeFile) => FindingInput[] | Promise<FindingInput[]>;
}

export const NO_COMPOSE_FILE = 'No compose file (docker-compose*.y*ml, compose*.y*ml) in the repository.';

export async function checkComposeServices(ctx: RepoCheckContext, options: ServiceVisit): Promise<FindingInput[]> {
  const files = await loadComposeFiles(ctx);
  const reports = options.reportsParseErrors || options.failClosed;
  const unread = ctx.files.notRead(isComposeFile).map((f) => notReadFinding(f, reports ? 'error' : 'skip'));
  if (files.length === 0) return unread.length ? unread : [{ status: 'skip', message: NO_COMPOSE_FILE }];
  const fragment = options.judgesAbsence ? overlayFragments(files) : new Set<ComposeService>();
  const findings: FindingInput[] = reports ? [...unread] : [];
  // Findings a service inherits through `extends` point into the base file, where
  // the base service reports the same line itself: keep one annotation per line.
  const inherited: FindingInput[] = [];
  let looked = 0;
  for (const file of files) {
    if (file.error) {
      if (reports) {
        findings.push({
          status: 'error',
          message: `${file.path} cannot be read as YAML (line ${file.error.line}): ${file.error.message}`,
          location: { path: file.path, line: file.error.line },
        });
      }
      continue;
    }
    for (const service of file.services) {
      if (fragment.has(service) || (options.applies && !options.applies(service, file))) continue;
      looked++;
      for (const finding of await options.visit(service, file)) {
        (finding.location && finding.location.path !== file.path ? inherited : findings).push(finding);
      }
    }
  }
  const ownLines = new Set(findings.map((f) => (f.location ? `${f.location.path}:${f.location.line}` : '')));
  findings.push(...inherited.filter((f) => !ownLines.has(`${f.location!.path}:${f.location!.line}`)));
  if (findings.length === 0) {
    if (looked === 0) return [{ status: 'skip', message: `No service to check in ${describeFiles(files)}: nothing applies to ${options.looked}.` }];
    return [{ status: 'pass', message: `Checked ${options.looked} in ${looked} service(s) of ${describeFiles(files)}.` }];
  }
  return findings;
}

const BASE_NAME = /^(docker-)?compose\.ya?ml$/;

/**
 * Services that only complete a service defined elsewhere: one with neither
 * `image`, `build` nor `extends` (compose refuses it on its own), or one of an
 * overlay file (`docker-compose.override.yml`, `docker-compose.prod.yml`, used
 * with `-f`) whose base file in the same directory defines the same service.
 */
export function overlayFragments(files: readonly ComposeFile[]): Set<ComposeService> {
  const baseServices = new Map<string, Set<string>>();
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    if (!BASE_NAME.test(file.path.slice(slash + 1))) continue;
    const dir = file.path.slice(0, slash + 1);
    const names = baseServices.get(dir) ?? new Set<string>();
    for (const service of file.services) names.add(service.name);
    baseServices.set(dir, names);
  }
  const out = new Set<ComposeService>();
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    const isBase = BASE_NAME.test(file.path.slice(slash + 1));
    const base = baseServices.get(file.path.slice(0, slash + 1));
    for (const service of file.services) {
      const incomplete = service.config.image === undefined && service.config.build === undefined;
      if (incomplete || (!isBase && base?.has(service.name))) out.add(service);
    }
  }
  return out;
}

function describeFiles(files: ComposeFile[]): string {
  return files.length === 1 ? files[0]!.path : `${files.length} compose files`;
}

/** `service web (infra/docker-compose.yml)` */
export function serviceLabel(service: ComposeService): string {
  return `service \`${service.name}\` (${service.path})`;
}
