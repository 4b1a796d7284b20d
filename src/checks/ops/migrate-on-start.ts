// Migrations that run on every container start couple each restart to a
// schema change, and when several containers start together (web, worker
// and beat from one image, or replicas) they race: two `manage.py migrate`
// apply the same migration, one fails half-way or both create the same
// table. Tools that take a lock (Prisma, Knex, Rails, Flyway, Laravel
// `--isolated`) serialise the runs; Django, Alembic, Sequelize, TypeORM and
// Drizzle do not. The usual answer is one migration job per release.

import { posix } from 'node:path';
import type { FindingInput, Location, RepoCheck, RepoCheckContext, Severity } from '../../engine/types.js';
import { dockerfileOf, imageOf, isOneShot, isPlainObject, type ComposeFile, type ComposeService } from '../../parse/compose.js';
import { isFragment, type ComposeDeployment } from '../../model/deployments.js';
import { roleOfProfiles } from '../compose/common.js';
import { stageLineage, type Dockerfile, type DockerInstruction } from '../../parse/dockerfile.js';
import { dockerfilePaths, loadDockerfile } from '../docker/common.js';
import { loadManifests } from '../../parse/kubernetes.js';

interface MigrationTool {
  pattern: RegExp;
  name: string;
  /** Takes a database lock, so concurrent runs wait for each other (the tool's documented behaviour). */
  locks: boolean | RegExp;
}

const MIGRATION_TOOLS: MigrationTool[] = [
  { pattern: /\b(manage\.py|django-admin)\s+migrate\b/, name: 'Django `migrate`', locks: false },
  { pattern: /\balembic\b[^\n;&|]*\bupgrade\b/, name: 'Alembic `upgrade`', locks: false },
  { pattern: /\bflask\s+db\s+upgrade\b/, name: 'Flask-Migrate `db upgrade`', locks: false },
  // Prisma Migrate takes a PostgreSQL/MySQL advisory lock (docs: "Advisory locking").
  { pattern: /\bprisma\s+migrate\s+deploy\b/, name: 'Prisma `migrate deploy`', locks: true },
  // Knex holds the knex_migrations_lock table while migrating.
  { pattern: /\bknex\b[^\n;&|]*\bmigrate:latest\b/, name: 'Knex `migrate:latest`', locks: true },
  // Rails takes an advisory lock around migrations (ActiveRecord::ConcurrentMigrationError).
  { pattern: /\b(rails|rake)\s+db:(migrate|prepare)\b/, name: 'Rails `db:migrate`', locks: true },
  // Flyway locks its schema history table.
  { pattern: /\bflyway\b[^\n;&|]*\bmigrate\b/, name: 'Flyway `migrate`', locks: true },
  { pattern: /\bsequelize(-cli)?\s+db:migrate\b/, name: 'Sequelize `db:migrate`', locks: false },
  { pattern: /\btypeorm[\w-]*\b[^\n;&|]*\bmigration:run\b/, name: 'TypeORM `migration:run`', locks: false },
  { pattern: /\bdrizzle-kit\s+(migrate|push)\b/, name: 'Drizzle `migrate`', locks: false },
  // `artisan migrate --isolated` takes a cache lock (Laravel 9+).
  { pattern: /\bartisan\s+migrate\b/, name: 'Laravel `artisan migrate`', locks: /--isolated\b/ },
];

