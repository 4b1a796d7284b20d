// A production service should run the image that was built and tested. A
// bind mount from the host over the image's code (or its migrations) means
// what runs is whatever the server's folder holds: untested, unreviewed, and
// for migrations, a schema history the repository does not have.
// A mount is classified by its target (and source) path: socket,
// certificate, log, migrations, config file, data, or application code
// (under the image's code roots); only code and migrations are findings.

import { posix } from 'node:path';
import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { bindMountsOf, dockerfileOf, imageOf, isPlainObject, loadComposeFiles, type BindMount, type ComposeService } from '../../parse/compose.js';
import { stageLineage } from '../../parse/dockerfile.js';
import { loadDockerfile } from '../docker/common.js';
import { checkComposeServices, serviceLabel } from './common.js';

export type MountKind = 'socket' | 'certificate' | 'log' | 'migrations' | 'config file' | 'data' | 'code' | 'other';

/** Where the image keeps its code: directories (WORKDIR, COPY destinations) and single files COPY'd to a path. */
export interface CodeRoots {
  dirs: string[];
  files: string[];
  /** `WORKDIR in api/Dockerfile` or `the usual code roots`. */
  source: string;
}

// Where images conventionally keep application code when no Dockerfile says otherwise.
export const COMMON_CODE_ROOTS = ['/app', '/srv/app', '/usr/src/app', '/code', '/var/www/html', '/opt/app', '/src', '/home/app', '/var/www/app'];
// Directories a COPY may write to that are not application code.
const SYSTEM_DIRS = /^\/(|etc(\/.*)?|tmp|var\/tmp|var\/log|root|usr(\/local)?\/(s?bin|lib|share\/ca-certificates)|s?bin|docker-entrypoint-initdb\.d)$/;


const SOCKET = /\.sock$|^\/(var\/)?run(\/|$)/;
const CERTIFICATE = /(^|\/)(certs?|certificates|ssl|tls|letsencrypt|acme|pki|ca-certificates)(\/|$)|\.(pem|crt|cer|key|p12|pfx|jks|keystore)$|acme\.json$/i;
const LOG = /(^|\/)(logs?|log-?files)(\/|$)|\.log$/i;
// Django/Alembic/Rails/Prisma/Knex/Flyway/golang-migrate folders.
const MIGRATIONS = /(^|\/)(migrations|migration|alembic|db\/migrate|migrate|flyway|changelog|liquibase)(\/|$)|\/V\d+__[^/]*\.sql$/i;
const CODE_FILE = /\.(py|pyc|js|mjs|cjs|ts|jsx|tsx|rb|php|go|java|jar|war|kt|sh|pl|pm|ex|exs|erb|html|jinja2?|twig)$/i;
const CONFIG_FILE = /(^|\/)\.env(\.[\w-]+)?$|\.(env|ya?ml|toml|ini|conf|cfg|cnf|json|xml|properties|config)$|(^|\/)(conf\.d|config|conf|nginx|Caddyfile|gunicorn\.conf)(\/|$)/i;
const DATA = /(^|\/)(data|media|uploads?|storage|static(files)?|public\/(uploads|media|static)|files|attachments|var|db|database|backups?|cache|tmp|temp|volumes?|dumps?|exports?|imports?|consume|export|index|db-?data)\/?$/i;

// A folder inside a data folder (Laravel's `storage/app/ssh`, `media/avatars`, `uploads/2024`) is data too.
const INSIDE_DATA = /(^|\/)(data|media|uploads?|storage|attachments|backups?|cache)\/[^/]/i;

