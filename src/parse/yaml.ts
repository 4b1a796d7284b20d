// The one YAML loader: every YAML file (config, compose, Kubernetes) goes
// through here so line numbers and error messages are consistent.

import { LineCounter, parseAllDocuments, isNode, isMap, isSeq, isScalar, isPair } from 'yaml';
import type { Document, Node, Pair } from 'yaml';

export interface YamlProblem {
  line: number;
  message: string;
}

export interface YamlFile {
  documents: Document.Parsed[];
  lineCounter: LineCounter;
  /** Syntax errors; when present the documents may be incomplete. */
  errors: YamlProblem[];
  /** 1-based line of a node (or its key), or of the document start. */
  lineOf(node: unknown): number;
  endLineOf(node: unknown): number;
}

export function parseYaml(text: string): YamlFile {
  const lineCounter = new LineCounter();
  // `merge: true` resolves `<<: *anchor` as docker compose does. `logLevel: 'error'`:
  // the parser must never print warnings into the audit's output (a Helm template that
  // parses reads `{{ .Values.x }}` as a map used as a key, which yaml warns about).
  const documents = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const docs = Array.isArray(documents) ? documents : [];
  const errors: YamlProblem[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) {
      errors.push({ line: lineCounter.linePos(err.pos[0]).line, message: firstLine(err.message) });
    }
  }
  const lineOf = (node: unknown): number => {
    const range = rangeOf(node);
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const endLineOf = (node: unknown): number => {
    const range = rangeOf(node);
    if (!range) return 1;
    // range[1] is the end of the value; step back so a trailing newline stays on its line.
    return lineCounter.linePos(Math.max(range[0], range[1] - 1)).line;
  };
  return { documents: docs, lineCounter, errors, lineOf, endLineOf };
}

function rangeOf(node: unknown): [number, number] | undefined {
  if (isPair(node)) {
    const key = (node as Pair).key;
    if (isNode(key) && key.range) return [key.range[0], rangeOf((node as Pair).value)?.[1] ?? key.range[1]];
    return rangeOf((node as Pair).value);
  }
  if (isNode(node) && (node as Node).range) {
    const r = (node as Node).range!;
    return [r[0], r[1]];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * The node at a key path inside a parsed document (`['services', 'web', 'image']`),
 * following numeric indexes into sequences. Returns the Pair for map keys so its
 * line is the key's line.
 */
export function nodeAt(doc: Document.Parsed, keyPath: ReadonlyArray<string | number>): unknown {
  let current: unknown = doc.contents;
  let found: unknown = current;
  for (const key of keyPath) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return undefined;
      found = pair;
      current = pair.value;
    } else if (isSeq(current) && typeof key === 'number') {
      current = current.items[key];
      found = current;
    } else {
      return undefined;
    }
  }
  return found;
}

export { isMap, isSeq, isScalar, isPair };
