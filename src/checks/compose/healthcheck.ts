import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { datastoreOf, dependenciesOf, dockerfileOf, hasHealthcheck, imageOf, isOneShot, isPlainObject, type ComposeService, type Datastore } from '../../parse/compose.js';
import { stageLineage } from '../../parse/dockerfile.js';
import { checkComposeServices, serviceLabel } from './common.js';
import { declaresHealthcheck } from '../../parse/image-facts.js';

// The readiness command each datastore's image ships (what the healthcheck of that service should run); any other
// service is asked over HTTP.
const READY_COMMAND: Record<Datastore, string> = {
  postgres: '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]',
  mysql: '["CMD", "mysqladmin", "ping", "-h", "127.0.0.1"]',
  mariadb: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]',
  mongo: '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]',
  redis: '["CMD", "redis-cli", "ping"]',
  rabbitmq: '["CMD", "rabbitmq-diagnostics", "-q", "ping"]',
  elasticsearch: '["CMD-SHELL", "curl -fsS http://localhost:9200/_cluster/health || exit 1"]',
  memcached: '["CMD-SHELL", "echo stats | nc -w 1 127.0.0.1 11211 | grep -q uptime"]',
  minio: '["CMD", "mc", "ready", "local"]',
};

// The fix for the service seen: its own store's readiness command, or an HTTP probe of its health endpoint.
const fixFor = (service: string, image: string | undefined) => {
  const store = datastoreOf(image);
  const test = store ? READY_COMMAND[store] : '["CMD-SHELL", "wget -qO- http://localhost:<port>/health || exit 1"]';
  const what = store ? `${store}'s own readiness command` : 'a request to its health endpoint (curl or wget, whichever the image has)';
  return `Give service \`${service}\` a healthcheck that runs ${what}: \`healthcheck: { test: ${test}, interval: 10s, timeout: 5s, retries: 5${store ? '' : ', start_period: 20s'} }\`.`;
};

/** Whether the image declares its own HEALTHCHECK (parse/image-facts.ts: a short list, on purpose). */
export function hasBuiltinHealthcheck(image: string | undefined): boolean {
  return declaresHealthcheck(image);
}

/** The Dockerfile the service builds, when it is in the repository and its final stage declares HEALTHCHECK. */
async function builtDockerfileHasHealthcheck(ctx: RepoCheckContext, service: ComposeService): Promise<string | undefined> {
  const path = dockerfileOf(service);
  return path ? dockerfileHasHealthcheck(ctx, path) : undefined;
}

