import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { redactValue } from '../../core/redact.js';
import { isEnvTemplate, isSecretVariableName } from '../../repo/classify.js';
import { isCredentialValue } from '../../model/values.js';
import { parseDotenv } from '../../parse/dotenv.js';
import { stageLineage, type DockerInstruction } from '../../parse/dockerfile.js';

// A build-only stand-in (Django needs some SECRET_KEY for collectstatic): says so in its value.
const SAYS_DUMMY = /dummy|fake|placeholder|not[-_]?(a[-_]?)?secret|build[-_]?only|collectstatic/i;
import { checkDockerfiles } from './common.js';

/** ENV/ARG names that hold secrets; `GPG_KEY` (a public key fingerprint in official images) and `*_FILE` do not. */
export function isSecretBuildName(name: string): boolean {
  return isSecretVariableName(name, /(^|_)GPG_KEY$|FINGERPRINT|PUBLIC|PUBLISHABLE|_FILE$|_PATH$|_ID$|_URL$|_HOST$|_USER(NAME)?$/i);
}

/** Files that are credentials by their name: `.env`, SSH and TLS private keys, keystores, cloud and registry credentials. */
export function isSecretFileName(source: string): boolean {
  const name = source.replace(/\/+$/, '').split('/').pop() ?? '';
  if (name.startsWith('.env') && !isEnvTemplate(name)) return /^\.env(\.[\w.-]+)?$/.test(name);
  return (
    /^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/.test(name) && !name.endsWith('.pub') ||
    /\.(pem|key|p12|pfx|jks|keystore)$/i.test(name) ||
    /^(credentials(\.json)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|service-account[\w-]*\.json|gcp-key\.json)$/i.test(name)
  );
}

