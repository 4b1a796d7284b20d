// Database and debugging UIs (Adminer, pgAdmin, Flower, the Traefik
// dashboard...) give whoever reaches them the data or the control plane.
// In a production deployment they must not be reachable from outside: not
// published on a public host port, not routed to a host name by a reverse
// proxy, or at least behind an authentication middleware.

import type { FindingInput, RepoCheck, RepoCheckContext, Severity } from '../../engine/types.js';
import { posix } from 'node:path';
import { environmentOf, imageOf, isPlainObject, loadComposeFiles, serviceCommand, type ComposeFile, type ComposeService } from '../../parse/compose.js';
import { loadManifests } from '../../parse/kubernetes.js';
import { nodeAt } from '../../parse/yaml.js';
import { checkComposeServices, serviceLabel } from './common.js';
import { isLoopback, parsePort } from './exposed-datastore.js';
import { isWeakValue } from '../../model/values.js';

// Image repository names (last path segment) of admin and debug UIs.
const ADMIN_IMAGES: Array<[RegExp, string]> = [
  [/^adminer$/, 'Adminer (database admin UI)'],
  [/^pgadmin4?$/, 'pgAdmin (database admin UI)'],
  [/^phpmyadmin$/, 'phpMyAdmin (database admin UI)'],
  [/^(pgweb|cloudbeaver|sqlpad)$/, 'a database admin UI'],
  [/^mongo-express$/, 'mongo-express (database admin UI)'],
  [/^redis-commander$/, 'redis-commander (Redis admin UI)'],
  [/^redis-?insight$/, 'RedisInsight (Redis admin UI)'],
  [/^(kafka-ui|akhq|redpanda-console|kafdrop)$/, 'a Kafka admin UI'],
  [/^flower$/, 'Flower (Celery admin UI)'],
  [/^portainer(-ce|-ee)?$/, 'Portainer (Docker admin UI)'],
  [/^kibana$/, 'Kibana'],
  [/^dozzle$/, 'Dozzle (container logs UI)'],
  [/^(base|minimal|scipy|datascience|tensorflow|pytorch|pyspark|all-spark|r)-notebook$|^jupyter(lab|hub)?$/, 'Jupyter (runs code)'],
  [/^mailhog$/, 'MailHog (captured mail UI)'],
  [/^mailpit$/, 'Mailpit (captured mail UI)'],
];
// Admin UIs started from an application image by their command.
const ADMIN_COMMANDS: Array<[RegExp, string]> = [
  [/\bcelery\b[^\n]*\bflower\b/, 'Flower (Celery admin UI)'],
  [/\bjupyter(-lab|-notebook)?\s+(lab|notebook|server)\b/, 'Jupyter (runs code)'],
];

/** A middleware or annotation that authenticates: basic/digest/forward auth, OAuth/OIDC proxies, Authelia, Authentik... */
const AUTH_NAME = /auth|basic|digest|oauth|oidc|sso|authelia|authentik|keycloak|pomerium|login|tinyauth|vouch/i;
/** Restricts by network instead of authenticating. */
const ALLOWLIST_NAME = /ip-?(allow|white)-?list|allowlist|whitelist/i;

/**
 * An overlay (`docker-compose.prod.yml`) that only adds labels or ports to a
 * service of the base file in the same directory: the image is the base's.
 */
function withBase(service: ComposeService, files: readonly ComposeFile[]): ComposeService {
  if (service.config.image !== undefined || service.config.build !== undefined) return service;
  const dir = posix.dirname(service.path);
  const base = files.flatMap((f) => f.services).find((s) => s !== service && s.name === service.name && posix.dirname(s.path) === dir && s.config.image !== undefined);
  return base ? { ...service, config: { ...base.config, ...service.config } } : service;
}

export function adminToolOf(service: ComposeService): string | undefined {
  const image = imageOf(service);
  if (image) {
    const byImage = adminImage(image);
    if (byImage) return byImage;
    if (repositoryOf(image) === 'traefik') {
      if (/--api\.insecure(=true)?\b(?!=false)/.test(serviceCommand(service))) return INSECURE_DASHBOARD;
      if (dashboardRouters(service).size) return ROUTED_DASHBOARD;
    }
    const open = openByConfiguration(repositoryOf(image), service);
    if (open) return open;
  }
  const command = serviceCommand(service);
  return ADMIN_COMMANDS.find(([pattern]) => pattern.test(command))?.[1];
}

