// Where a key of a manifest rendered by `helm template` is written in the
// chart: the rendered YAML has no line of the chart, but every document says
// which template it comes from (`# Source: web/templates/deployment.yaml`),
// and a template keeps the YAML structure of what it renders for its literal
// lines. So a rendered key path (`spec.template.spec.containers[0].image`) is
// followed through the template's keys by indentation, `{{ }}` lines aside:
//
// - the key's line (or the `toYaml` lines of its block) reads `.Values.x.y`
//   and the chart's values.yaml sets `x.y`: the values.yaml line of `x.y`
//   (a parent chart's `sub.x.y` first for a subchart, as helm merges them);
//   among several references (`{{ .Values.image.repository }}:{{ .Values.image.tag }}`)
//   the last one whose value shows in the rendered value (the tag);
// - otherwise the template line that writes the key (a literal, a default
//   in the template, a helper);
// - a key the rendering lacks (no probes, no resources): the `with`/`if
//   .Values.x` that left it out when values.yaml has `x`, the template line
//   when the template writes it under another condition, else the template
//   file as a whole (no line: nothing in the chart writes it).
//
// Nothing is evaluated: a template that builds the key in a helper
// (`include`) or a `range` is followed as far as its literal lines go.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { nodeAt, type YamlFile } from './yaml.js';
import type { ManifestPosition } from './kubernetes.js';

export interface ChartSources {
  /** The chart directory (holds Chart.yaml), repo-relative; `.` for the root. */
  dir: string;
  /** Repository files by path: templates named by `# Source:` and values files. */
  templates: ReadonlyMap<string, string>;
  /** Parsed values files by chart directory (the chart's and its subcharts'). */
  values: ReadonlyMap<string, { path: string; yaml: YamlFile }>;
}

type KeyPath = ReadonlyArray<string | number>;

/** `web/templates/deployment.yaml` (helm names the chart, not its directory) -> `deploy/chart/templates/deployment.yaml`. */
export function templatePath(chartDir: string, source: string): string {
  const rest = source.split('/').slice(1).join('/');
  return chartDir === '.' || chartDir === '' ? rest : `${chartDir}/${rest}`;
}

/** The chart directory of a template path: what comes before its `templates/`. */
export function chartDirOf(template: string): string {
  const at = template.lastIndexOf('/templates/');
  if (at >= 0) return template.slice(0, at);
  return template.startsWith('templates/') ? '.' : template.slice(0, Math.max(0, template.lastIndexOf('/'))) || '.';
}

interface TemplateLine {
  /** Column of the first character. */
  indent: number;
  /** Column of the key (after `- ` on an item line). */
  keyCol: number;
  key?: string;
  dash: boolean;
  /** Only `{{ }}` (or nothing that is YAML): `{{- if }}`, `{{- toYaml .Values.x | nindent 8 }}`. */
  template: boolean;
  skip: boolean;
  text: string;
}

const KEY = /^(\s*)(-\s+)?(["']?)([A-Za-z0-9_./-]+)\3\s*:(?:\s|$)/;

function readLines(text: string): TemplateLine[] {
  return text.split('\n').map((raw) => {
    const text = raw.replace(/\r$/, '');
    const trimmed = text.trim();
    const indent = text.length - text.trimStart().length;
    if (trimmed === '' || trimmed.startsWith('#')) return { indent, keyCol: indent, dash: false, template: false, skip: true, text };
    if (trimmed.startsWith('{{')) return { indent, keyCol: indent, dash: false, template: true, skip: false, text };
    const m = KEY.exec(text);
    const dash = /^\s*-(\s|$)/.test(text);
    const keyCol = m ? m[1]!.length + (m[2]?.length ?? 0) : dash ? indent + 2 : indent;
    return { indent, keyCol, ...(m ? { key: m[4]! } : {}), dash, template: false, skip: false, text };
  });
}

/** The line of key `seg` directly inside the block that starts at `from` below a parent at column `parent`. */
function findKey(lines: readonly TemplateLine[], from: number, parent: number, seg: string): number | undefined {
  let childCol: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.skip || l.template) continue;
    // An item line opening the block (`- name: web`, its first key) belongs to it.
    const opensItem = i === from && l.dash && l.indent === parent;
    if (l.indent <= parent && !opensItem) return undefined;
    childCol ??= l.keyCol;
    if (l.keyCol === childCol && l.key === seg) return i;
  }
  return undefined;
}

