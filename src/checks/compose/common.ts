// What every compose check shares: visit each service of each compose
// deployment (src/model/deployments.ts: the files that run together, merged
// as compose merges them, with the deployment's role), and turn "nothing
// wrong" into a `pass` that says what was looked at. Parse errors of compose
// files and deployment notes (a chain naming a missing file, a cyclic
// `extends`, a remote `include`) are reported once, by `compose.healthcheck`,
// and by every P0 check (`failClosed`), which must never pass on a file it
// could not read; the other compose checks skip such files silently.

import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { roleOfProfiles } from '../../model/roles.js';
import type { ComposeFile, ComposeService } from '../../parse/compose.js';
import { isFragment } from '../../model/deployments.js';
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
   * judge bare fragments (a service with neither image nor build that no deployment completes).
   */
  judgesAbsence?: boolean;
  /** Services the check applies to (default: all). */
  applies?: (service: ComposeService, file: ComposeFile) => boolean;
  /**
   * `service` is the service as its deployment runs it (merged over every `-f`
   * file; `locate` points into the file that wrote the key); `file` is the
   * deployment's view: its merged services and `deployment.interpolate`.
   */
  visit: (service: ComposeService, file: ComposeFile) => FindingInput[] | Promise<FindingInput[]>;
}

export const NO_COMPOSE_FILE = 'No compose file (docker-compose*.y*ml, compose*.y*ml) in the repository.';

export async function checkComposeServices(ctx: RepoCheckContext, options: ServiceVisit): Promise<FindingInput[]> {
  const { files, list, notes } = ctx.model.deployments;
  const reports = options.reportsParseErrors || options.failClosed;
  // Compose files over repo.max-file-bytes or unreadable: an error for the checks that report, a note for the others.
  const unread = ctx.files.notRead(isComposeFile).map((f) => notReadFinding(f, reports ? 'error' : 'skip'));
  if (files.length === 0) {
    // A compose block of a docs page that does not parse leaves no file, only its note.
    const noted: FindingInput[] = options.reportsParseErrors ? notes.map((note) => ({ status: note.status, message: note.message, location: { path: note.path, line: note.line } })) : [];
    return unread.length || noted.length ? [...unread, ...noted] : [{ status: 'skip', message: NO_COMPOSE_FILE }];
  }
  const findings: FindingInput[] = reports ? [...unread] : [];
  if (reports) {
    for (const file of files) {
      if (!file.error) continue;
      findings.push({
        status: 'error',
        message: `${file.path} cannot be read as YAML (line ${file.error.line}): ${file.error.message}`,
        location: { path: file.path, line: file.error.line },
      });
    }
    if (options.reportsParseErrors) for (const note of notes) findings.push({ status: note.status, message: note.message, location: { path: note.path, line: note.line } });
  }
  // One failure per line: a base file shared by several deployments
  // (production first in the list) is reported once, under the highest role;
  // a value inherited through `extends` or an anchor once, where it is written.
  const seen = new Set<string>();
  let looked = 0;
  let judged = 0;
  for (const deployment of list) {
    const view: ComposeFile = { path: deployment.files[deployment.files.length - 1]!, services: deployment.services, deployment };
    judged++;
    for (const service of deployment.services) {
      if ((options.judgesAbsence && isFragment(service)) || (options.applies && !options.applies(service, view))) continue;
      looked++;
      // A service only in a development, test or retired profile takes that role over its deployment's.
      const role = roleOfProfiles(service.profiles) ?? deployment.role;
      for (const finding of await options.visit(service, view)) {
        const at = finding.location;
        const key = at ? `${at.path}:${at.line}` : undefined;
        if (key !== undefined && finding.status === 'fail') {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        findings.push({ ...finding, role: finding.role ?? role });
      }
    }
  }
  if (!findings.some((f) => f.status === 'fail' || f.status === 'error')) {
    const described = describeDeployments(judged, files);
    if (looked === 0) return [...findings, { status: 'skip', message: `No service to check in ${described}: nothing applies to ${options.looked}.` }];
    return [...findings, { status: 'pass', message: `Checked ${options.looked} in ${looked} service(s) of ${described}.` }];
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

function describeDeployments(deployments: number, files: readonly ComposeFile[]): string {
  if (files.length === 1) return files[0]!.path;
  return `${files.length} compose files (${deployments} deployment(s))`;
}

/** `service web (infra/docker-compose.yml)`, or `(docker-compose.yml + docker-compose.prod.yml)` when merged. */
export function serviceLabel(service: ComposeService): string {
  return `service \`${service.name}\` (${service.deployment ?? service.path})`;
}

export { roleOfProfiles };
