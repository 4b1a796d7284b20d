// What every Kubernetes check shares: the manifests of the repository
// (parsed once, src/parse/kubernetes.ts), a visit per container, and a pass
// message saying what was looked at. Files that are not valid YAML are
// reported once, by `k8s.probes`, which also notes the Helm templates it
// skipped; the other Kubernetes checks skip both silently.

import type { FindingInput, RepoCheckContext } from '../../engine/types.js';
import type { RoleInfo } from '../../model/roles.js';
import { loadManifests, type Container, type ManifestFile, type ManifestPosition, type Workload } from '../../parse/kubernetes.js';
import { helmCharts } from '../../parse/helm.js';
import { imageSources, mergePatch } from '../../parse/k8s-images.js';

export interface ContainerVisit {
  looked: string;
  reportsParseErrors?: boolean;
  applies?: (container: Container, workload: Workload) => boolean;
  visit: (container: Container, workload: Workload, file: ManifestFile) => FindingInput[] | Promise<FindingInput[]>;
}

export async function checkContainers(ctx: RepoCheckContext, options: ContainerVisit): Promise<FindingInput[]> {
  const charts = await helmCharts(ctx, (p) => ctx.model.roles.isDeployed(p));
  const chartDirs = charts.map((c) => (c.chart.dir === '.' ? '' : `${c.chart.dir}/`));
  // A chart's templates, and its subcharts' (`charts/<name>/templates/`), are judged through its rendering (or noted once per chart), not file by file.
  const inChart = (path: string): boolean => chartDirs.some((dir) => path.startsWith(dir) && /^(charts\/[^/]+\/)*templates\//.test(path.slice(dir.length)));
  const own = (await loadManifests(ctx)).filter((f) => !inChart(f.path));
  // A rendered finding points into the chart's templates (role `template`, never judged on their own) or values:
  // it is judged under the role of the chart that deploys them.
  const rendered = new Map<ManifestFile, RoleInfo>();
  for (const c of charts) {
    if (c.status !== 'rendered') continue;
    const role = ctx.model.roles.of(c.chart.chartFile);
    rendered.set(c.manifests, { role: role.role, reason: `rendered from the Helm chart ${c.chart.dir} (${c.chart.chartFile}: ${role.reason})` });
  }
  const files = [...own, ...rendered.keys()];
  const findings: FindingInput[] = [];
  const notes: FindingInput[] = [];
  if (options.reportsParseErrors) {
    for (const c of charts) {
      if (c.status === 'skipped') {
        notes.push({ status: 'skip', message: `Helm chart ${c.chart.dir} was not rendered (${c.reason}): its templates are not checked. Run with helm on PATH (GitHub's Ubuntu runners have it) to judge what it deploys.`, location: { path: c.chart.chartFile, line: 1 } });
      } else if (c.status === 'error') {
        findings.push({ status: 'error', message: `helm template ${c.chart.dir} failed: ${c.reason}`, location: { path: c.chart.chartFile, line: 1 } });
      }
    }
  }
  if (files.length === 0) return notes.length || findings.length ? [...findings, ...notes] : [{ status: 'skip', message: 'No Kubernetes manifest (YAML with apiVersion and kind) in the repository.' }];
  let looked = 0;
  const sources = await imageSources(ctx);
  // The production overlays' patches apply (a development overlay's do not help production).
  const applied = (container: Container, workload: Workload, file: ManifestFile): Container => {
    const patches = sources.patchesOf(file.path, workload.kind, workload.name, container.name).filter((p) => ctx.model.roles.mayBeProduction(p.kustomization));
    if (!patches.length) return container;
    return { ...container, spec: patches.reduce((spec, p) => mergePatch(spec, p.spec), container.spec) };
  };
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
        const deployed = applied(container, workload, file);
        if (options.applies && !options.applies(deployed, workload)) continue;
        looked++;
        const role = rendered.get(file);
        for (const finding of await options.visit(deployed, workload, file)) findings.push(role && !finding.role ? { ...finding, role } : finding);
      }
    }
  }
  if (findings.length === 0 && looked > 0) {
    findings.push({ status: 'pass', message: `Checked ${options.looked} of ${looked} container(s) in ${files.length === 1 ? files[0]!.path : `${files.length} manifest files`}.` });
  }
  if (findings.length === 0 && notes.length === 0) return [{ status: 'skip', message: `No container to check: nothing applies to ${options.looked}.` }];
  return [...findings, ...notes];
}

/**
 * Where a finding points: the line of a manifest, or for a rendered Helm chart the values.yaml or template line that
 * writes the key, or the template as a whole (`file`, no line) when nothing in the chart writes it.
 */
export function pointAt(position: ManifestPosition): Pick<FindingInput, 'location' | 'file'> {
  return position.line === undefined ? { file: position.path } : { location: { path: position.path, line: position.line } };
}

/** `container web of Deployment api` (rendered from chart/templates/deployment.yaml) */
export function containerLabel(container: Container, workload: Workload): string {
  const rendered = workload.renderedFrom ? ` (rendered from ${workload.renderedFrom})` : '';
  return `${container.init ? 'init container' : 'container'} \`${container.name}\` of ${workload.kind} \`${workload.name}\`${rendered}`;
}
