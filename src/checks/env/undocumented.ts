import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { loadTemplates, variablesRead, type VariableRead } from './common.js';

function readKind(read: VariableRead): string {
  if (read.required) return ' (required: it fails when unset)';
  return read.alwaysDefaulted ? ' (with a default in code)' : ' (optional: read as empty when unset)';
}

export const envUndocumented: RepoCheck = {
  id: 'env.undocumented',
  title: 'Every variable the code reads is in a template',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  // Reads env templates (example files) on purpose; test files are left out by env/common.ts.
  roles: 'own',
  docs: {
    summary:
      'Fails once per environment variable read by the code or compose files (see env.template for the forms recognised) that no env template defines or mentions in a comment (`# SENTRY_DSN=`), at the first place it is required (else where it is first read). Names built at run time are not variables.',
    why: 'An undocumented variable is discovered in production when the code reads `undefined` or `None`: a crash at start-up or, worse, a feature silently disabled.',
    fix: 'Add the variable to the env template with a placeholder and a comment saying what it is for, or give it a safe default in code.',
    severityNote:
      'P1 only for a variable the code requires: a read that fails when it is unset (`os.environ["X"]`, django-environ `env("X")` or python-decouple `config("X")` without a default, Ruby `ENV.fetch("X")`, compose `${X:?err}`), asserted (TypeScript `process.env.X!`) or followed by a raise/throw when it is missing (`if not X: raise ImproperlyConfigured`). Optional reads are P2: those with a default (`os.getenv("X", "d")`, `process.env.X ?? "d"`, `${X:-d}`) and those that yield an empty value the code copes with (`os.environ.get("X")`, `os.getenv("X")`, `process.env.X`, compose `${X}`, a subscript guarded by `if "X" in os.environ`). Names built at run time (`"PREFIX_" + field`, a name ending in `_`) are not variables and are not reported. A template that dotenv cannot read fully (a line that is not KEY=VALUE, an unclosed quote) is reported here, once, as an `error` at that line.',
  },
  async run(ctx) {
    const [reads, templates] = await Promise.all([variablesRead(ctx), loadTemplates(ctx)]);
    const findings: FindingInput[] = [];
    for (const t of templates) {
      const problem = t.env.problems[0];
      if (problem) findings.push({ status: 'error', message: `${t.path}: ${problem.message}.`, location: { path: t.path, line: problem.line } });
    }
    if (templates.length === 0) return [{ status: 'skip', message: 'No env template in the repository (see env.template).' }];
    if (reads.length === 0) return [...findings, { status: 'skip', message: 'No environment variable is read by the code or compose files.' }];
    const documented = new Set<string>();
    for (const t of templates) {
      for (const key of t.env.keys) documented.add(key);
      for (const key of t.commentedKeys) documented.add(key);
    }
    const missing = reads.filter((r) => !documented.has(r.name)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    const where = templates.map((t) => t.path).join(', ');
    for (const read of missing) {
      findings.push({
        status: 'fail',
        severity: read.required ? 'P1' : 'P2',
        message: `${read.name} is read at ${read.path}:${read.line}${readKind(read)} but is in no env template (${where}).`,
        location: { path: read.path, line: read.line },
      });
    }
    if (missing.length === 0) findings.push({ status: 'pass', message: `All ${reads.length} variable(s) read are documented in ${where}.` });
    return findings;
  },
};
