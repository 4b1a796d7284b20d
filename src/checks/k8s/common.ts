// What every Kubernetes check shares: the manifests of the repository
// (parsed once, src/parse/kubernetes.ts), a visit per container, and a pass
// message saying what was looked at. Files that are not valid YAML are
// reported once, by `k8s.probes`, which also notes the Helm templates it
// skipped; the other Kubernetes checks skip both silently.

import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import { loadManifests, type Container, type ManifestFile, type Workload } from '../../parse/kubernetes.js';

export interface ContainerVisit {
  looked: string;
  reportsParseErrors?: boolean;
  applies?: (container: Container, workload: Workload) => boolean;
  visit: (container: Container, workload: Workload, file: ManifestFile) => FindingInput[];
}

export async function checkContainers(ctx: RepoCheckContext, options: ContainerVisit): Promise<FindingInput[]> {
  const files = await loadManifests(ctx);
  if (files.length === 0) return [{ status: 'skip', message: 'No Kubernetes manifest (YAML with apiVersion and kind) in the repository.' }];
  const findings: FindingInput[] = [];
  const notes: FindingInput[] = [];
  let looked = 0;
  for (const file of files) {
    if (file.error) {
      if (options.reportsParseErrors) {
        findings.push({ status: 'error', message: `${file.path} cannot be read as YAML (line ${file.error.line}): ${file.error.message}`, location: { path: file.path, line: file.error.line } });
      }
      continue;
    }
    if (file.helm === 'skipped') {
      if (options.reportsParseErrors) {
        notes.push({ status: 'skip', message: `${file.path} is a Helm template (\`{{ }}\`) that is not valid YAML until rendered: not checked. Render it (helm template) to check it.`, file: file.path });
      }
      continue;
    }
    for (const workload of file.workloads) {
      for (const container of workload.containers) {
        if (options.applies && !options.applies(container, workload)) continue;
        looked++;
        findings.push(...options.visit(container, workload, file));
      }
    }
  }
  if (findings.length === 0 && looked > 0) {
    findings.push({ status: 'pass', message: `Checked ${options.looked} of ${looked} container(s) in ${files.length === 1 ? files[0]!.path : `${files.length} manifest files`}.` });
  }
  if (findings.length === 0 && notes.length === 0) return [{ status: 'skip', message: `No container to check: nothing applies to ${options.looked}.` }];
  return [...findings, ...notes];
}

/** `container web of Deployment api` */
export function containerLabel(container: Container, workload: Workload): string {
  return `${container.init ? 'init container' : 'container'} \`${container.name}\` of ${workload.kind} \`${workload.name}\``;
}
