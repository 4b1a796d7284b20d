// Helm charts, judged as they deploy: `helm template` renders every chart of
// the repository when the binary is on PATH (GitHub's Ubuntu runners have it),
// and the rendered manifests are read like any other. Without helm the chart
// is skipped with a note: its templates (the `template` role) are never
// judged as they are written, since `{{ }}` is not what runs.
//
// Rendered manifests carry no line of the chart, so findings point at the
// chart's values.yaml (where images, resources and probes are usually set),
// line 1, and name the template they came from.

import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { parseYaml } from './yaml.js';
import { buildManifestFile, type ManifestFile, type Workload } from './kubernetes.js';

export interface HelmChart {
  /** The chart directory (holds Chart.yaml). */
  dir: string;
  chartFile: string;
  /** Where findings on the rendered manifests point. */
  reportPath: string;
}

export type ChartVerdict =
  | { chart: HelmChart; status: 'rendered'; manifests: ManifestFile }
  | { chart: HelmChart; status: 'skipped'; reason: string }
  | { chart: HelmChart; status: 'error'; reason: string };

const CHART_FILE = /(^|\/)Chart\.ya?ml$/;
const RENDER_TIMEOUT_MS = 60_000;

const cache = new WeakMap<FileSet, Promise<ChartVerdict[]>>();

/** Every chart of the repository (outside test/docs/example folders: `deployed`), rendered once per audit. */
export function helmCharts(ctx: { files: FileSet }, deployed: (path: string) => boolean): Promise<ChartVerdict[]> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = renderAll(ctx.files, deployed);
    cache.set(ctx.files, pending);
  }
  return pending;
}

export function chartsIn(files: FileSet, deployed: (path: string) => boolean): HelmChart[] {
  return files.files
    .filter((f) => CHART_FILE.test(f.path) && deployed(f.path))
    .map((f) => {
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
      const prefix = dir === '.' ? '' : `${dir}/`;
      const values = [`${prefix}values.yaml`, `${prefix}values.yml`].find((p) => files.has(p));
      return { dir, chartFile: f.path, reportPath: values ?? f.path };
    })
    // A subchart (charts/<name>/ inside a chart) is rendered by its parent.
    .filter((chart, _, all) => !all.some((other) => other !== chart && chart.dir.startsWith(`${other.dir === '.' ? '' : `${other.dir}/`}charts/`)));
}

async function renderAll(files: FileSet, deployed: (path: string) => boolean): Promise<ChartVerdict[]> {
  const charts = chartsIn(files, deployed);
  if (!charts.length) return [];
  const helm = await findOnPath('helm');
  const out: ChartVerdict[] = [];
  for (const chart of charts) {
    if (!helm) {
      out.push({ chart, status: 'skipped', reason: 'helm is not on PATH' });
      continue;
    }
    const rendered = await run(helm, ['template', 'readiness-gate', chart.dir], files.root);
    if ('error' in rendered) out.push({ chart, status: 'error', reason: rendered.error });
    else out.push({ chart, status: 'rendered', manifests: manifestsFromRendered(chart.reportPath, rendered.stdout) });
  }
  return out;
}

/** The output of `helm template` as one manifest file located at `reportPath`, line 1, each workload naming its template. */
export function manifestsFromRendered(reportPath: string, output: string): ManifestFile {
  const file: ManifestFile = { path: reportPath, workloads: [], secrets: [] };
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim();
    const yaml = parseYaml(chunk);
    if (yaml.errors.length) continue;
    const built = buildManifestFile(reportPath, chunk, yaml);
    if (!built) continue;
    for (const w of built.workloads) file.workloads.push(atLineOne(w, source));
    for (const s of built.secrets) file.secrets.push({ ...s, line: 1, values: s.values.map((v) => ({ ...v, line: 1 })) });
  }
  return file;
}

function atLineOne(w: Workload, source: string | undefined): Workload {
  return {
    ...w,
    line: 1,
    podLineOf: () => 1,
    containers: w.containers.map((c) => ({ ...c, line: 1, lineOf: () => 1 })),
    ...(source ? { renderedFrom: source } : {}),
  };
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string } | { error: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: RENDER_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) resolve({ error: (String(stderr).trim().split('\n')[0] || err.message).slice(0, 300) });
      else resolve({ stdout: String(stdout) });
    });
  });
}
