import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/model/role-rules.ts
var FILE_ROLES = ["production", "development", "test", "docs", "example", "template", "tooling"];
var DIR = (names) => new RegExp(`(^|/)(${names})/`, "i");
var UNDERSCORED_DIR = (names) => new RegExp(`(^|/)_?(${names})/`, "i");
var ROLE_RULES = [
  // Templates first: a cookiecutter tree or a Helm chart is not what runs, whatever its folder names say.
  { role: "template", path: /(^|\/)[^/]*\{\{[^/]*\}\}[^/]*\//, why: "inside a cookiecutter/Jinja template directory ({{ ... }} in its name)" },
  { role: "template", path: /\{\{[^/]*\}\}/, why: "a cookiecutter/Jinja template file ({{ ... }} in its name)" },
  { role: "template", path: /(^|\/)(charts?|helm)\/([^/]+\/)*templates\//i, why: "a Helm chart template (rendered at deploy time)" },
  // Env templates are examples of an env file, not render-time templates.
  { role: "example", path: /(^|\/)\.env(\.[\w-]+)*\.(example|sample|template|tpl|tmpl|dist|defaults)$|(^|\/)[\w.-]*\.env\.(example|sample|template|tpl|dist)$|(^|\/)env\.(example|sample|template)$/i, why: "an env template (documented stand-in values)" },
  { role: "template", path: /\.(j2|jinja2?|tmpl|tpl|mustache|hbs|ejs|template)$/i, why: "a template file (rendered before use)" },
  // Tests and their data: credentials and settings there are the test's, not the application's.
  // A leading underscore (`_integration-test/`, `_tests/`) only sorts the folder first.
  { role: "test", path: UNDERSCORED_DIR("__tests__|__mocks__|__stubs__|__fixtures__|__snapshots__|tests?|specs?|spec_helpers?|testing|testdata|test[-_]data|test[-_]?utils|test[-_]?helpers|fixtures?|cassettes|vcr[-_]?cassettes|factories|e2e|e2e[-_]tests?|integration[-_]tests?|unit[-_]tests?|test[-_]?env(ironment)?s?|cypress|playwright|mocks?|stubs|benchmarks?"), why: "in a test, fixture or mock directory" },
  { role: "test", path: /(^|\/)[^/]*smoke[-_]?tests?[^/]*$|(^|\/)smoke[-_]?tests?\//i, why: "a smoke-test file or directory (by its name)" },
  { role: "test", path: /(^|\/)(conftest\.py|test_[^/]*\.py|[^/]*_tests?\.py|[^/]*_test\.go|[^/]*_spec\.rb|[^/]*\.(test|spec|e2e|cy|stories)\.[cm]?[jt]sx?|pytest\.ini|tox\.ini|jest\.config\.[cm]?[jt]s|vitest\.config\.[cm]?[jt]s|playwright\.config\.[cm]?[jt]s)$/i, why: "a test file by its name" },
  { role: "test", path: /(^|\/)(docker-)?compose[.-]([\w-]*[.-])?(test|tests|testing|ci|e2e|integration|cypress|playwright)([.-][\w-]+)*\.ya?ml$/i, why: "a compose file for tests or CI (by its name)" },
  { role: "test", path: /(^|\/)(Dockerfile|Containerfile)[.-](test|tests|testing|e2e|playwright|cypress|selenium|integration)$|(^|\/)(test|tests|e2e|playwright|cypress)\.(Dockerfile|Containerfile)$/i, why: "a test-runner Dockerfile (by its name)" },
  { role: "test", path: /(^|\/)settings\/(test|tests|testing|ci)\.py$|(^|\/)(settings|config)[_.-](test|tests|testing|ci)\.py$/i, why: "test settings (by its name)" },
  { role: "test", path: /(^|\/)\.env\.(test|testing|ci|e2e)$/i, why: "an env file for tests (by its name)" },
  // A Maven/Gradle main source set: the folders below are package names (`org/springframework/samples/petclinic`), not conventions.
  { role: "production", path: /(^|\/)src\/main\/(java|kotlin|scala|groovy|resources)\//, why: "the main source set of a Maven/Gradle project" },
  // Documentation: what it shows is an illustration.
  { role: "docs", path: DIR("docs?|documentation|doc[-_]src|website|site[-_]docs|man|wiki|handbook|guides?|api[-_]?docs?|apidocs"), why: "in a documentation directory" },
  { role: "docs", path: /\.(md|mdx|markdown|rst|adoc|asciidoc|rdoc|org|ipynb)$/i, why: "a documentation file (by its extension)" },
  { role: "docs", path: /(^|\/)(README|CHANGELOG|CHANGES|HISTORY|CONTRIBUTING|SECURITY|UPGRADING|MIGRATION|NEWS|AUTHORS)(\.(md|markdown|rst|txt|adoc|org))?$/i, why: "a README or project document" },
  // Examples and samples: documented stand-ins, committed on purpose.
  { role: "example", path: DIR("examples?|samples?|demos?|sample[-_]apps?|quickstarts?|starters?|boilerplates?|playground|showcase"), why: "in an examples/samples directory" },
  { role: "example", path: /(^|\/)(seeds?|seed[-_]?data|seeders?)\/|(^|\/)[^/]*seed[^/]*\.(sql|json|ya?ml|csv)$/i, why: "database seed data (demo rows loaded into a new database)" },
  { role: "example", path: /(^|\/)[^/]*[.-](example|sample|dist)(\.[\w-]+)?$|(^|\/)(example|sample)[.-][^/]+$/i, why: "an example/sample file (by its name)" },
  // Production names win over development folders: `deploy/local-prod.yml` is a production deployment.
  { role: "production", path: /(^|[/._-])(prod|production|staging|stage|deploy(ment)?)([/._-]|$)/i, why: "named for production/staging/deployment" },
  // Development only: editor containers, local overrides, dev servers.
  { role: "development", path: /(^|\/)\.[\w-]*(devcontainer|dev[-_]?container|worktree[-_]container|codespaces?|gitpod)[\w-]*\//i, why: "a development container definition" },
  { role: "development", path: DIR("\\.vscode|\\.idea|\\.fleet|dev|devel|development|local|hack|sandbox|scratch|contrib/dev"), why: "in a development-only directory" },
  { role: "development", path: /(^|\/)(docker-)?compose\.override\.ya?ml$/i, why: "compose.override.yml (merged automatically by `docker compose up`, the development convention)" },
  { role: "development", path: /(^|\/)(docker-)?compose[.-]([\w-]*[.-])?(dev|devel|development|local|debug|override|hotreload|watch)([.-][\w-]+)*\.ya?ml$/i, why: "a development compose file (by its name)" },
  { role: "development", path: /(^|\/)[^/]*\.(local|dev|development|debug)\.ya?ml$/i, why: "a local/dev override file (by its name)" },
  { role: "development", path: /(^|\/)(Dockerfile|Containerfile)[.-](dev|devel|development|local|debug|hotreload|watch)$|(^|\/)(dev|local|debug)\.(Dockerfile|Containerfile)$/i, why: "a development Dockerfile (by its name)" },
  { role: "development", path: /(^|\/)settings\/(dev|devel|development|local|debug)\w*\.py$|(^|\/)(settings|config)[_.-](dev|devel|development|local|debug)\.py$/i, why: "development settings (by its name)" },
  { role: "development", path: /(^|\/)\.env\.(dev|devel|development|local)(\.[\w-]+)?$/i, why: "an env file for local development (by its name)" },
  { role: "development", path: /\.(http|rest)$/i, why: "requests for an HTTP client (REST Client, JetBrains HTTP client) a developer sends by hand" },
  { role: "development", path: /(^|\/)(debug|dev|local)[-_]values\.\w+$|(^|\/)values[-_.](debug|dev|local)\.\w+$/i, why: "values for a debug/local deployment (by its name)" },
  { role: "development", path: /(^|\/)localhost([-_.][\w-]+)?\.(pem|key|crt|cert|p12)$/i, why: "TLS material for localhost: a development certificate" },
  { role: "development", path: /(^|\/)(Vagrantfile|Tiltfile|skaffold\.dev\.ya?ml|docker-sync\.ya?ml|Procfile\.dev|devenv\.(nix|ya?ml|lock)|devbox\.json|shell\.nix|\.envrc)$/, why: "a local development tool file" },
  // Tooling: CI, linters, release and maintenance scripts; not what serves users.
  { role: "tooling", path: /^\.(github|gitlab|circleci|buildkite|drone|woodpecker|azure-pipelines|husky|changeset)\//i, why: "CI/repository tooling" },
  { role: "tooling", path: /(^|\/)\.yarn\/(releases|plugins|sdks|patches)\/|(^|\/)\.pnp\.c?js$/i, why: "a vendored package-manager release or plugin (Yarn)" },
  { role: "tooling", path: /(^|\/)(Dockerfile|Containerfile)[.-](ci|lint|docs?|build[-_]?tools?|tools?|release|builder|bench|benchmark)$/i, why: "a tooling Dockerfile (CI, lint, docs, release)" },
  { role: "tooling", path: /^(\.ci|ci|tools|tooling|scripts\/ci|\.buildkite)\//i, why: "in a CI/tooling directory" },
  { role: "tooling", path: /^(extras?|contrib|misc)\//i, why: "auxiliary material beside the project (extras/contrib), not its deployment" }
];

export {
  FILE_ROLES,
  ROLE_RULES
};
