import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import type { SecretScannerDecisions } from '../../model/secret-scanners.js';
import { isCredentialByFormat, isGeneratedSecret, urlCredentials } from '../../model/values.js';
import { redactValue } from '../../core/redact.js';
import { isBinary } from '../../repo/fileset.js';
import type { RoleInfo } from '../../model/roles.js';
import { testSectionOf } from '../../model/test-sections.js';
import { outsideProd } from '../../model/frameworks/phoenix.js';
import { appsettingsOutsideProduction } from '../../model/frameworks/aspnet.js';
import { localCertificateFor } from './local-certificate.js';
import { serviceOfHost } from '../../model/k8s-network.js';

// The URLs written on a line (`ACCOUNTS_DB_URI: postgresql://user:pw@accounts-db:5432/db`), each read by urlCredentials.
const URL_ON_LINE = /[a-z][\w+.-]*:\/\/[^\s"'`]+/gi;
import { fileFormat, isQuotedLiteralSource, isYamlFile, sourceLanguage, type FileFormat } from '../../repo/classify.js';
import { mapLimited } from '../../repo/limit.js';
import { CHECKSUMMED_RULES, GENERIC_ENTROPY_THRESHOLD, GENERIC_RULE_ID, isScannedForSecrets, MAX_HITS_PER_RULE, type SecretHit } from './rules.js';
import { secretScanner } from '../scanners.js';

/**
 * How a rule's hits are judged in test, docs, example, template and tooling
 * files. Tokens with a vendor's own prefix (ghp_, xoxb-, sk_live_, AIza,
 * npm_, glpat-, sk-proj-) are live credentials wherever they are committed,
 * so they stay P0 (unlisted rules). The rules that guess from a name, an
 * entropy or a format anyone can produce are not judged there: the private
 * keys and JWTs of test suites sign only test data, URL passwords in CI
 * workflows reach throwaway databases. A private key or a bare AWS key id is
 * still worth a look (P2).
 */
const OUTSIDE_DEPLOYED_FILES: Record<string, 'P2' | 'not judged'> = {
  [GENERIC_RULE_ID]: 'not judged',
  'aws-secret-access-key': 'not judged',
  jwt: 'not judged',
  'url-credentials': 'not judged',
  'private-key': 'P2',
  'private-key-json': 'P2',
  'aws-access-key-id': 'P2',
};

/**
 * A hit's severity by the role of its file: every rule is P0 in production
 * files; in development files the guessing rules are P2 (the developer's local
 * database password); elsewhere they follow OUTSIDE_DEPLOYED_FILES, and
 * vendor-prefixed tokens stay P0. A hit its rule calls minor is at most P2.
 */
const CONFIG_FILE = /\.(ya?ml|ini|conf|cfg|toml|properties|env)$|(^|\/)\.env[\w.-]*$/i;
// The sections of a layered configuration that production does not load (Rails `config/secrets.yml`,
// `database.yml`, Spring profiles files keyed by environment).
const NON_PRODUCTION_SECTION = /^(development|dev|test|testing|local|ci|e2e)\s*:\s*(&\w+)?\s*$/i;

/**
 * Why a guessed value on this line is not in effect in production: the line
 * is commented out, or it sits under a top-level `development:`/`test:`
 * section of a YAML file. Undefined when it may be.
 */
export function inactiveLine(path: string, lines: readonly string[], line: number): string | undefined {
  const own = lines[line - 1] ?? '';
  if (isQuotedLiteralSource(path)) {
    // In code, a comment or a docstring shows how a value looks (`postgres://user:pass@host/db` in a function's
    // documentation); the code runs with what its statements say.
    if (/^\s*(#|\/\/|\/?\*|--|%|;)/.test(own)) return 'the line is a comment: documentation, not what the code runs with';
    if (sourceLanguage(path) === 'python' && insideDocstring(lines, line)) return 'the line is in a docstring: documentation, not what the code runs with';
    return undefined;
  }
  if (/^\s*[#;]/.test(own)) return 'the line is commented out: the value is not in effect';
  if (!/\.ya?ml$/i.test(path)) return undefined;
  for (let i = line - 1; i >= 0 && line - i < 2000; i--) {
    const text = lines[i]!;
    if (!/^[^\s#-]/.test(text)) continue;
    const section = NON_PRODUCTION_SECTION.exec(text.trim());
    return section ? `it is under the \`${section[1]}:\` section, which production does not load` : undefined;
  }
  return undefined;
}

const DOCSTRING_LINES = 20_000;
const docstringStates = new WeakMap<readonly string[], boolean[]>();

/**
 * Whether a line of a Python file is inside a triple-quoted string: an odd number of `"""`/`'''` before it (the
 * first 20,000 lines counted). One pass per file, however many hits it has.
 */
function insideDocstring(lines: readonly string[], line: number): boolean {
  let states = docstringStates.get(lines);
  if (!states) {
    states = [false];
    let open: string | undefined;
    for (let i = 0; i < lines.length && i < DOCSTRING_LINES; i++) {
      for (const m of lines[i]!.matchAll(/"""|'''/g)) {
        if (open === undefined) open = m[0];
        else if (open === m[0]) open = undefined;
      }
      states.push(open !== undefined);
    }
    docstringStates.set(lines, states);
  }
  return states[Math.min(line - 1, states.length - 1)]!;
}

const SCAN_REPORT_FIXTURE = /(^|\/)(scans?|scan[-_]?results?|scanner[-_]?reports?)\//i;

/** Role rules of files made to be copied into the real configuration: an env template, a `config.sample.php`. */
const COPIED_TEMPLATE_RULES = new Set(['env-template', 'example-name']);
/** A template named for development or tests (`.env.dev.example`) sets up a local stack, not production. */
const FOR_DEVELOPMENT = /(^|[/._-])(dev|development|local|test|testing|ci|e2e)([._-][^/]*)?$/i;

export function judgeHit(hit: SecretHit, role: RoleInfo, path = ''): { severity: 'P0' | 'P1' | 'P2' | 'not judged'; why?: string } {
  const guess = OUTSIDE_DEPLOYED_FILES[hit.rule];
  // A generated random value in an env template or an example is a credential like a provider's format: whoever
  // copies the template runs with it (SEVERITY.md: a generated random token committed anywhere). Claper's
  // .env.sample SECRET_KEY_BASE, round 12. Made-up values (a comment saying so) were lowered above by the scanner.
  const generatedInExample = role.role === 'example' && COPIED_TEMPLATE_RULES.has(role.rule ?? '') && !FOR_DEVELOPMENT.test(path) && guess === 'not judged' && isGeneratedSecret(hit.value) && !hit.minor && !hit.declaredFake;
  if (generatedInExample) return { severity: 'P0' };
  if (role.role !== 'production' && role.role !== 'development' && role.role !== 'unknown' && guess === 'not judged') return { severity: 'not judged' };
  if (hit.minor) return { severity: 'P2', why: hit.minor };
  // A value its code declares made up (a comment beside it, the name it is given, the file's opening comment):
  // worth a look, not a block (SEVERITY.md: values a test or fixture shows to be fake).
  if (hit.declaredFake) return { severity: 'P2', why: 'the code declares the value made up (a comment beside it, its name or the file header)' };
  // Nothing shows production reaches the file: a credential by format (a provider's token, a private key) is
  // P0 wherever it is committed; a value only a guessing rule found is at most P1 (SEVERITY.md).
  // A generated random value is a credential like a provider's format, wherever it is committed (SEVERITY.md).
  if (role.role === 'unknown') return guess === 'not judged' && !isGeneratedSecret(hit.value) ? { severity: 'P1', why: `${role.reason}; nothing shows production uses this value` } : { severity: 'P0' };
  // A test fixture that is another tool's scan report (`unittests/scans/<scanner>/report.json`, a security tool's
  // parser tests): the credentials in it are what that scanner found in someone else's project, kept as input.
  if (role.role === 'test' && SCAN_REPORT_FIXTURE.test(path)) return { severity: 'P2', why: `${role.reason}; a scanner's report kept as a parser fixture: what it holds was found in another project` };
  // In a test file, a provider token whose format carries no checksum cannot be told from one made up for the
  // test (a redactor's or a scanner's test vectors); GitHub and npm tokens that reach here passed theirs.
  if (role.role === 'test' && guess === undefined && !CHECKSUMMED_RULES.has(hit.rule)) {
    return { severity: 'P1', why: `${role.reason}; a ${hit.description} has no checksum to tell a live one from a test vector: make sure it is not live` };
  }
  if (role.role === 'production' || guess === undefined) return { severity: 'P0' };
  if (role.role === 'development') return { severity: 'P2', why: `${role.reason}: a development file; make sure it reaches only a local service` };
  const why = hit.rule === 'private-key' || hit.rule === 'private-key-json' ? 'make sure the key was generated for it and signs nothing real' : 'an access key id alone grants nothing';
  return { severity: 'P2', why: `a ${role.role} file (${role.reason}); ${why}` };
}

export const secretsHardcoded: RepoCheck = {
  id: 'secrets.hardcoded',
  title: 'No credentials in the repository',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  roles: 'own',
  scansEveryFile: [secretScanner],
  docs: {
    summary:
      `Fails for each credential found in a text file of the repository, naming the rule: AWS access key ids (AKIA/ASIA…) and secret access keys (40 characters next to an aws/secret-access-key name), private key blocks with a body, GitHub (ghp_/gho_/ghs_/ghu_/ghr_, github_pat_), GitLab (glpat-), Slack (xox?-), Stripe live (sk_live_/rk_live_), npm (npm_), OpenAI (sk-…T3BlbkFJ…, sk-proj-), Google (AIza) tokens, signed JWTs, passwords in URLs (postgres://user:pass@host) and values of secret-named keys with Shannon entropy ≥ ${GENERIC_ENTROPY_THRESHOLD} bits/char (16+ characters with letters and digits; quoted literals only in code files).`,
    why: 'A credential in git is leaked to everyone who can read the repository, its forks and clones, forever in history; bots harvest public ones within minutes.',
    fix: 'Revoke and rotate the credential first, then remove it from the code (read it from the environment or a secret manager) and, if needed, from history (git filter-repo).',
    severityNote:
      'By file role (see "File roles" above): in production files every rule is P0; in development files the guessing rules (entropy, URL password, JWT, AWS secret key by name, private key) are P2; in test, docs, example, template and tooling files vendor-prefixed tokens (ghp_, xox?-, sk_live_, AIza, npm_, glpat-, OpenAI) stay P0 (in a test file, including a Rust `#[cfg(test)]` module and pytest\'s own section of setup.cfg, tox.ini, pytest.ini or pyproject.toml, P1 for the formats with no checksum to tell a live token from a test vector, and P2 where its line or the two lines above say the value is made up: fake, dummy, not real, randomly generated, or where the file is another scanner\'s report kept as a parser fixture under a `scans/` folder; GitHub and npm tokens whose CRC32 checksum fails are made up and set aside, `secrets-filter:checksum-mismatch`), a private key or a bare AWS key id is P2 and the guessing rules are not judged. A URL password for a loopback host (127.0.0.1, localhost) is P2, and so is a private key whose certificate (found by its public key, in the same file or a certificate file beside it) is issued only for local names (localhost, loopback and private addresses, reserved test/example/local domains, single-label host names), a value whose line, the two lines above or the comment block right above them say it is made up, guards nothing or is given away on purpose (`not a secret`, `demo purpose`, `we intentionally expose this key`, in any file), a generated value in a file of no known role that the repository\'s test files commit too (a test key), and a Google key named for Maps (meant for web pages once restricted by HTTP referrer); a chosen (not generated) URL password in a Kubernetes manifest for a datastore Service only the cluster network reaches (ClusterIP, no external IPs, no Ingress, Route or Gateway route) is P1. A value of an Elixir config script that the prod configuration replaces (config.exs\'s `secret_key_base` when runtime.exs reads SECRET_KEY_BASE for prod), or of a config script MIX_ENV=prod does not load (`config/hex.exs`; model/frameworks/phoenix.ts), or of an ASP.NET Core `appsettings.{Environment}.json` of an environment production does not run in (model/frameworks/aspnet.ts), is P2 for the guessing rules and a private key, as in a development file. A PEM block needs key material between BEGIN and END (a commented placeholder, a form hint or a truncated sample is set aside, `secrets-filter:no-key-material`); a value in a form field\'s `placeholder` is a hint (`form-placeholder`); a URL password, JWT or entropy value on a code comment line or in a Python docstring is documentation (P2); a JWT whose claims expired (also one level down, as in an introspection response) or whose issuer or audience is a reserved example domain is a sample (P2). Not findings: UUIDs, password hashes (pbkdf2, bcrypt, argon2, scrypt), digests, public-by-design keys (publishable, site keys, analytics write keys such as PostHog or Segment), documented example values (containing EXAMPLE/sample/fake/dummy/token/secret/xxxx or runs like 0000000, such as AWS\'s AKIAIOSFODNN7EXAMPLE; jwt.io\'s sample token; the sample tokens Slack, Stripe and GitHub print in their own documentation; a value assigned to a name that says example, sample or placeholder; a hand-typed run such as a1b2c3d4 in a value only the generic rule found), values with a deploy-time variable inside (`base64:${SERVICE_KEY}`), placeholders (`${VAR}`, `<…>`, `CHANGE_ME`), documentation passwords in URLs (`user:pass@`, `foo:bar@`, a user equal to the password, hosts under example.com/.test/.invalid), Stripe test keys, lockfiles/minified/map files, and lines marked `readiness-gate:allow-secret`, `gitleaks:allow` or `pragma: allowlist secret` (for test fixtures). The repository\'s own scanner decisions are honoured: the global allowlists of `.gitleaks.toml` (paths, regexes with `regexTarget`, stopwords, `condition`; rule-scoped ones name gitleaks\' rule ids and are not applied), `.gitleaksignore` fingerprints (by file and line) and detect-secrets `.secrets.baseline` results audited as false positives (`is_secret: false`). Every value a named filter or one of those configurations set aside is counted in the JSON report\'s `repository.setAside` (`secrets-filter:<name>`, `gitleaks:.gitleaks.toml`...). Measured on the 10,146 text files (65 MB) of this project\'s own node_modules: 4 hits (a PEM block and a generated password in READMEs, a URL password in a test), about 1 s of CPU.',
  },
  // One finding per cause: the env, compose, Dockerfile and Kubernetes secret
  // checks name the key and the file kind; this generic scanner yields to them.
  async run(ctx) {
    const paths = ctx.files.files.filter((f) => isScannedForSecrets(f.path)).map((f) => f.path);
    // With worker threads the scans run there while this loop reads on: more files in flight keep them busy.
    const perFile = await mapLimited(paths, ctx.parsed.scanConcurrency, async (path) => ({
      path,
      scan: (await ctx.parsed.scan(secretScanner, path)) ?? { hits: [], filtered: {} },
    }));
    const decisions = ctx.model.secretScanners;
    const findings: FindingInput[] = [];
    let notJudged = 0;
    // A literal of config/config.exs that runtime.exs replaces for prod (`secret_key_base`), or of a config script
    // prod does not load (`config/hex.exs`), is a development value.
    const devOnly = perFile.some((f) => f.scan.hits.length && /\.exs$/.test(f.path)) ? outsideProd(await ctx.model.phoenix()) : new Map<string, string>();
    // So is a value of an `appsettings.{Environment}.json` of an environment production does not run in.
    if (perFile.some((f) => f.scan.hits.length && /(^|\/)appsettings\.[^./]+\.json$/i.test(f.path))) {
      for (const [path, why] of appsettingsOutsideProduction(await ctx.model.aspnet(), ctx.files)) devOnly.set(path, why);
    }
    const internalStoreOf = async (hit: SecretHit, line: string | undefined): Promise<string | undefined> => {
      if (line === undefined || isGeneratedSecret(hit.value) || isCredentialByFormat(hit.value)) return undefined;
      const host = (line.match(URL_ON_LINE) ?? []).map(urlCredentials).find((c) => c?.password === hit.value)?.host;
      if (!host) return undefined;
      const store = (await ctx.model.internalDatastores()).get(serviceOfHost(host));
      return store && `it opens \`${store.service}\` (${store.image}), a ClusterIP Service of ${store.path} that no Ingress or route exposes: reachable only on the cluster network, and the value is a chosen password, not a generated one`;
    };
    // Generated-looking values the repository's tests commit (`config/test.exs`, a test settings module): the same
    // value in a file of no known role (a Makefile's local run targets, a helper script) is that test key.
    const testValues = await valuesCommittedByTests(ctx, perFile);
    for (const { path, scan } of perFile) {
      for (const [filter, count] of Object.entries(scan.filtered)) ctx.setAside?.(`secrets-filter:${filter}`, count);
      const role = ctx.model.roles.of(path);
      // Files with hits: read once more for the name each value is assigned to (the fix names it), in config
      // files for where each line stands (a comment, an environment section), and for an allowlisted line.
      const text = scan.hits.length ? await ctx.files.read(path) : undefined;
      const allLines = text?.split('\n');
      const hits = decisions.files.length ? scan.hits.filter((hit) => !acceptedByRepository(decisions, ctx, path, hit, allLines)) : scan.hits;
      // A copied template's commented-out example (`# SECRET_KEY_BASE: '…'` under "Examples:") is not what a copy runs with.
      const lines = (CONFIG_FILE.test(path) || isQuotedLiteralSource(path) || COPIED_TEMPLATE_RULES.has(role.rule ?? '')) && hits.some((h) => OUTSIDE_DEPLOYED_FILES[h.rule] === 'not judged') ? allLines : undefined;
      const section = allLines && hits.length ? testSectionOf(path, allLines) : undefined;
      for (const hit of hits) {
        const judgedAs = section && hit.line >= section.from && (section.to === undefined || hit.line <= section.to) ? section.role : role;
        const judged = judgeHit(hit, judgedAs, path);
        const inactive = lines && (judged.severity === 'P0' || judged.severity === 'P1') && OUTSIDE_DEPLOYED_FILES[hit.rule] === 'not judged' ? inactiveLine(path, lines, hit.line) : undefined;
        const replaced = devOnly.get(`${path}:${hit.line}`) ?? devOnly.get(path);
        // A config script or settings file production does not load is a development file for the rules that
        // weigh by role there too: the guessing rules and a private key (`config/hex.exs` of a local test server).
        const lowered = inactive ?? (replaced && (judged.severity === 'P0' || judged.severity === 'P1') && OUTSIDE_DEPLOYED_FILES[hit.rule] !== undefined ? replaced : undefined);
        // The key of a certificate for local names only (a dev proxy's localhost key) guards nothing public.
        const local = !lowered && hit.rule === 'private-key' && allLines && (judged.severity === 'P0' || judged.severity === 'P1') ? await localCertificateFor(ctx.files, path, allLines, hit.line) : undefined;
        // A human-chosen URL password of a datastore only the cluster network reaches (SEVERITY.md: P1).
        const internal = !lowered && !local && judged.severity === 'P0' && hit.rule === 'url-credentials' && isYamlFile(path) ? await internalStoreOf(hit, allLines?.[hit.line - 1]) : undefined;
        const sharedWithTests = !lowered && !local && !internal && judged.severity === 'P0' && judgedAs.role !== 'production' && OUTSIDE_DEPLOYED_FILES[hit.rule] === 'not judged' ? testValues.get(hit.value) : undefined;
        const shared = sharedWithTests && !sharedWithTests.startsWith(`${path}:`) ? `${judgedAs.reason}; the repository's tests commit the same value (${sharedWithTests}): a test key, not a deployment's` : undefined;
        const verdict = lowered ? { severity: 'P2' as const, why: lowered } : local ? { severity: 'P2' as const, why: local } : internal ? { severity: 'P1' as const, why: internal } : shared ? { severity: 'P2' as const, why: shared } : judged;
        if (verdict.severity === 'not judged') {
          notJudged++;
          // The file's role rule hid the value: counted against that rule, like every role rule's set-asides.
          if (judgedAs.rule) ctx.setAside?.(judgedAs.rule);
          continue;
        }
        const finding = findingFor(path, hit, allLines?.[hit.line - 1]);
        if (verdict.severity === 'P2' || verdict.severity === 'P1') {
          finding.severity = verdict.severity;
          finding.message += ` ${verdict.severity}: ${verdict.why}.`;
        }
        findings.push(finding);
      }
    }
    // Files over repo.max-file-bytes were never read: scan their first part, and say that only it was scanned.
    const oversized = ctx.files.notRead((p) => isScannedForSecrets(p)).filter((f) => f.unread === 'oversized');
    const partly: string[] = [];
    for (const { path } of oversized) {
      const head = await ctx.files.readHead(path, ctx.config.repo.maxFileBytes);
      if (!head || isBinary(head)) continue;
      partly.push(path);
      const role = ctx.model.roles.of(path);
      const scan = secretScanner.run(head.toString('utf8'), path);
      for (const [filter, count] of Object.entries(scan.filtered)) ctx.setAside?.(`secrets-filter:${filter}`, count);
      for (const hit of scan.hits.filter((h) => !acceptedByRepository(decisions, ctx, path, h, undefined))) {
        const verdict = judgeHit(hit, role, path);
        if (verdict.severity === 'not judged') continue;
        const finding = findingFor(path, hit, head.toString('utf8').split('\n')[hit.line - 1]);
        finding.message += ` (Only the first ${ctx.config.repo.maxFileBytes} bytes of this file were scanned: it is over repo.max-file-bytes.)`;
        if (verdict.severity === 'P2' || verdict.severity === 'P1') finding.severity = verdict.severity;
        findings.push(finding);
      }
    }
    const problems = decisions.problems.map((p) => ` ${p.file} ${p.problem}.`).join('');
    if (problems) for (const f of findings) f.message += problems;
    if (findings.length === 0) {
      if (partly.length) {
        return [{ status: 'pass', message: `No credential found in ${paths.length} file(s), nor in the first ${ctx.config.repo.maxFileBytes} bytes of ${partly.length} larger one(s) (${partly.slice(0, 3).join(', ')}${partly.length > 3 ? ', …' : ''}), which were not scanned further.` }];
      }
      const note = notJudged ? ` (${notJudged} value(s) in test, docs, example, template or tooling files matched only a guessing rule (entropy, URL password, JWT, name): there, only provider-specific credentials are judged)` : '';
      return [{ status: 'pass', message: `No credential found in ${paths.length} file(s)${note}.${problems}` }];
    }
    return findings;
  },
};

/** Test files read at most when looking for a value they share with a file of no known role. */
const MAX_TEST_FILES_READ = 2000;

/**
 * Where the repository's test files commit each generated value that only a guessing rule found in a file of no
 * known role (`key: "aHD8…"` in `config/test.exs` beside the same value in a Makefile's local run
 * targets): read only when there are such values, each test file once, a substring search per value.
 */
async function valuesCommittedByTests(ctx: RepoCheckContext, perFile: ReadonlyArray<{ path: string; scan: { hits: SecretHit[] } }>): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const { path, scan } of perFile) {
    // Only the values that would block: a generated one in a file of no known role (a development file's are P2 already).
    if (ctx.model.roles.of(path).role !== 'unknown') continue;
    for (const hit of scan.hits) if (OUTSIDE_DEPLOYED_FILES[hit.rule] === 'not judged' && isGeneratedSecret(hit.value)) wanted.add(hit.value);
  }
  const out = new Map<string, string>();
  if (!wanted.size) return out;
  const tests = ctx.files.files.filter((f) => ctx.model.roles.of(f.path).role === 'test').slice(0, MAX_TEST_FILES_READ);
  for (const { path } of tests) {
    const text = await ctx.files.read(path);
    if (!text) continue;
    for (const value of wanted) {
      const at = text.indexOf(value);
      if (at >= 0 && !out.has(value)) out.set(value, `${path}:${text.slice(0, at).split('\n').length}`);
    }
    if (out.size === wanted.size) break;
  }
  return out;
}

/** The repository's own scanner configuration accepts this value (model/secret-scanners.ts): counted, not reported. */
function acceptedByRepository(decisions: SecretScannerDecisions, ctx: RepoCheckContext, path: string, hit: SecretHit, lines: readonly string[] | undefined): boolean {
  const by = decisions.accepts({ path, line: hit.line, value: hit.value, lineText: lines?.[hit.line - 1] ?? '' });
  if (by) ctx.setAside?.(by);
  return by !== undefined;
}

function findingFor(path: string, hit: SecretHit, line: string | undefined): FindingInput {
  return {
    status: 'fail',
    message: `${hit.description} (rule ${hit.rule}) at ${path}:${hit.line}: ${redactValue(hit.value)}.${hit.more ? ` The rule matches more often in this file; only the first ${MAX_HITS_PER_RULE} are listed.` : ''}`,
    remediation: fixFor(path, assignedName(line, hit)),
    location: { path, line: hit.line },
  };
}

/**
 * The name the value is assigned to on its line (`SECRET_KEY = "…"`, `apiKey: '…'`, `"password": "…"`,
 * `PASSWORD=…`), else a variable named after the rule (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`).
 */
export function assignedName(line: string | undefined, hit: Pick<SecretHit, 'rule' | 'value'>): string {
  const at = line?.indexOf(hit.value) ?? -1;
  const before = at > 0 ? line!.slice(Math.max(0, at - 200), at) : '';
  const name = /([A-Za-z_][\w.-]*)["']?\s*(?:=|:|=>|:=)\s*(?:[bru]?["'`]|[A-Za-z][\w+.-]*:\/\/)?[^"'`=:]*$/.exec(before)?.[1];
  return name ?? (RULE_VARIABLE[hit.rule] ?? hit.rule.replace(/[^A-Za-z0-9]+/g, '_')).toUpperCase();
}

const RULE_VARIABLE: Record<string, string> = { 'url-credentials': 'DATABASE_URL', 'private-key': 'PRIVATE_KEY', 'private-key-json': 'PRIVATE_KEY', jwt: 'API_TOKEN', [GENERIC_RULE_ID]: 'SECRET' };

/** `secretKey`, `db.password` → `SECRET_KEY`, `DB_PASSWORD`: the environment variable to read instead. */
export function environmentName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

const ROTATE = 'Revoke and rotate the credential first: it stays in the history of every clone.';

// The fix for the kind of file the credential was seen in (docs.fix says it for every kind at once): how that
// language or format reads the value from the environment or a secret store instead, naming what was seen.
const FIX: Record<FileFormat, (name: string, path: string) => string> = {
  python: (name) => `${ROTATE} Then read it from the environment: \`${name} = os.environ["${environmentName(name)}"]\` (a KeyError at start-up when it is not set), set by the deployment or a secret manager.`,
  js: (name) => {
    const variable = environmentName(name);
    return `${ROTATE} Then read it from the environment and fail at start-up without it: \`const value = process.env.${variable}; if (!value) throw new Error('${variable} is required');\`.`;
  },
  ruby: (name) => `${ROTATE} Then read it from the environment: \`ENV.fetch("${environmentName(name)}")\` (KeyError when it is not set), or from Rails credentials (\`Rails.application.credentials\`).`,
  java: (name) => `${ROTATE} Then read it from the environment: \`\${${environmentName(name)}}\` in Spring/Quarkus properties, or \`System.getenv("${environmentName(name)}")\` with a check that it is set.`,
  go: (name) => `${ROTATE} Then read it from the environment: \`v, ok := os.LookupEnv("${environmentName(name)}")\` and exit at start-up when \`!ok\`.`,
  php: (name) => `${ROTATE} Then read it from the environment: \`getenv('${environmentName(name)}')\` (Laravel: \`env('${environmentName(name)}')\` in a config file), set by the deployment, not committed.`,
  compose: (name) => `${ROTATE} Then reference a variable in the compose file: \`${name}: \${${environmentName(name)}:?set ${environmentName(name)}}\`, set from an untracked \`.env\` or the deployment's environment, or use compose \`secrets:\` with a \`${environmentName(name)}_FILE\` variable.`,
  dockerfile: (name) => `${ROTATE} Then keep it out of the image: remove it from the Dockerfile and pass \`${environmentName(name)}\` at run time (\`docker run -e\`, compose \`environment:\`), or at build time with \`RUN --mount=type=secret,id=${environmentName(name).toLowerCase()}\`.`,
  env: (name, path) => `${ROTATE} Then untrack the file (\`git rm --cached ${path}\`, list it in \`.gitignore\`) and keep \`${environmentName(name)}=\` with an empty or placeholder value in a committed template such as \`.env.example\`.`,
  key: (_, path) => `${ROTATE} Issue a new key, then delete \`${path}\` from the repository (\`git rm\`, and \`git filter-repo\` for its history), list it in \`.gitignore\`, and mount the key at run time from a secret store (a Kubernetes or compose secret, the CI's secret files).`,
  yaml: (name, path) => `${ROTATE} Then leave the value out of \`${path}\`: have the loader expand it from the environment (\`${name}: \${${environmentName(name)}}\` in Spring, Quarkus or a compose-style loader; \`<%= ENV.fetch("${environmentName(name)}") %>\` in Rails YAML), or template the file at deploy time from a secret store.`,
  json: (name, path) => `${ROTATE} Then remove \`"${name}"\` from \`${path}\` (JSON cannot read the environment) and supply it where the file is loaded: from \`${environmentName(name)}\` in the environment (node-config: map it in \`config/custom-environment-variables.json\`) or a secret store.`,
  config: (name, path) => `${ROTATE} Then leave the value out of \`${path}\`: read \`${environmentName(name)}\` from the environment where the file is loaded (\`\${${environmentName(name)}}\` placeholders in .properties/.toml loaders that expand them), or write the file at deploy time from a secret store.`,
  other: (name, path) => `${ROTATE} Then remove it from \`${path}\` and read \`${environmentName(name)}\` from the environment or a secret manager instead; if needed, purge it from history (git filter-repo).`,
};

/** The fix for a credential seen in `path`, assigned to `name`. */
export function fixFor(path: string, name: string): string {
  return FIX[fileFormat(path)](name, path);
}
