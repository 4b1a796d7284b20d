import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  BUILDS_DOC,
  ROLE_POLICY_DOC
} from "./chunk-XO34UVJU.js";
import {
  checkAnchor
} from "./chunk-M6JAG3LF.js";
import {
  DEPLOYMENTS_DOC,
  K8S_DEPLOYED_DOC,
  SETTINGS_RESOLUTION_DOC
} from "./chunk-C2OKZWLU.js";
import "./chunk-7XXRKAQC.js";
import {
  ROLE_RULES
} from "./chunk-C4QXHSQT.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-K6HXOV2S.js";
import {
  CATEGORIES
} from "./chunk-WIDV6RBC.js";
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
    "Each file gets one role, with the reason shown on every finding (`role` in JSON, and `--verbose`). The first rule that matches decides; a file no rule matches is `production`, unless its content says otherwise (a compose file or Dockerfile whose first comment lines say it is for development or tests, one that runs a development server such as `manage.py runserver`, `--reload` or `npm run dev`, one that builds the application as a `:dev` image, a compose file that builds nothing and publishes only on loopback, or any of them with unrendered template tags; a Dockerfile built on a developer-environment image such as `mcr.microsoft.com/devcontainers/*`, Cloud Workstations or Gitpod workspace images). A production name (`prod`, `staging`, `deploy`) is overruled by such a header. A Kubernetes manifest that `kubectl apply -f` (or `-k`) names in a README, docs page, script, Makefile or CI workflow is production even in a folder the table calls tooling (`extras/`): a documented quickstart deploys it. An example compose file the docs copy into place (`curl -o compose.yml .../compose.example.yml`, `cp docker-compose.sample.yml docker-compose.yml`) is production too; `cp .env.example .env` leaves the env template an example. A compose service that runs only in development, test or retired profiles (`profiles: [debug]`) takes that role. Override with `repo.roles` in `.github/readiness.yml` (glob: role).",
    "",
    "| role | rule | why |",
    "| --- | --- | --- |",
    ...ROLE_RULES.map((r) => `| ${r.role} | \`${r.path.source.replace(/\|/g, "\\|")}\` | ${r.why} |`),
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
    "### Kubernetes as deployed",
    "",
    K8S_DEPLOYED_DOC,
    "",
    "### One finding per cause",
    "",
    "When a specific check (`env.committed-file`, `compose.inline-secret`, `docker.secrets-in-image`, `k8s.committed-secret`) and the generic `secrets.hardcoded` find the same value at the same place (the same file, for a committed env file), only the specific finding is kept, and it names the other.",
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
      if (c.kind === "repo") out.push(`*File roles:* ${ROLE_POLICY_NAMES[c.roles ?? "deployment"]}`, "");
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
