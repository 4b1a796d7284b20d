// Which role a repository file plays, from its name alone (no I/O): compose
// file, Dockerfile, env template, real env file, source code. One place so
// every check and the benchmark agree on the same file kinds.

import { baseName } from './fileset.js';

/** `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yaml`, `compose.override.yml`. */
const COMPOSE_NAME = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;

export function isComposeFile(path: string): boolean {
  return COMPOSE_NAME.test(baseName(path));
}

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`; not `Dockerfile.dockerignore`. */
export function isDockerfile(path: string): boolean {
  const name = baseName(path);
  if (/\.dockerignore$/i.test(name)) return false;
  // `Dockerfile`, `Dockerfile.prod`, `Dockerfile-fpm`, `Dockerfile_alpine`, `api.Dockerfile`, and the lower-case
  // `dockerfile` Docker reads as well as any other name given to `-f`.
  return /^(Dockerfile|Containerfile)([._-][\w.-]+)?$/.test(name) || /^(dockerfile|containerfile)$/.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name);
}

export function isYamlFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

// Templates: `.env.example`, `.env.sample`, `.env.template`, `.env.dist`,
// `.env.prod.example` (any `.env.*.example|sample|template`), `example.env`,
// `prod.env.example`, `env.example`.
const TEMPLATE_NAME =
  /^(\.env(\.[\w-]+)*\.(example|sample|template|tpl|dist|defaults)|[\w.-]*\.env\.(example|sample|template|tpl|dist)|(example|sample|template)(\.[\w-]+)?\.env|\.env\.(example|sample|template)(\.[\w-]+)+|env\.(example|sample|template))$/i;

/** A documented template of environment variables (committed on purpose, placeholders expected). */
export function isEnvTemplate(path: string): boolean {
  return TEMPLATE_NAME.test(baseName(path));
}

/**
 * A real env file: `.env`, `.env.prod`, `.env.local`, `.env.backup.20260205`,
 * `production.env`: anything named like an env file that is not a template.
 * `.envrc` (direnv, a shell script) is not one.
 */
export function isRealEnvFile(path: string): boolean {
  const name = baseName(path);
  if (isEnvTemplate(path)) return false;
  // A diff of an env file (`.env.patch`, `.env.diff`, a rejected hunk, a merge tool's `.orig`) is not one:
  // dotenv cannot read it, and a committed secret in it is secrets.hardcoded's to find.
  if (/\.(patch|diff|rej|orig)$/i.test(name)) return false;
  // A template a renderer turns into one (Kamal's `.env.erb`, Ansible's `.env.j2`): its values are expressions
  // evaluated at deploy time (`<%= op read ... %>`), not values, and dotenv cannot read it.
  if (/\.(erb|j2|jinja2?|njk|mustache|hbs|handlebars|liquid|gotmpl|ejs)$/i.test(name)) return false;
  return /^\.env(\.[\w.-]+)?$/i.test(name) || /^[\w-]+\.env$/i.test(name);
}

/** Env templates and real env files whose name says production (`prod`, `production`). */
export function isProductionName(path: string): boolean {
  return /(^|[^a-z])prod(uction)?([^a-z]|$)/i.test(baseName(path));
}


export type SourceLanguage = 'js' | 'python' | 'ruby' | 'java' | 'go' | 'php';

const LANGUAGE_BY_EXTENSION: Record<string, SourceLanguage> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', mts: 'js', cts: 'js', tsx: 'js', vue: 'js', svelte: 'js',
  py: 'python',
  rb: 'ruby', rake: 'ruby',
  java: 'java', kt: 'java', kts: 'java', scala: 'java', groovy: 'java',
  go: 'go',
  php: 'php',
};

export function sourceLanguage(path: string): SourceLanguage | undefined {
  const name = baseName(path);
  if (name === 'Rakefile' || name === 'Gemfile') return 'ruby';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  if (/\.d\.ts$/.test(name) || /\.min\.js$/.test(name)) return undefined;
  return LANGUAGE_BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

// Languages whose literals are quoted, past those read in depth above: an unquoted word after `key:` or
// `token =` is a type, a variable or a call (`let wrapping_key: paserk::Key<V4> = key.into();`), never a value.
// Shell, env and config files are not here: `PASSWORD=s3cr3t` is a literal there.
const QUOTED_LITERAL_EXTENSIONS = /\.(rs|cs|fs|vb|c|h|cc|cpp|cxx|hpp|hh|m|mm|swift|dart|lua|ex|exs|erl|hrl|clj|cljs|cljc|edn|hs|ml|scala|sc|jl|zig|nim|cr|pl|pm|r|cshtml|razor)$/i;

/** Source code whose values are quoted literals (sourceLanguage, or another language with quoted strings). */
export function isQuotedLiteralSource(path: string): boolean {
  return sourceLanguage(path) !== undefined || QUOTED_LITERAL_EXTENSIONS.test(path);
}

/**
 * Names that describe a property of a secret, not the secret itself:
 * `PASSWORD_MIN_LENGTH`, `ACCESS_TOKEN_EXPIRE_MINUTES` (FastAPI's template),
 * `JWT_TOKEN_LIFETIME`, `CSRF_TOKEN_HEADER`, `API_KEY_HEADER`, `API_KEY_RATE_LIMIT`,
 * `TOKEN_THROTTLE_RATE` (Plane, paperless-ngx), `jwt.tokenHead: 'Bearer '` (mall). Their values are
 * numbers, durations, rates, header names and auth schemes.
 */
const SECRET_ATTRIBUTE =
  /(PASSWORD|PASSWD|SECRET|TOKEN|KEY|PASS)_(MIN_|MAX_)?(LENGTH|LEN|HEAD(ER)?(_NAME)?|SCHEME|EXPIRE[SD]?(_[A-Z]+)?|EXPIRY(_[A-Z]+)?|EXPIRATION(_[A-Z]+)?|LIFETIME(_[A-Z]+)?|TTL(_[A-Z]+)?|TIMEOUT|MAX_AGE|AGE|ALGORITHM|ALG|ROTATION(_[A-Z]+)?|(CLAIMS?_)?VALIDATORS?|CLAIMS?|LEEWAY|(MINUTES|SECONDS|HOURS|DAYS)|PARAM|FIELD|COOKIE_NAME|ENDPOINT|PREFIX|TYPE|VERSION|ISSUER|AUDIENCE|SCOPES?|REQUIRED|ENABLED|POLICY|STRENGTH|COMPLEXITY|ITERATIONS|ROUNDS|RATE|RATE_LIMIT|THROTTLE|THROTTLE_RATE|LIMIT)$/i;

// A quantity named after a secret (`RESET_PASSWORD_LOCK_TIME`, `TOKEN_UPDATE_LAST_LOGIN_THRESHOLD`):
// whatever comes between, a name ending in one of these words holds a number or a duration.
const QUANTITY_SUFFIX = /(PASSWORD|PASSWD|SECRET|TOKEN|KEY|PASS)(_[A-Z0-9]+)*_(TIME|THRESHOLD|INTERVAL|DELAY|PERIOD|WINDOW|COUNT|ATTEMPTS|RETRIES|SIZE|DURATION)$/i;

// A choice or a name under a secret's heading (`dt.secret-management.provider=database`, `...datasource.name=default`,
// `SECRETS_BACKEND=vault`): whatever comes between, a name ending in one of these words says which, not what.
const CHOICE_SUFFIX = /(PASSWORD|PASSWD|SECRET|TOKEN|KEY|PASS)(_[A-Z0-9]+)*_(PROVIDER|BACKEND|STRATEGY|MODE|KIND|ENGINE|METHOD|NAME)$/i;

export function isSecretAttributeName(name: string): boolean {
  return SECRET_ATTRIBUTE.test(name) || QUANTITY_SUFFIX.test(name) || CHOICE_SUFFIX.test(name);
}

/**
 * Names whose `key` is a lookup key or a field name, not a credential: a
 * spreadsheet or document id (`test_spreadsheet_key`), a cache, sort or
 * partition key, the LDAP attribute a setting names (`LDAP_EMAIL_KEY =
 * "mail"`, `LDAP_DISPLAY_NAME_KEY = "displayName"`), a translation key.
 */
const IDENTIFIER_KEY =
  /(^|[_.-])(spreadsheet|sheet|document|doc|sort|cache|translation|i18n|partition|primary|foreign|idempotency|object|lookup|dict|map|row|hash|range|routing|display_?name|name|email|mail|username|uid|field|attr|attribute|column|label|locale|index|group|order|baggage|header|metadata)[_.-]?key$/i;

export function isIdentifierKeyName(name: string): boolean {
  return IDENTIFIER_KEY.test(name);
}

/** nginx's forwarding directives named as settings (`DD_UWSGI_PASS=uwsgi_server`): an upstream, not a password. */
const FORWARD_DIRECTIVE = /(^|_)(UWSGI|PROXY|FASTCGI|GRPC|SCGI|MEMCACHED)_PASS$/i;

/** `*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, `API_KEY`, `*CREDENTIALS`...: variable names that hold secrets. */
const SECRET_VARIABLE = /PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|(^|_)KEY$|CREDENTIALS?$|_PASS$/i;

