// The repository model: what every repository check needs to know about the
// repository, computed once per audit after the files are collected and
// before any check runs (config → collect → model → checks). Checks read it;
// none re-guesses it.

import type { FileSet } from '../repo/fileset.js';
import { ParsedFiles } from '../repo/parsed.js';
import type { ConfiguredRole } from './role-rules.js';
import { computeRoles, type FileRoles } from './roles.js';
import { computeDeployments, type Deployments } from './deployments.js';
import { findSettingsReferences, settingsRoleOverrides, type PythonSettings } from './settings.js';
import { computeBuilds, type DockerfileBuilds } from './builds.js';
import { appliedRoleOverrides, promotedExampleComposeFiles } from './applied.js';

export interface RepoModel {
  /** The role of every file (production, development, test, docs, example, template, tooling) and why. */
  roles: FileRoles;
  /** Which compose files run together, merged, with their role and interpolation source (model/deployments.ts). */
  deployments: Deployments;
  /** The Python settings modules the deployment files name (DJANGO_SETTINGS_MODULE). */
  settings: PythonSettings;
  /** Which compose services, CI workflows and scripts build each Dockerfile (model/builds.ts). */
  builds: DockerfileBuilds;
}

export async function buildRepoModel(
  files: FileSet,
  options: { roles?: readonly ConfiguredRole[]; parsed?: ParsedFiles } = {},
): Promise<RepoModel> {
  const parsed = options.parsed ?? new ParsedFiles(files);
  // An example compose file the docs copy into place (`curl -o compose.yml .../compose.example.yml`) is the deployment.
  const byPath = (await computeRoles(files, options.roles)).withOverrides(await promotedExampleComposeFiles(files));
  const settings = await findSettingsReferences(files, byPath);
  // A module that production names (DJANGO_SETTINGS_MODULE) is production whatever its folder is called.
  const roles = byPath.withOverrides(await settingsRoleOverrides(files, parsed, byPath, settings));
  const deployments = await computeDeployments(files, parsed, roles);
  // A Dockerfile is what builds it: a production compose service or CI, or only a dev profile, or nothing.
  const builds = await computeBuilds(files, roles, deployments);
  // A manifest `kubectl apply -f` names in the README or a deploy script is deployed, whatever its folder.
  const applied = await appliedRoleOverrides(files, roles);
  return { roles: roles.withOverrides(builds.roleOverrides).withOverrides(applied), deployments, settings, builds };
}