/**
 * Servers whose API is an admin surface with no login unless their configuration adds one (each product's own
 * documentation): Ollama has no authentication at all (pull, delete and run models); Qdrant's API is open without
 * `QDRANT__SERVICE__API_KEY`; Prometheus's `--web.enable-lifecycle`/`--web.enable-admin-api` add unauthenticated
 * shutdown, reload and delete endpoints; Grafana with anonymous access as Admin hands its admin to every visitor.
 */
function openByConfiguration(repository: string, service: ComposeService): string | undefined {
  const env = environmentOf(service);
  const command = serviceCommand(service);
  switch (repository) {
    case 'ollama':
      return 'the Ollama API (no authentication: pull, delete and run models)';
    case 'qdrant':
      return Object.keys(env).some((k) => /^QDRANT__SERVICE__(READ_ONLY_)?API_KEY$/i.test(k)) ? undefined : 'the Qdrant API (no QDRANT__SERVICE__API_KEY: every collection readable and writable)';
    case 'prometheus':
      return /--web\.enable-(lifecycle|admin-api)\b/.test(command) ? 'the Prometheus admin API (`--web.enable-lifecycle`/`--web.enable-admin-api`: unauthenticated shutdown, reload and delete)' : undefined;
    case 'grafana':
      return /^true$/i.test(env.GF_AUTH_ANONYMOUS_ENABLED ?? '') && /^admin$/i.test(env.GF_AUTH_ANONYMOUS_ORG_ROLE ?? '') ? 'Grafana with anonymous access as Admin' : undefined;
    default:
      return undefined;
  }
}

/**
 * Admin UIs that ask for a login of their own no default opens: Adminer and phpMyAdmin ask for the database's
 * credentials, pgAdmin for its own account (open only when PGADMIN_DEFAULT_PASSWORD is a default or weak value).
 * Reachable, they are a login surface (P1); the UIs with no login (Flower, Dozzle, redis-commander, mail
 * catchers) stay P0.
 */
function ownLogin(tool: string, service: ComposeService): string | undefined {
  if (/^(Adminer|phpMyAdmin)\b/.test(tool)) return `${tool.split(' ')[0]} asks for the database's own credentials`;
  if (/^pgAdmin\b/.test(tool)) {
    const password = environmentOf(service).PGADMIN_DEFAULT_PASSWORD;
    return password !== undefined && (password.includes('$') || !isWeakValue(password)) ? 'pgAdmin asks for its own account, whose password is not a default here' : undefined;
  }
  return undefined;
}

const INSECURE_DASHBOARD = 'the Traefik dashboard (`--api.insecure=true`)';
const ROUTED_DASHBOARD = 'the Traefik dashboard (router to `api@internal`)';

function labelsOf(service: ComposeService): Record<string, unknown> {
  return isPlainObject(service.config.labels) ? service.config.labels : {};
}

/** Routers of a Traefik service that serve its own dashboard (`service=api@internal`). */
function dashboardRouters(service: ComposeService): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(labelsOf(service))) {
    const router = /^traefik\.http\.routers\.([^.]+)\.service$/i.exec(key)?.[1];
    if (router && String(value) === 'api@internal') out.add(router);
  }
  return out;
}


interface Exposure {
  how: string;
  severity: Severity;
  keyPath: Array<string | number>;
}