/** A lock taken around the command by the script itself. */
const EXPLICIT_LOCK = /\bflock\b|pg_advisory_lock|GET_LOCK\s*\(|\bwait-for-migrations?\b|--isolated\b/;

interface MigrationRun {
  tool: MigrationTool;
  location: Location;
  /** The command as written, trimmed. */
  command: string;
  /** `docker/entrypoint.sh`, `the Dockerfile CMD`, `command:`... */
  via: string;
  /** Inside an `if`/`case` of the script, or behind `[ ... ] &&`: not every start runs it. */
  conditional: boolean;
  locked: boolean;
}

function findMigration(text: string): { tool: MigrationTool; match: RegExpExecArray } | undefined {
  for (const tool of MIGRATION_TOOLS) {
    const match = tool.pattern.exec(text);
    if (match) return { tool, match };
  }
  return undefined;
}

function isLocked(tool: MigrationTool, text: string): boolean {
  if (EXPLICIT_LOCK.test(text)) return true;
  return tool.locks instanceof RegExp ? tool.locks.test(text) : tool.locks;
}

/** The first migration command of a shell script, with whether it sits inside a condition. */
function migrationInScript(path: string, text: string): MigrationRun | undefined {
  let depth = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < 2000; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('#')) continue;
    if (/^(if|case)\b/.test(line)) depth++;
    const found = findMigration(line);
    if (found) {
      const conditional = depth > 0 || /^\[\[?[^\]]*\]\]?\s*&&|^test\s[^&]*&&/.test(line);
      return { tool: found.tool, location: { path, line: i + 1 }, command: clip(line), via: path, conditional, locked: isLocked(found.tool, text) };
    }
    // Shell `fi`/`esac`, uWSGI `endif =` (its `if-env = X` blocks).
    if (/^(fi|esac|endif)\b/.test(line) || /;\s*(fi|esac)\s*$/.test(line)) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

// Script paths named in an ENTRYPOINT/CMD/command: `./docker-entrypoint.sh`, `/start`, `bin/boot.sh`,
// and uWSGI configs, whose `hook-pre-app = exec:./manage.py migrate` runs at every start.
const SCRIPT_TOKEN = /(?:^|[\s"'[,=])((?:\.{0,2}\/)?[\w./-]*[\w-]+\.(?:sh|ini)|\/[\w./-]*(?:entrypoint|start|boot|run)[\w.-]*)(?=$|[\s"',\]])/g;

interface ImageFacts {
  dockerfile?: string;
  file?: Dockerfile;
  stage?: number;
  contextDir?: string;
}

async function imageFacts(ctx: RepoCheckContext, dockerfile: string | undefined, contextDir: string | undefined, target?: string): Promise<ImageFacts> {
  if (!dockerfile || !ctx.files.has(dockerfile)) return {};
  const file = await loadDockerfile(ctx, dockerfile);
  if (!file || file.problem || !file.stages.length) return {};
  const stage = target ? Math.max(0, file.stages.findIndex((s) => s.name === target.toLowerCase())) : file.stages.length - 1;
  return { dockerfile, file, stage, contextDir: contextDir ?? posix.dirname(dockerfile) };
}

/** The last instruction of `keyword` that applies to the final stage (inherited from parent stages). */
function lastInstruction(facts: ImageFacts, keyword: string): DockerInstruction | undefined {
  if (!facts.file || facts.stage === undefined) return undefined;
  for (const stage of stageLineage(facts.file, facts.stage)) {
    const found = [...stage.instructions].reverse().find((i) => i.keyword === keyword);
    if (found) return found;
  }
  return undefined;
}

/** The repository file a script path in the image comes from: a COPY whose destination it is, else a file of that name in the build context. */
function scriptSource(ctx: RepoCheckContext, facts: ImageFacts, token: string): string | undefined {
  const name = posix.basename(token);
  if (facts.file && facts.stage !== undefined) {
    let workdir = '/';
    for (const stage of stageLineage(facts.file, facts.stage).reverse()) {
      for (const ins of stage.instructions) {
        if (ins.keyword === 'WORKDIR' && ins.args[0]) workdir = posix.resolve(workdir, ins.args[0]);
        if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flags.from !== undefined || ins.args.length < 2) continue;
        const dest = posix.resolve(workdir, ins.args[ins.args.length - 1]!);
        const wanted = posix.resolve(workdir, token);
        for (const source of ins.args.slice(0, -1)) {
          const landed = ins.args[ins.args.length - 1]!.endsWith('/') || ins.args.length > 2 ? posix.join(dest, posix.basename(source)) : dest;
          if (landed === wanted || (posix.basename(source) === name && dest === posix.dirname(wanted))) {
            const repoPath = posix.normalize(posix.join(facts.contextDir ?? '.', source));
            if (ctx.files.has(repoPath)) return repoPath;
          }
        }
      }
    }
  }
  // No COPY says where it comes from: a file of that name in the build context, or one whose
  // path ends like the script's (`./docker/entrypoint.sh` -> `docker/entrypoint.sh`).
  const context = facts.contextDir && facts.contextDir !== '.' ? `${facts.contextDir}/` : '';
  const relative = token.replace(/^(\.\/)+/, '');
  return ctx.files.files
    .filter((f) => posix.basename(f.path) === name && (f.path.startsWith(context) || (!token.startsWith('/') && relative.includes('/') && f.path.endsWith(relative))))
    .map((f) => f.path)
    .sort((a, b) => Number(!a.startsWith(context)) - Number(!b.startsWith(context)) || a.length - b.length)[0];
}

/** Whether a start command (and the script it runs, one level) migrates. */
async function migrationOnStart(ctx: RepoCheckContext, facts: ImageFacts, command: { text: string; location: Location; via: string }): Promise<MigrationRun | undefined> {
  const direct = findMigration(command.text);
  if (direct) {
    const conditional = /\[\[?[^\]]*\]\]?\s*&&|\bif\b/.test(command.text.slice(0, direct.match.index));
    return { tool: direct.tool, location: command.location, command: clip(command.text), via: command.via, conditional, locked: isLocked(direct.tool, command.text) };
  }
  for (const m of command.text.matchAll(SCRIPT_TOKEN)) {
    const source = scriptSource(ctx, facts, m[1]!);
    if (!source) continue;
    const text = await ctx.files.read(source);
    const run = text === undefined ? undefined : migrationInScript(source, text);
    if (run) return run;
  }
  return undefined;
}

