// Helm charts, judged as they deploy: `helm template` renders every chart of
// the repository when the binary is on PATH (GitHub's Ubuntu runners have it),
// and the rendered manifests are read like any other. Without helm the chart
// is skipped with a note: its templates (the `template` role) are never
// judged as they are written, since `{{ }}` is not what runs.
//
// Rendered manifests carry no line of the chart: each document's `# Source:`
// comment names its template, and parse/helm-positions.ts follows a rendered
// key back to the values.yaml line that set it, the template line that writes
// it, or the template as a whole when nothing writes it (a missing probe).

import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { nodeAt, parseYaml, type YamlFile } from './yaml.js';
import { buildManifestFile, type ManifestFile, type Workload } from './kubernetes.js';
import { ChartPositions, templatePath, type ChartSources } from './helm-positions.js';

export interface HelmChart {
  /** The chart directory (holds Chart.yaml). */
  dir: string;
  chartFile: string;
  /** The chart's values file (else Chart.yaml): where a rendered finding points when its template is not in the repository. */
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
    else out.push({ chart, status: 'rendered', manifests: manifestsFromRendered(chart, rendered.stdout, await chartSources(chart, rendered.stdout, files)) });
  }
  return out;
}

/** The templates a rendering names (`# Source:`) and the values files of the chart and its subcharts, read from the repository. */
export async function chartSources(chart: Pick<HelmChart, 'dir'>, output: string, files: Pick<FileSet, 'has' | 'read' | 'files'>): Promise<ChartSources> {
  const templates = new Map<string, string>();
  for (const m of output.matchAll(/^# Source: (.+)$/gm)) {
    const path = templatePath(chart.dir, m[1]!.trim());
    if (templates.has(path) || !files.has(path)) continue;
    const text = await files.read(path);
    if (text !== undefined) templates.set(path, text);
  }
  const values = new Map<string, { path: string; yaml: YamlFile }>();
  const prefix = chart.dir === '.' ? '' : `${chart.dir}/`;
  for (const f of files.files) {
    if (!f.path.startsWith(prefix) || !/(^|\/)values\.ya?ml$/.test(f.path)) continue;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
    // The chart's own values and those of its subcharts (`charts/<name>/values.yaml`), nothing else.
    if (dir !== chart.dir && !/(^|\/)charts\/[^/]+$/.test(dir)) continue;
    if (values.has(dir)) continue;
    const text = await files.read(f.path);
    if (text === undefined) continue;
    const yaml = parseYaml(text);
    if (!yaml.errors.length) values.set(dir, { path: f.path, yaml });
  }
  return { dir: chart.dir, templates, values };
}

/**
 * The output of `helm template` as one manifest file named after the chart's values file; each workload names its
 * template, and every container and pod key locates where the chart writes it (parse/helm-positions.ts).
 */
export function manifestsFromRendered(chart: Pick<HelmChart, 'dir' | 'reportPath'>, output: string, sources: ChartSources): ManifestFile {
  const positions = new ChartPositions(sources);
  const file: ManifestFile = { path: chart.reportPath, workloads: [], secrets: [] };
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim();
    const yaml = parseYaml(chunk);
    if (yaml.errors.length) continue;
    const built = buildManifestFile(chart.reportPath, chunk, yaml);
    if (!built) continue;
    const doc = yaml.documents.find((d) => d.contents !== null);
    for (const w of built.workloads) file.workloads.push(located(w, source, doc, positions));
    // Rendered Secrets are not judged here (k8s.committed-secret reads the repository's own manifests).
  }
  return file;
}

/** A rendered workload whose positions point into the chart. */
function located(w: Workload, source: string | undefined, doc: ReturnType<typeof parseYaml>['documents'][number] | undefined, positions: ChartPositions): Workload {
  const at = (keyPath: ReadonlyArray<string | number>) => {
    const node = doc ? nodeAt(doc, keyPath) : undefined;
    return positions.locate(source, keyPath, node, node !== undefined);
  };
  // The numbers left for the old line API: the line when the position is in a file, else 1 (use locate).
  const lineOf = (keyPath: ReadonlyArray<string | number>): number => at(keyPath).line ?? 1;
  return {
    ...w,
    line: lineOf([]),
    podLineOf: (keyPath) => lineOf([...w.specPath, ...keyPath]),
    podLocate: (keyPath) => at([...w.specPath, ...keyPath]),
    containers: w.containers.map((c) => ({
      ...c,
      line: lineOf(c.docPath),
      lineOf: (keyPath) => lineOf([...c.docPath, ...keyPath]),
      locate: (keyPath) => at([...c.docPath, ...keyPath]),
    })),
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

/** An image a chart's values set (`image: {repository, tag}` or `image: repo:tag`), read without rendering. */
export interface ValuesImage {
  /** The reference the chart deploys: `registry/repository:tag`, the tag from `appVersion` when the values leave it empty. */
  image: string;
  /** Where the values set it. */
  path: string;
  line: number;
  /** The tag came from Chart.yaml's appVersion (`tag: ""`). */
  fromAppVersion: boolean;
}

/**
 * The images a chart's values.yaml sets, as most charts write them (the
 * `helm create` scaffold: `image.repository`, `image.tag` defaulting to the
 * chart's appVersion, an optional `image.registry`), for when helm is not
 * there to render the chart. A tag left to an expression is not judged.
 */
export async function valuesImages(chart: HelmChart, files: Pick<FileSet, 'read'>): Promise<ValuesImage[]> {
  if (!/values\.ya?ml$/.test(chart.reportPath)) return [];
  const text = await files.read(chart.reportPath);
  const chartText = await files.read(chart.chartFile);
  if (text === undefined) return [];
  const appVersion = chartText === undefined ? undefined : /^appVersion\s*:\s*["']?([^"'\s#]+)/m.exec(chartText)?.[1];
  const yaml = parseYaml(text);
  const doc = yaml.documents[0];
  if (!doc || yaml.errors.length) return [];
  const out: ValuesImage[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 20 || typeof node !== 'object' || node === null) return;
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) return;
    for (const item of items) {
      const pair = item as { key?: { value?: unknown }; value?: unknown };
      const key = pair.key?.value;
      const value = pair.value as { value?: unknown; items?: unknown[] } | undefined;
      if (key === 'image' && value && typeof value.value === 'string' && /[/:]/.test(value.value) && !value.value.includes('{{')) {
        out.push({ image: value.value, path: chart.reportPath, line: yaml.lineOf(value), fromAppVersion: false });
        continue;
      }
      if (value && Array.isArray(value.items)) {
        const get = (name: string): { value?: unknown } | undefined => (value.items as Array<{ key?: { value?: unknown }; value?: { value?: unknown } }>).find((p) => p.key?.value === name)?.value;
        const repository = get('repository')?.value;
        if (typeof repository === 'string' && repository && !repository.includes('{{')) {
          const registry = get('registry')?.value;
          const tagNode = get('tag');
          const digest = get('digest')?.value;
          const raw = tagNode?.value;
          const fromAppVersion = raw === undefined || raw === null || raw === '';
          const tag = fromAppVersion ? appVersion : String(raw);
          if (tag !== undefined && !tag.includes('{{') && !(typeof digest === 'string' && digest)) {
            const base = typeof registry === 'string' && registry ? `${registry}/${repository}` : repository;
            out.push({ image: `${base}:${tag}`, path: chart.reportPath, line: yaml.lineOf(tagNode ?? get('repository')), fromAppVersion });
          }
          continue;
        }
        walk(value, depth + 1);
      }
    }
  };
  walk(doc.contents, 0);
  return out;
}