/** How a service is reachable from outside the host: published ports, host networking, proxy labels. */
function exposuresOf(service: ComposeService, tool: string): Exposure[] {
  const out: Exposure[] = [];
  const traefikDashboard = tool === INSECURE_DASHBOARD;
  // On a Traefik service, only the routers to its own dashboard expose an admin UI; the others route other services.
  const onlyRouters = tool === ROUTED_DASHBOARD || traefikDashboard ? dashboardRouters(service) : undefined;
  // A Traefik whose dashboard is only routed publishes its entrypoints, which is its job.
  const routedOnly = tool === ROUTED_DASHBOARD;
  if (service.config.network_mode === 'host' && !routedOnly) out.push({ how: '`network_mode: host` (every port on every host interface)', severity: 'P0', keyPath: ['network_mode'] });
  const ports = Array.isArray(service.config.ports) && !routedOnly ? service.config.ports : [];
  ports.forEach((entry, index) => {
    const port = parsePort(entry);
    if (!port || isLoopback(port.hostIp)) return;
    if (port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::' && !port.hostIp.startsWith('$')) return;
    // Traefik's own entrypoints (80/443) are its job; `api.insecure` serves the dashboard on 8080.
    if (traefikDashboard && port.containerPort !== '8080') return;
    const where = port.hostPort ? `host port ${port.hostPort}` : 'a random host port';
    out.push({ how: `published on ${where} on all interfaces (no authentication in front)`, severity: 'P0', keyPath: ['ports', typeof entry === 'string' || typeof entry === 'number' ? String(entry) : index] });
  });
  const labels = labelsOf(service);
  const label = (key: string): string | undefined => (labels[key] === undefined || labels[key] === null ? undefined : String(labels[key]));
  if (label('traefik.enable') !== 'false') {
    const authMiddlewares = new Set(
      Object.keys(labels)
        .map((key) => /^traefik\.http\.middlewares\.([^.]+)\.(basicauth|digestauth|forwardauth)\./i.exec(key)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    // Routers of one host (an http router redirecting to the https one) are one exposure.
    const byRule = new Map<string, { key: string; routers: string[]; auth: string[]; allow: string[]; open: boolean }>();
    for (const key of Object.keys(labels)) {
      const router = /^traefik\.http\.routers\.([^.]+)\.rule$/i.exec(key)?.[1];
      const rule = label(key) ?? '';
      if (!router || !/Host(Regexp)?\s*\(|PathPrefix\s*\(/.test(rule) || (onlyRouters && !onlyRouters.has(router))) continue;
      const middlewares = (label(`traefik.http.routers.${router}.middlewares`) ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      const auth = middlewares.filter((m) => authMiddlewares.has(m.replace(/@\w+$/, '')) || AUTH_NAME.test(m));
      const allow = middlewares.filter((m) => ALLOWLIST_NAME.test(m));
      const entry = byRule.get(rule) ?? { key, routers: [], auth: [], allow: [], open: false };
      entry.routers.push(router);
      entry.auth.push(...auth);
      entry.allow.push(...allow);
      // A router that only redirects (to the https router) serves nothing itself.
      const redirectOnly = middlewares.length > 0 && middlewares.every((m) => /redirect/i.test(m));
      if (!auth.length && !redirectOnly && !allow.length && !entry.open) {
        entry.open = true;
        entry.key = key;
      }
      byRule.set(rule, entry);
    }
    for (const [rule, entry] of byRule) {
      const routed = `routed by Traefik to \`${rule.slice(0, 80)}\``;
      if (entry.open) out.push({ how: `${routed} with no auth middleware`, severity: 'P0', keyPath: ['labels', entry.key] });
      // The dashboard behind an auth middleware is Traefik's documented setup (doc.traefik.io, "API & Dashboard").
      else if (onlyRouters) continue;
      else if (entry.auth.length) out.push({ how: `${routed} behind auth middleware \`${[...new Set(entry.auth)].join(', ')}\``, severity: 'P1', keyPath: ['labels', entry.key] });
      else if (entry.allow.length) out.push({ how: `${routed}, restricted by IP allowlist \`${[...new Set(entry.allow)].join(', ')}\` only`, severity: 'P1', keyPath: ['labels', entry.key] });
    }
  }
  // caddy-docker-proxy: `caddy: admin.example.com` plus `caddy.reverse_proxy`.
  const caddyHost = label('caddy');
  if (caddyHost && Object.keys(labels).some((k) => /^caddy(_\d+)?\.reverse_proxy$/.test(k))) {
    const auth = Object.keys(labels).some((k) => /^caddy(_\d+)?\.(.*\.)?(basicauth|basic_auth|forward_auth)\b/.test(k));
    out.push({ how: `routed by Caddy to \`${caddyHost.slice(0, 80)}\`${auth ? ' behind basic/forward auth' : ' with no auth directive'}`, severity: auth ? 'P1' : 'P0', keyPath: ['labels', 'caddy'] });
  }
  return out;
}

export const composeAdminExposed: RepoCheck = {
  id: 'compose.admin-exposed',
  title: 'Admin and debug UIs are not reachable from outside in production',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  // Only files production may reach (applies below): Adminer or Mailpit on a published port is the point of a
  // development stack. On a file whose role is unknown, one level down, like a published datastore.
  productionOnly: true,
  docs: {
    summary:
      'Fails for an admin or debug UI (Adminer, pgAdmin, phpMyAdmin, mongo-express, redis-commander, RedisInsight, Flower, Portainer, Kibana, Dozzle, Jupyter, MailHog/Mailpit, the Traefik dashboard with `--api.insecure=true` or routed to `api@internal` without auth; servers whose API is open by configuration: Ollama, Qdrant without `QDRANT__SERVICE__API_KEY`, Prometheus with `--web.enable-lifecycle`/`--web.enable-admin-api`, Grafana with anonymous Admin) in a production compose file that is published on a non-loopback host port, runs with host networking, or is routed to a host name by Traefik or Caddy labels; and in Kubernetes for such an image behind an Ingress or a LoadBalancer/NodePort Service.',
    why: 'These tools are built for operators on a trusted network: a database UI reaches every table with the credentials typed into it (or stored in it), Flower and Portainer control workers and containers, Jupyter runs code, the Traefik dashboard maps the whole routing, mail catchers show password-reset mails. Scanners look for them by name; a login form is the only thing between the internet and the data, often with default or reused passwords.',
    fix: 'Do not run admin UIs in production; when one is needed, keep it off the public network: bind it to loopback and reach it over an SSH tunnel or VPN, or route it only behind an authentication middleware (Authelia/Authentik/oauth2-proxy forward auth, or at least basic auth) plus an IP allowlist.',
    snippets: [
      { stack: 'Compose', code: 'services:\n  adminer:\n    image: adminer:4\n    ports:\n      - "127.0.0.1:8080:8080"   # reach it with: ssh -L 8080:127.0.0.1:8080 server\n    profiles: ["tools"]         # not started by default' },
      { stack: 'Traefik', code: 'labels:\n  - traefik.http.routers.adminer.rule=Host(`db.example.com`)\n  - traefik.http.routers.adminer.middlewares=authelia@docker,office-only\n  - traefik.http.middlewares.office-only.ipallowlist.sourcerange=203.0.113.0/24' },
      { stack: 'Caddy', code: 'labels:\n  caddy: flower.example.com\n  caddy.reverse_proxy: "{{upstreams 5555}}"\n  caddy.forward_auth: "authelia:9091"\n  caddy.forward_auth.uri: /api/verify?rd=https://auth.example.com' },
      { stack: 'Kubernetes', code: '# no Ingress or LoadBalancer for admin UIs; reach them with\nkubectl port-forward svc/pgadmin 8080:80\n# or, if routed, require auth at the ingress:\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/oauth2/auth"' },
    ],
    severityNote: 'P0 when it is reachable with no authentication in front: a published port or host networking (nothing can authenticate there), a Traefik router without an auth middleware, Caddy labels without basic/forward auth, a LoadBalancer/NodePort Service, an Ingress without an auth annotation. P1 when an auth middleware or only an IP allowlist stands in front, and for UIs that ask for a login of their own no default opens (Adminer and phpMyAdmin ask for the database\'s credentials; pgAdmin for its account when PGADMIN_DEFAULT_PASSWORD is set and not weak).',
  },
  async run(ctx) {
    const files = await loadComposeFiles(ctx);
    const compose = await checkComposeServices(ctx, {
      looked: 'production services for exposed admin and debug UIs',
      applies: (_service, file) => ctx.model.roles.mayBeProduction(file.path),
      visit(service): FindingInput[] {
        const merged = withBase(service, files);
        const tool = adminToolOf(merged);
        if (!tool) return [];
        const login = ownLogin(tool, merged);
        return exposuresOf(service, tool).map((e) => {
          const severity = login && e.severity === 'P0' ? 'P1' : e.severity;
          return {
            status: 'fail',
            ...(severity !== 'P1' ? { severity } : {}),
            message: `${serviceLabel(service)} runs ${tool}, ${e.how}.${login && e.severity === 'P0' ? ` P1: ${login}, so a stranger meets a login, not the data.` : ''}`,
            location: service.locate(e.keyPath),
          };
        });
      },
    });
    const kubernetes = await kubernetesFindings(ctx);
    const fails = [...compose, ...kubernetes.findings].filter((f) => f.status === 'fail' || f.status === 'error');
    if (fails.length) return fails;
    const composePass = compose.find((f) => f.status === 'pass');
    if (composePass || kubernetes.looked) {
      const parts = [composePass?.message.replace(/\.$/, ''), kubernetes.looked ? `${kubernetes.looked} admin UI workload(s) in Kubernetes manifests have no Ingress or LoadBalancer/NodePort Service` : undefined].filter(Boolean);
      return [{ status: 'pass', message: `${parts.join('; ')}.` }];
    }
    return compose;
  },
};

// --- Kubernetes -------------------------------------------------------------

interface K8sObject {
  kind: string;
  name: string;
  path: string;
  line: number;
  body: Record<string, unknown>;
}

const INGRESS_AUTH_ANNOTATION = /auth-url|auth-type|auth-signin|oauth|authelia|authentik|router\.middlewares/i;

async function kubernetesFindings(ctx: RepoCheckContext): Promise<{ findings: FindingInput[]; looked: number }> {
  const objects: K8sObject[] = [];
  for (const manifest of await loadManifests(ctx)) {
    if (manifest.error || manifest.helm === 'skipped' || !ctx.model.roles.mayBeProduction(manifest.path)) continue;
    const yaml = await ctx.parsed.yaml(manifest.path);
    if (!yaml) continue;
    for (const doc of yaml.documents) {
      const body = doc.toJS({ maxAliasCount: 1000 }) as unknown;
      if (!isPlainObject(body) || typeof body.kind !== 'string') continue;
      const metadata = isPlainObject(body.metadata) ? body.metadata : {};
      objects.push({ kind: body.kind, name: String(metadata.name ?? ''), path: manifest.path, line: yaml.lineOf(nodeAt(doc, ['kind'])), body });
    }
  }
  const findings: FindingInput[] = [];
  let looked = 0;
  for (const workload of objects) {
    const template = get(workload.body, ['spec', 'template']) ?? (workload.kind === 'Pod' ? workload.body : undefined);
    if (!isPlainObject(template)) continue;
    const containers = get(template, ['spec', 'containers']);
    const tool = Array.isArray(containers) ? containers.map((c) => (isPlainObject(c) && typeof c.image === 'string' ? adminImage(c.image) : undefined)).find(Boolean) : undefined;
    if (!tool) continue;
    looked++;
    const labels = get(template, ['metadata', 'labels']);
    const services = objects.filter((s) => {
      if (s.kind !== 'Service' || s.path.split('/').slice(0, -1).join('/') !== workload.path.split('/').slice(0, -1).join('/')) return false;
      const selector = get(s.body, ['spec', 'selector']);
      return isPlainObject(selector) && isPlainObject(labels) && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
    for (const service of services) {
      const type = String(get(service.body, ['spec', 'type']) ?? 'ClusterIP');
      if (type === 'LoadBalancer' || type === 'NodePort') {
        findings.push({ status: 'fail', severity: 'P0', message: `${workload.kind} \`${workload.name}\` runs ${tool}, exposed by ${type} Service \`${service.name}\` (no authentication in front).`, location: { path: service.path, line: service.line } });
      }
      for (const ingress of objects.filter((o) => o.kind === 'Ingress' && ingressBackends(o.body).includes(service.name))) {
        const annotations = get(ingress.body, ['metadata', 'annotations']);
        const auth = isPlainObject(annotations) && Object.entries(annotations).some(([k, v]) => INGRESS_AUTH_ANNOTATION.test(k) && (!/router\.middlewares/.test(k) || AUTH_NAME.test(String(v))));
        findings.push({
          status: 'fail',
          ...(auth ? {} : { severity: 'P0' as const }),
          message: `${workload.kind} \`${workload.name}\` runs ${tool}, routed by Ingress \`${ingress.name}\` (Service \`${service.name}\`)${auth ? ' behind an auth annotation' : ' with no auth annotation'}.`,
          location: { path: ingress.path, line: ingress.line },
        });
      }
    }
  }
  return { findings, looked };
}

/** `docker.elastic.co/kibana/kibana:8.13.0@sha256:...` -> `kibana`. */
function repositoryOf(image: string): string {
  return image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!.toLowerCase();
}

function adminImage(image: string): string | undefined {
  const repository = repositoryOf(image);
  return ADMIN_IMAGES.find(([pattern]) => pattern.test(repository))?.[1];
}

function ingressBackends(body: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      // networking.k8s.io/v1 `backend.service.name`; extensions/v1beta1 `backend.serviceName`.
      if (isPlainObject(value.service) && typeof value.service.name === 'string') names.push(value.service.name);
      if (typeof value.serviceName === 'string') names.push(value.serviceName);
      Object.values(value).forEach(visit);
    }
  };
  visit(body.spec);
  return names;
}

function get(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}
