import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { isPlainObject } from '../../parse/compose.js';
import { loadManifests } from '../../parse/kubernetes.js';
import { splitImage, stageLineage, type Dockerfile } from '../../parse/dockerfile.js';
import { checkDockerfiles, loadDockerfile, publishedStages, stageLabel } from './common.js';
import { imageRepository } from '../../model/builds.js';
import { isDockerfile } from '../../repo/classify.js';

/** `root`, `0`, `root:root`, `0:0`, `root:staff`... */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim().toLowerCase();
  return name === 'root' || name === '0';
}

// Official datastore images whose docker-entrypoint.sh starts as root, fixes
// the data directory's ownership and re-executes as the service user (gosu or
// su-exec: postgres, redis, mysql, mariadb, mongo, rabbitmq); memcached and
// Bitnami images set a non-root USER themselves.
const ENTRYPOINT_DROPS_BASES = /^(docker\.io\/)?(library\/)?(postgres|redis|mysql|mariadb|mongo|rabbitmq|memcached)([:@]|$)|^(docker\.io\/)?(postgis\/postgis|valkey\/valkey|bitnami\/[\w.-]+)([:@]|$)/;

// Base images that already run as a non-root user (their documented default).
// A digest may follow the tag (`:nonroot@sha256:…`). Grafana's k6 images end with `USER k6`.
const NON_ROOT_BASES = [
  /^gcr\.io\/distroless\/.*:(nonroot|debug-nonroot)(-|@|$)/,
  /^cgr\.dev\/chainguard\/(?!.*-dev(:|@|$))/,
  /^(docker\.io\/)?grafana\/k6([:@]|$)/,
  /^(docker\.io\/)?nginxinc\/nginx-unprivileged([:@]|$)/,
  // Grafana's images run as uid 472, Loki's and Tempo's as 10001.
  /^(docker\.io\/)?grafana\/(grafana|grafana-oss|grafana-enterprise|loki|tempo|promtail)([:@]|$)/,
  // The Prometheus project's images end with `USER nobody`.
  /^((docker\.io\/)?prom|quay\.io\/prometheus)\/(prometheus|alertmanager|node-exporter|pushgateway|blackbox-exporter)([:@]|$)/,
  // SQL Server 2019 and later run as the non-root `mssql` user (2017 images ran as root).
  /^mcr\.microsoft\.com\/mssql\/server:(20(19|[2-9]\d)|latest)/,
  // Jaeger and the OpenTelemetry Collector images run as uid 10001.
  /^(docker\.io\/)?(jaegertracing\/[\w-]+|otel\/opentelemetry-collector[\w-]*)([:@]|$)/,
  // Elastic's images run as uid 1000 (`elasticsearch`, `kibana`), on Docker Hub and Elastic's registry.
  /^((docker\.io\/)?(library\/)?|docker\.elastic\.co\/(elasticsearch|kibana)\/)(elasticsearch|kibana)([:@]|$)/,
];

/** The official image's entrypoint starts as root and drops to the service user (postgres, redis, mysql...). */
export function dropsPrivilegesAtStart(image: string): boolean {
  return ENTRYPOINT_DROPS_BASES.test(image);
}

/** The base image runs as a non-root user by its documented default. */
export function isNonRootBase(image: string): boolean {
  return NON_ROOT_BASES.some((re) => re.test(image));
}

/** The user an image runs as: the last USER of its stage (the final one by default) or of the stage it builds on. */
export function finalUser(file: Dockerfile, index = file.stages.length - 1): { user?: string; line?: number; base: string } {
  const lineage = stageLineage(file, index);
  for (const stage of lineage) {
    const user = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
    if (user) return { user: user.args[0] ?? '', line: user.line, base: lineage[lineage.length - 1]!.resolvedImage };
  }
  return { base: lineage[lineage.length - 1]!.resolvedImage };
}

