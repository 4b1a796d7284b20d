// The repository's own secret-scanner decisions, honoured as its maintainers
// wrote them: a team that runs gitleaks or detect-secrets has already judged
// its sample keys and fixtures, and a second tool that reports them again is
// noise they learn to ignore. Read once per audit, applied by secrets.hardcoded,
// and every suppression is counted in the report (`repository.setAside`).
//
// - gitleaks (`.gitleaks.toml` at the root, or `.github/.gitleaks.toml`): the
//   global `[allowlist]` and the `[[allowlists]]` tables (paths, regexes,
//   stopwords; `regexTarget` secret, match or line; `condition` OR or AND).
//   Rule-scoped allowlists (`[[rules.allowlist]]`, `targetRules`) name
//   gitleaks' rule ids, which are not ours: they are not applied, and the
//   finding's message does not pretend they were.
// - `.gitleaksignore`: fingerprints `[commit:]file:rule-id:line`; matched by
//   file and line (the rule ids differ between the tools).
// - detect-secrets `.secrets.baseline`: results audited as false positives
//   (`is_secret: false`), matched by the SHA-1 of the value (`hashed_secret`)
//   in that file.
// Inline markers (`gitleaks:allow`, `pragma: allowlist secret`) are honoured by
// the scanner itself (checks/secrets/rules.ts).
//
// A configuration that does not parse is said in the finding and applied as
// far as it was read, never silently dropped.

import { createHash } from 'node:crypto';
import { parse as parseToml } from 'smol-toml';
import type { FileSet } from '../repo/fileset.js';
import { isPlainObject } from '../parse/compose.js';

export interface SecretCandidate {
  path: string;
  line: number;
  /** The matched value; only hashed or tested here, never kept. */
  value: string;
  /** The line it stands on. */
  lineText: string;
}

export interface ScannerConfigProblem {
  file: string;
  problem: string;
}

export interface SecretScannerDecisions {
  /** The configuration files read, for messages. */
  files: readonly string[];
  problems: readonly ScannerConfigProblem[];
  /** The configuration (`gitleaks:.gitleaks.toml`, `gitleaksignore:.gitleaksignore`, `detect-secrets:.secrets.baseline`) that accepts this value, if any. */
  accepts(candidate: SecretCandidate): string | undefined;
}

interface GitleaksAllowlist {
  paths: RegExp[];
  regexes: RegExp[];
  stopwords: string[];
  target: 'secret' | 'match' | 'line';
  and: boolean;
}

const GITLEAKS_FILES = ['.gitleaks.toml', '.github/.gitleaks.toml'];
const GITLEAKSIGNORE = '.gitleaksignore';
const BASELINE = '.secrets.baseline';

export const NO_SCANNER_DECISIONS: SecretScannerDecisions = { files: [], problems: [], accepts: () => undefined };

export async function readSecretScannerDecisions(files: Pick<FileSet, 'has' | 'read'>): Promise<SecretScannerDecisions> {
  const problems: ScannerConfigProblem[] = [];
  const read: string[] = [];
  const allowlists: { file: string; list: GitleaksAllowlist }[] = [];
  for (const file of GITLEAKS_FILES) {
    if (!files.has(file)) continue;
    const text = await files.read(file);
    if (text === undefined) {
      problems.push({ file, problem: 'could not be read' });
      continue;
    }
    read.push(file);
    for (const list of gitleaksAllowlists(text, (problem) => problems.push({ file, problem }))) allowlists.push({ file, list });
  }
  const ignored = new Set<string>();
  if (files.has(GITLEAKSIGNORE)) {
    const text = await files.read(GITLEAKSIGNORE);
    if (text === undefined) problems.push({ file: GITLEAKSIGNORE, problem: 'could not be read' });
    else {
      read.push(GITLEAKSIGNORE);
      for (const key of gitleaksIgnoreKeys(text)) ignored.add(key);
    }
  }
  const baseline = new Map<string, Set<string>>();
  if (files.has(BASELINE)) {
    const text = await files.read(BASELINE);
    if (text === undefined) problems.push({ file: BASELINE, problem: 'could not be read' });
    else {
      read.push(BASELINE);
      for (const [path, hashes] of baselineFalsePositives(text, (problem) => problems.push({ file: BASELINE, problem }))) baseline.set(path, hashes);
    }
  }
  if (!read.length && !problems.length) return NO_SCANNER_DECISIONS;
  return {
    files: read,
    problems,
    accepts(c) {
      for (const { file, list } of allowlists) if (allowlistAccepts(list, c)) return `gitleaks:${file}`;
      if (ignored.has(`${c.path}:${c.line}`)) return `gitleaksignore:${GITLEAKSIGNORE}`;
      if (baseline.get(c.path)?.has(sha1(c.value))) return `detect-secrets:${BASELINE}`;
      return undefined;
    },
  };
}