function commandText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String).join(' ') : String(value);
}

/** The start command of a compose service: its own entrypoint/command, else the image's (compose drops the image CMD when it sets an entrypoint). */
async function serviceMigration(ctx: RepoCheckContext, service: ComposeService): Promise<MigrationRun | undefined> {
  const build = service.config.build;
  const context = typeof build === 'string' ? build : isPlainObject(build) && typeof build.context === 'string' ? build.context : build !== undefined ? '.' : undefined;
  const contextDir = context === undefined ? undefined : posix.normalize(posix.join(posix.dirname(service.locate(['build']).path), context));
  const facts = await imageFacts(ctx, dockerfileOf(service), contextDir, isPlainObject(build) && typeof build.target === 'string' ? build.target : undefined);
  const parts: Array<{ text: string; location: Location; via: string }> = [];
  const entrypoint = commandText(service.config.entrypoint);
  const command = commandText(service.config.command);
  // Located in the file that set the key: an overlay's `command:` is reported there, not at the base.
  if (entrypoint !== undefined) parts.push({ text: entrypoint, location: service.locate(['entrypoint']), via: `\`entrypoint:\` of ${service.locate(['entrypoint']).path}` });
  else {
    const ins = lastInstruction(facts, 'ENTRYPOINT');
    if (ins) parts.push({ text: ins.text, location: { path: facts.dockerfile!, line: ins.line }, via: `the ENTRYPOINT of ${facts.dockerfile}` });
  }
  if (command !== undefined) parts.push({ text: command, location: service.locate(['command']), via: `\`command:\` of ${service.locate(['command']).path}` });
  else if (entrypoint === undefined) {
    const ins = lastInstruction(facts, 'CMD');
    if (ins) parts.push({ text: ins.text, location: { path: facts.dockerfile!, line: ins.line }, via: `the CMD of ${facts.dockerfile}` });
  }
  for (const part of parts) {
    const run = await migrationOnStart(ctx, facts, part);
    if (run) return run;
  }
  return undefined;
}

function replicasOf(service: ComposeService): number {
  const deploy = service.config.deploy;
  const replicas = isPlainObject(deploy) ? Number(deploy.replicas) : NaN;
  const scale = Number(service.config.scale);
  return Math.max(1, Number.isFinite(replicas) ? replicas : 1, Number.isFinite(scale) ? scale : 1);
}