/** What a bind mount lands on. */
export function classifyMount(mount: BindMount, roots: CodeRoots): MountKind {
  const target = posix.normalize(mount.target).replace(/\/$/, '');
  if (SOCKET.test(target) || SOCKET.test(mount.source)) return 'socket';
  if (CERTIFICATE.test(target)) return 'certificate';
  if (LOG.test(target)) return 'log';
  const underRoots = roots.files.includes(target) || roots.dirs.some((root) => target === root || target.startsWith(`${root}/`));
  if (MIGRATIONS.test(target)) return 'migrations';
  // A source file mounted anywhere overrides or adds code; one from the repository
  // outside the image's code roots (a healthcheck script added to an upstream image) is versioned and reviewed.
  // A source without an extension is a folder, whatever the target is called (`${CONFIG}/proxy-acme:/etc/acme.sh`,
  // acme.sh's home, pixelfed round 12); a source that is only a variable could be either.
  const sourceName = posix.basename(mount.source.replace(/\/+$/, ''));
  const folderSource = !/^\$\{?\w+\}?$/.test(sourceName) && !CODE_FILE.test(sourceName);
  if (CODE_FILE.test(target) && !folderSource && (underRoots || mount.outsideRepository)) return 'code';
  if (CONFIG_FILE.test(target)) return 'config file';
  if (DATA.test(target) || INSIDE_DATA.test(target)) return 'data';
  if (underRoots) return 'code';
  return 'other';
}

/**
 * The code roots of the image a service runs: WORKDIR and COPY destinations
 * of the Dockerfile that builds it (the service's own `build`, or another
 * compose service building the same `image`), else the common roots.
 */
export async function codeRootsOf(ctx: RepoCheckContext, service: ComposeService): Promise<CodeRoots> {
  const dockerfile = dockerfileOf(service) ?? (await builderOf(ctx, service));
  const file = dockerfile && ctx.files.has(dockerfile) ? await loadDockerfile(ctx, dockerfile) : undefined;
  if (!file || file.problem || !file.stages.length) return { dirs: COMMON_CODE_ROOTS, files: [], source: 'the usual code roots' };
  const build = service.config.build;
  const target = isPlainObject(build) && typeof build.target === 'string' ? build.target.toLowerCase() : undefined;
  const index = target ? Math.max(0, file.stages.findIndex((s) => s.name === target)) : file.stages.length - 1;
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const stage of stageLineage(file, index).reverse()) {
    let workdir = '/';
    for (const ins of stage.instructions) {
      if (ins.keyword === 'WORKDIR' && ins.args[0]) {
        workdir = posix.resolve(workdir, ins.args[0]);
        if (!SYSTEM_DIRS.test(workdir)) dirs.add(workdir);
      } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.args.length >= 2) {
        const dest = ins.args[ins.args.length - 1]!;
        const absolute = posix.resolve(workdir, dest);
        if (/\$/.test(dest)) continue;
        const isDir = dest.endsWith('/') || dest === '.' || ins.args.length > 2;
        if (isDir) {
          if (!SYSTEM_DIRS.test(absolute)) dirs.add(absolute);
        } else files.add(absolute);
      }
    }
  }
  if (!dirs.size && !files.size) return { dirs: COMMON_CODE_ROOTS, files: [], source: 'the usual code roots' };
  return { dirs: [...dirs], files: [...files], source: `WORKDIR/COPY destinations of ${dockerfile}` };
}

/**
 * The Dockerfile of another compose service that builds the image this one
 * only names, or of the same service in the base file an overlay completes
 * (`docker-compose.prod.yml` adding volumes to `docker-compose.yml`'s `web`).
 */
async function builderOf(ctx: RepoCheckContext, service: ComposeService): Promise<string | undefined> {
  const image = imageOf(service);
  const dir = posix.dirname(service.path);
  for (const file of await loadComposeFiles(ctx)) {
    for (const other of file.services) {
      const same = image ? imageOf(other) === image : other.name === service.name && posix.dirname(other.path) === dir;
      if (other !== service && same && other.config.build !== undefined) {
        const path = dockerfileOf(other);
        if (path) return path;
      }
    }
  }
  return undefined;
}

/** Mount entries shown in a finding: the first few, then a count. */
const SHOWN = 5;