/**
 * Whether a variable (env, compose environment, Dockerfile ENV/ARG) holds a
 * secret by its name. Each caller names what is not a secret in its own
 * context (`notSecret`: paths, ids, public keys...) and may add names
 * (`alsoSecret`); attribute names such as `PASSWORD_MIN_LENGTH` never are.
 */
export function isSecretVariableName(name: string, notSecret: RegExp, alsoSecret?: RegExp): boolean {
  if (isSecretAttributeName(name) || isIdentifierKeyName(name) || notSecret.test(name) || FORWARD_DIRECTIVE.test(name)) return false;
  return SECRET_VARIABLE.test(name) || (alsoSecret?.test(name) ?? false);
}

/** What a file is written in, for a fix that fits it: a source language, or a kind of configuration. */
export type FileFormat = SourceLanguage | 'compose' | 'dockerfile' | 'env' | 'key' | 'yaml' | 'json' | 'config' | 'other';

// Key and certificate stores by name: PEM/DER keys, PKCS#12, Java keystores, PuTTY and OpenSSH private keys.
const KEY_FILE = /\.(pem|key|der|p8|p12|pfx|jks|keystore|ppk)$|^id_(rsa|dsa|ecdsa|ed25519)$/i;

export function fileFormat(path: string): FileFormat {
  if (isComposeFile(path)) return 'compose';
  if (isDockerfile(path)) return 'dockerfile';
  if (isRealEnvFile(path) || isEnvTemplate(path)) return 'env';
  if (KEY_FILE.test(baseName(path))) return 'key';
  const language = sourceLanguage(path);
  if (language) return language;
  if (isYamlFile(path)) return 'yaml';
  if (/\.json5?$/i.test(path)) return 'json';
  if (/\.(ini|cfg|conf|toml|properties|xml)$/i.test(path)) return 'config';
  return 'other';
}

/** A Maven or Gradle build file. */
export const JVM_BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;

/** A Maven or Gradle build that makes a container image itself (docker-maven-plugin, Jib, dockerfile-maven). */
export const IMAGE_PLUGIN = /docker-maven-plugin|dockerfile-maven-plugin|jib-maven-plugin|com\.google\.cloud\.tools\.jib|\bjib\s*\{|<entryPoint>/;