// Servers whose official images start as root to bind 80/443 and run their
// workers as an unprivileged user (nginx's `user nginx;`, httpd's `User
// daemon`) or are edge proxies meant to own those ports.
const ROOT_BY_DESIGN = /^(docker\.io\/)?(library\/)?(nginx|httpd|caddy|traefik|haproxy|openresty\/openresty|nginxinc\/nginx-unprivileged-never)([:@]|$)/;

// A Dockerfile named as a base image (`Dockerfile.base`, `base.Dockerfile`,
// `Dockerfile-base`) makes an image other images are built FROM: the user is
// theirs to set (a USER here would be reset by theirs anyway).
const BASE_IMAGE_NAME = /(^|\/)(Dockerfile|Containerfile)[.-]base$|(^|\/)base\.(Dockerfile|Containerfile)$/i;

// Entrypoints that start as root, fix volume ownership, then drop to an
// unprivileged user: gosu/su-exec (the official postgres/redis pattern),
// s6-overlay's s6-setuidgid, setpriv, runuser, chpst.
const DROPS_PRIVILEGES = /\b(gosu|su-exec|s6-setuidgid|setuidgid|setpriv\s+--reuid|runuser\s+-u|chpst\s+-u|exec\s+su\s+-)|\bsu\s+(?:-[lmps]\s+(?:\S+\s+)?)*(?!root\b)["'$\w{}-]+\s+-c\b|\bsudo\s+(?:-\w\s+)*-u\s+(?!root\b)["'$\w{}-]+|\buwsgi\b[^\n]{0,300}--uid[ =]+(?!root\b|0\b)\w|\bgunicorn\b[^\n]{0,300}(--user|-u)[ =]+(?!root\b|0\b)\w/;
const S6_OVERLAY = /s6-overlay/;

/** The entrypoint drops privileges: in the Dockerfile itself, or in a script it copies and runs (one level). */
async function privilegeDrop(ctx: RepoCheckContext, file: Dockerfile, path: string, index = file.stages.length - 1): Promise<boolean> {
  const lineage = stageLineage(file, index);
  const text = lineage.flatMap((s) => s.instructions).map((i) => i.text).join('\n');
  if (DROPS_PRIVILEGES.test(text) || S6_OVERLAY.test(text)) return true;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const instructions = lineage.flatMap((s) => s.instructions);
  const copied = instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD').flatMap((i) => i.args.slice(0, -1));
  // The scripts it starts: copied entrypoint-like scripts, and those CMD/ENTRYPOINT name (`./bootstrap.sh`).
  const started = instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT').flatMap((i) => i.text.match(/[\w./-]+\.sh\b/g) ?? []);
  const scripts = [...copied.filter((source) => /(entry|start|run|init|boot|docker)[\w.-]*\.sh$|entrypoint/i.test(source)), ...started];
  let startsUwsgi = /\buwsgi\b/.test(text);
  for (const source of new Set(scripts)) {
    const clean = source.replace(/^\.?\//, '');
    for (const candidate of [clean, `${dir}${clean}`]) {
      const content = ctx.files.has(candidate) ? await ctx.files.read(candidate) : undefined;
      if (content === undefined) continue;
      // A commented-out drop (`#    su -l app -c ./App`) does not run.
      if (DROPS_PRIVILEGES.test(content.replace(/^[ \t]*#.*$/gm, ''))) return true;
      startsUwsgi ||= /\buwsgi\b/.test(content);
    }
  }
  // uWSGI started as root switches to the `uid` of its ini file before serving (uwsgi-docs: "uid").
  if (startsUwsgi) {
    for (const ini of ctx.files.files.filter((f) => /(^|\/)uwsgi[\w.-]*\.ini$/.test(f.path) && (f.path.startsWith(dir) || !f.path.includes('/')))) {
      const content = await ctx.files.read(ini.path);
      if (content !== undefined && UWSGI_UID.test(content)) return true;
    }
  }
  return false;
}

/**
 * The repository's other Dockerfiles that build on the image this one is
 * tagged as (`FROM org/app:base`, `COPY --from=org/app:builder`), when every
 * image it is tagged as is used that way: it is a base or a build stage, never
 * run by itself, and the images built on it are judged themselves.
 */
async function imagesBuiltOn(ctx: RepoCheckContext, path: string): Promise<string | undefined> {
  // Only images tagged with a literal tag tell a base (`org/app:base`) from the release built on it (`org/app:2`).
  const images = ctx.model.builds.imagesOf(path).map((i) => ({ repository: imageRepository(i), tag: splitImage(i).tag, variable: /^\$/.test(i) }));
  if (!images.length || images.some((i) => !i.tag || i.tag.includes('$'))) return undefined;
  const key = (repository: string, tag: string | undefined): string => `${repository}:${tag ?? 'latest'}`;
  // A registry or organisation written as a CI variable (`${{ vars.REGISTRY_REPO }}/base:latest`) is compared by
  // what follows it: `wger/base:latest` is that image.
  const variablePrefix = /^(?:[^/]*[${][^/]*\/)+/;
  const wanted = new Set(images.map((i) => key(i.repository.replace(variablePrefix, ''), i.tag)));
  const suffixed = images.some((i) => i.variable);
  const users = new Map<string, string[]>();
  // Its own later stages count too: `FROM org/app:base-slim AS base` builds on what an earlier build of it published.
  for (const other of ctx.files.files.map((f) => f.path).filter(isDockerfile)) {
    const file = await loadDockerfile(ctx, other);
    if (!file) continue;
    const bases = [...file.stages.map((s) => s.resolvedImage), ...file.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'COPY').flatMap((i) => i.text.match(/--from=(\S+)/)?.[1] ?? []))];
    for (const base of bases) {
      const repository = imageRepository(base);
      const tag = splitImage(base).tag;
      const k = [key(repository, tag), ...(suffixed ? [key(repository.replace(/^.*\//, ''), tag)] : [])].find((candidate) => wanted.has(candidate));
      if (k) users.set(k, [...(users.get(k) ?? []), other]);
    }
  }
  if (![...wanted].every((k) => users.has(k))) return undefined;
  const all = [...new Set([...users.values()].flat())];
  return all.length > 2 ? `${all.slice(0, 2).join(', ')} and ${all.length - 2} more` : all.join(', ');
}

const UWSGI_UID = /^[ \t]*uid[ \t]*=[ \t]*(?!root\b|0\b)[\w$%-]+/m;

/**
 * When the repository deploys to Kubernetes and every long-running container
 * of its production manifests runs with runAsNonRoot or a non-zero runAsUser,
 * the orchestrator refuses to start any image as root: the manifests' paths.
 */
async function kubernetesEnforcesNonRoot(ctx: RepoCheckContext): Promise<string | undefined> {
  const manifests = (await loadManifests(ctx)).filter((m) => ctx.model.roles.mayBeProduction(m.path));
  const containers = manifests.flatMap((m) => m.workloads.filter((w) => w.longRunning).flatMap((w) => w.containers.filter((c) => !c.init).map((c) => ({ c, w, path: m.path }))));
  if (containers.length === 0) return undefined;
  const nonRoot = ({ c, w }: (typeof containers)[number]): boolean => {
    const pod = isPlainObject(w.podSpec.securityContext) ? w.podSpec.securityContext : {};
    const own = isPlainObject(c.spec.securityContext) ? c.spec.securityContext : {};
    const pick = (key: string): unknown => (own[key] !== undefined ? own[key] : pod[key]);
    const user = pick('runAsUser');
    return (pick('runAsNonRoot') === true && user !== 0 && user !== '0') || (typeof user === 'number' && user > 0);
  };
  if (!containers.every(nonRoot)) return undefined;
  const paths = [...new Set(containers.map((x) => x.path))];
  return paths.length > 2 ? `${paths.slice(0, 2).join(', ')} and ${paths.length - 2} more` : paths.join(', ');
}

// The fix for the base image seen: its own unprivileged user when it ships one, else the way its distribution
// creates one (BusyBox adduser on Alpine, useradd on Debian-based images), or its `nonroot` variant.
const USER_FOR_BASE: Array<[RegExp, string]> = [
  [/^(docker\.io\/)?(library\/)?node[:@]/i, 'switch to the user the image ships: `USER node` at the end of the final stage (files copied with `COPY --chown=node:node`).'],
  [/distroless/i, 'use the image\'s `nonroot` variant (`FROM …:nonroot`, uid 65532) or add `USER 65532:65532`.'],
  [/^(docker\.io\/)?(library\/)?nginx[:@]/i, 'build FROM `nginxinc/nginx-unprivileged` (listens on 8080 as uid 101), or set `USER nginx` with an unprivileged listen port.'],
  [/alpine/i, 'create a user and switch to it at the end of the final stage: `RUN addgroup -S app && adduser -S -G app app` then `USER app` (BusyBox adduser; files copied with `COPY --chown=app:app`).'],
];
const DEBIAN_USER = 'create a user and switch to it at the end of the final stage: `RUN useradd --system --uid 10001 --no-create-home app` then `USER 10001` (files copied with `COPY --chown=10001`).';

export function nonRootFixFor(base: string): string {
  const how = USER_FOR_BASE.find(([pattern]) => pattern.test(base))?.[1] ?? DEBIAN_USER;
  return `For this image (FROM ${base}), ${how}`;
}

// Operating-system images whose own command is a shell.
const BARE_OS = /^(docker\.io\/)?(library\/)?(ubuntu|debian|alpine|busybox|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|opensuse\/\w+|scratch)([:@]|$)/;

/** Whether the stage (or one it builds on) sets CMD or ENTRYPOINT. */
function runsACommand(file: Dockerfile, index: number): boolean {
  return stageLineage(file, index).some((st) => st.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
}

/** The user one published stage runs as, judged (docker.non-root). */
async function judgeStage(ctx: RepoCheckContext, enforced: string | undefined, file: Dockerfile, path: string, index: number): Promise<FindingInput[]> {
  const final = file.stages[index]!;
  const label = stageLabel(file, index);
  const { user, line, base } = finalUser(file, index);
  if (user === undefined) {
    if (NON_ROOT_BASES.some((p) => p.test(base))) return [];
    // The official entrypoint of these images starts as root and drops to its service user (gosu/su-exec);
    // it runs unless the Dockerfile replaces ENTRYPOINT.
    const entrypointReplaced = stageLineage(file, index).some((st) => st.instructions.some((i) => i.keyword === 'ENTRYPOINT'));
    if (ENTRYPOINT_DROPS_BASES.test(base) && !entrypointReplaced) return [];
    const drop = await privilegeDrop(ctx, file, path, index);
    if (drop) return [];
    const message = `${label} (FROM ${final.image}) has no USER: the container runs as root.`;
    if (ROOT_BY_DESIGN.test(base)) {
      return [{ status: 'fail', severity: 'P2', message: `${message} P2: ${base.split(/[:@]/)[0]} starts as root to bind its ports and runs its workers unprivileged; set USER (and unprivileged ports) where you can.`, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
    }
    const builtOn = await imagesBuiltOn(ctx, path);
    if (builtOn) {
      return [{ status: 'fail', severity: 'P2', message: `${message} P2: the image it builds is a base or build stage of ${builtOn} (FROM or COPY --from), which decide the user they run as; set USER there.`, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
    }
    // No CMD or ENTRYPOINT anywhere in its lineage, on a bare OS image: the container would only start a shell.
    // Such an image is a base or an artefact holder (`COPY --from=` it, build FROM it), not a service.
    if (!runsACommand(file, index) && BARE_OS.test(base)) {
      return [{ status: 'fail', severity: 'P2', message: `${message} P2: it sets no CMD or ENTRYPOINT on a bare OS image (${base}), so it runs no service of its own: the images built from it decide the user.`, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
    }
    if (BASE_IMAGE_NAME.test(path)) {
      return [{ status: 'fail', severity: 'P2', message: `${message} P2: ${path} builds a base image (by its name); the image built FROM it decides the user it runs as, so set USER there.`, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
    }
    if (enforced) {
      return [{ status: 'fail', severity: 'P2', message: `${message} P2: the Kubernetes manifests (${enforced}) enforce runAsNonRoot/runAsUser for every container, so it does not run as root there.`, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
    }
    return [{ status: 'fail', message, remediation: nonRootFixFor(base), location: { path, line: final.from.line } }];
  }
  if (isRootUser(user)) {
    // `USER root` so the entrypoint can fix volume ownership, then drop (su-exec/gosu): as with no USER.
    if (await privilegeDrop(ctx, file, path, index)) return [];
    return [{ status: 'fail', message: `${label} switches to USER ${user}: the container runs as root.`, remediation: `Keep \`USER ${user}\` only for the steps that need it, then switch back: ${nonRootFixFor(base).replace(/^For this image \(FROM [^)]*\), /, '')}`, location: { path, line: line! } }];
  }
  return [];
}

export const dockerNonRoot: RepoCheck = {
  id: 'docker.non-root',
  title: 'Images run as a non-root user',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      "Judges the stage production runs: the targets its production builds name (`docker build --target`, build-push-action `target:`, compose `build.target`), else the final stage. Fails when that stage (following `FROM <earlier stage>`) has no `USER`, or its last `USER` is root/0 (hadolint DL3002 only catches the second case; Checkov CKV_DOCKER_3 the first). Base images documented to run as non-root (distroless `:nonroot`, Chainguard, Bitnami, memcached, Grafana and Loki, the Prometheus project's images, SQL Server 2019 and later, Jaeger, the OpenTelemetry Collector, Elasticsearch and Kibana) and official datastore images whose own entrypoint drops to the service user (postgres, redis, mysql, mariadb, mongo, rabbitmq, unless ENTRYPOINT is replaced) pass without USER, and so do images whose entrypoint drops privileges (gosu, su-exec, `su <user> -c`, `sudo -u <user>`, s6-overlay/s6-setuidgid, setpriv, runuser, uWSGI with a non-root `uid` in its ini file or `--uid`, gunicorn `--user`, in the Dockerfile, an entrypoint script it copies or the script its CMD starts); this holds for a final `USER root` too.",
    severityNote:
      'P2 when the final image is a server that starts as root to bind its ports and runs its workers unprivileged (nginx, httpd, Caddy, Traefik, HAProxy official images), for a Dockerfile named as a base image (`Dockerfile.base`, `base.Dockerfile`: the image built FROM it sets the user) or one that sets no CMD or ENTRYPOINT on a bare OS image (ubuntu, debian, alpine...: it runs no service, the images built from it do), and when every long-running container of the production Kubernetes manifests sets runAsNonRoot or a non-zero runAsUser (the orchestrator then refuses root).',
    why: 'A process running as root in the container is root on the host as soon as it escapes (kernel or runtime bug, mounted socket), and can rewrite the application files it serves.',
    fix: 'Create an unprivileged user and switch to it at the end of the final stage, after installing packages and copying files (owned with `COPY --chown`).',
    snippets: [
      { stack: 'Debian/Ubuntu base', code: 'RUN useradd --system --uid 10001 --no-create-home app\nUSER 10001' },
      { stack: 'Node official image', code: 'USER node' },
    ],
  },
  async run(ctx) {
    const enforced = await kubernetesEnforcesNonRoot(ctx);
    return checkDockerfiles(ctx, {
      looked: 'the user of the final stage',
      async visit(file, path): Promise<FindingInput[]> {
        const out: FindingInput[] = [];
        for (const index of publishedStages(ctx, file, path)) out.push(...(await judgeStage(ctx, enforced, file, path, index)));
        return out;
      },
    });
  },
};