export const composeCodeBindMount: RepoCheck = {
  id: 'compose.code-bind-mount',
  title: 'Production services run their image, not code mounted from the host',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  // Only production compose files: mounting the source over the image is the
  // development convention (`.:/app` with a reloader), judged nowhere else.
  roles: 'own',
  docs: {
    summary:
      'Fails once per service of a production compose file that bind-mounts host paths onto the image\'s application code: the WORKDIR or COPY destinations of the Dockerfile that builds it (or, without one, /app, /srv/app, /usr/src/app, /code, /var/www/html, /opt/app...), or a source file (.py, .js, .rb, .php...) from outside the repository; P0 when a host path from outside the repository lands on a migrations folder or file. Data, socket, certificate, config-file and log mounts are fine and named as such; named volumes are not bind mounts.',
    why: 'The image is what CI built and tested; a host folder mounted over its code means production runs files that were copied to the server by hand, that no review or test saw, and that differ from every other environment. Over migrations it is worse: the schema then depends on a migration graph that exists only on that server, so the next deploy from the repository can conflict with it or roll it back.',
    fix: 'Put the code in the image (COPY it in the Dockerfile, build and tag per release) and deploy a new image for every change; keep bind mounts for data, sockets, certificates, config files and logs. Server-specific settings come from environment variables or a mounted config file, not from overriding modules.',
    snippets: [
      { stack: 'Compose', code: 'services:\n  web:\n    image: ghcr.io/acme/web:1.4.2   # built by CI from the repository\n    env_file: .env.production\n    volumes:\n      - media:/app/media             # data: fine\n      # not: - /var/www/app/overlay/app/settings.py:/app/app/settings.py:ro\nvolumes:\n  media: {}' },
      { stack: 'Django', code: '# settings read from the environment instead of an overridden settings.py\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nDATABASES = {"default": env.db("DATABASE_URL")}\n# migrations live in the repository and run from the image, once per release' },
      { stack: 'Node', code: '# Dockerfile\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\n# compose: no ".:/app" in production; node_modules and code come from the image' },
    ],
    severityNote: 'P0 when a host path from outside the repository lands on a migrations folder or file (Django/Alembic/Rails/Prisma/Flyway...): the schema depends on files the repository does not have. A source file mounted from the repository outside the image\'s code roots (a healthcheck script added to an upstream image) is not counted. Only production compose files are judged.',
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'bind mounts of production services',
      applies: (_service, file) => ctx.model.roles.mayBeProduction(file.path),
      async visit(service): Promise<FindingInput[]> {
        const mounts = bindMountsOf(service);
        if (!mounts.length) return [];
        const roots = await codeRootsOf(ctx, service);
        const kinds = mounts.map((mount) => ({ mount, kind: classifyMount(mount, roots) }));
        const overCode = kinds.filter((k) => k.kind === 'code' || k.kind === 'migrations');
        if (!overCode.length) return [];
        const migrations = overCode.filter((k) => k.kind === 'migrations');
        const foreignMigrations = migrations.filter((k) => k.mount.outsideRepository);
        const outside = overCode.filter((k) => k.mount.outsideRepository).length;
        const origin = outside === overCode.length ? 'host path(s) outside the repository' : outside === 0 ? 'path(s) of the repository checkout' : `path(s) (${outside} outside the repository)`;
        const others = countBy(kinds.filter((k) => k.kind !== 'code' && k.kind !== 'migrations' && k.kind !== 'other').map((k) => k.kind));
        const first = migrations[0] ?? overCode[0]!;
        const shown = [...migrations, ...overCode.filter((k) => k.kind === 'code')].slice(0, SHOWN).map((k) => `${k.kind === 'migrations' ? 'migrations' : 'code'}: ${k.mount.text} (line ${service.locate(['volumes', k.mount.key]).line})`);
        const readOnly = overCode.every((k) => k.mount.readOnly) ? ', all read-only' : '';
        const over = `${overCode.length} ${origin} over the image's code (${roots.source}: ${roots.dirs.slice(0, 3).join(', ') || roots.files[0]})${readOnly}`;
        const what = foreignMigrations.length
          ? `${over}, ${foreignMigrations.length} of them onto migrations: the schema depends on files outside the repository`
          : migrations.length
            ? `${over}, ${migrations.length} of them onto migrations: the schema follows the server's checkout, not the image`
            : `${over}: production runs files from the server, not the image that was built and tested`;
        const fine = others.length ? ` Also mounted, and fine: ${others.join(', ')}.` : '';
        return [
          {
            status: 'fail',
            ...(foreignMigrations.length ? { severity: 'P0' as const } : {}),
            message: `${serviceLabel(service)} bind-mounts ${what}.${fine}`,
            location: service.locate(['volumes', first.mount.key]),
            evidence: shown.join('\n') + (overCode.length > SHOWN ? `\n... and ${overCode.length - SHOWN} more` : ''),
          },
        ];
      },
    });
  },
};

function countBy(kinds: string[]): string[] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`);
}
