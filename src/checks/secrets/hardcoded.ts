import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { redactValue } from '../../engine/redact.js';
import { baseName } from '../../repo/fileset.js';
import { sourceLanguage } from '../../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../../repo/limit.js';
import { GENERIC_ENTROPY_THRESHOLD, GENERIC_RULE_ID, scanForSecrets, type SecretHit } from './rules.js';

// Generated files full of hashes, never hand-written credentials (gitleaks' default path allowlist does the same).
const SKIPPED_NAMES = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|Cargo\.lock|composer\.lock|Gemfile\.lock|go\.sum|go\.work\.sum|packages\.lock\.json|gradle\.lockfile)$/;
const SKIPPED_EXTENSIONS = /\.(min\.js|min\.css|map|svg|lock|snap)$/i;

export function isScannedForSecrets(path: string): boolean {
  const name = baseName(path);
  return !SKIPPED_NAMES.test(name) && !SKIPPED_EXTENSIONS.test(name);
}

export const secretsHardcoded: RepoCheck = {
  id: 'secrets.hardcoded',
  title: 'No credentials in the repository',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  roles: 'own',
  docs: {
    summary:
      `Fails for each credential found in a text file of the repository, naming the rule: AWS access key ids (AKIA/ASIA…) and secret access keys (40 characters next to an aws/secret-access-key name), private key blocks with a body, GitHub (ghp_/gho_/ghs_/ghu_/ghr_, github_pat_), GitLab (glpat-), Slack (xox?-), Stripe live (sk_live_/rk_live_), npm (npm_), OpenAI (sk-…T3BlbkFJ…, sk-proj-), Google (AIza) tokens, signed JWTs, passwords in URLs (postgres://user:pass@host) and values of secret-named keys with Shannon entropy ≥ ${GENERIC_ENTROPY_THRESHOLD} bits/char (16+ characters with letters and digits; quoted literals only in code files).`,
    why: 'A credential in git is leaked to everyone who can read the repository, its forks and clones, forever in history; bots harvest public ones within minutes.',
    fix: 'Revoke and rotate the credential first, then remove it from the code (read it from the environment or a secret manager) and, if needed, from history (git filter-repo).',
    severityNote:
      'Not findings: documented example values (containing EXAMPLE/sample/fake/dummy/token/secret/xxxx or runs like 0000000, such as AWS\'s AKIAIOSFODNN7EXAMPLE; jwt.io\'s sample token), placeholders (`${VAR}`, `<…>`, `CHANGE_ME`), documentation passwords in URLs (`user:pass@`, `foo:bar@`, a user equal to the password, hosts under example.com/.test/.invalid), Stripe test keys, lockfiles/minified/map files, and lines marked `readiness-gate:allow-secret`, `gitleaks:allow` or `pragma: allowlist secret` (for test fixtures). Measured on the 10,146 text files (65 MB) of this project\'s own node_modules: 4 hits (a PEM block and a generated password in READMEs, a URL password in a test), about 1 s of CPU.',
  },
  // One finding per cause: the env, compose, Dockerfile and Kubernetes secret
  // checks name the key and the file kind; this generic scanner yields to them.
  async run(ctx) {
    const paths = ctx.files.files.filter((f) => isScannedForSecrets(f.path)).map((f) => f.path);
    const perFile = await mapLimited(paths, READ_CONCURRENCY, async (path) => ({
      path,
      hits: (await ctx.parsed.memo('secrets', path, (text) => scanForSecrets(text, { code: sourceLanguage(path) !== undefined }))) ?? [],
    }));
    const findings: FindingInput[] = [];
    let notJudged = 0;
    for (const { path, hits } of perFile) {
      for (const hit of hits) {
        // The generic entropy rule guesses; in tests, docs, examples and
        // templates its guesses are fake tokens and sample keys. A
        // provider-specific credential is leaked wherever it is committed.
        if (hit.rule === GENERIC_RULE_ID && !ctx.model.roles.isDeployed(path)) {
          notJudged++;
          continue;
        }
        findings.push(findingFor(path, hit));
      }
    }
    if (findings.length === 0) {
      const note = notJudged ? ` (${notJudged} high-entropy value(s) under secret-like names in test, docs, example or template files are not judged: only provider-specific credentials are, there)` : '';
      return [{ status: 'pass', message: `No credential found in ${paths.length} file(s)${note}.` }];
    }
    return findings;
  },
};

function findingFor(path: string, hit: SecretHit): FindingInput {
  return {
    status: 'fail',
    message: `${hit.description} (rule ${hit.rule}) at ${path}:${hit.line}: ${redactValue(hit.value)}.`,
    location: { path, line: hit.line },
  };
}
