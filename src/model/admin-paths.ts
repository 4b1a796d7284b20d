// Admin and management API routes the repository's code names
// (`app.get('/api/admin/users')`, `path('management/stats/')`): auth.open-admin
// requests them without credentials, beside the admin endpoints of the
// well-known products it recognises; and sign-up routes (`/register`), which
// auth.open-registration reads. Route literals only, from files the
// production code may load (not tests, docs or examples).

import type { FileSet } from '../repo/fileset.js';
import type { FileRoles } from './roles.js';
import { CODE, ROUTE_LITERAL } from './health-paths.js';

export interface RepoRoute {
  path: string;
  /** The file that names it. */
  file: string;
}

/** At most this many admin routes from the repository are probed. */
export const MAX_REPO_ADMIN_PATHS = 4;

/** A path segment that names an administration surface. */
const ADMIN_SEGMENT = /(^|\/)(_{0,2}admin|administration|management)(\/|$)/i;

/** At most this many sign-up routes from the repository are probed. */
export const MAX_REPO_SIGNUP_PATHS = 2;

/** A path segment that names a sign-up page (`/register`, `/accounts/signup/`, `/users/sign_up`). */
const SIGNUP_SEGMENT = /(^|\/)(register|registration|sign[_-]?up|join)(\/|$)/i;

export function adminRoutesFromRepo(files: FileSet, roles?: FileRoles): Promise<RepoRoute[]> {
  return routesFromRepo(files, roles, { segment: ADMIN_SEGMENT, words: /admin|management/i, max: MAX_REPO_ADMIN_PATHS });
}

/** Sign-up routes the code names, for auth.open-registration. */
export function signUpRoutesFromRepo(files: FileSet, roles?: FileRoles): Promise<RepoRoute[]> {
  return routesFromRepo(files, roles, { segment: SIGNUP_SEGMENT, words: /regist|sign_?-?up|join/i, max: MAX_REPO_SIGNUP_PATHS });
}

/** Route literals with a segment matching `segment`, from code files production may load, at most `max`. */
async function routesFromRepo(files: FileSet, roles: FileRoles | undefined, wanted: { segment: RegExp; words: RegExp; max: number }): Promise<RepoRoute[]> {
  const out: RepoRoute[] = [];
  for (const file of files.files) {
    if (out.length >= wanted.max) break;
    if (!CODE.test(file.path)) continue;
    const role = roles?.of(file.path).role;
    if (role === 'test' || role === 'docs' || role === 'example') continue;
    const text = await files.read(file.path);
    if (text === undefined || !wanted.words.test(text)) continue;
    for (const match of text.matchAll(ROUTE_LITERAL)) {
      const literal = match[1]!;
      if (!literal.includes('/') || !wanted.segment.test(literal)) continue;
      const path = literal.startsWith('/') ? literal : `/${literal}`;
      if (path.includes('//') || out.some((r) => r.path === path)) continue;
      out.push({ path, file: file.path });
      if (out.length >= wanted.max) break;
    }
  }
  return out;
}
