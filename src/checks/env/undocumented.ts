import type { FindingInput, RepoCheckContext, RepoCheck } from '../../engine/types.js';
import { envUsageScanner } from '../scanners.js';
import { fileFormat, type FileFormat } from '../../repo/classify.js';
import { isSecretEnvKey, loadTemplates, variablesRead, type VariableRead } from './common.js';

function readKind(read: VariableRead): string {
  if (read.required) return ' (required: it fails when unset)';
  return read.alwaysDefaulted ? ' (with a default in code)' : ' (optional: read as empty when unset)';
}

// An optional read's default, in the language or format of the file that reads it (the other half of the fix).
const DEFAULT_IN: Partial<Record<FileFormat, (name: string) => string>> = {
  python: (name) => `\`os.environ.get("${name}", "<safe default>")\``,
  js: (name) => `\`process.env.${name} ?? '<safe default>'\``,
  ruby: (name) => `\`ENV.fetch("${name}", "<safe default>")\``,
  go: (name) => `a fallback when \`os.Getenv("${name}")\` is empty`,
  java: (name) => `\`\${${name}:<safe default>}\` in Spring properties`,
  php: (name) => `\`env('${name}', '<safe default>')\``,
  compose: (name) => `\`\${${name}:-<safe default>}\``,
};

/** The fix for one undocumented read: its line in the template, and (for an optional one) a default where it is read. */
export function undocumentedFix(read: VariableRead, template: string): string {
  const line = `Add \`${read.name}=\` to ${template} with a placeholder and a comment saying what it is for and where its value comes from`;
  const fallback = DEFAULT_IN[fileFormat(read.path)];
  // A secret has no safe default (secrets.weak-default reports one): only the template line.
  return read.required || !fallback || isSecretEnvKey(read.name) ? `${line}.` : `${line}, or give it a safe default where it is read (${read.path}:${read.line}): ${fallback(read.name)}.`;
}

export const envUndocumented: RepoCheck = {
  id: 'env.undocumented',
  title: 'Every variable the code reads is in a template',
  category: 'deployment',
  // SEVERITY.md lists no documentation gap above P2, and no reviewer has ranked one higher: of 20 required-variable
  // findings judged at P1 on the corpus and round 12, none was true at P1 (all P2 or no problem).
  severity: 'P2',
  kind: 'repo',
  scansEveryFile: [envUsageScanner],
  // Reads env templates (example files) on purpose; test files are left out by env/common.ts.
  roles: 'own',
  docs: {
    summary:
      'Fails once per environment variable read by the code or compose files (see env.template for the forms recognised) that no env template defines or mentions in a comment (`# SENTRY_DSN=`), at the first place it is required (else where it is first read). Names built at run time are not variables.',
    why: 'An undocumented variable is discovered in production when the code reads `undefined` or `None`: a crash at start-up or, worse, a feature silently disabled.',
    fix: 'Add the variable to the env template with a placeholder and a comment saying what it is for, or give it a safe default in code.',
    severityNote:
      "P2 (SEVERITY.md: hygiene). A documentation gap is found at the first deploy, where the operator sees the crash or the missing feature; it exposes nothing. The message says whether the code requires the variable: a read that fails when it is unset (`os.environ[\"X\"]`, django-environ `env(\"X\")` or python-decouple `config(\"X\")` without a default, Ruby `ENV.fetch(\"X\")`, compose `${X:?err}`), asserted (TypeScript `process.env.X!`) or followed by a raise/throw when it is missing (`if not X: raise ImproperlyConfigured`), and not guarded by a presence test (`if \"X\" in os.environ`, Ruby `ENV.key?(\"X\")`); or optional: with a default (`os.getenv(\"X\", \"d\")`, `process.env.X ?? \"d\"`, `${X:-d}`) or read as empty (`os.environ.get(\"X\")`, `process.env.X`, compose `${X}`). Names built at run time (`\"PREFIX_\" + field`, a name ending in `_`) are not variables and are not reported. A required variable a documentation page names (a whole word in a file whose role is docs) says so: the operator is told about it, only the template lags. A template that dotenv cannot read fully (a line that is not KEY=VALUE, an unclosed quote) is reported here, once, as an `error` at that line.",
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
    const inDocs = await documentedInDocs(ctx, new Set(missing.filter((r) => r.required).map((r) => r.name)));
    for (const read of missing) {
      const page = inDocs.get(read.name);
      findings.push({
        status: 'fail',
        message: `${read.name} is read at ${read.path}:${read.line}${readKind(read)} but is in no env template (${where})${page ? `; the documentation describes it (${page})` : ''}.`,
        location: { path: read.path, line: read.line },
        remediation: undocumentedFix(read, `\`${templates[0]!.path}\``),
      });
    }
    if (missing.length === 0) findings.push({ status: 'pass', message: `All ${reads.length} variable(s) read are documented in ${where}.` });
    return findings;
  },
};

/** Documentation pages read at most, and bytes per page: enough for a project's deployment guide. */
const MAX_DOC_PAGES = 2000;

/**
 * Required variables a documentation page names (the self-hosting guide's
 * table of settings): the operator is told about them, only the template
 * lags. Whole-word matches in files whose role is docs.
 */
async function documentedInDocs(ctx: RepoCheckContext, names: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (names.size === 0) return found;
  const pages = ctx.files.files.filter((f) => /\.(md|mdx|markdown|rst|adoc|txt)$/i.test(f.path) && ctx.model.roles.is(f.path, 'docs')).slice(0, MAX_DOC_PAGES);
  for (const page of pages) {
    const text = await ctx.files.read(page.path);
    if (!text) continue;
    for (const name of names) {
      if (found.has(name)) continue;
      let at = text.indexOf(name);
      while (at >= 0) {
        const before = text[at - 1];
        const after = text[at + name.length];
        if (!(before && /\w/.test(before)) && !(after && /\w/.test(after))) {
          found.set(name, page.path);
          break;
        }
        at = text.indexOf(name, at + name.length);
      }
    }
    if (found.size === names.size) break;
  }
  return found;
}