/** The `index`-th `- ` item of the block below the line `at` (column `parent`), when the template writes it literally. */
function nthItem(lines: readonly TemplateLine[], at: number, parent: number, index: number): number | undefined {
  let itemCol: number | undefined;
  let seen = -1;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.skip) continue;
    // `{{- range }}` makes the items: their count is not in the template.
    if (l.template) {
      if (/\{\{-?\s*range\b/.test(l.text)) return undefined;
      continue;
    }
    if (l.indent <= parent && !(l.dash && l.indent === parent)) return undefined;
    if (!l.dash) continue;
    itemCol ??= l.indent;
    if (l.indent !== itemCol) continue;
    if (++seen === index) return i;
  }
  return undefined;
}

/** How far a rendered key path goes through the template's literal keys. */
function walk(lines: readonly TemplateLine[], keyPath: KeyPath): { line?: number; consumed: number } {
  let parent = -1;
  let from = 0;
  let line: number | undefined;
  let consumed = 0;
  for (const seg of keyPath) {
    if (typeof seg === 'number') {
      const item = line === undefined ? undefined : nthItem(lines, line, parent, seg);
      // A `range` or a sequence from values: stay at the parent key, later keys are searched in its block.
      if (item !== undefined) {
        line = item;
        parent = lines[item]!.indent;
        from = item;
      }
      consumed++;
      continue;
    }
    const at = findKey(lines, from, parent, seg);
    if (at === undefined) break;
    line = at;
    parent = lines[at]!.keyCol;
    from = at + 1;
    consumed++;
  }
  return { ...(line !== undefined ? { line } : {}), consumed };
}