async function dockerfileHasHealthcheck(ctx: RepoCheckContext, path: string): Promise<string | undefined> {
  if (!ctx.files.has(path)) return undefined;
  const parsed = await ctx.parsed.dockerfile(path);
  if (!parsed || parsed.stages.length === 0) return undefined;
  const lineage = stageLineage(parsed, parsed.stages.length - 1);
  for (const stage of lineage) {
    const hc = [...stage.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (hc) return hc.args[0]?.toUpperCase() === 'NONE' ? undefined : path;
  }
  return undefined;
}

// A container that only runs jobs on a schedule: its command is a crontab line
// (`0 0 * * * sentry cleanup`, `@daily ...`) or it runs a cron daemon.
const CRONTAB_LINE = /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|([\d*/,-]+\s+){4}[\d*/,-]+)\s+\S/;
const CRON_DAEMON = /(^|[\s/"'])(cron|crond|supercronic|go-crond|busybox\s+crond)(\s|$|["'])/;

export function schedulerOf(service: ComposeService): string | undefined {
  const words = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(' ') : typeof value === 'string' ? value : '');
  const command = words(service.config.command).trim().replace(/^["']+/, '');
  if (CRONTAB_LINE.test(command)) return `a crontab line: ${command.split(/\s+/).slice(0, 5).join(' ')}`;
  const daemon = CRON_DAEMON.exec(`${words(service.config.entrypoint)} ${command}`.slice(0, 2000));
  return daemon ? `the ${daemon[2]} daemon` : undefined;
}

export const composeHealthcheck: RepoCheck = {
  id: 'compose.healthcheck',
  title: 'Compose services declare a healthcheck',
  category: 'reliability',
  // SEVERITY.md: a missing healthcheck is P2 unless something waits on it.
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each long-running compose service (not a one-shot job such as migrate/init/seed, a `tools` profile, or a service others wait for with `service_completed_successfully`) that has no `healthcheck` (or disables it), whose image has no known built-in HEALTHCHECK and whose built Dockerfile declares none (the Dockerfile the service builds, or the one the repository\'s CI or scripts build and tag as its image, such as the project\'s own `org/app:latest`). Services are judged as their compose deployment runs them (the `-f` files merged, see "Compose deployments"), so a healthcheck set by an overlay counts for its base. Unlike KICS "Healthcheck Not Set", one-shot jobs are not judged and a HEALTHCHECK in the Dockerfile the service builds counts.',
    why: 'Without a healthcheck Docker only knows the process is alive, not that it serves: `depends_on: condition: service_healthy`, rolling updates and restarts cannot wait for real readiness, and a hung service stays "Up".',
    fix: 'Add a `healthcheck:` with a `test` that exercises the service (an HTTP health endpoint, `pg_isready`, `redis-cli ping`) and sensible `interval`/`timeout`/`retries`/`start_period`.',
    snippets: [
      { stack: 'PostgreSQL', code: 'healthcheck:\n  test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]\n  interval: 10s\n  timeout: 5s\n  retries: 5' },
      { stack: 'HTTP service', code: 'healthcheck:\n  test: ["CMD", "curl", "-fsS", "http://localhost:8000/health"]\n  interval: 15s\n  timeout: 3s\n  retries: 3\n  start_period: 20s' },
    ],
    severityNote: 'P2 (SEVERITY.md: hygiene unless something waits on it); P1 when another service of the deployment waits for it with `depends_on: condition: service_healthy`, which Compose cannot satisfy without one. A service that publishes no port and only runs scheduled jobs (its command is a crontab line, or it runs cron/crond/supercronic) says so. A compose file that is not valid YAML, and an `include:` of a file that is not in the repository, are reported here, once, as an `error` at that line; a remote `include`, a cyclic or missing `extends` and a `-f` chain naming a missing file are reported here as `skip` notes at their line. The other compose checks skip such files.',
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'healthchecks of long-running services',
      reportsParseErrors: true,
      judgesAbsence: true,
      applies: (service, file) => !isOneShot(service, file),
      async visit(service, file): Promise<FindingInput[]> {
        if (hasHealthcheck(service)) return [];
        const label = serviceLabel(service);
        if (isPlainObject(service.config.healthcheck)) {
          return [{ status: 'fail', message: `The healthcheck of ${label} is disabled.`, remediation: fixFor(service.name, imageOf(service)), location: service.locate(['healthcheck']) }];
        }
        const image = imageOf(service);
        if (hasBuiltinHealthcheck(image)) return [];
        if (await builtDockerfileHasHealthcheck(ctx, service)) return [];
        // The project's own published image (`org/app:latest`), built and tagged by its CI from a Dockerfile here.
        if (image) for (const path of ctx.model.builds.dockerfilesForImage(image)) if (await dockerfileHasHealthcheck(ctx, path)) return [];
        const what = image ? `image ${image}` : 'its build';
        const message = `${label} has no healthcheck (and ${what} declares none that is known).`;
        const remediation = fixFor(service.name, image);
        const waiting = file.services.filter((other) => dependenciesOf(other).some((d) => d.name === service.name && d.condition === 'service_healthy')).map((o) => `\`${o.name}\``);
        if (waiting.length) {
          return [{ status: 'fail', severity: 'P1', message: `${message} P1: ${waiting.join(', ')} wait${waiting.length === 1 ? 's' : ''} for it with condition: service_healthy, which cannot be met.`, remediation, location: service.locate([]) }];
        }
        const scheduler = schedulerOf(service);
        if (scheduler && service.config.ports === undefined) {
          return [{ status: 'fail', message: `${message} It runs scheduled jobs (${scheduler}) and serves nothing; nothing waits for it to be ready, only a hung scheduler goes unnoticed.`, remediation, location: service.locate([]) }];
        }
        return [{ status: 'fail', message: `${message} Nothing waits for it (no depends_on with condition: service_healthy).`, remediation, location: service.locate([]) }];
      },
    });
  },
};