/** The global allowlists of a gitleaks configuration (`[allowlist]` and `[[allowlists]]` without `targetRules`). */
export function gitleaksAllowlists(text: string, problem: (message: string) => void): GitleaksAllowlist[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    problem(`does not parse as TOML (${firstLine(err)}): its allowlist is not applied`);
    return [];
  }
  const tables: unknown[] = [];
  if (isPlainObject(doc.allowlist)) tables.push(doc.allowlist);
  if (Array.isArray(doc.allowlists)) tables.push(...doc.allowlists);
  const out: GitleaksAllowlist[] = [];
  for (const table of tables) {
    if (!isPlainObject(table)) continue;
    // Rule-scoped: names gitleaks' rule ids, not ours.
    if (Array.isArray(table.targetRules) && table.targetRules.length) continue;
    const target = table.regexTarget === 'match' || table.regexTarget === 'line' ? table.regexTarget : 'secret';
    out.push({
      paths: regexes(table.paths, problem),
      regexes: regexes(table.regexes, problem),
      stopwords: strings(table.stopwords).map((w) => w.toLowerCase()),
      target,
      and: String(table.condition ?? '').toUpperCase() === 'AND',
    });
  }
  return out;
}

function allowlistAccepts(list: GitleaksAllowlist, c: SecretCandidate): boolean {
  const tests: boolean[] = [];
  if (list.paths.length) tests.push(list.paths.some((r) => r.test(c.path)));
  if (list.regexes.length) {
    const subject = list.target === 'line' ? c.lineText : c.value;
    tests.push(list.regexes.some((r) => r.test(subject)));
  }
  if (list.stopwords.length) {
    const value = c.value.toLowerCase();
    tests.push(list.stopwords.some((w) => value.includes(w)));
  }
  if (!tests.length) return false;
  return list.and ? tests.every(Boolean) : tests.some(Boolean);
}

/** `.gitleaksignore` fingerprints as `file:line` keys (`[commit:]file:rule-id:line`; `#` comments). */
export function gitleaksIgnoreKeys(text: string): string[] {
  const keys: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(':');
    if (parts.length < 3) continue;
    const lineNo = parts.at(-1)!;
    if (!/^\d+$/.test(lineNo)) continue;
    // `commit:file:rule:line` when the first part is a commit id, else `file:rule:line`; file names may hold colons.
    const fileParts = /^[0-9a-f]{7,40}$/.test(parts[0]!) && parts.length >= 4 ? parts.slice(1, -2) : parts.slice(0, -2);
    keys.push(`${fileParts.join(':')}:${lineNo}`);
  }
  return keys;
}

/** detect-secrets baseline results audited as false positives: path -> SHA-1 hex of the values. */
export function baselineFalsePositives(text: string, problem: (message: string) => void): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    problem(`does not parse as JSON (${firstLine(err)}): its audited false positives are not applied`);
    return out;
  }
  const results = isPlainObject(doc) ? doc.results : undefined;
  if (!isPlainObject(results)) return out;
  for (const [path, entries] of Object.entries(results)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!isPlainObject(entry) || entry.is_secret !== false || typeof entry.hashed_secret !== 'string') continue;
      const set = out.get(path) ?? new Set<string>();
      set.add(entry.hashed_secret.toLowerCase());
      out.set(path, set);
    }
  }
  return out;
}

/**
 * gitleaks writes Go (RE2) expressions: a leading `(?i)` becomes the `i` flag;
 * an expression JavaScript cannot compile is said, not dropped silently.
 */
function regexes(value: unknown, problem: (message: string) => void): RegExp[] {
  const out: RegExp[] = [];
  for (const source of strings(value)) {
    const insensitive = source.startsWith('(?i)');
    try {
      out.push(new RegExp(insensitive ? source.slice(4) : source, insensitive ? 'i' : ''));
    } catch {
      problem(`the expression ${JSON.stringify(source.slice(0, 60))} is not one JavaScript can read: it is not applied`);
    }
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function sha1(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 120);
}
