// The repository model: what every repository check needs to know about the
// repository, computed once per audit after the files are collected and
// before any check runs (config → collect → model → checks). Checks read it;
// none re-guesses it.

import type { FileSet } from '../repo/fileset.js';
import type { ConfiguredRole } from './role-rules.js';
import { computeRoles, type FileRoles } from './roles.js';

export interface RepoModel {
  /** The role of every file (production, development, test, docs, example, template, tooling) and why. */
  roles: FileRoles;
}

export async function buildRepoModel(files: FileSet, options: { roles?: readonly ConfiguredRole[] } = {}): Promise<RepoModel> {
  return { roles: await computeRoles(files, options.roles) };
}