/** `build: ./api` or `image: acme/api:1` — the same key means the same image. */
function imageKey(service: ComposeService): string {
  return dockerfileOf(service) ?? imageOf(service) ?? `service:${service.name}`;
}

const FIX_TEXT =
  'Run migrations once per release, before the new version starts: a one-off `migrate` service that the others wait for (`depends_on: {migrate: {condition: service_completed_successfully}}`), a release/pre-deploy job (Heroku/Render/Fly release command), a Kubernetes Job or Helm pre-upgrade hook, or an init container of a single-replica Deployment; otherwise take a lock around the command.';

export const migrateOnStart: RepoCheck = {
  id: 'ops.migrate-on-start',
  title: 'Migrations do not run on every start of a shared image',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  // Production compose files only: a development stack migrating on `up` is the convenient default there.
  roles: 'own',
  docs: {
    summary:
      'Fails when a service of a production compose deployment (its files merged as the `-f` chain that runs them, model/deployments.ts; reported at the line of the file that set the command) runs database migrations every time it starts (`manage.py migrate`, `alembic upgrade`, `flask db upgrade`, `prisma migrate deploy`, `knex migrate:latest`, `rails db:migrate`, `flyway migrate`, `sequelize db:migrate`, `typeorm migration:run`, `artisan migrate`), in its `command`/`entrypoint`, the Dockerfile ENTRYPOINT/CMD, or the entrypoint script or uWSGI config they run (read one level); for a production Dockerfile no compose file builds, when its ENTRYPOINT/CMD does; and for Kubernetes workloads whose containers run them in `command`/`args`. One-off migration services (a `migrate` service, `restart: "no"`, or one others wait for with `service_completed_successfully`) are the fix, not a finding.',
    why: 'Every restart becomes a schema change, and a failing migration becomes a crash loop. When the image runs as several services (web, worker, beat) or replicas, the starts race: tools without a lock (Django, Alembic, Sequelize, TypeORM) apply the same migration twice, and one of them fails half-way through or leaves the schema inconsistent.',
    fix: FIX_TEXT,
    snippets: [
      { stack: 'Compose', code: 'services:\n  migrate:\n    image: ghcr.io/acme/app:1.4.2\n    command: python manage.py migrate --noinput\n    restart: "no"\n  web:\n    image: ghcr.io/acme/app:1.4.2\n    command: gunicorn app.wsgi\n    depends_on:\n      migrate: {condition: service_completed_successfully}\n  worker:\n    image: ghcr.io/acme/app:1.4.2\n    command: celery -A app worker\n    depends_on:\n      migrate: {condition: service_completed_successfully}' },
      { stack: 'Kubernetes', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate-1-4-2\n  annotations:\n    "helm.sh/hook": pre-install,pre-upgrade\nspec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/app:1.4.2\n          command: ["alembic", "upgrade", "head"]' },
      { stack: 'entrypoint.sh', code: '#!/bin/sh\nset -e\n# only the process that asked for it migrates, under a lock\nif [ "$RUN_MIGRATIONS" = "1" ]; then\n  flock /tmp/migrate.lock python manage.py migrate --noinput\nfi\nexec "$@"' },
      { stack: 'Prisma / Rails / Knex / Flyway', code: '# these take a database lock, so concurrent starts wait instead of racing;\n# a release job still keeps a failing migration from crash-looping every replica\nnpx prisma migrate deploy   # in the release job, not in CMD' },
    ],
    severityNote:
      'P1 when more than one container runs the migration at start (the image is used by several services, `deploy.replicas`/`scale` > 1, a Kubernetes workload with `replicas` > 1 or a DaemonSet) with a tool that takes no lock and no lock around it; P2 otherwise (a single container, a locking tool, a migration behind a condition in the script, or a Dockerfile whose replicas are decided elsewhere).',
  },
  async run(ctx) {
    // Production compose deployments (model/deployments.ts): the files that run together, merged, under the deployment's role.
    const deployments = ctx.model.deployments.list.filter((d) => d.role.role === 'production');
    const files = new Set(deployments.flatMap((d) => d.files));
    const standalone = standaloneDockerfiles(ctx, deployments);
    if (!deployments.length && !standalone.length && !(await loadManifests(ctx)).some((m) => m.workloads.length)) return [{ status: 'skip', message: 'No production compose file, Dockerfile or Kubernetes workload.' }];
    const findings: FindingInput[] = [];
    let looked = 0;
    // A base file shared by several production deployments: each command line is reported once.
    const seen = new Set<string>();
    for (const deployment of deployments) {
      for (const finding of await findingsForCompose(ctx, deployment, () => looked++)) {
        const key = finding.location ? `${finding.location.path}:${finding.location.line}` : finding.message;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(finding);
      }
    }
    findings.push(...(await findingsForStandaloneDockerfiles(ctx, deployments, () => looked++)));
    let workloads = 0;
    findings.push(...(await findingsForKubernetes(ctx, () => workloads++)));
    if (findings.length) return findings;
    const where = [files.size ? `${files.size} production compose file(s)` : '', standalone.length ? `${standalone.length} Dockerfile(s) no compose file builds` : '', workloads ? `${workloads} Kubernetes workload(s)` : ''].filter(Boolean).join(', ');
    return [{ status: 'pass', message: `Nothing runs migrations on start in ${where} (${looked} long-running service(s) or image(s) read, with their entrypoint scripts).` }];
  },
};

/** One production deployment: its services as merged over every `-f` file, a `command:` reported where it is written. */
async function findingsForCompose(ctx: RepoCheckContext, deployment: ComposeDeployment, count: () => void): Promise<FindingInput[]> {
  const file: ComposeFile = { path: deployment.files[deployment.files.length - 1]!, services: deployment.services, deployment };
  const runs: Array<{ service: ComposeService; run: MigrationRun }> = [];
  for (const service of deployment.services) {
    // Not started by `up` in production: one-off services, bare fragments no file completes, development/test profiles.
    if (isOneShot(service, file) || isFragment(service) || roleOfProfiles(service.profiles)) continue;
    count();
    const run = await serviceMigration(ctx, service);
    if (run) runs.push({ service, run });
  }
  if (!runs.length) return [];
  // Every container that migrates on start, across the deployment: they share one database.
  const starts = runs.filter((r) => !r.run.conditional).reduce((sum, r) => sum + replicasOf(r.service), 0);
  const groups = new Map<string, Array<{ service: ComposeService; run: MigrationRun }>>();
  for (const r of runs) {
    const key = `${r.run.location.path}:${r.run.location.line}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: FindingInput[] = [];
  for (const group of groups.values()) {
    const { run } = group[0]!;
    const names = group.map((g) => `\`${g.service.name}\`${replicasOf(g.service) > 1 ? ` (${replicasOf(g.service)} replicas)` : ''}`);
    const images = new Set(group.map((g) => imageKey(g.service)));
    const races = starts > 1 && !run.locked && !run.conditional;
    const severity: Severity = races ? 'P1' : 'P2';
    const who = group.length > 1 || images.size > 1 ? `${group.length} services of ${deployment.name} (${names.join(', ')})` : `service ${names[0]} of ${deployment.name}`;
    const why = races
      ? `${starts} containers start together and each runs it; ${run.tool.name} takes no lock, so they race to apply the same migrations.`
      : run.conditional
        ? 'It runs under a condition in the script: check that exactly one container meets it.'
        : run.locked
          ? `${run.tool.name} takes a lock, so concurrent starts wait rather than race; a failing migration still crash-loops every container.`
          : 'Every restart is a schema change, and a second replica would race it.';
    out.push({
      status: 'fail',
      ...(severity !== 'P2' ? { severity } : {}),
      message: `${who} run${group.length > 1 ? '' : 's'} ${run.tool.name} on every start (\`${run.command}\`, ${run.via}). ${why}`,
      location: run.location,
      remediation: FIX_TEXT,
      // The deployment's role, whatever the role of the file that wrote the line.
      role: deployment.role,
    });
  }
  return out;
}

