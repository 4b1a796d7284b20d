// Where reports link to: a check's documentation at the release that produced
// the report (so the text matches the check that ran), a file at the audited
// commit, the workflow run.

import { VERSION } from '../core/version.js';

export const PROJECT_URL = 'https://github.com/readiness-gate/readiness-gate';

/** The heading anchor GitHub gives `### headers.hsts` in docs/checks.md (lower case, punctuation other than `-` dropped). */
export function checkAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

export function checkDocsUrl(id: string, version: string = VERSION): string {
  return `${PROJECT_URL}/blob/v${version}/docs/checks.md#${checkAnchor(id)}`;
}

/** A repository path as URI path segments: `#`, `?`, `%`, spaces and parentheses escaped, slashes kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** Where a markdown report links: file locations at the audited commit, the workflow run. */
export interface ReportLinks extends Partial<BlobBase> {
  runUrl?: string;
}

export interface BlobBase {
  /** `https://github.com/owner/repo` */
  repositoryUrl: string;
  sha: string;
  /** The audited directory's place in the repository (`''` at the root). */
  pathPrefix?: string;
}

export function blobUrl(base: BlobBase, path: string, line?: number, endLine?: number): string {
  const full = base.pathPrefix ? `${base.pathPrefix.replace(/\/+$/, '')}/${path}` : path;
  const anchor = line ? `#L${line}${endLine && endLine > line ? `-L${endLine}` : ''}` : '';
  return `${base.repositoryUrl}/blob/${base.sha}/${encodePath(full)}${anchor}`;
}