const VALUES_REF = /\.Values((?:\.[A-Za-z_][\w-]*)+)/g;
const DOT_REF = /(?:\{\{-?|\|)\s*(?:toYaml|toJson|tpl|quote)?\s*\.(?=\s*[|}])/;
const BLOCK_OPEN = /\{\{-?\s*(if|with|range)\b([^}]*)\}\}/;
const BLOCK_END = /\{\{-?\s*end\b/;
const BLOCK_ELSE = /\{\{-?\s*else\b/;

const refsIn = (text: string): string[][] => [...text.matchAll(VALUES_REF)].map((m) => m[1]!.slice(1).split('.'));

/** The `.Values` paths of the unclosed `with`/`if` blocks around line `at`, innermost first. */
function guards(lines: readonly TemplateLine[], at: number, kinds: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (!text.includes('{{')) continue;
    // Several actions on one line: read them right to left.
    const actions = [...text.matchAll(/\{\{-?[^}]*\}\}/g)].map((m) => m[0]).reverse();
    for (const action of actions) {
      if (BLOCK_END.test(action)) depth++;
      else if (BLOCK_ELSE.test(action)) continue;
      else {
        const open = BLOCK_OPEN.exec(action);
        if (!open) continue;
        if (depth > 0) depth--;
        else if (kinds.has(open[1]!)) out.push(...refsIn(open[2]!));
      }
    }
  }
  return out;
}

/** The `.Values` paths that write the value of the key at line `at`: on its line, else in the `{{ }}` lines of its block. */
function valueRefs(lines: readonly TemplateLine[], at: number): string[][] {
  const line = lines[at]!;
  const own = line.text.slice(line.text.indexOf(':') + 1);
  const inline = refsIn(own);
  if (inline.length) return inline;
  if (DOT_REF.test(own)) return guards(lines, at, WITH).slice(0, 1);
  const out: string[][] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.skip) continue;
    // A literal line in the block: the template writes the value itself.
    if (!l.template) {
      if (l.indent <= line.keyCol) break;
      return [];
    }
    if (/\{\{-?\s*(if|else|end|with|range)\b/.test(l.text)) continue;
    const refs = refsIn(l.text);
    if (refs.length) out.push(...refs);
    else if (DOT_REF.test(l.text)) out.push(...guards(lines, i, WITH).slice(0, 1));
  }
  return out;
}

const WITH = new Set(['with']);
const WITH_OR_IF = new Set(['with', 'if']);

function scalarText(node: unknown): string | undefined {
  const value = node && typeof node === 'object' && 'value' in node ? (node as { value: unknown }).value : node;
  return isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

/**
 * Resolves rendered positions against the chart's sources: one per rendered
 * document (its `# Source:` template), asked for a key path of that document.
 */
export class ChartPositions {
  private readonly parsed = new Map<string, TemplateLine[]>();

  constructor(private readonly sources: ChartSources) {}

  /** Where the key at `keyPath` of the document rendered from `source` is written; `rendered` is its rendered node, undefined when the rendering lacks it. */
  locate(source: string | undefined, keyPath: KeyPath, rendered: unknown, present: boolean): ManifestPosition {
    const fallback = this.valuesFile(this.sources.dir)?.path ?? `${this.sources.dir === '.' ? '' : `${this.sources.dir}/`}Chart.yaml`;
    if (!source) return { path: fallback };
    const path = templatePath(this.sources.dir, source);
    const text = this.sources.templates.get(path);
    if (text === undefined) return { path: fallback };
    let lines = this.parsed.get(path);
    if (!lines) {
      lines = readLines(text);
      this.parsed.set(path, lines);
    }
    const { line, consumed } = walk(lines, keyPath);
    const chartDir = chartDirOf(path);
    const rest = keyPath.slice(consumed);
    if (!present) {
      // Written under a condition the values turned off, or not written at all.
      if (line !== undefined && consumed === keyPath.length) {
        const off = this.firstInValues(chartDir, guards(lines, line, WITH_OR_IF), []);
        return off ?? { path, line: line + 1 };
      }
      return { path };
    }
    if (line === undefined) return { path };
    const refs = valueRefs(lines, line);
    const inValues = refs.map((ref) => this.inValues(chartDir, ref, rest)).filter((p): p is ManifestPosition & { value?: string } => p !== undefined);
    if (inValues.length) {
      // `{{ .Values.image.repository }}:{{ .Values.image.tag | default "latest" }}`: the last reference that made the
      // rendered value (its value shows in it) or left it to a default of the template (set to "").
      const shown = scalarText(rendered);
      const matching = shown === undefined ? [] : inValues.filter((p) => p.value !== undefined && (p.value === '' || shown.includes(p.value)));
      const best = matching[matching.length - 1] ?? inValues[inValues.length - 1]!;
      return { path: best.path, line: best.line! };
    }
    return { path, line: line + 1 };
  }

  private valuesFile(chartDir: string): { path: string; yaml: YamlFile } | undefined {
    return this.sources.values.get(chartDir);
  }

  /** The values files that feed a chart directory, the outermost parent first (its `sub.x` overrides the subchart's `x`). */
  private valuesChain(chartDir: string): Array<{ file: { path: string; yaml: YamlFile }; prefix: string[] }> {
    const out: Array<{ file: { path: string; yaml: YamlFile }; prefix: string[] }> = [];
    let dir = chartDir;
    let prefix: string[] = [];
    for (let depth = 0; depth < 8; depth++) {
      const file = this.valuesFile(dir);
      if (file) out.unshift({ file, prefix });
      const parent = /^(.*)\/charts\/([^/]+)$/.exec(dir) ?? /^()charts\/([^/]+)$/.exec(dir);
      if (!parent) break;
      dir = parent[1] || '.';
      prefix = [parent[2]!, ...prefix];
    }
    return out;
  }

  private inValues(chartDir: string, ref: readonly string[], rest: KeyPath): (ManifestPosition & { value?: string }) | undefined {
    for (const { file, prefix } of this.valuesChain(chartDir)) {
      for (const doc of file.yaml.documents) {
        // Deeper first: a `toYaml .Values.containers` block locates `containers[0].image` inside values.yaml.
        const node = (rest.length ? present(doc, [...prefix, ...ref, ...rest]) : undefined) ?? present(doc, [...prefix, ...ref]);
        if (node !== undefined) {
          const value = scalarText(node);
          return { path: file.path, line: file.yaml.lineOf(node), ...(value !== undefined ? { value } : {}) };
        }
      }
    }
    return undefined;
  }

  private firstInValues(chartDir: string, refs: readonly string[][], rest: KeyPath): ManifestPosition | undefined {
    for (const ref of refs) {
      const found = this.inValues(chartDir, ref, rest);
      if (found) return { path: found.path, line: found.line! };
    }
    return undefined;
  }
}

function present(doc: Document.Parsed, keyPath: KeyPath): unknown {
  const node = nodeAt(doc, keyPath);
  if (node === undefined) return undefined;
  // nodeAt returns the document root for an empty path; a values file that is a map has no line for it.
  if (keyPath.length === 0 && !isMap(node) && !isSeq(node)) return undefined;
  return node;
}