/**
 * Kubernetes workloads whose containers run migrations in `command`/`args`:
 * every pod migrates as it starts, so `replicas` > 1 (or an autoscaler) races.
 * Init containers are the per-pod variant of the same thing.
 */
async function findingsForKubernetes(ctx: RepoCheckContext, count: () => void): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const manifest of await loadManifests(ctx)) {
    if (manifest.error || manifest.helm === 'skipped' || !ctx.model.roles.mayBeProduction(manifest.path)) continue;
    const yaml = await ctx.parsed.yaml(manifest.path);
    const replicasByName = new Map<string, number>();
    for (const doc of yaml?.documents ?? []) {
      const body = doc.toJS({ maxAliasCount: 1000 }) as { kind?: unknown; metadata?: { name?: unknown }; spec?: { replicas?: unknown } } | null;
      if (body && typeof body.kind === 'string') replicasByName.set(`${body.kind}/${String(body.metadata?.name)}`, Number(body.spec?.replicas ?? 1));
    }
    for (const workload of manifest.workloads) {
      if (!workload.longRunning) continue;
      count();
      const replicas = replicasByName.get(`${workload.kind}/${workload.name}`) ?? 1;
      for (const container of workload.containers) {
        const text = [commandText(container.spec.command), commandText(container.spec.args)].filter(Boolean).join(' ');
        const found = findMigration(text);
        if (!found) continue;
        const locked = isLocked(found.tool, text);
        const races = (replicas > 1 || workload.kind === 'DaemonSet') && !locked;
        const who = `${workload.kind} \`${workload.name}\`${replicas > 1 ? ` (${replicas} replicas)` : ''}`;
        const why = races
          ? `Every pod runs it as it starts; ${found.tool.name} takes no lock, so the pods race to apply the same migrations.`
          : locked
            ? `${found.tool.name} takes a lock, so pods wait rather than race; a failing migration still crash-loops every pod.`
            : 'Every pod runs it as it starts: a second replica or an autoscaler would race it.';
        out.push({
          status: 'fail',
          ...(races ? { severity: 'P1' as const } : {}),
          message: `${who} runs ${found.tool.name} in ${container.init ? 'init container' : 'container'} \`${container.name}\` on every start (\`${clip(text)}\`). ${why}`,
          location: { path: manifest.path, line: container.lineOf(container.spec.args !== undefined && findMigration(commandText(container.spec.args) ?? '') ? ['args'] : ['command']) },
          remediation: FIX_TEXT,
        });
        break;
      }
    }
  }
  return out;
}