// Package-manager config files are credentials only when they hold one: a
// committed `.npmrc` of `engine-strict=true` is settings, and
// `_authToken=${NPM_TOKEN}` is expanded by npm at run time, not baked in.
const CONFIG_FILE = /^(\.npmrc|\.pypirc|\.yarnrc(\.yml)?|pip\.conf)$/i;
const CREDENTIAL_LINE = /^[ \t]*(?:\/\/[^\s=]*:)?(?:_authToken|_auth|_password|password|npmAuthToken|npmAuthIdent|token)[ \t]*[=:][ \t]*["']?(?!\$\{)(\S+)/im;

const KEY_NAME = /\.(key|pem|asc|gpg)$/i;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/;

/** The copied file is a package-manager config committed beside the Dockerfile (or at the root) with no literal credential. */
async function committedWithoutCredentials(ctx: RepoCheckContext, dockerfile: string, source: string): Promise<string | undefined> {
  const name = source.replace(/\/+$/, '').split('/').pop() ?? '';
  const envFile = /^\.env(\.[\w.-]+)?$/.test(name);
  const keyFile = KEY_NAME.test(name);
  if (!CONFIG_FILE.test(name) && !envFile && !keyFile) return undefined;
  const clean = source.replace(/^\.\//, '');
  const dir = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/') + 1) : '';
  for (const candidate of [`${dir}${clean}`, clean]) {
    if (!ctx.files.has(candidate)) continue;
    const text = await ctx.files.read(candidate);
    if (text === undefined) return undefined;
    // A committed env file of settings (`APP_KEY=` left empty for the entrypoint to generate) holds no credential.
    if (envFile) return parseDotenv(text).entries.some((e) => isSecretBuildName(e.key) && isCredentialValue(e.value)) ? undefined : candidate;
    // A key file that holds a public key or a certificate only (a package repository's signing key,
    // `nodesource.gpg.key`): nothing in it signs or decrypts.
    if (keyFile) return /^-----BEGIN (PGP PUBLIC KEY BLOCK|PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/m.test(text) && !PRIVATE_KEY_BLOCK.test(text) ? candidate : undefined;
    return !CREDENTIAL_LINE.test(text) ? candidate : undefined;
  }
  return undefined;
}

// The fix for what was seen: an ENV value is given at run time instead, an ARG through a BuildKit secret, a copied
// file kept out of the context and mounted for the one step that needs it.
const FIX = {
  ENV: (name: string) => `Remove \`ENV ${name}\` from the Dockerfile and pass it when the container starts (\`docker run -e ${name}\`, compose \`environment: ${name}: \${${name}:?}\`, a Kubernetes Secret); rotate the value, it is in every pushed layer.`,
  ARG: (name: string) => `Remove the default of \`ARG ${name}\` and give it to the step that needs it as a BuildKit secret: \`RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} …\` built with \`docker build --secret id=${name.toLowerCase()},env=${name}\`; rotate the value, it is in the image history.`,
  file: (source: string) => {
    const name = source.split('/').pop() ?? source;
    return `Keep \`${source}\` out of the build context (list it in \`.dockerignore\`) and mount it only for the step that needs it: \`RUN --mount=type=secret,id=${name.replace(/^\./, '')},target=/run/secrets/${name.replace(/^\./, '')} …\`; rotate what it held.`;
  },
};

const DATASTORE_PASSWORD = /^(MYSQL|MARIADB|POSTGRES|PG|DB|DATABASE|REDIS|MONGO)_?(ROOT_)?PASS(WORD)?$/i;

/** `MYSQL_HOST=localhost`: the ENV that says the database with that password runs in the same container. */
function localDatastoreHost(instructions: readonly DockerInstruction[], passwordName: string): string | undefined {
  const prefix = passwordName.replace(/_?(ROOT_)?PASS(WORD)?$/i, '').toUpperCase();
  for (const ins of instructions) {
    if (ins.keyword !== 'ENV') continue;
    for (const { name, value } of ins.properties) {
      if (value === undefined || !/_?(HOST|HOSTNAME|SERVER)$/i.test(name) || !name.toUpperCase().startsWith(prefix)) continue;
      if (/^(localhost|127\.0\.0\.1|::1|\/(var\/)?run\/[\w/.-]+\.sock)$/i.test(value.trim())) return `${name}=${value.trim()}`;
    }
  }
  return undefined;
}

/**
 * Commands that write a signing or encryption key into the files of the image they run in: Laravel's `key:generate`
 * (APP_KEY into .env), `jwt:secret` and `passport:keys`, Nautobot/Django project `init` (a config file holding a
 * random SECRET_KEY), and a random value or `secret` generator redirected into a file. Run in a RUN step, the key
 * is generated once, at build, and every container of the published image shares it.
 */
// (A random value written to `/etc/machine-id` or a cache file is no key: the file written to must say key or secret.)
const BUILD_KEYGEN = /\bartisan\s+(key:generate|jwt:secret|passport:keys)\b|\bnautobot-server\s+init\b|\b(openssl\s+rand|rails\s+secret|mix\s+phx\.gen\.secret|get_random_secret_key\(\))[^\n|&;>]{0,200}(>>?|\|\s*tee(\s+-a)?)\s*["']?[^\s"';&|]*(key|secret|token|salt|\.env)\b/i;
// `bash /tmp/setup.sh`, `./install.sh`, `sh -c /opt/x.sh`: a script the step runs (given to a shell, or at the start
// of a command); `chmod +x /entrypoint.sh` only mentions one.
const RUN_SCRIPT = /(?:(?:^|[;&|(])\s*|(?:^|[\s;&|(])(?:ba|z|da)?sh\s+(?:-\w+\s+)*)((?:\.{0,2}\/)?[\w./-]+\.sh)\b/g;

/** The key generation a RUN performs, itself or through a script the Dockerfile copied from the repository. */
async function buildTimeKeygen(ctx: RepoCheckContext, dockerfile: string, copied: ReadonlyMap<string, string>, run: DockerInstruction): Promise<{ command: string; where?: string } | undefined> {
  const direct = BUILD_KEYGEN.exec(run.text);
  if (direct) return { command: direct[0].trim() };
  for (const m of run.text.matchAll(RUN_SCRIPT)) {
    const source = copied.get(m[1]!) ?? copied.get(m[1]!.replace(/^\.\//, ''));
    if (!source) continue;
    for (const candidate of contextCandidates(dockerfile, source)) {
      if (!ctx.files.has(candidate)) continue;
      const lines = ((await ctx.files.read(candidate)) ?? '').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(#|echo\b|printf\b)/.test(lines[i]!) ? null : BUILD_KEYGEN.exec(lines[i]!);
        // A command run, not one a message suggests (`echo "generate one with: php artisan key:generate"`).
        if (m && !/["'][^"']*$/.test(lines[i]!.slice(0, m.index))) return { command: m[0].trim(), where: `${candidate}:${i + 1}` };
      }
      break;
    }
  }
  return undefined;
}

/** What a key generation is, in words (a command such as `key:generate` would read as a secret's name and value). */
function keygenLabel(command: string): string {
  if (/key:generate/.test(command)) return 'Laravel\'s artisan key generation, the APP_KEY';
  if (/jwt:secret/.test(command)) return 'the JWT secret generation of artisan';
  if (/passport:keys/.test(command)) return 'Laravel Passport\'s key pair generation';
  if (/nautobot-server\s+init/.test(command)) return '`nautobot-server init`, which writes a random SECRET_KEY into its configuration';
  return `a random value written to a file (${command.split(/\s+/).slice(0, 2).join(' ')})`;
}

/** Where a COPY source may be in the repository: under the Dockerfile's folder or one of its parents (the build context is rarely written down). */
function contextCandidates(dockerfile: string, source: string): string[] {
  const clean = source.replace(/^\.\//, '');
  const parts = dockerfile.split('/').slice(0, -1);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push([...parts.slice(0, i), clean].join('/'));
  return out;
}

export const dockerSecretsInImage: RepoCheck = {
  id: 'docker.secrets-in-image',
  title: 'No secrets baked into images',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  docs: {
    summary:
      'Fails for each `ENV`/`ARG` with a secret-like name (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`, not `GPG_KEY`/`*_FILE`) and a literal value, and each `COPY`/`ADD` from the build context of `.env`, SSH keys (`id_rsa`...), `*.pem`/`*.key`/`*.p12`, `credentials`, `.npmrc`, `.netrc` or service-account files; a package-manager config (`.npmrc`, `.pypirc`, `.yarnrc.yml`, `pip.conf`) committed in the repository with no literal credential line (`engine-strict=true`, or `_authToken=${NPM_TOKEN}` that npm expands at run time) is settings, not a credential, and a committed key file that holds only a public key or a certificate (a package repository\'s signing key) is not one either. `ARG NAME` without a default is not a literal and passes, as do values that say they are stand-ins (`dummy`, `placeholder`, `CHANGE_ME`, e.g. a SECRET_KEY set only so `collectstatic` runs); `COPY --from=<stage>` copies from a stage, not the context. Also each RUN of a shipped stage that generates a signing key into the image, itself or through a script copied from the repository (`php artisan key:generate`, `jwt:secret`, `passport:keys`, `nautobot-server init`, `openssl rand`/`rails secret`/`mix phx.gen.secret` written to a file): every container of the published image shares that key.',
    why: 'Every layer of an image is readable by anyone who can pull it (`docker history`, `docker save`): ENV values, ARG defaults and copied files stay in the image even when a later layer deletes them.',
    fix: 'Pass secrets at run time (environment, mounted secrets), or at build time with BuildKit secret mounts (`RUN --mount=type=secret,id=npmrc ...`); keep `.env` and keys out of the context with `.dockerignore`.',
    snippets: [{ stack: 'BuildKit', code: '# syntax=docker/dockerfile:1\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci' }],
    severityNote: 'P0; P1 for the password of a database the image runs itself (an ENV `MYSQL_HOST`/`DB_HOST`... of the same prefix set to localhost, 127.0.0.1 or a socket): a default password of a datastore reached only inside the container (SEVERITY.md); P2 in a build stage the final image does not start from.',
  },
  run(ctx) {
    return checkDockerfiles(ctx, {
      looked: 'ENV/ARG values and copied files',
      failClosed: true,
      async visit(file, path): Promise<FindingInput[]> {
        const out: FindingInput[] = [];
        // ENV and ARG of a build stage the final image does not start from stay
        // in that stage: they reach the build cache, not the image that ships.
        const shipped = new Set(file.stages.length ? stageLineage(file, file.stages.length - 1) : []);
        const buildOnly = new Set(file.stages.filter((s) => !shipped.has(s)).flatMap((s) => s.instructions));
        const instructions = [...file.globalArgs, ...file.stages.flatMap((s) => s.instructions)];
        // Scripts copied from the repository, by the path they get in the image (`COPY shared/setup.sh /tmp/setup.sh`).
        const copiedScripts = new Map<string, string>();
        for (const ins of instructions) {
          if (ins.keyword !== 'COPY' || ins.flags.from !== undefined || ins.args.length !== 2 || !/\.sh$/.test(ins.args[0]!)) continue;
          const [source, target] = ins.args as [string, string];
          copiedScripts.set(target.endsWith('/') ? `${target}${source.split('/').pop()}` : target, source);
        }
        for (const ins of instructions) {
          if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
            for (const { name, value, line } of ins.properties) {
              if (value === undefined || value.trim() === '' || /^\$\{?[A-Za-z_]/.test(value) || !isSecretBuildName(name)) continue;
              // The shared value vocabulary: placeholders, references, hashes and flags (`GOOGLE_API_KEY=no`, how
              // Chromium is told to skip its key warning) are no credential.
              if (!isCredentialValue(value) || SAYS_DUMMY.test(value)) continue;
              if (buildOnly.has(ins)) {
                out.push({ status: 'fail', severity: 'P2', message: `${ins.keyword} ${name} holds a literal value ${redactValue(value)} in a build stage the final image does not start from (it stays in the build cache, not in the shipped image).`, remediation: FIX[ins.keyword](name), location: { path, line } });
                continue;
              }
              // The password of a database the image runs itself (`MYSQL_HOST=localhost` beside it): the default
              // password of a datastore reached only inside the container (SEVERITY.md P1), unless it is published.
              const local = DATASTORE_PASSWORD.test(name) ? localDatastoreHost(instructions, name) : undefined;
              out.push({
                status: 'fail',
                ...(local ? { severity: 'P1' as const } : {}),
                message: `${ins.keyword} ${name} holds a literal value ${redactValue(value)} baked into the image.${local ? ` P1: it is the password of a database the image runs itself (${local}), reached only inside the container.` : ''}`,
                remediation: FIX[ins.keyword](name),
                location: { path, line },
              });
            }
          } else if (ins.keyword === 'RUN' && !buildOnly.has(ins)) {
            const generated = await buildTimeKeygen(ctx, path, copiedScripts, ins);
            if (generated) {
              out.push({
                status: 'fail',
                message: `RUN generates a key at build time (${keygenLabel(generated.command)}${generated.where ? `, in ${generated.where}` : ''}): it is written into the image once, so every container of it, at every install, shares the same key, and anyone who pulls the image has it.`,
                remediation: 'Generate the key when the container first starts (an entrypoint that creates it into a volume if absent) or require it as a setting (`APP_KEY`, `SECRET_KEY`) the deployment provides, and refuse to start without it.',
                location: { path, line: ins.line },
              });
            }
          } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.flags.from === undefined) {
            const sources = ins.args.slice(0, -1);
            for (const source of sources) {
              if (!isSecretFileName(source)) continue;
              const committed = await committedWithoutCredentials(ctx, path, source);
              if (committed) continue;
              out.push({ status: 'fail', message: `${ins.keyword} ${source} copies a credentials file into the image.`, remediation: FIX.file(source), location: { path, line: ins.line } });
            }
          }
        }
        return out;
      },
    });
  },
};
