import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ROLE_POLICY_DOC
} from "./chunk-3AKZ4ECQ.js";
import {
  checkAnchor
} from "./chunk-VNR4XD6K.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import {
  K8S_DEPLOYED_DOC
} from "./chunk-EBNBWHXV.js";
import {
  ASPNET_RESOLUTION_DOC,
  BUILDS_DOC,
  DEPLOYMENTS_DOC,
  IMAGE_FACTS_DOC,
  LARAVEL_SETTINGS_DOC,
  PHOENIX_SETTINGS_DOC,
  RAILS_SETTINGS_DOC,
  SETTINGS_RESOLUTION_DOC,
  SPRING_RESOLUTION_DOC
} from "./chunk-Q32V5B53.js";
import "./chunk-P7AGYOMS.js";
import {
  CATEGORIES
} from "./chunk-A77QEYQZ.js";
import {
  ROLE_RULES
} from "./chunk-ECORDGMP.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";

// src/model/docs.ts
var VOCABULARY = [
  ["placeholder", "empty, `changeme`, `changethis`, `CHANGE_THIS_TO_...`, `replace-me...`, `your-...-here`, `YOUR_API_KEY`, `<...>`, `{{ ... }}`, `[...]`, `xxx`, `***`, `example`, `dummy`, `fake`, `sample`, `todo`, `tbd`, `none`, `null`"],
  ["reference", "`${VAR}`, `$VAR`, `%(VAR)s`, Docker/Kubernetes secret files (`/run/secrets/...`), secret manager URIs (`vault:`, `op://`, `arn:aws:secretsmanager:`, `projects/*/secrets/`), encrypted values (dotenvx `encrypted:...`, SOPS `ENC[...]`, Ansible Vault)"],
  ["hash or identifier", "UUIDs, password hashes (Django `pbkdf2_sha256$...`, bcrypt `$2b$...`, argon2, scrypt, sha512-crypt), digests (`sha256:...`, npm `sha512-...` integrity); values under names that say so (`*_sha256`, `checksum`, `etag`, `integrity`)"],
  ["public key name", "publishable and site keys, analytics ingestion keys sent by browsers (PostHog, Segment/RudderStack write keys, Mixpanel, Amplitude), reCAPTCHA/Turnstile site keys, Sentry DSNs"],
  ["weak value", "shorter than 8 characters, dictionary defaults (`password`, `secret`, `admin`, `root`, `postgres`, `changeme`...) alone or with digits and punctuation (`passe123`, `admin2024!`), repeated or sequential runs (`123456`), `django-insecure-...`; every placeholder is also weak where it runs as written"],
  ["literal", "anything else: a credential"]
];
function renderRepositoryModelDocs() {
  const out = [
    "## How repository files are judged",
    "",
    "Every repository check reads the same model of the repository, computed once per audit: the role of each file, and one vocabulary of values.",
    "",
    "### File roles",
    "",
    "Each file gets one role, with the rule or evidence that gave it on every finding (`role.rule` in JSON and SARIF; `readiness-gate roles [PATH...]` prints it for any file). **Production is proven, not presumed**: a file is `production` only when evidence shows production reaches it, in this order:",
    "",
    "1. `repo.roles` in `.github/readiness.yml` (glob: role), which nothing overrides (rule `config:repo.roles`).",
    "2. **Direct evidence** (outweighs the folder rules below, never a file name made for development or tests): a compose file, manifest or chart that a documented command runs, applies, installs, downloads or copies into place (`docker compose [-f F] up`, `kubectl apply -f/-k`, `helm install`, `curl -o`/`wget -O`, `cp x compose.yml`), read from READMEs and docs, scripts, Makefiles, task files, package scripts and CI workflows, in the context it is written in: a section headed Deploy, Install, Production, Quick start, Self-host, Setup or Upgrade (or, in Chinese docs, \u90E8\u7F72, \u5B89\u88C5, \u751F\u4EA7, \u4E0A\u7EBF), a Makefile target or script named for deploying or installing, a deploy/release workflow give production; a section, intro sentence, target or file for development, contributors or tests give that role to files nothing else decides; sections that say nothing and release notes give nothing (rules `evidence:compose`, `evidence:kubectl`, `evidence:helm`, `evidence:download`, `evidence:copy`). A Dockerfile built by a production compose deployment or by a CI job, Makefile target or script that publishes (push, registry login, deploy) (`evidence:built-by`); a CI build that publishes nothing gives `tooling`. Env files a production deployment loads (`evidence:env-file`, `evidence:compose-env`); a repository file one of its services bind-mounts, or a folder it mounts as a datastore's `/docker-entrypoint-initdb.d` init scripts (`evidence:mounted`, outweighing any folder rule: what production runs at start is production); a compose file an install page writes out in a code block is judged as a production deployment while the page keeps its own role (`evidence:written-compose`, see Compose deployments); settings modules production names (`evidence:settings-module`).",
    "3. The path table below (it never gives production).",
    "4. Content of deployment files: a header comment that says development or tests, a development server, a framework development runtime (Laravel Sail, DDEV), a compose file that builds `Dockerfile.dev` or whose services load a development env file (`env_file: .env.dev`, `content:dev-env-file`), an env file that sets `APP_ENV`/`NODE_ENV`/... to development or test, a loopback-only stack of backing services, unrendered template tags; and a compose or env file that sets its framework environment to production (`content:production-environment`), or a compose file that obtains public TLS certificates for its domain (the nginx-proxy ACME companion, certbot, a Traefik ACME resolver, `LETSENCRYPT_HOST`: `content:public-tls`). Of code, one fact: a Go file whose build constraint requires a test tag in every alternative (`//go:build e2etest`) is compiled into test builds only (`content:go-test-build-tag`).",
    "5. **Contained evidence**, for files still undecided: copied into a production image (COPY/ADD sources against the build context, minus `.dockerignore`; `evidence:copied-into-image`), or inside the application source its manifests declare (Rails `app/ config/ lib/ db/`, Laravel folders, Maven `src/main`, Go module `.go` files, Python packages beside `pyproject.toml`/`setup.py`/`manage.py`, `package.json` entry points and `src/`; `evidence:application-source`), unless the repository deploys nothing at all (no file is production by the steps above) and its README opens by presenting it as a sample, demo or reference application: then its source stays unknown, and so does a runnable module of a multi-module Maven/Gradle build no image is made from when its siblings name an image plugin (docker-maven-plugin, Jib); a .NET test project's folder (`Foo.Tests.csproj`) is test source, whatever manifest sits further up, and so are the compose files and Dockerfiles in it (`evidence:test-project`). A CI workflow that deploys to a cluster it creates itself (kind, minikube, k3d) is a test of the deployment, not a production deploy step. A key, certificate, dump or database file, or a Dockerfile with a name of its own (`Dockerfile.multistage`), still undecided takes the role of its users when every file that names it (looked for under the folder two levels up and at the root) is a test, development, example, docs, tooling or template file: a suite's key material (`evidence:used-by-test`, `evidence:used-by-development`...).",
    "6. Otherwise **`unknown`**: nothing shows production reaches the file. Deployment findings on it are capped at P1 (SEVERITY.md); a credential by format (a private key, a provider token) stays P0.",
    "",
    "A rule's scope says where its folder may stand: `any-depth`, or `project` (at the repository root or beside a project manifest only: `local/`, `sandbox/`, `playground/`, `demo/` and `docs/` also name features inside source trees). The JSON report counts, per rule, the findings it set aside (`repository.setAside`).",
    "",
    "| id | role | scope | a deploy step outweighs it | path rule | why |",
    "| --- | --- | --- | --- | --- | --- |",
    ...ROLE_RULES.map((r) => `| ${r.id} | ${r.role} | ${r.scope} | ${r.yieldsToEvidence ? "yes" : "no"} | \`${r.path.source.replace(/\|/g, "\\|")}\` | ${r.why} |`),
    "",
    "### Image facts",
    "",
    "What the checks and the model know about well-known images, in one table (parse/image-facts.ts): the backing service an image runs, the datastore whose options the checks read, whether a password committed beside it protects a store (compose.inline-secret's internal-network P1), and whether the image declares its own HEALTHCHECK (compose.healthcheck). An image the table does not name is judged as any image is: not a backing service, no HEALTHCHECK known. `ops.backup` and `ops.stateful-services` keep a wider list of database engines (MSSQL, Oracle, CockroachDB, etcd...) for what they look for.",
    "",
    IMAGE_FACTS_DOC,
    "",
    "### Severity by role",
    "",
    "One policy, applied by the engine to every repository finding that points at a file. Checks marked *deployment* (the default) judge production files at full severity, development files at most P2, and nothing else; when every finding of a check is in a file it does not judge, the check passes and says what it left out. Checks marked *repository-wide* (CI, lockfiles, backups, monitoring) are about the repository as a whole. The secret scanner and the env-template checks choose by role themselves:",
    "",
    ROLE_POLICY_DOC,
    "",
    DEPLOYMENTS_DOC,
    "",
    BUILDS_DOC,
    "",
    "### Django settings",
    "",
    SETTINGS_RESOLUTION_DOC,
    "",
    "### Laravel, Rails and Phoenix settings",
    "",
    "Read as each framework loads them for production (`src/model/frameworks/`), with what was assumed said in the finding:",
    "",
    LARAVEL_SETTINGS_DOC,
    RAILS_SETTINGS_DOC,
    PHOENIX_SETTINGS_DOC,
    "",
    "### Spring Boot configuration",
    "",
    SPRING_RESOLUTION_DOC,
    "",
    "### ASP.NET Core configuration",
    "",
    ASPNET_RESOLUTION_DOC,
    "",
    "### Kubernetes as deployed",
    "",
    K8S_DEPLOYED_DOC,
    "",
    "### One finding per cause",
    "",
    "When a specific check (`env.committed-file`, `compose.inline-secret`, `docker.secrets-in-image`, `k8s.committed-secret`, `spring.committed-secret`, `aspnet.committed-secret`) and the generic `secrets.hardcoded` find the same value at the same place (the same file, for a committed env file), only the specific finding is kept, and it names the other.",
    "",
    "### Values",
    "",
    "Every check that judges a value asks the same predicates (`src/model/values.ts`):",
    "",
    "| kind | what it covers |",
    "| --- | --- |",
    ...VOCABULARY.map(([kind, what]) => `| ${kind} | ${what} |`),
    ""
  ];
  return out.join("\n");
}

