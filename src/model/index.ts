// The repository model: what every repository check needs to know about the
// repository, computed once per audit after the files are collected and
// before any check runs (config → collect → model → checks). Checks read it;
// none re-guesses it.

import type { FileSet } from '../repo/fileset.js';
import { ParsedFiles } from '../parse/parsed.js';
import type { ConfiguredRole } from './role-rules.js';
import { computeRoles, roleFromContent, UNKNOWN_ROLE, type FileRoles, type RoleInfo } from './roles.js';
import { fixtureUserRoles } from './fixture-users.js';
import { isComposeFile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { computeDeployments, type Deployments } from './deployments.js';
import { findSettingsReferences, settingsRoleOverrides, type PythonSettings } from './settings.js';
import { computeBuilds, publishedImageDeployments, type DockerfileBuilds } from './builds.js';
import { findInvocations, type Invocation } from './invocations.js';
import { proxyRoutes } from './routes.js';
import { readSecretScannerDecisions, type SecretScannerDecisions } from './secret-scanners.js';
import { once, oncePerKey } from './frameworks/once.js';
import { assignmentsOf, type EnvAssignment } from './frameworks/deploy-env.js';
import { readLaravelApps, type LaravelApp } from './frameworks/laravel.js';
import { readRailsApps, type RailsApp } from './frameworks/rails.js';
import { readPhoenixApps, type PhoenixApp } from './frameworks/phoenix.js';
import { applicationSource, deploymentFileRoles, describedForDevelopment, imageContents, invocationRoles, productionDockerfiles, testProjectDescriptors } from './evidence.js';
import { springModel, type SpringModel } from './frameworks/spring.js';
import { aspnetModel, type AspNetModel } from './frameworks/aspnet.js';
import { clusterInternalDatastores, type InternalDatastore } from './k8s-network.js';

export interface RepoModel {
  /** The role of every file (production by evidence, development, test, docs, example, template, tooling, unknown) and why. */
  roles: FileRoles;
  /** Which compose files run together, merged, with their role and interpolation source (model/deployments.ts). */
  deployments: Deployments;
  /** The Python settings modules the deployment files name (DJANGO_SETTINGS_MODULE). */
  settings: PythonSettings;
  /** Which compose services, CI workflows and scripts build each Dockerfile (model/builds.ts). */
  builds: DockerfileBuilds;
  /** Every documented run, apply, install, download or copy of a deployment file (model/invocations.ts). */
  invocations: readonly Invocation[];
  /** Hosts (compose service names) a reverse proxy of the repository routes to (model/routes.ts). */
  proxyRoutes: ReadonlySet<string>;
  /** The repository's own secret-scanner decisions: gitleaks allowlists and ignores, detect-secrets' audited baseline (model/secret-scanners.ts). */
  secretScanners: SecretScannerDecisions;
  /** Laravel, Rails and Phoenix configuration as production loads it (model/frameworks/), read on first use. */
  laravel(): Promise<LaravelApp[]>;
  rails(): Promise<RailsApp[]>;
  phoenix(): Promise<PhoenixApp[]>;
  /** Spring Boot applications and the configuration production loads (model/frameworks/spring.ts); read on first use. */
  spring(): Promise<SpringModel>;
  /** ASP.NET Core web projects and the configuration production loads (model/frameworks/aspnet.ts); read on first use. */
  aspnet(): Promise<AspNetModel>;
  /** The datastores of the Kubernetes manifests only the cluster network reaches, by Service name (model/k8s-network.ts); read on first use. */
  internalDatastores(): Promise<Map<string, InternalDatastore>>;
  /** Where the deployment files (compose, env files, Dockerfiles, manifests, scripts) set one environment variable, production first; read on first use, once per name. */
  deploymentEnv(name: string): Promise<EnvAssignment[]>;
}



/** Content rules that presume production from a setting, weaker than a documented step that runs the file. */
const PRESUMED_FROM_CONTENT: ReadonlySet<string> = new Set(['content:production-environment']);

/**
 * Roles in the order evidence is known: the configuration, path table and
 * content first (computeRoles); then what documented steps run (direct
 * evidence, over folder names); the compose deployments and builds those
 * roles make production; the env files production deployments load; what
 * production images copy and the application's declared source (only for
 * files still unknown); and the settings modules production names.
 */
export async function buildRepoModel(
  files: FileSet,
  options: { roles?: readonly ConfiguredRole[]; parsed?: ParsedFiles } = {},
): Promise<RepoModel> {
  const parsed = options.parsed ?? new ParsedFiles(files);
  const base = await computeRoles(files, options.roles);
  const invocations = await findInvocations(files);
  const withContent = base.withFallbacks(await composeContentRoles(files, invocations, base));
  const invoked = invocationRoles(invocations, withContent);
  // A development step whose guide also says, by name, that the file is the development environment outweighs the
  // presumption its environment variable gives (a contributors' compose that sets MIX_ENV=prod to build releases
  // locally, round 14); a guide that only runs it does not (self-hosted projects develop on their production compose).
  const described = await describedForDevelopment(files, invocations);
  const declaredDevelopment = new Map([...invoked.fallback].filter(([path, info]) => info.role === 'development' && described.has(path)));
  const byInvocation = withContent
    .withOverrides(invoked.direct)
    .withFallbacksOver(declaredDevelopment, PRESUMED_FROM_CONTENT)
    .withFallbacks(invoked.fallback)
    .withFallbacks(testProjectDescriptors(files));
  const first = await computeDeployments(files, parsed, byInvocation, invocations);
  const firstBuilds = await computeBuilds(files, byInvocation, first);
  // A compose file that runs the image the repository publishes is the operators' stack: known only once the
  // builds are, and it changes the deployments (and the builds they name), so both are computed again.
  const runsPublished = publishedImageDeployments(first, firstBuilds, byInvocation);
  const deployed = runsPublished.size ? byInvocation.withFallbacks(runsPublished) : byInvocation;
  const deployments = runsPublished.size ? await computeDeployments(files, parsed, deployed, invocations) : first;
  const builds = runsPublished.size ? await computeBuilds(files, deployed, deployments) : firstBuilds;
  const built = deployed.withOverrides(builds.roleOverrides);
  const loaded = built.withOverrides(deploymentFileRoles(deployments, built, files));
  // The application's own source is production when something shows production exists. A repository that deploys
  // nothing (no production image, compose file, manifest or env file) and whose README presents it as a sample
  // application is no one's production: its source stays unknown, at most P1 (SEVERITY.md; spring-petclinic).
  const source = await applicationSource(files);
  const sample = files.files.some((f) => loaded.of(f.path).role === 'production') ? undefined : await sampleApplication(files);
  const sourceRoles = sample ? new Map([...source].filter(([, info]) => info.role !== 'production')) : source;
  const contained = loaded.withFallbacks(await imageContents(files, parsed, productionDockerfiles(files, loaded))).withFallbacks(sourceRoles);
  const keyed = contained.withFallbacks(await fixtureUserRoles(files, contained));
  const settings = await findSettingsReferences(files, keyed);
  const roles = keyed.withOverrides(await settingsRoleOverrides(files, parsed, keyed, settings));
  return {
    roles, deployments, settings, builds, invocations, proxyRoutes: await proxyRoutes(files),
    secretScanners: await readSecretScannerDecisions(files),
    laravel: once(() => readLaravelApps(files, parsed, roles, deployments)),
    rails: once(() => readRailsApps(files, parsed, roles)),
    phoenix: once(() => readPhoenixApps(files, parsed, roles)),
    spring: once(() => springModel(files, parsed, roles)),
    aspnet: once(() => aspnetModel(files, parsed, roles)),
    internalDatastores: once(() => clusterInternalDatastores({ files, parsed }, builds)),
    deploymentEnv: oncePerKey((name) => assignmentsOf(files, roles, name)),
  };
}

/** The README's opening line when it presents the repository as a sample, demo or reference application. */
async function sampleApplication(files: FileSet): Promise<string | undefined> {
  const readme = files.files.find((f) => /^README(\.(md|markdown|rst|txt|adoc))?$/i.test(f.path));
  if (!readme) return undefined;
  const head = (await files.readHead(readme.path, 4096))?.toString('utf8') ?? '';
  const first = head.split('\n').find((l) => l.trim() !== '')?.slice(0, 300);
  return first && /\b(sample|demo|example|reference|tutorial|showcase)\s+(web\s+)?(app|application|project)\b/i.test(first) ? first : undefined;
}

/**
 * Files run as compose files whose names do not say so (`docker compose -f
 * src/main/docker/app.yml up`): their header and content are read as a
 * compose file's ("# intended for development purpose").
 */
async function composeContentRoles(files: FileSet, invocations: readonly Invocation[], roles: FileRoles): Promise<Map<string, RoleInfo>> {
  const paths = [...new Set(invocations.filter((i) => i.kind === 'compose').flatMap((i) => i.targets))].filter((p) => !isComposeFile(p) && roles.of(p) === UNKNOWN_ROLE);
  const out = new Map<string, RoleInfo>();
  await mapLimited(paths, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    const role = text === undefined ? undefined : roleFromContent(path, text, true);
    if (role) out.set(path, role);
  });
  return out;
}