/** Production Dockerfiles that no production compose service builds: their replicas are decided elsewhere. */
function standaloneDockerfiles(ctx: RepoCheckContext, deployments: readonly ComposeDeployment[]): string[] {
  const built = new Set(deployments.flatMap((d) => d.services.map((s) => dockerfileOf(s)).filter((p): p is string => p !== undefined)));
  return dockerfilePaths(ctx).filter((path) => !built.has(path) && ctx.model.roles.mayBeProduction(path));
}

async function findingsForStandaloneDockerfiles(ctx: RepoCheckContext, deployments: readonly ComposeDeployment[], count: () => void): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const dockerfile of standaloneDockerfiles(ctx, deployments)) {
    const facts = await imageFacts(ctx, dockerfile, undefined);
    if (!facts.file) continue;
    count();
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      const ins = lastInstruction(facts, keyword);
      const run = ins && (await migrationOnStart(ctx, facts, { text: ins.text, location: { path: dockerfile, line: ins.line }, via: `the ${keyword} of ${dockerfile}` }));
      if (!run) continue;
      const why = run.conditional ? 'It runs under a condition in the script: check that exactly one container meets it.' : run.locked ? `${run.tool.name} takes a lock, so replicas wait rather than race; a failing migration still crash-loops every container.` : `Every container of the image migrates when it starts; with a second replica or a worker from the same image, ${run.tool.name} (no lock) races.`;
      out.push({ status: 'fail', message: `The image of ${dockerfile} runs ${run.tool.name} on every start (\`${run.command}\`, ${run.via}). ${why}`, location: run.location, remediation: FIX_TEXT });
      break;
    }
  }
  return out;
}

function clip(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}