// src/report/catalog.ts
var ROLE_POLICY_NAMES = {
  deployment: "deployment (production at full severity, development at most P2, other roles not judged)",
  own: "chosen by the check (see its severity note)",
  any: "repository-wide (the file is only where to look)"
};
function renderCatalogText(catalog) {
  const width = Math.max(...catalog.map((c) => c.id.length), 10);
  const lines = catalog.map((c) => `${c.id.padEnd(width)}  ${c.severity}  ${c.kind.padEnd(4)}  ${c.category.padEnd(13)}  ${c.title}`);
  return [`${"id".padEnd(width)}  sev kind  category       title`, ...lines, "", `${catalog.length} checks`].join("\n") + "\n";
}
function renderCatalogMarkdown(catalog) {
  const out = [
    "# Checks",
    "",
    "<!-- Generated from the check modules by `npm run docs`; do not edit by hand. -->",
    "",
    `readiness-gate runs ${catalog.length} checks: ${catalog.filter((c) => c.kind === "live").length} live probes of a running app and ${catalog.filter((c) => c.kind === "repo").length} repository inspections.`,
    "Severity: **P0** blocks the release (NO-GO), **P1** should be fixed before release, **P2** is worth fixing.",
    "Override a severity with `severity:` in `.github/readiness.yml`, or waive a finding with `waivers:`.",
    "*How to fix* below covers every stack at once; in a report, each finding's fix is written for what the check saw (the language or format of the file, the key, image, service or settings style, the framework the responses name).",
    "",
    "| id | category | severity | kind | what fails |",
    "|---|---|---|---|---|"
  ];
  for (const c of catalog) out.push(`| [\`${c.id}\`](#${checkAnchor(c.id)}) | ${c.category} | ${c.severity} | ${c.kind} | ${cell(c.docs.summary)} |`);
  out.push("", renderRepositoryModelDocs());
  for (const category of CATEGORIES) {
    const inCategory = catalog.filter((c) => c.category === category);
    if (!inCategory.length) continue;
    out.push(`## ${category[0].toUpperCase()}${category.slice(1)}`, "");
    for (const c of inCategory) {
      out.push(`### ${c.id}`, "", `**${c.title}** \xB7 ${c.severity} \xB7 ${c.kind}`, "", c.docs.summary, "");
      if (c.docs.severityNote) out.push(`*Severity:* ${c.docs.severityNote}`, "");
      if (c.kind === "repo") out.push(`*File roles:* ${ROLE_POLICY_NAMES[c.roles ?? "deployment"]}${c.productionOnly ? "; *production only*: on a file whose role is unknown, one level down (P0 to P1, P1 to P2)" : ""}`, "");
      out.push(`*Why it matters:* ${c.docs.why}`, "", `*How to fix:* ${c.docs.fix}`, "");
      if (c.docs.traffic) out.push(`*Traffic:* ${c.docs.traffic}`, "");
      for (const snippet of c.docs.snippets ?? []) {
        out.push(`${snippet.stack}:`, "", "```", snippet.code.trimEnd(), "```", "");
      }
    }
  }
  return out.join("\n");
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
export {
  renderCatalogMarkdown,
  renderCatalogText
};
