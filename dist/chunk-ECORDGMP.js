import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/core/role.ts
var FILE_ROLES = ["production", "development", "test", "docs", "example", "template", "tooling", "unknown"];

// src/model/role-rules.ts
var DIR = (names) => new RegExp(`(^|/)(${names})/`, "i");
var UNDERSCORED_DIR = (names) => new RegExp(`(^|/)_?(${names})/`, "i");
var TOP_DIR = (names) => new RegExp(`^(${names})/`, "i");
var ROLE_RULES = [
  // Templates first: a cookiecutter tree or a Helm chart is not what runs, whatever its folder names say.
  {
    id: "template-name",
    role: "template",
    path: /\{\{[^/]*\}\}/,
    scope: "any-depth",
    why: "a cookiecutter/Jinja template file or directory ({{ ... }} in its path)",
    matches: ["hooks/{{cookiecutter.name}}.env", "{{cookiecutter.project_slug}}/config/settings/production.py"],
    notMatches: ["hooks/post_gen_project.py"]
  },
  {
    id: "helm-templates",
    role: "template",
    path: /(^|\/)(charts?|helm)\/([^/]+\/)*templates\//i,
    scope: "any-depth",
    why: "a Helm chart template (rendered at deploy time)",
    matches: ["charts/app/templates/deployment.yaml", "deploy/helm/templates/secret.yaml"],
    notMatches: ["charts/app/values.yaml", "app/templates/index.html"]
  },
  // Env templates are examples of an env file, not render-time templates.
  {
    id: "env-template",
    // `cp .env.example .env` in the install docs makes the template what production runs with.
    yieldsToEvidence: true,
    role: "example",
    path: /(^|\/)\.env(\.[\w-]+)*\.(example|sample|template|tpl|tmpl|dist|defaults)$|(^|\/)[\w.-]*\.env\.(example|sample|template|tpl|dist)$|(^|\/)env\.(example|sample|template)$/i,
    scope: "any-depth",
    why: "an env template (documented stand-in values)",
    matches: [".env.example", "deploy/.env.prod.template", "prod.env.sample", "env.example"],
    notMatches: [".env", ".env.production"]
  },
  {
    id: "template-extension",
    role: "template",
    path: /\.(j2|jinja2?|tmpl|tpl|mustache|hbs|ejs|template)$/i,
    scope: "any-depth",
    why: "a template file (rendered before use)",
    matches: ["ansible/roles/app/settings.py.j2", "nginx.conf.template"],
    notMatches: ["settings.py"]
  },
  // Tests and their data: credentials and settings there are the test's, not the application's.
  // A leading underscore (`_integration-test/`, `_tests/`) only sorts the folder first.
  {
    id: "test-dir",
    role: "test",
    path: UNDERSCORED_DIR(
      "__tests__|__mocks__|__stubs__|__fixtures__|__snapshots__|\\.snapshots|tests?|unit[-_]?tests?|specs?|spec_helpers?|testing|testdata|test[-_]data|test[-_]?utils?|test[-_]?helpers|test[-_]?support|fixtures?|cassettes|vcr[-_]?cassettes|factories|e2e|e2e[-_]tests?|integration[-_]?tests?|functional[-_]?tests?|acceptance[-_]?tests?|test[-_]?env(ironment)?s?|cypress|playwright|mocks?|stubs?|benchmarks?"
    ),
    scope: "any-depth",
    why: "in a test, fixture or mock directory",
    matches: ["tests/settings.py", "src/app/__tests__/x.ts", "unittests/scans/sample.json", "_integration-test/compose.yml", "pkg/testdata/key.pem", "src/test/java/AppTest.java", "spec/factories/users.rb", "identity/.snapshots/TestHandler-case=totp.json", "session/stub/jwk.es256.json"],
    notMatches: ["contests/app.py", "latest/app.py", "src/testimonials/view.py"]
  },
  {
    // Linguist-style: a folder named by the word test among others (`test_resources`, `integration_tests`,
    // `load-testing`, `tests-e2e`), past the fixed list above. A/B tests are a product feature, not tests.
    id: "test-word-dir",
    role: "test",
    // Only with the words test folders are named with: a `test-runner` or `testing_api_settings` folder is a product feature.
    path: /(^|\/)((tests?|testing)[-_.](resources?|data|files?|fixtures?|utils?|helpers?|support|suites?|cases?|assets|e2e|integration|unit|envs?|config|apps?|servers?)|([a-z0-9]+[-_])?(api|unit|integration|e2e|load|smoke|functional|acceptance|perf|performance|regression|system|contract|component)[-_.](tests?|testing))\//i,
    scope: "any-depth",
    why: "in a directory named for tests",
    matches: ["internal/configuration/test_resources/config.yml", "crates/server/api_tests/keys.rs", "load-testing/k6.js", "tests-e2e/compose.yml", "src/test.helpers/x.ts", "client-integration-tests/docker-compose.yml"],
    notMatches: ["src/ab_tests/view.py", "app/contest_results/a.py", "pkg/attestation/x.go", "latest-release/a.yml", "src/testimonials/view.py", "packages/app/src/test-runner/run.ts", "app/views/testing_api_settings/index.html.erb"]
  },
  {
    // Cucumber's layout: `features/*.feature` with `features/support/` and `features/step_definitions/` (Ruby, JS, Java).
    id: "cucumber",
    role: "test",
    path: /^features\/(support|step_definitions)\/|\.feature$/i,
    scope: "project",
    why: "a Cucumber feature, step definition or support file",
    matches: ["features/support/omniauth.rb", "features/step_definitions/login_steps.js", "features/login.feature"],
    notMatches: ["app/features/support/chat.ts", "src/features/billing/index.ts"]
  },
  {
    id: "smoke-test",
    role: "test",
    path: /(^|\/)[^/]*smoke[-_]?tests?[^/]*$|(^|\/)smoke[-_]?tests?\//i,
    scope: "any-depth",
    why: "a smoke-test file or directory (by its name)",
    matches: ["scripts/smoke-test.sh", "smoketest/run.py"],
    notMatches: ["scripts/smoke.py"]
  },
  {
    id: "test-name",
    role: "test",
    path: /(^|\/)(conftest\.py|test_[^/]*\.py|[^/]*_tests?\.py|[^/]*_test\.go|[^/]*_spec\.rb|[^/]*Tests?\.(java|kt|cs)|[^/]*\.(test|spec|e2e|cy|stories|story)\.[cm]?[jt]sx?|pytest\.ini|tox\.ini|phpunit\.xml(\.dist)?|jest\.config\.[cm]?[jt]s|vitest\.config\.[cm]?[jt]s|playwright\.config\.[cm]?[jt]s|cypress\.config\.[cm]?[jt]s)$/i,
    scope: "any-depth",
    why: "a test file by its name",
    matches: ["app/conftest.py", "app/test_views.py", "pkg/server_test.go", "src/app.test.ts", "phpunit.xml", "src/UserServiceTest.java", "src/Dialog.story.tsx", "cypress.config.ts"],
    notMatches: ["app/views.py", "pkg/server.go", "src/latest.ts"]
  },
  {
    // Test doubles by name, beside the code they stand in for (`src/mock.ts`, `api.mock.ts`, `fixtures.py`).
    id: "mock-name",
    role: "test",
    // `auth_session_fixtures.go` (photoprism's test sessions, round 13), `user_mock.go` (mockgen's naming).
    path: /(^|\/)(mocks?|fakes?|stubs?|fixtures?|test[-_]?data)\.([cm]?[jt]sx?|py|rb|go|php|json)$|(^|\/)[^/]+\.(mocks?|fakes?|stubs?|fixtures?)\.([cm]?[jt]sx?|json)$|(^|\/)[^/]+_(mocks?|fakes?|fixtures?)\.(go|py|rb)$/i,
    scope: "any-depth",
    why: "a test double or fixture by its name (mock, fake, stub, fixture)",
    matches: ["packages/connectors/alipay/src/mock.ts", "src/api.mock.ts", "app/fixtures.py", "lib/user.fixture.json", "internal/entity/auth_session_fixtures.go"],
    notMatches: ["src/mockup-editor.ts", "src/stubborn.ts", "src/fixtures-page.tsx", "internal/entity/fixtures_loader_test_helper_cli.go", "internal/service/session_manager.go"]
  },
  {
    id: "test-compose",
    role: "test",
    // Also words joined by `_` (`docker-compose.override.integration_tests.yml`, round 15).
    path: /(^|\/)(docker-)?compose[.-]([\w-]*[._-])?(test|tests|testing|ci|e2e|integration|cypress|playwright|unit_tests?|integration_tests?)([._-][\w-]+)*\.ya?ml$/i,
    scope: "any-depth",
    why: "a compose file for tests or CI (by its name)",
    matches: ["docker-compose.test.yml", "compose.ci.yaml", "docker-compose-e2e.yml", "docker-compose.override.integration_tests.yml", "docker-compose.override.unit_tests.yml"],
    notMatches: ["docker-compose.yml", "compose.prod.yaml"]
  },
  {
    id: "test-dockerfile",
    role: "test",
    // Also a named test runner beside the product's images: `build/package/e2e-python.dockerfile` (round 14).
    path: /(^|\/)(Dockerfile|Containerfile)[.-](test|tests|testing|e2e|playwright|cypress|selenium|integration)$|(^|\/)(test|tests|e2e|playwright|cypress)([-_.][\w.-]+)?\.(Dockerfile|Containerfile)$/i,
    scope: "any-depth",
    why: "a test-runner Dockerfile (by its name)",
    matches: ["Dockerfile.test", "docker/e2e.Dockerfile", "build/package/e2e-python.dockerfile"],
    notMatches: ["Dockerfile", "Dockerfile.prod"]
  },
  {
    id: "test-settings",
    role: "test",
    // Any format: Django modules, and the per-environment YAML/JSON/TOML of config gems and libraries (`config/settings/test.yml`).
    path: /(^|\/)(settings|config)\/(test|tests|testing|ci|unit_?tests?|integration_?tests?)\.(py|ya?ml|json|toml)$|(^|\/)(settings|config)[_.-](test|tests|testing|ci)\.(py|ya?ml|json|toml)$/i,
    scope: "any-depth",
    why: "test settings (by its name)",
    matches: ["app/settings/test.py", "config/settings_ci.py", "config/settings/test.yml", "app/config/testing.json", "app/settings/unittests.py"],
    notMatches: ["app/settings/production.py", "config/settings.yml", "config/test_runner.yml"]
  },
  {
    id: "test-env",
    role: "test",
    path: /(^|\/)\.env\.([\w-]+\.)?(test|testing|ci|e2e|dusk)([.-][\w-]+)?$|(^|\/)config\/environments\/test\.rb$|(^|\/)config\/test(\.[\w-]+)?\.exs(\.(txt|example|sample|dist|template))?$|(^|\/)appsettings\.(Test|Testing)\.json$/i,
    scope: "any-depth",
    why: "an env or environment configuration for tests (by its name)",
    // glific's config/test.secret.exs.txt (round 12): the template of the test env's secret config.
    matches: [".env.test", ".env.testing-ci", ".env.dusk.ci", "config/environments/test.rb", "config/test.exs", "config/test.secret.exs.txt"],
    notMatches: [".env", "config/environments/production.rb", "config/prod.secret.exs.txt", "config/testing_helpers.ex"]
  },
  // Documentation: what it shows is an illustration.
  {
    id: "docs-dir",
    yieldsToEvidence: true,
    role: "docs",
    path: TOP_DIR("docs?|documents?|documentation|doc[-_]src|website|site[-_]docs|man|wiki|handbook|guides?|api[-_]?docs?|apidocs|postman"),
    scope: "project",
    why: "in a documentation directory",
    matches: ["docs/install.md.txt", "packages/api/docs/openapi.yaml", "document/postman_collection.json", "postman/env.json"],
    notMatches: ["src/app/docs/page.tsx", "app/documents/model.py"]
  },
  {
    id: "docs-extension",
    role: "docs",
    path: /\.(md|mdx|markdown|rst|adoc|asciidoc|rdoc|org|ipynb)$/i,
    scope: "any-depth",
    why: "a documentation file (by its extension)",
    matches: ["guide.md", "src/notes.rst"],
    notMatches: ["src/app.py"]
  },
  {
    id: "project-document",
    role: "docs",
    path: /(^|\/)(README|CHANGELOG|CHANGES|HISTORY|CONTRIBUTING|SECURITY|UPGRADING|MIGRATION|NEWS|AUTHORS)(\.(txt))?$/i,
    scope: "any-depth",
    why: "a README or project document",
    matches: ["README", "CHANGES.txt"],
    notMatches: ["src/readme.py"]
  },
  // Examples and samples: documented stand-ins, committed on purpose.
  {
    id: "example-dir",
    yieldsToEvidence: true,
    role: "example",
    // Also a folder of examples of one kind (`example_configs/`, `examples-docker/`, `sample-data/`).
    path: DIR("examples?|samples?|sample[-_]apps?|(examples?|samples?)[-_](configs?|configurations?|files|docker|compose|deployments?)"),
    scope: "any-depth",
    why: "in an examples/samples directory",
    matches: ["examples/compose.yml", "packages/sdk/examples/app.ts", "deploy/samples/values.yaml", "example_configs/matrix_synapse.yml", "examples-docker/compose.yml"],
    notMatches: ["app/samples_api.py", "src/exampleService.ts"]
  },
  {
    // Words that also name features (`features/playground/`, `components/showcase/`): only beside a manifest.
    id: "demo-dir",
    yieldsToEvidence: true,
    role: "example",
    path: TOP_DIR("demos?|quickstarts?|starters?|boilerplates?|playground|showcase"),
    scope: "project",
    why: "in a demo/playground directory beside the project manifest",
    matches: ["demo/compose.yml", "packages/sdk/playground/server.js"],
    notMatches: ["src/features/playground/secret.ts", "app/demos_api.py"]
  },
  {
    // A deployment kept for reference after its replacement (`k8s/legacy/`, `deploy/deprecated/`) is not what runs.
    id: "legacy-dir",
    yieldsToEvidence: true,
    role: "example",
    path: DIR("legacy|deprecated|obsolete|archived?"),
    scope: "any-depth",
    why: "in a legacy/deprecated directory, kept for reference",
    matches: ["k8s/legacy/kustomization.yml", "deploy/deprecated/compose.yml"],
    notMatches: ["src/legacy_api.py", "app/archives.py"]
  },
  {
    id: "seed-data",
    role: "example",
    // A seeder of demo data by its name (`DemoSeederCommand.php`, `fake_data_seeder.py`): demo rows, whatever its folder.
    path: /(^|\/)(seeds?|seed[-_]?data|seeders?)\/|(^|\/)[^/]*seed[^/]*\.(sql|json|ya?ml|csv)$|(^|\/)(db|database|priv\/repo)\/((dev|development|local)[-_])?seeds?\.(rb|exs|py|php|[cm]?[jt]s)$|(^|\/)[^/]*(demo|dummy|fake|sample)[^/]*seed[^/]*\.(php|rb|py|exs|[cm]?[jt]s|go|java|kt|cs)$|(^|\/)(demo|dummy|fake)[-_]?data\//i,
    scope: "any-depth",
    // Also a generator of demo data by its folder (`cmd/demoData/demoData.go`, round 15).
    why: "database seed data (demo rows loaded into a new database)",
    matches: ["db/seeds/users.sql", "seed-data.json", "db/seeds.rb", "priv/repo/seeds.exs", "priv/repo/dev_seeds.exs", "app/Console/Commands/DemoSeederCommand.php", "cmd/demoData/demoData.go"],
    notMatches: ["db/schema.sql", "tools/seed.py", "app/Console/Commands/SeedAdminCommand.php"]
  },
  {
    // A database file whose folder or own name says demo or sample (`multi-tenant-demo-backups/latam.sql`,
    // `sample_data/load_sample_data.sql`, `bk_bare_bones_demo.sql`): what a demo tenant or a trial loads.
    id: "demo-data",
    role: "example",
    path: /(^|\/)([^/]*[-_.])?(demo|demos|sample|samples|sample[-_]data)([-_.][^/]*)?\/([^/]+\/)*[^/]+\.(sql|dump|pgdump|sqlite3?|db|bson)(\.gz)?$|(^|\/)[^/]*[-_.](demo|sample)([-_.][^/]*)?\.(sql|dump|pgdump|sqlite3?|db|bson)(\.gz)?$/i,
    scope: "any-depth",
    why: "demo or sample data (a database file whose folder or name says so)",
    matches: ["fineract-db/multi-tenant-demo-backups/latam-demo/bk_latam.sql", "src/main/resources/sql/migrations/sample_data/load_sample_data.sql", "db/bk_bare_bones_demo.sql"],
    notMatches: ["db/backups/prod-2024.sql", "src/demo_mode/settings.py", "db/demographics.sql"]
  },
  {
    id: "example-name",
    yieldsToEvidence: true,
    role: "example",
    path: /(^|\/)[^/]*[.-](examples?|samples?|dist)(\.[\w-]+)?$|(^|\/)(examples?|samples?)[.-][^/]+$/i,
    scope: "any-depth",
    why: "an example/sample file (by its name)",
    matches: ["config.example.yml", "docker-compose.sample.yml", "example-settings.py", "config/application-secret-samples.yml"],
    notMatches: ["config.yml", "distribution.py"]
  },
  // Development only: editor containers, local overrides, dev servers.
  {
    id: "devcontainer",
    role: "development",
    path: /(^|\/)\.[\w-]*(devcontainer|dev[-_]?container|worktree[-_]container|codespaces?|gitpod)[\w-]*\//i,
    scope: "any-depth",
    why: "a development container definition",
    matches: [".devcontainer/docker-compose.yml"],
    notMatches: ["docker-compose.yml"]
  },
  {
    id: "editor-dir",
    yieldsToEvidence: true,
    role: "development",
    path: DIR("\\.vscode|\\.idea|\\.fleet"),
    scope: "any-depth",
    why: "editor settings",
    matches: [".vscode/launch.json", "web/.idea/dataSources.xml"],
    notMatches: ["src/idea.ts"]
  },
  {
    id: "dev-dir",
    yieldsToEvidence: true,
    role: "development",
    path: DIR("dev|devel|develop|development|hack|contrib/dev"),
    scope: "any-depth",
    why: "in a development-only directory",
    matches: ["dev/docker-compose.yml", "docker/development/compose.yml", "hack/run.sh", "docker/develop/docker-compose.yml"],
    notMatches: ["app/dev_tools.py", "src/devices/x.ts"]
  },
  {
    // `local` and `sandbox` name features too (`src/auth/local/` is the local-login strategy): only beside a manifest.
    id: "local-dir",
    yieldsToEvidence: true,
    role: "development",
    path: TOP_DIR("local|sandbox|scratch"),
    scope: "project",
    why: "in a local/sandbox directory beside the project manifest",
    matches: ["local/docker-compose.yml", "services/api/local/settings.py", "sandbox/try.py"],
    notMatches: ["src/auth/local/strategy.ts", "app/sandbox_api.py"]
  },
  {
    id: "compose-override",
    role: "development",
    path: /(^|\/)(docker-)?compose\.override\.ya?ml$/i,
    scope: "any-depth",
    why: "compose.override.yml (merged automatically by `docker compose up`, the development convention)",
    matches: ["compose.override.yml", "docker/docker-compose.override.yaml"],
    notMatches: ["compose.yml"]
  },
  {
    id: "dev-compose",
    role: "development",
    path: /(^|\/)(docker-)?compose[.-]([\w-]*[.-])?(dev|devel|development|local|debug|hotreload|watch)([.-][\w-]+)*\.ya?ml$|(^|\/)(dev|devel|development|local|debug)[-_.](docker-)?compose\.ya?ml$/i,
    scope: "any-depth",
    why: "a development compose file (by its name)",
    matches: ["docker-compose.dev.yml", "compose.local.yaml", "docker-compose-debug.yml", "dev-compose.yaml"],
    notMatches: ["docker-compose.yml", "compose.devops.yaml"]
  },
  {
    id: "dev-yaml",
    role: "development",
    path: /(^|\/)[^/]*\.(local|dev|development|debug)\.ya?ml$/i,
    scope: "any-depth",
    why: "a local/dev override file (by its name)",
    matches: ["config/app.local.yml", "settings.dev.yaml"],
    notMatches: ["config/app.yml"]
  },
  {
    id: "dev-dockerfile",
    role: "development",
    path: /(^|\/)(Dockerfile|Containerfile)[.-](dev|devel|development|local|debug|hotreload|watch)([.-][\w-]+)?$|(^|\/)(dev|local|debug)\.(Dockerfile|Containerfile)$/i,
    scope: "any-depth",
    why: "a development Dockerfile (by its name)",
    matches: ["Dockerfile.dev", "docker/local.Dockerfile", "docker/Dockerfile.dev-bundle"],
    notMatches: ["Dockerfile", "Dockerfile.debian", "docker/Dockerfile.devices-agent"]
  },
  {
    id: "dev-settings",
    role: "development",
    path: /(^|\/)settings\/(dev|devel|development|local|debug)\w*\.py$|(^|\/)(settings|config)[_.-](dev|devel|development|local|debug)\.py$|(^|\/)config\/environments\/development\.rb$|(^|\/)config\/dev\.exs$|(^|\/)appsettings\.Development\.json$|(^|\/)application-(dev|local)\.(ya?ml|properties)$/i,
    scope: "any-depth",
    why: "development settings (by its name)",
    matches: ["app/settings/local.py", "config/environments/development.rb", "config/dev.exs", "appsettings.Development.json", "src/main/resources/config/application-dev.yml"],
    notMatches: ["app/settings/production.py", "config/prod.exs"]
  },
  {
    id: "dev-env",
    role: "development",
    path: /(^|\/)\.env\.(dev|devel|development|local)(\.[\w-]+)?$/i,
    scope: "any-depth",
    why: "an env file for local development (by its name)",
    matches: [".env.local", ".env.development"],
    notMatches: [".env"]
  },
  {
    id: "dev-script",
    role: "development",
    path: /(^|\/)[^/]*[-_.](dev|development|local)\.([cm]?[jt]sx?|rs|go|py|rb|exs?|php|java|kt|cs|sh)$/i,
    scope: "any-depth",
    why: "a script or module for development (by its name: server-dev.ts, webpack.dev.js, db_migrate_dev.rs)",
    matches: ["src/server-dev.ts", "webpack.dev.js", "src/data/src/migration/db_migrate_dev.rs", "scripts/start_local.sh"],
    notMatches: ["src/server.ts", "src/devices.ts", "src/migration/db_migrate.rs", "cmd/devtool.go"]
  },
  {
    id: "http-requests",
    role: "development",
    path: /\.(http|rest)$/i,
    scope: "any-depth",
    why: "requests for an HTTP client (REST Client, JetBrains HTTP client) a developer sends by hand",
    matches: ["api/users.http"],
    notMatches: ["api/users.py"]
  },
  {
    id: "dev-values",
    role: "development",
    path: /(^|\/)(debug|dev|local)[-_]values\.\w+$|(^|\/)values[-_.](debug|dev|local)\.\w+$/i,
    scope: "any-depth",
    why: "values for a debug/local deployment (by its name)",
    matches: ["charts/app/values-dev.yaml"],
    notMatches: ["charts/app/values.yaml"]
  },
  {
    id: "localhost-tls",
    role: "development",
    path: /(^|\/)localhost([-_.][\w-]+)?\.(pem|key|crt|cert|p12)$/i,
    scope: "any-depth",
    why: "TLS material for localhost: a development certificate",
    matches: ["certs/localhost.key"],
    notMatches: ["certs/server.key"]
  },
  {
    id: "dev-tool-file",
    role: "development",
    path: /(^|\/)(Vagrantfile|Tiltfile|skaffold\.dev\.ya?ml|docker-sync\.ya?ml|Procfile\.dev|devenv\.(nix|ya?ml|lock)|devbox\.json|shell\.nix|\.envrc|\.ddev\/.*|docker\/sail\/.*)$/,
    scope: "any-depth",
    why: "a local development tool file",
    matches: ["Vagrantfile", "Procfile.dev", ".ddev/config.yaml"],
    notMatches: ["Procfile"]
  },
  // Tooling: CI, linters, release and maintenance scripts; not what serves users.
  {
    id: "ci-dir",
    role: "tooling",
    path: /^\.(github|gitlab|circleci|buildkite|drone|woodpecker|azure-pipelines|husky|changeset)\//i,
    scope: "any-depth",
    why: "CI/repository tooling",
    matches: [".github/workflows/ci.yml"],
    notMatches: ["github/client.ts"]
  },
  {
    id: "yarn-release",
    role: "tooling",
    path: /(^|\/)\.yarn\/(releases|plugins|sdks|patches)\/|(^|\/)\.pnp\.c?js$/i,
    scope: "any-depth",
    why: "a vendored package-manager release or plugin (Yarn)",
    matches: [".yarn/releases/yarn-4.cjs"],
    notMatches: [".yarnrc.yml"]
  },
  {
    id: "tooling-dockerfile",
    role: "tooling",
    path: /(^|\/)(Dockerfile|Containerfile)[.-](ci|lint|docs?|build[-_]?tools?|tools?|release|builder|bench|benchmark)$/i,
    scope: "any-depth",
    why: "a tooling Dockerfile (CI, lint, docs, release)",
    matches: ["Dockerfile.ci", "docker/Dockerfile.builder"],
    notMatches: ["Dockerfile"]
  },
  {
    id: "tooling-dir",
    yieldsToEvidence: true,
    role: "tooling",
    // `.devtools/`: a hidden folder of the developers' own scripts (grocy's data generation, password resets).
    path: /^(\.ci|ci|tools|tooling|scripts\/ci|\.buildkite|\.devtools)\//i,
    scope: "any-depth",
    why: "in a CI/tooling directory",
    matches: ["tools/release.sh", "ci/build.sh", ".devtools/data_generation_scripts/9999_reset_admin_password.php"],
    notMatches: ["src/tools/x.py"]
  },
  {
    id: "contrib-dir",
    yieldsToEvidence: true,
    role: "tooling",
    path: /^(extras?|contrib|misc)\//i,
    scope: "any-depth",
    why: "auxiliary material beside the project (extras/contrib), not its deployment",
    matches: ["contrib/docker-compose/basic.yml", "extras/jwt/secret.yaml"],
    notMatches: ["src/contrib/x.py"]
  }
];

export {
  FILE_ROLES,
  ROLE_RULES
};
