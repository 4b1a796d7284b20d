// The repository model as documentation, generated into docs/checks.md from
// the same tables the engine applies, so the two cannot drift.

import { K8S_DEPLOYED_DOC } from '../parse/k8s-images.js';
import { DEPLOYMENTS_DOC } from './deployments.js';
import { BUILDS_DOC } from './builds.js';
import { SETTINGS_RESOLUTION_DOC } from './settings.js';
import { ROLE_POLICY_DOC } from './policy.js';
import { ROLE_RULES } from './role-rules.js';

const VOCABULARY: ReadonlyArray<[string, string]> = [
  ['placeholder', 'empty, `changeme`, `changethis`, `CHANGE_THIS_TO_...`, `replace-me...`, `your-...-here`, `YOUR_API_KEY`, `<...>`, `{{ ... }}`, `[...]`, `xxx`, `***`, `example`, `dummy`, `fake`, `sample`, `todo`, `tbd`, `none`, `null`'],
  ['reference', '`${VAR}`, `$VAR`, `%(VAR)s`, Docker/Kubernetes secret files (`/run/secrets/...`), secret manager URIs (`vault:`, `op://`, `arn:aws:secretsmanager:`, `projects/*/secrets/`), encrypted values (dotenvx `encrypted:...`, SOPS `ENC[...]`, Ansible Vault)'],
  ['hash or identifier', 'UUIDs, password hashes (Django `pbkdf2_sha256$...`, bcrypt `$2b$...`, argon2, scrypt, sha512-crypt), digests (`sha256:...`, npm `sha512-...` integrity); values under names that say so (`*_sha256`, `checksum`, `etag`, `integrity`)'],
  ['public key name', 'publishable and site keys, analytics ingestion keys sent by browsers (PostHog, Segment/RudderStack write keys, Mixpanel, Amplitude), reCAPTCHA/Turnstile site keys, Sentry DSNs'],
  ['weak value', 'shorter than 8 characters, dictionary defaults (`password`, `secret`, `admin`, `root`, `postgres`, `changeme`...) alone or with digits and punctuation (`passe123`, `admin2024!`), repeated or sequential runs (`123456`), `django-insecure-...`; every placeholder is also weak where it runs as written'],
  ['literal', 'anything else: a credential'],
];

export function renderRepositoryModelDocs(): string {
  const out = [
    '## How repository files are judged',
    '',
    'Every repository check reads the same model of the repository, computed once per audit: the role of each file, and one vocabulary of values.',
    '',
    '### File roles',
    '',
    'Each file gets one role, with the reason shown on every finding (`role` in JSON, and `--verbose`). The first rule that matches decides; a file no rule matches is `production`, unless its content says otherwise (a compose file or Dockerfile whose first comment lines say it is for development or tests, one that runs a development server such as `manage.py runserver`, `--reload` or `npm run dev`, one that builds the application as a `:dev` image, a compose file that builds nothing and publishes only on loopback, or any of them with unrendered template tags; a Dockerfile built on a developer-environment image such as `mcr.microsoft.com/devcontainers/*`, Cloud Workstations or Gitpod workspace images). A production name (`prod`, `staging`, `deploy`) is overruled by such a header. A Kubernetes manifest that `kubectl apply -f` (or `-k`) names in a README, docs page, script, Makefile or CI workflow is production even in a folder the table calls tooling (`extras/`): a documented quickstart deploys it. An example compose file the docs copy into place (`curl -o compose.yml .../compose.example.yml`, `cp docker-compose.sample.yml docker-compose.yml`) is production too; `cp .env.example .env` leaves the env template an example. A compose service that runs only in development, test or retired profiles (`profiles: [debug]`) takes that role. Override with `repo.roles` in `.github/readiness.yml` (glob: role).',
    '',
    '| role | rule | why |',
    '| --- | --- | --- |',
    ...ROLE_RULES.map((r) => `| ${r.role} | \`${r.path.source.replace(/\|/g, '\\|')}\` | ${r.why} |`),
    '',
    '### Severity by role',
    '',
    'One policy, applied by the engine to every repository finding that points at a file. Checks marked *deployment* (the default) judge production files at full severity, development files at most P2, and nothing else; when every finding of a check is in a file it does not judge, the check passes and says what it left out. Checks marked *repository-wide* (CI, lockfiles, backups, monitoring) are about the repository as a whole. The secret scanner and the env-template checks choose by role themselves:',
    '',
    ROLE_POLICY_DOC,
    '',
    DEPLOYMENTS_DOC,
    '',
    BUILDS_DOC,
    '',
    '### Django settings',
    '',
    SETTINGS_RESOLUTION_DOC,
    '',
    '### Kubernetes as deployed',
    '',
    K8S_DEPLOYED_DOC,
    '',
    '### One finding per cause',
    '',
    'When a specific check (`env.committed-file`, `compose.inline-secret`, `docker.secrets-in-image`, `k8s.committed-secret`) and the generic `secrets.hardcoded` find the same value at the same place (the same file, for a committed env file), only the specific finding is kept, and it names the other.',
    '',
    '### Values',
    '',
    'Every check that judges a value asks the same predicates (`src/model/values.ts`):',
    '',
    '| kind | what it covers |',
    '| --- | --- |',
    ...VOCABULARY.map(([kind, what]) => `| ${kind} | ${what} |`),
    '',
  ];
  return out.join('\n');
}
